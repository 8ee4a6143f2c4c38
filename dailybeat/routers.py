"""
Reads from a PostgreSQL replica, writes to the primary (DATABASE_REPLICA_URL).

Readers' pages read from the replica. Anything that writes, and the whole newsroom
(so an editor always sees what they just saved), uses the primary: the middleware
below marks those requests. So do readers' pages for a few seconds after each change
(REPLICA_LAG_SECONDS): a page rendered from a replica that has not yet replayed an
unpublish would otherwise be cached as the current version's.
"""

import time
from contextvars import ContextVar

from django.conf import settings

from . import freshness

_use_primary = ContextVar("use_primary", default=False)

PRIMARY_PREFIXES = ("/admin/", "/preview/")


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return "default" if _use_primary.get() else "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two doors

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PrimaryForWritersMiddleware:
    """Requests that may write or that come from the newsroom read the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        primary = (
            request.method not in ("GET", "HEAD", "OPTIONS")
            or request.path.startswith(PRIMARY_PREFIXES)
            or self._settling(request)
        )
        token = _use_primary.set(primary)
        try:
            return self.get_response(request)
        finally:
            _use_primary.reset(token)

    @staticmethod
    def _settling(request):
        """Whether the content changed less than REPLICA_LAG_SECONDS ago (a
        version's number is the moment it began, in nanoseconds). The page cache
        has read the content state already for a reader's request."""
        lag = settings.REPLICA_LAG_SECONDS
        if not lag:
            return False
        state = getattr(request, "content_state", None) or freshness.state()
        return time.time_ns() - state.version < lag * 10**9
