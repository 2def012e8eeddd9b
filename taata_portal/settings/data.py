"""Where data lives: the database and the cache."""

from .base import VAR_DIR, env

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
    # The mutation audit (`make mutate`) runs two suites at once: each in its own memory.
    if not env.bool("TEST_DATABASE_IN_MEMORY", default=False):
        test_name = str(VAR_DIR / "test.sqlite3")
        DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", test_name)
elif "postgresql" in DATABASES["default"]["ENGINE"]:
    # An unreachable database must fail fast (healthz answers 503, not a hung worker).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, reusing its client objects (web/redis_cache.py).
            "BACKEND": "web.redis_cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="taata"),
        }
    }
elif env.bool("TEST_DATABASE_IN_MEMORY", default=False):
    # The mutation audit runs two suites at once, each with its own database in memory: each
    # with its own cache too. In one folder, one suite's cache.clear() emptied the other's
    # cached pages and rate counts in the middle of a test, which then failed whatever the
    # mutant, and a mutant it should not have killed counted as killed.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Without Redis, files on this machine: every process (each gunicorn worker, a Celery
    # worker) sees the same cache, so a page invalidated by one is not served stale by another,
    # and rate limits count across them. (A per-process memory cache would do neither.)
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", default=str(VAR_DIR / "cache")),
        }
    }
