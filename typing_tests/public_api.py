"""Checked by mypy --strict in CI, never run: pins the public API's types (as attrs does)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import inkassorules
from inkassorules import Claim, DebtorKind, Money, no, se
from inkassorules._protocols import Jurisdiction

# Both country modules satisfy the shared protocol.
norway: Jurisdiction = no
sweden: Jurisdiction = se
either: Jurisdiction = inkassorules.jurisdiction("NO")

sats: Money = no.inkassosats(dt.date(2026, 1, 1))
rolled: dt.date = se.roll_forward(dt.date(2026, 12, 24))
business: bool = no.is_business_day(dt.date(2026, 5, 17))
claim = Claim(
    principal=Money.of("100", "NOK"),
    due_date=dt.date(2026, 1, 1),
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)
amount: Decimal = (claim.principal + Money.of(Decimal(1), "NOK")).amount
