import pytest

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


def test_503_when_the_database_is_unreachable(client, database_unreachable):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
