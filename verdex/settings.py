"""One settings module for every environment.

Everything comes from environment variables with defaults that are safe for a
developer's machine: SQLite in ./var, DEBUG on, mail printed to the console.
Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
import sys
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)
_DEV_SECRET = "dev-only-secret-key-never-used-in-production-0123456789abcdef"
SECRET_KEY = env("SECRET_KEY", default=_DEV_SECRET if DEBUG else environ.Env.NOTSET)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_NAME = env("SITE_NAME", default="Verdex")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "modelsearch",
    "verdex.core",
    "verdex.accounts",
    "verdex.taxonomy",
    "verdex.organisations",
    "verdex.catalog",
    "verdex.moderation",
    "verdex.connections",
    "verdex.search",
    "verdex.stats",
    "verdex.matching",
    "verdex.imports",
    "verdex.api",
    "verdex.exports",
    "verdex.notifications",
    "verdex.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "verdex.urls"
WSGI_APPLICATION = "verdex.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "verdex" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "verdex.core.context_processors.site",
                "verdex.notifications.context_processors.unread",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'verdex.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while a writer commits; IMMEDIATE avoids
    # "database is locked" upgrades from read to write inside a transaction.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    INSTALLED_APPS.append("django.contrib.postgres")
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth: email is the login, and it must be verified before use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGIN_URL = "account_login"

EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Verdex <no-reply@verdex.local>")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)

# The default cache backs allauth's login/signup limits, so it must be shared by every server
# process: a table in the database (created by `migrate`) unless CACHE_URL names Redis.
# `manage.py check --deploy` warns about per-process caches (verdex.core.checks).
CACHES = {
    "default": env.cache_url("CACHE_URL", default="dbcache://verdex_cache?MAX_ENTRIES=100000"),
}

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "verdex" / "static"]
# Files WhiteNoise serves at the site root, e.g. /favicon.ico that browsers ask for unprompted.
WHITENOISE_ROOT = BASE_DIR / "verdex" / "public"
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Upload limits, checked by the forms (and enforced again by Django for bodies).
MAX_IMAGE_BYTES = env.int("MAX_IMAGE_BYTES", default=5 * 1024 * 1024)
MAX_ATTACHMENT_BYTES = env.int("MAX_ATTACHMENT_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Contact-form style actions (connection requests, reports) per user per hour.
CONTACT_RATE_LIMIT = env("CONTACT_RATE_LIMIT", default="20/h")
# API calls per minute: anonymous ones per IP address, the others per token (verdex.api.auth).
API_RATE_LIMIT_ANON = env("API_RATE_LIMIT_ANON", default="120/m")
API_RATE_LIMIT_TOKEN = env("API_RATE_LIMIT_TOKEN", default="600/m")

# Owners are asked to confirm a published listing is still current this often (notifications).
LISTING_CONFIRM_MONTHS = env.int("LISTING_CONFIRM_MONTHS", default=12)
# ... and a listing still unconfirmed this many days after the reminder is archived.
LISTING_CONFIRM_GRACE_DAYS = env.int("LISTING_CONFIRM_GRACE_DAYS", default=60)

# Most rows one CSV/JSON/JSON-LD download of a search result holds (verdex.exports).
EXPORT_MAX_ROWS = env.int("EXPORT_MAX_ROWS", default=10_000)

MODELSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
# Threads that score one semantic query over a large in-process vector index (SQLite).
SEARCH_SCORING_THREADS = env.int("SEARCH_SCORING_THREADS", default=min(4, os.cpu_count() or 1))
# The embedding model of semantic search and matching (verdex.search.embeddings.MODELS).
SEARCH_EMBEDDING_MODEL = env("SEARCH_EMBEDDING_MODEL", default="use-multilingual-v3")
# The keyword index of the SQLite default (tantivy, one directory per listing kind), shared
# by every process on the host; rebuilt by ``manage.py rebuild_search_index``.
SEARCH_INDEX_DIR = env.path("SEARCH_INDEX_DIR", default=str(VAR_DIR / "search-index"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers and container health checks poll over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts and styles only from our own
# static files, no inline code, no plugins, no framing; docs/security.md.
# The API's Swagger UI page adds img-src data: for its icons (verdex/api/api.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Background jobs (django-tasks). Verdex's own jobs are declared with
# verdex.core.jobs.job and go to the "jobs" backend: a queue in the database,
# worked by `manage.py db_worker --backend jobs`. The "default" backend runs tasks
# inline, so third-party tasks pinned to it (modelsearch updates the keyword index
# on every save) keep the index current with no worker running. Under pytest jobs
# run inline too, unless a test switches the "jobs" backend to the database.
JOBS_RUN_INLINE = env.bool("JOBS_RUN_INLINE", default="pytest" in sys.modules)
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "jobs": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if JOBS_RUN_INLINE
        else "django_tasks_db.DatabaseBackend",
    },
}
# A failed job is run again until it has been attempted this often, waiting
# JOBS_RETRY_DELAY seconds before the first retry and twice as long each time after.
JOBS_MAX_ATTEMPTS = env.int("JOBS_MAX_ATTEMPTS", default=3)
JOBS_RETRY_DELAY = env.int("JOBS_RETRY_DELAY", default=30)
# Imports: rows per batch (one transaction each), and how long a worker may go
# without a heartbeat (sent after every batch) before its job counts as dead.
IMPORT_BATCH_SIZE = env.int("IMPORT_BATCH_SIZE", default=500)
# Uploaded import files, outside MEDIA_ROOT (verdex.imports.models).
IMPORTS_ROOT = env.path("IMPORTS_ROOT", default=str(BASE_DIR / "var" / "imports"))
IMPORT_LEASE_SECONDS = env.int("IMPORT_LEASE_SECONDS", default=600)

# LOG_FORMAT=json writes one JSON object a line, for log collectors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "verdex.core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.str("LOG_FORMAT", default="plain"),
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Two lines per task run inline would drown the log; the worker turns these up itself.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
