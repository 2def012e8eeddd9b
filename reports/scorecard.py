"""The commune scorecard: the 20 communes side by side on a few documented indicators, as of
any day. Commitment figures come from the very report rows a progress report as of that day
holds (reports.services.build, public commitments only), so the two never disagree; feedback,
meetings and committees from consultations' own history (consultations.selectors.scorecard)."""

import datetime
import statistics
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from consultations.selectors.scorecard import consultation_figures_as_of
from recommendations.selectors.as_of import end_of_day
from recommendations.state.levels import Level
from reports.filters import ReportFilters
from reports.services.build import report_build
from territory.selectors import commune_list


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    definition: str
    unit: str  # "%", "days" or "" (a count)
    higher_is_better: bool


INDICATORS = (
    Indicator(
        "on_track",
        _("On track"),
        _(
            "Share of the commune's active public commitments that are neither past their "
            "target date, nor behind a milestone, nor without an update for too long."
        ),
        "%",
        True,
    ),
    Indicator(
        "late_milestones",
        _("Behind a milestone"),
        _("Active public commitments whose next milestone's due date has passed."),
        "",
        False,
    ),
    Indicator(
        "days_since_update",
        _("Days since the last update"),
        _("Median, over active public commitments, of the days since their last update."),
        "days",
        False,
    ),
    Indicator(
        "acknowledge_days",
        _("Days to acknowledge feedback"),
        _("Median days between a resident's feedback and its acknowledgement."),
        "days",
        False,
    ),
    Indicator(
        "answer_days",
        _("Days to answer feedback"),
        _("Median days between a resident's feedback and its answer."),
        "days",
        False,
    ),
    Indicator(
        "answered_in_time",
        _("Answered within 60 days"),
        _("Share of feedback at least 60 days old that was answered within 60 days."),
        "%",
        True,
    ),
    Indicator(
        "minutes",
        _("Meetings with minutes"),
        _("Share of the committees' meetings held whose minutes were recorded."),
        "%",
        True,
    ),
    Indicator(
        "women",
        _("Women on committees"),
        _("Share of women among committee members whose sex is recorded (parity is 50%)."),
        "%",
        True,
    ),
)
BY_KEY = {i.key: i for i in INDICATORS}


@dataclass
class ScorecardRow:
    code: str
    name: str
    commitments: int = 0
    values: dict = field(default_factory=dict)


def _median_days(days: list[int]) -> float | None:
    return round(statistics.median(days), 1) if days else None


def scorecard(*, as_of: datetime.date, language: str) -> list[ScorecardRow]:
    report = report_build(filters=ReportFilters(as_of=as_of, public_only=True), language=language)
    consultation = consultation_figures_as_of(cutoff=end_of_day(as_of), day=as_of)
    rows = []
    for commune in commune_list():
        mine = [
            r for r in report.rows if r.commune_code == commune.code and r.level != Level.WITHDRAWN
        ]
        late = [r for r in mine if r.stale or r.overdue or r.milestone_late]
        c = consultation.get(commune.pk)
        values = {
            "on_track": round(100 * (len(mine) - len(late)) / len(mine)) if mine else None,
            "late_milestones": sum(r.milestone_late for r in mine),
            "days_since_update": _median_days(
                [(as_of - r.last_activity).days for r in mine if r.last_activity]
            ),
            "acknowledge_days": c.acknowledge_days if c else None,
            "answer_days": c.answer_days if c else None,
            "answered_in_time": c.answered_in_time_share if c else None,
            "minutes": c.minutes_share if c else None,
            "women": c.women_share if c else None,
        }
        rows.append(
            ScorecardRow(
                code=commune.code,
                name=getattr(commune, f"name_{language}", "") or commune.name_ar,
                commitments=len(mine),
                values=values,
            )
        )
    return rows


def sorted_rows(rows: list[ScorecardRow], key: str, descending: bool) -> list[ScorecardRow]:
    """By an indicator; communes without a figure go last, whichever the direction."""
    if key not in BY_KEY:
        return rows
    known = [r for r in rows if r.values.get(key) is not None]
    unknown = [r for r in rows if r.values.get(key) is None]
    known.sort(key=lambda r: (r.values[key], r.code), reverse=descending)
    return known + unknown
