"""The release that keys cached pages follows the code and settings that render
them (dailybeat/release.py)."""

from dailybeat import release


def test_the_release_follows_the_templates(settings, tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>One</p>")
    settings.BASE_DIR = tmp_path
    first = release.digest()

    template.write_text("<p>Two</p>")

    assert release.digest() != first


def test_the_release_follows_settings_that_reach_the_page(settings):
    first = release.digest()

    settings.MEDIA_URL = "https://media.example/"

    assert release.digest() != first
