"""Bring every commitment's level in line with its progress band.

History stays append-only: each commitment whose level falls outside the band of its progress
gets a new timeline entry, by no one (the portal, by rule), saying the level was aligned; the
entries before it are left as they were. Written with the models as they stand at this
migration; the roll-ups are counted after migrating (recommendations.apps).
"""

from django.conf import settings
from django.db import migrations
from django.db.models import F
from django.utils import timezone

from recommendations.state.levels import aligned_level


def align(apps, schema_editor):
    Commitment = apps.get_model("recommendations", "Commitment")
    StatusUpdate = apps.get_model("recommendations", "StatusUpdate")
    now = timezone.now()
    rows = Commitment.objects.values_list("pk", "level", "progress", "version")
    for pk, level, progress, version in rows.iterator():
        fitting = aligned_level(level, progress)
        if fitting == level:
            continue
        StatusUpdate.objects.create(
            commitment_id=pk,
            kind="align",
            author=None,
            created_at=now,
            level_before=level,
            level_after=fitting,
            progress_before=progress,
            progress_after=progress,
            version=version + 1,
            note="",
            changes={"bands": {"substantial_from": settings.LEVEL_SUBSTANTIAL_FROM}},
        )
        Commitment.objects.filter(pk=pk).update(level=fitting, version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0001_initial")]
    operations = [migrations.RunPython(align, migrations.RunPython.noop)]
