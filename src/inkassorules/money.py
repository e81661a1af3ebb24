"""Beløp / belopp (money): an exact Decimal amount in Norwegian or Swedish kroner.

Money never touches floats and never reads the ambient :mod:`decimal` context: every operation
goes through :data:`DECIMAL_CONTEXT`, and every rounding is explicit and named. Amounts keep the
precision they were given; interest parts stay unrounded until a rule rounds once, at its end.

>>> from inkassorules import Money
>>> fee = Money.of("35", "NOK")
>>> fee + Money.of("3.50", "NOK")
Money(amount=Decimal('38.50'), currency='NOK')
>>> Money.of("37.50", "NOK").rounded(to=WHOLE_UNIT)
Money(amount=Decimal('38'), currency='NOK')
>>> [str(part) for part in Money.of("100", "SEK").split(3)]
['33.33 SEK', '33.33 SEK', '33.34 SEK']
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal, get_args

import attrs

from inkassorules._checks import check_int
from inkassorules.errors import CurrencyMismatch, InvalidInput

__all__ = [
    "CURRENCIES",
    "DECIMAL_CONTEXT",
    "MAX_SPLIT_PARTS",
    "MINOR_UNIT",
    "WHOLE_UNIT",
    "Currency",
    "Money",
    "RoundingMode",
    "to_decimal",
]

Currency = Literal["NOK", "SEK"]
"""The currencies the library knows: Norwegian and Swedish kroner."""

CURRENCIES: Final[tuple[Currency, ...]] = get_args(Currency)

RoundingMode = Literal[
    "ROUND_HALF_UP",
    "ROUND_HALF_EVEN",
    "ROUND_HALF_DOWN",
    "ROUND_UP",
    "ROUND_DOWN",
    "ROUND_CEILING",
    "ROUND_FLOOR",
]
"""A named :mod:`decimal` rounding mode. Rules name the mode their source prescribes."""

_ROUNDING_MODES: Final[frozenset[str]] = frozenset(get_args(RoundingMode))

MINOR_UNIT: Final = Decimal("0.01")
"""One øre / öre: the default quantum for rounding."""

WHOLE_UNIT: Final = Decimal(1)
"""One krone / krona: the quantum for fees the regulation rounds to whole kroner."""

DECIMAL_CONTEXT: Final = decimal.Context(
    prec=50,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""The one decimal context every calculation in the library uses (50 significant digits).

Intermediate results are exact for every amount and rate the law tables hold; a division that
does not terminate (``/ 365``) keeps 50 significant digits until the rule rounds once, at its end.
"""

MAX_SPLIT_PARTS: Final = 10_000
"""The most parts :meth:`Money.split` shares an amount into (a schedule of 10 000 instalments)."""


def to_decimal(value: object, *, argument: str = "amount") -> Decimal:
    """Convert an int, a Decimal or a numeric string to a finite Decimal, or raise.

    Floats and bools are refused: a float has already lost the amount it was meant to hold.

    >>> to_decimal("12.50")
    Decimal('12.50')
    >>> to_decimal(0.1)
    Traceback (most recent call last):
        ...
    inkassorules.errors.InvalidInput: amount must be an int, a Decimal or a numeric string, ...

    Raises:
        InvalidInput: for floats, bools, NaN, infinities and strings that are not numbers.
    """
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise InvalidInput(
            f"{argument} must be an int, a Decimal or a numeric string, got "
            f"{type(value).__name__} {value!r}"
            + ("; write the amount as a string, e.g. '12.50'" if isinstance(value, float) else "")
        )
    if isinstance(value, Decimal):
        result = value
    else:
        try:
            result = Decimal(value.strip() if isinstance(value, str) else value)
        except decimal.InvalidOperation:
            raise InvalidInput(f"{argument} must be a number, got {value!r}") from None
    if not result.is_finite():
        raise InvalidInput(f"{argument} must be finite, got {value!r}")
    return result


def _check_currency(currency: object) -> Currency:
    if currency == "NOK":
        return "NOK"
    if currency == "SEK":
        return "SEK"
    raise InvalidInput(f"currency must be one of {', '.join(CURRENCIES)}, got {currency!r}")


def _is_finite_decimal(value: object) -> bool:
    return isinstance(value, Decimal) and value.is_finite()


_new: Final = object.__new__
_set: Final = object.__setattr__


def _check_mode(mode: str) -> str:
    given: object = mode  # callers without a type checker pass anything
    if not isinstance(given, str) or given not in _ROUNDING_MODES:
        raise InvalidInput(f"rounding mode must be one of {sorted(_ROUNDING_MODES)}, got {mode!r}")
    return mode


@attrs.frozen(order=False)
class Money:
    """An exact amount of NOK or SEK.

    Build one with :meth:`Money.of`. Arithmetic is only defined within one currency; mixing NOK
    and SEK raises :class:`~inkassorules.errors.CurrencyMismatch`. Multiplying by an int,
    a Decimal or a :class:`fractions.Fraction` is exact (up to 50 significant digits); there is
    no division, use :meth:`split` to share an amount out exactly.

    Attributes:
        amount: the amount, a finite Decimal, as precise as it was given.
        currency: ``"NOK"`` or ``"SEK"``.
    """

    amount: Decimal
    currency: Currency

    def __attrs_post_init__(self) -> None:
        # Checked here, not in an attrs validator: validators can be switched off globally.
        if not _is_finite_decimal(self.amount):
            raise InvalidInput(
                f"Money.amount must be a finite Decimal, got {self.amount!r}; use Money.of()"
            )
        _check_currency(self.currency)

    @classmethod
    def _trusted(cls, amount: Decimal, currency: Currency) -> Money:
        # The library's own construction path for values it has just computed from checked
        # Money (a sum of finite Decimals in DECIMAL_CONTEXT, which traps overflow, is finite;
        # the currency is an operand's). It skips __attrs_post_init__; the public constructor
        # and Money.of still check everything (docs/performance.md).
        self = _new(cls)
        _set(self, "amount", amount)
        _set(self, "currency", currency)
        return self

    @classmethod
    def of(cls, amount: int | str | Decimal, currency: str) -> Money:
        """Build an amount from an int, a Decimal or a numeric string.

        >>> Money.of(700, "NOK")
        Money(amount=Decimal('700'), currency='NOK')

        Raises:
            InvalidInput: for floats, bools, non-finite values or an unknown currency.
        """
        return cls(to_decimal(amount), _check_currency(currency))

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Nothing, in *currency*."""
        return _ZERO[_check_currency(currency)]

    # -- arithmetic ---------------------------------------------------------------------------

    def _same(self, other: Money, op: str) -> Money:
        if not isinstance(other, Money):
            raise InvalidInput(f"cannot {op} Money and {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(self.currency, other.currency, context=op)
        return other

    def __add__(self, other: Money) -> Money:
        other = self._same(other, "add")
        return _trusted(DECIMAL_CONTEXT.add(self.amount, other.amount), self.currency)

    def __radd__(self, other: object) -> Money:
        # Lets sum() start from 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        other = self._same(other, "subtract")
        return _trusted(DECIMAL_CONTEXT.subtract(self.amount, other.amount), self.currency)

    def __neg__(self) -> Money:
        return _trusted(DECIMAL_CONTEXT.minus(self.amount), self.currency)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return _trusted(DECIMAL_CONTEXT.abs(self.amount), self.currency)

    def __mul__(self, factor: int | Decimal | Fraction) -> Money:
        return self.times(factor)

    def __rmul__(self, factor: int | Decimal | Fraction) -> Money:
        return self.times(factor)

    def times(self, factor: int | Decimal | Fraction) -> Money:
        """Multiply by an exact factor (no rounding to øre).

        >>> Money.of(750, "NOK").times(Fraction(1, 20))
        Money(amount=Decimal('37.5'), currency='NOK')
        """
        try:
            if isinstance(factor, Fraction):
                product = DECIMAL_CONTEXT.multiply(self.amount, Decimal(factor.numerator))
                return _trusted(
                    DECIMAL_CONTEXT.divide(product, Decimal(factor.denominator)), self.currency
                )
            return _trusted(
                DECIMAL_CONTEXT.multiply(self.amount, to_decimal(factor, argument="factor")),
                self.currency,
            )
        except decimal.DecimalException:  # Overflow: beyond the 50-digit context
            raise InvalidInput(
                f"{self} times {factor!r} is beyond the {DECIMAL_CONTEXT.prec} digits money "
                "is computed with"
            ) from None

    # -- comparison -----------------------------------------------------------------------------

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same(other, "compare").amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same(other, "compare").amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same(other, "compare").amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same(other, "compare").amount

    @property
    def is_zero(self) -> bool:
        """True for exactly nothing."""
        return self.amount.is_zero()

    @property
    def is_negative(self) -> bool:
        """True below zero."""
        return self.amount < 0

    @property
    def is_positive(self) -> bool:
        """True above zero."""
        return self.amount > 0

    # -- rounding and splitting -----------------------------------------------------------------

    def rounded(self, *, to: Decimal = MINOR_UNIT, mode: RoundingMode = "ROUND_HALF_UP") -> Money:
        """Round to a quantum (one øre by default) with a named rounding mode.

        >>> Money.of("163.455", "SEK").rounded()
        Money(amount=Decimal('163.46'), currency='SEK')
        >>> Money.of("112.50", "NOK").rounded(to=WHOLE_UNIT, mode="ROUND_HALF_UP")
        Money(amount=Decimal('113'), currency='NOK')
        """
        quantum = to_decimal(to, argument="rounding quantum")
        if quantum <= 0:
            raise InvalidInput(f"rounding quantum must be positive, got {to!r}")
        rounding = _check_mode(mode)
        try:
            exact = DECIMAL_CONTEXT.divide(self.amount, quantum).quantize(
                WHOLE_UNIT, rounding=rounding, context=DECIMAL_CONTEXT
            )
        except decimal.DecimalException:  # a quantum so small the quotient has no 50 digits
            raise InvalidInput(
                f"{self} cannot be rounded to {quantum}: beyond the {DECIMAL_CONTEXT.prec} digits "
                "money is computed with"
            ) from None
        return _trusted(DECIMAL_CONTEXT.multiply(exact, quantum), self.currency)

    @property
    def is_whole_minor_units(self) -> bool:
        """True if the amount is a whole number of øre / öre."""
        return self.amount == self.amount.quantize(MINOR_UNIT, context=DECIMAL_CONTEXT)

    def split(
        self, parts: int, *, remainder: Literal["first", "last"] = "last"
    ) -> tuple[Money, ...]:
        """Share the amount into *parts* amounts of whole øre that add up to it exactly.

        Every part is the amount divided by *parts*, rounded down to the øre; what is left (fewer
        øre than *parts*) goes to the ``"first"`` or ``"last"`` part.

        Raises:
            InvalidInput: if *parts* < 1 or above :data:`MAX_SPLIT_PARTS`, *remainder* is not
                ``"first"`` or ``"last"``, or the amount is not a whole number of øre.
        """
        check_int(parts, "parts", minimum=1)
        if parts > MAX_SPLIT_PARTS:
            raise InvalidInput(f"parts must be at most {MAX_SPLIT_PARTS}, got {parts}")
        if remainder not in ("first", "last"):
            raise InvalidInput(f"remainder must be 'first' or 'last', got {remainder!r}")
        if not self.is_whole_minor_units:
            raise InvalidInput(f"only a whole number of øre can be split, got {self.amount}")
        ore = int(DECIMAL_CONTEXT.multiply(self.amount, Decimal(100)))
        base, left = divmod(ore, parts)  # floor division: also right for negative amounts
        shares = [base] * parts
        shares[0 if remainder == "first" else -1] += left
        return tuple(
            _trusted(Decimal(s).scaleb(-2, DECIMAL_CONTEXT), self.currency) for s in shares
        )

    @staticmethod
    def total(amounts: Iterable[Money], *, currency: str) -> Money:
        """Add up amounts of one currency; an empty iterable gives zero in *currency*."""
        total = Decimal(0)
        checked = _check_currency(currency)
        given: object = amounts  # callers without a type checker pass anything
        if isinstance(given, str | bytes) or not isinstance(given, Iterable):
            raise InvalidInput(f"Money.total adds an iterable of Money, got {amounts!r}")
        for amount in amounts:
            if not isinstance(amount, Money):
                raise InvalidInput(f"cannot add Money and {type(amount).__name__}")
            if amount.currency != checked:
                raise CurrencyMismatch(checked, amount.currency, context="add")
            total = DECIMAL_CONTEXT.add(total, amount.amount)
        return _trusted(total, checked)

    def __str__(self) -> str:
        """Locale-free text: ``'38.00 NOK'`` (whole øre shown with two decimals)."""
        amount = self.amount
        if self.is_whole_minor_units:
            amount = amount.quantize(MINOR_UNIT, context=DECIMAL_CONTEXT)
        return f"{amount:f} {self.currency}"


_trusted: Final = Money._trusted  # noqa: SLF001 -- this module's own trusted path
_ZERO: Final[dict[str, Money]] = {c: Money(Decimal(0), c) for c in CURRENCIES}
"""Zero in each currency: Money is immutable, so one instance serves every caller."""
