"""Norwegian contact windows: Finanstilsynet rundskriv 5/2022 and inkassoloven 2026 § 15."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from inkassorules import NaiveDatetime, NotInForce, builtin
from inkassorules.contact import ChannelRule, ContactPolicy, NoContactWindow
from inkassorules.errors import DataFileError, InvalidInput
from inkassorules.no.contact import (
    contact_allowed,
    contact_policy,
    next_contact_window,
    with_inkassolov_2026,
)
from inkassorules.se.contact import contact_policy as se_contact_policy

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


def allowed(moment: dt.datetime, **kwargs: object) -> bool:
    return contact_allowed(moment, **kwargs).allowed  # type: ignore[arg-type]


# -- hours: weekdays 08:00-21:00, Saturday 08:00-15:00 (rundskriv 5/2022) -----------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 11, 23, 7, 59), False),  # Monday
        (at(2026, 11, 23, 8, 0), True),
        (at(2026, 11, 23, 20, 59), True),
        (at(2026, 11, 23, 20, 59, 59, 999999), True),
        (at(2026, 11, 23, 21, 0), False),
        (at(2026, 11, 27, 8, 0), True),  # Friday
        (at(2026, 11, 27, 21, 0), False),
        (at(2026, 11, 28, 7, 59), False),  # Saturday
        (at(2026, 11, 28, 8, 0), True),
        (at(2026, 11, 28, 14, 59), True),
        (at(2026, 11, 28, 15, 0), False),
        (at(2026, 11, 29, 12, 0), False),  # Sunday
    ],
)
def test_rundskriv_5_2022_hours(moment: dt.datetime, expected: bool) -> None:
    assert allowed(moment) is expected


def test_reasons_name_the_hours_and_the_day() -> None:
    assert contact_allowed(at(2026, 11, 23, 7, 59)).reasons == (
        "07:59 is outside the hours 08:00-21:00 on Mondays",
    )
    assert contact_allowed(at(2026, 11, 29, 12, 0)).reasons == ("no phone contact on Sundays",)


def test_moment_in_another_time_zone_is_read_on_the_oslo_clock() -> None:
    # 07:00 UTC in November (CET, UTC+1) is 08:00 in Oslo.
    assert allowed(dt.datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    assert not allowed(dt.datetime(2026, 11, 23, 6, 59, tzinfo=UTC))
    decision = contact_allowed(dt.datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    assert decision.at == at(2026, 11, 23, 8, 0)
    assert decision.at.tzinfo == OSLO


# -- holidays: no calls on helligdager ------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2027, 5, 17), False),  # 17 May (Grunnlovsdag), a Monday in 2027
        (dt.date(2026, 5, 1), False),  # 1 May, a Friday
        (dt.date(2026, 4, 1), True),  # Wednesday before Easter
        (dt.date(2026, 4, 2), False),  # Skjærtorsdag
        (dt.date(2026, 4, 3), False),  # Langfredag
        (dt.date(2026, 4, 4), True),  # Easter Saturday is not a helligdag (Saturday hours)
        (dt.date(2026, 4, 5), False),  # 1. påskedag (Sunday)
        (dt.date(2026, 4, 6), False),  # 2. påskedag
        (dt.date(2026, 12, 24), True),  # julaften is not a helligdag in Norway
        (dt.date(2026, 12, 25), False),  # 1. juledag
        (dt.date(2026, 12, 26), False),  # 2. juledag, a Saturday
        (dt.date(2026, 12, 31), True),  # nyttårsaften is not a helligdag
        (dt.date(2027, 1, 1), False),  # 1. nyttårsdag
    ],
)
def test_helligdager_are_closed(day: dt.date, expected: bool) -> None:
    assert allowed(dt.datetime.combine(day, dt.time(10), tzinfo=OSLO)) is expected


def test_holiday_reason_names_the_holiday() -> None:
    decision = contact_allowed(at(2028, 5, 17, 10, 0))  # a Wednesday
    assert decision.reasons == ("2028-05-17 is a public holiday (Constitution Day)",)
    # In 2027, 17 May is also 2. pinsedag.
    decision = contact_allowed(at(2027, 5, 17, 10, 0))
    assert decision.reasons == (
        "2027-05-17 is a public holiday (Constitution Day; Pentecost Monday)",
    )


def test_next_window_skips_easter() -> None:
    # Wednesday 1 April 2026 21:00 -> Thu, Fri holidays -> Saturday 4 April 08:00.
    assert next_contact_window(at(2026, 4, 1, 21, 0)) == at(2026, 4, 4, 8, 0)
    # Saturday 4 April 15:00 -> Sunday, Easter Monday closed -> Tuesday 7 April 08:00.
    assert next_contact_window(at(2026, 4, 4, 15, 0)) == at(2026, 4, 7, 8, 0)


def test_next_window_skips_christmas() -> None:
    # Thursday 24 Dec 21:00 -> 25 (Fri), 26 (Sat), 27 (Sun) closed -> Monday 28 Dec 08:00.
    assert next_contact_window(at(2026, 12, 24, 21, 0)) == at(2026, 12, 28, 8, 0)


def test_next_window_skips_17_may() -> None:
    assert next_contact_window(at(2027, 5, 15, 15, 0)) == at(2027, 5, 18, 8, 0)


# -- daylight saving time: the two change nights of 2026 ---------------------------------------


def test_spring_forward_2026_03_29() -> None:
    # Sunday 29 March 2026: clocks go from 02:00 CET to 03:00 CEST; Sunday is closed anyway.
    assert not allowed(dt.datetime(2026, 3, 29, 10, 0, tzinfo=UTC))
    result = next_contact_window(at(2026, 3, 28, 15, 0))
    assert result == at(2026, 3, 30, 8, 0)
    assert result.utcoffset() == dt.timedelta(hours=2)
    # 08:00 CEST is 06:00 UTC; the Friday before, 08:00 CET was 07:00 UTC.
    assert allowed(dt.datetime(2026, 3, 30, 6, 0, tzinfo=UTC))
    assert not allowed(dt.datetime(2026, 3, 30, 5, 59, tzinfo=UTC))
    assert allowed(dt.datetime(2026, 3, 27, 7, 0, tzinfo=UTC))
    assert not allowed(dt.datetime(2026, 3, 27, 6, 59, tzinfo=UTC))
    # Saturday 28 March 15:00 CET is 14:00 UTC.
    assert allowed(dt.datetime(2026, 3, 28, 13, 59, tzinfo=UTC))
    assert not allowed(dt.datetime(2026, 3, 28, 14, 0, tzinfo=UTC))


def test_fall_back_2026_10_25() -> None:
    # Sunday 25 October 2026: clocks go from 03:00 CEST back to 02:00 CET.
    result = next_contact_window(dt.datetime(2026, 10, 24, 13, 0, tzinfo=UTC))  # Sat 15:00 CEST
    assert result == at(2026, 10, 26, 8, 0)
    assert result.tzinfo == UTC
    assert result == dt.datetime(2026, 10, 26, 7, 0, tzinfo=UTC)
    assert allowed(dt.datetime(2026, 10, 26, 7, 0, tzinfo=UTC))
    assert not allowed(dt.datetime(2026, 10, 26, 6, 59, tzinfo=UTC))
    assert allowed(dt.datetime(2026, 10, 24, 6, 0, tzinfo=UTC))  # Sat 08:00 CEST
    assert not allowed(dt.datetime(2026, 10, 24, 5, 59, tzinfo=UTC))


def _night_policy(*windows: str) -> ContactPolicy:
    rule = ChannelRule.from_record({"sunday": list(windows), "closed_on_holidays": False})
    return ContactPolicy(jurisdiction="NO", name="night test", channels={"phone": rule})


def test_window_starting_in_the_spring_gap_opens_when_the_clock_reaches_it() -> None:
    policy = _night_policy("02:30-04:00")  # 02:00-02:59 does not exist on 2026-03-29
    result = next_contact_window(dt.datetime(2026, 3, 28, 22, 0, tzinfo=UTC), policy=policy)
    assert result == dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 03:00 CEST
    assert result.tzinfo == UTC
    assert result.astimezone(OSLO).hour == 3
    assert allowed(result, policy=policy)
    assert not allowed(result - dt.timedelta(microseconds=1), policy=policy)  # 01:59:59 CET


def test_window_inside_the_repeated_hour_opens_twice() -> None:
    policy = _night_policy("02:30-02:45")  # 02:00-02:59 happens twice on 2026-10-25
    # Aware datetimes in the repeated hour compare unequal across zones (PEP 495): use UTC.
    first = next_contact_window(at(2026, 10, 25, 0, 0), policy=policy).astimezone(UTC)
    assert first == dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    second = next_contact_window(dt.datetime(2026, 10, 25, 0, 45, tzinfo=UTC), policy=policy)
    assert second == dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET
    assert allowed(second, policy=policy)
    assert not allowed(dt.datetime(2026, 10, 25, 1, 29, tzinfo=UTC), policy=policy)
    assert not allowed(dt.datetime(2026, 10, 25, 0, 45, tzinfo=UTC), policy=policy)


def test_letters_any_time_on_the_dst_nights() -> None:
    for moment in (
        dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    ):
        assert allowed(moment, channel="letter")
        assert next_contact_window(moment, channel="letter") == moment


# -- frequency caps: 1 a day, 5 a week, 15 a month ----------------------------------------------


def test_second_call_the_same_day_is_refused() -> None:
    history = [at(2026, 11, 23, 9, 0)]
    decision = contact_allowed(at(2026, 11, 23, 15, 0), history=history)
    assert not decision.allowed
    assert decision.reasons == (
        "1 earlier phone contact(s) on 2026-11-23 reach the cap of 1 a day",
    )
    assert allowed(at(2026, 11, 24, 9, 0), history=history)
    assert next_contact_window(at(2026, 11, 23, 15, 0), history=history) == at(2026, 11, 24, 8, 0)


def test_day_cap_counts_in_oslo_time() -> None:
    # 23:30 UTC on Monday 23 November is 00:30 on Tuesday 24 November in Oslo.
    history = [dt.datetime(2026, 11, 23, 23, 30, tzinfo=UTC)]
    assert allowed(at(2026, 11, 23, 15, 0), history=history)
    assert not allowed(at(2026, 11, 24, 15, 0), history=history)


def test_sixth_call_in_a_week_is_refused() -> None:
    history = [at(2026, 11, d, 10, 0) for d in (23, 24, 25, 26, 27)]  # Monday to Friday
    decision = contact_allowed(at(2026, 11, 28, 10, 0), history=history)  # Saturday
    assert decision.reasons == (
        "5 earlier phone contact(s) in the week (Monday-Sunday) reach the cap of 5 a week",
    )
    # Sunday is closed; the next week starts on Monday 30 November.
    assert next_contact_window(at(2026, 11, 27, 12, 0), history=history) == at(2026, 11, 30, 8, 0)
    assert allowed(at(2026, 11, 30, 8, 0), history=history)


def test_week_is_monday_to_sunday() -> None:
    # Four calls in the week of 16-22 November (ending Sunday) do not count in the next week.
    history = [at(2026, 11, d, 10, 0) for d in (16, 17, 18, 19, 20)]
    assert allowed(at(2026, 11, 23, 10, 0), history=history)
    assert not allowed(at(2026, 11, 21, 10, 0), history=history)


def test_sixteenth_call_in_a_month_is_refused() -> None:
    # 15 calls on the weekdays 2-20 November 2026, at most 5 a week.
    days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20]
    history = [at(2026, 11, d, 10, 0) for d in days]
    decision = contact_allowed(at(2026, 11, 23, 10, 0), history=history)
    assert decision.reasons == (
        "15 earlier phone contact(s) in 2026-11 reach the cap of 15 a month",
    )
    assert not allowed(at(2026, 11, 30, 10, 0), history=history)
    # The budget returns on 1 December (a Tuesday).
    assert next_contact_window(at(2026, 11, 23, 10, 0), history=history) == at(2026, 12, 1, 8, 0)


def test_fourteen_calls_leave_one_for_the_month() -> None:
    days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19]
    assert allowed(at(2026, 11, 23, 10, 0), history=[at(2026, 11, d, 10, 0) for d in days])


def test_caps_do_not_apply_to_sms_under_the_default_policy() -> None:
    history = [at(2026, 11, 23, 9, 0)] * 3
    assert allowed(at(2026, 11, 23, 10, 0), channel="sms", history=history)


# -- regimes by date ----------------------------------------------------------------------------


def test_no_rule_before_rundskriv_5_2022() -> None:
    with pytest.raises(NotInForce, match=r"no\.contact\.phone_hours has no value on 2022-12-14"):
        contact_allowed(at(2022, 12, 14, 10, 0))
    assert allowed(at(2022, 12, 15, 10, 0))  # Thursday 15 December 2022


def test_inkassolov_2026_is_not_applied_by_itself() -> None:
    saturday = at(2027, 1, 2, 8, 30)
    assert allowed(saturday)
    book = with_inkassolov_2026(in_force_from=dt.date(2027, 1, 1))
    decision = contact_allowed(saturday, law=book)
    assert decision.reasons == ("08:30 is outside the hours 09:00-15:00 on Saturdays",)
    assert "LOV-2026-05-22-19" in decision.explain()
    assert allowed(at(2027, 1, 2, 9, 0), law=book)
    # The day before the in-force date the rundskriv still applies.
    assert allowed(at(2026, 12, 19, 8, 30), law=book)
    entry = book.record("no.contact.phone_hours", dt.date(2026, 12, 31))
    assert entry.valid_from == dt.date(2022, 12, 15)
    assert book.record("no.contact.phone_hours", dt.date(2027, 1, 1)).valid_from == dt.date(
        2027, 1, 1
    )


def test_next_window_crosses_into_the_new_regime() -> None:
    book = with_inkassolov_2026(in_force_from=dt.date(2027, 1, 1))
    # 31 Dec 2026 21:00 -> 1 Jan 2027 holiday -> Saturday 2 Jan at 09:00 under § 15.
    assert next_contact_window(at(2026, 12, 31, 21, 0), law=book) == at(2027, 1, 2, 9, 0)
    assert next_contact_window(at(2026, 12, 31, 21, 0)) == at(2027, 1, 2, 8, 0)


def test_inkassolov_2026_caps_are_kept() -> None:
    book = with_inkassolov_2026(in_force_from=dt.date(2027, 1, 1))
    policy = contact_policy(on=dt.date(2027, 1, 4), law=book)
    phone = policy.rule("phone")
    assert (phone.per_day, phone.per_week, phone.per_month) == (1, 5, 15)


def test_inkassolov_2026_needs_a_date_after_the_act() -> None:
    with pytest.raises(NotInForce):
        with_inkassolov_2026(in_force_from=dt.date(2026, 5, 21))
    with pytest.raises(InvalidInput):
        with_inkassolov_2026(in_force_from=dt.datetime(2027, 1, 1, tzinfo=UTC))


def test_data_tables_day_before_and_day_of_each_change() -> None:
    law = builtin()
    for name, first in [
        ("no.contact.phone_hours", dt.date(2022, 12, 15)),
        ("no.contact.phone_caps", dt.date(2022, 12, 15)),
        ("no.contact.default_policy", dt.date(2022, 12, 15)),
        ("no.contact.phone_hours_inkassolov_2026", dt.date(2026, 5, 22)),
    ]:
        with pytest.raises(NotInForce):
            law.record(name, first - dt.timedelta(days=1))
        entry = law.record(name, first)
        assert entry.valid_from == first
        assert entry.citation.confidence == "medium"
    assert dict(law.record("no.contact.phone_caps", dt.date(2022, 12, 15)).value) == {
        "per_day": 1,
        "per_week": 5,
        "per_month": 15,
    }
    saturday = law.record("no.contact.phone_hours", dt.date(2022, 12, 15)).value["saturday"]
    assert saturday == ("08:00-15:00",)
    new = law.record("no.contact.phone_hours_inkassolov_2026", dt.date(2026, 5, 22)).value
    assert new["saturday"] == ("09:00-15:00",)


# -- channels: phone is law, the rest is the library's policy -------------------------------------


def test_phone_is_law_other_channels_are_policy() -> None:
    moment = at(2026, 11, 23, 10, 0)
    assert contact_allowed(moment).is_law
    for channel in ("sms", "email", "letter"):
        decision = contact_allowed(moment, channel=channel)
        assert decision.allowed
        assert not decision.is_law
        assert all("policy, not law" in c.rule for c in decision.basis)


def test_sms_and_email_follow_the_policy_saturday_hours() -> None:
    assert not allowed(at(2026, 11, 28, 8, 30), channel="sms")
    assert allowed(at(2026, 11, 28, 9, 0), channel="email")
    assert allowed(at(2026, 11, 28, 8, 30))  # phone: rundskriv Saturday from 08:00


def test_letters_any_day() -> None:
    assert allowed(at(2026, 12, 25, 3, 0), channel="letter")


def test_decision_explains_its_basis() -> None:
    decision = contact_allowed(at(2026, 11, 23, 21, 0))
    text = decision.explain()
    assert "not allowed: 21:00 is outside the hours 08:00-21:00 on Mondays" in text
    assert "rundskriv 5/2022" in text
    assert "; law)" in text
    assert decision.provisional
    assert {c.parameter for c in decision.basis} == {
        "no.contact.phone_hours",
        "no.contact.phone_caps",
    }


def test_caller_policy_replaces_the_law_data() -> None:
    rule = ChannelRule.from_record(
        {d: ["09:00-16:00"] for d in ("monday", "tuesday", "wednesday", "thursday", "friday")}
        | {"per_week": 2}
    )
    policy = ContactPolicy(jurisdiction="NO", name="creditor A", channels={"phone": rule})
    assert not allowed(at(2026, 11, 23, 8, 30), policy=policy)
    assert next_contact_window(at(2026, 11, 23, 8, 30), policy=policy) == at(2026, 11, 23, 9, 0)
    history = [at(2026, 11, 23, 9, 0), at(2026, 11, 24, 9, 0)]
    assert next_contact_window(at(2026, 11, 25, 8, 0), policy=policy, history=history) == at(
        2026, 11, 30, 9, 0
    )


# -- argument checks --------------------------------------------------------------------------


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(NaiveDatetime, match="at must be a timezone-aware datetime"):
        contact_allowed(dt.datetime(2026, 11, 23, 10, 0))
    with pytest.raises(NaiveDatetime, match="after must be"):
        next_contact_window(dt.datetime(2026, 11, 23, 10, 0))
    with pytest.raises(NaiveDatetime, match=r"history\[1\]"):
        contact_allowed(
            at(2026, 11, 23, 10, 0),
            history=[at(2026, 11, 20, 10, 0), dt.datetime(2026, 11, 21, 10, 0)],
        )


def test_bad_arguments() -> None:
    with pytest.raises(InvalidInput, match="channel 'fax' is not in the contact policy"):
        contact_allowed(at(2026, 11, 23, 10, 0), channel="fax")
    with pytest.raises(InvalidInput, match="history must be a sequence"):
        contact_allowed(at(2026, 11, 23, 10, 0), history=at(2026, 11, 20, 10, 0))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="is for SE, not NO"):
        contact_allowed(at(2026, 11, 23, 10, 0), policy=se_contact_policy(on=dt.date(2026, 1, 1)))
    with pytest.raises(InvalidInput, match=r"must be a datetime\.date"):
        contact_policy(on=dt.datetime(2026, 1, 1, tzinfo=UTC))


def test_policy_without_hours_has_no_window() -> None:
    policy = ContactPolicy(
        jurisdiction="NO", name="closed", channels={"phone": ChannelRule.from_record({})}
    )
    with pytest.raises(NoContactWindow, match="no phone contact is allowed within 400 days"):
        next_contact_window(at(2026, 11, 23, 10, 0), policy=policy)


def test_malformed_data_is_a_data_file_error() -> None:
    book = builtin().extend(
        "no.contact.phone_hours",
        [
            {
                "valid_from": dt.date(2027, 1, 1),
                "value": {"monday": ["8-21"]},
                "citation": "test",
                "url": "https://example.org/",
            }
        ],
    )
    with pytest.raises(DataFileError, match=r"no\.contact\.phone_hours"):
        contact_allowed(at(2027, 1, 4, 10, 0), law=book)
    assert allowed(at(2026, 12, 28, 10, 0), law=book)
