from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Byline, TaggedArticle
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("traits", "visible"),
    [
        ({"published": True}, True),
        ({"scheduled": True}, False),
        ({}, False),  # a draft
        (
            # a draft that once had a publish time stays hidden
            {"published_at": timezone.now() - timedelta(days=1)},
            False,
        ),
    ],
)
def test_published_is_the_one_rule_and_is_published_agrees(traits, visible):
    article = ArticleFactory(**traits)

    assert (article in Article.objects.published()) is visible
    assert article.is_published is visible


def test_scheduled_story_becomes_visible_at_its_time():
    article = ArticleFactory(scheduled=True)

    assert not Article.objects.published().exists()
    with time_machine.travel(article.published_at + timedelta(seconds=1)):
        assert list(Article.objects.published()) == [article]
        assert article.is_published


def test_publish_without_time_means_now():
    article = ArticleFactory()

    before = timezone.now()
    article.publish()

    assert article.status == Article.Status.PUBLISHED
    assert before <= article.published_at <= timezone.now()


def test_publish_at_a_future_time_schedules():
    article = ArticleFactory()
    later = timezone.now() + timedelta(hours=3)

    article.publish(at=later)
    article.save()

    assert article.is_scheduled
    assert not Article.objects.published().exists()


def test_unpublish_hides_the_story():
    article = ArticleFactory(published=True)

    article.unpublish()
    article.save()

    assert not Article.objects.published().exists()


def test_database_refuses_a_published_story_without_time():
    with pytest.raises(IntegrityError):
        ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)


def test_body_is_sanitised_on_save():
    article = ArticleFactory(
        body='<p onclick="steal()">Hi<script>alert(1)</script></p>'
    )

    article.refresh_from_db()
    assert article.body == "<p>Hi</p>"


def test_address_uses_section_and_ist_date():
    section = SectionFactory(slug="world")
    # 20:00 UTC on 23 November is 01:30 on 24 November in India.
    article = ArticleFactory(
        section=section,
        slug="talks-resume",
        status=Article.Status.PUBLISHED,
        published_at=datetime(2026, 11, 23, 20, 0, tzinfo=UTC),
    )

    assert article.get_absolute_url() == "/world/2026/11/24/talks-resume/"


def test_byline_keeps_the_chosen_order():
    first, second, third = AuthorFactory.create_batch(3)
    article = ArticleFactory(authors=[second, third, first])

    fetched = Article.objects.with_related().get(pk=article.pk)

    assert fetched.byline_authors == [second, third, first]


def test_an_author_with_stories_cannot_be_deleted():
    author = AuthorFactory()
    ArticleFactory(authors=[author])

    with pytest.raises(ProtectedError):
        author.delete()


def test_updated_time_comes_from_a_change_readers_see():
    article = ArticleFactory(published=True)
    article = Article.objects.get(pk=article.pk)
    assert not article.was_updated

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        article.dateline = "PUNE"  # not something that makes an update
        article.save()
        assert not article.was_updated

        article.body += "<p>A new paragraph.</p>"
        article.save()
    assert article.was_updated
    assert article.revised_at > article.published_at + timedelta(hours=1)


def test_typo_fixed_right_after_publishing_is_not_an_update():
    article = ArticleFactory(published=True)
    article = Article.objects.get(pk=article.pk)
    article.published_at = timezone.now()
    article.save()

    article.headline += "!"
    article.save()

    assert not article.was_updated


def test_editing_a_draft_or_scheduled_story_is_not_an_update():
    for article in (ArticleFactory(), ArticleFactory(scheduled=True)):
        article = Article.objects.get(pk=article.pk)
        article.body = "<p>Rewritten.</p>"
        article.save()
        assert article.revised_at is None


class TestRelated:
    def test_shared_tags_first_then_section_never_itself_or_unpublished(self):
        world, sport = SectionFactory.create_batch(2)
        story = ArticleFactory(published=True, section=world, tags=["Iran", "Oman"])
        two_tags = ArticleFactory(published=True, section=sport, tags=["Iran", "Oman"])
        one_tag = ArticleFactory(published=True, section=sport, tags=["Iran"])
        same_section = ArticleFactory(published=True, section=world)
        ArticleFactory(section=world, tags=["Iran", "Oman"])  # draft
        ArticleFactory(scheduled=True, section=world, tags=["Iran"])
        ArticleFactory(published=True, section=sport)  # unrelated

        related = Article.objects.prefetch_related("tags").get(pk=story.pk).related()

        assert related == [two_tags, one_tag, same_section]

    def test_a_tags_newest_are_its_newest_live_stories(self, monkeypatch):
        # Each tag offers only its newest live story: the one published last,
        # though it was written first; never a later draft or scheduled one.
        monkeypatch.setattr("articles.models.RELATED_POOL", 1)
        now = timezone.now()
        story = ArticleFactory(
            published=True, published_at=now - timedelta(days=10), tags=["Monsoon"]
        )
        published_last = ArticleFactory(tags=["Monsoon"])
        published_first = ArticleFactory(
            published=True, published_at=now - timedelta(days=3), tags=["Monsoon"]
        )
        ArticleFactory(scheduled=True, tags=["Monsoon"])
        ArticleFactory(tags=["Monsoon"])  # a draft
        published_last.publish(at=now - timedelta(hours=1))
        published_last.save()

        related = Article.objects.prefetch_related("tags").get(pk=story.pk).related()

        assert published_last in related
        assert published_first not in related

    def test_counts_every_shared_tag_not_only_those_it_is_newest_in(self, monkeypatch):
        # The best match is the newest of one tag only, yet shares both; asked for
        # one story, the query itself must pick it.
        monkeypatch.setattr("articles.models.RELATED_POOL", 1)
        now = timezone.now()
        story = _story_of(now - timedelta(days=10), ["Iran", "Oman"])
        both = _story_of(now - timedelta(days=2), ["Iran", "Oman"])
        _story_of(now - timedelta(days=1), ["Oman"])

        assert _related(story, limit=1) == [both]

    def test_counts_each_shared_tag_once(self, monkeypatch):
        # A story newest in two tags is in both their pools: it shares two tags,
        # not four, and one sharing three (newest in one) comes first.
        monkeypatch.setattr("articles.models.RELATED_POOL", 1)
        now = timezone.now()
        story = _story_of(now - timedelta(days=10), ["Iran", "Oman", "Qatar"])
        three = _story_of(now - timedelta(days=3), ["Iran", "Oman", "Qatar"])
        _story_of(now - timedelta(days=1), ["Iran", "Oman"])

        assert _related(story, limit=1) == [three]

    def test_the_story_takes_no_place_among_its_tags_newest(self, monkeypatch):
        monkeypatch.setattr("articles.models.RELATED_POOL", 1)
        now = timezone.now()
        story = _story_of(now - timedelta(hours=1), ["Monsoon"])
        older = _story_of(now - timedelta(days=1), ["Monsoon"])

        assert _related(story, limit=1) == [older]

    def test_a_scheduled_story_is_related_once_it_goes_live(self):
        story = _story_of(timezone.now() - timedelta(days=1), ["Monsoon"])
        scheduled = ArticleFactory(scheduled=True, tags=["Monsoon"])

        assert _related(story) == []
        with time_machine.travel(scheduled.published_at + timedelta(seconds=1)):
            assert _related(story) == [scheduled]

    def test_runs_in_one_query(self, django_assert_num_queries):
        section = SectionFactory()
        story = ArticleFactory(published=True, tags=["Iran"], section=section)
        ArticleFactory.create_batch(3, published=True, tags=["Iran"])
        ArticleFactory.create_batch(3, published=True, section=section)
        story = Article.objects.prefetch_related("tags").get(pk=story.pk)

        with django_assert_num_queries(1):
            assert len(story.related(limit=4)) == 4
        with django_assert_num_queries(1):
            assert len(story.related(limit=8)) == 6


def _story_of(published_at, tags):
    """A published story in a section of its own (so only tags relate it)."""
    return ArticleFactory(published=True, published_at=published_at, tags=tags)


def _related(story, limit=4):
    return Article.objects.prefetch_related("tags").get(pk=story.pk).related(limit)


def _live_times(article):
    """The live times of the story's bylines and tag links, together."""
    return set(
        Byline.objects.filter(article=article).values_list("live_at", flat=True)
    ) | set(
        TaggedArticle.objects.filter(content_object=article).values_list(
            "live_at", flat=True
        )
    )


def test_bylines_and_tags_carry_their_storys_live_time_however_it_is_saved():
    author, other = AuthorFactory.create_batch(2)
    story = ArticleFactory(published=True, authors=[author], tags=["Monsoon"])
    assert _live_times(story) == {story.published_at}

    # A byline and a tag added later take it too.
    Byline.objects.create(article=story, author=other, position=2)
    story.tags.add("Floods")
    assert TaggedArticle.objects.filter(content_object=story).count() == 2
    assert _live_times(story) == {story.published_at}

    # Unpublished through save(): no live time.
    story.unpublish()
    story.save()
    assert _live_times(story) == {None}

    # Published again at a new time, through a bulk update (as an import or a
    # script would): the new time.
    again = timezone.now() - timedelta(minutes=5)
    Article.objects.filter(pk=story.pk).update(
        status=Article.Status.PUBLISHED, published_at=again
    )
    assert _live_times(story) == {again}

    # Sent back to draft: none again, whatever the publish time it keeps.
    Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)
    assert _live_times(story) == {None}


def test_links_written_before_their_story_still_take_its_live_time():
    # As loaddata may write them: the foreign keys are checked at commit.
    author = AuthorFactory()
    section = SectionFactory()
    published_at = timezone.now() - timedelta(hours=2)
    pk = 10**9
    Byline.objects.create(article_id=pk, author=author, position=1)
    Article.objects.create(
        pk=pk,
        headline="Loaded from a fixture",
        slug="loaded-from-a-fixture",
        section=section,
        status=Article.Status.PUBLISHED,
        published_at=published_at,
    )

    assert _live_times(Article.objects.get(pk=pk)) == {published_at}


def test_a_scheduled_storys_bylines_and_tags_hold_its_future_time():
    story = ArticleFactory(scheduled=True, authors=[AuthorFactory()], tags=["Budget"])

    assert _live_times(story) == {story.published_at}


def test_a_link_cannot_be_given_a_live_time_of_its_own():
    story = ArticleFactory(authors=[AuthorFactory()], tags=["Budget"])
    for link in (story.bylines.get(), story.tagged_items.get()):
        link.live_at = timezone.now()
        link.save()

    assert _live_times(story) == {None}


def test_by_author_lists_newest_first_only_what_readers_may_see():
    author = AuthorFactory()
    now = timezone.now()
    older = ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=now - timedelta(days=2),
        authors=[author],
    )
    newer = ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=now - timedelta(days=1),
        authors=[AuthorFactory(), author],
    )
    ArticleFactory(scheduled=True, authors=[author])
    ArticleFactory(authors=[author])  # a draft
    ArticleFactory(published=True, authors=[AuthorFactory()])  # someone else's

    assert list(Article.objects.published().by_author(author)) == [newer, older]

    # Two stories at the same time: the newer id first, as published() orders.
    twin = ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=newer.published_at,
        authors=[author],
    )
    assert list(Article.objects.published().by_author(author)) == [
        twin,
        newer,
        older,
    ]
    assert list(Article.objects.published().filter(pk__in=[twin.pk, newer.pk])) == [
        twin,
        newer,
    ]
    twin.delete()

    # The older story is republished as the newest: it moves to the top.
    older.published_at = now - timedelta(minutes=1)
    older.save()
    assert list(Article.objects.published().by_author(author)) == [older, newer]


def test_tagged_lists_newest_first_only_what_readers_may_see():
    now = timezone.now()
    older, newer = (
        ArticleFactory(
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(days=days),
            tags=["Monsoon"],
        )
        for days in (2, 1)
    )
    ArticleFactory(scheduled=True, tags=["Monsoon"])
    ArticleFactory(tags=["Monsoon"])  # a draft
    ArticleFactory(published=True, tags=["Cricket"])
    monsoon = Tag.objects.get(name="Monsoon")

    assert list(Article.objects.published().tagged(monsoon)) == [newer, older]

    older.published_at = now - timedelta(minutes=1)
    older.save()
    assert list(Article.objects.published().tagged(monsoon)) == [older, newer]
