"""Records (issue 18 item 3): to_records() with real types, and its Arrow schema.

Amounts are Decimal (exact, major units), dates datetime.date, missing values None. polars infers
Decimal and Date columns from the rows as they are; pandas gets decimal128 and date32 columns
through :func:`inkassorules.records.to_pandas` (plain ``pandas.DataFrame(rows)`` keeps objects).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules import (
    Case,
    Claim,
    DebtorKind,
    InstalmentAgreement,
    Money,
    Payment,
    audit,
    balance,
    next_step,
    no,
    plan,
    records,
)
from inkassorules.errors import InvalidInput
from inkassorules.events import LetterSent
from inkassorules.timeline import StepKind

CLAIM = Claim(
    principal=Money.of("8000", "NOK"),
    due_date=dt.date(2026, 3, 2),
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)


def results() -> dict[str, object]:
    timeline = plan(CLAIM, as_of=dt.date(2026, 3, 3))
    agreement = InstalmentAgreement.plan(
        Money.of("10000", "NOK"), count=3, signed_on=dt.date(2026, 1, 31), roll="NO"
    )
    case = Case(
        claim=CLAIM,
        events=(
            LetterSent(
                kind=StepKind.REMINDER,
                sent_on=dt.date(2026, 3, 20),
                fee_charged=Money.of("60", "NOK"),
                deadline=None,
            ),
            Payment(amount=Money.of("3000", "NOK"), paid_on=dt.date(2026, 4, 15)),
        ),
    )
    return {
        "InterestResult": no.late_interest(
            Money.of(8000, "NOK"), due_date=dt.date(2026, 3, 2), paid_on=dt.date(2026, 9, 1)
        ),
        "BalanceInterestResult": no.late_interest_on_balance(
            Money.of(8000, "NOK"),
            [Payment(amount=Money.of(3000, "NOK"), paid_on=dt.date(2026, 5, 4))],
            due_date=dt.date(2026, 3, 2),
            until=dt.date(2026, 9, 1),
        ),
        "InstalmentAgreement": agreement,
        "AgreementStatus": agreement.status(
            [Payment(amount=Money.of("4000", "NOK"), paid_on=dt.date(2026, 2, 2))],
            on=dt.date(2026, 3, 10),
        ),
        "Timeline": timeline,
        "FeeCap": timeline.steps[1].fee,
        "Claim": CLAIM,
        "NextStep": next_step(CLAIM, as_of=dt.date(2026, 3, 20)),
        "Balance": balance(case, on=dt.date(2026, 7, 1)),
        "Audit": audit(case, as_of=dt.date(2026, 7, 1)),
        "ContactDecision": no.contact_allowed(
            dt.datetime(2026, 3, 7, 21, 30, tzinfo=ZoneInfo("Europe/Oslo")), channel="phone"
        ),
    }


RESULTS = results()
AMOUNTS = {
    name: [c for c, k in cols if k in ("money", "exact")] for name, cols in records.COLUMNS.items()
}
DATES = {name: [c for c, k in cols if k == "date"] for name, cols in records.COLUMNS.items()}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_records_have_real_types_and_no_empty_strings(name):
    result = RESULTS[name]
    assert type(result).__name__ == name
    rows = result.to_records()  # type: ignore[attr-defined]
    assert rows, name
    kinds = dict(records.COLUMNS[name])
    for row in rows:
        assert list(row) == [c for c, _ in records.COLUMNS[name]]
        assert "" not in row.values()
        for column, value in row.items():
            if value is None:
                continue
            if kinds[column] in ("money", "exact", "rate"):
                assert type(value) is Decimal, (column, value)
            elif kinds[column] == "date":
                assert type(value) is dt.date, (column, value)
            elif kinds[column] == "timestamp":
                assert isinstance(value, dt.datetime)
                assert value.tzinfo is not None
            else:
                assert type(value) is {"int": int, "bool": bool, "str": str}[kinds[column]]


def test_missing_values_are_none():
    # A payment row of a balance calculation has no rate and no balance; a legal action has
    # no deadline.
    rows = RESULTS["BalanceInterestResult"].to_records()  # type: ignore[attr-defined]
    payment = next(r for r in rows if r["event"] == "payment")
    assert payment["rate"] is None
    assert payment["balance"] is None
    steps = RESULTS["Timeline"].to_records()  # type: ignore[attr-defined]
    assert steps[-1]["deadline"] is None
    assert steps[0]["contact_at"] is None


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_polars_infers_decimal_and_date(name):
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(RESULTS[name].to_records())  # type: ignore[attr-defined]
    for column in AMOUNTS[name]:
        if frame[column].null_count() < len(frame):
            assert isinstance(frame.schema[column], pl.Decimal), (column, frame.schema[column])
    for column in DATES[name]:
        if frame[column].null_count() < len(frame):
            assert frame.schema[column] == pl.Date, (column, frame.schema[column])


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_arrow_schema_and_typed_pandas(name):
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    result = RESULTS[name]
    table = records.to_arrow(result)
    assert table.schema == records.schema(type(result))
    assert table.num_rows == len(result.to_records())  # type: ignore[attr-defined]
    frame = records.to_pandas(result)
    for column in AMOUNTS[name]:
        assert pa.types.is_decimal(frame[column].dtype.pyarrow_dtype), column
        assert frame[column].dtype != object
    for column in DATES[name]:
        assert pa.types.is_date32(frame[column].dtype.pyarrow_dtype), column
    # Exact values survive: the sum of the Arrow column is the sum of the Decimals.
    for column in AMOUNTS[name]:
        values = [r[column] for r in result.to_records() if r[column] is not None]  # type: ignore[attr-defined]
        if values:
            assert pa.compute.sum(table[column]).as_py() == sum(values)
    assert isinstance(pd.DataFrame, type)


def test_interest_keeps_six_decimals_in_arrow():
    pytest.importorskip("pyarrow")
    table = records.to_arrow(RESULTS["InterestResult"])
    assert table["interest"].to_pylist() == [Decimal("318.246575"), Decimal("166.465753")]


def test_schema_refuses_a_type_without_records():
    with pytest.raises(InvalidInput, match="records.schema: expected one of"):
        records.schema("Money")


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**9),
    st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 3, 31)),
    st.integers(min_value=0, max_value=60),
    st.sampled_from(["NO", "SE"]),
    st.sampled_from(list(DebtorKind)),
)
def test_any_timeline_has_typed_records_a_short_repr_and_rounded_money(
    ore, due, later, code, kind
):
    currency = "NOK" if code == "NO" else "SEK"
    claim = Claim(
        principal=Money.of(Decimal(ore).scaleb(-2), currency),
        due_date=due,
        jurisdiction=code,
        debtor_kind=kind,
    )
    timeline = plan(claim, as_of=due + dt.timedelta(days=later))
    rows = timeline.to_records()
    assert len(rows) == len(timeline.steps)
    for row, step in zip(rows, timeline.steps, strict=True):
        assert row["planned_on"] == step.planned_on
        assert row["fee"] == step.fee.amount.amount
        total = step.total
        assert row["total"] == (None if total is None else total.amount)
        assert "" not in row.values()
        assert len(repr(step)) < 200
    assert len(repr(timeline)) < 200
    html = timeline._repr_html_()
    assert not re.search(r"<td[^>]*>-?\d+\.\d{3,}", html)  # money to 2 decimals in the view
