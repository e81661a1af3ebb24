"""Figurer / diagram (plots): the timeline, a balance and interest over time, next steps by day.

Each function draws on the matplotlib :class:`~matplotlib.axes.Axes` given as ``ax`` (or on a
new figure's) and returns it, as pandas' plotting does. matplotlib is optional: install the
``plot`` extra (``pip install 'inkassorules[plot]'``); without it these functions raise
:class:`~inkassorules.errors.MissingExtra`. The amounts are drawn as floats: a picture's
coordinates, never money that flows on.

>>> import datetime as dt
>>> import matplotlib  # doctest: +SKIP
>>> matplotlib.use("Agg")  # doctest: +SKIP
>>> from inkassorules import Claim, DebtorKind, Money, plan
>>> claim = Claim(principal=Money.of("8000", "NOK"), due_date=dt.date(2026, 3, 2),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> ax = plan(claim, as_of=dt.date(2026, 3, 3)).plot()  # doctest: +SKIP
>>> ax.get_title()  # doctest: +SKIP
'Collection timeline: 8000.00 NOK due 2026-03-02 (NO), as of 2026-03-03'
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

from inkassorules.errors import InvalidInput, MissingExtra

if TYPE_CHECKING:
    from collections.abc import Iterable

    from inkassorules.interest import BalanceInterestResult, InterestResult
    from inkassorules.law import LawBook
    from inkassorules.ledger import Balance
    from inkassorules.timeline import Timeline

__all__ = ["balance_over_time", "interest_over_time", "next_steps_by_day", "timeline"]


def _axes(ax: Any, needed_by: str) -> Any:
    """*ax*, or the axes of a new figure."""
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 -- optional, loaded only when asked
    except ImportError as missing:
        raise MissingExtra("matplotlib", "plot", needed_by=needed_by) from missing
    from matplotlib.axes import Axes  # noqa: PLC0415 -- with pyplot above

    if ax is None:
        _, ax = plt.subplots(figsize=(10, 4))
    elif not isinstance(ax, Axes):
        raise InvalidInput(f"{needed_by}: ax must be matplotlib Axes or None, got {ax!r}")
    return ax


def timeline(result: Timeline, ax: Any = None) -> Any:
    """Innkrevingsløp (collection timeline) on a time axis: one row per step.

    Each step's row shows the days the law allows it (a bar from its earliest lawful day to its
    planned day), the day it is planned or was taken (a dot; filled when taken) and its
    deadline (a cross, joined to the day by a line). Returns the Axes.
    """
    from inkassorules.timeline import Timeline  # noqa: PLC0415 -- timeline.py imports this module

    if not isinstance(result, Timeline):
        raise InvalidInput(f"plot.timeline: expected a Timeline (from plan()), got {result!r}")
    ax = _axes(ax, "plot.timeline")
    labels = []
    shown: set[str] = set()

    def once(label: str) -> str | None:
        # Each kind of mark is named once in the legend.
        if label in shown:
            return None
        shown.add(label)
        return label

    for row, step in enumerate(result.steps):
        labels.append(f"{step.number}. {step.name}")
        lawful = (step.planned_on - step.earliest_lawful).days
        ax.barh(
            row,
            max(lawful, 1),
            left=step.earliest_lawful,
            height=0.35,
            color="#cfe3f5",
            label=once("lawful from ... to the day"),
        )
        taken = step.status == "taken"
        ax.plot(
            [step.planned_on],
            [row],
            "o",
            color="#1f5f99",
            fillstyle="full" if taken else "none",
            label=once("taken" if taken else "planned"),
        )
        if step.deadline is not None:
            ax.plot([step.planned_on, step.deadline], [row, row], "-", color="#999999")
            ax.plot(
                [step.deadline],
                [row],
                "x",
                color="#b03030",
                label=once("deadline"),
            )
    ax.axvline(result.as_of, color="#444444", linestyle=":", label="as of")
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    claim = result.claim
    ax.set_title(
        f"Collection timeline: {claim.principal} due {claim.due_date.isoformat()} "
        f"({claim.jurisdiction}), as of {result.as_of.isoformat()}"
    )
    ax.margins(x=0.04)
    ax.legend(loc="upper right", fontsize="small")
    ax.figure.autofmt_xdate()
    return ax


MAX_BALANCE_POINTS = 240
"""At most this many days are evaluated for :func:`balance_over_time` (besides the events')."""


def balance_over_time(owed: Balance, ax: Any = None, *, law: LawBook | None = None) -> Any:
    """Saldo over tid / saldo över tid (what the debtor owed, day by day, up to the balance's day).

    The balance of the case (:func:`~inkassorules.ledger.balance`) from the due date to
    ``owed.on``, stacked: principal, late interest not paid, lawful fees not paid; a dotted
    line at each letter sent, a dashed one at each payment. Each day drawn is the case's own
    ``balance`` on that day (every event's day, and at most :data:`MAX_BALANCE_POINTS` others
    evenly spaced), computed with *law* (the built-in law when None; pass the law book the
    balance was computed with). Returns the Axes.
    """
    from inkassorules.claims import Payment  # noqa: PLC0415 -- ledger.py imports this module
    from inkassorules.events import LetterSent  # noqa: PLC0415
    from inkassorules.ledger import Balance, balance  # noqa: PLC0415

    if not isinstance(owed, Balance):
        raise InvalidInput(
            f"plot.balance_over_time: expected a Balance (from balance()), got {owed!r}"
        )
    ax = _axes(ax, "plot.balance_over_time")
    case = owed.case
    first = case.claim.due_date
    span = max((owed.on - first).days, 0)
    step = max(1, -(-span // MAX_BALANCE_POINTS))  # ceiling division
    days = {first + dt.timedelta(days=n) for n in range(0, span + 1, step)}
    days.update(d for d in (case.day_of(e) for e in case.events) if first <= d <= owed.on)
    days.add(owed.on)
    ordered = sorted(days)
    rows = [owed if day == owed.on else balance(case, on=day, law=law) for day in ordered]
    currency = case.claim.currency
    ax.stackplot(
        ordered,
        [float(r.principal.amount) for r in rows],
        [float(r.interest.amount) for r in rows],
        [float(r.fees.amount) for r in rows],
        labels=["principal", "interest not paid", "fees not paid (lawful part)"],
        colors=["#cfe3f5", "#e8a0a0", "#f2d48a"],
        step="post",
    )
    shown: set[str] = set()
    for event in case.events:
        if isinstance(event, LetterSent | Payment):
            label = "letter sent" if isinstance(event, LetterSent) else "payment"
            ax.axvline(
                case.day_of(event),
                color="#444444" if label == "payment" else "#1f5f99",
                linestyle="--" if label == "payment" else ":",
                linewidth=0.9,
                label=None if label in shown else label,
            )
            shown.add(label)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(f"owed ({currency})")
    ax.set_title(
        f"Balance of {case.claim.principal} due {first.isoformat()}: "
        f"{owed.total} on {owed.on.isoformat()}"
    )
    ax.legend(loc="upper left", fontsize="small")
    ax.figure.autofmt_xdate()
    return ax


def interest_over_time(
    result: InterestResult | BalanceInterestResult,
    ax: Any = None,
) -> Any:
    """Forsinkelsesrente over tid (late interest over time): accrued interest and the balance.

    For a late-interest result (``late_interest``, ``late_interest_on_balance``): the interest
    accrued, exact and before rounding, at the end of each day (a line that bends where the
    rate changes), and the balance interest runs on (a step line that drops at each payment).
    Returns the Axes.
    """
    periods = getattr(result, "periods", None)
    if periods is None:
        raise InvalidInput(
            "plot.interest_over_time: expected an InterestResult or BalanceInterestResult, "
            f"got {type(result).__name__}"
        )
    ax = _axes(ax, "plot.interest_over_time")
    days: list[dt.date] = []
    accrued: list[float] = []
    balance: list[float] = []
    total = 0.0
    for period in periods:
        days.append(period.start)
        accrued.append(total)
        balance.append(float(period.principal.amount))
        total += float(period.amount.amount)
        days.append(period.last_day + dt.timedelta(days=1))
        accrued.append(total)
        balance.append(float(period.principal.amount))
    currency = result.principal.currency
    ax.plot(days, accrued, "-", color="#b03030", label=f"interest accrued ({currency})")
    twin = ax.twinx()
    twin.step(days, balance, where="post", color="#1f5f99", label=f"balance ({currency})")
    twin.set_ylim(bottom=0)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(f"interest ({currency})")
    twin.set_ylabel(f"balance ({currency})")
    ax.set_title(f"Late interest on {result.principal}")
    lines = ax.get_legend_handles_labels()
    more = twin.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], loc="upper left", fontsize="small")
    ax.figure.autofmt_xdate()
    return ax


def _day(value: object) -> dt.date | None:
    if value is None or value != value:  # None, NaT or NaN: a missing day  # noqa: PLR0124
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    as_date = getattr(value, "date", None)  # a pandas Timestamp
    if callable(as_date):
        day = as_date()
        if isinstance(day, dt.date):
            return day
    raise InvalidInput(f"plot.next_steps_by_day: expected dates, got {value!r}")


def _column(table: object, column: str) -> Iterable[object]:
    """The values of *column* in a table, data frame or sequence of records, or the values."""
    names = getattr(table, "column_names", None)  # pyarrow.Table
    if names is not None and column in names:
        values: Iterable[object] = table.column(column).to_pylist()  # type: ignore[attr-defined]
        return values
    columns = getattr(table, "columns", None)  # pandas / polars DataFrame
    if columns is not None and column in list(columns):
        table = table[column]  # type: ignore[index]
    for method in ("to_pylist", "to_list", "tolist"):  # a pyarrow / polars / pandas column
        convert = getattr(table, method, None)
        if callable(convert):
            converted: Iterable[object] = convert()
            return converted
    if isinstance(table, (str, bytes)) or not hasattr(table, "__iter__"):
        raise InvalidInput(
            f"plot.next_steps_by_day: expected dates, records or a table, got {table!r}"
        )
    rows = list(table)
    return [row.get(column) if isinstance(row, dict) else row for row in rows]


def next_steps_by_day(
    table_or_records: object,
    ax: Any = None,
    *,
    column: str = "next_step_on",
) -> Any:
    """Neste skritt per dag (a portfolio's next steps by day): how many claims have one each day.

    *table_or_records* is a sequence of dates, a sequence of records (dicts) with a *column* of
    dates, or a pyarrow Table, pandas or polars DataFrame with that column, or one column of
    it. Missing days (None, NaT) are left out. Returns the Axes.

    Raises:
        InvalidInput: for a value that is not a date.
    """
    counts = Counter(day for day in map(_day, _column(table_or_records, column)) if day)
    ax = _axes(ax, "plot.next_steps_by_day")
    days = sorted(counts)
    ax.bar(days, [counts[d] for d in days], width=0.8, color="#1f5f99")
    ax.set_ylabel("claims")
    ax.set_title(f"Next steps by day: {sum(counts.values())} claims")
    ax.figure.autofmt_xdate()
    return ax
