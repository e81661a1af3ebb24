"""The shape every jurisdiction module has: the same names for the same rules.

``inkassorules.no`` and ``inkassorules.se`` are checked against :class:`Jurisdiction` by mypy
(``tests/typing_public_api.py``) and by a test that compares the modules' names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.fees import FeeCap
    from inkassorules.law import LawBook

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

    def collection_demand_fee_cap(
        self, *, sent_on: dt.date, due_date: dt.date, law: LawBook | None = None
    ) -> FeeCap:
        """Betalingsoppfordring / inkassokrav: the collection demand fee cap."""
        ...


SHARED_NAMES: tuple[str, ...] = tuple(
    sorted(
        name
        for name in vars(Jurisdiction)
        if not name.startswith("_") and name not in ("CODE", "CURRENCY")
    )
)
"""The rule names both country modules must export."""
