"""Thin tasks: ids in, one service call, bounded retries with backoff. Safe to run twice."""

import datetime

from celery import shared_task

from notifications.services.daily_run import reminders_run
from notifications.services.delivery import (
    TRANSIENT,
    notification_send,
    notifications_sweep,
)


@shared_task
def run_daily_reminders(now_iso: str | None = None) -> dict:
    now = datetime.datetime.fromisoformat(now_iso) if now_iso else None
    return reminders_run(now=now)


@shared_task(
    autoretry_for=TRANSIENT,
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=3,  # then the sweep takes over, with a longer wait between attempts
)
def send_notification(notification_id: int) -> bool:
    return notification_send(notification_id=notification_id)


@shared_task
def sweep_pending_notifications() -> int:
    return len(notifications_sweep())
