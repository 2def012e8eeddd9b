"""Pieces of HTML kept in the cache between renders (FRAGMENT_CACHE_SECONDS; 0 turns it off).

- `cached_fragments`: pieces that change only with their own key (an append-only timeline
  entry, in a language): one round trip fetches them all, the missing ones are rendered and
  stored together.
- `scoped_fragment`: a piece that shows only some scopes of the page cache (web.page_cache),
  such as a commune's committees, meetings and feedback: kept until one of their versions
  moves, so that a write elsewhere on its page (a status update) does not render it again. It
  lives no longer than a cached page (PUBLIC_PAGE_CACHE_SECONDS), since what it shows may
  depend on the hour (a meeting coming, then past).

The site-wide epoch is part of every key, so an edit of reference data (a body's name) renders
them all anew.
"""

import time
from collections.abc import Callable, Hashable, Sequence

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from .page_cache import epoch, versions


def cached_fragments(
    namespace: str,
    keys: Sequence[tuple],
    render: Callable[[tuple], SafeString],
    prepare: Callable[[list], None] | None = None,
) -> list[SafeString]:
    """The pieces for `keys` (tuples: an entry's id and the language, say), in order.
    `prepare(missing_keys)`, when given, is called once before the missing pieces are rendered
    (to load what they show in one query)."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0 or not keys:
        if prepare and keys:
            prepare(list(keys))
        return [render(key) for key in keys]
    prefix = f"frag:{namespace}:{epoch()}:"
    names = {key: prefix + ":".join(map(str, key)) for key in keys}
    found = cache.get_many(list(names.values()))
    if prepare:
        absent = [key for key in keys if names[key] not in found]
        if absent:
            prepare(absent)
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


# What a scoped piece shows may depend on the hour (a meeting coming, then past): it is kept no
# longer than a cached page is by default, and less when its render says when it will change.
SCOPED_FRAGMENT_SECONDS = 600


def scoped_fragment(
    namespace: str,
    *,
    scopes: Sequence[str],
    key: Sequence[Hashable],
    render: Callable[[], tuple[str, float]],
) -> SafeString:
    """The piece rendered by `render()`, which shows nothing but `scopes` (and what `key`
    names: the language, say), from the cache while their versions stay. `render()` returns
    `(html, seconds)`: the piece changes by itself after that many seconds (the next meeting
    starts). A copy out of date is replaced under the same name: old copies never pile up."""
    seconds = min(settings.FRAGMENT_CACHE_SECONDS, SCOPED_FRAGMENT_SECONDS)
    if seconds <= 0:
        return mark_safe(render()[0])  # noqa: S308 - render() returns escaped HTML
    name = ":".join(map(str, ("frag", namespace, *scopes, *key)))
    made_from = versions(scopes)
    found = cache.get(name)
    # Its own end is kept with it and checked here: the cache's expiry is only a bound (a
    # server's clock, seconds rounded), and the piece must change the moment a meeting starts.
    if found is not None and found[0] == made_from and time.time() < found[2]:
        return mark_safe(found[1])  # noqa: S308 - rendered, escaped, before it was stored
    html, changes_in = render()
    seconds = min(seconds, changes_in)
    html = str(html)
    if seconds > 0:
        cache.set(name, (made_from, html, time.time() + seconds), timeout=int(seconds) + 1)
    return mark_safe(html)  # noqa: S308 - render() returns escaped HTML
