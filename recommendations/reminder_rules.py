"""What commitments remind their owners of; registered with the core in AppConfig.ready."""

import datetime
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from notifications.registry import Reminder, register_kind, register_rule
from recommendations.models import Commitment, Milestone
from recommendations.state.flags import due_soon_until, with_flags
from recommendations.state.levels import CLOSED_LEVELS
from territory.places import place_fields, place_from_row
from text.languages import every_language, row_in_language

STALE, MILESTONE_DUE, MILESTONE_OVERDUE = "stale_commitment", "milestone_due", "milestone_overdue"
UPDATE_POSTED = "update_posted"


def _titles(row: dict, prefix: str = "title") -> dict:
    return every_language(lambda lang: row_in_language(row, prefix, lang))


def _owners(commitment_rows: list[dict]) -> dict[int, list[int]]:
    """Owner councillors per commitment; where none is named, the owning body's councillors.
    Two queries whatever the number of commitments."""
    ids = [row["pk"] for row in commitment_rows]
    owners = defaultdict(list)
    through = Commitment.owners.through.objects.filter(
        commitment_id__in=ids, user__is_active=True
    ).values_list("commitment_id", "user_id")
    for commitment_id, user_id in through:
        owners[commitment_id].append(user_id)
    orphan_bodies = {row["body_id"] for row in commitment_rows if row["pk"] not in owners}
    by_body = defaultdict(list)
    for user_id, body_id in User.objects.filter(
        role=User.Role.COUNCILLOR, is_active=True, body_id__in=orphan_bodies
    ).values_list("pk", "body_id"):
        by_body[body_id].append(user_id)
    return {
        row["pk"]: owners.get(row["pk"]) or by_body.get(row["body_id"], [])
        for row in commitment_rows
    }


def stale_commitments(now: datetime.datetime):
    rows = list(
        with_flags(Commitment.objects.all(), today=timezone.localdate(now))
        .filter(is_stale=True)
        .values(
            "pk",
            "body_id",
            "title_ar",
            "title_fr",
            "title_en",
            "last_activity",
            *place_fields("body__commune"),
        )
    )
    recipients = _owners(rows)
    for row in rows:
        payload = {
            "title": _titles(row),
            "path": f"/commitments/{row['pk']}/",
            "date": timezone.localdate(row["last_activity"]).isoformat(),
            "place": place_from_row(row, "body__commune"),
        }
        for user_id in recipients[row["pk"]]:
            yield Reminder(user_id, STALE, f"commitment:{row['pk']}", payload, row["last_activity"])


def milestones_due(now: datetime.datetime):
    today = timezone.localdate(now)
    horizon = due_soon_until(today)
    rows = list(
        Milestone.objects.filter(done_on__isnull=True, due_date__lte=horizon)
        .exclude(commitment__level__in=CLOSED_LEVELS)
        .values(
            "pk",
            "due_date",
            "title_ar",
            "title_fr",
            "title_en",
            "commitment_id",
            "commitment__title_ar",
            "commitment__title_fr",
            "commitment__title_en",
            "commitment__body_id",
            "commitment__last_update_at",
            "commitment__created_at",
            *place_fields("commitment__body__commune"),
        )
    )
    commitments = [{"pk": r["commitment_id"], "body_id": r["commitment__body_id"]} for r in rows]
    recipients = _owners(list({c["pk"]: c for c in commitments}.values()))
    for row in rows:
        kind = MILESTONE_OVERDUE if row["due_date"] < today else MILESTONE_DUE
        milestone, commitment = _titles(row), _titles(row, "commitment__title")
        payload = {
            "title": {lang: f"{milestone[lang]} — {commitment[lang]}" for lang in milestone},
            "path": f"/commitments/{row['commitment_id']}/",
            "date": row["due_date"].isoformat(),
            "place": place_from_row(row, "commitment__body__commune"),
        }
        since = row["commitment__last_update_at"] or row["commitment__created_at"]
        for user_id in recipients.get(row["commitment_id"], []):
            yield Reminder(user_id, kind, f"milestone:{row['pk']}", payload, since)


def _late_in(place: dict) -> str:
    """What is late in a commune: the staff's /my/ page, filtered to it."""
    return f"/my/?commune={place['code']}" if place.get("code") else "/my/"


def register() -> None:
    register_kind(STALE, _("Commitments with no update for a while"), _late_in)
    register_kind(MILESTONE_DUE, _("Milestones due within a week"), _late_in)
    register_kind(MILESTONE_OVERDUE, _("Milestones overdue"), _late_in)
    register_kind(UPDATE_POSTED, _("A status update was posted on a commitment you own"))
    register_rule("recommendations.stale_commitments", stale_commitments)
    register_rule("recommendations.milestones_due", milestones_due)
