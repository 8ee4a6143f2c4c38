"""
Two-factor authentication for the newsroom, with django-otp's time-based codes
(TOTP: Google Authenticator, 1Password, Authy…).

- Anyone on the staff can turn it on for themselves (setup), and off again.
- An administrator can require it of one account (User.two_factor_required) or of
  all staff (TWO_FACTOR_REQUIRED=true).
- Once someone has it, their password alone no longer opens the newsroom: after
  logging in they are asked for the current code (verify). Someone who must have it
  and has not set it up is sent to the setup first.
- Changing or removing a second factor (setup, disable) asks for the current code
  first, if there is one: a stolen password alone can neither enrol the thief's
  own phone in place of the owner's nor turn the second factor off.

TwoFactorMiddleware enforces this on every newsroom page, on the server. Its own
pages (/admin/two-factor/) are left open by it, so that someone not yet verified
can reach them: each of those views guards itself (``code_first``).
"""

import base64
import io
from functools import wraps
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import site
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def must_use(user):
    """Whether ``user`` may not use the newsroom without a second factor."""
    return user.is_staff and (
        settings.TWO_FACTOR_REQUIRED_FOR_STAFF
        or getattr(user, "two_factor_required", False)
        or user_has_device(user, confirmed=True)
    )


class TwoFactorMiddleware:
    """Keeps newsroom pages closed to staff who have (or must have) a second factor
    until they have given a code."""

    OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/two-factor/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path first: touching request.user reads the session, which would
        # make readers' pages vary by cookie (and uncacheable).
        if not request.path.startswith("/admin/") or request.path.startswith(
            self.OPEN_PATHS
        ):
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not user.is_verified() and must_use(user):
            target = "verify" if user_has_device(user, confirmed=True) else "setup"
            return _redirect_with_next(f"two_factor_{target}", request.get_full_path())
        return self.get_response(request)


def _redirect_with_next(name, target):
    return redirect(f"{reverse(name)}?{urlencode({'next': target})}")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and self.device.verify_token(code)):
            raise forms.ValidationError(
                _("That code is not right (or has expired). Try the current one.")
            )
        return code


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return "/admin/"
    return target


def _render(request, template, **context):
    return render(
        request,
        template,
        {**site.each_context(request), "next": _next(request), **context},
    )


def code_first(view):
    """For the views that change someone's second factor: if they have one, this
    session must have given its current code (verify) before.

    Without it, a password alone would be enough to replace the owner's
    authenticator with the thief's (setup) or to turn it off (disable). Someone who
    has no second factor yet (a first enrolment, also when it is required of them)
    is let through: there is nothing to verify.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        if not user.is_verified() and user_has_device(user, confirmed=True):
            messages.info(
                request, _("Enter the current code from your authenticator app first.")
            )
            # Back here after the code (a form sent by POST: where it would have led).
            back = (
                request.get_full_path() if request.method == "GET" else _next(request)
            )
            return _redirect_with_next("two_factor_verify", back)
        return view(request, *args, **kwargs)

    return guarded


PENDING_DEVICE = "two_factor_pending_device"


def _pending_device(request):
    """The not yet confirmed authenticator whose secret this session was shown.

    Kept by session, so that a secret shown to one session (perhaps someone else's,
    with a stolen password) is never the one another session confirms.
    """
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False, pk=request.session.get(PENDING_DEVICE)
    ).first()
    if device is None:
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(
            user=request.user, name=DEVICE_NAME, confirmed=False
        )
        request.session[PENDING_DEVICE] = device.pk
    return device


@login_required(login_url="admin:login")
@require_http_methods(["GET", "POST"])
@code_first
def setup(request):
    """Show a new secret as a QR code; the first correct code turns it on."""
    if not request.user.is_staff:
        return redirect("admin:login")
    device = _pending_device(request)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
        request.session.pop(PENDING_DEVICE, None)
        otp_login(request, device)
        messages.success(request, _("Two-factor authentication is on."))
        return redirect(_next(request))
    active = user_has_device(request.user, confirmed=True)
    required = must_use(request.user) or request.user.two_factor_required
    return _render(
        request,
        "accounts/two_factor_setup.html",
        title=_("Two-factor authentication")
        if active
        else _("Turn on two-factor authentication"),
        active=active,
        may_turn_off=active
        and not (
            settings.TWO_FACTOR_REQUIRED_FOR_STAFF or request.user.two_factor_required
        ),
        form=form,
        qr_code=_qr_svg(device.config_url),
        secret=base64.b32encode(device.bin_key).decode(),
        required=required and not active,
    )


@login_required(login_url="admin:login")
@require_http_methods(["GET", "POST"])
def verify(request):
    """Ask for the current code after the password. The one page here open to a
    session that has not given a code: it is where it gives one."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("two_factor_setup")
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next(request))
    return _render(
        request,
        "accounts/two_factor_verify.html",
        title=_("Enter your code"),
        form=form,
    )


@login_required(login_url="admin:login")
@require_http_methods(["POST"])
@code_first
def disable(request):
    """Turn it off, unless it is required of this account."""
    if settings.TWO_FACTOR_REQUIRED_FOR_STAFF or request.user.two_factor_required:
        messages.error(
            request, _("Two-factor authentication is required for your account.")
        )
    else:
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, _("Two-factor authentication is off."))
    return redirect("admin:index")


def _qr_svg(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    # Our own drawing of our own data: safe to place in the page.
    return mark_safe(buffer.getvalue().decode())


urlpatterns = [
    path("setup/", setup, name="two_factor_setup"),
    path("verify/", verify, name="two_factor_verify"),
    path("disable/", disable, name="two_factor_disable"),
]
