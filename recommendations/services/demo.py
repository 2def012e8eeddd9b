"""A believable, clearly marked history for `make run`: commitments in most communes for most
recommendations, milestones, and updates spread over 2022-2026, some stale, some overdue, some
complete. Deterministic (a fixed seed), written through the same services as real data."""

import datetime
import json
import random
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from recommendations.models import Commitment, Recommendation
from recommendations.state.levels import Level, level_for_progress
from territory.models import Body

from .commitments import commitment_create
from .milestones import milestone_create, milestone_mark_done
from .updates import commitment_record_update

DATA = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "demo_commitments.json").read_text("utf-8")
)


def _at(day: datetime.date, rng: random.Random) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randint(8, 17))))


def _history(
    commitment: Commitment, author: User, staff: User, rng: random.Random, today: datetime.date
) -> None:
    """Milestones and updates between the start date and today, in time order."""
    start = commitment.start_date
    span = (min(today, commitment.target_date + datetime.timedelta(days=200)) - start).days
    milestones = []
    for index, titles in enumerate(DATA["milestones"][: rng.choice([0, 2, 3, 4])]):
        due = start + datetime.timedelta(days=int((index + 1) * (span or 1) / 4) + 30)
        milestones.append(
            milestone_create(
                user=staff,
                commitment_id=commitment.pk,
                title_ar=titles[0],
                title_fr=titles[1],
                title_en=titles[2],
                due_date=due,
                weight=rng.randint(1, 3),
                recorded_at=_at(start, rng),
            )
        )
    # How far this commitment got: most move, a few stall, a few finish or are withdrawn.
    fate = rng.choices(["stalled", "moving", "recent", "complete", "withdrawn"], [3, 4, 3, 2, 1])[0]
    steps = {"stalled": 1, "moving": 2, "recent": 3, "complete": 3, "withdrawn": 1}[fate]
    days = sorted(rng.sample(range(20, max(span, 40)), k=steps))
    if fate == "recent":
        days[-1] = max(days[-1], (today - start).days - rng.randint(1, 20))
    for step, offset in enumerate(days):
        day = start + datetime.timedelta(days=offset)
        if day >= today:
            break
        link = f"https://example.org/demo/evidence/{commitment.pk}/{step}"
        finishing = fate == "complete" and step == len(days) - 1
        for milestone in milestones:
            due = milestone.due_date <= day and rng.random() < 0.8
            if milestone.done_on is None and (due or finishing):
                done_on = min(milestone.due_date, day)
                # A tick may raise the level across a band: like an update, it brings evidence.
                milestone_mark_done(
                    user=author,
                    milestone_id=milestone.pk,
                    done_on=done_on,
                    evidence_link=link,
                    recorded_at=_at(day, rng),
                )
                milestone.done_on = done_on
        commitment.refresh_from_db()
        if fate == "withdrawn":
            level, progress = Level.WITHDRAWN, None
        else:
            # Levels and progress agree from the start: the level is the one that fits the
            # progress (the milestones', or a typed figure that rises step by step).
            typed = 100 if finishing else min(99, rng.randint(10, 45) * (step + 1))
            progress = commitment.progress if milestones else typed
            level = level_for_progress(progress)
        commitment_record_update(
            user=author,
            commitment_id=commitment.pk,
            expected_version=commitment.version,
            level=level,
            progress=None if milestones else progress,
            note=rng.choice(DATA["notes"]),
            evidence_link=link if level in (Level.SUBSTANTIAL, Level.COMPLETE) else "",
            recorded_at=_at(day, rng),
        )


@transaction.atomic
def demo_commitments_create(*, staff: User, councillors: dict) -> int:
    """Create the demo commitments if none exist yet; returns how many there are."""
    if Commitment.objects.filter(is_demo=True).exists():
        return Commitment.objects.filter(is_demo=True).count()
    rng = random.Random(2021)
    today = timezone.localdate()
    recommendations = {r.number: r for r in Recommendation.objects.all()}
    owners = [
        (council, number)
        for council in Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL).order_by("slug")
        for number in range(2, 10)
        if rng.random() < 0.75
    ]
    owners += [(Body.objects.get(slug=slug), number) for slug, number in DATA["other_bodies"]]
    for body, number in owners:
        start = datetime.date(2022, 1, 15) + datetime.timedelta(days=rng.randint(0, 500))
        target = start + datetime.timedelta(days=rng.randint(900, 2200))
        titles = DATA["titles"][str(number)]
        author = councillors.get(body.pk, staff)
        commitment = commitment_create(
            user=staff,
            is_demo=True,
            owners=[author] if author.is_councillor else [],
            recommendation=recommendations[number],
            body=body,
            title_ar=titles[0],
            title_fr=titles[1],
            title_en=titles[2],
            start_date=start,
            target_date=target,
        )
        Commitment.objects.filter(pk=commitment.pk).update(created_at=_at(start, rng))
        _history(commitment, author, staff, rng, today)
    return len(owners)
