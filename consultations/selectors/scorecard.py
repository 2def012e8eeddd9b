"""What the commune scorecard needs from consultations, per commune and as of the end of a day:
how quickly feedback was acknowledged and answered, meetings held with their minutes, and the
share of women on the commune's committees. Counts and durations only."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from consultations.models import Feedback, FeedbackEvent, Meeting, MeetingEvent, Member

DAY = datetime.timedelta(days=1)


@dataclass
class CommuneConsultation:
    acknowledge_days: float | None = None  # median
    answer_days: float | None = None  # median
    due_answer: int = 0  # feedback at least FEEDBACK_ANSWER_DAYS old on the day
    answered_in_time: int = 0
    meetings_held: int = 0
    meetings_with_minutes: int = 0
    women: int = 0
    men: int = 0

    @staticmethod
    def _share(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def answered_in_time_share(self) -> int | None:
        return self._share(self.answered_in_time, self.due_answer)

    @property
    def minutes_share(self) -> int | None:
        return self._share(self.meetings_with_minutes, self.meetings_held)

    @property
    def women_share(self) -> int | None:
        return self._share(self.women, self.women + self.men)


def _median_days(durations: list[datetime.timedelta]) -> float | None:
    return round(statistics.median(durations) / DAY, 1) if durations else None


def consultation_figures_as_of(*, cutoff: datetime.datetime, day: datetime.date) -> dict:
    """{commune_id: CommuneConsultation}; `cutoff` is the end of `day`."""
    figures: dict = defaultdict(CommuneConsultation)
    rejected = FeedbackEvent.objects.filter(
        feedback=OuterRef("pk"), action=FeedbackEvent.Action.REJECTED, at__lt=cutoff
    )
    rows = (
        Feedback.objects.filter(created_at__lt=cutoff)
        .exclude(Exists(rejected))
        .values_list("commune_id", "created_at", "acknowledged_at", "answered_at")
    )
    acks, answers = defaultdict(list), defaultdict(list)
    answer_window = settings.FEEDBACK_ANSWER_DAYS * DAY
    for commune_id, created, acknowledged, answered in rows.iterator(chunk_size=5000):
        figure = figures[commune_id]
        if acknowledged and acknowledged < cutoff:
            acks[commune_id].append(acknowledged - created)
        answered_then = answered if answered and answered < cutoff else None
        if answered_then:
            answers[commune_id].append(answered_then - created)
        if cutoff - created >= answer_window:
            figure.due_answer += 1
            if answered_then and answered_then - created <= answer_window:
                figure.answered_in_time += 1
    for commune_id, durations in acks.items():
        figures[commune_id].acknowledge_days = _median_days(durations)
    for commune_id, durations in answers.items():
        figures[commune_id].answer_days = _median_days(durations)
    recorded = MeetingEvent.objects.filter(
        meeting=OuterRef("pk"), action=MeetingEvent.Action.RECORDED, at__lt=cutoff
    )
    held = Meeting.objects.filter(status=Meeting.Status.HELD, starts_at__lt=cutoff).annotate(
        minutes_then=Exists(recorded) & (~Q(minutes="") | ~Q(minutes_pdf=""))
    )
    for commune_id, with_minutes in held.values_list("committee__commune_id", "minutes_then"):
        figures[commune_id].meetings_held += 1
        figures[commune_id].meetings_with_minutes += bool(with_minutes)
    sitting = Member.objects.filter(since__lte=day).filter(
        Q(until__isnull=True) | Q(until__gte=day)
    )
    for commune_id, sex in sitting.values_list("committee__commune_id", "sex"):
        if sex == Member.Sex.FEMALE:
            figures[commune_id].women += 1
        elif sex == Member.Sex.MALE:
            figures[commune_id].men += 1
    return figures
