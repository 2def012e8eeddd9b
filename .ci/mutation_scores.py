"""The mutation audit's scores per rule module, from `mutmut results --all true`, written into
TESTING.md between its score markers (and printed). A mutant listed under "Equivalent mutants"
in TESTING.md (its name, a dash, the reason) changes no behaviour and counts neither way.

    python .ci/mutation_scores.py              # the table, into TESTING.md
    python .ci/mutation_scores.py survivors    # survivors not listed as equivalent: to triage
"""

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTING = ROOT / "TESTING.md"
START, END = "<!-- mutation scores -->", "<!-- /mutation scores -->"
TARGET = 90.0


def module_of(name: str) -> str:
    return re.split(r"\.x_|\.xǁ", name, maxsplit=1)[0]


def equivalents() -> set[str]:
    """Names listed under "Equivalent mutants": "- `full.name__mutmut_6`, `…_7` — reason";
    `…_N` repeats the name before with another number, `x_other__mutmut_N` the module before,
    and "`…_17` … `…_21`" is the range between."""
    text = TESTING.read_text(encoding="utf-8")
    section = text.split("## Equivalent mutants", 1)[-1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("- `"):
            continue
        head = line.split(" — ", 1)[0]
        previous, range_open = "", False
        for token, ranged in re.findall(r"`([^`]+)`( … )?", head):
            if token.startswith("…_"):
                name = previous.rsplit("_", 1)[0] + token[1:]
            elif token.startswith(("x_", "xǁ")):
                name = f"{module_of(previous)}.{token}"
            else:
                name = token
            if range_open:
                stem, last = name.rsplit("_", 1)
                first = int(previous.rsplit("_", 1)[1])
                names.update(f"{stem}_{n}" for n in range(first, int(last)))
            names.add(name)
            previous, range_open = name, bool(ranged)
    return names


def verdicts() -> list[tuple[str, str]]:
    """(mutant, status) for every mutant, as mutmut reports them."""
    out = subprocess.run(  # noqa: S603 - a fixed command of the project's own venv
        [str(ROOT / ".venv" / "bin" / "mutmut"), "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = (line.strip().rpartition(": ") for line in out.splitlines())
    return [(name, status) for name, _, status in found if name]


def results() -> dict[str, Counter]:
    same = equivalents()
    by_module: dict[str, Counter] = defaultdict(Counter)
    for name, status in verdicts():
        by_module[module_of(name)]["equivalent" if name in same else status] += 1
    return by_module


def survivors() -> int:
    same = equivalents()
    for name, status in verdicts():
        if status in ("survived", "no tests") and name not in same:
            print(name)
    return 0


def table(by_module: dict[str, Counter]) -> str:
    rows = [
        "| Module | Mutants | Killed | Survived | Equivalent | No test | Not checked yet | Score |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for module in sorted(by_module):
        c = by_module[module]
        counted = c["killed"] + c["survived"] + c["no tests"] + c["timeout"]
        if not counted:
            shown = "–"
        else:
            score = 100 * (c["killed"] + c["timeout"]) / counted
            shown = f"{score:.0f}%" + ("" if score >= TARGET else " ✗")
        rows.append(
            f"| `{module}` | {sum(c.values())} | {c['killed'] + c['timeout']} | {c['survived']} "
            f"| {c['equivalent']} | {c['no tests']} | {c['not checked']} | {shown} |"
        )
    return "\n".join(rows)


def main() -> int:
    by_module = results()
    unchecked = sum(c["not checked"] for c in by_module.values())
    text = table(by_module)
    print(text)
    if unchecked:
        print(f"\n{unchecked} mutants not checked yet: run make mutate again.", file=sys.stderr)
    page = TESTING.read_text(encoding="utf-8")
    before, rest = page.split(START, 1)
    after = rest.split(END, 1)[1]
    TESTING.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(survivors() if sys.argv[1:] == ["survivors"] else main())
