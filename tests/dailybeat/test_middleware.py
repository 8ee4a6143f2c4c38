from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/tag/%00/",
        "/world/%00/",
        "/?page=%00",
        "/admin/articles/article/?status__exact=%00",
        "/admin/autocomplete/?term=%00&app_label=articles&model_name=article"
        "&field_name=section",
        "/?%00=1",
    ],
)
def test_nul_characters_get_a_400_not_a_500(admin_client, url):
    assert admin_client.get(url).status_code == HTTPStatus.BAD_REQUEST
