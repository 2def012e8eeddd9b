import io

import pytest
from django.core.management import call_command

from recommendations.models import Recommendation
from territory.models import Body, Commune

pytestmark = pytest.mark.django_db


def load():
    call_command("load_reference_data", stdout=io.StringIO())


def test_one_load_gives_twenty_communes_and_nine_recommendations():
    load()
    assert Commune.objects.count() == 20
    assert Recommendation.objects.count() == 9
    assert Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL).count() == 20
    assert Body.objects.exclude(kind=Body.Kind.COMMUNE_COUNCIL).count() == 4


def test_second_load_changes_nothing():
    load()
    before = {
        "communes": list(Commune.objects.values().order_by("pk")),
        "bodies": list(Body.objects.values().order_by("pk")),
        "recommendations": list(Recommendation.objects.values().order_by("pk")),
    }
    load()
    after = {
        "communes": list(Commune.objects.values().order_by("pk")),
        "bodies": list(Body.objects.values().order_by("pk")),
        "recommendations": list(Recommendation.objects.values().order_by("pk")),
    }
    assert after == before


def test_staff_edit_survives_a_reload():
    load()
    commune = Commune.objects.get(code="09.551.07.07")  # Tagmout, spelling marked uncertain
    assert commune.name_uncertain
    commune.name_ar = "تاكموط"
    commune.save()
    recommendation = Recommendation.objects.get(number=8)
    recommendation.text_fr = "Texte révisé par l'équipe."
    recommendation.save()

    load()

    assert Commune.objects.get(code="09.551.07.07").name_ar == "تاكموط"
    assert Recommendation.objects.get(number=8).text_fr == "Texte révisé par l'équipe."


def test_reload_fills_a_translation_left_empty():
    load()
    Recommendation.objects.filter(number=3).update(title_en="")
    load()
    assert Recommendation.objects.get(number=3).title_en == "Putting e-administration to work"


def test_every_recommendation_has_arabic_french_and_english_text():
    load()
    for recommendation in Recommendation.objects.all():
        for language in ("ar", "fr", "en"):
            for field in ("title", "theme", "text"):
                value = getattr(recommendation, f"{field}_{language}")
                assert value and value.strip(), (recommendation.number, field, language)


def test_arabic_text_is_the_report_wording():
    load()
    # Recommendation 7 asks for the civic consultation committees; its text is the report's.
    text = Recommendation.objects.get(number=7).text_ar
    assert text.startswith("تشجيع الحوار وتبادل الخبرات بين الجماعات")
    assert "لجن التشاور المدني" in text


def test_communes_carry_codes_kinds_cercles_and_both_names():
    load()
    akka = Commune.objects.get(code="09.551.01.01")
    assert (akka.kind, akka.name_ar, akka.name_fr) == ("municipality", "أقا", "Akka")
    tissint = Commune.objects.get(code="09.551.05.09")
    assert (tissint.cercle_fr, tissint.cercle_ar) == ("Foum Zguid", "فم زكيد")
    assert Commune.objects.filter(kind="municipality").count() == 4
    assert Commune.objects.filter(name_uncertain=True).count() == 3


def test_each_commune_has_its_council():
    load()
    for commune in Commune.objects.all():
        council = commune.bodies.get(kind=Body.Kind.COMMUNE_COUNCIL)
        assert commune.name_ar in council.name_ar
