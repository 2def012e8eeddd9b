"""A fixed-window counter in the cache (Redis in production, shared by every web process)."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def _daily_secret() -> bytes:
    """A key derived from SECRET_KEY and today's date: it changes every day, and without
    SECRET_KEY nobody can turn a stored key back into an address by trying them all."""
    day = timezone.localdate().isoformat()
    return hashlib.sha256(f"ratelimit|{settings.SECRET_KEY}|{day}".encode()).digest()


def _key(scope: str, ident: str, window: int) -> str:
    # The address is kept only as an HMAC under a key that rotates daily (privacy page).
    digest = hmac.new(_daily_secret(), ident.encode(), hashlib.sha256).hexdigest()[:32]
    return f"rl:{scope}:{window}:{digest}"


def client_address(request) -> str:
    """REMOTE_ADDR; behind a proxy, the proxy must set it (e.g. gunicorn --forwarded-allow-ips)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def limit_reached(scope: str, ident: str, *, limit: int, window: int) -> bool:
    if limit <= 0:
        return False
    return (cache.get(_key(scope, ident, window)) or 0) >= limit


def limit_count(scope: str, ident: str, *, window: int) -> None:
    key = _key(scope, ident, window)
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
