"""A cache for the public pages as anonymous visitors see them.

Most visitors are anonymous and read the same pages; rendering a commune or a commitment costs
tens of milliseconds, serving it from the cache well under one. Pages are keyed by path and
language and by a data version that every write bumps (`public_pages_changed`), so nobody reads
a page older than the last change; the time limit only bounds memory. Logged-in people, requests
carrying a session, and anything but a 200 GET are never cached: their pages show their own
forms, messages and CSRF tokens.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

VERSION_KEY = "public-pages:version"


def public_pages_changed() -> None:
    """Call after any write that shows on a public page."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _cacheable(request) -> bool:
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
    )


def cache_public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = f"public-page:{_version()}:{get_language()}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies and not response.streaming:
            patch_vary_headers(response, ("Cookie",))
            cache.set(key, response, timeout=settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    return wrapper


# Rows whose change never shows on a public page (or changes on every login).
IGNORED_MODELS = {"notification", "reminderitem", "user", "feedbackevent"}


def _on_change(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in settings.PUBLIC_PAGE_APPS and meta.model_name not in IGNORED_MODELS:
        from django.db import transaction

        transaction.on_commit(public_pages_changed)


def connect_invalidation() -> None:
    """Any saved or deleted row of the portal's apps — through a service, the admin or a
    command — invalidates the cached public pages once its transaction commits."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"public-pages-{signal}")
