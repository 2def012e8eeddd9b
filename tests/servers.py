"""Servers the tests start for themselves on free ports: Redis, an SMTP sink, an SMS gateway, a
Celery worker.
Nothing shared is disturbed, and each is stopped at the end."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

REDIS_SERVER = "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {port}")


class RedisServer:
    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        if not Path(REDIS_SERVER).exists():
            from tests.conftest import service_missing

            service_missing("redis-server", f"{REDIS_SERVER} is not installed")
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class SmtpSink:
    """aiosmtpd in a thread; keeps every accepted message. `delay` holds each DATA reply."""

    def __init__(self, port: int | None = None, delay: float = 0):
        self.port = port or free_port()
        self.delay = delay
        self.messages: list[bytes] = []
        self.lock = threading.Lock()
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                if sink.delay:
                    import asyncio

                    await asyncio.sleep(sink.delay)
                with sink.lock:
                    sink.messages.append(envelope.content)
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


class SmsGateway:
    """A generic HTTP SMS gateway on 127.0.0.1, as notifications/sms posts to: keeps each
    accepted message ({"to", "text", and the URL's fixed parameters}); `fail(n, status)` makes
    the next n requests fail with that status, `hang(n)` makes them time out."""

    def __init__(self):
        self.port = free_port()
        self.messages: list[dict] = []
        self.requests = 0
        self._failures: list[int | None] = []
        self.lock = threading.Lock()
        self.server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/send?account=tata&sender=TATA"

    def fail(self, times: int, status: int = 503) -> None:
        with self.lock:
            self._failures.extend([status] * times)

    def hang(self, times: int) -> None:
        with self.lock:
            self._failures.extend([None] * times)

    def start(self):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qsl, urlsplit

        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                with gateway.lock:
                    gateway.requests += 1
                    outcome = gateway._failures.pop(0) if gateway._failures else 200
                if outcome is None:  # hang past the client's timeout, then drop it
                    time.sleep(2)
                    return
                if outcome == 200:
                    fields = dict(parse_qsl(urlsplit(self.path).query))
                    fields.update(parse_qsl(body))
                    with gateway.lock:
                        gateway.messages.append(fields)
                self.send_response(outcome)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"OK" if outcome == 200 else b"KO")

            def log_message(self, *args):  # quiet test output
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(broker_url: str, log: Path, **extra_env) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker_url,
        "DJANGO_SETTINGS_MODULE": "taata_portal.settings",
        **extra_env,
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "taata_portal",
            "worker",
            "--pool",
            "solo",
            "--concurrency",
            "1",
            "--without-mingle",
            "--without-gossip",
            "--loglevel",
            "INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        process.wait(timeout=30)


def wait_until(check, timeout: float = 60, interval: float = 0.3) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return False


def use_broker(url: str | None) -> None:
    """Point Celery at a real broker, or back to in-process when None (the suite's default)."""
    from taata_portal.celery import app as celery_app

    conf = celery_app.conf
    conf.task_always_eager, conf.broker_url = (url is None), (url or "memory://")
    celery_app._after_fork()  # drop pooled connections to the previous broker
