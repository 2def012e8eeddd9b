"""A fixed-window counter in the cache (Redis in production, shared by every web process)."""

import hashlib

from django.core.cache import cache


def _key(scope: str, ident: str, window: int) -> str:
    # The address is hashed: the cache holds no personal data in clear.
    digest = hashlib.sha256(ident.encode()).hexdigest()[:24]
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
