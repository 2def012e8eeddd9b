"""Finding one's commune: the list of twenty, municipalities first, and a search by any name."""

import datetime

import pytest

from recommendations.models import Commitment, Recommendation
from recommendations.services.updates import commitment_record_update
from tests.consultations.conftest import TATA

pytestmark = pytest.mark.django_db


def names_on(html: str) -> list[str]:
    import re

    return re.findall(r'class="commune-name">([^<]+)</a>', html)


def test_the_twenty_communes_municipalities_first(client, reference_data):
    html = client.get("/ar/communes/").content.decode()
    names = names_on(html)
    assert len(names) == 20
    assert names[:4] == ["أقا", "فم الحصن", "فم زكيد", "طاطا"]
    assert names.count("طاطا") == 1


def test_each_commune_shows_its_progress_and_how_many_commitments_are_late(
    client, commitment_in_tata, councillor
):
    Commitment.objects.filter(pk=commitment_in_tata.pk).update(
        start_date=datetime.date(2021, 1, 1), target_date=datetime.date(2022, 1, 1)
    )
    commitment_record_update(
        user=councillor,
        commitment_id=commitment_in_tata.pk,
        expected_version=commitment_in_tata.version,
        level="limited",
        progress=40,
        note="بدأت الأشغال",
    )
    html = client.get("/en/communes/").content.decode()
    tata_card = html.split(f'href="/en/communes/{TATA}/"', 1)[1].split("</li>", 1)[0]
    assert "40%" in tata_card
    assert "1 late" in tata_card
    # Two more past their target, under other recommendations: the card counts all three.
    for number in (2, 3):
        Commitment.objects.create(
            recommendation=Recommendation.objects.get(number=number),
            body=commitment_in_tata.body,
            title_ar=f"التزام متأخر {number}",
            start_date=datetime.date(2021, 1, 1),
            target_date=datetime.date(2022, 1, 1),
        )
    html = client.get("/en/communes/").content.decode()
    tata_card = html.split(f'href="/en/communes/{TATA}/"', 1)[1].split("</li>", 1)[0]
    assert "3 late" in tata_card


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("اقا", "Akka"),
        ("أقا", "Akka"),
        ("Akka", "Akka"),
        ("AQQA", "Akka"),
        ("tata", "Tata"),
        ("طاطا", "Tata"),
        ("الطاطا", "Tata"),
        ("foum zguid", "Foum Zguid"),
        ("فم زكيد", "Foum Zguid"),
        ("aït wabelli", "Ait Ouabelli"),
    ],
)
def test_a_commune_is_found_however_its_name_is_typed(client, reference_data, typed, found):
    html = client.get("/en/communes/", {"q": typed}).content.decode()
    assert found in names_on(html)


def test_a_name_that_is_no_commune_says_so_and_offers_the_whole_list(client, reference_data):
    html = client.get("/ar/communes/", {"q": "الرباط"}).content.decode()
    assert names_on(html) == []
    assert "لا توجد جماعة بهذا الاسم" in html
    assert 'href="/ar/communes/"' in html


def test_the_list_is_one_tap_from_the_home_page_and_the_header(client, reference_data):
    html = client.get("/ar/").content.decode()
    header = html.split("</header>", 1)[0]
    main = html.split("<main", 1)[1]
    assert 'href="/ar/communes/"' in header
    first_screen = main[:3000]
    assert 'href="/ar/communes/"' in first_screen
