"""Boundary tests written to kill mutants of inkassorules.no.contact and inkassorules.se.contact.

The country modules turn the law data into a ContactPolicy and remember the built-in book's
policy for the span of days its tables vouch for. These tests pin:

- the data (src/inkassorules/data/no/contact, data/se/contact): Norway, Finanstilsynet rundskriv
  5/2022 (inkassoloven 1988 § 8): phone weekdays 08:00-21:00, Saturday 08:00-15:00, at most 1 a
  day / 5 a week / 15 a month, law; SMS and e-mail the library's policy (§ 15 hours of the new
  inkassolov, not in force), letters any time. Sweden: the library's default policy, not law
  (inkassolagen 4 § sets no hours): weekdays 08:00-20:00, same caps, letters any time;
- the refusals of malformed data (DataFileError naming the table, the key and the problem);
- the argument checks (InvalidInput naming the argument);
- that law= is used for the policy and for the holiday calendar;
- the span of the remembered policy: every table here was reviewed on 2026-11-23 (until then an
  entry is vouched for; after it the citation is provisional), the Norwegian regime starts
  2022-12-15, the Swedish policy 2000-01-01, and the new Norwegian act is signalled from
  2027-01-01 (no.contact.inkassolov_2026_signalled).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from inkassorules.errors import DataFileError, InvalidInput, NotInForce
from inkassorules.law import LawBook, builtin, parse_parameter
from inkassorules.no import contact as no_contact
from inkassorules.se import contact as se_contact

OSLO = ZoneInfo("Europe/Oslo")
STOCKHOLM = ZoneInfo("Europe/Stockholm")
REVIEWED = "law as known on 2026-11-23; check for changes after that day"
SIGNAL = "no.contact.inkassolov_2026_signalled"
NOT_A_BOOK = r"^law must be an inkassorules\.LawBook or None, got "


@pytest.fixture(autouse=True)
def _fresh_policy_caches() -> Iterator[None]:
    # Both modules remember the built-in book's policy and its span of days; a policy built
    # before a test (or before a mutant was switched on) would hide what the test checks.
    for module in (no_contact, se_contact):
        module._BUILTIN_POLICIES.clear()
        module._BUILTIN_SPAN.clear()
    yield
    for module in (no_contact, se_contact):
        module._BUILTIN_POLICIES.clear()
        module._BUILTIN_SPAN.clear()


def oslo(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=OSLO)


def stockholm(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def _extended(name: str, value: object, since: dt.date = dt.date(2027, 1, 1)) -> LawBook:
    """The built-in book with one more entry of *name* from *since* (a caller's own data)."""
    entry = {
        "valid_from": since,
        "value": value,
        "citation": "test entry (a caller's own data)",
        "url": "https://example.org/test-entry",
    }
    return builtin().extend(name, [entry])


def _replaced(name: str, value: object, since: dt.date) -> LawBook:
    """The built-in book with the table *name* replaced by one entry from *since*."""
    base = builtin()
    table = {
        "name": name,
        "title": "a caller's own table (test book)",
        "unit": "record",
        "values": [
            {
                "valid_from": since,
                "value": value,
                "citation": "test book",
                "url": "https://example.org/test-book",
            }
        ],
    }
    parameter = parse_parameter(table, path="<test book>")
    return LawBook({**{n: base.parameter(n) for n in base.names}, name: parameter})


def _calendar_book(code: str, categories: list[str], since: dt.date) -> LawBook:
    value = {"non_business_weekdays": [5, 6], "holiday_categories": categories}
    return _replaced(f"{code}.business_days", value, since)


def _data_error(call: Any, *args: Any, **kwargs: Any) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        call(*args, **kwargs)
    return info.value


def _count_reads(monkeypatch: pytest.MonkeyPatch, table: str) -> list[dt.date]:
    """The days on which *table* is read from any LawBook from now on."""
    reads: list[dt.date] = []
    original = LawBook.record

    def record(self: LawBook, name: str, on: dt.date) -> Any:
        if name == table:
            reads.append(on)
        return original(self, name, on)

    monkeypatch.setattr(LawBook, "record", record)
    return reads


WEEKDAYS_8_21 = {
    d: ["08:00-21:00"] for d in ("monday", "tuesday", "wednesday", "thursday", "friday")
}
PHONE_HOURS = WEEKDAYS_8_21 | {"saturday": ["08:00-15:00"], "sunday": []}


class _Frame:
    """Stands in for a pandas DataFrame: its truth value is ambiguous (bool() raises)."""

    def __bool__(self) -> bool:
        msg = "The truth value of a DataFrame is ambiguous."
        raise ValueError(msg)

    def __repr__(self) -> str:
        return "<frame>"


# == Norway ===================================================================================

# -- the policy built from the data ---------------------------------------------------------


def test_no_phone_is_law_and_the_other_channels_are_policy() -> None:
    # Rundskriv 5/2022 (a supervisor's reading of inkassoloven § 8) is law for the phone; SMS,
    # e-mail and letters follow no.contact.default_policy, which is not law.
    policy = no_contact.contact_policy(on=dt.date(2026, 11, 23))
    phone = policy.rule("phone")
    assert phone.is_law is True
    assert (phone.per_day, phone.per_week, phone.per_month) == (1, 5, 15)
    assert [c.parameter for c in phone.basis] == [
        "no.contact.phone_hours",
        "no.contact.phone_caps",
    ]
    for channel in ("sms", "email", "letter"):
        rule = policy.rule(channel)
        assert rule.is_law is False
        assert [c.parameter for c in rule.basis] == ["no.contact.default_policy"]
    assert policy.name.startswith("phone: inkassoloven (lov 13. mai 1988 nr. 26) § 8")
    assert policy.name.endswith("; other channels: library default policy (not law)")


def test_no_decisions_say_law_for_phone_and_policy_for_sms() -> None:
    # The same through contact_allowed (the remembered built-in policy): Monday 10:00.
    assert no_contact.contact_allowed(oslo(2026, 11, 23)).is_law is True
    for channel in ("sms", "email", "letter"):
        assert no_contact.contact_allowed(oslo(2026, 11, 23), channel=channel).is_law is False


def test_no_contact_policy_argument_checks_name_the_argument() -> None:
    with pytest.raises(InvalidInput, match=r"^on must be a datetime\.date, got '2026-11-23'"):
        no_contact.contact_policy(on="2026-11-23")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=NOT_A_BOOK + "'NO'"):
        no_contact.contact_policy(on=dt.date(2026, 11, 23), law="NO")  # type: ignore[arg-type]


# -- malformed data: DataFileError naming the table, the key and the problem ------------------


def test_no_caps_with_an_unknown_cap_are_refused_from_their_first_day() -> None:
    book = _extended(
        "no.contact.phone_caps", {"per_day": 1, "per_week": 5, "per_month": 15, "per_hour": 1}
    )
    # The day before the new entry the rundskriv caps (1/5/15) still apply.
    assert no_contact.contact_policy(on=dt.date(2026, 12, 31), law=book).rule("phone").per_day == 1
    error = _data_error(no_contact.contact_policy, on=dt.date(2027, 1, 1), law=book)
    assert (error.path, error.key) == ("no.contact.phone_caps", "value")
    assert str(error) == (
        "error in legal data file 'no.contact.phone_caps' at 'value': "
        "expected per_day, per_week and per_month"
    )


def test_no_caps_that_are_not_a_table_are_refused() -> None:
    book = _extended("no.contact.phone_caps", [1, 5, 15])
    error = _data_error(no_contact.contact_allowed, oslo(2027, 1, 4), law=book)
    assert error.path == "no.contact.phone_caps"
    assert error.problem == "expected per_day, per_week and per_month"


def test_no_default_policy_may_not_hold_the_phone() -> None:
    # The phone rule is law (rundskriv 5/2022): the library's policy table may not replace it.
    letter = {"sunday": ["00:00-24:00"], "closed_on_holidays": False}
    book = _extended("no.contact.default_policy", {"phone": letter, "letter": letter})
    error = _data_error(no_contact.contact_policy, on=dt.date(2027, 1, 1), law=book)
    assert str(error) == (
        "error in legal data file 'no.contact.default_policy' at 'value': "
        "expected channel records other than phone"
    )
    assert (error.path, error.key) == ("no.contact.default_policy", "value")


def test_no_default_policy_that_is_not_a_table_is_refused() -> None:
    book = _extended("no.contact.default_policy", ["sms"])
    error = _data_error(no_contact.contact_policy, on=dt.date(2027, 1, 1), law=book)
    assert (error.path, error.problem) == (
        "no.contact.default_policy",
        "expected channel records other than phone",
    )


def test_no_malformed_phone_hours_name_the_table_and_the_window() -> None:
    book = _extended("no.contact.phone_hours", PHONE_HOURS | {"monday": ["8-21"]})
    error = _data_error(no_contact.contact_allowed, oslo(2027, 1, 4), law=book)
    assert str(error) == (
        "error in legal data file 'no.contact.phone_hours' at 'value': "
        "expected a window like '08:00-21:00', got '8-21'"
    )
    assert (error.path, error.key) == ("no.contact.phone_hours", "value")


def test_no_malformed_sms_record_names_the_default_policy_table() -> None:
    sms = {"monday": ["08-21"], "closed_on_holidays": True}
    book = _extended("no.contact.default_policy", {"sms": sms})
    error = _data_error(no_contact.contact_policy, on=dt.date(2027, 1, 1), law=book)
    assert (error.path, error.key) == ("no.contact.default_policy", "value")
    assert error.problem == "expected a window like '08:00-21:00', got '08-21'"


# -- with_inkassolov_2026 -----------------------------------------------------------------------


def test_no_inkassolov_2026_entry_says_who_gave_the_date() -> None:
    # The act enters into force when the King decides (Prop. 3 L (2025-2026)); the note on the
    # entry the caller switches on says so.
    book = no_contact.with_inkassolov_2026(in_force_from=dt.date(2027, 3, 1))
    entry = book.record("no.contact.phone_hours", dt.date(2027, 3, 1))
    assert (
        entry.citation.note == "in force from 2027-03-01 as given by the caller (Kongen bestemmer)"
    )
    assert entry.citation.rule.startswith("inkassoloven (LOV-2026-05-22-19) § 15 annet ledd")
    assert entry.value["saturday"] == ("09:00-15:00",)


def test_no_inkassolov_2026_argument_checks_name_the_argument() -> None:
    with pytest.raises(InvalidInput, match=r"^in_force_from must be a datetime\.date, got "):
        no_contact.with_inkassolov_2026(in_force_from=dt.datetime(2027, 1, 1, tzinfo=OSLO))
    with pytest.raises(InvalidInput, match=NOT_A_BOOK + "'NO'"):
        no_contact.with_inkassolov_2026(in_force_from=dt.date(2027, 1, 1), law="NO")  # type: ignore[arg-type]


# -- law=: the policy and the holiday calendar come from the caller's book -------------------


def test_no_holiday_calendar_comes_from_the_callers_book() -> None:
    # A book whose no.business_days starts 2027-01-01 does not cover Monday 2026-11-23 (an
    # open day under the built-in book).
    book = _calendar_book("no", ["public"], dt.date(2027, 1, 1))
    assert no_contact.contact_allowed(oslo(2026, 11, 23)).allowed
    with pytest.raises(NotInForce) as info:
        no_contact.contact_allowed(oslo(2026, 11, 23), law=book)
    assert info.value.parameter == "no.business_days"
    with pytest.raises(NotInForce) as info:
        no_contact.next_contact_window(oslo(2026, 11, 23), law=book)
    assert info.value.parameter == "no.business_days"


def test_no_a_frame_passed_as_law_is_refused_before_it_is_used() -> None:
    frame = _Frame()
    with pytest.raises(InvalidInput, match=NOT_A_BOOK + "<frame>"):
        no_contact.contact_allowed(oslo(2026, 11, 23), law=frame)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=NOT_A_BOOK + "<frame>"):
        no_contact.next_contact_window(oslo(2026, 11, 23), law=frame)  # type: ignore[arg-type]


def test_no_own_caps_with_the_same_start_are_not_mixed_with_the_built_in_ones() -> None:
    # A caller's own phone_caps from 2022-12-15 with 2 calls a day: a second call on Friday
    # 2026-11-20 is refused under the rundskriv (1 a day), allowed under the caller's book,
    # whichever is asked first.
    caps = {"per_day": 2, "per_week": 5, "per_month": 15}
    book = _replaced("no.contact.phone_caps", caps, dt.date(2022, 12, 15))
    history = [oslo(2026, 11, 20, 9)]
    assert not no_contact.contact_allowed(oslo(2026, 11, 20), history=history).allowed
    assert no_contact.contact_allowed(oslo(2026, 11, 20), history=history, law=book).allowed
    assert no_contact.next_contact_window(oslo(2026, 11, 20), history=history, law=book) == oslo(
        2026, 11, 20
    )
    # Rundskriv: Friday's one call is used; Saturday 2026-11-21 opens at 08:00.
    assert no_contact.next_contact_window(oslo(2026, 11, 20), history=history) == oslo(
        2026, 11, 21, 8
    )


def test_no_callers_book_leaves_the_built_in_memory_alone() -> None:
    book = no_contact.with_inkassolov_2026(in_force_from=dt.date(2027, 1, 1))
    assert not no_contact.contact_allowed(oslo(2027, 1, 2, 8, 30), law=book).allowed  # § 15: 09:00
    assert no_contact._BUILTIN_POLICIES == {}
    assert no_contact._BUILTIN_SPAN == []
    # The built-in book is remembered: one policy and its span.
    assert no_contact.contact_allowed(oslo(2027, 1, 2, 8, 30)).allowed  # rundskriv: 08:00
    assert len(no_contact._BUILTIN_POLICIES) == 1
    assert len(no_contact._BUILTIN_SPAN) == 1


# -- the remembered span of the built-in policy ------------------------------------------------


@pytest.mark.parametrize(
    ("day", "span"),
    [
        # The three tables start 2022-12-15 and are vouched for until the review, 2026-11-23.
        (dt.date(2026, 11, 20), (dt.date(2022, 12, 15), dt.date(2026, 11, 23))),
        (dt.date(2026, 11, 23), (dt.date(2022, 12, 15), dt.date(2026, 11, 23))),
        # After the review: provisional, from the day asked; until the day before the signal.
        (dt.date(2026, 11, 24), (dt.date(2026, 11, 24), dt.date(2026, 12, 31))),
        (dt.date(2026, 12, 30), (dt.date(2026, 12, 30), dt.date(2026, 12, 31))),
        (dt.date(2026, 12, 31), (dt.date(2026, 12, 31), dt.date(2026, 12, 31))),
        # From the signalled 2027-01-01: open-ended.
        (dt.date(2027, 1, 1), (dt.date(2027, 1, 1), None)),
        (dt.date(2027, 1, 4), (dt.date(2027, 1, 4), None)),
    ],
)
def test_no_span_of_the_remembered_policy(day: dt.date, span: tuple[Any, Any]) -> None:
    no_contact.contact_allowed(dt.datetime.combine(day, dt.time(10), tzinfo=OSLO))
    ((first, last, _policy),) = no_contact._BUILTIN_SPAN
    assert (first, last) == span


def test_no_span_is_reused_on_its_first_and_last_day(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = _count_reads(monkeypatch, "no.contact.phone_hours")
    no_contact.contact_allowed(oslo(2026, 11, 20))
    assert reads == [dt.date(2026, 11, 20)]
    no_contact.contact_allowed(oslo(2022, 12, 15))  # first day of the span (a Thursday)
    no_contact.contact_allowed(oslo(2026, 11, 23))  # last day: the review day
    assert reads == [dt.date(2026, 11, 20)]
    no_contact.contact_allowed(oslo(2026, 11, 24))  # the day after: read again
    assert reads == [dt.date(2026, 11, 20), dt.date(2026, 11, 24)]


def test_no_provisional_policy_is_not_reused_for_an_earlier_day() -> None:
    late = no_contact.contact_allowed(oslo(2026, 12, 30))
    assert late.basis[0].provisional == REVIEWED
    early = no_contact.contact_allowed(oslo(2026, 11, 20))
    assert early.basis[0].provisional is None
    again = no_contact.contact_allowed(oslo(2026, 12, 30))
    assert again.basis[0].provisional == REVIEWED


def test_no_policy_before_the_signal_is_not_reused_from_2027_01_01() -> None:
    # Wednesday 2026-12-30: no warning; Saturday 2027-01-02 08:30: allowed under the rundskriv,
    # but the new act may be in force: the signal is cited.
    before = no_contact.contact_allowed(oslo(2026, 12, 30))
    assert SIGNAL not in [c.parameter for c in before.basis]
    after = no_contact.contact_allowed(oslo(2027, 1, 2, 8, 30))
    assert after.allowed
    assert [c.parameter for c in after.basis] == [
        "no.contact.phone_hours",
        "no.contact.phone_caps",
        SIGNAL,
    ]


# == Sweden ===================================================================================


def test_se_every_channel_is_policy_citing_the_default_table() -> None:
    # se.contact.default_policy: the library's policy, not law (inkassolagen 4 § sets no hours).
    policy = se_contact.contact_policy(on=dt.date(2026, 11, 23))
    assert policy.name == "library default policy for Sweden (not law)"
    assert policy.jurisdiction == "SE"
    for channel in ("phone", "sms", "email", "letter"):
        rule = policy.rule(channel)
        assert rule.is_law is False
        assert [c.parameter for c in rule.basis] == ["se.contact.default_policy"]
    phone = policy.rule("phone")
    assert (phone.per_day, phone.per_week, phone.per_month) == (1, 5, 15)
    assert str(phone.hours[0][0]) == "08:00-20:00"


def test_se_decisions_are_policy_not_law() -> None:
    for channel in ("phone", "sms", "email", "letter"):
        decision = se_contact.contact_allowed(stockholm(2026, 11, 23), channel=channel)
        assert decision.allowed
        assert decision.is_law is False
        assert decision.policy == "library default policy for Sweden (not law)"
        assert [c.parameter for c in decision.basis] == ["se.contact.default_policy"]


def test_se_contact_policy_argument_checks_name_the_argument() -> None:
    with pytest.raises(InvalidInput, match=r"^on must be a datetime\.date, got '2026-11-23'"):
        se_contact.contact_policy(on="2026-11-23")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=NOT_A_BOOK + "'SE'"):
        se_contact.contact_policy(on=dt.date(2026, 11, 23), law="SE")  # type: ignore[arg-type]


def test_se_empty_policy_table_is_refused_from_its_first_day() -> None:
    book = _extended("se.contact.default_policy", {})
    assert se_contact.contact_policy(on=dt.date(2026, 12, 31), law=book).channels
    error = _data_error(se_contact.contact_policy, on=dt.date(2027, 1, 1), law=book)
    assert str(error) == (
        "error in legal data file 'se.contact.default_policy' at 'value': "
        "expected a table of channel records"
    )
    assert (error.path, error.key) == ("se.contact.default_policy", "value")


def test_se_policy_that_is_not_a_table_is_refused() -> None:
    book = _extended("se.contact.default_policy", ["phone"])
    error = _data_error(se_contact.contact_allowed, stockholm(2027, 1, 4), law=book)
    assert (error.path, error.problem) == (
        "se.contact.default_policy",
        "expected a table of channel records",
    )


def test_se_malformed_channel_record_names_the_table_and_the_window() -> None:
    book = _extended("se.contact.default_policy", {"phone": {"monday": ["8-20"]}})
    error = _data_error(se_contact.contact_allowed, stockholm(2027, 1, 4), law=book)
    assert str(error) == (
        "error in legal data file 'se.contact.default_policy' at 'value': "
        "expected a window like '08:00-21:00', got '8-20'"
    )
    assert (error.path, error.key) == ("se.contact.default_policy", "value")


def test_se_policy_comes_from_the_callers_book() -> None:
    # A caller's policy from 2027-01-01 that allows Saturdays 10:00-14:00; the default closes
    # Saturdays. Saturday 2027-01-09 10:00.
    phone = {"saturday": ["10:00-14:00"], "closed_on_holidays": True}
    book = _extended("se.contact.default_policy", {"phone": phone})
    saturday = stockholm(2027, 1, 9)
    assert se_contact.contact_allowed(saturday, law=book).allowed
    refused = se_contact.contact_allowed(saturday)
    assert refused.reasons == ("no phone contact on Saturdays",)
    assert se_contact.next_contact_window(stockholm(2027, 1, 8), law=book) == saturday
    assert se_contact.next_contact_window(stockholm(2027, 1, 9)) == stockholm(2027, 1, 11, 8)


def test_se_holiday_calendar_comes_from_the_callers_book() -> None:
    # A book with the allmänna helgdagar only (lag 1989:253): julafton, Thursday 2026-12-24,
    # is then a vardag; the built-in calendar closes it (lag 1930:173 2 §).
    book = _calendar_book("se", ["public"], dt.date(2000, 1, 1))
    julafton = stockholm(2026, 12, 24)
    assert se_contact.contact_allowed(julafton, law=book).allowed
    assert not se_contact.contact_allowed(julafton).allowed
    assert se_contact.next_contact_window(stockholm(2026, 12, 23, 20), law=book) == stockholm(
        2026, 12, 24, 8
    )
    assert se_contact.next_contact_window(stockholm(2026, 12, 23, 20)) == stockholm(
        2026, 12, 28, 8
    )


def test_se_a_frame_passed_as_law_is_refused_before_it_is_used() -> None:
    frame = _Frame()
    with pytest.raises(InvalidInput, match=NOT_A_BOOK + "<frame>"):
        se_contact.contact_allowed(stockholm(2026, 11, 23), law=frame)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=NOT_A_BOOK + "<frame>"):
        se_contact.next_contact_window(stockholm(2026, 11, 23), law=frame)  # type: ignore[arg-type]


def test_se_own_policy_with_the_same_start_is_not_mixed_with_the_default() -> None:
    # A caller's own table from 2000-01-01 with 2 calls a day: a second call on Friday
    # 2026-11-20 is refused under the default (1 a day), allowed under the caller's book.
    value = {"phone": {"friday": ["08:00-20:00"], "per_day": 2}}
    book = _replaced("se.contact.default_policy", value, dt.date(2000, 1, 1))
    history = [stockholm(2026, 11, 20, 9)]
    assert not se_contact.contact_allowed(stockholm(2026, 11, 20), history=history).allowed
    assert se_contact.contact_allowed(stockholm(2026, 11, 20), history=history, law=book).allowed
    assert not se_contact.contact_allowed(stockholm(2026, 11, 20), history=history).allowed


def test_se_callers_book_leaves_the_built_in_memory_alone() -> None:
    phone = {"saturday": ["10:00-14:00"]}
    book = _extended("se.contact.default_policy", {"phone": phone})
    assert se_contact.contact_allowed(stockholm(2027, 1, 9), law=book).allowed
    assert se_contact._BUILTIN_POLICIES == {}
    assert se_contact._BUILTIN_SPAN == []
    assert not se_contact.contact_allowed(stockholm(2027, 1, 9)).allowed
    assert len(se_contact._BUILTIN_POLICIES) == 1
    assert len(se_contact._BUILTIN_SPAN) == 1


@pytest.mark.parametrize(
    ("day", "span"),
    [
        # The default policy starts 2000-01-01 and is vouched for until the review, 2026-11-23.
        (dt.date(2026, 11, 20), (dt.date(2000, 1, 1), dt.date(2026, 11, 23))),
        (dt.date(2026, 11, 23), (dt.date(2000, 1, 1), dt.date(2026, 11, 23))),
        # After the review: provisional, from the day asked, open-ended.
        (dt.date(2026, 11, 24), (dt.date(2026, 11, 24), None)),
        (dt.date(2027, 1, 4), (dt.date(2027, 1, 4), None)),
    ],
)
def test_se_span_of_the_remembered_policy(day: dt.date, span: tuple[Any, Any]) -> None:
    se_contact.contact_allowed(dt.datetime.combine(day, dt.time(10), tzinfo=STOCKHOLM))
    ((first, last, _policy),) = se_contact._BUILTIN_SPAN
    assert (first, last) == span


def test_se_span_is_reused_on_its_first_and_last_day(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = _count_reads(monkeypatch, "se.contact.default_policy")
    se_contact.contact_allowed(stockholm(2026, 11, 20))
    assert reads == [dt.date(2026, 11, 20)]
    se_contact.contact_allowed(stockholm(2000, 1, 1))  # first day of the span
    se_contact.contact_allowed(stockholm(2026, 11, 23))  # last day: the review day
    assert reads == [dt.date(2026, 11, 20)]
    se_contact.contact_allowed(stockholm(2026, 11, 24))  # the day after: read again
    assert reads == [dt.date(2026, 11, 20), dt.date(2026, 11, 24)]


def test_se_provisional_policy_is_not_reused_for_an_earlier_day() -> None:
    late = se_contact.contact_allowed(stockholm(2026, 12, 30))
    assert late.basis[0].provisional == REVIEWED
    early = se_contact.contact_allowed(stockholm(2026, 11, 20))
    assert early.basis[0].provisional is None


def test_se_vouched_policy_is_not_reused_after_the_review() -> None:
    early = se_contact.contact_allowed(stockholm(2026, 11, 20))
    assert early.basis[0].provisional is None
    late = se_contact.contact_allowed(stockholm(2026, 12, 30))
    assert late.basis[0].provisional == REVIEWED
