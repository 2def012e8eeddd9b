"""One truth for every figure: random histories, then every page, report, file and digest
compared, for today and for earlier days.

Histories are drawn by hypothesis (derandomised, bounded): status updates, milestone plans and
ticks, withdrawals, visibility changes, moves between recommendations, slipped deadlines, over
months. At checkpoints the staff report and the public pages are read as they stand that day;
at the end, reports rebuilt "as of" those days must give the same figures, and today's pages,
report in four formats, open data and digests must agree with each other.
"""

import csv
import datetime
import io
import re
from collections import defaultdict

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from notifications.models import ReminderItem
from notifications.services.daily_run import reminders_run
from recommendations.models import Commitment, Recommendation, StatusUpdate
from recommendations.reminder_rules import STALE
from recommendations.services.commitments import commitment_create, commitment_edit
from recommendations.services.milestones import milestone_create, milestone_mark_done
from recommendations.services.updates import commitment_record_update
from recommendations.state.levels import Level, fits, level_for_progress
from recommendations.state.tally import tally_of
from reports.exporters import WRITERS
from reports.filters import ReportFilters
from reports.services.build import report_build
from territory.models import Body
from tests.consistency import figures
from tests.factories import CouncillorFactory, StaffFactory

pytestmark = pytest.mark.django_db
START = datetime.datetime(2025, 1, 6, 10, tzinfo=datetime.UTC)
LINK = "https://example.org/evidence"
BODIES = ["council-09-551-01-07", "council-09-551-01-01", "council-09-551-03-05"]
BODIES += ["provincial-council"]

ACTIONS = st.one_of(
    st.tuples(st.just("update"), st.integers(0, 5), st.integers(0, 100)),
    st.tuples(st.just("tick"), st.integers(0, 5)),
    st.tuples(st.just("plan"), st.integers(0, 5), st.integers(-60, 200)),
    st.tuples(st.just("withdraw"), st.integers(0, 5)),
    st.tuples(st.just("visibility"), st.integers(0, 5)),
    st.tuples(st.just("move"), st.integers(0, 5), st.integers(1, 9)),
    st.tuples(st.just("slip"), st.integers(0, 5), st.integers(-200, 200)),
    st.tuples(st.just("checkpoint")),
)
HISTORY = st.lists(st.tuples(ACTIONS, st.integers(0, 20)), min_size=8, max_size=28)
SETUP = st.lists(
    st.tuples(st.integers(0, len(BODIES) - 1), st.integers(1, 9), st.booleans()),
    min_size=2,
    max_size=6,
)
TRUTH = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    # A failing history is printed as found: shrinking it replays whole histories for minutes.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class World:
    def __init__(self, setup):
        self.staff = StaffFactory(email="staff@observatory.example")
        self.bodies = [Body.objects.get(slug=slug) for slug in BODIES]
        for body in self.bodies:
            CouncillorFactory(body=body, email=f"{body.slug}@example.org")
        self.commitments = [
            commitment_create(
                user=self.staff,
                recommendation=Recommendation.objects.get(number=number),
                body=self.bodies[body],
                title_ar=f"التزام {i}",
                title_fr=f"Engagement {i}",
                title_en=f"Commitment {i}",
                start_date=datetime.date(2024, 6, 1),
                target_date=datetime.date(2025, 9, 1),
                is_public=public,
            )
            for i, (body, number, public) in enumerate(setup)
        ]
        self.hidden_at: dict[int, datetime.date] = {}

    def commitment(self, index: int) -> Commitment:
        return Commitment.objects.get(pk=self.commitments[index % len(self.commitments)].pk)

    def councillor(self, commitment):
        from accounts.models import User

        return User.objects.filter(body=commitment.body_id).first()

    def act(self, action) -> None:
        kind, *args = action
        if kind == "checkpoint":
            return
        c = self.commitment(args[0])
        if kind == "update" and c.level != Level.WITHDRAWN:
            progress = args[1] if not c.milestones.exists() else c.progress
            commitment_record_update(
                user=self.councillor(c),
                commitment_id=c.pk,
                expected_version=c.version,
                level=level_for_progress(progress),
                progress=progress,
                note="تحيين",
                evidence_link=LINK,
            )
        elif kind == "tick" and c.level != Level.WITHDRAWN:
            milestone = c.milestones.filter(done_on__isnull=True).first()
            if milestone and milestone.due_date:
                milestone_mark_done(
                    user=self.councillor(c), milestone_id=milestone.pk, evidence_link=LINK
                )
        elif kind == "plan" and not c.is_closed:
            milestone_create(
                user=self.staff,
                commitment_id=c.pk,
                title_ar="مرحلة",
                due_date=timezone.localdate() + datetime.timedelta(days=args[1]),
            )
        elif kind == "withdraw" and c.level != Level.WITHDRAWN:
            commitment_record_update(
                user=self.councillor(c),
                commitment_id=c.pk,
                expected_version=c.version,
                level=Level.WITHDRAWN,
                progress=None,
                note="سحب",
            )
        elif kind == "visibility":
            if c.is_public:
                self.hidden_at[c.pk] = timezone.localdate()
            commitment_edit(user=self.staff, commitment_id=c.pk, is_public=not c.is_public)
        elif kind == "move":
            recommendation = Recommendation.objects.get(number=args[1])
            commitment_edit(user=self.staff, commitment_id=c.pk, recommendation=recommendation)
        elif kind == "slip":
            target = max(c.start_date, c.target_date + datetime.timedelta(days=args[1]))
            commitment_edit(user=self.staff, commitment_id=c.pk, target_date=target)


def staff_report(day, language="en"):
    return report_build(filters=ReportFilters(as_of=day), language=language)


def public_report(day, language="en"):
    return report_build(filters=ReportFilters(as_of=day, public_only=True), language=language)


def summary_figures(report) -> dict:
    """Every figure of a report, as plain data to compare two reports by."""

    def plain(s):
        return (s.key, s.commitments, s.active, s.withdrawn, s.progress, s.stale, s.overdue)

    return {
        "rows": [
            (r.commitment_id, r.recommendation, r.commune_code, r.level, r.progress)
            + (r.stale, r.overdue, r.public)
            for r in report.rows
        ],
        "totals": plain(report.totals),
        "by_recommendation": [plain(s) for s in report.by_recommendation],
        "by_commune": [plain(s) for s in report.by_commune],
    }


def shown_by_report(report) -> dict:
    """What the public pages should show, derived from a public report's rows."""
    cells = defaultdict(list)
    for row in report.rows:
        cells[(row.commune_code, row.recommendation)].append((row.level, row.progress))
    tallies = {key: tally_of(states) for key, states in cells.items()}
    province = report.totals
    return {
        "province": figures.Shown(province.active, province.withdrawn, province.progress),
        "cards": {
            int(s.key): figures.Shown(s.active, s.withdrawn, s.progress)
            for s in report.by_recommendation
        },
        "matrix": {
            key: (t.level, t.progress)
            for key, t in tallies.items()
            if key[0]  # communes only
        },
    }


def shown_on_pages(client) -> dict:
    home = client.get("/en/").content.decode()
    numbers = list(range(1, 10))
    cards = {n: s for n, s in figures.home_cards(home).items() if s.active or s.withdrawn}
    return {
        "province": figures.home_province(home),
        "cards": cards,
        "matrix": figures.matrix_cells(home, numbers),
    }


def assert_pages_agree_with(report, client) -> None:
    expected, seen = shown_by_report(report), shown_on_pages(client)
    assert seen["province"] == expected["province"]
    assert seen["cards"] == expected["cards"]
    assert seen["matrix"] == expected["matrix"]
    matrix_page = client.get("/en/matrix/").content.decode()
    assert figures.matrix_cells(matrix_page, list(range(1, 10))) == expected["matrix"]
    for s in report.by_recommendation:
        page = client.get(f"/en/recommendations/{s.key}/").content.decode()
        summary = page[page.index('class="summary"') :]
        assert figures.shown(summary) == figures.Shown(s.active, s.withdrawn, s.progress)
        # The count on the card is the length of the list under it.
        assert len(figures.listed(page)) == s.commitments
    for s in report.by_commune:
        page = client.get(f"/en/communes/{s.key}/").content.decode()
        page = re.sub(r'<div class="late-box">.*?</div>', "", page, flags=re.S)
        assert figures.shown(page[page.index("<dl") :]) == figures.Shown(
            s.active, s.withdrawn, s.progress
        )
        assert len(figures.listed(page)) == s.commitments
    for level, percent in figures.listed(client.get("/en/recommendations/1/").content.decode()):
        assert fits(level, percent)


def assert_files_agree_with(report, staff, client) -> None:
    rows = {r.commitment_id: (r.level, r.progress) for r in report.rows}
    data = client.get("/open-data/progress.json", {"language": "en"}).json()
    assert {c["commitment_id"]: (c["level"], c["progress"]) for c in data["commitments"]} == rows
    assert (data["totals"]["active"], data["totals"]["progress"]) == (
        report.totals.active,
        report.totals.progress,
    )
    for s in data["by_recommendation"]:
        exact = s["progress_exact"]
        assert exact is None or int(exact + 0.5) == s["progress"]  # one decimal, same integer
    body = client.get("/open-data/progress.csv", {"language": "en"}).content
    table = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert {int(r["Commitment no."]): (r["Level code"], int(r["Progress (%)"])) for r in table} == (
        rows
    )
    sheet = load_workbook(io.BytesIO(WRITERS["xlsx"](report)), read_only=True)["By recommendation"]
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(str(v[0]), v[1], v[2], v[3], v[4]) for v in values] == [
        (s.label, s.commitments, s.active, s.withdrawn, s.progress)
        for s in report.by_recommendation
    ]


def assert_digests_agree_with(report) -> None:
    reminders_run()
    reminded = set(ReminderItem.objects.filter(kind=STALE).values_list("item_ref", flat=True))
    assert reminded == {f"commitment:{r.commitment_id}" for r in report.rows if r.stale}


@TRUTH
@given(setup=SETUP, history=HISTORY)
def test_every_figure_agrees_everywhere_today_and_as_of_earlier_days(
    client, reference_data, setup, history
):
    cache.clear()
    with transaction.atomic():
        moment = START
        with time_machine.travel(moment, tick=False):
            world = World(setup)
        checkpoints = []
        for action, wait in history:
            moment += datetime.timedelta(days=wait, hours=wait % 5)
            with time_machine.travel(moment, tick=False):
                world.act(action)
                if action[0] == "checkpoint":
                    day = timezone.localdate()
                    checkpoints.append(
                        (day, summary_figures(staff_report(day)), shown_on_pages(client))
                    )
        with time_machine.travel(moment, tick=False):
            today = timezone.localdate()
            for day, snapshot, pages in checkpoints:
                # Made later, a report as of that day gives that day's figures.
                assert summary_figures(staff_report(day)) == snapshot
                if not any(hidden >= day for hidden in world.hidden_at.values()):
                    assert shown_by_report(public_report(day)) == pages
            report = public_report(today)
            assert_pages_agree_with(report, client)
            assert_files_agree_with(report, world.staff, client)
            assert_digests_agree_with(staff_report(today))
        for entry in StatusUpdate.objects.all():
            assert fits(entry.level_after, entry.progress_after), entry
        for commitment in Commitment.objects.all():
            assert fits(commitment.level, commitment.progress)
        transaction.set_rollback(True)
