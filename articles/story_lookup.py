"""
The story page's one query on a page-cache miss: the published story at a slug,
with its section, reading only what the page needs around its cached parts.

Around its cached parts (articles/fragments.py) the page needs nothing else from
the database, and PostgreSQL answers this lookup in a fraction of a millisecond,
by the slug's unique index. Django's ORM takes three times as long to build the
query (clone the queryset, resolve the filters, list the columns of two tables,
compile), every time. So its SQL is written here once per process, from the
models' own fields, and the row becomes model instances as the ORM makes them
(``Model.from_db``, the fields' converters, the section cached on the story).

PostgreSQL, for its part, spends four times as long planning the query (about
0.2 ms: the story table has many indexes to weigh) as running it (0.04 ms). So
the query is a prepared statement on each connection, prepared in the same round
trip as its first use there: PostgreSQL plans its first five uses one by one,
then keeps one generic plan (the slug's unique index). A connection lives for
CONN_MAX_AGE (60 s), so that is a few plans a minute for each app thread instead
of one a request; with CONN_MAX_AGE=0 nothing is gained. Only SQL-level
PREPARE and EXECUTE are used, which a pooler that hands one client's statements
to different server connections breaks (PgBouncer in transaction mode, whose
max_prepared_statements covers only the protocol's own prepared statements):
DATABASE_PREPARED_STATEMENTS=false turns this off.

``Article.objects.published()`` stays the one definition of what readers may see;
tests/articles/test_story_lookup.py checks that this lookup agrees with it.
"""

import dataclasses
import functools

from django.conf import settings
from django.db import connections
from django.db.utils import DatabaseError
from django.utils import timezone

from sections.models import Section

from .models import Article

# What the page around its parts reads: its address, what keys its parts
# (articles/fragments.py), and whether it is live. The other columns are deferred
# (each one read costs the lookup about 5%); the parts read the story whole.
READ = (
    "id",
    "slug",
    "section",
    "status",
    "published_at",
    "created_at",
    "updated_at",
    "version",
)


# The prepared statement's name, in each connection's session.
STATEMENT = "dailybeat_live_story"


@dataclasses.dataclass(frozen=True)
class _Statement:
    """The lookup's SQL, each with %s for the slug, the status and the time.
    Several statements go in one execute(), the last one's rows returned:
    psycopg2's way (psycopg 3 with server-side binding would refuse it)."""

    sql: str  # the plain query
    execute: str  # EXECUTE …
    prepare: str  # PREPARE … (with $1, $2, $3); EXECUTE …
    replace: str  # DEALLOCATE …; PREPARE …; EXECUTE …


@functools.cache
def _query(alias):
    connection = connections[alias]
    quote = connection.ops.quote_name
    story_fields = [
        field for field in Article._meta.concrete_fields if field.name in READ
    ]
    section_fields = list(Section._meta.concrete_fields)
    columns = [f"a.{quote(field.column)}" for field in story_fields] + [
        f"s.{quote(field.column)}" for field in section_fields
    ]
    section = Article._meta.get_field("section")
    sql = (
        f"SELECT {', '.join(columns)} "
        f"FROM {quote(Article._meta.db_table)} a "
        f"JOIN {quote(Section._meta.db_table)} s "
        f"ON s.{quote(section.target_field.column)} = a.{quote(section.column)} "
        f"WHERE a.{quote(Article._meta.get_field('slug').column)} = %s "
        f"AND a.{quote(Article._meta.get_field('status').column)} = %s "
        f"AND a.{quote(Article._meta.get_field('published_at').column)} <= %s"
    )
    numbered = sql.replace("%s", "$1", 1).replace("%s", "$2", 1).replace("%s", "$3", 1)
    execute = f"EXECUTE {STATEMENT} (%s, %s, %s)"
    prepare = f"PREPARE {STATEMENT} (text, text, timestamptz) AS {numbered}; {execute}"
    statement = _Statement(
        sql=sql,
        execute=execute,
        prepare=prepare,
        replace=f"DEALLOCATE {STATEMENT}; {prepare}",
    )
    return (
        statement,
        _reader(story_fields, connection),
        _reader(section_fields, connection),
    )


def _reader(fields, connection):
    """(attnames, converters by position) for turning ``fields``' columns into a
    model's values, as the ORM's compiler does."""
    converters = [
        (position, converters)
        for position, field in enumerate(fields)
        if (converters := field.get_db_converters(connection))
    ]
    return [field.attname for field in fields], converters


def _values(row, reader, connection):
    attnames, converters = reader
    values = list(row)
    for position, field_converters in converters:
        for converter in field_converters:
            values[position] = converter(values[position], None, connection)
    return attnames, values


def live_story(slug):
    """The published story at ``slug`` (its section read with it; only the
    columns in READ), or None."""
    alias = Article.objects.db  # the router's choice: a replica may answer
    statement, story_reader, section_reader = _query(alias)
    connection = connections[alias]
    params = [slug, Article.Status.PUBLISHED, timezone.now()]
    row = _fetch(connection, statement, params)
    if row is None:
        return None
    split = len(story_reader[0])
    story = Article.from_db(alias, *_values(row[:split], story_reader, connection))
    section = Section.from_db(alias, *_values(row[split:], section_reader, connection))
    Article._meta.get_field("section").set_cached_value(story, section)
    return story


# PostgreSQL's error codes for a prepared statement that is gone (DEALLOCATE or
# DISCARD ALL ran in the session), for one whose plan no longer fits (a column
# it reads changed type: "cached plan must not change result type"; the code is
# the general "feature not supported"), and for a name taken already (a first
# use that failed after preparing, e.g. on a statement timeout; or anything else
# under that name, which is dropped rather than trusted).
GONE = "26000"
STALE = "0A000"
DUPLICATE = "42P05"


def _fetch(connection, statement, params):
    """The lookup's row, through the connection's prepared statement (prepared in
    the same round trip where this connection has not prepared it yet).

    Inside a transaction (never a reader's request), the plain query: a failed
    EXECUTE there could be tried again only inside a savepoint, two more round
    trips each time."""
    with connection.cursor() as cursor:
        if connection.in_atomic_block or not settings.DATABASE_PREPARED_STATEMENTS:
            cursor.execute(statement.sql, params)
            return cursor.fetchone()
        # Prepared on this raw connection? A reconnect starts a new session.
        prepared_on = getattr(connection, "dailybeat_prepared_on", None)
        prepared = prepared_on is connection.connection
        try:
            cursor.execute(statement.execute if prepared else statement.prepare, params)
        except DatabaseError as error:
            code = getattr(error.__cause__, "pgcode", None)
            if prepared and code in (GONE, STALE):
                again = statement.prepare if code == GONE else statement.replace
            elif not prepared and code == DUPLICATE:
                again = statement.replace
            else:
                raise
            cursor.execute(again, params)
        connection.dailybeat_prepared_on = connection.connection
        return cursor.fetchone()
