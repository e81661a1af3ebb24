"""The jurisdiction-neutral contact engine: policies, windows, decisions."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

import attrs
import pytest

from inkassorules.contact import (
    WEEKDAYS,
    ChannelRule,
    ContactDecision,
    ContactPolicy,
    NoContactWindow,
    Window,
    evaluate,
    find_window,
    time_zone,
)
from inkassorules.errors import InvalidInput, RuleRefused
from inkassorules.law import Citation
from inkassorules.no.contact import next_contact_window as no_next

OSLO = ZoneInfo("Europe/Oslo")
UTC = dt.UTC


def at(  # noqa: PLR0917 -- mirrors the positional fields of datetime
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    micro: int = 0,
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=OSLO)


def policy_of(record: dict[str, object], jurisdiction: str = "NO") -> ContactPolicy:
    return ContactPolicy(
        jurisdiction=jurisdiction,  # type: ignore[arg-type]
        name="test",
        channels={"phone": ChannelRule.from_record(record)},
    )


def test_window_parse_and_contains() -> None:
    window = Window.parse(" 08:00 - 21:00 ")
    assert window == Window(dt.time(8), dt.time(21))
    assert window.contains(dt.time(8))
    assert window.contains(dt.time(20, 59, 59, 999999))
    assert not window.contains(dt.time(21))
    assert not window.contains(dt.time(7, 59, 59))
    whole = Window.parse("00:00-24:00")
    assert whole.end is None
    assert whole.contains(dt.time(23, 59, 59, 999999))
    assert str(whole) == "00:00-24:00"
    assert str(window) == "08:00-21:00"


@pytest.mark.parametrize(
    "text",
    ["8-21", "08:00", "21:00-08:00", "08:00-08:00", "24:00-24:00", "08:60-09:00", "25:00-26:00"],
)
def test_window_parse_refuses(text: str) -> None:
    with pytest.raises(InvalidInput):
        Window.parse(text)


def test_window_refuses_aware_times() -> None:
    with pytest.raises(InvalidInput, match="naive"):
        Window(dt.time(8, tzinfo=UTC), dt.time(9))
    with pytest.raises(InvalidInput, match="naive"):
        Window(dt.time(8), dt.time(9, tzinfo=UTC))
    with pytest.raises(InvalidInput):
        Window.parse(800)  # type: ignore[arg-type]


def test_channel_rule_from_record() -> None:
    rule = ChannelRule.from_record({"monday": ["13:00-16:00", "09:00-12:00"], "per_day": 0})
    assert rule.hours[0] == (Window.parse("09:00-12:00"), Window.parse("13:00-16:00"))
    assert rule.hours[1:] == ((),) * 6
    assert rule.closed_on_holidays
    assert rule.per_day == 0
    assert rule.never_open
    assert not rule.is_law
    assert len(WEEKDAYS) == 7


@pytest.mark.parametrize(
    ("record", "match"),
    [
        ({"mon": ["08:00-09:00"]}, "unknown keys"),
        ({"monday": "08:00-09:00"}, "must be a list"),
        ({"monday": ["08:00-10:00", "09:00-11:00"]}, "not overlap"),
        ({"monday": ["08:00-24:00", "09:00-11:00"]}, "not overlap"),
        ({"per_day": -1}, "per_day"),
        ({"per_week": 1.5}, "per_week"),
        ({"per_month": True}, "per_month"),
        ({"closed_on_holidays": "yes"}, "closed_on_holidays"),
    ],
)
def test_channel_rule_from_record_refuses(record: dict[str, object], match: str) -> None:
    with pytest.raises(InvalidInput, match=match):
        ChannelRule.from_record(record)


def test_channel_rule_invariants_hold_without_validators() -> None:
    with pytest.raises(InvalidInput, match="7 tuples"):
        ChannelRule(hours=((),) * 6)
    with pytest.raises(InvalidInput, match="tuple of Window"):
        ChannelRule(hours=(("08:00-09:00",),) + ((),) * 6)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="True or False"):
        ChannelRule(hours=((),) * 7, is_law=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        ChannelRule.from_record(["monday"])  # type: ignore[arg-type]


def test_policy_invariants() -> None:
    rule = ChannelRule.from_record({})
    with pytest.raises(InvalidInput, match="'NO' or 'SE'"):
        ContactPolicy(jurisdiction="DK", name="x", channels={"phone": rule})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="name"):
        ContactPolicy(jurisdiction="NO", name="", channels={"phone": rule})
    with pytest.raises(InvalidInput, match="at least one channel"):
        ContactPolicy(jurisdiction="NO", name="x", channels={})
    with pytest.raises(InvalidInput, match="ChannelRule"):
        ContactPolicy(jurisdiction="NO", name="x", channels={"phone": "always"})  # type: ignore[dict-item]
    with pytest.raises(InvalidInput, match="mapping"):
        ContactPolicy(jurisdiction="NO", name="x", channels=[rule])  # type: ignore[arg-type]
    policy = ContactPolicy(jurisdiction="NO", name="x", channels={"phone": rule})
    with pytest.raises(TypeError):
        policy.channels["sms"] = rule  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        policy.name = "y"  # type: ignore[misc]


def test_decision_invariant() -> None:
    with pytest.raises(InvalidInput, match="needs reasons"):
        ContactDecision(allowed=False, at=at(2026, 1, 1), channel="phone", is_law=True, policy="x")
    with pytest.raises(InvalidInput, match="needs reasons"):
        ContactDecision(
            allowed=True,
            at=at(2026, 1, 1),
            channel="phone",
            reasons=("x",),
            is_law=True,
            policy="x",
        )
    decision = ContactDecision(
        allowed=True, at=at(2026, 1, 2), channel="sms", is_law=False, policy="p"
    )
    assert (
        decision.explain()
        == "sms contact at 2026-01-02T00:00:00+01:00 allowed (p; policy, not law)"
    )
    assert not decision.provisional


def test_evaluate_lists_every_reason() -> None:
    policy = policy_of({"monday": ["09:00-10:00"], "per_day": 1, "per_week": 1, "per_month": 1})
    decision = evaluate(at(2026, 11, 23, 11, 0), policy=policy, history=[at(2026, 11, 23, 9, 0)])
    assert decision.reasons == (
        "11:00 is outside the hours 09:00-10:00 on Mondays",
        "1 earlier phone contact(s) on 2026-11-23 reach the cap of 1 a day",
        "1 earlier phone contact(s) in the week (Monday-Sunday) reach the cap of 1 a week",
        "1 earlier phone contact(s) in 2026-11 reach the cap of 1 a month",
    )


def test_holidays_can_be_open_in_a_policy() -> None:
    open_rule = policy_of({"friday": ["09:00-10:00"], "closed_on_holidays": False})
    closed_rule = policy_of({"friday": ["09:00-10:00"]})
    good_friday = at(2026, 4, 3, 9, 30)
    assert evaluate(good_friday, policy=open_rule).allowed
    assert not evaluate(good_friday, policy=closed_rule).allowed


def test_find_window_same_moment_when_allowed() -> None:
    policy = policy_of({"monday": ["09:00-10:00"]})
    moment = at(2026, 11, 23, 9, 17, 3, 5)
    assert find_window(moment, policy=policy) == moment
    assert find_window(at(2026, 11, 23, 10, 0), policy=policy) == at(2026, 11, 30, 9, 0)


def test_find_window_keeps_the_callers_time_zone() -> None:
    policy = policy_of({"monday": ["09:00-10:00"]})
    result = find_window(dt.datetime(2026, 11, 20, tzinfo=UTC), policy=policy)
    assert result.tzinfo is UTC
    assert result == dt.datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    fixed = dt.timezone(dt.timedelta(hours=-5))
    result = find_window(dt.datetime(2026, 11, 20, tzinfo=fixed), policy=policy)
    assert result.tzinfo is fixed
    assert result == at(2026, 11, 23, 9, 0)


def test_no_window_is_a_clear_error() -> None:
    for record in ({}, {"monday": ["09:00-10:00"], "per_month": 0}):
        with pytest.raises(NoContactWindow) as info:
            find_window(at(2026, 11, 23, 9, 0), policy=policy_of(record))
        assert isinstance(info.value, RuleRefused)
        assert isinstance(info.value, ValueError)
        assert info.value.channel == "phone"


def test_no_window_within_the_bound_for_a_dated_policy() -> None:
    closed = policy_of({})
    with pytest.raises(NoContactWindow, match="within 400 days"):
        find_window(at(2026, 11, 23), policy=lambda _day: closed, jurisdiction="NO")


def test_policy_by_date_needs_a_jurisdiction_and_a_policy() -> None:
    policy = policy_of({"monday": ["09:00-10:00"]})
    with pytest.raises(InvalidInput, match="give jurisdiction"):
        evaluate(at(2026, 11, 23, 9, 0), policy=lambda _day: policy)
    with pytest.raises(InvalidInput, match="expected a NO ContactPolicy"):
        evaluate(at(2026, 11, 23, 9, 0), policy=lambda _day: None, jurisdiction="NO")  # type: ignore[arg-type,return-value]
    with pytest.raises(InvalidInput, match="must be a ContactPolicy"):
        evaluate(at(2026, 11, 23, 9, 0), policy="strict", jurisdiction="NO")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="'NO' or 'SE'"):
        evaluate(at(2026, 11, 23, 9, 0), policy=policy, jurisdiction="FI")
    decision = evaluate(at(2026, 11, 23, 9, 0), policy=lambda _day: policy, jurisdiction="NO")
    assert decision.allowed


def test_time_zones() -> None:
    assert time_zone("NO") == ZoneInfo("Europe/Oslo")
    assert time_zone("SE") == ZoneInfo("Europe/Stockholm")
    with pytest.raises(InvalidInput):
        time_zone("no")


def test_basis_is_carried() -> None:
    citation = Citation("our policy § 1", "https://example.org/policy")
    rule = ChannelRule.from_record({"monday": ["09:00-10:00"]}, basis=[citation])
    policy = ContactPolicy(jurisdiction="SE", name="p", channels={"phone": rule})
    decision = evaluate(at(2026, 11, 23, 9, 0), policy=policy)
    assert decision.basis == (citation,)
    assert decision.explain().endswith("- our policy § 1 <https://example.org/policy>")


def test_next_window_is_fast() -> None:
    # Measured, not a benchmark: the search jumps day by day, so even a month-cap skip is quick.
    days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20]
    history = [at(2026, 11, d, 10, 0) for d in days]
    start = time.perf_counter()
    for _ in range(100):
        assert no_next(at(2026, 11, 23, 10, 0), history=history) == at(2026, 12, 1, 8, 0)
    assert time.perf_counter() - start < 5  # generous; typically a few ms per call
