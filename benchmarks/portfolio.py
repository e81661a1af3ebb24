"""Benchmark of ``inkassorules.portfolio.evaluate`` against a hand-written numpy floor.

``python benchmarks/portfolio.py`` prints, from one run, the engine's time as a ratio to the
floor at 100 000 and 1 000 000 claims (``--claims 100000 1000000``), the runs paired (engine,
floor, engine, floor, ...) so that a noisy moment of the machine hits both, and the peak
memory of a fresh process evaluating the largest book. ``--check N`` instead checks the engine
equal to the row API (``portfolio.evaluate_row``) on N random claims per country, field by
field, half of them with case summaries; ``--dask N`` times the Dask path on N claims on a local
cluster of 2 worker processes against one process and the cluster's fixed overhead.

The floor is the per-claim work any columnar evaluation of these claims must do, written by
hand in numpy: read the input columns into arrays, look the next step's fields up in a table by
(country, due date), take the next contact slot per country, and compute the late interest from
per-day rate prefix sums, exact in integers and rounded half up. Its law tables (the prefix
sums, the interest start and the next step per due date) are compiled from the library before
the timing starts and are not timed; the engine works everything out itself inside its timing.
The floor is checked equal to the engine on every run. Three engine times: "engine" is a later
call on the same day (the day's answers compiled, as the floor's tables are: the next batches of
a night); "first call" is the first call on a day in a process that has evaluated before (the
day's answers compiled inside the timing, the library's own memos warm); and the memory line
times the first call in a fresh process (nothing compiled, nothing warm: a night's first batch).
Targets (issue 17): engine <= 3x the floor including input conversion, peak memory for 1M claims
<= 1.5 GiB. Timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from math import lcm
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from inkassorules import Claim, DebtorKind, Money, no, se
from inkassorules.ledger import balance
from inkassorules.portfolio import RESULT_COLUMNS, evaluate, evaluate_row
from inkassorules.portfolio._engine import _compiled, _forget
from inkassorules.steps import StepKind
from inkassorules.timeline import next_step

if TYPE_CHECKING:
    from fractions import Fraction

AS_OF = dt.date(2026, 3, 2)
FIRST_DUE = dt.date(2023, 6, 1)
DUE_DAYS = 900
EPOCH = dt.date(1970, 1, 1)
CURRENCY = {"NO": "NOK", "SE": "SEK"}
ZONE = {"NO": ZoneInfo("Europe/Oslo"), "SE": ZoneInfo("Europe/Stockholm")}
MICROSECOND = dt.timedelta(microseconds=1)


def book(count: int, *, seed: int = 17) -> pa.Table:
    """*count* bare consumer claims, NO or SE, due 2023-06-01 to 2025-11-17, 1 to 50 000 kr."""
    rng = np.random.default_rng(seed)
    norway = rng.random(count) < 0.5
    due = (FIRST_DUE - EPOCH).days + rng.integers(0, DUE_DAYS, count)
    return pa.table(
        {
            "jurisdiction": np.where(norway, "NO", "SE"),
            "principal": rng.integers(100, 5_000_000, count, dtype=np.int64),
            "currency": np.where(norway, "NOK", "SEK"),
            "due_date": pa.array(due.astype(np.int32)).cast(pa.date32()),
            "debtor_kind": np.full(count, "consumer"),
        }
    )


# -- the floor ------------------------------------------------------------------------------


class Floor:
    """The compiled law tables of the hand-written floor (built once, not timed)."""

    def __init__(self, as_of: dt.date) -> None:
        self.first = (FIRST_DUE - EPOCH).days
        days = (as_of - FIRST_DUE).days + 1
        self.size = days
        self.prefix: dict[str, np.ndarray[Any, Any]] = {}
        self.start: dict[str, np.ndarray[Any, Any]] = {}
        self.steps: dict[str, dict[str, np.ndarray[Any, Any]]] = {}
        self.denominator = 0
        factors: dict[str, list[Fraction]] = {}
        for code, rules in (("NO", no), ("SE", se)):
            one = Money.of(1, CURRENCY[code])
            # A day's factor: interest per krone for that one day (rate / 100 / year length).
            factors[code] = [
                rules.late_interest(
                    one,
                    due_date=FIRST_DUE + dt.timedelta(days=d),
                    paid_on=FIRST_DUE + dt.timedelta(days=d + 1),
                    roll_due_date=False,
                ).exact
                for d in range(days - 1)
            ]
        self.denominator = lcm(*(f.denominator for fs in factors.values() for f in fs))
        for code in ("NO", "SE"):
            numerators = [f.numerator * (self.denominator // f.denominator) for f in factors[code]]
            self.prefix[code] = np.concatenate([[0], np.cumsum(numerators, dtype=np.int64)])
            starts, kinds, planned, earliest, fees = [], [], [], [], []
            for d in range(DUE_DAYS):
                claim = Claim(
                    principal=Money.of(100, CURRENCY[code]),
                    due_date=FIRST_DUE + dt.timedelta(days=d),
                    jurisdiction=code,  # type: ignore[arg-type]
                    debtor_kind=DebtorKind.CONSUMER,
                )
                start = balance(claim, on=as_of).interest_start.start
                starts.append(min((start - FIRST_DUE).days, days - 1))
                answer = next_step(claim, as_of=as_of)
                step = answer.step
                assert step is not None  # noqa: S101 -- a bare claim due before as_of has one
                kinds.append(list(StepKind).index(step.kind))
                planned.append((answer.planned_on - EPOCH).days)  # type: ignore[operator]
                earliest.append((answer.earliest_on - EPOCH).days)  # type: ignore[operator]
                fees.append(int(step.fee.amount.amount.scaleb(2)))
            self.start[code] = np.array(starts, np.int64)
            self.steps[code] = {
                "kind": np.array(kinds, np.int8),
                "planned": np.array(planned, np.int32),
                "earliest": np.array(earliest, np.int32),
                "fee": np.array(fees, np.int64),
            }
        self.end = days - 1
        # The next contact slot: the first phone moment from the start of as_of (µs, UTC).
        self.contact = {}
        for code, rules in (("NO", no), ("SE", se)):
            start = dt.datetime.combine(as_of, dt.time(), tzinfo=ZONE[code])
            slot = rules.next_contact_window(start, channel="phone")
            self.contact[code] = (slot - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // MICROSECOND

    def run(self, table: pa.Table) -> dict[str, np.ndarray[Any, Any]]:
        """The floor's per-claim work on *table* (input conversion included)."""
        norway = pc.equal(table.column("jurisdiction"), "NO").to_numpy()
        principal = table.column("principal").to_numpy()
        due = table.column("due_date").cast(pa.int32()).to_numpy() - self.first
        out: dict[str, np.ndarray[Any, Any]] = {}
        for name in ("kind", "planned", "earliest", "fee"):
            out[name] = np.where(norway, self.steps["NO"][name][due], self.steps["SE"][name][due])
        start = np.where(norway, self.start["NO"][due], self.start["SE"][due])
        factor = np.where(
            norway,
            self.prefix["NO"][self.end] - self.prefix["NO"][start],
            self.prefix["SE"][self.end] - self.prefix["SE"][start],
        )
        out["contact"] = np.where(norway, self.contact["NO"], self.contact["SE"])
        cents, rest = np.divmod(principal * factor, self.denominator)
        out["interest"] = cents + (2 * rest >= self.denominator)
        return out


def same(result: pa.Table, floor: dict[str, np.ndarray[Any, Any]]) -> None:
    kinds = [k.value for k in StepKind]
    engine_kinds = result.column("next_step_kind").to_pylist()
    checks = {
        "kind": engine_kinds == [kinds[k] for k in floor["kind"]],
        "planned": np.array_equal(
            result.column("next_step_on").cast(pa.int32()).to_numpy(), floor["planned"]
        ),
        "earliest": np.array_equal(
            result.column("earliest_lawful_on").cast(pa.int32()).to_numpy(), floor["earliest"]
        ),
        "fee": np.array_equal(result.column("fee").to_numpy(), floor["fee"]),
        "contact": np.array_equal(
            result.column("next_contact_at").cast(pa.int64()).to_numpy(), floor["contact"]
        ),
        "interest": np.array_equal(result.column("interest").to_numpy(), floor["interest"]),
    }
    wrong = [name for name, ok in checks.items() if not ok]
    if wrong:
        raise SystemExit(f"the floor and the engine disagree on {wrong}")


def bench(counts: list[int], repeats: int) -> None:
    start = time.perf_counter()
    floor = Floor(AS_OF)
    print(f"floor's law tables compiled in {time.perf_counter() - start:.2f} s (not timed below)")
    print(
        f"{'claims':>10} {'engine s':>9} {'floor s':>9} {'ratio':>6} {'ratio (median)':>15}"
        f" {'first call s':>13} {'ratio':>6}"
    )
    for count in counts:
        table = book(count)
        # The first call on a day compiles the engine's day tables; later calls on the same
        # as_of and book (the next batch of the same night) reuse them. Timed apart.
        _forget()
        start = time.perf_counter()
        evaluate(table, as_of=AS_OF)
        first = time.perf_counter() - start
        start = time.perf_counter()
        floor.run(table)
        first_floor = time.perf_counter() - start
        engine_times, floor_times = [], []
        for _ in range(repeats):  # paired: engine, floor, engine, floor, ...
            start = time.perf_counter()
            result = evaluate(table, as_of=AS_OF)
            engine_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            answer = floor.run(table)
            floor_times.append(time.perf_counter() - start)
        assert isinstance(result, pa.Table)  # noqa: S101 -- a Table in, a Table out
        same(result, answer)
        ratios = [e / f for e, f in zip(engine_times, floor_times, strict=True)]
        print(
            f"{count:>10,} {min(engine_times):>9.3f} {min(floor_times):>9.3f} "
            f"{min(engine_times) / min(floor_times):>5.1f}x {statistics.median(ratios):>14.1f}x"
            f" {first:>13.3f} {first / first_floor:>5.1f}x"
        )


def peak_memory(count: int) -> None:
    """Evaluate *count* claims in a fresh process: its peak resident memory, and the time of
    that first call (nothing compiled, no memo of the library warm: a night's first batch)."""
    code = (
        "import resource, sys, time; sys.path.insert(0, 'benchmarks'); import portfolio as b; "
        f"t = b.book({count}); s = time.perf_counter(); b.evaluate(t, as_of=b.AS_OF); "
        "took = time.perf_counter() - s; "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, took)"
    )
    done = subprocess.run(  # noqa: S603 -- our own interpreter and code
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    kib, took = done.stdout.split()[-2:]
    print(
        f"peak memory evaluating {count:,} claims in a fresh process: "
        f"{int(kib) / 2**20:.2f} GiB (that first call took {float(took):.2f} s)"
    )


def _rows(frame: Any) -> int:
    return len(frame)


def bench_dask(count: int, partitions: int) -> None:
    """The Dask path on a local cluster of 2 worker processes, against one process.

    Fixed overhead: the same graph with a do-nothing step (each partition's length) in place
    of ``evaluate``. Both computations bring back only the row counts, not the results. The
    workers and the single process are warmed alike first (:func:`warm`, timed apart): the
    comparison is of a night's run on a long-lived cluster, each side compiling ``AS_OF``.
    """
    import dask.dataframe as dd  # noqa: PLC0415 -- only for --dask
    import distributed  # noqa: PLC0415

    from inkassorules.portfolio import dask as portfolio_dask  # noqa: PLC0415

    table = book(count)
    frame = table.to_pandas()
    warm()  # as each worker is warmed below: the library, its law data, its calendars loaded
    start = time.perf_counter()
    evaluate(table, as_of=AS_OF)
    single = time.perf_counter() - start
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        start = time.perf_counter()
        client.run(warm)  # once per worker, as a long-lived cluster has done before a night
        warming = time.perf_counter() - start
        # The book in the workers' memory, as the single process has it in its own (a night's
        # run reads its partitions on the workers, e.g. read_parquet): not timed.
        ddf = dd.from_pandas(frame, npartitions=partitions).persist()
        distributed.wait(ddf)
        client.compute(ddf.map_partitions(_rows, meta=(None, "int64")).sum()).result()  # warm
        start = time.perf_counter()
        client.compute(ddf.map_partitions(_rows, meta=(None, "int64")).sum()).result()
        overhead = time.perf_counter() - start
        lazy = portfolio_dask.evaluate(ddf, as_of=AS_OF)
        start = time.perf_counter()
        rows = client.compute(lazy.map_partitions(_rows, meta=(None, "int64")).sum()).result()
        took = time.perf_counter() - start
    assert rows == count  # noqa: S101 -- every row evaluated
    print(
        f"dask, {count:,} claims, {partitions} partitions, 2 local worker processes: "
        f"{took:.2f} s; fixed overhead (same graph, no evaluation) {overhead:.2f} s; "
        f"one process {single:.2f} s (target: <= {single + overhead:.2f} s); "
        f"warming the workers first (once) {warming:.2f} s"
    )


def warm() -> None:
    """Load what a process loads once (the library, its law data, the holiday calendars).

    Evaluates a few claims on the day before ``AS_OF``: nothing of ``AS_OF`` is compiled.
    """
    evaluate(book(50, seed=1), as_of=AS_OF - dt.timedelta(days=1))


# -- the equality check ---------------------------------------------------------------------


def random_rows(count: int, code: str, seed: int) -> list[dict[str, Any]]:
    """*count* claims of *code*, half with a case summary (a last step, a payment, a dispute)."""
    rng = np.random.default_rng(seed)
    kinds = [k.value for k in StepKind]
    rows = []
    for i in range(count):
        due = FIRST_DUE + dt.timedelta(days=int(rng.integers(0, DUE_DAYS)))
        row: dict[str, Any] = {
            "jurisdiction": code,
            "principal": int(rng.integers(1, 10_000_000)),
            "currency": CURRENCY[code],
            "due_date": due,
            "debtor_kind": ["consumer", "business", "public_body"][int(rng.integers(0, 3))],
            "reminder_fee_agreed": bool(rng.integers(0, 2)),
        }
        if i % 2:
            on = due + dt.timedelta(days=int(rng.integers(0, 90)))
            row |= {
                "last_step": kinds[int(rng.integers(0, len(kinds)))],
                "last_step_on": on,
                "last_step_deadline": on + dt.timedelta(days=int(rng.integers(0, 30))),
                "fees_charged": int(rng.choice([0, 3500, 3800, 7000, 18000])),
            }
            if rng.random() < 0.1:
                row |= {"paid": int(rng.integers(1, 100_000)), "paid_on": on}
            if rng.random() < 0.1:
                row |= {"disputed": True, "disputed_on": on}
        rows.append(row)
    return rows


def check(count: int) -> None:
    compared = [c for c in RESULT_COLUMNS if c not in {"as_of", "row_api"}]
    for seed, code in enumerate(("NO", "SE")):
        rows = random_rows(count, code, seed)
        names = sorted({n for r in rows for n in r})
        table = pa.table({n: [r.get(n) for r in rows] for n in names})
        start = time.perf_counter()
        result = evaluate(table, as_of=AS_OF)
        took = time.perf_counter() - start
        assert isinstance(result, pa.Table)  # noqa: S101 -- a Table in, a Table out
        wrong = 0
        for row, got in zip(rows, result.to_pylist(), strict=True):
            if {c: got[c] for c in compared} != evaluate_row(row, as_of=AS_OF):
                wrong += 1
        errors = sum(1 for e in result.column("error").to_pylist() if e is not None)
        via = int(result.schema.metadata[b"inkassorules.row_api_rows"])
        print(
            f"{code}: {count:,} claims, {wrong} differ from the row API field by field "
            f"({errors} rows with an error, {via} through the row API, engine {took:.2f} s)"
        )
        if wrong:
            raise SystemExit(1)
        check_compiled([row for row in rows if "last_step" not in row], code, compared)


def check_compiled(rows: list[dict[str, Any]], code: str, compared: list[str]) -> None:
    """The bare claims alone, twice: the second call is compiled, and equal to the row API."""
    names = sorted({n for r in rows for n in r})
    table = pa.table({n: [r.get(n) for r in rows] for n in names})
    evaluate(table, as_of=AS_OF)
    compiled = _compiled(table, AS_OF, None) is not None
    result = evaluate(table, as_of=AS_OF)
    assert isinstance(result, pa.Table)  # noqa: S101 -- a Table in, a Table out
    wrong = sum(
        1
        for row, got in zip(rows, result.to_pylist(), strict=True)
        if {c: got[c] for c in compared} != evaluate_row(row, as_of=AS_OF)
    )
    print(
        f"{code}: {len(rows):,} bare claims, a second call "
        f"{'compiled' if compiled else 'NOT compiled'}: {wrong} differ from the row API"
    )
    if wrong or not compiled:
        raise SystemExit(1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--check", type=int, default=None, metavar="N")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--dask", type=int, default=None, metavar="N", help="the Dask run only")
    args = parser.parse_args(argv)
    if args.check is not None:
        check(args.check)
        return
    if args.dask is not None:
        bench_dask(args.dask, partitions=2)
        return
    bench(args.claims, args.repeats)
    if not args.no_memory:
        peak_memory(max(args.claims))


if __name__ == "__main__":
    main()
