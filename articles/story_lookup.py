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

``Article.objects.published()`` stays the one definition of what readers may see;
tests/articles/test_story_lookup.py checks that this lookup agrees with it.
"""

import functools

from django.db import connections
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
    return sql, _reader(story_fields, connection), _reader(section_fields, connection)


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
    sql, story_reader, section_reader = _query(alias)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug, Article.Status.PUBLISHED, timezone.now()])
        row = cursor.fetchone()
    if row is None:
        return None
    split = len(story_reader[0])
    story = Article.from_db(alias, *_values(row[:split], story_reader, connection))
    section = Section.from_db(alias, *_values(row[split:], section_reader, connection))
    Article._meta.get_field("section").set_cached_value(story, section)
    return story
