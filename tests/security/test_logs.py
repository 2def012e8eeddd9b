"""Logs keep no client address and no tracking code in clear, as the privacy page says."""

import logging
import subprocess
import sys
import urllib.request

from django.conf import settings

from tests.servers import free_port, stop, wait_for_port
from web.log_privacy import PrivateRecords, mask

CODE = "KYNTR-NN43H"


def test_gunicorn_access_log_has_neither_address_nor_code(tmp_path):
    port, log = free_port(), tmp_path / "access.log"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "tests.security.log_app:app",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            str(log),
        ],
        cwd=settings.BASE_DIR,  # where gunicorn.conf.py is read from, as in production
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for_port(port)
        for path in (
            f"/ar/feedback/{CODE}/",
            f"/ar/feedback/follow/?code={CODE.lower()}",
            f"/f/{CODE}",
        ):
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).read()
    finally:
        stop(server)
    text = log.read_text()
    assert text.count("\n") == 3
    assert "127.0.0.1" not in text
    assert CODE not in text and CODE.lower() not in text and "NN43H" not in text
    assert text.count("•••••-•••••") == 3
    assert '"GET /ar/feedback/•••••-•••••/ HTTP/1.1" 200' in text


def test_django_log_lines_are_masked_by_the_configured_handler():
    stream_records = []

    class Keep(logging.Handler):
        def emit(self, record):
            stream_records.append(self.format(record))

    handler = Keep()
    handler.addFilter(PrivateRecords())
    logger = logging.getLogger("django.request.test")
    logger.addHandler(handler)
    try:
        logger.warning("Not Found: %s from %s", f"/ar/feedback/{CODE}/", "203.0.113.7")
    finally:
        logger.removeHandler(handler)
    assert stream_records == ["Not Found: /ar/feedback/•••••-•••••/ from •.•.•.•"]
    console = settings.LOGGING["handlers"]["console"]
    assert "private" in console["filters"]


def test_masking_leaves_what_is_not_personal():
    assert (
        mask("/ar/communes/09.551.01.07/ at 16:20:00") == "/ar/communes/09.551.01.07/ at 16:20:00"
    )
    assert mask("2001:db8::7 and 10.0.0.1:5432") == "•:• and •.•.•.•:5432"
