import hashlib
import threading
import time
from collections import OrderedDict
from urllib.parse import urlencode

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.cache import set_response_etag

from . import freshness, release


class RejectNullCharactersMiddleware:
    """Answer 400 to a request whose address or query string holds a NUL character.

    PostgreSQL cannot store or compare text with NUL in it, and psycopg2 raises on
    sight: without this, any query parameter that reaches a lookup (a list filter, a
    search, an autocomplete) would turn "%00" into a server error. No real reader or
    editor ever sends one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "The address holds a character that is not allowed.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class PageStore:
    """The pages of one process: least recently used go first, within a memory
    budget. Plain bytes, no pickling: a hit costs a dictionary lookup.

    Pages can be kept per process because their keys carry the content version,
    which every process reads from the shared store (dailybeat/freshness.py).
    """

    def __init__(self, budget_bytes=None):
        self._budget = budget_bytes
        self.used = 0
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            page = self.pages.get(key)
            if page is None:
                return None
            if page[0] < time.monotonic():
                self._drop(key)
                return None
            self.pages.move_to_end(key)
            return page

    @property
    def budget(self):
        if self._budget is not None:
            return self._budget
        return settings.PAGE_CACHE_MEMORY_MB * 2**20

    def put(self, key, seconds, status, headers, content):
        size = len(content) + 512
        if size > self.budget:
            return
        with self.lock:
            if key in self.pages:
                self._drop(key)
            self.pages[key] = (time.monotonic() + seconds, status, headers, content)
            self.used += size
            while self.used > self.budget:
                self._drop(next(iter(self.pages)))

    def _drop(self, key):
        page = self.pages.pop(key)
        self.used -= len(page[3]) + 512

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.used = 0


pages = PageStore()


class PageCacheMiddleware:
    """Whole pages for readers, from the cache, never stale.

    A reader's request (GET, no session cookie: readers have none, the newsroom
    does) is answered from the cache when the page is there for the current content
    version (dailybeat/freshness.py): publishing, editing, unpublishing or a
    scheduled story going live starts a new version, so the next request renders
    afresh. Staff and previews never read or fill it. Public pages also get
    Cache-Control for browsers and CDNs (short, with stale-while-revalidate).
    """

    EXCLUDED_PREFIXES = (
        "/admin/",
        "/preview/",
        "/read/",
        "/static/",
        "/media/",
        "/bench/",
        "/healthz",
    )
    # Not 404s: every mistyped or made-up address would take a place in the cache.
    CACHED_STATUSES = (200, 301)
    # The query parameters pages use; others (utm_source…) do not make another page.
    PARAMETERS = ("page", "q", "section", "since", "until", "p")
    LARGEST = 1_000_000

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._for_readers(request):
            return self.get_response(request)
        # Kept on the request for what runs after (dailybeat/routers.py), and read
        # once for the whole request.
        with freshness.one_state() as current:
            request.content_state = current
            return self._answer(request, current)

    def _answer(self, request, current):
        key = self._key(request, current.version) if settings.PAGE_CACHE else None
        if key and (hit := self._find(key, current)) is not None:
            _expires, status, headers, content = hit
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._shareable(response):
            self._add_cache_control(response)
            if settings.PAGE_CACHE:
                if not response.has_header("ETag"):
                    set_response_etag(response)
                seconds = freshness.timeout_for(current, settings.PAGE_CACHE_SECONDS)
                page = (response.status_code, dict(response.items()), response.content)
                pages.put(key, seconds, *page)
                if settings.PAGE_CACHE_SHARED:
                    cache.set(key, page, timeout=seconds)
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _find(key, current):
        """This process's copy, or else the one another process made (then kept
        here too): a page is rendered once for all the app's processes."""
        page = pages.get(key)
        if page is None and settings.PAGE_CACHE_SHARED:
            shared = cache.get(key)
            if shared is not None:
                seconds = freshness.timeout_for(current, settings.PAGE_CACHE_SECONDS)
                pages.put(key, seconds, *shared)
                page = pages.get(key)
        return page

    def _for_readers(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.EXCLUDED_PREFIXES)
        )

    def _shareable(self, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code in self.CACHED_STATUSES
            and not response.streaming
            and len(response.content) <= self.LARGEST
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "Cookie" not in response.get("Vary", "")
        )

    def _add_cache_control(self, response):
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = settings.PUBLIC_CACHE_CONTROL

    @classmethod
    def _key(cls, request, version):
        # The scheme and host are in the page (canonical and share links).
        query = urlencode(
            [
                (name, value)
                for name in cls.PARAMETERS
                for value in request.GET.getlist(name)
            ]
        )
        # The release too: after a deploy, pages are rendered by the new code.
        address = (
            f"{release.current()} "
            f"{request.scheme}://{request.get_host()}{request.path}?{query}"
        )
        digest = hashlib.sha256(address.encode()).hexdigest()[:32]
        return f"dailybeat:page:{version}:{digest}"


# The attributes django-csp's decorators put on a response (csp.decorators): its
# own policy, changes to the settings' policy, or none at all.
_CSP_OF_ITS_OWN = tuple(
    f"_csp_{what}{kind}"
    for what in ("config", "update", "replace", "exempt")
    for kind in ("", "_ro")
)
# The headers django-csp adds to a response of its own: {newsroom or not: headers}.
_policy_headers = {}


@receiver(setting_changed)
def _settings_changed(**kwargs):  # in tests: the next response puts it together
    _policy_headers.clear()


class SecurityPolicyMiddleware(CSPMiddleware):
    """Content-Security-Policy (django-csp) with the newsroom's own policy under
    /admin/, and a Permissions-Policy turning off browser features we never use.

    Every reader's page has the same policy, and every newsroom page: django-csp
    puts it together from the settings on each response (~70 µs here, a tenth of a
    cached page's time; ~20 µs this way), so it is put together once per process, as
    django-csp does, and given again to each response without a policy of its own
    (csp.decorators) or a nonce."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith("/admin/"):
            parts.config = settings.CONTENT_SECURITY_POLICY_NEWSROOM
        return parts

    def process_response(self, request, response):
        if self._policy_applies_as_set(request, response):
            newsroom = request.path.startswith("/admin/")
            headers = _policy_headers.get(newsroom)
            if headers is None:
                blank = HttpResponse()
                super().process_response(request, blank)
                headers = _policy_headers[newsroom] = [
                    (header, blank[header])
                    for header in (HEADER, HEADER_REPORT_ONLY)
                    if header in blank
                ]
            for header, value in headers:
                response.setdefault(header, value)
            # As django-csp: a nonce asked for from now on would not be in the
            # policy, so asking is an error.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        else:
            response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    @staticmethod
    def _policy_applies_as_set(request, response):
        """Whether the policy is the settings' one for its path, whoever asks: no
        nonce in it, no policy of the response's own, and none of django-csp's
        exceptions (its debug pages, excluded paths)."""
        return (
            getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, name) for name in _CSP_OF_ITS_OWN)
            and not settings.DEBUG
            and not any(
                (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
                for name in (
                    "CONTENT_SECURITY_POLICY",
                    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
                )
            )
        )
