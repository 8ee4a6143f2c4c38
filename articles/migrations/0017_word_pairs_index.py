"""The stories' word pairs (0016), filled in and indexed for quoted phrases.

Not one transaction, so that the site keeps reading and the newsroom keeps saving
while it runs; every step can run again, so an interrupted migration is finished by
running ``migrate`` again:

1. The old index of text pairs (``article_phrase_idx``, 0012) is dropped
   CONCURRENTLY first, so that the fill does not keep it up to date. Until the new
   index is ready, phrases of common words are found the slower way, and one that
   takes too long asks the reader to narrow it (articles/search.py, TooSlow).
2. The stories without pairs get them, ten thousand stories at a time (short
   transactions): touching a story makes the trigger of 0016 compute its pairs
   from its stored vector, without parsing its text again.
3. The index of the pairs (``article_pair_idx``) is built CONCURRENTLY; one left
   invalid by an interrupted build is dropped and built again.
4. The story table is analysed, so that search knows how common each pair is.

Measured at a million stories: see docs/operations.md.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

# Stories at a time: each batch is a short transaction of its own.
BATCH = 10_000


def fill(apps, schema_editor):
    """Give every story without pairs its pairs (the trigger computes them)."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM articles_article")
        (last,) = cursor.fetchone()
        for low in range(0, last + 1, BATCH):
            cursor.execute(
                "UPDATE articles_article SET id = id"
                " WHERE id >= %s AND id < %s AND word_pairs IS NULL",
                [low, low + BATCH],
            )


def build_index(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indisvalid FROM pg_index"
            " WHERE indexrelid = to_regclass('article_pair_idx')"
        )
        found = cursor.fetchone()
        if found and not found[0]:
            cursor.execute("DROP INDEX CONCURRENTLY article_pair_idx")
        cursor.execute(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS article_pair_idx"
            " ON articles_article USING gin (word_pairs)"
        )


def drop_index(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX CONCURRENTLY IF EXISTS article_pair_idx")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0016_search_columns_by_trigger"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                # Backwards, 0016's reverse builds it again (with its column).
                migrations.RunSQL(
                    "DROP INDEX CONCURRENTLY IF EXISTS article_phrase_idx",
                    migrations.RunSQL.noop,
                )
            ],
            state_operations=[
                migrations.RemoveIndex(model_name="article", name="article_phrase_idx")
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, atomic=False),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunPython(build_index, drop_index, atomic=False)
            ],
            state_operations=[
                migrations.AddIndex(
                    model_name="article",
                    index=GinIndex(fields=["word_pairs"], name="article_pair_idx"),
                )
            ],
        ),
        migrations.RunSQL("ANALYZE articles_article", migrations.RunSQL.noop),
    ]
