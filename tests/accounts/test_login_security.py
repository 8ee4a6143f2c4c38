from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "correct-horse-battery"


def attempt(client, username, password):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}
    )


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


class TestThrottling:
    def test_five_failures_lock_the_account_out_with_a_clear_message(self, client):
        StaffFactory(username="desk")

        for _ in range(5):
            attempt(client, "desk", "wrong password")
        locked = attempt(client, "desk", PASSWORD)

        assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
        assert "Too many failed logins" in locked.content.decode()
        assert "ask a newsroom administrator" in locked.content.decode()

    def test_an_administrator_unlocks_from_the_admin(self, client, administrator):
        StaffFactory(username="desk")
        for _ in range(5):
            attempt(client, "desk", "wrong password")
        attempt_row = AccessAttempt.objects.get(username="desk")

        admin = client.__class__()
        admin.force_login(administrator)
        admin.post(
            reverse("admin:axes_accessattempt_delete", args=[attempt_row.pk]),
            {"post": "yes"},
        )

        assert attempt(client, "desk", PASSWORD).status_code == HTTPStatus.FOUND

    def test_a_good_login_works(self, client):
        StaffFactory(username="desk")

        response = attempt(client, "desk", PASSWORD)

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == "/admin/"


def test_passwords_must_be_strong():
    for weak in ("short", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("spread-the-love-2026")


def test_sessions_expire_after_a_working_day(client, settings):
    StaffFactory(username="desk")
    attempt(client, "desk", PASSWORD)

    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert client.cookies["sessionid"]["max-age"] == 12 * 3600


class TestTwoFactor:
    @pytest.fixture
    def desk(self):
        return StaffFactory(username="desk")

    def setup_device(self, client):
        client.get(reverse("two_factor_setup"))
        device = TOTPDevice.objects.get(confirmed=False)
        response = client.post(
            reverse("two_factor_setup"),
            {"code": current_code(device), "next": "/admin/"},
        )
        return device, response

    def test_staff_turn_it_on_with_a_code_from_their_app(self, client, desk):
        client.force_login(desk)

        page = client.get(reverse("two_factor_setup")).content.decode()
        device, response = self.setup_device(client)

        assert "<svg" in page  # the QR code
        assert response.status_code == HTTPStatus.FOUND
        device.refresh_from_db()
        assert device.confirmed

    def test_a_wrong_code_does_not_turn_it_on(self, client, desk):
        client.force_login(desk)
        client.get(reverse("two_factor_setup"))

        response = client.post(reverse("two_factor_setup"), {"code": "000000"})

        assert "That code is not right" in response.content.decode()
        assert not TOTPDevice.objects.filter(confirmed=True).exists()

    def test_once_on_the_password_alone_does_not_open_the_newsroom(self, client, desk):
        client.force_login(desk)
        device, _ = self.setup_device(client)
        client.logout()

        attempt(client, "desk", PASSWORD)
        response = client.get("/admin/")

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("two_factor_verify"))
        assert client.get("/admin/articles/article/").status_code == HTTPStatus.FOUND

        wrong = client.post(reverse("two_factor_verify"), {"code": "123456"})
        assert "That code is not right" in wrong.content.decode()

        # The next 30-second code (a code, once used, is not accepted again).
        with time_machine.travel(timezone.now() + timedelta(seconds=31)):
            device.refresh_from_db()
            client.post(reverse("two_factor_verify"), {"code": current_code(device)})
            assert client.get("/admin/").status_code == HTTPStatus.OK

    def test_an_administrator_can_require_it_of_an_account(self, client, desk):
        desk.two_factor_required = True
        desk.save()
        attempt(client, "desk", PASSWORD)

        response = client.get("/admin/")

        assert response["Location"].startswith(reverse("two_factor_setup"))
        page = client.get(response["Location"]).content.decode()
        assert "needs two-factor authentication" in page

    def test_or_of_all_staff(self, client, settings, desk):
        settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
        attempt(client, "desk", PASSWORD)

        assert client.get("/admin/")["Location"].startswith(reverse("two_factor_setup"))

    def test_it_cannot_be_turned_off_when_required(self, client, desk):
        client.force_login(desk)
        self.setup_device(client)
        desk.two_factor_required = True
        desk.save()

        client.post(reverse("two_factor_disable"))

        assert TOTPDevice.objects.filter(user=desk, confirmed=True).exists()

    def test_readers_pages_are_untouched(self, client, desk):
        desk.two_factor_required = True
        desk.save()

        assert client.get("/").status_code == HTTPStatus.OK
