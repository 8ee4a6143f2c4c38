"""
What this process renders pages with, as a short digest: the release.

Cached pages and parts of pages are keyed by it (dailybeat/middleware.py,
articles/fragments.py, base.html's chrome), so that after a deploy they are
rendered by the new code at once. It covers the templates and code, the
translations, the settings that reach the HTML, the installed packages' versions
and the static files' names (hashed by collectstatic); ``RELEASE`` (a git commit,
say) is mixed in when set. Worked out once, at start-up (dailybeat/apps.py): with
gunicorn's preload, before the workers fork, from the code they run.
"""

import hashlib
import importlib.metadata
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage

# The project's folders whose templates and code render pages.
SOURCES = ("templates", "articles", "authors", "sections", "dailybeat")
# Settings that reach the HTML.
SETTINGS = (
    "MEDIA_URL",
    "STATIC_URL",
    "SITE_NAME",
    "SITE_TAGLINE",
    "SITE_X_HANDLE",
    "TIME_ZONE",
    "LANGUAGE_CODE",
)

_current = None


def current():
    """This process's release (worked out on first use)."""
    global _current
    if _current is None:
        _current = digest()
    return _current


def digest():
    """The release of the code and settings as they are now."""
    found = hashlib.sha256(settings.RELEASE.encode())
    root = Path(settings.BASE_DIR)
    for folder in SOURCES:
        for path in sorted((root / folder).rglob("*")):
            if (
                path.suffix in (".html", ".py", ".mo")
                and "migrations" not in path.parts
            ):
                found.update(str(path.relative_to(root)).encode())
                found.update(path.read_bytes())
    for name in SETTINGS:
        found.update(f"{name}={getattr(settings, name, '')}".encode())
    packages = sorted(
        f"{package.metadata['Name']}=={package.version}"
        for package in importlib.metadata.distributions()
    )
    found.update("\n".join(packages).encode())
    found.update(str(getattr(staticfiles_storage, "manifest_hash", "")).encode())
    return found.hexdigest()[:16]
