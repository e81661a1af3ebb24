"""Kontaktvindu / kontaktfönster (contact windows): when a debtor may be contacted, and how often.

The jurisdiction-neutral engine behind :func:`inkassorules.no.contact.contact_allowed` and
:func:`inkassorules.se.contact.contact_allowed`. A :class:`ContactPolicy` holds, per channel
(``"phone"``, ``"sms"``, ``"email"``, ``"letter"``, or any name a caller chooses), a
:class:`ChannelRule`: the hours per weekday in local time, whether public holidays are closed,
and frequency caps per calendar day, calendar week (Monday to Sunday) and calendar month, all
in the country's local time (Europe/Oslo or Europe/Stockholm). Each rule says whether it is law
(Norwegian telephone collection) or policy (everything else), and carries its citations.

Times are local clock times: a window ``08:00-21:00`` allows 08:00 and 20:59:59 and refuses
21:00, on the local clock, across daylight-saving changes. Holidays are the country's public
holidays as :meth:`inkassorules.calendar.BusinessCalendar.holiday_name` names them (Norway:
helligdager, not 24 or 31 December; Sweden: allmänna helgdagar plus midsommarafton, julafton and
nyårsafton); Sundays are closed by the hours table, not by the holiday rule.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> rule = ChannelRule.from_record(
...     {"monday": ["09:00-12:00", "13:00-16:00"], "tuesday": ["09:00-16:00"], "per_day": 1}
... )
>>> policy = ContactPolicy(jurisdiction="SE", name="our policy", channels={"phone": rule})
>>> oslo = ZoneInfo("Europe/Oslo")
>>> decision = evaluate(dt.datetime(2026, 11, 23, 12, 30, tzinfo=oslo), policy=policy)
>>> decision.allowed, decision.reasons
(False, ('12:30 is outside the hours 09:00-12:00, 13:00-16:00 on Mondays',))
>>> find_window(dt.datetime(2026, 11, 23, 12, 30, tzinfo=oslo), policy=policy)
datetime.datetime(2026, 11, 23, 13, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/Oslo'))
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from calendar import monthrange
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, Literal, NamedTuple, cast, get_args, overload
from zoneinfo import ZoneInfo

import attrs

from inkassorules import _html, records
from inkassorules._checks import check_aware, check_law
from inkassorules.calendar import BusinessCalendar, calendar_for
from inkassorules.errors import InvalidInput, RuleRefused
from inkassorules.law import Citation, LawBook, any_provisional, builtin, explain

__all__ = [
    "WEEKDAYS",
    "ChannelRule",
    "ContactDecision",
    "ContactHistory",
    "ContactPolicy",
    "NoContactWindow",
    "PolicyByDate",
    "Window",
    "evaluate",
    "find_window",
    "time_zone",
]

Country = Literal["NO", "SE"]

WEEKDAYS: Final[tuple[str, ...]] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
"""The weekday keys of an hours record, Monday first (``date.weekday()`` order)."""

_ZONES: Final[Mapping[str, str]] = MappingProxyType(
    {"NO": "Europe/Oslo", "SE": "Europe/Stockholm"}
)
_CAPS: Final = ("per_day", "per_week", "per_month")
_RECORD_KEYS: Final = frozenset({*WEEKDAYS, "closed_on_holidays", *_CAPS})
_WINDOW: Final = re.compile(r"^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$")
_MIDNIGHT_END: Final = "24:00"
_SEARCH_DAYS: Final = 400  # more than a year: every weekly, monthly and yearly pattern repeats
_ONE_DAY: Final = dt.timedelta(days=1)
_TICK: Final = dt.timedelta(microseconds=1)

PolicyByDate = Callable[[dt.date], "ContactPolicy"]
"""A function giving the policy in force on a local date (regimes in the data change by date)."""


class NoContactWindow(RuleRefused):
    """No allowed moment exists within the search bound (a policy without hours, a cap of 0).

    Attributes:
        after: the moment the search started from.
        channel: the channel asked about.
    """

    def __init__(self, after: dt.datetime, channel: str, *, days: int, rule: str) -> None:
        self.after = after
        self.channel = channel
        super().__init__(
            f"no {channel} contact is allowed within {days} days after {after.isoformat()}; "
            "the policy has no hours, or its caps are 0, or every day is closed",
            rule=rule,
        )


def _is(value: object, kind: type | tuple[type, ...]) -> bool:
    """``isinstance`` for run-time checks of typed arguments (callers may not run mypy)."""
    return isinstance(value, kind)


_ZONE_INFO: Final[Mapping[str, ZoneInfo]] = MappingProxyType(
    {code: ZoneInfo(key) for code, key in _ZONES.items()}
)
"""The zones themselves (ZoneInfo(key) gives the same cached object each time)."""


def _local(at: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """*at* in *zone*; a moment at the very end of the datetime range has no local time."""
    try:
        return at.astimezone(zone)
    except OverflowError:
        raise InvalidInput(f"{at} has no local time in {zone.key}: too near the end") from None


def time_zone(jurisdiction: str) -> ZoneInfo:
    """The local time zone in which *jurisdiction*'s contact hours are read.

    >>> time_zone("NO")
    zoneinfo.ZoneInfo(key='Europe/Oslo')
    """
    code: object = jurisdiction  # callers without a type checker pass anything
    zone = _ZONE_INFO.get(code) if isinstance(code, str) else None
    if zone is None:
        raise InvalidInput(f"jurisdiction must be 'NO' or 'SE', got {jurisdiction!r}")
    return zone


def _parse_clock(text: str, *, end: bool) -> dt.time | None:
    if end and text == _MIDNIGHT_END:
        return None
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"expected a clock time HH:MM (00:00 to 24:00), got {text!r}") from None


@attrs.frozen
class Window:
    """One stretch of allowed local clock time in a day: ``start`` allowed, ``end`` not.

    Attributes:
        start: the first allowed clock time (naive ``datetime.time``).
        end: the first clock time no longer allowed; None means midnight at the end of the day.
    """

    start: dt.time
    end: dt.time | None

    def __attrs_post_init__(self) -> None:
        if not _is(self.start, dt.time) or self.start.tzinfo is not None:
            raise InvalidInput(f"window start must be a naive datetime.time, got {self.start!r}")
        if self.end is not None:
            if not _is(self.end, dt.time) or self.end.tzinfo is not None:
                raise InvalidInput(
                    f"window end must be a naive datetime.time or None, got {self.end!r}"
                )
            if self.end <= self.start:
                raise InvalidInput(f"window end {self.end} must come after its start {self}")

    @classmethod
    def parse(cls, text: str) -> Window:
        """A window from ``"HH:MM-HH:MM"`` (``"24:00"`` as end = midnight).

        >>> Window.parse("08:00-21:00")
        Window(start=datetime.time(8, 0), end=datetime.time(21, 0))
        """
        match = _WINDOW.match(text) if _is(text, str) else None
        if match is None:
            raise InvalidInput(f"expected a window like '08:00-21:00', got {text!r}")
        start = _parse_clock(match[1], end=False)
        if start is None:  # pragma: no cover - end=False never gives None
            raise InvalidInput(f"a window cannot start at 24:00: {text!r}")
        return cls(start, _parse_clock(match[2], end=True))

    def contains(self, clock: dt.time) -> bool:
        """True if the local clock time *clock* is inside the window."""
        given: object = clock  # callers without a type checker pass anything
        if not isinstance(given, dt.time):
            raise InvalidInput(f"contains needs a datetime.time (a local clock), got {clock!r}")
        return self.start <= clock and (self.end is None or clock < self.end)

    def __str__(self) -> str:
        end = _MIDNIGHT_END if self.end is None else f"{self.end:%H:%M}"
        return f"{self.start:%H:%M}-{end}"


def _check_cap(value: object, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(f"{name} must be a whole number >= 0 or None, got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class ChannelRule:
    """The contact rule for one channel: hours per weekday, holidays and frequency caps.

    Attributes:
        hours: seven tuples of :class:`Window` (Monday first); an empty tuple closes the day.
        closed_on_holidays: True if no contact is allowed on the country's public holidays.
        per_day: at most this many contacts in a local calendar day (None: no cap).
        per_week: at most this many in a calendar week, Monday to Sunday (None: no cap).
        per_month: at most this many in a calendar month (None: no cap).
        is_law: True if the rule is law (or a supervisor's reading of it), False for a policy.
        basis: the citations of the rule.
    """

    hours: tuple[tuple[Window, ...], ...]
    closed_on_holidays: bool = True
    per_day: int | None = None
    per_week: int | None = None
    per_month: int | None = None
    is_law: bool = False
    basis: tuple[Citation, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not _is(self.hours, tuple) or len(self.hours) != len(WEEKDAYS):
            raise InvalidInput(
                f"hours must be a tuple of 7 tuples (Monday first), got {self.hours!r}"
            )
        for name, day in zip(WEEKDAYS, self.hours, strict=True):
            if not _is(day, tuple) or not all(_is(w, Window) for w in day):
                raise InvalidInput(f"hours for {name} must be a tuple of Window, got {day!r}")
            for before, after in itertools.pairwise(day):
                if before.end is None or before.end > after.start:
                    raise InvalidInput(
                        f"windows for {name} must be in order and not overlap: {before}, {after}"
                    )
        if not _is(self.closed_on_holidays, bool) or not _is(self.is_law, bool):
            raise InvalidInput("closed_on_holidays and is_law must be True or False")
        for cap in _CAPS:
            _check_cap(getattr(self, cap), cap)

    @classmethod
    def from_record(
        cls,
        record: Mapping[str, object],
        *,
        is_law: bool = False,
        basis: Sequence[Citation] = (),
    ) -> ChannelRule:
        """A rule from the data-file shape: weekday keys with window lists, and caps.

        Keys: ``"monday"`` ... ``"sunday"`` (a list of ``"HH:MM-HH:MM"``; a missing weekday is
        closed), ``"closed_on_holidays"`` (default True), ``"per_day"``, ``"per_week"`` and
        ``"per_month"`` (default: no cap).

        >>> rule = ChannelRule.from_record({"saturday": ["10:00-14:00"], "per_week": 2})
        >>> rule.hours[5], rule.per_week
        ((Window(start=datetime.time(10, 0), end=datetime.time(14, 0)),), 2)

        Raises:
            InvalidInput: for an unknown key or a malformed window.
        """
        if not isinstance(record, Mapping):
            raise InvalidInput(f"a channel record must be a mapping, got {record!r}")
        extra = set(record) - _RECORD_KEYS
        if extra:
            raise InvalidInput(
                f"unknown keys {sorted(extra)} in a channel record; "
                f"allowed: {sorted(_RECORD_KEYS)}"
            )
        hours: list[tuple[Window, ...]] = []
        for name in WEEKDAYS:
            texts = record.get(name, ())
            if isinstance(texts, str) or not isinstance(texts, Sequence):
                raise InvalidInput(
                    f"{name} must be a list of windows 'HH:MM-HH:MM', got {texts!r}"
                )
            hours.append(tuple(sorted((Window.parse(t) for t in texts), key=lambda w: w.start)))
        closed = record.get("closed_on_holidays", True)
        if not isinstance(closed, bool):
            raise InvalidInput(f"closed_on_holidays must be true or false, got {closed!r}")
        caps = {cap: _check_cap(record.get(cap), cap) for cap in _CAPS}
        return cls(
            hours=tuple(hours),
            closed_on_holidays=closed,
            per_day=caps["per_day"],
            per_week=caps["per_week"],
            per_month=caps["per_month"],
            is_law=is_law,
            basis=tuple(basis),
        )

    @property
    def never_open(self) -> bool:
        """True if no contact can ever be allowed (no hours at all, or a cap of 0)."""
        no_hours = not any(self.hours)
        return no_hours or any(getattr(self, cap) == 0 for cap in _CAPS)


def _read_only_channels(channels: Mapping[str, ChannelRule]) -> Mapping[str, ChannelRule]:
    if not isinstance(channels, Mapping):
        raise InvalidInput(f"channels must be a mapping of name to ChannelRule, got {channels!r}")
    return MappingProxyType(dict(channels))


@attrs.frozen(kw_only=True)
class ContactPolicy:
    """Kontaktpolicy (contact policy): the channel rules a collector follows in one country.

    Build one from the law data with ``no.contact_policy(on=...)`` or ``se.contact_policy(on=...)``
    (Sweden: the library's labelled default policy, not law), or build your own and pass it as
    ``policy=`` to ``contact_allowed`` and ``next_contact_window``.

    Attributes:
        jurisdiction: ``"NO"`` or ``"SE"``: the time zone and the holiday calendar.
        name: a label shown in decisions ("Finanstilsynet rundskriv 5/2022", "our policy").
        channels: channel name -> :class:`ChannelRule`.
    """

    jurisdiction: Country
    name: str
    channels: Mapping[str, ChannelRule] = attrs.field(converter=_read_only_channels)

    def __attrs_post_init__(self) -> None:
        if self.jurisdiction not in get_args(Country):
            raise InvalidInput(f"jurisdiction must be 'NO' or 'SE', got {self.jurisdiction!r}")
        if not _is(self.name, str) or not self.name:
            raise InvalidInput("a contact policy needs a name")
        if not self.channels:
            raise InvalidInput("a contact policy needs at least one channel")
        for key, rule in self.channels.items():
            if not _is(key, str) or not key or not _is(rule, ChannelRule):
                raise InvalidInput(
                    f"channel {key!r} must map a name to a ChannelRule, got {rule!r}"
                )

    def rule(self, channel: str) -> ChannelRule:
        """The rule for *channel*.

        Raises:
            InvalidInput: if the policy has no such channel.
        """
        if not _is(channel, str) or channel not in self.channels:
            raise InvalidInput(
                f"channel {channel!r} is not in the contact policy {self.name!r}; "
                f"it has {sorted(self.channels)}"
            )
        return self.channels[channel]


@attrs.frozen(kw_only=True)
class ContactDecision:
    """Whether a contact is allowed at a moment, and why not.

    Attributes:
        allowed: True if the contact may be made.
        at: the moment asked about, in the country's local time.
        channel: the channel asked about.
        reasons: why not (at least one when ``allowed`` is False); empty when allowed.
        is_law: True if the rule applied is law, False if it is a policy.
        policy: the name of the policy applied.
        basis: the citations of the rule applied.
    """

    allowed: bool
    at: dt.datetime
    channel: str
    reasons: tuple[str, ...] = ()
    is_law: bool
    policy: str
    basis: tuple[Citation, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.allowed == bool(self.reasons):
            raise InvalidInput("a refused contact needs reasons, and an allowed one has none")
        check_aware(self.at, "at")

    @property
    def provisional(self) -> bool:
        """True if a value of medium confidence or one that may be out of date was used.

        See each citation (:func:`inkassorules.law.any_provisional`).
        """
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The decision, the reasons and the citations, as text."""
        kind = "law" if self.is_law else "policy, not law"
        verdict = "allowed" if self.allowed else "not allowed: " + "; ".join(self.reasons)
        head = f"{self.channel} contact at {self.at.isoformat()} {verdict} ({self.policy}; {kind})"
        return f"{head}\n{explain(self.basis)}" if self.basis else head

    def __repr__(self) -> str:
        return _html.contact_repr(self)

    def _repr_html_(self) -> str:
        return _html.contact_html(self)

    def to_records(self) -> list[dict[str, object]]:
        """One typed row (see :data:`inkassorules.records.COLUMNS`)."""
        return records.contact_records(self)


# -- the engine -------------------------------------------------------------------------------


def _resolver(policy: object, jurisdiction: Country) -> PolicyByDate:
    if isinstance(policy, ContactPolicy):
        if policy.jurisdiction != jurisdiction:
            raise InvalidInput(
                f"the policy {policy.name!r} is for {policy.jurisdiction}, not {jurisdiction}"
            )
        return lambda _day: policy
    if not callable(policy):
        raise InvalidInput(f"policy must be a ContactPolicy, got {policy!r}")

    checked: list[ContactPolicy] = []  # the last policy checked (a search asks day by day)

    def by_date(day: dt.date) -> ContactPolicy:
        found = cast("PolicyByDate", policy)(day)
        if checked and found is checked[0]:
            return found
        if not _is(found, ContactPolicy) or found.jurisdiction != jurisdiction:
            raise InvalidInput(f"expected a {jurisdiction} ContactPolicy for {day}, got {found!r}")
        checked[:] = [found]
        return found

    return by_date


def _jurisdiction_of(policy: object, jurisdiction: str | None) -> Country:
    if jurisdiction is None:
        if not isinstance(policy, ContactPolicy):
            raise InvalidInput("give jurisdiction= when policy is a function of the date")
        return policy.jurisdiction
    time_zone(jurisdiction)  # checks the code
    return cast("Country", jurisdiction)


def _cap_reason(count: int, channel: str, where: str, cap: int, per: str) -> str:
    return f"{count} earlier {channel} contact(s) {where} reach the cap of {cap} {per}"


class ContactHistory(Sequence[dt.datetime]):
    """Kontakthistorikk / kontakthistorik (earlier contacts), checked and indexed once.

    The earlier contact attempts of :func:`evaluate` and :func:`find_window` (``history=``),
    sorted by time and indexed, so that counting the contacts of a local day, week or month is
    a bisection, not a pass over the whole history. Pass one to ask many questions about the
    same history; a plain sequence is indexed anew by every call. It is a sequence of the
    moments as given, in time order.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> oslo = ZoneInfo("Europe/Oslo")
    >>> history = ContactHistory.of([
    ...     dt.datetime(2026, 11, 24, 9, 0, tzinfo=oslo),
    ...     dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC),
    ... ])
    >>> [moment.isoformat() for moment in history]
    ['2026-11-23T09:00:00+00:00', '2026-11-24T09:00:00+01:00']

    Raises:
        InvalidInput: for a history that is not a sequence of datetimes (a string, one datetime).
        NaiveDatetime: for a moment without a time zone.
    """

    __slots__ = ("_keys", "_moments")

    def __init__(self, moments: Iterable[dt.datetime] = ()) -> None:
        if isinstance(moments, str | bytes | dt.datetime) or not isinstance(moments, Iterable):
            raise InvalidInput(
                f"a contact history is a sequence of timezone-aware datetimes, got {moments!r}"
            )
        given = list(moments)
        keys: list[dt.datetime | None] | None
        if set(map(type, given)) <= _PLAIN_DATETIME:  # the common case, without a call per moment
            try:
                keys = [m.astimezone(dt.UTC) if m.utcoffset() is not None else None for m in given]
            except OverflowError:  # a moment before year 1 or after 9999 in UTC
                keys = None
        else:
            keys = None
        if keys is None or None in keys:
            for i, moment in enumerate(given):  # the first bad one, named as the checks name it
                check_aware(moment, f"history[{i}]")
            keys = [_utc_key(m) for m in given]
        known = cast("list[dt.datetime]", keys)
        in_order = sorted(known)
        if in_order != known:  # not in time order as given: sort them (stable, by instant)
            order = sorted(range(len(known)), key=known.__getitem__)
            given = [given[i] for i in order]
        self._keys: Final = tuple(in_order)
        self._moments: Final = tuple(given)

    @classmethod
    def of(cls, history: object) -> ContactHistory:
        """*history* itself if it is one, else the index of a sequence of aware datetimes."""
        if isinstance(history, ContactHistory):
            return history
        if isinstance(history, str | dt.datetime) or not isinstance(history, Sequence):
            raise InvalidInput(
                f"history must be a sequence of timezone-aware datetimes, got {history!r}"
            )
        return cls(history)

    def __len__(self) -> int:
        return len(self._moments)

    @overload
    def __getitem__(self, index: int) -> dt.datetime: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[dt.datetime, ...]: ...

    def __getitem__(self, index: int | slice) -> dt.datetime | tuple[dt.datetime, ...]:
        return self._moments[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ContactHistory):
            return self._keys == other._keys
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._keys)

    def __repr__(self) -> str:
        return f"ContactHistory({list(self._moments)!r})"

    @property
    def keys(self) -> tuple[dt.datetime, ...]:
        """The moments in UTC, in time order (what counting bisects)."""
        return self._keys


_EARLIEST: Final = dt.datetime.min.replace(tzinfo=dt.UTC)
_LATEST: Final = dt.datetime.max.replace(tzinfo=dt.UTC)
_PLAIN_DATETIME: Final = frozenset({dt.datetime})


def _utc_key(moment: dt.datetime) -> dt.datetime:
    """The moment in UTC; before or after what a datetime holds: its minimum or maximum."""
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        return _EARLIEST if moment.year == dt.MINYEAR else _LATEST


def _midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The start of local *day* in UTC (the minimum or maximum where that overflows)."""
    try:
        return dt.datetime.combine(day, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    except OverflowError:
        return _EARLIEST if day.year == dt.MINYEAR else _LATEST


def _midnight_after(day: dt.date, days: int, zone: ZoneInfo) -> dt.datetime:
    """The start of the local day *days* after *day*; past the last date: the maximum."""
    try:
        return _midnight(day + dt.timedelta(days=days), zone)
    except OverflowError:
        return _LATEST


@functools.lru_cache(maxsize=4096)
def _bounds(day: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, ...]:
    """When the local day, ISO week (Monday-Sunday) and month of *day* begin and end, in UTC.

    Pure, so remembered: a search asks again for the days the last one asked for.
    """
    monday = day - dt.timedelta(days=day.weekday())
    first = day.replace(day=1)
    return (
        _midnight(day, zone),
        _midnight_after(day, 1, zone),
        _midnight(monday, zone),
        _midnight_after(monday, 7, zone),
        _midnight(first, zone),
        _midnight_after(first, monthrange(day.year, day.month)[1], zone),
    )


class _Counts(NamedTuple):
    """Earlier contacts in a local day, ISO week (Monday-Sunday) and month (private).

    Each count is a bisection of the history's sorted moments between the UTC instants at
    which the local day, week or month begins and ends (:func:`_bounds`).
    """

    keys: tuple[dt.datetime, ...]  # the history's moments in UTC, in time order
    zone: ZoneInfo

    @classmethod
    def of(cls, history: object, zone: ZoneInfo) -> _Counts:
        if type(history) in _EMPTY_OK and not history:  # an empty tuple or list: nothing to count
            return _NO_CONTACTS
        return cls(ContactHistory.of(history).keys, zone)

    def _count(self, bounds: tuple[dt.datetime, ...], which: int) -> int:
        keys = self.keys
        start, end = bounds[which], bounds[which + 1]
        low = bisect.bisect_left(keys, start)
        return bisect.bisect_left(keys, end, low) - low

    def exhausted(self, day: dt.date, rule: ChannelRule, channel: str) -> list[str]:
        # Each reason's text is built only when its cap is reached.
        reasons = []
        bounds = _bounds(day, self.zone)
        cap = rule.per_day
        if cap is not None and (count := self._count(bounds, _DAY)) >= cap:
            where = f"on {day.isoformat()}"
            reasons.append(_cap_reason(count, channel, where, cap, "a day"))
        cap = rule.per_week
        if cap is not None and (count := self._count(bounds, _WEEK)) >= cap:
            where = "in the week (Monday-Sunday)"
            reasons.append(_cap_reason(count, channel, where, cap, "a week"))
        cap = rule.per_month
        if cap is not None and (count := self._count(bounds, _MONTH)) >= cap:
            where = f"in {day:%Y-%m}"
            reasons.append(_cap_reason(count, channel, where, cap, "a month"))
        return reasons

    def full(self, day: dt.date, rule: ChannelRule) -> bool:
        """True if :meth:`exhausted` has a reason (the same test, without the text)."""
        bounds = _bounds(day, self.zone)
        cap = rule.per_day
        if cap is not None and self._count(bounds, _DAY) >= cap:
            return True
        cap = rule.per_week
        if cap is not None and self._count(bounds, _WEEK) >= cap:
            return True
        cap = rule.per_month
        return cap is not None and self._count(bounds, _MONTH) >= cap


_DAY, _WEEK, _MONTH = 0, 2, 4  # where each stretch's bounds start in _bounds' answer


_EMPTY_OK: Final = frozenset({tuple, list})
_NO_CONTACTS: Final = _Counts((), _ZONE_INFO["NO"])
"""The counts of an empty history (shared: an empty history counts nothing in any zone)."""


def _calendar(jurisdiction: Country, law: LawBook | None) -> BusinessCalendar:
    """The holiday calendar; the cached built-in one when *law* is the built-in book."""
    return calendar_for(jurisdiction, law=None if law is None or law is builtin() else law)


def _closed_reason(
    day: dt.date, rule: ChannelRule, jurisdiction: Country, law: LawBook | None
) -> str | None:
    if not rule.closed_on_holidays:
        return None
    if jurisdiction == "SE":
        # Midsommarafton, julafton and nyårsafton are no allmänna helgdagar (issue 14 item 15).
        from inkassorules.se.calendar import closed_day_reason  # noqa: PLC0415 -- import cycle

        return closed_day_reason(day, law=None if law is None or law is builtin() else law)
    holiday = _calendar(jurisdiction, law).holiday_name(day)
    if holiday is None:
        return None
    return f"{day.isoformat()} is a public holiday ({holiday})"


def _format_windows(windows: tuple[Window, ...]) -> str:
    return ", ".join(str(w) for w in windows)


def evaluate(
    at: dt.datetime,
    *,
    channel: str = "phone",
    history: Sequence[dt.datetime] = (),
    policy: ContactPolicy | PolicyByDate,
    jurisdiction: str | None = None,
    law: LawBook | None = None,
) -> ContactDecision:
    """Whether a contact on *channel* at *at* is allowed by *policy* (see the module doc).

    Use ``no.contact_allowed`` / ``se.contact_allowed``, which pass the policy from the law
    data. *policy* may be a function of the local date (then give *jurisdiction*).

    Raises:
        NaiveDatetime: if *at* or an element of *history* has no time zone.
        InvalidInput: for an unknown channel or a malformed policy.
        NotInForce: if the policy's data or the holiday calendar does not cover the date.
    """
    check_law(law)
    at = check_aware(at, "at")
    country = _jurisdiction_of(policy, jurisdiction)
    zone = time_zone(country)
    counts = _Counts.of(history, zone)
    local = _local(at, zone)
    day = local.date()
    chosen = _resolver(policy, country)(day)
    rule = chosen.rule(channel)
    reasons: list[str] = []
    closed = _closed_reason(day, rule, country, law)
    if closed is not None:
        reasons.append(closed)
    windows = rule.hours[day.weekday()]
    weekday = WEEKDAYS[day.weekday()].capitalize()
    if not windows:
        reasons.append(f"no {channel} contact on {weekday}s")
    elif not any(w.contains(local.time()) for w in windows):
        reasons.append(
            f"{local:%H:%M} is outside the hours {_format_windows(windows)} on {weekday}s"
        )
    reasons.extend(counts.exhausted(day, rule, channel))
    return ContactDecision(
        allowed=not reasons,
        at=local,
        channel=channel,
        reasons=tuple(reasons),
        is_law=rule.is_law,
        policy=chosen.name,
        basis=rule.basis,
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    """A naive UTC datetime (simple arithmetic without fold questions)."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _offset(utc: dt.datetime, zone: ZoneInfo) -> dt.timedelta:
    offset = utc.replace(tzinfo=dt.UTC).astimezone(zone).utcoffset()
    if offset is None:  # pragma: no cover - a ZoneInfo always has an offset
        raise InvalidInput(f"{zone} gives no UTC offset")
    return offset


@functools.lru_cache(maxsize=4096)
def _segments(
    day: dt.date, zone: ZoneInfo
) -> tuple[tuple[dt.datetime, dt.datetime, dt.timedelta], ...]:
    """The local *day* as stretches of UTC time with one offset each (two on a DST day).

    Pure, so remembered: a search asks again for the days the last one asked for.
    """
    start = _utc(dt.datetime.combine(day, dt.time(), tzinfo=zone))
    end = _utc(dt.datetime.combine(day + _ONE_DAY, dt.time(), tzinfo=zone))
    before, after = _offset(start, zone), _offset(end - _TICK, zone)
    if before == after:
        return ((start, end, before),)
    low, high = start, end - _TICK  # offset(low) == before, offset(high) == after
    while high - low > _TICK:  # bisection to the microsecond: about 37 steps
        middle = low + (high - low) // 2
        if _offset(middle, zone) == before:
            low = middle
        else:
            high = middle
    return ((start, high, before), (high, end, after))


def _first_in_day(
    day: dt.date, windows: tuple[Window, ...], zone: ZoneInfo, not_before: dt.datetime
) -> dt.datetime | None:
    """The earliest UTC instant >= *not_before* on local *day* whose clock time is in a window."""
    candidates = []
    segments = _segments(day, zone) if windows else ()
    for window in windows:
        wall_start = dt.datetime.combine(day, window.start)
        if window.end is None:  # midnight at the end of the day
            wall_end = dt.datetime.combine(day + _ONE_DAY, dt.time())
        else:
            wall_end = dt.datetime.combine(day, window.end)
        for start, end, offset in segments:
            low = max(start, wall_start - offset, not_before)
            if low < min(end, wall_end - offset):
                candidates.append(low)
    return min(candidates, default=None)


def find_window(
    after: dt.datetime,
    *,
    channel: str = "phone",
    history: Sequence[dt.datetime] = (),
    policy: ContactPolicy | PolicyByDate,
    jurisdiction: str | None = None,
    law: LawBook | None = None,
) -> dt.datetime:
    """The earliest moment at or after *after* when :func:`evaluate` allows the contact.

    Jumps day by day (at most 400 days), never minute by minute. The result is in the time zone
    of *after*. See ``no.next_contact_window`` / ``se.next_contact_window``.

    Raises:
        NoContactWindow: if no moment within 400 days is allowed.
        NaiveDatetime, InvalidInput, NotInForce: as :func:`evaluate`.
    """
    check_law(law)
    after = check_aware(after, "after")
    country = _jurisdiction_of(policy, jurisdiction)
    zone = time_zone(country)
    counts = _Counts.of(history, zone)
    resolve = _resolver(policy, country)
    fixed = isinstance(policy, ContactPolicy)
    not_before = _utc(after)
    day = _local(after, zone).date()
    last_rule: ChannelRule | None = None
    calendar: BusinessCalendar | None = None  # built once per search, when first needed
    last_policy: ContactPolicy | None = None
    shut = False
    for _ in range(_SEARCH_DAYS):
        policy_today = resolve(day)
        if policy_today is not last_policy:  # the same policy gives the same rule
            rule = policy_today.rule(channel)
            last_policy = policy_today
            shut = rule.never_open  # no hours, or a cap of 0: never open under this rule
        last_rule = rule
        if fixed and shut:
            break
        open_day = not shut
        if open_day and rule.closed_on_holidays:
            if calendar is None:
                calendar = _calendar(country, law)
            open_day = calendar.holiday_name(day) is None
        open_day = open_day and (counts is _NO_CONTACTS or not counts.full(day, rule))
        found = (
            _first_in_day(day, rule.hours[day.weekday()], zone, not_before) if open_day else None
        )
        if found is not None:
            return found.replace(tzinfo=dt.UTC).astimezone(after.tzinfo)
        day += _ONE_DAY
    cited = last_rule.basis[0].rule if last_rule and last_rule.basis else "the contact policy"
    raise NoContactWindow(after, channel, days=_SEARCH_DAYS, rule=cited)
