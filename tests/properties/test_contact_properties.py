"""Properties of contact windows: next_contact_window(t) is the earliest allowed moment >= t."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from inkassorules.contact import WEEKDAYS, ChannelRule, ContactPolicy, time_zone
from inkassorules.no import contact as no_contact
from inkassorules.se import contact as se_contact

UTC = dt.UTC
MODULES = {"NO": no_contact, "SE": se_contact}
ZONES = [
    UTC,
    ZoneInfo("Europe/Oslo"),
    ZoneInfo("Europe/Stockholm"),
    dt.timezone(dt.timedelta(hours=-5)),
]
DST_NIGHTS = [
    dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    dt.datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    dt.datetime(2025, 3, 30, 1, 0, tzinfo=UTC),
    dt.datetime(2025, 10, 26, 1, 0, tzinfo=UTC),
]

near_dst = st.builds(
    lambda night, minutes: night + dt.timedelta(minutes=minutes),
    st.sampled_from(DST_NIGHTS),
    st.integers(-3 * 1440, 3 * 1440),
)
anywhere = st.datetimes(
    min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2027, 12, 1), timezones=st.just(UTC)
)
moments = st.builds(
    lambda moment, zone: moment.astimezone(zone),
    st.one_of(near_dst, anywhere),
    st.sampled_from(ZONES),
)
offsets = st.lists(st.integers(-40 * 1440, 40 * 1440), max_size=20)


def _window_strings(bounds: list[int]) -> list[str]:
    def clock(quarter: int) -> str:
        return "24:00" if quarter == 96 else f"{quarter // 4:02d}:{quarter % 4 * 15:02d}"

    ordered = sorted(set(bounds))
    return [f"{clock(a)}-{clock(b)}" for a, b in zip(ordered[::2], ordered[1::2], strict=False)]


day_windows = st.lists(st.integers(0, 96), max_size=4).map(_window_strings)
caps = st.one_of(st.none(), st.integers(1, 4))
records = st.fixed_dictionaries(
    dict.fromkeys(WEEKDAYS, day_windows)
    | {"closed_on_holidays": st.booleans(), "per_day": caps, "per_week": caps, "per_month": caps}
)


def _earlier_samples(
    start: dt.datetime,
    result: dt.datetime,
    rule_on: Callable[[dt.date], ChannelRule],
    country: str,
    fractions: list[float],
) -> list[dt.datetime]:
    """Moments in [start, result) to check: evenly spread, drawn, and every window edge."""
    start_utc, result_utc = start.astimezone(UTC), result.astimezone(UTC)
    span = result_utc - start_utc
    if span <= dt.timedelta(0):
        return []
    tick = dt.timedelta(microseconds=1)
    samples = [start_utc, result_utc - tick]
    samples += [start_utc + span * (k / 40) for k in range(40)]
    samples += [start_utc + span * f for f in fractions]
    zone = time_zone(country)
    day = start_utc.astimezone(zone).date()
    last = result_utc.astimezone(zone).date()
    for _ in range(40):  # every window edge of the first 40 local days (bounded)
        if day > last:
            break
        clocks = [dt.time()]
        for window in rule_on(day).hours[day.weekday()]:
            clocks += [window.start] + ([window.end] if window.end is not None else [])
        for clock in clocks:
            for fold in (0, 1):
                edge = dt.datetime.combine(day, clock, tzinfo=zone).replace(fold=fold)
                samples += [edge.astimezone(UTC), edge.astimezone(UTC) - tick]
        day += dt.timedelta(days=1)
    return [s for s in samples if start_utc <= s < result_utc]


def _check(
    country: str,
    start: dt.datetime,
    *,
    history: list[dt.datetime],
    channel: str,
    policy: ContactPolicy | None,
    fractions: list[float],
) -> None:
    module = MODULES[country]
    result = module.next_contact_window(start, channel=channel, history=history, policy=policy)
    assert result.tzinfo is start.tzinfo
    assert result.astimezone(UTC) >= start.astimezone(UTC)
    decision = module.contact_allowed(result, channel=channel, history=history, policy=policy)
    assert decision.allowed, decision.reasons

    def rule_on(day: dt.date) -> ChannelRule:
        chosen = policy or module.contact_policy(on=day)
        return chosen.rule(channel)

    for moment in _earlier_samples(start, result, rule_on, country, fractions):
        earlier = module.contact_allowed(moment, channel=channel, history=history, policy=policy)
        assert not earlier.allowed, (moment, result)


@settings(max_examples=150)
@given(
    country=st.sampled_from(["NO", "SE"]),
    start=moments,
    history_offsets=offsets,
    channel=st.sampled_from(["phone", "phone", "sms", "email", "letter"]),
    fractions=st.lists(st.floats(0, 1, exclude_max=True), max_size=5),
)
def test_next_window_is_the_earliest_allowed_moment_under_the_data(
    country: str,
    start: dt.datetime,
    history_offsets: list[int],
    channel: str,
    fractions: list[float],
) -> None:
    history = [start + dt.timedelta(minutes=m) for m in history_offsets]
    _check(country, start, history=history, channel=channel, policy=None, fractions=fractions)


@settings(max_examples=150)
@given(
    country=st.sampled_from(["NO", "SE"]),
    start=moments,
    history_offsets=offsets,
    record=records,
    fractions=st.lists(st.floats(0, 1, exclude_max=True), max_size=5),
)
def test_next_window_is_the_earliest_allowed_moment_under_any_policy(
    country: str,
    start: dt.datetime,
    history_offsets: list[int],
    record: dict[str, object],
    fractions: list[float],
) -> None:
    rule = ChannelRule.from_record(record)
    assume(not rule.never_open)
    policy = ContactPolicy(jurisdiction=country, name="random", channels={"phone": rule})  # type: ignore[arg-type]
    history = [start + dt.timedelta(minutes=m) for m in history_offsets]
    _check(country, start, history=history, channel="phone", policy=policy, fractions=fractions)


@settings(max_examples=60)
@given(country=st.sampled_from(["NO", "SE"]), start=moments, history_offsets=offsets)
def test_allowed_moments_are_their_own_next_window(
    country: str, start: dt.datetime, history_offsets: list[int]
) -> None:
    module = MODULES[country]
    history = [start + dt.timedelta(minutes=m) for m in history_offsets]
    if module.contact_allowed(start, history=history).allowed:
        assert module.next_contact_window(start, history=history) == start
