"""With a read replica, readers read from it; the newsroom and writes use the
primary."""

import pytest
from django.test import RequestFactory

from articles.models import Article
from dailybeat.routers import PrimaryForWritersMiddleware, PrimaryReplicaRouter


def _database_for(method, path):
    seen = {}

    def view(request):
        seen["db"] = PrimaryReplicaRouter().db_for_read(Article)
        return None

    request = getattr(RequestFactory(), method.lower())(path)
    PrimaryForWritersMiddleware(view)(request)
    return seen["db"]


@pytest.mark.parametrize(
    ("method", "path", "database"),
    [
        ("GET", "/", "replica"),
        ("GET", "/world/2026/11/24/a-story/", "replica"),
        ("GET", "/admin/articles/article/", "default"),
        ("GET", "/preview/abc/", "default"),
        ("POST", "/read/1/", "default"),
        ("POST", "/admin/articles/article/1/change/", "default"),
    ],
)
def test_reads_go_where_they_should(method, path, database):
    assert _database_for(method, path) == database


def test_writes_and_migrations_use_the_primary():
    router = PrimaryReplicaRouter()

    assert router.db_for_write(Article) == "default"
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica", "articles")


def test_the_replica_comes_from_the_environment():
    from tests.dailybeat.test_settings import _load_settings

    result = _load_settings(
        DEBUG="true",
        DATABASE_URL="postgres://u@primary:5432/news",
        DATABASE_REPLICA_URL="postgres://u@replica:5432/news",
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_just_after_a_change_readers_read_the_primary(settings, time_machine):
    from dailybeat import freshness

    settings.REPLICA_LAG_SECONDS = 10
    time_machine.move_to("2026-11-24 10:00:00+05:30", tick=False)
    freshness.content_changed()  # an editor saved: a new version starts now

    assert _database_for("GET", "/") == "default"
    time_machine.shift(11)
    assert _database_for("GET", "/") == "replica"


def test_without_a_replica_nothing_settles(settings):
    settings.REPLICA_LAG_SECONDS = 0

    assert _database_for("GET", "/") == "replica"  # the router is not installed then
