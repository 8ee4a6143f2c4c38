"""Words longer than 100 characters (a pasted link, an encoded blob) make no word
pairs. A GIN key can't exceed about 2.7 kB, so a story with two such words side by
side could not be saved (or imported). articles/search.py leaves such words out of
a phrase's pairs too (LONGEST_PAIRED_WORD).

The pairs already in the index stay as they are: no story with a long pair could
have been saved, and short pairs are the same as before. Then the story table is
analysed, so that search knows how common each pair is (articles/search.py,
PairShares).
"""

from django.db import migrations

WORD_PAIRS = """
CREATE OR REPLACE FUNCTION article_word_pairs(doc tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(first.lexeme || ' ' || second.lexeme), '{}')
    FROM (SELECT w.lexeme, p FROM unnest(doc) AS w, unnest(w.positions) AS p) AS first
    JOIN (SELECT w.lexeme, p FROM unnest(doc) AS w, unnest(w.positions) AS p) AS second
        ON second.p = first.p + 1
    WHERE length(first.lexeme) <= %(longest)s AND length(second.lexeme) <= %(longest)s
$$
"""
LONGEST = 100


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_phrase_index"),
    ]

    operations = [
        migrations.RunSQL(
            WORD_PAIRS % {"longest": LONGEST},
            WORD_PAIRS % {"longest": 2047},  # a lexeme's own limit: every word
        ),
        migrations.RunSQL("ANALYZE articles_article", migrations.RunSQL.noop),
    ]
