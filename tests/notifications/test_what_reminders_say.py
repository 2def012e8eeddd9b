"""What a councillor reads in a reminder about meetings and feedback: which committee, its day
and hour as they write them, where to click; how many feedback wait, in words; and the
headings and list pages of every kind of reminder. Who is reminded at all is in
test_reminder_rules.py."""

import datetime

import pytest
from django.core import mail
from django.utils import translation

from consultations import reminder_rules as meetings_and_feedback
from consultations.models import Feedback, Meeting
from notifications.registry import kind_label, kind_list_path, rules
from notifications.services.daily_run import reminders_collect, reminders_run
from recommendations import reminder_rules as commitments
from territory.models import Body
from tests.consultations.conftest import submit
from tests.factories import CouncillorFactory
from tests.notifications.conftest import NOW, at, committee_of

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def feedback_in(commune, *, days_ago, state="received"):
    item = submit(commune)
    Feedback.objects.filter(pk=item.pk).update(
        created_at=NOW - datetime.timedelta(days=days_ago), state=state
    )


def digests(capture) -> dict[str, str]:
    with capture(execute=True):
        reminders_run(now=NOW)
    return {message.to[0]: message.body for message in mail.outbox}


def test_a_meeting_reminder_names_the_committee_its_day_and_hour_and_links_to_it(
    django_capture_on_commit_callbacks, tata_councillor, akka_councillor
):
    meetings = {}
    for councillor in (tata_councillor, akka_councillor):
        committee = committee_of(councillor)
        meetings[councillor.pk] = (
            Meeting.objects.create(committee=committee, starts_at=at(hours=30), place="القاعة"),
            Meeting.objects.create(
                committee=committee, starts_at=at(hours=-100), place="القاعة", status="held"
            ),
        )
    read = digests(django_capture_on_commit_callbacks)
    soon, held = meetings[tata_councillor.pk]
    # Morocco keeps UTC during Ramadan (March 2026): 8:00 UTC + 30 h is 14:00 on the 17th.
    assert (
        "اجتماعات خلال اليومين المقبلين · طاطا: 1\n"
        "- لجنة التشاور (\u206817 مارس 2026، 14:00\u2069)\n"
        f"  {SITE}/ar/meetings/{soon.pk}/\n"
    ) in read["fatima@tata.example"]
    assert (
        "اجتماعات منعقدة دون محضر · طاطا: 1\n"
        "- لجنة التشاور (\u206812 مارس 2026، 04:00\u2069)\n"
        f"  {SITE}/ar/meetings/{held.pk}/\n"
    ) in read["fatima@tata.example"]
    soon, held = meetings[akka_councillor.pk]
    assert (
        "Réunions dans les deux prochains jours · Akka: 1\n"
        "- Commission de concertation (\u206817 mars 2026, 14:00\u2069)\n"
        f"  {SITE}/fr/meetings/{soon.pk}/\n"
    ) in read["youssef@akka.example"]
    assert (
        "Réunions tenues sans procès-verbal · Akka: 1\n"
        "- Commission de concertation (\u206812 mars 2026, 04:00\u2069)\n"
        f"  {SITE}/fr/meetings/{held.pk}/\n"
    ) in read["youssef@akka.example"]


def test_more_meetings_than_a_digest_shows_link_to_the_communes_meetings(
    django_capture_on_commit_callbacks, tata_councillor
):
    committee = committee_of(tata_councillor)
    for hours in range(30, 35):
        Meeting.objects.create(committee=committee, starts_at=at(hours=hours), place="القاعة")
    text = digests(django_capture_on_commit_callbacks)["fatima@tata.example"]
    assert "اجتماعات خلال اليومين المقبلين · طاطا: 5\n" in text
    assert f"… واثنان آخران: {SITE}/ar/communes/09.551.01.07/#meetings-heading\n" in text


def test_feedback_waiting_is_counted_in_words_and_links_to_the_communes_overdue_inbox(
    django_capture_on_commit_callbacks, tata_councillor, akka_councillor
):
    for councillor in (tata_councillor, akka_councillor):
        commune = councillor.body.commune
        feedback_in(commune, days_ago=12)
        feedback_in(commune, days_ago=11)
        feedback_in(commune, days_ago=55, state="acknowledged")
    feedback_in(akka_councillor.body.commune, days_ago=51, state="acknowledged")
    # Every reader's words are in the message: English ones too, the plural as well.
    english = {
        (r.recipient_id, r.kind): r.payload["title"]["en"] for r in reminders_collect(now=NOW)
    }
    assert english == {
        (
            tata_councillor.pk,
            "feedback_unacknowledged",
        ): "2 feedback waiting for an acknowledgement",
        (tata_councillor.pk, "feedback_unanswered"): "1 feedback waiting for an answer",
        (
            akka_councillor.pk,
            "feedback_unacknowledged",
        ): "2 feedback waiting for an acknowledgement",
        (akka_councillor.pk, "feedback_unanswered"): "2 feedback waiting for an answer",
    }
    read = digests(django_capture_on_commit_callbacks)
    tata = tata_councillor.body.commune_id
    assert (
        "مراسلات في انتظار الإشعار بالتوصل بها · طاطا: 1\n"
        "- مراسلتان في انتظار الإشعار بالتوصل (\u20684 مارس 2026\u2069)\n"
        f"  {SITE}/ar/inbox/?overdue=on&commune={tata}\n"
    ) in read["fatima@tata.example"]
    assert (
        "مراسلات في انتظار الإجابة عنها · طاطا: 1\n"
        "- مراسلة واحدة في انتظار الجواب (\u206820 يناير 2026\u2069)\n"
        f"  {SITE}/ar/inbox/?overdue=on&commune={tata}\n"
    ) in read["fatima@tata.example"]
    akka = akka_councillor.body.commune_id
    assert (
        "- 2 retours en attente d'accusé de réception (\u20684 mars 2026\u2069)\n"
        f"  {SITE}/fr/inbox/?overdue=on&commune={akka}\n"
    ) in read["youssef@akka.example"]
    assert (
        "- 2 retours en attente de réponse (\u206820 janvier 2026\u2069)\n"
        f"  {SITE}/fr/inbox/?overdue=on&commune={akka}\n"
    ) in read["youssef@akka.example"]


def test_only_the_communes_active_councillors_hear_of_its_meetings_and_feedback(tata_councillor):
    commune = tata_councillor.body.commune
    away = CouncillorFactory(body=tata_councillor.body, is_active=False)
    resident = CouncillorFactory(body=tata_councillor.body, role="resident")
    service = Body.objects.create(
        kind=Body.Kind.PUBLIC_SERVICE, commune=commune, slug="water-office-tata", name_ar="مكتب"
    )
    other_body = CouncillorFactory(body=service)
    committee = committee_of(tata_councillor)
    Meeting.objects.create(committee=committee, starts_at=at(hours=30), place="القاعة")
    Meeting.objects.create(
        committee=committee, starts_at=at(hours=-100), place="القاعة", status="held"
    )
    feedback_in(commune, days_ago=12)
    reminded = {(r.kind, r.recipient_id) for r in reminders_collect(now=NOW)}
    kinds = ("meeting_soon", "minutes_missing", "feedback_unacknowledged")
    assert reminded == {(kind, tata_councillor.pk) for kind in kinds}
    assert not {away.pk, resident.pk, other_body.pk} & {who for _kind, who in reminded}


def test_each_reminder_kind_has_the_heading_and_the_list_page_its_readers_see(monkeypatch):
    from notifications import registry

    # Each app registers its kinds and rules when the site starts: here into an empty registry,
    # while this test watches (the site's own comes back after it).
    for kept in ("_rules", "_labels", "_list_paths"):
        monkeypatch.setattr(registry, kept, {})
    commitments.register()
    meetings_and_feedback.register()
    tata = {"code": "09.551.01.07", "id": 7}
    with translation.override("ar"):
        seen = {
            kind: (str(kind_label(kind)), kind_list_path(kind, tata), kind_list_path(kind, {}))
            for kind in (
                "stale_commitment",
                "milestone_due",
                "milestone_overdue",
                "update_posted",
                "meeting_soon",
                "minutes_missing",
                "feedback_unacknowledged",
                "feedback_unanswered",
                "feedback_reopened",
            )
        }
    late, meetings = "/my/?commune=09.551.01.07", "/communes/09.551.01.07/#meetings-heading"
    inbox = "/inbox/?overdue=on&commune=7"
    # A place of no commune (a provincial body): the whole list.
    assert seen == {
        "stale_commitment": ("التزامات لم يتم تحيينها منذ مدة", late, "/my/"),
        "milestone_due": ("مراحل يحلّ أجلها خلال أسبوع", late, "/my/"),
        "milestone_overdue": ("مراحل متأخرة عن الأجل", late, "/my/"),
        "update_posted": ("نُشر تحيين بشأن التزام أنتم مسؤولون عنه", None, None),
        "meeting_soon": ("اجتماعات خلال اليومين المقبلين", meetings, "/"),
        "minutes_missing": ("اجتماعات منعقدة دون محضر", meetings, "/"),
        "feedback_unacknowledged": ("مراسلات في انتظار الإشعار بالتوصل بها", inbox, "/inbox/"),
        "feedback_unanswered": ("مراسلات في انتظار الإجابة عنها", inbox, "/inbox/"),
        "feedback_reopened": (
            "أعيد فتح مراسلة: قال المواطن إن الجواب لم يفده",
            inbox,
            "/inbox/",
        ),
    }
    assert {name: rule.__name__ for name, rule in rules().items()} == {
        "recommendations.stale_commitments": "stale_commitments",
        "recommendations.milestones_due": "milestones_due",
        "consultations.meetings_soon": "meetings_soon",
        "consultations.minutes_missing": "minutes_missing",
        "consultations.feedback_waiting": "feedback_waiting",
    }


def test_a_commitment_reminder_names_it_in_each_readers_language_with_its_dates(tata_councillor):
    from recommendations.models import Milestone
    from tests.notifications.conftest import make_commitment

    stale = make_commitment(tata_councillor, last_update_days=40, title_en="Digital civil status")
    Milestone.objects.create(
        commitment=stale,
        title_ar="مرحلة",
        title_en="First step",
        due_date=datetime.date(2026, 3, 19),
    )
    said = {r.kind: r.payload for r in reminders_collect(now=NOW)}
    place = {
        "code": "09.551.01.07",
        "id": tata_councillor.body.commune_id,
        "name": {"ar": "طاطا", "fr": "Tata", "en": "Tata", "zgh": "ⵟⴰⵟⴰ"},
    }
    # Where a title is missing in a language, the Arabic one stands in.
    assert said == {
        "stale_commitment": {
            "title": {
                "ar": "رقمنة الحالة المدنية",
                "fr": "Numériser l'état civil",
                "en": "Digital civil status",
                "zgh": "رقمنة الحالة المدنية",
            },
            "path": f"/commitments/{stale.pk}/",
            "date": "2026-02-04",  # its last activity
            "place": place,
        },
        "milestone_due": {
            "title": {
                "ar": "مرحلة — رقمنة الحالة المدنية",
                "fr": "مرحلة — Numériser l'état civil",
                "en": "First step — Digital civil status",
                "zgh": "مرحلة — رقمنة الحالة المدنية",
            },
            "path": f"/commitments/{stale.pk}/",
            "date": "2026-03-19",  # the milestone's due day
            "place": place,
        },
    }
