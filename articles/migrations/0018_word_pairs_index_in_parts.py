"""The index of the stories' word pairs (0017) in three parts, by story id.

PostgreSQL before 18 builds a GIN index on one core. The parts are built side by
side when the benchmark's corpus is loaded (bench/corpus.py), and the three
together take less than the whole one did (docs/architecture.md, "Phrases").

Not one transaction, so that the site keeps reading and the newsroom keeps saving
while it runs; every step can run again, so an interrupted migration is finished by
running ``migrate`` again:

1. The parts are built CONCURRENTLY, one after the other; one left invalid by an
   interrupted build is dropped and built again. Until the last is valid, quoted
   phrases are searched with the whole index (articles/search.py, _pair_shares),
   by this release: the one before needs the whole index, so reload before
   migrating (docs/operations.md).
2. The whole index is then dropped CONCURRENTLY.
3. PostgreSQL is given statistics of ``mod(id, 3)`` and the table is analysed:
   without them it takes each part's condition to hold for 0.5% of the stories
   (its default for an expression), and the phrase query's estimates for 1.5%.

Backwards, the whole index is built again before the parts are dropped.
Measured at a million stories: see docs/operations.md.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations
from django.db.models import Q
from django.db.models.functions import Mod
from django.db.models.lookups import Exact

PARTS = [
    GinIndex(
        fields=["word_pairs"],
        condition=Q(Exact(Mod("id", 3), part)),
        name=f"article_pair_{part}_idx",
    )
    for part in range(3)
]
WHOLE = GinIndex(fields=["word_pairs"], name="article_pair_idx")


def _build(schema_editor, model, index):
    """Build ``index`` CONCURRENTLY, unless a valid one is there already."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(%s)",
            [index.name],
        )
        found = cursor.fetchone()
    if found and found[0]:
        return
    if found:  # left invalid by an interrupted build
        schema_editor.execute(index.remove_sql(model, schema_editor, concurrently=True))
    schema_editor.execute(index.create_sql(model, schema_editor, concurrently=True))


def _drop(schema_editor, model, index):
    schema_editor.execute(
        f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(index.name)}"
    )


def into_parts(apps, schema_editor):
    model = apps.get_model("articles", "Article")
    for index in PARTS:
        _build(schema_editor, model, index)
    _drop(schema_editor, model, WHOLE)


def into_one(apps, schema_editor):
    model = apps.get_model("articles", "Article")
    _build(schema_editor, model, WHOLE)
    for index in PARTS:
        _drop(schema_editor, model, index)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0017_word_pairs_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunPython(into_parts, into_one, atomic=False)
            ],
            state_operations=[
                migrations.RemoveIndex(model_name="article", name=WHOLE.name),
                *(
                    migrations.AddIndex(model_name="article", index=index)
                    for index in PARTS
                ),
            ],
        ),
        migrations.RunSQL(
            "CREATE STATISTICS IF NOT EXISTS article_pair_part_stats"
            " ON (mod(id, 3)) FROM articles_article",
            "DROP STATISTICS IF EXISTS article_pair_part_stats",
        ),
        migrations.RunSQL("ANALYZE articles_article", migrations.RunSQL.noop),
    ]
