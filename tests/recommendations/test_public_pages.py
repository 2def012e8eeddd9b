import json
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

SEED = json.loads(
    (Path(settings.BASE_DIR) / "recommendations/data/recommendations.json").read_text("utf-8")
)


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_home_lists_the_nine_titles_in_the_page_language(client, reference_data, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    for row in SEED:
        title = row[f"title_{language}"].replace("'", "&#x27;")
        assert title in html, (language, row["number"])


def test_arabic_home_is_right_to_left_and_links_every_commune(client, reference_data):
    html = client.get("/ar/").content.decode()
    assert 'dir="rtl"' in html
    assert "فم زكيد" in html and "تيسينت" in html
    assert html.count('href="/ar/communes/0') == 20  # each commune's page
    assert 'href="/ar/communes/"' in html  # and the list, with its search


def test_recommendation_page_shows_the_full_text(client, reference_data):
    html = client.get("/ar/recommendations/6/").content.decode()
    assert "دعوة الجماعات بالإقليم إلى إدراج محور تدبير الموارد المائية" in html
    html = client.get("/fr/recommendations/6/").content.decode()
    assert "intégrer un axe de gestion des ressources en eau" in html


def test_commune_page(client, reference_data):
    html = client.get("/fr/communes/09.551.05.09/").content.decode()
    assert "Tissint" in html and "Foum Zguid" in html


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/ar/recommendations/10/", "لم نجد هذه الصفحة"),
        ("/fr/recommendations/10/", "Page introuvable"),
        ("/en/recommendations/10/", "Page not found"),
        ("/ar/communes/99.999.99.99/", "لم نجد هذه الصفحة"),
        ("/fr/communes/nowhere/", "Page introuvable"),
    ],
)
def test_unknown_recommendation_or_commune_is_a_404_in_the_page_language(
    client, reference_data, path, expected
):
    response = client.get(path)
    assert response.status_code == 404
    assert expected in response.content.decode()


@pytest.mark.parametrize(
    ("path", "ceiling"),
    # The commune page gathers both apps: its late box and count, its council's commitments and
    # their figures, committees and their count, meetings, published feedback.
    [("/ar/", 7), ("/fr/recommendations/1/", 7), ("/en/communes/09.551.01.07/", 9)],
)
def test_public_pages_cost_a_fixed_number_of_queries(
    client, reference_data, django_assert_max_num_queries, path, ceiling
):
    with django_assert_max_num_queries(ceiling):
        assert client.get(path).status_code == 200


def test_home_page_weighs_under_60_kb_with_its_stylesheet(client, reference_data):
    html = client.get("/ar/").content
    css = (Path(settings.BASE_DIR) / "static/css/portal.css").read_bytes()
    assert len(html) + len(css) < 60 * 1024
