"""The mutation audit's results, kept in the repository so that an audit goes on from where the
last one stopped on any machine (mutants/ is a local working copy, never committed).

    python .ci/mutation_results.py restore   # before a run: results into mutants/ (where absent)
    python .ci/mutation_results.py save      # after a run: results from mutants/ into .ci/

Per rule module, each mutant's outcome and each function's hash: mutmut checks again only the
mutants of functions whose hash changed since (and those a run names), so the results of code
that did not change stay valid. Durations are left out; mutmut measures them again.

Also the tests that killed each function's mutants (`tests/mutation_order.py` runs them first
for the next mutant of the function): a few per function, with how often each killed.
"""

import fnmatch
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEPT = ROOT / ".ci" / "mutation-results"
WORK = ROOT / "mutants"
KILLERS_KEPT = KEPT / "killers.json"
KILLERS_WORK = WORK / "killers"  # tests/mutation_order.py: KILLERS, under mutants/
KILLERS_PER_FUNCTION = 5
STATS = WORK / "mutmut-stats.json"


def save() -> int:
    KEPT.mkdir(exist_ok=True)
    count = 0
    for meta in sorted(WORK.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        kept = {
            "exit_code_by_key": dict(sorted(data.get("exit_code_by_key", {}).items())),
            "hash_by_function_name": dict(sorted(data.get("hash_by_function_name", {}).items())),
        }
        target = KEPT / (str(meta.relative_to(WORK))[: -len(".meta")].replace("/", ".") + ".json")
        target.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        count += 1
    _save_killers()
    print(f"saved the results of {count} modules into {KEPT.relative_to(ROOT)}/")
    return 0


def _save_killers() -> None:
    killers = {}
    for found in sorted(KILLERS_WORK.glob("*.txt")):
        counts = Counter(found.read_text(encoding="utf-8").split())
        killers[found.stem] = dict(counts.most_common(KILLERS_PER_FUNCTION))
    if killers:
        KILLERS_KEPT.write_text(
            json.dumps(killers, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
            encoding="utf-8",
        )


def _restore_killers() -> None:
    if not KILLERS_KEPT.exists():
        return
    KILLERS_WORK.mkdir(parents=True, exist_ok=True)
    for function, counts in json.loads(KILLERS_KEPT.read_text(encoding="utf-8")).items():
        target = KILLERS_WORK / f"{function}.txt"
        if not target.exists():  # this machine's own record is newer
            target.write_text(
                "".join(f"{test}\n" * n for test, n in counts.items()), encoding="utf-8"
            )


def _rule_modules() -> list[str]:
    """The paths `[tool.mutmut] only_mutate` names, as mutmut matches them."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    return sorted(
        path
        for folder in config["source_paths"]
        for path in (str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*.py"))
        if any(fnmatch.fnmatch(path, pattern) for pattern in config["only_mutate"])
    )


def _prepare_new_modules() -> None:
    """A rule module new to the audit has a plain copy in mutants/ (mutmut copies every file,
    and takes a copy newer than its source for a mutated file already), and mutmut's recorded
    statistics do not know its functions: the copy goes, so that mutmut mutates it, and the
    statistics too, so that mutmut records again which tests reach each function. A rule module
    whose source changed is a plain copy as well (`make mutate` brings it in): mutmut mutates
    it again."""
    try:
        reached = json.loads(STATS.read_text(encoding="utf-8"))["tests_by_mangled_function_name"]
    except (OSError, ValueError, KeyError):
        reached = None
    for path in _rule_modules():
        copy = WORK / path
        if copy.exists() and "__mutmut_" not in copy.read_text(encoding="utf-8"):
            copy.unlink()
        module = path[: -len(".py")].replace("/", ".")
        audited = (KEPT / f"{module}.py.json").exists() or any(
            key.startswith(f"{module}.x") for key in reached or ()
        )
        if reached is not None and not audited:
            print(f"{module} is new to the audit: mutmut records again which tests reach what")
            STATS.unlink()
            reached = None


def restore() -> int:
    _prepare_new_modules()
    count = 0
    for kept in sorted(KEPT.glob("*.py.json")):
        path = kept.name[: -len(".py.json")].replace(".", "/") + ".py"
        meta = WORK / (path + ".meta")
        if meta.exists():
            continue  # this machine's own results are newer
        data = json.loads(kept.read_text(encoding="utf-8"))
        meta.parent.mkdir(parents=True, exist_ok=True)
        meta.write_text(
            json.dumps(
                {
                    "exit_code_by_key": data["exit_code_by_key"],
                    "hash_by_function_name": data["hash_by_function_name"],
                    "type_check_error_by_key": {},
                    "durations_by_key": {},
                    "estimated_durations_by_key": {},
                },
                indent=4,
            ),
            encoding="utf-8",
        )
        count += 1
    _restore_killers()
    print(f"restored the results of {count} modules into mutants/")
    return 0


if __name__ == "__main__":
    commands = {"save": save, "restore": restore}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]]())
