"""A real Celery worker process, on the real Redis, delivers a digest (to a mail folder)."""

import pytest

from notifications.models import Notification
from notifications.services.daily_run import reminders_run
from tests.notifications.conftest import NOW, make_commitment
from tests.servers import start_worker, stop, use_broker, wait_until

# A Redis database of its own, so the test never meets a developer's `make stack` worker.
REDIS_DB = 14


@pytest.fixture
def redis_broker(require_redis):
    import redis

    url = require_redis.rsplit("/", 1)[0] + f"/{REDIS_DB}"
    redis.Redis.from_url(url).flushdb()
    use_broker(url)
    yield url
    use_broker(None)


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_the_digest(redis_broker, tmp_path, tata_councillor):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    make_commitment(tata_councillor, last_update_days=45)
    reminders_run(now=NOW)  # commits, then enqueues on Redis
    notification = Notification.objects.get()
    assert notification.status == "pending"

    log = tmp_path / "worker.log"
    worker = start_worker(redis_broker, log, EMAIL_URL="filemail://", EMAIL_FILE_PATH=str(mail_dir))
    try:
        sent = wait_until(lambda: Notification.objects.get().status == "sent")
    finally:
        stop(worker)
    assert sent, log.read_text()[-3000:]
    messages = [p.read_text() for p in mail_dir.iterdir()]
    assert len(messages) == 1
    assert "fatima@tata.example" in messages[0]
