"""
Caches that are never stale.

Everything cached for readers — whole pages, and the site-wide pieces of pages
(navigation, breaking-news banner, most read) — is stored under a key that includes
the site's *content version*. The version changes:

- when anything readers see is saved or deleted (a story, a section, an author, a
  byline…; the signals are wired in DailyBeatConfig.ready), and
- when the clock passes the next moment the site changes by itself: a scheduled story
  going live, a breaking-news banner ending. The version remembers that moment; the
  first request after it starts a new version.

So the next request after a change builds afresh: caches are invalidated by
publishing and editing, never by waiting for a timeout.

A story's own part of its page (headline, byline, body, tags…) does not change when
*another* story is saved, so it is kept across content versions
(articles/fragments.py). Its key holds the story's own version and the *linked version*,
which changes only when something a story shows besides itself changes: an author,
a section, a tag, a picture, or the byline, tags or corrections of a published
story. A newsroom saves stories all day; those other things change seldom.

Pages and pieces live in Django's default cache: local memory in each process, or
Redis when REDIS_URL is set; with Redis, what is keyed by the versions is also kept
in each process's memory in front of it (``local()``). The content state itself
must be shared by every process, or a save in one would not reach the others: it
lives in Redis, or without Redis in a small table of the database
(CONTENT_STATE_CACHE, see settings.py).
"""

import contextvars
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import timezone

STATE_KEY = "dailybeat:content-state"
LINKED_KEY = "dailybeat:linked-version"
# Even when nothing is scheduled, a version is trusted for at most this long.
LONGEST = timedelta(hours=1)
_MISSING = object()


@dataclass(frozen=True)
class State:
    version: int
    # The next moment the site changes without a save: the version ends then.
    valid_until: datetime
    # What stories show besides themselves (see above); it outlives content versions.
    linked: int = 0


def _shared():
    return caches[settings.CONTENT_STATE_CACHE]


def state():
    """The current content state (one cache read; two queries when a version ends).
    A reader's request reads it once (``one_state``)."""
    from articles.models import Article

    if (current := _request_state.get()) is not None:
        return current
    now = timezone.now()
    found = _shared().get_many([STATE_KEY, LINKED_KEY])
    current, linked = found.get(STATE_KEY), found.get(LINKED_KEY)
    if linked is None:
        linked = time.time_ns()
        _shared().set(LINKED_KEY, linked, timeout=None)
    if current is None or now >= current.valid_until:
        upcoming = Article.objects.next_change_after(now)
        valid_until = min(now + LONGEST, upcoming) if upcoming else now + LONGEST
        current = State(version=time.time_ns(), valid_until=valid_until)
        _shared().set(STATE_KEY, current, timeout=None)
    if current.linked != linked:
        current = replace(current, linked=linked)
    return current


_request_state = contextvars.ContextVar("content_state", default=None)


@contextmanager
def one_state():
    """Within the block (a reader's request, dailybeat/middleware.py), ``state()``
    is read once: the pieces of one page are of one version. Only readers' GETs
    are in such a block, and they save nothing; a version that ends meanwhile
    leaves this request building under the old keys, which no later request
    reads. (A streamed response's body is made after the block.)"""
    token = _request_state.set(None)
    try:
        current = state()
        _request_state.set(current)
        yield current
    finally:
        _request_state.reset(token)


def version():
    return state().version


def _end_version():
    _shared().delete(STATE_KEY)


def _end_versions():
    """The content version and the linked version."""
    _shared().delete_many([STATE_KEY, LINKED_KEY])


def _end(linked):
    """End the version (with the linked one) now, and again once the change is
    committed."""
    end = _end_versions if linked else _end_version
    end()
    transaction.on_commit(end)


_batch = threading.local()


def content_changed(sender=None, instance=None, **kwargs):
    """A signal receiver: something readers see changed; start a new version now,
    and again once the change is committed (a reader's request in between would
    otherwise cache the old content under the new version)."""
    _changed(linked=False)


def linked_changed(sender=None, instance=None, **kwargs):
    """A signal receiver for what stories show besides themselves (authors,
    sections, tags, pictures; bylines, tag links and corrections): a new content
    version, and a new linked version too, unless nothing cached can show the
    change: a new author, section, tag or picture, or the byline, tags or
    corrections of a story readers cannot see (a draft's byline shows nowhere, and
    the story's own version changes when it is published)."""
    link = STORY_LINKS.get(sender._meta.label_lower)
    if link is None:
        # A new author, section, tag or picture is in no story's cached part yet.
        _changed(linked=not kwargs.get("created", False))
    elif getattr(_batch, "linked", False) and _batch.every is not None:
        _changed(linked=True)  # this batch ends the linked version anyway
    else:
        _changed(linked=_story_is_published(getattr(instance, link)))


def byline_authors_changed(sender, instance, action, reverse, **kwargs):
    """An m2m_changed receiver for ``Article.authors``: bylines written through it
    (``story.authors.add(…)``) are inserted in bulk, without post_save."""
    if action.startswith("post_"):
        # From an author's side (author.articles.add), any story may be involved.
        _changed(linked=reverse or _story_is_published(instance.pk))


# The links from a story to what it shows, and the field naming their story.
STORY_LINKS = {
    "articles.byline": "article_id",
    "articles.taggedarticle": "content_object_id",
    "articles.correction": "article_id",
}


def _story_is_published(story_id):
    from articles.models import Article

    # Live or scheduled: a page may be cached once it is live.
    return Article.objects.filter(pk=story_id, status=Article.Status.PUBLISHED).exists()


def _changed(linked):
    if getattr(_batch, "every", None) is not None:
        # In a batch (batched()): at most one new version every few seconds.
        _batch.linked = _batch.linked or linked
        if time.monotonic() - _batch.last < _batch.every:
            _batch.pending = True
            return
        linked = _batch.linked
        _batch.last, _batch.pending, _batch.linked = time.monotonic(), False, False
    _end(linked)


@contextmanager
def batched(every=10.0):
    """For thousands of saves in a row (an import): a new content version at most
    every ``every`` seconds, and one at the end, instead of one per save."""
    if getattr(_batch, "every", None) is not None:
        yield  # already batching
        return
    _batch.every, _batch.last, _batch.pending = every, time.monotonic(), False
    _batch.linked = False
    try:
        yield
    finally:
        pending, linked = _batch.pending, _batch.linked
        _batch.every = None
        if pending:
            _end(linked)


def cached(name, build, seconds=None):
    """``build()``'s value for the current content version, cached for ``seconds``
    at most (while the version lasts)."""
    current = state()
    key = f"dailybeat:piece:{name}:{current.version}"
    found = local().get(key, _MISSING)
    if found is _MISSING:
        found = cache.get(key, _MISSING)
        if found is _MISSING:
            seconds_left = timeout_for(current, seconds)
            found = (time.time() + seconds_left, build())  # (expires, value)
            cache.set(key, found, timeout=seconds_left)
        # Kept here no longer than in the shared cache.
        local().set(key, found, timeout=max(1, int(found[0] - time.time())))
    return found[1]


def local():
    """This process's own memory, in front of the shared cache (a network round
    trip away with Redis; without Redis the same memory as the default cache).

    Only for what is keyed by a version read afresh on every request: the
    content or linked version from the shared state, or a story's own version
    from its row. Such a key can't be stale, only unreachable. Never for what
    is ended by deleting its key (the content state itself, read counts)."""
    return caches["local"]


def timeout_for(current, seconds=None):
    """How long to keep something built under ``current``: no longer than the
    version lasts (and ``seconds``, if given)."""
    remaining = (current.valid_until - timezone.now()).total_seconds()
    if seconds is not None:
        remaining = min(remaining, seconds)
    return max(1, int(remaining))
