"""Author photos go through the same checks and cleaning as every picture
(articles/imaging.py), and leave no file behind when replaced or deleted."""

import io
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as Pillow

from articles import imaging
from authors.models import Author
from tests.articles.test_images import SVG, jpeg_with_gps_and_rotation
from tests.factories import ArticleFactory, AuthorFactory, image_bytes

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:authors_author_add")


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def form_data(photo, **fields):
    return {
        "name": "Kavya Iyer",
        "slug": "kavya-iyer",
        "role": "",
        "bio": "",
        "email": "",
        "x_handle": "",
        "linkedin_url": "",
        "website": "",
        "user": "",
        **({"photo": photo} if photo is not None else {}),
        **fields,
    }


def stored_names(author):
    return [author.photo.name] + [
        imaging.rendition_name(author.photo.name, width, extension)
        for width in author.photo_rendition_widths
        for extension in ("webp", "jpg")
    ]


def test_a_phone_photo_is_stored_without_location_upright_and_renamed(admin_client):
    upload = SimpleUploadedFile(
        "IMG_2041.jpg", jpeg_with_gps_and_rotation(), content_type="image/jpeg"
    )

    response = admin_client.post(ADD_URL, form_data(upload))

    assert response.status_code == HTTPStatus.FOUND
    author = Author.objects.get()
    assert author.photo.name.startswith("authors/")
    assert "IMG_2041" not in author.photo.name
    assert len(author.photo.name.rsplit("/", 1)[1]) >= 32
    with default_storage.open(author.photo.name) as stored:
        data = stored.read()
    kept = Pillow.open(io.BytesIO(data))
    assert kept.size == (20, 40)  # turned upright
    assert (author.photo_width, author.photo_height) == (20, 40)
    exif = kept.getexif()
    assert not exif.get_ifd(0x8825)  # no GPS
    assert 0x0112 not in exif
    assert b"PhoneMaker" not in data
    assert author.photo_rendition_widths == [20]
    assert all(default_storage.exists(name) for name in stored_names(author))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", SVG, "not a picture we can use"),
        ("logo.jpg", SVG, "not a picture we can use"),
        ("notes.jpg", b"Just some text, not a picture.", "not a picture we can use"),
        ("scan.bmp", image_bytes(fmt="BMP"), "BMP files are not accepted"),
    ],
)
def test_refused_photos_are_form_errors(admin_client, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")

    response = admin_client.post(ADD_URL, form_data(upload))

    assert response.status_code == HTTPStatus.OK
    assert message in str(response.context["adminform"].form.errors["photo"])
    assert not Author.objects.exists()


def test_a_photo_over_the_size_limit_is_refused_naming_the_limit(
    admin_client, monkeypatch
):
    monkeypatch.setattr(imaging, "MAX_UPLOAD_BYTES", 1000)
    upload = SimpleUploadedFile(
        "big.jpg", image_bytes(size=(300, 300)), content_type="image/jpeg"
    )

    response = admin_client.post(ADD_URL, form_data(upload))

    assert "can be at most 1000" in str(response.context["adminform"].form.errors)
    assert not Author.objects.exists()


def test_a_photo_comment_is_removed():
    buffer = io.BytesIO()
    Pillow.new("RGB", (400, 400), "#336699").save(
        buffer, "JPEG", comment=b"12 Secret Lane"
    )
    author = AuthorFactory(photo=ContentFile(buffer.getvalue(), name="me.jpg"))

    for name in stored_names(author):
        with default_storage.open(name) as stored:
            assert b"Secret Lane" not in stored.read()


def test_replacing_the_photo_removes_the_old_file(
    admin_client, django_capture_on_commit_callbacks
):
    author = AuthorFactory(
        photo=ContentFile(image_bytes(size=(700, 700)), name="old.jpg")
    )
    old = stored_names(author)
    assert all(default_storage.exists(name) for name in old)
    url = reverse("admin:authors_author_change", args=[author.pk])
    upload = SimpleUploadedFile(
        "new.jpg", image_bytes(size=(500, 400)), content_type="image/jpeg"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url, form_data(upload, name=author.name, slug=author.slug)
        )

    assert response.status_code == HTTPStatus.FOUND
    author.refresh_from_db()
    assert (author.photo_width, author.photo_height) == (500, 400)
    assert not any(default_storage.exists(name) for name in old)
    assert all(default_storage.exists(name) for name in stored_names(author))


def test_clearing_the_photo_removes_its_file(
    admin_client, django_capture_on_commit_callbacks
):
    author = AuthorFactory(photo=ContentFile(image_bytes(), name="old.jpg"))
    old = stored_names(author)
    url = reverse("admin:authors_author_change", args=[author.pk])

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            url,
            form_data(
                None, name=author.name, slug=author.slug, **{"photo-clear": "on"}
            ),
        )

    author.refresh_from_db()
    assert not author.photo
    assert author.photo_width is None
    assert author.photo_rendition_widths == []
    assert not any(default_storage.exists(name) for name in old)


def test_editing_other_fields_keeps_the_photo(
    admin_client, django_capture_on_commit_callbacks
):
    author = AuthorFactory(photo=ContentFile(image_bytes(), name="me.jpg"))
    names = stored_names(author)
    url = reverse("admin:authors_author_change", args=[author.pk])
    assert author.photo.url in admin_client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url, form_data(None, name="New Name", slug=author.slug)
        )

    assert response.status_code == HTTPStatus.FOUND
    author.refresh_from_db()
    assert author.name == "New Name"
    assert author.photo.name == names[0]
    assert all(default_storage.exists(name) for name in names)


def test_deleting_an_author_removes_the_photo(django_capture_on_commit_callbacks):
    author = AuthorFactory(photo=ContentFile(image_bytes(), name="me.jpg"))
    names = stored_names(author)

    with django_capture_on_commit_callbacks(execute=True):
        author.delete()

    assert not any(default_storage.exists(name) for name in names)


def test_a_photo_another_author_or_a_story_uses_is_kept(
    django_capture_on_commit_callbacks,
):
    author = AuthorFactory(photo=ContentFile(image_bytes(), name="me.jpg"))
    twin = AuthorFactory(photo=author.photo.name)
    shown = AuthorFactory(photo=ContentFile(image_bytes(), name="shown.jpg"))
    ArticleFactory(body=f'<p><img src="{shown.photo.url}" alt="x"></p>')

    with django_capture_on_commit_callbacks(execute=True):
        author.delete()
        shown.delete()

    assert default_storage.exists(twin.photo.name)
    assert default_storage.exists(shown.photo.name)


def test_the_author_page_serves_small_renditions(client):
    author = AuthorFactory(
        photo=ContentFile(image_bytes(size=(1600, 1600)), name="me.jpg")
    )

    html = client.get(author.get_absolute_url()).content.decode()

    header = html.split('<header class="author">', 1)[1].split("</header>", 1)[0]
    assert '<source type="image/webp" srcset="' in header
    assert "-320w.webp 320w" in header
    assert "-320w.jpg" in header
    assert 'sizes="8rem"' in header
    assert 'width="1600" height="1600"' in header
    assert f'src="{author.photo.url}"' not in header
