"""Issue 14 item 10: the new inkassolov (LOV-2026-05-22-19) § 15 hours as a regime the caller
turns on, and the provisional warning from the signalled date 2027-01-01.

§ 15 second paragraph (adopted; BAHR on the proposal): Monday-Friday 08:00-21:00, Saturday
09:00-15:00, no Sundays or public holidays. Rundskriv 5/2022 (the regime in force): Saturday
from 08:00.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from inkassorules.errors import NotInForce
from inkassorules.no.contact import contact_allowed, contact_policy, with_inkassolov_2026

OSLO = ZoneInfo("Europe/Oslo")
SIGNAL = "no.contact.inkassolov_2026_signalled"


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=OSLO)  # type: ignore[misc]


def test_new_hours_apply_from_the_in_force_date_the_caller_gives():
    # Saturday 2027-03-06 08:30: the rundskriv allows it (from 08:00), § 15 does not (09:00).
    saturday = at(2027, 3, 6, 8, 30)
    in_force_that_day = with_inkassolov_2026(in_force_from=dt.date(2027, 3, 6))
    in_force_next_day = with_inkassolov_2026(in_force_from=dt.date(2027, 3, 7))
    assert contact_allowed(saturday, law=in_force_next_day).allowed  # the day before: old law
    refused = contact_allowed(saturday, law=in_force_that_day)
    assert refused.reasons == ("08:30 is outside the hours 09:00-15:00 on Saturdays",)
    assert "LOV-2026-05-22-19" in refused.basis[0].rule


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        (at(2027, 3, 8, 7, 59), False),  # Monday before 08:00
        (at(2027, 3, 8, 8, 0), True),
        (at(2027, 3, 8, 20, 59), True),
        (at(2027, 3, 8, 21, 0), False),  # the end is excluded
        (at(2027, 3, 13, 8, 59), False),  # Saturday before 09:00
        (at(2027, 3, 13, 9, 0), True),
        (at(2027, 3, 13, 14, 59), True),
        (at(2027, 3, 13, 15, 0), False),
        (at(2027, 3, 14, 12, 0), False),  # Sunday
        (at(2027, 3, 25, 12, 0), False),  # Skjærtorsdag 2027, a public holiday
    ],
)
def test_section_15_hours(moment, allowed):
    book = with_inkassolov_2026(in_force_from=dt.date(2027, 3, 1))
    assert contact_allowed(moment, law=book).allowed is allowed


def test_before_the_act_there_is_nothing_to_switch_on():
    with pytest.raises(NotInForce, match="phone_hours_inkassolov_2026"):
        with_inkassolov_2026(in_force_from=dt.date(2026, 5, 21))
    assert with_inkassolov_2026(in_force_from=dt.date(2026, 5, 22)) is not None


def test_old_regime_results_are_flagged_from_the_signalled_2027_01_01():
    # Thursday 2026-12-31 10:00 and Monday 2027-01-04 10:00: both allowed under the rundskriv.
    before = contact_allowed(at(2026, 12, 31, 10, 0))
    after = contact_allowed(at(2027, 1, 4, 10, 0))
    assert before.allowed
    assert after.allowed
    assert SIGNAL not in [c.parameter for c in before.basis]
    assert SIGNAL in [c.parameter for c in after.basis]
    assert after.provisional
    assert "may be in force" in after.explain()
    # The same through contact_policy, on the day itself (1 January is a holiday: refused,
    # but the rule carries the warning).
    rule = contact_policy(on=dt.date(2027, 1, 1)).rule("phone")
    assert SIGNAL in [c.parameter for c in rule.basis]
    assert SIGNAL not in [
        c.parameter for c in contact_policy(on=dt.date(2026, 12, 31)).rule("phone").basis
    ]


def test_no_warning_once_the_caller_has_switched_the_act_on():
    book = with_inkassolov_2026(in_force_from=dt.date(2027, 2, 1))
    # Still the old regime in January 2027: flagged.
    january = contact_allowed(at(2027, 1, 4, 10, 0), law=book)
    assert SIGNAL in [c.parameter for c in january.basis]
    # From 2027-02-01 the new act's hours apply: no warning.
    february = contact_allowed(at(2027, 2, 1, 10, 0), law=book)
    assert [c.parameter for c in february.basis] == [
        "no.contact.phone_hours",
        "no.contact.phone_caps",
    ]
    assert "LOV-2026-05-22-19" in february.basis[0].rule
