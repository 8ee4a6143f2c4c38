"""Production settings and the headers every response carries."""

import subprocess
import sys
from http import HTTPStatus

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from dailybeat.middleware import SecurityPolicyMiddleware
from tests.dailybeat.test_settings import BASE_DIR, _load_settings
from tests.factories import ArticleFactory, AuthorFactory, ImageFactory

PRODUCTION = {
    "DJANGO_ENV": "production",
    "DEBUG": "false",  # (a developer's .env may say otherwise)
    "SECRET_KEY": "a-long-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "www.dailybeat.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/dailybeat_check",
}


def test_production_refuses_debug():
    result = _load_settings(**(PRODUCTION | {"DEBUG": "true"}))

    assert result.returncode != 0
    assert "DEBUG is on with DJANGO_ENV=production" in result.stderr


def test_production_refuses_to_start_without_secret_or_hosts():
    for missing in ("SECRET_KEY", "ALLOWED_HOSTS"):
        env = {key: value for key, value in PRODUCTION.items() if key != missing}
        result = _load_settings(**env)
        assert result.returncode != 0, missing
        assert f"{missing} is not set" in result.stderr


def test_check_deploy_reports_no_warnings():
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        **PRODUCTION,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_are_strict():
    code = (
        "import dailybeat.settings as s;"
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD,"
        " s.LOG_FORMAT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={"PATH": "/usr/bin:/bin", **PRODUCTION},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "True",
        "31536000",
        "True",
        "json",
    ]


@pytest.mark.django_db
class TestHeaders:
    @pytest.fixture
    def story(self):
        return ArticleFactory(
            published=True,
            authors=[AuthorFactory()],
            hero_image=ImageFactory(),
            tags=["Iran"],
        )

    def test_public_pages_carry_a_strict_policy(self, client, story):
        for url in ("/", story.get_absolute_url(), "/search/?q=x", "/no-such-page/"):
            response = client.get(url)
            policy = response["Content-Security-Policy"]
            assert "default-src 'self'" in policy, url
            assert "script-src 'self'" in policy, url
            assert "style-src 'self'" in policy, url
            assert "frame-ancestors 'none'" in policy, url
            assert "object-src 'none'" in policy, url
            assert "unsafe-inline" not in policy, url
            assert "http" not in policy.replace("'self'", ""), url  # no other origin

    def test_the_page_still_works_under_it(self, client, story):
        """No inline script or style anywhere on a reader's page: the share bar, the
        pictures and the count beacon all come from files of ours."""
        html = client.get(story.get_absolute_url()).content.decode()

        assert "Spread the love" in html
        assert "<picture>" in html
        assert '<script src="/static/js/story.js" defer></script>' in html
        for script in html.split("<script")[1:]:
            opening = script.split(">", 1)[0]
            assert 'src="' in opening or 'type="application/ld+json"' in opening
        assert " style=" not in html
        assert "<style" not in html
        assert " onclick=" not in html

    def test_security_headers(self, client, story):
        response = client.get(story.get_absolute_url())

        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]

    def test_headers_on_cached_pages_too(self, client, story):
        client.get(story.get_absolute_url())
        response = client.get(story.get_absolute_url())

        assert response["X-Page-Cache"] == "hit"
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert "Permissions-Policy" in response

    def test_hsts_and_https_redirect_in_production(self, client, settings, story):
        settings.SECURE_SSL_REDIRECT = True
        settings.SECURE_HSTS_SECONDS = 31_536_000

        plain = client.get(story.get_absolute_url())
        secure = client.get(story.get_absolute_url(), secure=True)

        assert plain.status_code == HTTPStatus.MOVED_PERMANENTLY
        assert plain["Location"].startswith("https://")
        assert secure["Strict-Transport-Security"].startswith("max-age=31536000")

    def test_the_newsroom_has_its_own_policy_without_other_origins(self, editor_client):
        response = editor_client.get("/admin/articles/article/add/")

        policy = response["Content-Security-Policy"]
        assert "script-src 'self' 'unsafe-inline'" in policy
        assert "frame-ancestors 'self'" in policy
        assert "http" not in policy.replace("'self'", "")
        assert "ckeditor/ckeditor.js" in response.content.decode()

    def test_health_check_is_exempt_from_the_https_redirect(self, client, settings):
        settings.SECURE_SSL_REDIRECT = True

        assert client.get("/healthz").status_code == HTTPStatus.OK


class TestPolicyPutTogetherOnce:
    """The policy is put together once per process (dailybeat.middleware): each
    response must still get exactly what django-csp would give it."""

    @staticmethod
    def respond(path, status=200, **own):
        """(The middleware's headers, django-csp's own) for a response to ``path``
        of ``status``, with the attributes ``own`` (as csp.decorators set them)."""
        request = RequestFactory().get(path)
        middleware = SecurityPolicyMiddleware(lambda request: HttpResponse())
        answers = []
        for process in (middleware.process_response, super_process(middleware)):
            middleware.process_request(request)
            response = HttpResponse(status=status)
            for name, value in own.items():
                setattr(response, name, value)
            process(request, response)
            answers.append(
                {
                    header: response.get(header)
                    for header in (HEADER, HEADER_REPORT_ONLY, "Permissions-Policy")
                }
            )
        return answers

    @pytest.mark.parametrize("path", ["/", "/search/?q=x", "/admin/", "/admin/x/"])
    def test_each_page_gets_django_csps_policy(self, path):
        for _ in range(2):  # put together, then given again
            ours, theirs = self.respond(path)
            assert ours[HEADER] == theirs[HEADER]
            assert ours[HEADER_REPORT_ONLY] is theirs[HEADER_REPORT_ONLY] is None
        assert ("unsafe-inline" in ours[HEADER]) == path.startswith("/admin/")
        assert "camera=()" in ours["Permissions-Policy"]

    def test_a_response_with_a_policy_of_its_own_keeps_it(self):
        self.respond("/")  # the settings' policy is ready
        own = {"_csp_update": {"img-src": ["https://maps.example"]}}

        ours, theirs = self.respond("/", **own)

        assert "https://maps.example" in ours[HEADER]
        assert ours[HEADER] == theirs[HEADER]
        exempt, _ = self.respond("/", _csp_exempt=True)
        assert exempt[HEADER] is None

    def test_a_nonce_asked_for_is_in_its_own_policy_only(self, settings):
        settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [NONCE]}}
        middleware = SecurityPolicyMiddleware(lambda request: HttpResponse())

        _, before = answer(middleware, "/")  # the policy put together
        nonce, with_nonce = answer(middleware, "/", ask_for_nonce=True)
        _, after = answer(middleware, "/")

        assert f"script-src 'nonce-{nonce}'" in with_nonce[HEADER]
        assert "nonce-" not in before[HEADER]
        assert "nonce-" not in after[HEADER]  # not kept for the next reader

    @pytest.mark.parametrize(
        ("path", "status", "debug", "excluded"),
        [
            ("/", 200, True, False),
            ("/missing/", 404, True, False),  # django-csp's debug pages: none
            ("/", 500, True, False),
            ("/", 404, False, False),
            ("/excluded/page/", 200, False, True),  # an excluded path: none
            ("/", 200, False, True),
        ],
    )
    def test_django_csps_exceptions_stay(self, settings, path, status, debug, excluded):
        settings.DEBUG = debug
        if excluded:
            settings.CONTENT_SECURITY_POLICY = {
                **settings.CONTENT_SECURITY_POLICY,
                "EXCLUDE_URL_PREFIXES": ["/excluded/"],
            }
        ours, theirs = self.respond(path, status=status)

        assert ours[HEADER] == theirs[HEADER]
        none = path.startswith("/excluded/") or (debug and status in (404, 500))
        assert (ours[HEADER] is None) == none

    def test_an_excluded_path_leaves_the_others_their_policy(self, settings):
        settings.CONTENT_SECURITY_POLICY = {
            **settings.CONTENT_SECURITY_POLICY,
            "EXCLUDE_URL_PREFIXES": ["/excluded/"],
        }
        middleware = SecurityPolicyMiddleware(lambda request: HttpResponse())

        _, excluded = answer(middleware, "/excluded/page/")  # the excluded one first
        _, other = answer(middleware, "/")

        assert HEADER not in excluded
        assert "default-src 'self'" in other[HEADER]

    def test_a_changed_setting_changes_the_policy(self, settings):
        self.respond("/")
        settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

        ours, theirs = self.respond("/")

        assert ours[HEADER] == theirs[HEADER] == "default-src 'none'"


def answer(middleware, path, ask_for_nonce=False):
    """(The nonce asked for, or None; the response) of ``middleware`` to ``path``."""
    request = RequestFactory().get(path)
    middleware.process_request(request)
    nonce = str(request.csp_nonce) if ask_for_nonce else None
    return nonce, middleware.process_response(request, HttpResponse())


def super_process(middleware):
    """django-csp's own process_response, with our newsroom's policy."""
    return lambda request, response: CSPMiddleware.process_response(
        middleware, request, response
    )
