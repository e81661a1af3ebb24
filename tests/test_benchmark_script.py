"""``benchmarks/run.py`` keeps working: its reference functions and its per-claim work.

Not a timing test (timing belongs in the script itself): these check that what the script times
is what it says. The minimal interest function gives the library's answer, the three kinds of
per-claim work run on the script's own claims, and the lower bound builds a real ``Step`` and
``NextStep`` for each claim. CI also runs the whole script once on its fresh install.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from inkassorules import Money, timeline
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
    assert set(bench.MODES) == {"plain", "step", "floor"}
    for mode in bench.MODES:
        assert bench.evaluate_chunk(cases, mode=mode) == 0


def test_lower_bound_returns_what_evaluate_returns(bench: ModuleType) -> None:
    for case in bench.generate_claims(100, seed=6):
        assert bench.evaluate_floor(case) == bench.evaluate(case)


def test_lower_bound_builds_a_real_answer_from_a_real_one(bench: ModuleType) -> None:
    templates = bench.answer_templates()
    assert set(templates) == {"NO", "SE"}
    for step_type, step_fields, answer_type, answer_fields in templates.values():
        assert step_type is timeline.Step
        assert answer_type is timeline.NextStep
        assert isinstance(answer_fields["step"], timeline.Step)
        assert step_fields["reasons"]  # copied, not worked out: the lower bound builds none
        assert step_fields["basis"]


def test_lower_bound_answer_carries_this_claims_day_and_interest(bench: ModuleType) -> None:
    for case in bench.generate_claims(50, seed=7):
        code, principal, due, _, contact_after, _ = case
        as_of = due + dt.timedelta(days=contact_after)
        answer = bench.floor_answer(case)
        assert isinstance(answer, timeline.NextStep)
        assert answer.as_of == as_of
        step = answer.step
        assert isinstance(step, timeline.Step)
        assert step.planned_on == as_of
        rules = norway if code == "NO" else sweden
        expected = rules.late_interest_on_balance(
            Money.of(principal, bench.CURRENCY[code]), (), due_date=due, until=as_of
        )
        assert step.interest == expected
        assert step.principal == expected.principal_outstanding
        assert step.interest_due == expected.interest
