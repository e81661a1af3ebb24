"""Telefonisk inkasso (Norwegian contact windows): when and how often a debtor may be contacted.

Law (telephone): inkassoloven (lov 13. mai 1988 nr. 26) § 8 (god inkassoskikk) as read by
Finanstilsynet rundskriv 5/2022 «Telefonisk inkassovirksomhet» (from 2022-12-15): calls on
weekdays 08:00-21:00 and Saturdays 08:00-15:00, never on Sundays or public holidays
(helligdager), at most 1 call a day, 5 a week and 15 a month per debtor
(``no.contact.phone_hours``, ``no.contact.phone_caps``; medium confidence: a secondary summary,
the PDF was not seen).

The new inkassolov (LOV-2026-05-22-19) § 15 (Saturday from 09:00) is adopted but has no in-force
date. Its hours are shipped in ``no.contact.phone_hours_inkassolov_2026`` and applied only from a
date the caller gives to :func:`with_inkassolov_2026`; until then the rundskriv applies. From
2027-01-01, the signalled date (``no.contact.inkassolov_2026_signalled``), a phone rule still under
the rundskriv carries a citation saying the new act may be in force, so the result is provisional.

Policy, not law: SMS and e-mail follow the library's default policy (the § 15 hours, no caps) and
letters may be sent at any time (``no.contact.default_policy``). Pass your own
:class:`~inkassorules.contact.ContactPolicy` as ``policy=`` to apply your creditor's rules.

Hours are read on the Europe/Oslo clock. Public holidays are those the ``holidays`` package lists
for Norway in its PUBLIC category (24 and 31 December are not holidays); Sundays are closed by
the hours table.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> oslo = ZoneInfo("Europe/Oslo")
>>> contact_allowed(dt.datetime(2026, 11, 23, 20, 59, tzinfo=oslo)).allowed
True
>>> decision = contact_allowed(dt.datetime(2026, 11, 23, 21, 0, tzinfo=oslo))
>>> decision.reasons
('21:00 is outside the hours 08:00-21:00 on Mondays',)
>>> next_contact_window(dt.datetime(2026, 11, 23, 21, 0, tzinfo=oslo))
datetime.datetime(2026, 11, 24, 8, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/Oslo'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Final

from inkassorules._checks import check_date, check_law
from inkassorules.contact import (
    ChannelRule,
    ContactDecision,
    ContactPolicy,
    evaluate,
    find_window,
)
from inkassorules.errors import DataFileError, InvalidInput
from inkassorules.law import Citation, Entry, LawBook, UnknownParameter, builtin

__all__ = [
    "contact_allowed",
    "contact_policy",
    "next_contact_window",
    "with_inkassolov_2026",
]

_HOURS: Final = "no.contact.phone_hours"
_CAPS: Final = "no.contact.phone_caps"
_DEFAULT: Final = "no.contact.default_policy"
_INKASSOLOV_2026: Final = "no.contact.phone_hours_inkassolov_2026"
_SIGNALLED: Final = "no.contact.inkassolov_2026_signalled"
_PHONE: Final = "phone"


def _rule(
    entry: Entry[Any], record: Any, *, is_law: bool, basis: tuple[Citation, ...]
) -> ChannelRule:
    try:
        return ChannelRule.from_record(record, is_law=is_law, basis=basis)
    except InvalidInput as error:
        raise DataFileError(entry.parameter, "value", str(error)) from None


def _entries(on: dt.date, law: LawBook) -> tuple[Entry[Any], ...]:
    hours = law.record(_HOURS, on)
    found = (hours, law.record(_CAPS, on), law.record(_DEFAULT, on))
    signal = _signal(on, law)
    # Once the caller has switched the new act's hours on, the warning is moot.
    if signal is None or hours.citation.rule == _adopted_rule(law):
        return found
    return (*found, signal)


def _signalled_from(law: LawBook) -> dt.date | None:
    """The first day the new act may be in force, or None if the book has no such marker."""
    try:
        return law.parameter(_SIGNALLED).first_valid_from
    except UnknownParameter:  # a caller's own book without the marker
        return None


def _signal(on: dt.date, law: LawBook) -> Entry[Any] | None:
    """The signalled in-force marker of the new act on *on*, or None (before it, or absent)."""
    starts = _signalled_from(law)
    if starts is None or on < starts:
        return None
    return law.record(_SIGNALLED, on)


def _adopted_rule(law: LawBook) -> str | None:
    try:
        parameter = law.parameter(_INKASSOLOV_2026)
    except UnknownParameter:
        return None
    return law.record(_INKASSOLOV_2026, parameter.first_valid_from).citation.rule


def _build(entries: tuple[Entry[Any], ...]) -> ContactPolicy:
    hours, caps, default, *signal = entries
    if not isinstance(caps.value, Mapping) or set(caps.value) - {
        "per_day",
        "per_week",
        "per_month",
    }:
        raise DataFileError(caps.parameter, "value", "expected per_day, per_week and per_month")
    if not isinstance(default.value, Mapping) or _PHONE in default.value:
        raise DataFileError(
            default.parameter, "value", "expected channel records other than phone"
        )
    channels = {
        _PHONE: _rule(
            hours,
            {**hours.value, **caps.value},
            is_law=True,
            basis=(hours.citation, caps.citation, *(e.citation for e in signal)),
        )
    }
    for channel, record in default.value.items():
        channels[channel] = _rule(default, record, is_law=False, basis=(default.citation,))
    return ContactPolicy(
        jurisdiction="NO",
        name=f"phone: {hours.citation.rule}; other channels: library default policy (not law)",
        channels=channels,
    )


def contact_policy(*, on: dt.date, law: LawBook | None = None) -> ContactPolicy:
    """Kontaktregler (Norwegian contact rules) in force on *on*, as a ContactPolicy.

    Phone: the rundskriv 5/2022 hours and caps (law); SMS, e-mail and letter: the library's
    default policy (not law).

    >>> import datetime as dt
    >>> policy = contact_policy(on=dt.date(2026, 11, 23))
    >>> sorted(policy.channels)
    ['email', 'letter', 'phone', 'sms']
    >>> rule = policy.rule("phone")
    >>> str(rule.hours[5][0]), rule.per_day, rule.per_week, rule.per_month, rule.is_law
    ('08:00-15:00', 1, 5, 15, True)

    Raises:
        NotInForce: before 2022-12-15 (no complete rule before rundskriv 5/2022).
    """
    check_law(law)
    check_date(on, "on")
    return _build(_entries(on, law or builtin()))


_BUILTIN_POLICIES: dict[tuple[tuple[dt.date, str | None], ...], ContactPolicy] = {}
_BUILTIN_SPAN: list[tuple[dt.date, dt.date | None, ContactPolicy]] = []


def _by_date(law: LawBook | None) -> Any:
    book = law or builtin()
    # The built-in book's entries are the same for the whole process: share their policies,
    # and the span of days on which the three entries of the last one are all in force (a
    # search asks day by day, and the regime changes rarely).
    shared = book is builtin()
    cache = _BUILTIN_POLICIES if shared else {}
    span = _BUILTIN_SPAN if shared else []

    def policy_on(day: dt.date) -> ContactPolicy:
        if span:
            first, last, policy = span[0]
            if first <= day and (last is None or day <= last):
                return policy
        entries = _entries(day, book)
        # A look-up after a table's review is the same row with a provisional citation.
        key = tuple((e.valid_from, e.citation.provisional) for e in entries)
        if key not in cache:
            cache[key] = _build(entries)
        # valid_until: the day before the next row (or the table's horizon), None: open-ended.
        ends = [e.valid_until for e in entries if e.valid_until is not None]
        starts = _signalled_from(book)  # the policy changes when the signalled date begins
        if starts is not None and day < starts:
            ends.append(starts - dt.timedelta(days=1))
        # (a provisional row holds from after the review: from *day*, to be safe)
        late = any(e.citation.provisional is not None for e in entries)
        first = day if late else max(e.valid_from for e in entries)
        span[:] = [(first, min(ends, default=None), cache[key])]
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
    """Telefonisk inkasso (Norwegian contact window): may the debtor be contacted at *at*?

    *at* is read on the Europe/Oslo clock; the regime is the one in force on that local date.
    *history* holds the earlier contact attempts on the same channel to the same debtor (from
    the same agency); every attempt in the same local day, Monday-Sunday week or calendar month
    counts against that period's cap, whether before or after *at*.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> oslo = ZoneInfo("Europe/Oslo")
    >>> decision = contact_allowed(
    ...     dt.datetime(2026, 11, 28, 15, 0, tzinfo=oslo),
    ...     history=[dt.datetime(2026, 11, 28, 9, 0, tzinfo=oslo)],
    ... )
    >>> for reason in decision.reasons:
    ...     print(reason)
    15:00 is outside the hours 08:00-15:00 on Saturdays
    1 earlier phone contact(s) on 2026-11-28 reach the cap of 1 a day

    Raises:
        NaiveDatetime: if *at* or an element of *history* has no time zone.
        InvalidInput: for a channel the policy does not have, or a Swedish policy.
        NotInForce: before 2022-12-15, or outside the holiday calendar's years.
    """
    check_law(law)
    return evaluate(
        at,
        channel=channel,
        history=history,
        policy=_by_date(law) if policy is None else policy,
        jurisdiction="NO",
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
    """Neste lovlige tidspunkt (next Norwegian contact window): the earliest allowed moment.

    The earliest moment at or after *after* at which :func:`contact_allowed` is True, skipping
    closed hours, Sundays, public holidays and days, weeks or months whose caps *history* has
    used up. The result is in the time zone of *after*.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> oslo = ZoneInfo("Europe/Oslo")
    >>> next_contact_window(dt.datetime(2026, 5, 16, 15, 0, tzinfo=oslo))  # Sat; 17 May is Sunday
    datetime.datetime(2026, 5, 18, 8, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/Oslo'))

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
        jurisdiction="NO",
        law=law,
    )


def _unfreeze(value: object) -> object:
    if isinstance(value, Mapping):
        return {k: _unfreeze(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_unfreeze(v) for v in value]
    return value


def with_inkassolov_2026(*, in_force_from: dt.date, law: LawBook | None = None) -> LawBook:
    """Ikrafttredelse (entry into force) of inkassoloven 2026 § 15 for contact hours.

    Inkassoloven (LOV-2026-05-22-19) enters into force when the King decides; no date was set
    when this data was compiled. Once it is, pass the date here: the returned book's
    ``no.contact.phone_hours`` takes the § 15 hours (Saturday 09:00-15:00) from *in_force_from*.
    The rundskriv 5/2022 frequency caps are kept (the library's decision: the stricter reading,
    until Finanstilsynet says otherwise).

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> book = with_inkassolov_2026(in_force_from=dt.date(2027, 1, 1))
    >>> saturday = dt.datetime(2027, 1, 2, 8, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    >>> contact_allowed(saturday, law=book).allowed, contact_allowed(saturday).allowed
    (False, True)

    Raises:
        NotInForce: if *in_force_from* is before the act's date (2026-05-22).
        DataFileError: if *in_force_from* is not after the book's last phone-hours entry.
    """
    check_law(law)
    check_date(in_force_from, "in_force_from")
    book = law or builtin()
    adopted = book.record(_INKASSOLOV_2026, in_force_from)
    return book.extend(
        _HOURS,
        [
            {
                "valid_from": in_force_from,
                "value": _unfreeze(adopted.value),
                "citation": adopted.citation.rule,
                "url": adopted.citation.url,
                "confidence": adopted.citation.confidence,
                "note": f"in force from {in_force_from.isoformat()} as given by the caller "
                "(Kongen bestemmer)",
            }
        ],
    )
