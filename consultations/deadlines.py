"""Feedback deadlines, in one place: acknowledged within 15 days and answered within 60, as the
national complaints portal promises (settings FEEDBACK_ACKNOWLEDGE_DAYS, FEEDBACK_ANSWER_DAYS).
Councillors are reminded before a deadline passes (REMINDER_FEEDBACK_*_DAY). The inbox, the
reminders and the response statistics all ask this module.
"""

import datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from consultations.models import Feedback
from db.flags import flag

S = Feedback.State
WAITING_FOR_ACKNOWLEDGEMENT = (S.RECEIVED,)
WAITING_FOR_ANSWER = (S.RECEIVED, S.ACKNOWLEDGED)


def _received_before(now: datetime.datetime, days: int) -> datetime.datetime:
    return now - datetime.timedelta(days=days)


def acknowledge_overdue_q(now: datetime.datetime) -> Q:
    return Q(
        state__in=WAITING_FOR_ACKNOWLEDGEMENT,
        created_at__lt=_received_before(now, settings.FEEDBACK_ACKNOWLEDGE_DAYS),
    )


def answer_overdue_q(now: datetime.datetime) -> Q:
    return Q(
        state__in=WAITING_FOR_ANSWER,
        created_at__lt=_received_before(now, settings.FEEDBACK_ANSWER_DAYS),
    )


def with_deadlines(feedback: QuerySet, *, now: datetime.datetime) -> QuerySet:
    """Annotate acknowledge_overdue and answer_overdue."""
    return feedback.annotate(
        acknowledge_overdue=flag(acknowledge_overdue_q(now)),
        answer_overdue=flag(answer_overdue_q(now)),
    )


def acknowledge_reminder_q(now: datetime.datetime) -> Q:
    """Not acknowledged by the reminder day (10), before the deadline (15) passes."""
    return Q(
        state__in=WAITING_FOR_ACKNOWLEDGEMENT,
        created_at__lte=_received_before(now, settings.REMINDER_FEEDBACK_ACKNOWLEDGE_DAY),
    )


def answer_reminder_q(now: datetime.datetime) -> Q:
    """Not answered by the reminder day (50), before the deadline (60) passes."""
    return Q(
        state__in=WAITING_FOR_ANSWER,
        created_at__lte=_received_before(now, settings.REMINDER_FEEDBACK_ANSWER_DAY),
    )


# Response statistics: of the feedback whose deadline has come (or that was handled before it),
# the share handled in time. Querysets annotated with to_acknowledge and to_answer (durations).


def acknowledged_in_time_q() -> Q:
    return Q(to_acknowledge__lte=datetime.timedelta(days=settings.FEEDBACK_ACKNOWLEDGE_DAYS))


def answered_in_time_q() -> Q:
    return Q(to_answer__lte=datetime.timedelta(days=settings.FEEDBACK_ANSWER_DAYS))


def due_for_acknowledgement_q(now: datetime.datetime) -> Q:
    return Q(acknowledged_at__isnull=False) | Q(
        created_at__lt=_received_before(now, settings.FEEDBACK_ACKNOWLEDGE_DAYS)
    )


def due_for_answer_q(now: datetime.datetime) -> Q:
    return Q(answered_at__isnull=False) | Q(
        created_at__lt=_received_before(now, settings.FEEDBACK_ANSWER_DAYS)
    )
