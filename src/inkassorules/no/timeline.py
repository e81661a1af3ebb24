"""Innkrevingsløp (the Norwegian collection timeline): the steps and when each is lawful.

Forfall is the due date, or the next business day if it is not one (gjeldsbrevloven § 5:
"blir forfallsdagen utdrygd til yrkedagen etter"); every step below counts from it.

1. Betalingspåminnelse (friendly reminder, practice): after forfall, never a fee.
2. Purring: a fee (purregebyr) only from 14 days after forfall (inkassoforskriften § 1-2
   første ledd); its deadline is at least 14 days when fees are charged, so that the next
   letter may carry one (§ 1-3).
3. Inkassovarsel (inkassoloven § 9): after forfall, with a deadline of at least 14 days from
   sending, not moved to a business day (Ot.prp. nr. 2 (1987-88) s. 114).
4. Betalingsoppfordring (§ 10): after the inkassovarsel deadline has run out, at least 14 days
   to pay or object. The fee is the creditor's own betalingsoppfordring (§ 1-2 tredje ledd);
   an inkassoforetak's salær (kapittel 2) is not planned here (see
   :func:`inkassorules.no.collection_fee_cap`).
5. Rettslig inndriving (§ 11): forliksråd or namsmann, after the betalingsoppfordring deadline
   and within six months of sending it. Court fees (rettsgebyr) are not planned.

For a business debtor the standardkompensasjon (forsinkelsesrenteloven § 3a) is added from the
betalingsoppfordring on, less the fees already charged, so the fees due are the larger of the two
(inkassoforskriften §§ 1-5 / 2-6 as reported). The half-year figure is read on the due date (the
sources leave the choice to the creditor). Interest starts on the due date, rolled onto a
business day (gjeldsbrevloven § 5).

>>> from datetime import date
>>> from inkassorules import Claim, DebtorKind, Money
>>> claim = Claim(principal=Money.of("8000", "NOK"), due_date=date(2026, 3, 2),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> steps = plan(claim, as_of=date(2026, 3, 2)).steps
>>> [(s.name, s.deadline.isoformat()) for s in steps[1:4]]  # doctest: +NORMALIZE_WHITESPACE
[('purring', '2026-03-30'), ('inkassovarsel', '2026-04-14'),
 ('betalingsoppfordring', '2026-04-29')]
"""

from __future__ import annotations

import datetime as dt
import functools
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from inkassorules._checks import check_law
from inkassorules.calendar import add_days, calendar_for
from inkassorules.case import Case, as_case
from inkassorules.errors import RuleRefused
from inkassorules.fees import FeeCap
from inkassorules.law import Citation, LawBook, builtin, cache_key
from inkassorules.money import Money
from inkassorules.no.contact import next_contact_window
from inkassorules.no.fees import (
    CollectionDemandDeadline,
    FeeLetter,
    LegalDate,
    collection_demand_deadline,
    collection_demand_fee_cap,
    collection_notice_deadline,
    collection_notice_fee_cap,
    earliest_fee_date,
    legal_collection_deadline,
    reminder_fee_cap,
    standard_compensation,
)
from inkassorules.no.interest import interest_start, late_interest_on_balance
from inkassorules.timeline import (
    Channel,
    CreditorPolicy,
    NextStep,
    StepKind,
    Timeline,
    _Context,
    _Country,
    _Lawful,
    _plan,
    _plan_next,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from inkassorules.claims import Claim, Payment
    from inkassorules.interest import BalanceInterestResult, InterestStart

__all__ = ["next_step", "plan"]

_SECOND_FEE_DEADLINE_DAYS: Final = "no.fees.second_fee_deadline_days"

_AFTER_DUE: Final = Citation(
    "inkassoloven § 9 første ledd: the inkassovarsel is sent after the claim's forfall",
    "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/inkassovarsel/",
)
_FORFALL: Final = Citation(
    "gjeldsbrevloven § 5 annet ledd: a forfallsdag that is not a business day is postponed to "
    "the next one; the inkassovarsel is sent 'etter kravets forfall' (inkassoloven § 9 første "
    "ledd a), so after that postponed forfall",
    "https://jusinfo.no/pengekravsrett/betalingstid-mv/betalingstid-mv/",
    note="§ 9: https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/inkassovarsel/ ('det er "
    "ikke adgang til å sette i gang inkassoprosessen før kravet er forfalt')",
)
_DEMAND_AFTER_NOTICE: Final = Citation(
    "inkassoloven § 10 første ledd: the betalingsoppfordring is sent after the inkassovarsel "
    "deadline has run out",
    "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/betalingsoppfordring/",
)
_LEGAL_AFTER_DEMAND: Final = Citation(
    "inkassoloven § 11: legal collection after the betalingsoppfordring deadline has passed and "
    "the claim's rightfulness has been assessed; within six months, or a new "
    "betalingsoppfordring",
    "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/rettslig-inndriving/",
)
_NO_COURT_FEES: Final = (
    "the fees of legal steps (rettsgebyr at forliksrådet or namsmannen) are not planned by the "
    "library; add them from the court's own table"
)

_NAMES: Final = MappingProxyType(
    {
        StepKind.FRIENDLY_REMINDER: "betalingspåminnelse",
        StepKind.REMINDER: "purring",
        StepKind.COLLECTION_NOTICE: "inkassovarsel",
        StepKind.COLLECTION_DEMAND: "betalingsoppfordring",
        StepKind.LEGAL_ACTION: "rettslig inndriving (forliksråd / namsmann)",
    }
)
_LETTERS: Final = MappingProxyType(
    {
        StepKind.FRIENDLY_REMINDER: StepKind.REMINDER,
        StepKind.REMINDER: StepKind.REMINDER,
        StepKind.COLLECTION_NOTICE: StepKind.COLLECTION_NOTICE,
        StepKind.COLLECTION_DEMAND: StepKind.COLLECTION_DEMAND,
    }
)


def _from(legal: LegalDate | CollectionDemandDeadline) -> _Lawful:
    return _Lawful(day=legal.day, reasons=legal.reasons, basis=legal.basis)


def _after(step: object, citation: Citation) -> _Lawful:
    # The required earlier step exists (the engine checks the policy) and set a deadline.
    assert step is not None  # noqa: S101 -- guaranteed by _Country.requires
    deadline = getattr(step, "deadline", None)
    name = getattr(step, "name", "")
    if not isinstance(deadline, dt.date):  # a letter recorded without its deadline
        raise RuleRefused(
            f"the {name or 'earlier letter'} in the case records no deadline, and the next step "
            "may only follow that deadline: record the letter's deadline",
            rule=citation.rule,
        )
    return _Lawful(
        day=add_days(deadline, 1),
        reasons=(f"after the {name} deadline {deadline.isoformat()}",),
        basis=(citation,),
    )


def _earliest(context: _Context, kind: StepKind) -> _Lawful:
    due = context.claim.due_date
    if kind is StepKind.COLLECTION_DEMAND:
        return _after(context.last(StepKind.COLLECTION_NOTICE), _DEMAND_AFTER_NOTICE)
    if kind is StepKind.LEGAL_ACTION:
        return _after(context.last(StepKind.COLLECTION_DEMAND), _LEGAL_AFTER_DEMAND)
    fee_date = kind is StepKind.REMINDER and context.policy.charge_fees
    if type(due) is dt.date:  # a date subclass might format differently: not memoised
        return _after_due_kept(due, kind, fee_date, cache_key(context.law))
    return _after_due(due, kind, fee_date, cache_key(context.law))


def _after_due(due: dt.date, kind: StepKind, fee_date: bool, key: LawBook | None) -> _Lawful:
    """The earliest day of a step that needs only the due date (and, for a fee, the data)."""
    if fee_date:
        return _from(earliest_fee_date(due_date=due, law=key))
    calendar = calendar_for("NO", law=key)
    forfall = calendar.roll_forward(due)
    basis: tuple[Citation, ...] = (_AFTER_DUE,) if kind is StepKind.COLLECTION_NOTICE else ()
    if forfall == due:
        reason = f"after the due date {due.isoformat()}"
    else:
        reason = (
            f"after forfall {forfall.isoformat()} (the due date {due.isoformat()} is not a "
            "business day and is postponed, gjeldsbrevloven § 5)"
        )
        basis = (*basis, _FORFALL, calendar.citation)
    return _Lawful(day=add_days(forfall, 1), reasons=(reason,), basis=basis)


# Pure and immutable: memoised per (due date, kind, fee, book); an error (NotInForce) is not kept.
_after_due_kept: Final = functools.lru_cache(maxsize=4096)(_after_due)


def _letters(context: _Context) -> tuple[FeeLetter, ...]:
    # A letter the case took before the forfall the plan counts from (a due date postponed
    # later, or an accelerated balance) still counts towards the limits of inkassoforskriften
    # § 1-3, as a letter of that forfall: the reading that cannot overcharge (its deadline can
    # only get shorter, so it can only make a second fee harder to earn).
    due = calendar_for("NO", law=cache_key(context.law)).roll_forward(context.claim.due_date)
    return tuple(
        FeeLetter(
            kind=_LETTERS[step.kind],
            sent_on=max(step.planned_on, due),
            deadline=None if step.deadline is None else max(step.deadline, due),
            fee_charged=step.fee.allowed,
        )
        for step in context.earlier
        if step.kind in _LETTERS
    )


def _fee(context: _Context, kind: StepKind, sent_on: dt.date) -> FeeCap:
    if kind is StepKind.LEGAL_ACTION:
        return FeeCap(amount=Money.zero("NOK"), reasons=(_NO_COURT_FEES,))
    rule = {
        StepKind.REMINDER: reminder_fee_cap,
        StepKind.COLLECTION_NOTICE: collection_notice_fee_cap,
        StepKind.COLLECTION_DEMAND: collection_demand_fee_cap,
    }[kind]
    return rule(
        sent_on=sent_on,
        due_date=context.claim.due_date,
        earlier_letters=_letters(context),
        law=context.law,
    )


def _deadline(
    context: _Context, kind: StepKind, sent_on: dt.date, channel: Channel
) -> _Lawful | None:
    del channel  # Norwegian deadlines count from the sending day, whatever the channel
    wanted = context.policy.deadline_days.get(kind)
    legal: _Lawful | None = None
    if kind is StepKind.COLLECTION_NOTICE:
        legal = _from(collection_notice_deadline(sent_on=sent_on, law=context.law))
    elif kind is StepKind.COLLECTION_DEMAND:
        legal = _from(collection_demand_deadline(sent_on=sent_on, law=context.law))
    elif kind is StepKind.REMINDER and context.policy.charge_fees:
        minimum = context.law.days(_SECOND_FEE_DEADLINE_DAYS, sent_on)
        legal = _Lawful(
            day=add_days(sent_on, minimum.value),
            reasons=(
                (
                    f"a purring deadline of at least {minimum.value} days lets the next letter "
                    "carry a fee"
                ),
            ),
            basis=(minimum.citation,),
        )
    elif kind is StepKind.LEGAL_ACTION:
        return None
    if wanted is None:
        return legal
    policy_day = add_days(sent_on, wanted)
    if legal is None or policy_day > legal.day:
        return _Lawful(
            day=policy_day,
            reasons=(f"policy: a deadline of {wanted} days",),
            basis=() if legal is None else legal.basis,
        )
    return legal


def _latest(context: _Context, kind: StepKind, sent_on: dt.date) -> _Lawful | None:
    if kind is not StepKind.LEGAL_ACTION:
        return None
    demand = context.last(StepKind.COLLECTION_DEMAND)
    assert demand is not None  # noqa: S101 -- guaranteed by _Country.requires
    limit = legal_collection_deadline(demand_sent_on=demand.planned_on, law=context.law)
    reasons = limit.reasons
    if sent_on > limit.day:
        reasons = (
            *reasons,
            (
                f"planned on {sent_on.isoformat()}, after {limit.day.isoformat()}: a new "
                "betalingsoppfordring must be sent first (inkassoloven § 11)"
            ),
        )
    return _Lawful(day=limit.day, reasons=reasons, basis=limit.basis)


def _fees_due(context: _Context, kind: StepKind, fee: FeeCap) -> FeeCap | None:
    claim = context.claim
    if claim.debtor_kind.is_consumer or kind.level < StepKind.COLLECTION_DEMAND.level:
        return None
    ordinary = Money.total((s.fee.amount for s in context.earlier), currency="NOK") + fee.amount
    compensation = standard_compensation(
        due_date=claim.due_date,
        debtor_kind=claim.debtor_kind,
        figure_date=claim.due_date,
        fees_already_charged=ordinary,
        law=context.law,
    )
    total = ordinary + compensation.amount
    return FeeCap(
        amount=total,
        reasons=(
            (
                f"fees {ordinary} + standardkompensasjon not covered by them "
                f"{compensation.amount} = {total}"
            ),
            *compensation.reasons,
        ),
        basis=compensation.basis,
    )


@functools.lru_cache(maxsize=4096)
def _builtin_interest_start(due_date: dt.date) -> InterestStart:
    # interest_start is pure, and its result immutable: with the built-in data it depends on
    # the due date alone, so it is worked out once per due date (the planner asks it per step).
    return interest_start(due_date=due_date, law=builtin())


def _interest_start(claim: Claim, law: LawBook) -> InterestStart:
    if law is builtin():
        return _builtin_interest_start(claim.due_date)
    return interest_start(due_date=claim.due_date, law=law)


def _interest(
    principal: Money, payments: Sequence[Payment], start: dt.date, until: dt.date, law: LawBook
) -> BalanceInterestResult:
    return late_interest_on_balance(principal, payments, due_date=start, until=until, law=law)


def _contact(after: dt.datetime, history: Sequence[dt.datetime], law: LawBook) -> dt.datetime:
    return next_contact_window(after, channel="phone", history=history, law=law)


_RULES: Final = _Country(
    code="NO",
    kinds=tuple(_NAMES),
    names=_NAMES,
    requires=MappingProxyType(
        {
            StepKind.COLLECTION_DEMAND: StepKind.COLLECTION_NOTICE,
            StepKind.LEGAL_ACTION: StepKind.COLLECTION_DEMAND,
        }
    ),
    earliest=_earliest,
    fee=_fee,
    deadline=_deadline,
    latest=_latest,
    interest_start=_interest_start,
    interest=_interest,
    fees_due=_fees_due,
    contact=_contact,
    citations=MappingProxyType(
        {
            StepKind.COLLECTION_DEMAND.value: _DEMAND_AFTER_NOTICE,
            StepKind.LEGAL_ACTION.value: _LEGAL_AFTER_DEMAND,
        }
    ),
)
"""The Norwegian step rules the planner of :mod:`inkassorules.timeline` uses."""


def plan(
    case: Case | Claim,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> Timeline:
    """Innkrevingsløp (Norwegian collection timeline) for *case*, made on *as_of*.

    See :func:`inkassorules.timeline.plan` for the arguments and errors.
    """
    check_law(law)
    return _plan(_RULES, as_case(case), as_of=as_of, policy=policy, law=law)


def next_step(
    case: Case | Claim,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> NextStep:
    """Neste skritt (the next Norwegian collection step) for *case* on *as_of*.

    See :func:`inkassorules.timeline.next_step` for the arguments and errors.
    """
    check_law(law)
    return _plan_next(_RULES, as_case(case), as_of=as_of, policy=policy, law=law)
