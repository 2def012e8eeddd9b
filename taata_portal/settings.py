"""Settings for the Tata civic portal, all read from the environment.

One module for every place the portal runs: `make run` (SQLite under var/, tasks in-process),
the tests and CI (PostgreSQL and Redis from DATABASE_URL and REDIS_URL), and production.
The README lists every variable.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# The development key is marked insecure on purpose: `check --deploy` flags it, so a production
# host that forgot SECRET_KEY cannot pass its checks.
SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-only-key-do-not-deploy")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch it.
    "modeltranslation",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "taata_portal",
    "recommendations",
    "consultations",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "taata_portal.middleware.RequestSizeLimitMiddleware",
    "taata_portal.middleware_db.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The benchmarks serve the portal plus a bare view, for a baseline measured the same way.
ROOT_URLCONF = env("ROOT_URLCONF", default="taata_portal.urls")
WSGI_APPLICATION = "taata_portal.wsgi.application"

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
                "taata_portal.context_processors.site",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------------

_default_sqlite = VAR_DIR / "db.sqlite3"
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{_default_sqlite}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # Several requests may write at once: take the write lock when a transaction starts and wait
    # for it, instead of failing half-way with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
    # Tests on SQLite use a file too: an in-memory database locks whole tables and fails
    # instead of waiting, so concurrency would not be what `make run` gives.
    DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", str(VAR_DIR / "test.sqlite3"))
elif "postgresql" in DATABASES["default"]["ENGINE"]:
    # An unreachable database must fail fast (healthz answers 503, not a hung worker).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "taata_portal.User"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="taata"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Tasks (Celery) ---------------------------------------------------------------------------

# Without a broker every task runs in-process, at once: `make run` needs nothing more.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Africa/Casablanca"
# A message is acknowledged only once its task has run: a worker killed mid-task leaves it on
# the queue for another. Tasks are therefore written to be safe to run twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A user's action must not hang on a dead broker: publishing fails fast, and what could not be
# enqueued stays pending in the database for the sweep.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # Past this, an unacknowledged message goes back to the queue (late acknowledgement).
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # How often a worker looks for messages left unacknowledged by a dead one (seconds, and
    # every how many looks it really scans).
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
}
CELERY_BEAT_SCHEDULE = {
    "daily-reminders": {
        "task": "taata_portal.tasks.run_daily_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "sweep-pending-notifications": {
        "task": "taata_portal.tasks.sweep_pending_notifications",
        "schedule": crontab(minute="*/10"),
    },
    "erase-expired-personal-data": {
        "task": "consultations.tasks.erase_expired_personal_data",
        "schedule": crontab(hour=3, minute=30),
    },
}

# --- Accounts ---------------------------------------------------------------------------------

# Login throttling (django-axes): after 5 failures for a username from an address, that pair is
# locked out for an hour. Counts live in Redis when there is one (shared by every web process),
# else in the database: a per-process memory cache would let each process count apart.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if REDIS_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# --- Languages --------------------------------------------------------------------------------

LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Casablanca"

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar",)

# --- Static and uploaded files ----------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_STORAGE",
            default=(
                "django.contrib.staticfiles.storage.StaticFilesStorage"
                if DEBUG
                else "whitenoise.storage.CompressedManifestStaticFilesStorage"
            ),
        )
    },
}

# --- Email ------------------------------------------------------------------------------------

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
if env("EMAIL_FILE_PATH", default=""):  # filemail:// mangles absolute paths; say it here
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@taata.localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------------------------

# HTTPS is on unless DEBUG: a production host gets secure cookies, HSTS and the redirect
# without having to remember them. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER.
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No script runs from anywhere but this site, and none inline: the portal needs none, and the
# admin's scripts (jQuery UI for the translation tabs included) are served from /static/.
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
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"  # modeltranslation's tabs, not a CDN

# --- Reminders ------------------------------------------------------------------------------

SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
REMINDER_MILESTONE_DAYS = env.int("REMINDER_MILESTONE_DAYS", default=7)
REMINDER_MEETING_HOURS = env.int("REMINDER_MEETING_HOURS", default=48)
REMINDER_MINUTES_DAYS = env.int("REMINDER_MINUTES_DAYS", default=3)
REMINDER_FEEDBACK_ACKNOWLEDGE_DAY = env.int("REMINDER_FEEDBACK_ACKNOWLEDGE_DAY", default=10)
REMINDER_FEEDBACK_ANSWER_DAY = env.int("REMINDER_FEEDBACK_ANSWER_DAY", default=50)
REMINDER_ESCALATE_AFTER = env.int("REMINDER_ESCALATE_AFTER", default=2)
REMINDER_WEEKLY_DAY = 0  # Monday, for those who chose a weekly digest

# Reports: PDF and XLSX past these many rows are built by a worker, the page showing progress.
REPORT_ASYNC_ROWS_PDF = env.int("REPORT_ASYNC_ROWS_PDF", default=150)
REPORT_ASYNC_ROWS_XLSX = env.int("REPORT_ASYNC_ROWS_XLSX", default=5000)

# --- Portal -----------------------------------------------------------------------------------

# Shown on every page while demo data is loaded (make run), so no one mistakes it for real data.
SHOW_DEMO_BANNER = env.bool("SHOW_DEMO_BANNER", default=False)

# Public pages as anonymous visitors see them are cached (every write invalidates them at once;
# this only bounds memory). 0 turns the cache off.
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=600)
PUBLIC_PAGE_APPS = ("taata_portal", "recommendations", "consultations")

# A commitment with no update for this many days is stale (reminders, flags).
COMMITMENT_STALE_DAYS = env.int("COMMITMENT_STALE_DAYS", default=30)
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
REQUEST_OVERHEAD_BYTES = 512 * 1024  # form fields beside the largest file

# Feedback: the national complaints portal's promises (acknowledge within 15 days, answer within
# 60), how long names and contacts are kept once closed, and the per-address rate limit.
FEEDBACK_ACKNOWLEDGE_DAYS = env.int("FEEDBACK_ACKNOWLEDGE_DAYS", default=15)
FEEDBACK_ANSWER_DAYS = env.int("FEEDBACK_ANSWER_DAYS", default=60)
FEEDBACK_PERSONAL_DATA_DAYS = env.int("FEEDBACK_PERSONAL_DATA_DAYS", default=365)
FEEDBACK_RATE_LIMIT = env.int("FEEDBACK_RATE_LIMIT", default=5)  # per address per hour; 0: off

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint narrates every layout step at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
