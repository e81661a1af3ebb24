"""Boundary tests for the legal data loader and its look-ups (inkassorules.law).

Written to kill the mutants of ``inkassorules.law`` that survived ``scripts/mutation.py law``:
each test pins one rule of the format or of a look-up at its edge (the day before / the day of
a change, a review, a horizon), the exact error type and the key and words of its message.
Values are those of the test documents built here, or of the shipped tables where the test
says so (``no.inkassosats``: 700 NOK from 2017-01-01, 750 NOK from 2026-01-01, reviewed
2026-11-23; ``se.interest.reference_rate``: half-yearly, ends 2026-06-30).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from inkassorules.errors import (
    DataFileError,
    InvalidInput,
    NotInForce,
    RateNotPublished,
)
from inkassorules.law import (
    Citation,
    LawBook,
    Parameter,
    UnknownParameter,
    any_provisional,
    book_of,
    builtin,
    cache_key,
    explain,
    half_year_of,
    load_file,
    parse_parameter,
    provisional_reasons,
)
from inkassorules.money import Money

D = dt.date
URL = "https://lovdata.no/"
REVIEW = D(2026, 11, 23)  # reviewed_on of the shipped no.inkassosats
REASON = "law as known on 2026-11-23; check for changes after that day"


@pytest.fixture(autouse=True)
def _fresh_builtin() -> None:
    """Load the shipped data again in each test: builtin() is cached, and a cache filled before
    a mutant was switched on would hide it."""
    builtin.cache_clear()


def value(day: dt.date, val: object, **extra: object) -> dict[str, object]:
    """One [[values]] entry."""
    return {"valid_from": day, "value": val, "citation": "test rule § 1", "url": URL} | extra


def document(unit: str = "NOK", *values: dict[str, object], **top: object) -> dict[str, Any]:
    """A parsed data file: a Norwegian table of *unit* with *values*."""
    return {
        "name": "no.test_param",
        "title": "Test",
        "unit": unit,
        "values": list(values) or [value(D(2020, 1, 1), 700)],
    } | top


def refusal(doc: dict[str, Any], **kw: Any) -> DataFileError:
    """The DataFileError parse_parameter raises for *doc*."""
    with pytest.raises(DataFileError) as info:
        parse_parameter(doc, path="test.toml", **kw)
    assert info.value.path == "test.toml"
    return info.value


# -- Citation, any_provisional, provisional_reasons, explain ----------------------------------


def test_a_citations_text_names_table_start_confidence_and_reason() -> None:
    c = Citation(
        "INKF § 1-1",
        URL,
        confidence="medium",
        parameter="no.x",
        valid_from=D(2020, 1, 1),
        provisional="law as known on 2026-11-23",
    )
    assert str(c) == (
        "INKF § 1-1 [no.x from 2020-01-01] (medium confidence) "
        "(provisional: law as known on 2026-11-23) <https://lovdata.no/>"
    )
    assert str(Citation("INKF § 1-1", URL, parameter="no.x")) == (
        "INKF § 1-1 [no.x] <https://lovdata.no/>"
    )
    assert str(Citation("INKF § 1-1", URL)) == "INKF § 1-1 <https://lovdata.no/>"


def test_a_citation_is_provisional_by_confidence_or_by_reason() -> None:
    assert Citation("A", URL, confidence="medium").is_provisional
    assert Citation("A", URL, provisional="x").is_provisional
    assert not Citation("A", URL).is_provisional
    assert not Citation("A", URL, confidence="high", provisional=None).is_provisional


def test_any_provisional_refuses_what_is_not_citations() -> None:
    with pytest.raises(InvalidInput) as info:
        any_provisional([1, 2])  # type: ignore[list-item]
    assert str(info.value) == "basis must be a sequence of Citation, got [1, 2]"
    with pytest.raises(InvalidInput, match="basis must be a sequence of Citation"):
        any_provisional(None)  # type: ignore[arg-type]
    assert any_provisional([]) is False
    assert any_provisional([Citation("A", URL, provisional="x")]) is True


def test_provisional_reasons_fall_back_on_the_rule_without_a_table() -> None:
    no_table = Citation("INKF § 1-1", URL, provisional="old")
    assert provisional_reasons([no_table, Citation("B", URL)]) == ("INKF § 1-1: old",)
    with pytest.raises(InvalidInput) as info:
        provisional_reasons(["x"])  # type: ignore[list-item]
    assert str(info.value) == "basis[0] must be a Citation, got 'x'"


def test_explain_adds_notes_only_when_asked_and_only_if_there_is_one() -> None:
    noted = Citation("A § 1", URL, note="seen")
    bare = Citation("B § 2", URL)
    assert explain([noted, bare]) == "- A § 1 <https://lovdata.no/>\n- B § 2 <https://lovdata.no/>"
    assert explain([noted, bare], notes=True) == (
        "- A § 1 <https://lovdata.no/>\n  note: seen\n- B § 2 <https://lovdata.no/>"
    )
    assert explain([]) == ""
    with pytest.raises(InvalidInput) as info:
        explain([1])  # type: ignore[list-item]
    assert str(info.value) == "basis[0] must be a Citation, got 1"


# -- half-years --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "half"),
    [
        (D(2026, 1, 1), "2026 H1"),
        (D(2026, 6, 30), "2026 H1"),
        (D(2026, 7, 1), "2026 H2"),
        (D(2026, 12, 31), "2026 H2"),
    ],
)
def test_the_half_year_turns_on_1_july(day: dt.date, half: str) -> None:
    assert half_year_of(day) == half


def test_half_year_of_needs_a_date() -> None:
    with pytest.raises(InvalidInput, match="day must be a datetime.date"):
        half_year_of(dt.datetime(2026, 7, 1, tzinfo=dt.UTC))


# -- Parameter: spans, review, look-ups --------------------------------------------------------


def reviewed_table(*values: dict[str, object]) -> Any:
    """An "until changed" NOK table reviewed on 2026-11-23."""
    return parse_parameter(document("NOK", *values, reviewed_on=REVIEW), path="t.toml")


def test_an_entry_ends_the_day_before_the_next_one_starts() -> None:
    table = parse_parameter(
        document("NOK", value(D(2020, 1, 1), 700), value(D(2021, 3, 1), 750)), path="t.toml"
    )
    first = table.at(D(2021, 2, 28))  # the day before the change
    assert (first.valid_from, first.valid_until, first.value) == (
        D(2020, 1, 1),
        D(2021, 2, 28),
        Money.of(700, "NOK"),
    )
    last = table.at(D(2021, 3, 1))  # the day of the change
    # Open-ended: no next entry, no review (it was date.max, as if known to 9999-12-31).
    assert (last.valid_from, last.valid_until, last.value) == (
        D(2021, 3, 1),
        None,
        Money.of(750, "NOK"),
    )
    assert table.at(D(9999, 12, 31)).valid_until is None
    assert last.parameter == "no.test_param"
    assert last.citation == Citation("test rule § 1", URL, "high", "no.test_param", D(2021, 3, 1))
    assert table.provisional_reason is None
    assert table.at(D(2090, 1, 1)).citation.provisional is None


def test_up_to_the_review_an_open_entry_is_known_until_the_review_day() -> None:
    table = reviewed_table(value(D(2020, 1, 1), 700), value(D(2026, 1, 1), 750))
    assert table.provisional_reason == REASON
    # 2020 value: closed by the next entry, before the review: never provisional
    closed = table.at(D(2025, 12, 31))
    assert closed.valid_until == D(2025, 12, 31)
    assert closed.citation.provisional is None
    on_the_day = table.at(REVIEW)
    assert on_the_day.valid_until == REVIEW
    assert on_the_day.citation.provisional is None
    after = table.at(REVIEW + dt.timedelta(days=1))
    assert after.valid_until is None
    assert after.citation.provisional == REASON
    assert after.value == Money.of(750, "NOK")
    assert after.valid_from == D(2026, 1, 1)


def test_an_entry_starting_on_the_review_day_is_known_on_that_day_only() -> None:
    table = reviewed_table(value(D(2020, 1, 1), 700), value(REVIEW, 750))
    before = table.at(REVIEW - dt.timedelta(days=1))
    assert before.valid_until == REVIEW - dt.timedelta(days=1)
    assert before.citation.provisional is None
    on_the_day = table.at(REVIEW)
    assert (on_the_day.valid_from, on_the_day.valid_until) == (REVIEW, REVIEW)
    assert on_the_day.citation.provisional is None
    assert table.at(REVIEW + dt.timedelta(days=1)).citation.provisional == REASON


def test_an_entry_starting_after_the_review_is_open_and_provisional() -> None:
    table = reviewed_table(value(D(2020, 1, 1), 700), value(D(2027, 1, 1), 800))
    assert table.at(D(2026, 12, 31)).valid_until == D(2026, 12, 31)
    assert table.at(D(2026, 12, 31)).citation.provisional == REASON  # after the review
    new = table.at(D(2027, 1, 1))
    assert (new.valid_from, new.valid_until, new.value) == (
        D(2027, 1, 1),
        None,
        Money.of(800, "NOK"),
    )
    assert new.citation.provisional == REASON
    # the earlier value is known until the review, then provisional until it ends
    assert table.at(REVIEW).valid_until == REVIEW
    assert table.at(REVIEW).citation.provisional is None


def test_a_half_yearly_table_is_never_provisional() -> None:
    doc = document(
        "percent",
        value(D(2026, 1, 1), Decimal("12.5")),
        value(D(2026, 7, 1), Decimal("12.25")),
        schedule="half-yearly",
        horizon=D(2026, 12, 31),
        reviewed_on=D(2026, 3, 1),
    )
    table = parse_parameter(doc, path="t.toml")
    assert table.provisional_reason is None
    # before the review (2026-03-01) as after it, an entry ends with its half-year
    early = table.at(D(2026, 2, 28))
    assert (early.valid_until, early.citation.provisional) == (D(2026, 6, 30), None)
    assert table.at(D(2026, 3, 1)).valid_until == D(2026, 6, 30)
    late = table.at(D(2026, 12, 31))  # the horizon: the last day covered
    assert late.citation.provisional is None
    assert late.valid_until == D(2026, 12, 31)
    assert table.at(D(2026, 6, 30)).valid_until == D(2026, 6, 30)
    with pytest.raises(RateNotPublished) as info:
        table.at(D(2027, 1, 1))
    assert info.value.half_year == "2027 H1"
    assert info.value.horizon == D(2026, 12, 31)
    assert info.value.parameter == "no.test_param"


def test_before_the_first_entry_the_refusal_names_the_start_and_its_rule() -> None:
    table = parse_parameter(document("NOK", value(D(2020, 1, 1), 700)), path="t.toml")
    assert table.at(D(2020, 1, 1)).value == Money.of(700, "NOK")  # the day of the start
    with pytest.raises(NotInForce) as info:
        table.at(D(2019, 12, 31))  # the day before
    assert type(info.value) is NotInForce
    assert info.value.parameter == "no.test_param"
    assert info.value.on == D(2019, 12, 31)
    assert info.value.reason == "the table starts 2020-01-01 (test rule § 1)"


def test_an_unknown_period_is_refused_with_its_note_or_a_default() -> None:
    table = parse_parameter(
        document(
            "NOK",
            value(D(2020, 1, 1), "unknown", note="NOT FOUND: searched"),
            value(D(2021, 1, 1), "unknown"),
            value(D(2022, 1, 1), 700),
        ),
        path="t.toml",
    )
    with pytest.raises(NotInForce) as info:
        table.at(D(2020, 12, 31))
    assert info.value.reason == (
        "no value is known from 2020-01-01 (NOT FOUND: searched); supply it with "
        "LawBook.extend(..., replace_unknown=True)"
    )
    with pytest.raises(NotInForce) as info:
        table.at(D(2021, 12, 31))
    assert info.value.reason == (
        "no value is known from 2021-01-01 (not established by the sources); supply it with "
        "LawBook.extend(..., replace_unknown=True)"
    )
    assert table.at(D(2022, 1, 1)).valid_from == D(2022, 1, 1)


def test_a_repeal_is_refused_naming_the_repealing_rule() -> None:
    table = parse_parameter(
        document(
            "NOK",
            value(D(2020, 1, 1), 700),
            value(D(2021, 1, 1), "repealed", citation="repealing act § 9"),
        ),
        path="t.toml",
    )
    assert table.at(D(2020, 12, 31)).valid_until == D(2020, 12, 31)
    with pytest.raises(NotInForce) as info:
        table.at(D(2021, 1, 1))
    assert type(info.value) is NotInForce
    assert (info.value.parameter, info.value.on) == ("no.test_param", D(2021, 1, 1))
    assert str(info.value) == (
        "no.test_param has no value on 2021-01-01: repealed from 2021-01-01 (repealing act § 9)"
    )


def test_a_look_up_needs_a_date_and_the_message_names_the_table() -> None:
    table = parse_parameter(document(), path="t.toml")
    with pytest.raises(InvalidInput) as info:
        table.at("2020-01-01")  # type: ignore[arg-type]
    assert str(info.value) == (
        "the date asked of no.test_param must be a datetime.date, got '2020-01-01'"
    )
    with pytest.raises(InvalidInput, match="the date asked of no.test_param"):
        table.at(dt.datetime(2020, 1, 2, tzinfo=dt.UTC))


def test_first_valid_from_and_change_dates() -> None:
    table = parse_parameter(
        document("NOK", value(D(2020, 1, 1), 700), value(D(2021, 1, 1), 750)), path="t.toml"
    )
    assert table.first_valid_from == D(2020, 1, 1)
    assert table.change_dates == (D(2020, 1, 1), D(2021, 1, 1))


# -- the loader: values and their range --------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "raw", "parsed"),
    [
        ("NOK", 700, Money.of(700, "NOK")),
        ("NOK", Decimal("700.50"), Money.of(Decimal("700.50"), "NOK")),
        ("percent", 8, Decimal(8)),
        ("percent", Decimal("12.25"), Decimal("12.25")),
        ("decimal", Decimal("1.5"), Decimal("1.5")),
        ("days", 14, 14),
        ("integer", 3, 3),
        ("fraction", "1/20", Fraction(1, 20)),
        ("fraction", " 3 / 4 ", Fraction(3, 4)),
        ("record", {"a": [1, {"b": 2}]}, MappingProxyType({"a": (1, MappingProxyType({"b": 2}))})),
        ("record", [1, 2], (1, 2)),
        ("NOK", "unknown", None),
        ("days", "repealed", None),
    ],
)
def test_each_unit_reads_its_kind_of_value(unit: str, raw: object, parsed: object) -> None:
    table = parse_parameter(document(unit, value(D(2020, 1, 1), raw)), path="t.toml")
    assert table.entries[0].value == (raw if parsed is None else parsed)
    if parsed is not None:
        got = table.at(D(2020, 1, 1)).value
        assert got == parsed
        assert type(got) is type(parsed)


def test_a_percent_read_from_an_int_is_a_decimal_and_a_record_is_frozen() -> None:
    table = parse_parameter(document("percent", value(D(2020, 1, 1), 8)), path="t.toml")
    assert type(table.entries[0].value) is Decimal
    rec = parse_parameter(document("record", value(D(2020, 1, 1), {"a": [1]})), path="t.toml")
    frozen = rec.entries[0].value
    assert isinstance(frozen, MappingProxyType)
    assert frozen["a"] == (1,)


@pytest.mark.parametrize(
    ("unit", "raw", "problem"),
    [
        ("NOK", "700", "unit 'NOK' needs a number, got '700'"),
        ("NOK", True, "unit 'NOK' needs a number, got True"),
        ("percent", False, "unit 'percent' needs a number, got False"),
        ("decimal", "1.5", "unit 'decimal' needs a number, got '1.5'"),
        ("days", Decimal("14.5"), "unit 'days' needs a whole number, got Decimal('14.5')"),
        ("integer", True, "unit 'integer' needs a whole number, got True"),
        ("days", "14", "unit 'days' needs a whole number, got '14'"),
        ("fraction", "1/0", "unit 'fraction' needs a string like '1/20', got '1/0'"),
        ("fraction", "1/-2", "unit 'fraction' needs a string like '1/20', got '1/-2'"),
        ("fraction", 1, "unit 'fraction' needs a string like '1/20', got 1"),
        ("fraction", "x1/2", "unit 'fraction' needs a string like '1/20', got 'x1/2'"),
        ("fraction", "1/2x", "unit 'fraction' needs a string like '1/20', got '1/2x'"),
        ("record", 5, "unit 'record' needs a table or an array, got 5"),
        ("record", "x", "unit 'record' needs a table or an array, got 'x'"),
        ("NOK", Decimal("NaN"), "must be a finite number, got NaN"),
        ("record", Decimal("Infinity"), "must be a finite number, got Infinity"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused(unit: str, raw: object, problem: str) -> None:
    good = {"fraction": "1/20", "record": {"a": 1}}.get(unit, 1)  # a valid first entry
    error = refusal(document(unit, value(D(2020, 1, 1), good), value(D(2021, 1, 1), raw)))
    assert error.key == "values[1].value"
    assert error.problem == problem


@pytest.mark.parametrize(
    ("unit", "raw", "ok"),
    [
        ("NOK", 100, True),
        ("NOK", Decimal("99.99"), False),
        ("NOK", 200, True),
        ("NOK", Decimal("200.01"), False),
        ("days", 100, True),
        ("days", 99, False),
        ("days", 200, True),
        ("days", 201, False),
        ("percent", Decimal("100.00"), True),
        ("percent", Decimal("200.001"), False),
    ],
)
def test_the_valid_range_is_inclusive(unit: str, raw: object, ok: bool) -> None:
    doc = document(unit, value(D(2020, 1, 1), raw), minimum=100, maximum=200)
    if ok:
        assert parse_parameter(doc, path="t.toml").minimum == Decimal(100)
        return
    error = refusal(doc)
    assert error.key == "values[0].value"
    assert error.problem == (
        f"{parse_shown(unit, raw)} is outside the table's valid range 100 to 200 "
        "(minimum and maximum of the table)"
    )


def parse_shown(unit: str, raw: object) -> str:
    """How the refusal shows a value: an amount with its currency."""
    return str(Money.of(raw, "NOK")) if unit == "NOK" else str(raw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "ok"), [("1/2", True), ("1/1", True), ("101/100", False), ("0/1", False)]
)
def test_a_fractions_range_is_compared_exactly(raw: str, ok: bool) -> None:
    # range 1/100 .. 1: 0.01 and 1 are bounds; 101/100 and 0 lie outside
    doc = document("fraction", value(D(2020, 1, 1), raw), minimum=Decimal("0.01"), maximum=1)
    if ok:
        assert parse_parameter(doc, path="t.toml").entries[0].value == Fraction(raw)
    else:
        assert "is outside the table's valid range 0.01 to 1" in refusal(doc).problem
    low = document("fraction", value(D(2020, 1, 1), "1/100"), minimum=Decimal("0.01"))
    assert parse_parameter(low, path="t.toml").entries[0].value == Fraction(1, 100)
    below = document("fraction", value(D(2020, 1, 1), "1/101"), minimum=Decimal("0.01"))
    assert refusal(below).key == "values[0].value"


def test_one_sided_ranges_and_markers_are_not_ranged() -> None:
    only_max = document("days", value(D(2020, 1, 1), -50), maximum=10)
    assert parse_parameter(only_max, path="t.toml").minimum is None
    assert refusal(document("days", value(D(2020, 1, 1), 11), maximum=10)).problem.startswith(
        "11 is outside the table's valid range None to 10"
    )
    only_min = document("days", value(D(2020, 1, 1), 10**6), minimum=10)
    assert parse_parameter(only_min, path="t.toml").maximum is None
    assert refusal(document("days", value(D(2020, 1, 1), 9), minimum=10)).problem.startswith(
        "9 is outside the table's valid range 10 to None"
    )
    markers = document(
        "days",
        value(D(2020, 1, 1), "unknown"),
        value(D(2021, 1, 1), "repealed"),
        minimum=10,
        maximum=20,
    )
    assert len(parse_parameter(markers, path="t.toml").entries) == 2


@pytest.mark.parametrize(
    ("key", "bound", "problem"),
    [
        ("minimum", "1", "must be a number, got '1'"),
        ("maximum", True, "must be a number, got True"),
        ("minimum", Decimal("NaN"), "must be a finite number, got NaN"),
        ("maximum", Decimal("-Infinity"), "must be a finite number, got -Infinity"),
    ],
)
def test_a_range_bound_is_a_finite_number(key: str, bound: object, problem: str) -> None:
    error = refusal(document("days", value(D(2020, 1, 1), 5), **{key: bound}))
    assert (error.key, error.problem) == (key, problem)


def test_a_range_may_be_one_value_but_not_upside_down() -> None:
    same = parse_parameter(
        document("days", value(D(2020, 1, 1), 5), minimum=5, maximum=5), path="t.toml"
    )
    assert (same.minimum, same.maximum) == (Decimal(5), Decimal(5))
    assert type(same.minimum) is Decimal
    error = refusal(document("days", value(D(2020, 1, 1), 5), minimum=6, maximum=5))
    assert (error.key, error.problem) == ("maximum", "5 is below the minimum 6")


@pytest.mark.parametrize("key", ["minimum", "maximum"])
def test_a_record_table_has_no_range(key: str) -> None:
    error = refusal(document("record", value(D(2020, 1, 1), {"a": 1}), **{key: 0}))
    assert (error.key, error.problem) == (
        key,
        "unit 'record' has no range (the rule reading it checks it)",
    )


@pytest.mark.parametrize("missing", ["minimum", "maximum"])
def test_a_shipped_numeric_table_declares_both_bounds(missing: str) -> None:
    bounds = {"minimum": 0, "maximum": 10} | {missing: None}
    doc = document("days", value(D(2020, 1, 1), 5), reviewed_on=REVIEW, **bounds)
    error = refusal(doc, shipped=True)
    assert (error.key, error.problem) == (
        missing,
        "a built-in table of unit 'days' declares its valid range",
    )
    record = document("record", value(D(2020, 1, 1), {"a": 1}), reviewed_on=REVIEW)
    assert parse_parameter(record, path="t.toml", shipped=True).minimum is None


# -- the loader: entries -----------------------------------------------------------------------


def test_an_entry_must_be_a_table() -> None:
    error = refusal(document("NOK", value(D(2020, 1, 1), 700), ["not", "a", "table"]))  # type: ignore[arg-type]
    assert (error.key, error.problem) == ("values[1]", "each entry must be a table ([[values]])")


def test_an_entry_with_an_unknown_key_lists_the_allowed_ones() -> None:
    error = refusal(document("NOK", value(D(2020, 1, 1), 700, source="x", also=1)))
    assert error.key == "values[0]"
    assert error.problem == (
        "unknown keys ['also', 'source']; allowed: "
        "['citation', 'confidence', 'note', 'url', 'valid_from', 'value']"
    )


@pytest.mark.parametrize("required", ["valid_from", "value", "citation", "url"])
def test_each_required_entry_key_is_named_when_missing(required: str) -> None:
    raw = value(D(2020, 1, 1), 700)
    del raw[required]
    error = refusal(document("NOK", raw))
    assert (error.key, error.problem) == (f"values[0].{required}", "missing")


@pytest.mark.parametrize(
    "day", ["2020-01-01", dt.datetime(2020, 1, 1, tzinfo=dt.UTC), None, 20200101]
)
def test_valid_from_is_a_date(day: object) -> None:
    error = refusal(document("NOK", value(day, 700)))  # type: ignore[arg-type]
    assert (error.key, error.problem) == (
        "values[0].valid_from",
        f"must be a date (YYYY-MM-DD), got {day!r}",
    )


@pytest.mark.parametrize("field", ["citation", "url"])
@pytest.mark.parametrize("text", ["", "   ", 5, None])
def test_citation_and_url_are_non_empty_strings(field: str, text: object) -> None:
    error = refusal(document("NOK", value(D(2020, 1, 1), 700, **{field: text})))
    assert (error.key, error.problem) == (f"values[0].{field}", "must be a non-empty string")


@pytest.mark.parametrize("url", ["https://x.no", "http://x.no"])
def test_a_url_is_a_web_address(url: str) -> None:
    table = parse_parameter(document("NOK", value(D(2020, 1, 1), 700, url=url)), path="t.toml")
    assert table.entries[0].citation.url == url
    error = refusal(document("NOK", value(D(2020, 1, 1), 700, url="ftp://x.no")))
    assert (error.key, error.problem) == (
        "values[0].url",
        "must be a web address, got 'ftp://x.no'",
    )


def test_confidence_is_high_by_default_or_medium() -> None:
    high = parse_parameter(document("NOK", value(D(2020, 1, 1), 700)), path="t.toml")
    assert high.entries[0].citation.confidence == "high"
    medium = parse_parameter(
        document("NOK", value(D(2020, 1, 1), 700, confidence="medium")), path="t.toml"
    )
    assert medium.entries[0].citation.confidence == "medium"
    assert medium.at(D(2020, 1, 1)).citation.is_provisional
    error = refusal(document("NOK", value(D(2020, 1, 1), 700, confidence="low")))
    assert (error.key, error.problem) == (
        "values[0].confidence",
        "must be 'high' or 'medium' (low values stay out), got 'low'",
    )


def test_a_note_is_a_string_and_reaches_the_citation() -> None:
    noted = parse_parameter(
        document("NOK", value(D(2020, 1, 1), 700, note="seen in the statute")), path="t.toml"
    )
    citation = noted.at(D(2020, 1, 1)).citation
    assert citation == Citation(
        "test rule § 1", URL, "high", "no.test_param", D(2020, 1, 1), "seen in the statute"
    )
    error = refusal(document("NOK", value(D(2020, 1, 1), 700, note=5)))
    assert (error.key, error.problem) == ("values[0].note", "must be a string")


def test_dates_are_strictly_increasing() -> None:
    dup = refusal(
        document(
            "NOK", value(D(2019, 1, 1), 1), value(D(2020, 1, 1), 700), value(D(2020, 1, 1), 750)
        )
    )
    assert (dup.key, dup.problem) == ("values[2].valid_from", "duplicate date 2020-01-01")
    back = refusal(
        document(
            "NOK", value(D(2019, 1, 1), 1), value(D(2020, 1, 2), 700), value(D(2020, 1, 1), 750)
        )
    )
    assert (back.key, back.problem) == (
        "values[2].valid_from",
        "dates must be in increasing order: 2020-01-01 comes after 2020-01-02",
    )


# -- the loader: the document ------------------------------------------------------------------


def test_unknown_top_level_keys_are_listed() -> None:
    error = refusal(document(zeta=1, alpha=2))
    assert error.key == "alpha, zeta"
    assert error.problem == (
        "unknown top-level keys; allowed: ['description', 'horizon', 'maximum', 'minimum', "
        "'name', 'reviewed_on', 'schedule', 'title', 'unit', 'values']"
    )


@pytest.mark.parametrize("name", [None, "", 5])
def test_a_name_is_required(name: object) -> None:
    error = refusal(document(name=name))
    assert (error.key, error.problem) == ("name", "missing")


def test_the_name_must_match_the_files_place() -> None:
    error = refusal(document(), expected_name="no.other")
    assert (error.key, error.problem) == (
        "name",
        "must match the file's place, 'no.other', got 'no.test_param'",
    )
    table = parse_parameter(document(), path="t.toml", expected_name="no.test_param")
    assert table.name == "no.test_param"


def test_the_unit_is_one_of_the_units_and_an_amount_matches_the_country() -> None:
    error = refusal(document("EUR"))
    assert (error.key, error.problem) == (
        "unit",
        (
            "must be one of ['NOK', 'SEK', 'percent', 'fraction', 'days', 'integer', "
            "'decimal', 'record'], got 'EUR'"
        ),
    )
    sek = refusal(document("SEK"))
    assert (sek.key, sek.problem) == ("unit", "no.test_param is a NO amount and cannot be in SEK")
    swedish = document("NOK", name="se.test_param")
    assert refusal(swedish).problem == "se.test_param is a SE amount and cannot be in NOK"
    other = document("NOK", name="dk.test_param")
    assert refusal(other).problem == "dk.test_param is a DK amount and cannot be in NOK"
    ok = parse_parameter(document("SEK", name="se.test_param"), path="t.toml")
    assert ok.at(D(2020, 1, 1)).value == Money.of(700, "SEK")
    dotted = parse_parameter(document("NOK", name="no.a.b"), path="t.toml")
    assert dotted.unit == "NOK"


def test_the_schedule_is_until_changed_by_default_or_half_yearly() -> None:
    table = parse_parameter(document(), path="t.toml")
    assert table.schedule == "until-changed"
    assert table.horizon is None
    error = refusal(document(schedule="monthly"))
    assert (error.key, error.problem) == (
        "schedule",
        "must be one of ['until-changed', 'half-yearly'], got 'monthly'",
    )


@pytest.mark.parametrize("title", [None, "", 3])
def test_a_title_is_required(title: object) -> None:
    error = refusal(document(title=title))
    assert (error.key, error.problem) == ("title", "missing")


@pytest.mark.parametrize("values", [None, [], {"a": 1}])
def test_values_need_at_least_one_entry(values: object) -> None:
    doc = document()
    doc["values"] = values
    error = refusal(doc)
    assert (error.key, error.problem) == ("values", "needs at least one [[values]] entry")


def test_the_parameter_keeps_title_description_range_and_review() -> None:
    doc = document(
        "days",
        value(D(2020, 1, 1), 14),
        title="Frist",
        description="Fourteen days.",
        minimum=1,
        maximum=30,
        reviewed_on=REVIEW,
    )
    table = parse_parameter(doc, path="t.toml")
    assert (table.title, table.description, table.unit) == ("Frist", "Fourteen days.", "days")
    assert (table.minimum, table.maximum, table.reviewed_on) == (Decimal(1), Decimal(30), REVIEW)
    assert parse_parameter(document(), path="t.toml").description == ""


@pytest.mark.parametrize("day", ["2026-11-23", dt.datetime(2026, 11, 23, tzinfo=dt.UTC), 20261123])
def test_reviewed_on_is_a_date(day: object) -> None:
    error = refusal(document(reviewed_on=day))
    assert (error.key, error.problem) == (
        "reviewed_on",
        f"must be a date (YYYY-MM-DD), got {day!r}",
    )


def test_a_shipped_table_records_its_review_a_users_need_not() -> None:
    doc = document("days", value(D(2020, 1, 1), 5), minimum=0, maximum=10)
    error = refusal(doc, shipped=True)
    assert (error.key, error.problem) == (
        "reviewed_on",
        "a built-in table records the day it was last reviewed",
    )
    assert parse_parameter(doc, path="t.toml").reviewed_on is None


# -- the loader: horizons and half-years -------------------------------------------------------


def half_yearly(*values: dict[str, object], horizon: object) -> dict[str, Any]:
    return document("percent", *values, schedule="half-yearly", horizon=horizon)


def test_only_a_half_yearly_table_has_a_horizon() -> None:
    error = refusal(document(horizon=D(2020, 12, 31)))
    assert (error.key, error.problem) == ("horizon", "only a 'half-yearly' table has a horizon")


@pytest.mark.parametrize("horizon", [None, "2020-12-31", dt.datetime(2020, 12, 31, tzinfo=dt.UTC)])
def test_a_half_yearly_table_needs_a_horizon_date(horizon: object) -> None:
    error = refusal(half_yearly(value(D(2020, 7, 1), 8), horizon=horizon))
    assert (error.key, error.problem) == (
        "horizon",
        "a 'half-yearly' table needs horizon = the last day it covers",
    )


@pytest.mark.parametrize("horizon", [D(2020, 6, 29), D(2020, 7, 1), D(2020, 12, 30)])
def test_a_horizon_is_30_june_or_31_december(horizon: dt.date) -> None:
    error = refusal(half_yearly(value(D(2020, 1, 1), 8), horizon=horizon))
    assert (error.key, error.problem) == (
        "horizon",
        f"must be 30 June or 31 December, got {horizon}",
    )


@pytest.mark.parametrize("shipped", [False, True])
def test_a_horizon_before_the_only_entry_is_refused(shipped: bool) -> None:
    doc = half_yearly(value(D(2021, 1, 1), 8), horizon=D(2020, 12, 31))
    doc |= {"minimum": 0, "maximum": 50, "reviewed_on": REVIEW}
    error = refusal(doc, shipped=shipped)
    assert (error.key, error.problem) == ("horizon", "2020-12-31 is before the last entry")


def test_a_users_half_yearly_table_covers_each_half_year_up_to_its_horizon() -> None:
    ok = half_yearly(
        value(D(2020, 1, 1), 8),
        value(D(2020, 7, 1), 9),
        value(D(2021, 1, 1), 10),
        horizon=D(2021, 6, 30),
    )
    table = parse_parameter(ok, path="t.toml")
    assert table.at(D(2020, 12, 31)).value == Decimal(9)
    assert table.at(D(2021, 6, 30)).value == Decimal(10)
    gap = refusal(
        half_yearly(
            value(D(2020, 1, 1), 8),
            value(D(2020, 7, 1), 9),
            value(D(2021, 7, 1), 10),
            horizon=D(2021, 12, 31),
        )
    )
    assert gap.key == "values[2].valid_from"
    assert gap.problem == (
        "a half-yearly table has an entry for every half-year: 2021 H1 (from 2021-01-01) is "
        "missing between 2020-07-01 and 2021-07-01"
    )
    past = refusal(half_yearly(value(D(2020, 7, 1), 8), horizon=D(2021, 6, 30)))
    assert past.key == "horizon"
    assert past.problem == (
        "2021-06-30 is past the last entry's half-year (2020 H2, which ends 2020-12-31): every "
        "half-year up to the horizon needs an entry"
    )


@pytest.mark.parametrize("day", [D(2020, 1, 2), D(2020, 2, 1), D(2020, 7, 2), D(2020, 4, 1)])
def test_a_users_half_yearly_value_starts_on_1_january_or_1_july(day: dt.date) -> None:
    error = refusal(half_yearly(value(D(2019, 7, 1), 8), value(day, 9), horizon=D(2020, 12, 31)))
    assert error.key == "values[1].valid_from"
    assert error.problem == f"a half-yearly value starts on 1 January or 1 July, got {day}"


def test_a_shipped_half_yearly_table_may_cover_several_half_years_with_one_entry() -> None:
    # Norway before 2004: one rate set for a longer period (see parse_parameter)
    doc = half_yearly(value(D(2001, 3, 1), 8), horizon=D(2003, 12, 31))
    doc |= {"minimum": 0, "maximum": 50, "reviewed_on": REVIEW}
    table = parse_parameter(doc, path="t.toml", shipped=True)
    assert table.at(D(2003, 12, 31)).value == Decimal(8)
    assert table.at(D(2003, 12, 31)).valid_until == D(2003, 12, 31)
    assert refusal(doc).key == "values[0].valid_from"  # not in a user's file


# -- load_file ---------------------------------------------------------------------------------


def test_load_file_reads_decimals_and_checks_the_path(tmp_path: Path) -> None:
    path = tmp_path / "late.toml"
    path.write_text(
        'name = "no.late"\ntitle = "Rate"\nunit = "percent"\n[[values]]\n'
        'valid_from = 2020-01-01\nvalue = 8.10\ncitation = "x § 3"\nurl = "https://x.no"\n',
        encoding="utf-8",
    )
    table = load_file(str(path), expected_name="no.late")
    got = table.at(D(2020, 1, 1)).value
    assert got == Decimal("8.10")
    assert str(got) == "8.10"  # read as a Decimal, not through a float
    with pytest.raises(DataFileError) as info:
        load_file(path, expected_name="no.other")
    assert info.value.key == "name"
    assert info.value.path == str(path)
    with pytest.raises(InvalidInput) as bad:
        load_file(5)  # type: ignore[arg-type]
    assert str(bad.value) == "a legal data file's path is a str or a Path, got 5"


def test_load_file_refuses_unreadable_and_invalid_files(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(DataFileError) as info:
        load_file(missing)
    assert (info.value.path, info.value.key) == (str(missing), "(file)")
    assert info.value.problem.startswith("cannot be read: ")
    latin = tmp_path / "latin.toml"
    latin.write_bytes('title = "Sk\xe5ne"\n'.encode("latin-1"))
    with pytest.raises(DataFileError) as info:
        load_file(latin)
    assert info.value.problem.startswith("cannot be read: ")
    broken = tmp_path / "broken.toml"
    broken.write_text("name = \n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_file(broken)
    assert (info.value.path, info.value.key) == (str(broken), "(file)")
    assert info.value.problem.startswith("not valid TOML: ")


def test_a_shipped_file_is_checked_as_shipped(tmp_path: Path) -> None:
    path = tmp_path / "days.toml"
    path.write_text(
        'name = "no.days"\ntitle = "Frist"\nunit = "days"\n[[values]]\n'
        'valid_from = 2020-01-01\nvalue = 14\ncitation = "x § 3"\nurl = "https://x.no"\n',
        encoding="utf-8",
    )
    assert load_file(path).at(D(2020, 1, 1)).value == 14
    with pytest.raises(DataFileError) as info:
        load_file(path, shipped=True)
    assert info.value.key == "minimum"


# -- LawBook: look-ups -------------------------------------------------------------------------


def small_book() -> LawBook:
    """A book of two test tables.

    ``no.sats`` (NOK, until changed, reviewed 2026-11-23, range 0..10000): unknown from
    2010-01-01, 600 from 2012-01-01, repealed from 2015-01-01, 700 from 2016-01-01.
    ``no.rate`` (percent, half-yearly to 2026-12-31, range -5..50): 8 from 2025-01-01, unknown
    from 2025-07-01, 9 from 2026-01-01, 10 from 2026-07-01.
    """
    sats = document(
        "NOK",
        value(D(2010, 1, 1), "unknown", note="NOT FOUND"),
        value(D(2012, 1, 1), 600),
        value(D(2015, 1, 1), "repealed"),
        value(D(2016, 1, 1), 700),
        name="no.sats",
        minimum=0,
        maximum=10000,
        reviewed_on=REVIEW,
    )
    rate = document(
        "percent",
        value(D(2025, 1, 1), 8),
        value(D(2025, 7, 1), "unknown"),
        value(D(2026, 1, 1), 9),
        value(D(2026, 7, 1), 10),
        name="no.rate",
        schedule="half-yearly",
        horizon=D(2026, 12, 31),
        minimum=-5,
        maximum=50,
        reviewed_on=REVIEW,
    )
    return LawBook(
        {
            "no.sats": parse_parameter(sats, path="sats.toml", shipped=True),
            "no.rate": parse_parameter(rate, path="rate.toml", shipped=True),
        }
    )


def test_a_book_names_its_tables_sorted_and_refuses_unknown_names() -> None:
    book = small_book()
    assert book.names == ("no.rate", "no.sats")
    assert book.parameter("no.sats").name == "no.sats"
    assert book.at("no.sats", D(2016, 1, 1)).value == Money.of(700, "NOK")
    with pytest.raises(UnknownParameter) as info:
        book.parameter("no.none")
    assert info.value.name == "no.none"
    assert str(info.value) == "no legal parameter named 'no.none'"
    assert isinstance(info.value, LookupError)
    with pytest.raises(InvalidInput) as bad:
        book.parameter(["no.sats"])  # type: ignore[arg-type]
    assert str(bad.value) == "a parameter's name is a str, got ['no.sats']"
    with pytest.raises(UnknownParameter):
        book.at("no.none", D(2020, 1, 1))


def test_a_book_holds_parameters_by_name() -> None:
    with pytest.raises(InvalidInput) as info:
        LawBook({"no.x": "not a parameter"})  # type: ignore[dict-item]
    assert str(info.value) == (
        "LawBook's parameters must map str to Parameter, got 'no.x': 'not a parameter'"
    )
    small = small_book()
    params = {name: small.parameter(name) for name in small.names}  # the book copies these
    book = LawBook(params)
    params.clear()
    assert book.names == ("no.rate", "no.sats")


def one_unit_book(unit: str, raw: object, name: str = "no.t") -> LawBook:
    doc = document(unit, value(D(2020, 1, 1), raw), name=name)
    return LawBook({name: parse_parameter(doc, path="t.toml")})


@pytest.mark.parametrize(
    ("method", "unit", "raw", "expected"),
    [
        ("amount", "NOK", 700, Money.of(700, "NOK")),
        ("amount", "SEK", 60, Money.of(60, "SEK")),
        ("rate", "percent", Decimal("8.5"), Decimal("8.5")),
        ("number", "decimal", Decimal("1.25"), Decimal("1.25")),
        ("fraction", "fraction", "1/20", Fraction(1, 20)),
        ("days", "days", 14, 14),
        ("days", "integer", 2, 2),
        ("record", "record", {"a": 1}, MappingProxyType({"a": 1})),
    ],
)
def test_each_typed_look_up_reads_its_units(
    method: str, unit: str, raw: object, expected: object
) -> None:
    name = "se.t" if unit == "SEK" else "no.t"
    book = one_unit_book(unit, raw, name)
    assert getattr(book, method)(name, D(2020, 1, 1)).value == expected
    with pytest.raises(NotInForce):
        getattr(book, method)(name, D(2019, 12, 31))


@pytest.mark.parametrize(
    ("method", "units"),
    [
        ("amount", "['NOK', 'SEK']"),
        ("rate", "['percent']"),
        ("number", "['decimal']"),
        ("fraction", "['fraction']"),
        ("days", "['days', 'integer']"),
        ("record", "['record']"),
    ],
)
def test_a_typed_look_up_of_another_unit_is_refused(method: str, units: str) -> None:
    unit, raw = ("record", {"a": 1}) if method != "record" else ("decimal", Decimal(1))
    book = one_unit_book(unit, raw)
    with pytest.raises(DataFileError) as info:
        getattr(book, method)("no.t", D(2020, 1, 1))
    assert (info.value.path, info.value.key) == ("no.t", "unit")
    assert info.value.problem == f"expected one of {units}, the table holds {unit!r}"


# -- LawBook.extend: where an extension may go ---------------------------------------------------

SATS_RULE = (
    "an extension of no.sats starts where the table ends (after its last entry, 2016-01-01) or "
    "fills a period the table marks unknown"
)
RATE_RULE = (
    "an extension of no.rate starts where the table ends (the day after its horizon, "
    "2027-01-01) or fills a period the table marks unknown"
)


def extend_refusal(book: LawBook, name: str, *raws: dict[str, object], **kw: Any) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        book.extend(name, list(raws), **kw)
    assert info.value.path == f"<extension of {name}>"
    return info.value


def test_an_until_changed_extension_starts_the_day_after_the_last_entry() -> None:
    book = small_book()
    later = book.extend("no.sats", [value(D(2016, 1, 2), 710)])
    assert later.amount("no.sats", D(2016, 1, 1)).value == Money.of(700, "NOK")
    assert later.amount("no.sats", D(2016, 1, 1)).valid_until == D(2016, 1, 1)
    assert later.amount("no.sats", D(2016, 1, 2)).value == Money.of(710, "NOK")
    assert later.parameter("no.sats").horizon is None
    error = extend_refusal(book, "no.sats", value(D(2016, 1, 1), 710))  # the last entry's day
    assert error.key == "entries[0].valid_from"
    assert error.problem == (
        "2016-01-01 is inside the table: no.sats already has a value from 2016-01-01 "
        f"(test rule § 1); the built-in data is not overwritten: {SATS_RULE}"
    )


def test_an_extension_does_not_write_over_a_repeal() -> None:
    error = extend_refusal(
        small_book(), "no.sats", value(D(2015, 6, 1), 650), replace_unknown=True
    )
    assert error.problem == (
        "2015-06-01 is inside the table: no.sats is repealed from 2015-01-01 "
        f"(test rule § 1); the built-in data is not overwritten: {SATS_RULE}"
    )


def test_nothing_goes_before_the_table_starts() -> None:
    book = small_book()
    error = extend_refusal(book, "no.sats", value(D(2009, 12, 31), 500), replace_unknown=True)
    assert error.key == "entries[0].valid_from"
    assert error.problem == f"2009-12-31 is before the table starts (2010-01-01): {SATS_RULE}"
    filled = book.extend("no.sats", [value(D(2010, 1, 1), 500)], replace_unknown=True)
    assert filled.amount("no.sats", D(2011, 12, 31)).value == Money.of(500, "NOK")
    assert filled.amount("no.sats", D(2012, 1, 1)).value == Money.of(600, "NOK")
    half = extend_refusal(book, "no.rate", value(D(2024, 7, 1), 7), replace_unknown=True)
    assert half.problem == f"2024-07-01 is before the table starts (2025-01-01): {RATE_RULE}"


def test_an_unknown_period_is_filled_only_when_asked() -> None:
    book = small_book()
    error = extend_refusal(book, "no.sats", value(D(2011, 1, 1), 500))
    assert error.key == "entries[0].valid_from"
    assert error.problem == (
        "2011-01-01 is inside the table, in a period it marks unknown (from 2010-01-01); "
        "pass replace_unknown=True to fill it"
    )
    filled = book.extend("no.sats", [value(D(2011, 1, 1), 500)], replace_unknown=True)
    with pytest.raises(NotInForce):
        filled.amount("no.sats", D(2010, 12, 31))  # still unknown before the filled value
    assert filled.amount("no.sats", D(2011, 1, 1)).value == Money.of(500, "NOK")
    assert filled.amount("no.sats", D(2011, 12, 31)).valid_until == D(2011, 12, 31)


def test_a_half_yearly_extension_starts_the_day_after_the_horizon() -> None:
    book = small_book()
    error = extend_refusal(book, "no.rate", value(D(2026, 12, 31), 11))  # the horizon itself
    assert error.problem == (
        "2026-12-31 is inside the table: no.rate already has a value from 2026-07-01 "
        f"(test rule § 1); the built-in data is not overwritten: {RATE_RULE}"
    )
    longer = book.extend("no.rate", [value(D(2027, 1, 1), 11), value(D(2027, 7, 1), 12)])
    table = longer.parameter("no.rate")
    assert table.horizon == D(2027, 12, 31)
    assert longer.rate("no.rate", D(2027, 12, 31)).value == Decimal(12)
    assert longer.rate("no.rate", D(2027, 6, 30)).valid_until == D(2027, 6, 30)
    with pytest.raises(RateNotPublished):
        longer.rate("no.rate", D(2028, 1, 1))
    assert book.parameter("no.rate").horizon == D(2026, 12, 31)  # the book is unchanged


def test_a_half_yearly_extension_leaves_no_half_year_out() -> None:
    book = small_book()
    skip = extend_refusal(book, "no.rate", value(D(2027, 7, 1), 11))
    assert skip.key == "entries[0].valid_from"
    assert skip.problem == (
        "2027 H1 (from 2027-01-01) is missing: a half-yearly table has an entry for every "
        "half-year, and no.rate ends 2026-12-31"
    )
    off = extend_refusal(book, "no.rate", value(D(2027, 1, 1), 11), value(D(2027, 7, 2), 12))
    assert off.key == "entries[1].valid_from"
    assert off.problem == "a half-yearly value starts on 1 January or 1 July, got 2027-07-02"
    gap = extend_refusal(book, "no.rate", value(D(2027, 1, 1), 11), value(D(2028, 1, 1), 12))
    assert gap.key == "entries[1].valid_from"
    assert gap.problem.startswith("2027 H2 (from 2027-07-01) is missing")
    # an appended entry after a filled one keeps its own index in the key
    both = extend_refusal(
        book,
        "no.rate",
        value(D(2025, 7, 1), Decimal("8.5")),
        value(D(2027, 7, 1), 11),
        replace_unknown=True,
    )
    assert both.key == "entries[1].valid_from"
    assert both.problem.startswith("2027 H1 (from 2027-01-01) is missing")


def test_a_half_yearly_unknown_period_is_filled_one_half_year_at_a_time() -> None:
    book = small_book()
    filled = book.extend("no.rate", [value(D(2025, 7, 1), Decimal("8.5"))], replace_unknown=True)
    assert filled.rate("no.rate", D(2025, 12, 31)).value == Decimal("8.5")
    assert filled.rate("no.rate", D(2026, 1, 1)).value == Decimal(9)
    assert filled.parameter("no.rate").horizon == D(2026, 12, 31)  # nothing appended
    off = extend_refusal(book, "no.rate", value(D(2025, 8, 1), 8), replace_unknown=True)
    assert off.key == "entries[0].valid_from"
    assert off.problem == "a half-yearly value starts on 1 January or 1 July, got 2025-08-01"


def test_a_filled_half_year_may_start_where_the_unknown_period_does() -> None:
    # an unknown period from 2025-03-16 (not a half-year start) may be filled from that day
    doc = document(
        "percent",
        value(D(2025, 1, 1), 8),
        value(D(2025, 3, 16), "unknown"),
        value(D(2025, 7, 1), 9),
        name="no.rate",
        schedule="half-yearly",
        horizon=D(2025, 12, 31),
        minimum=-5,
        maximum=50,
        reviewed_on=REVIEW,
    )
    book = LawBook({"no.rate": parse_parameter(doc, path="rate.toml", shipped=True)})
    filled = book.extend("no.rate", [value(D(2025, 3, 16), 7)], replace_unknown=True)
    assert filled.rate("no.rate", D(2025, 3, 16)).value == Decimal(7)
    assert filled.rate("no.rate", D(2025, 6, 30)).valid_until == D(2025, 6, 30)
    off = extend_refusal(book, "no.rate", value(D(2025, 3, 17), 7), replace_unknown=True)
    assert off.problem == "a half-yearly value starts on 1 January or 1 July, got 2025-03-17"


def test_a_filled_half_year_does_not_cover_the_next_unknown_one() -> None:
    doc = document(
        "percent",
        value(D(2025, 1, 1), 8),
        value(D(2025, 7, 1), "unknown"),
        value(D(2026, 7, 1), 9),
        name="no.rate",
        schedule="half-yearly",
        horizon=D(2026, 12, 31),
        minimum=-5,
        maximum=50,
        reviewed_on=REVIEW,
    )
    book = LawBook({"no.rate": parse_parameter(doc, path="rate.toml", shipped=True)})
    error = extend_refusal(book, "no.rate", value(D(2025, 7, 1), 7), replace_unknown=True)
    assert error.key == "entries[0].valid_from"
    assert error.problem == (
        "a half-yearly value covers one half-year (2025 H2); 2026 H1 needs its own entry "
        '(a value, or "unknown")'
    )
    # the last unknown half-year before the next value may be filled alone
    last = book.extend("no.rate", [value(D(2026, 1, 1), 7)], replace_unknown=True)
    assert last.rate("no.rate", D(2026, 6, 30)).value == Decimal(7)
    with pytest.raises(NotInForce):
        last.rate("no.rate", D(2025, 12, 31))


# -- LawBook.extend: arguments ---------------------------------------------------------------


def test_an_extension_needs_mappings_and_at_least_one() -> None:
    book = small_book()
    with pytest.raises(InvalidInput) as info:
        book.extend("no.sats", ["x"])  # type: ignore[list-item]
    assert str(info.value).startswith("the new entries of no.sats[0] must be a ")
    error = extend_refusal(book, "no.sats")
    assert (error.key, error.problem) == ("entries", "no entries given")
    with pytest.raises(UnknownParameter):
        book.extend("no.none", [value(D(2027, 1, 1), 1)])


def test_an_extensions_entries_are_checked_like_a_files() -> None:
    book = small_book()
    order = extend_refusal(book, "no.sats", value(D(2017, 1, 1), 1), value(D(2017, 1, 1), 2))
    assert (order.key, order.problem) == ("entries[1].valid_from", "duplicate date 2017-01-01")
    ranged = extend_refusal(book, "no.sats", value(D(2017, 1, 1), 1), value(D(2018, 1, 1), 10001))
    assert ranged.key == "entries[1].value"
    assert ranged.problem.startswith("10001.00 NOK is outside the table's valid range 0 to 10000")
    kind = extend_refusal(book, "no.rate", value(D(2027, 1, 1), "8"))
    assert (kind.key, kind.problem) == (
        "entries[0].value",
        "unit 'percent' needs a number, got '8'",
    )
    cited = book.extend("no.sats", [value(D(2017, 1, 1), 1, confidence="medium", note="n")])
    citation = cited.amount("no.sats", D(2017, 1, 1)).citation
    assert citation == Citation("test rule § 1", URL, "medium", "no.sats", D(2017, 1, 1), "n")


def test_an_extensions_horizon_must_be_the_end_of_its_last_half_year() -> None:
    book = small_book()
    ok = book.extend("no.rate", [value(D(2027, 1, 1), 11)], horizon=D(2027, 6, 30))
    assert ok.parameter("no.rate").horizon == D(2027, 6, 30)
    error = extend_refusal(book, "no.rate", value(D(2027, 1, 1), 11), horizon=D(2027, 12, 31))
    assert error.key == "horizon"
    assert error.problem == (
        "2027-12-31 is not the end of the last entry's half-year (2027-06-30): a half-yearly "
        "table has an entry for every half-year up to its horizon"
    )
    with pytest.raises(InvalidInput, match="horizon must be a datetime.date"):
        book.extend("no.rate", [value(D(2027, 1, 1), 11)], horizon="2027-06-30")  # type: ignore[arg-type]
    # filling only: the horizon stays, and a horizon given must be it
    fill = [value(D(2025, 7, 1), 8)]
    same = book.extend("no.rate", fill, replace_unknown=True, horizon=D(2026, 12, 31))
    assert same.parameter("no.rate").horizon == D(2026, 12, 31)
    moved = extend_refusal(book, "no.rate", *fill, replace_unknown=True, horizon=D(2027, 6, 30))
    assert moved.problem.startswith("2027-06-30 is not the end of the last entry's half-year")
    until = extend_refusal(book, "no.sats", value(D(2017, 1, 1), 1), horizon=D(2017, 6, 30))
    assert (until.key, until.problem) == ("horizon", "only a 'half-yearly' table has a horizon")


def test_a_callers_review_moves_the_tables_review_only_forward() -> None:
    book = small_book()
    entry = [value(D(2017, 1, 1), 710)]
    assert book.extend("no.sats", entry).parameter("no.sats").reviewed_on == REVIEW
    later = book.extend("no.sats", entry, reviewed_on=D(2027, 1, 1))
    assert later.parameter("no.sats").reviewed_on == D(2027, 1, 1)
    assert later.amount("no.sats", D(2027, 1, 1)).citation.provisional is None
    assert later.amount("no.sats", D(2027, 1, 2)).citation.provisional == (
        "law as known on 2027-01-01; check for changes after that day"
    )
    same = book.extend("no.sats", entry, reviewed_on=REVIEW)
    assert same.parameter("no.sats").reviewed_on == REVIEW
    earlier = book.extend("no.sats", entry, reviewed_on=D(2020, 1, 1))
    assert earlier.parameter("no.sats").reviewed_on == REVIEW
    with pytest.raises(InvalidInput, match="reviewed_on must be a datetime.date"):
        book.extend("no.sats", entry, reviewed_on="2027-01-01")  # type: ignore[arg-type]
    # a table without a review gets the caller's
    plain = LawBook({"no.test_param": parse_parameter(document(), path="t.toml")})
    moved = plain.extend("no.test_param", [value(D(2021, 1, 1), 710)], reviewed_on=REVIEW)
    assert moved.parameter("no.test_param").reviewed_on == REVIEW
    kept = plain.extend("no.test_param", [value(D(2021, 1, 1), 710)])
    assert kept.parameter("no.test_param").reviewed_on is None


def test_an_extension_keeps_the_tables_other_fields_and_the_other_tables() -> None:
    book = small_book()
    new = book.extend("no.sats", [value(D(2017, 1, 1), 710)])
    old, table = book.parameter("no.sats"), new.parameter("no.sats")
    assert (table.title, table.unit, table.schedule) == (old.title, old.unit, old.schedule)
    assert (table.minimum, table.maximum) == (Decimal(0), Decimal(10000))
    assert table.change_dates == (*old.change_dates, D(2017, 1, 1))
    assert new.parameter("no.rate") is book.parameter("no.rate")
    assert new.names == book.names


# -- LawBook.with_file, changes ----------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "user.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_with_file_passes_on_each_entry_its_citation_and_its_review(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'name = "no.sats"\ntitle = "Sats"\nunit = "NOK"\nreviewed_on = 2027-02-01\n'
        '[[values]]\nvalid_from = 2011-01-01\nvalue = 550.50\ncitation = "user § 1"\n'
        'url = "https://user.no"\nconfidence = "medium"\nnote = "from a letter"\n'
        '[[values]]\nvalid_from = 2017-01-01\nvalue = 720\ncitation = "user § 2"\n'
        'url = "http://user.no"\n',
    )
    book = small_book().with_file(path)
    filled = book.amount("no.sats", D(2011, 6, 1))  # an unknown period: filled without asking
    assert filled.value == Money.of(Decimal("550.50"), "NOK")
    assert filled.citation == Citation(
        "user § 1", "https://user.no", "medium", "no.sats", D(2011, 1, 1), "from a letter"
    )
    later = book.amount("no.sats", D(2017, 1, 1))
    assert later.value == Money.of(720, "NOK")
    assert later.citation == Citation(
        "user § 2", "http://user.no", "high", "no.sats", D(2017, 1, 1)
    )
    assert book.parameter("no.sats").reviewed_on == D(2027, 2, 1)


def test_with_file_names_the_file_and_the_values_key(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'name = "no.sats"\ntitle = "Sats"\nunit = "NOK"\n'
        '[[values]]\nvalid_from = 2017-01-01\nvalue = 720\ncitation = "u"\nurl = "https://u.no"\n'
        '[[values]]\nvalid_from = 2018-01-01\nvalue = 20000\ncitation = "u"\nurl = "https://u.no"\n',
    )
    with pytest.raises(DataFileError) as info:
        small_book().with_file(path)
    assert (info.value.path, info.value.key) == (str(path), "values[1].value")
    assert "outside the table's valid range 0 to 10000" in info.value.problem
    inside = write(
        tmp_path,
        'name = "no.sats"\ntitle = "Sats"\nunit = "NOK"\n'
        '[[values]]\nvalid_from = 2013-01-01\nvalue = 720\ncitation = "u"\nurl = "https://u.no"\n',
    )
    with pytest.raises(DataFileError) as info:
        small_book().with_file(inside)
    assert (info.value.path, info.value.key) == (str(inside), "values[0].valid_from")
    assert "already has a value from 2012-01-01" in info.value.problem


def test_with_file_needs_the_tables_unit_and_schedule(tmp_path: Path) -> None:
    unit = write(
        tmp_path,
        'name = "no.sats"\ntitle = "Sats"\nunit = "days"\n'
        '[[values]]\nvalid_from = 2017-01-01\nvalue = 7\ncitation = "u"\nurl = "https://u.no"\n',
    )
    with pytest.raises(DataFileError) as info:
        small_book().with_file(unit)
    assert (info.value.path, info.value.key) == (str(unit), "unit")
    assert info.value.problem == "no.sats has unit 'NOK'; the file says 'days'"
    schedule = write(
        tmp_path,
        'name = "no.rate"\ntitle = "Rate"\nunit = "percent"\n'
        '[[values]]\nvalid_from = 2027-01-01\nvalue = 7\ncitation = "u"\nurl = "https://u.no"\n',
    )
    with pytest.raises(DataFileError) as info:
        small_book().with_file(schedule)
    assert (info.value.path, info.value.key) == (str(schedule), "schedule")
    assert (
        info.value.problem == "no.rate has schedule 'half-yearly'; the file says 'until-changed'"
    )
    none = write(
        tmp_path,
        'name = "no.none"\ntitle = "x"\nunit = "days"\n'
        '[[values]]\nvalid_from = 2017-01-01\nvalue = 7\ncitation = "u"\nurl = "https://u.no"\n',
    )
    with pytest.raises(UnknownParameter):
        small_book().with_file(none)


def test_with_file_extends_a_half_yearly_table_to_the_files_horizon(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'name = "no.rate"\ntitle = "Rate"\nunit = "percent"\nschedule = "half-yearly"\n'
        "horizon = 2027-12-31\n"
        '[[values]]\nvalid_from = 2027-01-01\nvalue = 11\ncitation = "u"\nurl = "https://u.no"\n'
        '[[values]]\nvalid_from = 2027-07-01\nvalue = 11.5\ncitation = "u"\nurl = "https://u.no"\n',
    )
    book = small_book().with_file(path)
    assert book.parameter("no.rate").horizon == D(2027, 12, 31)
    assert book.rate("no.rate", D(2027, 12, 31)).value == Decimal("11.5")
    assert book.parameter("no.rate").reviewed_on == REVIEW


def test_with_file_carries_fractions_and_records_over(tmp_path: Path) -> None:
    book = builtin()
    fraction = write(
        tmp_path,
        'name = "no.fees.reminder_fraction"\ntitle = "x"\nunit = "fraction"\n'
        '[[values]]\nvalid_from = 2027-01-01\nvalue = "3/40"\ncitation = "u"\n'
        'url = "https://u.no"\n',
    )
    got = book.with_file(fraction).fraction("no.fees.reminder_fraction", D(2027, 1, 1))
    assert got.value == Fraction(3, 40)
    records = LawBook(
        {
            "no.rec": parse_parameter(
                document("record", value(D(2020, 1, 1), {"a": 1}), name="no.rec"), path="r"
            )
        }
    )
    record = write(
        tmp_path,
        'name = "no.rec"\ntitle = "x"\nunit = "record"\n'
        '[[values]]\nvalid_from = 2027-01-01\ncitation = "u"\nurl = "https://u.no"\n'
        "value = {limits = [1, 2], inner = {b = 3}}\n",
    )
    got = records.with_file(record).record("no.rec", D(2027, 1, 1)).value
    assert got == MappingProxyType({"limits": (1, 2), "inner": MappingProxyType({"b": 3})})
    array = write(
        tmp_path,
        'name = "no.rec"\ntitle = "x"\nunit = "record"\n'
        '[[values]]\nvalid_from = 2027-01-01\ncitation = "u"\nurl = "https://u.no"\n'
        "value = [{b = 3}, {b = 4}]\n",
    )
    got = records.with_file(array).record("no.rec", D(2027, 1, 1)).value
    assert got == (MappingProxyType({"b": 3}), MappingProxyType({"b": 4}))


def test_changes_lists_new_and_filled_entries() -> None:
    book = small_book()
    other = book.extend(
        "no.rate",
        [value(D(2025, 7, 1), Decimal("8.5")), value(D(2027, 1, 1), 11)],
        replace_unknown=True,
    ).extend("no.sats", [value(D(2017, 1, 1), 710)])
    assert book.changes(other) == (
        "no.rate: 8.5 from 2025-07-01 (2025 H2) [test rule § 1]",
        "no.rate: 11 from 2027-01-01 (2027 H1) [test rule § 1]",
        "no.sats: 710 from 2017-01-01 [test rule § 1]",
    )
    assert book.changes(book) == ()
    tables = {name: book.parameter(name) for name in book.names}
    bigger = LawBook(tables | {"no.aaa": builtin().parameter("no.inkassosats")})
    assert book.changes(bigger) == ("no.aaa: a new table",)
    # a new table listed first does not end the list: the tables after it are compared too
    both = bigger.extend("no.sats", [value(D(2017, 1, 1), 710)])
    assert book.changes(both) == (
        "no.aaa: a new table",
        "no.sats: 710 from 2017-01-01 [test rule § 1]",
    )
    with pytest.raises(InvalidInput) as info:
        book.changes("book")  # type: ignore[arg-type]
    assert str(info.value) == "changes() compares with a LawBook, got 'book'"


# -- the built-in book -------------------------------------------------------------------------


def test_the_builtin_book_loads_every_shipped_file_under_its_dotted_name() -> None:
    book = builtin()
    assert len(book.names) == 56  # the .toml files under inkassorules/data
    for name in (
        "no.inkassosats",
        "no.fees.reminder_fraction",
        "no.interest.late_interest_rate",
        "se.interest.reference_rate",
        "se.contact.default_policy",
    ):
        assert book.parameter(name).name == name
    assert all(book.parameter(n).reviewed_on is not None for n in book.names)
    assert builtin() is book


def test_the_builtin_book_answers_the_documented_values() -> None:
    book = builtin()
    before = book.amount("no.inkassosats", D(2025, 12, 31))
    assert before.value == Money.of(700, "NOK")
    assert (before.valid_from, before.valid_until) == (D(2017, 1, 1), D(2025, 12, 31))
    after = book.amount("no.inkassosats", D(2026, 1, 1))
    assert after.value == Money.of(750, "NOK")
    assert after.valid_until == REVIEW
    assert book.amount("no.inkassosats", REVIEW + dt.timedelta(days=1)).citation.provisional == (
        REASON
    )
    assert book.rate("se.interest.reference_rate", D(2026, 6, 30)).value == Decimal("2.00")
    with pytest.raises(RateNotPublished):
        book.rate("se.interest.reference_rate", D(2026, 7, 1))


def test_cache_key_stands_for_the_builtin_book_by_none() -> None:
    book = builtin()
    other = small_book()
    assert cache_key(None) is None
    assert cache_key(book) is None
    assert cache_key(other) is other
    assert book_of(None) is book
    assert book_of(other) is other


def test_a_parameter_built_by_hand_has_its_fields_checked() -> None:
    table = parse_parameter(document(), path="t.toml")
    with pytest.raises(InvalidInput, match=r"Parameter\.name must be str, got 5"):
        Parameter(5, "T", "NOK", "until-changed", None, "", table.entries)  # type: ignore[arg-type]
    same = Parameter("no.test_param", "Test", "NOK", "until-changed", None, "", table.entries)
    assert same.at(D(2020, 1, 1)).value == Money.of(700, "NOK")


def test_the_last_unknown_half_year_of_a_table_may_be_filled() -> None:
    # no.rate2: 8 from 2026-01-01, unknown from 2026-07-01 to the horizon 2026-12-31
    doc = document(
        "percent",
        value(D(2026, 1, 1), 8),
        value(D(2026, 7, 1), "unknown"),
        name="no.rate2",
        schedule="half-yearly",
        horizon=D(2026, 12, 31),
        minimum=-5,
        maximum=50,
        reviewed_on=REVIEW,
    )
    book = LawBook({"no.rate2": parse_parameter(doc, path="r.toml", shipped=True)})
    with pytest.raises(NotInForce):
        book.rate("no.rate2", D(2026, 12, 31))
    filled = book.extend("no.rate2", [value(D(2026, 7, 1), 9)], replace_unknown=True)
    assert filled.rate("no.rate2", D(2026, 12, 31)).value == Decimal(9)
    assert filled.parameter("no.rate2").horizon == D(2026, 12, 31)


def test_an_unknown_period_starting_on_the_horizon_day_is_filled_not_appended() -> None:
    # A shipped table may have an entry off the half-year (reviewed history): unknown from
    # 2026-12-31, its horizon. Filling that day is a fill, not an entry after the horizon.
    doc = document(
        "percent",
        value(D(2026, 7, 1), 8),
        value(D(2026, 12, 31), "unknown"),
        name="no.rate3",
        schedule="half-yearly",
        horizon=D(2026, 12, 31),
        minimum=-5,
        maximum=50,
        reviewed_on=REVIEW,
    )
    book = LawBook({"no.rate3": parse_parameter(doc, path="r.toml", shipped=True)})
    filled = book.extend("no.rate3", [value(D(2026, 12, 31), 9)], replace_unknown=True)
    assert filled.rate("no.rate3", D(2026, 12, 31)).value == Decimal(9)
    assert filled.rate("no.rate3", D(2026, 12, 30)).value == Decimal(8)
    assert filled.parameter("no.rate3").horizon == D(2026, 12, 31)


def hand_built(schedule: str, horizon: dt.date | None, *values: dict[str, object]) -> LawBook:
    """A book of one table built without the loader (so without its horizon checks)."""
    entries = parse_parameter(document("percent", *values), path="t.toml").entries
    table = Parameter("no.hand", "Hand", "percent", schedule, horizon, "", entries)  # type: ignore[arg-type]
    return LawBook({"no.hand": table})


def test_an_extension_checks_the_horizon_it_keeps() -> None:
    # Built by hand, a half-yearly table may have a horizon the loader would refuse; an
    # extension that keeps that horizon (it only fills) refuses it, naming the extension.
    fill = [value(D(2026, 1, 1), 9)]
    odd = hand_built(
        "half-yearly", D(2026, 5, 31), value(D(2025, 7, 1), 8), value(D(2026, 1, 1), "unknown")
    )
    with pytest.raises(DataFileError) as info:
        odd.extend("no.hand", fill, replace_unknown=True)
    assert (info.value.path, info.value.key) == ("<extension of no.hand>", "horizon")
    assert info.value.problem == "must be 30 June or 31 December, got 2026-05-31"
    short = hand_built(
        "half-yearly", D(2025, 12, 31), value(D(2025, 7, 1), "unknown"), value(D(2026, 1, 1), 9)
    )
    with pytest.raises(DataFileError) as info:
        short.extend("no.hand", [value(D(2025, 7, 1), 8)], replace_unknown=True)
    assert (info.value.key, info.value.problem) == (
        "horizon",
        "2025-12-31 is before the last entry",
    )


def test_a_half_yearly_table_without_a_horizon_refuses_an_extension_with_a_data_error() -> None:
    # Built by hand without a horizon, the table ends at its last entry (2026-01-01); the
    # refusal is the library's own error naming the entry, not a TypeError on the horizon.
    open_table = hand_built("half-yearly", None, value(D(2026, 1, 1), 8))
    assert open_table.rate("no.hand", D(2030, 1, 1)).value == Decimal(8)
    with pytest.raises(DataFileError) as info:
        open_table.extend("no.hand", [value(D(2026, 7, 1), 9)])
    assert (info.value.path, info.value.key) == ("<extension of no.hand>", "entries[0].valid_from")
