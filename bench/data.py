"""Realistic volumes for the benchmarks, written with bulk inserts.

This bypasses the services on purpose: 20,000 status updates one transaction at a time would
take minutes. The rows are shaped like the services' own (consistent versions, before/after
values, the commitment's state equal to its last entry, a feedback event per state change).
Never run on real data: the command refuses unless the database is empty of commitments.
"""

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from consultations.models import Committee, Feedback, FeedbackEvent, Meeting
from recommendations.models import Commitment, Milestone, Recommendation, StatusUpdate
from recommendations.services.rollups import rollups_rebuild
from recommendations.state.levels import Level, level_for_progress
from territory.models import Body
from text.search_keys import indexed

BATCH = 5000
# Each commitment gets ten milestones of weights 1, 2, 3, 1, …; the first four are done.
WEIGHTS = [1 + k % 3 for k in range(10)]
MILESTONE_PROGRESS = round(100 * sum(WEIGHTS[:4]) / sum(WEIGHTS))


def bench_data_generate(
    *, scale: int = 1, updates: int | None = None, seed: int = 1, divisor: int = 1
) -> dict:
    """`divisor` shrinks every volume (tests build a hundredth of scale 1).

    Feedback grows at most twofold: at scale 10 that is 200,000 feedback (not a million), which
    keeps `make bench` within its ten minutes; the pages that read feedback show a bounded,
    paginated part of it, and the inbox and search are measured at scale 1."""
    rng = random.Random(seed)

    def n(count, limit=None):
        return max(1, count * min(scale, limit or scale) // divisor)

    now = timezone.now()
    councils = list(Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL).order_by("pk"))
    recommendations = list(Recommendation.objects.order_by("number"))
    counts = {}
    with transaction.atomic():
        password = make_password("bench-only")  # hashed once: argon2 per row would take minutes
        councillors = User.objects.bulk_create(
            [
                User(
                    username=f"bench-councillor-{i}",
                    password=password,
                    role=User.Role.COUNCILLOR,
                    body=councils[i % len(councils)],
                    email=f"c{i}@bench.invalid",
                    language="ar" if i % 2 else "fr",
                )
                for i in range(n(2000))
            ],
            batch_size=BATCH,
        )
        counts["councillors"] = len(councillors)
        by_body = {}
        for user in councillors:
            by_body.setdefault(user.body_id, []).append(user)

        n_commitments = n(400)
        commitments = Commitment.objects.bulk_create(
            [
                Commitment(
                    recommendation=recommendations[i % 9],
                    body=councils[i % len(councils)],
                    title_ar=f"التزام تجريبي للقياس رقم {i}",
                    title_fr=f"Engagement de mesure {i}",
                    start_date=datetime.date(2022, 1, 1),
                    target_date=datetime.date(2023 + i % 5, 6, 30),
                    created_at=now - datetime.timedelta(days=1400),
                )
                for i in range(n_commitments)
            ],
            batch_size=BATCH,
        )
        counts["commitments"] = len(commitments)
        Owners = Commitment.owners.through
        Owners.objects.bulk_create(
            [
                Owners(commitment_id=c.pk, user_id=u.pk)
                for c in commitments
                for u in by_body[c.body_id][:5]
            ],
            batch_size=BATCH,
        )
        Milestone.objects.bulk_create(
            [
                Milestone(
                    commitment=c,
                    title_ar=f"مرحلة {k}",
                    weight=WEIGHTS[k],
                    due_date=datetime.date(2022, 3, 1) + datetime.timedelta(days=120 * k),
                    done_on=(datetime.date(2022, 3, 1) + datetime.timedelta(days=120 * k))
                    if k < 4
                    else None,
                )
                for c in commitments
                for k in range(10)
            ],
            batch_size=BATCH,
        )
        counts["milestones"] = n_commitments * 10

        per_commitment = max(1, (updates or n(20_000)) // n_commitments)
        rows, finals = [], {}
        for c in commitments:
            level, progress = Level.NOT_STARTED, 0
            owner = by_body[c.body_id][0]
            for v in range(per_commitment):
                # Rising to what the milestones done give (4 of 10, weights 1-3: 37%), as the
                # services would have it.
                new_progress = round(MILESTONE_PROGRESS * (v + 1) / per_commitment)
                # Coherent like the services' own: the level fits the progress band.
                new_level = level_for_progress(new_progress)
                at = (
                    now
                    - datetime.timedelta(days=1300)
                    + datetime.timedelta(days=v * 1290 / per_commitment, hours=rng.randint(0, 8))
                )
                rows.append(
                    StatusUpdate(
                        commitment_id=c.pk,
                        author_id=owner.pk,
                        created_at=at,
                        level_before=level,
                        level_after=new_level,
                        progress_before=progress,
                        progress_after=new_progress,
                        version=v + 2,
                        note="تحيين للقياس",
                        evidence_kind="link" if v % 10 == 0 else "",
                        evidence_link="https://example.org/e" if v % 10 == 0 else "",
                    )
                )
                level, progress = new_level, new_progress
            finals[c.pk] = (level, progress, per_commitment + 1, at)
            if len(rows) >= BATCH:
                StatusUpdate.objects.bulk_create(rows, batch_size=BATCH)
                rows = []
        StatusUpdate.objects.bulk_create(rows, batch_size=BATCH)
        counts["status_updates"] = per_commitment * n_commitments
        first_open = datetime.date(2022, 3, 1) + datetime.timedelta(days=120 * 4)
        for c in commitments:
            c.level, c.progress, c.version, c.last_update_at = finals[c.pk]
            c.next_due = first_open
        Commitment.objects.bulk_update(
            commitments,
            ["level", "progress", "version", "last_update_at", "next_due"],
            batch_size=1000,
        )
        rollups_rebuild()

        committees = Committee.objects.bulk_create(
            [
                Committee(
                    commune=body.commune, kind="civic", name_ar=f"لجنة {k} {body.commune.name_ar}"
                )
                for body in councils
                for k in range(3 * scale)
            ]
        )
        meetings = Meeting.objects.bulk_create(
            [
                Meeting(
                    committee=committee,
                    starts_at=now - datetime.timedelta(days=30 * k),
                    place="القاعة",
                    status="held" if k else "planned",
                    minutes="محضر" if k % 2 else "",
                )
                for committee in committees
                for k in range(5)
            ]
        )
        counts["meetings"] = len(meetings)

        kinds, states = Feedback.Kind.values, Feedback.State.values
        communes = [b.commune for b in councils]
        feedback_rows, event_rows = [], []
        for i in range(n(100_000, limit=2)):
            feedback_rows.append(
                Feedback(
                    tracking_code=f"B{i:09d}"[:5] + "-" + f"B{i:09d}"[5:],
                    commune=communes[i % len(communes)],
                    kind=kinds[i % 3],
                    text="ملاحظة للقياس حول خدمات الجماعة",
                    search_text=indexed("ملاحظة للقياس حول خدمات الجماعة"),
                    state=states[i % 5],
                    created_at=now - datetime.timedelta(days=i % 700),
                )
            )
        created = Feedback.objects.bulk_create(feedback_rows, batch_size=BATCH)
        # (action, state after) of each step, as the services record them.
        steps = {
            "received": [("submitted", "received")],
            "acknowledged": [("submitted", "received"), ("acknowledged", "acknowledged")],
            "answered": [("submitted", "received"), ("answered", "answered")],
            "closed": [("submitted", "received"), ("answered", "answered"), ("closed", "closed")],
            "rejected": [("submitted", "received"), ("rejected", "rejected")],
        }
        for item in created:
            before = ""
            for step, (action, after) in enumerate(steps[item.state]):
                event_rows.append(
                    FeedbackEvent(
                        feedback_id=item.pk,
                        action=action,
                        at=item.created_at + datetime.timedelta(days=step),
                        state_before=before,
                        state_after=after,
                    )
                )
                before = after
        FeedbackEvent.objects.bulk_create(event_rows, batch_size=BATCH)
        counts["feedback"] = len(created)
    return counts
