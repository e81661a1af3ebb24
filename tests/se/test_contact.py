"""Swedish contact windows: the library's default policy (not law) and caller policies."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from inkassorules import NaiveDatetime, NotInForce, builtin
from inkassorules.contact import ChannelRule, ContactPolicy
from inkassorules.errors import InvalidInput
from inkassorules.no.contact import contact_policy as no_contact_policy
from inkassorules.se.contact import contact_allowed, contact_policy, next_contact_window

STOCKHOLM = ZoneInfo("Europe/Stockholm")
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
    return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=STOCKHOLM)


def allowed(moment: dt.datetime, **kwargs: object) -> bool:
    return contact_allowed(moment, **kwargs).allowed  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 11, 23, 7, 59), False),  # Monday
        (at(2026, 11, 23, 8, 0), True),
        (at(2026, 11, 23, 19, 59), True),
        (at(2026, 11, 23, 20, 0), False),
        (at(2026, 11, 23, 20, 59), False),
        (at(2026, 11, 23, 21, 0), False),
        (at(2026, 11, 28, 10, 0), False),  # Saturday: closed under the default policy
        (at(2026, 11, 28, 14, 59), False),
        (at(2026, 11, 29, 12, 0), False),  # Sunday
    ],
)
def test_default_policy_hours(moment: dt.datetime, expected: bool) -> None:
    assert allowed(moment) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 4, 2), True),  # skärtorsdag is a working day
        (dt.date(2026, 4, 3), False),  # långfredagen
        (dt.date(2026, 4, 6), False),  # annandag påsk
        (dt.date(2026, 4, 7), True),
        (dt.date(2026, 5, 1), False),  # första maj
        (dt.date(2027, 5, 17), True),  # 17 May is not a Swedish holiday
        (dt.date(2026, 6, 19), False),  # midsommarafton (de facto)
        (dt.date(2025, 6, 6), False),  # nationaldagen, a Friday in 2025
        (dt.date(2026, 12, 23), True),
        (dt.date(2026, 12, 24), False),  # julafton (de facto)
        (dt.date(2026, 12, 25), False),  # juldagen
        (dt.date(2026, 12, 31), False),  # nyårsafton (de facto)
    ],
)
def test_holidays_are_closed(day: dt.date, expected: bool) -> None:
    assert allowed(dt.datetime.combine(day, dt.time(10), tzinfo=STOCKHOLM)) is expected


def test_next_window_over_easter_and_christmas() -> None:
    assert next_contact_window(at(2026, 4, 2, 20, 0)) == at(2026, 4, 7, 8, 0)
    assert next_contact_window(at(2026, 12, 23, 20, 0)) == at(2026, 12, 28, 8, 0)
    assert next_contact_window(at(2026, 12, 30, 20, 0)) == at(2027, 1, 4, 8, 0)


def test_dst_change_nights_2026() -> None:
    # 29 March and 25 October 2026 are Sundays; Monday 08:00 is 06:00 UTC (CEST) / 07:00 UTC (CET).
    spring = next_contact_window(dt.datetime(2026, 3, 27, 19, 0, tzinfo=UTC))  # Fri 20:00 CET
    assert spring == dt.datetime(2026, 3, 30, 6, 0, tzinfo=UTC)
    autumn = next_contact_window(dt.datetime(2026, 10, 23, 18, 0, tzinfo=UTC))  # Fri 20:00 CEST
    assert autumn == dt.datetime(2026, 10, 26, 7, 0, tzinfo=UTC)
    assert not allowed(dt.datetime(2026, 10, 26, 6, 59, tzinfo=UTC))
    assert allowed(dt.datetime(2026, 10, 26, 7, 0, tzinfo=UTC))
    assert allowed(dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC), channel="letter")


def test_caps_of_the_default_policy() -> None:
    history = [at(2026, 11, 23, 9, 0)]
    assert not allowed(at(2026, 11, 23, 15, 0), history=history)
    assert next_contact_window(at(2026, 11, 23, 15, 0), history=history) == at(2026, 11, 24, 8, 0)
    week = [at(2026, 11, d, 9, 0) for d in (23, 24, 25, 26, 27)]
    # Week full on Friday afternoon; Saturday and Sunday closed; next Monday 08:00.
    assert next_contact_window(at(2026, 11, 27, 15, 0), history=week) == at(2026, 11, 30, 8, 0)
    days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20]
    month = [at(2026, 11, d, 9, 0) for d in days]
    assert not allowed(at(2026, 11, 23, 9, 0), history=month)
    assert next_contact_window(at(2026, 11, 23, 9, 0), history=month) == at(2026, 12, 1, 8, 0)


def test_everything_is_labelled_policy_not_law() -> None:
    policy = contact_policy(on=dt.date(2026, 11, 23))
    assert "not law" in policy.name
    for channel in ("phone", "sms", "email", "letter"):
        decision = contact_allowed(at(2026, 11, 23, 10, 0), channel=channel)
        assert decision.allowed
        assert not decision.is_law
        assert decision.basis
        assert all("policy, not law" in c.rule for c in decision.basis)
        assert "policy, not law" in decision.explain()
    entry = builtin().record("se.contact.default_policy", dt.date(2026, 1, 1))
    assert "policy, not law" in builtin().parameter("se.contact.default_policy").title
    assert "Policy, not law" in (entry.citation.note or "")


def test_default_policy_table_day_before_and_day_of_its_start() -> None:
    with pytest.raises(NotInForce):
        builtin().record("se.contact.default_policy", dt.date(1999, 12, 31))
    assert builtin().record(
        "se.contact.default_policy", dt.date(2000, 1, 1)
    ).valid_from == dt.date(2000, 1, 1)


def test_caller_policy_allows_saturdays() -> None:
    weekday = ["09:00-17:00"]
    rule = ChannelRule.from_record(
        {
            "monday": weekday,
            "tuesday": weekday,
            "wednesday": weekday,
            "thursday": weekday,
            "friday": weekday,
            "saturday": ["10:00-14:00"],
            "per_day": 2,
        }
    )
    policy = ContactPolicy(jurisdiction="SE", name="borgenär B", channels={"phone": rule})
    assert allowed(at(2026, 11, 28, 10, 0), policy=policy)
    assert not allowed(at(2026, 11, 28, 14, 0), policy=policy)
    history = [at(2026, 11, 28, 10, 0)]
    assert allowed(at(2026, 11, 28, 11, 0), policy=policy, history=history)
    assert not allowed(at(2026, 11, 28, 11, 0), policy=policy, history=history * 2)
    assert next_contact_window(at(2026, 11, 28, 14, 0), policy=policy) == at(2026, 11, 30, 9, 0)
    # Holidays stay closed (closed_on_holidays defaults to True): långfredagen 2026.
    assert not allowed(at(2026, 4, 3, 10, 0), policy=policy)


def test_argument_checks() -> None:
    with pytest.raises(NaiveDatetime):
        contact_allowed(dt.datetime(2026, 11, 23, 10, 0))
    with pytest.raises(InvalidInput, match="is for NO, not SE"):
        contact_allowed(at(2026, 11, 23, 10, 0), policy=no_contact_policy(on=dt.date(2026, 1, 1)))
    with pytest.raises(InvalidInput, match="channel 'visit'"):
        next_contact_window(at(2026, 11, 23, 10, 0), channel="visit")


# -- issue 14 item 15: midsommarafton, julafton, nyårsafton are no allmänna helgdagar ----------
# Lag (1989:253) lists the allmänna helgdagar; the three eves are not among them. They are not
# vardagar only under lag (1930:173) 2 § and skuldebrevslagen 5 § (shared/domain/sweden.md § 6).


@pytest.mark.parametrize(
    ("eve", "name"),
    [
        (dt.date(2026, 6, 19), "midsommarafton (Midsummer Eve)"),
        (dt.date(2026, 12, 24), "julafton (Christmas Eve)"),
        (dt.date(2026, 12, 31), "nyårsafton (New Year's Eve)"),
    ],
)
def test_the_eves_are_closed_but_not_called_public_holidays(eve: dt.date, name: str) -> None:
    # The day before each eve (a Thursday / Wednesday) is an ordinary open weekday.
    before = eve - dt.timedelta(days=1)
    assert contact_allowed(dt.datetime.combine(before, dt.time(10), tzinfo=STOCKHOLM)).allowed
    decision = contact_allowed(dt.datetime.combine(eve, dt.time(10), tzinfo=STOCKHOLM))
    assert not decision.allowed
    (reason,) = decision.reasons
    assert reason.startswith(f"{eve.isoformat()} is {name}: not a public holiday")
    assert "lag 1930:173 2 §" in reason
    assert "skuldebrevslagen 5 §" in reason


def test_an_allman_helgdag_is_called_a_public_holiday() -> None:
    # Midsommardagen 2026-06-20 is a Saturday (closed by the hours anyway); juldagen 25 December
    # 2026 is a Friday: an allmän helgdag under lag 1989:253.
    decision = contact_allowed(at(2026, 12, 25, 10))
    assert decision.reasons == (
        "2026-12-25 is a public holiday (allmän helgdag, lag 1989:253: Christmas Day)",
    )
