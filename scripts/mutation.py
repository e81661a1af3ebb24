# ruff: noqa: T201, INP001 -- a command-line script: it prints its report
"""Mutation testing of the rule modules with mutmut, one module at a time.

Run from the repository root, outside CI (a whole pass takes hours on a small machine)::

    .venv/bin/pip install mutmut
    .venv/bin/python scripts/mutation.py                      # every module, 1 worker
    .venv/bin/python scripts/mutation.py calendar law -j 2    # some modules, 2 workers
    .venv/bin/python scripts/mutation.py no/fees --only '*x_fee_cap*'

Each module runs in its own copy of the tree under ``mutants/<module>/`` (mutmut 3 works in the
current directory and copies it to ``mutants/`` again there), with the ``[tool.mutmut]`` section
of pyproject.toml as the shared settings plus two set here: ``only_mutate`` (the one module) and
``pytest_add_cli_args_test_selection`` (the tests that exercise it, so one module takes minutes).
At the end it prints the killed share per module: killed / (killed + survived + timeout +
suspicious); mutants no selected test reaches ("no tests") count as not killed too.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: module -> (source file, test selection). The selection is every test file that exercises the
#: module directly, its boundary tests, and the property tests of the same rule.
MODULES: dict[str, tuple[str, list[str]]] = {
    "no/fees": (
        "src/inkassorules/no/fees.py",
        [
            "tests/no/test_fees.py",
            "tests/test_issue14_data.py",
            "tests/test_boundaries_no_fees.py",
        ],
    ),
    "se/fees": (
        "src/inkassorules/se/fees.py",
        ["tests/se/test_fees.py", "tests/test_boundaries_se_fees.py"],
    ),
    "interest": (
        "src/inkassorules/interest.py",
        [
            "tests/test_interest.py",
            "tests/properties/test_interest_properties.py",
            "tests/no/test_interest.py",
            "tests/se/test_interest.py",
            "tests/test_records.py",
            "tests/test_notebook.py",
            "tests/test_boundaries_interest.py",
        ],
    ),
    "no/interest": (
        "src/inkassorules/no/interest.py",
        [
            "tests/no/test_interest.py",
            "tests/test_interest.py",
            "tests/test_boundaries_interest.py",
            "tests/test_boundaries_no_interest.py",
        ],
    ),
    "se/interest": (
        "src/inkassorules/se/interest.py",
        [
            "tests/se/test_interest.py",
            "tests/test_interest.py",
            "tests/test_boundaries_interest.py",
            "tests/test_boundaries_se_interest.py",
        ],
    ),
    "instalments": (
        "src/inkassorules/instalments.py",
        [
            "tests/test_instalments.py",
            "tests/properties/test_instalment_properties.py",
            "tests/test_instalments_onepass.py",
            "tests/test_records.py",
            "tests/test_notebook.py",
            "tests/test_issue14_data.py",
            "tests/test_boundaries_instalments.py",
        ],
    ),
    "contact": (
        "src/inkassorules/contact.py",
        [
            "tests/test_contact.py",
            "tests/properties/test_contact_properties.py",
            "tests/test_boundaries_contact.py",
        ],
    ),
    "no/contact": (
        "src/inkassorules/no/contact.py",
        [
            "tests/no/test_contact.py",
            "tests/no/test_contact_inkassolov_2026.py",
            "tests/test_contact.py",
            "tests/test_boundaries_contact.py",
            "tests/test_boundaries_country_contact.py",
        ],
    ),
    "se/contact": (
        "src/inkassorules/se/contact.py",
        [
            "tests/se/test_contact.py",
            "tests/test_contact.py",
            "tests/test_boundaries_contact.py",
            "tests/test_boundaries_country_contact.py",
        ],
    ),
    "calendar": (
        "src/inkassorules/calendar.py",
        ["tests/test_calendar.py", "tests/test_boundaries_calendar.py"],
    ),
    "law": (
        "src/inkassorules/law.py",
        [
            "tests/test_law.py",
            "tests/test_law_strict.py",
            "tests/test_issue14_data.py",
            "tests/test_boundaries_law.py",
            "tests/test_boundaries_law_lookups.py",
        ],
    ),
    "ledger": (
        "src/inkassorules/ledger.py",
        [
            "tests/test_balance.py",
            "tests/properties/test_balance_properties.py",
            "tests/test_boundaries_ledger.py",
        ],
    ),
    "compliance": (
        "src/inkassorules/compliance.py",
        [
            "tests/test_audit.py",
            "tests/properties/test_audit_properties.py",
            "tests/test_boundaries_compliance.py",
        ],
    ),
    "case": (
        "src/inkassorules/case.py",
        [
            "tests/test_case.py",
            "tests/properties/test_case_properties.py",
            "tests/test_boundaries_case.py",
        ],
    ),
    "events": (
        "src/inkassorules/events.py",
        [
            "tests/test_case.py",
            "tests/test_serialization_case.py",
            "tests/test_boundaries_events.py",
        ],
    ),
}

KILLED = {1, 3, 37}
STATUS = {0: "survived", 1: "killed", 3: "killed", 5: "no tests", 33: "no tests", 34: "skipped"}
STATUS |= {36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout"}
STATUS |= {37: "caught by type check", None: "not checked"}


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(item) for item in items) + "]"


def _pyproject_for(source: str, tests: list[str]) -> str:
    """The repository's pyproject.toml with the module's two settings added to [tool.mutmut]."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    header = "[tool.mutmut]\n"
    if header not in text:
        msg = "pyproject.toml has no [tool.mutmut] section"
        raise SystemExit(msg)
    extra = (
        f"only_mutate = {_toml_list([source])}\n"
        f"pytest_add_cli_args_test_selection = {_toml_list(tests)}\n"
    )
    return text.replace(header, header + extra, 1)


def _prepare(name: str, source: str, tests: list[str]) -> Path:
    work = ROOT / "mutants" / name.replace("/", "_")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    shutil.copytree(ROOT / "src", work / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    # Data files some tests read (tests/test_serialization_case.py reads examples/no-case.json).
    shutil.copytree(ROOT / "examples", work / "examples")
    (work / "pyproject.toml").write_text(_pyproject_for(source, tests), encoding="utf-8")
    return work


def _counts(work: Path, source: str) -> Counter[str]:
    meta = work / "mutants" / (source + ".meta")
    data = json.loads(meta.read_text(encoding="utf-8"))
    return Counter(STATUS.get(code, "suspicious") for code in data["exit_code_by_key"].values())


def _survivors(work: Path, source: str) -> list[str]:
    meta = work / "mutants" / (source + ".meta")
    data = json.loads(meta.read_text(encoding="utf-8"))
    return sorted(k for k, v in data["exit_code_by_key"].items() if v not in KILLED)


def main(argv: list[str] | None = None) -> int:
    """Run mutmut module by module and print the killed share of each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"default: all of {', '.join(MODULES)}")
    parser.add_argument("-j", "--workers", type=int, default=1, help="mutmut --max-children")
    parser.add_argument("--only", nargs="*", default=[], help="mutant name globs (fnmatch)")
    parser.add_argument("--list-survivors", action="store_true", help="print the mutants left")
    args = parser.parse_args(argv)
    names = args.modules or list(MODULES)
    unknown = [n for n in names if n not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {unknown}; expected some of {list(MODULES)}")
    summary: list[tuple[str, Counter[str]]] = []
    for name in names:
        source, tests = MODULES[name]
        tests = [t for t in tests if (ROOT / t).exists()]
        work = _prepare(name, source, tests)
        cmd = [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.workers)]
        print(f"== {name}: {source} with {' '.join(tests)}", flush=True)
        log = work / "mutmut.log"
        with log.open("w", encoding="utf-8") as out:
            rc = subprocess.call(  # noqa: S603 -- our own interpreter and arguments
                [*cmd, *args.only], cwd=work, stdout=out, stderr=subprocess.STDOUT
            )
        if rc != 0 or not (work / "mutants" / (source + ".meta")).exists():
            tail = "".join(
                log.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)[-15:]
            )
            print(f"   mutmut failed (exit {rc}); last lines of {log}:\n{tail}", flush=True)
            continue
        counts = _counts(work, source)
        summary.append((name, counts))
        print(f"   {_line(counts)}", flush=True)
        if args.list_survivors:
            for key in _survivors(work, source):
                print(f"   left: {key}", flush=True)
    print("\nmodule          killed/total  share   detail")
    for name, counts in summary:
        print(f"{name:<15} {_line(counts)}")
    return 0


def _line(counts: Counter[str]) -> str:
    checked = sum(v for k, v in counts.items() if k not in {"not checked", "skipped"})
    killed = counts["killed"] + counts["caught by type check"]
    share = f"{100 * killed / checked:5.1f} %" if checked else "  n/a "
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "killed")
    return f"{killed:>5}/{checked:<6}  {share}  {detail}"


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["MODULES", "main"]
