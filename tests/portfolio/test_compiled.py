"""portfolio.evaluate's compiled path: later calls on the same day gather from day tables.

A book of bare claims (claim columns only) whose every (template, due date) key an earlier call
on the same ``as_of`` and book answered is evaluated from per-template day tables, without
per-key Python. These tests check that path is taken where it should be, not where it should
not, and that it gives exactly the table the keyed path gives (schema, metadata, every value)
and the row API's results.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from hypothesis import given, settings  # noqa: E402 -- after the skips
from hypothesis import strategies as st  # noqa: E402

from inkassorules.portfolio import (  # noqa: E402
    RESULT_COLUMNS,
    _engine,
    evaluate,
    evaluate_row,
)

D = dt.date
COMPARED = [c for c in RESULT_COLUMNS if c not in {"as_of", "row_api"}]
CURRENCY = {"NO": "NOK", "SE": "SEK"}


@pytest.fixture(autouse=True)
def _fresh() -> None:
    _engine._forget()  # each test starts with nothing kept


def bare_book(size: int, *, seed: int, first: dt.date, days: int, **extra: Any) -> pa.Table:
    """*size* bare claims of both countries due on *days* days from *first*."""
    rng = np.random.default_rng(seed)
    norway = rng.random(size) < 0.5
    due = (first - D(1970, 1, 1)).days + rng.integers(0, days, size)
    columns: dict[str, Any] = {
        "jurisdiction": np.where(norway, "NO", "SE"),
        "principal": rng.integers(1, 5_000_000, size, dtype=np.int64),
        "currency": np.where(norway, "NOK", "SEK"),
        "due_date": pa.array(due.astype(np.int32)).cast(pa.date32()),
        "debtor_kind": rng.choice(["consumer", "business"], size),
    }
    columns.update(extra)
    return pa.table(columns)


def keyed(table: pa.Table, as_of: dt.date) -> pa.Table:
    """The keyed path's result (nothing kept from earlier calls)."""
    _engine._forget()
    out = evaluate(table, as_of=as_of)
    assert isinstance(out, pa.Table)
    return out


def test_a_second_call_is_compiled_and_equals_the_keyed_path() -> None:
    as_of = D(2026, 3, 2)
    # Due 2022-01-01 .. 2026-03-01: the oldest are time-barred (no step, no fee), the newest
    # not yet overdue enough for every step; both countries, consumers and businesses.
    table = bare_book(3_000, seed=3, first=D(2022, 1, 1), days=1_520)
    want = keyed(table, as_of)
    assert _engine._compiled(table, as_of, None) is not None  # now compiled
    got = evaluate(table, as_of=as_of)
    assert got.equals(want, check_metadata=True)
    assert got.schema.metadata == want.schema.metadata
    assert want.column("fee").null_count > 0  # time-barred rows: the nulls are gathered too
    assert want.column("time_barred_on").null_count < len(want)
    for i in range(0, 3_000, 97):  # and the row API's answers, on a sample
        row = table.slice(i, 1).to_pylist()[0]
        assert {c: got.column(c)[i].as_py() for c in COMPARED} == evaluate_row(row, as_of=as_of)


def test_flags_and_text_templates_are_compiled_per_template() -> None:
    as_of = D(2025, 11, 3)
    rng = np.random.default_rng(5)
    size = 800
    table = bare_book(
        size,
        seed=5,
        first=D(2024, 1, 1),
        days=600,
        reminder_fee_agreed=pa.array(rng.random(size) < 0.5),
        creditor_kind=pa.array(rng.choice(["business", "consumer"], size)),
        claim_kind=pa.array(rng.choice(["loan", "goods_or_services"], size)).cast(
            pa.large_string()
        ),
    )
    want = keyed(table, as_of)
    assert _engine._compiled(table, as_of, None) is not None
    assert evaluate(table, as_of=as_of).equals(want, check_metadata=True)


def test_a_key_no_call_answered_takes_the_keyed_path() -> None:
    as_of = D(2026, 3, 2)
    table = bare_book(200, seed=7, first=D(2025, 1, 1), days=200)
    evaluate(table, as_of=as_of)
    later = bare_book(200, seed=8, first=D(2025, 1, 1), days=300)  # due days not seen yet
    assert _engine._compiled(later, as_of, None) is None
    want = keyed(later, as_of)
    evaluate(table, as_of=as_of)
    assert evaluate(later, as_of=as_of).equals(want, check_metadata=True)
    # Now every key of `later` is kept too: the day table is compiled again, with them.
    assert _engine._compiled(later, as_of, None) is not None


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("invoice_date", pa.array([D(2025, 1, 1)] * 50)),
        ("fees_charged", pa.array([0] * 50)),  # bare to the keyed path, but not compiled
        ("last_step_on", pa.array([D(2025, 2, 1)] * 50)),
        ("principal", pa.array([str(i + 1) for i in range(50)])),  # decimal strings
        ("due_date", pa.array(["2025-01-01"] * 50)),  # ISO text
        ("jurisdiction", pa.array(["NO", None] * 25)),  # a null jurisdiction: an error row
    ],
)
def test_what_the_columns_cannot_carry_is_not_compiled(name: str, column: pa.Array) -> None:
    as_of = D(2026, 3, 2)
    table = bare_book(50, seed=9, first=D(2025, 1, 1), days=40)
    evaluate(table, as_of=as_of)
    assert _engine._compiled(table, as_of, None) is not None
    other = table.drop_columns([name]) if name in table.column_names else table
    other = other.append_column(name, column)
    evaluate(other, as_of=as_of)
    assert _engine._compiled(other, as_of, None) is None


def test_a_negative_principal_is_not_compiled() -> None:
    as_of = D(2026, 3, 2)
    table = bare_book(20, seed=11, first=D(2025, 1, 1), days=10)
    evaluate(table, as_of=as_of)
    principal = pa.array(np.where(np.arange(20) == 4, -1, 100).astype(np.int64))
    other = table.set_column(table.column_names.index("principal"), "principal", principal)
    assert _engine._compiled(other, as_of, None) is None
    out = evaluate(other, as_of=as_of)
    assert out.column("error")[4].as_py() == "InvalidInput"


@settings(max_examples=20, deadline=None)
@given(
    st.dates(D(2024, 1, 1), D(2026, 6, 30)),
    st.integers(1, 400),
    st.integers(0, 2**32),
    st.sampled_from([1, 10**6, 9 * 10**18]),
)
def test_compiled_equals_keyed_on_random_books(
    as_of: dt.date, days: int, seed: int, scale: int
) -> None:
    """Random bare books, twice on one day: the compiled result equals the keyed one, or the
    call is not compiled (int64 could overflow for principals near 9 * 10**18)."""
    rng = np.random.default_rng(seed)
    table = bare_book(300, seed=seed, first=as_of - dt.timedelta(days=days + 30), days=days + 30)
    table = table.set_column(
        1, "principal", pa.array(rng.integers(1, scale + 1, 300, dtype=np.int64))
    )
    want = keyed(table, as_of)
    compiled = _engine._compiled(table, as_of, None)
    if scale < 10**18:
        assert compiled is not None
    if compiled is not None:
        assert compiled.equals(want, check_metadata=True)


BARE_VALUES = {
    "last_step": [None, "reminder"],
    "fees_charged": [None, 0, 5, "0.00", False],
    "paid": [None, 0, 3],
    "disputed": [None, False, True, 0, 1],
}


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_bare_rows_is_bare_of_every_row(data: st.DataObject) -> None:
    """_bare_rows (columns) says what _bare (one row) says, for every kind of column."""
    columns: dict[str, pa.Array] = {}
    for name, values in BARE_VALUES.items():
        if not data.draw(st.booleans(), label=f"has {name}"):
            continue
        kinds = {type(v) for v in values if v is not None}
        kind = data.draw(st.sampled_from(sorted(kinds, key=str)), label=f"{name} kind")
        pool = [None, *(v for v in values if type(v) is kind)]
        columns[name] = pa.array(
            data.draw(st.lists(st.sampled_from(pool), min_size=6, max_size=6))
        )
    table = pa.table(columns) if columns else pa.table({"x": [1] * 6})
    want = [_engine._bare(row) for row in table.to_pylist()]
    assert _engine._bare_rows(table).tolist() == want


def test_an_unsigned_principal_above_int64_goes_through_the_row_api() -> None:
    # A uint64 column may hold amounts int64 cannot: such a row is evaluated by the row API
    # (it was an ArrowInvalid from the cast), the others by the engine, on every call.
    as_of = D(2026, 3, 2)
    rows = [
        {
            "jurisdiction": "NO",
            "principal": principal,
            "currency": "NOK",
            "due_date": D(2026, 1, 5),
            "debtor_kind": "consumer",
        }
        for principal in (2**64 - 1, 800_000)
    ]
    table = pa.table(
        {
            name: pa.array([r[name] for r in rows], pa.uint64() if name == "principal" else None)
            for name in rows[0]
        }
    )
    for _ in range(2):  # the keyed path, then a call after it (never compiled: uint64)
        out = evaluate(table, as_of=as_of)
        assert out.column("row_api").to_pylist() == [True, False]
        for row, got in zip(rows, out.to_pylist(), strict=True):
            assert {c: got[c] for c in COMPARED} == evaluate_row(row, as_of=as_of)
    assert _engine._compiled(table, as_of, None) is None
