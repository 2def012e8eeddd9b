"""What a process keeps between requests to render a page cheaply, and that it never shows
anything older than the last write concerning it, nor one person's page to another: the
reference data (web.memo), the commune page's consultations part (web.fragments.scoped_fragment)
and the layout's brand, menus and footer (web.templatetags.chrome)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.services.feedback import feedback_set_published
from consultations.services.feedback_submission import feedback_submit
from consultations.services.meetings import committee_create
from recommendations.models import Commitment, Recommendation
from recommendations.services.rollups import rollups_rebuild
from recommendations.services.updates import commitment_record_update
from territory.models import Body, Commune
from tests.factories import CouncillorFactory, StaffFactory

pytestmark = pytest.mark.django_db
TATA = "09.551.01.07"


@pytest.fixture
def tata_commitment(reference_data):
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=4),
        body=Body.objects.get(slug="council-09-551-01-07"),
        title_ar="تهيئة فضاء للشباب",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    rollups_rebuild()  # created here without the services, as a bulk load would
    return commitment


def tables_read(client, path: str) -> str:
    """The SQL a request ran, as one text to look for table names in."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return " ".join(q["sql"] for q in captured)


# --- Reference data kept per process -----------------------------------------------------------


def test_once_kept_the_pages_load_no_commune_body_or_recommendation(client, tata_commitment):
    """They may still join them to sort (a recommendation's list, by commune code), but read
    their names from what the process keeps."""
    columns = (
        '"territory_commune"."name_ar"',
        '"territory_body"."name_ar"',
        '"recommendations_recommendation"."title_ar"',
    )
    for path in (
        "/ar/",
        "/ar/matrix/",
        f"/ar/communes/{TATA}/",
        "/ar/recommendations/4/",
        f"/ar/commitments/{tata_commitment.pk}/",
    ):
        client.get(path)
        sql = tables_read(client, path)
        assert not [column for column in columns if column in sql], path


def test_a_commune_renamed_without_the_admin_shows_at_once_everywhere(client, tata_commitment):
    """A load, a script or a shell saving a commune moves the epoch: no process keeps the old
    name, even inside the writer's own transaction."""
    pages = ("/ar/", f"/ar/communes/{TATA}/", "/ar/recommendations/4/")
    for path in pages:
        assert (
            ">طاطا</a>" in client.get(path).content.decode()
            or ">طاطا</h1>" in client.get(path).content.decode()
        )
    tata = Commune.objects.get(code=TATA)
    tata.name_ar = "مدينة الواحات"
    tata.save()
    for path in pages:
        html = client.get(path).content.decode()
        assert "مدينة الواحات" in html and ">طاطا<" not in html, path
    html = client.get(f"/ar/commitments/{tata_commitment.pk}/").content.decode()
    assert "مدينة الواحات" in html


def test_a_rename_made_by_another_process_shows_on_the_next_request(client, tata_commitment):
    """Another worker saves the commune and moves the epoch in the shared cache: this process,
    whose own signals never saw the save, reads the epoch again on its next request."""
    from django.core.cache import cache

    from web.page_cache import EPOCH

    path = f"/ar/communes/{TATA}/"
    assert ">طاطا</h1>" in client.get(path).content.decode()
    Commune.objects.filter(code=TATA).update(name_ar="واحة طاطا")  # no signal in this process
    assert ">طاطا</h1>" in client.get(path).content.decode()  # the epoch has not moved yet
    cache.incr(EPOCH)  # what the other process does once its transaction commits
    assert ">واحة طاطا</h1>" in client.get(path).content.decode()


def test_a_recommendation_or_body_added_after_they_were_kept_still_lists(client, reference_data):
    """Written behind the ORM's signals (a bulk load): the process still holds the bodies it
    kept, and reads the one it does not know when a row points at it."""
    client.get("/ar/recommendations/4/")  # the bodies and recommendations are kept now
    (body,) = Body.objects.bulk_create(
        [Body(slug="new-service", kind="public_service", name_ar="مصلحة جديدة")]
    )
    tata_council = Body.objects.get(slug="council-09-551-01-07")
    Commitment.objects.bulk_create(
        Commitment(
            recommendation=Recommendation.objects.get(number=4),
            body=owner,
            title_ar=title,
            start_date=datetime.date(2025, 1, 1),
            target_date=datetime.date(2027, 1, 1),
        )
        for owner, title in ((body, "التزام مصلحة جديدة"), (tata_council, "التزام المجلس"))
    )
    rollups_rebuild()
    html = client.get("/ar/recommendations/4/").content.decode()
    assert "التزام مصلحة جديدة" in html and "مصلحة جديدة" in html
    commitment = Commitment.objects.get(title_ar="التزام مصلحة جديدة")
    assert "مصلحة جديدة" in client.get(f"/ar/commitments/{commitment.pk}/").content.decode()
    assert "التزام المجلس" in client.get(f"/ar/communes/{TATA}/").content.decode()


def test_a_rolled_back_rename_is_not_kept_once_its_request_ends(client, tata_commitment):
    """A request renames a commune, reads the communes inside its transaction, then fails: what
    it read never existed, and its process forgets it when the request ends."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, transaction

    from territory.selectors import all_communes

    client.get(f"/ar/communes/{TATA}/")  # the communes are kept
    # The request, as the test client runs one (without closing the test's database).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        with pytest.raises(RuntimeError), transaction.atomic():
            tata = Commune.objects.get(code=TATA)
            tata.name_ar = "اسم لم يحفظ"
            tata.save()
            assert "اسم لم يحفظ" in {c.name_ar for c in all_communes()}  # read inside it
            raise RuntimeError("the request fails: its transaction is rolled back")
        request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    html = client.get(f"/ar/communes/{TATA}/").content.decode()
    assert ">طاطا</h1>" in html and "اسم لم يحفظ" not in html


def test_nothing_is_kept_longer_than_its_maximum_age(client, tata_commitment, monkeypatch):
    import time

    from web import memo

    path = f"/ar/communes/{TATA}/"
    assert ">طاطا</h1>" in client.get(path).content.decode()
    Commune.objects.filter(code=TATA).update(name_ar="طاطا الجديدة")  # no signal, no epoch
    assert ">طاطا</h1>" in client.get(path).content.decode()
    later = time.monotonic() + memo.MAX_AGE_SECONDS + 1
    monkeypatch.setattr(memo.time, "monotonic", lambda: later)
    assert ">طاطا الجديدة</h1>" in client.get(path).content.decode()


def owner_update(commitment, note: str, *, version: int = 1, progress: int = 20) -> None:
    """A status update by a councillor of the commitment's council."""
    commitment_record_update(
        user=CouncillorFactory(body=commitment.body),
        commitment_id=commitment.pk,
        expected_version=version,
        level="limited",
        progress=progress,
        note=note,
    )


# --- Timeline entries kept per language ---------------------------------------------------------


@pytest.mark.parametrize("seconds", [0, 600], ids=["off", "on"])
def test_a_commitment_page_shows_its_timeline_whether_entries_are_kept_or_not(
    client, tata_commitment, settings, seconds
):
    # FRAGMENT_CACHE_SECONDS=0 turns keeping off, for an operator chasing a stale page.
    settings.FRAGMENT_CACHE_SECONDS = seconds
    owner_update(tata_commitment, "بداية الأشغال")
    owner_update(tata_commitment, "تجهيز القاعة", version=2, progress=35)
    for _twice in range(2):
        html = client.get(f"/ar/commitments/{tata_commitment.pk}/").content.decode()
        assert html.index("تجهيز القاعة") < html.index("بداية الأشغال")  # newest first


def test_a_timeline_entry_once_kept_is_not_loaded_again(client, tata_commitment, settings):
    settings.FRAGMENT_CACHE_SECONDS = 600
    owner_update(tata_commitment, "بداية الأشغال")
    path = f"/ar/commitments/{tata_commitment.pk}/"
    assert "accounts_user" in tables_read(client, path)  # the entry and its author, loaded
    assert "accounts_user" not in tables_read(client, path)  # kept: only its id is read


def test_the_entries_of_an_edit_conflict_show_with_entries_kept_or_not(tata_commitment, settings):
    from recommendations.models import StatusUpdate
    from recommendations.rendering.timeline import timeline_entries

    owner_update(tata_commitment, "سبقكم زميل بهذا التحيين")
    for seconds in (0, 600):
        settings.FRAGMENT_CACHE_SECONDS = seconds
        html = timeline_entries(StatusUpdate.objects.all(), language="ar")
        assert "سبقكم زميل بهذا التحيين" in html


# --- The commune page's consultations part ------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600


def test_a_status_update_renders_the_commune_commitments_not_its_committees_again(
    client, tata_commitment, page_cache_on, django_capture_on_commit_callbacks
):
    path = f"/ar/communes/{TATA}/"
    committee_create(
        user=StaffFactory(),
        commune_id=tata_commitment.body.commune_id,
        kind="civic",
        name_ar="هيئة المساواة",
    )
    assert "هيئة المساواة" in client.get(path).content.decode()
    councillor = CouncillorFactory(body=tata_commitment.body)
    with django_capture_on_commit_callbacks(execute=True):
        commitment_record_update(
            user=councillor,
            commitment_id=tata_commitment.pk,
            expected_version=1,
            level="limited",
            progress=20,
            note="بداية الأشغال",
        )
    sql = tables_read(client, path)
    assert "recommendations_" in sql  # the commitments, rendered anew with the update
    assert "consultations_" not in sql  # committees, meetings, feedback: kept as they were
    html = client.get(path).content.decode()
    assert "20%" in html and "هيئة المساواة" in html


def test_feedback_published_shows_on_its_commune_page_at_once(
    client, tata_commitment, page_cache_on, django_capture_on_commit_callbacks
):
    path = f"/ar/communes/{TATA}/"
    client.get(path)
    feedback = feedback_submit(
        commune_id=tata_commitment.body.commune_id,
        kind="suggestion",
        text="نقترح فتح الفضاء يوم الأحد",
    )
    assert "يوم الأحد" not in client.get(path).content.decode()  # not published yet
    with django_capture_on_commit_callbacks(execute=True):
        feedback_set_published(user=StaffFactory(), feedback_id=feedback.pk, published=True)
    assert "يوم الأحد" in client.get(path).content.decode()


def test_the_consultations_part_is_kept_per_language_and_per_manager(
    client, tata_commitment, page_cache_on
):
    path = "/{}/communes/" + TATA + "/"
    assert "Consultation committees" in client.get(path.format("en")).content.decode()
    assert "Comités de concertation" in client.get(path.format("fr")).content.decode()
    assert "Create a committee" not in client.get(path.format("en")).content.decode()
    client.force_login(StaffFactory())
    assert "Create a committee" in client.get(path.format("en")).content.decode()
    client.logout()
    assert "Create a committee" not in client.get(path.format("en")).content.decode()


def test_a_meeting_moves_to_the_past_when_it_starts_not_when_the_part_expires(
    client, tata_commitment, page_cache_on
):
    import time_machine
    from django.utils import timezone

    from consultations.services.meetings import meeting_schedule

    staff = StaffFactory()
    committee = committee_create(
        user=staff, commune_id=tata_commitment.body.commune_id, kind="civic", name_ar="لجنة"
    )
    noon = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
    with time_machine.travel(noon - datetime.timedelta(minutes=3), tick=False):
        meeting_schedule(
            user=staff, committee_id=committee.pk, starts_at=noon, place="قاعة الاجتماعات"
        )
        client.force_login(staff)  # managers see the page live, from no page cache

        def sections():
            html = client.get(f"/ar/communes/{TATA}/").content.decode()
            coming = html.split('id="meetings-heading"', 1)[1].split("<h3>", 2)[1]
            return coming

        assert "meetings/" in sections()  # listed under "Coming"
    with time_machine.travel(noon + datetime.timedelta(minutes=1), tick=False):
        assert "meetings/" not in sections()  # started: under "Past" now, the same day


@pytest.mark.parametrize("seconds", [0, 600], ids=["off", "on"])
def test_the_consultations_part_shows_its_committee_and_coming_meeting_kept_or_not(
    client, tata_commitment, settings, seconds
):
    from django.utils import timezone

    from consultations.services.meetings import meeting_schedule

    settings.FRAGMENT_CACHE_SECONDS = seconds
    staff = StaffFactory()
    committee = committee_create(
        user=staff, commune_id=tata_commitment.body.commune_id, kind="civic", name_ar="لجنة الشباب"
    )
    meeting = meeting_schedule(
        user=staff,
        committee_id=committee.pk,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        place="قاعة الاجتماعات",
    )
    for _twice in range(2):
        html = client.get(f"/ar/communes/{TATA}/").content.decode()
        part = html.split('id="meetings-heading"', 1)[1]
        assert "لجنة الشباب" in html and f"/ar/meetings/{meeting.pk}/" in part
        assert "('" not in html  # the part, not a Python tuple of it and its lifetime
        # A commune with nothing coming: a part that will not change by itself, whole too.
        akka = client.get("/ar/communes/09.551.01.01/").content.decode()
        assert 'id="meetings-heading"' in akka


# --- The layout's brand, menus and footer -------------------------------------------------------


def test_a_signed_in_menu_is_never_shown_to_the_next_anonymous_visitor(client, reference_data):
    staff = StaffFactory()
    client.force_login(staff)  # the first page this process renders is a signed-in one
    html = client.get("/en/").content.decode()
    assert "Reports" in html and "Log out" in html and "csrfmiddlewaretoken" in html
    client.logout()
    html = client.get("/en/").content.decode()
    assert "Log in" in html
    assert "Log out" not in html and "Reports" not in html and "csrfmiddlewaretoken" not in html
    client.force_login(staff)
    assert "Log out" in client.get("/en/").content.decode()  # nor the other way round


def test_each_language_has_its_own_menus_and_footer(client, reference_data):
    arabic = client.get("/ar/").content.decode()
    french = client.get("/fr/").content.decode()
    assert "تسجيل الدخول" in arabic and "Se connecter" not in arabic
    assert "Se connecter" in french and "تسجيل الدخول" not in french
    assert 'href="/fr/communes/"' in french and 'href="/ar/communes/"' in arabic


def test_the_footer_never_carries_a_code_someone_typed(client, reference_data):
    client.get("/ar/feedback/follow/?code=QWERT-23456")
    assert "QWERT-23456" not in client.get("/ar/").content.decode()


def test_a_changed_contact_address_shows_in_the_footer(client, reference_data, settings):
    client.get("/ar/")
    settings.CONTACT_EMAIL = "observatoire@example.org"
    assert "observatoire@example.org" in client.get("/ar/").content.decode()


def test_language_links_keep_the_query_as_a_link_can_carry_it(client, reference_data):
    html = client.get("/ar/communes/", {"q": "أقا"}).content.decode()
    assert 'href="/fr/communes/?q=%D8%A3%D9%82%D8%A7"' in html
    raw = client.get("/ar/communes/?q=أقا").content.decode()  # sent unencoded, as curl may
    link = raw.split('hreflang="fr" href="', 1)[1].split('"', 1)[0]
    assert link.startswith("/fr/communes/?q=") and link.isascii() and link.isprintable()


def test_a_page_asks_the_cache_a_fixed_few_times_and_the_epoch_once(
    client, tata_commitment, page_cache_on, monkeypatch
):
    """Like queries, round trips to the cache are counted: the epoch is read once per request
    however many helpers ask for it (the reference data, fragments, the page's versions)."""
    from django.core.cache import cache

    from web.page_cache import EPOCH

    asked, inside = [], []
    backend = cache._connections[cache._alias] if hasattr(cache, "_connections") else cache
    for method in ("get", "get_many"):
        real = getattr(backend, method)

        def counting(keys, *args, _real=real, **kwargs):
            # One round trip per outer call: a local cache's get_many calls get per key.
            if not inside:
                asked.append(keys)
            inside.append(True)
            try:
                return _real(keys, *args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(backend, method, counting)
    client.force_login(StaffFactory())  # signed in: no page cache, every part rendered
    for path in (f"/ar/communes/{TATA}/", "/ar/recommendations/4/", "/ar/"):
        client.get(path)
        asked.clear()
        client.get(path)
        epoch_reads = [
            keys for keys in asked if EPOCH in (keys if isinstance(keys, list) else [keys])
        ]
        assert len(epoch_reads) == 1, (path, asked)
        assert len(asked) <= 3, (path, asked)


def test_a_thread_that_never_answered_a_request_reads_the_epoch_each_time(db):
    """A worker's or a command's thread has no request to read the epoch once for: it reads
    it each time it is asked, and so sees at once that reference data changed."""
    import threading

    from web.page_cache import bump_epoch, epoch

    seen, failures = [], []

    def read_bump_read():
        try:
            seen.append(epoch())
            bump_epoch()
            seen.append(epoch())
        except Exception as exc:  # noqa: BLE001 - reported below, in the test's own thread
            failures.append(exc)

    worker = threading.Thread(target=read_bump_read)
    worker.start()
    worker.join()
    assert not failures, failures
    assert seen[0] != seen[1]
