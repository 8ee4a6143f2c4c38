"""Search's two columns are kept by a trigger, and the word pairs are stored.

Until now ``search_vector`` was a generated column, and quoted phrases used an
index on an expression, ``article_word_pairs(search_vector)`` (0012). Two costs
came with that:

- PostgreSQL recomputes a generated column on every update, so publishing a story,
  or any save that leaves its text alone, parsed and stemmed the whole story again.
- An index on an expression is built by evaluating the expression for every story
  in one process: 20 minutes for a million stories, most of a corpus load or a
  reindex (docs/performance.md). ANALYZE evaluated it again for its sample.

Now one trigger (``article_search_columns``) sets both columns, on an insert and on
an update that changes the headline, standfirst or body (any other update keeps
them as they are, whatever the statement says). ``word_pairs`` holds a 32-bit hash
of each pair of neighbouring words ("monsoon session", ``article_pair_hash``),
computed by whichever connection writes the story, so a bulk load computes them in
parallel, and its GIN index (``article_pair_idx``) is built from stored integers:
about six times faster than the text pairs were, and smaller. Two pairs can share
a hash; search checks every candidate against the phrase itself, so that costs at
most a little work, never a wrong result. ``hashtextextended`` is the hash that
hash partitioning relies on, so it does not change between PostgreSQL versions.

On a big archive the fill (one UPDATE of every story's pairs) and the new index
take minutes; the index is built CONCURRENTLY and the old one stays until then.
"""

from importlib import import_module

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import (
    AddIndexConcurrently,
    RemoveIndexConcurrently,
)
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations, models

# The text pairs, as 0013 left them: put back by the reverse of this migration.
_0013 = import_module("articles.migrations.0013_word_pairs_skip_long_words")
WORD_PAIRS_0013 = _0013.WORD_PAIRS % {"longest": _0013.LONGEST}

SEARCH_VECTOR = """
    setweight(to_tsvector('english'::regconfig, COALESCE({row}.headline, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE({row}.standfirst, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, COALESCE({row}.body, '')), 'C')
"""

PAIRS = """
CREATE FUNCTION article_pair_hash(pair text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (hashtextextended(pair, 0) >> 32)::integer
$$;

-- Each lexeme at each of its positions, once (materialised: read twice), then each
-- with the one at the next position. Words longer than 100 characters make no
-- pairs (0013). Twice as fast as 0013's join of two unnests, with the same pairs.
CREATE FUNCTION article_pair_hashes(doc tsvector) RETURNS integer[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH words AS MATERIALIZED (
        SELECT w.lexeme, unnest(w.positions) AS p
        FROM unnest(doc) AS w
        WHERE length(w.lexeme) <= 100
    )
    SELECT coalesce(array_agg(article_pair_hash(first.lexeme || ' ' || second.lexeme)),
                    '{}')
    FROM words AS first JOIN words AS second ON second.p = first.p + 1
$$;
"""

TRIGGER = f"""
CREATE FUNCTION article_search_columns() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND NEW.headline IS NOT DISTINCT FROM OLD.headline
        AND NEW.standfirst IS NOT DISTINCT FROM OLD.standfirst
        AND NEW.body IS NOT DISTINCT FROM OLD.body
        AND OLD.search_vector IS NOT NULL AND OLD.word_pairs IS NOT NULL
    THEN
        NEW.search_vector := OLD.search_vector;
        NEW.word_pairs := OLD.word_pairs;
    ELSE
        NEW.search_vector := {SEARCH_VECTOR.format(row="NEW")};
        NEW.word_pairs := article_pair_hashes(NEW.search_vector);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER article_search_columns BEFORE INSERT OR UPDATE ON articles_article
FOR EACH ROW EXECUTE FUNCTION article_search_columns();
"""

UNDO_TRIGGER = """
DROP TRIGGER article_search_columns ON articles_article;
DROP FUNCTION article_search_columns();
"""

# Back to a generated column: dropped and added again, with the two indexes on it
# (by then the reverse has put article_word_pairs back).
GENERATED_AGAIN = f"""
ALTER TABLE articles_article DROP COLUMN search_vector;
ALTER TABLE articles_article ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS ({SEARCH_VECTOR.format(row="articles_article")}) STORED;
CREATE INDEX article_search_idx ON articles_article USING gin (search_vector);
CREATE INDEX article_phrase_idx ON articles_article
    USING gin (article_word_pairs(search_vector));
"""


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0015_live_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE articles_article ALTER COLUMN search_vector "
                    "DROP EXPRESSION",
                    GENERATED_AGAIN,
                )
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="search_vector",
                    field=SearchVectorField(blank=True, editable=False, null=True),
                )
            ],
        ),
        migrations.AddField(
            model_name="article",
            name="word_pairs",
            field=ArrayField(
                base_field=models.IntegerField(),
                blank=True,
                editable=False,
                null=True,
                size=None,
            ),
        ),
        migrations.RunSQL(
            PAIRS,
            "DROP FUNCTION article_pair_hashes(tsvector);"
            "DROP FUNCTION article_pair_hash(text);",
        ),
        migrations.RunSQL(
            "UPDATE articles_article SET word_pairs = article_pair_hashes(search_vector)",
            migrations.RunSQL.noop,
        ),
        migrations.RunSQL(TRIGGER, UNDO_TRIGGER),
        AddIndexConcurrently(
            model_name="article",
            index=GinIndex(fields=["word_pairs"], name="article_pair_idx"),
        ),
        RemoveIndexConcurrently(model_name="article", name="article_phrase_idx"),
        migrations.RunSQL(
            "DROP FUNCTION article_word_pairs(tsvector)", WORD_PAIRS_0013
        ),
        migrations.RunSQL("ANALYZE articles_article", migrations.RunSQL.noop),
    ]
