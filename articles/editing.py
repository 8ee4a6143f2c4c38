"""
Protecting work in progress: who has a story open (the soft lock) and what they
typed but did not save (the autosave). Neither ever changes what readers see.
"""

from datetime import timedelta

from django.utils import timezone

from .models import Autosave, EditSession

# The change form's heartbeat comes every 30 seconds; a session missing three beats
# has ended (the tab was closed, the laptop slept).
HEARTBEAT_SECONDS = 30
EDIT_SESSION_TTL = timedelta(seconds=HEARTBEAT_SECONDS * 3)

# The fields an autosave keeps: what a writer types.
AUTOSAVED_FIELDS = ("headline", "standfirst", "body", "dateline", "credit_line")
MAX_AUTOSAVE_LENGTH = 500_000


def touch(article, user):
    """Record that ``user`` has ``article`` open now."""
    now = timezone.now()
    session, created = EditSession.objects.get_or_create(
        article=article, user=user, defaults={"started_at": now, "last_seen_at": now}
    )
    if not created:
        if session.last_seen_at < now - EDIT_SESSION_TTL:
            session.started_at = now  # a new visit, not a continuation
        session.last_seen_at = now
        session.save(update_fields=["started_at", "last_seen_at"])
    return session


def others_editing(article, user):
    """The other people who have the story open now, earliest first."""
    return list(
        EditSession.objects.filter(
            article=article, last_seen_at__gte=timezone.now() - EDIT_SESSION_TTL
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("started_at")
    )


def leave(article, user):
    EditSession.objects.filter(article=article, user=user).delete()


def autosave(article, user, data):
    """Keep what ``user`` typed into ``article`` (None: a story not yet saved)."""
    # (PostgreSQL's JSON cannot hold a NUL character; no editor types one.)
    kept = {
        name: str(data.get(name, "")).replace("\x00", "")[:MAX_AUTOSAVE_LENGTH]
        for name in AUTOSAVED_FIELDS
    }
    saved, _ = Autosave.objects.update_or_create(
        article=article, user=user, defaults={"data": kept}
    )
    return saved


def offer(article, user):
    """The autosave worth offering back to ``user``: text they typed and never
    saved, different from the story as it is. (Their own save discards it; someone
    else's later save does not, and the change form says so.) None otherwise."""
    saved = Autosave.objects.filter(article=article, user=user).first()
    if saved is None:
        return None
    if article is not None:
        if all(saved.data.get(f, "") == getattr(article, f) for f in AUTOSAVED_FIELDS):
            return None
    elif not any(saved.data.get(f) for f in AUTOSAVED_FIELDS):
        return None
    return saved


def discard(article, user):
    Autosave.objects.filter(article=article, user=user).delete()
