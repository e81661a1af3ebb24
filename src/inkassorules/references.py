"""KID / OCR-nummer (Norwegian and Swedish payment references).

A payment reference identifies the invoice a payment is for, so the creditor's bank can match it
automatically. In Norway it is the **KID** (kundeidentifikasjon): 2 to 25 digits whose last
character is a check digit computed with MOD10 (Luhn) or MOD11; under MOD11 the check "digit" is
a hyphen (``-``) when the weighted sum leaves the remainder 1. In Sweden it is the
**OCR-referensnummer** (OCR number): 2 to 25 digits whose last digit is a Luhn (10-modul) check
digit; under Bankgirot's "längdkontroll" the second-to-last digit is a length digit, the total
length (length and check digit included) modulo 10.

The functions follow python-stdnum's interface: :func:`compact` removes white space,
``validate_*`` returns the compact form or raises (:class:`InvalidReferenceFormat`,
:class:`InvalidReferenceLength`, :class:`InvalidCheckDigit`, :class:`InvalidLengthDigit`: all
:class:`~inkassorules.errors.InvalidInput`, so ``ValueError``), and ``is_valid_*`` never
raises. ``make_*`` appends the check digit(s) to a base number. The Luhn (MOD10) digit is
python-stdnum's (:mod:`stdnum.luhn`). The error names differ from python-stdnum's
``InvalidFormat`` / ``InvalidLength`` / ``InvalidChecksum`` (those names still import from
here for one release, with a ``DeprecationWarning``).

These are algorithms and specification limits, not dated law, so they live in code.

References:
    KID length 2 to 25 characters, check digit last, MOD10 or MOD11: Monitor ERP's KID guide,
    https://help.monitorerp.com/NO-MONITOR_G5/en-us/Content/Topics/UserGuide/Using/InvoicingAccountsReceivable/KIDNumbers.htm
    (its example: 60224 -> 602243), and the Norwegian Wikipedia article "KID-nummer" as cited
    by the norwegian-numbers package (https://pypi.org/project/norwegian-numbers/; its
    examples: 1234 -> 12344 under MOD10, 12343 under MOD11). At most 25 digits on the OCR
    giro: Landkreditt Bank's KID help and Cordel's "Krav til oppsett av giroblankett for OCR"
    (http://wiki.cordel.no/view/Krav_til_oppsett_av_giroblankett_for_OCR). Mastercard Payment
    Services (formerly Nets), which runs the Norwegian OCR giro, names MOD10 and MOD11 as the
    two check-digit methods and says an agreement's KID structure has 4 to 25 digits, possibly
    a fixed length (https://www.mastercardpaymentservices.com/norway/utvikler/kid). The
    general 2-to-25 range is accepted here so that no valid KID is refused; check an
    agreement's own length yourself.

    MOD11: weights 2, 3, 4, 5, 6, 7 repeating from the rightmost base digit, check digit
    11 minus the remainder of the weighted sum by 11, 11 written ``0``; the standard modulus-11
    scheme (e.g. IBM's "Mod 10 and 11 check digits"). For 10 the KID uses ``-``: a KID "may
    end in a hyphen, which must be typed too" (re:member,
    https://www.remember.no/kredittkort/faq/faktura/dette-betyr-omradene-i-faktura/kid-nummer/).
    The full Mastercard Payment Services MOD11 text was not seen; see docs/references.md.

    OCR number 2 to 25 digits, Luhn (10-modul) check digit, optional length digit = total
    length modulo 10 with the tens dropped, counted in the Luhn sum: Bankgirot's
    OCR-referenskontroll page
    (https://www.bankgirot.se/tjanster/inbetalningar/bankgiro-inbetalningar/ocr-referenskontroll/)
    and the checker script behind it (functions ``modul``, ``langdsiffra`` and
    ``validateallfields``, as kept in the tests of https://github.com/zerodep/ocrgenerator,
    test/bghelpers.js); Bankgirot's "Bankgiro Inbetalningar" user manual section 5.2 as cited
    by the banktools-se package (minimum 2, maximum 25; its examples: 123 -> 1230, and 12351
    with a length digit); CogWork's description
    (https://cogwork.se/handledning/ekonomi/bankkoppling/ocr/).

>>> make_kid("1234")
'12344'
>>> make_kid("1234", algorithm="mod11")
'12343'
>>> is_valid_kid("1234 4")
True
>>> validate_kid("12345")
Traceback (most recent call last):
    ...
inkassorules.references.InvalidCheckDigit: the KID's MOD10 check digit is wrong: ...
>>> make_ocr("123", length_digit=True)
'12351'
>>> is_valid_ocr("12351", length_digit=True)
True
"""

from __future__ import annotations

import warnings
from typing import Final, Literal, get_args

from stdnum import luhn

from inkassorules.errors import InvalidInput

__all__ = [
    "KID_ALGORITHMS",
    "KID_MAX_LENGTH",
    "KID_MIN_LENGTH",
    "OCR_MAX_LENGTH",
    "OCR_MIN_LENGTH",
    "InvalidCheckDigit",
    "InvalidLengthDigit",
    "InvalidReferenceFormat",
    "InvalidReferenceLength",
    "KidAlgorithm",
    "compact",
    "is_valid_kid",
    "is_valid_ocr",
    "kid_check_digit",
    "luhn_check_digit",
    "make_kid",
    "make_ocr",
    "validate_kid",
    "validate_ocr",
]

KidAlgorithm = Literal["mod10", "mod11"]
"""How a KID's check digit is computed: ``"mod10"`` (Luhn) or ``"mod11"``."""

KID_ALGORITHMS: Final[tuple[KidAlgorithm, ...]] = get_args(KidAlgorithm)

KID_MIN_LENGTH: Final = 2
"""Shortest KID, check digit included (Monitor ERP; no.wikipedia "KID-nummer")."""
KID_MAX_LENGTH: Final = 25
"""Longest KID, check digit included (Mastercard Payment Services; OCR giro layout)."""
OCR_MIN_LENGTH: Final = 2
"""Shortest Swedish OCR number, check digit(s) included (Bankgirot user manual, 5.2)."""
OCR_MAX_LENGTH: Final = 25
"""Longest Swedish OCR number, check digit(s) included (Bankgirot user manual, 5.2)."""

_MOD11_WEIGHTS: Final = (2, 3, 4, 5, 6, 7)
_MOD11_HYPHEN: Final = "-"


# -- errors -------------------------------------------------------------------------------------


class InvalidReferenceFormat(InvalidInput):
    """The reference is not a string of digits (python-stdnum calls this ``InvalidFormat``)."""

    message = "the payment reference has an invalid format"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)


class InvalidReferenceLength(InvalidReferenceFormat):
    """The reference has too few or too many digits (python-stdnum: ``InvalidLength``)."""

    message = "the payment reference has an invalid length"


class InvalidCheckDigit(InvalidInput):
    """The check digit does not match the other digits (python-stdnum: ``InvalidChecksum``)."""

    message = "the payment reference's check digit is wrong"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)


class InvalidLengthDigit(InvalidCheckDigit):
    """A Swedish OCR number's length digit does not match its length."""

    message = "the OCR number's length digit does not match its length"


_DEPRECATED_NAMES: Final = {
    "InvalidFormat": InvalidReferenceFormat,
    "InvalidLength": InvalidReferenceLength,
    "InvalidChecksum": InvalidCheckDigit,
}
"""The errors' names before 0.x: they collided with python-stdnum's exceptions."""


def __getattr__(name: str) -> type[InvalidInput]:
    """The deprecated error names (``InvalidFormat`` ...), with a ``DeprecationWarning``."""
    try:
        new = _DEPRECATED_NAMES[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    warnings.warn(
        f"inkassorules.references.{name} is deprecated (it collides with python-stdnum's "
        f"{name}); use {new.__name__}",
        DeprecationWarning,
        stacklevel=2,
    )
    return new


# -- shared helpers -----------------------------------------------------------------------------


def compact(number: str) -> str:
    """The reference without white space (spaces, tabs, line breaks).

    >>> compact(" 1234 5678 97 ")
    '1234567897'

    Raises:
        InvalidReferenceFormat: if *number* is not a string.
    """
    if not isinstance(number, str):
        raise InvalidReferenceFormat(
            f"a payment reference must be a string, got {type(number).__name__} {number!r}"
        )
    return "".join(number.split())


def _digits(number: str, what: str, *, allow_hyphen_last: bool = False) -> str:
    body = number[:-1] if allow_hyphen_last and number.endswith(_MOD11_HYPHEN) else number
    if not (body.isascii() and body.isdigit()):
        allowed = "digits 0-9 (the last may be '-')" if allow_hyphen_last else "digits 0-9"
        raise InvalidReferenceFormat(f"{what} must consist of {allowed}, got {number!r}")
    return number


def _check_base(base: object) -> str:
    if not isinstance(base, str) or not base:
        raise InvalidReferenceFormat(
            f"a check digit needs a non-empty string of digits, got {base!r}"
        )
    return _digits(base, "the base number")


def _check_length(number: str, what: str, low: int, high: int) -> None:
    if not low <= len(number) <= high:
        raise InvalidReferenceLength(
            f"{what} must have {low} to {high} characters, got {len(number)} ({number!r})"
        )


def luhn_check_digit(base: str) -> str:
    """Kontrollsiffer / kontrollsiffra (MOD10, Luhn check digit) for a string of digits.

    Digits are weighted 2, 1, 2, 1, ... from the right (the rightmost base digit doubled), the
    digits of the products are summed, and the check digit brings the sum to a multiple of 10.

    >>> luhn_check_digit("60224")
    '3'

    Raises:
        InvalidReferenceFormat: if *base* is not a non-empty string of digits 0-9.
    """
    _check_base(base)
    return str(luhn.calc_check_digit(base))


def _mod11(base: str) -> str:
    total = sum(
        int(char) * _MOD11_WEIGHTS[i % len(_MOD11_WEIGHTS)]
        for i, char in enumerate(reversed(base))
    )
    check = (11 - total % 11) % 11  # remainder 0 -> 11 -> "0"
    return _MOD11_HYPHEN if check == 10 else str(check)  # noqa: PLR2004 -- 10 has no digit


def kid_check_digit(base: str, *, algorithm: KidAlgorithm = "mod10") -> str:
    """Kontrollsiffer (KID check digit) for a base number, by MOD10 or MOD11.

    >>> kid_check_digit("1234", algorithm="mod11")
    '3'
    >>> kid_check_digit("6", algorithm="mod11")  # 6 x 2 = 12, remainder 1: no digit fits
    '-'

    Raises:
        InvalidReferenceFormat: if *base* is not a non-empty string of digits, or *algorithm*
            is unknown.
    """
    algorithm = _check_algorithm(algorithm)
    base = _check_base(base)
    return luhn_check_digit(base) if algorithm == "mod10" else _mod11(base)


def _check_algorithm(algorithm: object) -> KidAlgorithm:
    if algorithm == "mod10":
        return "mod10"
    if algorithm == "mod11":
        return "mod11"
    raise InvalidReferenceFormat(f"algorithm must be 'mod10' or 'mod11', got {algorithm!r}")


# -- KID (Norway) -------------------------------------------------------------------------------


def make_kid(base: str, *, algorithm: KidAlgorithm = "mod10") -> str:
    """KID (Norwegian payment reference) made from *base* by appending its check digit.

    White space in *base* is removed. Under MOD11 about one base in eleven gets the check
    character ``-``; choose another base if the payer's channel cannot take it.

    >>> make_kid("60224")
    '602243'
    >>> make_kid("6", algorithm="mod11")
    '6-'

    Raises:
        InvalidReferenceFormat: if *base* is not digits, or *algorithm* is unknown.
        InvalidReferenceLength: if the KID would be shorter than 2 or longer than 25 characters.
    """
    algorithm = _check_algorithm(algorithm)
    base = _digits(compact(base), "a KID base number")
    _check_length(base, "a KID base number", KID_MIN_LENGTH - 1, KID_MAX_LENGTH - 1)
    return base + kid_check_digit(base, algorithm=algorithm)


def validate_kid(number: str, *, algorithm: KidAlgorithm = "mod10") -> str:
    """KID (kundeidentifikasjon): check a Norwegian payment reference and return it compacted.

    >>> validate_kid("1234 3", algorithm="mod11")
    '12343'

    Raises:
        InvalidReferenceFormat: not a string of digits (MOD11: the last may be ``-``), or unknown
            *algorithm*.
        InvalidReferenceLength: fewer than 2 or more than 25 characters.
        InvalidCheckDigit: the check digit does not match.
    """
    algorithm = _check_algorithm(algorithm)
    number = compact(number)
    _digits(number, "a KID", allow_hyphen_last=algorithm == "mod11")
    _check_length(number, "a KID", KID_MIN_LENGTH, KID_MAX_LENGTH)
    expected = kid_check_digit(number[:-1], algorithm=algorithm)
    if number[-1] != expected:
        raise InvalidCheckDigit(
            f"the KID's {algorithm.upper()} check digit is wrong: {number!r} ends in "
            f"{number[-1]!r}, expected {expected!r}"
        )
    return number


def is_valid_kid(number: object, *, algorithm: KidAlgorithm = "mod10") -> bool:
    """True if *number* is a valid KID under *algorithm*; never raises.

    >>> is_valid_kid("12343", algorithm="mod11"), is_valid_kid(12344), is_valid_kid("")
    (True, False, False)
    """
    try:
        return bool(validate_kid(number, algorithm=algorithm))  # type: ignore[arg-type]
    except InvalidInput:
        return False


# -- OCR number (Sweden) ------------------------------------------------------------------------


def make_ocr(base: str, *, length_digit: bool = False) -> str:
    """OCR-nummer (Swedish payment reference) made from *base*.

    Appends the length digit if asked (the total length, both added digits included, modulo
    10), then the Luhn check digit computed over everything before it, length digit included.

    >>> make_ocr("123")
    '1230'
    >>> make_ocr("1234567890123", length_digit=True)  # 15 digits in all: length digit 5
    '123456789012354'

    Raises:
        InvalidReferenceFormat: if *base* is not digits.
        InvalidReferenceLength: if the number would be shorter than 2 or longer than 25 digits.
    """
    if not isinstance(length_digit, bool):
        raise InvalidReferenceFormat(f"length_digit must be True or False, got {length_digit!r}")
    base = _digits(compact(base), "an OCR base number")
    added = 2 if length_digit else 1
    _check_length(base, "an OCR base number", OCR_MIN_LENGTH - 1, OCR_MAX_LENGTH - added)
    if length_digit:
        base += str((len(base) + added) % 10)
    return base + luhn_check_digit(base)


def validate_ocr(number: str, *, length_digit: bool | None = None) -> str:
    """OCR-referensnummer: check a Swedish payment reference and return it compacted.

    *length_digit* says what the payee's Bankgirot agreement checks: ``True``, the
    second-to-last digit must be the length digit; ``False`` (no length check) or ``None``
    (not known) check the Luhn digit only. Since any digit can stand second to last, ``None``
    and ``False`` accept the same numbers.

    >>> validate_ocr("1230")
    '1230'
    >>> validate_ocr("1230", length_digit=True)
    Traceback (most recent call last):
        ...
    inkassorules.references.InvalidLengthDigit: the OCR number's length digit is 3, ...

    Raises:
        InvalidReferenceFormat: not a string of digits.
        InvalidReferenceLength: fewer than 2 or more than 25 digits.
        InvalidCheckDigit: the Luhn check digit does not match.
        InvalidLengthDigit: the length digit does not match the length.
    """
    if length_digit is not None and not isinstance(length_digit, bool):
        raise InvalidReferenceFormat(
            f"length_digit must be True, False or None, got {length_digit!r}"
        )
    number = compact(number)
    _digits(number, "an OCR number")
    _check_length(number, "an OCR number", OCR_MIN_LENGTH, OCR_MAX_LENGTH)
    expected = luhn_check_digit(number[:-1])
    if number[-1] != expected:
        raise InvalidCheckDigit(
            f"the OCR number's check digit (10-modul) is wrong: {number!r} ends in "
            f"{number[-1]!r}, expected {expected!r}"
        )
    if length_digit and number[-2] != str(len(number) % 10):
        raise InvalidLengthDigit(
            f"the OCR number's length digit is {number[-2]}, but {number!r} has "
            f"{len(number)} digits: expected {len(number) % 10}"
        )
    return number


def is_valid_ocr(number: object, *, length_digit: bool | None = None) -> bool:
    """True if *number* is a valid Swedish OCR number; never raises.

    >>> is_valid_ocr("1230"), is_valid_ocr("1231"), is_valid_ocr(None)
    (True, False, False)
    """
    try:
        return bool(validate_ocr(number, length_digit=length_digit))  # type: ignore[arg-type]
    except InvalidInput:
        return False
