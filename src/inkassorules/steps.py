"""Innkrevingsskritt / indrivningsåtgärd (the kinds of collection step) and their channels.

One vocabulary for the whole library: the timeline plans steps of these kinds, a case file
records letters of these kinds (:class:`~inkassorules.events.LetterSent`), and the audit checks
them.

>>> StepKind.COLLECTION_DEMAND.level, StepKind.COLLECTION_DEMAND.written
(4, True)
>>> Channel("sms")
<Channel.SMS: 'sms'>
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NoReturn

from inkassorules._checks import refuse_unknown_member

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Channel", "StepKind"]


class Channel(enum.Enum):
    """Kanal (channel): how a step reaches the debtor: SMS, e-mail, letter or phone."""

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    SMS = "sms"
    EMAIL = "email"
    LETTER = "letter"
    PHONE = "phone"

    # Members are singletons compared by identity: the identity hash agrees with that equality
    # and is cheaper than Enum's hash of the member's name (the planner looks kinds up often).
    __hash__ = object.__hash__


class StepKind(enum.Enum):
    """Innkrevingsskritt / indrivningsåtgärd (the kinds of step a timeline can hold).

    ``FRIENDLY_REMINDER`` (betalingspåminnelse without a fee, practice), ``REMINDER`` (NO
    purring / SE påminnelse), ``COLLECTION_NOTICE`` (NO inkassovarsel, inkassoloven § 9),
    ``COLLECTION_WARNING`` (SE inkassovarning, practice only), ``COLLECTION_DEMAND`` (NO
    betalingsoppfordring, § 10 / SE inkassokrav, 5 § inkassolagen),
    ``NOTICE_BEFORE_ENFORCEMENT`` (SE practice: a notice that Kronofogden is next) and
    ``LEGAL_ACTION`` (NO forliksråd / namsmann, § 11; SE betalningsföreläggande at Kronofogden).
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    FRIENDLY_REMINDER = "friendly_reminder"
    REMINDER = "reminder"
    COLLECTION_NOTICE = "collection_notice"
    COLLECTION_WARNING = "collection_warning"
    COLLECTION_DEMAND = "collection_demand"
    NOTICE_BEFORE_ENFORCEMENT = "notice_before_enforcement"
    LEGAL_ACTION = "legal_action"

    __hash__ = object.__hash__  # as Channel's

    @property
    def level(self) -> int:
        """The escalation level: 1 (friendly reminder) to 6 (legal action)."""
        return _LEVELS[self]

    @property
    def written(self) -> bool:
        """True if the step must be in writing (letter, e-mail or SMS; never a phone call)."""
        return self in _WRITTEN


_LEVELS: Final[Mapping[StepKind, int]] = MappingProxyType(
    {
        StepKind.FRIENDLY_REMINDER: 1,
        StepKind.REMINDER: 2,
        StepKind.COLLECTION_NOTICE: 3,
        StepKind.COLLECTION_WARNING: 3,
        StepKind.COLLECTION_DEMAND: 4,
        StepKind.NOTICE_BEFORE_ENFORCEMENT: 5,
        StepKind.LEGAL_ACTION: 6,
    }
)
_WRITTEN: Final = frozenset(
    {
        StepKind.REMINDER,
        StepKind.COLLECTION_NOTICE,
        StepKind.COLLECTION_DEMAND,
        StepKind.NOTICE_BEFORE_ENFORCEMENT,
        StepKind.LEGAL_ACTION,
    }
)
# Default channels, practice.md: SMS first (read at once), e-mail when the address is known; the
# statutory letters may be electronic (NO inkassoloven § 3 a since 2017; SE IMY "Digitala
# inkassokrav"). The application to a court or Kronofogden is a letter (filed, not sent).
_DEFAULT_CHANNELS: Final[Mapping[StepKind, Channel]] = MappingProxyType(
    {
        StepKind.FRIENDLY_REMINDER: Channel.SMS,
        StepKind.REMINDER: Channel.EMAIL,
        StepKind.COLLECTION_NOTICE: Channel.EMAIL,
        StepKind.COLLECTION_WARNING: Channel.EMAIL,
        StepKind.COLLECTION_DEMAND: Channel.EMAIL,
        StepKind.NOTICE_BEFORE_ENFORCEMENT: Channel.EMAIL,
        StepKind.LEGAL_ACTION: Channel.LETTER,
    }
)
