"""Health checks of persistent connections (dailybeat/postgresql/base.py): a
connection idle for a while is checked before use, and replaced if the server
dropped it; one used moments ago is not asked again."""

import time

import pytest
from django.db import connection, connections

from dailybeat.postgresql.base import DatabaseWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh():
    """A connection of its own, outside the test's transaction."""
    default = connections["default"]
    settings_dict = {**default.settings_dict, "CONN_HEALTH_CHECK_DELAY": 1.0}
    wrapper = type(default)(settings_dict, alias="default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def _next_request(wrapper):
    # What Django does when a request starts (the request_started signal).
    wrapper.close_if_unusable_or_obsolete()


def _checks(wrapper, monkeypatch):
    asked = []
    is_usable = wrapper.is_usable

    def counted():
        asked.append(True)
        return is_usable()

    monkeypatch.setattr(wrapper, "is_usable", counted)
    return asked


def _query(wrapper):
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()


def test_a_connection_used_moments_ago_is_not_asked_again(fresh, monkeypatch):
    _query(fresh)
    asked = _checks(fresh, monkeypatch)

    _next_request(fresh)
    _query(fresh)

    assert asked == []


def test_a_connection_idle_for_longer_is_checked(fresh, monkeypatch):
    _query(fresh)
    asked = _checks(fresh, monkeypatch)
    fresh.last_used = time.monotonic() - 2

    _next_request(fresh)
    _query(fresh)
    _query(fresh)  # once per request

    assert asked == [True]


def test_with_no_delay_every_request_checks(fresh, monkeypatch):
    monkeypatch.setitem(fresh.settings_dict, "CONN_HEALTH_CHECK_DELAY", 0)
    _query(fresh)
    asked = _checks(fresh, monkeypatch)

    _next_request(fresh)
    _query(fresh)

    assert asked == [True]


def test_a_dropped_connection_is_replaced_without_failing_the_request(fresh):
    old = fresh.connection.get_backend_pid()
    with connection.cursor() as cursor:  # the server drops it (as on a failover)
        cursor.execute("SELECT pg_terminate_backend(%s)", [old])
    fresh.last_used = time.monotonic() - 2

    _next_request(fresh)

    assert _query(fresh) == (1,)
    assert fresh.connection.get_backend_pid() != old


def test_the_settings_use_this_backend(settings):
    engine = settings.DATABASES["default"]["ENGINE"]

    assert engine in ("dailybeat.postgresql", "dailybeat.embedded_postgres")
    assert "CONN_HEALTH_CHECK_DELAY" in connection.settings_dict
    assert isinstance(connections["default"], DatabaseWrapper)
