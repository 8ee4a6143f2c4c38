"""
Backing up and restoring DailyBeat: the database (pg_dump's custom format, restored
with pg_restore) and the uploaded media, side by side in one folder with a manifest
of what they hold. `make backup` and `make restore BACKUP=…` call these through the
`backup` and `restore` commands; docs/operations.md explains them.
"""

import json
import os
import re
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import environ
import psycopg2
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections

from dailybeat.embedded_postgres import server

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"
# What the manifest counts, to check a restore against.
COUNTED = {
    "stories": "articles_article",
    "revisions": "reversion_revision",
    "images": "articles_image",
    "corrections": "articles_correction",
}


class BackupError(Exception):
    """Something the person running the backup or restore must act on."""


def _database(url=None):
    """The connection settings of DATABASE_URL-style ``url``, or of the site's own
    database (starting the embedded server if that is what it uses)."""
    if url:
        config = environ.Env.db_url_config(url)
        # A Unix socket folder given percent-encoded as the host (%2Fvar%2Frun…).
        config["HOST"] = unquote(config.get("HOST") or "")
    else:
        config = dict(connections["default"].settings_dict)
    if config["ENGINE"] == "dailybeat.embedded_postgres":
        running = server.start(config["DATA_DIR"])
        config.update(HOST=running.socket_dir, PORT=running.port, USER=running.user)
    return config


def _candidates(name):
    """Where pg_dump or pg_restore may be: PG_BIN_DIR, the PATH, and the embedded
    PostgreSQL's own (which matches the embedded server)."""
    found = []
    if os.environ.get("PG_BIN_DIR"):
        found.append(shutil.which(name, path=os.environ["PG_BIN_DIR"]))
    found.append(shutil.which(name))
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        found.append(str(Path(POSTGRES_BIN_PATH) / name))
    except ImportError:
        pass
    return [path for path in found if path and Path(path).exists()]


def _major(version_output):
    match = re.search(r"(\d+)(?:\.\d+)?", version_output)
    return int(match.group(1)) if match else 0


def _tool(name, config):
    """The first pg_dump or pg_restore at least as new as the server (an older one
    cannot read a newer server's data)."""
    server_major = _server_version(config) // 10000
    for path in _candidates(name):
        version = subprocess.run(
            [path, "--version"], capture_output=True, text=True, check=False
        ).stdout
        if _major(version) >= server_major:
            return path
    raise BackupError(
        f"No {name} for PostgreSQL {server_major} or newer was found. Install "
        "PostgreSQL's client tools of that version (apt-get install "
        f"postgresql-client-{server_major}) or set PG_BIN_DIR to their folder."
    )


def _server_version(config):
    connection = _connect(config, config["NAME"])
    try:
        return connection.server_version
    finally:
        connection.close()


def _connect(config, name):
    return psycopg2.connect(
        host=config["HOST"] or None,
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        dbname=name,
    )


def _connection_args(config):
    args = ["--host", str(config["HOST"] or "localhost"), "--dbname", config["NAME"]]
    if config.get("PORT"):
        args += ["--port", str(config["PORT"])]
    if config.get("USER"):
        args += ["--username", config["USER"]]
    env = {**os.environ}
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return args, env


def _counts(config):
    connection = _connect(config, config["NAME"])
    try:
        with connection.cursor() as cursor:
            counts = {}
            for label, table in COUNTED.items():
                cursor.execute("SELECT to_regclass(%s)", [table])
                if cursor.fetchone()[0] is None:
                    counts[label] = None
                    continue
                cursor.execute(f"SELECT count(*) FROM {table}")  # our table names
                counts[label] = cursor.fetchone()[0]
        return counts
    finally:
        connection.close()


def backup(folder, out=None):
    """Write a backup into a new folder under ``folder``; return its path."""
    config = _database()
    target = Path(folder) / datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target.mkdir(parents=True, exist_ok=False)
    args, env = _connection_args(config)
    subprocess.run(
        [_tool("pg_dump", config), "--format=custom", "--no-owner", "--file",
         str(target / DUMP), *args],
        env=env,
        check=True,
    )  # fmt: skip
    media = None
    if isinstance(default_storage, FileSystemStorage):
        root = Path(settings.MEDIA_ROOT)
        with tarfile.open(target / MEDIA, "w:gz") as archive:
            if root.exists():
                archive.add(root, arcname="media")
        media = MEDIA
    manifest = {
        "created": datetime.now(UTC).isoformat(),
        "database": config["NAME"],
        "counts": _counts(config),
        "media": media
        or "not included: media are on object storage (use its versioning)",
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return target


def restore(folder, database_url=None, media_root=None, force=False):
    """Restore the backup in ``folder`` into an empty database (the site's, or
    ``database_url``'s) and its media into MEDIA_ROOT (or ``media_root``). Returns
    the counts found after the restore, which match the manifest's."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError as exc:
        raise BackupError(f"{folder} is not a backup: it has no {MANIFEST}.") from exc
    try:
        config = _database(database_url)
    except ImproperlyConfigured as exc:
        raise BackupError(str(exc)) from exc
    existing = _counts(config)["stories"]
    if existing and not force:
        raise BackupError(
            f"The database {config['NAME']} already holds {existing} stories. Restore "
            "into an empty database (createdb a new one and point DATABASE_URL at it), "
            "or pass --force to replace its contents."
        )
    args, env = _connection_args(config)
    subprocess.run(
        [_tool("pg_restore", config), "--no-owner", "--no-privileges", "--clean",
         "--if-exists", "--exit-on-error", *args, str(folder / DUMP)],
        env=env,
        check=True,
    )  # fmt: skip
    if (folder / MEDIA).exists():
        root = Path(media_root or settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA, "r:gz") as archive:
            for member in archive.getmembers():
                if not member.name.startswith("media"):
                    continue
                member.name = member.name.removeprefix("media").lstrip("/") or "."
                archive.extract(member, root, filter="data")
    counts = _counts(config)
    if counts != manifest["counts"]:
        raise BackupError(
            f"The restore does not match the backup: {counts} != {manifest['counts']}."
        )
    return counts
