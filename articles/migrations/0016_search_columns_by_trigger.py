"""Search's two columns are kept by a trigger, and the word pairs are stored.

Until now ``search_vector`` was a generated column, and quoted phrases used an
index on an expression, ``article_word_pairs(search_vector)`` (0012). Two costs
came with that:

- PostgreSQL recomputes a generated column on every update, so publishing a story,
  or any save that leaves its text alone, parsed and stemmed the whole story again.
- An index on an expression is built by evaluating the expression for every story
  in one process: 22 minutes for a million stories, most of a corpus load or a
  reindex (docs/performance.md). ANALYZE evaluated it again for its sample.

Now one trigger (``article_search_columns``) sets both columns, on an insert and on
an update that changes the headline, standfirst or body. Any other update keeps
them as they are, whatever the statement says, and fills in the pairs of a story
that has none (migration 0017 fills the existing stories that way).
``word_pairs`` holds a 32-bit hash of each pair of neighbouring words ("monsoon
session", ``article_pair_hash``), computed by whichever connection writes the
story, so a bulk load computes them in parallel, and its GIN index (0017) is built
from stored integers. Two pairs can share a hash; search checks every candidate
against the phrase itself, so that costs at most a little work, never a wrong
result. ``hashtextextended`` is the hash that hash partitioning relies on, so it
does not change between PostgreSQL versions.

This migration is one short transaction (no table is rewritten): from its commit,
every story written, by this release or by workers of the last one still running,
gets both columns. ``article_word_pairs`` stays for those workers' phrase searches
until a later release drops it.

Its reverse makes ``search_vector`` a generated column again, which rewrites the
table and builds the search and text-pair indexes while holding it: minutes for a
big archive, during which the site waits (docs/operations.md).
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations, models

SEARCH_VECTOR = """
    setweight(to_tsvector('english'::regconfig, COALESCE({row}.headline, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE({row}.standfirst, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, COALESCE({row}.body, '')), 'C')
"""

FORWARD = f"""
ALTER TABLE articles_article ALTER COLUMN search_vector DROP EXPRESSION;
ALTER TABLE articles_article ADD COLUMN word_pairs integer[] NULL;

CREATE FUNCTION article_pair_hash(pair text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (hashtextextended(pair, 0) >> 32)::integer
$$;

-- Each lexeme at each of its positions, once (materialised: read twice), then each
-- with the one at the next position. Words longer than 100 characters make no
-- pairs, as in 0013, where a GIN key's size limit asked for it; with hashed pairs
-- the limit stays so that search (LONGEST_PAIRED_WORD) and the stored pairs agree.
-- Twice as fast as 0013's join of two unnests, with the same pairs.
CREATE FUNCTION article_pair_hashes(doc tsvector) RETURNS integer[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH words AS MATERIALIZED (
        SELECT w.lexeme, unnest(w.positions) AS p
        FROM unnest(doc) AS w
        WHERE length(w.lexeme) <= 100
    )
    SELECT coalesce(array_agg(article_pair_hash(first.lexeme || ' ' || second.lexeme)),
                    '{{}}')
    FROM words AS first JOIN words AS second ON second.p = first.p + 1
$$;

CREATE FUNCTION article_search_columns() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND NEW.headline IS NOT DISTINCT FROM OLD.headline
        AND NEW.standfirst IS NOT DISTINCT FROM OLD.standfirst
        AND NEW.body IS NOT DISTINCT FROM OLD.body
        AND OLD.search_vector IS NOT NULL
    THEN
        NEW.search_vector := OLD.search_vector;
        NEW.word_pairs := COALESCE(OLD.word_pairs,
                                   article_pair_hashes(OLD.search_vector));
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

# Back to a generated column: dropped and added again, with the two indexes on it.
BACKWARD = f"""
DROP TRIGGER article_search_columns ON articles_article;
DROP FUNCTION article_search_columns();
DROP INDEX IF EXISTS article_pair_idx;
ALTER TABLE articles_article DROP COLUMN word_pairs;
DROP FUNCTION article_pair_hashes(tsvector);
DROP FUNCTION article_pair_hash(text);
ALTER TABLE articles_article DROP COLUMN search_vector;
ALTER TABLE articles_article ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS ({SEARCH_VECTOR.format(row="articles_article")}) STORED;
CREATE INDEX article_search_idx ON articles_article USING gin (search_vector);
CREATE INDEX IF NOT EXISTS article_phrase_idx ON articles_article
    USING gin (article_word_pairs(search_vector));
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_live_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # One statement list, so that Django runs it in this migration's one
            # transaction: no moment where a story can be written without them.
            database_operations=[migrations.RunSQL([FORWARD], [BACKWARD])],
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="search_vector",
                    field=SearchVectorField(
                        blank=True, editable=False, null=True, serialize=False
                    ),
                ),
                migrations.AddField(
                    model_name="article",
                    name="word_pairs",
                    field=ArrayField(
                        base_field=models.IntegerField(),
                        blank=True,
                        editable=False,
                        null=True,
                        serialize=False,
                        size=None,
                    ),
                ),
            ],
        ),
    ]
