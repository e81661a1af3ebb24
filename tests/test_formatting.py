from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from inkassorules import InvalidInput, Money
from inkassorules.formatting import format_date, format_money, format_rate

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("money", "locale", "text"),
    [
        (Money.of("1234.5", "NOK"), "nb", f"1{NBSP}234,50{NBSP}kr"),
        (Money.of("38", "NOK"), "nb", f"38,00{NBSP}kr"),
        (Money.of("180", "SEK"), "sv", f"180,00{NBSP}kr"),
        (Money.of("38", "NOK"), "en", "NOK38.00"),
        (Money.of("1234.5", "SEK"), "en", "SEK1,234.50"),
    ],
)
def test_format_money(money, locale, text):
    assert format_money(money, locale=locale) == text


def test_format_date_and_rate():
    assert format_date(dt.date(2026, 5, 17), locale="nb") == "17. mai 2026"
    assert format_date(dt.date(2026, 6, 19), locale="sv") == "19 juni 2026"
    assert format_rate(Decimal("12.25"), locale="sv") == f"12,25{NBSP}%"
    assert format_rate(Decimal(8), locale="en") == "8.00%"


@pytest.mark.parametrize("locale", ["de", "nb_NO", "", None])
def test_unknown_locale(locale):
    with pytest.raises(InvalidInput, match="locale must be one of"):
        format_money(Money.of(1, "NOK"), locale=locale)


def test_bad_values():
    with pytest.raises(InvalidInput):
        format_money(Decimal(1), locale="nb")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        format_date("2026-01-01", locale="nb")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        format_rate(12.25, locale="nb")  # type: ignore[arg-type]


def test_process_locale_does_not_matter():
    code = (
        "from inkassorules import Money; from inkassorules.formatting import format_money;"
        "print(repr(format_money(Money.of('1234.5', 'NOK'), locale='en')))"
    )
    env = os.environ | {
        "LC_ALL": "de_DE.UTF-8",
        "LANG": "de_DE.UTF-8",
        "LC_NUMERIC": "de_DE.UTF-8",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "'NOK1,234.50'"
