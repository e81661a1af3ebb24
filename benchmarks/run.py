"""Benchmarks for inkassorules: ``python benchmarks/run.py`` prints one table.

1. Microseconds per call of ``no.late_interest`` against a minimal hand-written bisect + Decimal
   function (same answer, asserted) and a naive day-by-day loop, on the same spans in one run.
2. Seconds to evaluate 100 000 generated claims end to end (fee caps, late interest, the next
   contact window, and ``timeline.next_step`` when that module exists), on every core of the
   machine through :mod:`multiprocessing` (the core count is printed). 2b. The first of those
   lines against a plain-Python floor of the same per-claim work (checked equal on a sample):
   one core, the two run in turn on the same claims, and the ratio of each pair.
3. Import time of ``inkassorules`` against importing its runtime dependencies alone, each in a
   fresh interpreter (``subprocess``), the median of several runs.
4. The row-API costs issue 17 item 4 found growing with their input (an instalment agreement of
   360 instalments and 120 payments, a contact history of 1 000 entries, a 20-year span), with
   their targets.

Targets (issue 8): late_interest <= 2x the minimal function; 100 000 claims <= 2 s on a 2-core
machine; import <= 1.2x the dependencies' import. Timings depend on the machine; this is not a
test. Options: ``--claims N`` (default 100 000), ``--quick`` (fewer repeats, 10 000 claims).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import decimal
import functools
import importlib.util
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs

from inkassorules import Claim, DebtorKind, Money, builtin
from inkassorules import no as norway
from inkassorules import se as sweden
from inkassorules.errors import InkassoError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

D = dt.date
CURRENCY = {"NO": "NOK", "SE": "SEK"}
ONE_DAY = dt.timedelta(days=1)
DEPENDENCIES = (
    "attrs",
    "dateutil.relativedelta",
    "holidays",
    "babel.dates",
    "babel.numbers",
    "cattrs",
)
"""The runtime dependencies in pyproject.toml, each imported as the library imports it."""

FULL_LOAD = (
    "no",
    "se",
    "timeline",
    "texts",
    "formatting",
    "serialization",
    "contact",
    "interest",
    "allocation",
)
"""The modules a program that uses every rule loads (the top level loads names on first use).

Everything but the command line (``cli``) and the Hypothesis strategies (an optional extra)."""

# -- 1. late interest: library, minimal bisect + Decimal, naive loop -----------------------------

HALF_UP = decimal.Context(prec=50, rounding=decimal.ROUND_HALF_EVEN)
CENT = Decimal("0.01")


@functools.cache
def _no_rate_table() -> tuple[tuple[dt.date, ...], tuple[Decimal, ...]]:
    parameter = builtin().parameter("no.interest.late_interest_rate")
    starts = parameter.change_dates
    return starts, tuple(builtin().rate(parameter.name, start).value for start in starts)


def minimal_no_interest(principal: Decimal, due: dt.date, paid: dt.date) -> Decimal:
    """A minimal hand-written forsinkelsesrente: bisect the rate table, Decimal arithmetic.

    Splits at 1 January / 1 July and at rate changes; actual/actual (1/365, 1/366 in leap
    years); rounds once to øre, ROUND_HALF_UP. No checks, no citations, no result object.
    """
    starts, rates = _no_rate_table()
    by_year: dict[int, Decimal] = {}
    day = due
    while day < paid:
        index = bisect.bisect_right(starts, day) - 1
        stop = D(day.year, 7, 1) if day.month < 7 else D(day.year + 1, 1, 1)
        if index + 1 < len(starts):
            stop = min(stop, starts[index + 1])
        stop = min(stop, paid)
        year = 366 if day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0) else 365
        by_year[year] = by_year.get(year, Decimal(0)) + rates[index] * (stop - day).days
        day = stop
    exact = sum(
        (
            HALF_UP.divide(principal * rate_days, Decimal(100 * year))
            for year, rate_days in by_year.items()
        ),
        Decimal(0),
    )
    return exact.quantize(CENT, rounding=decimal.ROUND_HALF_UP, context=HALF_UP)


def naive_no_interest(principal: Decimal, due: dt.date, paid: dt.date) -> Decimal:
    """Look the rate up for every single day through the library: O(days)."""
    by_year: dict[int, Decimal] = {}
    day = due
    while day < paid:
        rate = norway.late_interest_rate(on=day)
        year = 366 if day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0) else 365
        by_year[year] = by_year.get(year, Decimal(0)) + rate
        day += ONE_DAY
    exact = sum(
        (
            HALF_UP.divide(principal * rate_days, Decimal(100 * year))
            for year, rate_days in by_year.items()
        ),
        Decimal(0),
    )
    return exact.quantize(CENT, rounding=decimal.ROUND_HALF_UP, context=HALF_UP)


SPANS = [
    (Decimal(10000), D(2025, 3, 1), D(2025, 9, 1)),
    (Decimal("1234.56"), D(2024, 11, 15), D(2025, 2, 3)),
    (Decimal(10000), D(2004, 1, 1), D(2026, 12, 1)),
]


def per_call_us(func: Callable[[], object], repeat: int) -> float:
    """The best of *repeat* timings, in microseconds per call."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number * 1e6


def bench_interest(repeat: int) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for principal, due, paid in SPANS:
        money = Money.of(principal, "NOK")
        library = norway.late_interest(money, due_date=due, paid_on=paid, roll_due_date=False)
        minimal = minimal_no_interest(principal, due, paid)
        naive = naive_no_interest(principal, due, paid)
        if not library.amount.amount == minimal == naive:
            msg = f"disagreement on {due}..{paid}: {library.amount} / {minimal} / {naive}"
            raise SystemExit(msg)
        lib_us = per_call_us(
            functools.partial(
                norway.late_interest, money, due_date=due, paid_on=paid, roll_due_date=False
            ),
            repeat,
        )
        min_us = per_call_us(functools.partial(minimal_no_interest, principal, due, paid), repeat)
        naive_us = per_call_us(
            functools.partial(naive_no_interest, principal, due, paid), max(1, repeat // 2)
        )
        rows.append(
            (
                f"{due}..{paid} ({(paid - due).days} d, {len(library.periods)} parts)",
                f"{lib_us:.1f}",
                f"{min_us:.1f}",
                f"{naive_us:.0f}",
                f"{lib_us / min_us:.1f}x",
            )
        )
    rows.append(bench_distinct_spans(repeat))
    return rows


def distinct_spans(count: int, *, seed: int = 11) -> list[tuple[Decimal, dt.date, dt.date]]:
    """*count* different spans due 2023-2025, 1-180 days long, with different principals."""
    rng = random.Random(seed)
    first = D(2023, 1, 1)
    spans = {
        (
            Decimal(rng.randint(100, 5_000_000)).scaleb(-2),
            first + dt.timedelta(days=rng.randrange(3 * 365)),
            rng.randrange(1, 181),
        )
        for _ in range(count)
    }
    return [(p, due, due + dt.timedelta(days=days)) for p, due, days in sorted(spans)]


def bench_distinct_spans(repeat: int, count: int = 20_000) -> tuple[str, ...]:
    """Each span once: the library's memo of a span's split cannot help (a fresh set per run)."""
    runs = [distinct_spans(count, seed=seed) for seed in range(repeat)]
    for principal, due, paid in runs[0][:500]:
        library = norway.late_interest(
            Money.of(principal, "NOK"), due_date=due, paid_on=paid, roll_due_date=False
        )
        if library.amount.amount != minimal_no_interest(principal, due, paid):
            raise SystemExit(f"disagreement on {due}..{paid}")
    lib_best = min_best = float("inf")
    for spans in runs[1:] or runs:
        monies = [(Money.of(p, "NOK"), due, paid) for p, due, paid in spans]
        start = time.perf_counter()
        for money, due, paid in monies:
            norway.late_interest(money, due_date=due, paid_on=paid, roll_due_date=False)
        lib_best = min(lib_best, (time.perf_counter() - start) / len(spans) * 1e6)
        start = time.perf_counter()
        for principal, due, paid in spans:
            minimal_no_interest(principal, due, paid)
        min_best = min(min_best, (time.perf_counter() - start) / len(spans) * 1e6)
    return (
        f"{count:,} different spans, each once (1-180 d)",
        f"{lib_best:.1f}",
        f"{min_best:.1f}",
        "",
        f"{lib_best / min_best:.1f}x",
    )


# -- 2. 100 000 claims end to end -----------------------------------------------------------------

OSLO = ZoneInfo("Europe/Oslo")
STOCKHOLM = ZoneInfo("Europe/Stockholm")
Case = tuple[str, Decimal, dt.date, int, int, int]
"""(country, principal, due date, days until paid, days until first contact, hour of it)."""


def generate_claims(count: int, *, seed: int = 8) -> list[Case]:
    """Claims due 2023-2025, paid 0-180 days later: inside every table both countries have."""
    rng = random.Random(seed)
    first = D(2023, 1, 1)
    return [
        (
            rng.choice(("NO", "SE")),
            Decimal(rng.randint(100, 5_000_000)).scaleb(-2),
            first + dt.timedelta(days=rng.randrange(3 * 365)),
            rng.randrange(181),
            rng.randrange(10, 60),
            rng.randrange(24),
        )
        for _ in range(count)
    ]


@functools.cache
def timeline_next_step() -> Callable[..., object] | None:
    """``inkassorules.timeline.next_step`` if this version of the library has it."""
    if importlib.util.find_spec("inkassorules.timeline") is None:
        return None
    from inkassorules import timeline  # noqa: PLC0415 -- optional: newer than the benchmark

    return getattr(timeline, "next_step", None)


def consumer_claim(code: str, principal: Decimal, due: dt.date) -> Claim:
    """A consumer's claim in country *code* (``"NO"`` or ``"SE"``), in its currency."""
    return Claim(
        principal=Money.of(principal, CURRENCY[code]),
        due_date=due,
        jurisdiction="NO" if code == "NO" else "SE",
        debtor_kind=DebtorKind.CONSUMER,
    )


def evaluate(case: Case, *, with_step: bool = False) -> Money:
    """Everything a collection system asks of one claim on one day; returns the total cost."""
    code, principal, due, paid_after, contact_after, hour = case
    paid = due + dt.timedelta(days=paid_after)
    step = timeline_next_step() if with_step else None
    if step is not None:
        step(consumer_claim(code, principal, due), as_of=due + dt.timedelta(days=contact_after))
    if code == "NO":
        sent = due + dt.timedelta(days=14)
        reminder = norway.reminder_fee_cap(sent_on=sent, due_date=due)
        notice = norway.collection_notice_fee_cap(sent_on=sent, due_date=due)
        interest = norway.late_interest(Money.of(principal, "NOK"), due_date=due, paid_on=paid)
        norway.next_contact_window(
            dt.datetime.combine(due + dt.timedelta(days=contact_after), dt.time(hour), OSLO)
        )
        return reminder.amount + notice.amount + interest.amount
    sent = due + dt.timedelta(days=8)
    reminder = sweden.reminder_fee_cap(sent_on=sent, due_date=due)
    demand = sweden.collection_demand_fee_cap(
        sent_on=sent, due_date=due, meets_inkassolagen_5=True
    )
    interest = sweden.late_interest(Money.of(principal, "SEK"), due_date=due, paid_on=paid)
    sweden.next_contact_window(
        dt.datetime.combine(due + dt.timedelta(days=contact_after), dt.time(hour), STOCKHOLM)
    )
    return reminder.amount + demand.amount + interest.amount


# The plain-Python floor of evaluate(): the same per-claim work, written by hand, reading the
# law from tables compiled once (as a portfolio engine compiles the law book into per-day
# tables). The per-claim functions below call nothing of the library.


@attrs.frozen
class FloorTables:
    """The law the floor reads, per country, compiled once for the days the claims touch.

    Attributes:
        fees: per due date, the sum of the two letter fee caps evaluate() asks for (the
            letters are sent a fixed number of days after the due date), in øre / öre; the
            library's answers, tabulated (fee caps by day).
        rolled: per due date, the first interest day (the due date rolled onto a business day).
        rate_starts: the half-years' first days, and rate_values the rate of each (percent).
        year_fixed: True for actual/365 (Sweden), False for actual/actual (Norway).
        windows: per local date, the phone windows as (start, end) wall-clock times; () for a
            closed day. ``end`` None is midnight at the end of the day.
        zone: the country's time zone.
    """

    fees: dict[dt.date, int]
    rolled: dict[dt.date, dt.date]
    rate_starts: tuple[dt.date, ...]
    rate_values: tuple[Decimal, ...]
    year_fixed: bool
    windows: dict[dt.date, tuple[tuple[dt.time, dt.time | None], ...]]
    zone: ZoneInfo


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]


@functools.cache
def floor_tables(code: str) -> FloorTables:
    """Compile one country's tables for claims due 2023-2025 (what generate_claims makes)."""
    from inkassorules.calendar import calendar_for  # noqa: PLC0415 -- compiling only

    rules: Any = norway if code == "NO" else sweden
    due_days = _days(D(2023, 1, 1), D(2026, 1, 1))
    fees: dict[dt.date, int] = {}
    for due in due_days:
        if code == "NO":
            sent = due + dt.timedelta(days=14)
            total = (
                norway.reminder_fee_cap(sent_on=sent, due_date=due).amount
                + norway.collection_notice_fee_cap(sent_on=sent, due_date=due).amount
            )
        else:
            sent = due + dt.timedelta(days=8)
            total = (
                sweden.reminder_fee_cap(sent_on=sent, due_date=due).amount
                + sweden.collection_demand_fee_cap(
                    sent_on=sent, due_date=due, meets_inkassolagen_5=True
                ).amount
            )
        fees[due] = int(total.amount * 100)
    calendar = calendar_for(code)
    rolled = {due: calendar.roll_forward(due) for due in due_days}
    # The half-years a claim due 2023-2025 and paid within 180 days runs through.
    starts = (
        *(D(year, month, 1) for year in range(2023, 2026) for month in (1, 7)),
        D(2026, 1, 1),
    )
    values = tuple(Decimal(rules.late_interest_rate(on=start)) for start in starts)
    windows: dict[dt.date, tuple[tuple[dt.time, dt.time | None], ...]] = {}
    closed = _closed_days(code, D(2023, 1, 1), D(2026, 12, 31))
    for day in _days(D(2023, 1, 1), D(2026, 12, 31)):
        rule = rules.contact_policy(on=day).rule("phone")
        if rule.closed_on_holidays and day in closed:
            windows[day] = ()
        else:
            windows[day] = tuple((w.start, w.end) for w in rule.hours[day.weekday()])
    zone = OSLO if code == "NO" else STOCKHOLM
    return FloorTables(fees, rolled, starts, values, code == "SE", windows, zone)


def _closed_days(code: str, first: dt.date, last: dt.date) -> set[dt.date]:
    """The days the contact rules close as holidays (Sweden: also midsommar-, jul-, nyårsafton)."""
    from inkassorules.calendar import calendar_for  # noqa: PLC0415 -- compiling only
    from inkassorules.se.calendar import closed_day_reason  # noqa: PLC0415

    calendar = calendar_for(code)
    if code == "NO":
        return {d for d in _days(first, last) if calendar.holiday_name(d) is not None}
    return {d for d in _days(first, last) if closed_day_reason(d) is not None}


def floor_interest(tables: FloorTables, principal: Decimal, start: dt.date, paid: dt.date) -> int:
    """Late interest in øre / öre: bisect the half-year rates, exact Decimal, one rounding."""
    starts, rates = tables.rate_starts, tables.rate_values
    by_year: dict[int, Decimal] = {}
    day = start
    while day < paid:
        index = bisect.bisect_right(starts, day) - 1
        stop = D(day.year, 7, 1) if day.month < 7 else D(day.year + 1, 1, 1)
        stop = min(stop, paid)
        if tables.year_fixed:
            year = 365
        elif day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0):
            year = 366
        else:
            year = 365
        by_year[year] = by_year.get(year, Decimal(0)) + rates[index] * (stop - day).days
        day = stop
    exact = sum(
        (HALF_UP.divide(principal * part, Decimal(100 * year)) for year, part in by_year.items()),
        Decimal(0),
    )
    return int(exact.quantize(CENT, rounding=decimal.ROUND_HALF_UP, context=HALF_UP) * 100)


def floor_contact(tables: FloorTables, at: dt.datetime) -> dt.datetime:
    """The first moment at or after *at* inside a phone window (no history, so no caps)."""
    local = at.astimezone(tables.zone)
    day, clock = local.date(), local.time().replace(tzinfo=None)
    for _ in range(400):
        for start, end in tables.windows[day]:
            if end is None or clock < end:
                moment = max(clock, start)
                return dt.datetime.combine(day, moment, tables.zone)
        day += ONE_DAY
        clock = dt.time()
    raise SystemExit(f"no window within 400 days after {at}")


def evaluate_plain_floor(case: Case) -> tuple[int, dt.datetime]:
    """What evaluate(case) works out, by hand: the total cost in øre and the contact slot."""
    code, principal, due, paid_after, contact_after, hour = case
    tables = floor_tables(code)
    paid = due + dt.timedelta(days=paid_after)
    interest = floor_interest(tables, principal, tables.rolled[due], paid)
    contact_day = due + dt.timedelta(days=contact_after)
    slot = floor_contact(tables, dt.datetime.combine(contact_day, dt.time(hour), tables.zone))
    return tables.fees[due] + interest, slot


def evaluate_plain(case: Case) -> tuple[int, dt.datetime]:
    """evaluate(case)'s total in øre and its contact slot, through the library (for checking)."""
    code, _, due, _, contact_after, hour = case
    total = evaluate(case)
    zone = OSLO if code == "NO" else STOCKHOLM
    at = dt.datetime.combine(due + dt.timedelta(days=contact_after), dt.time(hour), zone)
    rules: Any = norway if code == "NO" else sweden
    return int(total.amount * 100), rules.next_contact_window(at)


def floor_chunk(cases: Sequence[Case]) -> int:
    """Run the floor on *cases*; returns 0 (the floor refuses nothing: same as the library)."""
    for case in cases:
        evaluate_plain_floor(case)
    return 0


def bench_floor(count: int, rounds: int) -> list[tuple[str, ...]]:
    """The row API against the plain-Python floor, one core, alternating runs on one sample."""
    cases = generate_claims(count, seed=9)
    started = time.perf_counter()
    for code in CURRENCY:
        floor_tables(code)
    compiled = time.perf_counter() - started
    for case in cases[:500]:
        if evaluate_plain_floor(case) != evaluate_plain(case):
            raise SystemExit(f"the floor disagrees with the library on {case}")
    evaluate_chunk(cases)  # steady state for both: memos filled, tables compiled
    floor_chunk(cases)
    library_times, floor_times, ratios = [], [], []
    for _ in range(rounds):
        started = time.perf_counter()
        evaluate_chunk(cases)
        library = time.perf_counter() - started
        started = time.perf_counter()
        floor_chunk(cases)
        floor = time.perf_counter() - started
        library_times.append(library)
        floor_times.append(floor)
        ratios.append(library / floor)
    per = 1e6 / count
    return [
        (
            "fees + interest + contact window: the row API",
            f"{statistics.median(library_times) * per:.1f} µs",
            f"{statistics.median(ratios):.1f}x",
            f"{min(ratios):.1f}-{max(ratios):.1f}x",
        ),
        (
            "the same work in plain Python (floor; 500 claims checked equal)",
            f"{statistics.median(floor_times) * per:.1f} µs",
            "1.0x",
            "",
        ),
        ("compiling the floor's tables once (both countries)", f"{compiled:.2f} s", "", ""),
    ]


MODES: dict[str, Callable[[Case], object]] = {
    "plain": evaluate,
    "step": functools.partial(evaluate, with_step=True),
}
"""Per claim: :func:`evaluate` without or with next_step."""


def evaluate_chunk(cases: Sequence[Case], *, mode: str = "plain") -> int:
    """Evaluate *cases* (see MODES); returns how many a documented InkassoError refused."""
    work = MODES[mode]
    refused = 0
    for case in cases:
        try:
            work(case)
        except InkassoError:
            refused += 1
    return refused


def bench_claims(count: int) -> list[tuple[str, ...]]:
    cases = generate_claims(count)
    cores = os.cpu_count() or 1
    chunks = [cases[i : i + 1_000] for i in range(0, len(cases), 1_000)]
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    rows: list[tuple[str, ...]] = []
    variants = [("fees + interest + contact window", "plain")]
    if timeline_next_step() is not None:
        variants.append(("... + timeline.next_step", "step"))
    for label, mode in variants:
        sample = cases[: min(count, 2_000)]
        evaluate_chunk(sample, mode=mode)  # steady state: the sample's memos are filled first
        start = time.perf_counter()
        evaluate_chunk(sample, mode=mode)
        one_core = (time.perf_counter() - start) / len(sample)
        work = functools.partial(evaluate_chunk, mode=mode)
        start = time.perf_counter()
        with context.Pool(cores) as pool:
            refused = sum(pool.map(work, chunks))
        elapsed = time.perf_counter() - start
        rows.append((label, f"{one_core * 1e6:.0f} µs", f"{elapsed:.2f} s", f"{refused}"))
    if len(variants) == 1:
        rows.append(("timeline.next_step", "not in this version", "", ""))
    return rows


# -- 4. row-API costs that grew with their input (issue 17 item 4) -------------------------------


def long_agreement() -> tuple[Any, list[Any], dt.date]:
    """360 monthly instalments signed 2020-01-15, 120 payments 30 days apart, asked 2031-01-01."""
    from inkassorules.claims import Payment  # noqa: PLC0415 -- only this measurement needs it
    from inkassorules.instalments import InstalmentAgreement  # noqa: PLC0415

    signed = D(2020, 1, 15)
    agreement = InstalmentAgreement.plan(
        Money.of("360000", "NOK"), count=360, signed_on=signed, grace_days=3
    )
    paid = [
        Payment(amount=Money.of("1000", "NOK"), paid_on=signed + dt.timedelta(days=30 * k))
        for k in range(120)
    ]
    return agreement, paid, D(2031, 1, 1)


def long_contact_history() -> tuple[dt.datetime, list[dt.datetime]]:
    """1 000 earlier phone contacts in Oslo, one every 25 hours from 2023-01-05, and a moment."""
    first = dt.datetime(2023, 1, 5, 9, 0, tzinfo=OSLO)
    history = [first + dt.timedelta(hours=25 * k) for k in range(1000)]
    return dt.datetime(2026, 6, 1, 10, 0, tzinfo=OSLO), history


def first_seen_interest_us(years: int, runs: int, *, count: int = 1_000) -> float:
    """µs per ``no.late_interest`` call on spans of about *years* years, each span asked once.

    The spans start on *count* different days from 2004-01-01 and each run makes them a day
    longer, so the memo of a span's split never answers: every call splits its span through
    the rate index, as a first-seen span does. Best of *runs* runs.
    """
    money = Money.of(10000, "NOK")
    best = float("inf")
    for _ in range(runs):
        FIRST_SEEN_RUNS[years] = done = FIRST_SEEN_RUNS.get(years, 0) + 1
        length = dt.timedelta(days=round(365.25 * years) - done)
        starts = [D(2004, 1, 1) + dt.timedelta(days=k) for k in range(count)]
        started = time.perf_counter()
        for start in starts:
            norway.late_interest(money, due_date=start, paid_on=start + length)
        best = min(best, (time.perf_counter() - started) / count * 1e6)
    return best


FIRST_SEEN_RUNS: dict[int, int] = {}
"""How many runs :func:`first_seen_interest_us` made per length (each run a new length)."""


def bench_row_costs(repeat: int) -> list[tuple[str, ...]]:
    """The three costs issue 17 item 4 measured growing with their input, and their targets."""
    from inkassorules import timeline  # noqa: PLC0415 -- optional: newer than the benchmark
    from inkassorules.case import Case  # noqa: PLC0415
    from inkassorules.contact import ContactHistory  # noqa: PLC0415
    from inkassorules.events import AgreementMade  # noqa: PLC0415
    from inkassorules.instalments import accelerate  # noqa: PLC0415

    agreement, paid, on = long_agreement()
    claim = consumer_claim("NO", Decimal(360000), D(2019, 12, 1))
    case = Case(claim=claim, events=(AgreementMade(agreement=agreement), *paid))
    at, listed = long_contact_history()
    index = ContactHistory.of(listed)
    for answer in (
        norway.next_contact_window(at, history=listed),
        norway.next_contact_window(at, history=index),
    ):
        if answer != norway.next_contact_window(at):  # the old contacts cap nothing on the day
            raise SystemExit("the contact history changed the answer")
    rows: list[tuple[str, ...]] = [
        (
            "InstalmentAgreement.status, 360 instalments x 120 payments",
            f"{per_call_us(lambda: agreement.status(paid, on=on), repeat):.0f} µs",
            "<= 2 000 µs",
        ),
        (
            "accelerate, the same agreement",
            f"{per_call_us(lambda: accelerate(agreement, paid, on=on), repeat):.0f} µs",
            "<= 2 000 µs",
        ),
        (
            "timeline.next_step, a case with that agreement",
            f"{per_call_us(lambda: timeline.next_step(case, as_of=on), repeat):.0f} µs",
            "<= 2 000 µs",
        ),
        (
            "no.next_contact_window, no history",
            f"{per_call_us(lambda: norway.next_contact_window(at), repeat):.1f} µs",
            "",
        ),
        (
            "... with a ContactHistory of 1 000 contacts (indexed once)",
            f"{per_call_us(lambda: norway.next_contact_window(at, history=index), repeat):.1f} µs",
            "<= 20 µs",
        ),
        (
            "... with a list of 1 000 contacts (indexed by each call)",
            f"{per_call_us(lambda: norway.next_contact_window(at, history=listed), repeat):.0f}µs",
            "",
        ),
    ]
    # Flatness: 1 year and 20 years, measured in turn so that a noisy moment hits both.
    one, twenty = [], []
    for _ in range(max(1, repeat // 2)):
        one.append(first_seen_interest_us(1, 2))
        twenty.append(first_seen_interest_us(20, 2))
    short, long = min(one), min(twenty)
    rows.append(("no.late_interest, first-seen span of 1 year", f"{short:.1f} µs", ""))
    rows.append(
        (
            "... of 20 years (ratio to 1 year)",
            f"{long:.1f} µs ({long / short:.1f}x)",
            "flat (see docs/performance.md)",
        )
    )
    return rows


# -- 3. import time -------------------------------------------------------------------------------


def _run_seconds(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)  # noqa: S603 -- ours
    return time.perf_counter() - start


def bench_import(runs: int) -> list[tuple[str, ...]]:
    """Median wall time of each import in a fresh interpreter, minus a bare interpreter's.

    Bytecode is cached as an installed package has it: in a temporary PYTHONPYCACHEPREFIX, even
    where PYTHONDONTWRITEBYTECODE is set (it would make the library, and not the dependencies
    installed with .pyc files, compile its source on every import). The three statements are
    run in turn, so that a slow moment of the machine hits all of them alike.
    """
    loaded = [name for name in DEPENDENCIES if name != "cattrs"]
    statements = {
        "library": "import inkassorules",
        # The top level loads its names on first use (PEP 562); this is the cost of all of it.
        "full": "import inkassorules, "
        + ", ".join(f"inkassorules.{m}" for m in FULL_LOAD)
        + "; inkassorules.Money",
        "dependencies": "import " + ", ".join(DEPENDENCIES),
        "loaded": "import " + ", ".join(loaded),
        "bare": "pass",
    }
    with tempfile.TemporaryDirectory(prefix="inkassorules-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for code in statements.values():
            _run_seconds(code, env)  # write the bytecode, warm the file-system cache
        times: dict[str, list[float]] = {name: [] for name in statements}
        for _ in range(runs):
            for name, code in statements.items():
                times[name].append(_run_seconds(code, env))
    median = {name: statistics.median(t) for name, t in times.items()}
    fastest = {name: min(t) for name, t in times.items()}

    def row(label: str, name: str, against: str | None = None) -> tuple[str, ...]:
        """Time of *name*, and its ratio to the time of *against* (none for a reference row)."""
        cells = [label]
        for table in (median, fastest):
            if name == "bare":
                cells += [f"{table[name] * 1e3:.0f} ms", ""]
                continue
            took = table[name] - table["bare"]
            ratio = "" if against is None else f"{took / (table[against] - table['bare']):.2f}x"
            cells += [f"{took * 1e3:.0f} ms", ratio]
        return tuple(cells)

    return [
        row("import inkassorules (ratio: / every runtime dependency)", "library", "dependencies"),
        row("... and load every module of it (ratio: / every dependency)", "full", "dependencies"),
        row("import every runtime dependency", "dependencies"),
        row("import the dependencies it loads (no cattrs)", "loaded"),
        row("bare interpreter start (subtracted above)", "bare"),
    ]


# -- the table ------------------------------------------------------------------------------


def print_table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    for row in [header, *rows]:
        print(
            "  "
            + "  ".join(
                str(c).ljust(w) if i == 0 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--claims", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    args: Any = parser.parse_args(argv)
    repeat = 3 if args.quick else 7
    count = args.claims or (10_000 if args.quick else 100_000)
    print(f"inkassorules benchmarks: Python {sys.version.split()[0]}, {os.cpu_count()} core(s)")
    print_table(
        "1. no.late_interest, µs per call (answers asserted equal)",
        ("span", "library", "minimal", "naive", "library/minimal"),
        bench_interest(repeat),
    )
    print_table(
        f"2. {count:,} claims end to end, on {os.cpu_count()} core(s) with multiprocessing",
        ("evaluated per claim", "µs/claim, 1 core", "wall time, all cores", "refused"),
        bench_claims(count),
    )
    floor_claims = min(count, 2_000 if args.quick else 20_000)
    print_table(
        f"2b. the row API against a plain-Python floor, {floor_claims:,} claims, one core,"
        f" {repeat} alternating runs",
        ("per claim", "median", "ratio, median", "ratio, range"),
        bench_floor(floor_claims, repeat),
    )
    print(
        "  the floor: fee caps from a per-due-date table (the library's answers, tabulated once),"
        " interest by\n  bisecting the half-year rates (Decimal, one rounding), the first phone"
        " window from per-day\n  tables of the policy's hours and holidays; the per-claim work"
        " calls nothing of the library"
    )
    print_table(
        f"3. import time, median of {repeat * 3} fresh interpreters, bytecode cached",
        ("statement", "median", "library/this", "fastest", "library/this"),
        bench_import(repeat * 3),
    )
    if timeline_next_step() is not None:
        print_table(
            "4. row-API costs that grew with their input (issue 17 item 4), best of runs",
            ("call", "time", "target"),
            bench_row_costs(repeat),
        )


if __name__ == "__main__":
    main()
