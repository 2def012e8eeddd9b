import datetime
import smtplib

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications.models import Notification, ReminderItem
from notifications.services.daily_run import reminders_run
from notifications.services.delivery import notification_send, notifications_sweep
from recommendations.models import Milestone
from recommendations.services.updates import commitment_record_update
from taata_portal.celery import app as celery_app
from tests.factories import CouncillorFactory
from tests.notifications.conftest import NOW, at, make_commitment
from tests.servers import use_broker

pytestmark = pytest.mark.django_db


def run(now=NOW, capture=None):
    with capture(execute=True):
        return reminders_run(now=now)


def test_several_items_make_one_digest_in_each_persons_language(
    django_capture_on_commit_callbacks, tata_councillor, akka_councillor
):
    for owner in (tata_councillor, akka_councillor):
        commitment = make_commitment(owner, last_update_days=45)
        Milestone.objects.create(
            commitment=commitment,
            title_ar="المصادقة في دورة المجلس",
            title_fr="Adoption en session",
            due_date=datetime.date(2026, 3, 10),
        )
    run(capture=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    by_to = {m.to[0]: m for m in mail.outbox}
    arabic = by_to["fatima@tata.example"]
    french = by_to["youssef@akka.example"]
    assert "رقمنة الحالة المدنية" in arabic.body and "المصادقة في دورة المجلس" in arabic.body
    assert "Numériser l'état civil" in french.body and "Adoption en session" in french.body
    html_ar = arabic.alternatives[0][0]
    html_fr = french.alternatives[0][0]
    assert 'dir="rtl"' in html_ar and 'lang="ar"' in html_ar
    assert 'dir="ltr"' in html_fr and 'lang="fr"' in html_fr
    assert "/ar/commitments/" in arabic.body and "/fr/commitments/" in french.body
    assert "things waiting" not in arabic.subject and "things waiting" not in french.subject


def test_the_daily_job_run_twice_sends_one_message_per_person(
    django_capture_on_commit_callbacks, tata_councillor
):
    make_commitment(tata_councillor, last_update_days=45)
    first = run(capture=django_capture_on_commit_callbacks)
    second = run(capture=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert first["new"] == 1 and second["new"] == 0
    assert ReminderItem.objects.count() == 1 and Notification.objects.count() == 1


def test_next_day_is_a_new_digest(django_capture_on_commit_callbacks, tata_councillor):
    make_commitment(tata_councillor, last_update_days=45)
    run(capture=django_capture_on_commit_callbacks)
    run(now=at(days=1), capture=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_email_off_keeps_the_in_app_list(
    django_capture_on_commit_callbacks, client, tata_councillor
):
    tata_councillor.email_reminders = False
    tata_councillor.save()
    make_commitment(tata_councillor, last_update_days=45)
    run(capture=django_capture_on_commit_callbacks)
    assert mail.outbox == []
    client.force_login(tata_councillor)
    html = client.get("/ar/my/notifications/").content.decode()
    assert "رقمنة الحالة المدنية" in html


def test_weekly_digest_waits_for_monday(django_capture_on_commit_callbacks, tata_councillor):
    tata_councillor.digest_frequency = "weekly"
    tata_councillor.save()
    make_commitment(tata_councillor, last_update_days=45)
    run(now=at(days=1), capture=django_capture_on_commit_callbacks)  # Tuesday
    assert mail.outbox == []
    run(now=at(days=7), capture=django_capture_on_commit_callbacks)  # next Monday
    assert len(mail.outbox) == 1


def test_an_smtp_failure_is_retried_and_sends_once_in_the_end(
    monkeypatch, django_capture_on_commit_callbacks, tata_councillor
):
    from django.core.mail import EmailMultiAlternatives

    real_send = EmailMultiAlternatives.send
    calls = {"n": 0}

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise smtplib.SMTPServerDisconnected("connection lost")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky)
    make_commitment(tata_councillor, last_update_days=45)
    run(capture=django_capture_on_commit_callbacks)  # the eager task fails, retries, succeeds
    notification = Notification.objects.get()
    assert notification.status == "sent" and notification.attempts == 2
    assert "SMTPServerDisconnected" in notification.last_error
    assert len(mail.outbox) == 1
    assert notification_send(notification_id=notification.pk) is False  # a late retry: nothing
    assert len(mail.outbox) == 1


@pytest.fixture
def broker_down():
    """Celery as in production (not in-process), pointed at a closed port."""
    use_broker("redis://127.0.0.1:1/0")
    yield
    use_broker(None)


def test_broker_down_the_update_is_saved_and_the_notice_sent_once_later(
    django_capture_on_commit_callbacks, tata_councillor, broker_down
):
    colleague = CouncillorFactory(body=tata_councillor.body, email="ali@tata.example")
    commitment = make_commitment(tata_councillor, last_update_days=5)
    commitment.owners.add(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        commitment_record_update(
            user=tata_councillor,
            commitment_id=commitment.pk,
            expected_version=1,
            level="limited",
            progress=20,
            note="انطلاق الأشغال",
        )
    assert commitment.updates.count() == 1
    notice = Notification.objects.get()
    assert notice.status == "pending" and notice.recipient == colleague and mail.outbox == []

    use_broker(None)  # the broker is back (in-process here)
    later = timezone.now() + datetime.timedelta(minutes=5)
    for minutes in (0, 10):  # the sweep runs again: nothing is sent twice
        with django_capture_on_commit_callbacks(execute=True):
            notifications_sweep(now=later + datetime.timedelta(minutes=minutes))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ali@tata.example"]
    notice.refresh_from_db()
    assert notice.status == "sent"


def test_reminded_twice_with_nothing_done_escalates_to_staff(
    django_capture_on_commit_callbacks, tata_councillor, observatory
):
    commitment = make_commitment(tata_councillor, last_update_days=45)
    for day in (0, 1):
        assert run(now=at(days=day), capture=django_capture_on_commit_callbacks)["escalations"] == 0
    third = run(now=at(days=2), capture=django_capture_on_commit_callbacks)
    assert third["escalations"] == 1
    escalation = ReminderItem.objects.get(kind="escalation")
    assert escalation.recipient == observatory
    assert escalation.payload["path"] == f"/commitments/{commitment.pk}/"
    assert any(m.to == ["staff@observatory.example"] for m in mail.outbox)
    # Escalated once per stall, not every day after.
    assert run(now=at(days=3), capture=django_capture_on_commit_callbacks)["escalations"] == 1
    assert ReminderItem.objects.filter(kind="escalation").count() == 1


def test_running_again_the_same_day_does_not_count_that_day_twice_towards_escalating(
    django_capture_on_commit_callbacks, tata_councillor, observatory
):
    make_commitment(tata_councillor, last_update_days=45)
    for day in (0, 1, 1):
        assert run(now=at(days=day), capture=django_capture_on_commit_callbacks)["escalations"] == 0


def test_a_former_staff_member_is_not_sent_escalations(
    django_capture_on_commit_callbacks, tata_councillor, observatory
):
    from tests.factories import StaffFactory

    gone = StaffFactory(email="gone@observatory.example", is_active=False)
    make_commitment(tata_councillor, last_update_days=45)
    for day in (0, 1, 2):
        run(now=at(days=day), capture=django_capture_on_commit_callbacks)
    escalated_to = set(
        ReminderItem.objects.filter(kind="escalation").values_list("recipient", flat=True)
    )
    assert escalated_to == {observatory.pk} and gone.pk not in escalated_to


def test_an_update_stops_the_escalation(
    django_capture_on_commit_callbacks, tata_councillor, observatory
):
    commitment = make_commitment(tata_councillor, last_update_days=45)
    for day in (0, 1):
        run(now=at(days=day), capture=django_capture_on_commit_callbacks)
    type(commitment).objects.filter(pk=commitment.pk).update(last_update_at=at(days=1, hours=5))
    # Fresh now: no reminder at all, so nothing to escalate.
    assert run(now=at(days=2), capture=django_capture_on_commit_callbacks)["escalations"] == 0


def test_the_schedule_names_the_daily_job_the_sweep_and_the_erasure():
    celery_app.loader.import_default_modules()
    schedule = celery_app.conf.beat_schedule
    tasks = {entry["task"] for entry in schedule.values()}
    assert {
        "notifications.tasks.run_daily_reminders",
        "notifications.tasks.sweep_pending_notifications",
        "consultations.tasks.erase_expired_personal_data",
    } <= tasks
    for name in tasks:
        assert name in celery_app.tasks, name


def test_the_scheduled_entry_runs_the_job(django_capture_on_commit_callbacks, tata_councillor):
    celery_app.loader.import_default_modules()
    make_commitment(tata_councillor, last_update_days=45)
    entry = celery_app.conf.beat_schedule["daily-reminders"]
    with django_capture_on_commit_callbacks(execute=True):
        celery_app.tasks[entry["task"]].apply(args=[NOW.isoformat()]).get()
    assert len(mail.outbox) == 1


def councillors_with_stale_commitments(n, start):
    from tests.notifications.conftest import council

    body = council("09.551.01.07")
    for i in range(n):
        owner = CouncillorFactory(body=body, email=f"c{start + i}@tata.example")
        make_commitment(owner, last_update_days=45)


def measure_run():
    ReminderItem.objects.all().delete()
    Notification.objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        summary = reminders_run(now=NOW)  # sending is enqueued on commit, not counted here
    return summary, len(captured)


def test_the_run_costs_queries_per_batch_not_per_person(reference_data):
    from notifications.services.daily_run import BATCH

    assert BATCH >= 60
    councillors_with_stale_commitments(10, start=0)
    ten, ten_queries = measure_run()
    councillors_with_stale_commitments(50, start=1000)
    sixty, sixty_queries = measure_run()
    assert sixty_queries == ten_queries  # one batch either way
    councillors_with_stale_commitments(140, start=2000)
    two_hundred, two_hundred_queries = measure_run()
    assert (ten["digests"], sixty["digests"], two_hundred["digests"]) == (10, 60, 200)
    extra_batches = -(-200 // BATCH) - 1
    assert two_hundred_queries <= ten_queries + 5 * extra_batches
