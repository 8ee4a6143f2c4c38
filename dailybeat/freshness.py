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

Pages and pieces live in Django's default cache: local memory in each process, or
Redis when REDIS_URL is set. The content state itself must be shared by every
process, or a save in one would not reach the others: it lives in Redis, or without
Redis in a small table of the database (CONTENT_STATE_CACHE, see settings.py).
"""

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import timezone

STATE_KEY = "dailybeat:content-state"
# Even when nothing is scheduled, a version is trusted for at most this long.
LONGEST = timedelta(hours=1)
_MISSING = object()


@dataclass(frozen=True)
class State:
    version: int
    # The next moment the site changes without a save: the version ends then.
    valid_until: datetime


def _shared():
    return caches[settings.CONTENT_STATE_CACHE]


def state():
    """The current content state (one cache read; two queries when a version ends)."""
    from articles.models import Article

    now = timezone.now()
    current = _shared().get(STATE_KEY)
    if current is None or now >= current.valid_until:
        upcoming = Article.objects.next_change_after(now)
        valid_until = min(now + LONGEST, upcoming) if upcoming else now + LONGEST
        current = State(version=time.time_ns(), valid_until=valid_until)
        _shared().set(STATE_KEY, current, timeout=None)
    return current


def version():
    return state().version


def _end_version():
    _shared().delete(STATE_KEY)


_batch = threading.local()


def content_changed(**kwargs):
    """A signal receiver: something readers see changed; start a new version now,
    and again once the change is committed (a reader's request in between would
    otherwise cache the old content under the new version)."""
    if getattr(_batch, "every", None) is not None:
        # In a batch (batched()): at most one new version every few seconds.
        if time.monotonic() - _batch.last < _batch.every:
            _batch.pending = True
            return
        _batch.last, _batch.pending = time.monotonic(), False
    _end_version()
    transaction.on_commit(_end_version)


@contextmanager
def batched(every=10.0):
    """For thousands of saves in a row (an import): a new content version at most
    every ``every`` seconds, and one at the end, instead of one per save."""
    if getattr(_batch, "every", None) is not None:
        yield  # already batching
        return
    _batch.every, _batch.last, _batch.pending = every, time.monotonic(), False
    try:
        yield
    finally:
        pending = _batch.pending
        _batch.every = None
        if pending:
            _end_version()
            transaction.on_commit(_end_version)


def cached(name, build, seconds=None):
    """``build()``'s value for the current content version, cached for ``seconds``
    at most (while the version lasts)."""
    current = state()
    key = f"dailybeat:{name}:{current.version}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout=timeout_for(current, seconds))
    return value


def timeout_for(current, seconds=None):
    """How long to keep something built under ``current``: no longer than the
    version lasts (and ``seconds``, if given)."""
    remaining = (current.valid_until - timezone.now()).total_seconds()
    if seconds is not None:
        remaining = min(remaining, seconds)
    return max(1, int(remaining))
