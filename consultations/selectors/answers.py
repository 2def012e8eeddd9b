"""What residents can see of the answers: the answers staff published, and per commune how
quickly feedback is acknowledged and answered, against the promises of consultations.deadlines.
Counts and durations only: no name, no contact, no text of unpublished feedback."""

import datetime
import statistics
from dataclasses import dataclass

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.utils import timezone

from consultations.deadlines import (
    acknowledged_in_time_q,
    answered_in_time_q,
    due_for_acknowledgement_q,
    due_for_answer_q,
)
from consultations.models import Feedback
from territory.models import Commune
from text.languages import interface_languages

S = Feedback.State
DAY = datetime.timedelta(days=1)


def published_answers(
    *, commune_id: int | None = None, kind: str = "", recommendation_id: int | None = None
) -> QuerySet:
    answers = (
        Feedback.objects.filter(is_published=True)
        .exclude(answer="")
        .exclude(state=S.REJECTED)
        .select_related("commune", "recommendation")
        .only(
            "kind",
            "text",
            "answer",
            "state",
            "created_at",
            "answered_at",
            "commune__code",
            *(f"commune__name_{lang}" for lang in interface_languages()),
            "recommendation__number",
        )
        .order_by("-answered_at", "-pk")
    )
    if commune_id:
        answers = answers.filter(commune_id=commune_id)
    if kind:
        answers = answers.filter(kind=kind)
    if recommendation_id:
        answers = answers.filter(recommendation_id=recommendation_id)
    return answers


@dataclass
class ResponseFigures:
    commune: Commune | None
    received: int = 0
    median_days_to_acknowledge: float | None = None
    median_days_to_answer: float | None = None
    # Of the feedback whose deadline came (consultations.deadlines), how many were handled in
    # time: acknowledged within 15 days, answered within 60.
    due_acknowledgement: int = 0
    acknowledged_in_time: int = 0
    due_answer: int = 0
    answered_in_time: int = 0
    verdicts: int = 0
    helped: int = 0

    def share(self, part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def acknowledged_in_time_share(self) -> int | None:
        return self.share(self.acknowledged_in_time, self.due_acknowledgement)

    @property
    def answered_in_time_share(self) -> int | None:
        return self.share(self.answered_in_time, self.due_answer)

    @property
    def helped_share(self) -> int | None:
        return self.share(self.helped, self.verdicts)


class Median(Aggregate):
    """PostgreSQL's median of an interval (percentile_cont): an aggregate, so it is computed per
    group, never grouped by."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _days(value: datetime.timedelta | None) -> float | None:
    return None if value is None else round(value / DAY, 1)


def response_figures() -> list[ResponseFigures]:
    """Per commune (code order), every feedback received but rejected spam. The medians are
    worked out by PostgreSQL; elsewhere (SQLite, `make run`) from the durations in Python."""
    acknowledge = ExpressionWrapper(F("acknowledged_at") - F("created_at"), DurationField())
    answer = ExpressionWrapper(F("answered_at") - F("created_at"), DurationField())
    counted = Feedback.objects.exclude(state=S.REJECTED).annotate(
        to_acknowledge=acknowledge, to_answer=answer
    )
    now = timezone.now()
    aggregates = {
        "received": Count("pk"),
        "due_acknowledgement": Count("pk", filter=due_for_acknowledgement_q(now)),
        "acknowledged_in_time": Count("pk", filter=acknowledged_in_time_q()),
        "due_answer": Count("pk", filter=due_for_answer_q(now)),
        "answered_in_time": Count("pk", filter=answered_in_time_q()),
        "verdicts": Count("pk", filter=~Q(resident_verdict="")),
        "helped": Count("pk", filter=Q(resident_verdict=Feedback.Verdict.HELPED)),
    }
    postgres = connection.vendor == "postgresql"
    if postgres:
        aggregates["ack_median"] = Median("to_acknowledge")
        aggregates["answer_median"] = Median("to_answer")
    rows = counted.values("commune_id").annotate(**aggregates).order_by()
    communes = {c.pk: c for c in Commune.objects.order_by("code")}
    figures = {}
    for row in rows:
        commune_id = row.pop("commune_id")
        medians = (row.pop("ack_median", None), row.pop("answer_median", None))
        figures[commune_id] = ResponseFigures(commune=communes[commune_id], **row)
        figures[commune_id].median_days_to_acknowledge = _days(medians[0])
        figures[commune_id].median_days_to_answer = _days(medians[1])
    if not postgres:
        _python_medians(counted, figures)
    return [figures[pk] for pk in communes if pk in figures]


def _python_medians(counted: QuerySet, figures: dict) -> None:
    durations: dict[int, tuple[list, list]] = {}
    for commune_id, ack, answered in counted.values_list(
        "commune_id", "to_acknowledge", "to_answer"
    ).iterator(chunk_size=5000):
        pair = durations.setdefault(commune_id, ([], []))
        if ack is not None:
            pair[0].append(ack)
        if answered is not None:
            pair[1].append(answered)
    for commune_id, (acks, answers) in durations.items():
        figures[commune_id].median_days_to_acknowledge = _days(
            statistics.median(acks) if acks else None
        )
        figures[commune_id].median_days_to_answer = _days(
            statistics.median(answers) if answers else None
        )


def province_figures(per_commune: list[ResponseFigures]) -> ResponseFigures:
    """The province's counts (sums); medians are not sums and are left out."""
    total = ResponseFigures(commune=None)
    for figure in per_commune:
        for name in (
            "received",
            "due_acknowledgement",
            "acknowledged_in_time",
            "due_answer",
            "answered_in_time",
            "verdicts",
            "helped",
        ):
            setattr(total, name, getattr(total, name) + getattr(figure, name))
    return total
