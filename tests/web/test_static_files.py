"""The stylesheet as production serves it: minified, hashed and compressed, still the same rules;
and the home page a phone downloads, HTML and stylesheet compressed, within 8 KB."""

import datetime
import re

import brotli
import pytest
from django.core.management import call_command

from recommendations.models import Commitment, Recommendation
from recommendations.services.rollups import rollups_rebuild
from recommendations.state.levels import level_for_progress
from territory.models import Body

PRODUCTION = "web.static_storage.MinifiedCompressedManifestStaticFilesStorage"


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": PRODUCTION},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    return settings.STATIC_ROOT


def test_the_served_stylesheet_is_minified_but_keeps_every_rule(collected, settings):
    source = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text()
    hashed = [p for p in (collected / "css").glob("portal.*.css") if p.name.count(".") == 2]
    served = hashed[0].read_text()
    assert "/*" not in served and "\n\n" not in served
    assert len(served) < 0.85 * len(source)
    # Strings and generated content stay as written; the font is linked by its hashed name.
    assert 'content:attr(data-label) ": "' in served
    assert "@media print" in served and "[dir=rtl]" in served
    assert re.search(r'url\("?\.\./fonts/NotoSansTifinagh-Regular\.[0-9a-f]{12}\.woff2', served)
    for selector in (".matrix", ".commitment-list", ".follow-box", ".stack-on-phone", ".hp"):
        assert selector in served, selector
    compressed = (collected / "css" / f"{hashed[0].name}.br").read_bytes()
    assert brotli.decompress(compressed).decode() == served


@pytest.fixture
def every_cell_filled(reference_data):
    """A commitment in each of the matrix's 180 cells, at varied progress."""
    councils = Body.objects.filter(kind=Body.Kind.COMMUNE_COUNCIL).order_by("slug")
    Commitment.objects.bulk_create(
        Commitment(
            recommendation=recommendation,
            body=council,
            title_ar=f"التزام {i}",
            start_date=datetime.date(2025, 1, 1),
            target_date=datetime.date(2027, 1, 1),
            level=level_for_progress((i * 37) % 101),
            progress=(i * 37) % 101,
        )
        for i, (council, recommendation) in enumerate(
            (c, r) for c in councils for r in Recommendation.objects.order_by("number")
        )
    )
    rollups_rebuild()


def test_the_home_page_and_its_stylesheet_reach_a_phone_in_8_kb(
    client, collected, settings, every_cell_filled
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600  # pages are sent as the page cache stores them
    response = client.get("/ar/", HTTP_ACCEPT_ENCODING="br")
    assert response["Content-Encoding"] == "br"
    hashed = [p for p in (collected / "css").glob("portal.*.css") if p.name.count(".") == 2]
    css = (collected / "css" / f"{hashed[0].name}.br").read_bytes()
    assert len(response.content) + len(css) <= 8 * 1024
