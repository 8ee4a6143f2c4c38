"""
DailyBeat settings: one module, the environment decides.

Every difference between development and production is an environment variable
(see README.md and .env.example). The defaults fail closed: DEBUG is off unless
asked for, and without DEBUG a SECRET_KEY and ALLOWED_HOSTS must be given.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    # Values already in the environment win over the file.
    env.read_env(BASE_DIR / ".env")

# --------------------------------------------------------------------------------------
# Core
# --------------------------------------------------------------------------------------

# DJANGO_ENV=production is the deployment: DEBUG must be off, and a secret key and
# host names must be given. Anything else is development or a test.
DJANGO_ENV = env.str("DJANGO_ENV", default="")
DEBUG = env.bool("DEBUG", default=False)
if DJANGO_ENV == "production" and DEBUG:
    raise ImproperlyConfigured(
        "DEBUG is on with DJANGO_ENV=production: it would show error details, "
        "settings and code to anyone. Remove DEBUG from the environment."
    )

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (for example "
            'python -c "import secrets; print(secrets.token_urlsafe(50))"), '
            "or set DEBUG=true for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Give the site's host names, comma separated "
        "(ALLOWED_HOSTS=www.dailybeat.in,dailybeat.in)."
    )

# The publication's name and tagline, as readers, feeds and search engines see them;
# and its X (Twitter) account for share cards, if it has one.
SITE_NAME = env.str("SITE_NAME", default="DailyBeat")
SITE_TAGLINE = env.str("SITE_TAGLINE", default="India's Largest Digital News Media")
SITE_X_HANDLE = env.str("SITE_X_HANDLE", default="")

# A trivial page at /bench/ceiling/, the framework's ceiling in the benchmark
# (bench/run.py). Off unless asked for.
BENCHMARK_ENDPOINTS = env.bool("BENCHMARK_ENDPOINTS", default=False)

# The public address of the site, used where no request is at hand (emails, demo
# output). Pages use the request's own host.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Project package first: its runserver keeps the embedded database up across
    # autoreloads, and must win over staticfiles' runserver.
    "dailybeat",
    "accounts",
    "sections",
    "authors",
    "articles",
    "wordpress",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "ckeditor",
    "reversion",
    "taggit",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "dailybeat.middleware.RejectNullCharactersMiddleware",
    # Content-Security-Policy and Permissions-Policy, on cached pages too.
    "dailybeat.middleware.SecurityPolicyMiddleware",
    # Login throttling: too many failures lock the account out for a while.
    "axes.middleware.AxesMiddleware",
    # ETag and 304 answers, for cached pages too.
    "django.middleware.http.ConditionalGetMiddleware",
    # The old WordPress site's addresses (after an import): 301 to the new ones.
    "wordpress.middleware.OldAddressMiddleware",
    # Readers' pages from the cache; outside the session, so a hit costs nothing.
    "dailybeat.middleware.PageCacheMiddleware",
    # With a read replica: the newsroom and any write use the primary.
    "dailybeat.routers.PrimaryForWritersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor authentication (django-otp): who verified a one-time code, and who
    # must (accounts/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "dailybeat.urls"
WSGI_APPLICATION = "dailybeat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dailybeat.context_processors.site",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Stored in UTC, shown in India Standard Time.
LANGUAGE_CODE = "en-in"
TIME_ZONE = "Asia/Kolkata"
USE_I18N = True
USE_TZ = True

# --------------------------------------------------------------------------------------
# Database: PostgreSQL only
# --------------------------------------------------------------------------------------
# DATABASE_URL selects a server. Without it, an embedded PostgreSQL (the pgserver
# package) is started on first connection, with its data in .pgdata/ (or PGDATA_DIR),
# and reused across runs.

if env.str("DATABASE_URL", default=""):
    _database = env.db("DATABASE_URL")
    if _database["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_URL must point to PostgreSQL (postgres://user:password@host:5432"
            "/dailybeat); DailyBeat runs on PostgreSQL only."
        )
    # Django's backend, with lighter health checks (dailybeat/postgresql/base.py).
    _database["ENGINE"] = "dailybeat.postgresql"
else:
    _database = {
        "ENGINE": "dailybeat.embedded_postgres",
        "NAME": "dailybeat",
        "DATA_DIR": env.str("PGDATA_DIR", default=str(BASE_DIR / ".pgdata")),
    }
_database["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
_database["CONN_HEALTH_CHECKS"] = True
# A connection used less than this many seconds ago is not checked again (0: always).
_database["CONN_HEALTH_CHECK_DELAY"] = env.float("CONN_HEALTH_CHECK_DELAY", default=1.0)
DATABASES = {"default": _database}
# The story page's lookup is a prepared statement on each database connection
# (articles/story_lookup.py). Turn off behind a pooler that moves a client between
# server connections (PgBouncer in transaction mode).
DATABASE_PREPARED_STATEMENTS = env.bool("DATABASE_PREPARED_STATEMENTS", default=True)

# A read replica: readers' pages read from it, writes and the newsroom use the
# primary (dailybeat/routers.py).
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "ENGINE": "dailybeat.postgresql",
        "CONN_MAX_AGE": _database["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "CONN_HEALTH_CHECK_DELAY": _database["CONN_HEALTH_CHECK_DELAY"],
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["dailybeat.routers.PrimaryReplicaRouter"]
# For this long after each change readers' pages read the primary too, so that no
# page is rendered (and cached as current) from a replica that has not caught up.
# Set it above the replica's usual lag (pg_stat_replication's replay_lag).
REPLICA_LAG_SECONDS = (
    env.int("REPLICA_LAG_SECONDS", default=10) if "replica" in DATABASES else 0
)

# --------------------------------------------------------------------------------------
# Cache
# --------------------------------------------------------------------------------------
# Local memory by default (one process). With several processes or servers, set
# REDIS_URL so that they share one cache, and a save is seen by all at once.

# Each process's memory: least recently used first, within LOCAL_CACHE_MB (and at
# most 20,000 entries), see dailybeat/local_cache.py.
LOCAL_MEMORY = {
    "BACKEND": "dailybeat.local_cache.LocalMemoryCache",
    "OPTIONS": {
        "MAX_BYTES": env.int("LOCAL_CACHE_MB", default=32) * 2**20,
        "MAX_ENTRIES": 20_000,
    },
}
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "dailybeat.redis_cache.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="dailybeat"),
        }
    }
else:
    CACHES = {
        "default": {**LOCAL_MEMORY, "LOCATION": "dailybeat"},
        # Without Redis, what every process must agree on (the content version,
        # dailybeat/freshness.py) is kept in the database (its table is made by a
        # migration, dailybeat/migrations/0001_shared_cache.py).
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "dailybeat_shared_cache",
        },
    }
# Each process's own memory, in front of the shared cache, for what is keyed by the
# shared content version (dailybeat/freshness.py): the site's chrome, the parts of
# the story pages read most in this process.
# (Without Redis, the default cache is that memory already: the same store.)
CACHES["local"] = (
    {**LOCAL_MEMORY, "LOCATION": "dailybeat-local"}
    if env.str("REDIS_URL", default="")
    else CACHES["default"]
)
CONTENT_STATE_CACHE = env.str(
    "CONTENT_STATE_CACHE", default="default" if env.str("REDIS_URL", "") else "shared"
)

# Whole pages for readers (dailybeat.middleware.PageCacheMiddleware), never stale.
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Pages are kept in each process's memory, up to this much (least used go first),
# and, with Redis, in Redis too, so that one process's page serves all the others.
PAGE_CACHE_MEMORY_MB = env.int("PAGE_CACHE_MEMORY_MB", default=48)
PAGE_CACHE_SHARED = env.bool(
    "PAGE_CACHE_SHARED", default=bool(env.str("REDIS_URL", ""))
)
# A story's own part of its page, kept across other stories' saves (articles/
# fragments.py): a page-cache miss then costs a cache read, not a whole render.
FRAGMENT_CACHE = env.bool("FRAGMENT_CACHE", default=not DEBUG)
# What a deploy calls this release (a git commit, say); parts of pages kept across
# versions are keyed by it, and by a digest of the code and templates.
RELEASE = env.str("RELEASE", default="")
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=24 * 3600)
# What browsers and CDNs are told about public pages: browsers check back each
# time (a cheap 304 thanks to the ETag); shared caches keep a page a minute and may
# serve it while fetching a fresh one for a few more.
PUBLIC_CACHE_CONTROL = env.str(
    "PUBLIC_CACHE_CONTROL",
    default="public, max-age=0, s-maxage=10, stale-while-revalidate=30",
)

# --------------------------------------------------------------------------------------
# Static files and media
# --------------------------------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Uploaded media on S3-compatible object storage (AWS, Cloudflare R2, MinIO…) when a
# bucket is named: needs the "s3" extra (django-storages). docs/media.md.
if env.str("S3_BUCKET", default=""):
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default=None),
            "region_name": env.str("S3_REGION", default=None),
            "access_key": env.str("S3_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default=None),
            # Public, cacheable files at a stable address (the CDN's, if any).
            "custom_domain": env.str("S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --------------------------------------------------------------------------------------
# Security
# --------------------------------------------------------------------------------------

# Content-Security-Policy (django-csp, sent by dailybeat.middleware.
# SecurityPolicyMiddleware). Readers' pages load scripts, styles, pictures and fonts
# from this site only (and pictures from the media host, when media are elsewhere):
# no inline script or style at all, so an injected one cannot run.
_media_origins = (
    ["/".join(MEDIA_URL.split("/", 3)[:3])] if MEDIA_URL.startswith("http") else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_media_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The newsroom (the admin and its CKEditor 4, whose toolbar uses inline event
# handlers and styles) needs inline scripts and styles; it still loads nothing from
# other sites, and only staff ever see it.
CONTENT_SECURITY_POLICY_NEWSROOM = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:", *_media_origins],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}

# Behind a reverse proxy that terminates HTTPS (nginx, a load balancer), trust its
# X-Forwarded-Proto header, so that Django knows requests came over HTTPS (CSRF
# checks, absolute URLs in share links and canonical tags). Only set this when the
# proxy always sets or strips that header.
BEHIND_HTTPS_PROXY = env.bool("BEHIND_HTTPS_PROXY", default=False)
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Origins allowed to POST (the admin) besides the site's own, e.g. https://cms.example
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS only, outside development: redirect, secure cookies, HSTS (a year, with
# subdomains, eligible for browsers' preload lists). Each can be turned off for a
# setup that needs it (the benchmark runs on plain HTTP on loopback).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The load balancer's health check comes over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page of ours uses (dailybeat.middleware.SecurityPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)

# Newsroom sessions end after a working day (a stolen laptop's session with it).
SESSION_COOKIE_AGE = env.int("SESSION_HOURS", default=12) * 3600

# Login throttling (django-axes): five failures for one user name from one address
# lock that pair out for 15 minutes, with a clear message; an administrator can
# unlock sooner by deleting the entry in Axes → Access attempts.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# "One address": the client's, as our own proxy saw it when BEHIND_HTTPS_PROXY
# (otherwise REMOTE_ADDR; a client's X-Forwarded-For is never trusted there).
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.login_client_address"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Two-factor authentication (accounts/two_factor.py): staff may turn it on for
# themselves; an administrator may require it of one account, or of everyone here.
TWO_FACTOR_REQUIRED_FOR_STAFF = env.bool("TWO_FACTOR_REQUIRED", default=False)
OTP_TOTP_ISSUER = "DailyBeat newsroom"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SILENCED_SYSTEM_CHECKS = [
    # django-ckeditor warns that it bundles CKEditor 4, which is no longer supported
    # upstream. The editor is staff-only and everything it produces is sanitised on
    # save (articles/html.py); docs/security.md explains the risk and the way out.
    "ckeditor.W001",
]

# --------------------------------------------------------------------------------------
# Email
# --------------------------------------------------------------------------------------

# EMAIL_URL as smtp+tls://user:password@smtp.example.com:587; printed to the console
# by default.
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="DailyBeat <news@localhost>")

# --------------------------------------------------------------------------------------
# Logging: to stderr, where the process manager collects it; one JSON object per
# line in production (LOG_FORMAT); secrets scrubbed (dailybeat/logging.py).
# --------------------------------------------------------------------------------------

LOG_FORMAT = env.str(
    "LOG_FORMAT", default="json" if DJANGO_ENV == "production" else "plain"
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "dailybeat.logging.JsonFormatter"},
    },
    "filters": {"scrub_secrets": {"()": "dailybeat.logging.ScrubSecrets"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["scrub_secrets"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own console handler would print every line a second time.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # pgserver logs every command it runs at INFO.
        "pgserver": {"level": "WARNING"},
    },
}

# --------------------------------------------------------------------------------------
# Third-party: CKEditor (the story body) and taggit
# --------------------------------------------------------------------------------------

# The toolbar a news desk needs. allowedContent matches the server-side sanitiser
# (articles/html.py), so what the editor shows is what readers will get.
CKEDITOR_CONFIGS = {
    "default": {
        "toolbar": "news",
        "toolbar_news": [
            ["Format"],
            ["Bold", "Italic", "Strike", "Subscript", "Superscript", "RemoveFormat"],
            ["NumberedList", "BulletedList", "Blockquote", "HorizontalRule"],
            ["Link", "Unlink", "Image"],
            ["Undo", "Redo"],
            ["Source", "Maximize"],
        ],
        "format_tags": "p;h2;h3;h4",
        "allowedContent": (
            "p h2 h3 h4 ul ol li strong em b i u s sub sup br hr figure figcaption;"
            "blockquote q[cite]; abbr[title]; cite; a[!href,title];"
            "img[!src,alt,width,height];"
        ),
        # Pictures come from the media library: uploaded (dialog, drag and drop,
        # paste) into it, or chosen from it; see articles/admin_views.py.
        "extraPlugins": "image2,uploadimage",
        "filebrowserImageUploadUrl": reverse_lazy("admin:articles_image_editor_upload"),
        "filebrowserImageBrowseUrl": reverse_lazy("admin:articles_image_editor_browse"),
        "uploadUrl": reverse_lazy("admin:articles_image_editor_upload"),
        "filebrowserUploadMethod": "xhr",
        "image2_disableResizer": True,
        "height": 420,
        "width": "100%",
        "removePlugins": "exportpdf,image",
        "entities": False,
        "disableNativeSpellChecker": False,
    },
}

# Tags are matched case-insensitively: "IPL" and "ipl" are one tag; and typed as a
# comma-separated list, so "United States" is one tag (articles/tagging.py).
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "articles.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tagging.join_tags"
