import datetime

import pytest
from django.utils import timezone

from consultations.services.feedback import feedback_answer
from consultations.services.feedback_submission import feedback_submit
from recommendations.models import Commitment, Recommendation
from recommendations.services.updates import commitment_record_update
from territory.models import Body, Commune
from tests.factories import CouncillorFactory, StaffFactory

PLANTED_NAME = "زينب الحسناوي"
PLANTED_PHONE = "0661234567"


def council(code):
    return Body.objects.get(kind=Body.Kind.COMMUNE_COUNCIL, commune__code=code)


def at(day: datetime.date, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def update(commitment, who, when: datetime.datetime, progress: int, link: str = ""):
    """An owner's status update recorded at `when`, at the commitment's current version."""
    commitment.refresh_from_db()
    return commitment_record_update(
        user=who,
        commitment_id=commitment.pk,
        expected_version=commitment.version,
        level="limited",
        progress=progress,
        note="تحيين",
        evidence_link=link,
        recorded_at=when,
    )


@pytest.fixture
def staff(db):
    return StaffFactory()


def commitment(code, number, title_ar, title_fr, *, public=True):
    return Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=number),
        body=council(code),
        title_ar=title_ar,
        title_fr=title_fr,
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2026, 6, 30),
        is_public=public,
        created_at=at(datetime.date(2025, 1, 2)),
    )


@pytest.fixture
def dataset(reference_data, staff):
    """Two communes, a private commitment, a history in 2025, feedback with personal data."""
    tata = CouncillorFactory(body=council("09.551.01.07"))
    akka = CouncillorFactory(body=council("09.551.01.01"))
    water = commitment("09.551.01.07", 6, "تدبير الموارد المائية بطاطا", "Gestion de l'eau à Tata")
    digital = commitment(
        "09.551.01.01", 3, "رقمنة الحالة المدنية بأقا", "État civil numérique à Akka"
    )
    hidden = commitment(
        "09.551.01.07", 5, "التزام داخلي غير منشور", "Engagement interne", public=False
    )
    for c, author, days in ((water, tata, (10, 60)), (digital, akka, (20,)), (hidden, tata, (5,))):
        for i, day in enumerate(days):
            update(
                c,
                author,
                at(datetime.date(2025, 3, 1) + datetime.timedelta(days=day)),
                20 * (i + 1),
            )
    item = feedback_submit(
        commune_id=Commune.objects.get(code="09.551.01.07").pk,
        kind="complaint",
        text="الماء مقطوع في حي السلام منذ أسبوع",
        name=PLANTED_NAME,
        contact=PLANTED_PHONE,
        consent_to_contact=True,
    )
    feedback_answer(user=staff, feedback_id=item.pk, answer="تم إصلاح العطب")
    return {"water": water, "digital": digital, "hidden": hidden, "tata": tata, "akka": akka}
