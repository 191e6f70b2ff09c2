"""Django settings, read from the environment (see ``tergeu.conf``)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from tergeu.conf import (
    envbool,
    envint,
    key_file,
    persistent_secret_key,
    prepare_home,
    proxy_networks,
    tergeu_home,
    time_zone,
)

PACKAGE_DIR = Path(__file__).resolve().parent
TERGEU_HOME = tergeu_home()
prepare_home(TERGEU_HOME)  # 0700, its files 0600 (the SQLite database too)

SECRET_KEY = persistent_secret_key(TERGEU_HOME)
DEBUG = envbool("TERGEU_DEBUG", False)
# TERGEU_HTTPS=1: a server behind a TLS-terminating reverse proxy (see "Server deployment" below).
HTTPS = envbool("TERGEU_HTTPS", False)
# The estimation page estimates in a background thread and polls (off: within the request, as the CLI does).
TERGEU_BACKGROUND_ESTIMATES = envbool("TERGEU_BACKGROUND_ESTIMATES", True)
# Casualty reports asked for on the web are written in a background thread, then downloaded (off: within
# the request).
TERGEU_BACKGROUND_REPORTS = envbool("TERGEU_BACKGROUND_REPORTS", True)
# Protected identities (docs/security.md): the master key file, and whether revealing an identity needs a
# second handler's approval (four eyes).
TERGEU_KEY_FILE = key_file(TERGEU_HOME)
TERGEU_REVEAL_FOUR_EYES = envbool("TERGEU_REVEAL_FOUR_EYES", False)
# Reveals of protected identities one user may make per hour (then 429; every reveal alerts the co-handlers).
TERGEU_REVEAL_LIMIT = envint("TERGEU_REVEAL_LIMIT", 5)
# Mail (handlers' alerts of pressure on a witness): sent only when TERGEU_EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("TERGEU_EMAIL_HOST", "")
EMAIL_PORT = envint("TERGEU_EMAIL_PORT", 25)
EMAIL_USE_TLS = envbool("TERGEU_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("TERGEU_EMAIL_FROM", "tergeu@localhost")
# "*" only suits the laptop case (127.0.0.1, no password-reset mail whose links would carry a forged
# Host); a server must name the host names it answers to.
if HTTPS and not os.environ.get("TERGEU_ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured("TERGEU_HTTPS=1 needs TERGEU_ALLOWED_HOSTS: the host names this server answers to")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("TERGEU_ALLOWED_HOSTS", "*").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "tergeu.accounts",
    "tergeu.history",
    "tergeu.provenance",
    "tergeu.registry",
    "tergeu.linkage",
    "tergeu.estimation",
    "tergeu.witnesses",
    "tergeu.cases",
    "tergeu.forces",
    "tergeu.reports",
    "tergeu.release",
    "tergeu.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tergeu.web.middleware.SecurityHeadersMiddleware",  # below WhiteNoise: static files keep their cache
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tergeu.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tergeu.history.middleware.CurrentActorMiddleware",
    "tergeu.web.middleware.BoundedIdsMiddleware",
    "tergeu.web.busy.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "tergeu.urls"
WSGI_APPLICATION = "tergeu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tergeu.web.context.tergeu_context",
            ],
        },
    },
]

_SQLITE_DEFAULT = f"sqlite:///{TERGEU_HOME / 'tergeu.sqlite3'}"
DATABASES = {"default": dj_database_url.config(env="DATABASE_URL", default=_SQLITE_DEFAULT, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock when a transaction starts, so an import that reserves a block of
    # row ids cannot race another writer; WAL lets readers keep working during a long import.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": envint("TERGEU_SQLITE_TIMEOUT", 30),  # seconds a write waits for another to finish
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "tergeu.accounts.roles.AdminRoleBackend",  # the admin role grants the Django admin's permissions
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Reverse proxies whose X-Forwarded-For names the client (tergeu.accounts.signin); checked here, at start.
TERGEU_TRUSTED_PROXIES = ",".join(proxy_networks(os.environ.get("TERGEU_TRUSTED_PROXIES", "")))
# The status page's address as complainants type it, printed on their letters (else the request's own host).
TERGEU_STATUS_URL = os.environ.get("TERGEU_STATUS_URL", "").strip()
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

LANGUAGE_CODE = "en"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["tergeu.formats"]  # Django has no Kazakh date formats of its own
TIME_ZONE = time_zone()  # TERGEU_TIME_ZONE; pages show it beside every time (web/templatetags/tergeu.py)
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = TERGEU_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True

# A session lasts one working day and ends when the browser closes: a laptop left open or a shared
# computer must not stay signed in to the names of the dead and of witnesses for two weeks.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Server deployment (TERGEU_HTTPS=1): waitress speaks plain HTTP, so TLS ends at a reverse proxy on the
# same host, which must set X-Forwarded-Proto itself (overwriting any the client sent).
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("TERGEU_HSTS_SECONDS", 365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
