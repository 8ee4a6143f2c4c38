"""
The newsroom's roles, as Django groups. This is the one definition: the data
migration creates the groups from it, and every `migrate` adds permissions that
later migrations bring (see AccountsConfig.ready).

Rights that depend on the story (a writer edits only their own drafts) are checked
in articles/workflow.py; these are the permissions underneath.
"""

WRITER = "Writer"
EDITOR = "Editor"
ADMINISTRATOR = "Administrator"

_WRITER_PERMISSIONS = [
    "articles.add_article",
    "articles.change_article",  # own drafts only: articles.workflow.can_edit
    "articles.delete_article",  # own drafts only
    "articles.view_article",
    "articles.add_byline",
    "articles.change_byline",
    "articles.delete_byline",
    "articles.view_byline",
    "articles.add_image",
    "articles.view_image",
    "articles.view_correction",
    "authors.view_author",
    "sections.view_section",
    "taggit.add_tag",
    "taggit.view_tag",
]

_EDITOR_PERMISSIONS = [
    *_WRITER_PERMISSIONS,
    "articles.publish_article",
    "articles.edit_any_article",
    "articles.change_image",
    "articles.delete_image",
    "articles.add_correction",
    "articles.add_previewlink",
    "articles.change_previewlink",
    "articles.view_previewlink",
    "articles.change_frontpage",
    "articles.view_frontpage",
    "articles.add_frontpageslot",
    "articles.change_frontpageslot",
    "articles.delete_frontpageslot",
    "articles.view_frontpageslot",
    "taggit.change_tag",
    "taggit.delete_tag",
]

# None: every permission there is, users, sections and authors included.
ROLES = {
    WRITER: _WRITER_PERMISSIONS,
    EDITOR: _EDITOR_PERMISSIONS,
    ADMINISTRATOR: None,
}


def sync_roles(apps):
    """Create the role groups and give them their permissions (adding, never
    removing). ``apps`` is the app registry: a migration's or the real one."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        if wanted is None:
            permissions = Permission.objects.all()
        else:
            permissions = Permission.objects.none()
            for dotted in wanted:
                app_label, codename = dotted.split(".")
                permissions = permissions | Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                )
        group.permissions.add(*permissions)
