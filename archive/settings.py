"""Settings for the bilateral meeting archive. Every knob is an environment variable
(documented in README.md); the defaults run a local archive on SQLite."""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from archive.env import (
    env_bool,
    env_database,
    env_int,
    env_list,
    env_proxy_ssl_header,
    env_replica_databases,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] + (["testserver"] if DEBUG else [])
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_countries",
    "simple_history",
    "axes",
    "archive",
]

MIDDLEWARE = [
    # First, so it times and logs every request, redirects included.
    "archive.logging.RequestLogMiddleware",
    # Before anything reads a body (sessions, CSRF, forms).
    "archive.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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
                "django.template.context_processors.csp",
                "archive.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", str(BASE_DIR / "db.sqlite3"))}
# Read replicas (docs/deployment.md#read-replicas): public pages read from a replica that
# answers and is at most REPLICA_MAX_LAG_SECONDS behind (checked at most every
# REPLICA_CHECK_SECONDS per process), everything else from the primary; a browser that wrote
# reads from the primary for REPLICA_PIN_SECONDS, longer than a replica used can be behind.
DATABASES |= env_replica_databases("DATABASE_REPLICA_URLS", DATABASES["default"])
REPLICA_DATABASES = [alias for alias in DATABASES if alias != "default"]
REPLICA_MAX_LAG_SECONDS = env_int("REPLICA_MAX_LAG_SECONDS", 5, minimum=1)
REPLICA_CHECK_SECONDS = env_int("REPLICA_CHECK_SECONDS", 2, minimum=1)
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 15, minimum=1)
# The pin's signature holds its time in whole seconds: it may end up to a second early.
if REPLICA_PIN_SECONDS < REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS + 1:
    raise ImproperlyConfigured(
        "REPLICA_PIN_SECONDS must be at least REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS "
        "+ 1: a browser that wrote could otherwise read from a replica that has not seen it yet."
    )
if REPLICA_DATABASES:
    DATABASE_ROUTERS = ["archive.db_router.ReplicaRouter"]
    # After authentication: an editor's session is read (on the primary) to choose.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "archive.replica_middleware.ReplicaMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The lockout check comes first: a locked-out address is refused before its password is tried.
AUTHENTICATION_BACKENDS = [
    "archive.middleware.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
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

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# The admin's import review posts a whole report back with a few fields per proposed claim:
# room for a 2 MB text (the importer's own limit, which answers with a clear message) and a
# long transcript's claims, instead of Django's bare 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 8 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000
# Bodies larger than these are refused with a 413 before they are read: the admin's (an
# import's upload and review), then every other address's (a login form).
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 10 * 1024 * 1024, minimum=3 * 1024 * 1024)
MAX_PUBLIC_REQUEST_BYTES = env_int("MAX_PUBLIC_REQUEST_BYTES", 64 * 1024, minimum=4 * 1024)

SITE_NAME = "Bilateral Meeting Archive"
PAGE_SIZE = 50

# HTTPS. A site whose host names are all loopback ones (the default ALLOWED_HOSTS, as under
# `make serve`) cannot be reached from elsewhere, so no TLS is expected there; any other host
# with DEBUG off is a deployment, served over HTTPS, directly or behind a proxy.
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
HTTPS = env_bool(
    "HTTPS", default=not DEBUG and not all(host in LOOPBACK_HOSTS for host in ALLOWED_HOSTS)
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=HTTPS)
# A load balancer's health probe may come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# A TLS-terminating proxy says by this header that the visitor came over HTTPS. Set it only
# behind a proxy that always sets (or strips) that header: otherwise a visitor could claim it.
SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header("SECURE_PROXY_SSL_HEADER")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# The number of reverse proxies in front of the server, each appending the address it saw to
# X-Forwarded-For: login throttling and the export limit count the visitor's address, not
# theirs (archive/ratelimit.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)

# Response headers. X-Content-Type-Options: nosniff, Cross-Origin-Opener-Policy: same-origin
# and X-Frame-Options: DENY are Django's defaults (SecurityMiddleware, XFrameOptionsMiddleware).
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts and styles come from files under /static/ only. The admin's one inline <style> (on a
# change list whose ModelAdmin turns off both action bars) carries the request's nonce, which
# the header then names; pages that render no nonce get none in the header.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Features the archive never uses are off for it and anything it embeds; the citation "Copy"
# buttons write to the clipboard. Sent by django-permissions-policy, which refuses to start on
# a feature name it does not know (a typo would otherwise leave a feature on).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    ]
} | {"clipboard-write": ["self"], "fullscreen": ["self"]}

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed logins from one address,
# or for one account from any addresses, that address and that account may not log in, not
# even with the right password, for LOGIN_COOLOFF_MINUTES. Failures are kept in the
# database, so all workers count them together.
LOGIN_COOLOFF_MINUTES = env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1)
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
# The visitor's address as the export limit counts it: TRUSTED_PROXY_COUNT applies.
AXES_CLIENT_IP_CALLABLE = "archive.ratelimit.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = (
    "Too many failed logins from your address or for this account: "
    f"try again in {LOGIN_COOLOFF_MINUTES} minutes."
)

# An editor's session ends after SESSION_IDLE_MINUTES without a request (each request
# starts the count again), so an unattended admin does not stay signed in.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 120, minimum=5)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True

# Exports (CSV, JSON, the Atom feed) one address may download a minute (archive/ratelimit.py);
# 0 turns the limit off. Logged-in staff are never limited.
EXPORTS_PER_MINUTE = env_int("EXPORTS_PER_MINUTE", 30, minimum=0)
# Searches (a request to /search/ with words) one address may make a minute; 0: no limit.
SEARCHES_PER_MINUTE = env_int("SEARCHES_PER_MINUTE", 60, minimum=0)

# One line per request on "archive.requests"; passwords, tokens, cookies, the session and the
# Authorization header are masked in every record (archive/logging.py).
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {LOG_LEVEL!r}."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "archive.logging.RedactSensitiveData"}},
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["redact"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "archive": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}
