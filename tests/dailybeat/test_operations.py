"""Health check, logs without secrets, and backups that restore."""

import json
import logging
import uuid
from http import HTTPStatus
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from articles import revisions
from dailybeat import backups
from dailybeat.logging import JsonFormatter, scrub
from tests.factories import ArticleFactory, AuthorFactory, ImageFactory


@pytest.mark.django_db
def test_health_check_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "failing": []}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_health_check_fails_when_the_cache_does_not_answer(client, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "set", broken)

    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["failing"] == ["cache"]


@pytest.mark.django_db
def test_health_check_fails_when_the_database_does_not_answer(client, monkeypatch):
    from django.db import DatabaseError

    def broken(*args, **kwargs):
        raise DatabaseError("database down")

    monkeypatch.setattr(connection, "cursor", broken)

    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "database:default" in response.json()["failing"]


def test_logs_hide_passwords_tokens_and_sessions():
    line = (
        "login failed password=hunter2hunter2 csrfmiddlewaretoken=abc123 "
        '{"sessionid": "s3cr3t", "otp_token": "123456"} Cookie: sessionid=zzz'
    )

    cleaned = scrub(line)

    for secret in ("hunter2hunter2", "abc123", "s3cr3t", "123456", "zzz"):
        assert secret not in cleaned
    assert "password=[hidden]" in cleaned


def test_json_log_lines_carry_the_request_but_not_its_data():
    from django.test import RequestFactory

    request = RequestFactory().post("/admin/login/", {"password": "hunter2hunter2"})
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Forbidden: %s", ("/x",), None
    )
    record.request = request
    record.status_code = 403

    entry = json.loads(JsonFormatter().format(record))

    assert entry["path"] == "/admin/login/"
    assert entry["status"] == 403
    assert "hunter2hunter2" not in json.dumps(entry)


@pytest.mark.django_db
def test_a_failed_login_logs_no_password(client, caplog):
    from tests.factories import StaffFactory

    StaffFactory(username="desk")
    with caplog.at_level(logging.DEBUG):
        client.post("/admin/login/", {"username": "desk", "password": "hunter2hunter2"})

    assert "hunter2hunter2" not in caplog.text


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_gives_everything_back(
    tmp_path, settings, editor
):
    settings.MEDIA_ROOT = tmp_path / "media"
    story = ArticleFactory(
        published=True, authors=[AuthorFactory()], hero_image=ImageFactory()
    )
    with revisions.story_revision(editor, "Saved."):
        story.save()
        revisions.record(story)
    story.corrections.create(note="A fix.")

    folder = backups.backup(tmp_path / "backups")

    manifest = json.loads((folder / backups.MANIFEST).read_text())
    assert manifest["counts"] == {
        "stories": 1,
        "revisions": 1,
        "images": 1,
        "corrections": 1,
    }
    config = backups._database()
    name = f"restore_check_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(
        host=config["HOST"],
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        url = _url(config, name)
        restored_media = tmp_path / "restored-media"

        call_command(
            "restore", str(folder), database_url=url, media_root=str(restored_media)
        )

        assert backups._counts(backups._database(url)) == manifest["counts"]
        # The same records, not only as many: each table's rows as they were.
        here = _url(config, connection.settings_dict["NAME"])
        for table, order in RESTORED_TABLES:
            assert _rows(here, table, order) == _rows(url, table, order), table
        # Every file of the media, the renditions too, byte for byte.
        originals = _files(Path(settings.MEDIA_ROOT))
        assert story.hero_image.file.name in originals
        assert len(originals) > 1  # the picture and its renditions
        assert _files(restored_media) == originals
        # A second restore into the now full database is refused.
        with pytest.raises(Exception, match="already holds 1 stories"):
            call_command("restore", str(folder), database_url=url)
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


RESTORED_TABLES = [
    ("articles_article", "id"),
    ("articles_byline", "id"),
    ("articles_image", "id"),
    ("articles_correction", "id"),
    ("reversion_version", "id"),
    ("reversion_revision", "id"),
    ("authors_author", "id"),
    ("sections_section", "id"),
]


def _rows(url, table, order):
    """Every row of ``table`` in the database at ``url``, in order."""
    with psycopg2.connect(url) as database, database.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} ORDER BY {order}")
        return cursor.fetchall()


def _files(root):
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def _url(config, name):
    host = config["HOST"]
    user = config.get("USER") or "postgres"
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    port = config.get("PORT") or 5432
    if str(host).startswith("/"):
        from urllib.parse import quote

        return f"postgres://{user}{password}@{quote(str(host), safe='')}:{port}/{name}"
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def test_a_backup_folder_must_be_a_backup(tmp_path):
    with pytest.raises(backups.BackupError, match="is not a backup"):
        backups.restore(tmp_path)


def test_restore_refuses_an_unknown_path_kindly(tmp_path):
    with pytest.raises(backups.BackupError):
        backups.restore(Path(tmp_path) / "nothing-here")
