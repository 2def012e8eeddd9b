"""Sample committees, meetings with minutes and decisions, and feedback in every state.

Clearly marked (`is_demo`, member names «عضو(ة) تجريبي(ة)»), deterministic, and written through
the same services as real data, so the demo exercises the real rules."""

import datetime
import json
import random
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from consultations.models import Committee, Feedback, Meeting
from recommendations.selectors.commitments import commitments_of_commune
from territory.models import Commune

from . import feedback as feedback_services
from . import meetings as meeting_services
from .feedback_submission import feedback_submit

DATA = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "demo.json").read_text("utf-8")
)
COMMITTEE_COMMUNES = [
    "09.551.01.07",
    "09.551.01.01",
    "09.551.01.03",
    "09.551.01.05",
    "09.551.03.05",
    "09.551.05.09",
    "09.551.07.01",
    "09.551.07.05",
]


def _meetings(
    committee: Committee, councillor: User, rng: random.Random, now: datetime.datetime
) -> None:
    commitments = list(
        commitments_of_commune(commune_id=committee.commune_id, open_only=True, demo_only=True)
    )
    members = list(committee.members.all())
    plan = [-400, -200, -60, -4, 2, 30]  # days from now; -4 is held without minutes
    for offset in plan:
        starts = (now + datetime.timedelta(days=offset)).replace(hour=10, minute=0)
        meeting = meeting_services.meeting_schedule(
            user=councillor,
            committee_id=committee.pk,
            starts_at=starts,
            place="قاعة الاجتماعات بمقر الجماعة",
            agenda="\n".join(rng.sample(DATA["agenda"], 3)),
            is_demo=True,
        )
        if offset > 0:
            continue
        with_minutes = offset != -4
        meeting_services.meeting_record(
            user=councillor,
            meeting_id=meeting.pk,
            status=Meeting.Status.HELD,
            minutes=DATA["minutes"] if with_minutes else "",
            attendance={
                member.pk: rng.choice(["present", "present", "present", "excused", "absent"])
                for member in members
            },
            guests={"association": (rng.randint(1, 5), rng.randint(1, 5))},
        )
        if with_minutes and commitments:
            commitment = rng.choice(commitments)
            adds_milestone = offset == -60
            meeting_services.decision_record(
                user=councillor,
                meeting_id=meeting.pk,
                text=DATA["decisions"][1 if adds_milestone else 0],
                commitment_id=commitment.pk,
                milestone_title="لقاء تواصلي لعرض النتائج" if adds_milestone else "",
                milestone_due=(now + datetime.timedelta(days=45)).date()
                if adds_milestone
                else None,
            )


def _feedback(staff: User, councillors: dict, rng: random.Random, now: datetime.datetime) -> None:
    communes = list(Commune.objects.order_by("code"))
    states = ["received", "received", "acknowledged", "answered", "answered", "closed", "rejected"]
    for index in range(42):
        commune = communes[index % len(communes)]
        kind, text = DATA["feedback"][index % len(DATA["feedback"])]
        with_contact = index % 3 == 0
        item = feedback_submit(
            commune_id=commune.pk,
            kind=kind,
            text=text,
            name="مواطن(ة) تجريبي(ة)" if with_contact else "",
            contact=f"06000000{index:02d}" if with_contact else "",
            consent_to_contact=with_contact,
            is_demo=True,
        )
        age = rng.randint(1, 120)
        Feedback.objects.filter(pk=item.pk).update(
            created_at=now - datetime.timedelta(days=age, hours=rng.randint(0, 10))
        )
        handler = councillors.get(commune.pk, staff)
        state = states[index % len(states)]
        if state in ("acknowledged", "answered", "closed"):
            feedback_services.feedback_acknowledge(user=handler, feedback_id=item.pk)
        if state in ("answered", "closed"):
            feedback_services.feedback_answer(
                user=handler, feedback_id=item.pk, answer=rng.choice(DATA["answers"])
            )
            if index % 2 == 0:
                feedback_services.feedback_set_published(
                    user=staff, feedback_id=item.pk, published=True
                )
        if state == "closed":
            feedback_services.feedback_close(user=handler, feedback_id=item.pk)
        if state == "rejected":
            feedback_services.feedback_reject(
                user=staff, feedback_id=item.pk, reason=rng.choice(Feedback.RejectReason.values)
            )


@transaction.atomic
def demo_consultations_create(*, staff: User, councillors_by_commune: dict) -> dict:
    """Create the sample consultations data unless it exists; return counts."""
    if not Committee.objects.filter(is_demo=True).exists():
        rng = random.Random(113_14)
        now = timezone.now()
        for code in COMMITTEE_COMMUNES:
            commune = Commune.objects.get(code=code)
            councillor = councillors_by_commune.get(commune.pk, staff)
            kinds = [Committee.Kind.CIVIC] + (
                [Committee.Kind.EQUALITY] if rng.random() < 0.6 else []
            )
            for kind in kinds:
                name = {
                    Committee.Kind.CIVIC: (
                        "لجنة التشاور المدني",
                        "Commission de concertation citoyenne",
                        "Civic consultation committee",
                    ),
                    Committee.Kind.EQUALITY: (
                        "هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
                        "Instance de l'équité, de l'égalité des chances et de l'approche genre",
                        "Equality, equal opportunity and gender commission",
                    ),
                }[kind]
                committee = meeting_services.committee_create(
                    user=councillor,
                    commune_id=commune.pk,
                    kind=kind,
                    name_ar=f"{name[0]} — {commune.name_ar}",
                    name_fr=f"{name[1]} — {commune.name_fr}",
                    name_en=f"{name[2]} — {commune.name_en}",
                    is_demo=True,
                )
                for member_name, group, role in DATA["members"][: rng.randint(5, 8)]:
                    meeting_services.member_add(
                        user=councillor,
                        committee_id=committee.pk,
                        name=member_name,
                        group=group,
                        role=role,
                        since=datetime.date(2022, 3, 1),
                        contact="demo-member@example.org",
                        sex=rng.choice(["female", "male", "female", "male", ""]),
                        age_group=rng.choice(["under_25", "25_34", "35_54", "55_plus", ""]),
                    )
                _meetings(committee, councillor, rng, now)
        _feedback(staff, councillors_by_commune, rng, now)
    return {
        "committees": Committee.objects.filter(is_demo=True).count(),
        "meetings": Meeting.objects.filter(is_demo=True).count(),
        "feedback": Feedback.objects.filter(is_demo=True).count(),
    }
