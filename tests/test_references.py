"""KID (Norway) and OCR numbers (Sweden): published examples, hand-computed cases, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules.errors import InvalidInput
from inkassorules.references import (
    KID_MAX_LENGTH,
    OCR_MAX_LENGTH,
    InvalidCheckDigit,
    InvalidLengthDigit,
    InvalidReferenceFormat,
    InvalidReferenceLength,
    compact,
    is_valid_kid,
    is_valid_ocr,
    kid_check_digit,
    luhn_check_digit,
    make_kid,
    make_ocr,
    validate_kid,
    validate_ocr,
)

# -- published examples -------------------------------------------------------------------------

# norwegian-numbers (PyPI / npm README, https://pypi.org/project/norwegian-numbers/):
#   make_kid_number('1234', 'mod10') == '12344'; makeKidNumber('1234', 'MOD11') == '12343'.
# Monitor ERP KID guide (help.monitorerp.com ... KIDNumbers.htm): invoice 60224 -> KID 602243.
PUBLISHED_KIDS = [
    ("1234", "mod10", "12344"),
    ("1234", "mod11", "12343"),
    ("60224", "mod10", "602243"),
]

# banktools-se README (github.com/barsoom/banktools-se), after Bankgirot's manual section 5.2:
#   OCR.from_number("123") == "1230"; OCR.from_number("123", length_digit: true) == "12351".
PUBLISHED_OCRS = [("123", False, "1230"), ("123", True, "12351")]

# zerodep/ocrgenerator test/validatorTest.js: numbers that Bankgirot's own checker script
# (bghelpers.js, taken from bankgirot.se) accepts under the length-digit check ("langdsiffra").
BANKGIROT_VALID_WITH_LENGTH_DIGIT = [
    "18108401345678778",
    "18196701475307475",
    "1018966492531",
    "1019080881039",
    "03368912618",
    "1202951008",
    "1636976",
]
# Same file: "1636919" passes the Luhn check but not the length digit; "00" passes Luhn only;
# "18108401345678779" fails the check digit.


@pytest.mark.parametrize(("base", "algorithm", "kid"), PUBLISHED_KIDS)
def test_published_kid_examples(base, algorithm, kid):
    assert make_kid(base, algorithm=algorithm) == kid
    assert validate_kid(kid, algorithm=algorithm) == kid
    assert is_valid_kid(kid, algorithm=algorithm)


@pytest.mark.parametrize(("base", "length_digit", "ocr"), PUBLISHED_OCRS)
def test_published_ocr_examples(base, length_digit, ocr):
    assert make_ocr(base, length_digit=length_digit) == ocr
    assert validate_ocr(ocr, length_digit=length_digit) == ocr


@pytest.mark.parametrize("number", BANKGIROT_VALID_WITH_LENGTH_DIGIT)
def test_bankgirot_checker_examples_are_valid(number):
    for length_digit in (True, False, None):
        assert is_valid_ocr(number, length_digit=length_digit)
    assert make_ocr(number[:-2], length_digit=True) == number


def test_bankgirot_checker_rejections():
    assert is_valid_ocr("1636919")
    with pytest.raises(InvalidLengthDigit, match=r"length digit is 1.*7 digits: expected 7"):
        validate_ocr("1636919", length_digit=True)
    assert is_valid_ocr("00")
    assert not is_valid_ocr("00", length_digit=True)
    with pytest.raises(InvalidCheckDigit, match="expected '8'"):
        validate_ocr("18108401345678779")
    assert not is_valid_ocr("0")
    assert not is_valid_ocr("0" * 26)
    assert not is_valid_ocr("0abc3")


# -- hand-computed cases ------------------------------------------------------------------------


def test_mod11_hand_computed():
    # 1373 9 (IBM's modulus-11 example): weights from the right 2,3,4,5,6 over 9,3,7,3,1:
    # 9*2 + 3*3 + 7*4 + 3*5 + 1*6 = 18 + 9 + 28 + 15 + 6 = 76; 76 % 11 = 10; 11 - 10 = 1.
    assert kid_check_digit("13739", algorithm="mod11") == "1"
    # Weights repeat after 7: base 1234567 -> 7*2+6*3+5*4+4*5+3*6+2*7+1*2 = 14+18+20+20+18+14+2
    # = 106; 106 % 11 = 7; 11 - 7 = 4.
    assert kid_check_digit("1234567", algorithm="mod11") == "4"


def test_mod11_remainder_zero_gives_0():
    # "0" and "00": weighted sum 0, remainder 0, 11 - 0 = 11 -> "0".
    assert make_kid("0", algorithm="mod11") == "00"
    assert make_kid("00", algorithm="mod11") == "000"
    # "143": 3*2 + 4*3 + 1*4 = 6 + 12 + 4 = 22 = 2 * 11: remainder 0 -> check "0".
    assert make_kid("143", algorithm="mod11") == "1430"
    # "1234568": 8*2+6*3+5*4+4*5+3*6+2*7+1*2 = 16+18+20+20+18+14+2 = 108; 108 % 11 = 9 -> 2.
    assert make_kid("1234568", algorithm="mod11") == "12345682"


def test_mod11_remainder_one_gives_hyphen():
    # "6": 6*2 = 12; 12 % 11 = 1; 11 - 1 = 10 -> "-".
    assert make_kid("6", algorithm="mod11") == "6-"
    # "40": 0*2 + 4*3 = 12; 12 % 11 = 1 -> "-".
    assert make_kid("40", algorithm="mod11") == "40-"
    assert validate_kid("40-", algorithm="mod11") == "40-"
    assert is_valid_kid(" 4 0 - ", algorithm="mod11")
    # A hyphen is never a MOD10 check digit, and MOD11 only allows it last.
    assert not is_valid_kid("40-")
    assert not is_valid_kid("4-0", algorithm="mod11")
    assert not is_valid_kid("-", algorithm="mod11")


def test_mod11_wrong_digit_where_hyphen_expected():
    with pytest.raises(InvalidCheckDigit, match=r"'400' ends in '0', expected '-'"):
        validate_kid("400", algorithm="mod11")


def test_luhn_hand_computed():
    # 7992739871 (base of the classic Luhn example): doubled from the right: 1->2, 8->16->7,
    # 3->6, 2->4, 9->18->9; others 7+9+7+9+7 = 39; 2+7+6+4+9 = 28; 67 -> check 3.
    assert luhn_check_digit("7992739871") == "3"
    # Zero base: check digit 0.
    assert luhn_check_digit("0") == "0"


def test_ocr_length_digit_counts_itself_and_the_check_digit():
    # 8 base digits + length digit + check digit = 10 digits -> length digit 0.
    ocr = make_ocr("12345678", length_digit=True)
    assert len(ocr) == 10
    assert ocr[-2] == "0"
    # 23 base digits + 2 = 25 digits, the maximum -> length digit 5.
    ocr = make_ocr("1" * 23, length_digit=True)
    assert len(ocr) == OCR_MAX_LENGTH
    assert ocr[-2] == "5"


# -- lengths ------------------------------------------------------------------------------------


def test_kid_lengths():
    assert is_valid_kid("00")  # 2 characters: shortest
    assert make_kid("1" * 24) == validate_kid(make_kid("1" * 24))
    assert len(make_kid("1" * 24)) == KID_MAX_LENGTH
    with pytest.raises(InvalidReferenceLength, match="2 to 25 characters, got 1"):
        validate_kid("0")
    with pytest.raises(InvalidReferenceLength, match="2 to 25 characters, got 26"):
        validate_kid("0" * 26)
    with pytest.raises(InvalidReferenceLength, match="1 to 24 characters, got 25"):
        make_kid("1" * 25)
    with pytest.raises(InvalidReferenceFormat):
        make_kid("")


def test_ocr_lengths():
    with pytest.raises(InvalidReferenceLength, match="2 to 25 characters, got 1"):
        validate_ocr("0")
    with pytest.raises(InvalidReferenceLength, match="got 26"):
        validate_ocr("0" * 26)
    with pytest.raises(InvalidReferenceLength, match="1 to 24 characters, got 25"):
        make_ocr("1" * 25)
    with pytest.raises(InvalidReferenceLength, match="1 to 23 characters, got 24"):
        make_ocr("1" * 24, length_digit=True)
    assert len(make_ocr("1" * 24)) == OCR_MAX_LENGTH


def test_invalid_length_is_an_invalid_format():
    assert issubclass(InvalidReferenceLength, InvalidReferenceFormat)
    assert issubclass(InvalidLengthDigit, InvalidCheckDigit)
    for error in (
        InvalidReferenceFormat,
        InvalidReferenceLength,
        InvalidCheckDigit,
        InvalidLengthDigit,
    ):
        assert issubclass(error, InvalidInput)
        assert issubclass(error, ValueError)
        assert str(error())  # a default message, stdnum style


# -- invalid input of every kind ----------------------------------------------------------------

# Arabic-Indic, full-width and superscript digits are digits to str.isdigit(), not to banks.
BAD_TEXT = [
    "",
    " ",
    "abc",
    "12a4",
    "1234O",
    "12.34",
    "+1234",
    "\u0661\u0662\u0663\u0664",
    "\uff11\uff12\uff13\uff14",
    "12\u00b24",
    "12-4",
]


@pytest.mark.parametrize("text", BAD_TEXT)
def test_letters_and_other_characters_are_refused(text):
    for algorithm in ("mod10", "mod11"):
        assert not is_valid_kid(text, algorithm=algorithm)
        with pytest.raises(InvalidReferenceFormat):
            validate_kid(text, algorithm=algorithm)
    assert not is_valid_ocr(text)
    with pytest.raises(InvalidReferenceFormat):
        validate_ocr(text)


@pytest.mark.parametrize("text", ["", "abc", "12a4", "\u0661\u0662\u0663\u0664", "12-4", "1-"])
def test_make_refuses_bad_bases(text):
    with pytest.raises(InvalidReferenceFormat):
        make_kid(text)
    with pytest.raises(InvalidReferenceFormat):
        make_kid(text, algorithm="mod11")
    with pytest.raises(InvalidReferenceFormat):
        make_ocr(text)


@pytest.mark.parametrize("value", [None, 12344, 12344.0, b"12344", ["1", "2"], True])
def test_non_strings(value):
    assert not is_valid_kid(value)
    assert not is_valid_ocr(value)
    with pytest.raises(InvalidReferenceFormat, match="must be a string"):
        validate_kid(value)
    with pytest.raises(InvalidReferenceFormat, match="must be a string"):
        validate_ocr(value)
    with pytest.raises(InvalidReferenceFormat):
        make_kid(value)
    with pytest.raises(InvalidReferenceFormat):
        make_ocr(value)
    with pytest.raises(InvalidReferenceFormat):
        compact(value)


def test_wrong_check_digits():
    with pytest.raises(
        InvalidCheckDigit, match=r"MOD10 check digit is wrong: '12345' ends in '5'"
    ):
        validate_kid("12345")
    with pytest.raises(InvalidCheckDigit, match="MOD11"):
        validate_kid("12344", algorithm="mod11")
    assert not is_valid_kid("12343")  # the MOD11 KID is not a MOD10 KID
    with pytest.raises(InvalidCheckDigit, match="10-modul"):
        validate_ocr("1231")


def test_unknown_algorithm_and_flags():
    with pytest.raises(InvalidReferenceFormat, match="'mod10' or 'mod11'"):
        make_kid("1234", algorithm="MOD10")  # type: ignore[arg-type]
    assert not is_valid_kid("12344", algorithm="luhn")  # type: ignore[arg-type]
    with pytest.raises(InvalidReferenceFormat, match="length_digit"):
        make_ocr("123", length_digit=1)  # type: ignore[arg-type]
    assert not is_valid_ocr("12351", length_digit="yes")  # type: ignore[arg-type]


def test_compact_strips_all_white_space():
    assert compact(" 1234\t5678\n97 ") == "1234567897"
    assert validate_kid(" 1234 4 ") == "12344"
    assert make_kid("12 34") == "12344"
    assert validate_ocr("12 351", length_digit=True) == "12351"


# -- properties ---------------------------------------------------------------------------------

digit_strings = st.text(alphabet="0123456789", min_size=1, max_size=23)


@settings(max_examples=200)
@given(st.one_of(st.text(), st.none(), st.integers(), st.binary(), st.floats()))
def test_is_valid_never_raises(value):
    for algorithm in ("mod10", "mod11"):
        assert isinstance(is_valid_kid(value, algorithm=algorithm), bool)
    for length_digit in (None, True, False):
        assert isinstance(is_valid_ocr(value, length_digit=length_digit), bool)


@given(digit_strings, st.sampled_from(["mod10", "mod11"]))
def test_make_kid_always_validates(base, algorithm):
    kid = make_kid(base, algorithm=algorithm)
    assert kid[:-1] == base
    assert validate_kid(kid, algorithm=algorithm) == kid


@given(digit_strings, st.booleans())
def test_make_ocr_always_validates(base, length_digit):
    ocr = make_ocr(base, length_digit=length_digit)
    assert ocr.startswith(base)
    assert validate_ocr(ocr, length_digit=length_digit) == ocr
    assert is_valid_ocr(ocr)  # the Luhn digit alone always checks


@given(digit_strings, st.data())
def test_luhn_detects_every_single_digit_change(base, data):
    ocr = make_ocr(base)
    position = data.draw(st.integers(0, len(ocr) - 1))
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != ocr[position]]))
    assert not is_valid_ocr(ocr[:position] + new + ocr[position + 1 :])


@given(digit_strings, st.data())
def test_mod11_detects_every_single_digit_change(base, data):
    kid = make_kid(base, algorithm="mod11")
    position = data.draw(st.integers(0, len(kid) - 2))  # a base digit
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != kid[position]]))
    assert not is_valid_kid(kid[:position] + new + kid[position + 1 :], algorithm="mod11")


def test_the_luhn_digit_is_python_stdnums():
    from stdnum import luhn

    for base in ("0", "60224", "1234", "7992739871", "9" * 24):
        digit = luhn_check_digit(base)
        assert digit == str(luhn.calc_check_digit(base))
        assert luhn.is_valid(base + digit)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("InvalidFormat", InvalidReferenceFormat),
        ("InvalidLength", InvalidReferenceLength),
        ("InvalidChecksum", InvalidCheckDigit),
    ],
)
def test_the_old_error_names_are_deprecated_aliases(old, new):
    from inkassorules import references

    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated.*use {new.__name__}"):
        alias = getattr(references, old)
    assert alias is new
    assert old not in references.__all__


def test_the_error_names_do_not_collide_with_python_stdnums():
    import stdnum.exceptions

    from inkassorules import references

    stdnum_names = {name for name in dir(stdnum.exceptions) if not name.startswith("_")}
    assert not stdnum_names & set(references.__all__)
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        references.Nothing  # noqa: B018
