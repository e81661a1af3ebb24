"""Forsinkelsesrente (Norway): rates on the day before and the day of each change, interest start,
the published-rate horizon, and interest on a changing balance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from inkassorules.claims import Payment
from inkassorules.errors import (
    CurrencyMismatch,
    InvalidInput,
    NotInForce,
    RateNotPublished,
    RuleRefused,
)
from inkassorules.interest import DayCount
from inkassorules.law import builtin
from inkassorules.money import Money
from inkassorules.no.interest import (
    interest_start,
    late_interest,
    late_interest_on_balance,
    late_interest_rate,
    late_interest_rate_entry,
)

D = dt.date
NOK = "NOK"

# Every change in no.interest.late_interest_rate (norway.md 5.3): (first day, rate, rate the day before)
CHANGES = [
    (D(2004, 1, 1), "9.25", "12.00"),
    (D(2004, 7, 1), "8.75", "9.25"),
    (D(2005, 7, 1), "9.00", "8.75"),
    (D(2006, 1, 1), "9.25", "9.00"),
    (D(2006, 7, 1), "9.75", "9.25"),
    (D(2007, 1, 1), "10.50", "9.75"),
    (D(2007, 7, 1), "11.50", "10.50"),
    (D(2008, 1, 1), "12.25", "11.50"),
    (D(2008, 7, 1), "12.75", "12.25"),
    (D(2009, 1, 1), "10.00", "12.75"),
    (D(2009, 7, 1), "8.25", "10.00"),
    (D(2010, 1, 1), "8.75", "8.25"),
    (D(2010, 7, 1), "9.00", "8.75"),
    (D(2011, 7, 1), "9.25", "9.00"),
    (D(2012, 1, 1), "8.75", "9.25"),
    (D(2012, 7, 1), "8.50", "8.75"),
    (D(2013, 7, 1), "9.50", "8.50"),
    (D(2015, 1, 1), "9.25", "9.50"),
    (D(2015, 7, 1), "9.00", "9.25"),
    (D(2016, 1, 1), "8.75", "9.00"),
    (D(2016, 7, 1), "8.50", "8.75"),
    (D(2019, 1, 1), "8.75", "8.50"),
    (D(2019, 7, 1), "9.25", "8.75"),
    (D(2020, 1, 1), "9.50", "9.25"),
    (D(2020, 7, 1), "8.00", "9.50"),
    (D(2022, 1, 1), "8.50", "8.00"),
    (D(2022, 7, 1), "9.25", "8.50"),
    (D(2023, 1, 1), "10.75", "9.25"),
    (D(2023, 7, 1), "11.75", "10.75"),
    (D(2024, 1, 1), "12.50", "11.75"),
    (D(2025, 7, 1), "12.25", "12.50"),
    (D(2026, 1, 1), "12.00", "12.25"),
    (D(2026, 7, 1), "12.25", "12.00"),
]


@pytest.mark.parametrize(("first_day", "rate", "before"), CHANGES, ids=str)
def test_rate_on_the_day_before_and_the_day_of_each_change(first_day, rate, before):
    assert late_interest_rate(on=first_day) == Decimal(rate)
    assert late_interest_rate(on=first_day - dt.timedelta(days=1)) == Decimal(before)


def test_rate_table_starts_1994_with_fixed_12_percent():
    assert late_interest_rate(on=D(1994, 1, 1)) == Decimal("12.00")
    assert late_interest_rate(on=D(2003, 12, 31)) == Decimal("12.00")
    with pytest.raises(NotInForce, match="1994-01-01"):
        late_interest_rate(on=D(1993, 12, 31))


def test_2026_h2_is_medium_confidence_and_results_say_so():
    entry = late_interest_rate_entry(on=D(2026, 7, 1))
    assert entry.citation.confidence == "medium"
    result = late_interest(
        Money.of(1000, NOK), due_date=D(2026, 6, 1), paid_on=D(2026, 8, 1), roll_due_date=False
    )
    assert result.provisional
    assert not late_interest(
        Money.of(1000, NOK), due_date=D(2026, 1, 1), paid_on=D(2026, 7, 1), roll_due_date=False
    ).provisional


def test_after_the_last_published_half_year_raises_rate_not_published():
    with pytest.raises(RateNotPublished) as caught:
        late_interest_rate(on=D(2027, 1, 1))
    assert caught.value.half_year == "2027 H1"
    assert "2027 H1" in str(caught.value)
    assert "LawBook.extend('no.interest.late_interest_rate'" in str(caught.value)
    # the last interest day is paid_on - 1: paying on 2027-01-01 needs no 2027 rate
    late_interest(
        Money.of(1000, NOK), due_date=D(2026, 12, 1), paid_on=D(2027, 1, 1), roll_due_date=False
    )
    with pytest.raises(RateNotPublished, match="2027 H1"):
        late_interest(
            Money.of(1000, NOK),
            due_date=D(2026, 12, 1),
            paid_on=D(2027, 1, 2),
            roll_due_date=False,
        )


def test_an_extended_law_book_supplies_the_next_half_year():
    book = builtin().extend(
        "no.interest.late_interest_rate",
        [
            {
                "valid_from": D(2027, 1, 1),
                "value": Decimal("11.75"),
                "citation": "forsinkelsesrenteloven § 3; test regulation",
                "url": "https://lovdata.no/",
            }
        ],
    )
    assert late_interest_rate(on=D(2027, 6, 30), law=book) == Decimal("11.75")
    result = late_interest(
        Money.of(36500, NOK),
        due_date=D(2026, 12, 31),
        paid_on=D(2027, 1, 2),
        law=book,
        roll_due_date=False,
    )
    # 36500 x 12.25 % x 1/365 = 12.25; 36500 x 11.75 % x 1/365 = 11.75
    assert [(p.start, p.days, p.rate) for p in result.periods] == [
        (D(2026, 12, 31), 1, Decimal("12.25")),
        (D(2027, 1, 1), 1, Decimal("11.75")),
    ]
    assert result.amount == Money.of("24.00", NOK)
    with pytest.raises(RateNotPublished, match="2027 H2"):
        late_interest_rate(on=D(2027, 7, 1), law=book)


def test_day_count_is_365_or_366_per_calendar_year():
    # 36600 x 10 % ... use 2024 H1 (12.50): 36600 x 12.5 % x 1/366 = 12.50 exactly
    leap = late_interest(
        Money.of(36600, NOK), due_date=D(2024, 2, 29), paid_on=D(2024, 3, 1), roll_due_date=False
    )
    assert leap.amount == Money.of("12.50", NOK)
    assert leap.day_count is DayCount.ACTUAL_ACTUAL_ISDA
    # 2023 H2 (11.75): 36500 x 11.75 % x 1/365 = 11.75
    normal = late_interest(
        Money.of(36500, NOK), due_date=D(2023, 12, 31), paid_on=D(2024, 1, 1), roll_due_date=False
    )
    assert normal.amount == Money.of("11.75", NOK)


def test_zero_when_paid_on_or_before_the_due_date():
    for paid_on in (D(2025, 3, 1), D(2025, 2, 1), D(1980, 1, 1)):
        result = late_interest(
            Money.of(1000, NOK), due_date=D(2025, 3, 1), paid_on=paid_on, roll_due_date=False
        )
        assert result.amount == Money.zero(NOK)
        assert result.periods == ()
        assert result.basis == ()


def test_one_day_late_is_one_day_of_interest():
    # 36500 x 12.50 % x 1/365 = 12.50
    result = late_interest(
        Money.of(36500, NOK), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 4), roll_due_date=False
    )
    assert result.amount == Money.of("12.50", NOK)


def test_bad_arguments():
    with pytest.raises(CurrencyMismatch):
        late_interest(
            Money.of(1, "SEK"), due_date=D(2025, 1, 1), paid_on=D(2025, 2, 1), roll_due_date=False
        )
    with pytest.raises(InvalidInput):
        late_interest("1000", due_date=D(2025, 1, 1), paid_on=D(2025, 2, 1), roll_due_date=False)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        late_interest(
            Money.of(1, NOK), due_date="2025-01-01", paid_on=D(2025, 2, 1), roll_due_date=False
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        late_interest_rate(on=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))


# -- interest start (forsinkelsesrenteloven § 2) -------------------------------------------------


def test_start_from_a_due_date_on_a_business_day():
    start = interest_start(due_date=D(2026, 3, 2))
    assert start.start == D(2026, 3, 2)
    assert "forsinkelsesrenteloven § 2" in start.explain()


def test_start_from_a_due_date_rolled_by_gjeldsbrevloven_5():
    # Saturday 2026-05-16 and Sunday 17 May -> Monday 2026-05-18
    start = interest_start(due_date=D(2026, 5, 16))
    assert start.start == D(2026, 5, 18)
    assert "gjeldsbrevloven" in start.explain()
    assert interest_start(due_date=D(2026, 5, 16), roll_due_date=False).start == D(2026, 5, 16)


def test_rolled_start_feeds_late_interest():
    start = interest_start(due_date=D(2026, 5, 16)).start
    # paid Tuesday 2026-05-19: one day; 36500 x 12.00 % x 1/365 = 12.00
    result = late_interest(
        Money.of(36500, NOK), due_date=start, paid_on=D(2026, 5, 19), roll_due_date=False
    )
    assert result.amount == Money.of("12.00", NOK)


def test_start_30_days_after_a_written_demand_from_2004():
    assert interest_start(demand_sent_on=D(2004, 1, 1)).start == D(2004, 1, 31)
    assert interest_start(demand_sent_on=D(2026, 1, 31)).start == D(2026, 3, 2)
    # a due date fixed in advance wins over a demand
    assert interest_start(due_date=D(2026, 3, 2), demand_sent_on=D(2026, 1, 1)).start == D(
        2026, 3, 2
    )


def test_start_one_month_after_a_demand_before_2004():
    # day before the 2004-01-01 change: "en måned" (add_months clipping)
    start = interest_start(demand_sent_on=D(2003, 12, 31))
    assert start.start == D(2004, 1, 31)
    assert start.provisional  # the one-month entry is medium confidence
    assert interest_start(demand_sent_on=D(2003, 1, 31)).start == D(2003, 2, 28)
    assert interest_start(demand_sent_on=D(2003, 3, 1)).start == D(
        2003, 4, 1
    )  # 30 days would be 03-31
    with pytest.raises(NotInForce):
        interest_start(demand_sent_on=D(1993, 12, 31))


def test_electronic_demand_needs_the_debtors_express_acceptance():
    with pytest.raises(RuleRefused, match="forsinkelsesrenteloven § 2"):
        interest_start(demand_sent_on=D(2026, 3, 2), demand_electronic=True)
    start = interest_start(
        demand_sent_on=D(2026, 3, 2), demand_electronic=True, debtor_accepted_electronic=True
    )
    assert start.start == D(2026, 4, 1)


def test_start_needs_a_due_date_or_a_demand():
    with pytest.raises(InvalidInput, match="due_date"):
        interest_start()


# -- changing balance ---------------------------------------------------------------------------


def test_balance_golden_case_with_a_partial_payment():
    # 10000 from 2025-03-01; 5000 paid 2025-07-01 reduces the principal:
    # 10000 x 12.50 % x 122/365 = 417.808219...; 5000 x 12.25 % x 62/365 = 104.041095...;
    # total 521.849315... -> 521.85
    result = late_interest_on_balance(
        Money.of(10000, NOK),
        [Payment(amount=Money.of(5000, NOK), paid_on=D(2025, 7, 1))],
        due_date=D(2025, 3, 1),
        until=D(2025, 9, 1),
        payments_reduce="principal",
        roll_due_date=False,
    )
    assert result.interest == Money.of("521.85", NOK)
    assert result.principal_outstanding == Money.of(5000, NOK)
    assert result.interest_outstanding == Money.of("521.85", NOK)


def test_balance_default_applies_payments_to_interest_first():
    # The default follows the allocation order costs -> interest -> principal (issue 5).
    kwargs = {
        "due_date": D(2025, 3, 1),
        "until": D(2025, 9, 1),
    }
    payments = [Payment(amount=Money.of(5000, NOK), paid_on=D(2025, 7, 1))]
    assert late_interest_on_balance(Money.of(10000, NOK), payments, **kwargs) == (
        late_interest_on_balance(
            Money.of(10000, NOK), payments, payments_reduce="interest_first", **kwargs
        )
    )


def test_balance_interest_first_golden_case():
    # 417.81 accrued (rounded) by 2025-07-01 is paid first, 4582.19 reduces the principal to
    # 5417.81; 5417.81 x 12.25 % x 62/365 = 112.734... ; total 417.808219... + 112.734...
    # = 530.542... -> 530.54; outstanding interest 530.54 - 417.81 = 112.73
    result = late_interest_on_balance(
        Money.of(10000, NOK),
        [Payment(amount=Money.of(5000, NOK), paid_on=D(2025, 7, 1))],
        due_date=D(2025, 3, 1),
        until=D(2025, 9, 1),
        payments_reduce="interest_first",
        roll_due_date=False,
    )
    (app,) = result.applications
    assert app.to_interest == Money.of("417.81", NOK)
    assert app.to_principal == Money.of("4582.19", NOK)
    assert result.interest == Money.of("530.54", NOK)
    assert result.interest_outstanding == Money.of("112.73", NOK)


def test_balance_zero_span_and_currency():
    result = late_interest_on_balance(
        Money.of(100, NOK), [], due_date=D(1990, 1, 1), until=D(1990, 1, 1), roll_due_date=False
    )
    assert result.interest == Money.zero(NOK)
    with pytest.raises(CurrencyMismatch):
        late_interest_on_balance(
            Money.of(100, "SEK"),
            [],
            due_date=D(2025, 1, 1),
            until=D(2025, 2, 1),
            roll_due_date=False,
        )


# -- issue 14 item 5: a due date on a non-business day is rolled by default ---------------------
# gjeldsbrevloven § 5 ("blir forfallsdagen utdrygd til yrkedagen etter"): due Saturday
# 2026-06-20 -> forfall Monday 2026-06-22; a payment on the Monday is on time.


def test_late_interest_rolls_a_saturday_due_date_by_default():
    # Paid Monday 22 June, the day of forfall: no interest (before: 2 days charged).
    on_time = late_interest(Money.of(36500, NOK), due_date=D(2026, 6, 20), paid_on=D(2026, 6, 22))
    assert on_time.amount == Money.zero(NOK)
    # Paid Tuesday 23 June, the day after: one day, 36500 x 12.00 % x 1/365 = 12.00.
    late = late_interest(Money.of(36500, NOK), due_date=D(2026, 6, 20), paid_on=D(2026, 6, 23))
    assert late.amount == Money.of("12.00", NOK)
    assert late.start == D(2026, 6, 22)
    # Opt out: the Saturday itself is the first interest day, 3 days = 36.00.
    given = late_interest(
        Money.of(36500, NOK), due_date=D(2026, 6, 20), paid_on=D(2026, 6, 23), roll_due_date=False
    )
    assert given.amount == Money.of("36.00", NOK)


def test_late_interest_on_a_business_day_due_date_is_unchanged():
    # Friday 19 June is a business day: paid Monday 22 June = 3 days, 36500 x 12 % x 3/365 = 36.
    result = late_interest(Money.of(36500, NOK), due_date=D(2026, 6, 19), paid_on=D(2026, 6, 22))
    assert result.amount == Money.of("36.00", NOK)
    assert result.start == D(2026, 6, 19)


def test_late_interest_on_balance_rolls_too():
    # 17 May 2026 is a Sunday (and a holiday): forfall Monday 18 May. Until 18 May: nothing;
    # until 19 May: 36500 x 12 % x 1/365 = 12.00.
    kw = {"due_date": D(2026, 5, 17)}
    assert late_interest_on_balance(
        Money.of(36500, NOK), [], until=D(2026, 5, 18), **kw
    ).interest == Money.zero(NOK)
    assert late_interest_on_balance(
        Money.of(36500, NOK), [], until=D(2026, 5, 19), **kw
    ).interest == Money.of("12.00", NOK)


def test_roll_due_date_must_be_a_bool():
    with pytest.raises(InvalidInput, match="roll_due_date"):
        late_interest(
            Money.of(1, NOK),
            due_date=D(2026, 6, 20),
            paid_on=D(2026, 6, 23),
            roll_due_date="yes",  # type: ignore[arg-type]
        )


def test_rolling_a_due_date_before_the_calendar_is_refused():
    # The business-day calendar starts 2000-01-01: rolling 1999-12-31 is NotInForce, not a guess.
    with pytest.raises(NotInForce, match="business_days"):
        late_interest(Money.of(100, NOK), due_date=D(1999, 12, 31), paid_on=D(2000, 2, 1))


# -- issue 14 item 16: the day-boundary convention across a rate change ------------------------
# Each interest day d with due_date <= d < paid_on is charged at the rate in force on d (FRL § 2
# "fra forfallsdag"; § 3: the half-year's rate from 1 January / 1 July). 2025 H1 12.50 %, H2
# 12.25 % (norway.md 5.3): 36500 NOK earns 12.50 NOK a day in H1, 12.25 in H2.


def test_the_day_before_a_rate_change_is_charged_at_the_old_rate():
    # Due Monday 30 June, paid Tuesday 1 July: one interest day, 30 June, at 12.50 %.
    result = late_interest(Money.of(36500, NOK), due_date=D(2025, 6, 30), paid_on=D(2025, 7, 1))
    assert result.amount == Money.of("12.50", NOK)
    assert [(p.start, p.last_day, str(p.rate)) for p in result.periods] == [
        (D(2025, 6, 30), D(2025, 6, 30), "12.50")
    ]


def test_the_change_day_itself_is_charged_at_the_new_rate():
    # Due Tuesday 1 July, paid Wednesday 2 July: one interest day, 1 July, at 12.25 %.
    result = late_interest(Money.of(36500, NOK), due_date=D(2025, 7, 1), paid_on=D(2025, 7, 2))
    assert result.amount == Money.of("12.25", NOK)
    # Across it: 30 June at 12.50 + 1 July at 12.25 = 24.75; the payment day 2 July is not charged.
    across = late_interest(Money.of(36500, NOK), due_date=D(2025, 6, 30), paid_on=D(2025, 7, 2))
    assert across.amount == Money.of("24.75", NOK)
    assert [p.days for p in across.periods] == [1, 1]


def test_paid_on_the_change_day_stops_before_it():
    # Due Friday 27 June, paid on 1 July: 27, 28, 29, 30 June at 12.50 = 50.00, nothing at 12.25.
    result = late_interest(Money.of(36500, NOK), due_date=D(2025, 6, 27), paid_on=D(2025, 7, 1))
    assert result.amount == Money.of("50.00", NOK)
    assert {str(p.rate) for p in result.periods} == {"12.50"}


def test_a_rolled_due_date_is_cited():
    # The business-day rule (gjeldsbrevloven § 5) joins the basis only when the day moved.
    moved = late_interest(Money.of(36500, NOK), due_date=D(2026, 6, 20), paid_on=D(2026, 6, 23))
    assert any("gjeldsbrevloven" in c.rule for c in moved.basis)
    kept = late_interest(Money.of(36500, NOK), due_date=D(2026, 6, 19), paid_on=D(2026, 6, 23))
    assert not any("gjeldsbrevloven" in c.rule for c in kept.basis)
