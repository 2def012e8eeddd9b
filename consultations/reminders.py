"""What meetings and feedback remind councillors of; registered in AppConfig.ready."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import Feedback, Meeting, Member
from taata_portal.models import Body, User
from taata_portal.reminders import Reminder, register_kind, register_rule

LANGS = ("ar", "fr", "en")
MEETING_SOON, MINUTES_MISSING = "meeting_soon", "minutes_missing"
FEEDBACK_TO_ACKNOWLEDGE, FEEDBACK_TO_ANSWER = "feedback_unacknowledged", "feedback_unanswered"


def _councillors_by_commune() -> dict[int, list[int]]:
    found = defaultdict(list)
    for user_id, commune_id in User.objects.filter(
        role=User.Role.COUNCILLOR, is_active=True, body__kind=Body.Kind.COMMUNE_COUNCIL
    ).values_list("pk", "body__commune_id"):
        found[commune_id].append(user_id)
    return found


def _meeting_payload(row: dict) -> dict:
    when = timezone.localtime(row["starts_at"]).strftime("%Y-%m-%d %H:%M")
    return {
        "title": {
            lang: row[f"committee__name_{lang}"] or row["committee__name_ar"]
            for lang in ("ar", "fr", "en")
        },
        "path": f"/meetings/{row['pk']}/",
        "date": when,
    }


_MEETING_FIELDS = (
    "pk",
    "starts_at",
    "committee_id",
    "committee__commune_id",
    "committee__name_ar",
    "committee__name_fr",
    "committee__name_en",
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
            user__isnull=False,
            user__is_active=True,
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
    """Not acknowledged by day 10, or not answered by day 50: the commune's councillors."""
    ack_by = now - datetime.timedelta(days=settings.REMINDER_FEEDBACK_ACKNOWLEDGE_DAY)
    answer_by = now - datetime.timedelta(days=settings.REMINDER_FEEDBACK_ANSWER_DAY)
    rows = list(
        Feedback.objects.filter(
            Q(state=Feedback.State.RECEIVED, created_at__lte=ack_by)
            | Q(
                state__in=[Feedback.State.RECEIVED, Feedback.State.ACKNOWLEDGED],
                created_at__lte=answer_by,
            )
        ).values(
            "pk",
            "tracking_code",
            "state",
            "created_at",
            "acknowledged_at",
            "commune_id",
            "commune__name_ar",
            "commune__name_fr",
            "commune__name_en",
        )
    )
    if not rows:
        return
    councillors = _councillors_by_commune()
    for row in rows:
        unanswered = row["created_at"] <= answer_by
        kind = FEEDBACK_TO_ANSWER if unanswered else FEEDBACK_TO_ACKNOWLEDGE
        communes = {lang: row[f"commune__name_{lang}"] or row["commune__name_ar"] for lang in LANGS}
        payload = {
            "title": {lang: f"{row['tracking_code']} — {communes[lang]}" for lang in LANGS},
            "path": f"/inbox/{row['pk']}/",
            "date": timezone.localdate(row["created_at"]).isoformat(),
        }
        since = row["acknowledged_at"] or row["created_at"]
        for user_id in councillors[row["commune_id"]]:
            yield Reminder(user_id, kind, f"feedback:{row['pk']}", payload, since)


def register() -> None:
    register_kind(MEETING_SOON, _("Meetings in the next two days"))
    register_kind(MINUTES_MISSING, _("Meetings held without minutes"))
    register_kind(FEEDBACK_TO_ACKNOWLEDGE, _("Feedback to acknowledge"))
    register_kind(FEEDBACK_TO_ANSWER, _("Feedback to answer"))
    register_rule("consultations.meetings_soon", meetings_soon)
    register_rule("consultations.minutes_missing", minutes_missing)
    register_rule("consultations.feedback_waiting", feedback_waiting)
