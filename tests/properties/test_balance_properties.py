"""Properties of inkassorules.ledger: money is conserved, nothing is negative, order is free."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules import (
    Case,
    Claim,
    CreditGranted,
    DebtorKind,
    Dispute,
    LegalActionFiled,
    LetterSent,
    Money,
    Payment,
    StepKind,
)
from inkassorules.ledger import balance, charges
from inkassorules.no.interest import late_interest_on_balance as no_interest_on_balance
from inkassorules.se.interest import late_interest_on_balance as se_interest_on_balance
from inkassorules.steps import Channel

_KINDS = {
    "NO": (
        StepKind.FRIENDLY_REMINDER,
        StepKind.REMINDER,
        StepKind.COLLECTION_NOTICE,
        StepKind.COLLECTION_DEMAND,
    ),
    "SE": (
        StepKind.REMINDER,
        StepKind.COLLECTION_WARNING,
        StepKind.COLLECTION_DEMAND,
        StepKind.NOTICE_BEFORE_ENFORCEMENT,
    ),
}
_CURRENCY = {"NO": "NOK", "SE": "SEK"}
_FIRST_DUE = date(2026, 1, 5)
# Swedish reference rates are known to 2026-06-30: every interest day stays before 2026-07-01.
_LAST_DAY = date(2026, 6, 30)
_DESIGNATIONS = (None, "costs", "interest", "principal", "invoice 7")


def _money(draw: st.DrawFn, currency: str, low: int, high: int) -> Money:
    return Money.of(draw(st.integers(low, high)), currency) + Money.of(
        f"0.{draw(st.integers(0, 99)):02d}", currency
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Case, date]:
    """A simple case: letters, payments, credits, disputes, a legal step (distinct days)."""
    code = draw(st.sampled_from(["NO", "SE"]))
    currency = _CURRENCY[code]
    principal = _money(draw, currency, 100, 30000)
    due = _FIRST_DUE + timedelta(days=draw(st.integers(0, 60)))
    claim = Claim(
        principal=principal,
        due_date=due,
        jurisdiction=code,
        debtor_kind=draw(st.sampled_from(list(DebtorKind))),
    )
    horizon = (_LAST_DAY - due).days
    days = draw(st.lists(st.integers(0, horizon), unique=True, max_size=7))
    events: list[object] = []
    credited = Money.zero(currency)
    for offset in days:
        day = due + timedelta(days=offset)
        what = draw(st.sampled_from(["letter", "letter", "payment", "payment", "credit", "legal"]))
        if what == "letter":
            deadline = draw(st.one_of(st.none(), st.integers(0, 30)))
            events.append(
                LetterSent(
                    kind=draw(st.sampled_from(_KINDS[code])),
                    sent_on=day,
                    fee_charged=_money(draw, currency, 0, 600),
                    deadline=None if deadline is None else day + timedelta(days=deadline),
                    channel=draw(st.sampled_from([Channel.LETTER, Channel.EMAIL])),
                )
            )
        elif what == "payment":
            events.append(
                Payment(
                    amount=_money(draw, currency, 1, 20000),
                    paid_on=day,
                    designation=draw(st.sampled_from(_DESIGNATIONS)),
                )
            )
        elif what == "credit":
            room = principal - credited
            if room.is_positive:
                amount = min(room, _money(draw, currency, 1, 5000))
                credited += amount
                events.append(CreditGranted(amount=amount, on=day, reason="defect"))
        else:
            venue = "Kronofogden" if code == "SE" else "forliksrådet"
            events.append(
                LegalActionFiled(on=day, venue=venue, fee_charged=_money(draw, currency, 0, 900))
            )
    for _ in range(draw(st.integers(0, 2))):
        raised = due + timedelta(days=draw(st.integers(0, horizon)))
        amount = Money.of(draw(st.integers(1, int(principal.amount))), currency)
        events.append(
            Dispute(
                amount=amount,
                raised_on=raised,
                reason="disputed",
                reasonable=draw(st.booleans()),
            )
        )
    on = due + timedelta(days=draw(st.integers(0, horizon + 1)))
    return Case(claim=claim, events=events), on  # type: ignore[arg-type]


@settings(max_examples=40)
@given(cases())
def test_money_is_conserved(drawn: tuple[Case, date]) -> None:
    case, on = drawn
    owed = balance(case, on=on)
    currency = case.claim.currency
    paid = Money.total((p.amount for p in case.payments if p.paid_on <= on), currency=currency)
    parts = Money.total(
        (a.costs + a.interest + a.principal for a in owed.allocations), currency=currency
    )
    assert paid == parts + owed.overpaid
    assert owed.total == owed.principal + owed.interest + owed.fees
    assert owed.total.is_whole_minor_units
    principal_paid = Money.total((a.principal for a in owed.allocations), currency=currency)
    assert owed.principal == case.claim.principal - owed.credited - principal_paid
    lawful = Money.total((c.lawful for c in owed.charges), currency=currency)
    costs_paid = Money.total((a.costs for a in owed.allocations), currency=currency)
    assert owed.fees == lawful - costs_paid
    for charge in owed.charges:
        assert charge.lawful + charge.excess == charge.charged
        assert charge.lawful <= charge.cap.amount


@settings(max_examples=40)
@given(cases())
def test_nothing_is_negative(drawn: tuple[Case, date]) -> None:
    case, on = drawn
    owed = balance(case, on=on)
    for value in (
        owed.principal,
        owed.interest,
        owed.fees,
        owed.withheld,
        owed.overpaid,
        owed.total,
        owed.credit_unapplied,
    ):
        assert not value.is_negative
    assert owed.withheld <= owed.principal


@settings(max_examples=30)
@given(cases(), st.randoms(use_true_random=False))
def test_event_order_does_not_matter(drawn: tuple[Case, date], random: object) -> None:
    case, on = drawn
    shuffled = list(case.events)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    other = Case(claim=case.claim)
    for event in shuffled:
        other = other.add(event)
    first, second = balance(case, on=on), balance(other, on=on)
    assert (first.principal, first.interest, first.fees, first.withheld, first.overpaid) == (
        second.principal,
        second.interest,
        second.fees,
        second.withheld,
        second.overpaid,
    )
    assert charges(case) == charges(other)


@settings(max_examples=30)
@given(cases())
def test_interest_is_the_interest_module_on_the_same_reductions(drawn: tuple[Case, date]) -> None:
    # With no postponement: balance's interest equals late_interest_on_balance fed with the
    # principal parts of the allocations and the credits (payments_reduce="principal").
    case, on = drawn
    owed = balance(case, on=on)
    currency = case.claim.currency
    reductions = [
        Payment(amount=a.principal, paid_on=p.paid_on)
        for p, a in zip(owed.payments, owed.allocations, strict=True)
        if a.principal.is_positive
    ]
    credited = [Payment(amount=c.amount, paid_on=c.on) for c in case.credits if c.on <= on]
    if owed.credit_unapplied.is_positive:
        return  # a credit beyond the principal owed is applied only in part
    rule = no_interest_on_balance if case.jurisdiction == "NO" else se_interest_on_balance
    start = owed.interest_start.start
    direct = rule(
        case.claim.principal,
        [p for p in (*reductions, *credited) if p.paid_on <= on] if on > start else [],
        due_date=start,
        until=max(on, start),
        payments_reduce="principal",
    )
    assert owed.interest_accrued == (direct.interest if on > start else Money.zero(currency))
