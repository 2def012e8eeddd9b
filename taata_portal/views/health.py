import logging

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)

BROKER_TIMEOUT_SECONDS = 1


def _database_state() -> str:
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception:  # any failure to reach the database means "unreachable" to a prober
        log.exception("healthz: database unreachable")
        return "unreachable"


def _broker_state() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL,
            socket_connect_timeout=BROKER_TIMEOUT_SECONDS,
            socket_timeout=BROKER_TIMEOUT_SECONDS,
        )
        client.ping()
        return "ok"
    except redis.RedisError:
        log.warning("healthz: broker unreachable", exc_info=True)
        return "unreachable"


@never_cache
def healthz(request):
    """Liveness for the load balancer: 503 when the database cannot be reached.

    The broker's state is reported but does not fail the check: pages and feedback still work
    without it, and pending notifications wait in the database until it is back.
    """
    database = _database_state()
    body = {"database": database, "broker": _broker_state()}
    return JsonResponse(body, status=200 if database == "ok" else 503)
