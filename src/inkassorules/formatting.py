r"""Formatering (localised text): amounts, dates and rates in bokmål, Swedish or English.

The locale is always an argument, never the process locale: the same call gives the same text on
every machine. Babel does the formatting from the exact Decimal, so nothing is rounded except to
the currency's two decimals (a rule rounds before it formats).

>>> from datetime import date
>>> from decimal import Decimal
>>> from inkassorules import Money
>>> format_money(Money.of("1234.5", "NOK"), locale="nb")
'1\xa0234,50\xa0kr'
>>> format_money(Money.of("38", "SEK"), locale="sv")
'38,00\xa0kr'
>>> format_date(date(2026, 5, 17), locale="en")
'17 May 2026'
>>> format_rate(Decimal("12.25"), locale="nb")
'12,25\xa0%'
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

from babel.dates import format_date as _babel_date
from babel.numbers import format_currency, format_decimal

from inkassorules._checks import check_date, check_decimal
from inkassorules.errors import InvalidInput
from inkassorules.money import DECIMAL_CONTEXT, Money

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["LOCALES", "Locale", "format_date", "format_money", "format_rate"]

Locale = Literal["nb", "sv", "en"]
"""Norwegian bokmål, Swedish, English."""

LOCALES: Final[dict[str, str]] = {"nb": "nb_NO", "sv": "sv_SE", "en": "en_GB"}
"""The library's locales and the CLDR locale each one formats with."""


def _cldr(locale: str) -> str:
    try:
        return LOCALES[locale]
    except (KeyError, TypeError):  # TypeError: an unhashable locale
        raise InvalidInput(f"locale must be one of {sorted(LOCALES)}, got {locale!r}") from None


def format_money(money: Money, *, locale: Locale) -> str:
    """An amount as a reader of *locale* writes it (the amount should already be rounded).

    In Norwegian, NOK is written ``kr``; in Swedish, SEK is written ``kr``. Other
    currency-locale pairs show the currency code.
    """
    if not isinstance(money, Money):
        raise InvalidInput(f"expected Money, got {money!r}")
    cldr = _cldr(locale)
    if (locale, money.currency) in (("nb", "NOK"), ("sv", "SEK")):
        number = format_decimal(
            money.amount, format="#,##0.00", locale=cldr, decimal_quantization=False
        )
        return f"{number}\xa0kr"
    return str(format_currency(money.amount, money.currency, locale=cldr))


def format_date(day: dt.date, *, locale: Locale) -> str:
    """A date in the long form of *locale*: ``17. mai 2026``, ``17 maj 2026``, ``17 May 2026``."""
    return str(_babel_date(check_date(day, "day"), format="long", locale=_cldr(locale)))


def format_rate(percent: Decimal, *, locale: Locale) -> str:
    """A rate given in percent per year (``Decimal("12.25")``) as ``12,25 %`` / ``12.25%``."""
    check_decimal(percent, "percent")
    cldr = _cldr(locale)
    try:
        rounded = percent.quantize(Decimal("0.01"), context=DECIMAL_CONTEXT)
    except decimal.InvalidOperation:  # more digits than the 50-digit context holds
        raise InvalidInput(
            f"percent {percent!r} is beyond the digits a rate is shown with"
        ) from None
    number = format_decimal(
        rounded,
        format="#,##0.00",
        locale=cldr,
    )
    return f"{number}\xa0%" if locale != "en" else f"{number}%"
