"""The production shape: a worker that dies comes back without taking the web server down;
systemd units restart what stops, and beat runs once; `make stack` links to its own port."""

import configparser
import subprocess
import time
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)


def test_keep_running_starts_a_command_again_when_it_dies(tmp_path):
    runs = tmp_path / "runs"
    script = f"echo started >> {runs}; exit 3"
    process = subprocess.Popen(
        [str(BASE / "deploy/keep-running"), "sh", "-c", script],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (
            not runs.exists() or len(runs.read_text().splitlines()) < 2
        ):
            time.sleep(0.2)
        assert process.poll() is None  # still there: honcho sees nothing stop
        assert len(runs.read_text().splitlines()) >= 2
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert process.returncode == 0  # told to stop, it stops, cleanly


def test_the_procfile_keeps_worker_and_beat_running_and_serves_on_web_port():
    lines = dict(line.split(": ", 1) for line in (BASE / "Procfile").read_text().splitlines())
    assert lines["worker"].startswith("deploy/keep-running celery")
    assert lines["beat"].startswith("deploy/keep-running celery")
    assert "${WEB_PORT:-8000}" in lines["web"]
    makefile = (BASE / "Makefile").read_text()
    assert "SITE_URL=$${SITE_URL:-http://127.0.0.1:$${WEB_PORT:-8000}}" in makefile


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.read(BASE / "deploy" / name)
    return parser


def test_systemd_units_restart_on_failure_and_beat_is_one_unit():
    web, worker, beat = (unit(f"taata-{n}.service") for n in ("web", "worker", "beat"))
    assert web["Service"]["Restart"] == "on-failure"
    assert worker["Service"]["Restart"] == beat["Service"]["Restart"] == "always"
    for parsed in (web, worker, beat):
        assert parsed["Service"]["EnvironmentFile"] == "/etc/taata/taata.env"
        assert parsed["Install"]["WantedBy"] == "multi-user.target"
    assert "beat" in beat["Service"]["ExecStart"]
    # One beat for the site: no template unit that could start several.
    assert not list((BASE / "deploy").glob("*@.service"))
    # The web unit does not stop when the worker does.
    assert "taata-worker" not in web["Unit"].get("Requires", "") + web["Unit"].get("BindsTo", "")
