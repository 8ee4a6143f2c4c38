"""
A story's revisions, kept by django-reversion: saving, listing, comparing and
restoring them.

We use reversion rather than django-simple-history because a reversion revision
groups the story with its byline, tags and corrections as they stood after one save,
with who and when, which is what an editor compares and restores. Revisions are
managed explicitly (``manage_manually``): a story is recorded once, after its
related rows are saved, so a revision never holds a half-saved byline.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reversion.models import Version
from taggit.models import Tag

from authors.models import Author

from .models import Article, Byline, Correction, Image, TaggedArticle

# What a restore brings back. Never the workflow state (status, publish time) and
# never the slug: restoring text must not publish, unpublish or move a story.
RESTORED_FIELDS = (
    "headline",
    "standfirst",
    "body",
    "dateline",
    "credit_line",
    "section_id",
    "hero_image_id",
)


@contextmanager
def story_revision(user, comment):
    """A revision block: what is recorded inside it is saved as one revision."""
    with reversion.create_revision(manage_manually=True):
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        add_comment(comment)
        yield


def add_comment(text):
    if text:
        reversion.set_comment(" ".join(filter(None, [reversion.get_comment(), text])))


def record(article):
    """Record the story (with its byline, tags and corrections) in the current
    revision block."""
    reversion.add_to_revision(article)


def history(article):
    """The story's versions, newest first, with their revision and its user."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


@dataclass
class Snapshot:
    """A story as one revision recorded it."""

    version: Version
    fields: dict
    bylines: list = field(default_factory=list)  # [(position, author_id)]
    tag_ids: list = field(default_factory=list)
    corrections: list = field(default_factory=list)

    @property
    def author_names(self):
        names = dict(
            Author.objects.filter(
                pk__in=[a for _position, a in self.bylines]
            ).values_list("pk", "name")
        )
        return [
            names.get(author_id, _("(deleted author)"))
            for _position, author_id in self.bylines
        ]

    @property
    def tag_names(self):
        return sorted(
            Tag.objects.filter(pk__in=self.tag_ids).values_list("name", flat=True)
        )


def snapshot(version):
    """Read the story and its related rows back from ``version``'s revision."""
    article_id = int(version.object_id)
    related = {
        ContentType.objects.get_for_model(model).pk: model
        for model in (Byline, TaggedArticle, Correction)
    }
    shot = Snapshot(version=version, fields=version.field_dict)
    for other in version.revision.version_set.all():
        model = related.get(other.content_type_id)
        if model is None:
            continue
        data = other.field_dict
        if model is Byline and data["article_id"] == article_id:
            shot.bylines.append((data["position"], data["author_id"]))
        elif model is TaggedArticle and data["content_object_id"] == article_id:
            shot.tag_ids.append(data["tag_id"])
        elif model is Correction and data["article_id"] == article_id:
            shot.corrections.append(data)
    shot.bylines.sort()
    return shot


def restore(article, version, user):
    """Bring the story's text, byline and tags back to ``version``; the result is a
    new revision. Corrections stay: they are part of the record."""
    shot = snapshot(version)
    when = version.revision.date_created
    with transaction.atomic():
        story = Article.objects.select_for_update().get(pk=article.pk)
        for name in RESTORED_FIELDS:
            setattr(story, name, shot.fields.get(name, getattr(story, name)))
        if (
            story.hero_image_id
            and not Image.objects.filter(pk=story.hero_image_id).exists()
        ):
            story.hero_image = None
        story.updated_by = user
        comment = _("Restored the version of %(date)s IST.") % {
            "date": date_format(timezone.localtime(when), "j F Y, g:i A")
        }
        with story_revision(user, comment):
            story.save()
            story.bylines.all().delete()
            existing_authors = set(
                Author.objects.filter(
                    pk__in=[a for _position, a in shot.bylines]
                ).values_list("pk", flat=True)
            )
            Byline.objects.bulk_create(
                Byline(article=story, author_id=author_id, position=position)
                for position, author_id in shot.bylines
                if author_id in existing_authors
            )
            story.tags.set(Tag.objects.filter(pk__in=shot.tag_ids))
            record(story)
    return story
