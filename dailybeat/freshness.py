"""
Cached pieces of pages that are never stale.

Everything cached here is stored under a key that includes the site's *content
version*. Saving or deleting anything readers see (a story, a section, an author, a
byline…) sets a new version (see DailyBeatConfig.ready), so the very next request
builds afresh: caches are invalidated by publishing and editing, never by waiting.
What changes with the clock alone — a scheduled story going live, a breaking-news
banner ending — is handled by the builder, which says how long its value stays true.

The cache is Django's default cache: local memory in one process, or Redis (shared
by every process and server) when REDIS_URL is set.
"""

import time

from django.core.cache import cache

VERSION_KEY = "dailybeat:content-version"
_MISSING = object()


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        current = cache.get(VERSION_KEY)
    return current


def content_changed(**kwargs):
    """A signal receiver: something readers see changed."""
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def cached(name, build):
    """The value of ``build`` for the current content version.

    ``build()`` returns (value, seconds): how long the value stays true even if
    nothing is saved.
    """
    key = f"dailybeat:{name}:{version()}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value, seconds = build()
        cache.set(key, value, timeout=max(1, int(seconds)))
    return value
