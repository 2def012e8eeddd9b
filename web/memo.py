"""Reference data kept in each process until the site-wide epoch moves.

The twenty communes, the bodies and the nine recommendations are read by nearly every page, yet
change only through the admin or a reference-data load. A function marked `@per_epoch` is run
once, and its result kept in this process until the epoch (web.page_cache) moves; the pages
then link their rows to these objects instead of joining and loading them again per row.

Any save or delete of a model registered with `epoch_moves_with` moves the epoch, at once and
again when its transaction commits: at once, so that the process that wrote sees the change
even inside a transaction (a test, a load); on commit, so that a reader which loaded the old
rows between the two cannot keep them. Two things no signal reports are bounded too: a
request that wrote reference data forgets what its process kept when it ends (had its
transaction been rolled back, the rows it read would never have existed), and nothing is kept
longer than MAX_AGE_SECONDS (a change made behind the ORM's back, a bump lost with Redis, a
command or task rolled back after reading what it wrote).
"""

import threading
import time
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.core.signals import request_finished
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .page_cache import bump_epoch, epoch, in_request

T = TypeVar("T")
MAX_AGE_SECONDS = 300

_held: dict[str, tuple[int, float, object]] = {}
_lock = threading.Lock()
_wrote = threading.local()


def per_epoch(load: Callable[[], T]) -> Callable[[], T]:
    """`load()`'s result, kept until the epoch moves. What it returns is shared by every
    request of the process: read it, never change it."""
    name = f"{load.__module__}.{load.__qualname__}"

    @wraps(load)
    def held() -> T:
        current, now = epoch(), time.monotonic()
        found = _held.get(name)
        if found is not None and found[0] == current and now - found[1] < MAX_AGE_SECONDS:
            return found[2]
        value = load()
        with _lock:
            _held[name] = (current, now, value)
        return value

    return held


def forget_all() -> None:
    """Drop every kept result (tests that change the database behind the ORM's back)."""
    with _lock:
        _held.clear()


def _moved(**kwargs) -> None:
    forget_all()
    bump_epoch()
    transaction.on_commit(bump_epoch)
    if in_request():
        _wrote.reference_data = True


def _request_finished(**kwargs) -> None:
    if getattr(_wrote, "reference_data", False):
        _wrote.reference_data = False
        forget_all()


request_finished.connect(_request_finished, dispatch_uid="memo-forget-after-writes")


def epoch_moves_with(*models) -> None:
    """Saving or deleting a row of these models moves the epoch (called from AppConfig.ready)."""
    for model in models:
        uid = f"epoch-{model._meta.label_lower}"
        post_save.connect(_moved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_moved, sender=model, dispatch_uid=f"{uid}-delete")
