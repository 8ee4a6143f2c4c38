"""
Full-text search over published stories, in PostgreSQL.

The stored ``Article.search_vector`` (kept by a trigger, with a GIN index) weighs the
headline most, then the standfirst, then the body. Queries use the syntax readers
know from search engines (websearch_to_tsquery): "quoted phrases", -excluded words,
OR. English stemming means "talks" also finds "talk". Results are ranked by
relevance with a small boost for recent stories, and each shows a snippet of where
the words matched (ts_headline), highlighted.
"""

import re
from datetime import datetime, time, timedelta
from html import unescape
from time import monotonic

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.db.models import F, FloatField, Func, TextField, Value
from django.db.models.functions import Concat, Now
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from dailybeat import freshness
from sections.models import Section

from .models import PAIR_INDEX_NAMES, Article, any_pair_part

CONFIG = "english"
# How many of the newest matches are ranked and paged through: fifty pages of ten.
# Each costs a read of its search vector, twice (the match, the rank).
MAX_RESULTS = 500
# Dates outside these years are typing mistakes (and 9999-12-31 + 1 day overflows).
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_QUERY_LENGTH = 200
# How long the database may spend on one search. Almost every search takes a few
# milliseconds. Should one not (say a phrase of common words with a stopword
# between them, "state of emergency", which has no pair of neighbouring words for
# the word-pair index, in a huge archive), it is stopped and the reader asked to
# narrow it, rather than tying up a worker (docs/performance.md).
TIME_LIMIT_MS = 1500
QUERY_CANCELED = "57014"
# A story published today ranks up to RECENCY_BOOST (50%) above the same match a
# long time ago; the boost halves by RECENCY_DAYS.
RECENCY_BOOST = 0.5
RECENCY_DAYS = 30.0
# Control characters mark the matches in ts_headline's output; the text is escaped
# around them and they become <mark> tags, so no stored text is ever trusted as HTML.
_START, _STOP = "\x02", "\x03"


class TooSlow(Exception):
    """The search took longer than TIME_LIMIT_MS and was stopped."""


def section_choices():
    """(slug, name) of every section, for the filter's menu: read once per content
    version (a section's change starts a new one), not on every search."""

    def build():
        return [
            (section.slug, str(section))
            for section in Section.objects.select_related("parent")
        ]

    return freshness.cached("search-sections", build)


class PlainSelect(forms.Select):
    """A select written out directly. Django renders each option through its own
    template, which took 5 ms of the search page for a score of sections. For
    plain choices only: groups are written as their options, and options take no
    attributes of their own."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        options = (
            option
            for _group, group_options, _index in context["optgroups"]
            for option in group_options
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(context["attrs"]),
            format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (
                        option["value"],
                        " selected" if option["selected"] else "",
                        option["label"],
                    )
                    for option in options
                ),
            ),
        )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "That is a long search: please use at most %(limit_value)d characters."
            )
        },
    )
    # The sections' slugs; clean_section() gives the Section.
    section = forms.ChoiceField(label=_("Section"), required=False, widget=PlainSelect)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections")), *section_choices()]

    def clean_section(self):
        slug = self.cleaned_data["section"]
        if not slug:
            return None
        section = Section.objects.select_related("parent").filter(slug=slug).first()
        if section is None:  # removed since the menu was read
            raise forms.ValidationError(_("That section no longer exists."))
        return section

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        for day in (since, until):
            if day and not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise forms.ValidationError(
                    _("Please give dates between %(first)d and %(last)d."),
                    params={"first": FIRST_YEAR, "last": LAST_YEAR},
                )
        if since and until and since > until:
            raise forms.ValidationError(_("The “From” date is after the “To” date."))
        return cleaned


def _age_in_days():
    return Func(
        Now() - F("published_at"),
        template="(EXTRACT(EPOCH FROM %(expressions)s) / 86400.0)",
        output_field=FloatField(),
    )


def _ist_midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def search(text, section=None, since=None, until=None):
    """Published stories matching ``text``, best first: the MAX_RESULTS newest
    matches, ranked.

    Ranking every match of a common word among a million stories would read a
    million search vectors; the newest MAX_RESULTS matches are found at once (through
    the publish-time index when the word is common, the search index when it is
    rare — the planner picks; the word-pair index for a phrase), and for news the
    newest are what readers want."""
    using, sql, params = matches(text, section, since, until)

    def run():
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    rows = within_time_limit(using, run)
    ranked = sorted(rows, key=lambda row: -row[1])  # stable: newest first on ties
    return Results([pk for pk, _score in ranked])


def matches(text, section=None, since=None, until=None):
    """The query behind search(), as (database, SQL, parameters): the id and
    score of the MAX_RESULTS newest matches, newest first, the score computed for
    those rows only."""
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    stories = Article.objects.published()
    if section is not None:
        stories = stories.filter(section__in=Section.objects.tree(section.pk))
    if since:
        stories = stories.filter(published_at__gte=_ist_midnight(since))
    if until:
        stories = stories.filter(published_at__lt=_ist_midnight(until + timedelta(1)))
    rank = SearchRank(F("search_vector"), query)
    recency = 1.0 + RECENCY_BOOST / (1.0 + _age_in_days() / RECENCY_DAYS)
    newest = ("-published_at", "-pk")
    pairs = _rare_pairs(text, stories.db)  # their hashes (Article.word_pairs)
    if not pairs:
        scored = (
            stories.filter(search_vector=query)
            .annotate(score=rank * recency)
            .order_by(*newest)
            .values_list("pk", "score")[:MAX_RESULTS]
        )
        return (scored.db, *scored.query.sql_with_params())
    # A phrase of common words ("monsoon session"): the few stories holding its
    # pairs of words come from the word-pair index, newest first; the phrase is
    # then checked on them in that order until MAX_RESULTS match, and only those
    # are scored. (Asked in one query, PostgreSQL would check and score all of
    # them, or combine both indexes and read far more stories.)
    candidates = (
        stories.filter(any_pair_part(), word_pairs__contains=pairs)
        .order_by(*newest)
        .values_list("pk", "published_at", "search_vector")
    )
    inner, inner_params = candidates.query.get_compiler(candidates.db).as_sql()
    # The same score as above, over the candidates' columns.
    sql = (
        "SELECT pk, ts_rank(search_vector, websearch_to_tsquery(%s::regconfig, %s))"
        " * (%s + (%s / (%s + ((EXTRACT(EPOCH FROM (STATEMENT_TIMESTAMP() -"
        " published_at)) / 86400.0) / %s))))"
        # OFFSET 0: keep it whole.
        f" FROM ({inner} OFFSET 0) AS candidates (pk, published_at, search_vector)"
        " WHERE search_vector @@ websearch_to_tsquery(%s::regconfig, %s)"
        " ORDER BY published_at DESC, pk DESC LIMIT %s"
    )
    params = (
        CONFIG, text, 1.0, RECENCY_BOOST, 1.0, RECENCY_DAYS,
        *inner_params,
        CONFIG, text, MAX_RESULTS,
    )  # fmt: skip
    return (candidates.db, sql, params)


# A pair of words in more than this share of stories is too common for the
# word-pair index to help: walking the newest stories finds its phrase sooner.
COMMON_PAIR_SHARE = 0.03
# How often each process reads PostgreSQL's statistics of the pairs again.
PAIR_STATISTICS_SECONDS = 600
_pair_statistics = {}  # database: (when read, PairShares or None)
# Longer words make no pairs, as in the stored pairs (migrations 0013, 0016: a
# limit of text pairs' index keys, kept with hashed pairs so that both agree).
LONGEST_PAIRED_WORD = 100


class PairShares:
    """How common word pairs are, by their hashes, from what ANALYZE gathered on
    Article.word_pairs (pg_stats): the most common ones listed, each with its
    share of stories; any other is at most as common as the least common listed."""

    def __init__(self, listed, others=0.0):
        self.listed, self.others = listed, others

    def __getitem__(self, pair):
        return self.listed.get(pair, self.others)


def _rare_pairs(text, using):
    """The hashes of the word pairs every match of ``text`` holds (phrase_pairs),
    when the rarest of them is rare enough for the word-pair index to narrow the
    search; otherwise none (and none while the index is being built)."""
    if not _MAY_HAVE_PHRASE.search(text):
        return []
    pairs = phrase_pairs(_parsed(text, using))
    if not pairs:
        return []
    shares = _pair_shares(using)
    if shares is None:
        return []
    hashes = pair_hashes(pairs, using)
    if min(shares[pair] for pair in hashes) >= COMMON_PAIR_SHARE:
        return []
    return hashes


def pair_hashes(pairs, using=DEFAULT_DB_ALIAS):
    """PostgreSQL's hashes of ``pairs`` ("monsoon session"), as Article.word_pairs
    holds them (``article_pair_hash``, migration 0016)."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(article_pair_hash(pair) ORDER BY n)"
            " FROM unnest(%s::text[]) WITH ORDINALITY AS pairs (pair, n)",
            [pairs],
        )
        return cursor.fetchone()[0]


# The whole word-pair index, which its parts (PAIR_INDEX_NAMES) replace
# (migrations 0017, 0018): either serves the phrases' query.
WHOLE_PAIR_INDEX = "article_pair_idx"


def _pair_shares(using):
    """PairShares, read every PAIR_STATISTICS_SECONDS; None unless the whole
    word-pair index or all its parts are valid (their migrations build them
    concurrently)."""
    read, shares = _pair_statistics.get(using, (None, None))
    if read is None or monotonic() - read > PAIR_STATISTICS_SECONDS:
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT array(SELECT c.relname::text FROM pg_class c"
                " JOIN pg_index i ON i.indexrelid = c.oid"
                " WHERE c.relname = ANY(%s) AND i.indisvalid"
                " AND c.relnamespace = current_schema()::regnamespace),"
                " s.most_common_elems::text::integer[], s.most_common_elem_freqs"
                " FROM (SELECT) AS one LEFT JOIN pg_stats s"
                " ON s.schemaname = current_schema()"
                " AND s.tablename = 'articles_article' AND s.attname = 'word_pairs'",
                [[*PAIR_INDEX_NAMES, WHOLE_PAIR_INDEX]],
            )
            valid, elements, figures = cursor.fetchone()
        if WHOLE_PAIR_INDEX not in valid and not set(PAIR_INDEX_NAMES) <= set(valid):
            shares = None
        elif elements is None:  # not analysed yet: a small or new archive
            shares = PairShares({})
        else:
            # The shares end with three figures of their own: the least and the
            # most common listed, and the share of null elements.
            shares = PairShares(dict(zip(elements, figures, strict=False)), figures[-3])
        _pair_statistics[using] = (monotonic(), shares)
    return shares


# Tokens of a tsquery as PostgreSQL prints it: quoted lexemes (quotes and
# backslashes inside doubled), operators and parentheses.
_TSQUERY_TOKEN = re.compile(r"\s*(?:'((?:[^'\\]|''|\\.)*)'|(<->|<\d+>|[&|!()]))")
# Only a query with punctuation can hold a phrase ("quoted", hyphen-ated, it's).
_MAY_HAVE_PHRASE = re.compile(r"[^\w\s]")


def _parsed(text, using):
    """PostgreSQL's reading of the reader's query, as text."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [CONFIG, text]
        )
        return cursor.fetchone()[0]


def phrase_pairs(tsquery):
    """The pairs of neighbouring words ("monsoon session") that every story
    matching ``tsquery`` (PostgreSQL's text of it) must hold, as the text
    ``article_pair_hash`` hashes; none when unsure.

    Only the parts joined by AND at the top count, and of those only a plain chain
    of words ('monsoon' <-> 'session'): not an excluded phrase, nor one of several
    alternatives. The pairs must only ever be implied by the query, never narrow
    it; a query read wrongly here is still answered, only without the index."""
    tokens, at = [], 0
    while at < len(tsquery.rstrip()):
        match = _TSQUERY_TOKEN.match(tsquery, at)
        if match is None:
            return []
        lexeme, operator = match.groups()
        if operator is None:
            lexeme = re.sub(r"''|\\(.)", lambda m: m.group(1) or "'", lexeme)
        tokens.append((lexeme, operator))
        at = match.end()
    terms, depth = [[]], 0
    for lexeme, operator in tokens:
        depth += {"(": 1, ")": -1}.get(operator, 0)
        if depth == 0 and operator == "|":
            return []
        if depth == 0 and operator == "&":
            terms.append([])
        else:
            terms[-1].append((lexeme, operator))
    pairs = []
    for term in terms:
        words, links = term[0::2], term[1::2]
        chain = len(words) == len(links) + 1 and all(
            lexeme is not None for lexeme, _ in words
        )
        if chain and all((op or "").startswith("<") for _, op in links):
            neighbours = zip(words[:-1], links, words[1:], strict=True)
            for (left, _), (_, link), (right, _) in neighbours:
                if link == "<->" and max(len(left), len(right)) <= LONGEST_PAIRED_WORD:
                    pairs.append(f"{left} {right}")
    return pairs


def within_time_limit(using, run):
    """``run()`` with the database told to give up after TIME_LIMIT_MS; TooSlow if
    it did."""
    try:
        with transaction.atomic(using=using):
            with connections[using].cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = %s", [TIME_LIMIT_MS])
            return run()
    except OperationalError as error:
        if getattr(error.__cause__, "pgcode", None) == QUERY_CANCELED:
            raise TooSlow from error
        raise


class Results:
    """Ranked search results, paged by Django's Paginator: the ids in order, and
    only the stories of the page asked for are loaded."""

    def __init__(self, ids):
        self.ids = ids

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        stories = (
            Article.objects.select_related("section", "section__parent", "hero_image")
            .defer("body")
            .in_bulk(ids)
        )
        found = [stories[pk] for pk in ids if pk in stories]
        return found if isinstance(index, slice) else found[0]

    def __iter__(self):
        return iter(self[:])


def snippets(stories, text):
    """A highlighted snippet of where ``text`` matched, for each of ``stories``
    (one query): {story id: safe HTML}."""
    ids = [story.pk for story in stories]
    if not ids:
        return {}
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    rows = Article.objects.filter(pk__in=ids).annotate(
        snippet=SearchHeadline(
            # The standfirst too, so a match there shows; the parser skips tags.
            Concat("standfirst", Value("\n"), "body", output_field=TextField()),
            query,
            config=CONFIG,
            start_sel=_START,
            stop_sel=_STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )
    return {pk: _marked(snippet) for pk, snippet in rows.values_list("pk", "snippet")}


def _marked(snippet):
    # ts_headline returns the stored text: entities (&amp;) as they are in the
    # body. Decode them, then escape everything.
    html = escape(unescape(snippet or ""))
    return mark_safe(html.replace(_START, "<mark>").replace(_STOP, "</mark>"))
