"""Hypothesis properties of instalment plans, acceleration, allocation and disputes (issue 5)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import event, given, settings
from hypothesis import strategies as st

from inkassorules.allocation import Component, allocate
from inkassorules.claims import Claim, DebtorKind, Payment
from inkassorules.disputes import Dispute, may_take_step, withheld_amount
from inkassorules.errors import NotInForce, RuleRefused
from inkassorules.instalments import (
    MAX_INSTALMENTS,
    InstalmentAgreement,
    NorwegianConsumerCredit,
    SwedishConsumerCredit,
    accelerate,
    consumer_credit_grounds,
)
from inkassorules.law import builtin
from inkassorules.money import Money
from inkassorules.steps import StepKind

COUNTRY_STEPS = {
    "NO": frozenset(StepKind) - {StepKind.COLLECTION_WARNING, StepKind.NOTICE_BEFORE_ENFORCEMENT},
    "SE": frozenset(StepKind) - {StepKind.COLLECTION_NOTICE},
}

CURRENCIES = st.sampled_from(["NOK", "SEK"])
NEW_KKRL = dt.date(2026, 11, 20)  # the new konsumentkreditlag (directive (EU) 2023/2225) applies
DAYS = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2040, 12, 31))
INTERVALS = st.sampled_from(
    [
        relativedelta(months=1),
        relativedelta(months=3),
        relativedelta(weeks=2),
        relativedelta(days=10),
    ]
)


def money(currency: str, *, min_ore: int = 1, max_ore: int = 10**10) -> st.SearchStrategy[Money]:
    return st.integers(min_ore, max_ore).map(
        lambda ore: Money(Decimal(ore).scaleb(-2), currency)  # type: ignore[arg-type]
    )


@st.composite
def plans(draw: st.DrawFn, *, currency: str | None = None) -> InstalmentAgreement:
    code = currency or draw(CURRENCIES)
    total = draw(money(code, min_ore=100, max_ore=10**9))
    signed = draw(DAYS)
    ore = int(total.amount * 100)
    if draw(st.booleans()):
        count = draw(st.integers(1, min(48, ore)))
        sizing: dict[str, object] = {"count": count}
    else:
        per_min = -(-ore // 48)  # at most 48 instalments, to keep the tests fast
        sizing = {"amount_per_instalment": draw(money(code, min_ore=per_min, max_ore=ore))}
    first_at_signing = draw(st.booleans())
    first_due = None if first_at_signing else signed + dt.timedelta(days=draw(st.integers(0, 60)))
    return InstalmentAgreement.plan(
        total,
        signed_on=signed,
        first_due=first_due,
        first_at_signing=first_at_signing,
        every=draw(INTERVALS),
        grace_days=draw(st.integers(0, 14)),
        remainder=draw(st.sampled_from(["first", "last"])),
        **sizing,  # type: ignore[arg-type]
    )


@settings(max_examples=60)
@given(plan=plans())
def test_every_plan_sums_to_its_total_exactly(plan):
    amounts = [i.amount for i in plan.instalments]
    assert Money.total(amounts, currency=plan.currency) == plan.total
    assert all(a.is_positive and a.is_whole_minor_units for a in amounts)
    assert 1 <= len(plan.instalments) <= MAX_INSTALMENTS
    dates = [i.due_date for i in plan.instalments]
    assert dates == sorted(dates)
    assert dates[0] >= plan.signed_on
    # At most one instalment differs from the others (the documented rounding instalment).
    assert len(set(amounts)) <= 2


@settings(max_examples=40)
@given(
    total=money("NOK", min_ore=100, max_ore=10**8),
    signed=DAYS,
    count=st.integers(1, 36),
)
def test_due_dates_are_counted_from_the_first_due_date(total, signed, count):
    plan = InstalmentAgreement.plan(total, count=count, signed_on=signed)
    for k, instalment in enumerate(plan.instalments):
        assert instalment.due_date == signed + relativedelta(months=k)


@st.composite
def plans_with_payments(draw: st.DrawFn, *, currency: str | None = None):
    plan = draw(plans(currency=currency))
    last = plan.instalments[-1].due_date + dt.timedelta(days=120)
    payments = []
    for _ in range(draw(st.integers(0, 6))):
        paid_on = draw(st.dates(min_value=plan.signed_on, max_value=last))
        amount = draw(money(plan.currency, max_ore=int(plan.total.amount * 100)))
        payments.append(Payment(amount=amount, paid_on=paid_on))
    on = draw(st.dates(min_value=plan.signed_on, max_value=last))
    return plan, payments, on


@settings(max_examples=60)
@given(case=plans_with_payments())
def test_acceleration_never_demands_more_than_total_minus_payments(case):
    plan, payments, on = case
    paid = Money.total((p.amount for p in payments if p.paid_on <= on), currency=plan.currency)
    acceleration = accelerate(plan, payments, on=on)
    status = plan.status(payments, on=on)
    event("accelerated" if acceleration is not None else "holds")
    assert status.paid + status.remaining == plan.total
    assert status.paid + status.overpaid == paid
    if acceleration is not None:
        assert acceleration.amount.is_positive
        assert acceleration.amount <= plan.total - paid
        assert acceleration.amount == status.remaining
        assert acceleration.fell_due_on < on


@settings(max_examples=40)
@given(case=plans_with_payments(currency="SEK"), notice_offset=st.integers(0, 400))
def test_consumer_credit_acceleration_never_demands_more_than_total_minus_payments(
    case, notice_offset
):
    plan, payments, on = case
    notice = plan.signed_on + dt.timedelta(days=notice_offset)
    if plan.signed_on >= NEW_KKRL:
        # The new konsumentkreditlag applies (not in the data): refused, never 2010:1846.
        with pytest.raises(NotInForce, match="2023/2225"):
            accelerate(plan, payments, on=on, policy=SwedishConsumerCredit())
        return
    notices = () if consumer_credit_grounds(plan, payments, on=notice) is None else (notice,)
    acceleration = accelerate(
        plan, payments, on=on, policy=SwedishConsumerCredit(notices_sent_on=notices)
    )
    paid = Money.total((p.amount for p in payments if p.paid_on <= on), currency=plan.currency)
    event(f"notice={bool(notices)} accelerated={acceleration is not None}")
    if acceleration is not None:
        assert acceleration.amount.is_positive
        assert acceleration.amount <= plan.total - paid
        assert acceleration.notice_sent_on == notice
        assert acceleration.fell_due_on == notice + dt.timedelta(days=28)
        # Under KKrL the creditor may never demand earlier than under the plain contract term.
        assert accelerate(plan, payments, on=on) is not None


_FAL_BOOK = builtin().extend(
    "no.consumer_credit.notice_days",
    [
        {
            "valid_from": dt.date(2023, 1, 1),
            "value": 14,
            "citation": "test value: a caller-supplied notice period",
            "url": "https://example.org/test",
            "confidence": "medium",
        }
    ],
    replace_unknown=True,
)


@settings(max_examples=40)
@given(case=plans_with_payments(currency="NOK"), notice_offset=st.integers(0, 400))
def test_norwegian_consumer_credit_never_demands_more_or_earlier_than_the_contract_term(
    case, notice_offset
):
    plan, payments, on = case
    if plan.signed_on < dt.date(2023, 1, 1):
        return  # the caller-supplied notice period above covers the 2020 act only
    notice = plan.signed_on + dt.timedelta(days=notice_offset)
    policy = NorwegianConsumerCredit(notices_sent_on=(notice,))
    try:
        acceleration = accelerate(plan, payments, on=on, policy=policy, law=_FAL_BOOK)
    except RuleRefused:
        event("refused: fewer than three missed")
        return
    paid = Money.total((p.amount for p in payments if p.paid_on <= on), currency=plan.currency)
    event(f"accelerated={acceleration is not None}")
    if acceleration is not None:
        assert acceleration.amount.is_positive
        assert acceleration.amount <= plan.total - paid
        assert acceleration.fell_due_on == notice + dt.timedelta(days=14)
        contract = accelerate(plan, payments, on=on)
        assert contract is not None
        assert contract.fell_due_on <= acceleration.fell_due_on


@st.composite
def on_time_payments(draw: st.DrawFn, plan: InstalmentAgreement) -> list[Payment]:
    payments = []
    for instalment in plan.instalments:
        deadline = plan.deadline(instalment)
        paid_on = draw(st.dates(min_value=plan.signed_on, max_value=deadline))
        payments.append(Payment(amount=instalment.amount, paid_on=paid_on))
    return payments


@settings(max_examples=60)
@given(data=st.data(), plan=plans(), later=st.integers(0, 3000))
def test_a_plan_paid_on_time_never_accelerates(data, plan, later):
    payments = data.draw(on_time_payments(plan))
    on = plan.signed_on + dt.timedelta(days=later)
    assert accelerate(plan, payments, on=on) is None
    status = plan.status(payments, on=on)
    assert status.overdue.is_zero
    if plan.currency == "SEK" and plan.signed_on < NEW_KKRL:
        assert consumer_credit_grounds(plan, payments, on=on) is None
    elif plan.currency == "SEK":
        # From 2026-11-20 the new konsumentkreditlag (directive (EU) 2023/2225) applies; its
        # rules are not in the data, so the 2010:1846 grounds are refused, never applied.
        with pytest.raises(NotInForce, match="2023/2225"):
            consumer_credit_grounds(plan, payments, on=on)


@settings(max_examples=80)
@given(
    currency=CURRENCIES,
    data=st.data(),
    order=st.permutations(list(Component)),
    designated=st.none() | st.sampled_from(list(Component)),
)
def test_allocation_parts_add_up_to_the_payment(currency, data, order, designated):
    payment = data.draw(money(currency))
    owed = [data.draw(money(currency, min_ore=0)) for _ in range(3)]
    parts = allocate(
        payment,
        costs=owed[0],
        interest=owed[1],
        principal=owed[2],
        order=order,
        designated=designated,
    )
    total = Money.total(
        (parts.costs, parts.interest, parts.principal, parts.overpayment), currency=currency
    )
    assert total == payment
    assert parts.costs <= owed[0]
    assert parts.interest <= owed[1]
    assert parts.principal <= owed[2]
    assert not parts.overpayment.is_negative
    if parts.overpayment.is_positive:
        assert (parts.costs, parts.interest, parts.principal) == tuple(owed)


@st.composite
def claims_with_disputes(draw: st.DrawFn):
    code = draw(st.sampled_from(["NO", "SE"]))
    currency = "NOK" if code == "NO" else "SEK"
    principal = draw(money(currency, max_ore=10**8))
    due = draw(DAYS)
    claim = Claim(
        principal=principal, due_date=due, jurisdiction=code, debtor_kind=DebtorKind.CONSUMER
    )
    ore = int(principal.amount * 100)
    disputes = []
    for _ in range(draw(st.integers(0, 4))):
        raised = due + dt.timedelta(days=draw(st.integers(-30, 120)))
        resolved = draw(
            st.none() | st.integers(0, 90).map(lambda d, r=raised: r + dt.timedelta(days=d))
        )
        disputes.append(
            Dispute(
                amount=draw(money(currency, max_ore=ore)),
                raised_on=raised,
                reason="defect",
                reasonable=draw(st.booleans()),
                resolved_on=resolved,
            )
        )
    on = due + dt.timedelta(days=draw(st.integers(-30, 240)))
    return claim, disputes, on


@settings(max_examples=80)
@given(case=claims_with_disputes(), step=st.sampled_from(list(StepKind)))
def test_withheld_amount_never_exceeds_the_disputed_amount(case, step):
    claim, disputes, on = case
    withheld = withheld_amount(claim, disputes, on=on)
    event("withheld" if withheld.is_positive else "nothing withheld")
    disputed = Money.total((d.amount for d in disputes), currency=claim.currency)
    standing = Money.total(
        (d.amount for d in disputes if d.reasonable and d.stands_on(on)), currency=claim.currency
    )
    assert not withheld.is_negative
    assert withheld <= standing <= disputed
    assert withheld <= claim.principal
    if step not in COUNTRY_STEPS[claim.jurisdiction]:
        return  # a step the country does not have is refused (tests/test_disputes.py)
    decision = may_take_step(claim, step, on=on, disputes=disputes)
    assert decision.withheld == withheld
    assert decision.cost_base == claim.principal - withheld
    # The legal step goes to a court in Norway (forliksrådet); in Sweden its default venue is
    # Kronofogden (betalningsföreläggande), which takes only the undisputed part.
    if step is StepKind.LEGAL_ACTION and claim.jurisdiction == "NO":
        assert decision.amount == claim.principal
    else:
        assert decision.amount + withheld == claim.principal
    assert decision.allowed == decision.amount.is_positive
