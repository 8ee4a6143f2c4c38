"""Nothing half-saved: a story with its byline, tags and revision is saved whole or
not at all; a failed upload leaves no file behind."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from articles import imaging, revisions
from articles.models import Article, Image
from tests.factories import ArticleFactory, AuthorFactory, image_bytes
from tests.forms import form_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_crash_mid_save_leaves_the_previous_version_intact(
    editor_client, monkeypatch
):
    first = AuthorFactory(name="First")
    story = ArticleFactory(headline="Before", authors=[first], tags=["Iran"])
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = form_data(editor_client.get(url), "article_form")
    data.update({"headline": "After", "tags": "Oman", "bylines-0-DELETE": "on"})

    def crash(article):
        raise RuntimeError("power cut")

    monkeypatch.setattr(revisions, "record", crash)
    with pytest.raises(RuntimeError, match="power cut"):
        editor_client.post(url, data)

    story = Article.objects.get(pk=story.pk)
    assert story.headline == "Before"
    assert [t.name for t in story.tags.all()] == ["Iran"]
    assert [b.author for b in story.bylines.all()] == [first]


def test_a_failed_upload_leaves_no_files(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def half_done(name, storage=default_storage):
        storage.save(imaging.rendition_name(name, 320, "webp"), ContentFile(b"x"))
        raise OSError("disk full")

    monkeypatch.setattr(imaging, "make_renditions", half_done)

    with pytest.raises(OSError, match="disk full"):
        Image.objects.create(file=ContentFile(image_bytes(), name="photo.jpg"))

    left = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert left == []
    assert not Image.objects.exists()
