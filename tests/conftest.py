import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def section(db):
    return factories.SectionFactory(name="World", slug="world")


@pytest.fixture
def editor(db):
    """A staff member with the newsroom's content permissions."""
    return factories.StaffFactory(
        username="desk", perms_apps=["articles", "sections", "authors", "taggit"]
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
