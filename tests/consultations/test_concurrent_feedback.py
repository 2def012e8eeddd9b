"""Fifty residents sending feedback at the same moment, against a live server on PostgreSQL."""

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

import pytest

from consultations.models import Feedback

SENDERS = 50


def send(base_url, commune_id, index, results):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    try:
        page = opener.open(f"{base_url}/ar/feedback/new/", timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "commune": commune_id,
                "kind": "suggestion",
                "text": f"اقتراح رقم {index} لتحسين خدمات الجماعة",
            }
        ).encode()
        request = urllib.request.Request(
            f"{base_url}/ar/feedback/new/",
            data=body,
            headers={"Referer": f"{base_url}/ar/feedback/new/"},
        )
        try:
            response = opener.open(request, timeout=30)
            results.append(response.status)
        except urllib.error.HTTPError as exc:
            results.append(exc.code)
    except Exception as exc:  # a lost submission must show up in the assertion, not vanish
        results.append(repr(exc))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.django_db(transaction=True)
def test_fifty_submissions_at_once(require_postgres, live_server, reference_data, settings):
    settings.FEEDBACK_RATE_LIMIT = 0  # all fifty come from 127.0.0.1
    from territory.models import Commune

    commune_id = Commune.objects.get(code="09.551.01.07").pk
    results: list = []
    threads = [
        threading.Thread(target=send, args=(live_server.url, commune_id, i, results))
        for i in range(SENDERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert results.count(302) == SENDERS, results
    assert Feedback.objects.count() == SENDERS
    assert len(set(Feedback.objects.values_list("tracking_code", flat=True))) == SENDERS
