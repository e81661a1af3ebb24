"""Kontaktfönster (Swedish contact windows): the library's default policy, not law.

No Swedish statute, regulation or authority guidance giving contact hours or a contact frequency
was found: inkassolagen (1974:182) 4 § (god inkassosed) forbids improper pressure and unnecessary
inconvenience but sets no hours, and the numbers of FFFS 2025:2/3 and Svensk Inkasso's branschkod
were not found (see docs/contact.md). The library therefore ships a clearly labelled default
*policy* (``se.contact.default_policy``): phone, SMS and e-mail on weekdays 08:00-20:00, never on
weekends, allmänna helgdagar, midsommarafton, julafton or nyårsafton; at most 1 call a day, 5 a
week, 15 a month; letters at any time. Every decision says ``is_law=False``. Pass your own
:class:`~inkassorules.contact.ContactPolicy` as ``policy=`` to apply your creditor's rules.

Hours are read on the Europe/Stockholm clock; the closed days are those of the Swedish
business-day calendar (the ``holidays`` package's PUBLIC and DE_FACTO categories): the allmänna
helgdagar of lag (1989:253), called public holidays, and midsommarafton, julafton and
nyårsafton, which are not allmänna helgdagar but are not vardagar under lag (1930:173) 2 § and
skuldebrevslagen 5 §; the reasons word each as what it is
(:func:`inkassorules.se.calendar.closed_day_reason`).

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> stockholm = ZoneInfo("Europe/Stockholm")
>>> decision = contact_allowed(dt.datetime(2026, 6, 19, 10, 0, tzinfo=stockholm))
>>> decision.allowed, decision.is_law
(False, False)
>>> print(decision.reasons[0])
2026-06-19 is midsommarafton (Midsummer Eve): not a public holiday (allmän helgdag, lag
1989:253), but not a vardag either (lag 1930:173 2 §, skuldebrevslagen 5 §)
>>> next_contact_window(dt.datetime(2026, 6, 19, 10, 0, tzinfo=stockholm))
datetime.datetime(2026, 6, 22, 8, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/Stockholm'))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from inkassorules._checks import check_date, check_law
from inkassorules.contact import (
    ChannelRule,
    ContactDecision,
    ContactPolicy,
    evaluate,
    find_window,
)
from inkassorules.errors import DataFileError, InvalidInput
from inkassorules.law import Entry, LawBook, builtin

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["contact_allowed", "contact_policy", "next_contact_window"]

_DEFAULT: Final = "se.contact.default_policy"


def _build(entry: Entry[Any]) -> ContactPolicy:
    if not isinstance(entry.value, Mapping) or not entry.value:
        raise DataFileError(entry.parameter, "value", "expected a table of channel records")
    try:
        channels = {
            channel: ChannelRule.from_record(record, is_law=False, basis=(entry.citation,))
            for channel, record in entry.value.items()
        }
    except InvalidInput as error:
        raise DataFileError(entry.parameter, "value", str(error)) from None
    return ContactPolicy(
        jurisdiction="SE", name="library default policy for Sweden (not law)", channels=channels
    )


def contact_policy(*, on: dt.date, law: LawBook | None = None) -> ContactPolicy:
    """Kontaktpolicy (the library's default Swedish contact policy, not law) on *on*.

    >>> import datetime as dt
    >>> policy = contact_policy(on=dt.date(2026, 11, 23))
    >>> sorted(policy.channels)
    ['email', 'letter', 'phone', 'sms']
    >>> policy.rule("phone").is_law, policy.rule("phone").hours[5]
    (False, ())

    Raises:
        NotInForce: before 2000-01-01.
    """
    check_law(law)
    check_date(on, "on")
    return _build((law or builtin()).record(_DEFAULT, on))


_BUILTIN_POLICIES: dict[tuple[dt.date, str | None], ContactPolicy] = {}
_BUILTIN_SPAN: list[tuple[dt.date, dt.date | None, ContactPolicy]] = []


def _by_date(law: LawBook | None) -> Any:
    book = law or builtin()
    # The built-in book's entries are the same for the whole process: share their policies,
    # and the days on which the last one is in force (a search asks day by day).
    shared = book is builtin()
    cache = _BUILTIN_POLICIES if shared else {}
    span = _BUILTIN_SPAN if shared else []

    def policy_on(day: dt.date) -> ContactPolicy:
        if span:
            first, last, policy = span[0]
            if first <= day and (last is None or day <= last):
                return policy
        entry = book.record(_DEFAULT, day)
        # A look-up after the table's review is the same row with a provisional citation.
        key = (entry.valid_from, entry.citation.provisional)
        if key not in cache:
            cache[key] = _build(entry)
        # valid_until: the day before the next row (or the table's horizon), None: open-ended.
        # (a provisional row holds from after the review: from *day*, to be safe)
        first = entry.valid_from if entry.citation.provisional is None else day
        span[:] = [(first, entry.valid_until, cache[key])]
        return cache[key]

    return policy_on


def contact_allowed(
    at: dt.datetime,
    *,
    channel: str = "phone",
    history: Sequence[dt.datetime] = (),
    policy: ContactPolicy | None = None,
    law: LawBook | None = None,
) -> ContactDecision:
    """Kontaktfönster (Swedish contact window): may the debtor be contacted at *at*?

    Policy, not law (see the module doc). *at* is read on the Europe/Stockholm clock; *history*
    holds the earlier contact attempts on the same channel; every attempt in the same local
    day, Monday-Sunday week or calendar month counts against that period's cap.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> stockholm = ZoneInfo("Europe/Stockholm")
    >>> decision = contact_allowed(dt.datetime(2026, 11, 23, 19, 59, tzinfo=stockholm))
    >>> decision.allowed, decision.policy
    (True, 'library default policy for Sweden (not law)')

    Raises:
        NaiveDatetime: if *at* or an element of *history* has no time zone.
        InvalidInput: for a channel the policy does not have, or a Norwegian policy.
        NotInForce: outside the holiday calendar's years.
    """
    check_law(law)
    return evaluate(
        at,
        channel=channel,
        history=history,
        policy=_by_date(law) if policy is None else policy,
        jurisdiction="SE",
        law=law,
    )


def next_contact_window(
    after: dt.datetime,
    *,
    channel: str = "phone",
    history: Sequence[dt.datetime] = (),
    policy: ContactPolicy | None = None,
    law: LawBook | None = None,
) -> dt.datetime:
    """Nästa kontaktfönster (next Swedish contact window): the earliest allowed moment.

    The earliest moment at or after *after* at which :func:`contact_allowed` is True. The result
    is in the time zone of *after*.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> next_contact_window(dt.datetime(2026, 12, 23, 20, 0, tzinfo=ZoneInfo("Europe/Stockholm")))
    datetime.datetime(2026, 12, 28, 8, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/Stockholm'))

    Raises:
        NoContactWindow: if nothing is allowed within 400 days (a policy without hours).
        NaiveDatetime, InvalidInput, NotInForce: as :func:`contact_allowed`.
    """
    check_law(law)
    return find_window(
        after,
        channel=channel,
        history=history,
        policy=_by_date(law) if policy is None else policy,
        jurisdiction="SE",
        law=law,
    )
