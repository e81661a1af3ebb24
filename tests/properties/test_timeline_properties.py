"""Properties of the collection timeline: determinism, lawful days, fee caps, contact windows."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules import Case, ContactAttempt
from inkassorules.calendar import calendar_for
from inkassorules.claims import Claim, DebtorKind, Payment
from inkassorules.money import Money
from inkassorules.no import contact as no_contact
from inkassorules.no.inkassosats import inkassosats
from inkassorules.se import contact as se_contact
from inkassorules.timeline import Channel, CreditorPolicy, StepKind, Timeline, plan

CONTACT = {"NO": no_contact, "SE": se_contact}
CURRENCY = {"NO": "NOK", "SE": "SEK"}
# Swedish interest is published to 2026-06-30: keep every planned day inside 2026 H1.
FIRST_DUE = dt.date(2026, 1, 2)
LAST_DUE = dt.date(2026, 4, 10)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    code = draw(st.sampled_from(["NO", "SE"]))
    cents = draw(st.integers(min_value=100, max_value=5_000_000))
    return Claim(
        principal=Money.of(cents, CURRENCY[code]) * 1,
        due_date=draw(st.dates(min_value=FIRST_DUE, max_value=LAST_DUE)),
        jurisdiction=code,
        debtor_kind=draw(st.sampled_from(list(DebtorKind))),
    )


@st.composite
def policies(draw: st.DrawFn, code: str) -> CreditorPolicy:
    # A Norwegian plan refuses a policy that skips the inkassovarsel (tested elsewhere).
    base = draw(st.sampled_from([CreditorPolicy.earliest_lawful(), CreditorPolicy.practice(code)]))
    kinds = list(StepKind)
    return attrs.evolve(
        base,
        days_after_due=draw(
            st.dictionaries(
                st.sampled_from(kinds), st.integers(min_value=0, max_value=20), max_size=3
            )
        ),
        deadline_days=draw(
            st.dictionaries(
                st.sampled_from(kinds), st.integers(min_value=0, max_value=20), max_size=3
            )
        ),
        days_between_steps=draw(st.integers(min_value=0, max_value=4)),
        preferred_channel=draw(st.none() | st.sampled_from(list(Channel))),
        charge_fees=draw(st.booleans()),
        letter_delivery_days=draw(st.integers(min_value=0, max_value=4)),
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Claim, CreditorPolicy, dt.date, tuple[Payment, ...]]:
    claim = attrs.evolve(draw(claims()), reminder_fee_agreed=draw(st.booleans()))
    as_of = claim.due_date + dt.timedelta(days=draw(st.integers(min_value=0, max_value=30)))
    payments: tuple[Payment, ...] = ()
    if draw(st.booleans()) and as_of > claim.due_date:
        paid_on = draw(st.dates(min_value=claim.due_date, max_value=as_of))
        share = draw(st.integers(min_value=1, max_value=90))
        amount = (claim.principal * share * Money.of("0.01", claim.currency).amount).rounded()
        if amount.is_positive:
            payments = (Payment(amount=amount, paid_on=paid_on),)
    return claim, draw(policies(claim.jurisdiction)), as_of, payments


def _plan(case: tuple[Claim, CreditorPolicy, dt.date, tuple[Payment, ...]]) -> Timeline:
    claim, policy, as_of, payments = case
    return plan(Case(claim=claim, events=[*payments]), as_of=as_of, policy=policy)


@settings(max_examples=40)
@given(cases())
def test_plans_are_deterministic(
    case: tuple[Claim, CreditorPolicy, dt.date, tuple[Payment, ...]],
) -> None:
    assert _plan(case) == _plan(case)


@settings(max_examples=40)
@given(cases())
def test_no_step_before_the_law_or_as_of(
    case: tuple[Claim, CreditorPolicy, dt.date, tuple[Payment, ...]],
) -> None:
    timeline = _plan(case)
    previous = None
    for step in timeline.steps:
        assert step.planned_on >= step.earliest_lawful
        assert step.planned_on >= timeline.as_of
        assert step.earliest_lawful > timeline.claim.due_date  # every step follows forfall
        # ... forfall being the due date rolled onto a business day (gjeldsbrevloven § 5,
        # skuldebrevslagen 5 §; issue 14 item 1)
        forfall = calendar_for(timeline.claim.jurisdiction).roll_forward(timeline.claim.due_date)
        assert step.earliest_lawful > forfall
        if previous is not None:
            assert step.planned_on >= previous.planned_on
            if previous.deadline is not None:
                assert step.planned_on > previous.deadline
        if step.deadline is not None and step.kind in {
            StepKind.COLLECTION_NOTICE,
            StepKind.COLLECTION_DEMAND,
        }:
            minimum = 14 if timeline.claim.jurisdiction == "NO" else 8
            assert (step.deadline - step.planned_on).days >= minimum
        previous = step


@settings(max_examples=40)
@given(cases())
def test_fees_never_exceed_the_caps(
    case: tuple[Claim, CreditorPolicy, dt.date, tuple[Payment, ...]],
) -> None:
    timeline = _plan(case)
    claim = timeline.claim
    letters = [s for s in timeline.steps if s.kind is not StepKind.LEGAL_ACTION]
    if claim.jurisdiction == "NO":
        for step in letters:
            sats = inkassosats(step.planned_on)
            cap = sats.times(Fraction(3, 20)).rounded(
                to=Money.of(1, "NOK").amount
            )  # the largest fee
            assert step.fee.amount <= cap
        # inkassoforskriften § 1-3: at most two 1/20 letters and one 3/20 betalingsoppfordring
        assert sum(1 for s in letters if s.fee.allowed) <= 3
        assert (
            sum(1 for s in letters if s.fee.allowed and s.kind is not StepKind.COLLECTION_DEMAND)
            <= 2
        )
    else:
        caps = {
            StepKind.REMINDER: Money.of(60, "SEK"),
            StepKind.COLLECTION_DEMAND: Money.of(180, "SEK"),
        }
        for step in letters:
            assert step.fee.amount <= caps.get(step.kind, Money.zero("SEK"))
    if not timeline.policy.charge_fees:
        assert all(s.fee.amount.is_zero for s in timeline.steps)
    for step in timeline.steps:
        assert not step.fee.amount.is_negative
        if step.kind is StepKind.FRIENDLY_REMINDER:
            assert step.fee.amount.is_zero


@settings(max_examples=25)
@given(cases(), st.lists(st.integers(min_value=0, max_value=30 * 24), max_size=3))
def test_phone_steps_are_in_allowed_contact_windows(
    case: tuple[Claim, CreditorPolicy, dt.date, tuple[Payment, ...]], hours: list[int]
) -> None:
    claim, policy, as_of, payments = case
    phone = attrs.evolve(policy, preferred_channel=Channel.PHONE)
    zone = CONTACT[claim.jurisdiction]
    start = dt.datetime.combine(as_of, dt.time(9), tzinfo=dt.UTC)
    calls = [start + dt.timedelta(hours=h) for h in hours]
    case = Case(
        claim=claim,
        events=[*payments, *(ContactAttempt(at=m, channel=Channel.PHONE) for m in calls)],
    )
    # the plan knows the calls made up to as_of (a call's day is its local date)
    history = [a.at for a in case.until(as_of).contact_attempts]
    timeline = plan(case, as_of=as_of, policy=phone)
    for step in timeline.steps:
        if step.channel is Channel.PHONE:
            assert step.contact_at is not None
            assert step.contact_at.date() == step.planned_on
            assert zone.contact_allowed(step.contact_at, history=history).allowed
        else:
            assert step.contact_at is None
            assert not step.kind.written or step.channel is not Channel.PHONE
