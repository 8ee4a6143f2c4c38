"""
Parts of a story's page kept across content versions ("Russian doll" caching).

The whole-page cache ends at every save in the newsroom (dailybeat/freshness.py),
so on a busy day most reads of the archive miss it and build the page again. Yet
a story's own part of its page (the head tags, headline, byline, picture, body,
corrections and tags) changes only when the story, or something it shows besides
itself, changes. That part is kept under a key of:

- the story's id, version and last-saved time (every save of it changes them);
- the linked version: authors, sections, tags, pictures, and the bylines, tags
  and corrections of published stories (dailybeat/freshness.py);
- the site's address (the part holds absolute links), and the release
  (dailybeat/release.py: a deploy renders afresh).

The related stories, which change whenever a story is published, are kept for the
content version only. So a page-cache miss after another story's save reads the
story (without its body), its tags and related stories (which that save may have
changed), and the cache (both parts in one round trip), and renders the page
around them, instead of building it whole; later misses in the same version read
only the story.

FRAGMENT_CACHE=false turns this off (the default with DEBUG on, so that edited
templates show at once; the benchmark measures the page both ways). Previews never
use it.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from dailybeat import freshness, release


def story_key(request, article, current):
    stamp = ":".join(
        str(part)
        for part in (
            article.pk,
            article.version,
            article.updated_at.timestamp(),
            current.linked,
            release.current(),
            request.scheme,
            request.get_host(),
        )
    )
    return f"dailybeat:story:{hashlib.sha256(stamp.encode()).hexdigest()[:32]}"


def story_parts(request, article, build_story, build_related):
    """``{"head": …, "story": …, "related": …}``: the HTML of ``article``'s page
    parts, read from the cache in one round trip, and built (then kept) where
    missing: ``build_story()`` gives the head and story, ``build_related()`` the
    related stories."""
    if not settings.FRAGMENT_CACHE:
        return {**build_story(), "related": build_related()}
    current = freshness.state()
    related = f"{current.version}:{release.current()}:{article.pk}"
    keys = {
        "story": story_key(request, article, current),
        "related": f"dailybeat:related:{related}",
    }
    # The story's part is kept as long as it may be read again (its key changes
    # with it); related stories no longer than their content version lasts.
    seconds = {
        keys["story"]: settings.FRAGMENT_CACHE_SECONDS,
        keys["related"]: freshness.timeout_for(
            current, settings.FRAGMENT_CACHE_SECONDS
        ),
    }
    found = freshness.local().get_many(keys.values())
    if missing := [key for key in keys.values() if key not in found]:
        for key, value in cache.get_many(missing).items():
            found[key] = value
            _keep_here(key, value, seconds[key])
    builders = {"story": build_story, "related": build_related}  # in this order
    for name, key in keys.items():
        if key not in found:
            found[key] = builders[name]()
            cache.set(key, found[key], seconds[key])
            _keep_here(key, found[key], seconds[key])
    return {**found[keys["story"]], "related": found[keys["related"]]}


# Longer parts (a live blog's) are read from the shared cache only, so that this
# process's memory holds many stories (LOCAL_CACHE_ENTRIES of them at most).
LONGEST_KEPT_HERE = 64 * 1024


def _keep_here(key, value, seconds):
    size = len(value) if isinstance(value, str) else sum(map(len, value.values()))
    if size <= LONGEST_KEPT_HERE:
        freshness.local().set(key, value, seconds)
