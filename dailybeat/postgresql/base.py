"""
Django's PostgreSQL backend, whose health checks leave out a connection that
answered moments ago.

With CONN_HEALTH_CHECKS, Django asks a persistent connection ``SELECT 1`` before
a request's first query, so that a connection the server dropped (a restart, a
failover, an idle timeout) is replaced rather than failing the request. That is
one more round trip in every request that reads the database: on a story page
whose parts are cached (one query), an eighth of its time. PgBouncer weighs the
same check the same way: it checks a connection only once it has been idle for a
while (its server_check_delay, 30 s by default). Here a connection that was last
used less than CONN_HEALTH_CHECK_DELAY seconds ago (1 by default; 0 checks every
time, as Django does) is taken to be alive, and one idle for longer is checked.
A connection dropped within that second fails one request, which closes it
(after a failover under load: one request for each busy app thread).
"""

import math
import time

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    last_used = -math.inf  # time.monotonic() when a cursor was last opened

    def close_if_health_check_failed(self):
        delay = self.settings_dict.get("CONN_HEALTH_CHECK_DELAY", 0)
        if time.monotonic() - self.last_used < delay:
            self.health_check_done = True  # (for this request)
        super().close_if_health_check_failed()

    def _cursor(self, name=None):
        cursor = super()._cursor(name)
        self.last_used = time.monotonic()
        return cursor
