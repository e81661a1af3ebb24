"""``benchmarks/run.py`` keeps working: its reference functions and its per-claim work.

Not a timing test (timing belongs in the script itself): these check that what the script times
is what it says. The minimal interest function gives the library's answer, the kinds of per-claim
work run on the script's own claims, and the plain-Python floor gives the library's answers
without calling it. CI also runs the whole script once on its fresh install.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from inkassorules import Money
from inkassorules import no as norway
from inkassorules import se as sweden

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("inkassorules_benchmarks_run", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The benchmark's own arithmetic takes the due date as the first interest day: the library is
# asked the same (roll_due_date=False; rolling onto a business day is issue 14 item 5).
def test_minimal_function_gives_the_library_answer(bench: ModuleType) -> None:
    for principal, due, paid in bench.distinct_spans(300, seed=3):
        library = norway.late_interest(
            Money.of(principal, "NOK"), due_date=due, paid_on=paid, roll_due_date=False
        )
        assert bench.minimal_no_interest(principal, due, paid) == library.amount.amount


def test_naive_loop_gives_the_library_answer(bench: ModuleType) -> None:
    for principal, due, paid in bench.distinct_spans(20, seed=4):
        library = norway.late_interest(
            Money.of(principal, "NOK"), due_date=due, paid_on=paid, roll_due_date=False
        )
        assert bench.naive_no_interest(principal, due, paid) == library.amount.amount


def test_every_mode_evaluates_the_claims(bench: ModuleType) -> None:
    cases = bench.generate_claims(200, seed=5)
    assert set(bench.MODES) == {"plain", "step"}
    for mode in bench.MODES:
        assert bench.evaluate_chunk(cases, mode=mode) == 0


def test_the_floor_gives_the_library_answer(bench: ModuleType) -> None:
    cases = bench.generate_claims(400, seed=6)
    assert {case[0] for case in cases} == {"NO", "SE"}
    for case in cases:
        assert bench.evaluate_plain_floor(case) == bench.evaluate_plain(case)


def test_the_floor_calls_nothing_of_the_library(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once its tables are compiled, the floor runs with the library's rules switched off."""
    cases = bench.generate_claims(200, seed=7)
    expected = [bench.evaluate_plain_floor(case) for case in cases]  # compiles the tables

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the floor called the library")

    for module in (norway, sweden):
        for name in module.__all__:
            if callable(getattr(module, name)):
                monkeypatch.setattr(module, name, refuse)
    monkeypatch.setattr(Money, "of", refuse)
    assert [bench.evaluate_plain_floor(case) for case in cases] == expected


def test_the_row_costs_are_measured(bench: ModuleType) -> None:
    rows = bench.bench_row_costs(1)
    assert [row[0] for row in rows][:3] == [
        "InstalmentAgreement.status, 360 instalments x 120 payments",
        "accelerate, the same agreement",
        "timeline.next_step, a case with that agreement",
    ]
    assert len(rows) == 8
