"""Cold render of the public pages (no page cache): CPU per render, queries and HTML size, at
scale 1 and scale 10. Targets (DESIGN.md §6): at most 5 ms of CPU per page at 1×, 8 ms at 10×;
no page over 60 KB of HTML at 10×.

In-process, through Django's test client (the full middleware stack), the page cache off. Each
page is measured three ways, the median of RENDERS timed renders after a few warm-up ones:

- after a write it shows: before each render, the version a status update of one of its
  commitments moves is bumped (the overview, the recommendation, the commune, the commitment),
  so every fragment made from it is rendered again; what that write leaves alone (the commune's
  committees, meetings and feedback, timeline entries, the reference data each process keeps)
  is not. This is what the next reader pays after a write: the headline figure.
- after a write elsewhere: nothing bumped (fragments of the page all kept).
- from nothing: the reference data forgotten and the cache emptied before each render, as for
  the first request a new worker answers after a restart.

The targets are milliseconds on the project's machine, whose speed varies from one boot to the
next (a shared host: the same code has measured up to 2.5 times slower). The bare Django view
through the same client and middleware is timed in the same run as the calibration: each page
is also given in bare views, a figure that holds from one host to another.
"""

import os
import re
import statistics
import sys
import time

from bench.common import env, manage, save

RENDERS = 40


def pages(client) -> dict:
    """name → (path, the scope a status update on it moves)."""
    body = client.get("/ar/communes/09.551.01.07/").content.decode()
    commitment = re.search(r'href="/ar/commitments/(\d+)/"', body).group(1)
    return {
        "home": ("/ar/", "overview"),
        "matrix": ("/ar/matrix/", "overview"),
        "recommendation": ("/ar/recommendations/7/", "recommendation:7"),
        "commune": ("/ar/communes/09.551.01.07/", "commune:09.551.01.07"),
        "commitment": (f"/ar/commitments/{commitment}/", f"commitment:{commitment}"),
        "home (fr)": ("/fr/", "overview"),
        "open data": ("/open-data/", "open-data"),
    }


def _timed(client, path: str, before) -> float:
    cpu = []
    for _ in range(RENDERS):
        before()
        start = time.process_time()
        response = client.get(path)
        cpu.append(time.process_time() - start)
        assert response.status_code == 200, (path, response.status_code)
    return round(1000 * statistics.median(cpu), 2)


def measure(client, path: str, scope: str) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from web.memo import forget_all
    from web.page_cache import pages_changed

    def from_nothing():
        forget_all()
        cache.clear()

    for _ in range(3):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    results = {
        "own_write_cpu_ms": _timed(client, path, lambda: pages_changed(scope)),
        "elsewhere_cpu_ms": _timed(client, path, lambda: None),
        "from_nothing_cpu_ms": _timed(client, path, from_nothing),
    }
    pages_changed(scope)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return {
        "path": path,
        **results,
        "queries": len(queries),
        "kb": round(len(response.content) / 1024, 1),
    }


def main(url: str, label: str) -> dict:
    # The pages link the hashed stylesheet: a fresh clone has no manifest until it is collected.
    manage("collectstatic", "--noinput", "-v0", DATABASE_URL=url)
    os.environ.update(env(DATABASE_URL=url, PUBLIC_PAGE_CACHE_SECONDS="0"))
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(3):
        client.get("/bench/bare/")
    bare_ms = _timed(client, "/bench/bare/", lambda: None)
    results = {name: measure(client, *page) for name, page in pages(client).items()}
    print(f"  {label} bare view {bare_ms:.2f} ms of CPU through the same client (calibration)")
    print(
        f"  {label} page             after its write  elsewhere  from nothing  queries  size"
        "   (after its write, in bare views)"
    )
    for name, r in results.items():
        r["own_write_in_bare_views"] = round(r["own_write_cpu_ms"] / bare_ms, 1)
        print(
            f"  {label} {name:15} {r['own_write_cpu_ms']:10.2f} ms {r['elsewhere_cpu_ms']:8.2f} ms"
            f" {r['from_nothing_cpu_ms']:9.2f} ms {r['queries']:6d} {r['kb']:8.1f} KB"
            f"   {r['own_write_in_bare_views']:5.1f}"
        )
    save(f"render-{label}", {"bare_view_cpu_ms": bare_ms, "results": results})
    return results


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "1x")
