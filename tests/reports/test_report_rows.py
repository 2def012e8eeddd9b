"""Every column of a report's row, as of a day and in the report's language: what the commitment
was on that day, who owned it, where, and when it last moved."""

import datetime

import pytest

from recommendations.models import Commitment, Recommendation
from recommendations.services.milestones import milestone_create
from reports.filters import ReportFilters
from reports.services.build import report_build
from territory.models import Body
from tests.factories import CouncillorFactory, StaffFactory
from tests.reports.conftest import at, council, update

pytestmark = pytest.mark.django_db
DAY = datetime.date(2025, 6, 30)


@pytest.fixture
def two_owners(reference_data):
    """A commune council's commitment with two updates (one with evidence), and a provincial
    council's, hidden from the public, that never moved; a third owned by a body named in
    Arabic only."""
    tata = council("09.551.01.07")
    councillor = CouncillorFactory(body=tata)
    moved = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=6),
        body=tata,
        title_ar="تدبير الموارد المائية بطاطا",
        title_fr="Gestion de l'eau à Tata",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2026, 6, 30),
        created_at=at(datetime.date(2025, 1, 2)),
    )
    for day, progress, link in ((datetime.date(2025, 3, 1), 20, ""), (DAY, 35, "https://t.ma/pv")):
        # Just after midnight in Morocco: the day before in UTC.
        update(moved, councillor, at(day, hour=0), progress, link)
    still = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=2),
        body=Body.objects.get(slug="provincial-council"),
        title_ar="برنامج عمل الإقليم",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2025, 5, 31),
        is_public=False,
        created_at=at(datetime.date(2025, 2, 10)),
    )
    arabic_only = Body.objects.create(
        slug="water-office", kind="public_service", name_ar="المكتب الجهوي للماء"
    )
    Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=6),
        body=arabic_only,
        title_ar="ربط الدواوير بالماء",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
        created_at=at(datetime.date(2025, 4, 1)),
    )
    return moved, still


def rows_by_title(language: str) -> dict:
    report = report_build(filters=ReportFilters(as_of=DAY), language=language)
    return {row.title: row for row in report.rows}


def test_a_commune_councils_row_says_everything_of_that_day_in_french(two_owners):
    moved, _still = two_owners
    row = rows_by_title("fr")["Gestion de l'eau à Tata"]
    assert (row.recommendation, row.commitment_id) == (6, moved.pk)
    assert (row.commune_code, row.commune) == ("09.551.01.07", "Tata")
    assert row.body == "Conseil de la commune de Tata"
    assert (row.level, row.level_label, row.progress) == ("limited", "Limité", 35)
    assert row.target_date == datetime.date(2026, 6, 30)
    assert row.last_update == DAY  # the day in Morocco, not the UTC day it still was
    assert row.last_activity == DAY
    assert (row.updates, row.evidence) == (2, 1)
    assert row.public is True
    assert (row.stale, row.overdue, row.milestone_late) == (False, False, False)


def test_a_provincial_row_has_no_commune_and_dates_its_silence_from_its_creation(two_owners):
    _moved, still = two_owners
    row = rows_by_title("ar")["برنامج عمل الإقليم"]
    assert (row.commune_code, row.commune) == ("", "")
    assert row.body == "المجلس الإقليمي لطاطا"
    assert (row.level, row.level_label, row.progress) == ("not_started", "لم يبدأ", 0)
    assert row.last_update is None
    assert row.last_activity == datetime.date(2025, 2, 10)
    assert (row.updates, row.evidence) == (0, 0)
    assert row.public is False  # a staff report shows it, and says it is not public
    assert row.overdue is True and row.stale is True
    english = rows_by_title("en")["برنامج عمل الإقليم"]  # no English title: the Arabic one
    assert (english.body, english.level_label) == ("Tata provincial council", "Not started")


def test_a_body_named_only_in_arabic_is_named_in_arabic_in_every_language(two_owners):
    for language in ("fr", "en", "zgh"):
        assert rows_by_title(language)["ربط الدواوير بالماء"].body == "المكتب الجهوي للماء"


def test_rows_go_by_recommendation_then_commune_with_the_provinces_own_last(two_owners):
    report = report_build(filters=ReportFilters(as_of=DAY), language="ar")
    assert [row.title for row in report.rows] == [
        "برنامج عمل الإقليم",  # recommendation 2
        "تدبير الموارد المائية بطاطا",  # recommendation 6, in the commune of Tata
        "ربط الدواوير بالماء",  # recommendation 6, a provincial body
    ]


def test_summaries_count_the_overdue_and_the_hidden_of_each_recommendation(two_owners):
    report = report_build(filters=ReportFilters(as_of=DAY), language="fr")
    summaries = {s.label: s for s in report.by_recommendation}
    assert [s.label for s in report.by_recommendation] == ["2", "6"]
    two, six = summaries["2"], summaries["6"]
    assert (two.commitments, two.overdue, two.not_public) == (1, 1, 1)
    assert (six.commitments, six.overdue, six.not_public) == (2, 0, 0)
    assert (report.totals.overdue, report.totals.not_public) == (1, 1)
    (tata,) = report.by_commune  # the province's own bodies have no commune summary
    assert (tata.label, tata.commitments, tata.overdue) == ("Tata", 1, 0)


def test_a_row_says_a_milestone_was_late_on_that_day(two_owners):
    moved, _still = two_owners
    milestone_create(
        user=StaffFactory(),
        commitment_id=moved.pk,
        title_ar="دراسة تقنية",
        due_date=DAY - datetime.timedelta(days=10),
        recorded_at=at(datetime.date(2025, 2, 1)),
    )
    assert rows_by_title("ar")["تدبير الموارد المائية بطاطا"].milestone_late is True
    before = report_build(filters=ReportFilters(as_of=datetime.date(2025, 6, 1)), language="ar")
    assert not {row.title: row for row in before.rows}["تدبير الموارد المائية بطاطا"].milestone_late
