"""Search's two stored columns, Article.search_vector and Article.word_pairs, kept
by PostgreSQL's trigger (migration 0016) however a story is written."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles import search
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def columns(article):
    """The story's search vector (as text) and word pairs, read from the table,
    with what PostgreSQL computes from its text now."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text, word_pairs,"
            " (setweight(to_tsvector('english', headline), 'A')"
            "  || setweight(to_tsvector('english', standfirst), 'B')"
            "  || setweight(to_tsvector('english', body), 'C'))::text,"
            " article_pair_hashes(search_vector)"
            " FROM articles_article WHERE id = %s",
            [article.pk],
        )
        return cursor.fetchone()


def test_a_new_story_gets_both_columns():
    article = ArticleFactory(
        headline="Monsoon session opens", standfirst="", body="<p>Filler.</p>"
    )

    vector, pairs, expected_vector, expected_pairs = columns(article)

    assert vector == expected_vector
    assert "'monsoon':1A" in vector
    assert pairs == expected_pairs
    assert search.pair_hashes(["monsoon session"])[0] in pairs


@pytest.mark.parametrize(
    "change",
    [
        lambda article: Article.objects.filter(pk=article.pk).update(
            body="<p>Budget speech tomorrow.</p>"
        ),
        lambda article: Article.objects.filter(pk=article.pk).update(
            headline="Budget speech tomorrow"
        ),
        lambda article: Article.objects.filter(pk=article.pk).update(
            standfirst="Budget speech tomorrow"
        ),
    ],
    ids=["body", "headline", "standfirst"],
)
def test_both_columns_follow_the_text_however_it_changes(change):
    article = ArticleFactory(headline="Monsoon session opens", body="<p>Rain.</p>")

    change(article)

    vector, pairs, expected_vector, expected_pairs = columns(article)
    assert vector == expected_vector
    assert "'speech'" in vector
    assert pairs == expected_pairs
    assert search.pair_hashes(["budget speech"])[0] in pairs


def test_a_save_that_leaves_the_text_alone_keeps_the_columns():
    """Publishing or any other save that leaves the words as they were does not
    parse the story again, and nothing written to the columns sticks."""
    article = ArticleFactory(headline="Monsoon session opens", body="<p>Rain.</p>")
    before = columns(article)[:2]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET search_vector = 'stale', word_pairs = '{1}',"
            " status = 'draft' WHERE id = %s",
            [article.pk],
        )
    article.refresh_from_db()
    article.save()

    assert columns(article)[:2] == before


def test_a_story_loaded_with_its_columns_saves_them_right():
    """Django's base manager reads every column (a story reached through a
    byline); saving such a story after an edit writes its old vector back, and
    the trigger computes the new one all the same."""
    article = ArticleFactory(headline="Monsoon session opens", body="<p>Rain.</p>")
    loaded = Article._base_manager.get(pk=article.pk)
    assert loaded.search_vector is not None

    loaded.headline = "Budget speech tomorrow"
    loaded.save()

    vector, pairs, expected_vector, expected_pairs = columns(article)
    assert vector == expected_vector
    assert "'speech'" in vector
    assert pairs == expected_pairs


def test_a_pair_that_shares_a_hash_is_checked_against_the_phrase(monkeypatch):
    """Two pairs may share a 32-bit hash: a story the index offers for another
    pair is checked against the phrase itself and left out."""
    monkeypatch.setattr(search, "_pair_shares", lambda using: search.PairShares({}))
    ArticleFactory(published=True, body="<p>The budget speech was long.</p>")
    # The index asked for "budget speech" where the reader asked for "monsoon
    # session", as if both pairs had the same hash.
    real = search.pair_hashes
    monkeypatch.setattr(
        search,
        "pair_hashes",
        lambda pairs, using="default": real(
            ["budget speech"] if pairs == ["monsoon session"] else pairs, using
        ),
    )
    assert len(search.search('"budget speech"')) == 1

    assert list(search.search('"monsoon session"')) == []


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_pairs_and_can_be_undone():
    """0016 keeps the stored vectors, fills every story's pairs, and its reverse
    puts the generated column and the text-pair index back."""
    executor = MigrationExecutor(connection)
    before, after = (
        [("articles", "0015_live_index")],
        [("articles", "0016_search_columns_by_trigger")],
    )
    try:
        executor.migrate(before)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_get_expr(adbin, adrelid) IS NOT NULL FROM pg_attrdef"
                " WHERE adrelid = 'articles_article'::regclass AND adnum = ("
                "  SELECT attnum FROM pg_attribute WHERE attname = 'search_vector'"
                "  AND attrelid = 'articles_article'::regclass)"
            )
            assert cursor.fetchone() == (True,)  # generated again
            cursor.execute(
                "SELECT count(*) FROM pg_indexes WHERE indexname IN"
                " ('article_phrase_idx', 'article_search_idx')"
            )
            assert cursor.fetchone() == (2,)
        executor.loader.build_graph()
        article = ArticleFactory.build(headline="Monsoon session opens")
        article.section.save()
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO articles_article (headline, slug, standfirst, body,"
                " credit_line, dateline, status, created_at, updated_at, section_id,"
                " version, in_news_sitemap, seo_description, seo_title)"
                " VALUES (%s, 'monsoon', '', '<p>Rain.</p>', '', '', 'draft', now(),"
                " now(), %s, 1, true, '', '') RETURNING id",
                [article.headline, article.section.pk],
            )
            (pk,) = cursor.fetchone()

        executor = MigrationExecutor(connection)
        executor.migrate(after)

        vector, pairs, expected_vector, expected_pairs = columns(Article(pk=pk))
        assert vector == expected_vector
        assert pairs == expected_pairs
        assert search.pair_hashes(["monsoon session"])[0] in pairs
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_pairs_are_each_word_with_the_next_one():
    """article_pair_hashes, against the pairs read off the vector by hand: every
    lexeme with the one at the next position (not across a stopword's gap), words
    of a hyphenated compound too, and no pair with a word over 100 characters."""
    long_word = "x" * 101
    article = ArticleFactory(
        headline="Well-known faces return",
        standfirst="The monsoon session",
        body=f"<p>Rain. Session after session of the monsoon. {long_word} ends.</p>",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w.lexeme, p FROM articles_article,"
            " unnest(search_vector) AS w, unnest(w.positions) AS p WHERE id = %s",
            [article.pk],
        )
        at = {position: lexeme for lexeme, position in cursor.fetchall()}
    expected = [
        f"{at[p]} {at[p + 1]}"
        for p in sorted(at)
        if p + 1 in at and max(len(at[p]), len(at[p + 1])) <= 100
    ]
    assert "monsoon session" in expected  # the standfirst's
    assert "session session" not in expected  # "of" stood between them

    stored = columns(article)[1]

    assert sorted(stored) == sorted(search.pair_hashes(expected))
