"""Forsinkelsesrente / dröjsmålsränta (statutory late interest): the jurisdiction-neutral engine.

Both countries charge simple interest (no interest on interest) at an annual rate that the state
sets for each calendar half-year, and a new half-year's rate also applies to claims already
bearing interest (forsinkelsesrenteloven § 3 første ledd; 6 § räntelagen 1975:635, "vid varje
tid gällande referensräntan"). So a span of days is split at every 1 January and 1 July (and at
any other change of rate), each part is ``principal x rate x days / year``, and the parts are
added **exactly** (as fractions) and rounded once, at the end, to øre / öre with ROUND_HALF_UP.

The days of a span are every day *d* with ``start <= d < end``: the number of days is
``end - start``. :mod:`inkassorules.no.interest` and :mod:`inkassorules.se.interest` read the
rates and the day count from the law data and call :func:`accrue`; the cost is proportional to
the number of half-years, not to the number of days.

>>> from datetime import date
>>> from decimal import Decimal
>>> from inkassorules import Money
>>> flat = RateInForce(rate=Decimal(10), valid_until=None, basis=())
>>> result = accrue(Money.of(1000, "SEK"), start=date(2025, 1, 1), end=date(2026, 1, 1),
...                 rate_at=lambda day: flat, day_count=DayCount.ACTUAL_365_FIXED)
>>> [(p.start.isoformat(), p.days) for p in result.periods]
[('2025-01-01', 181), ('2025-07-01', 184)]
>>> str(result.amount)
'100.00 SEK'
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import enum
import functools
import math
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, NoReturn, Self, cast, get_args

import attrs

from inkassorules import _html, records
from inkassorules._checks import check_date, check_fields, refuse_unknown_member
from inkassorules._html import html_table
from inkassorules.calendar import add_days, add_months
from inkassorules.claims import Payment
from inkassorules.errors import CurrencyMismatch, DataFileError, InkassoError, InvalidInput
from inkassorules.law import Citation, LawBook, any_provisional, book_of, explain
from inkassorules.money import CURRENCIES, DECIMAL_CONTEXT, MINOR_UNIT, Money

if TYPE_CHECKING:
    from inkassorules.money import Currency

__all__ = [
    "PAYMENTS_REDUCE",
    "BalanceInterestResult",
    "DayCount",
    "InterestPeriod",
    "InterestResult",
    "InterestStart",
    "PaymentApplication",
    "PaymentsReduce",
    "RateInForce",
    "RateLookup",
    "accrue",
    "accrue_on_balance",
    "day_count_from_record",
    "demand_period_end",
    "half_year_starts",
    "next_half_year_start",
    "round_interest",
    "to_money",
]

# The rate tables are per calendar half-year: H2 starts on 1 July (forsinkelsesrenteloven § 3;
# 9 § räntelagen). A calendar fact, not a statutory number.
_JULY: Final = 7
_PERCENT: Final = 100
_ONE_DAY: Final = dt.timedelta(days=1)
# round_interest rounds in integers below this numerator and denominator (10**20; see there).
_SMALL: Final = 10**20
# Øre / öre per krone, and the exponent of MINOR_UNIT (0.01): facts of the currencies, not
# statutory numbers.
_PER_UNIT: Final = 100
_UNIT_EXPONENT: Final = -2


PaymentsReduce = Literal["principal", "interest_first"]
"""What a partial payment pays first in :func:`accrue_on_balance`."""

PAYMENTS_REDUCE: Final[tuple[PaymentsReduce, ...]] = get_args(PaymentsReduce)
_ORDER: Final[Mapping[PaymentsReduce, tuple[str, str]]] = {
    "principal": ("principal", "interest"),
    "interest_first": ("interest", "principal"),
}


class DayCount(enum.Enum):
    """Dagberegning / dagberäkning (day-count convention): what one day of interest is worth.

    ``ACTUAL_ACTUAL_ISDA``: a day is 1/365 of the annual rate, 1/366 in a leap year (the
    Norwegian rule). ``ACTUAL_365_FIXED``: always 1/365 (the Swedish default in this library).
    ``ACTUAL_360``: always 1/360 (reported for an old Kronofogden calculator).

    >>> DayCount("actual/365-fixed").year_length(dt.date(2024, 3, 1))
    365
    >>> DayCount.ACTUAL_ACTUAL_ISDA.year_length(dt.date(2024, 3, 1))
    366
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    ACTUAL_ACTUAL_ISDA = "actual/actual-isda"
    ACTUAL_365_FIXED = "actual/365-fixed"
    ACTUAL_360 = "actual/360"

    # Members are singletons compared by identity: the identity hash agrees with that equality
    # and is cheaper than Enum's hash of the member's name (a day count keys the split memos).
    __hash__ = object.__hash__

    def year_length(self, day: dt.date) -> int:
        """The number of days in the year that a day in *day*'s calendar year is a share of."""
        if self is DayCount.ACTUAL_ACTUAL_ISDA:
            return 366 if calendar.isleap(day.year) else 365
        if self is DayCount.ACTUAL_360:
            return 360
        return 365


def day_count_from_record(value: object, *, parameter: str) -> DayCount:
    """Read a day-count record ``{convention = "..."}`` from the law data.

    Raises:
        DataFileError: if the record does not have that shape.
    """
    if not isinstance(value, Mapping) or set(value) != {"convention"}:
        raise DataFileError(parameter, "value", f"expected {{convention = ...}}, got {value!r}")
    try:
        return DayCount(value["convention"])
    except ValueError:
        known = [d.value for d in DayCount]
        raise DataFileError(
            parameter, "value.convention", f"must be one of {known}, got {value['convention']!r}"
        ) from None


@attrs.frozen(kw_only=True)
class RateInForce:
    """The late-interest rate in force on a day, as a country module found it.

    Attributes:
        rate: percent per year (``Decimal("12.25")``); never negative.
        valid_until: the last day the rate holds (None: until further notice).
        basis: the citations of the table entries the rate came from.
    """

    rate: Decimal
    valid_until: dt.date | None
    basis: tuple[Citation, ...]


RateLookup = Callable[[dt.date], RateInForce]
"""A function giving the :class:`RateInForce` on a day (may raise NotInForce)."""

# Makes an instance without running __init__: the trusted construction paths below use it.
_new: Final = object.__new__


def _slot_setters(cls: type, *names: str) -> tuple[Callable[[object, object], None], ...]:
    """The ``__set__`` of the slots *names* of an attrs class (slotted: attrs.frozen's default).

    Setting a field through its slot has the effect of ``object.__setattr__`` (which a frozen
    class's own ``__init__`` uses), at a lower cost. The trusted construction paths use it.
    """
    return tuple(cls.__dict__[name].__set__ for name in names)


@attrs.frozen(kw_only=True)
class InterestPeriod:
    """One part of a span with one rate: ``principal x rate / 100 x days / year_length``.

    Attributes:
        start: the first interest day of the part.
        end: the first day **after** the part (exclusive), so ``days == (end - start).days``.
        days: the number of interest days.
        rate: percent per year.
        year_length: the day count's year (365, 366 or 360) for this part.
        principal: the amount interest ran on.
        exact: the interest of the part, exact, in kroner (unrounded).
    """

    start: dt.date
    end: dt.date
    days: int
    rate: Decimal
    year_length: int
    principal: Money
    exact: Fraction

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if self.days != (self.end - self.start).days or self.days <= 0:
            raise InvalidInput(
                f"an interest period needs end after start and days == end - start, got "
                f"{self.start}..{self.end} with {self.days} days"
            )

    @classmethod
    def _trusted(  # noqa: PLR0917 -- one argument per field
        cls,
        start: dt.date,
        end: dt.date,
        days: int,
        rate: Decimal,
        year_length: int,
        principal: Money,
        exact: Fraction,
    ) -> Self:
        # The engine's own construction path: the same fields as __init__, without the
        # re-check that only a hand-made period needs (docs/performance.md). The fields are
        # set through their slots, which is what the frozen class's __init__ does, too.
        self = _new(cls)
        _period_start(self, start)
        _period_end(self, end)
        _period_days(self, days)
        _period_rate(self, rate)
        _period_year_length(self, year_length)
        _period_principal(self, principal)
        _period_exact(self, exact)
        return self

    @property
    def last_day(self) -> dt.date:
        """The last interest day of the part (inclusive)."""
        return self.end - dt.timedelta(days=1)

    @property
    def amount(self) -> Money:
        """The unrounded interest of the part, as Money (to 50 significant digits)."""
        return to_money(self.exact, self.principal.currency)


(
    _period_start,
    _period_end,
    _period_days,
    _period_rate,
    _period_year_length,
    _period_principal,
    _period_exact,
) = _slot_setters(
    InterestPeriod, "start", "end", "days", "rate", "year_length", "principal", "exact"
)


@attrs.frozen(kw_only=True)
class InterestResult:
    """Late interest over a span: the rounded amount, its parts and its legal basis.

    Attributes:
        amount: the interest, rounded once to øre / öre (ROUND_HALF_UP).
        exact: the exact sum of the parts, before rounding, in kroner.
        principal: the amount interest ran on.
        start: the first interest day (the due date or interest start).
        end: the day of payment (not itself an interest day).
        day_count: the convention used (None when no day was counted).
        periods: the parts, one per half-year (and per rate) touched.
        basis: the citations of every rate, day-count and rule entry used.
    """

    amount: Money
    exact: Fraction
    principal: Money
    start: dt.date
    end: dt.date
    day_count: DayCount | None
    periods: tuple[InterestPeriod, ...] = ()
    basis: tuple[Citation, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        total = sum((p.exact for p in self.periods), Fraction(0))
        if total != self.exact:
            raise InvalidInput(f"exact {self.exact} is not the sum of the periods, {total}")
        if self.amount != round_interest(self.exact, self.principal.currency):
            raise InvalidInput(f"amount {self.amount} is not the rounded exact sum {self.exact}")

    @classmethod
    def _trusted(  # noqa: PLR0917 -- one argument per field
        cls,
        amount: Money,
        exact: Fraction,
        principal: Money,
        start: dt.date,
        end: dt.date,
        day_count: DayCount | None,
        periods: tuple[InterestPeriod, ...],
        basis: tuple[Citation, ...],
    ) -> Self:
        # The engine's own construction path (see InterestPeriod._trusted): the engine adds
        # the parts and rounds them itself, so the re-check in __attrs_post_init__ is skipped.
        self = _new(cls)
        _result_amount(self, amount)
        _result_exact(self, exact)
        _result_principal(self, principal)
        _result_start(self, start)
        _result_end(self, end)
        _result_day_count(self, day_count)
        _result_periods(self, periods)
        _result_basis(self, basis)
        return self

    @property
    def days(self) -> int:
        """The number of interest days (zero for a non-positive span)."""
        return sum(p.days for p in self.periods)

    @property
    def unrounded(self) -> Money:
        """The exact sum as Money (to 50 significant digits)."""
        return to_money(self.exact, self.principal.currency)

    @property
    def provisional(self) -> bool:
        """True if a value of medium confidence or one that may be out of date was used.

        See :attr:`basis` (:func:`inkassorules.law.any_provisional`).
        """
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The amount, each part's arithmetic and the citations, as text."""
        lines = [f"{self.amount} late interest on {self.principal}, {self.days} days"]
        lines.extend(
            f"  {p.start.isoformat()}..{p.last_day.isoformat()}: {p.principal.amount} x "
            f"{p.rate} % x {p.days}/{p.year_length} = {p.amount.rounded(to=Decimal('1e-6'))}"
            for p in self.periods
        )
        if self.basis:
            lines.append(explain(self.basis))
        return "\n".join(lines)

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per period, for ``pandas.DataFrame(result.to_records())``.

        Dates are ``datetime.date`` and amounts ``Decimal`` (never floats), with the currency in
        its own column (see :mod:`inkassorules.records`). ``interest`` is the part's unrounded
        interest to six decimals, as in :meth:`explain`; the total, rounded once, is
        :attr:`amount`.

        >>> flat = RateInForce(rate=Decimal(10), valid_until=None, basis=())
        >>> result = accrue(Money.of(1000, "SEK"), start=dt.date(2025, 1, 1),
        ...     end=dt.date(2026, 1, 1), rate_at=lambda day: flat,
        ...     day_count=DayCount.ACTUAL_365_FIXED)
        >>> for record in result.to_records():
        ...     print(record["start"], record["last_day"], record["days"], record["interest"])
        2025-01-01 2025-06-30 181 49.589041
        2025-07-01 2025-12-31 184 50.410959
        >>> result.to_records()[0]["interest"]
        Decimal('49.589041')
        """
        return records.typed([_period_record(p) for p in self.periods], InterestResult)

    def __repr__(self) -> str:
        return _html.interest_repr(self)

    def _repr_html_(self) -> str:
        """The periods as an HTML table, with the total and the citations (for notebooks)."""
        return html_table(
            f"Late interest on {self.principal} from {self.start.isoformat()} "
            f"until payment on {self.end.isoformat()}",
            self.to_records(),
            columns=_PERIOD_COLUMNS,
            footer=(
                (
                    f"Total {self.amount}: {self.days} days, the exact parts added and rounded "
                    "once to øre / öre (ROUND_HALF_UP)"
                ),
                *(str(c) for c in self.basis),
            ),
        )


(
    _result_amount,
    _result_exact,
    _result_principal,
    _result_start,
    _result_end,
    _result_day_count,
    _result_periods,
    _result_basis,
) = _slot_setters(
    InterestResult,
    "amount",
    "exact",
    "principal",
    "start",
    "end",
    "day_count",
    "periods",
    "basis",
)

# The engine's own construction paths, without the re-checks (see InterestPeriod._trusted).
_period: Final = InterestPeriod._trusted  # noqa: SLF001 -- this module's own trusted path
_result: Final = InterestResult._trusted  # noqa: SLF001 -- this module's own trusted path
_money: Final = Money._trusted  # noqa: SLF001 -- values computed here from checked values

# The columns of a period's notebook record (to_records / _repr_html_).
_PERIOD_COLUMNS: Final = (
    "start",
    "last_day",
    "days",
    "rate",
    "year_length",
    "principal",
    "interest",
    "currency",
)


def _plain(money: Money) -> str:
    """An amount as a locale-free decimal string without the currency: ``'8000.00'``."""
    return str(money).partition(" ")[0]


def _period_record(period: InterestPeriod) -> dict[str, str | int]:
    six_places = period.amount.rounded(to=Decimal("1e-6")).amount
    return {
        "start": period.start.isoformat(),
        "last_day": period.last_day.isoformat(),
        "days": period.days,
        "rate": str(period.rate),
        "year_length": period.year_length,
        "principal": _plain(period.principal),
        "interest": f"{six_places:f}",
        "currency": period.principal.currency,
    }


@attrs.frozen(kw_only=True)
class InterestStart:
    """Rentestart / ränta från (when late interest starts), and why.

    ``start`` is the date to pass as ``due_date=`` to ``late_interest``: interest is counted for
    the days ``start <= d < paid_on``, so paying on ``start`` itself costs no interest, exactly as
    paying on an agreed due date does.

    Attributes:
        start: the interest start date (the due date, rolled or not, or the end of the demand
            period).
        reasons: plain-language statements of the rules applied.
        basis: the citations of the rules and dated values used.
    """

    start: dt.date
    reasons: tuple[str, ...] = ()
    basis: tuple[Citation, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_date(self.start, "start")

    @property
    def provisional(self) -> bool:
        """True if a value of medium confidence or one that may be out of date was used.

        See :attr:`basis` (:func:`inkassorules.law.any_provisional`).
        """
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The start date, the reasons and the citations, as text."""
        head = f"interest from {self.start.isoformat()}"
        if self.reasons:
            head += ": " + "; ".join(self.reasons)
        return f"{head}\n{explain(self.basis)}" if self.basis else head


def demand_period_end(record: object, *, sent_on: dt.date, parameter: str) -> dt.date:
    """The day a demand period ends, from a record ``{days = n}`` or ``{months = n}``.

    Months use :func:`inkassorules.calendar.add_months` (end-of-month clipping).

    >>> demand_period_end({"months": 1}, sent_on=dt.date(2003, 1, 31), parameter="example")
    datetime.date(2003, 2, 28)

    Raises:
        DataFileError: if the record does not have that shape.
    """
    if not isinstance(record, Mapping):
        raise DataFileError(parameter, "value", f"expected a table, got {record!r}")
    keys = {"days", "months"} & set(record)
    if len(keys) != 1:
        raise DataFileError(parameter, "value", f"needs exactly one of days/months: {record!r}")
    key = keys.pop()
    count = record[key]
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise DataFileError(parameter, f"value.{key}", f"must be a whole number >= 1: {count!r}")
    if key == "days":
        return add_days(sent_on, count)
    return add_months(sent_on, count)


def _check_fraction(value: object) -> None:
    if not isinstance(value, Fraction | int) or isinstance(value, bool):
        raise InvalidInput(f"an exact amount is a Fraction, got {value!r}")


def to_money(value: Fraction, currency: str) -> Money:
    """An exact fraction of kroner as Money, to 50 significant digits (DECIMAL_CONTEXT)."""
    _check_fraction(value)
    amount = DECIMAL_CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
    return Money.of(amount, currency)


def round_interest(value: Fraction, currency: str) -> Money:
    """Round an exact interest sum once, to øre / öre, ROUND_HALF_UP (style guide § 9)."""
    _check_fraction(value)
    return _round(value.numerator, value.denominator, currency)


def _round(numerator: int, denominator: int, currency: str) -> Money:
    """round_interest of ``numerator / denominator`` (in lowest terms, denominator > 0)."""
    # The same Decimal as to_money(value, currency).rounded(to=MINOR_UNIT, mode=...): dividing
    # by the quantum there only shifts the exponent, so one quantize does it (performance.md).
    if 0 <= numerator < _SMALL and denominator < _SMALL:
        # In integers: the 50-digit division below is off by less than 1e-29 here, while a
        # value that is not exactly a tie (x.xx5) lies at least 1 / (200 x denominator) from
        # one, and a tie divides exactly; so both round to the same cents (performance.md).
        cents, rest = divmod(numerator * _PER_UNIT, denominator)
        if 2 * rest >= denominator:  # ROUND_HALF_UP
            cents += 1
        amount = Decimal(cents).scaleb(_UNIT_EXPONENT, DECIMAL_CONTEXT)
        if currency not in CURRENCIES:
            Money.zero(currency)  # raises Money's own error for an unknown currency
        # A finite Decimal computed here, and a checked currency: the trusted path.
        return _money(amount, cast("Currency", currency))
    exact = DECIMAL_CONTEXT.divide(Decimal(numerator), Decimal(denominator))
    # Money(...) checks the currency as Money.of does; the quantized Decimal is already finite.
    return Money(
        exact.quantize(MINOR_UNIT, rounding="ROUND_HALF_UP", context=DECIMAL_CONTEXT),
        cast("Currency", currency),  # Money checks it, as Money.of does
    )


def next_half_year_start(day: dt.date) -> dt.date:
    """The next 1 January or 1 July strictly after *day*.

    >>> next_half_year_start(dt.date(2025, 3, 1)), next_half_year_start(dt.date(2025, 7, 1))
    (datetime.date(2025, 7, 1), datetime.date(2026, 1, 1))
    """
    return _next_half_year_start(check_date(day, "day"))


def _next_half_year_start(day: dt.date) -> dt.date:
    if day.month < _JULY:
        return dt.date(day.year, _JULY, 1)
    if day.year == dt.MAXYEAR:
        raise InvalidInput(f"no half-year starts after {day}: the last day a date can name")
    return dt.date(day.year + 1, 1, 1)


def half_year_starts(start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """Every 1 January and 1 July in ``(start, end)``: where a span is split.

    >>> half_year_starts(dt.date(2024, 5, 1), dt.date(2025, 2, 1))
    (datetime.date(2024, 7, 1), datetime.date(2025, 1, 1))
    """
    check_date(end, "end")
    found: list[dt.date] = []
    day = next_half_year_start(start)
    while day < end:
        found.append(day)
        day = next_half_year_start(day)
    return tuple(found)


def _check_principal(principal: object) -> Money:
    if not isinstance(principal, Money):
        raise InvalidInput(f"principal must be Money, got {principal!r}")
    if principal.is_negative:
        raise InvalidInput(f"principal must not be negative, got {principal}")
    return principal


_Part = tuple[dt.date, dt.date, int, Decimal, int, int, int]
"""One part of a span, without the principal (interest = principal x factor): start, end,
days, rate, year length, and the factor's numerator (rate x days) and denominator (100 x year,
with the rate's denominator). A plain tuple: cheaper to build than a NamedTuple."""


class _Plan(NamedTuple):
    """What a span costs per krone: its parts, their summed factor and the citations.

    Everything in a span's calculation that does not depend on the principal. It is immutable,
    so the country modules memoise it per (law book, start, end) (docs/performance.md).
    """

    parts: tuple[_Part, ...]
    factor_numerator: int  # the sum of the parts' factors, exact, in lowest terms
    factor_denominator: int
    day_count: DayCount
    basis: tuple[Citation, ...]


def _plan(
    start: dt.date,
    end: dt.date,
    rate_at: RateLookup,
    day_count: DayCount,
    basis: tuple[Citation, ...],
) -> _Plan:
    """Split ``start <= d < end`` (``start < end``) into parts with one rate and one year."""
    parts: list[_Part] = []
    cited: list[Citation] = []
    # The summed factor in integers over a common denominator, made a Fraction once.
    factor_numerator, factor_denominator = 0, 1
    day = start
    while day < end:
        quote = rate_at(day)
        if quote.rate < 0:
            raise DataFileError(
                "late-interest rate", day.isoformat(), f"rate {quote.rate} % is negative"
            )
        if quote.valid_until is not None and quote.valid_until < day:
            raise DataFileError(
                "late-interest rate",
                day.isoformat(),
                f"the rate looked up for {day.isoformat()} holds only until "
                f"{quote.valid_until.isoformat()}, before that day",
            )
        stop = min(end, _next_half_year_start(day))
        if quote.valid_until is not None:
            stop = min(stop, quote.valid_until + _ONE_DAY)
        days = (stop - day).days
        year = day_count.year_length(day)
        rate_numerator, rate_denominator = quote.rate.as_integer_ratio()
        numerator = rate_numerator * days
        denominator = rate_denominator * _PERCENT * year
        parts.append((day, stop, days, quote.rate, year, numerator, denominator))
        common = math.lcm(factor_denominator, denominator)
        factor_numerator = factor_numerator * (common // factor_denominator) + numerator * (
            common // denominator
        )
        factor_denominator = common
        cited.extend(quote.basis)
        day = stop
    cited.extend(basis)
    factor = Fraction(factor_numerator, factor_denominator)
    return _Plan(
        tuple(parts), factor.numerator, factor.denominator, day_count, _distinct(tuple(cited))
    )


# _distinct's memo: the ids of a sequence of citations -> (that sequence, its distinct ones).
_DISTINCT: Final[dict[tuple[int, ...], tuple[tuple[Citation, ...], tuple[Citation, ...]]]] = {}
_DISTINCT_KEPT: Final = 1024


def _distinct(cited: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """The distinct citations of *cited*, in the order of first appearance (equal ones once).

    Memoised by the objects' identity, which is cheaper than hashing a Citation's fields: the
    look-ups give the same Citation objects every time. An entry keeps its objects alive, so
    no other object can have their ids while it exists.
    """
    key = tuple(map(id, cited))
    kept = _DISTINCT.get(key)
    if kept is not None:
        return kept[1]
    distinct = tuple(dict.fromkeys(cited))
    if len(_DISTINCT) >= _DISTINCT_KEPT:
        _DISTINCT.clear()
    _DISTINCT[key] = (cited, distinct)
    return distinct


class _RateIndex:
    """A law book's rate segments for one day count: splits a span without rate look-ups.

    A segment is a maximal stretch of days with one rate entry and one half-year. The segments
    are found by the very loop :func:`_plan` runs (a quote's stretch ends at the next half-year
    or the day after its ``valid_until``), once, from the first day of the rate table, until a
    look-up fails (before the table, an "unknown" entry, past the published horizon), a rate
    is negative or open-ended (``valid_until`` None). A country's look-up gives the same quote
    (its entries' rate, last day and citations) on every day of a segment, so the loop run on
    any span inside the index visits the same segments, clipped to the span: :meth:`plan` is
    then equal (``==``) to :func:`_plan`'s answer. It answers None for a span not fully inside
    the index, which the caller then splits with :func:`_plan` (the same errors, word for word).
    """

    __slots__ = (
        "_basis",
        "_cited",
        "_end",
        "_first",
        "_parts",
        "_prefix",
        "_rates",
        "_starts",
        "day_count",
    )

    def __init__(self, first: dt.date | None, rate_at: RateLookup, day_count: DayCount) -> None:
        self.day_count = day_count
        # Per segment: its start, the part it makes when a span covers it whole, its rate as
        # (numerator, 100 x year x denominator), and the citations of its quote.
        self._starts: list[dt.date] = []
        self._parts: list[_Part] = []
        self._rates: list[tuple[Decimal, int, int, int]] = []
        self._cited: list[tuple[Citation, ...]] = []
        # The distinct citations of the segments i..j and a basis, by (i, j): at most one
        # entry per pair of segments.
        self._basis: dict[tuple[int, int], tuple[tuple[Citation, ...], tuple[Citation, ...]]] = {}
        day = first
        while day is not None:
            try:
                quote = rate_at(day)
                if quote.rate < 0 or quote.valid_until is None or quote.valid_until < day:
                    break  # the plan refuses a negative or stale rate with its own error
                stop = min(_next_half_year_start(day), quote.valid_until + _ONE_DAY)
            except (InkassoError, OverflowError, ValueError):  # no rate, or no date after 9999
                break
            year = day_count.year_length(day)
            rate_numerator, rate_denominator = quote.rate.as_integer_ratio()
            denominator = rate_denominator * _PERCENT * year
            days = (stop - day).days
            self._starts.append(day)
            self._parts.append(
                (day, stop, days, quote.rate, year, rate_numerator * days, denominator)
            )
            self._rates.append((quote.rate, year, rate_numerator, denominator))
            self._cited.append(quote.basis)
            day = stop
        # Prefix sums of the segments' factors, exact: _prefix[k] is the summed factor of the
        # segments before k, so the segments i..j-1 a span covers whole add up to
        # _prefix[j] - _prefix[i], one subtraction whatever the span's length.
        running = Fraction(0)
        self._prefix: list[Fraction] = [running]
        for part in self._parts:
            running += Fraction(part[5], part[6])
            self._prefix.append(running)
        self._first = self._starts[0] if self._starts else dt.date.max
        self._end = self._parts[-1][1] if self._parts else dt.date.min

    def plan(self, start: dt.date, end: dt.date, basis: tuple[Citation, ...]) -> _Plan | None:
        """The split of ``start <= d < end`` (``start < end``), or None outside the index."""
        if start < self._first or end > self._end:
            return None
        starts = self._starts
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_left(starts, end, first + 1) - 1
        rate, year, rate_numerator, denominator = self._rates[first]
        if first == last:
            days = (end - start).days
            numerator = rate_numerator * days
            parts: tuple[_Part, ...] = ((start, end, days, rate, year, numerator, denominator),)
            common = math.gcd(numerator, denominator)
            factor_numerator, factor_denominator = numerator // common, denominator // common
        else:
            stop = starts[first + 1]
            days = (stop - start).days
            head: _Part = (start, stop, days, rate, year, rate_numerator * days, denominator)
            rate, year, rate_numerator, denominator = self._rates[last]
            stop = starts[last]
            days = (end - stop).days
            tail: _Part = (stop, end, days, rate, year, rate_numerator * days, denominator)
            parts = (head, *self._parts[first + 1 : last], tail)
            # The summed factor: the whole segments between head and tail from the prefix
            # sums, exact, plus the head and the tail. Fractions are in lowest terms, so this
            # is the numerator and denominator _plan's sum reduces to.
            factor = (
                self._prefix[last]
                - self._prefix[first + 1]
                + Fraction(head[5], head[6])
                + Fraction(tail[5], tail[6])
            )
            factor_numerator, factor_denominator = factor.numerator, factor.denominator
        return _Plan(
            parts,
            factor_numerator,
            factor_denominator,
            self.day_count,
            self._distinct(first, last, basis),
        )

    def _distinct(
        self, first: int, last: int, basis: tuple[Citation, ...]
    ) -> tuple[Citation, ...]:
        # The basis is almost always the same citation objects, which the tuple comparison
        # finds by identity, without comparing fields; another basis replaces the kept one.
        kept = self._basis.get((first, last))
        if kept is not None and kept[0] == basis:
            return kept[1]
        cited = [c for quoted in self._cited[first : last + 1] for c in quoted]
        distinct = tuple(dict.fromkeys([*cited, *basis]))
        if len(self._basis) >= _DISTINCT_KEPT:
            self._basis.clear()
        self._basis[first, last] = (basis, distinct)
        return distinct


# How often each law book other than the built-in one was split (at most _BOOKS_COUNTED books;
# emptied when full), and after how many splits its rate index is built: building one costs
# about as much as 25 splits through the rate look-ups (about 150 µs), which a book made for a
# single call would never earn back.
_BOOK_SPLITS: Final[dict[object, int]] = {}
_BOOKS_COUNTED: Final = 256
_INDEX_AFTER: Final = 8


def _index_pays(key: object) -> bool:
    """True for the built-in book (*key* None), and for a book split often enough already."""
    if key is None:
        return True
    splits = _BOOK_SPLITS.get(key, 0)
    if splits >= _INDEX_AFTER:
        return True
    if not splits and len(_BOOK_SPLITS) >= _BOOKS_COUNTED:  # a new book, and the table full
        _BOOK_SPLITS.clear()
    _BOOK_SPLITS[key] = splits + 1
    return False


class _Splits:
    """One country's splits of spans into rate parts, memoised (its late_interest's engine room).

    *rate* is the country's ``late_interest_rate_in_force(on=, law=)``; *first_day* gives the
    first day a book's rate tables cover (it may raise InkassoError: then the index is empty and
    every span takes the look-ups, with their errors). Keys are :func:`law.cache_key` values:
    None for the built-in book. Every memo is bounded, and a failed look-up is never kept.
    """

    __slots__ = ("_first_day", "_indexes", "_plans", "_rate", "rate_on")

    def __init__(
        self,
        rate: Callable[[dt.date, LawBook], RateInForce],
        first_day: Callable[[LawBook], dt.date],
    ) -> None:
        self._rate = rate
        self._first_day = first_day
        self._indexes: dict[tuple[LawBook | None, DayCount], _RateIndex] = {}
        self._plans: dict[tuple[object, ...], _Plan] = {}
        # The rate on a day, memoised per day (a span's parts start on few days).
        self.rate_on: Final = functools.lru_cache(maxsize=_SPLITS_KEPT)(self._rate_uncached)

    def _rate_uncached(self, key: LawBook | None, day: dt.date) -> RateInForce:
        return self._rate(day, book_of(key))

    def index(self, key: LawBook | None, day_count: DayCount) -> _RateIndex:
        """The rate segments of a book for one day count (see :class:`_RateIndex`)."""
        found = self._indexes.get((key, day_count))
        if found is None:
            book = book_of(key)
            try:
                first: dt.date | None = self._first_day(book)
            except InkassoError:
                first = None  # an empty index: every span takes the look-ups, and their error
            found = _RateIndex(first, lambda day: self._rate(day, book), day_count)
            if len(self._indexes) >= _INDEXES_KEPT:
                self._indexes.clear()
            self._indexes[key, day_count] = found
        return found

    def split(
        self,
        key: LawBook | None,
        start: dt.date,
        end: dt.date,
        day_count: DayCount,
        basis: tuple[Citation, ...],
    ) -> _Plan:
        """The split of ``start <= d < end``: from the rate index, else by the rate look-ups."""
        plan = self.index(key, day_count).plan(start, end, basis) if _index_pays(key) else None
        if plan is None:  # outside the index: the look-ups give the same split, or the same error
            plan = _plan(start, end, lambda day: self.rate_on(key, day), day_count, basis)
        return plan

    def kept(self, span: tuple[object, ...]) -> _Plan | None:
        """The split memoised for *span* (a tuple that starts with the book's key), if any."""
        return self._plans.get(span)

    def keep(self, span: tuple[object, ...], plan: _Plan) -> _Plan:
        """Memoise *plan* for *span*, and return it.

        A plain dict, emptied when full: for a span seen for the first time it costs less than
        an LRU cache, whose upkeep costs about as much as splitting a short span through the
        rate index.
        """
        if len(self._plans) >= _SPLITS_KEPT:
            self._plans.clear()
        self._plans[span] = plan
        return plan


# How many spans, and rates per day, a country's _Splits keeps; and how many rate indexes (one
# per book and day count; an index holds one entry per half-year).
_SPLITS_KEPT: Final = 4096
_INDEXES_KEPT: Final = 64


def _accrue_planned(principal: Money, start: dt.date, end: dt.date, plan: _Plan) -> InterestResult:
    """The result of :func:`accrue` for a checked, non-negative *principal* and a span's plan.

    Each part is ``Fraction(p x rate x days, q x 100 x year)`` for the principal ``p/q``, as
    before; their exact sum equals ``p/q`` times the plan's summed factor (Fractions are kept in
    lowest terms, so it has the same numerator and denominator as the sum of the parts).
    """
    periods, total = _planned_periods(principal, plan)
    return _result(
        _round(total.numerator, total.denominator, principal.currency),
        total,
        principal,
        start,
        end,
        plan.day_count,
        periods,
        plan.basis,
    )


def _planned_periods(principal: Money, plan: _Plan) -> tuple[tuple[InterestPeriod, ...], Fraction]:
    """The periods of :func:`_accrue_planned` and their exact sum."""
    numerator, denominator = principal.amount.as_integer_ratio()
    parts = plan.parts
    if len(parts) == 1:
        # One part: its exact interest is the total (both in lowest terms, so equal fields).
        first, stop, days, rate, year, n, d = parts[0]
        total = Fraction(numerator * n, denominator * d)
        periods: tuple[InterestPeriod, ...] = (
            _period(first, stop, days, rate, year, principal, total),
        )
    else:
        periods = tuple(
            [
                _period(
                    first,
                    stop,
                    days,
                    rate,
                    year,
                    principal,
                    Fraction(numerator * n, denominator * d),
                )
                for first, stop, days, rate, year, n, d in parts
            ]
        )
        total = Fraction(numerator * plan.factor_numerator, denominator * plan.factor_denominator)
    return periods, total


def accrue(
    principal: Money,
    *,
    start: dt.date,
    end: dt.date,
    rate_at: RateLookup,
    day_count: DayCount | None,
    basis: tuple[Citation, ...] = (),
) -> InterestResult:
    """Simple interest on *principal* for every day *d* with ``start <= d < end``.

    The span is split at every 1 January and 1 July and wherever the rate's ``valid_until``
    ends; each part is exact; the sum is rounded once. Zero (no periods, no look-ups) when
    ``end <= start``.

    Args:
        principal: the amount interest runs on (not negative).
        start: the first interest day.
        end: the day of payment: the first day without interest.
        rate_at: gives the rate in force on a day.
        day_count: the day-count convention (may be None only for a non-positive span).
        basis: citations to add to the result (the day count's and the rule's).

    Raises:
        InvalidInput: for a negative principal or a bad date.
        DataFileError: if *rate_at* gives a negative rate (late interest is never negative).
        NotInForce: from *rate_at*, for a day the tables do not cover.
    """
    principal = _check_principal(principal)
    check_date(start, "start")
    check_date(end, "end")
    if end <= start:
        zero = Fraction(0)
        return InterestResult._trusted(  # noqa: SLF001 -- the engine's own trusted path
            round_interest(zero, principal.currency),
            zero,
            principal,
            start,
            end,
            day_count,
            (),
            (),
        )
    if not isinstance(day_count, DayCount):
        raise InvalidInput(f"day_count must be a DayCount, got {day_count!r}")
    return _accrue_planned(principal, start, end, _plan(start, end, rate_at, day_count, basis))


# -- interest on a changing balance ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PaymentApplication:
    """How one payment was applied: to interest, to principal, and what was left over.

    Attributes:
        payment: the payment.
        applied_on: the day it took effect (its ``paid_on``, or the interest start if earlier).
        to_interest: the part that paid accrued interest.
        to_principal: the part that reduced the principal.
        overpayment: the part left over once principal and accrued interest were paid (to be
            refunded or applied to costs; never dropped).
    """

    payment: Payment
    applied_on: dt.date
    to_interest: Money
    to_principal: Money
    overpayment: Money

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        parts = self.to_interest + self.to_principal + self.overpayment
        if parts != self.payment.amount:
            raise InvalidInput(f"a payment of {self.payment.amount} was applied as {parts}")
        if any(m.is_negative for m in (self.to_interest, self.to_principal, self.overpayment)):
            raise InvalidInput("no part of an applied payment may be negative")

    @classmethod
    def _trusted(
        cls,
        payment: Payment,
        applied_on: dt.date,
        to_interest: Money,
        to_principal: Money,
        overpayment: Money,
    ) -> Self:
        # The engine's own construction path (see InterestPeriod._trusted).
        self = _new(cls)
        _application_payment(self, payment)
        _application_applied_on(self, applied_on)
        _application_to_interest(self, to_interest)
        _application_to_principal(self, to_principal)
        _application_overpayment(self, overpayment)
        return self


(
    _application_payment,
    _application_applied_on,
    _application_to_interest,
    _application_to_principal,
    _application_overpayment,
) = _slot_setters(
    PaymentApplication, "payment", "applied_on", "to_interest", "to_principal", "overpayment"
)


@attrs.frozen(kw_only=True)
class BalanceInterestResult:
    """Late interest on a balance that partial payments reduce, and where each payment went.

    Attributes:
        interest: all interest accrued up to ``until``, rounded once to øre / öre.
        exact: the exact accrued interest, in kroner.
        principal: the original principal.
        start: the first interest day.
        until: the day the calculation stops (not itself an interest day).
        payments_reduce: ``"principal"`` or ``"interest_first"``.
        periods: the parts, each with the balance (``principal``) it ran on.
        applications: each payment's allocation, in date order.
        principal_outstanding: the principal still owed at ``until``.
        interest_outstanding: the interest accrued and not paid at ``until``.
        overpayment: the total paid beyond principal and accrued interest.
        basis: the citations of every rate, day-count and rule entry used.
    """

    interest: Money
    exact: Fraction
    principal: Money
    start: dt.date
    until: dt.date
    payments_reduce: PaymentsReduce
    periods: tuple[InterestPeriod, ...]
    applications: tuple[PaymentApplication, ...]
    principal_outstanding: Money
    interest_outstanding: Money
    overpayment: Money
    basis: tuple[Citation, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        # Money is conserved: every krone paid is principal, interest or overpayment.
        currency = self.principal.currency
        paid = Money.total((a.payment.amount for a in self.applications), currency=currency)
        to_principal = Money.total((a.to_principal for a in self.applications), currency=currency)
        to_interest = Money.total((a.to_interest for a in self.applications), currency=currency)
        overpayment = Money.total((a.overpayment for a in self.applications), currency=currency)
        if paid != to_principal + to_interest + overpayment or overpayment != self.overpayment:
            raise InvalidInput("payments are not conserved in their applications")
        if self.principal - to_principal != self.principal_outstanding:
            raise InvalidInput("principal_outstanding is not principal minus principal paid")
        if self.interest - to_interest != self.interest_outstanding:
            raise InvalidInput("interest_outstanding is not interest minus interest paid")
        if self.principal_outstanding.is_negative or self.interest_outstanding.is_negative:
            raise InvalidInput("nothing outstanding may be negative")

    @classmethod
    def _trusted(
        cls,
        *,
        interest: Money,
        exact: Fraction,
        principal: Money,
        start: dt.date,
        until: dt.date,
        payments_reduce: PaymentsReduce,
        periods: tuple[InterestPeriod, ...],
        applications: tuple[PaymentApplication, ...],
        principal_outstanding: Money,
        interest_outstanding: Money,
        overpayment: Money,
        basis: tuple[Citation, ...],
    ) -> Self:
        # The engine's own construction path (see InterestPeriod._trusted); every field by name.
        self = _new(cls)
        _balance_interest(self, interest)
        _balance_exact(self, exact)
        _balance_principal(self, principal)
        _balance_start(self, start)
        _balance_until(self, until)
        _balance_payments_reduce(self, payments_reduce)
        _balance_periods(self, periods)
        _balance_applications(self, applications)
        _balance_principal_outstanding(self, principal_outstanding)
        _balance_interest_outstanding(self, interest_outstanding)
        _balance_overpayment(self, overpayment)
        _balance_basis(self, basis)
        return self

    @property
    def provisional(self) -> bool:
        """True if a value of medium confidence or one that may be out of date was used.

        See :attr:`basis` (:func:`inkassorules.law.any_provisional`).
        """
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The interest, each part, each payment's allocation and the citations, as text."""
        head = (
            f"{self.interest} late interest {self.start.isoformat()}..{self.until.isoformat()} "
            f"(payments reduce: {self.payments_reduce})"
        )
        lines = [head]
        lines.extend(
            f"  {p.start.isoformat()}..{p.last_day.isoformat()}: {p.principal.amount} x "
            f"{p.rate} % x {p.days}/{p.year_length} = {p.amount.rounded(to=Decimal('1e-6'))}"
            for p in self.periods
        )
        lines.extend(
            f"  paid {a.payment.amount} on {a.payment.paid_on.isoformat()}: interest "
            f"{a.to_interest}, principal {a.to_principal}, overpayment {a.overpayment}"
            for a in self.applications
        )
        lines.append(
            f"  outstanding: principal {self.principal_outstanding}, "
            f"interest {self.interest_outstanding}; overpayment {self.overpayment}"
        )
        if self.basis:
            lines.append(explain(self.basis))
        return "\n".join(lines)

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per event in date order, for ``pandas.DataFrame(x.to_records())``.

        An ``"interest"`` row is a period (``balance`` is what interest ran on, ``interest`` its
        unrounded interest to six decimals); a ``"payment"`` row is a payment and where it went
        (``paid``, ``to_interest``, ``to_principal``, ``overpayment``). Columns that do not
        apply to a row are None; amounts are ``Decimal``, never floats.

        >>> from inkassorules.claims import Payment
        >>> flat = RateInForce(rate=Decimal(10), valid_until=None, basis=())
        >>> result = accrue_on_balance(Money.of(1000, "SEK"),
        ...     [Payment(amount=Money.of(500, "SEK"), paid_on=dt.date(2025, 7, 1))],
        ...     start=dt.date(2025, 1, 1), until=dt.date(2026, 1, 1), rate_at=lambda day: flat,
        ...     day_count=DayCount.ACTUAL_365_FIXED)
        >>> [(r["event"], r["start"], r["balance"], r["to_interest"]) for r in result.to_records()]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('interest', datetime.date(2025, 1, 1), Decimal('1000.00'), None),
         ('payment', datetime.date(2025, 7, 1), None, Decimal('49.59')),
         ('interest', datetime.date(2025, 7, 1), Decimal('549.59'), None)]
        """
        blank = dict.fromkeys(_BALANCE_COLUMNS, "")
        events: list[tuple[dt.date, int, dict[str, str | int]]] = []
        for index, period in enumerate(self.periods):
            row = _period_record(period)
            events.append(
                (
                    period.start,
                    2 * index + 1,  # a period starting on a payment day comes after it
                    {
                        **blank,
                        "event": "interest",
                        "start": row["start"],
                        "last_day": row["last_day"],
                        "days": row["days"],
                        "rate": row["rate"],
                        "balance": row["principal"],
                        "interest": row["interest"],
                        "currency": row["currency"],
                    },
                )
            )
        for index, application in enumerate(self.applications):
            day = application.applied_on.isoformat()
            events.append(
                (
                    application.applied_on,
                    2 * index,
                    {
                        **blank,
                        "event": "payment",
                        "start": day,
                        "last_day": day,
                        "days": 0,
                        "paid": _plain(application.payment.amount),
                        "to_interest": _plain(application.to_interest),
                        "to_principal": _plain(application.to_principal),
                        "overpayment": _plain(application.overpayment),
                        "currency": application.payment.amount.currency,
                    },
                )
            )
        events.sort(key=lambda event: (event[0], event[1] % 2, event[1]))
        return records.typed([row for _, _, row in events], BalanceInterestResult)

    def __repr__(self) -> str:
        return _html.balance_interest_repr(self)

    def _repr_html_(self) -> str:
        """Periods and payments as an HTML table, with the totals and citations (notebooks)."""
        return html_table(
            f"Late interest on a balance of {self.principal} from {self.start.isoformat()} "
            f"until {self.until.isoformat()} (payments reduce: {self.payments_reduce})",
            self.to_records(),
            columns=_BALANCE_COLUMNS,
            footer=(
                (
                    f"Interest {self.interest} (rounded once to øre / öre, ROUND_HALF_UP); "
                    f"outstanding: principal {self.principal_outstanding}, interest "
                    f"{self.interest_outstanding}; overpayment {self.overpayment}"
                ),
                *(str(c) for c in self.basis),
            ),
        )


(
    _balance_interest,
    _balance_exact,
    _balance_principal,
    _balance_start,
    _balance_until,
    _balance_payments_reduce,
    _balance_periods,
    _balance_applications,
    _balance_principal_outstanding,
    _balance_interest_outstanding,
    _balance_overpayment,
    _balance_basis,
) = _slot_setters(
    BalanceInterestResult,
    "interest",
    "exact",
    "principal",
    "start",
    "until",
    "payments_reduce",
    "periods",
    "applications",
    "principal_outstanding",
    "interest_outstanding",
    "overpayment",
    "basis",
)

_balance: Final = BalanceInterestResult._trusted  # noqa: SLF001 -- this module's own path

# The columns of a balance calculation's notebook record (to_records / _repr_html_).
_BALANCE_COLUMNS: Final = (
    "event",
    "start",
    "last_day",
    "days",
    "rate",
    "balance",
    "interest",
    "paid",
    "to_interest",
    "to_principal",
    "overpayment",
    "currency",
)


def _check_payments(payments: object, currency: str, until: dt.date) -> list[Payment]:
    if isinstance(payments, (str, bytes)) or not hasattr(payments, "__iter__"):
        raise InvalidInput(f"payments must be a sequence of Payment, got {payments!r}")
    checked: list[Payment] = []
    for payment in payments:
        if not isinstance(payment, Payment):
            raise InvalidInput(f"payments must hold Payment objects, got {payment!r}")
        if payment.amount.currency != currency:
            raise CurrencyMismatch(currency, payment.amount.currency, context="a payment")
        if payment.paid_on > until:
            raise InvalidInput(
                f"a payment on {payment.paid_on} is after until={until}; "
                "calculate up to the last payment or later"
            )
        checked.append(payment)
    return sorted(checked, key=lambda p: p.paid_on)  # stable: same-day payments keep order


def accrue_on_balance(
    principal: Money,
    payments: Iterable[Payment],
    *,
    start: dt.date,
    until: dt.date,
    rate_at: RateLookup,
    day_count: DayCount | None,
    payments_reduce: PaymentsReduce = "interest_first",
    basis: tuple[Citation, ...] = (),
) -> BalanceInterestResult:
    """Simple late interest on a principal that payments reduce from the day they are made.

    Interest on the balance is accrued exactly over each stretch between payments (see
    :func:`accrue`). At a payment, the interest due is the accrued total rounded to øre minus
    the interest already paid (so rounding never accumulates). With ``"principal"`` a payment
    reduces the principal first and then pays accrued interest; with ``"interest_first"`` it
    pays accrued interest first, then principal. What is left is reported as ``overpayment``.
    Interest stops once the principal is paid. A payment before *start* takes effect on *start*.

    Raises:
        InvalidInput: for a payment after *until*, a non-Payment, or a bad *payments_reduce*.
        CurrencyMismatch: for a payment in another currency.
        NotInForce: from *rate_at*, for a day the tables do not cover.
    """
    principal = _check_principal(principal)
    check_date(start, "start")
    check_date(until, "until")
    if payments_reduce not in PAYMENTS_REDUCE:
        raise InvalidInput(
            f"payments_reduce must be one of {list(PAYMENTS_REDUCE)}, got {payments_reduce!r}"
        )

    def stretch(balance: Money, first: dt.date, end: dt.date) -> InterestResult:
        return accrue(
            balance, start=first, end=end, rate_at=rate_at, day_count=day_count, basis=basis
        )

    return _on_balance(principal, payments, start, until, payments_reduce, stretch)


def _on_balance(  # noqa: PLR0917 -- accrue_on_balance's checked arguments, positional
    principal: Money,
    payments: Iterable[Payment],
    start: dt.date,
    until: dt.date,
    payments_reduce: PaymentsReduce,
    stretch: Callable[[Money, dt.date, dt.date], InterestResult],
) -> BalanceInterestResult:
    """accrue_on_balance for checked arguments; *stretch* gives the interest of one stretch.

    ``stretch(balance, first, end)`` is :func:`accrue` on the balance for ``first <= d < end``
    (``first < end``, a positive balance), or what a country module computes equal to it.
    """
    currency = principal.currency
    zero = Money.zero(currency)
    balance = principal
    accrued = Fraction(0)
    interest_paid = zero
    periods: list[InterestPeriod] = []
    applications: list[PaymentApplication] = []
    citations: dict[Citation, None] = {}
    cursor = start

    def run_to(day: dt.date) -> None:
        nonlocal accrued, cursor
        if day > cursor and balance.is_positive:
            part = stretch(balance, cursor, day)
            periods.extend(part.periods)
            citations.update(dict.fromkeys(part.basis))
            accrued += part.exact
        cursor = max(cursor, day)

    for payment in _check_payments(payments, currency, until):
        run_to(payment.paid_on)
        interest_due = round_interest(accrued, currency) - interest_paid
        left = payment.amount
        to_interest = to_principal = zero
        for target in _ORDER[payments_reduce]:
            if target == "interest":
                to_interest = min(left, interest_due)
                left -= to_interest
            else:
                to_principal = min(left, balance)
                left -= to_principal
        balance -= to_principal
        interest_paid += to_interest
        applications.append(
            PaymentApplication._trusted(  # noqa: SLF001 -- the engine's own trusted path
                payment=payment,
                applied_on=max(payment.paid_on, start),
                to_interest=to_interest,
                to_principal=to_principal,
                overpayment=left,
            )
        )
    run_to(until)
    interest = round_interest(accrued, currency)
    return _balance(
        interest=interest,
        exact=accrued,
        principal=principal,
        start=start,
        until=until,
        payments_reduce=payments_reduce,
        periods=tuple(periods),
        applications=tuple(applications),
        principal_outstanding=balance,
        interest_outstanding=interest - interest_paid,
        overpayment=Money.total((a.overpayment for a in applications), currency=currency),
        basis=tuple(citations),
    )


def _on_balance_without_payments(
    principal: Money,
    start: dt.date,
    until: dt.date,
    payments_reduce: PaymentsReduce,
    plan: _Plan,
) -> BalanceInterestResult:
    """_on_balance with no payments and a positive *principal*, from the plan of the span.

    The same result, field by field: with no payment there is one stretch, ``start <= d <
    until``, on the whole principal. Its exact interest and its rounding are those of
    :func:`_accrue_planned`; its citations are already distinct; nothing is paid, so the
    interest outstanding is the interest (``x - 0`` is ``x``, digit for digit: the rounded
    interest has exponent -2) and the overpayment is zero.
    """
    periods, exact = _planned_periods(principal, plan)
    currency = principal.currency
    interest = _round(exact.numerator, exact.denominator, currency)
    return _balance(
        interest=interest,
        exact=exact,
        principal=principal,
        start=start,
        until=until,
        payments_reduce=payments_reduce,
        periods=periods,
        applications=(),
        principal_outstanding=principal,
        interest_outstanding=interest,
        overpayment=Money.zero(currency),
        basis=plan.basis,
    )
