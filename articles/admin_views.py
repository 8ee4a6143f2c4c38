"""
The newsroom's own admin pages for a story, beyond Django's change form: preview,
revisions (list, compare, restore), preview links, and the change form's
background calls (autosave, heartbeat). Each is wired in ArticleAdmin.get_urls,
behind the admin's login, and checks the user's rights on the story itself.
"""

import functools
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import (
    Http404,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from taggit.models import Tag

from . import diffs, editing, revisions, workflow
from .models import Article, Image, PreviewLink
from .views import render_preview

TAG_SUGGESTIONS = 10
PREVIEW_LINK_LIFETIMES = {
    "1h": (timedelta(hours=1), _("1 hour")),
    "1d": (timedelta(days=1), _("1 day")),
    "3d": (timedelta(days=3), _("3 days")),
    "7d": (timedelta(days=7), _("7 days")),
}


def route(model_admin, view, address, name):
    """A URL pattern for one of these views, behind the admin's login."""
    wrapped = model_admin.admin_site.admin_view(
        lambda request, *args, **kwargs: view(model_admin, request, *args, **kwargs)
    )
    return path(address, wrapped, name=name)


def post_only(view):
    @functools.wraps(view)
    def wrapper(model_admin, request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(model_admin, request, *args, **kwargs)

    return wrapper


def _story(model_admin, request, pk, *, change=False):
    """The story, if the user may see it (and change it, when ``change``)."""
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    allowed = (
        model_admin.has_change_permission(request, article)
        if change
        else model_admin.has_view_or_change_permission(request, article)
    )
    if not allowed:
        raise PermissionDenied
    return article


def _context(model_admin, request, article, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "title": title,
        "change_url": reverse("admin:articles_article_change", args=[article.pk]),
        **extra,
    }


def _clean_text(value, limit):
    return value.replace("\x00", "").strip()[:limit]


def tag_suggestions(model_admin, request):
    """Existing tags matching what an editor is typing."""
    if not (
        model_admin.has_add_permission(request)
        or model_admin.has_change_permission(request)
    ):
        raise PermissionDenied
    term = _clean_text(request.GET.get("q", ""), 100)
    names = []
    if term:
        names = list(
            Tag.objects.filter(name__icontains=term)
            .order_by("name")
            .values_list("name", flat=True)[:TAG_SUGGESTIONS]
        )
    return JsonResponse({"results": names})


def preview(model_admin, request, pk):
    """The story as readers will see it, for staff, whatever its state."""
    return render_preview(request, _story(model_admin, request, pk))


def revision_list(model_admin, request, pk):
    article = _story(model_admin, request, pk)
    versions = list(revisions.history(article)[:200])
    return TemplateResponse(
        request,
        "admin/articles/article/revisions.html",
        _context(
            model_admin,
            request,
            article,
            _("Revisions of “%(story)s”") % {"story": article},
            versions=versions,
            can_restore=model_admin.has_change_permission(request, article),
        ),
    )


def _version(article, version_id):
    for version in revisions.history(article).filter(pk=version_id):
        return version
    raise Http404("No such revision of this story.")


def revision_compare(model_admin, request, pk):
    article = _story(model_admin, request, pk)
    try:
        older_id, newer_id = int(request.GET["from"]), int(request.GET["to"])
    except (KeyError, ValueError):
        messages.error(request, _("Choose two revisions to compare."))
        return HttpResponseRedirect(
            reverse("admin:articles_article_revisions", args=[pk])
        )
    older, newer = _version(article, older_id), _version(article, newer_id)
    if older.revision.date_created > newer.revision.date_created:
        older, newer = newer, older
    old, new = revisions.snapshot(older), revisions.snapshot(newer)
    return TemplateResponse(
        request,
        "admin/articles/article/compare.html",
        _context(
            model_admin,
            request,
            article,
            _("Compare revisions of “%(story)s”") % {"story": article},
            older=older,
            newer=newer,
            diff=diffs.story(old.fields, new.fields),
            old_authors=old.author_names,
            new_authors=new.author_names,
            old_tags=old.tag_names,
            new_tags=new.tag_names,
            can_restore=model_admin.has_change_permission(request, article),
        ),
    )


def revision_restore(model_admin, request, pk, version_id):
    article = _story(model_admin, request, pk, change=True)
    version = _version(article, version_id)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "admin/articles/article/restore_confirm.html",
            _context(
                model_admin,
                request,
                article,
                _("Restore an earlier revision"),
                version=version,
                diff=diffs.story(article, revisions.snapshot(version).fields),
            ),
        )
    revisions.restore(article, version, request.user)
    model_admin.log_change(
        request,
        article,
        _("Restored the revision of %(date)s IST.")
        % {
            "date": date_format(
                timezone.localtime(version.revision.date_created), "j F Y, g:i A"
            )
        },
    )
    messages.success(
        request,
        _(
            "The earlier text is back, as a new revision. Nothing was published or "
            "unpublished."
        ),
    )
    return HttpResponseRedirect(reverse("admin:articles_article_change", args=[pk]))


def preview_links(model_admin, request, pk):
    """Signed, expiring links for people without an account; editors only."""
    article = _story(model_admin, request, pk)
    if not request.user.has_perm(workflow.PUBLISH):
        raise PermissionDenied
    if request.method == "POST":
        lifetime, _label = PREVIEW_LINK_LIFETIMES.get(
            request.POST.get("lifetime"), PREVIEW_LINK_LIFETIMES["1d"]
        )
        link = PreviewLink.objects.create(
            article=article,
            note=_clean_text(request.POST.get("note", ""), 120),
            created_by=request.user,
            expires_at=timezone.now() + lifetime,
        )
        model_admin.log_change(request, article, _("Created a preview link."))
        messages.success(
            request,
            _("Preview link created: %(url)s")
            % {"url": request.build_absolute_uri(link.get_absolute_url())},
        )
        return HttpResponseRedirect(request.path)
    links = [
        (link, request.build_absolute_uri(link.get_absolute_url()))
        for link in article.preview_links.select_related("created_by")
    ]
    return TemplateResponse(
        request,
        "admin/articles/article/preview_links.html",
        _context(
            model_admin,
            request,
            article,
            _("Preview links for “%(story)s”") % {"story": article},
            links=links,
            lifetimes=[
                (key, label) for key, (_delta, label) in PREVIEW_LINK_LIFETIMES.items()
            ],
            now=timezone.now(),
        ),
    )


@post_only
def revoke_preview_link(model_admin, request, pk, link_id):
    article = _story(model_admin, request, pk)
    if not request.user.has_perm(workflow.PUBLISH):
        raise PermissionDenied
    link = get_object_or_404(PreviewLink, pk=link_id, article=article)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        model_admin.log_change(request, article, _("Revoked a preview link."))
    messages.success(request, _("The preview link no longer works."))
    return HttpResponseRedirect(
        reverse("admin:articles_article_preview_links", args=[pk])
    )


def _others(article, user):
    return [
        {
            "name": str(session.user),
            "since": timezone.localtime(session.started_at).strftime("%H:%M"),
        }
        for session in editing.others_editing(article, user)
    ]


@post_only
def autosave(model_admin, request, pk=None):
    """Keep what the change form holds; never touches the story itself."""
    if pk is None:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        article = None
    else:
        article = _story(model_admin, request, pk, change=True)
        editing.touch(article, request.user)
    saved = editing.autosave(article, request.user, request.POST)
    return JsonResponse(
        {
            "saved_at": timezone.localtime(saved.saved_at).strftime("%H:%M:%S"),
            "others": _others(article, request.user) if article else [],
        }
    )


@post_only
def discard_autosave(model_admin, request, pk=None):
    article = None if pk is None else _story(model_admin, request, pk, change=True)
    editing.discard(article, request.user)
    messages.info(request, _("The autosaved text was discarded."))
    if article is None:
        return HttpResponseRedirect(reverse("admin:articles_article_add"))
    return HttpResponseRedirect(reverse("admin:articles_article_change", args=[pk]))


@post_only
def heartbeat(model_admin, request, pk):
    article = _story(model_admin, request, pk, change=True)
    editing.touch(article, request.user)
    return JsonResponse({"others": _others(article, request.user)})


@post_only
def release(model_admin, request, pk):
    article = get_object_or_404(Article, pk=pk)
    editing.leave(article, request.user)
    return JsonResponse({"released": True})


# The body editor's pictures -------------------------------------------------------


@post_only
def editor_upload(model_admin, request):
    """CKEditor's upload (its image dialog, drag and drop, paste): the picture goes
    into the media library, checked and cleaned like any other, and the editor gets
    its address. Answers in the JSON CKEditor 4 reads."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse(
            {"uploaded": 0, "error": {"message": _("No file was sent.")}}
        )
    image = Image(file=upload, uploaded_by=request.user)
    try:
        image.full_clean()
    except ValidationError as error:
        message = " ".join(error.message_dict.get("file", error.messages))
        return JsonResponse({"uploaded": 0, "error": {"message": message}})
    image.save()
    model_admin.log_addition(request, image, _("Uploaded from the story editor."))
    return JsonResponse(
        {
            "uploaded": 1,
            "fileName": image.file.name.rsplit("/", 1)[-1],
            "url": image.file.url,
        }
    )


def editor_browse(model_admin, request):
    """CKEditor's picture browser: the media library, searchable; choosing a
    picture puts it (with its alt text) into the story."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    term = _clean_text(request.GET.get("q", ""), 100)
    images = Image.objects.exclude(rendition_widths=[])
    if term:
        images = images.filter(
            Q(caption__icontains=term)
            | Q(alt_text__icontains=term)
            | Q(credit__icontains=term)
        )
    try:
        func_num = int(request.GET.get("CKEditorFuncNum", ""))
    except ValueError:
        func_num = None
    return TemplateResponse(
        request,
        "admin/articles/image/editor_browse.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": _("Choose a picture"),
            "images": images[:60],
            "term": term,
            "func_num": func_num,
            "is_popup": True,
        },
    )
