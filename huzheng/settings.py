"""Huzheng settings: one module, configured by environment variables.

Local use needs no variables at all (SQLite, local memory cache, database task queue).
Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, HUZHENG_DATA_KEY and usually
DATABASE_URL and REDIS_URL. docs/deploy.md lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)

# Demo mode seeds the demo offices and lets their kiosks issue tickets at any hour,
# so a newcomer can try everything at night. `make run` turns it on.
HUZHENG_DEMO = env_bool("HUZHENG_DEMO", default=False)

_INSECURE_DEV_KEY = "django-insecure-huzheng-local-development-only-key-do-not-deploy"
SECRET_KEY = env("SECRET_KEY", _INSECURE_DEV_KEY if DEBUG else None)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

# The key for personal data at rest (national ID numbers): a keyed hash for look-ups
# and Fernet encryption for authorised staff. Losing it makes stored numbers unreadable.
HUZHENG_DATA_KEY = env("HUZHENG_DATA_KEY", "local-development-data-key" if DEBUG else None)
if not HUZHENG_DATA_KEY:
    raise ImproperlyConfigured("HUZHENG_DATA_KEY must be set when DEBUG is off.")
# Key rotation: HUZHENG_DATA_KEY may list secrets comma-separated, newest first (the first
# encrypts, all decrypt; `manage.py rotate_data_key`). The keyed look-up hashes use
# HUZHENG_LOOKUP_KEY, by default the last secret of the list (core/crypto.py).
HUZHENG_LOOKUP_KEY = env("HUZHENG_LOOKUP_KEY", "")

# `make run` serves the demo with DEBUG off (a wrong address shows the site's 404, not
# Django's debug page) over plain HTTP on this machine: cookies without the Secure flag,
# no HTTPS redirect, media served by the app. Never set in production.
HUZHENG_PLAIN_HTTP = DEBUG or env_bool("HUZHENG_PLAIN_HTTP", default=False)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "huzheng.core",
    "huzheng.site",
    "huzheng.catalog",
    "huzheng.addresses",
    "huzheng.queueing",
    "huzheng.notify",
    "huzheng.appointments",
    "huzheng.idcards",
    "huzheng.cases",
    "huzheng.outreach",
    "huzheng.linkcheck",
    "huzheng.feedback",
    "huzheng.mediawatch",
    "huzheng.surveys",
    "huzheng.staffroom",
    "huzheng.quality",
    "huzheng.search",  # last of the huzheng apps: its demo seed() indexes what theirs made
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ninja",  # Swagger UI from our own static files, not a CDN
    "django_otp",  # second factor for staff who can read ID numbers (core.secondfactor)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",  # last: its authentication backend counts failed staff sign-ins
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so kept pages carry the headers too.
    "huzheng.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "huzheng.core.middleware.RejectNulBytesMiddleware",
    # Kept anonymous pages are answered here, before sessions, views and templates.
    "huzheng.core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "huzheng.core.middleware.LanguageMiddleware",
    "huzheng.core.middleware.OfficeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "huzheng.core.secondfactor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "huzheng.core.middleware.RequestContextMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "huzheng.urls"
WSGI_APPLICATION = "huzheng.wsgi.application"
ASGI_APPLICATION = "huzheng.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "huzheng.core.context_processors.platform",
                "huzheng.site.context_processors.site_office",
            ],
            "builtins": ["huzheng.core.templatetags.core_tags"],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite serves one office only if concurrent writes wait instead of failing: WAL lets
# readers run beside a writer, the busy timeout makes writers queue, and IMMEDIATE
# transactions take the write lock at BEGIN rather than failing halfway through.
# Reads go through a memory map of the file (mmap_size, at most 256 MB: pages the OS
# caches anyway, read without a system call each) with a slightly larger page cache
# (8 MB a connection): a broad search reads thousands of index pages (docs/performance.md,
# issue 17). Modest on purpose; every app's connection gets them.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        "PRAGMA mmap_size=268435456; PRAGMA cache_size=-8000;"
    ),
}

DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    # Persistent connections (CONN_MAX_AGE) stay off: under ASGI each request may run in
    # a different thread, and Django advises against them there. On PostgreSQL each app
    # process keeps a small pool of connections instead (Django's psycopg pool), so a
    # request does not pay for a new connection; DB_POOL_MAX_SIZE bounds it per process
    # (mind PostgreSQL's max_connections across processes), DB_POOL=0 turns it off.
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    elif env_bool("DB_POOL", default=True):
        DATABASES["default"]["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            "pool": {
                "min_size": int(env("DB_POOL_MIN_SIZE", "1")),
                "max_size": int(env("DB_POOL_MAX_SIZE", "20")),
                "timeout": 10,
            },
        }
    else:
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "var" / "huzheng.sqlite3")),
            "OPTIONS": dict(SQLITE_OPTIONS),
            # A file-backed test database, so the browser tests' live server and the
            # test code see the same rows from different threads.
            # One file per test run, so two runs on one machine do not collide.
            "TEST": {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, realtime -----------------------------------------------------------
# "default" is fast and may be per process. "shared" must be the same for every app
# server (rate limits, idempotency, anything that decides a user's answer): Redis when
# REDIS_URL is set, otherwise the database, which every worker of one office shares.
# "pages" keeps whole anonymous responses in each process (core.pagecache); they are
# served only while the versions they were built from, in "versions", are current.
# "versions" is read on every page, so it must be cheap and shared by every process:
# Redis; without Redis on SQLite (one machine) files in var/; else the database.
REDIS_URL = env("REDIS_URL")
PAGES_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "huzheng-pages",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}
# With Redis unreachable, its caches answer from the fallbacks named in OPTIONS (the
# database cache table, local memory) and /healthz says "degraded" (core.fallbackcache).
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "huzheng.core.fallbackcache.RedisWithFallback",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "huzheng",
            "OPTIONS": {**REDIS_CACHE_OPTIONS, "FALLBACK": "local-fallback"},
        },
        "shared": {
            "BACKEND": "huzheng.core.fallbackcache.RedisWithFallback",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "huzheng-shared",
            "OPTIONS": {**REDIS_CACHE_OPTIONS, "FALLBACK": "shared-fallback"},
        },
        "versions": {
            "BACKEND": "huzheng.core.fallbackcache.RedisWithFallback",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "huzheng-versions",
            "TIMEOUT": None,
            "OPTIONS": {**REDIS_CACHE_OPTIONS, "FALLBACK": "versions-fallback"},
        },
        "pages": PAGES_CACHE,
        "local-fallback": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared-fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "huzheng_shared_cache",
        },
        "versions-fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "huzheng_shared_cache",
            "KEY_PREFIX": "versions",
            "TIMEOUT": None,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "huzheng_shared_cache",
        },
        "versions": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "huzheng_shared_cache",
            "KEY_PREFIX": "versions",
            "TIMEOUT": None,
        },
        "pages": PAGES_CACHE,
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        # Every process of a SQLite office runs on this one machine; a file read costs a
        # fraction of opening SQLite (which parses the whole schema on each connection).
        CACHES["versions"] = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("HUZHENG_VERSIONS_PATH", str(BASE_DIR / "var" / "versions")),
            "TIMEOUT": None,
        }
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Background tasks --------------------------------------------------------------------
if REDIS_URL:
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_rq.RQBackend",
            "QUEUES": ["default"],
        }
    }
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    # django_rq's rqworker command runs the tasks; django_tasks_rq asks to be installed.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Auth ---------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Staff sign-in throttle (django-axes): failures counted in the shared cache, so every
# app server sees them; an account, and separately an address, is locked for a while
# after AXES_FAILURE_LIMIT wrong passwords. A success clears the account's count.
AUTHENTICATION_BACKENDS = [
    "huzheng.core.signin.ThrottledSignInBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "shared"
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HOURS", "0.25"))  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "huzheng.core.middleware.client_ip"
AXES_LOCKOUT_TEMPLATE = "core/signin_locked.html"
AXES_VERBOSE = False
# Second factor (TOTP) for staff who can read full ID numbers: on in production, off in
# demo mode, whose published demo sign-ins have no phone behind them (docs/security.md).
HUZHENG_STAFF_2FA = env_bool("HUZHENG_STAFF_2FA", default=not DEBUG and not HUZHENG_DEMO)
OTP_TOTP_ISSUER = "Huzheng 戶政"

# --- Language, time -----------------------------------------------------------------------
LANGUAGE_CODE = "zh-hant"
LANGUAGES = [("zh-hant", "繁體中文"), ("en", "English")]
# Our catalog first; then Wagtail's admin strings rewritten in Taiwan usage (登入, 搜尋,
# 設定 …) by scripts/taiwan-admin-terms, which `make messages` runs.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "var" / "locale_overrides"]
LANGUAGE_COOKIE_NAME = "huzheng_language"
# A preference, read by the server only; sent over HTTPS only in production.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not HUZHENG_PLAIN_HTTP
TIME_ZONE = "Asia/Taipei"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- E-mail -------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
# For the file backend (django.core.mail.backends.filebased.EmailBackend).
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@huzheng.localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -----------------------------------------------------------------------------
# Production sits behind TLS (nginx in docs/deploy.md); a proxy that terminates TLS sets
# X-Forwarded-Proto, which SECURE_PROXY_SSL_HEADER trusts.
SESSION_COOKIE_SECURE = not HUZHENG_PLAIN_HTTP
CSRF_COOKIE_SECURE = not HUZHENG_PLAIN_HTTP
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not HUZHENG_PLAIN_HTTP)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "0" if HUZHENG_PLAIN_HTTP else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
# The load balancer's health probe speaks plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): no inline script on the public site, so an
# injected <script> never runs. Pages are kept whole in the page cache, so no per-request
# nonces; scripts are static files. The back office (Wagtail) still carries a few inline
# scripts of its own: core.middleware.SecurityHeadersMiddleware allows them under
# /admin/ only. Inline style attributes stay allowed (docs/security.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": ["'self'"],
    }
}
# Features no page of ours uses are switched off for every page.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "interest-cohort=()"
)

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Huzheng 戶政"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("zh-hant", "繁體中文")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hant", "繁體中文"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No staff avatars from Gravatar: it would tell a third party who uses the back office,
# and the Content-Security-Policy allows images from our own site only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# --- Huzheng ------------------------------------------------------------------------------
# The office whose site this deployment serves at "/", and the fonts PDFs embed.
HUZHENG_DEFAULT_OFFICE = env("HUZHENG_DEFAULT_OFFICE", "huxi")
# Seconds between writes of counts gathered in memory (core.tally: searches by query).
HUZHENG_TALLY_SECONDS = int(env("HUZHENG_TALLY_SECONDS", "10"))
# The function that tells which office a request's site speaks for (request.office).
HUZHENG_REQUEST_OFFICE = "huzheng.site.chrome.office_for_request"
# The resident registry gateway; the demo one holds made-up people (no link to 戶役政).
HUZHENG_REGISTRY = env("HUZHENG_REGISTRY", "huzheng.idcards.registry.DemoRegistry")
# SMS delivery: there is no provider here, so the development backend logs each text
# (notify.Message keeps it too); a provider's class with send(phone, text) goes here.
HUZHENG_SMS_BACKEND = env("HUZHENG_SMS_BACKEND", "huzheng.notify.services.ConsoleSMSBackend")
# How long the outbox keeps each type of message's recipient and words, in days (the
# most specific topic wins; "" is every other type; None keeps it). `purge_messages`
# removes the personal data of finished messages past it and keeps the counts.
HUZHENG_MESSAGE_RETENTION_DAYS = {
    "": 365,
    "appointment": 90,
    "idcard": 180,
    "case": 365,
    "feedback": 3 * 365,
    "outreach": 5 * 365,
}
HUZHENG_PDF_FONT_FAMILY = "Noto Sans CJK TC"
# How many reverse proxies (nginx, a load balancer) stand in front of the app servers;
# the client address is read from X-Forwarded-For only behind them.
HUZHENG_PROXY_COUNT = int(env("HUZHENG_PROXY_COUNT", "0"))
# A worker that has not beaten for this long counts as down in /healthz.
HUZHENG_WORKER_STALE_SECONDS = 15

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
    },
}
