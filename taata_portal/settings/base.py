"""The site itself: apps, middleware, templates, languages, static files."""

from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
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
    # The shared apps, then the domain apps that stand on them (README: the layout).
    "web",
    "territory",
    "accounts",
    "notifications",
    "recommendations",
    "consultations",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached public pages are answered here, before sessions, CSRF and the URL resolver.
    "web.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "taata_portal.middleware.database_unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Inside the security headers' middleware, so that its 413 page carries them too (bodies
    # are only read later, in the views).
    "taata_portal.middleware.request_size.RequestSizeLimitMiddleware",
    # A query string with a NUL character is refused with a page, before any lookup.
    "web.middleware.RefuseNulInQueryMiddleware",
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
            # `day`, `moment`, `stored_date` and `spoken_list` in every template: dates as
            # Moroccans write them, wherever a template shows one.
            "builtins": ["web.templatetags.reading"],
        },
    },
]

# --- Languages --------------------------------------------------------------------------------

LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
    ("zgh", _("Tamazight")),
]
# Standard Moroccan Tamazight in Tifinagh, left to right; Django does not know it. A string or a
# field missing in Tamazight falls back to Arabic (Django falls back to LANGUAGE_CODE, and
# modeltranslation to MODELTRANSLATION_FALLBACK_LANGUAGES), never to English.
LANG_INFO.setdefault(
    "zgh", {"bidi": False, "code": "zgh", "name": "Tamazight", "name_local": "ⵜⴰⵎⴰⵣⵉⵖⵜ"}
)
# Until staff mark the Tamazight translation as reviewed by a qualified translator, every /zgh/
# page says it is a draft and whom to write to with corrections.
TAMAZIGHT_REVIEWED = env.bool("TAMAZIGHT_REVIEWED", default=False)
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
# Served at the site's root by WhiteNoise: the favicon, the app icons and their manifest.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
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
                else "web.static_storage.MinifiedCompressedManifestStaticFilesStorage"
            ),
        )
    },
}
