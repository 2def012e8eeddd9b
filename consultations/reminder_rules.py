"""What meetings and feedback remind councillors of; registered in AppConfig.ready."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Min, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User
from consultations.deadlines import acknowledge_reminder_q, answer_reminder_q
from consultations.models import Feedback, Meeting, Member
from db.flags import flag
from notifications.registry import Reminder, register_kind, register_rule
from territory.models import Body
from territory.places import place_fields, place_from_row
from text.languages import every_language, interface_languages, row_in_language

LANGS = interface_languages()
MEETING_SOON, MINUTES_MISSING = "meeting_soon", "minutes_missing"
FEEDBACK_TO_ACKNOWLEDGE, FEEDBACK_TO_ANSWER = "feedback_unacknowledged", "feedback_unanswered"
REOPENED = "feedback_reopened"  # told to staff when it happens (services.feedback_verdict)


def _councillors_by_commune() -> dict[int, list[int]]:
    found = defaultdict(list)
    for user_id, commune_id in User.objects.filter(
        role=User.Role.COUNCILLOR, is_active=True, body__kind=Body.Kind.COMMUNE_COUNCIL
    ).values_list("pk", "body__commune_id"):
        found[commune_id].append(user_id)
    return found


def _meeting_payload(row: dict) -> dict:
    # Kept as ISO text; each reader's message formats it in their language (text.dates).
    when = timezone.localtime(row["starts_at"]).isoformat(timespec="minutes")
    return {
        "title": every_language(lambda lang: row_in_language(row, "committee__name", lang)),
        "path": f"/meetings/{row['pk']}/",
        "date": when,
        "place": place_from_row(row, "committee__commune"),
    }


_MEETING_FIELDS = (
    "pk",
    "starts_at",
    "committee_id",
    "committee__commune_id",
    "committee__name_ar",
    "committee__name_fr",
    "committee__name_en",
    *place_fields("committee__commune"),
)


def meetings_soon(now: datetime.datetime):
    """A meeting in the next 48 hours: the committee's members with accounts and the commune's
    councillors."""
    rows = list(
        Meeting.objects.filter(
            status=Meeting.Status.PLANNED,
            starts_at__gte=now,
            starts_at__lte=now + datetime.timedelta(hours=settings.REMINDER_MEETING_HOURS),
        ).values(*_MEETING_FIELDS)
    )
    if not rows:
        return
    councillors = _councillors_by_commune()
    today = timezone.localdate(now)
    members = defaultdict(set)
    for committee_id, user_id in (
        Member.objects.filter(
            committee_id__in={r["committee_id"] for r in rows},
            user__is_active=True,  # members with an account, and only active ones
        )
        .filter(Q(until__isnull=True) | Q(until__gte=today))
        .values_list("committee_id", "user_id")
    ):
        members[committee_id].add(user_id)
    for row in rows:
        people = members[row["committee_id"]] | set(councillors[row["committee__commune_id"]])
        for user_id in sorted(people):
            yield Reminder(user_id, MEETING_SOON, f"meeting:{row['pk']}", _meeting_payload(row))


def minutes_missing(now: datetime.datetime):
    """Held at least 3 days ago and still no minutes: the commune's councillors."""
    rows = list(
        Meeting.objects.filter(
            status=Meeting.Status.HELD,
            starts_at__lte=now - datetime.timedelta(days=settings.REMINDER_MINUTES_DAYS),
            minutes="",
            minutes_pdf="",
        ).values(*_MEETING_FIELDS)
    )
    if not rows:
        return
    councillors = _councillors_by_commune()
    for row in rows:
        for user_id in councillors[row["committee__commune_id"]]:
            yield Reminder(
                user_id,
                MINUTES_MISSING,
                f"meeting:{row['pk']}",
                _meeting_payload(row),
                row["starts_at"],
            )


def feedback_waiting(now: datetime.datetime):
    """Feedback not acknowledged by day 10, or not answered by day 50: one reminder per commune
    and kind to each of its councillors ("7 feedback to answer"), not one per feedback — a
    commune with hundreds waiting must not send hundreds of lines to each councillor."""
    to_answer = answer_reminder_q(now)
    waiting = (
        Feedback.objects.filter(acknowledge_reminder_q(now) | to_answer)
        .annotate(unanswered=flag(to_answer))
        .values("unanswered", *place_fields("commune"))
        .annotate(count=Count("pk"), oldest=Min("created_at"))
    )
    rows = list(waiting)
    if not rows:
        return
    councillors = _councillors_by_commune()
    for row in rows:
        kind = FEEDBACK_TO_ANSWER if row["unanswered"] else FEEDBACK_TO_ACKNOWLEDGE
        place = place_from_row(row, "commune")
        payload = {
            "title": _count_titles(kind, row["count"]),
            # The commune's overdue feedback: staff reading an escalation see that commune's.
            "path": _inbox_of(place),
            "date": timezone.localdate(row["oldest"]).isoformat(),
            "place": place,
        }
        for user_id in councillors[row["commune_id"]]:
            yield Reminder(
                user_id, kind, f"feedback-commune:{row['commune_id']}", payload, row["oldest"]
            )


def _count_titles(kind: str, count: int) -> dict:
    titles = {}
    for lang in LANGS:
        with translation.override(lang):
            if kind == FEEDBACK_TO_ANSWER:
                text = ngettext(
                    "%(count)d feedback waiting for an answer",
                    "%(count)d feedback waiting for an answer",
                    count,
                )
            else:
                text = ngettext(
                    "%(count)d feedback waiting for an acknowledgement",
                    "%(count)d feedback waiting for an acknowledgement",
                    count,
                )
            titles[lang] = text % {"count": count}
    return titles


def _meetings_of(place: dict) -> str:
    return f"/communes/{place['code']}/#meetings-heading" if place.get("code") else "/"


def _inbox_of(place: dict) -> str:
    return f"/inbox/?overdue=on&commune={place['id']}" if place.get("id") else "/inbox/"


def register() -> None:
    register_kind(MEETING_SOON, _("Meetings in the next two days"), _meetings_of)
    register_kind(MINUTES_MISSING, _("Meetings held without minutes"), _meetings_of)
    register_kind(FEEDBACK_TO_ACKNOWLEDGE, _("Feedback to acknowledge"), _inbox_of)
    register_kind(FEEDBACK_TO_ANSWER, _("Feedback to answer"), _inbox_of)
    register_kind(
        REOPENED, _("Feedback reopened: the resident said the answer did not help"), _inbox_of
    )
    register_rule("consultations.meetings_soon", meetings_soon)
    register_rule("consultations.minutes_missing", minutes_missing)
    register_rule("consultations.feedback_waiting", feedback_waiting)
