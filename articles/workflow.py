"""
The editorial workflow: draft → in review → published (live, or scheduled) →
unpublished, who may make each move, and the record of it.

Every move is checked here, on the server, whatever button or action asked for it:
a writer who POSTs "publish" gets a WorkflowError, not a published story. Each move
is saved as a new revision and written to the admin history with who and when.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import revisions
from .models import Article

PUBLISH = "articles.publish_article"
EDIT_ANY = "articles.edit_any_article"
Status = Article.Status


class WorkflowError(Exception):
    """A move that is not allowed, with the reason in words for the newsroom."""


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    # A button that changes what readers see is styled as such in the admin.
    public: bool = False


MOVES = {
    move.name: move
    for move in (
        Move("submit", gettext_lazy("Submit for review")),
        Move("return_to_draft", gettext_lazy("Return to draft")),
        Move("publish", gettext_lazy("Publish now"), public=True),
        Move("schedule", gettext_lazy("Schedule"), public=True),
        Move("unpublish", gettext_lazy("Unpublish"), public=True),
    )
}


def can_edit(user, article):
    """Writers edit their own drafts; editors (edit_any_article) edit every story."""
    if not user.has_perm("articles.change_article"):
        return False
    if user.has_perm(EDIT_ANY):
        return True
    return article.created_by_id == user.pk and article.status == Status.DRAFT


def refusal(user, article, name, at=None):
    """Why ``user`` may not make move ``name`` on ``article`` now, or None."""
    publisher = user.has_perm(PUBLISH)
    own = article.created_by_id == user.pk
    status = article.status
    if name == "submit":
        if status != Status.DRAFT:
            return _("Only a draft can be submitted for review.")
        if not can_edit(user, article):
            return _("You can submit only your own drafts.")
    elif name == "return_to_draft":
        if status not in (Status.REVIEW, Status.UNPUBLISHED):
            return _("Only a story in review or unpublished can return to draft.")
        # A writer may take back their own story from review.
        if not (publisher or (own and status == Status.REVIEW)):
            return _("Only an editor can return this story to draft.")
    elif name in ("publish", "schedule", "unpublish"):
        if not publisher:
            return _("Only an editor can publish, schedule or unpublish stories.")
        if name == "publish" and article.is_published:
            return _("The story is already live.")
        if name == "schedule":
            if article.is_published:
                return _("The story is live; unpublish it before scheduling it again.")
            if at is None or at <= timezone.now():
                return _("To schedule, set a publish time in the future.")
        if name == "unpublish" and status != Status.PUBLISHED:
            return _("Only a published or scheduled story can be unpublished.")
    else:
        return _("Unknown action.")
    if name in ("publish", "schedule"):
        problems = article.publishing_problems()
        if problems:
            return " ".join(str(problem) for problem in problems)
    return None


def available_moves(user, article):
    """The moves ``user`` can make on ``article`` now, for the change form's
    buttons (schedule is offered whenever publishing is: it needs the time field)."""
    moves = []
    for name, move in MOVES.items():
        at = timezone.now() + timedelta(days=1) if name == "schedule" else None
        if refusal(user, article, name, at=at) is None:
            moves.append(move)
    return moves


def apply(article, name, user, *, at=None):
    """Make move ``name`` on ``article`` as ``user``; return the history message.

    Raises WorkflowError (and changes nothing) when the move is not allowed.
    """
    with transaction.atomic():
        story = Article.objects.select_for_update().get(pk=article.pk)
        if name == "schedule":
            at = at or story.published_at
        reason = refusal(user, story, name, at=at)
        if reason:
            raise WorkflowError(reason)
        if name == "submit":
            story.submit_for_review()
            message = _("Submitted for review.")
        elif name == "return_to_draft":
            story.return_to_draft()
            message = _("Returned to draft.")
        elif name == "publish":
            # Publishing now also brings a scheduled story forward.
            story.publish(at=timezone.now())
            message = _("Published.")
        elif name == "schedule":
            story.publish(at=at)
            message = _("Scheduled for %(time)s IST.") % {
                "time": date_format(timezone.localtime(at), "j F Y, g:i A")
            }
        else:
            story.unpublish()
            message = _("Unpublished.")
        story.updated_by = user
        with revisions.story_revision(user, message):
            story.save()
            revisions.record(story)
        LogEntry.objects.log_actions(
            user.pk, [story], CHANGE, change_message=message, single_object=True
        )
    # The caller's copy now matches the database.
    article.status, article.published_at = story.status, story.published_at
    article.version, article.updated_at = story.version, story.updated_at
    return message
