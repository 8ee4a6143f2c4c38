import itertools
from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import reads, workflow
from articles.models import ReadCount
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_leftover_counts():
    reads.flush()
    yield
    reads._pending.clear()


_readers = itertools.count(1)


def read(client, article, times=1):
    """``times`` different readers read ``article``."""
    for _ in range(times):
        reader = next(_readers)
        response = client.post(
            reverse("articles:count_read", args=[article.pk]),
            REMOTE_ADDR=f"10.0.{reader // 250}.{reader % 250 + 1}",
        )
        assert response.status_code == HTTPStatus.NO_CONTENT


def test_beacons_are_added_up_and_written_in_one_go(client, django_assert_num_queries):
    story = ArticleFactory(published=True)

    read(client, story, times=3)
    assert not ReadCount.objects.exists()  # not yet: gathered in memory
    with django_assert_num_queries(1):
        reads.flush()
    read(client, story, times=2)
    reads.flush()

    assert ReadCount.objects.get().count == 5


def test_counts_are_written_by_themselves_after_a_while(client):
    story = ArticleFactory(published=True)
    read(client, story)

    with time_machine.travel(timezone.now() + timedelta(seconds=30), tick=False):
        reads._last_flush -= reads.FLUSH_SECONDS  # the clock the buffer uses
        read(client, story)

    assert ReadCount.objects.get().count == 2


def test_unpublished_or_unknown_stories_are_not_counted(client):
    draft = ArticleFactory()
    scheduled = ArticleFactory(scheduled=True)

    read(client, draft)
    read(client, scheduled)
    client.post(reverse("articles:count_read", args=[999999]))
    reads.flush()

    assert not ReadCount.objects.exists()


def test_the_beacon_needs_post(client):
    story = ArticleFactory(published=True)

    response = client.get(reverse("articles:count_read", args=[story.pk]))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_story_page_carries_the_beacon_and_stays_free_of_cookies(client):
    story = ArticleFactory(published=True)

    response = client.get(story.get_absolute_url())

    assert f'data-read-url="/read/{story.pk}/"' in response.content.decode()
    assert not response.cookies


def test_most_read_on_home_and_story_pages(client):
    popular = ArticleFactory(published=True, headline="Everyone reads this")
    quiet = ArticleFactory(published=True, headline="Few read this")
    ArticleFactory(published=True, headline="Nobody read this")
    read(client, popular, times=5)
    read(client, quiet, times=2)
    reads.flush()

    assert reads.most_read() == [popular, quiet]
    for url in ("/", quiet.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Most read" in html
        section = html.split("most-read__list", 1)[1]
        assert section.index("Everyone reads this") < section.index("Few read this")


def test_an_unpublished_story_leaves_most_read_at_once(client, editor):
    story = ArticleFactory(published=True, authors=[AuthorFactory()])
    read(client, story, times=3)
    reads.flush()
    assert reads.most_read() == [story]

    workflow.apply(story, "unpublish", editor)

    assert reads.most_read() == []


def test_only_the_last_week_counts():
    story = ArticleFactory(published=True)
    ReadCount.objects.create(
        article=story, day=timezone.localdate() - timedelta(days=8), count=50
    )

    assert reads.most_read() == []
    assert reads.totals(story) == (50, 0)


def test_editors_see_counts_in_the_admin(editor_client, client):
    story = ArticleFactory(published=True)
    read(client, story, times=4)
    reads.flush()

    listing = editor_client.get(reverse("admin:articles_article_changelist"))
    form = editor_client.get(reverse("admin:articles_article_change", args=[story.pk]))

    assert 'class="field-reads">4<' in listing.content.decode()
    assert "4 in the last 7 days, 4 in all" in form.content.decode()


def test_one_reader_counts_once_per_half_hour(client):
    story = ArticleFactory(published=True)
    url = reverse("articles:count_read", args=[story.pk])

    for _ in range(5):
        client.post(url, REMOTE_ADDR="10.9.9.9")
    reads.flush()

    assert ReadCount.objects.get().count == 1


@pytest.mark.parametrize("pk", [99999999999999999999999, 2**63])
def test_an_impossible_story_number_is_ignored_and_harms_nothing(client, pk):
    story = ArticleFactory(published=True)
    read(client, story)

    response = client.post(reverse("articles:count_read", args=[pk]))
    reads.flush()

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert ReadCount.objects.get().count == 1
