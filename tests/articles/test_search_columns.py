"""Search's two stored columns, Article.search_vector and Article.word_pairs, kept
by PostgreSQL's trigger (migration 0016) however a story is written."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from articles import search
from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

# The word-pair index's parts (migration 0018).
PARTS = ["article_pair_0_idx", "article_pair_1_idx", "article_pair_2_idx"]


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


@pytest.mark.parametrize("field", ["headline", "standfirst", "body"])
def test_both_columns_follow_the_text_however_it_changes(field):
    article = ArticleFactory(headline="Monsoon session opens", body="<p>Rain.</p>")

    Article.objects.filter(pk=article.pk).update(**{field: "Budget speech tomorrow"})

    vector, pairs, expected_vector, expected_pairs = columns(article)
    assert vector == expected_vector
    assert "'speech'" in vector
    assert pairs == expected_pairs
    assert search.pair_hashes(["budget speech"])[0] in pairs


def set_columns(article, vector, pairs):
    """Store ``vector`` and ``pairs`` as they are, behind the trigger's back."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # none left pending
        cursor.execute("ALTER TABLE articles_article DISABLE TRIGGER USER")
        cursor.execute(
            "UPDATE articles_article SET search_vector = %s::tsvector,"
            " word_pairs = %s WHERE id = %s",
            [vector, pairs, article.pk],
        )
        cursor.execute("ALTER TABLE articles_article ENABLE TRIGGER USER")


def test_a_save_that_leaves_the_text_alone_keeps_the_columns():
    """Publishing, or any save that leaves the words as they were, does not parse
    the story again, and nothing a statement writes to the columns sticks."""
    article = ArticleFactory(headline="Monsoon session opens", body="<p>Rain.</p>")
    set_columns(article, "'marker':1", [7])  # what no parse of the text gives

    article = Article.objects.get(pk=article.pk)
    article.status = Article.Status.DRAFT
    article.save()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET search_vector = 'stale', word_pairs = '{1}',"
            " dateline = 'MUMBAI' WHERE id = %s",
            [article.pk],
        )

    assert columns(article)[:2] == ("'marker':1", [7])


def test_a_story_without_pairs_gets_them_from_its_vector_on_any_save():
    """How 0017 fills the stories of before: any update of a story without pairs
    computes them from its stored vector (not from its text)."""
    article = ArticleFactory(headline="Monsoon session opens", body="<p>Rain.</p>")
    set_columns(article, "'budget':1 'speech':2", None)

    Article.objects.filter(pk=article.pk).update(dateline="MUMBAI")

    vector, pairs, _expected_vector, expected_pairs = columns(article)
    assert vector == "'budget':1 'speech':2"
    assert pairs == search.pair_hashes(["budget speech"]) == expected_pairs


def test_saving_reads_no_deferred_column():
    """After a save, the story notes what it holds; a column it was loaded
    without (the search columns, large) costs no query."""
    article = Article.objects.get(pk=ArticleFactory().pk)

    with CaptureQueriesContext(connection) as queries:
        article.save()

    reads = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    assert not [sql for sql in reads if "search_vector" in sql or "word_pairs" in sql]
    assert article._loaded["slug"] == article.slug


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


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target or executor.loader.graph.leaf_nodes())


def catalog(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall() if cursor.description else None


def search_vector_is_generated():
    (row,) = catalog(
        "SELECT attgenerated FROM pg_attribute WHERE attname = 'search_vector'"
        " AND attrelid = 'articles_article'::regclass"
    )
    return row == ("s",)


def index_is_valid(name):
    return catalog(
        f"SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('{name}')"
    )


@pytest.mark.django_db(transaction=True)
def test_the_migrations_fill_the_pairs_run_again_and_can_be_undone():
    """0016 and 0017 keep the stored vectors and give every story its pairs; an
    interrupted 0017 (pairs half filled, an invalid index) is finished by running
    it again; and backwards, the generated column and the text-pair index are
    back."""
    section = SectionFactory()
    try:
        migrate([("articles", "0015_live_index")])
        assert search_vector_is_generated()
        assert index_is_valid("article_phrase_idx") == [(True,)]
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO articles_article (headline, slug, standfirst, body,"
                " credit_line, dateline, status, created_at, updated_at, section_id,"
                " version, in_news_sitemap, seo_description, seo_title)"
                " VALUES ('Monsoon session opens', 'monsoon', '', '<p>Rain.</p>', '',"
                " '', 'draft', now(), now(), %s, 1, true, '', '') RETURNING id",
                [section.pk],
            )
            (pk,) = cursor.fetchone()

        migrate([("articles", "0016_search_columns_by_trigger")])
        assert not search_vector_is_generated()
        assert columns(Article(pk=pk))[1] is None  # 0017 fills the pairs
        # As if 0017 had been stopped while building its index.
        catalog("CREATE INDEX article_pair_idx ON articles_article (id)")
        catalog(
            "UPDATE pg_index SET indisvalid = false"
            " WHERE indexrelid = 'article_pair_idx'::regclass"
        )

        migrate([("articles", "0017_word_pairs_index")])

        vector, pairs, expected_vector, expected_pairs = columns(Article(pk=pk))
        assert vector == expected_vector
        assert pairs == expected_pairs
        assert search.pair_hashes(["monsoon session"])[0] in pairs
        assert index_is_valid("article_pair_idx") == [(True,)]
        assert (
            "word_pairs"
            in catalog(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'article_pair_idx'"
            )[0][0]
        )
        assert index_is_valid("article_phrase_idx") == []

        migrate([("articles", "0015_live_index")])
        assert search_vector_is_generated()
        assert index_is_valid("article_phrase_idx") == [(True,)]
        assert index_is_valid("article_pair_idx") == []
    finally:
        migrate(None)


def index_definition(name):
    (row,) = catalog(f"SELECT indexdef FROM pg_indexes WHERE indexname = '{name}'")
    return row[0]


@pytest.mark.django_db(transaction=True)
def test_the_word_pair_index_goes_into_parts_runs_again_and_can_be_undone():
    """0018 builds the word-pair index's three parts and drops the whole index;
    an interrupted run (one part built, one left invalid) is finished by running
    it again; backwards, the whole index is back and the parts are gone."""
    try:
        migrate([("articles", "0017_word_pairs_index")])
        assert index_is_valid("article_pair_idx") == [(True,)]
        # As if 0018 had been stopped while building its second part.
        catalog(
            "CREATE INDEX article_pair_0_idx ON articles_article USING gin"
            " (word_pairs) WHERE mod(id, 3) = 0"
        )
        (built,) = catalog("SELECT 'article_pair_0_idx'::regclass::oid")
        catalog("CREATE INDEX article_pair_1_idx ON articles_article (id)")
        catalog(
            "UPDATE pg_index SET indisvalid = false"
            " WHERE indexrelid = 'article_pair_1_idx'::regclass"
        )

        migrate(None)

        assert [index_is_valid(name) for name in PARTS] == [[(True,)]] * 3
        # The part already built is kept as it was.
        assert catalog("SELECT 'article_pair_0_idx'::regclass::oid") == [built]
        assert statistics_of_the_parts()
        for part, name in enumerate(PARTS):
            definition = index_definition(name)
            assert "USING gin (word_pairs)" in definition
            assert definition.endswith(f"WHERE (mod(id, (3)::bigint) = {part})")
        assert index_is_valid("article_pair_idx") == []

        migrate([("articles", "0017_word_pairs_index")])
        assert index_is_valid("article_pair_idx") == [(True,)]
        assert "USING gin (word_pairs)" in index_definition("article_pair_idx")
        assert [index_is_valid(name) for name in PARTS] == [[]] * 3
        assert not statistics_of_the_parts()
    finally:
        migrate(None)


def statistics_of_the_parts():
    return catalog(
        "SELECT 1 FROM pg_statistic_ext WHERE stxname = 'article_pair_part_stats'"
    )


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
    assert "session session" not in expected  # "after" stood between them

    stored = columns(article)[1]

    assert sorted(stored) == sorted(search.pair_hashes(expected))
