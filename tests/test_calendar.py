"""Business-day calendars: gjeldsbrevloven § 5 (NO) and skuldebrevslagen 5 § / lag 1930:173 (SE).

The expected holidays are computed here independently of the holidays package: Easter from
dateutil's Easter algorithm, fixed days from the statutes (shared/domain/norway.md § 8,
sweden.md § 6).
"""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

from inkassorules import (
    InvalidInput,
    NotInForce,
    UnknownJurisdiction,
    add_days,
    add_months,
    no,
    se,
)
from inkassorules.calendar import calendar_for

YEARS = (2024, 2025, 2026, 2027)
D = dt.timedelta


def no_holidays(year: int) -> dict[dt.date, str]:
    e = easter(year)
    return {
        dt.date(year, 1, 1): "New Year's Day",
        e - D(3): "Maundy Thursday",
        e - D(2): "Good Friday",
        e: "Easter Sunday",
        e + D(1): "Easter Monday",
        dt.date(year, 5, 1): "1 May",
        e + D(39): "Ascension Day",
        dt.date(year, 5, 17): "17 May",
        e + D(49): "Whit Sunday",
        e + D(50): "Whit Monday",
        dt.date(year, 12, 25): "Christmas Day",
        dt.date(year, 12, 26): "Boxing Day",
    }


def se_holidays(year: int) -> dict[dt.date, str]:
    e = easter(year)
    midsummer_eve = next(
        dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4
    )
    return {
        dt.date(year, 1, 1): "nyårsdagen",
        dt.date(year, 1, 6): "trettondedag jul",
        e - D(2): "långfredagen",
        e: "påskdagen",
        e + D(1): "annandag påsk",
        dt.date(year, 5, 1): "första maj",
        e + D(39): "Kristi himmelsfärdsdag",
        e + D(49): "pingstdagen",
        dt.date(year, 6, 6): "nationaldagen",
        midsummer_eve: "midsommarafton",
        midsummer_eve + D(1): "midsommardagen",
        dt.date(year, 12, 24): "julafton",
        dt.date(year, 12, 25): "juldagen",
        dt.date(year, 12, 26): "annandag jul",
        dt.date(year, 12, 31): "nyårsafton",
    }


def cases(country, holidays_of):
    every = {
        day: name for year in (YEARS[0] - 1, *YEARS) for day, name in holidays_of(year).items()
    }
    for year in YEARS:
        for day, name in holidays_of(year).items():
            yield pytest.param(country, day, False, id=f"{country}-{day}-{name}")
            before = day - D(1)
            if before not in every:
                yield pytest.param(
                    country, before, before.weekday() < 5, id=f"{country}-{before}-before-{name}"
                )


@pytest.mark.parametrize(
    ("country", "day", "business"), [*cases("NO", no_holidays), *cases("SE", se_holidays)]
)
def test_special_days_and_the_day_before(country, day, business):
    module = no if country == "NO" else se
    assert module.is_business_day(day) is business


@pytest.mark.parametrize("year", YEARS)
def test_no_christmas_eve_and_new_years_eve_are_business_days_on_weekdays(year):
    # gjeldsbrevloven § 5 does not move 24 and 31 December.
    for day in (dt.date(year, 12, 24), dt.date(year, 12, 31)):
        assert no.is_business_day(day) is (day.weekday() < 5)


@pytest.mark.parametrize("year", YEARS)
def test_se_whit_monday_is_a_business_day_since_2005(year):
    whit_monday = easter(year) + D(50)
    assert se.is_business_day(whit_monday)
    assert not no.is_business_day(whit_monday)


def test_no_national_day_6_june_is_not_a_holiday_in_norway():
    assert no.is_business_day(dt.date(2025, 6, 6))  # a Friday
    assert not se.is_business_day(dt.date(2025, 6, 6))


@pytest.mark.parametrize(
    ("country", "day", "rolled"),
    [
        ("NO", dt.date(2026, 5, 16), dt.date(2026, 5, 18)),  # Saturday -> Monday
        ("NO", dt.date(2026, 5, 17), dt.date(2026, 5, 18)),  # 17 May (Sunday)
        ("NO", dt.date(2027, 5, 17), dt.date(2027, 5, 18)),  # 17 May (Monday)
        (
            "NO",
            dt.date(2026, 4, 2),
            dt.date(2026, 4, 7),
        ),  # Maundy Thursday -> Tuesday after Easter
        ("NO", dt.date(2026, 12, 24), dt.date(2026, 12, 24)),  # not moved in Norway
        ("NO", dt.date(2026, 12, 25), dt.date(2026, 12, 28)),
        ("SE", dt.date(2026, 12, 24), dt.date(2026, 12, 28)),  # julafton moves in Sweden
        ("SE", dt.date(2026, 12, 31), dt.date(2027, 1, 4)),  # nyårsafton, 1 Jan, weekend
        ("SE", dt.date(2026, 6, 19), dt.date(2026, 6, 22)),  # midsommarafton
        ("SE", dt.date(2027, 1, 5), dt.date(2027, 1, 5)),  # an ordinary Tuesday
        ("SE", dt.date(2027, 1, 6), dt.date(2027, 1, 7)),  # trettondedag jul
    ],
)
def test_roll_forward_examples(country, day, rolled):
    module = no if country == "NO" else se
    assert module.roll_forward(day) == rolled


def test_add_business_days():
    # Thursday 2026-04-02 (Maundy Thursday in NO): +1 business day is Tuesday 7 April.
    assert no.add_business_days(dt.date(2026, 4, 1), 1) == dt.date(2026, 4, 7)
    assert se.add_business_days(dt.date(2026, 4, 1), 1) == dt.date(2026, 4, 2)
    assert se.add_business_days(dt.date(2026, 4, 7), -1) == dt.date(2026, 4, 2)
    assert se.add_business_days(dt.date(2026, 4, 4), 0) == dt.date(2026, 4, 7)
    assert no.add_business_days(dt.date(2026, 1, 5), 5) == dt.date(2026, 1, 12)


def test_next_business_day_is_strictly_later():
    assert no.next_business_day(dt.date(2026, 1, 5)) == dt.date(2026, 1, 6)
    assert se.next_business_day(dt.date(2026, 1, 2)) == dt.date(2026, 1, 5)


def test_business_days_between_and_holiday_name():
    cal = calendar_for("SE")
    # (23 Dec, 5 Jan]: 28, 29, 30 December and 4, 5 January; julafton, juldagen, nyårsafton,
    # nyårsdagen and two weekends are not vardagar.
    assert cal.business_days_between(dt.date(2026, 12, 23), dt.date(2027, 1, 5)) == 5
    assert cal.business_days_between(dt.date(2027, 1, 5), dt.date(2026, 12, 23)) == 0
    assert cal.holiday_name(dt.date(2026, 6, 19)) == "Midsummer Eve"
    assert calendar_for("NO").holiday_name(dt.date(2026, 6, 19)) is None


def test_calendar_cites_its_rule():
    assert "gjeldsbrevloven" in calendar_for("NO").citation.rule
    assert "1930:173" in calendar_for("SE").citation.rule


def test_years_outside_the_calendar_raise_not_in_force():
    with pytest.raises(NotInForce, match="business-day calendar covers"):
        no.is_business_day(dt.date(1999, 12, 31))
    with pytest.raises(NotInForce):
        se.roll_forward(dt.date(2101, 1, 1))


def test_stepping_out_of_the_calendar_refuses():
    with pytest.raises(NotInForce, match="1999-12-31"):
        no.add_business_days(dt.date(2000, 1, 3), -1)
    with pytest.raises(NotInForce, match="2101-01-01"):
        se.next_business_day(dt.date(2100, 12, 31))


def test_bad_input():
    with pytest.raises(InvalidInput, match="datetime.date"):
        no.is_business_day(dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    with pytest.raises(InvalidInput, match="datetime.date"):
        se.roll_forward("2026-01-05")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="must be an int"):
        no.add_business_days(dt.date(2026, 1, 5), 1.0)  # type: ignore[arg-type]
    with pytest.raises(UnknownJurisdiction):
        calendar_for("DK")


def test_add_days_and_months_clip_to_month_end():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2026, 8, 31), -2) == dt.date(2026, 6, 30)
    assert add_months(dt.date(2026, 1, 15), 0) == dt.date(2026, 1, 15)
    assert add_days(dt.date(2026, 2, 28), 1) == dt.date(2026, 3, 1)
    with pytest.raises(InvalidInput):
        add_months(dt.date(2026, 1, 31), True)  # type: ignore[arg-type]


# Far enough inside the calendar's range (2000-01-01 to 2100-12-31) that 30 business days either
# way stay in it; the refusal at the edges is tested on its own below.
calendar_days = st.dates(min_value=dt.date(2000, 3, 1), max_value=dt.date(2100, 10, 31))
countries = st.sampled_from([no, se])


@given(countries, calendar_days)
def test_roll_forward_is_a_later_business_day_and_idempotent(module, day):
    rolled = module.roll_forward(day)
    assert rolled >= day
    assert module.is_business_day(rolled)
    assert module.roll_forward(rolled) == rolled
    # nothing in between is a business day
    probe = day
    while probe < rolled:
        assert not module.is_business_day(probe)
        probe += D(1)


@given(countries, calendar_days, st.integers(min_value=-30, max_value=30))
def test_add_business_days_lands_on_business_days_in_the_right_direction(module, day, n):
    result = module.add_business_days(day, n)
    assert module.is_business_day(result)
    if n > 0:
        assert result > day
    elif n < 0:
        assert result < day


@given(countries, calendar_days, st.integers(min_value=1, max_value=30))
def test_business_days_between_counts_the_steps(module, day, n):
    cal = calendar_for(module.CODE)
    assert cal.business_days_between(day, module.add_business_days(day, n)) == n


def test_calendars_of_extended_books_are_shared_and_correct():
    from decimal import Decimal

    from inkassorules.law import builtin

    book = builtin().extend(
        "se.interest.reference_rate",
        [
            {
                "valid_from": dt.date(2026, 7, 1),
                "value": Decimal("2.00"),
                "citation": "9 § räntelagen",
                "url": "https://www.riksbank.se/",
            }
        ],
    )
    # The extension does not touch the business-day table, so the calendar is the same object.
    assert calendar_for("SE", law=book) is calendar_for("SE", law=builtin())
    assert calendar_for("SE", law=book).roll_forward(dt.date(2026, 12, 24)) == dt.date(
        2026, 12, 28
    )
    assert calendar_for("NO", law=book) is not calendar_for("SE", law=book)


def test_swedish_closed_day_reason_tells_eves_from_allmanna_helgdagar():
    # Issue 14 item 15: lag 1989:253 (allmänna helgdagar) vs lag 1930:173 2 § (not vardagar).
    from inkassorules.se.calendar import closed_day_reason

    assert closed_day_reason(dt.date(2026, 12, 23)) is None  # the day before julafton
    eve = closed_day_reason(dt.date(2026, 12, 24))
    assert eve is not None
    assert "julafton" in eve
    assert "not a public holiday" in eve
    christmas = closed_day_reason(dt.date(2026, 12, 25))
    assert christmas is not None
    assert "is a public holiday (allmän helgdag" in christmas


@given(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.integers(min_value=-120_000, max_value=120_000),
)
def test_add_months_is_dateutils_relativedelta(day, months) -> None:
    from dateutil.relativedelta import relativedelta

    from inkassorules import InvalidInput, add_months

    try:
        expected = day + relativedelta(months=months)
    except (OverflowError, ValueError):
        with pytest.raises(InvalidInput, match="is not a date"):
            add_months(day, months)
        return
    assert add_months(day, months) == expected
