"""The indexed contact history against a counting reference (issue 17 item 4).

The caps per local day, week and month used to be counted by converting every earlier contact
to a local date on every call. They are now counted by bisecting the history's moments in UTC
between the instants the local day, week or month begins and ends. These properties check the
answers did not change: the library's search and decision with its index, with a plain list,
and with a reference that counts local dates (as the rules say) put in the index's place.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inkassorules import contact
from inkassorules import no as norway
from inkassorules import se as sweden
from inkassorules.contact import ChannelRule, ContactHistory, ContactPolicy
from inkassorules.errors import InkassoError, InvalidInput, NaiveDatetime
from inkassorules.strategies import contact_histories

if TYPE_CHECKING:
    from collections.abc import Callable

OSLO = ZoneInfo("Europe/Oslo")
LIBRARY_COUNTS = contact._Counts


class ReferenceCounts(NamedTuple):
    """Every earlier contact's local date, counted per day, ISO week and month."""

    days: Counter[dt.date]
    weeks: Counter[tuple[int, int]]
    months: Counter[tuple[int, int]]

    @classmethod
    def of(cls, history: object, zone: ZoneInfo) -> ReferenceCounts:
        LIBRARY_COUNTS.of(history, zone)  # the library's checks (their errors are not in question)
        dates = [moment.astimezone(zone).date() for moment in history]  # type: ignore[attr-defined]
        return cls(
            Counter(dates),
            Counter(d.isocalendar()[:2] for d in dates),
            Counter((d.year, d.month) for d in dates),
        )

    def counted(self, day: dt.date) -> tuple[int, int, int]:
        return (
            self.days[day],
            self.weeks[day.isocalendar()[0], day.isocalendar()[1]],
            self.months[day.year, day.month],
        )

    def exhausted(self, day: dt.date, rule: ChannelRule, channel: str) -> list[str]:
        reasons = []
        per = ("a day", "a week", "a month")
        where = (f"on {day.isoformat()}", "in the week (Monday-Sunday)", f"in {day:%Y-%m}")
        caps = (rule.per_day, rule.per_week, rule.per_month)
        for count, cap, place, unit in zip(self.counted(day), caps, where, per, strict=True):
            if cap is not None and count >= cap:
                reasons.append(
                    f"{count} earlier {channel} contact(s) {place} reach the cap of {cap} {unit}"
                )
        return reasons

    def full(self, day: dt.date, rule: ChannelRule) -> bool:
        return bool(self.exhausted(day, rule, "any"))


def outcome(call: Callable[[], object]) -> tuple[Any, ...]:
    try:
        return ("answer", call())
    except InkassoError as error:
        return ("refused", type(error), str(error))


def capped_policy(
    per_day: int | None, per_week: int | None, per_month: int | None
) -> ContactPolicy:
    hours = {day: ["08:00-20:00"] for day in contact.WEEKDAYS[:6]}
    rule = ChannelRule.from_record(
        {**hours, "per_day": per_day, "per_week": per_week, "per_month": per_month}
    )
    return ContactPolicy(jurisdiction="NO", name="caps", channels={"phone": rule})


caps = st.one_of(st.none(), st.integers(0, 6))
moments = st.datetimes(
    min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2027, 11, 30), timezones=st.just(OSLO)
)


@given(
    contact_histories(max_size=40),
    moments,
    st.sampled_from(["NO", "SE"]),
    st.tuples(caps, caps, caps),
    st.booleans(),
)
def test_the_index_counts_as_local_dates_do(
    history: list[dt.datetime],
    at: dt.datetime,
    country: str,
    limits: tuple[int | None, int | None, int | None],
    own_policy: bool,
) -> None:
    rules: Any = norway if country == "NO" else sweden
    policy = capped_policy(*limits) if own_policy else None
    # Late history entries put the first moments of the search in a capped stretch.
    if history and at > history[-1] + dt.timedelta(days=60):
        at = history[-1] - dt.timedelta(days=3)

    def answers(given: object) -> list[tuple[Any, ...]]:
        return [
            outcome(lambda: rules.contact_allowed(at, history=given, policy=policy)),
            outcome(lambda: rules.next_contact_window(at, history=given, policy=policy)),
        ]

    with_list = answers(history)
    with_index = answers(ContactHistory.of(history))
    reversed_index = answers(ContactHistory.of(history[::-1]))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(contact, "_Counts", ReferenceCounts)
        reference = answers(history)
    assert with_list == reference
    assert with_index == reference
    assert reversed_index == reference


@given(contact_histories(max_size=30), st.permutations(range(30)))
def test_the_index_is_the_moments_in_time_order(
    history: list[dt.datetime], order: list[int]
) -> None:
    shuffled = [history[i] for i in order if i < len(history)]
    index = ContactHistory.of(shuffled)
    assert [m.astimezone(dt.UTC) for m in index] == sorted(m.astimezone(dt.UTC) for m in history)
    assert index == ContactHistory.of(history)
    assert len(index) == len(history)
    assert ContactHistory.of(index) is index


def test_a_bad_history_is_refused_as_before() -> None:
    aware = dt.datetime(2026, 11, 23, 9, 0, tzinfo=OSLO)
    with pytest.raises(NaiveDatetime, match=r"history\[1\]"):
        ContactHistory.of([aware, dt.datetime(2026, 11, 23, 10, 0)])
    with pytest.raises(InvalidInput, match=r"history\[0\] must be a timezone-aware datetime"):
        ContactHistory.of([dt.date(2026, 11, 23)])
    with pytest.raises(InvalidInput, match="history must be a sequence"):
        norway.contact_allowed(aware, history=aware)  # type: ignore[arg-type]


def test_a_thousand_contacts_count_as_the_reference() -> None:
    """1 000 entries (the size whose cost issue 17 item 4 measured), every day of a year."""
    history = [
        dt.datetime(2025, 1, 1, 9, 0, tzinfo=OSLO) + k * dt.timedelta(hours=9) for k in range(1000)
    ]
    index = LIBRARY_COUNTS.of(ContactHistory.of(history), OSLO)
    reference = ReferenceCounts.of(history, OSLO)
    rule = capped_policy(1, 1, 1).rule("phone")
    day = dt.date(2024, 12, 25)
    while day < dt.date(2026, 2, 1):
        assert index.exhausted(day, rule, "phone") == reference.exhausted(day, rule, "phone")
        day += dt.timedelta(days=1)
