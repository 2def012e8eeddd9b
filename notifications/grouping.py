"""Digests and escalations grouped by place (commune) and kind: each group says how many, shows
the few most urgent, and links to the page listing all of them. So no message is longer than a
phone screen or two, however much is waiting."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from notifications.registry import kind_label, kind_list_path
from text.dates import format_stored
from text.languages import in_language

SHOWN_PER_GROUP = 3
GROUPS_SHOWN = 8


@dataclass
class Group:
    label: str
    place: str
    count: int
    items: list[dict] = field(default_factory=list)
    url: str = ""

    @property
    def more(self) -> int:
        return self.count - len(self.items)


def _link(path: str, language: str) -> str:
    return f"{settings.SITE_URL}/{language}{path}"


def grouped(items, language: str) -> tuple[list[Group], int]:
    """`items`: (kind, payload) pairs. The groups worth showing, most items first, and how many
    more groups there are (the message links to the full list)."""
    buckets: dict = defaultdict(list)
    for kind, payload in items:
        shown_kind = payload.get("escalated_kind", kind)
        place = payload.get("place") or {}
        buckets[(kind, shown_kind, place.get("code", ""))].append(payload)
    groups = []
    for (kind, shown_kind, _code), payloads in buckets.items():
        payloads.sort(
            key=lambda p: (p.get("date") or "9999", in_language(p.get("title"), language))
        )
        place = payloads[0].get("place") or {}
        label = str(kind_label(shown_kind))
        if kind != shown_kind:
            label = f"{kind_label(kind)} — {label}"
        path = kind_list_path(shown_kind, place)
        groups.append(
            Group(
                label=label,
                place=in_language(place.get("name"), language),
                count=len(payloads),
                items=[
                    {
                        "title": in_language(p.get("title"), language),
                        "url": _link(p.get("path", "/"), language),
                        "date": format_stored(p.get("date"), language),
                    }
                    for p in payloads[:SHOWN_PER_GROUP]
                ],
                url=_link(path, language) if path else "",
            )
        )
    groups.sort(key=lambda g: (-g.count, g.place, g.label))
    return groups[:GROUPS_SHOWN], max(0, len(groups) - GROUPS_SHOWN)
