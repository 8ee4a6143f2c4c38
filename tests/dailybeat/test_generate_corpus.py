"""The benchmark's corpus generator (bench/corpus.py): a load that drops the story
tables' indexes and foreign keys must leave them all as they were, and stories
that search finds. The generator puts each story's search columns together from
its pieces rather than have the trigger parse it: they must be exactly what the
trigger computes, and its check must catch them when they are not."""

import io

import pytest
from django.db import connection

from articles import search
from articles.models import PAIR_INDEX_NAMES, Article, Byline, Image, TaggedArticle
from bench import corpus
from tests.factories import ArticleFactory, ImageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def schema():
    """The indexes and foreign keys, as {name: definition}."""
    with connection.cursor() as cursor:
        indexes = dict(corpus._secondary_indexes(cursor, corpus.TABLES))
        keys = {
            name: definition
            for _, name, definition in corpus._foreign_keys(cursor, corpus.TABLES)
        }
    return indexes, keys


def test_a_small_corpus_leaves_the_schema_whole_and_searchable():
    before = schema()
    assert {"article_search_idx", *PAIR_INDEX_NAMES} <= before[0].keys()
    assert "WHERE (mod(id, (3)::bigint) = 2)" in before[0]["article_pair_2_idx"]
    out = io.StringIO()

    corpus.generate(40, batch=15, pictures=1, out=out)

    assert schema() == before
    assert Article.objects.count() == 40
    assert Byline.objects.count() >= 40
    assert TaggedArticle.objects.count() >= 120
    assert not Article.objects.filter(search_vector=None).exists()
    # All of them as the triggers have them: search columns, links' live times.
    corpus.check_kept_columns(range(1, 41))
    assert len(search.search(corpus.COMMON_WORD)) > 0
    live = Article.objects.published()
    assert Byline.objects.live().filter(article__in=live).count() == (
        Byline.objects.filter(article__in=live).count()
    )
    assert TaggedArticle.objects.live().filter(content_object__in=live).exists()
    assert "Foreign keys checked" in out.getvalue()
    # The vacuums that need not wait for the last index ran beside it.
    for table in (
        "articles_byline",
        "articles_taggedarticle",
        "articles_article's TOAST",
    ):
        assert f"  vacuum of {table}: " in out.getvalue()
    assert Image.objects.count() == 1


def test_pictures_drawn_in_several_processes_are_all_there():
    corpus.generate(30, pictures=3, out=io.StringIO())

    # Each with the id of its number, whichever process drew it first.
    assert sorted(Image.objects.values_list("pk", "caption")) == [
        (1, "Illustration 0"),
        (2, "Illustration 1"),
        (3, "Illustration 2"),
    ]
    heroes = dict(Article.objects.values_list("pk", "hero_image"))
    assert set(heroes.values()) == {None, 1, 2, 3}
    # The same stories get the same pictures every time.
    corpus.generate(30, pictures=3, out=io.StringIO())
    assert dict(Article.objects.values_list("pk", "hero_image")) == heroes
    # The newsroom's next picture gets the next id.
    assert ImageFactory().pk == 4


def test_a_picture_that_fails_stops_the_load_before_any_story(monkeypatch):
    before = schema()

    def fail(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(corpus.demo_images, "illustration", fail)  # seen by forks
    with pytest.raises(RuntimeError, match="Drawing the pictures failed"):
        corpus.generate(10, pictures=2, out=io.StringIO())

    assert not Article.objects.exists()
    assert schema() == before


def test_without_leaving_the_triggers_out_they_compute_the_same(monkeypatch):
    # A loader that is not a superuser: the triggers run on every row (the
    # loaders are forked, so they see the patch).
    monkeypatch.setattr(corpus, "_may_leave_triggers_out", lambda cursor: False)

    corpus.generate(12, batch=5, pictures=1, out=io.StringIO())

    corpus.check_kept_columns(range(1, 13))
    assert Byline.objects.live().exists()
    # The trigger wrote the pairs: in its own order (the generator's differs).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM articles_article"
            " WHERE word_pairs = article_pair_hashes(search_vector)"
        )
        assert cursor.fetchone() == (12,)


def test_a_failed_load_still_puts_the_indexes_and_keys_back(monkeypatch):
    before = schema()

    def fail(*args):
        raise RuntimeError("A loader failed")

    monkeypatch.setattr(corpus, "_load_all", fail)
    with pytest.raises(RuntimeError):
        corpus.generate(10, pictures=1, out=io.StringIO())

    assert schema() == before


def behind_the_trigger(statement, params=()):
    """Run an UPDATE of stories that the search trigger leaves alone."""
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute(statement, params)
        finally:
            cursor.execute("RESET session_replication_role")


@pytest.mark.parametrize(
    "wrong",
    [
        "articles_article SET search_vector = to_tsvector('simple', 'else')"
        " WHERE id = 3",
        "articles_article SET word_pairs = word_pairs[2:] WHERE id = 3",  # one less
        "articles_article SET word_pairs = word_pairs || 12345 WHERE id = 3",
        "articles_byline SET live_at = '2001-01-01' WHERE article_id = 3",
        "articles_taggedarticle SET live_at = '2001-01-01' WHERE content_object_id = 3",
    ],
)
def test_the_check_catches_columns_other_than_the_triggers_compute(wrong):
    corpus.generate(4, pictures=1, out=io.StringIO())
    corpus.check_kept_columns(range(1, 5))

    behind_the_trigger(f"UPDATE {wrong}")

    with pytest.raises(RuntimeError, match="1 of 4 stories checked"):
        corpus.check_kept_columns(range(1, 5))


@pytest.mark.parametrize(
    ("headline", "standfirst", "body"),
    [
        # A headline ending in a stop word, an empty standfirst, a paragraph of
        # stop words only, a heading and paragraph that end in them.
        (
            "Budget talks resume after",
            "",
            [
                "<p>Rain fell all of the</p>",
                "<h2>The and of</h2>",
                "<p>Ministers met.</p>",
            ],
        ),
        # Pairs across a headline, standfirst and body that run on; hyphenated
        # words and numbers (more than one lexeme for a word).
        (
            "Monsoon session",
            "Monsoon session opens",
            ["<p>Session well-known 2026 monsoon</p>", "<p>monsoon session</p>"],
        ),
        # A word too long to make pairs, at the start and end of chunks.
        (
            "Long " + "a" * 120,
            "b" * 101 + " short",
            ["<p>" + "c" * 150 + " middle " + "d" * 100 + "</p>", "<p>end</p>"],
        ),
    ],
)
def test_search_columns_put_together_are_what_the_trigger_computes(
    headline, standfirst, body
):
    fields = [[corpus.Chunk(headline)], [corpus.Chunk(standfirst)]]
    fields.append([corpus.Chunk(part) for part in body])
    with connection.cursor() as cursor:
        for weight, chunks in zip("ABC", fields, strict=True):
            corpus.analyse(cursor, chunks, weight)
        vector, within, across = corpus.search_columns(fields)
        # In PostgreSQL's order of lexemes, so that it reads them without sorting
        # (a lexeme in two chunks comes twice, side by side).
        lexemes = [entry.rsplit(":", 1)[0][1:-1] for entry in vector.split(" ")]
        assert lexemes == sorted(lexemes, key=str.encode)
        cursor.execute(
            "SELECT coalesce(array_agg(article_pair_hash(p)), '{}')"
            " FROM unnest(%s::text[]) AS p",
            [across],
        )
        (hashes,) = cursor.fetchone()
    story = ArticleFactory(headline=headline, standfirst=standfirst, body="".join(body))
    behind_the_trigger(
        "UPDATE articles_article SET search_vector = NULL, word_pairs = NULL"
        " WHERE id = %s",
        [story.pk],
    )
    with pytest.raises(RuntimeError):  # the check sees the difference
        corpus.check_kept_columns([story.pk])

    behind_the_trigger(
        "UPDATE articles_article SET search_vector = %s::tsvector,"
        " word_pairs = %s::integer[] WHERE id = %s",
        [vector, corpus._array(within, hashes), story.pk],
    )

    corpus.check_kept_columns([story.pk])


def test_lexemes_are_quoted_as_postgresql_writes_them():
    lexemes = ["it's", "back\\slash", "plain"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT array_to_tsvector(%s)::text", [lexemes])
        (written,) = cursor.fetchone()
    assert sorted(written.split(" ")) == sorted(map(corpus._quoted, lexemes))


def test_rows_reach_postgresql_as_written_through_copy():
    tricky = "back\\slash\ttab\nline\rreturn 'quoted' ₹"
    assert corpus._text("plain words") == "plain words"
    assert corpus._text(None) == r"\N"
    # More rows than one read of COPY's input takes (_Lines), so that the rows
    # come in several pieces.
    rows = [(str(n), corpus._text(f"{tricky} {n}")) for n in range(1, 121)]
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE copied (n integer, t text)")
        corpus._copy(cursor, "copied", ["n", "t"], rows)
        cursor.execute("SELECT n, t FROM copied ORDER BY n")
        assert cursor.fetchall() == [(n, f"{tricky} {n}") for n in range(1, 121)]
