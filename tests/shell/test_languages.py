import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9", "/fr/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("ar-MA,ar;q=0.9", "/ar/"),
        ("de-DE,de;q=0.9", "/ar/"),
        (None, "/ar/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_html_element_carries_language_and_direction(client, reference_data, language, direction):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_every_page_offers_the_language_switcher_to_the_same_page(client, reference_data):
    html = client.get("/ar/recommendations/4/").content.decode()
    assert 'href="/fr/recommendations/4/"' in html
    assert 'href="/en/recommendations/4/"' in html
    assert 'href="/ar/recommendations/4/" lang="ar" hreflang="ar" aria-current="page"' in html


def test_layout_has_skip_link_landmarks_and_source_footer(client, reference_data):
    html = client.get("/en/").content.decode()
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "<header" in html and "<nav" in html and "<footer" in html
    assert "17–19 December 2021" in html
    assert "<script" not in html  # nothing on the page needs JavaScript


def test_arabic_layout_strings_are_translated(client, reference_data):
    html = client.get("/ar/").content.decode()
    assert "Skip to main content" not in html
    assert "Log in" not in html
