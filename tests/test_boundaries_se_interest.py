"""Boundary tests written to kill mutants of :mod:`inkassorules.se.interest` (dröjsmålsränta).

Each test pins a value the rule gives, worked out by hand in its comment: the rate on the day
before and the day of a change, interest from a law book of the test's own (a different
tillägg, day count, demand period and calendar, so a look-up in the built-in book instead gives
another number), the exact reasons and citations of an interest start, and the exact error
type with a message that names the argument or rule. Run by ``scripts/mutation.py se/interest``.
"""

from __future__ import annotations

import datetime as dt
import types
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from inkassorules import interest as engine
from inkassorules.calendar import calendar_for
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
from inkassorules.law import LawBook, builtin
from inkassorules.money import Money
from inkassorules.no import interest as no_interest
from inkassorules.se import interest as se_interest
from inkassorules.se.interest import (
    interest_start,
    late_interest,
    late_interest_on_balance,
    late_interest_rate,
    late_interest_rate_in_force,
)

D = dt.date
URL = "https://example.org/"
FIXED = DayCount.ACTUAL_365_FIXED
ISDA = DayCount.ACTUAL_ACTUAL_ISDA
A360 = DayCount.ACTUAL_360


class OtherDate(dt.date):
    """A date subclass: check_date accepts it, the fast path (``type(...) is date``) does not."""


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


def _clear_memos() -> None:
    engine._DISTINCT.clear()
    engine._BOOK_SPLITS.clear()
    for country in (no_interest, se_interest):
        country._SPLITS._indexes.clear()
        country._SPLITS._plans.clear()
        country._SPLITS.rate_on.cache_clear()
        country._day_count_on.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_memos():
    """Empty the memos so no value computed before a mutant hides it."""
    _clear_memos()
    yield
    _clear_memos()


def _own_book() -> LawBook:
    """The built-in book with, from 2026: tillägg 9, actual/360, a 20-day demand period
    without the business exemption, a 2026 H2 referensränta of 1.50, and a calendar in which
    only Sunday is no vardag (cited as "test calendar")."""
    book = builtin().extend(
        "se.interest.margin",
        [{"valid_from": D(2026, 1, 1), "value": 9, "citation": "test margin", "url": URL}],
    )
    book = book.extend(
        "se.interest.day_count",
        [
            {
                "valid_from": D(2026, 1, 1),
                "value": {"convention": "actual/360"},
                "citation": "test day count",
                "url": URL,
            }
        ],
    )
    book = book.extend(
        "se.interest.reference_rate",
        [
            {
                "valid_from": D(2026, 7, 1),
                "value": Decimal("1.5"),
                "citation": "test reference",
                "url": URL,
            }
        ],
    )
    book = book.extend(
        "se.interest.demand_period",
        [
            {
                "valid_from": D(2026, 1, 1),
                "value": {"days": 20, "b2b_warning_exempt": False},
                "citation": "test demand",
                "url": URL,
            }
        ],
    )
    days = book.parameter("se.business_days")
    first = days.entries[0]
    sunday_only = first._replace(
        value=types.MappingProxyType(
            {"non_business_weekdays": (6,), "holiday_categories": ("public", "de_facto")}
        ),
        citation=attrs.evolve(first.citation, rule="test calendar"),
    )
    params = dict(book._parameters)
    params["se.business_days"] = attrs.evolve(days, entries=(sunday_only,))
    return LawBook(params)


BOOK = _own_book()


REFERENCE_RULE = "9 § räntelagen (1975:635); Riksbankens referensränta for the half-year"


def _rules(result) -> list[str]:
    return [c.rule for c in result.basis]


# -- the rate ----------------------------------------------------------------------------------


def test_rate_in_force_from_an_own_book_names_both_tables_and_the_last_day():
    # 2026 H2 in the own book: referensränta 1.50 + tillägg 9 = 10.50; the half-year ends
    # 2026-12-31, the tillägg ("until changed") is known until the table's review, 2026-11-23:
    # the earlier of the two.
    quote = late_interest_rate_in_force(on=D(2026, 7, 1), law=BOOK)
    assert quote.rate == Decimal("10.50")
    assert quote.valid_until == D(2026, 11, 23)
    assert [c.rule for c in quote.basis] == ["test reference", "test margin"]
    assert late_interest_rate(on=D(2026, 7, 1), law=BOOK) == Decimal("10.50")
    # the day before: 2026 H1 referensränta 2.00 + 9 = 11.00, until 2026-06-30
    before = late_interest_rate_in_force(on=D(2026, 6, 30), law=BOOK)
    assert before.rate == Decimal("11.00")
    assert before.valid_until == D(2026, 6, 30)
    # 2025-12-31 in the own book is still tillägg 8: 2.00 + 8 = 10.00
    assert late_interest_rate(on=D(2025, 12, 31), law=BOOK) == Decimal("10.00")
    assert late_interest_rate(on=D(2026, 1, 1), law=BOOK) == Decimal("11.00")


def test_rate_in_force_builtin_valid_until_is_the_half_years_last_day():
    # referensränta 2025 H1 3.00 + 8 = 11.00 until 2025-06-30; tillägg has no last day
    quote = late_interest_rate_in_force(on=D(2025, 6, 30))
    assert quote.rate == Decimal("11.00")
    assert quote.valid_until == D(2025, 6, 30)
    assert quote.basis[0].parameter == "se.interest.reference_rate"
    assert quote.basis[1].parameter == "se.interest.margin"
    assert late_interest_rate_in_force(on=D(2025, 7, 1)).rate == Decimal("10.00")


def test_rate_after_the_builtin_horizon_is_not_published_but_the_own_book_has_it():
    with pytest.raises(RateNotPublished):
        late_interest_rate(on=D(2026, 7, 1))
    with pytest.raises(NotInForce):
        late_interest_rate(on=D(2002, 6, 30))
    assert late_interest_rate(on=D(2002, 7, 1)) == Decimal("12.50")


def test_rate_refuses_a_bad_law_and_a_bad_day_naming_them():
    with pytest.raises(InvalidInput, match=r"^law must be an inkassorules\.LawBook or None"):
        late_interest_rate(on=D(2025, 1, 1), law="book")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^law must be an inkassorules\.LawBook or None"):
        late_interest_rate_in_force(on=D(2025, 1, 1), law="book")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^on must be a datetime\.date, got"):
        late_interest_rate_in_force(on=dt.datetime(2025, 1, 1))  # type: ignore[arg-type]


# -- late_interest with an own book ------------------------------------------------------------


def test_late_interest_uses_the_own_books_margin_and_day_count():
    # 36 000 x (2.00 + 9) % x 10 / 360 = 110.00 (the built-in book: x 10 % x 10/365 = 98.63)
    result = late_interest(sek(36000), due_date=D(2026, 2, 2), paid_on=D(2026, 2, 12), law=BOOK)
    assert result.amount == sek("110.00")
    assert result.exact == Fraction(110)
    assert result.day_count is A360
    # basis: the rate's two tables, then the day count and 6 §
    assert _rules(result) == [
        REFERENCE_RULE,
        "test margin",
        "test day count",
        se_interest._RANTELAGEN_6.rule,
    ]
    builtin_result = late_interest(sek(36000), due_date=D(2026, 2, 2), paid_on=D(2026, 2, 12))
    assert builtin_result.amount == sek("98.63")


def test_late_interest_own_calendar_keeps_a_saturday_and_the_own_h2_rate():
    # 2026-07-04 is a Saturday, a vardag in the own calendar: not moved, no calendar citation.
    # 36 000 x (1.50 + 9) % x 10 / 360 = 105.00
    result = late_interest(sek(36000), due_date=D(2026, 7, 4), paid_on=D(2026, 7, 14), law=BOOK)
    assert result.amount == sek("105.00")
    assert result.start == D(2026, 7, 4)
    assert "test calendar" not in _rules(result)
    # Sunday 2026-07-05 moves to Monday 07-06 in the own calendar: 8 days, 84.00, cited.
    moved = late_interest(sek(36000), due_date=D(2026, 7, 5), paid_on=D(2026, 7, 14), law=BOOK)
    assert moved.start == D(2026, 7, 6)
    assert moved.amount == sek("84.00")
    assert _rules(moved)[-1] == "test calendar"
    # the built-in book has no 2026 H2 referensränta
    with pytest.raises(RateNotPublished):
        late_interest(sek(36000), due_date=D(2026, 7, 6), paid_on=D(2026, 7, 14))


def test_late_interest_slow_path_with_an_own_book_gives_the_same():
    # A date subclass skips the memoised path; same numbers as above: 105.00 and 110.00.
    result = late_interest(
        sek(36000), due_date=OtherDate(2026, 7, 4), paid_on=OtherDate(2026, 7, 14), law=BOOK
    )
    assert result.amount == sek("105.00")
    assert result.day_count is A360
    assert "test day count" in _rules(result)
    assert _rules(result)[-1] == se_interest._RANTELAGEN_6.rule
    chosen = late_interest(
        sek(36000),
        due_date=OtherDate(2026, 2, 2),
        paid_on=OtherDate(2026, 2, 12),
        law=BOOK,
        day_count=FIXED,
        roll_due_date=False,
    )
    # 36 000 x 11 % x 10 / 365 = 108.493... -> 108.49; a chosen day count cites no table
    assert chosen.amount == sek("108.49")
    assert chosen.day_count is FIXED
    assert "test day count" not in _rules(chosen)


def test_late_interest_chosen_day_count_on_the_fast_path():
    # 36 000 x 11 % x 10 / 365 = 108.49 with the own book and a chosen actual/365
    result = late_interest(
        sek(36000), due_date=D(2026, 2, 2), paid_on=D(2026, 2, 12), law=BOOK, day_count=FIXED
    )
    assert result.amount == sek("108.49")
    assert "test day count" not in _rules(result)
    assert result.day_count is FIXED


def test_late_interest_zero_span_on_the_slow_path():
    # paid on the due date: zero, no periods, no basis
    result = late_interest(sek(1000), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 3), law=BOOK)
    assert result.amount == sek(0)
    assert result.periods == ()
    assert result.basis == ()
    earlier = late_interest(sek(1000), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 1))
    assert earlier.amount == sek(0)


def test_late_interest_errors_name_the_argument():
    with pytest.raises(InvalidInput, match=r"^principal must be Money, got 100"):
        late_interest(100, due_date=D(2025, 1, 2), paid_on=D(2025, 2, 1))  # type: ignore[arg-type]
    with pytest.raises(CurrencyMismatch, match="Swedish late interest"):
        late_interest(Money.of(100, "NOK"), due_date=D(2025, 1, 2), paid_on=D(2025, 2, 1))
    with pytest.raises(InvalidInput, match=r"^roll_due_date must be True or False, got 1"):
        late_interest(sek(100), due_date=D(2025, 1, 2), paid_on=D(2025, 2, 1), roll_due_date=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^law must be an inkassorules\.LawBook or None"):
        late_interest(sek(100), due_date=D(2025, 1, 2), paid_on=D(2025, 2, 1), law="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date"):
        late_interest(sek(100), due_date=dt.datetime(2025, 1, 2), paid_on=D(2025, 2, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^paid_on must be a datetime\.date"):
        late_interest(sek(100), due_date=D(2025, 1, 2), paid_on="2025-02-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^day_count must be a DayCount, got 'actual/360'"):
        late_interest(
            sek(100), due_date=D(2025, 1, 2), paid_on=D(2025, 2, 1), day_count="actual/360"
        )  # type: ignore[arg-type]


def test_rolled_refuses_a_bad_law_before_the_calendar():
    with pytest.raises(InvalidInput, match=r"^law must be a LawBook or None, got 'x'"):
        se_interest._rolled(D(2025, 1, 4), True, "x")  # type: ignore[arg-type]
    assert se_interest._rolled(D(2025, 1, 4), False, "x") == (D(2025, 1, 4), None)  # type: ignore[arg-type]
    # Saturday 2025-01-04 -> Tuesday 01-07 (Monday 01-06 is trettondedag jul), cited
    day, cited = se_interest._rolled(D(2025, 1, 4), True, None)
    assert day == D(2025, 1, 7)
    assert cited == calendar_for("SE").citation
    assert se_interest._rolled(D(2025, 1, 8), True, None) == (D(2025, 1, 8), None)
    with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date"):
        se_interest._rolled("2025-01-04", True, None)  # type: ignore[arg-type]


# -- late_interest_on_balance with an own book -------------------------------------------------


def test_balance_without_payments_uses_the_own_book():
    # 36 000 x 11 % x 10 / 360 = 110.00, as late_interest
    result = late_interest_on_balance(
        sek(36000), [], due_date=D(2026, 2, 2), until=D(2026, 2, 12), law=BOOK
    )
    assert result.interest == sek("110.00")
    assert "test day count" in _rules(result)
    same = late_interest_on_balance(
        sek(36000), (), due_date=D(2026, 2, 2), until=D(2026, 2, 12), law=BOOK
    )
    assert same.interest == sek("110.00")


def test_balance_with_a_payment_uses_the_own_book():
    # 36 000 for 5 days at 11 %/360 = 55.00; the 10 055 paid on 02-07 pays 55.00 interest and
    # 10 000 capital; then 26 000 x 11 % x 5 / 360 = 39.7222 -> total 94.72
    pay = Payment(amount=sek("10055.00"), paid_on=D(2026, 2, 7))
    result = late_interest_on_balance(
        sek(36000), [pay], due_date=D(2026, 2, 2), until=D(2026, 2, 12), law=BOOK
    )
    assert result.interest == sek("94.72")
    assert result.principal_outstanding == sek("26000.00")
    assert _rules(result) == [
        REFERENCE_RULE,
        "test margin",
        "test day count",
        se_interest._RANTELAGEN_6.rule,
    ]


def test_balance_with_a_payment_and_a_chosen_day_count():
    # 36 500 for 5 days at 11 %/365 = 55.00; 10 055 pays it and 10 000; 26 500 x 11 % x 5/365
    # = 39.931... -> 94.93
    pay = Payment(amount=sek("10055.00"), paid_on=D(2026, 2, 7))
    result = late_interest_on_balance(
        sek(36500),
        [pay],
        due_date=D(2026, 2, 2),
        until=D(2026, 2, 12),
        law=BOOK,
        day_count=FIXED,
    )
    assert result.interest == sek("94.93")
    assert "test day count" not in _rules(result)


def test_balance_slow_path_with_the_own_book():
    # a date subclass: the general path, same 110.00 and the same basis
    result = late_interest_on_balance(
        sek(36000), [], due_date=OtherDate(2026, 2, 2), until=OtherDate(2026, 2, 12), law=BOOK
    )
    assert result.interest == sek("110.00")
    assert "test day count" in _rules(result)
    assert _rules(result)[-1] == se_interest._RANTELAGEN_6.rule
    # a generator of payments also takes the general split: 94.72 as above
    pays = (p for p in [Payment(amount=sek("10055.00"), paid_on=D(2026, 2, 7))])
    paid = late_interest_on_balance(
        sek(36000), pays, due_date=D(2026, 2, 2), until=D(2026, 2, 12), law=BOOK
    )
    assert paid.interest == sek("94.72")


def test_balance_zero_span_has_no_basis_and_keeps_the_chosen_day_count():
    result = late_interest_on_balance(
        sek(1000), [], due_date=D(2025, 3, 3), until=D(2025, 3, 3), law=BOOK, day_count=ISDA
    )
    assert result.interest == sek(0)
    assert result.basis == ()
    assert result.periods == ()


def test_balance_errors_name_the_argument():
    with pytest.raises(InvalidInput, match=r"^principal must be Money"):
        late_interest_on_balance(1000, [], due_date=D(2025, 1, 2), until=D(2025, 2, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date"):
        late_interest_on_balance(
            sek(1000), [], due_date=dt.datetime(2025, 1, 2), until=D(2025, 2, 1)
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^until must be a datetime\.date"):
        late_interest_on_balance(
            sek(1000), [], due_date=D(2025, 1, 2), until=dt.datetime(2025, 2, 1)
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^day_count must be a DayCount"):
        late_interest_on_balance(
            sek(1000), [], due_date=D(2025, 1, 2), until=D(2025, 2, 1), day_count="x"
        )  # type: ignore[arg-type]


def test_balance_rolls_with_the_own_calendar():
    # Sunday 2026-02-01 -> Monday 02-02 in the own calendar: 110.00 as above, cited last
    result = late_interest_on_balance(
        sek(36000), [], due_date=D(2026, 2, 1), until=D(2026, 2, 12), law=BOOK
    )
    assert result.start == D(2026, 2, 2)
    assert result.interest == sek("110.00")
    assert _rules(result)[-1] == "test calendar"
    # Saturday 2026-02-07 stays in the own calendar: 36 000 x 11 % x 5/360 = 55.00
    kept = late_interest_on_balance(
        sek(36000), [], due_date=D(2026, 2, 7), until=D(2026, 2, 12), law=BOOK
    )
    assert kept.start == D(2026, 2, 7)
    assert kept.interest == sek("55.00")
    assert "test calendar" not in _rules(kept)


# -- interest_start ----------------------------------------------------------------------------


def test_start_from_a_due_date_reasons_and_basis():
    calendar = calendar_for("SE").citation
    on_time = interest_start(due_date=D(2026, 6, 1))
    assert on_time.start == D(2026, 6, 1)
    assert on_time.reasons == ("from the förfallodag fixed in advance",)
    assert on_time.basis == (se_interest._RANTELAGEN_3, calendar)
    moved = interest_start(due_date=D(2026, 6, 19))
    assert moved.start == D(2026, 6, 22)
    assert moved.reasons == (
        (
            "from the förfallodag 2026-06-19, not a vardag, moved to 2026-06-22 "
            "(skuldebrevslagen 5 § by analogy)"
        ),
    )
    assert moved.basis == (se_interest._RANTELAGEN_3, calendar)
    kept = interest_start(due_date=D(2026, 6, 19), roll_due_date=False)
    assert kept.start == D(2026, 6, 19)
    assert kept.reasons == ("from the förfallodag fixed in advance, not rolled",)
    assert kept.basis == (se_interest._RANTELAGEN_3,)


def test_start_from_a_due_date_with_the_own_calendar():
    # Saturday 2026-07-04 is a vardag in the own calendar
    start = interest_start(due_date=D(2026, 7, 4), law=BOOK)
    assert start.start == D(2026, 7, 4)
    assert [c.rule for c in start.basis] == [se_interest._RANTELAGEN_3.rule, "test calendar"]
    assert interest_start(due_date=D(2026, 7, 4)).start == D(2026, 7, 6)


def test_start_citations_text():
    assert se_interest._RANTELAGEN_3.rule == "3 § räntelagen (1975:635): ränta från förfallodagen"
    assert se_interest._RANTELAGEN_3.url == "https://lagen.nu/1975:635"
    assert (
        se_interest._RANTELAGEN_4.rule == "4 § räntelagen (1975:635): ränta efter betalningskrav"
    )
    assert se_interest._RANTELAGEN_4.url == "https://lagen.nu/1975:635"
    assert se_interest._RANTELAGEN_4_4.rule == (
        "4 § 4 st räntelagen (1975:635): ränta senast från delgivning av ansökan om "
        "betalningsföreläggande eller stämning"
    )
    assert se_interest._RANTELAGEN_4_4.url == "https://lagen.nu/1975:635"
    assert se_interest._RANTELAGEN_2.rule == (
        "2 § 1 st räntelagen (1975:635): 'Ränta på fordran utgår ej för tid innan fordringen är "
        "förfallen till betalning'; 4 § 4 st (SFS 2002:352) gives interest from delgivning only "
        "on a 'förfallen fordran'"
    )
    assert se_interest._RANTELAGEN_2.url == (
        "https://www.lagboken.se/Lagboken/start/formogenhetsratt/rantelag-1975635/"
        "d_2590837-sfs-1975_635"
    )
    assert se_interest._RANTELAGEN_2.note == (
        "2 § as in force today (SFS 2013:55, first paragraph unchanged): "
        "https://lagar.nj.se/formogenhetsratt/rantelagen"
    )
    assert se_interest._RANTELAGEN_6.rule == (
        "6 § räntelagen (1975:635): ränta för år, vid varje tid gällande referensränta + "
        "tillägg; simple interest (no ränta på ränta unless agreed)"
    )
    assert se_interest._RANTELAGEN_6.url == "https://lagen.nu/1975:635"


def test_start_from_a_demand_with_warning_reasons_and_basis():
    # 2026-03-02 + 30 days = 2026-04-01
    start = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.CONSUMER,
        interest_warning_given=True,
    )
    assert start.start == D(2026, 4, 1)
    assert start.reasons == ("after a demand sent 2026-03-02, 30 days later; with warning",)
    assert start.basis[0] == se_interest._RANTELAGEN_4
    assert start.basis[1].parameter == "se.interest.demand_period"
    assert len(start.basis) == 2


def test_start_from_a_demand_business_to_business_without_warning():
    start = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.BUSINESS,
        creditor_is_business=True,
    )
    assert start.start == D(2026, 4, 1)
    assert start.reasons == (
        (
            "after a demand sent 2026-03-02, 30 days later; "
            "no interest warning needed (business to business)"
        ),
    )
    public = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.PUBLIC_BODY,
        creditor_is_business=True,
    )
    assert public.start == D(2026, 4, 1)
    # with the warning as well, still the exemption is what the reason names
    both = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.BUSINESS,
        creditor_is_business=True,
        interest_warning_given=True,
    )
    assert both.reasons[0].endswith("no interest warning needed (business to business)")


@pytest.mark.parametrize(
    ("debtor", "creditor_is_business"),
    [
        (DebtorKind.CONSUMER, True),
        (DebtorKind.BUSINESS, False),
        (DebtorKind.PUBLIC_BODY, False),
    ],
)
def test_start_from_a_demand_without_warning_is_refused(debtor, creditor_is_business):
    with pytest.raises(RuleRefused) as caught:
        interest_start(
            demand_sent_on=D(2026, 3, 2),
            debtor_kind=debtor,
            creditor_is_business=creditor_is_business,
        )
    assert str(caught.value).startswith(
        "a demand sent 2026-03-02 without a statement that interest will be charged starts no "
        "interest against this debtor; interest runs at the latest from delgivning (pass "
        "served_on=)"
    )
    assert caught.value.rule == (
        "4 § 1 och 2 st räntelagen (1975:635), as amended by SFS 2002:352"
    )


def test_start_from_a_demand_before_2002_07_01_needs_the_warning_even_b2b():
    # "en månad", no exemption: 2002-06-30 refused between businesses; with warning 07-30
    with pytest.raises(RuleRefused):
        interest_start(
            demand_sent_on=D(2002, 6, 30),
            debtor_kind=DebtorKind.BUSINESS,
            creditor_is_business=True,
        )
    start = interest_start(
        demand_sent_on=D(2002, 6, 30),
        debtor_kind=DebtorKind.BUSINESS,
        creditor_is_business=True,
        interest_warning_given=True,
    )
    assert start.start == D(2002, 7, 30)
    assert start.reasons == ("after a demand sent 2002-06-30, 30 days later; with warning",)
    # the day of: 30 days and exempt
    exempt = interest_start(
        demand_sent_on=D(2002, 7, 1), debtor_kind=DebtorKind.BUSINESS, creditor_is_business=True
    )
    assert exempt.start == D(2002, 7, 31)


def test_start_from_a_demand_with_the_own_book():
    # own book from 2026: 20 days, no business exemption
    start = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.CONSUMER,
        interest_warning_given=True,
        law=BOOK,
    )
    assert start.start == D(2026, 3, 22)
    assert start.reasons == ("after a demand sent 2026-03-02, 20 days later; with warning",)
    assert [c.rule for c in start.basis] == [se_interest._RANTELAGEN_4.rule, "test demand"]
    with pytest.raises(RuleRefused) as caught:
        interest_start(
            demand_sent_on=D(2026, 3, 2),
            debtor_kind=DebtorKind.BUSINESS,
            creditor_is_business=True,
            law=BOOK,
        )
    assert caught.value.rule == "test demand"


def test_start_refused_demand_with_delgivning_starts_on_delgivning():
    start = interest_start(
        demand_sent_on=D(2026, 3, 2), debtor_kind=DebtorKind.CONSUMER, served_on=D(2026, 5, 5)
    )
    assert start.start == D(2026, 5, 5)
    assert start.reasons == ("at the latest from delgivning on 2026-05-05",)
    assert start.basis == (se_interest._RANTELAGEN_4_4,)


def test_start_demand_and_earlier_delgivning_takes_the_earlier():
    # demand start 2026-04-01; delgivning 2026-03-20 is earlier and wins (no due date)
    start = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.CONSUMER,
        interest_warning_given=True,
        served_on=D(2026, 3, 20),
    )
    assert start.start == D(2026, 3, 20)
    assert start.basis == (se_interest._RANTELAGEN_4_4,)
    later = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.CONSUMER,
        interest_warning_given=True,
        served_on=D(2026, 4, 2),
    )
    assert later.start == D(2026, 4, 1)
    # the same day: the demand (the first candidate) is kept
    same = interest_start(
        demand_sent_on=D(2026, 3, 2),
        debtor_kind=DebtorKind.CONSUMER,
        interest_warning_given=True,
        served_on=D(2026, 4, 1),
    )
    assert same.basis[0] == se_interest._RANTELAGEN_4


def test_start_delgivning_only():
    start = interest_start(served_on=D(2026, 5, 5))
    assert start.start == D(2026, 5, 5)
    assert start.reasons == ("at the latest from delgivning on 2026-05-05",)
    assert start.basis == (se_interest._RANTELAGEN_4_4,)


def test_start_delgivning_before_the_due_date_waits_for_it():
    calendar = calendar_for("SE").citation
    start = interest_start(due_date=D(2026, 6, 1), served_on=D(2026, 5, 5))
    assert start.start == D(2026, 6, 1)
    assert start.reasons == (
        "from the förfallodag fixed in advance",
        (
            "delgivning on 2026-05-05 precedes it: no interest before the claim falls due "
            "(2 § räntelagen; 4 § 4 st covers a förfallen fordran)"
        ),
    )
    assert start.basis == (se_interest._RANTELAGEN_3, calendar, se_interest._RANTELAGEN_2)
    # delgivning on the due date or later: the due date, with its own reasons only
    same = interest_start(due_date=D(2026, 6, 1), served_on=D(2026, 6, 1))
    assert same.reasons == ("from the förfallodag fixed in advance",)
    assert same.basis == (se_interest._RANTELAGEN_3, calendar)
    # delgivning the day before the rolled förfallodag (Sat 06-20 -> Mon 06-22): waits
    rolled = interest_start(due_date=D(2026, 6, 20), served_on=D(2026, 6, 21))
    assert rolled.start == D(2026, 6, 22)
    assert len(rolled.reasons) == 2


def test_start_due_date_wins_over_a_demand():
    # with a due date the demand is not read at all (no debtor_kind needed)
    start = interest_start(due_date=D(2026, 6, 1), demand_sent_on=D(2026, 3, 2))
    assert start.start == D(2026, 6, 1)
    assert start.reasons == ("from the förfallodag fixed in advance",)


def test_start_argument_errors_name_the_argument():
    with pytest.raises(InvalidInput) as caught:
        interest_start()
    assert str(caught.value) == (
        "interest_start needs due_date (a förfallodag fixed in advance), demand_sent_on "
        "(the day a demand was sent) or served_on (delgivning), 3-4 §§ räntelagen"
    )
    with pytest.raises(
        InvalidInput, match=r"^a demand needs debtor_kind \(4 § 2 st räntelagen\), got None$"
    ):
        interest_start(demand_sent_on=D(2026, 3, 2))
    with pytest.raises(InvalidInput, match=r"got 'consumer'$"):
        interest_start(demand_sent_on=D(2026, 3, 2), debtor_kind="consumer")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date"):
        interest_start(due_date="2026-03-02")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^demand_sent_on must be a datetime\.date"):
        interest_start(demand_sent_on="2026-03-02", debtor_kind=DebtorKind.CONSUMER)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^served_on must be a datetime\.date"):
        interest_start(served_on="2026-03-02")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^law must be an inkassorules\.LawBook or None"):
        interest_start(served_on=D(2026, 3, 2), law="x")  # type: ignore[arg-type]
    with pytest.raises(NotInForce):
        interest_start(demand_sent_on=D(1999, 12, 31), debtor_kind=DebtorKind.CONSUMER)


def test_start_demand_record_with_a_bad_exemption_flag_is_a_data_error():
    book = builtin().extend(
        "se.interest.demand_period",
        [
            {
                "valid_from": D(2026, 1, 1),
                "value": {"days": 30, "b2b_warning_exempt": "yes"},
                "citation": "bad flag",
                "url": URL,
            }
        ],
    )
    with pytest.raises(DataFileError) as caught:
        interest_start(
            demand_sent_on=D(2026, 3, 2),
            debtor_kind=DebtorKind.CONSUMER,
            interest_warning_given=True,
            law=book,
        )
    assert str(caught.value) == (
        "error in legal data file 'se.interest.demand_period' at 'value.b2b_warning_exempt': "
        "must be true or false, got 'yes'"
    )


def test_currency_and_money_checks_give_the_exact_message():
    for call in (
        lambda p: late_interest(p, due_date=D(2025, 1, 2), paid_on=D(2025, 2, 1)),
        lambda p: late_interest_on_balance(p, [], due_date=D(2025, 1, 2), until=D(2025, 2, 1)),
    ):
        with pytest.raises(CurrencyMismatch) as caught:
            call(Money.of(100, "NOK"))
        assert str(caught.value) == "expected an amount in SEK, got NOK (Swedish late interest)"
        assert caught.value.expected == "SEK"
        assert caught.value.got == "NOK"
        with pytest.raises(InvalidInput) as wrong:
            call("100 SEK")
        assert str(wrong.value) == "principal must be Money, got '100 SEK'"
        assert type(wrong.value) is InvalidInput


def test_a_moved_due_date_with_no_interest_is_not_cited():
    # Saturday 2025-01-04 -> Tuesday 01-07; paid on 01-07: no period, so no calendar citation
    result = late_interest(sek(1000), due_date=D(2025, 1, 4), paid_on=D(2025, 1, 7))
    assert result.start == D(2025, 1, 7)
    assert result.periods == ()
    assert result.basis == ()
    balance = late_interest_on_balance(sek(1000), [], due_date=D(2025, 1, 4), until=D(2025, 1, 7))
    assert balance.basis == ()
    # one day later, one period: 1 000 x 11 % x 1/365 = 0.301... -> 0.30, calendar cited last
    one = late_interest(sek(1000), due_date=D(2025, 1, 4), paid_on=D(2025, 1, 8))
    assert one.amount == sek("0.30")
    assert one.basis[-1] == calendar_for("SE").citation
    assert len(one.basis) == 5  # referensränta, tillägg, day count, 6 §, calendar


# -- the general path's own checks and the memoised path ---------------------------------------


def test_general_path_checks_name_the_argument_when_not_rolled():
    # roll_due_date=False: no calendar check first, so the general path's own checks answer
    with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date, got"):
        late_interest(
            sek(100), due_date=dt.datetime(2025, 1, 2), paid_on=D(2025, 2, 1), roll_due_date=False
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date, got"):
        late_interest_on_balance(
            sek(100),
            [],
            due_date=dt.datetime(2025, 1, 2),
            until=D(2025, 2, 1),
            roll_due_date=False,
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^until must be a datetime\.date, got"):
        late_interest_on_balance(
            sek(100),
            [],
            due_date=D(2025, 1, 2),
            until=dt.datetime(2025, 2, 1),
            roll_due_date=False,
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^law must be an inkassorules\.LawBook or None"):
        late_interest(
            sek(100), due_date=D(2025, 1, 2), paid_on=D(2025, 2, 1), law="x", roll_due_date=False
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^law must be an inkassorules\.LawBook or None"):
        late_interest_on_balance(
            sek(100), [], due_date=D(2025, 1, 2), until=D(2025, 2, 1), law="x", roll_due_date=False
        )  # type: ignore[arg-type]


def test_a_negative_principal_is_refused():
    with pytest.raises(InvalidInput, match=r"^principal must not be negative, got -100\.00 SEK$"):
        late_interest(sek(-100), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 10))


def test_an_unhashable_day_count_is_refused_as_invalid_input():
    # a list is no DayCount: InvalidInput naming it, not a TypeError from a memo
    with pytest.raises(InvalidInput, match=r"^day_count must be a DayCount, got \['x'\]$"):
        late_interest(sek(100), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 10), day_count=["x"])  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^day_count must be a DayCount, got \['x'\]$"):
        late_interest_on_balance(
            sek(100), [], due_date=D(2025, 3, 3), until=D(2025, 3, 10), day_count=["x"]
        )  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["capital", ["principal"]])
def test_a_bad_payments_reduce_is_refused(mode):
    with pytest.raises(InvalidInput, match=r"^payments_reduce must be one of \['principal', "):
        late_interest_on_balance(
            sek(100), [], due_date=D(2025, 3, 3), until=D(2025, 3, 10), payments_reduce=mode
        )


def test_zero_spans_read_no_table_even_before_2002_07_01():
    # paid on the due date (2001-01-02, before the tables): zero, nothing read, nothing raised
    result = late_interest(sek(100), due_date=D(2001, 1, 2), paid_on=D(2001, 1, 2))
    assert result.amount == sek(0)
    assert result.day_count is None
    assert result.basis == ()
    slow = late_interest(
        sek(100),
        due_date=OtherDate(2001, 1, 2),
        paid_on=OtherDate(2001, 1, 2),
        roll_due_date=False,
    )
    assert slow.amount == sek(0)
    assert slow.day_count is None
    balance = late_interest_on_balance(
        sek(100), [], due_date=D(2001, 1, 2), until=D(2001, 1, 2), roll_due_date=False
    )
    assert balance.interest == sek(0)
    assert balance.basis == ()
    # one day later, the day count and rate are read: NotInForce
    with pytest.raises(NotInForce):
        late_interest(sek(100), due_date=D(2001, 1, 2), paid_on=D(2001, 1, 3))
    with pytest.raises(NotInForce):
        late_interest_on_balance(sek(100), [], due_date=D(2001, 1, 2), until=D(2001, 1, 3))


def test_a_zero_span_keeps_a_chosen_day_count():
    result = late_interest(sek(100), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 1), day_count=ISDA)
    assert result.amount == sek(0)
    assert result.day_count is ISDA


def test_balance_without_payments_keeps_the_chosen_day_count_and_mode():
    # 2024 H1: 4.00 + 8 = 12 %; ISDA in 2024: 36 600 x 12 % x 10/366 = 120.00
    # (actual/365 would give 120.33)
    result = late_interest_on_balance(
        sek(36600),
        [],
        due_date=D(2024, 2, 1),
        until=D(2024, 2, 11),
        day_count=ISDA,
        payments_reduce="principal",
    )
    assert result.interest == sek("120.00")
    assert result.payments_reduce == "principal"
    default = late_interest_on_balance(
        sek(36600), [], due_date=D(2024, 2, 1), until=D(2024, 2, 11)
    )
    assert default.interest == sek("120.33")
    assert default.payments_reduce == "interest_first"


def test_late_interest_memoises_the_split_of_a_span(monkeypatch):
    # The common case (dates, a positive principal, no or a DayCount) keeps the span's split
    # under (book key, first day, payment day, day count); None is the built-in book's key.
    first = late_interest(sek(36500), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 13))
    # 36 500 x 11 % x 10/365 = 110.00
    assert first.amount == sek("110.00")
    assert se_interest._SPLITS.kept((None, D(2025, 3, 3), D(2025, 3, 13), None)) is not None
    late_interest(sek(36500), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 13), day_count=ISDA)
    assert se_interest._SPLITS.kept((None, D(2025, 3, 3), D(2025, 3, 13), ISDA)) is not None
    late_interest(sek(36500), due_date=D(2026, 2, 2), paid_on=D(2026, 2, 12), law=BOOK)
    assert se_interest._SPLITS.kept((BOOK, D(2026, 2, 2), D(2026, 2, 12), None)) is not None
    # a second call is answered from the memo: the day count is not looked up again
    calls = []
    real = se_interest._day_count_on

    def counted(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(se_interest, "_day_count_on", counted)
    again = late_interest(sek(36500), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 13))
    assert again.amount == sek("110.00")
    assert calls == []


def test_balance_without_payments_memoises_like_late_interest():
    result = late_interest_on_balance(sek(36500), [], due_date=D(2025, 3, 3), until=D(2025, 3, 13))
    assert result.interest == sek("110.00")
    assert se_interest._SPLITS.kept((None, D(2025, 3, 3), D(2025, 3, 13), None)) is not None
    late_interest_on_balance(sek(36500), (), due_date=D(2025, 4, 1), until=D(2025, 4, 11))
    assert se_interest._SPLITS.kept((None, D(2025, 4, 1), D(2025, 4, 11), None)) is not None


def test_first_rate_day_is_the_later_start_of_the_two_tables():
    assert se_interest._first_rate_day(builtin()) == D(2002, 7, 1)
    assert se_interest._first_rate_day(BOOK) == D(2002, 7, 1)


def _extended(name: str, value: dict) -> LawBook:
    return builtin().extend(
        name, [{"valid_from": D(2026, 1, 1), "value": value, "citation": "bad", "url": URL}]
    )


def test_a_malformed_day_count_record_is_a_data_error_naming_the_table():
    book = _extended("se.interest.day_count", {"convention": "30/360"})
    expected = (
        "error in legal data file 'se.interest.day_count' at 'value.convention': must be one of "
        "['actual/actual-isda', 'actual/365-fixed', 'actual/360'], got '30/360'"
    )
    for due in (D(2026, 2, 2), OtherDate(2026, 2, 2)):
        with pytest.raises(DataFileError) as caught:
            late_interest(sek(100), due_date=due, paid_on=D(2026, 2, 5), law=book)
        assert str(caught.value) == expected
    with pytest.raises(DataFileError) as balance:
        late_interest_on_balance(
            sek(100), [], due_date=OtherDate(2026, 2, 2), until=D(2026, 2, 5), law=book
        )
    assert str(balance.value) == expected


def test_a_demand_record_without_a_period_is_a_data_error_naming_the_table():
    book = _extended("se.interest.demand_period", {"b2b_warning_exempt": True})
    with pytest.raises(DataFileError) as caught:
        interest_start(
            demand_sent_on=D(2026, 3, 2),
            debtor_kind=DebtorKind.CONSUMER,
            interest_warning_given=True,
            law=book,
        )
    assert str(caught.value).startswith(
        "error in legal data file 'se.interest.demand_period' at 'value': "
        "needs exactly one of days/months"
    )


def test_rate_with_two_open_ended_tables_has_no_last_day():
    # A book whose referensränta is "until changed" and whose tables carry no review day: the
    # 2026-01-01 entry (2.00) and the tillägg (8) hold until further notice, so the rate 10.00
    # has valid_until None; on 2025-03-01 the next entry ends it on 2025-06-30.
    book = builtin()
    params = dict(book._parameters)
    params["se.interest.reference_rate"] = attrs.evolve(
        book.parameter("se.interest.reference_rate"),
        schedule="until-changed",
        horizon=None,
        reviewed_on=None,
    )
    params["se.interest.margin"] = attrs.evolve(
        book.parameter("se.interest.margin"), reviewed_on=None
    )
    open_ended = LawBook(params)
    quote = late_interest_rate_in_force(on=D(2026, 3, 1), law=open_ended)
    assert quote.rate == Decimal("10.00")
    assert quote.valid_until is None
    assert late_interest_rate_in_force(on=D(2025, 3, 1), law=open_ended).valid_until == D(
        2025, 6, 30
    )
