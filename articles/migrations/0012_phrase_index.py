"""Quoted phrases of common words: an index of each story's adjacent word pairs.

``article_word_pairs(tsvector)`` lists the pairs of lexemes at neighbouring
positions ("monsoon session"). Every story matching the phrase "monsoon session"
holds that pair, so a GIN index on the pairs narrows a phrase search to the stories
that may match, where the search index alone offers every story holding both words
(most of a big archive, for common words). The index is built CONCURRENTLY: on a
big archive it takes minutes, and the newsroom keeps saving meanwhile.
"""

import django.contrib.postgres.indexes
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models

WORD_PAIRS = """
CREATE OR REPLACE FUNCTION article_word_pairs(doc tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(first.lexeme || ' ' || second.lexeme), '{}')
    FROM (SELECT w.lexeme, p FROM unnest(doc) AS w, unnest(w.positions) AS p) AS first
    JOIN (SELECT w.lexeme, p FROM unnest(doc) AS w, unnest(w.positions) AS p) AS second
        ON second.p = first.p + 1
$$
"""


class WordPairs(models.Func):
    """``article_word_pairs(search_vector)``, as this migration indexed it
    (replaced by the stored word_pairs column in 0016)."""

    function = "article_word_pairs"
    output_field = ArrayField(models.TextField())


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0011_first_published_at"),
    ]

    operations = [
        migrations.RunSQL(WORD_PAIRS, "DROP FUNCTION article_word_pairs(tsvector)"),
        AddIndexConcurrently(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(
                WordPairs("search_vector"), name="article_phrase_idx"
            ),
        ),
    ]
