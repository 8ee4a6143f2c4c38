"""Test data, stated by intent: ArticleFactory(published=True), (scheduled=True)…"""

import io
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PillowImage

from articles.models import Article, Byline, Image
from authors.models import Author
from sections.models import Section


def image_bytes(size=(64, 36), colour="#1f4e79", fmt="JPEG"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Staffer{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@dailybeat.example")
    is_staff = True
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def role(self, create, role, **kwargs):
        """StaffFactory(role=roles.EDITOR) puts the account in that role's group."""
        if create and role:
            self.groups.add(Group.objects.get(name=role))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    position = factory.Sequence(int)


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Faker("name", locale="en_IN")
    slug = factory.Sequence(lambda n: f"author-{n}")
    role = "Correspondent"
    bio = "Writes about the things that matter."


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.LazyFunction(lambda: ContentFile(image_bytes(), name="photo.jpg"))
    alt_text = "A street market at dusk"
    caption = "Shoppers at a market in Kochi"
    credit = "DailyBeat Photo"


class ArticleFactory(factory.django.DjangoModelFactory):
    """A draft by default; traits make it published, scheduled or illustrated."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Story number {n} makes the news")
    slug = factory.Sequence(lambda n: f"story-number-{n}")
    standfirst = "What happened, and why it matters."
    body = "<p>First paragraph.</p><h2>A subheading</h2><p>Second paragraph.</p>"
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(
                lambda: timezone.now() - timedelta(hours=1)
            ),
        )
        scheduled = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(
                lambda: timezone.now() + timedelta(days=1)
            ),
        )
        illustrated = factory.Trait(hero_image=factory.SubFactory(ImageFactory))

    @factory.post_generation
    def authors(self, create, authors, **kwargs):
        """ArticleFactory(authors=[a, b]) sets the byline in that order."""
        if create and authors:
            for position, author in enumerate(authors, start=1):
                Byline.objects.create(article=self, author=author, position=position)

    @factory.post_generation
    def tags(self, create, tags, **kwargs):
        if create and tags:
            self.tags.add(*tags)
