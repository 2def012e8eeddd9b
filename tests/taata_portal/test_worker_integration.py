"""A real Celery worker process, on the real Redis, delivers a digest (to a mail folder)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from taata_portal.celery import app as celery_app
from taata_portal.models import Notification
from taata_portal.services.reminders import reminders_run
from tests.taata_portal.conftest import NOW, make_commitment

# A Redis database of its own, so the test never meets a developer's `make stack` worker.
REDIS_DB = 14


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def redis_broker(require_redis):
    url = require_redis.rsplit("/", 1)[0] + f"/{REDIS_DB}"
    import redis

    redis.Redis.from_url(url).flushdb()
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    conf.task_always_eager, conf.broker_url = False, url
    celery_app._after_fork()
    yield url
    conf.task_always_eager, conf.broker_url = saved
    celery_app._after_fork()


def start_worker(broker_url: str, mail_dir: Path, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker_url,
        "EMAIL_URL": "filemail://",
        "EMAIL_FILE_PATH": str(mail_dir),
        "DJANGO_SETTINGS_MODULE": "taata_portal.settings",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "taata_portal",
            "worker",
            "--pool",
            "solo",
            "--concurrency",
            "1",
            "--without-mingle",
            "--without-gossip",
            "--loglevel",
            "INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_the_digest(redis_broker, tmp_path, tata_councillor):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    make_commitment(tata_councillor, last_update_days=45)
    reminders_run(now=NOW)  # commits, then enqueues on Redis
    notification = Notification.objects.get()
    assert notification.status == "pending"

    worker = start_worker(redis_broker, mail_dir, tmp_path / "worker.log")
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            notification.refresh_from_db()
            if notification.status == "sent":
                break
            time.sleep(0.5)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    log = (tmp_path / "worker.log").read_text()
    assert notification.status == "sent", log[-3000:]
    messages = [p.read_text() for p in mail_dir.iterdir()]
    assert len(messages) == 1
    assert "fatima@tata.example" in messages[0]
