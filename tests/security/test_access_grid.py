"""Every route × every role, generated from the URL configuration.

A route missing from GRID fails the test: a new page cannot ship without saying who may see it.
Object routes are also tried with the other commune's object: the councillor of Tata must get
there what the councillor of Akka gets on Tata's (no crossing between communes)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from PIL import Image

from consultations.services.feedback import feedback_answer
from consultations.services.feedback_submission import feedback_submit
from consultations.services.meetings import committee_create, meeting_record, meeting_schedule
from recommendations.models import Commitment, Milestone, Recommendation
from recommendations.services.imports import spreadsheet_preview
from recommendations.services.updates import commitment_record_update
from reports.filters import ReportFilters
from reports.models import ReportJob
from reports.services.files import report_job_run, report_publish
from territory.models import Body, Commune
from tests import audio_samples
from tests.factories import (
    AdminFactory,
    CouncillorFactory,
    MilestoneFactory,
    StaffFactory,
    UserFactory,
)
from tests.pdf_samples import plain_pdf

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "resident", "own", "other", "staff", "admin")
OK, LOGIN, FORBIDDEN, REDIRECT, ADMIN_LOGIN = 200, "login", 403, "redirect", "admin-login"
EVERYONE = (OK,) * 6
STAFF_ONLY = (LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK)
COMMUNE_MANAGERS = (LOGIN, FORBIDDEN, OK, FORBIDDEN, OK, OK)
LOGGED_IN = (LOGIN, OK, OK, OK, OK, OK)

# name: (method, expected per role in ROLES order)
GRID = {
    "root": ("GET", (REDIRECT,) * 6),
    "healthz": ("GET", EVERYONE),
    "open_data": ("GET", EVERYONE),
    "open_data_progress_json": ("GET", EVERYONE),
    "open_data_progress_csv": ("GET", EVERYONE),
    "open_data_updates_csv": ("GET", EVERYONE),
    "open_data_schema": ("GET", EVERYONE),
    "open_data_published": ("GET", EVERYONE),
    "login": ("GET", EVERYONE),
    "logout": ("POST", (REDIRECT,) * 6),
    "my_notifications": ("GET", LOGGED_IN),
    "my_preferences": ("GET", LOGGED_IN),
    "reports": ("GET", STAFF_ONLY),
    "report_download": ("GET", STAFF_ONLY),
    "report_publish": ("POST", (LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT)),
    "report_job": ("GET", STAFF_ONLY),
    "report_job_file": ("GET", STAFF_ONLY),
    "privacy": ("GET", EVERYONE),
    "home": ("GET", EVERYONE),
    "matrix": ("GET", EVERYONE),
    "recommendation_detail": ("GET", EVERYONE),
    "commitment_detail": ("GET", EVERYONE),
    "commitment_update": ("GET", COMMUNE_MANAGERS),
    "milestone_done": ("POST", (LOGIN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT, REDIRECT)),
    "evidence_file": ("GET", EVERYONE),
    "evidence_thumbnail": ("GET", EVERYONE),
    "my": ("GET", LOGGED_IN),
    "commune_detail": ("GET", EVERYONE),
    "committee_new": ("GET", COMMUNE_MANAGERS),
    "committee_detail": ("GET", EVERYONE),
    "member_new": ("GET", COMMUNE_MANAGERS),
    "meeting_new": ("GET", COMMUNE_MANAGERS),
    "meeting_detail": ("GET", EVERYONE),
    "meeting_minutes_pdf": ("GET", EVERYONE),
    "meeting_record": ("GET", COMMUNE_MANAGERS),
    "decision_new": ("GET", COMMUNE_MANAGERS),
    "feedback_new": ("GET", EVERYONE),
    "feedback_follow": ("GET", EVERYONE),
    "feedback_erase": ("POST", (REDIRECT,) * 6),
    "feedback_lookup": ("GET", (REDIRECT,) * 6),  # a known code goes to its page
    "feedback_short_link": ("GET", (REDIRECT,) * 6),
    "feedback_verdict": ("POST", (REDIRECT,) * 6),  # whoever holds the code
    "feedback_answers": ("GET", EVERYONE),
    "commune_list": ("GET", EVERYONE),
    "inbox_voice": ("GET", COMMUNE_MANAGERS),
    "imports": ("GET", STAFF_ONLY),
    "commune_calendar": ("GET", EVERYONE),
    "scorecard": ("GET", EVERYONE),
    "scorecard_csv": ("GET", EVERYONE),
    "committee_calendar": ("GET", EVERYONE),
    "import_template": ("GET", STAFF_ONLY),
    "import_detail": ("GET", STAFF_ONLY),
    "import_confirm": ("POST", (LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT)),
    "inbox": ("GET", LOGGED_IN[:1] + (FORBIDDEN, OK, OK, OK, OK)),
    "inbox_detail": ("GET", COMMUNE_MANAGERS),
    "inbox_action": ("POST", (LOGIN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT, REDIRECT)),
    "admin:index": ("GET", (ADMIN_LOGIN,) * 4 + (OK, OK)),
}
# Routes whose URL names an object that belongs to a commune.
COMMUNE_OBJECTS = {
    "commitment_update",
    "milestone_done",
    "committee_new",
    "member_new",
    "meeting_new",
    "meeting_record",
    "decision_new",
    "inbox_detail",
    "inbox_action",
    "inbox_voice",
}

MINIMAL_PDF = plain_pdf()


def routes():
    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    yield "admin:index"
                    continue
                yield from walk(p.url_patterns, namespace)
            elif isinstance(p, URLPattern) and p.name:
                yield p.name

    return sorted(set(walk(get_resolver().url_patterns)))


def test_every_route_is_in_the_grid():
    assert set(routes()) == set(GRID), "add the new route to GRID with who may reach it"


def png():
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "PNG")
    return SimpleUploadedFile("p.png", out.getvalue())


def commune_world(code, councillor, staff):
    """One commune's objects, made through the services."""
    commune = Commune.objects.get(code=code)
    body = Body.objects.get(kind="commune_council", commune=commune)
    commitment = Commitment.objects.create(
        recommendation=Recommendation.objects.get(number=3),
        body=body,
        title_ar="التزام",
        start_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )
    milestone = Milestone.objects.create(
        commitment=commitment, title_ar="مرحلة", due_date=datetime.date(2026, 1, 1)
    )
    update = commitment_record_update(
        user=councillor,
        commitment_id=commitment.pk,
        expected_version=1,
        level="not_started",  # the milestone, not done, holds it at 0%
        progress=None,
        note="تحيين",
        evidence_file=png(),
    )
    committee = committee_create(
        user=councillor, commune_id=commune.pk, kind="civic", name_ar="لجنة"
    )
    meeting = meeting_schedule(
        user=councillor,
        committee_id=committee.pk,
        place="القاعة",
        starts_at=datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC),
    )
    meeting_record(
        user=councillor,
        meeting_id=meeting.pk,
        status="held",
        minutes="محضر",
        minutes_pdf=SimpleUploadedFile("pv.pdf", MINIMAL_PDF),
    )
    feedback = feedback_submit(
        commune_id=commune.pk,
        kind="complaint",
        text="نص الشكاية هنا",
        voice=SimpleUploadedFile("v.bin", audio_samples.wav(3)),
    )
    return {
        "commune": commune,
        "commitment": commitment,
        "milestone": milestone,
        "update": update,
        "committee": committee,
        "meeting": meeting,
        "feedback": feedback,
    }


@pytest.fixture
def world(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    staff = StaffFactory()
    people = {
        "anonymous": None,
        "resident": UserFactory(),
        "own": CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-07")),
        "other": CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-01")),
        "staff": staff,
        "admin": AdminFactory(),
    }
    tata = commune_world("09.551.01.07", people["own"], staff)
    akka = commune_world("09.551.01.01", people["other"], staff)
    filters = ReportFilters(as_of=datetime.date.today())
    job = ReportJob.objects.create(
        format="csv", language="ar", params=filters.as_json(), created_by=staff
    )
    report_job_run(job_id=job.pk)
    published = report_publish(user=staff, filters=filters, language="ar", fmt="json")
    csv = "reference,recommendation,commune,title_ar,target_date\nG-1,2,طاطا,التزام,2030-01-01\n"
    spreadsheet, _result = spreadsheet_preview(
        user=staff, uploaded=SimpleUploadedFile("plan.csv", csv.encode())
    )
    return {
        "people": people,
        "tata": tata,
        "akka": akka,
        "job": job,
        "published": published,
        "import": spreadsheet,
    }


def answered_feedback(commune, staff):
    feedback = feedback_submit(commune_id=commune.pk, kind="complaint", text="نص الشكاية هنا")
    return feedback_answer(user=staff, feedback_id=feedback.pk, answer="الجواب")


def url_and_data(name, objects, world):
    o = objects
    if name == "feedback_verdict":  # a fresh answered feedback: a verdict is given once
        answered = answered_feedback(o["commune"], world["people"]["staff"])
        return f"/ar/feedback/{answered.tracking_code}/helped/", {"helped": "yes"}
    return {
        "root": ("/", {}),
        "healthz": ("/healthz", {}),
        "open_data": ("/open-data/", {}),
        "open_data_progress_json": ("/open-data/progress.json", {}),
        "open_data_progress_csv": ("/open-data/progress.csv", {}),
        "open_data_updates_csv": ("/open-data/updates.csv", {}),
        "open_data_schema": ("/open-data/schema.json", {}),
        "open_data_published": (f"/open-data/published/{world['published'].pk}/", {}),
        "login": ("/ar/accounts/login/", {}),
        "logout": ("/ar/accounts/logout/", {}),
        "my_notifications": ("/ar/my/notifications/", {}),
        "my_preferences": ("/ar/my/preferences/", {}),
        "reports": ("/ar/reports/", {}),
        "report_download": ("/ar/reports/download/csv/", {}),
        "report_publish": ("/ar/reports/publish/", {}),
        "report_job": (f"/ar/reports/jobs/{world['job'].pk}/", {}),
        "report_job_file": (f"/ar/reports/jobs/{world['job'].pk}/file/", {}),
        "privacy": ("/ar/privacy/", {}),
        "home": ("/ar/", {}),
        "matrix": ("/ar/matrix/", {}),
        "recommendation_detail": ("/ar/recommendations/3/", {}),
        "commitment_detail": (f"/ar/commitments/{o['commitment'].pk}/", {}),
        "commitment_update": (f"/ar/commitments/{o['commitment'].pk}/update/", {}),
        # A milestone not done yet for each request: a second tick would be refused as done.
        "milestone_done": (
            f"/ar/milestones/{MilestoneFactory(commitment=o['commitment']).pk}/done/",
            {"evidence_link": "https://example.org/pv.pdf"},
        ),
        "evidence_file": (f"/ar/evidence/{o['update'].pk}/", {}),
        "evidence_thumbnail": (f"/ar/evidence/{o['update'].pk}/thumbnail/", {}),
        "my": ("/ar/my/", {}),
        "commune_detail": (f"/ar/communes/{o['commune'].code}/", {}),
        "committee_new": (f"/ar/communes/{o['commune'].code}/committees/new/", {}),
        "committee_detail": (f"/ar/committees/{o['committee'].pk}/", {}),
        "member_new": (f"/ar/committees/{o['committee'].pk}/members/new/", {}),
        "meeting_new": (f"/ar/committees/{o['committee'].pk}/meetings/new/", {}),
        "meeting_detail": (f"/ar/meetings/{o['meeting'].pk}/", {}),
        "meeting_minutes_pdf": (f"/ar/meetings/{o['meeting'].pk}/minutes.pdf", {}),
        "meeting_record": (f"/ar/meetings/{o['meeting'].pk}/record/", {}),
        "decision_new": (f"/ar/meetings/{o['meeting'].pk}/decisions/new/", {}),
        "feedback_new": ("/ar/feedback/new/", {}),
        "feedback_follow": (f"/ar/feedback/{o['feedback'].tracking_code}/", {}),
        "feedback_erase": (f"/ar/feedback/{o['feedback'].tracking_code}/erase/", {}),
        "feedback_lookup": ("/ar/feedback/follow/", {"code": o["feedback"].tracking_code}),
        "feedback_short_link": (f"/f/{o['feedback'].tracking_code}", {}),
        "feedback_answers": ("/ar/feedback/answers/", {}),
        "commune_list": ("/ar/communes/", {}),
        "inbox_voice": (f"/ar/inbox/{o['feedback'].pk}/voice/", {}),
        "inbox": ("/ar/inbox/", {}),
        "imports": ("/ar/imports/", {}),
        "commune_calendar": (f"/calendar/{o['commune'].code}.ics", {}),
        "scorecard": ("/ar/scorecard/", {}),
        "scorecard_csv": ("/ar/scorecard/scorecard.csv", {}),
        "committee_calendar": (f"/calendar/committee/{o['committee'].pk}.ics", {}),
        "import_template": ("/ar/imports/template.xlsx", {}),
        "import_detail": (f"/ar/imports/{world['import'].pk}/", {}),
        "import_confirm": (f"/ar/imports/{world['import'].pk}/confirm/", {}),
        "inbox_detail": (f"/ar/inbox/{o['feedback'].pk}/", {}),
        "inbox_action": (f"/ar/inbox/{o['feedback'].pk}/acknowledge/", {}),
        "admin:index": ("/admin/", {}),
    }[name]


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if "/admin/login/" in location:
            return ADMIN_LOGIN
        return LOGIN if "/accounts/login/" in location else REDIRECT
    return response.status_code


def request(client, method, url, data):
    response = client.post(url, data) if method == "POST" else client.get(url, data)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return outcome(response)


@pytest.mark.parametrize("name", sorted(GRID))
def test_route_answers_each_role_as_the_grid_says(client, world, name):
    method, expected = GRID[name]
    got = {}
    for role, user in world["people"].items():
        client.logout()
        if user is not None:
            client.force_login(user)
        url, data = url_and_data(name, world["tata"], world)
        got[role] = request(client, method, url, data)
    assert got == dict(zip(ROLES, expected, strict=True))


@pytest.mark.parametrize("name", sorted(COMMUNE_OBJECTS))
def test_the_councillor_of_one_commune_cannot_reach_anothers_objects(client, world, name):
    method, expected = GRID[name]
    client.force_login(world["people"]["own"])
    url, data = url_and_data(name, world["akka"], world)
    assert request(client, method, url, data) == expected[ROLES.index("other")]
