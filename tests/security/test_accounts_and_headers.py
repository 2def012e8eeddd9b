import datetime

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.utils import timezone

from consultations.models import MeetingEvent
from consultations.services.meetings import (
    committee_create,
    decision_record,
    meeting_record,
    meeting_schedule,
)
from territory.models import Body
from tests.factories import CouncillorFactory

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2(settings, reference_data):
    from taata_portal import settings as module  # the suite itself uses a fast hasher

    assert module.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = module.PASSWORD_HASHERS
    user = CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-07"))
    user.set_password("a long pass phrase")
    assert identify_hasher(user.password).algorithm == "argon2"
    validators = [v["NAME"].rsplit(".", 1)[-1] for v in module.AUTH_PASSWORD_VALIDATORS]
    assert "CommonPasswordValidator" in validators and "MinimumLengthValidator" in validators


def test_logins_are_throttled_with_a_clear_message(client, reference_data):
    user = CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-07"))
    user.set_password("the-right-one-2026")
    user.save()
    for _ in range(4):
        response = client.post("/fr/accounts/login/", {"username": user.username, "password": "no"})
        assert response.status_code == 200  # the form again, with its error
    fifth = client.post("/fr/accounts/login/", {"username": user.username, "password": "no"})
    assert fifth.status_code == 429  # the fifth failure locks the account from this address
    locked = client.post(
        "/fr/accounts/login/", {"username": user.username, "password": "the-right-one-2026"}
    )
    assert locked.status_code in (403, 429)
    html = locked.content.decode()
    assert 'lang="fr"' in html and "Too many failed logins" not in html
    assert "_auth_user_id" not in client.session


def test_logout_only_by_post(client, reference_data):
    user = CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-07"))
    client.force_login(user)
    assert client.get("/ar/accounts/logout/").status_code == 405
    assert "_auth_user_id" in client.session
    client.post("/ar/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_security_headers(client, reference_data):
    response = client.get("/ar/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_production_cookies_and_hsts(settings):
    """What `check --deploy` enforces in CI, stated here too."""
    from taata_portal import settings as module

    assert module.SESSION_COOKIE_HTTPONLY and module.SESSION_COOKIE_SAMESITE == "Lax"
    # HTTPS defaults on whenever DEBUG is off: secure cookies, HSTS, redirect.
    if not module.DEBUG and module.HTTPS:
        assert module.SESSION_COOKIE_SECURE and module.CSRF_COOKIE_SECURE
        assert module.SECURE_HSTS_SECONDS >= 31536000


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("ar", "09-08"), ("fr", "09-08"), ("en", "09-08")],
)
def test_privacy_page_in_every_language(client, reference_data, settings, language, phrase):
    settings.FEEDBACK_PERSONAL_DATA_DAYS = 365
    response = client.get(f"/{language}/privacy/")
    html = response.content.decode()
    assert response.status_code == 200 and phrase in html and "365" in html
    assert f'lang="{language}"' in html


def test_meeting_changes_are_attributable_and_visible_to_staff(client, reference_data):
    from tests.factories import AdminFactory

    councillor = CouncillorFactory(body=Body.objects.get(slug="council-09-551-01-07"))
    committee = committee_create(
        user=councillor, commune_id=councillor.body.commune_id, kind="civic", name_ar="لجنة"
    )
    meeting = meeting_schedule(
        user=councillor,
        committee_id=committee.pk,
        place="القاعة",
        starts_at=timezone.now() - datetime.timedelta(days=1),
    )
    meeting_record(user=councillor, meeting_id=meeting.pk, status="held", minutes="محضر")
    decision_record(user=councillor, meeting_id=meeting.pk, text="قرار اللجنة")
    events = list(meeting.events.values_list("action", "actor"))
    assert events == [
        (MeetingEvent.Action.SCHEDULED, councillor.pk),
        (MeetingEvent.Action.RECORDED, councillor.pk),
        (MeetingEvent.Action.DECISION, councillor.pk),
    ]
    client.force_login(AdminFactory())
    page = client.get(f"/admin/consultations/meeting/{meeting.pk}/change/").content.decode()
    assert councillor.username in page
