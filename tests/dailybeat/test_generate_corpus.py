"""The benchmark's corpus generator (bench/corpus.py): a load that drops the story
tables' indexes and foreign keys must leave them all as they were, and stories
that search finds."""

import io

import pytest
from django.db import connection

from articles import search
from articles.models import Article, Byline, TaggedArticle
from bench import corpus

pytestmark = pytest.mark.django_db(transaction=True)


def schema():
    with connection.cursor() as cursor:
        indexes = {name for name, _ in corpus._secondary_indexes(cursor, corpus.TABLES)}
        keys = {name for _, name, _ in corpus._foreign_keys(cursor, corpus.TABLES)}
    return indexes, keys


def test_a_small_corpus_leaves_the_schema_whole_and_searchable():
    before = schema()
    assert "article_pair_idx" in before[0]
    out = io.StringIO()

    corpus.generate(40, batch=15, pictures=1, out=out)

    assert schema() == before
    assert Article.objects.count() == 40
    assert Byline.objects.count() >= 40
    assert TaggedArticle.objects.count() >= 120
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM articles_article WHERE search_vector IS NULL"
            " OR word_pairs IS DISTINCT FROM article_pair_hashes(search_vector)"
        )
        assert cursor.fetchone() == (0,)
    assert len(search.search(corpus.COMMON_WORD)) > 0
    assert "Foreign keys checked" in out.getvalue()


def test_a_failed_load_still_puts_the_indexes_and_keys_back(monkeypatch):
    before = schema()

    def fail(*args):
        raise RuntimeError("A loader failed")

    monkeypatch.setattr(corpus, "_load_all", fail)
    with pytest.raises(RuntimeError):
        corpus.generate(10, pictures=1, out=io.StringIO())

    assert schema() == before
