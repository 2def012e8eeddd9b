"""Celery: the broker, delivery guarantees and the schedule."""

from celery.schedules import crontab

from .base import env
from .data import REDIS_URL

# --- Tasks (Celery) ---------------------------------------------------------------------------

# Without a broker every task runs in-process, at once: `make run` needs nothing more.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Africa/Casablanca"
# A message is acknowledged only once its task has run: a worker killed mid-task leaves it on
# the queue for another. Tasks are therefore written to be safe to run twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A user's action must not hang on a dead broker: publishing fails fast, and what could not be
# enqueued stays pending in the database for the sweep.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # Past this, an unacknowledged message goes back to the queue (late acknowledgement).
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # How often a worker looks for messages left unacknowledged by a dead one (seconds, and
    # every how many looks it really scans).
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
}
CELERY_BEAT_SCHEDULE = {
    "daily-reminders": {
        "task": "notifications.tasks.run_daily_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "sweep-pending-notifications": {
        "task": "notifications.tasks.sweep_pending_notifications",
        "schedule": crontab(minute="*/10"),
    },
    "erase-expired-personal-data": {
        "task": "consultations.tasks.erase_expired_personal_data",
        "schedule": crontab(hour=3, minute=30),
    },
}
