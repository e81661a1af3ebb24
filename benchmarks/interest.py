"""Benchmark: late_interest (one step per half-year) against a naive day-by-day loop.

Run: .venv/bin/python benchmarks/interest.py
Prints microseconds per call for a few spans in both countries, and the ratio naive / library.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import datetime as dt
import functools
import timeit
from fractions import Fraction
from typing import TYPE_CHECKING

from inkassorules.interest import DayCount
from inkassorules.money import Money
from inkassorules.no import interest as no_interest
from inkassorules.se import interest as se_interest

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

D = dt.date


def naive(
    module: ModuleType, principal: Money, due: dt.date, paid: dt.date, day_count: DayCount
) -> Fraction:
    """Look the rate up for every single day and add 1/year of it: O(days)."""
    total = Fraction(0)
    day = due
    while day < paid:
        rate = module.late_interest_rate(on=day)
        total += Fraction(principal.amount) * Fraction(rate) / (100 * day_count.year_length(day))
        day += dt.timedelta(days=1)
    return total


CASES = [
    (
        "NO",
        no_interest,
        Money.of(10000, "NOK"),
        D(2025, 3, 1),
        D(2025, 9, 1),
        DayCount.ACTUAL_ACTUAL_ISDA,
    ),
    (
        "NO",
        no_interest,
        Money.of(10000, "NOK"),
        D(2004, 1, 1),
        D(2026, 12, 1),
        DayCount.ACTUAL_ACTUAL_ISDA,
    ),
    (
        "SE",
        se_interest,
        Money.of(6780, "SEK"),
        D(2021, 1, 1),
        D(2021, 4, 20),
        DayCount.ACTUAL_365_FIXED,
    ),
    (
        "SE",
        se_interest,
        Money.of(10000, "SEK"),
        D(2002, 7, 1),
        D(2026, 6, 1),
        DayCount.ACTUAL_365_FIXED,
    ),
]


def per_call_us(func: Callable[[], object], repeat: int = 5) -> float:
    number, _ = timeit.Timer(func).autorange()
    best = min(timeit.Timer(func).repeat(repeat=repeat, number=number))
    return best / number * 1e6


def main() -> None:
    print(
        f"{'case':<40} {'days':>6} {'parts':>5} {'library µs':>11} {'naive µs':>11} {'ratio':>7}"
    )
    for code, module, principal, due, paid, day_count in CASES:
        result = module.late_interest(principal, due_date=due, paid_on=paid)
        if result.exact != naive(module, principal, due, paid, day_count):
            msg = f"library and naive loop disagree for {code} {due}..{paid}"
            raise SystemExit(msg)
        fast = per_call_us(
            functools.partial(module.late_interest, principal, due_date=due, paid_on=paid)
        )
        slow = per_call_us(
            functools.partial(naive, module, principal, due, paid, day_count), repeat=3
        )
        label = f"{code} {principal} {due}..{paid}"
        print(
            f"{label:<40} {result.days:>6} {len(result.periods):>5} {fast:>11.1f} {slow:>11.1f} "
            f"{slow / fast:>6.1f}x"
        )


if __name__ == "__main__":
    main()
