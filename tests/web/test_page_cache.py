"""The public page cache: what a write renders anew, and what it leaves alone; compression;
the previous copy while another worker renders; no copy older than the last write."""

import datetime
import gzip
import time
from types import SimpleNamespace

import brotli
import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseNotFound, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.services.feedback import feedback_set_published
from consultations.services.feedback_submission import feedback_submit
from notifications.services.daily_run import reminders_run
from recommendations.models import Commitment, Recommendation
from recommendations.services.updates import commitment_record_update
from territory.models import Body, Commune
from tests.factories import CouncillorFactory, StaffFactory
from web import page_cache

pytestmark = pytest.mark.django_db
TATA, AKKA = "09.551.01.07", "09.551.01.01"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600


def rendered(client, path, **headers) -> bool:
    """True when the page was rendered for this request, False when it came from the cache."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200, path
    return len(captured) > 0


@pytest.fixture
def scene(reference_data):
    tata = Body.objects.get(slug="council-09-551-01-07")
    akka = Body.objects.get(slug="council-09-551-01-01")
    commitments = {
        name: Commitment.objects.create(
            recommendation=Recommendation.objects.get(number=number),
            body=body,
            title_ar=f"التزام {name}",
            start_date=datetime.date(2025, 1, 1),
            target_date=datetime.date(2027, 1, 1),
        )
        for name, body, number in (("tata", tata, 4), ("akka", akka, 6))
    }
    return {
        "commitments": commitments,
        "councillor": CouncillorFactory(body=tata),
        "pages": {
            "home": "/ar/",
            "matrix": "/ar/matrix/",
            "tata": f"/ar/communes/{TATA}/",
            "akka": f"/ar/communes/{AKKA}/",
            "recommendation 4": "/ar/recommendations/4/",
            "recommendation 6": "/ar/recommendations/6/",
            "tata commitment": f"/ar/commitments/{commitments['tata'].pk}/",
            "akka commitment": f"/ar/commitments/{commitments['akka'].pk}/",
            "open data": "/open-data/",
        },
    }


def first_update(scene, commitment) -> None:
    """The Tata councillor's first status update of a commitment."""
    commitment_record_update(
        user=scene["councillor"],
        commitment_id=commitment.pk,
        expected_version=1,
        level="limited",
        progress=15,
        note="انطلاق الأشغال",
    )


def rendered_again(client, scene, write) -> set[str]:
    """Warm every page, make the write (its transaction committed), and say which pages render
    anew on their next request."""
    for path in scene["pages"].values():
        rendered(client, path)
    write()
    return {name for name, path in scene["pages"].items() if rendered(client, path)}


def test_a_status_update_renders_anew_only_what_shows_it(
    client, scene, django_capture_on_commit_callbacks
):
    commitment = scene["commitments"]["tata"]

    def update():
        with django_capture_on_commit_callbacks(execute=True):
            first_update(scene, commitment)

    assert rendered_again(client, scene, update) == {
        "home",
        "matrix",
        "tata",
        "recommendation 4",
        "tata commitment",
    }
    # And what renders anew shows the write: no copy older than it.
    html = client.get(scene["pages"]["tata commitment"]).content.decode()
    assert "انطلاق الأشغال" in html


def test_unpublished_feedback_reminders_and_logins_render_nothing_anew(
    client, scene, django_capture_on_commit_callbacks
):
    from consultations.services.feedback import feedback_acknowledge

    def quiet_writes():
        with django_capture_on_commit_callbacks(execute=True):
            item = feedback_submit(
                commune_id=Commune.objects.get(code=TATA).pk,
                kind="complaint",
                text="الطريق إلى الدوار مقطوعة منذ أسبوع",
            )
            # Handled without being published: no public page shows it.
            feedback_acknowledge(user=StaffFactory(), feedback_id=item.pk)
            reminders_run()
        client.force_login(scene["councillor"])
        client.logout()

    assert rendered_again(client, scene, quiet_writes) == set()


def test_publishing_feedback_renders_its_commune_page_only(
    client, scene, django_capture_on_commit_callbacks
):
    feedback = feedback_submit(
        commune_id=Commune.objects.get(code=AKKA).pk,
        kind="suggestion",
        text="نقترح تنظيم لقاء تواصلي مع الشباب",
    )

    def publish():
        with django_capture_on_commit_callbacks(execute=True):
            feedback_set_published(user=StaffFactory(), feedback_id=feedback.pk, published=True)

    assert rendered_again(client, scene, publish) == {"akka"}
    assert "لقاء تواصلي" in client.get(scene["pages"]["akka"]).content.decode()

    def answer():
        from consultations.services.feedback import feedback_answer

        with django_capture_on_commit_callbacks(execute=True):
            feedback_answer(user=StaffFactory(), feedback_id=feedback.pk, answer="سننظمه في مايو")

    # Published, its answer shows on the commune page at once.
    assert rendered_again(client, scene, answer) == {"akka"}


def test_a_new_day_renders_anew(client, scene):
    path = scene["pages"]["tata"]
    rendered(client, path)
    assert not rendered(client, path)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with time_machine.travel(tomorrow, tick=False):  # flags (late, due soon) go by the day
        assert rendered(client, path)


def test_pages_are_sent_compressed_as_the_client_accepts(client, scene):
    path = scene["pages"]["home"]
    plain = client.get(path)
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    html = plain.content
    by_brotli = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert by_brotli["Content-Encoding"] == "br"
    assert brotli.decompress(by_brotli.content) == html
    assert len(by_brotli.content) < len(html) / 5
    by_gzip = client.get(path, HTTP_ACCEPT_ENCODING="gzip;q=1.0, br;q=0")
    assert by_gzip["Content-Encoding"] == "gzip" and gzip.decompress(by_gzip.content) == html


def test_pages_with_a_csrf_token_are_never_cached_nor_compressed(client, scene):
    client.force_login(scene["councillor"])
    response = client.get(scene["pages"]["home"], HTTP_ACCEPT_ENCODING="br, gzip")
    assert "Content-Encoding" not in response
    assert b"csrfmiddlewaretoken" in response.content  # the logout form


def test_while_another_worker_renders_the_previous_copy_is_served(
    client, scene, django_capture_on_commit_callbacks
):
    path = scene["pages"]["tata commitment"]
    before = client.get(path).content
    commitment = scene["commitments"]["tata"]
    with django_capture_on_commit_callbacks(execute=True):
        commitment_record_update(
            user=scene["councillor"],
            commitment_id=commitment.pk,
            expected_version=1,
            level="limited",
            progress=15,
            note="مرحلة أولى",
        )
    lock = f"render:page:{path}?"
    cache.set(lock, 1, timeout=5)  # another worker is rendering it now
    assert not rendered(client, path)
    assert client.get(path).content == before
    # Compressed as the client takes it, and said so, like any copy from the cache.
    by_brotli = client.get(path, HTTP_ACCEPT_ENCODING="br")
    assert by_brotli["Content-Encoding"] == "br"
    assert brotli.decompress(by_brotli.content) == before
    cache.delete(lock)  # it is done: the new copy
    assert rendered(client, path)
    assert "مرحلة أولى" in client.get(path).content.decode()


def test_a_render_lock_left_by_a_worker_that_died_lapses_within_seconds(
    client, scene, monkeypatch, django_capture_on_commit_callbacks
):
    # A worker killed mid-render never deletes its lock: the lock must lapse by itself, or
    # every later request would get the out-of-date copy forever.
    monkeypatch.setattr(page_cache, "RENDER_LOCK_SECONDS", 1)
    path = scene["pages"]["tata"]
    rendered(client, path)
    with django_capture_on_commit_callbacks(execute=True):
        first_update(scene, scene["commitments"]["tata"])
    with monkeypatch.context() as dying:
        dying.setattr(page_cache.cache, "delete", lambda key: None)  # its `finally` never runs
        assert rendered(client, path)
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.pages_changed(f"commune:{TATA}")
    assert not rendered(client, path)  # the lock holds: the previous copy
    time.sleep(1.2)  # real time: the lock lives in Redis in CI
    assert rendered(client, path)


def test_a_page_is_rendered_anew_once_its_lifetime_is_over_even_with_no_write(
    client, scene, settings
):
    # What shows the hour (a meeting coming, then past) is as fresh as the page's lifetime.
    settings.PUBLIC_PAGE_CACHE_SECONDS = 1
    path = scene["pages"]["tata"]
    rendered(client, path)
    assert not rendered(client, path)
    time.sleep(1.2)  # real time: the copy lives in Redis in CI
    assert rendered(client, path)


def streamed(request):
    return StreamingHttpResponse(iter([b"a,b\n"]))


def with_a_cookie(request):
    response = HttpResponse("<p>page</p>")
    response.set_cookie("seen", "1")
    return response


@pytest.mark.parametrize(
    ("marked", "answer", "user", "kept"),
    [
        (True, lambda request: HttpResponse("<p>page</p>"), AnonymousUser(), True),
        (False, lambda request: HttpResponse("<p>page</p>"), AnonymousUser(), False),
        (True, lambda request: HttpResponseNotFound("<p>not found</p>"), AnonymousUser(), False),
        (True, with_a_cookie, AnonymousUser(), False),
        (True, streamed, AnonymousUser(), False),
        (
            True,
            lambda request: HttpResponse("<p>page</p>"),
            SimpleNamespace(is_authenticated=True),
            False,
        ),
    ],
    ids=["kept", "not marked", "not found", "sets a cookie", "streamed", "signed in"],
)
def test_only_a_whole_page_marked_for_the_cache_and_answered_200_without_a_cookie_is_kept(
    rf, marked, answer, user, kept
):
    def view(request):
        request.user = user
        if marked:
            request.public_page_versions = ([page_cache.EPOCH], ("1", "2026-12-07"))
        return answer(request)

    middleware = page_cache.PublicPageCacheMiddleware(view)
    first = middleware(rf.get("/ar/somewhere/"))
    second = middleware(rf.get("/ar/somewhere/"))
    assert first.status_code == second.status_code == answer(rf.get("/")).status_code
    copy = cache.get("page:/ar/somewhere/?:")
    assert (copy[3] if copy else None) == (b"<p>page</p>" if kept else None)


def test_a_page_number_is_a_page_of_its_own_and_other_queries_are_not_cached(client, scene):
    path = scene["pages"]["recommendation 4"]
    rendered(client, path)
    assert rendered(client, path + "?page=1")
    assert not rendered(client, path + "?page=1")
    assert rendered(client, path + "?utm_source=x")
    assert rendered(client, path + "?utm_source=x")


def test_a_head_request_is_answered_from_the_cache_as_a_get_is(client, scene):
    # Link checkers and uptime monitors ask with HEAD: it costs no render either.
    path = scene["pages"]["tata"]
    rendered(client, path)
    with CaptureQueriesContext(connection) as captured:
        response = client.head(path)
    assert response.status_code == 200 and len(captured) == 0
    assert response["Content-Type"].startswith("text/html")


def test_the_favicon_and_app_icons_are_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert client.get("/apple-touch-icon.png").status_code == 200
    assert client.get("/manifest.webmanifest").status_code == 200


def test_a_copy_from_the_cache_says_what_it_varies_by(client, scene):
    path = scene["pages"]["home"]
    rendered(client, path)
    assert not rendered(client, path)  # this one comes from the cache
    cached = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert {v.strip() for v in cached["Vary"].split(",")} >= {"Cookie", "Accept-Encoding"}


def renamed_in_the_admin(obj, name_ar: str) -> None:
    """What the admin does on a change: save the model, then log the change."""
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    from tests.factories import AdminFactory

    obj.name_ar = name_ar
    obj.save(update_fields=["name_ar"])
    LogEntry.objects.create(
        user=AdminFactory(),
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=name_ar,
        action_flag=CHANGE,
    )


def test_an_edit_made_in_the_admin_shows_on_every_page_at_once(
    client, scene, django_capture_on_commit_callbacks
):
    """The admin saves models directly, then logs the change: the log moves every page on."""

    def rename_in_the_admin():
        commune = Commune.objects.get(code=TATA)
        with django_capture_on_commit_callbacks(execute=True):
            renamed_in_the_admin(commune, "طاطا المدينة")

    assert rendered_again(client, scene, rename_in_the_admin) == set(scene["pages"])
    assert "طاطا المدينة" in client.get(scene["pages"]["tata"]).content.decode()


def test_a_body_renamed_in_the_admin_shows_in_timeline_entries_kept_in_the_cache(
    client, scene, settings, django_capture_on_commit_callbacks
):
    """Timeline entries are kept rendered (web.fragments) with the author's council in them."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    commitment = scene["commitments"]["tata"]
    with django_capture_on_commit_callbacks(execute=True):
        first_update(scene, commitment)
    path = scene["pages"]["tata commitment"]
    assert "مجلس جماعة طاطا" in client.get(path).content.decode()
    body = Body.objects.get(slug="council-09-551-01-07")
    with django_capture_on_commit_callbacks(execute=True):
        renamed_in_the_admin(body, "المجلس الجماعي لطاطا")
    html = client.get(path).content.decode()
    assert "المجلس الجماعي لطاطا" in html and "مجلس جماعة طاطا" not in html


def test_a_version_evicted_between_two_cache_calls_moves_on_all_the_same(monkeypatch):
    """Redis may evict a version between the `add` that found it and the `incr` that moves it:
    the version starts again from the clock, so pages made from the old one render anew."""
    from web import page_cache

    before = page_cache.versions(["commune:7"])

    class EvictedMidway:
        def add(self, key, value, timeout=None):
            return False  # the version is there…

        def incr(self, key):
            raise ValueError(key)  # …and gone the next instant

        def set(self, key, value, timeout=None):
            cache.set(key, value, timeout=timeout)

    monkeypatch.setattr(page_cache, "cache", EvictedMidway())
    page_cache.pages_changed("commune:7")
    monkeypatch.undo()
    after = page_cache.versions(["commune:7"])
    assert after[1] > before[1]  # a later clock reading: no page carries it yet
