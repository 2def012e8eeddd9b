import pytest
from django.db import DEFAULT_DB_ALIAS, connections

pytestmark = pytest.mark.django_db


def test_healthy(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "not configured"}


def test_broker_reported_when_configured(client, require_redis):
    response = client.get("/healthz")
    assert response.json() == {"database": "ok", "broker": "ok"}


def test_broker_down_is_reported_without_failing(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "unreachable"


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


def test_503_when_the_database_is_unreachable(client, database_unreachable):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
