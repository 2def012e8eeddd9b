"""Readers and writers at once: readers spread over every public page, in Arabic and French
(home, matrix, the nine recommendations, the twenty communes, every public commitment), while
one resident posts a valid feedback every second and one councillor a status update every ten
seconds. Target (DESIGN.md §6): the readers' throughput at least half the bare view's.

Before the per-object cache every write cleared every page (0.021 of the bare view). The bare
view and the mixed load alternate in three rounds; the median ratio is reported, with the
writes made and refused."""

import http.client
import re
import statistics
import sys
import threading
import time
import urllib.parse

import psycopg2

from bench.common import Gunicorn, prepare_database, save
from bench.wrk import run

ROUNDS = 3
SECONDS = 10
COMMUNE = "09.551.01.07"


def public_paths(url: str) -> list[str]:
    conn = psycopg2.connect(url.replace("postgres://", "postgresql://"))
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM recommendations_commitment WHERE is_public")
        commitments = [row[0] for row in cur.fetchall()]
        cur.execute("SELECT code FROM territory_commune")
        communes = [row[0] for row in cur.fetchall()]
    conn.close()
    paths = []
    for language in ("ar", "fr"):
        paths += [f"/{language}/", f"/{language}/matrix/"]
        paths += [f"/{language}/recommendations/{n}/" for n in range(1, 10)]
        paths += [f"/{language}/communes/{code}/" for code in communes]
        paths += [f"/{language}/commitments/{pk}/" for pk in commitments]
    return paths


class Browser:
    """One keep-alive connection with its cookies, like a person's browser."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _eq, value = header.split(";")[0].partition("=")
            self.cookies[name] = value
        return response.status, text

    def token(self, path: str) -> str:
        _status, page = self.request("GET", path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def resident(port: int, commune_id: int, stop: threading.Event, tally: dict) -> None:
    browser = Browser(port)
    token = browser.token("/ar/feedback/new/")
    n = 0
    while not stop.wait(1.0):
        n += 1
        form = {
            "csrfmiddlewaretoken": token,
            "commune": commune_id,
            "kind": "observation",
            "text": f"ملاحظة رقم {n} حول نظافة الأزقة في الحي",
        }
        status, _page = browser.request("POST", "/ar/feedback/new/", form)
        tally["feedback" if status == 302 else "feedback refused"] += 1


def councillor(port: int, username: str, stop: threading.Event, tally: dict) -> None:
    browser = Browser(port)
    token = browser.token("/ar/accounts/login/")
    browser.request(
        "POST",
        "/ar/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": username, "password": "bench-only"},
    )
    _status, page = browser.request("GET", "/ar/my/")
    # The councillor's list links each commitment's update form.
    action = re.search(r'href="(/ar/commitments/\d+/update/)"', page).group(1)
    while not stop.wait(10.0):
        _status, form_page = browser.request("GET", action)
        form = {
            "csrfmiddlewaretoken": re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page
            ).group(1),
            "version": re.search(r'name="version" value="(\d+)"', form_page).group(1),
            "level": "limited",  # what the milestones done give (bench.data)
            "note": "تقدم في الأشغال حسب المحضر",
        }
        status, _page = browser.request("POST", action, form)
        tally["updates" if status == 302 else "updates refused"] += 1


def commune_id(url: str) -> tuple[int, str]:
    conn = psycopg2.connect(url.replace("postgres://", "postgresql://"))
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM territory_commune WHERE code = %s", [COMMUNE])
        commune = cur.fetchone()[0]
        cur.execute(
            "SELECT u.username FROM accounts_user u JOIN territory_body b ON b.id = u.body_id "
            "WHERE u.role = 'councillor' AND b.commune_id = %s ORDER BY u.id LIMIT 1",
            [commune],
        )
        username = cur.fetchone()[0]
    conn.close()
    return commune, username


def main(url=None):
    url = url or prepare_database()
    paths = public_paths(url)
    commune, username = commune_id(url)
    tally = dict.fromkeys(["feedback", "feedback refused", "updates", "updates refused"], 0)
    rounds = []
    with Gunicorn(url) as server:
        pid = server.process.pid
        run(server.port, pid, seconds=3, paths=paths)  # warm: every page once or so
        for _ in range(ROUNDS):
            bare = run(server.port, pid, "/bench/bare/", seconds=SECONDS)
            stop = threading.Event()
            writers = [
                threading.Thread(target=resident, args=(server.port, commune, stop, tally)),
                threading.Thread(target=councillor, args=(server.port, username, stop, tally)),
            ]
            for writer in writers:
                writer.start()
            time.sleep(0.5)  # the councillor has logged in
            mixed = run(server.port, pid, seconds=SECONDS, paths=paths)
            stop.set()
            for writer in writers:
                writer.join()
            rounds.append(
                {"bare": bare.as_dict(), "readers": mixed.as_dict(), "ratio": mixed.rps / bare.rps}
            )
            print(
                f"  readers {mixed.rps:7.0f} req/s over {len(paths)} pages, bare {bare.rps:.0f}:"
                f" ratio {mixed.rps / bare.rps:.3f}; cpu/req {mixed.cpu_ms_per_request:.3f} ms"
                f" (bare {bare.cpu_ms_per_request:.3f}); errors {mixed.errors}"
            )
    median = round(statistics.median(r["ratio"] for r in rounds), 3)
    print(f"  median ratio {median}; writes: {tally}")
    # A scenario whose writers failed measures readers alone: say so instead of a figure.
    if not tally["updates"] or not tally["feedback"]:
        raise SystemExit(f"the writers did not write (see above): {tally}")
    save("mixed", {"target_ratio": 0.5, "median_ratio": median, "writes": tally, "rounds": rounds})
    return url


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
