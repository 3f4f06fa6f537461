"""Settings for newsarchive, read from the environment.

Every variable is listed in `.env.example`. A value that cannot be parsed stops
start-up with an `ImproperlyConfigured` error naming the variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "django_htmx",
    "ninja",  # its Swagger UI assets, served from our static files (/api/docs)
    "articles",
    "annotations",
    "newsarchive",  # API tokens
    "newsarchive.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsarchive.security.nul_bytes_refused",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "newsarchive.urls"

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
                "newsarchive.context_processors.roles",
            ],
        },
    },
]

WSGI_APPLICATION = "newsarchive.wsgi.application"

_database_url = env_str("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsarchive")
try:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...)")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "media/"
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

# Uploads: one file, one request, and how many files one request may carry.
UPLOAD_MAX_FILE_BYTES = env_int("UPLOAD_MAX_FILE_BYTES", 20 * 1024 * 1024, minimum=1)
UPLOAD_MAX_FILES = env_int("UPLOAD_MAX_FILES", 500, minimum=1)
UPLOAD_MAX_ZIP_MEMBERS = env_int("UPLOAD_MAX_ZIP_MEMBERS", 1000, minimum=1)
UPLOAD_MAX_UNCOMPRESSED_BYTES = env_int("UPLOAD_MAX_UNCOMPRESSED_BYTES", 200 * 1024 * 1024, minimum=1)
# Longer texts are no news articles; the limit also bounds extraction time per article.
ARTICLE_MAX_CHARS = env_int("ARTICLE_MAX_CHARS", 1_000_000, minimum=1000)
# A quote longer than this asks the analyst to confirm before it is saved (a drag gone too far).
QUOTE_WARN_CHARS = env_int("QUOTE_WARN_CHARS", 400, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("UPLOAD_MAX_REQUEST_BYTES", 100 * 1024 * 1024, minimum=1)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = UPLOAD_MAX_FILES
# Uploads larger than this in total are read by a worker on the intake queue, not in the
# web request: a big PDF or zip never holds a web worker.
UPLOAD_INLINE_MAX_BYTES = env_int("UPLOAD_INLINE_MAX_BYTES", 1024 * 1024, minimum=0)

# Celery
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360, minimum=1)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang an upload request when the broker is down: the
# periodic sweep re-enqueues what could not be sent.
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TASK_PUBLISH_RETRY = False
# Intake chores and NLP run on separate queues so a long extraction backlog never
# delays the sweep; `make run` starts one worker on both.
CELERY_TASK_ROUTES = {
    "annotations.tasks.*": {"queue": "nlp"},
    "articles.tasks.*": {"queue": "intake"},
}
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-articles": {
        "task": "articles.tasks.articles_requeue_stale",
        "schedule": env_int("REQUEUE_INTERVAL_SECONDS", 30, minimum=1),
    },
}
# Articles queued longer than this are enqueued again by the sweep (the message was lost).
EXTRACTION_STALE_SECONDS = env_int("EXTRACTION_STALE_SECONDS", 600, minimum=1)
# A task extracting an article renews its claim this often; a claim not renewed for
# EXTRACTION_HEARTBEAT_TIMEOUT seconds belongs to a dead worker and the sweep re-queues it.
EXTRACTION_HEARTBEAT_SECONDS = env_int("EXTRACTION_HEARTBEAT_SECONDS", 15, minimum=1)
EXTRACTION_HEARTBEAT_TIMEOUT = env_int("EXTRACTION_HEARTBEAT_TIMEOUT", 60, minimum=3)
if EXTRACTION_HEARTBEAT_TIMEOUT < 3 * EXTRACTION_HEARTBEAT_SECONDS:
    raise ImproperlyConfigured(
        "EXTRACTION_HEARTBEAT_TIMEOUT must be at least three times EXTRACTION_HEARTBEAT_SECONDS, "
        "so one late heartbeat never hands a live task's article to another worker"
    )

# Production hardening; all of these follow DEBUG unless set explicitly.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Accounts and security (issue 6) ------------------------------------------------------
INSTALLED_APPS += ["axes", "csp"]
# Axes last: it turns the lockout its backend signalled into the 429 page.
MIDDLEWARE += ["csp.middleware.CSPMiddleware", "axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    # Refuses locked-out logins before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login attempts: an address, or a username, is locked after this many failures in a row,
# for the cool-off time; a successful login clears the count. `manage.py axes_reset` unlocks.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False  # no banner on every manage.py command; attempts are still logged
# Behind a proxy every request comes from the proxy's address: take the client's from the
# address the proxy appended to X-Forwarded-For instead.
AXES_CLIENT_IP_CALLABLE = "newsarchive.security.client_ip"
# Invitation links (the password-reset token machinery) stay valid this long.
PASSWORD_RESET_TIMEOUT = env_int("INVITATION_VALID_DAYS", 3, minimum=1) * 24 * 3600

# A whole upload request, files included (DATA_UPLOAD_MAX_MEMORY_SIZE counts no files).
UPLOAD_MAX_REQUEST_BYTES = DATA_UPLOAD_MAX_MEMORY_SIZE
FILE_UPLOAD_HANDLERS = [
    "newsarchive.security.RequestSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600, minimum=60)


# Content-Security-Policy: scripts only from our own static files, never inline; htmx is
# told by a meta tag in base.html not to inject its indicator <style> nor to eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
