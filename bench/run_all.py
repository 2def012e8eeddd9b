"""`make bench`: every benchmark, each against its baseline measured in the same run.

Needs PostgreSQL (BENCH_DATABASE_URL, default the local server's taata_bench), Redis and wrk
(`make bench` installs it). Each benchmark runs in a process of its own (Django is set up once
per process, on one database), prints its figures and writes bench/results/<name>.json.
About eight minutes on this machine."""

import subprocess
import sys
import time

from bench.common import BASE, prepare_database


def run(name: str, *args: str) -> None:
    print(f"{name}:", flush=True)
    subprocess.run([sys.executable, "-m", f"bench.{name}", *args], cwd=BASE, check=True)


def main() -> int:
    started = time.perf_counter()
    print("Preparing taata_bench at scale 1 and taata_bench_10x at scale 10 …", flush=True)
    url = prepare_database()
    url_10x = prepare_database(scale=10, name_suffix="_10x")
    run("render", url, "1x")
    run("render", url_10x, "10x")
    run("pages", url)
    run("mixed", url)
    run("pdf", url, url_10x)
    for name in ("reminders", "feedback"):
        run(name, url)
    run("export")  # its own database, with 100,000 status updates
    print(f"done in {time.perf_counter() - started:.0f} s; figures in bench/results/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
