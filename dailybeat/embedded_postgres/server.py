"""Start (or join) the embedded PostgreSQL server and make sure a database exists."""

import atexit
import functools
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from django.core.exceptions import ImproperlyConfigured
from psycopg2 import sql

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Server:
    """Where the running embedded server listens."""

    socket_dir: str
    port: int
    user: str = "postgres"


def _import_pgserver():
    try:
        with warnings.catch_warnings():
            # platformdirs warns that XDG_RUNTIME_DIR is unset (as in containers)
            # and falls back to /tmp, which is fine here.
            warnings.simplefilter("ignore")
            import pgserver
    except ImportError as exc:
        raise ImproperlyConfigured(
            "DATABASE_URL is not set and the embedded PostgreSQL is not installed. "
            "Either point DATABASE_URL at a PostgreSQL server "
            "(postgres://user:password@host:5432/dailybeat) or install the development "
            "extras with `make install` (pip install -e '.[dev]')."
        ) from exc
    return pgserver


@functools.cache
def start(data_dir: str) -> Server:
    """Start the server for ``data_dir`` (or join the one already running).

    The handle is kept for the life of this process; pgserver stops the server when
    the last process holding a handle exits.
    """
    pgserver = _import_pgserver()
    path = Path(data_dir).resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _forget_dead_processes(path)
        handle = pgserver.get_server(path, cleanup_mode="stop")
        # Runs before pgserver's own exit handler (atexit is last in, first out), so
        # that a child killed before us (runserver's autoreloader kills its child)
        # does not keep the server running after we are gone.
        atexit.register(_forget_dead_processes, path)
    except Exception as exc:
        raise ImproperlyConfigured(
            f"Could not start the embedded PostgreSQL in {path}: {exc}. "
            f"Its log is {path / 'log'}. If the folder is damaged, stop every "
            "DailyBeat process and delete it (you lose the local data), or set "
            "DATABASE_URL to use another PostgreSQL server."
        ) from exc
    info = handle.get_postmaster_info()
    logger.debug("Embedded PostgreSQL running in %s", path)
    return Server(socket_dir=str(info.socket_dir), port=int(info.port))


def _forget_dead_processes(path):
    """Drop processes that died without saying goodbye from the server's users.

    pgserver stops the server when its last user exits, counting users in a file. A
    process killed outright (SIGKILL, a crash) never takes itself off, and the server
    would then run for ever; pruning the dead ones here restores the count.
    """
    handles = path / ".handle_pids.json"
    if not handles.exists():
        return
    try:
        # pgserver's own bookkeeping (pinned below 0.2 in pyproject.toml).
        import psutil
        from pgserver.postgres_server import PostgresServer
        from pgserver.utils import DiskList
    except ImportError:  # pragma: no cover - a pgserver that changed its insides
        logger.warning("Cannot tidy pgserver's process list; skipping.")
        return
    with PostgresServer._lock:
        users = DiskList(handles)
        users.put([pid for pid in users.get() if psutil.pid_exists(pid)])


def ensure_database(server: Server, name: str) -> None:
    """Create the database ``name`` on the server unless it exists."""
    connection = psycopg2.connect(
        host=server.socket_dir, port=server.port, user=server.user, dbname="postgres"
    )
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
                )
    finally:
        connection.close()
