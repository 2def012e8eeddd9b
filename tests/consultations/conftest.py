import datetime

import pytest
from django.utils import timezone

from consultations.services.feedback_submission import feedback_submit
from consultations.services.meetings import committee_create, meeting_schedule
from recommendations.models import Commitment, Recommendation
from territory.models import Body, Commune
from tests.factories import AdminFactory, CouncillorFactory, StaffFactory, UserFactory

TATA, AKKA = "09.551.01.07", "09.551.01.01"


@pytest.fixture
def tata(reference_data):
    return Commune.objects.get(code=TATA)


@pytest.fixture
def akka(reference_data):
    return Commune.objects.get(code=AKKA)


def council_of(commune):
    return Body.objects.get(kind=Body.Kind.COMMUNE_COUNCIL, commune=commune)


@pytest.fixture
def councillor(tata):
    return CouncillorFactory(body=council_of(tata))


@pytest.fixture
def other_councillor(akka):
    return CouncillorFactory(body=council_of(akka))


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def roles(councillor, other_councillor, staff):
    return {
        "anonymous": None,
        "resident": UserFactory(),
        "councillor": councillor,
        "other_councillor": other_councillor,
        "staff": staff,
        "admin": AdminFactory(),
    }


def login(client, roles, role):
    if roles[role] is not None:
        client.force_login(roles[role])
    return client


@pytest.fixture
def commitment_in_tata(tata):
    return Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=7),
        body=council_of(tata),
        title_ar="إحداث لجنة التشاور المدني",
        start_date=datetime.date(2024, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )


@pytest.fixture
def commitment_in_akka(akka):
    return Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=3),
        body=council_of(akka),
        title_ar="رقمنة الحالة المدنية بأقا",
        start_date=datetime.date(2024, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )


@pytest.fixture
def committee(tata, councillor):
    return committee_create(
        user=councillor, commune_id=tata.pk, kind="civic", name_ar="لجنة التشاور المدني بطاطا"
    )


@pytest.fixture
def meeting(committee, councillor):
    return meeting_schedule(
        user=councillor,
        committee_id=committee.pk,
        starts_at=timezone.now() - datetime.timedelta(days=2),
        place="مقر الجماعة",
        agenda="تتبع البرنامج\nمقترحات الجمعيات",
    )


def submit(commune, **overrides):
    values = {
        "commune_id": commune.pk,
        "kind": "complaint",
        "text": "الإنارة العمومية معطلة في الحي منذ شهر",
    }
    values.update(overrides)
    return feedback_submit(**values)


@pytest.fixture
def feedback(tata):
    return submit(tata, name="فاطمة الزهراء", contact="0612345678", consent_to_contact=True)
