"""Boundary tests for the business-day calendars (gjeldsbrevloven § 5; lag 1930:173 2 §).

Written against the mutants that survived ``scripts/mutation.py calendar``: stepping back by
0 or 2 days instead of 1, the last covered day, the rule named in the refusal, and the
argument named in each type error. Expected dates are worked out by hand from the statutes'
rule (Saturday, Sunday and public holidays are not business days) and a 2026 calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import holidays
import pytest

from inkassorules import InvalidInput, NotInForce, add_days, add_months
from inkassorules import calendar as calendar_module
from inkassorules.calendar import calendar_for
from inkassorules.law import builtin

if TYPE_CHECKING:
    from collections.abc import Callable

NO = calendar_for("NO")
SE = calendar_for("SE")


def test_previous_business_day_steps_back_one_day_at_a_time() -> None:
    # Wednesday 4 March 2026 -> Tuesday 3 March (a step of 2 would give Monday 2 March).
    assert NO.previous_business_day(dt.date(2026, 3, 4)) == dt.date(2026, 3, 3)
    # Monday 2 March 2026 -> Friday 27 February over the weekend (a step of 2 from Monday
    # lands on Saturday 28 February, then Thursday 26 February).
    assert NO.previous_business_day(dt.date(2026, 3, 2)) == dt.date(2026, 2, 27)
    # Monday 18 May 2026: Sunday 17 May, Saturday 16 May; Friday 15 May is a business day
    # (Ascension Day is Thursday 14 May: Easter Sunday 5 April + 39 days).
    assert NO.previous_business_day(dt.date(2026, 5, 18)) == dt.date(2026, 5, 15)
    # SE: Monday 22 June 2026 -> Thursday 18 June (midsommarafton 19 June is de facto closed).
    assert SE.previous_business_day(dt.date(2026, 6, 22)) == dt.date(2026, 6, 18)


def test_add_business_days_backwards() -> None:
    # Two business days before Tuesday 3 March 2026: Monday 2, then Friday 27 February.
    assert NO.add_business_days(dt.date(2026, 3, 3), -2) == dt.date(2026, 2, 27)
    assert NO.add_business_days(dt.date(2026, 3, 3), 1) == dt.date(2026, 3, 4)


@pytest.mark.parametrize(("cal", "code"), [(NO, "no"), (SE, "se")])
def test_the_last_covered_day_is_the_holidays_packages_last_year(cal: object, code: str) -> None:
    assert isinstance(cal, calendar_module.BusinessCalendar)
    end_year = holidays.country_holidays(code.upper(), years=[]).end_year
    assert cal.last_day == dt.date(end_year, 12, 31)
    # The last day itself is answered (31 December is a weekday or a weekend, never a refusal).
    assert cal.is_business_day(cal.last_day) in {True, False}
    with pytest.raises(NotInForce) as refusal:
        cal.is_business_day(cal.last_day + dt.timedelta(days=1))
    assert refusal.value.parameter == f"{code}.business_days"
    assert cal.first_day == dt.date(2000, 1, 1)  # valid_from of the business-day tables
    assert cal.is_business_day(cal.first_day) is False  # 1 January is a holiday in both
    with pytest.raises(NotInForce) as before:
        cal.holiday_name(cal.first_day - dt.timedelta(days=1))
    assert before.value.parameter == f"{code}.business_days"


def test_a_calendar_is_built_from_the_business_day_table() -> None:
    # calendar_for caches the built-in calendars, so the construction is checked directly.
    law = builtin()
    for code, categories in (("NO", ("public",)), ("SE", ("public", "de_facto"))):
        cal = calendar_module._build(code, law)
        entry = law.record(f"{code.lower()}.business_days", dt.date(2000, 1, 1))
        assert cal.jurisdiction == code
        assert cal.non_business_weekdays == frozenset({5, 6})  # Saturday, Sunday
        assert cal.holiday_categories == categories
        assert cal.first_day == dt.date(2000, 1, 1)
        end_year = holidays.country_holidays(code, years=[]).end_year
        assert cal.last_day == dt.date(end_year, 12, 31)
        assert cal.citation == entry.citation
        assert cal == calendar_for(code)


def _calls() -> list[tuple[str, Callable[[object], object]]]:
    day = dt.date(2026, 3, 2)
    return [
        ("day", lambda bad: add_days(bad, 1)),  # type: ignore[arg-type]
        ("days", lambda bad: add_days(day, bad)),  # type: ignore[arg-type]
        ("day", lambda bad: add_months(bad, 1)),  # type: ignore[arg-type]
        ("months", lambda bad: add_months(day, bad)),  # type: ignore[arg-type]
        ("day", NO.holiday_name),  # type: ignore[arg-type]
        ("day", NO.is_business_day),  # type: ignore[arg-type]
        ("day", NO.next_business_day),  # type: ignore[arg-type]
        ("day", NO.previous_business_day),  # type: ignore[arg-type]
        ("day", NO.roll_forward),  # type: ignore[arg-type]
        ("day", lambda bad: NO.add_business_days(bad, 1)),  # type: ignore[arg-type]
        ("n", lambda bad: NO.add_business_days(day, bad)),  # type: ignore[arg-type]
        ("start", lambda bad: NO.business_days_between(bad, day)),  # type: ignore[arg-type]
        ("end", lambda bad: NO.business_days_between(day, bad)),  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(("argument", "call"), _calls())
def test_a_wrong_type_is_refused_naming_the_argument(
    argument: str, call: Callable[[object], object]
) -> None:
    with pytest.raises(InvalidInput, match=rf"^{argument} must be a"):
        call("2026-03-02")
