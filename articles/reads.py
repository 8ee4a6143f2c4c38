"""
Counting reads without slowing pages or making them uncacheable.

The story page stays a static, cacheable document; a few lines of JavaScript send a
beacon (POST /read/<id>/) once the page has loaded. Each app process adds beacons up
in memory and writes them to the database in one statement every FLUSH_SECONDS (or
every FLUSH_READS), so a viral story costs a database write per process every few
seconds, not one per reader. Only published stories are counted.

A process that is killed loses at most its last few seconds of counts: fine for a
"most read" list.
"""

import atexit
import logging
import threading
import time
from collections import Counter
from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone

from dailybeat import freshness

from .models import Article, ReadCount

# Story ids are bigints; anything larger is not a story.
MAX_ID = 2**63
# One counted read per reader and story in this many seconds.
READER_WINDOW = 30 * 60
FLUSH_SECONDS = 10
FLUSH_READS = 500
MOST_READ_DAYS = 7
MOST_READ_SECONDS = 60

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_pending = Counter()
_last_flush = time.monotonic()


def record(article_id, reader=""):
    """Count one read of the story ``article_id`` (written to the database soon).

    ``reader`` (the reader's address) counts one read per reader and story in
    READER_WINDOW, so reloading, or a script, does not climb "Most read"."""
    global _last_flush
    if not 0 < article_id < MAX_ID:
        return
    if reader and not cache.add(
        f"dailybeat:read:{reader}:{article_id}", 1, READER_WINDOW
    ):
        return
    with _lock:
        _pending[article_id] += 1
        due = (
            sum(_pending.values()) >= FLUSH_READS
            or time.monotonic() - _last_flush >= FLUSH_SECONDS
        )
    if due:
        flush()


def flush():
    """Write the counts gathered so far, adding to today's, in one statement."""
    global _last_flush
    with _lock:
        counts = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not counts:
        return
    try:
        _write(counts)
    except DatabaseError:
        # Counts are worth little against an error page: note it, drop them.
        logger.exception("Could not write %d read counts", len(counts))


def _write(counts):
    values = ", ".join(["(%s::bigint, %s::integer)"] * len(counts))
    params = [number for pair in counts.items() for number in pair]
    today = timezone.localdate()
    table, articles = ReadCount._meta.db_table, Article._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (article_id, day, count)
            SELECT read.id, %s, read.count
            FROM (VALUES {values}) AS read (id, count)
            JOIN {articles} AS story ON story.id = read.id
            WHERE story.status = %s AND story.published_at <= now()
            ON CONFLICT (article_id, day)
            DO UPDATE SET count = {table}.count + EXCLUDED.count
            """,  # the table names are ours; every value is a parameter
            [today, *params, Article.Status.PUBLISHED],
        )


atexit.register(flush)


def most_read(limit=5):
    """The most read published stories of the last week (cached for a minute, and
    dropped at once when any story changes)."""

    def build():
        since = timezone.localdate() - timedelta(days=MOST_READ_DAYS - 1)
        recent = ReadCount.objects.filter(day__gte=since)
        top = (
            recent.values("article")
            .annotate(total=Sum("count"))
            .order_by("-total")
            .values("article")[: limit * 2]
        )
        reads = (
            recent.filter(article=OuterRef("pk"))
            .values("article")
            .annotate(total=Sum("count"))
            .values("total")
        )
        stories = (
            Article.objects.published()
            .filter(pk__in=top)
            .annotate(reads=Subquery(reads))
            .select_related("section")
            .defer("body")
            .order_by("-reads", "-published_at")[:limit]
        )
        return list(stories)

    return freshness.cached("most-read", build, seconds=MOST_READ_SECONDS)


def totals(article):
    """(all time, last seven days) reads of ``article``, for the newsroom."""
    since = timezone.localdate() - timedelta(days=MOST_READ_DAYS - 1)
    counts = ReadCount.objects.filter(article=article)
    return (
        counts.aggregate(total=Sum("count"))["total"] or 0,
        counts.filter(day__gte=since).aggregate(total=Sum("count"))["total"] or 0,
    )
