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

# The case file: a case (or a bare claim) in; next step, plan, balance, audit out.
case = inkassorules.Case(
    claim=claim, events=[inkassorules.Payment(amount=claim.principal, paid_on=dt.date(2026, 1, 2))]
)
grown: inkassorules.Case = case.add(
    inkassorules.LetterSent(
        kind=inkassorules.StepKind.REMINDER,
        sent_on=dt.date(2026, 1, 20),
        fee_charged=Money.of("38", "NOK"),
        deadline=dt.date(2026, 2, 3),
    )
)
answer: inkassorules.NextStep = inkassorules.next_step(grown, as_of=dt.date(2026, 3, 1))
lawful_today: bool = answer.lawful_today
barred: dt.date | None = answer.time_barred_on
timeline: inkassorules.Timeline = inkassorules.plan(claim, as_of=dt.date(2026, 3, 1))
total: Money | None = timeline.steps[0].total
owed: inkassorules.Balance = inkassorules.balance(grown, on=dt.date(2026, 3, 1))
owed_total: Money = owed.total
checked: inkassorules.Audit = inkassorules.audit(grown, as_of=dt.date(2026, 3, 1))
excess: Money = checked.findings[0].excess
severity: inkassorules.Severity = checked.findings[0].severity
time_bar: inkassorules.Limitation = inkassorules.limitation(grown, as_of=dt.date(2026, 3, 1))
