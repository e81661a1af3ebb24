"""Boundary tests written to kill mutants of :mod:`inkassorules.no.interest` (forsinkelsesrente).

Each test pins a value the rule gives, worked out by hand in its comment: the rate on the day
before and the day of a half-year change, the interest of a span under a law book of the test's
own (so a ``law=`` that is dropped shows), the day count the book names, the business-day roll of
a due date, the start after a påkrav (one month before 2004, 30 days from), the exact reasons and
citations of a result, and the exact error type with a message that names the argument or rule.
The slow (checked) path of ``late_interest`` is reached with a ``datetime.date`` subclass, which
the memoised common case leaves to it. Run by ``scripts/mutation.py no/interest``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from importlib import resources

import pytest

from inkassorules import interest as engine
from inkassorules.calendar import calendar_for
from inkassorules.claims import Payment
from inkassorules.errors import (
    CurrencyMismatch,
    DataFileError,
    InvalidInput,
    RateNotPublished,
    RuleRefused,
)
from inkassorules.interest import DayCount
from inkassorules.law import LawBook, builtin, load_file
from inkassorules.money import Money
from inkassorules.no import interest as no_interest
from inkassorules.no.interest import (
    interest_start,
    late_interest,
    late_interest_on_balance,
    late_interest_rate,
    late_interest_rate_entry,
    late_interest_rate_in_force,
)
from inkassorules.se import interest as se_interest

D = dt.date
URL = "https://example.org/test"
FRL_2 = (
    "forsinkelsesrenteloven § 2 første ledd (renten løper fra forfallsdag, ellers etter påkrav)"
)
FRL_3 = (
    "forsinkelsesrenteloven § 3 første ledd (fast prosent årlig rente; a new rate applies also "
    "to claims already bearing interest); no rentes rente (Rt. 1994 s. 25)"
)
NO_CALENDAR = "gjeldsbrevloven (lov 17. februar 1939) § 5; helligdagsfredloven (public holidays)"
TEST_CALENDAR = "test calendar: Saturday is a business day"


class _Day(dt.date):
    """A ``datetime.date`` subclass: accepted as a date, but not taken by the memoised path."""


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def _entry(valid_from: dt.date, value: object, citation: str) -> dict[str, object]:
    return {"valid_from": valid_from, "value": value, "citation": citation, "url": URL}


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
    """Empty the memos so that no value cached before a mutant hides it."""
    _clear_memos()
    yield
    _clear_memos()


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> LawBook:
    """The built-in book with 2027-2028 rates, a 365-day year, 14 days after påkrav, and a
    business-day calendar in which Saturday is a business day (none of which the built-in has).

    Rates: 2027 H1 10.00, 2027 H2 11.00, 2028 H1 and H2 10.00; from 2027 the day count is
    actual/365-fixed and the demand period 14 days.
    """
    extended = (
        builtin()
        .extend(
            "no.interest.late_interest_rate",
            [
                _entry(D(2027, 1, 1), Decimal("10.00"), "rate 2027 H1"),
                _entry(D(2027, 7, 1), Decimal("11.00"), "rate 2027 H2"),
                _entry(D(2028, 1, 1), Decimal("10.00"), "rate 2028 H1"),
                _entry(D(2028, 7, 1), Decimal("10.00"), "rate 2028 H2"),
            ],
        )
        .extend(
            "no.interest.day_count",
            [_entry(D(2027, 1, 1), {"convention": "actual/365-fixed"}, "day count 365")],
        )
        .extend("no.interest.demand_period", [_entry(D(2027, 1, 1), {"days": 14}, "14 days")])
    )
    shipped = builtin().parameter("no.business_days")
    text = _shipped_text("business_days.toml")
    text = text.replace("non_business_weekdays = [5, 6]", "non_business_weekdays = [6]")
    text = text.replace(f'citation = "{NO_CALENDAR}"', f'citation = "{TEST_CALENDAR}"')
    path = tmp_path_factory.mktemp("calendar") / "business_days.toml"
    path.write_text(text, encoding="utf-8")
    calendar = load_file(path, expected_name=shipped.name)
    return LawBook({**{n: extended.parameter(n) for n in extended.names}, shipped.name: calendar})


def _shipped_text(name: str) -> str:
    return (resources.files("inkassorules") / "data" / "no" / name).read_text(encoding="utf-8")


def _rules(basis) -> list[str]:
    return [c.rule for c in basis]


# -- rates ------------------------------------------------------------------------------------


def test_rate_day_before_and_day_of_the_2025_h2_change():
    # 2025 H1 12.50 % (FOR-2024-12-19-3279) to 30 June; 2025 H2 12.25 % from 1 July.
    before = late_interest_rate_in_force(on=D(2025, 6, 30))
    assert before.rate == Decimal("12.50")
    assert before.valid_until == D(2025, 6, 30)
    assert _rules(before.basis) == ["forsinkelsesrenteloven § 3; FOR-2024-12-19-3279"]
    after = late_interest_rate_in_force(on=D(2025, 7, 1))
    assert after.rate == Decimal("12.25")
    assert after.valid_until == D(2025, 12, 31)
    assert late_interest_rate(on=D(2025, 6, 30)) == Decimal("12.50")
    assert late_interest_rate(on=D(2025, 7, 1)) == Decimal("12.25")


def test_rate_fixed_12_until_2003_and_925_from_2004():
    # FRL § 3: 12 % fixed 1994-2003; 2004 H1 9.25 % (FOR-2003-12-17-1632).
    assert late_interest_rate(on=D(2003, 12, 31)) == Decimal("12.00")
    assert late_interest_rate(on=D(2004, 1, 1)) == Decimal("9.25")
    assert late_interest_rate_in_force(on=D(2003, 12, 31)).valid_until == D(2003, 12, 31)


def test_rate_after_the_builtin_horizon_is_not_published():
    # The built-in table ends 2026-12-31: the day of is known, the day after is not.
    assert late_interest_rate(on=D(2026, 12, 31)) == Decimal("12.25")
    with pytest.raises(RateNotPublished, match="2027 H1"):
        late_interest_rate(on=D(2027, 1, 1))


def test_rate_entry_and_in_force_read_the_given_book(book):
    entry = late_interest_rate_entry(on=D(2027, 7, 1), law=book)
    assert entry.value == Decimal("11.00")
    assert entry.citation.rule == "rate 2027 H2"
    quote = late_interest_rate_in_force(on=D(2027, 6, 30), law=book)
    assert quote.rate == Decimal("10.00")
    assert quote.valid_until == D(2027, 6, 30)
    assert late_interest_rate(on=D(2027, 6, 30), law=book) == Decimal("10.00")


def test_rate_on_not_a_date_is_invalid_input_naming_on():
    for call in (late_interest_rate_entry, late_interest_rate, late_interest_rate_in_force):
        with pytest.raises(InvalidInput, match=r"^on must be a datetime\.date, got '2025-07-01'$"):
            call(on="2025-07-01")


@pytest.mark.parametrize(
    "call",
    [
        lambda: late_interest_rate_entry(on=D(2025, 7, 1), law="builtin"),
        lambda: late_interest_rate(on=D(2025, 7, 1), law="builtin"),
        lambda: late_interest_rate_in_force(on=D(2025, 7, 1), law="builtin"),
        lambda: late_interest(nok(100), due_date=D(2025, 3, 3), paid_on=D(2025, 4, 1), law="x"),
        lambda: late_interest(
            nok(100), due_date=D(2025, 3, 3), paid_on=D(2025, 4, 1), law="x", roll_due_date=False
        ),
        lambda: late_interest_on_balance(
            nok(100), [], due_date=D(2025, 3, 3), until=D(2025, 4, 1), law="x"
        ),
        lambda: interest_start(demand_sent_on=D(2026, 3, 2), law="x"),
        lambda: interest_start(due_date=D(2026, 3, 2), law="x"),
    ],
)
def test_law_not_a_lawbook_is_invalid_input_naming_law(call):
    with pytest.raises(InvalidInput, match=r"^law must be an inkassorules\.LawBook or None, got"):
        call()


# -- late_interest: the principal ---------------------------------------------------------------


def test_principal_not_money_is_invalid_input():
    with pytest.raises(InvalidInput, match=r"^principal must be Money, got 100$"):
        late_interest(100, due_date=D(2025, 3, 3), paid_on=D(2025, 4, 1))
    with pytest.raises(InvalidInput, match=r"^principal must be Money, got '100'$"):
        late_interest_on_balance("100", [], due_date=D(2025, 3, 3), until=D(2025, 4, 1))


def test_principal_in_sek_is_currency_mismatch_naming_norwegian_interest():
    for call in (
        lambda: late_interest(Money.of(100, "SEK"), due_date=D(2025, 3, 3), paid_on=D(2025, 4, 1)),
        lambda: late_interest_on_balance(
            Money.of(100, "SEK"), [], due_date=D(2025, 3, 3), until=D(2025, 4, 1)
        ),
    ):
        with pytest.raises(CurrencyMismatch) as caught:
            call()
        assert caught.value.expected == "NOK"
        assert caught.value.got == "SEK"
        assert str(caught.value) == "expected an amount in NOK, got SEK (Norwegian late interest)"


def test_negative_principal_is_invalid_input():
    with pytest.raises(InvalidInput, match=r"^principal must not be negative, got -1\.00 NOK$"):
        late_interest(nok(-1), due_date=D(2025, 3, 3), paid_on=D(2025, 4, 1))


# -- late_interest: spans and books -------------------------------------------------------------


def test_late_interest_split_at_1_july_from_own_book(book):
    # 2027-06-30 (Wednesday) .. 2027-07-02: 1 day at 10.00 %, 1 day at 11.00 %, 365-day year:
    # 36500 x 10 % / 365 = 10.00, 36500 x 11 % / 365 = 11.00; total 21.00.
    result = late_interest(nok(36500), due_date=D(2027, 6, 30), paid_on=D(2027, 7, 2), law=book)
    assert result.amount == nok("21.00")
    assert [(p.start, p.days, p.rate) for p in result.periods] == [
        (D(2027, 6, 30), 1, Decimal("10.00")),
        (D(2027, 7, 1), 1, Decimal("11.00")),
    ]
    assert result.day_count is DayCount.ACTUAL_365_FIXED


def test_late_interest_day_count_from_own_book_in_a_leap_year(book):
    # 2028-01-04 .. 2028-01-14, 10 days at 10 %: the book's actual/365-fixed gives
    # 36600 x 0.10 x 10 / 365 = 100.2739... -> 100.27 (actual/actual-isda would give 100.00).
    result = late_interest(nok(36600), due_date=D(2028, 1, 4), paid_on=D(2028, 1, 14), law=book)
    assert result.amount == nok("100.27")
    assert result.day_count is DayCount.ACTUAL_365_FIXED
    assert _rules(result.basis) == ["rate 2028 H1", "day count 365", FRL_3]


def test_late_interest_checked_path_equals_the_memoised_one(book):
    # The same span as above through the checked path (a date subclass): 21.00 over 1 July.
    result = late_interest(
        nok(36500),
        due_date=_Day(2027, 6, 30),
        paid_on=D(2027, 7, 2),
        law=book,
        roll_due_date=False,
    )
    assert result.amount == nok("21.00")
    assert result.principal == nok(36500)
    assert (result.start, result.end) == (D(2027, 6, 30), D(2027, 7, 2))
    assert [(p.start, p.end, p.days, p.rate) for p in result.periods] == [
        (D(2027, 6, 30), D(2027, 7, 1), 1, Decimal("10.00")),
        (D(2027, 7, 1), D(2027, 7, 2), 1, Decimal("11.00")),
    ]
    assert result.day_count is DayCount.ACTUAL_365_FIXED
    assert _rules(result.basis) == ["rate 2027 H1", "rate 2027 H2", "day count 365", FRL_3]


def test_late_interest_checked_path_leap_year_day_count_from_book(book):
    # 36600 x 0.10 x 10 / 365 = 100.27 (the book's day count read on the due date).
    result = late_interest(
        nok(36600),
        due_date=_Day(2028, 1, 4),
        paid_on=D(2028, 1, 14),
        law=book,
        roll_due_date=False,
    )
    assert result.amount == nok("100.27")


def test_late_interest_checked_path_builtin_leap_year():
    # 2024-01-02 .. 2024-01-12, 10 days at 12.50 % (2024 H1), built-in 1/366 per day:
    # 36600 x 0.125 x 10 / 366 = 125.00.
    result = late_interest(
        nok(36600), due_date=_Day(2024, 1, 2), paid_on=D(2024, 1, 12), roll_due_date=False
    )
    assert result.amount == nok("125.00")
    assert result.day_count is DayCount.ACTUAL_ACTUAL_ISDA


def test_late_interest_zero_span_day_of_and_day_before():
    # paid_on == due_date: no interest day, no day count, no basis.
    same = late_interest(
        nok(1000), due_date=_Day(2025, 3, 3), paid_on=D(2025, 3, 3), roll_due_date=False
    )
    assert same.amount == nok(0)
    assert same.periods == ()
    assert same.day_count is None
    assert same.basis == ()
    # paid the day after: one day, 1000 x 12.50 % / 365 = 0.3424... -> 0.34.
    one = late_interest(
        nok(1000), due_date=_Day(2025, 3, 3), paid_on=D(2025, 3, 4), roll_due_date=False
    )
    assert one.amount == nok("0.34")
    assert [p.days for p in one.periods] == [1]
    earlier = late_interest(nok(1000), due_date=D(2025, 3, 3), paid_on=D(2025, 3, 1))
    assert earlier.amount == nok(0)
    assert earlier.basis == ()


def test_late_interest_bad_dates_name_the_argument():
    with pytest.raises(
        InvalidInput, match=r"^due_date must be a datetime\.date, got '2025-03-03'$"
    ):
        late_interest(nok(1), due_date="2025-03-03", paid_on=D(2025, 4, 1), roll_due_date=False)
    with pytest.raises(
        InvalidInput, match=r"^due_date must be a datetime\.date, got '2025-03-03'$"
    ):
        late_interest(nok(1), due_date="2025-03-03", paid_on=D(2025, 4, 1))
    with pytest.raises(
        InvalidInput, match=r"^paid_on must be a datetime\.date, got '2025-04-01'$"
    ):
        late_interest(nok(1), due_date=D(2025, 3, 3), paid_on="2025-04-01", roll_due_date=False)
    with pytest.raises(InvalidInput, match=r"^roll_due_date must be True or False, got 1$"):
        late_interest(nok(1), due_date=D(2025, 3, 3), paid_on=D(2025, 4, 1), roll_due_date=1)


def test_late_interest_saturday_due_date_rolled_by_the_books_calendar(book):
    # 2027-03-06 is a Saturday: a business day in the test book's calendar, so not moved;
    # 2027-03-06 .. 2027-03-16 is 10 days at 10 %, 365-day year: 36500 x 0.10 x 10 / 365 = 100.
    result = late_interest(nok(36500), due_date=D(2027, 3, 6), paid_on=D(2027, 3, 16), law=book)
    assert result.start == D(2027, 3, 6)
    assert result.amount == nok("100.00")
    assert _rules(result.basis) == ["rate 2027 H1", "day count 365", FRL_3]


def test_late_interest_saturday_rolled_to_monday_cites_the_calendar():
    # Built-in: Saturday 2025-03-01 -> Monday 2025-03-03; the calendar's rule is added last.
    result = late_interest(nok(10000), due_date=D(2025, 3, 1), paid_on=D(2025, 3, 4))
    assert result.start == D(2025, 3, 3)
    assert result.basis[-1] == calendar_for("NO").citation
    assert result.basis[-1].rule == NO_CALENDAR


def test_day_count_record_not_known_names_the_parameter():
    bad = builtin().extend(
        "no.interest.day_count", [_entry(D(2027, 1, 1), {"convention": "30/360"}, "bad")]
    )
    for checked in (D(2027, 1, 4), _Day(2027, 1, 4)):
        with pytest.raises(DataFileError, match=r"no\.interest\.day_count") as caught:
            late_interest(
                nok(100), due_date=checked, paid_on=D(2027, 2, 1), law=bad, roll_due_date=False
            )
        assert "'30/360'" in str(caught.value)


# -- late_interest_on_balance -------------------------------------------------------------------


def test_balance_without_payments_from_own_book(book):
    # As late_interest: 36600 x 0.10 x 10 / 365 = 100.27 (2028 is a leap year, the book says 365).
    result = late_interest_on_balance(
        nok(36600),
        [],
        due_date=D(2028, 1, 4),
        until=D(2028, 1, 14),
        law=book,
        payments_reduce="principal",
    )
    assert result.interest == nok("100.27")
    assert result.payments_reduce == "principal"
    assert result.principal_outstanding == nok(36600)


def test_balance_payment_reduces_principal_with_own_book_day_count(book):
    # 600 paid on 2028-01-09 reduces the principal ("principal"): 36600 x 0.10 x 5 / 365
    # + 36000 x 0.10 x 5 / 365 = 36300 / 365 = 99.452... -> 99.45 (1/366 would give 99.18).
    pay = [Payment(amount=nok(600), paid_on=D(2028, 1, 9))]
    for due in (D(2028, 1, 4), _Day(2028, 1, 4)):
        result = late_interest_on_balance(
            nok(36600),
            pay,
            due_date=due,
            until=D(2028, 1, 14),
            law=book,
            payments_reduce="principal",
            roll_due_date=False,
        )
        assert result.interest == nok("99.45")
        assert result.principal_outstanding == nok(36000)
        assert result.payments_reduce == "principal"
        assert [(p.start, p.end, p.principal) for p in result.periods] == [
            (D(2028, 1, 4), D(2028, 1, 9), nok(36600)),
            (D(2028, 1, 9), D(2028, 1, 14), nok(36000)),
        ]
        assert _rules(result.basis) == ["rate 2028 H1", "day count 365", FRL_3]


def test_balance_checked_path_without_payments(book):
    # 36500 x 10 % / 365 + 36500 x 11 % / 365 = 21.00 over 1 July 2027.
    result = late_interest_on_balance(
        nok(36500),
        [],
        due_date=_Day(2027, 6, 30),
        until=D(2027, 7, 2),
        law=book,
        roll_due_date=False,
    )
    assert result.interest == nok("21.00")
    assert result.interest_outstanding == nok("21.00")
    assert result.payments_reduce == "interest_first"
    assert [(p.start, p.days, p.rate) for p in result.periods] == [
        (D(2027, 6, 30), 1, Decimal("10.00")),
        (D(2027, 7, 1), 1, Decimal("11.00")),
    ]
    assert _rules(result.basis) == ["rate 2027 H1", "rate 2027 H2", "day count 365", FRL_3]


def test_balance_interest_first_differs_from_principal_first(book):
    # "interest_first": 600 paid on 2028-01-09 first pays the 50.14 accrued (36600 x 0.1 x 5 /
    # 365 = 50.1369...), then 549.86... of principal: the principal left is 36050.13...,
    # so it is not the 36000 of "principal" first.
    pay = [Payment(amount=nok(600), paid_on=D(2028, 1, 9))]
    result = late_interest_on_balance(
        nok(36600),
        pay,
        due_date=_Day(2028, 1, 4),
        until=D(2028, 1, 14),
        law=book,
        roll_due_date=False,
    )
    assert result.payments_reduce == "interest_first"
    assert result.principal_outstanding == nok("36050.14")


def test_balance_zero_span_has_no_basis():
    result = late_interest_on_balance(
        nok(1000), [], due_date=_Day(2025, 3, 3), until=D(2025, 3, 3), roll_due_date=False
    )
    assert result.interest == nok(0)
    assert result.basis == ()
    assert result.periods == ()
    assert result.principal_outstanding == nok(1000)


def test_balance_bad_arguments_name_the_argument():
    with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date, got 'x'$"):
        late_interest_on_balance(
            nok(1), [], due_date="x", until=D(2025, 4, 1), roll_due_date=False
        )
    with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date, got 'x'$"):
        late_interest_on_balance(nok(1), [], due_date="x", until=D(2025, 4, 1))
    with pytest.raises(InvalidInput, match=r"^until must be a datetime\.date, got 'y'$"):
        late_interest_on_balance(
            nok(1), [], due_date=D(2025, 3, 3), until="y", roll_due_date=False
        )
    message = re.escape("payments_reduce must be one of ['principal', 'interest_first'], got 'x'")
    with pytest.raises(InvalidInput, match=f"^{message}$"):
        late_interest_on_balance(
            nok(100), [], due_date=D(2025, 3, 3), until=D(2025, 4, 1), payments_reduce="x"
        )


def test_balance_saturday_due_date_not_moved_by_the_books_calendar(book):
    # Saturday 2027-03-06 is a business day in the test book: 36500 x 0.10 x 10 / 365 = 100.00.
    result = late_interest_on_balance(
        nok(36500), [], due_date=D(2027, 3, 6), until=D(2027, 3, 16), law=book
    )
    assert result.start == D(2027, 3, 6)
    assert result.interest == nok("100.00")


def test_balance_saturday_rolled_to_monday_cites_the_calendar():
    result = late_interest_on_balance(nok(10000), [], due_date=D(2025, 3, 1), until=D(2025, 3, 4))
    assert result.start == D(2025, 3, 3)
    assert result.basis[-1].rule == NO_CALENDAR
    # a due date already on a business day adds no calendar citation
    plain = late_interest_on_balance(nok(10000), [], due_date=D(2025, 3, 3), until=D(2025, 3, 4))
    assert NO_CALENDAR not in _rules(plain.basis)


# -- interest_start -----------------------------------------------------------------------------


def test_start_from_due_date_not_rolled_exact_reason_and_basis():
    start = interest_start(due_date=D(2026, 5, 17), roll_due_date=False)
    assert start.start == D(2026, 5, 17)
    assert start.reasons == ("from the forfallsdag fixed in advance, not rolled",)
    assert _rules(start.basis) == [FRL_2]


def test_start_from_business_day_due_date_exact_reason_and_basis():
    start = interest_start(due_date=D(2026, 5, 18))  # a Monday
    assert start.start == D(2026, 5, 18)
    assert start.reasons == ("from the forfallsdag fixed in advance",)
    assert _rules(start.basis) == [FRL_2, NO_CALENDAR]


def test_start_from_holiday_due_date_moved_exact_reason():
    start = interest_start(due_date=D(2026, 5, 17))  # Sunday and Grunnlovsdag -> Monday
    assert start.start == D(2026, 5, 18)
    assert start.reasons == (
        "from the forfallsdag 2026-05-17, a non-business day, moved to 2026-05-18",
    )
    assert _rules(start.basis) == [FRL_2, NO_CALENDAR]


def test_start_due_date_uses_the_books_calendar(book):
    start = interest_start(due_date=D(2027, 3, 6), law=book)  # Saturday: a business day there
    assert start.start == D(2027, 3, 6)
    assert start.reasons == ("from the forfallsdag fixed in advance",)
    assert _rules(start.basis) == [FRL_2, TEST_CALENDAR]


def test_start_after_pakrav_30_days_exact_reason():
    start = interest_start(demand_sent_on=D(2026, 3, 2))
    assert start.start == D(2026, 4, 1)
    assert start.reasons == ("after a written påkrav sent 2026-03-02, 30 days later",)
    assert start.basis[0].rule == FRL_2
    assert start.basis[1].parameter == "no.interest.demand_period"


def test_start_after_pakrav_day_before_and_day_of_2004():
    # Sent 2003-12-31: one month -> 2004-01-31 (31 days); sent 2004-01-01: 30 days -> 2004-01-31.
    before = interest_start(demand_sent_on=D(2003, 12, 31))
    assert before.start == D(2004, 1, 31)
    assert before.reasons == ("after a written påkrav sent 2003-12-31, 31 days later",)
    day_of = interest_start(demand_sent_on=D(2004, 1, 1))
    assert day_of.start == D(2004, 1, 31)
    assert day_of.reasons == ("after a written påkrav sent 2004-01-01, 30 days later",)


def test_start_after_pakrav_uses_the_books_demand_period(book):
    start = interest_start(demand_sent_on=D(2027, 3, 1), law=book)  # 14 days in the test book
    assert start.start == D(2027, 3, 15)
    assert start.reasons == ("after a written påkrav sent 2027-03-01, 14 days later",)
    assert _rules(start.basis) == [FRL_2, "14 days"]


def test_start_electronic_pakrav_refused_unless_accepted():
    with pytest.raises(RuleRefused) as caught:
        interest_start(demand_sent_on=D(2026, 3, 2), demand_electronic=True)
    assert caught.value.rule == FRL_2
    assert str(caught.value) == (
        "a påkrav by electronic means starts no interest unless the debtor expressly "
        f"accepted electronic communication ({FRL_2})"
    )
    accepted = interest_start(
        demand_sent_on=D(2026, 3, 2), demand_electronic=True, debtor_accepted_electronic=True
    )
    assert accepted.start == D(2026, 4, 1)


def test_start_needs_a_due_date_or_a_pakrav():
    message = (
        "interest_start needs due_date (a forfallsdag fixed in advance) or demand_sent_on "
        "(the day a written påkrav was sent), forsinkelsesrenteloven § 2"
    )
    with pytest.raises(InvalidInput, match=f"^{re.escape(message)}$"):
        interest_start()


def test_start_bad_dates_name_the_argument():
    for roll in (True, False):
        with pytest.raises(InvalidInput, match=r"^due_date must be a datetime\.date, got 'x'$"):
            interest_start(due_date="x", roll_due_date=roll)
    with pytest.raises(InvalidInput, match=r"^demand_sent_on must be a datetime\.date, got 'x'$"):
        interest_start(demand_sent_on="x")


def test_start_bad_demand_period_record_names_the_parameter():
    bad = builtin().extend("no.interest.demand_period", [_entry(D(2027, 1, 1), {"days": 0}, "0")])
    with pytest.raises(DataFileError, match=r"no\.interest\.demand_period") as caught:
        interest_start(demand_sent_on=D(2027, 3, 1), law=bad)
    assert "must be a whole number >= 1: 0" in str(caught.value)


# -- memoisation (the common case keeps a span's split; a failed look-up is not kept) -------------


def test_late_interest_keeps_the_split_of_a_span_and_reuses_it():
    span = (None, D(2025, 3, 3), D(2025, 9, 1))
    assert no_interest._SPLITS.kept(span) is None
    first = late_interest(nok(10000), due_date=D(2025, 3, 3), paid_on=D(2025, 9, 1))
    kept = no_interest._SPLITS.kept(span)
    assert kept is not None
    # 120 days at 12.50 % + 62 at 12.25 %: 410.96 + 208.08 = 619.04 (the module's example)
    assert [(p[2], p[3]) for p in kept.parts] == [(120, Decimal("12.50")), (62, Decimal("12.25"))]
    again = late_interest(nok(10000), due_date=D(2025, 3, 3), paid_on=D(2025, 9, 1))
    assert no_interest._SPLITS.kept(span) is kept
    assert first.amount == again.amount == nok("619.04")


def test_balance_without_payments_keeps_the_split_of_its_span():
    span = (None, D(2025, 3, 3), D(2025, 9, 1))
    result = late_interest_on_balance(nok(10000), [], due_date=D(2025, 3, 3), until=D(2025, 9, 1))
    assert result.interest == nok("619.04")
    assert no_interest._SPLITS.kept(span) is not None
    # with payments, each stretch is split on its own: the whole span is not kept
    _clear_memos()
    pay = [Payment(amount=nok(100), paid_on=D(2025, 7, 1))]
    late_interest_on_balance(nok(10000), pay, due_date=D(2025, 3, 3), until=D(2025, 9, 1))
    assert no_interest._SPLITS.kept(span) is None
    # an empty tuple of payments is the same common case
    late_interest_on_balance(nok(10000), (), due_date=D(2025, 3, 3), until=D(2025, 9, 1))
    assert no_interest._SPLITS.kept(span) is not None


def test_checked_path_keeps_nothing_and_a_failed_look_up_is_not_kept():
    late_interest(nok(100), due_date=_Day(2025, 3, 3), paid_on=D(2025, 4, 1), roll_due_date=False)
    late_interest(nok(100), due_date=D(2025, 3, 3), paid_on=_Day(2025, 4, 1))
    assert no_interest._SPLITS._plans == {}
    with pytest.raises(RateNotPublished):
        late_interest(nok(100), due_date=D(2026, 12, 1), paid_on=D(2027, 1, 2))
    assert no_interest._SPLITS.kept((None, D(2026, 12, 1), D(2027, 1, 2))) is None


def test_rate_index_starts_on_the_first_day_of_the_rate_table():
    # The rate table starts 1994-01-01 (12 % fixed, FRL § 3).
    assert no_interest._first_rate_day(builtin()) == D(1994, 1, 1)
