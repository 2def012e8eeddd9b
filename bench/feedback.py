"""50 residents sending feedback at once, 5,000 submissions against gunicorn on PostgreSQL:
accepted, stored, lost (must be 0), server errors (must be 0), submissions per second. Baseline
in the same run: the bare Django view under the same 50 clients."""

import http.client
import re
import sys
import threading
import time
import urllib.parse

from bench.common import Gunicorn, load, prepare_database, save

SENDERS = 50
SUBMISSIONS = 5000


def sender(port, commune_id, quota, results, lock, index):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/ar/feedback/new/")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    for n in range(quota):
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "commune": commune_id,
                "kind": "suggestion",
                "text": f"اقتراح رقم {index}-{n} لتحسين خدمات الجماعة",
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"http://127.0.0.1:{port}/ar/feedback/new/",
        }
        try:
            conn.request("POST", "/ar/feedback/new/", body=body, headers=headers)
            status = conn.getresponse()
            status.read()
            code = status.status
        except OSError:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            code = "error"
        with lock:
            results[code] = results.get(code, 0) + 1


def stored_count(url):
    import psycopg2

    conn = psycopg2.connect(url.replace("postgres://", "postgresql://"))
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM consultations_feedback")
        n = cur.fetchone()[0]
    conn.close()
    return n


def main(url=None):
    url = url or prepare_database()
    import psycopg2

    conn = psycopg2.connect(url.replace("postgres://", "postgresql://"))
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM territory_commune WHERE code = '09.551.01.07'")
        commune_id = cur.fetchone()[0]
    conn.close()
    with Gunicorn(url, workers=2) as server:
        baseline = load(server.port, "/bench/bare/", threads=SENDERS, seconds=5, max_requests=5000)
        before = stored_count(url)
        results, lock = {}, threading.Lock()
        quota = SUBMISSIONS // SENDERS
        threads = [
            threading.Thread(target=sender, args=(server.port, commune_id, quota, results, lock, i))
            for i in range(SENDERS)
        ]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        elapsed = time.perf_counter() - start
        stored = stored_count(url) - before
    accepted = results.get(302, 0)
    server_errors = sum(v for k, v in results.items() if isinstance(k, int) and k >= 500)
    result = {
        "senders": SENDERS,
        "submissions": SUBMISSIONS,
        "accepted": accepted,
        "stored": stored,
        "lost": accepted - stored,
        "server_errors": server_errors,
        "other": {str(k): v for k, v in results.items() if k != 302},
        "seconds": round(elapsed, 1),
        "submissions_per_second": round(accepted / elapsed, 1),
        "bare_view_rps_50_clients": baseline["rps"],
        "ratio_to_bare": round(accepted / elapsed / baseline["rps"], 3),
    }
    print(
        f"  {accepted}/{SUBMISSIONS} accepted, {stored} stored, lost {result['lost']}, "
        f"5xx {server_errors}, {result['submissions_per_second']} submissions/s "
        f"(bare view {baseline['rps']} req/s, ratio {result['ratio_to_bare']})"
    )
    save("feedback", result)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
