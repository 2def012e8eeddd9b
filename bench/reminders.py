"""The daily reminder run for 2,000 councillors at scale 1: time, queries, messages. Baseline in
the same run: merely reading what the run must read (stale commitments, their owners,
councillors). Target (DESIGN.md §6): queries bounded per batch, not per person."""

import os
import sys
import time

from bench.common import env, prepare_database, save


def main(url=None):
    url = url or prepare_database()
    os.environ.update(env(DATABASE_URL=url, REDIS_URL="", EMAIL_URL="memorymail://"))
    import django

    django.setup()
    from django.core import mail
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from notifications.models import Notification, ReminderItem
    from notifications.services.daily_run import reminders_run
    from recommendations.models import Commitment
    from taata_portal.celery import app as celery_app

    # The run enqueues one task per person; here they wait in memory and are sent below, timed
    # apart, as workers would.
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = "memory://"

    mail.outbox = []
    ReminderItem.objects.all().delete()
    Notification.objects.all().delete()

    start = time.perf_counter()
    list(Commitment.objects.values_list("pk", "body_id", "last_update_at"))
    list(Commitment.owners.through.objects.values_list("commitment_id", "user_id"))
    list(User.objects.filter(role="councillor").values_list("pk", "language", "email"))
    baseline = time.perf_counter() - start

    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        with transaction.atomic():
            summary = reminders_run()
        run_seconds = time.perf_counter() - start  # collect, store, escalate, prepare digests
    queries = len(captured)
    # Sending: one task per person (in-process here), each rendering in the person's language.
    from notifications.services.delivery import notification_send

    start = time.perf_counter()
    for pk in Notification.objects.filter(status="pending").values_list("pk", flat=True):
        notification_send(notification_id=pk)
    send_seconds = time.perf_counter() - start
    result = {
        "councillors": User.objects.filter(role="councillor").count(),
        "reminders": summary["reminders"],
        "digests": summary["digests"],
        "messages": len(mail.outbox),
        "run_seconds": round(run_seconds, 2),
        "run_queries": queries,
        "send_seconds": round(send_seconds, 2),
        "baseline_read_seconds": round(baseline, 3),
        "ratio_run_to_baseline": round(run_seconds / baseline, 1),
    }
    print(
        f"  {result['councillors']} councillors: {summary['reminders']} reminders, "
        f"{summary['digests']} digests in {run_seconds:.2f} s with {queries} queries "
        f"(baseline read {baseline:.2f} s, ratio {result['ratio_run_to_baseline']}); "
        f"{len(mail.outbox)} messages sent in {send_seconds:.1f} s"
    )
    save("reminders", result)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
