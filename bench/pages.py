"""Warm public pages (from the page cache) against a bare Django view served the same way:
gunicorn with 2 workers, PostgreSQL at scale 1, Redis as the cache. Target (DESIGN.md §6): the
page's server CPU per request within 1/0.8 of the bare view's, i.e. a ratio of at least 0.8.

Bare view and page alternate, in three rounds: each round's ratio compares two runs made one
after the other, and the median of the rounds is reported, so a slow moment of the machine
weighs on both sides. wrk sends `Accept-Encoding: br, gzip`, as browsers do."""

import re
import statistics
import sys
import urllib.request

from bench.common import Gunicorn, get, prepare_database, save
from bench.wrk import run

ROUNDS = int(__import__("os").environ.get("BENCH_ROUNDS", 3))
SECONDS = 4


def public_paths(port: int) -> dict:
    _status, body = get(port, "/ar/communes/09.551.01.07/")
    commitment = re.search(rb'href="/ar/commitments/(\d+)/"', body).group(1).decode()
    return {
        "home": "/ar/",
        "matrix": "/ar/matrix/",
        "recommendation": "/ar/recommendations/7/",
        "commune": "/ar/communes/09.551.01.07/",
        "commitment": f"/ar/commitments/{commitment}/",
        "home (fr)": "/fr/",
    }


def transferred(port: int, path: str) -> int:
    """Bytes on the wire for a browser that accepts brotli."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Accept-Encoding": "br, gzip"}
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310 - our own server
        return len(response.read())


def home_weight(port: int) -> dict:
    _status, body = get(port, "/ar/")
    css = re.search(rb'href="(/static/css/portal[^"]+\.css)"', body).group(1).decode()
    html, style = transferred(port, "/ar/"), transferred(port, css)
    return {"html_bytes": html, "css_bytes": style, "total_bytes": html + style}


def main(url=None):
    url = url or prepare_database()
    results = {}
    with Gunicorn(url) as server:
        paths = public_paths(server.port)
        for path in ["/bench/bare/", *paths.values()]:  # warm: connections, caches
            run(server.port, server.process.pid, path, seconds=1)
        for name, path in paths.items():
            rounds = []
            for _ in range(ROUNDS):
                bare = run(server.port, server.process.pid, "/bench/bare/", seconds=SECONDS)
                page = run(server.port, server.process.pid, path, seconds=SECONDS)
                rounds.append(
                    {
                        "bare": bare.as_dict(),
                        "page": page.as_dict(),
                        "rps_ratio": page.rps / bare.rps,
                        "cpu_ratio": bare.cpu_ms_per_request / page.cpu_ms_per_request,
                    }
                )
            results[name] = {
                "path": path,
                "rounds": rounds,
                "median_rps_ratio": round(statistics.median(r["rps_ratio"] for r in rounds), 3),
                "median_cpu_ratio": round(statistics.median(r["cpu_ratio"] for r in rounds), 3),
            }
            last = rounds[-1]
            print(
                f"  {name:15} {last['page']['rps']:8.0f} req/s (bare {last['bare']['rps']:.0f})"
                f"  cpu/req {last['page']['cpu_ms_per_request']:.3f} ms"
                f" (bare {last['bare']['cpu_ms_per_request']:.3f})"
                f"  median ratios: throughput {results[name]['median_rps_ratio']}"
                f", server CPU {results[name]['median_cpu_ratio']}"
                f"  p99 {last['page']['p99_ms']} ms  errors {last['page']['errors']}"
            )
        weight = home_weight(server.port)
    print(
        f"  home transferred: HTML {weight['html_bytes']} B + CSS {weight['css_bytes']} B "
        f"= {weight['total_bytes'] / 1024:.1f} KB (brotli)"
    )
    save("pages", {"target_cpu_ratio": 0.8, "results": results, "home_weight": weight})
    return url


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
