import datetime

import pytest
from django.utils import timezone

from recommendations.models import Commitment, Recommendation
from recommendations.state.levels import Level, band
from territory.models import Body
from tests.factories import CouncillorFactory, StaffFactory

NOW = datetime.datetime(2026, 3, 16, 8, 0, tzinfo=datetime.UTC)  # a Monday


def council(code):
    return Body.objects.get(kind=Body.Kind.COMMUNE_COUNCIL, commune__code=code)


@pytest.fixture
def tata_councillor(reference_data):
    return CouncillorFactory(
        body=council("09.551.01.07"), language="ar", email="fatima@tata.example"
    )


@pytest.fixture
def akka_councillor(reference_data):
    return CouncillorFactory(
        body=council("09.551.01.01"), language="fr", email="youssef@akka.example"
    )


@pytest.fixture
def observatory(db):
    return StaffFactory(email="staff@observatory.example", language="fr")


def make_commitment(owner, *, number=3, last_update_days=40, **fields):
    # A state that agrees with itself (the database refuses "complete at 0%").
    fields.setdefault("progress", band(fields.get("level", Level.NOT_STARTED))[0])
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=number),
        body=owner.body,
        title_ar=fields.pop("title_ar", "رقمنة الحالة المدنية"),
        title_fr=fields.pop("title_fr", "Numériser l'état civil"),
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
        created_at=NOW - datetime.timedelta(days=400),
        last_update_at=NOW - datetime.timedelta(days=last_update_days),
        **fields,
    )
    commitment.owners.add(owner)
    return commitment


@pytest.fixture
def frozen():
    import time_machine

    with time_machine.travel(NOW, tick=False):
        yield NOW


def at(days=0, hours=0):
    return NOW + datetime.timedelta(days=days, hours=hours)


def local_today():
    return timezone.localdate(NOW)


def committee_of(councillor):
    """A civic committee of the councillor's commune, named in Arabic and French."""
    from consultations.services.meetings import committee_create

    return committee_create(
        user=councillor,
        commune_id=councillor.body.commune_id,
        kind="civic",
        name_ar="لجنة التشاور",
        name_fr="Commission de concertation",
    )
