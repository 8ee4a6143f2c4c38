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

The rest of the page, its *frame* (the head's links, the masthead and navigation,
most read, the footer), is the same for every story of a section within one
content version. It is rendered once per process with markers where the parts
go, and kept in this process's memory (``StoryPageResponse``): a page-cache miss
then costs the story's row, the parts from the cache, and joining strings.

FRAGMENT_CACHE=false turns this off (the default with DEBUG on, so that edited
templates show at once; the benchmark measures the page both ways). Previews never
use it.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

from dailybeat import freshness, release


def _key(kind, request, *parts):
    """A cache key for ``kind`` from ``parts`` and the release and site address
    (parts hold absolute links, and a deploy renders afresh)."""
    parts = (*parts, release.current(), request.scheme, request.get_host())
    stamp = ":".join(str(part) for part in parts)
    return f"dailybeat:{kind}:{hashlib.sha256(stamp.encode()).hexdigest()[:32]}"


def story_key(request, article, current):
    return _key(
        "story",
        request,
        article.pk,
        article.version,
        article.updated_at.timestamp(),
        current.linked,
    )


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
# process's memory holds many stories (within LOCAL_CACHE_MB).
LONGEST_KEPT_HERE = 64 * 1024


def _keep_here(key, value, seconds):
    size = len(value) if isinstance(value, str) else sum(map(len, value.values()))
    if size <= LONGEST_KEPT_HERE:
        freshness.local().set(key, value, seconds)


# Where a part goes in a frame. Text in the frame is escaped, so a headline can't
# make one; the parts, which aren't escaped, aren't in the frame.
HOLE = "<!--dailybeat:part:{}-->"
HOLES = re.compile(r"<!--dailybeat:part:(\w+)-->")


class StoryPageResponse(TemplateResponse):
    """A story page: its frame, with its parts (``context["parts"]``) in their
    holes. The frame is kept in this process for the content version (which also
    keys most read, part of the frame) and the release, per section (the
    navigation and the section's feed) and site address.

    Only for readers' requests, whose content version is read once, before
    anything else (``request.content_state``, dailybeat/middleware.py): a frame
    is then of the version it is kept under. Other requests (staff, who have a
    session) render the page around its parts."""

    @property
    def rendered_content(self):
        context = self.context_data
        parts = context["parts"]
        current = getattr(self._request, "content_state", None)
        if not settings.FRAGMENT_CACHE or current is None:
            return super().rendered_content
        key = _key(
            "frame",
            self._request,
            current.version,
            context["article"].section_id,
            ",".join(str(story.pk) for story in context["most_read"]),
        )
        frame = freshness.local().get(key)
        if frame is None:
            frame = self._frame(parts)
            if frame is None:  # a part without its hole: the page as it comes
                return super().rendered_content
            seconds = freshness.timeout_for(current, settings.FRAGMENT_CACHE_SECONDS)
            freshness.local().set(key, frame, seconds)
        # frame = [text, part name, text, part name, …, text]
        page = list(frame)
        page[1::2] = [parts[name] for name in frame[1::2]]
        return "".join(page)

    def _frame(self, parts):
        holes = {name: mark_safe(HOLE.format(name)) for name in parts}
        template = self.resolve_template(self.template_name)
        context = self.resolve_context({**self.context_data, "parts": holes})
        frame = HOLES.split(template.render(context, self._request))
        if sorted(frame[1::2]) != sorted(parts):
            return None
        return frame
