"""Cold render of the public pages (the page cache off): CPU per render, queries and HTML size,
at scale 1 and scale 10. Targets (DESIGN.md §6): at most 5 ms of CPU per page at 1×, 8 ms at
10×; no page over 60 KB of HTML at 10×.

In-process, through Django's test client (the full middleware stack), each page rendered a
few times to warm the template cache, then timed; the median of the timed renders is kept."""

import os
import re
import statistics
import sys
import time

from bench.common import env, save

RENDERS = 40


def pages(client) -> dict:
    body = client.get("/ar/communes/09.551.01.07/").content.decode()
    commitment = re.search(r'href="/ar/commitments/(\d+)/"', body).group(1)
    return {
        "home": "/ar/",
        "matrix": "/ar/matrix/",
        "recommendation": "/ar/recommendations/7/",
        "commune": "/ar/communes/09.551.01.07/",
        "commitment": f"/ar/commitments/{commitment}/",
        "home (fr)": "/fr/",
        "open data": "/open-data/",
    }


def measure(client, path: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    cpu, wall = [], []
    for _ in range(RENDERS):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        response = client.get(path)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return {
        "path": path,
        "cpu_ms": round(1000 * statistics.median(cpu), 2),
        "wall_ms": round(1000 * statistics.median(wall), 2),
        "queries": len(queries),
        "kb": round(len(response.content) / 1024, 1),
    }


def main(url: str, label: str) -> dict:
    os.environ.update(env(DATABASE_URL=url, PUBLIC_PAGE_CACHE_SECONDS="0"))
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    results = {name: measure(client, path) for name, path in pages(client).items()}
    for name, r in results.items():
        print(
            f"  {label} {name:15} cpu {r['cpu_ms']:6.2f} ms  wall {r['wall_ms']:6.2f} ms  "
            f"{r['queries']:2d} queries  {r['kb']:6.1f} KB"
        )
    save(f"render-{label}", {"results": results})
    return results


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "1x")
