"""Cached pieces of pages are never stale after a change, nor after the clock
passes a scheduled time."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import workflow
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_a_new_section_is_in_the_navigation_on_the_next_request(client):
    client.get("/")  # caches the navigation
    SectionFactory(name="Science", slug="science")

    assert 'href="/science/"' in client.get("/").content.decode()


def test_breaking_banner_appears_and_ends_without_waiting(client, editor):
    story = ArticleFactory(published=True, authors=[AuthorFactory()])
    client.get("/")
    story.breaking_until = timezone.now() + timedelta(minutes=30)
    story.save()

    assert 'aria-label="Breaking news"' in client.get("/").content.decode()

    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        assert 'aria-label="Breaking news"' not in client.get("/").content.decode()


def test_a_scheduled_breaking_story_appears_when_it_goes_live(client):
    story = ArticleFactory(scheduled=True, authors=[AuthorFactory()])
    story.breaking_until = story.published_at + timedelta(hours=1)
    story.save()
    assert 'aria-label="Breaking news"' not in client.get("/").content.decode()

    with time_machine.travel(story.published_at + timedelta(seconds=1)):
        assert 'aria-label="Breaking news"' in client.get("/").content.decode()


def test_unpublishing_removes_the_banner_at_once(client, editor):
    story = ArticleFactory(
        published=True,
        authors=[AuthorFactory()],
        breaking_until=timezone.now() + timedelta(hours=1),
    )
    assert 'aria-label="Breaking news"' in client.get("/").content.decode()

    workflow.apply(story, "unpublish", editor)

    assert 'aria-label="Breaking news"' not in client.get("/").content.decode()


def _redis_answers():
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(
    not _redis_answers(), reason="no Redis at 127.0.0.1:6379 (CI machines run one)"
)
def test_the_version_lives_in_a_shared_redis_when_configured(settings):
    """Two processes sharing Redis see one content version (this machine runs
    Redis at 127.0.0.1:6379)."""
    from django.core.cache import caches

    from dailybeat import freshness

    settings.CACHES = {
        "default": {
            "BACKEND": "dailybeat.redis_cache.RedisCache",  # as in settings.py
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "dailybeat-tests",
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.CONTENT_STATE_CACHE = "default"
    shared = caches.create_connection("default")
    try:
        shared.delete(freshness.STATE_KEY)
        before = freshness.version()
        other_process_sees = shared.get(freshness.STATE_KEY).version
        freshness.content_changed()

        assert other_process_sees == before
        assert shared.get(freshness.STATE_KEY) is None
        assert freshness.version() != before
    finally:
        shared.delete(freshness.STATE_KEY)


@pytest.mark.skipif(
    not _redis_answers(), reason="no Redis at 127.0.0.1:6379 (CI machines run one)"
)
def test_the_redis_cache_shares_one_client_between_calls():
    from dailybeat.redis_cache import RedisCache

    redis = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "dailybeat-tests"})
    try:
        redis.set_many({"a": 1, "b": [2]})
        assert redis.get_many(["a", "b", "c"]) == {"a": 1, "b": [2]}
        redis.delete_many(["a"])
        assert redis.get("a") is None
        assert redis.get("b") == [2]

        assert redis._cache.get_client() is redis._cache.get_client(write=True)
    finally:
        redis.clear()


def test_without_redis_the_version_is_shared_through_the_database(settings, db):
    """Several processes with their own memory agree on the version through the
    database table a migration makes."""
    from django.core.cache import caches

    from dailybeat import freshness

    settings.CONTENT_STATE_CACHE = "shared"
    before = freshness.version()
    assert caches["shared"].get(freshness.STATE_KEY).version == before

    freshness.content_changed()

    assert freshness.version() != before


def test_a_batch_of_saves_starts_few_versions(db, monkeypatch):
    """An import saves thousands of rows: the version is renewed at most every few
    seconds, and once at the end, not after each save."""
    from dailybeat import freshness

    clock = [1000.0]
    monkeypatch.setattr(freshness.time, "monotonic", lambda: clock[0])
    before = freshness.version()

    with freshness.batched(every=10):
        for _ in range(50):
            freshness.content_changed()
        assert freshness.version() == before  # not renewed yet
        clock[0] += 11
        freshness.content_changed()
        during = freshness.version()
        assert during != before  # renewed after ten seconds
        freshness.content_changed()
        assert freshness.version() == during

    assert freshness.version() != during  # and once at the end


def test_a_readers_request_reads_the_state_once():
    from dailybeat import freshness

    with freshness.one_state() as current:
        freshness.content_changed()
        # The rest of the page is built for the version the request began with…
        assert freshness.state() == current

    # …and the next request sees the new one.
    assert freshness.state().version != current.version


def test_the_state_is_read_afresh_after_each_readers_request(client):
    from dailybeat import freshness

    client.get("/")
    client.get("/no-such-page/")  # a 404 too

    assert freshness._request_state.get() is None


@pytest.fixture
def local_memory_in_front(settings):
    """As with Redis: the shared cache and this process's memory apart."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "shared-stand-in",
        },
        "local": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "this-process",
        },
    }


def test_a_local_copy_lasts_no_longer_than_the_shared_one(local_memory_in_front):
    from django.core.cache import caches

    from dailybeat import freshness

    builds = []

    def build():
        builds.append(1)
        return len(builds)

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert freshness.cached("counted", build, seconds=60) == 1
    caches["local"].clear()  # another process, which has no copy yet
    with time_machine.travel(start + timedelta(seconds=50), tick=False):
        assert freshness.cached("counted", build, seconds=60) == 1  # the shared one
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        assert freshness.cached("counted", build, seconds=60) == 2  # not 110 s old
