"""Boundary tests written to kill mutants of inkassorules.contact (the contact-window engine).

Each test pins one rule at its edge: a window's first and last allowed microsecond, a cap at
exactly its count, the first and last instant of a local day, ISO week and month, the two
daylight-saving days, the exact error type and the message that names the argument or rule.
Expected moments are worked out by hand from the local clock (Europe/Oslo: UTC+1 in winter,
UTC+2 in summer; 2026-03-29 02:00 -> 03:00, 2026-10-25 03:00 -> 02:00).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest

from inkassorules import contact
from inkassorules.contact import (
    ChannelRule,
    ContactDecision,
    ContactHistory,
    ContactPolicy,
    NoContactWindow,
    Window,
    evaluate,
    find_window,
    time_zone,
)
from inkassorules.errors import InvalidInput, NaiveDatetime, NotInForce
from inkassorules.law import Citation, LawBook, builtin, parse_parameter

OSLO = ZoneInfo("Europe/Oslo")
STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = dt.UTC


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    # The engine remembers day bounds and DST segments; a result cached before a change would
    # hide it, so every test starts and ends with empty caches.
    contact._bounds.cache_clear()
    contact._segments.cache_clear()
    yield
    contact._bounds.cache_clear()
    contact._segments.cache_clear()


def oslo(  # noqa: PLR0917 -- mirrors the positional fields of datetime
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    micro: int = 0,
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=OSLO)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def rule_of(record: dict[str, object], **kwargs: object) -> ChannelRule:
    return ChannelRule.from_record(record, **kwargs)  # type: ignore[arg-type]


def policy_of(
    record: dict[str, object], jurisdiction: str = "NO", **kwargs: object
) -> ContactPolicy:
    return ContactPolicy(
        jurisdiction=jurisdiction,  # type: ignore[arg-type]
        name="boundary",
        channels={"phone": rule_of(record, **kwargs)},
    )


EVERY_DAY = {
    name: ["09:00-10:00"]
    for name in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
}


# -- time zones and clocks ---------------------------------------------------------------------


def test_time_zone_of_each_country_and_refusals_name_the_code() -> None:
    assert time_zone("NO").key == "Europe/Oslo"
    assert time_zone("SE").key == "Europe/Stockholm"
    for bad in ("DK", "", ["NO"], None, 1):
        with pytest.raises(InvalidInput) as info:
            time_zone(bad)  # type: ignore[arg-type]
        assert str(info.value) == f"jurisdiction must be 'NO' or 'SE', got {bad!r}"


def test_local_time_at_the_end_of_the_range_is_refused() -> None:
    # 9999-12-31 23:30 UTC is 10000-01-01 00:30 in Oslo: no datetime holds it.
    late = dt.datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
    with pytest.raises(InvalidInput) as info:
        evaluate(late, policy=policy_of(EVERY_DAY))
    assert str(info.value) == f"{late} has no local time in Europe/Oslo: too near the end"


def test_window_parse_edges() -> None:
    assert Window.parse("00:00-24:00") == Window(dt.time(0), None)
    assert Window.parse("23:59-24:00") == Window(dt.time(23, 59), None)
    assert Window.parse("\t09:15 -10:45\n") == Window(dt.time(9, 15), dt.time(10, 45))
    # "24:00" is midnight only as an end; as a start it is not a clock time.
    with pytest.raises(InvalidInput) as info:
        Window.parse("24:00-24:00")
    assert str(info.value) == "expected a clock time HH:MM (00:00 to 24:00), got '24:00'"
    with pytest.raises(InvalidInput) as info:
        Window.parse("08:00-25:00")
    assert str(info.value) == "expected a clock time HH:MM (00:00 to 24:00), got '25:00'"


@pytest.mark.parametrize("text", ["8:00-09:00", "08:00-9:00", "08:00 09:00", "x08:00-09:00"])
def test_window_parse_refuses_the_shape_and_quotes_the_text(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        Window.parse(text)
    assert str(info.value) == f"expected a window like '08:00-21:00', got {text!r}"


def test_window_parse_refuses_a_non_string() -> None:
    with pytest.raises(InvalidInput) as info:
        Window.parse(800)  # type: ignore[arg-type]
    assert str(info.value) == "expected a window like '08:00-21:00', got 800"


def test_window_end_must_come_after_its_start() -> None:
    with pytest.raises(InvalidInput) as info:
        Window(dt.time(9), dt.time(9))
    assert str(info.value) == "window end 09:00:00 must come after its start 09:00-09:00"
    # One microsecond is enough.
    assert Window(dt.time(9), dt.time(9, 0, 0, 1)).contains(dt.time(9))


def test_window_field_types_are_named() -> None:
    with pytest.raises(InvalidInput) as info:
        Window("08:00", dt.time(9))  # type: ignore[arg-type]
    assert str(info.value) == "window start must be a naive datetime.time, got '08:00'"
    with pytest.raises(InvalidInput) as info:
        Window(dt.time(8), "09:00")  # type: ignore[arg-type]
    assert str(info.value) == "window end must be a naive datetime.time or None, got '09:00'"
    aware = dt.time(9, tzinfo=UTC)
    with pytest.raises(InvalidInput) as info:
        Window(dt.time(8), aware)
    assert str(info.value) == f"window end must be a naive datetime.time or None, got {aware!r}"


def test_window_contains_its_start_and_not_its_end() -> None:
    window = Window(dt.time(9), dt.time(10))
    assert window.contains(dt.time(9))
    assert not window.contains(dt.time(8, 59, 59, 999999))
    assert window.contains(dt.time(9, 59, 59, 999999))
    assert not window.contains(dt.time(10))
    whole = Window(dt.time(0), None)
    assert whole.contains(dt.time(0))
    assert whole.contains(dt.time.max)
    late = Window(dt.time(22), None)
    assert not late.contains(dt.time(21, 59, 59, 999999))
    assert late.contains(dt.time(22))


def test_window_contains_refuses_a_datetime_free_value() -> None:
    with pytest.raises(InvalidInput) as info:
        Window(dt.time(9), dt.time(10)).contains("09:30")  # type: ignore[arg-type]
    assert str(info.value) == "contains needs a datetime.time (a local clock), got '09:30'"


def test_window_text() -> None:
    assert str(Window(dt.time(7, 5), dt.time(21, 30))) == "07:05-21:30"
    assert str(Window(dt.time(7, 5), None)) == "07:05-24:00"


# -- channel rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cap", "value"),
    [("per_day", -1), ("per_week", 1.0), ("per_month", False), ("per_day", "2")],
)
def test_caps_must_be_whole_numbers_from_zero(cap: str, value: object) -> None:
    with pytest.raises(InvalidInput) as info:
        ChannelRule.from_record({cap: value})
    assert str(info.value) == f"{cap} must be a whole number >= 0 or None, got {value!r}"
    with pytest.raises(InvalidInput) as info:
        ChannelRule(hours=((),) * 7, **{cap: value})  # type: ignore[arg-type]
    assert str(info.value) == f"{cap} must be a whole number >= 0 or None, got {value!r}"


def test_caps_of_zero_and_none_are_kept() -> None:
    rule = ChannelRule.from_record({"per_day": 0, "per_week": None, "per_month": 5})
    assert (rule.per_day, rule.per_week, rule.per_month) == (0, None, 5)
    rule = ChannelRule.from_record({})
    assert (rule.per_day, rule.per_week, rule.per_month) == (None, None, None)
    assert rule.closed_on_holidays is True
    assert rule.is_law is False
    assert rule.basis == ()


def test_from_record_carries_every_field() -> None:
    citation = Citation("policy § 2", "https://example.org/p")
    rule = ChannelRule.from_record(
        {
            "tuesday": ["13:00-14:00", "08:00-09:00"],
            "sunday": ["10:00-24:00"],
            "closed_on_holidays": False,
            "per_day": 1,
            "per_week": 2,
            "per_month": 3,
        },
        is_law=True,
        basis=[citation],
    )
    assert rule.hours == (
        (),
        (Window(dt.time(8), dt.time(9)), Window(dt.time(13), dt.time(14))),
        (),
        (),
        (),
        (),
        (Window(dt.time(10), None),),
    )
    assert rule.closed_on_holidays is False
    assert (rule.per_day, rule.per_week, rule.per_month) == (1, 2, 3)
    assert rule.is_law is True
    assert rule.basis == (citation,)


def test_adjacent_windows_are_allowed_overlapping_ones_named() -> None:
    rule = ChannelRule.from_record({"monday": ["12:00-13:00", "09:00-12:00"]})
    assert rule.hours[0] == (Window(dt.time(9), dt.time(12)), Window(dt.time(12), dt.time(13)))
    with pytest.raises(InvalidInput) as info:
        ChannelRule.from_record({"wednesday": ["09:00-12:01", "12:00-13:00"]})
    assert str(info.value) == (
        "windows for wednesday must be in order and not overlap: 09:00-12:01, 12:00-13:00"
    )
    with pytest.raises(InvalidInput) as info:
        ChannelRule.from_record({"friday": ["09:00-24:00", "10:00-11:00"]})
    assert str(info.value) == (
        "windows for friday must be in order and not overlap: 09:00-24:00, 10:00-11:00"
    )


def test_hours_shape_is_named() -> None:
    hours = ((),) * 6
    with pytest.raises(InvalidInput) as info:
        ChannelRule(hours=hours)
    assert str(info.value) == f"hours must be a tuple of 7 tuples (Monday first), got {hours!r}"
    with pytest.raises(InvalidInput) as info:
        ChannelRule(hours=[()] * 7)  # type: ignore[arg-type]
    assert "hours must be a tuple of 7 tuples" in str(info.value)
    with pytest.raises(InvalidInput) as info:
        ChannelRule(hours=((),) * 8)
    assert "hours must be a tuple of 7 tuples" in str(info.value)
    with pytest.raises(InvalidInput) as info:
        ChannelRule(hours=((), [Window(dt.time(8), None)], (), (), (), (), ()))  # type: ignore[arg-type]
    assert str(info.value).startswith("hours for tuesday must be a tuple of Window, got [")
    with pytest.raises(InvalidInput) as info:
        ChannelRule(hours=((), (), (), (), (), (), ("08:00-09:00",)))  # type: ignore[arg-type]
    assert str(info.value) == "hours for sunday must be a tuple of Window, got ('08:00-09:00',)"


def test_flags_must_be_booleans() -> None:
    message = "closed_on_holidays and is_law must be True or False"
    with pytest.raises(InvalidInput) as info:
        ChannelRule(hours=((),) * 7, closed_on_holidays=1)  # type: ignore[arg-type]
    assert str(info.value) == message
    with pytest.raises(InvalidInput) as info:
        ChannelRule(hours=((),) * 7, is_law=0)  # type: ignore[arg-type]
    assert str(info.value) == message
    assert ChannelRule(hours=((),) * 7, closed_on_holidays=False, is_law=True).is_law


def test_from_record_refusals_name_the_key() -> None:
    with pytest.raises(InvalidInput) as info:
        ChannelRule.from_record(["monday"])  # type: ignore[arg-type]
    assert str(info.value) == "a channel record must be a mapping, got ['monday']"
    with pytest.raises(InvalidInput) as info:
        ChannelRule.from_record({"mon": [], "per_year": 1})
    assert str(info.value) == (
        "unknown keys ['mon', 'per_year'] in a channel record; allowed: ['closed_on_holidays', "
        "'friday', 'monday', 'per_day', 'per_month', 'per_week', 'saturday', 'sunday', "
        "'thursday', 'tuesday', 'wednesday']"
    )
    with pytest.raises(InvalidInput) as info:
        ChannelRule.from_record({"thursday": "09:00-10:00"})
    assert str(info.value) == (
        "thursday must be a list of windows 'HH:MM-HH:MM', got '09:00-10:00'"
    )
    with pytest.raises(InvalidInput) as info:
        ChannelRule.from_record({"saturday": 9})
    assert str(info.value) == "saturday must be a list of windows 'HH:MM-HH:MM', got 9"
    with pytest.raises(InvalidInput) as info:
        ChannelRule.from_record({"closed_on_holidays": 1})
    assert str(info.value) == "closed_on_holidays must be true or false, got 1"
    # A tuple is a list of windows too.
    assert ChannelRule.from_record({"monday": ("09:00-10:00",)}).hours[0] == (
        Window(dt.time(9), dt.time(10)),
    )


def test_never_open() -> None:
    assert ChannelRule.from_record({}).never_open
    open_monday = {"monday": ["09:00-10:00"]}
    assert not ChannelRule.from_record(open_monday).never_open
    assert not ChannelRule.from_record({"sunday": ["09:00-10:00"]}).never_open
    for cap in ("per_day", "per_week", "per_month"):
        assert ChannelRule.from_record(open_monday | {cap: 0}).never_open
        assert not ChannelRule.from_record(open_monday | {cap: 1}).never_open


# -- policies and decisions -----------------------------------------------------------------


def test_policy_refusals_name_what_is_wrong() -> None:
    rule = ChannelRule.from_record({})
    with pytest.raises(InvalidInput) as info:
        ContactPolicy(jurisdiction="no", name="x", channels={"phone": rule})  # type: ignore[arg-type]
    assert str(info.value) == "jurisdiction must be 'NO' or 'SE', got 'no'"
    with pytest.raises(InvalidInput) as info:
        ContactPolicy(jurisdiction="SE", name=3, channels={"phone": rule})  # type: ignore[arg-type]
    assert str(info.value) == "a contact policy needs a name"
    with pytest.raises(InvalidInput) as info:
        ContactPolicy(jurisdiction="SE", name="", channels={"phone": rule})
    assert str(info.value) == "a contact policy needs a name"
    with pytest.raises(InvalidInput) as info:
        ContactPolicy(jurisdiction="SE", name="x", channels={})
    assert str(info.value) == "a contact policy needs at least one channel"
    with pytest.raises(InvalidInput) as info:
        ContactPolicy(jurisdiction="SE", name="x", channels={"": rule})
    assert str(info.value) == f"channel '' must map a name to a ChannelRule, got {rule!r}"
    with pytest.raises(InvalidInput) as info:
        ContactPolicy(jurisdiction="SE", name="x", channels={1: rule})  # type: ignore[dict-item]
    assert str(info.value).startswith("channel 1 must map a name to a ChannelRule")
    with pytest.raises(InvalidInput) as info:
        ContactPolicy(jurisdiction="SE", name="x", channels={"sms": None})  # type: ignore[dict-item]
    assert str(info.value) == "channel 'sms' must map a name to a ChannelRule, got None"
    with pytest.raises(InvalidInput) as info:
        ContactPolicy(jurisdiction="SE", name="x", channels=[("sms", rule)])  # type: ignore[arg-type]
    assert str(info.value).startswith(
        "channels must be a mapping of name to ChannelRule, got [('sms', "
    )


def test_policy_channels_are_a_copy() -> None:
    rule = ChannelRule.from_record({})
    given = {"phone": rule}
    policy = ContactPolicy(jurisdiction="NO", name="x", channels=given)
    given["sms"] = rule
    assert list(policy.channels) == ["phone"]
    assert policy.rule("phone") is rule


def test_unknown_channel_names_the_policy_and_its_channels() -> None:
    rule = ChannelRule.from_record({})
    policy = ContactPolicy(jurisdiction="NO", name="ours", channels={"sms": rule, "email": rule})
    with pytest.raises(InvalidInput) as info:
        policy.rule("phone")
    assert str(info.value) == (
        "channel 'phone' is not in the contact policy 'ours'; it has ['email', 'sms']"
    )
    with pytest.raises(InvalidInput) as info:
        policy.rule(["sms"])  # type: ignore[arg-type]
    assert str(info.value).startswith("channel ['sms'] is not in the contact policy 'ours'")


def test_decision_invariant_message_and_awareness() -> None:
    message = "a refused contact needs reasons, and an allowed one has none"
    with pytest.raises(InvalidInput) as info:
        ContactDecision(
            allowed=False, at=oslo(2026, 1, 5), channel="sms", is_law=False, policy="p"
        )
    assert str(info.value) == message
    with pytest.raises(NaiveDatetime) as naive:
        ContactDecision(
            allowed=True, at=dt.datetime(2026, 1, 5), channel="sms", is_law=False, policy="p"
        )
    assert naive.value.argument == "at"


def test_decision_explain_for_law_with_reasons_and_citations() -> None:
    first = Citation("inkassoforskriften § 1-2", "https://lovdata.no/x")
    second = Citation("rundskriv 5/2022", "https://finanstilsynet.no/y")
    rule = ChannelRule.from_record(
        {"monday": ["09:00-10:00"], "per_day": 1}, is_law=True, basis=[first, second]
    )
    policy = ContactPolicy(jurisdiction="NO", name="the law", channels={"phone": rule})
    decision = evaluate(
        oslo(2026, 11, 23, 10, 0), policy=policy, history=[oslo(2026, 11, 23, 9, 0)]
    )
    assert not decision.allowed
    assert decision.is_law is True
    assert decision.policy == "the law"
    assert decision.channel == "phone"
    assert decision.at == oslo(2026, 11, 23, 10, 0)
    assert decision.basis == (first, second)
    head, _, rest = decision.explain().partition("\n")
    assert head == (
        "phone contact at 2026-11-23T10:00:00+01:00 not allowed: "
        "10:00 is outside the hours 09:00-10:00 on Mondays; "
        "1 earlier phone contact(s) on 2026-11-23 reach the cap of 1 a day (the law; law)"
    )
    assert "inkassoforskriften § 1-2 <https://lovdata.no/x>" in rest
    assert "rundskriv 5/2022 <https://finanstilsynet.no/y>" in rest
    assert decision.provisional is False


def test_decision_is_provisional_when_a_citation_is() -> None:
    citation = Citation("draft § 1", "https://example.org/d", confidence="medium")
    rule = ChannelRule.from_record({"monday": ["09:00-10:00"]}, basis=[citation])
    policy = ContactPolicy(jurisdiction="NO", name="p", channels={"phone": rule})
    assert evaluate(oslo(2026, 11, 23, 9, 0), policy=policy).provisional is True


def test_decision_records_and_reprs_are_built() -> None:
    decision = evaluate(oslo(2026, 11, 23, 9, 0), policy=policy_of({"monday": ["09:00-10:00"]}))
    rows = decision.to_records()
    assert len(rows) == 1
    assert rows[0]["allowed"] is True
    assert "phone" in repr(decision)
    assert "phone" in decision._repr_html_()


# -- the decision's reasons -------------------------------------------------------------------


def test_closed_weekday_reason_names_channel_and_weekday() -> None:
    policy = ContactPolicy(
        jurisdiction="NO",
        name="p",
        channels={"sms": ChannelRule.from_record({"monday": ["09:00-10:00"]})},
    )
    decision = evaluate(oslo(2026, 11, 29, 9, 30), channel="sms", policy=policy)  # a Sunday
    assert decision.reasons == ("no sms contact on Sundays",)
    assert decision.channel == "sms"


def test_window_edges_in_a_decision() -> None:
    policy = policy_of({"monday": ["09:00-12:00", "13:00-16:00"]})
    assert evaluate(oslo(2026, 11, 23, 9, 0), policy=policy).allowed
    assert evaluate(oslo(2026, 11, 23, 11, 59, 59, 999999), policy=policy).allowed
    assert evaluate(oslo(2026, 11, 23, 13, 0), policy=policy).allowed
    late = evaluate(oslo(2026, 11, 23, 16, 0), policy=policy)
    assert late.reasons == ("16:00 is outside the hours 09:00-12:00, 13:00-16:00 on Mondays",)
    early = evaluate(oslo(2026, 11, 23, 8, 59, 59, 999999), policy=policy)
    assert early.reasons == ("08:59 is outside the hours 09:00-12:00, 13:00-16:00 on Mondays",)


def test_decision_time_is_local_whatever_the_callers_zone() -> None:
    policy = policy_of({"monday": ["09:00-10:00"]})
    # 08:30 UTC is 09:30 in Oslo in November.
    decision = evaluate(utc(2026, 11, 23, 8, 30), policy=policy)
    assert decision.allowed
    assert decision.at.tzinfo is OSLO
    assert decision.at == oslo(2026, 11, 23, 9, 30)
    # 23:30 UTC on Sunday is 00:30 on Monday in Oslo: the Monday hours apply, not Sunday's.
    policy = policy_of({"monday": ["00:00-01:00"]})
    assert evaluate(utc(2026, 11, 22, 23, 30), policy=policy).allowed


def test_norwegian_holiday_reason() -> None:
    policy = policy_of({"friday": ["09:00-10:00"]})
    decision = evaluate(oslo(2026, 4, 3, 9, 30), policy=policy)  # Langfredag
    assert decision.reasons == ("2026-04-03 is a public holiday (Good Friday)",)
    # The day after is no holiday (and a Saturday: closed by the hours).
    assert evaluate(oslo(2026, 4, 3, 9, 30), policy=policy_of(EVERY_DAY)).reasons == (
        "2026-04-03 is a public holiday (Good Friday)",
    )
    assert evaluate(oslo(2026, 4, 4, 9, 30), policy=policy_of(EVERY_DAY)).allowed


def test_holiday_rule_off_opens_the_holiday() -> None:
    for jurisdiction in ("NO", "SE"):
        policy = policy_of(EVERY_DAY | {"closed_on_holidays": False}, jurisdiction)
        assert evaluate(oslo(2026, 4, 3, 9, 30), policy=policy).allowed
        assert evaluate(oslo(2026, 12, 24, 9, 30), policy=policy).allowed


def test_swedish_closed_days_include_julafton() -> None:
    policy = policy_of(EVERY_DAY, "SE")
    decision = evaluate(oslo(2026, 12, 24, 9, 30), policy=policy)
    assert decision.reasons == (
        (
            "2026-12-24 is julafton (Christmas Eve): not a public holiday (allmän helgdag, "
            "lag 1989:253), but not a vardag either (lag 1930:173 2 §, skuldebrevslagen 5 §)"
        ),
    )
    assert evaluate(oslo(2026, 4, 3, 9, 30), policy=policy).reasons == (
        "2026-04-03 is a public holiday (allmän helgdag, lag 1989:253: Good Friday)",
    )
    # Norway keeps 24 December open.
    assert evaluate(oslo(2026, 12, 24, 9, 30), policy=policy_of(EVERY_DAY)).allowed
    assert evaluate(oslo(2026, 12, 23, 9, 30), policy=policy).allowed


def test_holidays_under_an_explicit_law_book() -> None:
    book = builtin()
    for jurisdiction in ("NO", "SE"):
        policy = policy_of(EVERY_DAY, jurisdiction)
        decision = evaluate(oslo(2026, 4, 3, 9, 30), policy=policy, law=book)
        assert not decision.allowed
        assert decision.reasons[0].startswith("2026-04-03 is a public holiday (")
        assert find_window(oslo(2026, 4, 3, 9, 30), policy=policy, law=book) == oslo(
            2026, 4, 4, 9, 0
        )


# -- caps: day, ISO week, month ----------------------------------------------------------------


def test_day_cap_counts_only_the_local_day() -> None:
    policy = policy_of(EVERY_DAY | {"per_day": 1})
    # Tuesday 2026-11-24 in Oslo runs from 23:00 UTC on the 23rd to 23:00 UTC on the 24th.
    inside_first = [dt.datetime(2026, 11, 23, 23, 0, tzinfo=UTC)]
    inside_last = [dt.datetime(2026, 11, 24, 22, 59, 59, 999999, tzinfo=UTC)]
    before = [dt.datetime(2026, 11, 23, 22, 59, 59, 999999, tzinfo=UTC)]
    after = [dt.datetime(2026, 11, 24, 23, 0, tzinfo=UTC)]
    moment = oslo(2026, 11, 24, 9, 30)
    for history in (inside_first, inside_last):
        assert evaluate(moment, policy=policy, history=history).reasons == (
            "1 earlier phone contact(s) on 2026-11-24 reach the cap of 1 a day",
        )
        assert find_window(moment, policy=policy, history=history) == oslo(2026, 11, 25, 9, 0)
    for history in (before, after):
        assert evaluate(moment, policy=policy, history=history).allowed
        assert find_window(moment, policy=policy, history=history) == moment


def test_cap_is_reached_at_its_count_not_before() -> None:
    policy = policy_of(EVERY_DAY | {"per_day": 2})
    moment = oslo(2026, 11, 24, 9, 30)
    one = [oslo(2026, 11, 24, 9, 0)]
    two = [oslo(2026, 11, 24, 9, 0), oslo(2026, 11, 24, 9, 10)]
    three = [*two, oslo(2026, 11, 24, 9, 20)]
    assert evaluate(moment, policy=policy, history=one).allowed
    assert find_window(moment, policy=policy, history=one) == moment
    assert evaluate(moment, policy=policy, history=two).reasons == (
        "2 earlier phone contact(s) on 2026-11-24 reach the cap of 2 a day",
    )
    assert evaluate(moment, policy=policy, history=three).reasons == (
        "3 earlier phone contact(s) on 2026-11-24 reach the cap of 2 a day",
    )
    assert find_window(moment, policy=policy, history=two) == oslo(2026, 11, 25, 9, 0)


def test_week_cap_runs_monday_to_sunday() -> None:
    policy = policy_of(EVERY_DAY | {"per_week": 1})
    # The ISO week of Wednesday 2026-11-25: Monday 23 00:00 to Sunday 29 24:00, Oslo time.
    moment = oslo(2026, 11, 25, 9, 30)
    reason = "1 earlier phone contact(s) in the week (Monday-Sunday) reach the cap of 1 a week"
    for inside in (oslo(2026, 11, 23), oslo(2026, 11, 29, 23, 59, 59, 999999)):
        assert evaluate(moment, policy=policy, history=[inside]).reasons == (reason,)
        assert find_window(moment, policy=policy, history=[inside]) == oslo(2026, 11, 30, 9, 0)
    for outside in (oslo(2026, 11, 22, 23, 59, 59, 999999), oslo(2026, 11, 30)):
        assert evaluate(moment, policy=policy, history=[outside]).allowed
        assert find_window(moment, policy=policy, history=[outside]) == moment


def test_month_cap_runs_over_the_calendar_month() -> None:
    policy = policy_of(EVERY_DAY | {"per_month": 2})
    moment = oslo(2026, 2, 14, 9, 30)
    reason = "2 earlier phone contact(s) in 2026-02 reach the cap of 2 a month"
    first, last = oslo(2026, 2, 1), oslo(2026, 2, 28, 23, 59, 59, 999999)
    assert evaluate(moment, policy=policy, history=[first, last]).reasons == (reason,)
    assert find_window(moment, policy=policy, history=[first, last]) == oslo(2026, 3, 1, 9, 0)
    for outside in (oslo(2026, 1, 31, 23, 59, 59, 999999), oslo(2026, 3, 1)):
        history = [first, outside]
        assert evaluate(moment, policy=policy, history=history).allowed
        assert find_window(moment, policy=policy, history=history) == moment


def test_month_cap_in_a_31_day_month_and_a_leap_february() -> None:
    policy = policy_of(EVERY_DAY | {"per_month": 1})
    # 2028 is a leap year: February has 29 days.
    assert not evaluate(
        oslo(2028, 2, 10, 9, 30), policy=policy, history=[oslo(2028, 2, 29, 23, 0)]
    ).allowed
    assert evaluate(oslo(2028, 2, 10, 9, 30), policy=policy, history=[oslo(2028, 3, 1)]).allowed
    assert not evaluate(
        oslo(2026, 12, 10, 9, 30), policy=policy, history=[oslo(2026, 12, 31, 23, 0)]
    ).allowed
    assert evaluate(oslo(2026, 12, 10, 9, 30), policy=policy, history=[oslo(2027, 1, 1)]).allowed


def test_caps_are_counted_across_the_dst_change() -> None:
    # Sunday 2026-03-29 in Oslo runs from 23:00 UTC on the 28th to 22:00 UTC on the 29th.
    policy = policy_of(EVERY_DAY | {"per_day": 1, "closed_on_holidays": False})
    moment = oslo(2026, 3, 29, 9, 30)
    assert not evaluate(moment, policy=policy, history=[utc(2026, 3, 29, 21, 59)]).allowed
    assert evaluate(moment, policy=policy, history=[utc(2026, 3, 29, 22, 0)]).allowed


def test_each_reached_cap_is_one_reason_in_order() -> None:
    policy = policy_of(EVERY_DAY | {"per_day": 3, "per_week": 2, "per_month": 1})
    history = [oslo(2026, 11, 2, 9, 0), oslo(2026, 11, 24, 9, 0)]
    decision = evaluate(oslo(2026, 11, 25, 9, 30), policy=policy, history=history)
    # The week of 25 November holds one contact (below 2); November holds two (1 is the cap).
    assert decision.reasons == (
        "2 earlier phone contact(s) in 2026-11 reach the cap of 1 a month",
    )
    history = [oslo(2026, 11, 23, 9, 0), oslo(2026, 11, 24, 9, 0)]
    decision = evaluate(oslo(2026, 11, 25, 9, 30), policy=policy, history=history)
    assert decision.reasons == (
        "2 earlier phone contact(s) in the week (Monday-Sunday) reach the cap of 2 a week",
        "2 earlier phone contact(s) in 2026-11 reach the cap of 1 a month",
    )


def test_full_day_skips_to_the_next_open_day_per_cap() -> None:
    moment = oslo(2026, 11, 25, 9, 30)  # a Wednesday
    history = [oslo(2026, 11, 25, 9, 0)]
    cases = {
        "per_day": oslo(2026, 11, 26, 9, 0),
        "per_week": oslo(2026, 11, 30, 9, 0),
        "per_month": oslo(2026, 12, 1, 9, 0),
    }
    for cap, expected in cases.items():
        policy = policy_of(EVERY_DAY | {cap: 1})
        assert find_window(moment, policy=policy, history=history) == expected
        assert find_window(moment, policy=policy, history=ContactHistory(history)) == expected
        policy = policy_of(EVERY_DAY | {cap: 2})
        assert find_window(moment, policy=policy, history=history) == moment


# -- contact histories --------------------------------------------------------------------------


def test_history_is_sorted_by_instant_and_keeps_the_moments() -> None:
    later = oslo(2026, 11, 24, 9, 0)  # 08:00 UTC
    earlier = utc(2026, 11, 24, 7, 59)
    history = ContactHistory([later, earlier])
    assert list(history) == [earlier, later]
    assert history[0] is earlier
    assert history[1] is later
    assert history[0:1] == (earlier,)
    assert len(history) == 2
    assert history.keys == (utc(2026, 11, 24, 7, 59), utc(2026, 11, 24, 8, 0))
    assert all(key.tzinfo is UTC for key in history.keys)
    assert repr(history) == f"ContactHistory({[earlier, later]!r})"
    # Equal instants in different zones: the same history.
    same = ContactHistory([utc(2026, 11, 24, 8, 0), earlier.astimezone(OSLO)])
    assert same == history
    assert hash(same) == hash(history)
    assert history != ContactHistory([earlier])
    assert history != [earlier, later]
    assert ContactHistory() == ContactHistory([])
    assert len(ContactHistory()) == 0


def test_history_keeps_the_order_given_for_equal_instants() -> None:
    first = utc(2026, 11, 24, 8, 0)
    second = oslo(2026, 11, 24, 9, 0)  # the same instant
    third = utc(2026, 11, 24, 7, 0)
    history = ContactHistory([first, second, third])
    assert history[0] is third
    assert history[1] is first
    assert history[2] is second


def test_history_refusals() -> None:
    for bad in ("2026-11-24", b"x", oslo(2026, 11, 24), 5):
        with pytest.raises(InvalidInput) as info:
            ContactHistory(bad)  # type: ignore[arg-type]
        assert str(info.value) == (
            f"a contact history is a sequence of timezone-aware datetimes, got {bad!r}"
        )
    for bad in ("2026-11-24", oslo(2026, 11, 24), {oslo(2026, 11, 24)}, 5):
        with pytest.raises(InvalidInput) as info:
            ContactHistory.of(bad)
        assert str(info.value) == (
            f"history must be a sequence of timezone-aware datetimes, got {bad!r}"
        )
    with pytest.raises(NaiveDatetime) as info:
        ContactHistory([oslo(2026, 11, 24), dt.datetime(2026, 11, 24)])
    assert info.value.argument == "history[1]"
    with pytest.raises(InvalidInput) as info:
        ContactHistory([oslo(2026, 11, 24), "2026-11-24"])  # type: ignore[list-item]
    assert str(info.value).startswith("history[1] must be a timezone-aware datetime")


def test_history_of_returns_an_index_itself() -> None:
    history = ContactHistory([oslo(2026, 11, 24)])
    assert ContactHistory.of(history) is history
    assert ContactHistory.of((oslo(2026, 11, 24),)) == history
    assert ContactHistory(iter([oslo(2026, 11, 24)])) == history


def test_history_naive_moment_in_evaluate_is_named() -> None:
    policy = policy_of(EVERY_DAY)
    with pytest.raises(NaiveDatetime) as info:
        evaluate(oslo(2026, 11, 24, 9, 0), policy=policy, history=[dt.datetime(2026, 11, 24)])
    assert info.value.argument == "history[0]"
    with pytest.raises(NaiveDatetime) as info:
        find_window(oslo(2026, 11, 24, 9, 0), policy=policy, history=[dt.datetime(2026, 11, 24)])
    assert info.value.argument == "history[0]"


def test_history_at_the_ends_of_the_datetime_range() -> None:
    # 0001-01-01 00:30+01:00 is before what a UTC datetime holds: it sorts first; a moment
    # in 9999-12-31 23:30-01:00 is after it: it sorts last.
    first = dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    last = dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-1)))
    middle = utc(2026, 11, 24)
    history = ContactHistory([last, middle, first])
    assert list(history) == [first, middle, last]
    assert history.keys == (
        dt.datetime.min.replace(tzinfo=UTC),
        middle,
        dt.datetime.max.replace(tzinfo=UTC),
    )
    # Neither counts in November 2026.
    policy = policy_of(EVERY_DAY | {"per_month": 1})
    assert evaluate(oslo(2026, 11, 24, 9, 30), policy=policy, history=[first, last]).allowed


class _Moment(dt.datetime):
    """A datetime subclass: the history checks each moment one by one."""


def test_history_of_datetime_subclasses() -> None:
    later = _Moment(2026, 11, 24, 9, 0, tzinfo=OSLO)
    earlier = _Moment(2026, 11, 24, 8, 0, tzinfo=OSLO)
    history = ContactHistory([later, earlier])
    assert list(history) == [earlier, later]
    assert history.keys == (utc(2026, 11, 24, 7, 0), utc(2026, 11, 24, 8, 0))
    assert all(key.tzinfo is UTC for key in history.keys)
    with pytest.raises(NaiveDatetime) as info:
        ContactHistory([later, _Moment(2026, 11, 24)])
    assert info.value.argument == "history[1]"


def test_calendar_ends_in_caps_counting() -> None:
    # Local day, week and month bounds at the first and last dates a datetime holds.
    # (The holiday calendar covers 2000-2100 only: holidays are left open here.)
    caps = {"per_day": 1, "per_week": 1, "per_month": 1, "closed_on_holidays": False}
    policy = policy_of(EVERY_DAY | caps)
    assert evaluate(utc(1, 1, 2, 9, 0), policy=policy, history=[]).reasons == ()
    late = dt.datetime(9999, 12, 30, 8, 30, tzinfo=UTC)
    decision = evaluate(late, policy=policy, history=[utc(9999, 12, 30, 8, 0)])
    assert not decision.allowed
    assert len(decision.reasons) == 3


# -- policies by date ------------------------------------------------------------------------


def test_policy_for_the_other_country_is_refused() -> None:
    policy = policy_of(EVERY_DAY, "SE")
    policy = ContactPolicy(jurisdiction="SE", name="svensk", channels=policy.channels)
    with pytest.raises(InvalidInput) as info:
        evaluate(oslo(2026, 11, 24, 9, 30), policy=policy, jurisdiction="NO")
    assert str(info.value) == "the policy 'svensk' is for SE, not NO"
    with pytest.raises(InvalidInput) as info:
        find_window(oslo(2026, 11, 24, 9, 30), policy=policy, jurisdiction="NO")
    assert str(info.value) == "the policy 'svensk' is for SE, not NO"
    assert evaluate(oslo(2026, 11, 24, 9, 30), policy=policy, jurisdiction="SE").allowed


def test_policy_by_date_refusals_name_the_date() -> None:
    other = policy_of(EVERY_DAY, "SE")
    with pytest.raises(InvalidInput) as info:
        evaluate(oslo(2026, 11, 24, 9, 30), policy=lambda _day: other, jurisdiction="NO")
    assert str(info.value) == f"expected a NO ContactPolicy for 2026-11-24, got {other!r}"
    with pytest.raises(InvalidInput) as info:
        evaluate(oslo(2026, 11, 24, 9, 30), policy=lambda _day: "x", jurisdiction="NO")  # type: ignore[arg-type,return-value]
    assert str(info.value) == "expected a NO ContactPolicy for 2026-11-24, got 'x'"
    with pytest.raises(InvalidInput) as info:
        evaluate(oslo(2026, 11, 24, 9, 30), policy=42, jurisdiction="NO")  # type: ignore[arg-type]
    assert str(info.value) == "policy must be a ContactPolicy, got 42"
    with pytest.raises(InvalidInput) as info:
        evaluate(oslo(2026, 11, 24, 9, 30), policy=lambda _day: other)
    assert str(info.value) == "give jurisdiction= when policy is a function of the date"
    with pytest.raises(InvalidInput) as info:
        find_window(oslo(2026, 11, 24, 9, 30), policy=lambda _day: other)
    assert str(info.value) == "give jurisdiction= when policy is a function of the date"
    with pytest.raises(InvalidInput) as info:
        evaluate(oslo(2026, 11, 24, 9, 30), policy=other, jurisdiction="FI")
    assert str(info.value) == "jurisdiction must be 'NO' or 'SE', got 'FI'"


def test_policy_by_date_is_read_on_the_local_date() -> None:
    closed = policy_of({})
    open_policy = policy_of(EVERY_DAY)
    asked: list[dt.date] = []

    def by_date(day: dt.date) -> ContactPolicy:
        asked.append(day)
        return open_policy if day >= dt.date(2026, 12, 1) else closed

    # 23:30 UTC on 30 November is 00:30 on 1 December in Oslo.
    assert evaluate(utc(2026, 11, 30, 23, 30), policy=by_date, jurisdiction="NO").reasons == (
        "00:30 is outside the hours 09:00-10:00 on Tuesdays",
    )
    assert asked == [dt.date(2026, 12, 1)]
    asked.clear()
    found = find_window(oslo(2026, 11, 28, 12, 0), policy=by_date, jurisdiction="NO")
    assert found == oslo(2026, 12, 1, 9, 0)
    assert asked == [dt.date(2026, 11, 28 + k) for k in range(3)] + [dt.date(2026, 12, 1)]


def test_policy_by_date_switching_back_and_forth_is_checked_each_time() -> None:
    good = policy_of({"monday": ["09:00-10:00"]})
    other = policy_of(EVERY_DAY, "SE")
    answers = iter([good, good, other])
    with pytest.raises(InvalidInput) as info:
        find_window(
            oslo(2026, 11, 23, 12, 0),
            policy=lambda _day: next(answers),
            jurisdiction="NO",
        )
    assert str(info.value) == f"expected a NO ContactPolicy for 2026-11-25, got {other!r}"


def test_policy_by_date_changing_rule_mid_search() -> None:
    monday_only = policy_of({"monday": ["09:00-10:00"]})
    tuesday_only = policy_of({"tuesday": ["11:00-12:00"]})

    def by_date(day: dt.date) -> ContactPolicy:
        return monday_only if day < dt.date(2026, 11, 24) else tuesday_only

    # From Monday 10:00: Monday's window is over; from Tuesday the Tuesday rule applies.
    found = find_window(oslo(2026, 11, 23, 10, 0), policy=by_date, jurisdiction="NO")
    assert found == oslo(2026, 11, 24, 11, 0)


def test_dated_never_open_policy_still_searches_later_days() -> None:
    closed = policy_of({})
    later = policy_of(EVERY_DAY)

    def by_date(day: dt.date) -> ContactPolicy:
        return closed if day < dt.date(2027, 6, 1) else later

    found = find_window(oslo(2026, 11, 23), policy=by_date, jurisdiction="NO")
    assert found == oslo(2027, 6, 1, 9, 0)


# -- finding the next window ----------------------------------------------------------------


def test_find_window_in_the_window_returns_the_moment() -> None:
    policy = policy_of({"monday": ["09:00-10:00"]})
    assert find_window(oslo(2026, 11, 23, 9, 0), policy=policy) == oslo(2026, 11, 23, 9, 0)
    last = oslo(2026, 11, 23, 9, 59, 59, 999999)
    assert find_window(last, policy=policy) == last
    assert find_window(oslo(2026, 11, 23, 8, 59, 59, 999999), policy=policy) == oslo(
        2026, 11, 23, 9, 0
    )


def test_find_window_picks_the_later_window_of_the_day() -> None:
    policy = policy_of({"monday": ["09:00-12:00", "13:00-16:00"]})
    assert find_window(oslo(2026, 11, 23, 12, 0), policy=policy) == oslo(2026, 11, 23, 13, 0)
    assert find_window(oslo(2026, 11, 23, 7, 0), policy=policy) == oslo(2026, 11, 23, 9, 0)
    assert find_window(oslo(2026, 11, 23, 14, 0), policy=policy) == oslo(2026, 11, 23, 14, 0)
    assert find_window(oslo(2026, 11, 23, 16, 0), policy=policy) == oslo(2026, 11, 30, 9, 0)


def test_find_window_until_midnight() -> None:
    policy = policy_of({"monday": ["22:00-24:00"], "tuesday": ["00:00-01:00"]})
    last = oslo(2026, 11, 23, 23, 59, 59, 999999)
    assert find_window(last, policy=policy) == last
    assert find_window(oslo(2026, 11, 23, 21, 0), policy=policy) == oslo(2026, 11, 23, 22, 0)
    assert find_window(oslo(2026, 11, 24, 0, 30), policy=policy) == oslo(2026, 11, 24, 0, 30)
    assert find_window(oslo(2026, 11, 24, 1, 0), policy=policy) == oslo(2026, 11, 30, 22, 0)


def test_find_window_skips_holidays() -> None:
    policy = policy_of({"thursday": ["09:00-10:00"], "friday": ["09:00-10:00"]})
    # Skjærtorsdag 2026-04-02 and langfredag 2026-04-03 are holidays; next Thursday is 9 April.
    assert find_window(oslo(2026, 4, 1, 12, 0), policy=policy) == oslo(2026, 4, 9, 9, 0)
    open_policy = policy_of(
        {"thursday": ["09:00-10:00"], "friday": ["09:00-10:00"], "closed_on_holidays": False}
    )
    assert find_window(oslo(2026, 4, 1, 12, 0), policy=open_policy) == oslo(2026, 4, 2, 9, 0)


def test_find_window_result_is_in_the_callers_zone() -> None:
    policy = policy_of({"monday": ["09:00-10:00"]})
    found = find_window(utc(2026, 11, 23, 9, 0), policy=policy)  # 10:00 in Oslo: too late
    assert found == oslo(2026, 11, 30, 9, 0)
    assert found.tzinfo is UTC
    assert (found.hour, found.minute) == (8, 0)
    stockholm = dt.datetime(2026, 11, 23, 8, 0, tzinfo=STOCKHOLM)
    found = find_window(stockholm, policy=policy)
    assert found.tzinfo is STOCKHOLM
    assert (found.day, found.hour) == (23, 9)


def test_no_window_error_names_the_channel_bound_and_rule() -> None:
    citation = Citation("inkassoforskriften § 1-2", "https://lovdata.no/x")
    start = oslo(2026, 11, 23, 9, 0)
    rule = ChannelRule.from_record({"monday": ["09:00-10:00"], "per_week": 0}, basis=[citation])
    policy = ContactPolicy(jurisdiction="NO", name="p", channels={"sms": rule})
    with pytest.raises(NoContactWindow) as info:
        find_window(start, channel="sms", policy=policy)
    assert info.value.after is start
    assert info.value.channel == "sms"
    assert info.value.rule == "inkassoforskriften § 1-2"
    assert str(info.value) == (
        "no sms contact is allowed within 400 days after 2026-11-23T09:00:00+01:00; the policy "
        "has no hours, or its caps are 0, or every day is closed (inkassoforskriften § 1-2)"
    )
    with pytest.raises(NoContactWindow) as info:
        find_window(start, policy=policy_of({}))
    assert info.value.rule == "the contact policy"
    assert str(info.value).endswith("every day is closed (the contact policy)")


def test_no_window_after_a_dated_search_cites_the_last_rule() -> None:
    citation = Citation("policy § 9", "https://example.org/9")
    rule = ChannelRule.from_record({}, basis=[citation])
    policy = ContactPolicy(jurisdiction="NO", name="p", channels={"phone": rule})
    with pytest.raises(NoContactWindow) as info:
        find_window(oslo(2026, 11, 23), policy=lambda _day: policy, jurisdiction="NO")
    assert info.value.rule == "policy § 9"


def test_search_reaches_day_400_but_not_401() -> None:
    # A policy open only on days the search reaches at its bound: day 399 after the start is
    # the last day searched. 2026-11-23 + 399 days = 2027-12-27.
    last_day = dt.date(2026, 11, 23) + dt.timedelta(days=399)
    assert last_day == dt.date(2027, 12, 27)
    closed = policy_of({})
    open_policy = policy_of(EVERY_DAY | {"closed_on_holidays": False})

    def opens_on(first: dt.date) -> contact.PolicyByDate:
        return lambda day: open_policy if day >= first else closed

    assert find_window(oslo(2026, 11, 23), policy=opens_on(last_day), jurisdiction="NO") == (
        oslo(2027, 12, 27, 9, 0)
    )
    with pytest.raises(NoContactWindow, match="within 400 days"):
        find_window(
            oslo(2026, 11, 23),
            policy=opens_on(last_day + dt.timedelta(days=1)),
            jurisdiction="NO",
        )


def test_empty_and_full_histories_in_a_long_search() -> None:
    # A per-month cap of 1 and one contact each month of 2027 but December: December opens.
    policy = policy_of(EVERY_DAY | {"per_month": 1, "closed_on_holidays": False})
    history = [oslo(2027, month, 15, 9, 0) for month in range(1, 12)]
    assert find_window(oslo(2027, 1, 2), policy=policy, history=history) == oslo(2027, 12, 1, 9, 0)
    assert find_window(oslo(2027, 1, 2), policy=policy, history=()) == oslo(2027, 1, 2, 9, 0)
    assert find_window(oslo(2027, 1, 2), policy=policy, history=[]) == oslo(2027, 1, 2, 9, 0)


# -- daylight saving -------------------------------------------------------------------------


def test_spring_forward_window_starts_at_the_first_real_clock_time() -> None:
    # 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC; 02:00-02:59 do not exist.
    policy = policy_of({"sunday": ["02:00-04:00"], "closed_on_holidays": False})
    found = find_window(utc(2026, 3, 28, 12, 0), policy=policy)
    assert found == utc(2026, 3, 29, 1, 0)  # 03:00 CEST
    assert find_window(utc(2026, 3, 29, 1, 30), policy=policy) == utc(2026, 3, 29, 1, 30)
    # 04:00 CEST is 02:00 UTC: the window is over.
    assert find_window(utc(2026, 3, 29, 2, 0), policy=policy) == utc(2026, 4, 5, 0, 0)
    assert evaluate(utc(2026, 3, 29, 1, 0), policy=policy).allowed
    assert not evaluate(utc(2026, 3, 29, 0, 59), policy=policy).allowed


def test_spring_forward_window_before_the_change() -> None:
    # 00:30-01:30 on 2026-03-29 is still CET (UTC+1): 23:30 to 00:30 UTC.
    policy = policy_of({"sunday": ["00:30-01:30"], "closed_on_holidays": False})
    assert find_window(utc(2026, 3, 28, 12, 0), policy=policy) == utc(2026, 3, 28, 23, 30)
    last = dt.datetime(2026, 3, 29, 0, 29, 59, 999999, tzinfo=UTC)
    assert find_window(last, policy=policy) == last
    assert find_window(utc(2026, 3, 29, 0, 30), policy=policy) == utc(2026, 4, 4, 22, 30)


def test_spring_forward_window_across_the_gap() -> None:
    # 01:30-03:30 local on 2026-03-29: 00:30-01:00 UTC (CET) and 01:00-01:30 UTC (CEST).
    policy = policy_of({"sunday": ["01:30-03:30"], "closed_on_holidays": False})
    assert find_window(utc(2026, 3, 29, 0, 45), policy=policy) == utc(2026, 3, 29, 0, 45)
    tick = dt.datetime(2026, 3, 29, 0, 59, 59, 999999, tzinfo=UTC)
    assert find_window(tick, policy=policy) == tick
    assert find_window(utc(2026, 3, 29, 1, 0), policy=policy) == utc(2026, 3, 29, 1, 0)
    assert find_window(utc(2026, 3, 29, 1, 30), policy=policy) == utc(2026, 4, 4, 23, 30)


def test_fall_back_window_in_the_repeated_hour() -> None:
    # 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:00-02:59 happen twice.
    policy = policy_of({"sunday": ["02:30-03:00"], "closed_on_holidays": False})
    # First time: 02:30 CEST = 00:30 UTC.
    assert find_window(utc(2026, 10, 24, 12, 0), policy=policy) == utc(2026, 10, 25, 0, 30)
    # Between the two: the second 02:30 (CET) = 01:30 UTC.
    assert find_window(utc(2026, 10, 25, 1, 0), policy=policy) == utc(2026, 10, 25, 1, 30)
    last = dt.datetime(2026, 10, 25, 1, 59, 59, 999999, tzinfo=UTC)
    assert find_window(last, policy=policy) == last
    assert find_window(utc(2026, 10, 25, 2, 0), policy=policy) == utc(2026, 11, 1, 1, 30)


def test_fall_back_day_is_25_hours_for_the_day_cap() -> None:
    # Sunday 2026-10-25 in Oslo: 22:00 UTC on the 24th to 23:00 UTC on the 25th.
    policy = policy_of(EVERY_DAY | {"per_day": 1, "closed_on_holidays": False})
    moment = oslo(2026, 10, 25, 9, 30)
    assert not evaluate(moment, policy=policy, history=[utc(2026, 10, 24, 22, 0)]).allowed
    assert not evaluate(moment, policy=policy, history=[utc(2026, 10, 25, 22, 59)]).allowed
    assert evaluate(moment, policy=policy, history=[utc(2026, 10, 24, 21, 59)]).allowed
    assert evaluate(moment, policy=policy, history=[utc(2026, 10, 25, 23, 0)]).allowed


def test_dst_segments_meet_at_the_change_to_the_microsecond() -> None:
    spring = contact._segments(dt.date(2026, 3, 29), OSLO)
    assert spring == (
        (dt.datetime(2026, 3, 28, 23), dt.datetime(2026, 3, 29, 1), dt.timedelta(hours=1)),
        (dt.datetime(2026, 3, 29, 1), dt.datetime(2026, 3, 29, 22), dt.timedelta(hours=2)),
    )
    autumn = contact._segments(dt.date(2026, 10, 25), OSLO)
    assert autumn == (
        (dt.datetime(2026, 10, 24, 22), dt.datetime(2026, 10, 25, 1), dt.timedelta(hours=2)),
        (dt.datetime(2026, 10, 25, 1), dt.datetime(2026, 10, 25, 23), dt.timedelta(hours=1)),
    )
    plain = contact._segments(dt.date(2026, 11, 23), OSLO)
    assert plain == (
        (dt.datetime(2026, 11, 22, 23), dt.datetime(2026, 11, 23, 23), dt.timedelta(hours=1)),
    )


def test_day_bounds_in_utc() -> None:
    # Wednesday 2026-03-25 in Oslo (CET): the week runs to Sunday 29 March 24:00 CEST.
    assert contact._bounds(dt.date(2026, 3, 25), OSLO) == (
        utc(2026, 3, 24, 23),
        utc(2026, 3, 25, 23),
        utc(2026, 3, 22, 23),
        utc(2026, 3, 29, 22),
        utc(2026, 2, 28, 23),
        utc(2026, 3, 31, 22),
    )


def test_bounds_at_the_end_of_the_calendar() -> None:
    highest = dt.datetime.max.replace(tzinfo=UTC)
    lowest = dt.datetime.min.replace(tzinfo=UTC)
    # Friday 9999-12-31: the day, week and month end after the last date: the maximum.
    bounds = contact._bounds(dt.date(9999, 12, 31), OSLO)
    assert bounds[1] == highest
    assert bounds[3] == highest
    assert bounds[5] == highest
    assert bounds[0] == utc(9999, 12, 30, 23)
    # Monday 0001-01-01: its midnight in Oslo is before the first UTC instant.
    bounds = contact._bounds(dt.date(1, 1, 1), OSLO)
    assert bounds[0] == lowest
    assert bounds[2] == lowest
    assert bounds[4] == lowest
    # Oslo's clock in year 1 is local mean time, UTC+00:43: the next midnight is 23:17 UTC.
    assert bounds[1] == utc(1, 1, 1, 23, 17)


# -- arguments and the machine's own clock -------------------------------------------------------


@pytest.fixture
def new_york_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # The process's local time zone: naive datetimes would be read in it by mistake.
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("new_york_machine")
def test_results_do_not_depend_on_the_machines_time_zone() -> None:
    assert time.timezone == 5 * 3600  # the fixture took effect: UTC-5 in winter
    # The spring-forward day in Oslo, as above: 03:00 CEST = 01:00 UTC is the first moment.
    policy = policy_of({"sunday": ["02:00-04:00"], "closed_on_holidays": False})
    assert find_window(utc(2026, 3, 28, 12, 0), policy=policy) == utc(2026, 3, 29, 1, 0)
    assert find_window(utc(2026, 3, 29, 1, 30), policy=policy) == utc(2026, 3, 29, 1, 30)
    assert contact._segments(dt.date(2026, 3, 29), OSLO)[0][1] == dt.datetime(2026, 3, 29, 1)
    plain = policy_of({"monday": ["09:00-10:00"], "per_day": 1})
    assert find_window(utc(2026, 11, 23, 8, 30), policy=plain) == utc(2026, 11, 23, 8, 30)
    history = [utc(2026, 11, 22, 23, 0)]  # Monday 00:00 in Oslo: counts on Monday
    assert find_window(utc(2026, 11, 23, 8, 30), policy=plain, history=history) == utc(
        2026, 11, 30, 8, 0
    )
    assert ContactHistory([oslo(2026, 11, 24, 9, 0)]).keys == (utc(2026, 11, 24, 8, 0),)


def test_law_argument_is_checked() -> None:
    # Checked up front, also where no holiday calendar (which would check it too) is read.
    policy = policy_of(EVERY_DAY | {"closed_on_holidays": False})
    with pytest.raises(InvalidInput, match="law must be an inkassorules.LawBook or None"):
        evaluate(oslo(2026, 11, 24, 9, 30), policy=policy, law="NO")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="law must be an inkassorules.LawBook or None"):
        find_window(oslo(2026, 11, 24, 9, 30), policy=policy, law="NO")  # type: ignore[arg-type]


def test_naive_moments_are_named_by_argument() -> None:
    policy = policy_of(EVERY_DAY)
    with pytest.raises(NaiveDatetime) as info:
        evaluate(dt.datetime(2026, 11, 24, 9, 30), policy=policy)
    assert info.value.argument == "at"
    with pytest.raises(NaiveDatetime) as info:
        find_window(dt.datetime(2026, 11, 24, 9, 30), policy=policy)
    assert info.value.argument == "after"
    with pytest.raises(InvalidInput) as info:
        find_window("2026-11-24", policy=policy)  # type: ignore[arg-type]
    assert str(info.value).startswith("after must be a timezone-aware datetime")


def test_spring_forward_window_across_the_gap_from_the_day_before() -> None:
    # 01:30-03:30 local on 2026-03-29 starts at 01:30 CET = 00:30 UTC, not at 23:30 UTC
    # (01:30 read with the CEST offset, which only applies from 01:00 UTC).
    policy = policy_of({"sunday": ["01:30-03:30"], "closed_on_holidays": False})
    assert find_window(utc(2026, 3, 28, 12, 0), policy=policy) == utc(2026, 3, 29, 0, 30)
    assert not evaluate(utc(2026, 3, 28, 23, 30), policy=policy).allowed


def test_day_bounds_are_utc_instants() -> None:
    bounds = contact._bounds(dt.date(2026, 11, 24), OSLO)
    assert all(bound.tzinfo is UTC for bound in bounds)


def _book_with_calendar(name: str, categories: list[str], since: dt.date) -> LawBook:
    """The built-in book with the business-day table *name* replaced (a caller's own data)."""
    base = builtin()
    table = {
        "name": name,
        "title": "Business days (test book)",
        "unit": "record",
        "values": [
            {
                "valid_from": since,
                "value": {"non_business_weekdays": [5, 6], "holiday_categories": categories},
                "citation": "test book",
                "url": "https://example.org/test-book",
            }
        ],
    }
    parameter = parse_parameter(table, path="<test book>")
    return LawBook({**{n: base.parameter(n) for n in base.names}, name: parameter})


def test_holidays_come_from_the_callers_law_book_in_sweden() -> None:
    # A Swedish book with the allmänna helgdagar only: julafton (Thursday 2026-12-24) is then a
    # vardag, so the contact is allowed under that book and refused under the built-in one.
    book = _book_with_calendar("se.business_days", ["public"], dt.date(2000, 1, 1))
    policy = policy_of(EVERY_DAY, "SE")
    julafton = oslo(2026, 12, 24, 9, 30)
    assert evaluate(julafton, policy=policy, law=book).allowed
    assert not evaluate(julafton, policy=policy).allowed
    assert find_window(julafton, policy=policy, law=book) == julafton
    assert find_window(julafton, policy=policy) == oslo(2026, 12, 27, 9, 0)


def test_holidays_come_from_the_callers_law_book_in_norway() -> None:
    # A Norwegian book whose calendar starts in 2027: 2026 is not covered by it.
    book = _book_with_calendar("no.business_days", ["public"], dt.date(2027, 1, 1))
    policy = policy_of(EVERY_DAY)
    with pytest.raises(NotInForce) as info:
        evaluate(oslo(2026, 4, 3, 9, 30), policy=policy, law=book)
    assert info.value.parameter == "no.business_days"
    with pytest.raises(NotInForce) as info:
        find_window(oslo(2026, 4, 3, 9, 30), policy=policy, law=book)
    assert info.value.parameter == "no.business_days"
    # Langfredag 2027 (26 March) is covered and closed.
    assert evaluate(oslo(2027, 3, 26, 9, 30), policy=policy, law=book).reasons == (
        "2027-03-26 is a public holiday (Good Friday)",
    )


def test_dated_policy_with_a_cap_of_zero_has_no_window() -> None:
    # A cap of 0 allows no contact, with an empty history too (it was skipped for one: the
    # search returned a moment evaluate refuses).
    capped = policy_of({"monday": ["09:00-10:00"], "per_day": 0})
    with pytest.raises(NoContactWindow):
        find_window(oslo(2026, 11, 23, 8, 0), policy=lambda _day: capped, jurisdiction="NO")
    # Capped at 0 until Sunday 2026-11-29, open from Monday 11-30: the first moment is then.
    opened = policy_of({"monday": ["09:00-10:00"], "per_day": 1})

    def by_date(day: dt.date) -> ContactPolicy:
        return capped if day < dt.date(2026, 11, 30) else opened

    found = find_window(oslo(2026, 11, 23, 8, 0), policy=by_date, jurisdiction="NO")
    assert found == oslo(2026, 11, 30, 9, 0)
    assert evaluate(found, policy=opened).allowed
