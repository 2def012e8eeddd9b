"""Fault tests: Redis, SMTP, a worker or the database fail, and nothing is lost or sent twice.

Each test starts its own servers on free ports (tests/servers.py)."""

import datetime
import signal
import threading

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from consultations.models import Feedback, FeedbackEvent
from notifications.models import Notification
from notifications.services.daily_run import reminders_run
from notifications.services.delivery import notifications_sweep
from recommendations.services.updates import commitment_record_update
from tests.factories import CouncillorFactory
from tests.notifications.conftest import NOW, make_commitment
from tests.servers import RedisServer, SmtpSink, start_worker, stop, use_broker, wait_until

pytestmark = pytest.mark.faults


def sweep_later():
    notifications_sweep(now=timezone.now() + datetime.timedelta(hours=3))


@pytest.mark.django_db(transaction=True)
def test_redis_killed_while_updates_are_posted(tmp_path, tata_councillor):
    redis = RedisServer().start()
    sink = SmtpSink().start()
    colleague = CouncillorFactory(body=tata_councillor.body, email="ali@tata.example")
    commitment = make_commitment(tata_councillor, last_update_days=5)
    commitment.owners.add(colleague)
    use_broker(redis.url)
    worker = None
    try:
        for i in range(6):
            if i == 3:
                redis.kill()  # mid-way: the broker dies, its queue with it
            commitment.refresh_from_db()
            commitment_record_update(
                user=tata_councillor,
                commitment_id=commitment.pk,
                expected_version=commitment.version,
                level="limited",
                progress=10 + i,
                note=f"تحيين رقم {i}",
            )
        assert commitment.updates.count() == 6  # every update saved
        assert Notification.objects.filter(status="pending").count() == 6

        redis = RedisServer(port=redis.port).start()  # the broker is back, empty
        worker = start_worker(
            redis.url, tmp_path / "worker.log", EMAIL_URL=f"smtp://127.0.0.1:{sink.port}"
        )
        sweep_later()
        assert wait_until(lambda: not Notification.objects.filter(status="pending").exists())
        sweep_later()  # a second sweep finds nothing to send
        assert not wait_until(lambda: len(sink.messages) > 6, timeout=3)
    finally:
        if worker:
            stop(worker)
        use_broker(None)
        redis.kill()
        sink.stop()
    assert len(sink.messages) == 6
    assert all(b"ali@tata.example" in m for m in sink.messages)


@pytest.mark.django_db
def test_smtp_sink_down_then_up_every_digest_delivered_once(
    settings, django_capture_on_commit_callbacks, tata_councillor, akka_councillor
):
    sink = SmtpSink()  # its port is known, nothing listens yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", sink.port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    for owner in (tata_councillor, akka_councillor):
        make_commitment(owner, last_update_days=45)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_run(now=NOW)
    digests = Notification.objects.filter(kind="digest")
    assert digests.count() == 2
    assert all(n.status == "pending" and n.attempts >= 1 and n.last_error for n in digests)

    sink.start()
    try:
        for _ in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                sweep_later()
    finally:
        sink.stop()
    assert sorted(n.status for n in digests.all()) == ["sent", "sent"]
    assert len(sink.messages) == 2


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_during_a_send_the_message_is_delivered_once(tmp_path, tata_councillor):
    redis = RedisServer().start()
    sink = SmtpSink(delay=20).start()
    started = threading.Event()
    original = sink.controller.handler.__class__

    class SlowRecipient(original):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            started.set()
            if sink.delay:
                import asyncio

                await asyncio.sleep(sink.delay)
            envelope.rcpt_tos.append(address)
            return "250 OK"

    sink.controller.handler = SlowRecipient()
    env = {
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
        # A dead worker's message comes back after 2 s, and the new worker looks every second.
        "CELERY_VISIBILITY_TIMEOUT": "2",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
    }
    use_broker(redis.url)
    log = tmp_path / "worker.log"
    first = second = None
    try:
        make_commitment(tata_councillor, last_update_days=45)
        reminders_run(now=NOW)
        first = start_worker(redis.url, log, **env)
        assert started.wait(timeout=60), log.read_text()[-2000:]
        stop(first, signal.SIGKILL)  # mid-send: nothing accepted yet, nothing acknowledged
        sink.delay = 0
        assert Notification.objects.get().status == "pending"
        second = start_worker(redis.url, log, **env)
        assert wait_until(lambda: Notification.objects.get().status == "sent", timeout=90), (
            log.read_text()[-3000:]
        )
    finally:
        for worker in (first, second):
            if worker:
                stop(worker, signal.SIGKILL)
        use_broker(None)
        redis.kill()
        sink.stop()
    assert len(sink.messages) == 1


@pytest.mark.django_db
def test_database_unreachable_during_feedback_the_visitor_gets_a_503_in_arabic(
    client, reference_data, request
):
    from territory.models import Commune

    commune_id = Commune.objects.get(code="09.551.01.07").pk
    request.getfixturevalue("database_unreachable")
    response = client.post(
        "/ar/feedback/new/",
        {"commune": commune_id, "kind": "complaint", "text": "الماء مقطوع منذ يومين في الحي"},
    )
    assert response.status_code == 503
    html = response.content.decode()
    assert 'lang="ar"' in html and "غير متاحة مؤقتا" in html
    assert response["Retry-After"] == "60"


@pytest.mark.django_db
def test_database_lost_mid_submission_leaves_no_half_written_row(
    client, reference_data, monkeypatch
):
    from territory.models import Commune

    def connection_lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    # The feedback row is written, then the connection drops before its event is.
    monkeypatch.setattr(FeedbackEvent.objects, "create", connection_lost)
    response = client.post(
        "/fr/feedback/new/",
        {
            "commune": Commune.objects.get(code="09.551.01.07").pk,
            "kind": "suggestion",
            "text": "Une salle pour les jeunes à la commune",
        },
    )
    assert response.status_code == 503
    assert "temporairement indisponible" in response.content.decode()
    assert not Feedback.objects.exists()


def test_erasure_task_is_scheduled(settings):
    call_command("check")  # the beat schedule's tasks import cleanly
    assert "erase-expired-personal-data" in settings.CELERY_BEAT_SCHEDULE
