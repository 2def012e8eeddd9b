"""How a digest or an escalation groups what is waiting: by kind and place, labelled in the
reader's language, most items first, the earliest dates first inside a group, each item and
each group linked, and how many groups did not fit."""

import pytest
from django.utils import translation

from notifications.grouping import GROUPS_SHOWN, grouped
from notifications.registry import kind_label
from notifications.services.escalation import ESCALATION

TATA = {"code": "09.551.01.07", "id": 7, "name": {"ar": "طاطا", "fr": "Tata"}}
AKKA = {"code": "09.551.01.01", "id": 1, "name": {"ar": "أقا", "fr": "Akka"}}
SITE = "http://portal.test"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def item(title, *, place=TATA, date="2026-03-10", path="/commitments/1/", **extra):
    payload = {"title": {"ar": title, "fr": f"fr {title}"}, "date": date, "place": place}
    if path is not None:
        payload["path"] = path
    payload.update(extra)
    return payload


def test_groups_are_labelled_by_kind_and_escalations_say_what_was_escalated():
    with translation.override("fr"):
        escalated = str(kind_label(ESCALATION))
        groups, more = grouped(
            [
                ("stale_commitment", item("a")),
                ("escalation", item("b", escalated_kind="stale_commitment")),
            ],
            "fr",
        )
    stale = "Engagements sans mise à jour depuis un certain temps"
    assert escalated == "Transmis à l'observatoire : deux rappels, rien n'a été fait depuis"
    assert sorted(g.label for g in groups) == sorted([stale, f"{escalated} — {stale}"])
    assert [g.place for g in groups] == ["Tata", "Tata"]
    assert more == 0


def test_inside_a_group_the_earliest_comes_first_then_by_title_in_the_readers_language():
    items = [
        ("milestone_due", {**item("ب"), "title": {"ar": "ب", "fr": "A"}}),
        ("milestone_due", {**item("أ"), "title": {"ar": "أ", "fr": "B"}}),
        ("milestone_due", item("ج", date="2026-03-01")),
        ("milestone_due", item("د", date="")),
    ]
    (group,), _ = grouped(items, "ar")
    assert [i["title"] for i in group.items] == ["ج", "أ", "ب"]
    (group,), _ = grouped(items, "fr")
    assert [i["title"] for i in group.items] == ["fr ج", "A", "B"]
    assert group.count == 4 and group.more == 1


def test_each_item_and_each_group_links_to_its_page_in_the_readers_language():
    (late,), _ = grouped([("stale_commitment", item("a", path=None))], "ar")
    assert late.items[0]["url"] == f"{SITE}/ar/"
    assert late.url == f"{SITE}/ar/my/?commune=09.551.01.07"
    (posted,), _ = grouped([("update_posted", item("b"))], "fr")
    assert posted.items[0]["url"] == f"{SITE}/fr/commitments/1/"
    assert posted.url == ""  # this kind has no page listing them all


def test_the_largest_groups_come_first_and_the_rest_are_counted():
    places = [{"code": f"09.551.0{i}", "id": i, "name": {"ar": f"جماعة {i}"}} for i in range(10)]
    items = [
        ("stale_commitment", item(f"{i}-{n}", place=place))
        for i, place in enumerate(places)
        for n in range(i + 1)
    ]
    groups, more = grouped(items, "ar")
    assert [g.count for g in groups] == [10, 9, 8, 7, 6, 5, 4, 3]
    assert len(groups) == GROUPS_SHOWN and more == 2
    few, none_more = grouped(items[:3], "ar")
    assert none_more == 0 and [g.count for g in few] == [2, 1]
