"""The province PDF report (every commitment, every commune) at scale 1 and scale 10: time and
peak memory of the whole export in a process of its own, as `export_progress` runs it. Target
(DESIGN.md §6): at most 10 s and 300 MB at scale 10. Baseline in the same run: the same report
as CSV (the same data built, no layout), which shows what the PDF layout itself costs."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import BASE, PY, env, save

MEASURE = """
import resource, sys, time
start = time.perf_counter()
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "export_progress", "--format", sys.argv[1],
                           "--output", sys.argv[2], "--language", "ar"])
print({"seconds": time.perf_counter() - start,
       "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
"""


def export(url: str, fmt: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"report.{fmt}"
        result = subprocess.run(
            [PY, "-c", MEASURE, fmt, str(out)],
            cwd=BASE,
            env=env(DATABASE_URL=url, REDIS_URL=""),
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1].replace("'", '"'))
        figures["kb"] = out.stat().st_size // 1024
    return {key: round(value, 1) for key, value in figures.items()}


def main(urls: dict[str, str]) -> None:
    results = {}
    for label, url in urls.items():
        pdf, csv = export(url, "pdf"), export(url, "csv")
        results[label] = {"pdf": pdf, "csv": csv}
        print(
            f"  {label}: PDF {pdf['seconds']} s, {pdf['peak_mb']} MB peak, {pdf['kb']} KB; "
            f"CSV of the same report {csv['seconds']} s, {csv['peak_mb']} MB"
        )
    save("pdf", {"target": {"seconds": 10, "peak_mb": 300}, "results": results})


if __name__ == "__main__":
    main(dict(zip(("1x", "10x"), sys.argv[1:], strict=False)))
