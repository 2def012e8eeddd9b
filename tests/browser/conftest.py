"""Browser tests: Debian's Chromium driven by Playwright, against the real stack.

A site of its own is built once per session — its own database (SQLite file, or a PostgreSQL
database beside the test one), migrated and loaded with the reference and demo data, static
files collected — and served by gunicorn with WhiteNoise, as in production. The tests only talk
to it over HTTP, like a visitor.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import IN_CI, service_missing

BASE = Path(settings.BASE_DIR)
CHROMIUM = "/usr/bin/chromium"
AXE = BASE / "var/browser/node_modules/axe-core/axe.min.js"
SCREENSHOTS = BASE / "docs/screenshots"
ARTIFACTS = BASE / "test-artifacts"
PHONE = {"width": 360, "height": 740}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEMO_PASSWORD = "demo-tata-2026"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _site_database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        path = BASE / "var/browser-site.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg2

    name = f"{db['NAME']}_browser_site"
    admin = psycopg2.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cur.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.fixture(scope="session")
def sms_gateway():
    """The site's SMS gateway: a real HTTP server in this process, which records messages."""
    from tests.servers import SmsGateway

    gateway = SmsGateway().start()
    yield gateway
    gateway.stop()


@pytest.fixture(scope="session")
def mail_sink():
    """The site's mail server: every e-mail it sends lands here."""
    from tests.servers import SmtpSink

    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="session")
def site(django_db_setup, django_db_blocker, tmp_path_factory, sms_gateway, mail_sink):
    """The portal with its demo data, behind gunicorn on a free port; yields its base URL."""
    with django_db_blocker.unblock():
        database_url = _site_database_url()
    port = _free_port()
    media = tmp_path_factory.mktemp("site-media")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": "browser-tests-only",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(tmp_path_factory.mktemp("site-static")),
        "MEDIA_ROOT": str(media),
        "CACHE_DIR": str(tmp_path_factory.mktemp("site-cache")),
        "SHOW_DEMO_BANNER": "1",
        "EMAIL_URL": f"smtp://127.0.0.1:{mail_sink.port}",
        "SMS_URL": sms_gateway.url,
        "SMS_TIMEOUT_SECONDS": "2",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "FEEDBACK_RATE_LIMIT": "0",
        "DJANGO_SETTINGS_MODULE": "taata_portal.settings",
    }
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["load_reference_data"],
        ["load_demo_data", "--allow-production"],
    ):
        subprocess.run(manage + command, cwd=BASE, env=env, check=True, capture_output=True)
    log = ARTIFACTS / "gunicorn.log"
    ARTIFACTS.mkdir(exist_ok=True)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "taata_portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "120",
        ],
        cwd=BASE,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail(f"the site did not start: {log.read_text()[-2000:]}")
    yield url
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        service_missing("Chromium", f"{CHROMIUM} is not installed (.ci/browser-deps installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        except Exception as exc:
            if IN_CI:
                pytest.fail(f"Chromium could not start: {exc}")
            pytest.skip(f"Chromium could not start here: {exc}")
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, site):
    contexts = []

    def make(*, javascript=True, viewport=None, locale="ar-MA", **options):
        # A phone in Tata: Arabic first (the browser sends Accept-Language from the locale).
        context = browser.new_context(
            base_url=site,
            java_script_enabled=javascript,
            viewport=viewport or PHONE,
            accept_downloads=True,
            locale=locale,
            **options,
        )
        context.set_default_timeout(15000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def log_in(page, username: str, language: str = "ar"):
    page.goto(f"/{language}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("form.stacked-form button[type=submit]")
    page.wait_for_load_state()


def screenshot(page, name: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def axe_source() -> str:
    if not AXE.exists():
        service_missing("axe-core", f"{AXE} is missing (.ci/browser-deps installs it from npm)")
    return AXE.read_text()
