"""portfolio.evaluate: equal to the row API (evaluate_row) field by field, bad rows, input kinds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from hypothesis import given, settings  # noqa: E402 -- after the skips
from hypothesis import strategies as st  # noqa: E402

from inkassorules import portfolio  # noqa: E402
from inkassorules.errors import InkassoError, InvalidInput, UnknownJurisdiction  # noqa: E402
from inkassorules.portfolio import RESULT_COLUMNS, evaluate, evaluate_row  # noqa: E402
from inkassorules.steps import StepKind  # noqa: E402

D = dt.date
COMPARED = [c for c in RESULT_COLUMNS if c not in {"as_of", "row_api"}]
CURRENCY = {"NO": "NOK", "SE": "SEK"}


@st.composite
def templates(draw: st.DrawFn, as_of: dt.date, *, summaries: bool) -> dict[str, Any]:
    """The discrete part of a row: everything but the principal."""
    code = draw(st.sampled_from(["NO", "SE"]))
    due = as_of - dt.timedelta(days=draw(st.integers(-20, 900)))
    row: dict[str, Any] = {
        "jurisdiction": code,
        "currency": CURRENCY[code],
        "due_date": due,
        "debtor_kind": draw(st.sampled_from(["consumer", "consumer", "business", "public_body"])),
        "reminder_fee_agreed": draw(st.booleans()),
        "creditor_kind": draw(st.sampled_from([None, "business", "consumer", "public_body"])),
        "claim_kind": draw(st.sampled_from([None, "goods_or_services", "loan", "other"])),
        "invoice_date": draw(st.one_of(st.none(), st.integers(0, 30))),
    }
    if row["invoice_date"] is not None:
        row["invoice_date"] = due - dt.timedelta(days=row["invoice_date"])
    if summaries and draw(st.booleans()):
        kind = draw(st.sampled_from([k.value for k in StepKind]))
        on = due + dt.timedelta(days=draw(st.integers(0, 90)))
        row |= {
            "last_step": kind,
            "last_step_on": on,
            "last_step_deadline": on + dt.timedelta(days=draw(st.integers(0, 30))),
            "fees_charged": draw(st.sampled_from([0, 3500, 3800, 7000, 18000, 45000])),
        }
    if summaries and draw(st.integers(0, 4)) == 0:
        row |= {"disputed": True, "disputed_on": due + dt.timedelta(days=draw(st.integers(0, 60)))}
    return row


principals = st.one_of(
    st.integers(1, 10**9),
    st.integers(1, 10**7),
    st.integers(10**15, 9 * 10**18),  # int64 products overflow: the Python-integer path
)


@st.composite
def books(draw: st.DrawFn, *, summaries: bool) -> tuple[dt.date, list[dict[str, Any]]]:
    as_of = draw(st.dates(D(2023, 6, 1), D(2026, 6, 30)))
    shapes = draw(st.lists(templates(as_of, summaries=summaries), min_size=1, max_size=4))
    rows = []
    for _ in range(draw(st.integers(1, 24))):
        row = dict(draw(st.sampled_from(shapes)))
        row["principal"] = draw(principals)
        if summaries and draw(st.integers(0, 5)) == 0:
            row |= {"paid": draw(st.integers(1, 10**6)), "paid_on": as_of - dt.timedelta(days=3)}
        rows.append(row)
    return as_of, rows


def table_of(rows: list[dict[str, Any]]) -> pa.Table:
    names = sorted({name for row in rows for name in row})
    return pa.table({name: [row.get(name) for row in rows] for name in names})


def check_equal(as_of: dt.date, rows: list[dict[str, Any]]) -> pa.Table:
    out = evaluate(table_of(rows), as_of=as_of)
    assert isinstance(out, pa.Table)
    for row, got in zip(rows, out.to_pylist(), strict=True):
        want = evaluate_row(row, as_of=as_of)
        assert {c: got[c] for c in COMPARED} == want, row
        assert got["as_of"] == as_of
    return out


@settings(max_examples=40)
@given(books(summaries=False))
def test_bare_claims_equal_the_row_api(book: tuple[dt.date, list[dict[str, Any]]]) -> None:
    as_of, rows = book
    out = check_equal(as_of, rows)
    assert portfolio.row_api_rows(out) == 0


@settings(max_examples=40)
@given(books(summaries=True))
def test_cases_with_summaries_equal_the_row_api(
    book: tuple[dt.date, list[dict[str, Any]]],
) -> None:
    as_of, rows = book
    out = check_equal(as_of, rows)
    paid = sum(1 for row in rows if row.get("paid"))
    assert portfolio.row_api_rows(out) == paid


def test_interest_is_broadcast_per_principal() -> None:
    """Rows of one key with different principals: the interest scales, rounded half up."""
    base = {"jurisdiction": "NO", "currency": "NOK", "due_date": D(2025, 1, 10)}
    rows = [
        base | {"debtor_kind": "consumer", "principal": p} for p in (1, 100, 1000, 12345, 10**17)
    ]
    out = check_equal(D(2025, 6, 30), rows)
    assert out.schema.metadata[b"inkassorules.keys"] == b"1"
    assert out.column("interest").to_pylist()[1:] == [6, 59, 723, 5856164383561644]


def bad_rows() -> list[dict[str, Any]]:
    good = {
        "jurisdiction": "NO",
        "principal": 100000,
        "currency": "NOK",
        "due_date": "2025-03-03",
        "debtor_kind": "consumer",
    }
    return [
        good,
        good | {"jurisdiction": "XX"},
        good | {"principal": -500},
        good | {"principal": 0},
        good | {"due_date": "1990-01-01"},  # before the data
        good | {"due_date": "2025-02-30"},  # not a date
        good | {"currency": "SEK"},
        good | {"debtor_kind": "martian"},
        good | {"last_step": "reminder", "last_step_on": "2025-03-20"},  # no deadline
    ]


def test_bad_rows_get_an_error_and_do_not_fail_the_batch() -> None:
    rows = bad_rows()
    out = check_equal(D(2025, 9, 1), rows)
    assert out.column("error").to_pylist() == [
        None,
        "UnknownJurisdiction",
        "InvalidInput",
        "InvalidInput",
        "NotInForce",
        "InvalidInput",
        "CurrencyMismatch",
        "InvalidInput",
        "InvalidInput",
    ]
    statuses = out.column("status").to_pylist()
    assert statuses[0] != "error"
    assert statuses[1:] == ["error"] * (len(rows) - 1)
    messages = out.column("error_message").to_pylist()
    assert "2025-02-30" in messages[5]
    assert "last_step_deadline" in messages[8]
    assert out.column("fee").to_pylist()[1:] == [None] * (len(rows) - 1)


def test_strict_raises_the_first_bad_row() -> None:
    rows = bad_rows()
    with pytest.raises(UnknownJurisdiction):
        evaluate(table_of(rows), as_of=D(2025, 9, 1), strict=True)
    with pytest.raises(InvalidInput, match="principal"):
        evaluate(table_of([rows[0], rows[2]]), as_of=D(2025, 9, 1), strict=True)
    out = evaluate(table_of(rows[:1]), as_of=D(2025, 9, 1), strict=True)
    assert isinstance(out, pa.Table)


def test_refuses_what_is_not_a_book() -> None:
    with pytest.raises(InvalidInput, match="pyarrow Table"):
        evaluate([1, 2, 3], as_of=D(2025, 9, 1))
    floats = bad_rows()[:1]
    table = (
        table_of(floats).drop_columns(["principal"]).append_column("principal", pa.array([1.0]))
    )
    with pytest.raises(InvalidInput, match="not floats"):
        evaluate(table, as_of=D(2025, 9, 1))
    with pytest.raises(InvalidInput, match="result columns"):
        evaluate(table_of(floats).append_column("fee", pa.array([1])), as_of=D(2025, 9, 1))
    with pytest.raises(InkassoError):
        evaluate(table_of(floats), as_of="2025-09-01")  # type: ignore[arg-type]


def sample() -> tuple[dt.date, list[dict[str, Any]]]:
    as_of = D(2025, 9, 1)
    rows = [
        {
            "jurisdiction": code,
            "principal": 1000 + 7919 * i,
            "currency": CURRENCY[code],
            "due_date": D(2025, 1, 1) + dt.timedelta(days=i * 13 % 200),
            "debtor_kind": "consumer",
            "fees_charged": 0,
            "paid": 5000 if i % 7 == 0 else 0,
            "paid_on": D(2025, 8, 1),
        }
        for i, code in enumerate(["NO", "SE"] * 10)
    ]
    return as_of, rows


def expected(as_of: dt.date, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [evaluate_row(row, as_of=as_of) for row in rows]


def compared(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{c: r[c] for c in COMPARED} for r in records]


def test_a_mapping_of_numpy_arrays_gives_a_pyarrow_table() -> None:
    as_of, rows = sample()
    columns = {
        "jurisdiction": np.array([r["jurisdiction"] for r in rows]),
        "principal": np.array([r["principal"] for r in rows], np.int64),
        "currency": np.array([r["currency"] for r in rows]),
        "due_date": np.array([r["due_date"] for r in rows], "datetime64[D]"),
        "debtor_kind": np.array([r["debtor_kind"] for r in rows]),
        "paid": np.array([r["paid"] for r in rows], np.int64),
        "paid_on": np.array([r["paid_on"] for r in rows], "datetime64[D]"),
    }
    out = evaluate(columns, as_of=as_of)
    assert isinstance(out, pa.Table)
    assert compared(out.to_pylist()) == expected(as_of, rows)
    assert out.schema.field("fee").type == pa.int64()
    assert out.schema.field("next_step_on").type == pa.date32()
    assert portfolio.row_api_rows(out) == 3


def test_pandas_in_pandas_out() -> None:
    pd = pytest.importorskip("pandas")
    as_of, rows = sample()
    frame = pd.DataFrame(rows)
    frame["due_date"] = pd.to_datetime(frame["due_date"])  # datetime64[ns] at midnight
    out = evaluate(frame, as_of=as_of)
    assert isinstance(out, pd.DataFrame)
    assert out.attrs["row_api_rows"] == 3
    assert str(out["fee"].dtype) == "int64[pyarrow]"
    records = pa.Table.from_pandas(out, preserve_index=False).to_pylist()
    assert compared(records) == expected(as_of, rows)


def test_polars_in_polars_out() -> None:
    pl = pytest.importorskip("polars")
    as_of, rows = sample()
    out = evaluate(pl.DataFrame(rows), as_of=as_of)
    assert isinstance(out, pl.DataFrame)
    assert out["fee"].dtype == pl.Int64
    assert out["next_step_on"].dtype == pl.Date
    assert compared(out.to_dicts()) == expected(as_of, rows)
    assert portfolio.row_api_rows(out) == 3


def test_decimal_strings_and_iso_dates() -> None:
    as_of, rows = sample()
    text = [
        r | {"principal": f"{r['principal'] / 100:.2f}", "due_date": str(r["due_date"])}
        for r in rows
    ]
    out = evaluate(table_of(text), as_of=as_of)
    assert compared(out.to_pylist()) == expected(as_of, rows)
    bad = evaluate(table_of([text[1] | {"principal": "12.345"}]), as_of=as_of)
    assert bad.column("error").to_pylist() == ["InvalidInput"]


def test_explain_rebuilds_the_reasons_through_the_row_api() -> None:
    as_of, rows = sample()
    out = evaluate(table_of(rows), as_of=as_of)
    text = portfolio.explain(out, 1)
    assert out.column("reason")[1].as_py() in text
    assert "Balance on 2025-09-01" in text
    with pytest.raises(InvalidInput, match="not in a result"):
        portfolio.explain(out, len(rows))


def test_next_contact_at_is_the_row_apis_next_phone_slot() -> None:
    """Sunday 2026-03-22: Monday 08:00 local. Good Friday 2026-04-03: after the holidays."""
    rows = [
        {
            "jurisdiction": code,
            "principal": 100000,
            "currency": CURRENCY[code],
            "due_date": D(2026, 3, 2),
            "debtor_kind": "consumer",
        }
        for code in ("NO", "SE")
    ]
    out = check_equal(D(2026, 3, 22), rows)
    assert out.schema.field("next_contact_at").type == pa.timestamp("us", tz="UTC")
    slots = out.column("next_contact_at").to_pylist()
    assert [s.isoformat() for s in slots] == ["2026-03-23T07:00:00+00:00"] * 2
    easter = check_equal(D(2026, 4, 3), rows).column("next_contact_at").to_pylist()
    assert [s.isoformat() for s in easter] == [
        "2026-04-04T06:00:00+00:00",  # NO: Easter Saturday is no helligdag, 08:00 Oslo
        "2026-04-07T06:00:00+00:00",  # SE: Easter Monday a helgdag, 08:00 Stockholm on Tuesday
    ]
    text = portfolio.explain(out, 0)
    assert "next contact slot: 2026-03-23T08:00:00+01:00" in text
    assert "phone contact at 2026-03-23T08:00:00+01:00 allowed" in text


def test_next_contact_at_is_null_where_the_contact_rules_do_not_cover_as_of() -> None:
    """Norway's phone rules start 2022-12-15 (rundskriv 5/2022): no slot, the rest stands."""
    row = {
        "jurisdiction": "NO",
        "principal": 100000,
        "currency": "NOK",
        "due_date": D(2022, 9, 1),
        "debtor_kind": "consumer",
    }
    out = check_equal(D(2022, 10, 3), [row])
    assert out.column("next_contact_at").to_pylist() == [None]
    assert out.column("error").to_pylist() == [None]
    assert out.column("next_step_kind").to_pylist() == ["friendly_reminder"]
    assert "next contact slot: none" in portfolio.explain(out, 0)


@settings(max_examples=25)
@given(books(summaries=False), st.sampled_from(["earliest_lawful", "no_fees"]))
def test_bare_claims_under_a_callers_policy_equal_the_row_api(
    book: tuple[dt.date, list[dict[str, Any]]], which: str
) -> None:
    """The lean path for bare claims follows the policy given, as the row API does."""
    import attrs

    from inkassorules.timeline import CreditorPolicy

    as_of, rows = book
    policy = CreditorPolicy.earliest_lawful()
    if which == "no_fees":
        policy = attrs.evolve(policy, charge_fees=False, days_after_due={StepKind.REMINDER: 9})
    out = evaluate(table_of(rows), as_of=as_of, policy=policy)
    assert isinstance(out, pa.Table)
    for row, got in zip(rows, out.to_pylist(), strict=True):
        assert {c: got[c] for c in COMPARED} == evaluate_row(row, as_of=as_of, policy=policy)


def test_later_calls_on_the_same_day_reuse_nothing_from_another_book() -> None:
    """Answers kept between calls are kept per as_of and book: a second call gives the same
    results, and a book with a newer rate is not answered from the built-in book's call."""
    from inkassorules.law import builtin

    as_of = D(2026, 9, 1)  # after the built-in Swedish reference rate's horizon (2026-06-30)
    rows = [
        {
            "jurisdiction": "SE",
            "principal": 1_000_000,
            "currency": "SEK",
            "due_date": D(2026, 3, 2),
            "debtor_kind": "consumer",
        }
    ]
    newer = builtin().extend(
        "se.interest.reference_rate",
        [
            {
                "valid_from": D(2026, 7, 1),
                "value": Decimal("1.50"),
                "citation": "9 § räntelagen (1975:635)",
                "url": "https://www.riksbank.se/",
                "confidence": "medium",
            }
        ],
    )
    first = evaluate(table_of(rows), as_of=as_of).to_pylist()
    with_newer = evaluate(table_of(rows), as_of=as_of, law=newer).to_pylist()
    again = evaluate(table_of(rows), as_of=as_of).to_pylist()
    again_newer = evaluate(table_of(rows), as_of=as_of, law=newer).to_pylist()
    assert first == again
    assert with_newer == again_newer
    assert first[0]["error"] == "RateNotPublished"  # the built-in book does not know the rate
    assert with_newer[0]["error"] is None
    assert with_newer[0]["interest"] is not None
    for got, law in ((first, None), (with_newer, newer)):
        want = evaluate_row(rows[0], as_of=as_of, law=law)
        assert {c: got[0][c] for c in COMPARED} == want
