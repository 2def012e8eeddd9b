"""What every benchmark shares: the database with benchmark volumes, a gunicorn like
production's, a bounded load generator on 127.0.0.1, and where results go."""

import contextlib
import http.client
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
RESULTS = BASE / "bench" / "results"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/taata_bench"
)
PY = sys.executable


def env(**extra) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        # Redis as the shared cache, as in production (several gunicorn workers).
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
        "CACHE_KEY_PREFIX": "bench",
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "ROOT_URLCONF": "bench.urls",
        "FEEDBACK_RATE_LIMIT": "0",
        "STATIC_ROOT": str(BASE / "var" / "bench-static"),
        "EMAIL_URL": "dummymail://",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "taata_portal.settings",
        **extra,
    }


def _run(command: list, **extra) -> str:
    return subprocess.run(
        command, cwd=BASE, env=env(**extra), check=True, capture_output=True, text=True
    ).stdout


def manage(*args, **extra) -> str:
    return _run([PY, "manage.py", *args], **extra)


def run_module(module: str, *args, **extra) -> str:
    return _run([PY, "-m", module, *args], **extra)


def prepare_database(*, updates: int | None = None, name_suffix: str = "", scale: int = 1) -> str:
    """A fresh database with benchmark volumes; returns its URL."""
    url = DATABASE_URL + name_suffix
    subprocess.run(
        ["bash", ".ci/ensure-database"], cwd=BASE, env={**env(), "DATABASE_URL": url}, check=True
    )
    os.environ["BENCH_CURRENT_URL"] = url
    extra = {"DATABASE_URL": url}
    _drop_tables(url)  # a fresh schema: migrations may have changed since the last run
    manage("migrate", "--noinput", "-v0", **extra)
    args = ["--scale", str(scale)] + (["--updates", str(updates)] if updates else [])
    print("  " + run_module("bench.generate", *args, **extra).strip().splitlines()[-1])
    return url


def _drop_tables(url: str) -> None:
    import psycopg2

    conn = psycopg2.connect(url.replace("postgres://", "postgresql://"))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    conn.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    def __init__(self, url: str, workers: int = 2):
        self.port = free_port()
        self.url = url
        self.workers = workers

    def __enter__(self):
        manage("collectstatic", "--noinput", "-v0", DATABASE_URL=self.url)
        self.process = subprocess.Popen(
            [
                PY,
                "-m",
                "gunicorn",
                "taata_portal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            cwd=BASE,
            env=env(DATABASE_URL=self.url),
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                get(self.port, "/healthz")
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def load(
    port: int, path: str, *, threads: int = 8, seconds: float = 6, max_requests: int = 4000
) -> dict:
    """Keep-alive GETs from `threads` clients, bounded in time and count."""
    latencies, errors = [], [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop_at:
            with lock:
                if len(latencies) + errors[0] >= max_requests:
                    return
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = False
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - start)
                else:
                    errors[0] += 1

    started = time.perf_counter()
    workers = [threading.Thread(target=client) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "path": path,
        "requests": len(latencies),
        "errors": errors[0],
        "seconds": round(elapsed, 2),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(1000 * latencies[int(len(latencies) * 0.95) - 1], 1) if latencies else None,
    }


def machine() -> dict:
    cpu = ""
    with contextlib.suppress(OSError, AttributeError):
        cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "cpu": cpu}


def save(name: str, data: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = {
        "benchmark": name,
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": machine(),
        **data,
    }
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False))
