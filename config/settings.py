"""Concord settings: one module, driven by the environment (see docs/configuration.md)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_secret, env_str, env_time_zone

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CONCORD_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("CONCORD_DEBUG", False)
_secret = env_secret("CONCORD_SECRET_KEY")
if _secret is None:
    if not DEBUG:
        raise ImproperlyConfigured(
            "CONCORD_SECRET_KEY (or CONCORD_SECRET_KEY_FILE) must be set unless CONCORD_DEBUG=1."
        )
    _secret = "concord-debug-only-key-never-used-in-production-0123456789abcdef"  # noqa: S105
SECRET_KEY = _secret

ALLOWED_HOSTS = env_list("CONCORD_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CONCORD_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "concord.core",
    "concord.accounts",
    "concord.registry",
    "concord.monitoring",
    "concord.council",
    "concord.assistance",
    "concord.forces",
    "concord.press",
    "concord.crisis",
    "concord.federation",
    "concord.portal",
    "concord.demo",
]

MIDDLEWARE = [
    # Kept public pages for signed-out visitors, before the rest of the stack does its work.
    "concord.core.public_cache.PublicPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "concord.accounts.middleware.BearerTokenMiddleware",
    "concord.core.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "concord.core.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "concord.core.context_processors.navigation",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------------
# SQLite is the embedded default. WAL with synchronous=FULL makes every acknowledged commit
# durable across a killed process; IMMEDIATE transactions take the write lock up front so two
# writers never deadlock on a lock upgrade.
# A connection waits this long for another writer's lock; a page or API call that still cannot
# get it answers 503 with Retry-After (the worker waits and tries again).
DATABASE_BUSY_SECONDS = env_int("CONCORD_DB_BUSY_SECONDS", 10, minimum=1)
# The database file is read through a memory map of up to this size (the pages come from the
# kernel's cache, shared by every connection, with no copy into each connection's small page
# cache): a search over a year of incidents visits tens of thousands of rows here and there.
SQLITE_MMAP_BYTES = env_int("CONCORD_SQLITE_MMAP_MB", 2000, minimum=0) * 1024 * 1024
_SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=FULL;PRAGMA foreign_keys=ON;"
        f"PRAGMA busy_timeout={DATABASE_BUSY_SECONDS * 1000};"
        f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": DATABASE_BUSY_SECONDS,
}
_database_url = env_str("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # The label filter is priced per row, which tips large scans into JIT compilation that
        # costs more than the query it speeds up; Concord's reads are short.
        # A statement waiting for a lock gives up at the busy limit, as on SQLite.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            f"-c jit=off -c lock_timeout={DATABASE_BUSY_SECONDS * 1000}")
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(_SQLITE_OPTIONS)
else:
    # The embedded database lives in the var directory, made on first start.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "concord.sqlite3"),
            "OPTIONS": dict(_SQLITE_OPTIONS),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Identity ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["concord.accounts.backends.AccountBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"
SESSION_COOKIE_AGE = env_int("CONCORD_SESSION_SECONDS", 8 * 3600, minimum=300)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

CONCORD_LOCKOUT_THRESHOLD = env_int("CONCORD_LOCKOUT_THRESHOLD", 5, minimum=1)
CONCORD_LOCKOUT_SECONDS = env_int("CONCORD_LOCKOUT_SECONDS", 15 * 60, minimum=1)
CONCORD_ADDRESS_THRESHOLD = env_int("CONCORD_ADDRESS_THRESHOLD", 50, minimum=1)
CONCORD_AUDIT_KEY_FILE = Path(
    env_str("CONCORD_AUDIT_KEY_FILE", str(VAR_DIR / "audit-checkpoint-ed25519.pem"))
)
# The HMAC key that binds every audit entry and the chain's head, and the signed checkpoints:
# beside the signing key, outside the database, so that whoever controls the database alone
# can neither rewrite nor shorten the chain unseen.
CONCORD_AUDIT_CHAIN_KEY_FILE = Path(
    env_str("CONCORD_AUDIT_CHAIN_KEY_FILE", str(CONCORD_AUDIT_KEY_FILE.parent / "audit-chain.key"))
)
CONCORD_AUDIT_CHECKPOINT_DIR = Path(
    env_str("CONCORD_AUDIT_CHECKPOINT_DIR", str(CONCORD_AUDIT_KEY_FILE.parent / "checkpoints"))
)
# This installation's name among the federation's nodes (bundles, checkpoints, cosignatures).
# Its key is the audit checkpoint key above.
CONCORD_NODE_NAME = env_str("CONCORD_NODE_NAME", "concord")
# Proxies in front of Concord that may set X-Forwarded-For (their count, from the right).
CONCORD_TRUSTED_PROXIES = env_int("CONCORD_TRUSTED_PROXIES", 0)
# Refused checkpoint notes one address may send the witness endpoint, which needs no account,
# per window of seconds; past it the endpoint answers 429 and writes no more refusals to the log.
CONCORD_WITNESS_REFUSALS = env_int("CONCORD_WITNESS_REFUSALS", 30)
CONCORD_WITNESS_REFUSAL_WINDOW = env_int("CONCORD_WITNESS_REFUSAL_WINDOW", 600)

# --- Incident imports -------------------------------------------------------------------------
# A file above either limit is refused before its rows are read: bytes uncompressed (an XLSX
# workbook's members added up, so that a zip bomb is refused unparsed; GeoJSON is parsed whole,
# in memory) and data rows.
CONCORD_IMPORT_MAX_BYTES = env_int("CONCORD_IMPORT_MAX_BYTES", 512 * 1024 * 1024, minimum=1024)
CONCORD_IMPORT_MAX_ROWS = env_int("CONCORD_IMPORT_MAX_ROWS", 1_000_000, minimum=1)

# --- Transport security -----------------------------------------------------------------------
HTTPS = env_bool("CONCORD_HTTPS", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if CONCORD_TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Languages and time -----------------------------------------------------------------------
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
# The organization's calendar: the time zone in which "today" is reckoned (the date of a decision,
# of a status change, of a signature). Times are still stored and shown in UTC.
CONCORD_TIME_ZONE = env_time_zone("CONCORD_TIME_ZONE", "UTC")

# --- Static assets (installed from npm, served by Concord itself) ----------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("vendor/world-atlas", NODE_MODULES / "world-atlas"),
    ("vendor/topojson-client", NODE_MODULES / "topojson-client" / "dist"),
    ("vendor/chart.js", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/milsymbol", NODE_MODULES / "milsymbol" / "dist"),
    ("vendor/vis-timeline", NODE_MODULES / "vis-timeline" / "standalone" / "umd"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(VAR_DIR / "media")}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Background work --------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Work that `concord serve` queues by itself at these intervals (seconds); the worker does it.
CONCORD_PERIODIC_TASKS = {
    "concord.council.tasks.flag_overdue_instructions": 24 * 3600,
    "concord.council.tasks.conclude_silence_procedures": 5 * 60,
    "concord.monitoring.tasks.evaluate_indicators": env_int("CONCORD_INDICATOR_SECONDS", 3600,
                                                           minimum=60),
    # Drafts last week's situation report once; checking daily lets a missed run catch up.
    "concord.monitoring.tasks.generate_weekly_reports": env_int(
        "CONCORD_SITUATION_REPORT_SECONDS", 24 * 3600, minimum=3600),
    # Assistance: reminders before an offer window closes, windows closed, pledges overdue.
    "concord.assistance.tasks.watch_assistance_deadlines": 24 * 3600,
    # SQLite plans its queries with the statistics ANALYZE leaves; PostgreSQL keeps its own.
    "concord.core.tasks.refresh_planner_statistics": 24 * 3600,
    "concord.core.tasks.checkpoint_audit_chain": env_int(
        "CONCORD_AUDIT_CHECKPOINT_SECONDS", 3600, minimum=60),
    # The peers cosign this node's latest checkpoint (a new one if the chain has moved).
    "concord.federation.witness_tasks.request_cosignatures": env_int(
        "CONCORD_WITNESS_SECONDS", 3600, minimum=60),
    # An embargo ends at a set minute: the press service's items go out within one.
    "concord.press.tasks.release_embargoed_publications": 60,
    "concord.forces.exercise_tasks.flag_overdue_remedial_actions": 24 * 3600,
    "concord.crisis.lesson_tasks.flag_overdue_case_lessons": 24 * 3600,
}

# A signed-out visitor's public page is kept this long at most (0: never kept); any change
# recorded in the audit log makes a new one.
CONCORD_PUBLIC_CACHE_SECONDS = env_int("CONCORD_PUBLIC_CACHE_SECONDS", 300)

# --- API --------------------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

# A TrueType font with Cyrillic letters for PDF output; empty: the first of the usual system paths.
CONCORD_PDF_FONT = env_str("CONCORD_PDF_FONT", "")

EMAIL_BACKEND = env_str("CONCORD_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("CONCORD_FROM_EMAIL", "concord@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("CONCORD_LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
