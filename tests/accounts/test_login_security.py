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

    @pytest.mark.parametrize("required", [False, True])
    def test_once_on_the_page_says_so_and_offers_to_turn_it_off(
        self, client, desk, required
    ):
        client.force_login(desk)
        self.setup_device(client)  # this session gave the code
        desk.two_factor_required = required
        desk.save()

        page = client.get(reverse("two_factor_setup")).content.decode()

        assert "Two-factor authentication is on" in page
        assert "Moving to a new phone?" in page
        assert (reverse("two_factor_disable") in page) is not required
        if not required:
            client.post(reverse("two_factor_disable"))
            assert not TOTPDevice.objects.filter(user=desk).exists()

    def test_readers_pages_are_untouched(self, client, desk):
        desk.two_factor_required = True
        desk.save()

        assert client.get("/").status_code == HTTPStatus.OK


def attempt_from(client, username, password, forwarded_for):
    """A login as it reaches the app: X-Forwarded-For is what nginx passes on (the
    client's own header, if any, then the address nginx saw)."""
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        headers={"X-Forwarded-For": forwarded_for},
    )


class TestThrottlingBehindTheProxy:
    """Behind nginx every request comes from 127.0.0.1: the lock must still be per
    client, by the address nginx saw (the last in X-Forwarded-For)."""

    @pytest.fixture(autouse=True)
    def desk(self):
        return StaffFactory(username="desk")

    def test_two_clients_are_counted_separately(self, client, settings):
        settings.BEHIND_HTTPS_PROXY = True

        for _ in range(5):
            attempt_from(client, "desk", "wrong password", "203.0.113.5")

        locked = attempt_from(client, "desk", PASSWORD, "203.0.113.5")
        elsewhere = client.__class__()
        other = attempt_from(elsewhere, "desk", PASSWORD, "198.51.100.7")

        assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
        assert other.status_code == HTTPStatus.FOUND
        assert AccessAttempt.objects.get().ip_address == "203.0.113.5"

    def test_two_bursts_from_two_clients_each_get_their_own_count(
        self, client, settings
    ):
        settings.BEHIND_HTTPS_PROXY = True

        for _ in range(3):
            attempt_from(client, "desk", "wrong password", "203.0.113.5")
            attempt_from(client, "desk", "wrong password", "198.51.100.7")

        counts = dict(
            AccessAttempt.objects.values_list("ip_address", "failures_since_start")
        )
        assert counts == {"203.0.113.5": 3, "198.51.100.7": 3}
        assert attempt_from(client, "desk", PASSWORD, "203.0.113.5").status_code == (
            HTTPStatus.FOUND
        )

    def test_a_forged_header_before_the_proxys_address_changes_nothing(
        self, client, settings
    ):
        settings.BEHIND_HTTPS_PROXY = True

        for n in range(5):
            # The client sends its own X-Forwarded-For; nginx appends what it saw.
            attempt_from(client, "desk", "wrong password", f"10.0.0.{n}, 203.0.113.5")

        locked = attempt_from(client, "desk", PASSWORD, "192.0.2.1, 203.0.113.5")
        assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS

    def test_without_a_proxy_a_forged_header_does_not_dodge_the_lock(
        self, client, settings
    ):
        settings.BEHIND_HTTPS_PROXY = False

        for n in range(5):
            attempt_from(client, "desk", "wrong password", f"10.0.0.{n}")

        locked = attempt_from(client, "desk", PASSWORD, "192.0.2.1")
        assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
        assert AccessAttempt.objects.get().ip_address == "127.0.0.1"

    def test_a_header_that_is_no_address_is_not_a_500(self, client, settings):
        settings.BEHIND_HTTPS_PROXY = True

        response = attempt_from(client, "desk", "wrong password", "not-an-address")

        assert response.status_code == HTTPStatus.OK  # the form again
        assert AccessAttempt.objects.get().ip_address == "127.0.0.1"


class TestChangingTheSecondFactorNeedsTheCode:
    """A stolen password alone must not replace (setup) or remove (disable) the
    owner's authenticator: a session that has not given a code is sent to verify."""

    @pytest.fixture
    def desk(self):
        return StaffFactory(username="desk")

    @pytest.fixture
    def device(self, desk):
        return TOTPDevice.objects.create(user=desk, name="Phone", confirmed=True)

    @pytest.fixture
    def password_only(self, client, desk, device):
        assert attempt(client, "desk", PASSWORD).status_code == HTTPStatus.FOUND
        return client

    def devices(self, desk):
        return list(
            TOTPDevice.objects.filter(user=desk).values_list("pk", "key", "confirmed")
        )

    def verify(self, client, device):
        device.refresh_from_db()
        response = client.post(
            reverse("two_factor_verify"), {"code": current_code(device)}
        )
        assert response.status_code == HTTPStatus.FOUND
        assert client.get("/admin/").status_code == HTTPStatus.OK

    def assert_sent_to_verify(self, response):
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("two_factor_verify"))

    @pytest.mark.parametrize("required", [False, True])
    def test_setup_is_refused_and_the_device_kept(
        self, password_only, settings, desk, device, required
    ):
        settings.TWO_FACTOR_REQUIRED_FOR_STAFF = required
        before = self.devices(desk)

        page = password_only.get(reverse("two_factor_setup"))
        # The attacker's own code, for a secret of their own.
        attackers = TOTPDevice(user=desk)
        sent = password_only.post(
            reverse("two_factor_setup"),
            {"code": current_code(attackers), "next": "/admin/"},
        )

        self.assert_sent_to_verify(page)
        assert page["Location"] == (
            f"{reverse('two_factor_verify')}?next=%2Fadmin%2Ftwo-factor%2Fsetup%2F"
        )
        assert (
            "two-factor__qr" not in password_only.get(page["Location"]).content.decode()
        )
        self.assert_sent_to_verify(sent)
        assert self.devices(desk) == before
        # And the session is still not verified.
        self.assert_sent_to_verify(password_only.get("/admin/"))

    def test_disable_is_refused_and_the_device_kept(self, password_only, desk):
        before = self.devices(desk)

        response = password_only.post(reverse("two_factor_disable"))

        self.assert_sent_to_verify(response)
        assert self.devices(desk) == before

    def test_every_page_here_but_verify_asks_for_the_code(self, password_only, desk):
        from accounts.two_factor import urlpatterns

        before = self.devices(desk)
        for pattern in urlpatterns:
            if pattern.name == "two_factor_verify":
                continue
            url = reverse(pattern.name)
            for response in (
                password_only.get(url),
                password_only.post(url, {"code": "123456"}),
            ):
                if response.status_code != HTTPStatus.METHOD_NOT_ALLOWED:
                    self.assert_sent_to_verify(response)
        assert self.devices(desk) == before

    def test_after_the_code_setup_replaces_the_device(
        self, password_only, desk, device
    ):
        self.verify(password_only, device)

        page = password_only.get(reverse("two_factor_setup"))
        new = TOTPDevice.objects.get(user=desk, confirmed=False)
        response = password_only.post(
            reverse("two_factor_setup"),
            {"code": current_code(new), "next": "/admin/"},
        )

        assert "two-factor__qr" in page.content.decode()
        assert response.status_code == HTTPStatus.FOUND
        assert self.devices(desk) == [(new.pk, new.key, True)]

    def test_after_the_code_disable_removes_it(self, password_only, desk, device):
        self.verify(password_only, device)

        password_only.post(reverse("two_factor_disable"))

        assert not TOTPDevice.objects.filter(user=desk).exists()

    @pytest.mark.parametrize("required", ["account", "all staff"])
    def test_a_first_enrolment_still_works_with_the_password(
        self, client, settings, desk, required
    ):
        if required == "account":
            desk.two_factor_required = True
            desk.save()
        else:
            settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
        attempt(client, "desk", PASSWORD)

        page = client.get(client.get("/admin/")["Location"])
        device = TOTPDevice.objects.get(user=desk, confirmed=False)
        response = client.post(
            reverse("two_factor_setup"),
            {"code": current_code(device), "next": "/admin/"},
        )

        assert "two-factor__qr" in page.content.decode()
        assert response["Location"] == "/admin/"
        assert client.get("/admin/").status_code == HTTPStatus.OK
        device.refresh_from_db()
        assert device.confirmed

    def test_a_secret_shown_to_one_session_is_never_confirmed_by_another(
        self, client, desk
    ):
        """Someone with the password who opens the setup page first must not learn
        the secret the owner then scans."""
        attempt(client, "desk", PASSWORD)
        client.get(reverse("two_factor_setup"))
        seen_by_thief = TOTPDevice.objects.get(user=desk, confirmed=False)

        owner = client.__class__()
        attempt(owner, "desk", PASSWORD)
        owner.get(reverse("two_factor_setup"))
        owners = TOTPDevice.objects.get(user=desk, confirmed=False)

        assert owners.key != seen_by_thief.key
        assert not TOTPDevice.objects.filter(pk=seen_by_thief.pk).exists()
