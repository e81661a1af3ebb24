"""Notebook views: to_records() (typed rows: Decimal, date, None) and _repr_html_() on the
interest and instalment results, and their JSON round trip through cattrs (issues 7 and 18).

The records are checked against :data:`inkassorules.records.COLUMNS`: each value None or of its
column's type, one set of keys. The dtypes in pandas and polars are in tests/test_records.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules import (
    BalanceInterestResult,
    InstalmentAgreement,
    InterestResult,
    Money,
    Payment,
    no,
    se,
)
from inkassorules.instalments import AgreementStatus
from inkassorules.records import COLUMNS
from inkassorules.serialization import from_json, structure, to_json, unstructure
from inkassorules.strategies import instalment_agreements, payments

TYPES = {
    "money": Decimal,
    "exact": Decimal,
    "rate": Decimal,
    "date": dt.date,
    "timestamp": dt.datetime,
    "int": int,
    "bool": bool,
    "str": str,
}


def plain(records: list[dict[str, object]], kind: str) -> None:
    """Every record a dict of its columns' types (or None), all with the same keys; no ""."""
    assert isinstance(records, list)
    kinds = dict(COLUMNS[kind])
    keys = None
    for record in records:
        assert type(record) is dict
        assert set(record) <= set(kinds), record
        for key, value in record.items():
            assert value is None or type(value) is TYPES[kinds[key]], (key, value)
        if keys is None:
            keys = list(record)
        assert list(record) == keys


@pytest.fixture
def interest() -> InterestResult:
    # 8000 NOK from 2026-03-02, paid 2026-09-01 (as in docs/notebook.md).
    return no.late_interest(
        Money.of(8000, "NOK"), due_date=dt.date(2026, 3, 2), paid_on=dt.date(2026, 9, 1)
    )


@pytest.fixture
def balance() -> BalanceInterestResult:
    return no.late_interest_on_balance(
        Money.of(8000, "NOK"),
        [
            Payment(amount=Money.of(3000, "NOK"), paid_on=dt.date(2026, 5, 4)),
            Payment(amount=Money.of(1000, "NOK"), paid_on=dt.date(2026, 7, 1)),
        ],
        due_date=dt.date(2026, 3, 2),
        until=dt.date(2026, 9, 1),
    )


@pytest.fixture
def agreement() -> InstalmentAgreement:
    return InstalmentAgreement.plan(
        Money.of("10000", "NOK"),
        count=3,
        signed_on=dt.date(2026, 1, 31),
        roll="NO",
        grace_days=3,
        fee=Money.of("50", "NOK"),
    )


@pytest.fixture
def status(agreement: InstalmentAgreement) -> AgreementStatus:
    return agreement.status(
        [Payment(amount=Money.of("4000", "NOK"), paid_on=dt.date(2026, 2, 2))],
        on=dt.date(2026, 3, 10),
    )


# -- InterestResult -------------------------------------------------------------------------


def test_interest_records_golden(interest):
    records = interest.to_records()
    plain(records, "InterestResult")
    # 121 days x 8000 x 12.00 % / 365 = 318.246575...; 62 days x 8000 x 12.25 % / 365 = 166.465753...
    assert records == [
        {
            "start": dt.date(2026, 3, 2),
            "last_day": dt.date(2026, 6, 30),
            "days": 121,
            "rate": Decimal("12.00"),
            "year_length": 365,
            "principal": Decimal("8000.00"),
            "interest": Decimal("318.246575"),
            "currency": "NOK",
        },
        {
            "start": dt.date(2026, 7, 1),
            "last_day": dt.date(2026, 8, 31),
            "days": 62,
            "rate": Decimal("12.25"),
            "year_length": 365,
            "principal": Decimal("8000.00"),
            "interest": Decimal("166.465753"),
            "currency": "NOK",
        },
    ]
    assert sum(r["days"] for r in records) == interest.days == 183


def test_interest_records_of_a_zero_span_are_empty():
    result = se.late_interest(
        Money.of(100, "SEK"), due_date=dt.date(2026, 3, 2), paid_on=dt.date(2026, 3, 2)
    )
    assert result.to_records() == []
    assert "<tbody></tbody>" in result._repr_html_()


def test_interest_html(interest):
    html = interest._repr_html_()
    assert html.startswith('<table class="inkassorules"><caption>Late interest on 8000.00 NOK')
    assert "<th>Start</th>" in html  # a heading in words
    assert "<th>Last day</th>" in html
    assert '<td class="num">318.25</td>' in html  # as a debtor sees it; records stay exact
    assert "318.246575" not in html
    assert "Total 484.71 NOK: 183 days" in html
    assert "forsinkelsesrenteloven § 3" in html
    assert html.count("<tr>") == 3  # the heading and two periods
    # Each source once, as a link; the scoped style comes with the table.
    assert html.count("<a href=") == len({c.url for c in interest.basis})
    assert "<style>table.inkassorules{" in html


# -- BalanceInterestResult ------------------------------------------------------------------


def test_balance_records_interleave_periods_and_payments(balance):
    records = balance.to_records()
    plain(records, "BalanceInterestResult")
    assert [(r["event"], r["start"].isoformat()) for r in records] == [
        ("interest", "2026-03-02"),
        ("payment", "2026-05-04"),
        ("interest", "2026-05-04"),
        ("payment", "2026-07-01"),
        ("interest", "2026-07-01"),
    ]
    first, pay = records[0], records[1]
    # 63 days x 8000 x 12 % / 365 = 165.698630...; the payment pays 165.70 interest first.
    assert first["interest"] == Decimal("165.698630")
    assert first["balance"] == Decimal("8000.00")
    assert first["paid"] is None
    assert pay["paid"] == Decimal("3000.00")
    assert pay["to_interest"] == Decimal("165.70")
    assert pay["to_principal"] == Decimal("2834.30")
    assert pay["overpayment"] == Decimal("0.00")
    assert pay["days"] == 0
    assert pay["rate"] is None
    assert records[2]["balance"] == Decimal("5165.70")  # 8000 - 2834.30
    # Money is conserved in the records as in the result.
    paid = sum(Decimal(r["paid"]) for r in records if r["event"] == "payment")
    parts = sum(
        Decimal(r[k])
        for r in records
        if r["event"] == "payment"
        for k in ("to_interest", "to_principal", "overpayment")
    )
    assert paid == parts == Decimal(4000)


def test_a_payment_before_the_start_comes_first():
    result = no.late_interest_on_balance(
        Money.of(1000, "NOK"),
        [Payment(amount=Money.of(100, "NOK"), paid_on=dt.date(2026, 2, 1))],
        due_date=dt.date(2026, 3, 2),
        until=dt.date(2026, 4, 1),
    )
    records = result.to_records()
    assert [r["event"] for r in records] == ["payment", "interest"]
    assert records[0]["start"] == dt.date(2026, 3, 2)  # applied on the interest start


def test_balance_html(balance):
    html = balance._repr_html_()
    assert "payments reduce: interest_first" in html
    assert "<td>payment</td>" in html
    assert f"Interest {balance.interest}" in html
    assert html.count("<tr>") == 6


# -- InstalmentAgreement / AgreementStatus --------------------------------------------------


def test_agreement_records(agreement):
    records = agreement.to_records()
    plain(records, "InstalmentAgreement")
    # 10000 / 3 = 3333.33 x 2 + 3333.34; 31 Jan 2026 (Saturday) -> 2 Feb; 28 Feb (Saturday)
    # -> 2 Mar; 31 Mar (Tuesday); deadlines 3 days later.
    assert records == [
        {
            "number": 1,
            "due_date": dt.date(2026, 2, 2),
            "deadline": dt.date(2026, 2, 5),
            "amount": Decimal("3333.33"),
            "currency": "NOK",
        },
        {
            "number": 2,
            "due_date": dt.date(2026, 3, 2),
            "deadline": dt.date(2026, 3, 5),
            "amount": Decimal("3333.33"),
            "currency": "NOK",
        },
        {
            "number": 3,
            "due_date": dt.date(2026, 3, 31),
            "deadline": dt.date(2026, 4, 3),
            "amount": Decimal("3333.34"),
            "currency": "NOK",
        },
    ]


def test_agreement_html(agreement):
    html = agreement._repr_html_()
    assert "Instalment agreement: 10000.00 NOK in 3 instalment(s), signed on 2026-01-31" in html
    assert "grace period 3 day(s); fee 50.00 NOK (not in the total)" in html
    assert '<td class="num">3333.34</td>' in html


def test_status_records(status):
    records = status.to_records()
    plain(records, "AgreementStatus")
    # 4000 paid on 2 Feb: instalment 1 (3333.33) settled, 666.67 towards instalment 2, whose
    # deadline 5 Mar has passed on 10 Mar: overdue.
    assert [
        (r["number"], r["paid"], r["unpaid"], r["settled_on"], r["overdue"]) for r in records
    ] == [
        (1, Decimal("3333.33"), Decimal("0.00"), dt.date(2026, 2, 2), False),
        (2, Decimal("666.67"), Decimal("2666.66"), None, True),
        (3, Decimal("0.00"), Decimal("3333.34"), None, False),
    ]
    assert records[0]["paid_on_time"] is True
    assert records[1]["paid_on_time"] is False


def test_status_html(status):
    html = status._repr_html_()
    assert "status at the end of 2026-03-10" in html
    assert f"paid {status.paid}, overdue {status.overdue}" in html
    assert "<td>yes</td>" in html  # overdue
    assert "oldest instalment first" in html.lower()


def test_html_escapes_text():
    agreement = InstalmentAgreement.plan(
        Money.of("100", "SEK"), count=1, signed_on=dt.date(2026, 1, 5)
    )
    html = agreement._repr_html_()
    assert "<script" not in html
    assert html.count("<table") == 1


# -- JSON round trip ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["interest", "balance", "agreement", "status"])
def test_json_round_trip(name, request):
    value = request.getfixturevalue(name)
    assert structure(unstructure(value), type(value)) == value
    assert from_json(to_json(value), type(value)) == value


@settings(max_examples=30)
@given(
    instalment_agreements(currency="SEK", max_instalments=12),
    st.lists(payments(currency="SEK"), max_size=3),
    st.integers(min_value=0, max_value=800),
)
def test_any_agreement_round_trips_and_its_records_add_up(plan, paid, offset):
    assert structure(unstructure(plan), InstalmentAgreement) == plan
    records = plan.to_records()
    plain(records, "InstalmentAgreement")
    assert sum(Decimal(r["amount"]) for r in records) == plan.total.amount
    assert [r["number"] for r in records] == list(range(1, len(records) + 1))
    # Payments dated from signing; the status on any later day round-trips too.
    moved = [
        Payment(amount=p.amount, paid_on=plan.signed_on + dt.timedelta(days=i))
        for i, p in enumerate(paid)
    ]
    state = plan.status(moved, on=plan.signed_on + dt.timedelta(days=offset))
    assert structure(unstructure(state), AgreementStatus) == state
    rows = state.to_records()
    plain(rows, "AgreementStatus")
    assert sum(Decimal(r["paid"]) for r in rows) == state.paid.amount


@settings(max_examples=30)
@given(
    st.integers(min_value=1, max_value=10**9),
    st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2026, 6, 1)),
    st.integers(min_value=0, max_value=900),
)
def test_any_interest_result_round_trips_and_its_records_cover_the_days(ore, start, days):
    principal = Money.of(Decimal(ore).scaleb(-2), "NOK")
    end = min(start + dt.timedelta(days=days), dt.date(2026, 12, 31))
    # The span as given (roll_due_date=False): the records cover start..end (issue 14 item 5).
    result = no.late_interest(principal, due_date=start, paid_on=end, roll_due_date=False)
    assert structure(unstructure(result), InterestResult) == result
    records = result.to_records()
    plain(records, "InterestResult")
    assert sum(r["days"] for r in records) == max(0, (end - start).days)
    if records:
        assert records[0]["start"] == start
        assert records[-1]["last_day"] == end - dt.timedelta(days=1)


# -- compact repr, explain and HTML of every result type (issue 18 item 1) --------------------


def every_view():
    # One set of example results, those of tests/test_records.py (loaded by path: the suite
    # imports test modules with --import-mode=importlib, so they are not importable by name).
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "_record_examples", Path(__file__).with_name("test_records.py")
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = module.RESULTS
    return {**results, "Step": results["Timeline"].steps[3]}


def test_every_repr_is_one_short_line():
    for name, result in every_view().items():
        text = repr(result)
        assert "\n" not in text, name
        assert len(text) < 200, (name, len(text), text)
        assert text.startswith(name + "("), (name, text)


def test_a_compact_repr_keeps_equality_and_hash():
    views = every_view()
    step = views["Step"]
    assert step == attrs.evolve(step)
    assert hash(step) == hash(attrs.evolve(step))
    assert hash(views["FeeCap"]) == hash(views["Timeline"].steps[1].fee)
    assert "FeeCap(38.00 NOK, 1 reasons" in repr(views["FeeCap"])
    assert repr(views["Claim"]) == "Claim(8000.00 NOK due 2026-03-02, NO consumer)"


def test_every_view_is_styled_readable_and_cites_each_source_once():
    import re

    for name, result in every_view().items():
        html = result._repr_html_()
        assert html.startswith('<table class="inkassorules"><caption>'), name
        assert html.endswith("</style>"), name
        # Scoped CSS: every rule starts with the library's class.
        style = html[html.index("<style>") + 7 : -len("</style>")]
        for selector in re.findall(r"(?:^|})([^{}]+)\{", style):
            assert all(
                s.strip().startswith(("table.inkassorules", ".inkassorules-"))
                for s in selector.split(",")
            ), (name, selector)
        headers = re.findall(r"<th>([^<]*)</th>", html)
        assert headers, name
        assert not [h for h in headers if "_" in h], (name, headers)
        # Money as a debtor sees it: no cell with more than 2 decimals.
        assert not re.search(r"<td[^>]*>-?\d+\.\d{3,}", html), name
        links = re.findall(r'<a href="([^"]+)"', html)
        assert len(links) == len(set(links)), (name, links)


def test_numbers_are_aligned_right_and_text_left(interest):
    html = interest._repr_html_()
    assert '<td class="num">121</td>' in html  # days
    assert "<td>NOK</td>" in html  # currency: text


def test_a_timeline_view_has_seven_columns_and_the_rest_in_a_tooltip():
    timeline = every_view()["Timeline"]
    html = timeline._repr_html_()
    heads = html[html.index("<thead>") : html.index("</thead>")]
    assert heads.count("<th>") == 7
    assert "<th>Planned on</th>" in heads
    assert "<th>Total</th>" in heads
    assert 'title="Step: reminder; Earliest lawful: 2026-03-' in html
    # The sources of all steps, each once, as links.
    cited = {c.url for s in timeline.steps for c in s.basis} | {c.url for c in timeline.basis}
    for url in cited:
        assert html.count(f'<a href="{url}"') == 1


def test_next_step_explains_the_step_and_cites_its_sources():
    answer = every_view()["NextStep"]
    text = answer.explain()
    assert text.splitlines()[0] == answer.reason
    assert "as of 2026-03-20" in text
    assert "fee " in text
    for citation in answer.step.basis:
        assert text.count(str(citation)) == 1
