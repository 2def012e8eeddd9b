"""Load from wrk, a compiled load generator (Debian's package, installed by `make bench`), and
the server's own CPU per request, read from its gunicorn workers' counters in /proc.

wrk costs the machine far less than the server it measures, so a baseline and a page compete
for the two cores on equal terms. CPU per request is the figure that holds on a shared machine:
it does not depend on what else runs beside the server."""

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
HEADERS = ["-H", "Accept-Encoding: br, gzip", "-H", "Accept-Language: ar"]
RANDOM_PATHS = """
paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
"""


@dataclass
class Run:
    path: str
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms_per_request: float

    def as_dict(self) -> dict:
        return asdict(self)


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is missing: `make bench` installs it (Debian package wrk)")
    return found


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def server_cpu_seconds(master: int) -> float:
    """User and system CPU of the gunicorn workers (the master only supervises)."""
    total = 0
    for pid in _children(master):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def run(
    port: int,
    master: int,
    path: str = "/",
    *,
    seconds: int = 4,
    connections: int = 8,
    paths: list[str] | None = None,
) -> Run:
    """`connections` keep-alive clients on one wrk thread for `seconds`; with `paths`, each
    request picks one of them at random."""
    command = [wrk_binary(), "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", *HEADERS]
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if paths:
            Path(tmp, "paths.txt").write_text("\n".join(paths) + "\n")
            Path(tmp, "random.lua").write_text(RANDOM_PATHS)
            env["WRK_PATHS"] = str(Path(tmp, "paths.txt"))
            command += ["-s", str(Path(tmp, "random.lua"))]
        cpu_before = server_cpu_seconds(master)
        out = subprocess.run(
            [*command, f"http://127.0.0.1:{port}{path}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        cpu = server_cpu_seconds(master) - cpu_before
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    return Run(
        path=path if not paths else f"{len(paths)} pages at random",
        requests=requests,
        seconds=seconds,
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        p99_ms=_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        errors=errors,
        cpu_ms_per_request=round(1000 * cpu / max(requests, 1), 3),
    )
