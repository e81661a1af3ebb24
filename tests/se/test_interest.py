"""Dröjsmålsränta (Sweden): rate = referensränta + 8 on the day before and the day of each change,
the 2002-07-01 start, the published-rate horizon, interest start (3-4 §§) and day counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from inkassorules.claims import DebtorKind, Payment
from inkassorules.errors import (
    CurrencyMismatch,
    DataFileError,
    InvalidInput,
    NotInForce,
    RateNotPublished,
    RuleRefused,
)
from inkassorules.interest import DayCount
from inkassorules.law import builtin
from inkassorules.money import WHOLE_UNIT, Money
from inkassorules.se.interest import (
    interest_start,
    late_interest,
    late_interest_on_balance,
    late_interest_rate,
    late_interest_rate_in_force,
)

D = dt.date
SEK = "SEK"

# Every change of dröjsmålsränta (sweden.md 3.2): (first day, rate, rate the day before)
CHANGES = [
    (D(2003, 1, 1), "12.00", "12.50"),
    (D(2003, 7, 1), "11.00", "12.00"),
    (D(2004, 7, 1), "10.00", "11.00"),
    (D(2005, 7, 1), "9.50", "10.00"),
    (D(2006, 7, 1), "10.50", "9.50"),
    (D(2007, 1, 1), "11.00", "10.50"),
    (D(2007, 7, 1), "11.50", "11.00"),
    (D(2008, 1, 1), "12.00", "11.50"),
    (D(2008, 7, 1), "12.50", "12.00"),
    (D(2009, 1, 1), "10.00", "12.50"),
    (D(2009, 7, 1), "8.50", "10.00"),
    (D(2011, 1, 1), "9.50", "8.50"),
    (D(2011, 7, 1), "10.00", "9.50"),
    (D(2012, 7, 1), "9.50", "10.00"),
    (D(2013, 1, 1), "9.00", "9.50"),
    (D(2015, 1, 1), "8.00", "9.00"),
    (D(2016, 7, 1), "7.50", "8.00"),
    (D(2019, 7, 1), "8.00", "7.50"),
    (D(2022, 7, 1), "8.50", "8.00"),
    (D(2023, 1, 1), "10.50", "8.50"),
    (D(2023, 7, 1), "11.50", "10.50"),
    (D(2024, 1, 1), "12.00", "11.50"),
    (D(2025, 1, 1), "11.00", "12.00"),
    (D(2025, 7, 1), "10.00", "11.00"),
]


@pytest.mark.parametrize(("first_day", "rate", "before"), CHANGES, ids=str)
def test_rate_on_the_day_before_and_the_day_of_each_change(first_day, rate, before):
    assert late_interest_rate(on=first_day) == Decimal(rate)
    assert late_interest_rate(on=first_day - dt.timedelta(days=1)) == Decimal(before)


def test_rate_is_reference_rate_plus_eight_and_cites_both():
    quote = late_interest_rate_in_force(on=D(2017, 3, 1))
    assert quote.rate == Decimal("7.50")  # -0.50 + 8: positive although the referensränta was not
    assert quote.valid_until == D(2017, 6, 30)
    assert [c.parameter for c in quote.basis] == [
        "se.interest.reference_rate",
        "se.interest.margin",
    ]


def test_the_table_starts_2002_07_01():
    assert late_interest_rate(on=D(2002, 7, 1)) == Decimal("12.50")
    with pytest.raises(NotInForce, match="2002-07-01"):
        late_interest_rate(on=D(2002, 6, 30))


def test_a_span_crossing_2002_07_01_raises_not_in_force():
    with pytest.raises(NotInForce) as caught:
        late_interest(
            Money.of(10000, SEK),
            due_date=D(2002, 6, 15),
            paid_on=D(2002, 8, 1),
            roll_due_date=False,
        )
    assert not isinstance(caught.value, RateNotPublished)
    assert caught.value.on == D(2002, 6, 15)


def test_after_the_last_published_half_year_raises_rate_not_published():
    # 2026 H2 referensränta NOT FOUND (sweden.md 3.2): the table ends 2026-06-30
    assert late_interest_rate(on=D(2026, 6, 30)) == Decimal("10.00")
    with pytest.raises(RateNotPublished) as caught:
        late_interest_rate(on=D(2026, 7, 1))
    assert caught.value.half_year == "2026 H2"
    message = str(caught.value)
    assert "2026 H2" in message
    assert "LawBook.extend('se.interest.reference_rate'" in message
    late_interest(
        Money.of(1000, SEK), due_date=D(2026, 6, 1), paid_on=D(2026, 7, 1), roll_due_date=False
    )
    with pytest.raises(RateNotPublished, match="2026 H2"):
        late_interest(
            Money.of(1000, SEK), due_date=D(2026, 6, 1), paid_on=D(2026, 7, 2), roll_due_date=False
        )


def test_an_extended_law_book_supplies_the_2026_h2_reference_rate():
    book = builtin().extend(
        "se.interest.reference_rate",
        [
            {
                "valid_from": D(2026, 7, 1),
                "value": Decimal("2.00"),
                "citation": "9 § räntelagen (1975:635); Riksbanken (supplied by the caller)",
                "url": "https://www.riksbank.se/",
            }
        ],
    )
    assert late_interest_rate(on=D(2026, 12, 31), law=book) == Decimal("10.00")
    # 10000 x 10 % x (30 + 31)/365 = 6100/36.5 = 167.123287... -> 167.12
    result = late_interest(
        Money.of(10000, SEK),
        due_date=D(2026, 6, 1),
        paid_on=D(2026, 8, 1),
        law=book,
        roll_due_date=False,
    )
    assert [p.days for p in result.periods] == [30, 31]
    assert result.amount == Money.of("167.12", SEK)
    with pytest.raises(RateNotPublished, match="2027 H1"):
        late_interest_rate(on=D(2027, 1, 1), law=book)


def test_kronofogden_example_and_how_to_reproduce_it():
    # sweden.md 3.3: 6 780 kr, 8 %, 2021-01-01 -> 2021-04-20, Kronofogden: 163 kr (110 days,
    # both end days counted). The library counts paid_on - due_date = 109 days:
    # 6780 x 0.08 x 109/365 = 161.976986... -> 161.98
    ours = late_interest(
        Money.of(6780, SEK), due_date=D(2021, 1, 1), paid_on=D(2021, 4, 20), roll_due_date=False
    )
    assert ours.days == 109
    assert ours.amount == Money.of("161.98", SEK)
    # Reproduce Kronofogden: count 2021-01-01 too by starting a day earlier (2020 H2 is 8 % too):
    # 6780 x 0.08 x 110/365 = 163.463013... -> 163.46, shown in whole kronor: 163
    theirs = late_interest(
        Money.of(6780, SEK), due_date=D(2020, 12, 31), paid_on=D(2021, 4, 20), roll_due_date=False
    )
    assert theirs.days == 110
    assert theirs.amount.rounded(to=WHOLE_UNIT) == Money.of(163, SEK)


def test_day_count_default_and_caller_choice():
    default = late_interest(Money.of(36500, SEK), due_date=D(2024, 3, 1), paid_on=D(2024, 3, 2))
    # 2024 is a leap year, but the SE default is actual/365: 36500 x 12 % x 1/365 = 12.00
    assert default.day_count is DayCount.ACTUAL_365_FIXED
    assert default.amount == Money.of("12.00", SEK)
    assert any(c.parameter == "se.interest.day_count" for c in default.basis)
    leap = late_interest(
        Money.of(36600, SEK),
        due_date=D(2024, 3, 1),
        paid_on=D(2024, 3, 2),
        day_count=DayCount.ACTUAL_ACTUAL_ISDA,
        roll_due_date=False,
    )
    # 36600 x 12 % x 1/366 = 12.00
    assert leap.amount == Money.of("12.00", SEK)
    assert not any(c.parameter == "se.interest.day_count" for c in leap.basis)
    with pytest.raises(InvalidInput, match="DayCount"):
        late_interest(
            Money.of(1, SEK),
            due_date=D(2024, 3, 1),
            paid_on=D(2024, 3, 2),
            day_count="actual/360",  # type: ignore[arg-type], roll_due_date=False
        )


def test_zero_when_paid_on_or_before_the_due_date():
    for paid_on in (D(2025, 3, 1), D(1999, 1, 1)):
        result = late_interest(
            Money.of(1000, SEK), due_date=D(2025, 3, 1), paid_on=paid_on, roll_due_date=False
        )
        assert result.amount == Money.zero(SEK)
        assert result.periods == ()


def test_bad_arguments():
    with pytest.raises(CurrencyMismatch):
        late_interest(
            Money.of(1, "NOK"), due_date=D(2025, 1, 1), paid_on=D(2025, 2, 1), roll_due_date=False
        )
    with pytest.raises(InvalidInput):
        late_interest(1, due_date=D(2025, 1, 1), paid_on=D(2025, 2, 1), roll_due_date=False)  # type: ignore[arg-type]


# -- interest start (3-4 §§ räntelagen) ----------------------------------------------------------


def test_start_from_a_due_date_rolled_by_skuldebrevslagen_5():
    assert interest_start(due_date=D(2026, 3, 2)).start == D(2026, 3, 2)
    rolled = interest_start(due_date=D(2026, 12, 24))  # julafton -> Monday 28 December
    assert rolled.start == D(2026, 12, 28)
    assert "skuldebrevslagen" in rolled.explain()
    assert interest_start(due_date=D(2026, 12, 24), roll_due_date=False).start == D(2026, 12, 24)


def test_start_30_days_after_a_demand_with_warning_from_2002_07_01():
    start = interest_start(
        demand_sent_on=D(2002, 7, 1), debtor_kind=DebtorKind.CONSUMER, interest_warning_given=True
    )
    assert start.start == D(2002, 7, 31)
    assert "SFS 2002:352" in start.explain()


def test_start_one_month_after_a_demand_before_2002_07_01():
    # the day before the change: "en månad"
    start = interest_start(
        demand_sent_on=D(2002, 6, 30), debtor_kind=DebtorKind.CONSUMER, interest_warning_given=True
    )
    assert start.start == D(2002, 7, 30)
    clipped = interest_start(
        demand_sent_on=D(2001, 1, 31), debtor_kind=DebtorKind.CONSUMER, interest_warning_given=True
    )
    assert clipped.start == D(2001, 2, 28)
    with pytest.raises(NotInForce):
        interest_start(
            demand_sent_on=D(1999, 12, 31),
            debtor_kind=DebtorKind.CONSUMER,
            interest_warning_given=True,
        )


def test_consumer_demand_without_warning_starts_no_interest():
    with pytest.raises(RuleRefused, match="4 §"):
        interest_start(demand_sent_on=D(2026, 3, 2), debtor_kind=DebtorKind.CONSUMER)
    # a business creditor against a consumer still needs the warning
    with pytest.raises(RuleRefused):
        interest_start(
            demand_sent_on=D(2026, 3, 2),
            debtor_kind=DebtorKind.CONSUMER,
            creditor_is_business=True,
        )


def test_business_to_business_needs_no_warning_from_2002_07_01():
    for debtor in (DebtorKind.BUSINESS, DebtorKind.PUBLIC_BODY):
        start = interest_start(
            demand_sent_on=D(2002, 7, 1), debtor_kind=debtor, creditor_is_business=True
        )
        assert start.start == D(2002, 7, 31)
    # before SFS 2002:352 the exemption did not exist
    with pytest.raises(RuleRefused):
        interest_start(
            demand_sent_on=D(2002, 6, 30),
            debtor_kind=DebtorKind.BUSINESS,
            creditor_is_business=True,
        )
    # a private creditor against a business still needs it
    with pytest.raises(RuleRefused):
        interest_start(demand_sent_on=D(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS)


def test_interest_runs_at_the_latest_from_delgivning():
    no_warning = interest_start(
        demand_sent_on=D(2026, 3, 2), debtor_kind=DebtorKind.CONSUMER, served_on=D(2026, 9, 1)
    )
    assert no_warning.start == D(2026, 9, 1)
    assert "4 § 4 st" in no_warning.explain()
    earlier = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.CONSUMER,
        interest_warning_given=True,
        served_on=D(2026, 3, 20),
    )
    assert earlier.start == D(2026, 3, 20)
    assert interest_start(served_on=D(2026, 5, 5)).start == D(2026, 5, 5)
    assert interest_start(due_date=D(2026, 3, 2), served_on=D(2026, 5, 5)).start == D(2026, 3, 2)


def test_a_malformed_demand_record_is_a_data_error():
    book = builtin().extend(
        "se.interest.demand_period",
        [
            {
                "valid_from": D(2027, 1, 1),
                "value": {"days": 30},
                "citation": "4 § räntelagen (test)",
                "url": "https://lagen.nu/1975:635",
            }
        ],
    )
    with pytest.raises(DataFileError, match="b2b_warning_exempt"):
        interest_start(
            demand_sent_on=D(2027, 1, 2),
            debtor_kind=DebtorKind.CONSUMER,
            interest_warning_given=True,
            law=book,
        )


def test_start_argument_errors():
    with pytest.raises(InvalidInput, match="due_date"):
        interest_start()
    with pytest.raises(InvalidInput, match="debtor_kind"):
        interest_start(demand_sent_on=D(2026, 3, 2), interest_warning_given=True)


# -- changing balance ---------------------------------------------------------------------------


def test_balance_with_payments_and_day_count_choice():
    # 10000 from 2025-01-01 at 11 %; 4000 paid 2025-04-01 (90 days) reduces the principal:
    # 10000 x 0.11 x 90/365 = 271.232876...; 6000 x 0.11 x 91/365 = 164.547945...;
    # 6000 x 0.10 x 184/365 = 302.465753...; total 738.246575... -> 738.25
    result = late_interest_on_balance(
        Money.of(10000, SEK),
        [Payment(amount=Money.of(4000, SEK), paid_on=D(2025, 4, 1))],
        due_date=D(2025, 1, 1),
        until=D(2026, 1, 1),
        payments_reduce="principal",
        roll_due_date=False,
    )
    assert [p.days for p in result.periods] == [90, 91, 184]
    assert result.interest == Money.of("738.25", SEK)
    # same with actual/360: 10000 x 0.11 x 90/360 = 275.00; 6000 x 0.11 x 91/360 = 166.8333...;
    # 6000 x 0.10 x 184/360 = 306.6666...; total 748.50 exactly
    alt = late_interest_on_balance(
        Money.of(10000, SEK),
        [Payment(amount=Money.of(4000, SEK), paid_on=D(2025, 4, 1))],
        due_date=D(2025, 1, 1),
        until=D(2026, 1, 1),
        day_count=DayCount.ACTUAL_360,
        payments_reduce="principal",
        roll_due_date=False,
    )
    assert alt.interest == Money.of("748.50", SEK)


def test_balance_zero_span_and_currency():
    assert late_interest_on_balance(
        Money.of(1, SEK), [], due_date=D(1990, 1, 1), until=D(1989, 1, 1), roll_due_date=False
    ).interest == Money.zero(SEK)
    with pytest.raises(CurrencyMismatch):
        late_interest_on_balance(
            Money.of(1, "NOK"),
            [],
            due_date=D(2025, 1, 1),
            until=D(2025, 2, 1),
            roll_due_date=False,
        )


# -- issue 14 item 5: a due date that is not a vardag is rolled by default ----------------------
# skuldebrevslagen 5 § 2 st (sweden.md 6): Saturday 2026-01-31 -> Monday 2026-02-02.


def test_late_interest_rolls_a_saturday_due_date_by_default():
    # Paid Monday 2 February, the rolled due date: on time (before: 2 days charged).
    on_time = late_interest(Money.of(36500, SEK), due_date=D(2026, 1, 31), paid_on=D(2026, 2, 2))
    assert on_time.amount == Money.zero(SEK)
    # Paid Tuesday 3 February: one day, 36500 x 10.00 % x 1/365 = 10.00 (referensränta 2 + 8).
    late = late_interest(Money.of(36500, SEK), due_date=D(2026, 1, 31), paid_on=D(2026, 2, 3))
    assert late.amount == Money.of("10.00", SEK)
    assert late.start == D(2026, 2, 2)
    given = late_interest(
        Money.of(36500, SEK), due_date=D(2026, 1, 31), paid_on=D(2026, 2, 3), roll_due_date=False
    )
    assert given.amount == Money.of("30.00", SEK)  # 3 days from the Saturday


def test_late_interest_rolls_midsommarafton():
    # Midsommarafton 2026-06-19 is not a vardag (lag 1930:173 2 §; skuldebrevslagen 5 §):
    # Monday 22 June; paid that day: nothing; Thursday 18 June, a vardag, is not moved.
    assert late_interest(
        Money.of(36500, SEK), due_date=D(2026, 6, 19), paid_on=D(2026, 6, 22)
    ).amount == Money.zero(SEK)
    # 18 June to 22 June: 4 days x 10.00 = 40.00
    assert late_interest(
        Money.of(36500, SEK), due_date=D(2026, 6, 18), paid_on=D(2026, 6, 22)
    ).amount == Money.of("40.00", SEK)


def test_late_interest_on_balance_rolls_too():
    kw = {"due_date": D(2026, 1, 31)}
    assert late_interest_on_balance(
        Money.of(36500, SEK), [], until=D(2026, 2, 2), **kw
    ).interest == Money.zero(SEK)
    assert late_interest_on_balance(
        Money.of(36500, SEK), [], until=D(2026, 2, 3), **kw
    ).interest == Money.of("10.00", SEK)


# -- issue 14 item 2: no interest before the due date (2 § räntelagen) ---------------------------


def test_delgivning_before_the_due_date_starts_nothing_before_it():
    # The audit's case: due 2026-06-01 (a Monday), served 2026-05-05: from 1 June, not 5 May.
    start = interest_start(due_date=D(2026, 6, 1), served_on=D(2026, 5, 5))
    assert start.start == D(2026, 6, 1)
    assert any(c.rule.startswith("2 § 1 st räntelagen") for c in start.basis)
    # Served the day before the due date: still from the due date.
    assert interest_start(due_date=D(2026, 6, 1), served_on=D(2026, 5, 31)).start == D(2026, 6, 1)
    # Served on the due date or after: the due date (the earlier of the two) as before.
    assert interest_start(due_date=D(2026, 6, 1), served_on=D(2026, 6, 1)).start == D(2026, 6, 1)
    assert interest_start(due_date=D(2026, 6, 1), served_on=D(2026, 6, 2)).start == D(2026, 6, 1)


def test_delgivning_before_a_rolled_due_date_waits_for_the_vardag():
    # Due Saturday 2026-01-31 -> Monday 2 February; served Sunday 1 February: from 2 February.
    start = interest_start(due_date=D(2026, 1, 31), served_on=D(2026, 2, 1))
    assert start.start == D(2026, 2, 2)


def test_delgivning_without_a_due_date_still_starts_interest():
    # 4 § 4 st: with a demand lacking the interest warning, delgivning starts interest.
    start = interest_start(
        demand_sent_on=D(2026, 3, 2), debtor_kind=DebtorKind.CONSUMER, served_on=D(2026, 3, 20)
    )
    assert start.start == D(2026, 3, 20)


# -- issue 14 item 16: the day-boundary convention across a rate change ------------------------
# 3 § räntelagen "från förfallodagen"; 9 §: the referensränta of each half-year. 2025 H1
# 3.00 + 8 = 11.00 %, 2025 H2 2.00 + 8 = 10.00 %; actual/365: 36500 SEK earns 11.00 / 10.00 SEK
# a day.


def test_the_day_before_and_the_day_of_a_rate_change():
    # Due Monday 30 June, paid 1 July: 30 June at 11.00 % (the day before the change).
    before = late_interest(Money.of(36500, SEK), due_date=D(2025, 6, 30), paid_on=D(2025, 7, 1))
    assert before.amount == Money.of("11.00", SEK)
    # Due Tuesday 1 July, paid 2 July: 1 July at 10.00 % (the change day itself).
    on = late_interest(Money.of(36500, SEK), due_date=D(2025, 7, 1), paid_on=D(2025, 7, 2))
    assert on.amount == Money.of("10.00", SEK)
    # Across: 11.00 + 10.00 = 21.00.
    across = late_interest(Money.of(36500, SEK), due_date=D(2025, 6, 30), paid_on=D(2025, 7, 2))
    assert across.amount == Money.of("21.00", SEK)
