"""Handing work to the Celery worker once the transaction that asked for it has committed.

A task is named, not imported: the code that enqueues never imports the module of the task, so
a service and the task that calls it cannot import each other. The worker then sees committed
rows only. When the broker cannot be reached the user's action still succeeds: `fallback` runs
in its place (build the report here), or, without one, the rows stay pending for a sweep.
"""

import logging
from collections.abc import Callable, Iterable

from celery import current_app
from django.db import transaction

log = logging.getLogger(__name__)


def _task(name: str):
    if name not in current_app.tasks:
        # A web process imports the apps' tasks modules only when asked: this runs Celery's
        # autodiscovery (as a worker does when it starts), which registers every task.
        current_app.loader.import_default_modules()
    return current_app.tasks[name]


def enqueue_on_commit(
    task_name: str, calls: Iterable[tuple], *, fallback: Callable[[tuple], object] | None = None
) -> None:
    """After commit, `task_name.delay(*args)` for each tuple of `calls`, in order.

    On a broker error the rest are not tried (the broker is down for them too): each is handed
    to `fallback`, or left to the sweep that finds them pending."""
    calls = list(calls)
    if not calls:
        return

    def send() -> None:
        task = _task(task_name)
        for index, args in enumerate(calls):
            try:
                task.delay(*args)
            except Exception as exc:  # the broker is unreachable
                log.warning("could not enqueue %s%r (%r)", task_name, args, exc)
                if fallback is None:
                    return
                for left in calls[index:]:
                    fallback(left)
                return

    transaction.on_commit(send)
