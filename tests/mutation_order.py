"""The order of a mutant's tests under the mutation audit (`make mutate`, TESTING.md).

mutmut runs the tests that reached the changed function and stops at the first failure, so a
mutant costs the tests run before the one that kills it. Mutants of one function are run one
after another, and what kills one of them usually kills the next: the tests that killed a
mutant of the same function before run first (the most often first), then the rest quickest
first (durations from mutmut's first whole run, mutants/mutmut-stats.json). A survivor still
runs every test, so the order changes the cost of the audit, never its verdicts.

Outside the audit (no mutant under test) nothing here does anything.
"""

import json
import os
from collections import Counter
from pathlib import Path

# Relative to the folder mutmut runs the tests in (mutants/); `.ci/mutation_results.py` keeps
# them in the repository with the verdicts.
KILLERS = Path("killers")


def _function_under_test() -> str:
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if "__mutmut_" not in mutant:
        return ""  # a normal run, or mutmut's own clean and forced-fail runs
    return mutant.rsplit("__mutmut_", 1)[0]


def pytest_collection_modifyitems(items):
    function = _function_under_test()
    if not function:
        return
    killed_before = _killers(function)
    durations = _recorded_durations()
    items.sort(
        key=lambda item: (
            -killed_before.get(item.nodeid, 0),
            durations.get(item.nodeid, float("inf")),
        )
    )


def pytest_runtest_logreport(report):
    function = _function_under_test()
    if function and report.failed:
        KILLERS.mkdir(exist_ok=True)
        # One short line appended: the two workers may write to one file at once.
        with open(KILLERS / f"{function}.txt", "a", encoding="utf-8") as killers:
            killers.write(report.nodeid + "\n")


def _killers(function: str) -> Counter:
    try:
        lines = (KILLERS / f"{function}.txt").read_text(encoding="utf-8").split()
    except OSError:
        return Counter()
    return Counter(lines)


def _recorded_durations() -> dict[str, float]:
    try:
        stats = json.loads(Path("mutmut-stats.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stats.get("duration_by_test", {})
