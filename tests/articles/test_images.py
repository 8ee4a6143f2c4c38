import io
import struct
import zlib
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as Pillow

from articles import imaging
from articles.models import Image
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ImageFactory,
    SectionFactory,
    image_bytes,
)

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("admin:articles_image_editor_upload")


def jpeg_with_gps_and_rotation(size=(40, 20)):
    """A phone photo: EXIF orientation 6 (turn 90° clockwise) and a GPS position."""
    picture = Pillow.new("RGB", size, "#336699")
    exif = Pillow.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (12.0, 58.0, 17.0)  # latitude: Bengaluru
    gps[3] = "E"
    gps[4] = (77.0, 35.0, 40.0)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def png_header_only(width, height):
    """A tiny PNG that claims to be enormous (a decompression bomb)."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"Just some text, not a picture at all.", "not a picture we can"),
        ("logo.svg", SVG, "not a picture we can"),
        ("logo.jpg", SVG, "not a picture we can"),
        ("bomb.png", png_header_only(40_000, 40_000), "the limit is 50 megapixels"),
        ("cut.jpg", image_bytes(size=(400, 300))[:600], "damaged or incomplete"),
        ("scan.bmp", image_bytes(fmt="BMP"), "BMP files are not accepted"),
        ("scan.tiff", image_bytes(fmt="TIFF"), "TIFF files are not accepted"),
    ],
)
def test_refused_uploads_say_why(name, content, message):
    with pytest.raises(ValidationError, match=message):
        imaging.validate(ContentFile(content, name=name))


def test_too_large_a_file_is_refused_naming_the_limit(monkeypatch):
    monkeypatch.setattr(imaging, "MAX_UPLOAD_BYTES", 1000)

    with pytest.raises(ValidationError, match="can be at most 1000"):
        imaging.validate(ContentFile(image_bytes(size=(300, 300)), name="big.jpg"))


def test_refusals_reach_the_editor_as_form_errors(editor_client):
    upload = SimpleUploadedFile("logo.jpg", SVG, content_type="image/jpeg")

    response = editor_client.post(
        reverse("admin:articles_image_add"), {"file": upload, "alt_text": "x"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "not a picture we can use" in response.content.decode()
    assert not Image.objects.exists()


def test_location_and_camera_data_are_removed_and_orientation_applied():
    image = Image(file=ContentFile(jpeg_with_gps_and_rotation(), name="IMG_1.jpg"))
    image.save()

    with default_storage.open(image.file.name) as stored:
        kept = Pillow.open(stored)
        kept.load()
    assert kept.size == (20, 40)  # turned upright
    assert (image.width, image.height) == (20, 40)
    exif = kept.getexif()
    assert not exif.get_ifd(0x8825)  # no GPS
    assert 0x010F not in exif  # no camera make
    assert 0x0112 not in exif  # orientation applied, not left to the viewer
    with default_storage.open(image.file.name) as stored:
        assert b"PhoneMaker" not in stored.read()


def picture_with_comment(fmt, comment=b"12 Secret Lane"):
    """A JPEG with a COM marker, or a GIF with a comment extension, saying where
    the photographer lives."""
    buffer = io.BytesIO()
    Pillow.new("RGB", (700, 400), "#336699").save(buffer, fmt, comment=comment)
    assert comment in buffer.getvalue()
    return buffer.getvalue()


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "com.jpg"), ("GIF", "com.gif")])
def test_comments_are_removed_from_the_file_and_its_renditions(fmt, name):
    image = Image(file=ContentFile(picture_with_comment(fmt), name=name))
    image.save()

    names = [image.file.name] + [
        imaging.rendition_name(image.file.name, width, extension)
        for width in image.rendition_widths
        for extension in ("webp", "jpg")
    ]
    assert len(names) > 1
    for stored_name in names:
        with default_storage.open(stored_name) as stored:
            data = stored.read()
        assert b"Secret Lane" not in data, stored_name
        assert "comment" not in Pillow.open(io.BytesIO(data)).info


def test_renditions_carry_no_comment_even_from_an_uncleaned_file():
    name = default_storage.save(
        "images/raw.jpg", ContentFile(picture_with_comment("JPEG"))
    )

    widths = imaging.make_renditions(name)

    for width in widths:
        for extension in ("webp", "jpg"):
            rendition = imaging.rendition_name(name, width, extension)
            with default_storage.open(rendition) as stored:
                assert b"Secret Lane" not in stored.read()


def test_stored_names_are_unguessable():
    first = Image.objects.create(file=ContentFile(image_bytes(), name="holiday.jpg"))
    second = Image.objects.create(file=ContentFile(image_bytes(), name="holiday.jpg"))

    assert "holiday" not in first.file.name
    assert first.file.name != second.file.name
    assert len(first.file.name.rsplit("/", 1)[1]) >= 32


def test_renditions_in_every_width_as_webp_and_jpeg():
    image = Image.objects.create(
        file=ContentFile(image_bytes(size=(2400, 1200)), name="wide.jpg")
    )

    assert image.rendition_widths == [320, 640, 960, 1200, 1920]
    for width in image.rendition_widths:
        for extension, kind in (("webp", "WEBP"), ("jpg", "JPEG")):
            name = imaging.rendition_name(image.file.name, width, extension)
            with default_storage.open(name) as stored:
                rendition = Pillow.open(stored)
                assert rendition.format == kind
                assert rendition.size == (width, width // 2)


def test_a_narrow_picture_is_not_enlarged():
    assert imaging.widths_for(500) == [320, 500]
    assert imaging.widths_for(64) == [64]
    assert imaging.widths_for(4000) == [320, 640, 960, 1200, 1920]


def test_the_hero_image_is_a_responsive_picture_loaded_first(client):
    story = ArticleFactory(
        published=True,
        hero_image=ImageFactory(
            file=ContentFile(image_bytes(size=(1600, 900)), name="hero.jpg")
        ),
    )

    html = client.get(story.get_absolute_url()).content.decode()

    hero = html.split('class="story__hero"', 1)[1].split("</figure>", 1)[0]
    assert '<source type="image/webp" srcset="' in hero
    assert "-320w.webp 320w" in hero
    assert "-1200w.webp 1200w" in hero
    assert "-960w.jpg 960w" in hero
    assert 'sizes="(min-width: 44rem) 42rem, 100vw"' in hero
    assert 'width="1600" height="900"' in hero
    assert 'fetchpriority="high"' in hero
    assert 'loading="lazy"' not in hero


@pytest.mark.parametrize("page", ["section", "tag"])
def test_a_listings_first_picture_comes_first_the_rest_are_lazy(client, page):
    section = SectionFactory(slug="kerala")
    ArticleFactory.create_batch(
        3, published=True, illustrated=True, section=section, tags=["Monsoon"]
    )
    url = {"section": "/kerala/", "tag": "/tag/monsoon/"}[page]

    html = client.get(url).content.decode()
    cards = html.split('<div class="story-list">', 1)[1].split('<article class="card')[
        1:
    ]

    assert len(cards) == 3
    assert 'fetchpriority="high"' in cards[0]
    assert 'loading="lazy"' not in cards[0]
    for card in cards[1:]:
        assert 'loading="lazy"' in card
        assert "fetchpriority" not in card


def test_inline_pictures_get_the_same_renditions(client):
    image = ImageFactory(
        file=ContentFile(image_bytes(size=(1000, 500)), name="inline.jpg"),
        alt_text="A crowded ferry",
    )
    story = ArticleFactory(
        published=True,
        body=(
            f'<p>Before.</p><figure><img src="{image.file.url}" alt="Ferry at dawn">'
            "<figcaption>Morning crossing</figcaption></figure>"
            '<p><img src="https://tracker.example/pixel.gif" alt="x"></p>'
        ),
    )

    html = client.get(story.get_absolute_url()).content.decode()

    body = html.split('class="story__body"', 1)[1].split("</div>", 1)[0]
    assert "<picture>" in body
    assert "-640w.webp 640w" in body
    assert 'alt="Ferry at dawn"' in body
    assert 'width="1000" height="500"' in body
    assert "<figcaption>Morning crossing</figcaption>" in body
    assert "tracker.example" not in body


class TestFiles:
    def names(self, image):
        return [image.file.name] + [
            imaging.rendition_name(image.file.name, width, extension)
            for width in image.rendition_widths
            for extension in ("webp", "jpg")
        ]

    def test_deleting_an_image_leaves_no_files(
        self, django_capture_on_commit_callbacks
    ):
        image = ImageFactory()
        names = self.names(image)
        assert all(default_storage.exists(name) for name in names)

        with django_capture_on_commit_callbacks(execute=True):
            image.delete()

        assert not any(default_storage.exists(name) for name in names)

    def test_replacing_the_file_removes_the_old_one(
        self, django_capture_on_commit_callbacks
    ):
        image = Image.objects.get(pk=ImageFactory().pk)
        old = self.names(image)

        with django_capture_on_commit_callbacks(execute=True):
            image.file = ContentFile(image_bytes(size=(700, 400)), name="new.jpg")
            image.save()

        assert not any(default_storage.exists(name) for name in old)
        assert all(default_storage.exists(name) for name in self.names(image))

    def test_a_file_another_image_uses_is_kept(
        self, django_capture_on_commit_callbacks
    ):
        image = ImageFactory()
        twin = Image.objects.create(file=image.file.name, width=1, height=1)
        Image.objects.filter(pk=twin.pk).update(rendition_widths=image.rendition_widths)

        with django_capture_on_commit_callbacks(execute=True):
            image.delete()

        assert default_storage.exists(twin.file.name)

    def test_a_picture_shown_in_a_body_cannot_be_deleted(self, editor_client):
        image = ImageFactory()
        ArticleFactory(body=f'<p><img src="{image.file.url}" alt="x"></p>')
        url = reverse("admin:articles_image_delete", args=[image.pk])

        page = editor_client.get(url).content.decode()
        editor_client.post(url, {"post": "yes"})

        assert "is shown in the body of" in page
        assert Image.objects.filter(pk=image.pk).exists()

    def test_a_hero_image_cannot_be_deleted(self, editor_client):
        story = ArticleFactory(illustrated=True)
        url = reverse("admin:articles_image_delete", args=[story.hero_image.pk])

        editor_client.post(url, {"post": "yes"})

        assert Image.objects.filter(pk=story.hero_image.pk).exists()


def test_the_library_shows_where_each_picture_is_used(editor_client):
    story = ArticleFactory(illustrated=True, headline="Ferry story")
    inline = ArticleFactory(
        body=f'<p><img src="{story.hero_image.file.url}" alt="x"></p>',
        headline="Inline story",
    )
    url = reverse("admin:articles_image_change", args=[story.hero_image.pk])

    html = editor_client.get(url).content.decode()

    assert "Ferry story" in html
    assert inline.headline in html


def test_the_library_is_searchable(editor_client):
    ImageFactory(caption="Monsoon clouds over Kochi")
    ImageFactory(caption="Budget speech")

    response = editor_client.get(
        reverse("admin:articles_image_changelist"), {"q": "monsoon"}
    )

    assert len(response.context["cl"].result_list) == 1


class TestEditorUploads:
    def test_staff_upload_goes_into_the_library(self, writer_client, writer):
        upload = SimpleUploadedFile(
            "photo.jpg", jpeg_with_gps_and_rotation(), content_type="image/jpeg"
        )

        response = writer_client.post(UPLOAD_URL, {"upload": upload})

        data = response.json()
        assert data["uploaded"] == 1
        image = Image.objects.get()
        assert data["url"] == image.file.url
        assert image.uploaded_by == writer
        assert image.rendition_widths

    def test_a_refused_upload_answers_with_the_reason(self, editor_client):
        upload = SimpleUploadedFile("x.svg", SVG, content_type="image/svg+xml")

        data = editor_client.post(UPLOAD_URL, {"upload": upload}).json()

        assert data["uploaded"] == 0
        assert "not a picture we can use" in data["error"]["message"]

    def test_anonymous_upload_is_refused(self, client):
        upload = SimpleUploadedFile("p.jpg", image_bytes(), content_type="image/jpeg")

        response = client.post(UPLOAD_URL, {"upload": upload})

        assert response.status_code == HTTPStatus.FOUND
        assert "/admin/login/" in response["Location"]
        assert not Image.objects.exists()

    def test_upload_needs_the_csrf_token(self, writer):
        from django.test import Client

        browser = Client(enforce_csrf_checks=True)
        browser.force_login(writer)
        upload = SimpleUploadedFile("p.jpg", image_bytes(), content_type="image/jpeg")

        response = browser.post(UPLOAD_URL, {"upload": upload})

        assert response.status_code == HTTPStatus.FORBIDDEN

    def test_browser_lists_library_pictures(self, editor_client):
        ImageFactory(caption="Monsoon clouds", alt_text="Dark clouds over a beach")

        response = editor_client.get(
            reverse("admin:articles_image_editor_browse"), {"CKEditorFuncNum": "3"}
        )

        html = response.content.decode()
        assert 'data-func-num="3"' in html
        assert 'data-alt="Dark clouds over a beach"' in html

    def test_the_editor_is_configured_for_uploads(self, editor_client):
        html = editor_client.get(reverse("admin:articles_article_add")).content.decode()

        assert "/admin/articles/image/editor-upload/" in html
        assert "/admin/articles/image/editor-browse/" in html
        assert "image2" in html


def test_everything_goes_through_the_storage_api(settings, client):
    """With media on another storage (as S3 would be), nothing touches the disk."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    from django.core.files.storage import storages

    image = Image.objects.create(
        file=ContentFile(image_bytes(size=(800, 400)), name="s3.jpg")
    )
    story = ArticleFactory(published=True, hero_image=image, authors=[AuthorFactory()])

    assert storages["default"].exists(
        imaging.rendition_name(image.file.name, 640, "webp")
    )
    assert client.get(story.get_absolute_url()).status_code == HTTPStatus.OK


def test_replacing_a_picture_a_body_shows_keeps_the_old_file(
    django_capture_on_commit_callbacks,
):
    image = Image.objects.get(pk=ImageFactory().pk)
    old_name = image.file.name
    ArticleFactory(published=True, body=f'<p><img src="{image.file.url}" alt="x"></p>')

    with django_capture_on_commit_callbacks(execute=True):
        image.file = ContentFile(image_bytes(size=(300, 200)), name="new.jpg")
        image.save()

    assert default_storage.exists(old_name)


def test_an_animation_counts_all_its_frames_against_the_pixel_limit(monkeypatch):
    monkeypatch.setattr(imaging, "MAX_PIXELS", 10_000)
    frames = [Pillow.new("RGB", (50, 50), (shade * 30, 0, 0)) for shade in range(8)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])

    with pytest.raises(ValidationError, match="all frames of an animation"):
        imaging.validate(ContentFile(buffer.getvalue(), name="loop.gif"))
