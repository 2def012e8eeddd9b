"""The registry of reminder rules and message kinds.

The shared core knows none of the apps: each app registers, in its AppConfig.ready, the rules
that find what is waiting for whom, and the labels of its kinds. The daily job runs whatever is
registered.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reminder:
    """Something waiting for someone.

    `payload` carries what the message needs, in every language: {"title": {"ar": …, "fr": …,
    "en": …}, "path": "/commitments/12/", "date": "2026-12-01",
    "place": {"code": "09.551.01.07", "id": 7, "name": {"ar": …}}}. Digests group items by place
    and kind (notifications.grouping). `since` is the item's last
    action: reminders repeated after it, with nothing done, escalate to staff.
    """

    recipient_id: int
    kind: str
    item_ref: str
    payload: dict = field(hash=False, compare=False)
    since: datetime.datetime | None = field(default=None, hash=False, compare=False)
    # Stored once ever (its item_ref names the episode), rather than once per day.
    once: bool = field(default=False, hash=False, compare=False)


Rule = Callable[[datetime.datetime], Iterable[Reminder]]

_rules: dict[str, Rule] = {}
_labels: dict[str, object] = {}
# For a kind, the page (path without language) listing all such items of one place: what a
# grouped message links to. `place` is the payload's place (a commune's code and id).
ListPath = Callable[[dict], str]
_list_paths: dict[str, ListPath] = {}


def register_rule(name: str, rule: Rule) -> None:
    _rules[name] = rule


def register_kind(kind: str, label, list_path: ListPath | None = None) -> None:
    """`label` is a lazy translation, rendered in the recipient's language."""
    _labels[kind] = label
    if list_path is not None:
        _list_paths[kind] = list_path


def rules() -> dict[str, Rule]:
    return dict(_rules)


def kind_label(kind: str):
    return _labels.get(kind, kind)


def kind_list_path(kind: str, place: dict) -> str | None:
    make = _list_paths.get(kind)
    return make(place) if make else None
