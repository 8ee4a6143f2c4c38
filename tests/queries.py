"""Counting the SQL queries a page costs, as a reader meets it."""

from http import HTTPStatus

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


def page_queries(client, url, fragments=False):
    """The queries rendering ``url`` costs once the site-wide pieces (navigation,
    banner, most read) are cached, as they are for every reader after the first.
    The whole-page cache is off here: a cached page costs no query at all. So are
    the cached parts of story pages (articles/fragments.py), unless ``fragments``:
    by default this counts a story page built whole, as after its own edit."""
    with override_settings(PAGE_CACHE=False, FRAGMENT_CACHE=fragments):
        assert client.get(url).status_code == HTTPStatus.OK
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    # Savepoints exist only because each test runs inside a transaction; a reader's
    # request opens a plain transaction (BEGIN and COMMIT are not counted either).
    return sum(
        1
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    )
