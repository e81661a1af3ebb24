"""Serialisering (JSON): value types to and from JSON, at the edge of the program.

A cattrs converter with hooks for the library's types: dates as ISO strings, timezone-aware
datetimes as ISO strings with their offset, Decimals and amounts as strings (JSON numbers are
floats to most readers; when reading, numbers are parsed exactly, as Decimal), fractions as
``"1/20"``, enums by value. Domain classes have no ``to_dict``; conversion lives here (as
cattrs puts it, validation and serialisation are concerns of the edges).

>>> from datetime import date
>>> from inkassorules import Claim, DebtorKind, Money
>>> claim = Claim(principal=Money.of("8000.00", "NOK"), due_date=date(2026, 3, 2),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> text = to_json(claim)
>>> json.loads(text)["principal"], json.loads(text)["debtor_kind"]
({'amount': '8000.00', 'currency': 'NOK'}, 'consumer')
>>> from_json(text, Claim) == claim
True
>>> from_json('{"amount": 35.50, "currency": "NOK"}', Money)  # JSON numbers are read exactly
Money(amount=Decimal('35.50'), currency='NOK')
>>> from_json('{"amount": "35", "currency": "EUR"}', Money)
Traceback (most recent call last):
    ...
inkassorules.errors.InvalidInput: cannot read Money from JSON: currency must be one of ...
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import cattrs

from inkassorules._checks import check_aware
from inkassorules.errors import InkassoError, InvalidInput
from inkassorules.money import Money, to_decimal

__all__ = ["from_json", "make_converter", "structure", "to_json", "unstructure"]

T = TypeVar("T")


def _date(value: Any, _: object) -> dt.date:
    if not isinstance(value, str):
        raise InvalidInput(f"expected a date as 'YYYY-MM-DD', got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"expected a date as 'YYYY-MM-DD', got {value!r}") from None


def _datetime(value: Any, _: object) -> dt.datetime:
    if not isinstance(value, str):
        raise InvalidInput(f"expected an ISO datetime with offset, got {value!r}")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"expected an ISO datetime with offset, got {value!r}") from None
    return check_aware(moment, "datetime")


def _fraction(value: Any, _: object) -> Fraction:
    if not isinstance(value, str) or "/" not in value:
        raise InvalidInput(f"expected a fraction like '1/20', got {value!r}")
    numerator, denominator = value.split("/", 1)
    return Fraction(int(numerator), int(denominator))


def _money(value: Any, _: object) -> Money:
    if not isinstance(value, dict) or set(value) != {"amount", "currency"}:
        raise InvalidInput(f"expected {{'amount': '...', 'currency': '...'}}, got {value!r}")
    return Money.of(value["amount"], value["currency"])


@functools.cache
def make_converter() -> cattrs.Converter:
    """The library's converter (built once; cattrs converters are reusable)."""
    converter = cattrs.Converter()
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, lambda v, _: to_decimal(v))
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _date)
    converter.register_unstructure_hook(
        dt.datetime, lambda d: check_aware(d, "datetime").isoformat()
    )
    converter.register_structure_hook(dt.datetime, _datetime)
    converter.register_unstructure_hook(Fraction, lambda f: f"{f.numerator}/{f.denominator}")
    converter.register_structure_hook(Fraction, _fraction)
    converter.register_unstructure_hook(
        Money, lambda m: {"amount": str(m.amount), "currency": m.currency}
    )
    converter.register_structure_hook(Money, _money)
    return converter


def unstructure(value: object) -> Any:
    """Plain dicts, lists and strings for *value* (ready for ``json.dumps``)."""
    return make_converter().unstructure(value)


def structure(data: Any, cls: type[T]) -> T:
    """Build a *cls* from plain data.

    Raises:
        InvalidInput: naming every field that could not be read.
    """
    try:
        return make_converter().structure(data, cls)
    except cattrs.BaseValidationError as error:
        lines = "; ".join(cattrs.transform_error(error))
        raise InvalidInput(f"cannot read {cls.__name__} from JSON: {lines}") from None
    except InkassoError as error:
        raise InvalidInput(f"cannot read {cls.__name__} from JSON: {error}") from None


def to_json(value: object) -> str:
    """*value* as a JSON text."""
    return json.dumps(unstructure(value), ensure_ascii=False)


def from_json(text: str, cls: type[T]) -> T:
    """A *cls* from a JSON text; JSON numbers are read exactly, as Decimal (never as float)."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"not valid JSON: {error}") from None
    return structure(data, cls)
