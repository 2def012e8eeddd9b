"""After logging in, each lands where their work is, and the header says who they are."""

import pytest
from django.utils.html import escape

from tests.factories import CouncilFactory, CouncillorFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-password-2026"


def person(factory, **extra):
    user = factory(**extra)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.parametrize(
    ("factory", "lands_on"),
    [(CouncillorFactory, "/ar/my/"), (StaffFactory, "/ar/my/"), (UserFactory, "/ar/")],
)
def test_each_lands_where_their_work_is(client, factory, lands_on):
    user = person(factory)
    response = client.post("/ar/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == lands_on


def test_a_safe_next_address_wins_and_an_outside_one_does_not(client):
    user = person(CouncillorFactory)
    data = {"username": user.username, "password": PASSWORD}
    inside = client.post("/fr/accounts/login/?next=/fr/inbox/", data)
    assert inside["Location"] == "/fr/inbox/"
    client.logout()
    outside = client.post("/fr/accounts/login/", {**data, "next": "https://evil.example/"})
    assert outside["Location"] == "/fr/my/"


def test_the_header_names_the_person_and_their_council(client):
    council = CouncilFactory()
    user = person(CouncillorFactory, body=council, first_name="Fatima", last_name="Ait Ali")
    client.force_login(user)
    header = client.get("/fr/").content.decode().split("</header>", 1)[0]
    assert "Fatima Ait Ali" in header and str(council.name) in header
    staff = person(StaffFactory)
    client.force_login(staff)
    header = client.get("/fr/").content.decode().split("</header>", 1)[0]
    assert staff.username in header and escape(staff.get_role_display()) in header


def test_an_empty_login_says_what_to_fill(client):
    html = client.post("/fr/accounts/login/", {}).content.decode()
    assert 'class="error-summary"' in html and "Remplissez « Nom d’utilisateur »." in html
