"""Public pages under load (gunicorn, 2 workers, PostgreSQL at scale 1) against a bare Django
view served the same way, in the same run. Target: each page at least half the bare view's
throughput (DESIGN.md §6)."""

import re
import sys

from bench.common import Gunicorn, get, load, prepare_database, save


def main(url=None):
    url = url or prepare_database()
    with Gunicorn(url) as server:
        _status, body = get(server.port, "/ar/communes/09.551.01.07/")
        commitment = re.search(rb'href="/ar/commitments/(\d+)/"', body).group(1).decode()
        paths = {
            "bare view": "/bench/bare/",
            "home": "/ar/",
            "matrix": "/ar/matrix/",
            "recommendation": "/ar/recommendations/7/",
            "commune": "/ar/communes/09.551.01.07/",
            "commitment": f"/ar/commitments/{commitment}/",
        }
        for path in paths.values():  # warm up: first requests open connections, fill caches
            load(server.port, path, threads=2, seconds=1, max_requests=50)
        results = {name: load(server.port, path) for name, path in paths.items()}
    bare = results["bare view"]["rps"]
    for name, r in results.items():
        r["ratio_to_bare"] = round(r["rps"] / bare, 3) if bare else None
        print(
            f"  {name:15} {r['rps']:8.1f} req/s  p50 {r['p50_ms']} ms  p95 {r['p95_ms']} ms  "
            f"ratio {r['ratio_to_bare']}  errors {r['errors']}"
        )
    save("pages", {"target_ratio": 0.5, "results": results})
    return url


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
