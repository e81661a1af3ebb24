"""Revisjon / granskning: a case built only from the planner's own lawful steps is lawful."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules import (
    Case,
    Claim,
    DebtorKind,
    LegalActionFiled,
    LetterSent,
    Money,
    StepKind,
    calendar_for,
    plan,
)
from inkassorules.compliance import Severity, audit

# Due dates on business days in 2025-2026 (both countries' data cover them; the Swedish
# referensränta is known only to 2026-06-30, so Swedish due dates stop in spring 2026).
_FIRST = dt.date(2025, 1, 6)
_LAST = {"NO": dt.date(2026, 9, 30), "SE": dt.date(2026, 3, 31)}
_CURRENCY = {"NO": "NOK", "SE": "SEK"}
_VENUE = {"NO": "forliksrådet", "SE": "Kronofogden"}


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    code = draw(st.sampled_from(["NO", "SE"]))
    days = (_LAST[code] - _FIRST).days
    due = _FIRST + dt.timedelta(days=draw(st.integers(min_value=0, max_value=days)))
    due = calendar_for(code).roll_forward(due)
    principal = draw(st.integers(min_value=100, max_value=500_000))
    return Claim(
        principal=Money.of(principal, _CURRENCY[code]),
        due_date=due,
        jurisdiction=code,
        debtor_kind=draw(st.sampled_from(list(DebtorKind))),
    )


def _planned_case(claim: Claim) -> Case:
    events: list[LetterSent | LegalActionFiled] = []
    for step in plan(claim, as_of=claim.due_date).steps:
        if step.kind is StepKind.LEGAL_ACTION:
            events.append(
                LegalActionFiled(
                    on=step.planned_on,
                    venue=_VENUE[claim.jurisdiction],
                    fee_charged=step.fee.amount,
                )
            )
        else:
            events.append(
                LetterSent(
                    kind=step.kind,
                    sent_on=step.planned_on,
                    fee_charged=step.fee.amount,
                    deadline=step.deadline,
                    channel=step.channel,
                )
            )
    return Case(claim=claim, events=events)


@settings(max_examples=25)
@given(claims())
def test_the_planners_own_steps_are_lawful(claim):
    case = _planned_case(claim)
    last = max((case.day_of(e) for e in case.events), default=claim.due_date)
    result = audit(case, as_of=last)
    assert result.lawful, result.explain()
    assert result.excess.is_zero
    assert all(f.severity is not Severity.UNLAWFUL for f in result.findings)


_KINDS = {
    "NO": [StepKind.REMINDER, StepKind.COLLECTION_NOTICE, StepKind.COLLECTION_DEMAND],
    "SE": [StepKind.REMINDER, StepKind.COLLECTION_DEMAND],
}


@st.composite
def noisy_cases(draw: st.DrawFn) -> Case:
    claim = draw(claims())
    currency = claim.currency
    letters = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        sent = claim.due_date + dt.timedelta(days=draw(st.integers(min_value=-5, max_value=90)))
        deadline = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=20)))
        letters.append(
            LetterSent(
                kind=draw(st.sampled_from(_KINDS[claim.jurisdiction])),
                sent_on=sent,
                fee_charged=Money.of(draw(st.integers(min_value=0, max_value=700)), currency),
                deadline=None if deadline is None else sent + dt.timedelta(days=deadline),
                interest_charged=draw(
                    st.one_of(
                        st.none(),
                        st.integers(min_value=0, max_value=900).map(
                            lambda n: Money.of(n, currency)
                        ),
                    )
                ),
            )
        )
    return Case(claim=claim, events=letters)


@settings(max_examples=25)
@given(noisy_cases())
def test_the_excess_never_exceeds_what_was_charged(case):
    # Each event's excess is counted once: never more than its fee plus the interest it claimed.
    last = max((case.day_of(e) for e in case.events), default=case.claim.due_date)
    result = audit(case, as_of=last)
    zero = Money.zero(case.claim.currency)
    for event in case.letters:
        charged = event.fee_charged + (event.interest_charged or zero)
        found = Money.total(
            (f.excess for f in result.findings if f.event is event), currency=charged.currency
        )
        assert found <= charged
    assert result.excess == Money.total(
        (f.excess for f in result.findings), currency=case.claim.currency
    )
    assert result.lawful is (not result.unlawful)
