"""A cache for the public pages as anonymous visitors see them.

Most visitors are anonymous and read the same pages. A page is stored once per path and
language, compressed (brotli and gzip) beside the plain HTML, with the versions of what it
shows: the scopes it declares (its commitment, commune or recommendation, or the overview of
home, matrix and open data), the site-wide epoch, and the day (flags change at midnight).

- A write bumps the versions of what it shows on, once its transaction commits
  (`pages_changed("commune:09.551.01.07", …)`); unpublished feedback, notifications, reminders
  and logins bump nothing. Edits in the admin and reference-data loads bump the epoch.
- A copy whose versions are not current is rendered again and stored under the same key: old
  copies never pile up. While one worker renders it, the others keep serving the previous copy
  (for at most RENDER_LOCK_SECONDS) instead of all rendering at once.
- Only anonymous GETs without a session, with no query but the ones a view names (a page
  number), are cached; everything else is rendered for its reader. Pages cached here carry no
  CSRF token nor any secret, which is what makes compressing them safe from BREACH-style
  attacks; no other response is compressed (README: "Compression").
"""

import gzip
import time
from collections.abc import Callable, Iterable
from functools import wraps

import brotli
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

EPOCH = "pv:epoch"
RENDER_LOCK_SECONDS = 5
OVERVIEW = "overview"
ENCODINGS = ("br", "gzip")


def _version_key(scope: str) -> str:
    return f"pv:{scope}"


def _bump(key: str) -> None:
    # A fresh start is a timestamp, never 1: a key evicted and created again cannot come back
    # to a value some stored page still carries.
    if cache.add(key, time.time_ns(), timeout=None):
        return
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, time.time_ns(), timeout=None)


def pages_changed(*scopes: str) -> None:
    """The pages showing these scopes change when the current transaction commits."""
    keys = [_version_key(scope) for scope in set(scopes)]

    def bump() -> None:
        for key in keys:
            _bump(key)

    transaction.on_commit(bump)


def everything_changed() -> None:
    """Reference data changed (an admin edit, a load): every page renders anew."""
    transaction.on_commit(lambda: _bump(EPOCH))


def _versions(found: dict, keys: list[str]) -> tuple:
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, time.time_ns(), timeout=None)
    if missing:
        found = {**found, **cache.get_many(missing)}
    return tuple(found.get(key) for key in keys)


def epoch() -> int:
    return _versions(cache.get_many([EPOCH]), [EPOCH])[0]


def _cacheable(request, query: Iterable[str]) -> bool:
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and set(request.GET) <= set(query)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
    )


def _accepted(request) -> str:
    """The best encoding the client takes: brotli, then gzip, else none."""
    offered = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _sep, params = part.strip().partition(";")
        offered[name.strip().lower()] = "q=0" not in params.replace(" ", "")
    return next((name for name in ENCODINGS if offered.get(name)), "")


# Headers of the view's own that a stored copy keeps (the middleware adds the rest each time).
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def _entry(response: HttpResponse, versions: tuple) -> dict:
    body = response.content
    return {
        "versions": versions,
        "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
        "": body,
        "gzip": gzip.compress(body, compresslevel=6, mtime=0),
        "br": brotli.compress(body, quality=6),
    }


def _serve(request, entry: dict) -> HttpResponse:
    encoding = _accepted(request)
    response = HttpResponse(entry[encoding])
    for name, value in entry["headers"].items():
        response[name] = value
    if encoding:
        response["Content-Encoding"] = encoding
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    return response


def cache_public_page(
    scopes: Callable[..., Iterable[str]] = lambda request, **kwargs: [OVERVIEW],
    query: Iterable[str] = (),
):
    """Cache a public view. `scopes(request, **view_kwargs)` names what the page shows;
    `query` the query parameters that select another copy (e.g. a page number)."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable(request, query):
                return view(request, *args, **kwargs)
            params = "&".join(f"{k}={request.GET[k]}" for k in sorted(request.GET))
            key = f"page:{get_language()}:{request.path}?{params}"
            version_keys = [EPOCH, *(_version_key(s) for s in scopes(request, **kwargs))]
            found = cache.get_many([key, *version_keys])
            versions = (*_versions(found, version_keys), timezone.localdate().isoformat())
            entry = found.get(key)
            if entry is not None and entry["versions"] == versions:
                return _serve(request, entry)
            lock = f"render:{key}"
            locked = entry is not None
            if locked and not cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS):
                return _serve(request, entry)  # someone renders it now: the previous copy
            try:
                response = view(request, *args, **kwargs)
            finally:
                if locked:
                    cache.delete(lock)
            if response.status_code != 200 or response.cookies or response.streaming:
                return response
            entry = _entry(response, versions)
            cache.set(key, entry, timeout=settings.PUBLIC_PAGE_CACHE_SECONDS)
            return _serve(request, entry)

        return wrapper

    return decorate


def connect_invalidation() -> None:
    """An edit in the admin (any model: a commune's name, a body, a user's role) may show on
    any page: every change the admin logs moves the epoch."""
    from django.contrib.admin.models import LogEntry
    from django.db.models.signals import post_save

    post_save.connect(
        lambda **kwargs: everything_changed(), sender=LogEntry, dispatch_uid="admin-edits-pages"
    )
