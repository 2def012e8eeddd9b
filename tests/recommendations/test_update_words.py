"""What a councillor is told when a status update is refused because its level and progress do
not tell the same story, word for word in their language; and who else hears of an accepted
update, in their own language, once."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from notifications.models import Notification
from recommendations.models import Commitment
from recommendations.services.updates import commitment_record_update
from recommendations.state.levels import Level
from tests.factories import CouncillorFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

TYPED = (
    "At %(progress)s%% the level that fits is “%(fitting)s”, not “%(level)s”. Change the level "
    "or the progress."
)
FROM_MILESTONES = (
    "The milestones done put this commitment at %(progress)s%%: the level that fits is "
    "“%(fitting)s”, not “%(level)s”. Tick milestones to move it."
)


def refused(councillor, commitment, **update) -> dict:
    with pytest.raises(ValidationError) as refusal:
        commitment_record_update(
            user=councillor,
            commitment_id=commitment.pk,
            expected_version=commitment.version,
            note="تقدم الأشغال",
            **update,
        )
    return refusal.value.message_dict


def words(message: str, *, progress: int, fitting: str, level: str) -> list[str]:
    return [
        gettext(message)
        % {"progress": progress, "fitting": Level(fitting).label, "level": Level(level).label}
    ]


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_typed_figure_that_does_not_fit_its_level_says_which_level_does(
    councillor, commitment, language
):
    with translation.override(language):
        assert refused(councillor, commitment, level=Level.LIMITED, progress=80) == {
            "level": words(TYPED, progress=80, fitting=Level.SUBSTANTIAL, level=Level.LIMITED)
        }


def test_a_level_without_a_figure_that_does_not_fit_names_the_progress(councillor, commitment):
    Commitment.objects.filter(pk=commitment.pk).update(level=Level.LIMITED, progress=30)
    commitment.refresh_from_db()
    # No figure typed: the level is judged against the progress it has, 30%.
    assert refused(councillor, commitment, level=Level.SUBSTANTIAL, progress=None) == {
        "progress": words(TYPED, progress=30, fitting=Level.LIMITED, level=Level.SUBSTANTIAL)
    }


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_where_milestones_set_the_progress_the_refusal_says_to_tick_them(
    councillor, commitment, language
):
    MilestoneFactory(commitment=commitment, done_on=datetime.date(2026, 1, 5))
    MilestoneFactory(commitment=commitment)
    MilestoneFactory(commitment=commitment)
    MilestoneFactory(commitment=commitment)
    with translation.override(language):
        assert refused(councillor, commitment, level=Level.SUBSTANTIAL, progress=None) == {
            "level": words(
                FROM_MILESTONES, progress=25, fitting=Level.LIMITED, level=Level.SUBSTANTIAL
            )
        }


@pytest.mark.parametrize(
    ("update", "field", "message"),
    [
        (
            {"level": Level.LIMITED, "progress": 101},
            "progress",
            "Progress is a whole number from 0 to 100.",
        ),
        (
            {"level": Level.LIMITED, "progress": -1},
            "progress",
            "Progress is a whole number from 0 to 100.",
        ),
        (
            {"level": Level.LIMITED, "progress": 2.5},
            "progress",
            "Progress is a whole number from 0 to 100.",
        ),
        (
            {"level": Level.LIMITED, "progress": "20"},
            "progress",
            "Progress is a whole number from 0 to 100.",
        ),
        ({"level": "finished", "progress": 20}, "level", "Choose one of the listed levels."),
        ({"level": "", "progress": 20}, "level", "Choose one of the listed levels."),
    ],
)
def test_a_figure_or_level_out_of_bounds_is_refused_in_the_readers_words(
    councillor, commitment, update, field, message
):
    assert refused(councillor, commitment, **update) == {field: [gettext(message)]}
    assert Commitment.objects.get(pk=commitment.pk).version == commitment.version


@pytest.mark.parametrize(("level", "progress"), [(Level.NOT_STARTED, 0), (Level.LIMITED, 1)])
def test_the_ends_of_the_scale_are_accepted(councillor, commitment, level, progress):
    """0% is a figure like any other: a note that work has not started yet is an update."""
    entry = commitment_record_update(
        user=councillor,
        commitment_id=commitment.pk,
        expected_version=commitment.version,
        level=level,
        progress=progress,
        note="لم تنطلق الأشغال بعد",
    )
    assert (entry.level_after, entry.progress_after) == (level, progress)


# --- The other owners hear of it -----------------------------------------------------------------


@pytest.fixture
def owners(commitment, councillor):
    """The author and three other owners: one reading French, one Tamazight, one who left."""
    french = CouncillorFactory(body=commitment.body, email="fr@tata.ma", language="fr")
    tamazight = CouncillorFactory(body=commitment.body, email="zgh@tata.ma", language="zgh")
    gone = CouncillorFactory(body=commitment.body, email="gone@tata.ma", is_active=False)
    councillor.email = "author@tata.ma"
    councillor.save()
    commitment.owners.set([councillor, french, tamazight, gone])
    return {"author": councillor, "fr": french, "zgh": tamazight, "gone": gone}


def post(author, commitment, note="تقدم الأشغال"):
    return commitment_record_update(
        user=author,
        commitment_id=commitment.pk,
        expected_version=Commitment.objects.get(pk=commitment.pk).version,
        level=Level.LIMITED,
        progress=20,
        note=note,
    )


def test_the_other_active_owners_are_told_in_their_own_language(
    commitment, owners, django_capture_on_commit_callbacks
):
    Commitment.objects.filter(pk=commitment.pk).update(title_fr="Ouvrir un espace jeunes")
    with django_capture_on_commit_callbacks(execute=True):
        entry = post(owners["author"], commitment)
    told = Notification.objects.filter(kind="update_posted")
    assert {n.recipient for n in told} == {owners["fr"], owners["zgh"]}
    for notice in told:
        assert notice.dedup_key == f"update|{entry.pk}|{notice.recipient.pk}"
        assert notice.payload["path"] == f"/commitments/{commitment.pk}/"
        assert notice.payload["title"] == {
            "ar": commitment.title_ar,
            "fr": "Ouvrir un espace jeunes",
            "en": commitment.title_ar,  # no English title: the Arabic one, never nothing
            "zgh": commitment.title_ar,
        }
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert set(by_address) == {"fr@tata.ma", "zgh@tata.ma"}
    assert "Ouvrir un espace jeunes" in by_address["fr@tata.ma"]
    assert commitment.title_ar in by_address["zgh@tata.ma"]
    assert f"/commitments/{commitment.pk}/" in by_address["fr@tata.ma"]


def test_each_update_is_told_once_to_each_owner(
    commitment, owners, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(owners["author"], commitment)
    with django_capture_on_commit_callbacks(execute=True):
        post(owners["fr"], commitment, note="مرحلة ثانية")
    told = Notification.objects.filter(kind="update_posted")
    assert sorted(n.recipient.email for n in told) == sorted(
        ["fr@tata.ma", "zgh@tata.ma", "zgh@tata.ma", "author@tata.ma"]
    )
    assert len(mail.outbox) == 4
