import os

import pytest
from django.conf import settings as django_settings
from django.db import DEFAULT_DB_ALIAS, connection, connections

# The order of a mutant's tests under the mutation audit (TESTING.md).
pytest_plugins = ["tests.mutation_order"]

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_configure(config):
    # The test client speaks plain HTTP and the suite does not run collectstatic; a fast hasher
    # keeps account fixtures cheap. Everything else is the real settings module.
    django_settings.SECURE_SSL_REDIRECT = False
    # Live-server tests speak plain HTTP: a Secure cookie would never come back.
    django_settings.CSRF_COOKIE_SECURE = django_settings.SESSION_COOKIE_SECURE = False
    django_settings.STORAGES = {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    django_settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The public page cache is tested on its own (test_page_cache.py); elsewhere a page reflects
    # the data of its test at once, even where on-commit callbacks do not run.
    django_settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    # Tasks run in-process in tests, whatever REDIS_URL says; the tests that need the real broker
    # (a worker process, a broker outage) point Celery at it themselves.
    from taata_portal.celery import app as celery_app

    celery_app.conf.task_always_eager = True
    celery_app.conf.broker_url = "memory://"
    # WhiteNoise warns when the collected-static folder is missing; the suite serves from finders.
    django_settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)


def service_missing(what: str, why: str):
    """Skip on a bare laptop; in CI a missing service is a failure, never a skip."""
    if IN_CI:
        pytest.fail(f"{what} is required in CI: {why}")
    pytest.skip(f"{what} not available here: {why}")


@pytest.fixture
def require_postgres(db):
    if connection.vendor != "postgresql":
        service_missing("PostgreSQL", f"the database backend is {connection.vendor}")


@pytest.fixture
def require_redis():
    import redis

    url = django_settings.REDIS_URL
    if not url:
        service_missing("Redis", "REDIS_URL is not set")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        service_missing("Redis", f"{url} does not answer ({exc})")
    return url


@pytest.fixture
def reference_data(db):
    from recommendations.services.reference import recommendations_load_reference
    from territory.services import bodies_load_reference, communes_load_reference

    communes_load_reference()
    bodies_load_reference()
    recommendations_load_reference()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached fragments live in the cache (Redis in CI): no test sees another's.
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _the_default_language():
    # Every test starts in Arabic, whatever language an earlier one left active in this thread
    # (a rendered message, a page): the order of the tests never changes what they see.
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    # Evidence, minutes and voice messages written by a test go away with it.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def database_unreachable():
    """Swap in a real connection to nowhere (a closed port, or a path that cannot exist)."""
    real = connections[DEFAULT_DB_ALIAS]
    bad = dict(real.settings_dict)
    if real.vendor == "sqlite":
        bad["NAME"] = "/nonexistent-dir/for-healthz/db.sqlite3"
    else:
        bad.update(HOST="127.0.0.1", PORT="9")
    unreachable = real.__class__(bad, DEFAULT_DB_ALIAS)
    setattr(connections._connections, DEFAULT_DB_ALIAS, unreachable)
    yield
    unreachable.close()
    setattr(connections._connections, DEFAULT_DB_ALIAS, real)
