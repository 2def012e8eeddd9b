"""A cache for the public pages as anonymous visitors see them.

Most visitors are anonymous and read the same pages. A view declares what it shows
(`@cache_public_page(scopes=…)`: its commitment, commune or recommendation, or the overview of
home, matrix and open data); `PublicPageCacheMiddleware`, near the top of the stack, stores the
finished response — compressed with brotli and gzip beside the plain HTML, headers included —
with the versions of those scopes, the site-wide epoch and the day (flags change at midnight).
The next anonymous request for that page is answered by the middleware itself, before
sessions, CSRF, authentication or the URL resolver run: cheaper than any view.

- A write bumps the versions of what it shows on, when it is made and again once its
  transaction commits (`pages_changed("commune:09.551.01.07", …)`); unpublished feedback,
  notifications, reminders and logins bump nothing. Edits in the admin, reference-data loads
  and any save of a commune, body or recommendation (web.memo) bump the epoch.
- A copy whose versions are not current is rendered again and stored under the same key: old
  copies never pile up. While one worker renders it, the others keep serving the previous copy
  (for at most RENDER_LOCK_SECONDS) instead of all rendering at once.
- Only anonymous GETs without a session, whose query names nothing but what the view allows (a
  page number), are cached; a response that sets a cookie (a CSRF token) never is. Pages
  cached here carry no CSRF token nor any secret, which is what makes compressing them safe from
  BREACH-style attacks; no other response is compressed (README: "Compression").
"""

import gzip
import threading
import time
from collections.abc import Callable, Iterable
from functools import wraps

import brotli
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

EPOCH = "pv:epoch"
RENDER_LOCK_SECONDS = 5
OVERVIEW = "overview"
ENCODINGS = ("br", "gzip")
# Query parameters any cached view may allow; a request with others is never looked up.
QUERY_PARAMETERS = frozenset({"page", "language"})
# Headers a stored copy does not keep: they belong to one response, or are set when served.
DROPPED_HEADERS = frozenset({"set-cookie", "content-length", "content-encoding"})


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
    """The pages showing these scopes change: their versions move now, and again when the
    current transaction commits. Now, so that the writer's own next read (inside the
    transaction: a test, a command) renders anew; on commit, so that a copy rendered by another
    reader in between, from the rows as they were before the commit, is never kept."""
    keys = [_version_key(scope) for scope in set(scopes)]

    def bump() -> None:
        for key in keys:
            _bump(key)

    bump()
    transaction.on_commit(bump)


def bump_epoch() -> None:
    """Move the site-wide epoch now: every stored page and fragment is out of date."""
    _bump(EPOCH)
    _request.epoch = None


def everything_changed() -> None:
    """Reference data changed (an admin edit, a load): every page renders anew."""
    transaction.on_commit(bump_epoch)


def _current(version_keys: list[str]) -> tuple:
    """The versions now (missing ones started), and the day."""
    found = cache.get_many(version_keys)
    missing = [key for key in version_keys if key not in found]
    for key in missing:
        cache.add(key, time.time_ns(), timeout=None)
    if missing:
        found = {**found, **cache.get_many(missing)}
    return (*(found.get(key) for key in version_keys), timezone.localdate().isoformat())


# The epoch as a request first read it: several helpers of one page ask for it (the reference
# data, fragments, the page's own versions), and each asking cost a round trip to the cache.
# Moving it (bump_epoch) forgets it; a new request reads it afresh.
_request = threading.local()


def _request_started(**kwargs) -> None:
    _request.active, _request.epoch = True, None


def _request_finished(**kwargs) -> None:
    _request.active, _request.epoch = False, None


request_started.connect(_request_started, dispatch_uid="page-cache-epoch-start")
request_finished.connect(_request_finished, dispatch_uid="page-cache-epoch-end")


def in_request() -> bool:
    """True while this thread answers a request (not in a command, a task or a test's setup)."""
    return getattr(_request, "active", False)


def epoch() -> int:
    if not in_request():  # a command, a task: read it each time
        return _current([EPOCH])[0]
    if _request.epoch is None:
        _request.epoch = _current([EPOCH])[0]
    return _request.epoch


def versions(scopes: Iterable[str]) -> tuple:
    """The epoch, the versions of these scopes, and the day: what a piece of a page showing
    them was made from (web.fragments.scoped_fragment)."""
    return (epoch(), *_current([_version_key(s) for s in scopes]))


def _page_key(request) -> str:
    params = "&".join(f"{k}={request.GET[k]}" for k in sorted(request.GET))
    return f"page:{request.path}?{params}"  # the language is the path's first part


def _accepted(request) -> str:
    """The best encoding the client takes: brotli, then gzip, else none."""
    offered = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _sep, params = part.strip().partition(";")
        offered[name.strip().lower()] = "q=0" not in params.replace(" ", "")
    return next((name for name in ENCODINGS if offered.get(name)), "")


def _may_look_up(request) -> bool:
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and set(request.GET) <= QUERY_PARAMETERS
    )


def _serve(copy: tuple, encoding: str) -> HttpResponse:
    _version_keys, _versions, headers, body = copy
    response = HttpResponse(body)
    for name, value in headers:
        response[name] = value
    if encoding:
        response["Content-Encoding"] = encoding
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    return response


def _copies(response: HttpResponse, version_keys: list[str], versions: tuple) -> dict:
    """The page as stored: one copy per encoding, so a request fetches only the one its client
    takes; each with what it was made from and the headers the whole stack gave it."""
    body = response.content
    headers = [(k, v) for k, v in response.items() if k.lower() not in DROPPED_HEADERS]
    return {
        name: (version_keys, versions, headers, data)
        for name, data in (
            ("", body),
            ("gzip", gzip.compress(body, compresslevel=6, mtime=0)),
            ("br", brotli.compress(body, quality=6)),
        )
    }


class PublicPageCacheMiddleware:
    """Answers anonymous requests for cached public pages before the rest of the stack runs,
    and stores the pages the views marked (`cache_public_page`) once the stack has finished
    them. Place it after the security and static-file middleware, before sessions."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_look_up(request):
            return self.get_response(request)
        key, encoding = _page_key(request), _accepted(request)
        copy = cache.get(f"{key}:{encoding}")
        lock = None
        if copy is not None:
            if _current(copy[0]) == copy[1]:
                return _serve(copy, encoding)
            lock = f"render:{key}"
            if not cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS):
                return _serve(copy, encoding)  # someone renders it now: the previous copy
        try:
            response = self.get_response(request)
        finally:
            if lock:
                cache.delete(lock)
        marked = getattr(request, "public_page_versions", None)
        if (
            marked is None
            or response.status_code != 200
            or response.cookies
            or response.streaming
            or request.user.is_authenticated
        ):
            return response
        copies = _copies(response, *marked)
        cache.set_many(
            {f"{key}:{name}": copy for name, copy in copies.items()},
            timeout=settings.PUBLIC_PAGE_CACHE_SECONDS,
        )
        return _serve(copies[encoding], encoding)


def cache_public_page(
    scopes: Callable[..., Iterable[str]] = lambda request, **kwargs: [OVERVIEW],
    query: Iterable[str] = (),
):
    """Mark a public view's page for the cache. `scopes(request, **view_kwargs)` names what it
    shows; `query` the query parameters that select another copy (e.g. a page number). The
    versions are read before the view renders: a write during the render makes the copy stale
    at once, never hidden."""
    allowed = set(query)
    assert allowed <= QUERY_PARAMETERS, "add the parameter to QUERY_PARAMETERS"

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if _may_look_up(request) and set(request.GET) <= allowed:
                keys = [EPOCH, *(_version_key(s) for s in scopes(request, **kwargs))]
                request.public_page_versions = (keys, _current(keys))
                if getattr(_request, "active", False):
                    _request.epoch = request.public_page_versions[1][0]
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def connect_invalidation() -> None:
    """An edit in the admin (any model: a commune's name, a body, a user's role) may show on
    any page: every change the admin logs moves the epoch."""
    from django.contrib.admin.models import LogEntry
    from django.db.models.signals import post_save

    post_save.connect(_admin_logged, sender=LogEntry, dispatch_uid="admin-edits-pages")


def _admin_logged(**kwargs) -> None:
    # A module function, not a lambda: signals hold receivers weakly, and a lambda connected
    # here was collected at once, so admin edits never reached the cached pages.
    everything_changed()
