"""Plots (issue 18 item 2): the timeline, interest over time, a portfolio's next steps by day.

matplotlib is the optional ``plot`` extra: without it these tests skip; Agg draws off screen.
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from inkassorules import Claim, DebtorKind, Money, Payment, no, plan
from inkassorules import plot as views_plot
from inkassorules.errors import InkassoError, InvalidInput, MissingExtra

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.dates import num2date  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def claim() -> Claim:
    return Claim(
        principal=Money.of("8000", "NOK"),
        due_date=dt.date(2026, 3, 2),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )


def days(values) -> list[dt.date]:
    return [num2date(v).date() for v in values]


def test_timeline_plot_draws_each_step_its_deadline_and_lawful_days():
    timeline = plan(claim(), as_of=dt.date(2026, 3, 3))
    ax = timeline.plot()
    assert ax.get_title().startswith("Collection timeline: 8000.00 NOK due 2026-03-02 (NO)")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [f"{s.number}. {s.name}" for s in timeline.steps]
    bars = ax.patches
    assert len(bars) == len(timeline.steps)
    # A bar from the earliest lawful day; each planned day is a dot on its row.
    for bar, step in zip(bars, timeline.steps, strict=True):
        assert days([bar.get_x()]) == [step.earliest_lawful]
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert [days(d.get_xdata(orig=False))[0] for d in dots] == [
        s.planned_on for s in timeline.steps
    ]
    crosses = [line for line in ax.get_lines() if line.get_marker() == "x"]
    assert [days(c.get_xdata(orig=False))[0] for c in crosses] == [
        s.deadline for s in timeline.steps if s.deadline is not None
    ]


def test_timeline_plot_uses_the_given_axes():
    _, ax = plt.subplots()
    assert plan(claim(), as_of=dt.date(2026, 3, 3)).plot(ax=ax) is ax


def test_interest_over_time_ends_at_the_exact_interest_and_drops_at_payments():
    result = no.late_interest_on_balance(
        Money.of(8000, "NOK"),
        [Payment(amount=Money.of(3000, "NOK"), paid_on=dt.date(2026, 5, 4))],
        due_date=dt.date(2026, 3, 2),
        until=dt.date(2026, 9, 1),
    )
    ax = views_plot.interest_over_time(result)
    (accrued,) = ax.get_lines()
    assert accrued.get_ydata()[0] == 0
    assert accrued.get_ydata()[-1] == pytest.approx(float(result.exact))
    twin = next(a for a in ax.figure.axes if a is not ax)
    (balance,) = twin.get_lines()
    assert balance.get_ydata()[0] == 8000
    assert balance.get_ydata()[-1] == pytest.approx(5165.70)


def test_interest_over_time_refuses_other_values():
    with pytest.raises(InvalidInput, match="expected an InterestResult"):
        views_plot.interest_over_time(claim())  # type: ignore[arg-type]


def test_next_steps_by_day_counts_claims_per_day_from_any_column():
    d1, d2 = dt.date(2026, 3, 2), dt.date(2026, 3, 5)
    values = [d1, d2, d2, None]
    records = [{"next_step_on": v} for v in values]
    shapes = [values, records]
    pa = pytest.importorskip("pyarrow")
    shapes.append(pa.Table.from_pylist(records))
    pd = pytest.importorskip("pandas")
    shapes.extend([pd.DataFrame(records), pd.Series(pd.to_datetime(values))])
    pl = pytest.importorskip("polars")
    shapes.extend([pl.DataFrame(records), pl.DataFrame(records)["next_step_on"]])
    for shape in shapes:
        ax = views_plot.next_steps_by_day(shape)
        bars = sorted(
            (days([b.get_x() + b.get_width() / 2])[0], b.get_height()) for b in ax.patches
        )
        assert bars == [(d1, 1), (d2, 2)], type(shape)
        assert ax.get_title() == "Next steps by day: 3 claims"
        plt.close("all")


def test_next_steps_by_day_refuses_what_is_not_a_date():
    with pytest.raises(InvalidInput, match="expected dates"):
        views_plot.next_steps_by_day(["2026-03-02"])


def test_without_matplotlib_a_library_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(MissingExtra, match=r"inkassorules\[plot\]") as raised:
        views_plot.next_steps_by_day([dt.date(2026, 3, 2)])
    assert isinstance(raised.value, InkassoError)
    assert isinstance(raised.value, ImportError)


def _case_with_history():
    from inkassorules import Case, StepKind
    from inkassorules.events import LetterSent

    return Case(claim=claim()).add(
        LetterSent(
            kind=StepKind.REMINDER,
            sent_on=dt.date(2026, 3, 16),
            fee_charged=Money.of("38", "NOK"),
            deadline=dt.date(2026, 3, 30),
        ),
        Payment(amount=Money.of("3000", "NOK"), paid_on=dt.date(2026, 4, 15)),
    )


def test_balance_plot_stacks_what_was_owed_each_day():
    from inkassorules.ledger import balance

    case = _case_with_history()
    owed = balance(case, on=dt.date(2026, 6, 1))
    ax = owed.plot()
    assert ax.get_title() == f"Balance of 8000.00 NOK due 2026-03-02: {owed.total} on 2026-06-01"
    principal, interest, fees = ax.collections[:3]
    assert [c.get_label() for c in (principal, interest, fees)] == [
        "principal",
        "interest not paid",
        "fees not paid (lawful part)",
    ]
    # The top of the stack on the last day is the balance's total, to the øre as a float.
    top = max(v[1] for v in fees.get_paths()[0].vertices if days([v[0]])[0] == owed.on)
    assert top == pytest.approx(float(owed.total.amount), abs=0.005)
    # The day before the payment the principal was whole; from it, 3 000 less (after interest).
    before = balance(case, on=dt.date(2026, 4, 14))
    assert before.principal == Money.of("8000", "NOK")
    # One dotted line for the letter, one dashed for the payment, each named once.
    marks = [line for line in ax.get_lines() if line.get_linestyle() in {":", "--"}]
    assert [days(m.get_xdata(orig=False))[0] for m in marks] == [
        dt.date(2026, 3, 16),
        dt.date(2026, 4, 15),
    ]
    assert [m.get_label() for m in marks] == ["letter sent", "payment"]


def test_balance_plot_evaluates_a_bounded_number_of_days(monkeypatch):
    from inkassorules import ledger
    from inkassorules.ledger import balance

    case = _case_with_history()
    owed = balance(case, on=dt.date(2026, 12, 31))  # 304 days: more than the points drawn
    calls = []
    real = ledger.balance

    def counting(*args, **kwargs):
        calls.append(kwargs["on"])
        return real(*args, **kwargs)

    monkeypatch.setattr(ledger, "balance", counting)
    views_plot.balance_over_time(owed)
    assert len(calls) <= views_plot.MAX_BALANCE_POINTS + 3  # + the event days
    assert len(calls) >= views_plot.MAX_BALANCE_POINTS // 2  # not only the events
    assert dt.date(2026, 4, 15) in calls  # every event's day is drawn


def test_balance_plot_refuses_what_is_not_a_balance():
    with pytest.raises(InvalidInput, match="expected a Balance"):
        views_plot.balance_over_time(claim())
