"""Pieces of HTML kept in the cache between renders (FRAGMENT_CACHE_SECONDS; 0 turns it off).

For pieces that change only with their own key (an append-only timeline entry, in a language):
one round trip fetches them all, the missing ones are rendered and stored together. The
site-wide epoch (web.page_cache) is part of every key, so an edit of reference data (a body's
name) renders them anew.
"""

from collections.abc import Callable, Hashable, Sequence

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from .page_cache import epoch


def cached_fragments(
    namespace: str, keys: Sequence[Hashable], render: Callable[[Hashable], SafeString]
) -> list[SafeString]:
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0 or not keys:
        return [render(key) for key in keys]
    prefix = f"frag:{namespace}:{epoch()}:"
    names = {
        key: prefix + ":".join(map(str, key if isinstance(key, tuple) else (key,))) for key in keys
    }
    found = cache.get_many(list(names.values()))
    missing = {}
    html = []
    for key in keys:
        fragment = found.get(names[key])
        if fragment is None:
            fragment = missing[names[key]] = str(render(key))
        html.append(mark_safe(fragment))  # noqa: S308 - rendered by format_html before it was stored
    if missing:
        cache.set_many(missing, timeout=seconds)
    return html
