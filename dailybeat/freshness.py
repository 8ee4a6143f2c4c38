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

The cache is Django's default cache: local memory in one process, or Redis (shared by
every process and server) when REDIS_URL is set.
"""

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
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


def _next_change(now):
    """When the site next changes by the clock alone: the next scheduled story
    going live, or the next breaking-news banner ending (two indexed lookups)."""
    from articles.models import Article

    going_live = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    banner_ends = (
        Article.objects.filter(breaking_until__gt=now)
        .order_by("breaking_until")
        .values_list("breaking_until", flat=True)
        .first()
    )
    return min(moment for moment in (now + LONGEST, going_live, banner_ends) if moment)


def state():
    """The current content state (one cache read; a query when a version ends)."""
    now = timezone.now()
    current = cache.get(STATE_KEY)
    if current is None or now >= current.valid_until:
        current = State(version=time.time_ns(), valid_until=_next_change(now))
        cache.set(STATE_KEY, current, timeout=None)
    return current


def version():
    return state().version


def content_changed(**kwargs):
    """A signal receiver: something readers see changed; start a new version."""
    cache.delete(STATE_KEY)


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
