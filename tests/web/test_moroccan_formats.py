"""Dates, times, lists and percentages as Moroccans write them (CLDR's ar_MA): "5 غشت 2028",
"13:57", the Arabic comma, "63%" the same way round everywhere."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import engines
from django.utils import timezone, translation

from text.dates import format_day, format_moment, format_month, format_stored
from text.lists import join_words

MOROCCAN_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]
EASTERN = ("نوفمبر", "ديسمبر", "أغسطس", "سبتمبر", "يوليو ", "مايو")
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_every_month_has_its_moroccan_name():
    for number, name in enumerate(MOROCCAN_MONTHS, start=1):
        assert format_day(datetime.date(2028, number, 5), "ar") == f"5 {name} 2028"


def test_a_moment_is_day_month_year_then_a_24_hour_time_in_tata():
    summer_afternoon = datetime.datetime(2028, 8, 5, 12, 57, tzinfo=datetime.UTC)
    # Morocco keeps UTC+1 outside Ramadan.
    assert format_moment(summer_afternoon, "ar") == "5 غشت 2028، 13:57"
    assert format_moment(summer_afternoon, "fr") == "5 août 2028, 13:57"
    late = datetime.datetime(2026, 11, 29, 21, 5, tzinfo=datetime.UTC)
    assert format_moment(late, "ar").endswith("22:05")
    assert "م" not in format_moment(late, "ar").split("، ")[1]  # no "مساءً"/"م"


def test_a_day_kept_as_iso_text_is_shown_in_the_readers_language():
    assert format_stored("2028-08-05", "ar") == "5 غشت 2028"
    assert format_stored("2028-08-05T13:57+01:00", "ar") == "5 غشت 2028، 13:57"
    assert format_stored("2028-08-05 13:57", "fr") == "5 août 2028, 13:57"
    assert format_stored("not a date", "ar") == "not a date"  # shown, not lost
    assert format_month("2025-12", "ar") == "دجنبر 2025"


def test_lists_inside_arabic_take_the_arabic_comma():
    assert join_words(["نساء 2", "شباب 2"], "ar") == "نساء 2، شباب 2"
    assert join_words(["femmes 2", "jeunes 2"], "fr") == "femmes 2, jeunes 2"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_template_filters_follow_the_active_language(language):
    template = engines["django"].from_string(
        "{{ d|day }} | {{ m|moment }} | {{ words|spoken_list }} | {{ share|percent }}"
    )
    moment = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 30))
    with translation.override(language):
        out = template.render(
            {"d": datetime.date(2026, 12, 1), "m": moment, "words": ["أ", "ب"], "share": 63}
        )
    if language == "ar":
        assert out == "1 دجنبر 2026 | 1 دجنبر 2026، 09:30 | أ، ب | <bdi>63%</bdi>"
    else:
        assert out == "1 décembre 2026 | 1 décembre 2026, 09:30 | أ, ب | <bdi>63%</bdi>"


def test_no_template_shows_a_date_with_djangos_date_filter():
    """Django's `date` filter writes Eastern month names and a 12-hour clock in Arabic; it may
    only write machine dates (ISO in attributes and links)."""
    machine = re.compile(r"""\|date:(['"])(c|Y-m-d)\1""")
    offenders = []
    for path in TEMPLATES.rglob("*.*"):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if "|date:" in machine.sub("", line) or "|time:" in line:
                offenders.append(f"{path.relative_to(TEMPLATES)}:{number}")
    assert not offenders


def test_eastern_month_names_appear_nowhere_in_the_arabic_catalogue():
    catalogue = (TEMPLATES.parent / "locale/ar/LC_MESSAGES/django.po").read_text()
    msgstrs = "\n".join(re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', catalogue, re.M))
    assert not [name for name in EASTERN if name in msgstrs]
