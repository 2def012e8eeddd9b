"""The Celery app: broker from REDIS_URL, settings under the CELERY_ namespace, tasks found in
every installed app. Without REDIS_URL tasks run in-process (settings: task_always_eager)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taata_portal.settings")

app = Celery("taata_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
