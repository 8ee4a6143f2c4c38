"""The settings fail closed, and the database is PostgreSQL or nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from dailybeat.embedded_postgres import server

BASE_DIR = Path(__file__).resolve().parents[2]
CONFIG = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
)


def _load_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in CONFIG}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import dailybeat.settings as s; print(s.DEBUG)"],
        env=environment,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _load_settings(DEBUG="false", ALLOWED_HOSTS="dailybeat.example")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _load_settings(DEBUG="false", SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_starts_with_both():
    result = _load_settings(
        DEBUG="false", SECRET_KEY="x" * 50, ALLOWED_HOSTS="dailybeat.example"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_only_postgresql_is_accepted():
    result = _load_settings(DEBUG="true", DATABASE_URL="sqlite:////tmp/news.db")

    assert result.returncode != 0
    assert "PostgreSQL only" in result.stderr


def test_missing_embedded_server_says_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "pgserver", None)  # import fails

    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        server._import_pgserver()


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "dailybeat.embedded_postgres",
    reason="runs when the suite uses the embedded PostgreSQL (DATABASE_URL unset)",
)
def test_embedded_server_creates_a_missing_database(django_db_blocker):
    import psycopg2

    running = server.start(settings.DATABASES["default"]["DATA_DIR"])
    name = "dailybeat_embedded_check"
    with django_db_blocker.unblock():
        server.ensure_database(running, name)
        server.ensure_database(running, name)  # a second time is a no-op
        connection = psycopg2.connect(
            host=running.socket_dir, port=running.port, user="postgres", dbname=name
        )
        connection.close()
        admin = psycopg2.connect(
            host=running.socket_dir,
            port=running.port,
            user="postgres",
            dbname="postgres",
        )
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}"')
        admin.close()


def test_behind_an_https_proxy_the_admin_login_works(client, settings, db):
    """The proxy terminates HTTPS and says so in X-Forwarded-Proto."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    # As nginx passes it on: the public host name, and the scheme it was asked for.
    proxied = {"X-Forwarded-Proto": "https", "Host": "testserver"}
    page = browser.get("/admin/login/", headers=proxied)
    token = page.cookies["csrftoken"].value

    response = browser.post(
        "/admin/login/",
        {"username": "x", "password": "y", "csrfmiddlewaretoken": token},
        headers=proxied | {"Origin": "https://testserver"},
    )

    assert response.status_code == 200  # the form again (wrong password), not 403


def test_proxy_setting_comes_from_the_environment():
    result = _load_settings(
        DEBUG="false",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="dailybeat.example",
        BEHIND_HTTPS_PROXY="true",
    )
    assert result.returncode == 0, result.stderr
