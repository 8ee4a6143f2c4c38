"""Settings for the test suite: the real ones, made fast and self-contained."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from dailybeat.settings import *  # noqa: E402, F403

DEBUG = False
# The test client speaks plain HTTP; tests/dailybeat/test_security.py checks the
# production values.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test gets its own MEDIA_ROOT (tests/conftest.py).
# The test run is one process: the content version can live in its local cache
# (tests/dailybeat/test_freshness.py checks the database and Redis ways too).
CONTENT_STATE_CACHE = "default"
# Whatever DEBUG the environment asks for (it turns the parts cache off by default).
FRAGMENT_CACHE = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Serve static files from the apps and static/ without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
