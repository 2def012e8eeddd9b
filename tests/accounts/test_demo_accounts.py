import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from accounts.models import User
from accounts.services import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_demo_data_refused_when_debug_is_off(reference_data, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("load_demo_data", stdout=io.StringIO())
    assert not User.objects.exists()


def test_demo_accounts_are_marked_printed_and_can_log_in(reference_data, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    call_command("load_demo_data", stdout=io.StringIO())  # twice: nothing doubles

    demo = User.objects.filter(is_demo=True)
    assert demo.count() == User.objects.count() == 3 + 20  # admin, staff, resident, councillors
    assert demo.filter(role=User.Role.COUNCILLOR).values("body").distinct().count() == 20
    assert all(u.username.startswith("demo-") for u in demo)
    assert "demo-councillor-tata" in out.getvalue() and DEMO_PASSWORD in out.getvalue()
    # Login throttling needs the request (its address) to authenticate.
    request = RequestFactory().post("/ar/accounts/login/")
    councillor = authenticate(request, username="demo-councillor-tata", password=DEMO_PASSWORD)
    assert councillor.role == User.Role.COUNCILLOR
    assert councillor.body.commune.code == "09.551.01.07"


def test_demo_banner_shown_only_when_configured(client, reference_data, settings):
    settings.SHOW_DEMO_BANNER = True
    assert "demo-banner" in client.get("/en/").content.decode()
    settings.SHOW_DEMO_BANNER = False
    assert "demo-banner" not in client.get("/en/").content.decode()
