"""Levels brought in line with their progress band: by the data migration, and by the
align_levels command after a change of the band setting. History stays append-only."""

import importlib
import io

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from recommendations.models import Commitment, StatusUpdate
from recommendations.selectors.progress import province_tally
from recommendations.services.alignment import commitments_align_levels
from recommendations.state.levels import Level
from tests.factories import CommitmentFactory, StaffFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("recommendations.migrations.0002_align_levels_with_progress")


def contradicting(level, progress):
    """A row as an older version of the portal could leave it (before the bands)."""
    commitment = CommitmentFactory()
    Commitment.objects.filter(pk=commitment.pk).update(level=level, progress=progress)
    return commitment


def test_the_migration_aligns_each_level_with_one_new_entry_and_keeps_the_rest():
    limited_at_70 = contradicting(Level.LIMITED, 70)
    substantial_at_20 = contradicting(Level.SUBSTANTIAL, 20)
    withdrawn_at_30 = contradicting(Level.WITHDRAWN, 30)
    fine = contradicting(Level.LIMITED, 30)
    migration.align(apps, None)
    expected = {
        limited_at_70.pk: (Level.SUBSTANTIAL, 70, 2),
        substantial_at_20.pk: (Level.LIMITED, 20, 2),
        withdrawn_at_30.pk: (Level.WITHDRAWN, 30, 1),  # withdrawn fits any progress
        fine.pk: (Level.LIMITED, 30, 1),
    }
    for pk, (level, progress, version) in expected.items():
        commitment = Commitment.objects.get(pk=pk)
        assert (commitment.level, commitment.progress, commitment.version) == (
            level,
            progress,
            version,
        )
    entries = StatusUpdate.objects.order_by("commitment_id")
    assert [(e.commitment_id, e.kind, e.level_before, e.level_after) for e in entries] == [
        (limited_at_70.pk, "align", Level.LIMITED, Level.SUBSTANTIAL),
        (substantial_at_20.pk, "align", Level.SUBSTANTIAL, Level.LIMITED),
    ]
    assert all(e.author_id is None for e in entries)  # by the portal, by rule


def test_after_changing_the_band_setting_the_command_aligns_and_counts_again(settings):
    a = contradicting(Level.SUBSTANTIAL, 55)
    contradicting(Level.LIMITED, 40)
    settings.LEVEL_SUBSTANTIAL_FROM = 60
    out = io.StringIO()
    call_command("align_levels", stdout=out)
    assert out.getvalue().startswith("1 commitments aligned")
    a.refresh_from_db()
    assert a.level == Level.LIMITED and a.updates.get().kind == StatusUpdate.Kind.ALIGN
    tally = province_tally()
    assert tally.levels[Level.LIMITED] == 2 and tally.levels[Level.SUBSTANTIAL] == 0
    call_command("align_levels", stdout=io.StringIO())  # run again: nothing more to do
    assert StatusUpdate.objects.count() == 1


def test_lowering_the_band_raises_levels_by_rule_without_new_evidence(settings):
    """A rule raising a level is not a person claiming more: it needs no evidence."""
    at_45 = contradicting(Level.LIMITED, 45)
    settings.LEVEL_SUBSTANTIAL_FROM = 40
    call_command("align_levels", stdout=io.StringIO())
    at_45.refresh_from_db()
    assert at_45.level == Level.SUBSTANTIAL
    entry = at_45.updates.get()
    assert entry.kind == StatusUpdate.Kind.ALIGN and entry.author_id is None


def test_only_the_portal_itself_aligns_levels():
    with pytest.raises(PermissionDenied):
        commitments_align_levels(actor=StaffFactory())


def test_the_database_refuses_the_ends_of_the_bands_crossed():
    from django.db import IntegrityError, transaction

    commitment = CommitmentFactory()
    for level, progress in ((Level.COMPLETE, 80), (Level.NOT_STARTED, 10), (Level.LIMITED, 0)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Commitment.objects.filter(pk=commitment.pk).update(level=level, progress=progress)
