"""The shape every jurisdiction module has: the same names for the same rules.

``inkassorules.no`` and ``inkassorules.se`` are checked against :class:`Jurisdiction` by mypy
(``tests/typing_public_api.py``) and by a test that compares the modules' names.

``collection_demand_fee_cap`` is exported by both modules under that name but is not part of the
Protocol: the facts it needs differ by country (Norway: the earlier letters; Sweden: the
required ``meets_inkassolagen_5``, 3 § p.1 lag 1981:739), so no one signature fits both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence
    from decimal import Decimal

    from inkassorules.case import Case
    from inkassorules.claims import Claim, Payment
    from inkassorules.contact import ContactDecision, ContactPolicy
    from inkassorules.fees import FeeCap
    from inkassorules.interest import (
        BalanceInterestResult,
        InterestResult,
        InterestStart,
        RateInForce,
    )
    from inkassorules.law import LawBook
    from inkassorules.money import Money
    from inkassorules.timeline import CreditorPolicy, NextStep, Timeline

__all__ = ["SHARED_NAMES", "Jurisdiction"]


class Jurisdiction(Protocol):
    """A country module: ``inkassorules.no`` or ``inkassorules.se``."""

    CODE: str
    CURRENCY: str

    def is_business_day(self, day: dt.date, *, law: LawBook | None = None) -> bool:
        """True if *day* is a business day."""
        ...

    def next_business_day(self, day: dt.date, *, law: LawBook | None = None) -> dt.date:
        """The first business day after *day*."""
        ...

    def add_business_days(self, day: dt.date, n: int, *, law: LawBook | None = None) -> dt.date:
        """The *n*-th business day after *day*."""
        ...

    def roll_forward(self, day: dt.date, *, law: LawBook | None = None) -> dt.date:
        """*day*, or the next business day."""
        ...

    def reminder_fee_cap(
        self, *, sent_on: dt.date, due_date: dt.date, law: LawBook | None = None
    ) -> FeeCap:
        """Purregebyr / påminnelseavgift: the reminder fee cap."""
        ...

    def late_interest_rate(self, *, on: dt.date, law: LawBook | None = None) -> Decimal:
        """Forsinkelsesrente / dröjsmålsränta: the statutory late-interest rate, % per year."""
        ...

    def late_interest_rate_in_force(
        self, *, on: dt.date, law: LawBook | None = None
    ) -> RateInForce:
        """The late-interest rate on *on* and its last valid day."""
        ...

    def late_interest(
        self,
        principal: Money,
        *,
        due_date: dt.date,
        paid_on: dt.date,
        law: LawBook | None = None,
    ) -> InterestResult:
        """Statutory late interest on *principal* from *due_date* until *paid_on*."""
        ...

    def late_interest_on_balance(
        self,
        principal: Money,
        payments: Iterable[Payment],
        *,
        due_date: dt.date,
        until: dt.date,
        law: LawBook | None = None,
    ) -> BalanceInterestResult:
        """Late interest on a balance that payments reduce."""
        ...

    def interest_start(
        self,
        *,
        due_date: dt.date | None = None,
        demand_sent_on: dt.date | None = None,
        roll_due_date: bool = True,
        law: LawBook | None = None,
    ) -> InterestStart:
        """When late interest starts: the agreed due date, or 30 days after a written demand."""
        ...

    def contact_policy(self, *, on: dt.date, law: LawBook | None = None) -> ContactPolicy:
        """The contact rules in force on *on*."""
        ...

    def contact_allowed(
        self,
        at: dt.datetime,
        *,
        channel: str = "phone",
        history: Sequence[dt.datetime] = (),
        policy: ContactPolicy | None = None,
        law: LawBook | None = None,
    ) -> ContactDecision:
        """May the debtor be contacted at *at* (timezone-aware), and if not, why."""
        ...

    def next_contact_window(
        self,
        after: dt.datetime,
        *,
        channel: str = "phone",
        history: Sequence[dt.datetime] = (),
        policy: ContactPolicy | None = None,
        law: LawBook | None = None,
    ) -> dt.datetime:
        """The earliest allowed contact moment at or after *after*."""
        ...

    def plan(
        self,
        case: Case | Claim,
        *,
        as_of: dt.date,
        policy: CreditorPolicy | None = None,
        law: LawBook | None = None,
    ) -> Timeline:
        """The collection timeline for *case*: the steps taken, then those planned on *as_of*."""
        ...

    def next_step(
        self,
        case: Case | Claim,
        *,
        as_of: dt.date,
        policy: CreditorPolicy | None = None,
        law: LawBook | None = None,
    ) -> NextStep:
        """What may be done for *case* on *as_of*, or from when."""
        ...


SHARED_NAMES: tuple[str, ...] = tuple(
    sorted(
        name
        for name in vars(Jurisdiction)
        if not name.startswith("_") and name not in ("CODE", "CURRENCY")
    )
)
"""The rule names both country modules must export."""
