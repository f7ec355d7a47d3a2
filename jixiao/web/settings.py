"""Django settings: the embedded default (SQLite, DEBUG) needs no configuration at all.

Production: set ``JIXIAO_PRODUCTION=True``; then DEBUG, the default secret key and an empty
``ALLOWED_HOSTS`` are refused at start, and HTTPS is required (HSTS, redirect to HTTPS, secure
cookies; ``JIXIAO_PROXIES`` trusted proxies in front set ``X-Forwarded-Proto`` and
``X-Forwarded-For``). ``DATABASE_URL`` selects PostgreSQL (``postgres://user:pass@host/db``).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from jixiao.web.env import env_bool, env_int, env_list, env_secret

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("JIXIAO_DATA_DIR", Path.cwd() / "var"))
DEFAULT_SECRET = "jixiao-development-only-not-secret"

PRODUCTION = env_bool("JIXIAO_PRODUCTION", False)
DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = env_secret("SECRET_KEY", DEFAULT_SECRET)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Proxies in front of the app server (nginx: 1); they set X-Forwarded-Proto and X-Forwarded-For.
JIXIAO_PROXIES = env_int("JIXIAO_PROXIES", 1 if PRODUCTION else 0)

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("JIXIAO_PRODUCTION: DEBUG must be False")
    if SECRET_KEY == DEFAULT_SECRET or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured(
            "JIXIAO_PRODUCTION: set SECRET_KEY (or SECRET_KEY_FILE) to 32+ random characters"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("JIXIAO_PRODUCTION: set ALLOWED_HOSTS")
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    if JIXIAO_PROXIES:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "jixiao.web.accounts",
    "jixiao.web.store",
    "jixiao.web.entry",
    "jixiao.web.review",
    "jixiao.web.imports",
    "jixiao.web.public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jixiao.web.accounts.limits.RequestSizeCap",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "jixiao.web.accounts.middleware.ChoiceOnlyLanguage",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:  # static files from the app server itself (collectstatic first); runserver serves them in development
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"

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
                "django.template.context_processors.i18n",
                "jixiao.web.accounts.context.membership",
                "jixiao.web.accounts.navigation.frame",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'jixiao.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default works with no setup at all: its folder is made on first use.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Web processes and task workers share the file. WAL: readers never wait for a writer.
    # IMMEDIATE: a transaction takes the write lock when it begins, so two writers queue
    # (for up to the busy timeout, in seconds) instead of one failing as "database is locked"
    # when it upgrades its read lock. Writers keep their transactions short (imports stage
    # their forms file by file and publish them in one short step).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=env_int("JIXIAO_SQLITE_TIMEOUT", 20),
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A running job's worker renews its lease every sixth of this many seconds; a job whose lease
# ran out belongs to a dead worker and is requeued or failed by the sweep (`sweep_jobs`).
JIXIAO_JOB_LEASE = env_int("JIXIAO_JOB_LEASE", 60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after JIXIAO_LOGIN_FAILURES wrong passwords for one account
# from one address, that pair waits JIXIAO_LOGIN_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("JIXIAO_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("JIXIAO_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_CLIENT_IP_CALLABLE = "jixiao.web.accounts.limits.client_ip"
AXES_VERBOSE = False
# Content security policy (django-csp): scripts and styles only from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "jx-home"
LOGOUT_REDIRECT_URL = "jx-public"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = DATA_DIR / "media"

# Uploads of many forms at once: a generous but bounded request. The whole request (files
# included) is capped by JIXIAO_MAX_REQUEST_MB before its body is read (accounts.limits);
# files of batches never confirmed are purged after JIXIAO_UPLOAD_KEEP_DAYS (purge_uploads).
JIXIAO_MAX_REQUEST_BYTES = env_int("JIXIAO_MAX_REQUEST_MB", 200) * 1024 * 1024
JIXIAO_UPLOAD_KEEP_DAYS = env_int("JIXIAO_UPLOAD_KEEP_DAYS", 7)
FILE_UPLOAD_HANDLERS = [
    "jixiao.web.accounts.limits.CountingUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_NUMBER_FILES = 2000
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000

# A deployment's rule-set overrides (TOML), as for `jixiao --config`.
JIXIAO_RULES = os.environ.get("JIXIAO_RULES")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes logs every login at INFO; lockouts are warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}
