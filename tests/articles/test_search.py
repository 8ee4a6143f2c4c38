import random
import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles import search
from articles.models import PAIR_INDEX_NAMES, Article, any_pair_part
from tests.factories import ArticleFactory, SectionFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_pair_statistics(monkeypatch):
    """Each test reads the word pairs' statistics of its own database."""
    monkeypatch.setattr(search, "_pair_statistics", {})


def results(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == HTTPStatus.OK
    return response, list(response.context["stories"])


def story(headline="Nothing to see", standfirst="", body="<p>Filler text.</p>", **kw):
    return ArticleFactory(
        published=True, headline=headline, standfirst=standfirst, body=body, **kw
    )


def published_in_bulk(count, headline, body=""):
    """``count`` published stories, a minute apart, in one INSERT: headline(n)
    is the headline of the n-th."""
    section = SectionFactory()
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=headline(number),
            slug=f"story-{number}",
            body=body,
            section=section,
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=number),
        )
        for number in range(count)
    )


def test_headline_weighs_more_than_standfirst_more_than_body(client):
    in_body = story(body="<p>The monsoon arrived over the hills.</p>")
    in_headline = story(headline="Monsoon arrives early")
    in_standfirst = story(standfirst="Forecasters expect a strong monsoon.")
    story(headline="Budget passed")  # no match

    _, found = results(client, q="monsoon")

    assert found == [in_headline, in_standfirst, in_body]


def test_recent_stories_get_a_small_boost(client):
    old = story(headline="Monsoon arrives")
    old.published_at = timezone.now() - timedelta(days=400)
    old.save()
    new = story(headline="Monsoon arrives")

    _, found = results(client, q="monsoon")

    assert found == [new, old]


def test_stemming_finds_other_forms(client):
    talks = story(headline="Iran and Oman hold talks")

    assert results(client, q="talk")[1] == [talks]
    assert results(client, q="talking")[1] == [talks]


def test_quoted_phrase_excluded_word_and_or(client):
    phrase = story(headline="Monsoon session of Parliament opens")
    scattered = story(headline="Session ends before the monsoon")
    cricket = story(headline="Cricket league final")
    ipl = story(headline="Cricket league auction for IPL")

    assert results(client, q='"monsoon session"')[1] == [phrase]
    assert results(client, q="cricket -ipl")[1] == [cricket]
    assert set(results(client, q="final OR auction")[1]) == {cricket, ipl}
    assert set(results(client, q="monsoon session")[1]) == {phrase, scattered}


def test_only_published_stories_are_found(client):
    ArticleFactory(headline="Secret monsoon plan")
    ArticleFactory(scheduled=True, headline="Embargoed monsoon report")
    live = story(headline="Monsoon report")

    assert results(client, q="monsoon")[1] == [live]


def test_snippet_highlights_the_match_and_escapes_the_text(client):
    story(
        headline="Flood report",
        body="<p>Heavy rains &lt;script&gt;alert(1)&lt;/script&gt; lashed the city; "
        "the monsoon is here.</p>",
    )

    response, _ = results(client, q="monsoon")

    html = response.content.decode()
    assert "<mark>monsoon</mark>" in html
    assert "lashed the city" in html
    assert "<script>alert(1)" not in html


def test_filters_by_section_with_subsections_and_dates(client):
    sports = SectionFactory(slug="sports")
    cricket = SectionFactory(slug="cricket", parent=sports)
    in_sports = story(headline="Final tonight", section=cricket)
    story(headline="Final exam dates")
    old = story(headline="Final from 2020", section=sports)
    old.published_at = timezone.now() - timedelta(days=2000)
    old.save()
    # The day the story went live, in Indian time (an hour ago may be yesterday).
    went_live = timezone.localdate(in_sports.published_at)

    assert results(client, q="final", section="sports", since=str(went_live))[1] == [
        in_sports
    ]
    until_last_month = results(
        client, q="final", until=str(went_live - timedelta(days=30))
    )[1]
    assert until_last_month == [old]


def test_paginated(client):
    for number in range(25):
        story(headline=f"Monsoon update {number}")

    response, found = results(client, q="monsoon", page=3, utm_source="x")

    assert len(found) == 5
    html = response.content.decode()
    assert "Page 3 of 3" in html
    # The link back keeps the search words, and only them.
    assert 'href="?q=monsoon&amp;page=2" rel="prev"' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "Search every story we have published."),
        ({"q": ""}, "Search every story we have published."),
        ({"q": "   "}, "Search every story we have published."),
        ({"q": "!!! ??? ..."}, "No stories match"),
        ({"q": "the and of"}, "No stories match"),
        ({"q": "x" * 201}, "That is a long search"),
        ({"q": "'\"(&|!:*"}, "No stories match"),
        ({"q": "monsoon", "since": "yesterday"}, "Please give dates"),
        ({"q": "monsoon", "since": "2026-02-30"}, "Please give dates"),
        ({"q": "monsoon", "section": "no-such"}, "Select a valid choice"),
        (
            {"q": "monsoon", "since": "2026-10-10", "until": "2026-01-01"},
            "is after the",
        ),
        ({"q": "monsoon", "until": "9999-12-31"}, "between 1900 and 2100"),
        ({"q": "monsoon", "since": "0001-01-01"}, "between 1900 and 2100"),
    ],
)
def test_odd_queries_get_a_friendly_page(client, params, message):
    story(headline="Monsoon")

    response = client.get("/search/", params)

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()


def test_search_results_are_not_indexed(client):
    response, _ = results(client, q="anything")

    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_the_stored_vector_is_kept_up_to_date_on_save():
    article = story(headline="Nothing yet")
    article.body = "<p>A word about elephants.</p>"
    article.save()

    assert list(search.search("elephants")) == [article]


def test_search_uses_the_gin_index():
    """The stored vector's GIN index serves the match. On a test-sized table the
    planner may fairly prefer reading the whole table, so that is switched off here;
    docs/performance.md shows the plan the planner picks on a million stories."""
    published_in_bulk(
        2000,
        lambda number: f"Story {number} about the budget",
        "<p>Markets, taxes and spending.</p>" * 20,
    )
    story(headline="Monsoon arrives")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
        cursor.execute("SET LOCAL enable_seqscan = off")

    query = SearchQuery("monsoon", search_type="websearch", config=search.CONFIG)
    plan = Article.objects.filter(search_vector=query).explain()

    assert "article_search_idx" in plan


def test_search_query_count(client):
    for number in range(5):
        story(headline=f"Monsoon {number}")

    # The time limit, the ranked matches, the page's stories and the snippets (the
    # sections of the filter's menu are cached).
    assert page_queries(client, "/search/?q=monsoon") <= 4


def test_the_section_menu_is_djangos_select_written_out():
    from django import forms

    parent = SectionFactory(name="India", slug="india")
    SectionFactory(name="Kerala", slug="kerala", parent=parent)
    stock = forms.Select(choices=[("", "All sections"), *search.section_choices()])

    for chosen in ("", "kerala"):
        form = search.SearchForm({"q": "rain", "section": chosen})
        html = str(form["section"])
        expected = stock.render("section", chosen, attrs={"id": "id_section"})
        assert _tags(html) == _tags(expected)
    assert '<option value="kerala" selected>India › Kerala</option>' in html


def test_the_section_menu_follows_new_sections(client):
    client.get("/search/?q=rain")  # the menu, cached

    SectionFactory(name="Weather", slug="weather")

    assert (
        '<option value="weather">Weather</option>'
        in client.get("/search/?q=rain").content.decode()
    )


def test_a_section_removed_since_the_menu_was_read_is_a_form_error(monkeypatch):
    monkeypatch.setattr(search, "section_choices", lambda: [("gone", "Gone")])

    form = search.SearchForm({"q": "rain", "section": "gone"})

    assert not form.is_valid()
    assert form.errors["section"] == ["That section no longer exists."]


def _tags(html):
    """The markup's tags and text in order, each tag's attributes in any order."""
    return [
        " ".join(sorted(part.split()))
        for part in re.split(r"[<>]", html)
        if part.strip()
    ]


def test_a_search_that_takes_too_long_is_stopped(db):
    with pytest.raises(search.TooSlow):
        search.within_time_limit(
            "default", lambda: connection.cursor().execute("SELECT pg_sleep(5)")
        )
    # The connection is usable afterwards, without the limit.
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


def test_the_reader_is_asked_to_narrow_a_slow_search(client, monkeypatch):
    story(headline="The monsoon session opens")
    monkeypatch.setattr(search, "TIME_LIMIT_MS", 1)
    # Every row now takes 50 ms to check.
    monkeypatch.setattr(
        search.Article.objects,
        "published",
        lambda: search.Article.objects.extra(where=["pg_sleep(0.05) IS NOT NULL"]),
    )

    response, found = results(client, q='"monsoon session"')

    assert found == []
    page = response.content.decode()
    assert "That search is taking too long" in page
    assert "No stories match" not in page


def test_results_ordering_is_stable_for_ties():
    a = story(headline="Monsoon")
    b = story(headline="Monsoon")
    Article.objects.filter(pk__in=[a.pk, b.pk]).update(published_at=a.published_at)

    assert list(search.search("monsoon")) == [b, a]


def test_a_very_common_word_ranks_the_newest_matches(client, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 3)
    oldest = story(headline="Monsoon one")
    oldest.published_at = timezone.now() - timedelta(days=30)
    oldest.save()
    newer = [story(headline=f"Monsoon {n}") for n in range(3)]

    response, found = results(client, q="monsoon")

    assert set(found) == set(newer)
    assert "More than 3 stories found" in response.content.decode()


# Quoted phrases and the word-pair index ------------------------------------------


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ('"monsoon session"', ["monsoon session"]),
        ('"Monsoon sessions" opens', ["monsoon session"]),
        # Each neighbouring pair of a longer phrase; none across a stopword.
        ('"prime minister spoke"', ["prime minist", "minist spoke"]),
        ('"session of parliament"', []),
        # A hyphenated word is a phrase of its own, in PostgreSQL's reading.
        ("well-known", ["well-known well", "well known"]),
        # Two phrases, each its own pairs (nothing across them).
        ('"monsoon session" "budget speech"', ["monsoon session", "budget speech"]),
        # Not required by the query: excluded, or one of alternatives.
        ('cricket -"monsoon session"', []),
        ('"monsoon session" or cricket', []),
        ("monsoon session", []),
        # Quotes as websearch reads them, not as they look.
        ('x" "monsoon session"', []),
        ("o'brien", ["o brien"]),
    ],
)
def test_the_pairs_every_match_of_a_phrase_holds(text, pairs):
    assert search.phrase_pairs(search._parsed(text, "default")) == pairs


def test_phrases_are_found_through_the_word_pair_index(client, monkeypatch):
    monkeypatch.setattr(search, "_pair_shares", lambda using: ALL_RARE)
    assert PAIRS in search.matches('"monsoon session"')[1]
    phrase = story(headline="Monsoon session of Parliament opens")
    plural = story(body="<p>Both monsoon sessions ran late.</p>")
    scattered = story(headline="Session ends before the monsoon")
    hyphen = story(headline="A well-known face returns")

    assert set(results(client, q='"monsoon session"')[1]) == {phrase, plural}
    assert results(client, q='"session of parliament"')[1] == [phrase]
    assert results(client, q='"well-known face"')[1] == [hyphen]
    assert set(results(client, q='session -"monsoon session"')[1]) == {scattered}
    assert set(results(client, q='"monsoon session" or ends')[1]) == {
        phrase,
        plural,
        scattered,
    }

    # The pairs follow the text when it changes.
    plural.body = "<p>The session after the monsoon ran late.</p>"
    plural.save()
    assert results(client, q='"monsoon session"')[1] == [phrase]


VOCABULARY = ["monsoon", "session", "of", "the", "budget", "well-known", "o'brien"]


WORD = st.sampled_from(VOCABULARY)
PHRASE = st.lists(WORD, min_size=1, max_size=4).map(
    lambda words: f'"{" ".join(words)}"'
)
TERM = st.one_of(WORD, PHRASE, PHRASE.map("-{}".format), WORD.map("-{}".format))
# What comes after a term: mostly a space, sometimes an OR, sometimes a stray mark.
GLUE = st.sampled_from([" ", " ", " ", " or ", " OR ", ' "', "-", " (", ") "])


@hypothesis_settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(TERM, GLUE), min_size=1, max_size=4))
def test_the_word_pairs_never_narrow_a_search(corpus, monkeypatch, terms):
    """Whatever the query, the word-pair filter only ever speeds it up: the
    newest matches and their scores are those of the plain full-text match."""
    text = "".join(term + glue for term, glue in terms)
    monkeypatch.setattr(search, "MAX_RESULTS", 7)
    with monkeypatch.context() as patched:
        patched.setattr(search, "_pair_shares", lambda using: ALL_RARE)
        with_pairs = scored_matches(text)
    with monkeypatch.context() as patched:
        patched.setattr(search, "phrase_pairs", lambda tsquery: [])
        plain = scored_matches(text)

    assert [pk for pk, _ in with_pairs] == [pk for pk, _ in plain]
    assert [score for _, score in with_pairs] == pytest.approx(
        [score for _, score in plain], rel=1e-6
    )


ALL_RARE = search.PairShares({})
# What the SQL of a search through the word-pair index holds.
PAIRS = '"word_pairs" @>'


def scored_matches(text):
    _using, sql, params = search.matches(text)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@pytest.fixture
def corpus(db):
    """Every short sentence of the vocabulary, in a story of its own."""
    rng = random.Random(2026)
    sentences = {
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(2, 5)))
        for _ in range(120)
    }
    stories = [story(headline=sentence) for sentence in sorted(sentences)]
    now = timezone.now()
    for age, article in enumerate(stories):  # scores differ with age
        Article.objects.filter(pk=article.pk).update(
            published_at=now - timedelta(hours=age * 7)
        )
    return stories


def phrase_plan(phrase):
    """PostgreSQL's plan for the query of ``phrase``, with the table analysed and
    the paths a test-sized table may prefer switched off (for the rest of the
    test's transaction)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        _using, sql, params = search.matches(phrase)
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(line for (line,) in cursor.fetchall())


def test_a_phrase_search_uses_the_word_pair_index(monkeypatch):
    """Most stories hold both words, one holds the phrase. On a test-sized table
    the planner may prefer another path, so those are switched off;
    docs/performance.md shows the plan it picks on a million stories."""
    published_in_bulk(
        2000,
        lambda number: f"Story {number}: the session before the monsoon",
        "<p>The session ended; the monsoon came.</p>" * 20,
    )
    story(headline="Monsoon session of Parliament opens")
    monkeypatch.setattr(search, "_pair_shares", lambda using: ALL_RARE)
    plan = phrase_plan('"monsoon session"')

    # All the parts of the word-pair index, together.
    assert "BitmapOr" in plan
    for part in PAIR_INDEX_NAMES:
        assert f"Bitmap Index Scan on {part}" in plan
    assert "article_search_idx" not in plan


def test_the_planner_knows_any_part_means_every_story():
    """Without statistics of mod(id, 3) (migration 0018), PostgreSQL would take
    the condition that reaches all the parts to hold for 1.5% of the stories, and
    underestimate the phrase query's rows as much."""
    published_in_bulk(600, lambda number: f"Story {number}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
        stories = Article.objects.filter(any_pair_part())
        sql, params = stories.query.sql_with_params()
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        ((plan,),) = cursor.fetchall()

    assert plan[0]["Plan"]["Plan Rows"] > 0.5 * Article.objects.count()


def test_a_common_pair_is_left_to_the_newest_first_walk(monkeypatch):
    """A phrase whose pairs are in many stories ("prime minister") is found
    sooner by walking the newest stories than through thousands of candidates."""
    phrase = '"monsoon session"'
    monkeypatch.setattr(search, "_pair_shares", lambda using: ALL_RARE)
    assert PAIRS in search.matches(phrase)[1]

    (monsoon_session,) = search.pair_hashes(["monsoon session"])
    common = search.PairShares({monsoon_session: 0.3})
    monkeypatch.setattr(search, "_pair_shares", lambda using: common)
    assert PAIRS not in search.matches(phrase)[1]
    # A phrase is as rare as its rarest pair.
    assert PAIRS in search.matches('"monsoon session opens"')[1]


def test_how_common_each_pair_is_comes_from_the_statistics():
    published_in_bulk(
        400, lambda number: "Monsoon session" if number % 2 else "Budget day"
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")

    shares = search._pair_shares("default")
    monsoon_session, budget_day, session_budget = search.pair_hashes(
        ["monsoon session", "budget day", "session budget"]
    )

    assert shares[monsoon_session] == pytest.approx(0.5, abs=0.01)
    assert shares[budget_day] == pytest.approx(0.5, abs=0.01)
    # A pair not listed is taken to be as common as the least common listed.
    assert session_budget not in shares.listed
    assert shares[session_budget] == pytest.approx(0.5, abs=0.01)


def pairs_used(monkeypatch):
    """Whether a phrase search would use the word pairs, with the index's state
    read again."""
    monkeypatch.setattr(search, "_pair_statistics", {})
    return PAIRS in search.matches('"monsoon session"')[1]


def invalidate(index):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pg_index SET indisvalid = false WHERE indexrelid = %s::regclass",
            [index],
        )


def test_no_word_pairs_while_their_index_is_not_ready(monkeypatch):
    """Migrations build the index concurrently (0017, then its parts in 0018):
    until it is valid, phrase searches go the way they did before it."""
    # Whatever the statistics say of the pair (another test may have analysed).
    monkeypatch.setattr(search, "COMMON_PAIR_SHARE", 1.01)
    assert pairs_used(monkeypatch)

    invalidate(PAIR_INDEX_NAMES[-1])

    assert not pairs_used(monkeypatch)


def test_the_whole_word_pair_index_serves_until_its_parts_are_ready(monkeypatch):
    """While 0018 builds the parts, 0017's whole index is still there: phrases
    use it, with the same query, until it is dropped."""
    monkeypatch.setattr(search, "COMMON_PAIR_SHARE", 1.01)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX {search.WHOLE_PAIR_INDEX} ON articles_article"
            " USING gin (word_pairs)"
        )
    published_in_bulk(50, lambda number: f"Story {number}: the monsoon came")
    opens = story(headline="Monsoon session of Parliament opens")
    invalidate(PAIR_INDEX_NAMES[0])

    assert pairs_used(monkeypatch)
    plan = phrase_plan('"monsoon session"')
    assert f"Bitmap Index Scan on {search.WHOLE_PAIR_INDEX}" in plan
    assert list(search.search('"monsoon session"')) == [opens]

    invalidate(search.WHOLE_PAIR_INDEX)

    assert not pairs_used(monkeypatch)


def test_long_words_side_by_side_make_no_pair():
    """A GIN key can't exceed about 2.7 kB: two long words (pasted links,
    encoded blobs) next to each other must not stop a story from being saved."""
    rng = random.Random(7)
    long_words = ["".join(rng.choices("abcdefghijklmnop", k=1500)) for _ in range(2)]
    article = story(body=f"<p>{long_words[0]} {long_words[1]} monsoon session</p>")

    assert list(search.search(f'"{long_words[0]} {long_words[1]}"')) == [article]
    assert list(search.search('"monsoon session"')) == [article]
