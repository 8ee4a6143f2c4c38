"""How many rows a list has, in one query (dailybeat/pagination.py).

A paginated list needs its length. Counting a long one on every page view reads all
of it (45,000 stories of a section, a million in the newsroom's list), so for a list
in a big table PostgreSQL's planner is asked first: its estimate reads nothing. A
short list is still counted, up to a bound. Asked from Python, that took two round
trips for a short list in a big table (an author's or a tag's page) and one
elsewhere, so a page's number of queries depended on the archive's size. These
functions take the decisions on the server: one query, whatever the sizes.

``dailybeat_list_size(query, list_table, exact_below)``: ``query`` is the list's
SQL, complete (its values quoted in), selecting its ids without an order.

- In a table PostgreSQL counts at ``2 * exact_below`` rows or more (its statistics:
  ``pg_class.reltuples``), the planner's estimate, if it is that long too.
- Otherwise the list counted up to ``exact_below`` rows: exact below it; at it, the
  planner's estimate, but never less than ``exact_below``.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION dailybeat_planned_rows(query text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
END
$$;

CREATE FUNCTION dailybeat_list_size(
    query text, list_table regclass, exact_below integer
) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    estimate bigint;
    counted bigint;
BEGIN
    IF (SELECT reltuples FROM pg_class WHERE oid = list_table) >= 2 * exact_below THEN
        estimate := dailybeat_planned_rows(query);
        IF estimate >= 2 * exact_below THEN
            RETURN estimate;
        END IF;
    END IF;
    EXECUTE format('SELECT count(*) FROM (%s LIMIT %s) AS bounded', query, exact_below)
        INTO counted;
    IF counted < exact_below THEN
        RETURN counted;
    END IF;
    RETURN greatest(coalesce(estimate, dailybeat_planned_rows(query)), exact_below);
END
$$;
"""

BACKWARD = """
DROP FUNCTION IF EXISTS dailybeat_list_size(text, regclass, integer);
DROP FUNCTION IF EXISTS dailybeat_planned_rows(text);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_word_pairs_index_in_parts"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
