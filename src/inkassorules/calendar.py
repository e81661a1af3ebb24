"""Virkedag / vardag (business days): calendars for Norwegian and Swedish due dates.

A :class:`BusinessCalendar` answers whether a day is a business day and moves dates over
weekends and holidays. Which weekdays and which holiday categories count is legal data
(``no.business_days``, ``se.business_days``); the holiday dates themselves come from the
``holidays`` package, asked with explicit categories and ``include_sundays=False``. A year outside
the range the data or the ``holidays`` package covers raises
:class:`~inkassorules.errors.NotInForce`: the calendar never answers "no holidays" for a year it
does not know.

Month arithmetic uses :mod:`dateutil` semantics: adding months clips the day to the end of a
shorter month (31 January + 1 month = 28 or 29 February).

>>> from datetime import date
>>> add_months(date(2026, 1, 31), 1)
datetime.date(2026, 2, 28)
>>> cal = calendar_for("NO")
>>> cal.roll_forward(date(2026, 5, 17))  # 17 May 2026 is a Sunday; 18 May is a Monday
datetime.date(2026, 5, 18)
>>> calendar_for("SE").roll_forward(date(2026, 6, 19))  # midsommarafton -> Monday
datetime.date(2026, 6, 22)
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
import functools
from typing import TYPE_CHECKING, Final, Literal, cast

import attrs
import holidays

from inkassorules._checks import check_date, check_int, check_law
from inkassorules.errors import InvalidInput, NotInForce, UnknownJurisdiction
from inkassorules.law import Citation

if TYPE_CHECKING:
    from collections.abc import Mapping

    from inkassorules.law import LawBook, Parameter

__all__ = [
    "BusinessCalendar",
    "JurisdictionCode",
    "add_days",
    "add_months",
    "calendar_for",
]

JurisdictionCode = Literal["NO", "SE"]

_MAX_STEPS: Final = 40  # no run of non-business days in NO or SE is longer than this


def add_days(day: dt.date, days: int) -> dt.date:
    """Calendar days after *day* (negative: before).

    >>> add_days(dt.date(2026, 12, 31), 14)
    datetime.date(2027, 1, 14)
    """
    try:
        return check_date(day, "day") + dt.timedelta(days=check_int(days, "days"))
    except OverflowError:
        raise InvalidInput(
            f"{day} + {days} days is not a date (years 1 to 9999 can be named)"
        ) from None


def add_months(day: dt.date, months: int) -> dt.date:
    """Months after *day*, clipping to the end of a shorter month (as ``relativedelta`` does).

    >>> add_months(dt.date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    >>> add_months(dt.date(2026, 3, 31), -1)
    datetime.date(2026, 2, 28)
    """
    check_date(day, "day")
    check_int(months, "months")
    # The same arithmetic as ``day + relativedelta(months=months)`` (tests/test_calendar.py
    # checks it against dateutil), without building a relativedelta per call: the limitation
    # periods and instalment plans ask for it once per event.
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidInput(f"{day} + {months} months is not a date (years 1 to 9999 can be named)")
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, stdlib_calendar.monthrange(year, month)[1])
    )


@functools.cache
def _holidays(
    code: JurisdictionCode, year: int, categories: tuple[str, ...]
) -> Mapping[dt.date, str]:
    table = holidays.country_holidays(
        code, years=year, categories=categories, include_sundays=False, language="en_US"
    )
    return {day: str(name) for day, name in table.items()}


@attrs.frozen
class BusinessCalendar:
    """The business days of one country, as its due-date rule defines them.

    Attributes:
        jurisdiction: ``"NO"`` or ``"SE"``.
        non_business_weekdays: weekdays that are never business days (Monday = 0).
        holiday_categories: the ``holidays`` categories that are not business days.
        first_day: the first day the rule applies (from the data).
        last_day: the last day the ``holidays`` package covers.
        citation: the rule's source.
    """

    jurisdiction: JurisdictionCode
    non_business_weekdays: frozenset[int]
    holiday_categories: tuple[str, ...]
    first_day: dt.date
    last_day: dt.date
    citation: Citation

    def _guard(self, day: dt.date) -> None:
        if day < self.first_day or day > self.last_day:
            raise NotInForce(
                f"{self.jurisdiction.lower()}.business_days",
                day,
                f"the business-day calendar covers {self.first_day.isoformat()} to "
                f"{self.last_day.isoformat()}",
            )

    def holiday_name(self, day: dt.date) -> str | None:
        """The name of the holiday on *day* (in English), or None."""
        check_date(day, "day")
        self._guard(day)
        return _holidays(self.jurisdiction, day.year, self.holiday_categories).get(day)

    def is_business_day(self, day: dt.date) -> bool:
        """True unless *day* is a non-business weekday or a holiday."""
        check_date(day, "day")
        self._guard(day)
        if day.weekday() in self.non_business_weekdays:
            return False
        return day not in _holidays(self.jurisdiction, day.year, self.holiday_categories)

    def _step(self, day: dt.date, direction: int) -> dt.date:
        self._guard(day)  # before stepping: date.max + 1 day cannot be named
        for _ in range(_MAX_STEPS):
            day += dt.timedelta(days=direction)
            if self.is_business_day(day):
                return day
        msg = f"no business day within {_MAX_STEPS} days of {day}"  # pragma: no cover
        raise AssertionError(msg)  # pragma: no cover

    def next_business_day(self, day: dt.date) -> dt.date:
        """The first business day strictly after *day*."""
        return self._step(check_date(day, "day"), +1)

    def previous_business_day(self, day: dt.date) -> dt.date:
        """The last business day strictly before *day*."""
        return self._step(check_date(day, "day"), -1)

    def roll_forward(self, day: dt.date) -> dt.date:
        """*day* if it is a business day, otherwise the next one (the due-date rule)."""
        return day if self.is_business_day(check_date(day, "day")) else self.next_business_day(day)

    def add_business_days(self, day: dt.date, n: int) -> dt.date:
        """The *n*-th business day after *day* (before it for negative *n*).

        ``n == 0`` gives ``roll_forward(day)``: the day itself if it is a business day.
        """
        check_date(day, "day")
        n = check_int(n, "n")
        if n == 0:
            return self.roll_forward(day)
        direction = 1 if n > 0 else -1
        for _ in range(abs(n)):
            day = self._step(day, direction)
        return day

    def business_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many business days lie in ``(start, end]`` (0 if end <= start)."""
        check_date(start, "start")
        check_date(end, "end")
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_business_day(day)
        return count


def calendar_for(code: str, *, law: LawBook | None = None) -> BusinessCalendar:
    """The business-day calendar of ``"NO"`` or ``"SE"`` from the law data.

    Raises:
        UnknownJurisdiction: for any other code.
    """
    check_law(law)
    if code not in ("NO", "SE"):
        raise UnknownJurisdiction(code)
    checked = cast("JurisdictionCode", code)
    if law is None:
        return _builtin_calendar(checked)
    # A calendar depends only on the book's business-day table, and books extended from the
    # built-in one share that (immutable) table: cache by the table itself. The entry keeps the
    # table alive, so its id cannot be reused while cached.
    parameter = law.parameter(f"{code.lower()}.business_days")
    hit = _BY_TABLE.get(id(parameter))
    if hit is not None and hit[0] is parameter:
        return hit[1]
    calendar = _build(checked, law)
    if len(_BY_TABLE) >= _CACHE_SIZE:
        _BY_TABLE.clear()
    _BY_TABLE[id(parameter)] = (parameter, calendar)
    return calendar


_CACHE_SIZE: Final = 64
_BY_TABLE: dict[int, tuple[Parameter, BusinessCalendar]] = {}


@functools.cache
def _builtin_calendar(code: JurisdictionCode) -> BusinessCalendar:
    from inkassorules.law import builtin  # noqa: PLC0415 -- law imports money only; avoid a cycle

    return _build(code, builtin())


def _build(code: JurisdictionCode, law: LawBook) -> BusinessCalendar:
    parameter = law.parameter(f"{code.lower()}.business_days")
    first = parameter.first_valid_from
    entry = law.record(parameter.name, first)
    holiday_class = holidays.country_holidays(code, years=[])
    return BusinessCalendar(
        jurisdiction=code,
        non_business_weekdays=frozenset(int(d) for d in entry.value["non_business_weekdays"]),
        holiday_categories=tuple(str(c) for c in entry.value["holiday_categories"]),
        first_day=first,
        last_day=dt.date(int(holiday_class.end_year), 12, 31),
        citation=entry.citation,
    )
