"""Indrivningsplan (the Swedish collection timeline): the steps and when each is lawful.

1. Betalningspåminnelse: after the due date (moved to the next vardag first, skuldebrevslagen
   5 §); a påminnelseavgift only if agreed no later than when the debt arose (2 § lag
   1981:739), once per claim. A reminder is not required before an inkassokrav.
2. Inkassovarning (practice, optional): a call or e-mail before collection; no fee (5 § lag
   1981:739: other measures give no right to compensation).
3. Inkassokrav (5 § inkassolagen 1974:182): after the due date; a deadline of at least 8 days
   from sending and 4 bank days from likely receipt (IMY allmänna råd). E-mail and SMS count as
   received the day they are sent; a letter needs the policy's ``letter_delivery_days``.
4. Kravbrev inför ansökan hos Kronofogden (practice, optional): after the krav's deadline; no
   fee.
5. Betalningsföreläggande at Kronofogden: only after the krav's deadline (6 § inkassolagen),
   never for a claim under a sakligt grundad invändning. Its fee is Kronofogden's application
   fee plus the claimable cost of the applicant's own work (48 § lag 1990:746).

For a business creditor's claim for goods or services against a business or public body
(``Claim.creditor_kind`` and ``Claim.claim_kind`` must say so; not given, no 450 kr) the
förseningsersättning (4 a § lag 1981:739) is owed as soon as late interest runs, so from the
first step on; it covers the lag 1981:739 fees up to its amount: the fees due are the larger of
the two (Kronofogden's fees come on top). The planned inkassokrav meets 5 § inkassolagen (it is
written, states capital, interest and costs separately and sets the lawful deadline), so its fee
is computed with ``meets_inkassolagen_5=True``. Interest starts on the due date, rolled onto a
vardag (3 § räntelagen; skuldebrevslagen 5 §). The referensränta after 2026-06-30 was not
found, so a plan with interest days after that raises
:class:`~inkassorules.errors.RateNotPublished` until the caller extends the law book.

>>> from datetime import date
>>> from inkassorules import Claim, ClaimKind, CreditorKind, DebtorKind, Money
>>> claim = Claim(principal=Money.of("10000", "SEK"), due_date=date(2026, 2, 2),
...               jurisdiction="SE", debtor_kind=DebtorKind.BUSINESS,
...               creditor_kind=CreditorKind.BUSINESS, claim_kind=ClaimKind.GOODS_OR_SERVICES)
>>> steps = plan(claim, as_of=date(2026, 2, 2)).steps
>>> [(s.name, s.planned_on.isoformat(), str(s.fees)) for s in steps]
... # doctest: +NORMALIZE_WHITESPACE
[('betalningspåminnelse', '2026-02-07', '450.00 SEK'),
 ('inkassokrav', '2026-02-18', '450.00 SEK'),
 ('betalningsföreläggande (Kronofogden)', '2026-02-27', '1130.00 SEK')]
"""

from __future__ import annotations

import datetime as dt
import functools
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from inkassorules._checks import check_law
from inkassorules.calendar import add_days, calendar_for
from inkassorules.case import Case, as_case
from inkassorules.errors import InvalidInput, RuleRefused
from inkassorules.fees import FeeCap
from inkassorules.law import Citation, LawBook, builtin, cache_key
from inkassorules.money import Money
from inkassorules.se.contact import next_contact_window
from inkassorules.se.fees import (
    collection_demand_deadline,
    collection_demand_fee_cap,
    fees_with_standard_compensation,
    payment_order_application_fee,
    payment_order_cost_cap,
    reminder_fee_cap,
)
from inkassorules.se.interest import interest_start, late_interest_on_balance
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

_LAW_1981_739: Final = (
    "http://www.riksdagen.se/sv/dokument-lagar/dokument/svensk-forfattningssamling/"
    "lag-1981739-om-ersattning-for-inkassokostnader_sfs-1981-739"
)
_AFTER_DUE: Final = Citation(
    "lag (1981:739) and inkassolagen (1974:182): a reminder or inkassokrav counts only when "
    "sent after the due date, moved to the next vardag (skuldebrevslagen 5 §; IMY)",
    "https://www.imy.se/vanliga-fragor-och-svar/hur-mycket-far-man-ta-ut-i-inkassokostnader/",
    "medium",
)
_NO_OTHER_COSTS: Final = Citation(
    "5 § lag (1981:739): measures other than a reminder, an inkassokrav and an amorteringsplan "
    "give no right to compensation",
    _LAW_1981_739,
)
_AFTER_DEMAND: Final = Citation(
    "6 § inkassolagen (1974:182): no legal action before an inkassokrav under 5 § has been sent "
    "and its deadline has passed (Finansinspektionen)",
    "https://lagen.nu/1974:182",
)
_NO_WARNING_DEADLINE: Final = "no deadline: the law sets none for this step and the policy none"

_NAMES: Final = MappingProxyType(
    {
        StepKind.REMINDER: "betalningspåminnelse",
        StepKind.COLLECTION_WARNING: "inkassovarning",
        StepKind.COLLECTION_DEMAND: "inkassokrav",
        StepKind.NOTICE_BEFORE_ENFORCEMENT: "kravbrev inför ansökan hos Kronofogden",
        StepKind.LEGAL_ACTION: "betalningsföreläggande (Kronofogden)",
    }
)
_COSTLESS: Final = frozenset({StepKind.COLLECTION_WARNING, StepKind.NOTICE_BEFORE_ENFORCEMENT})
_ELECTRONIC: Final = frozenset({Channel.EMAIL, Channel.SMS})


def _given(law: LawBook) -> LawBook | None:
    """*law*, or None for the built-in book (the same data).

    With None the Swedish rules use the cached built-in business calendar instead of building
    one again for the book passed.
    """
    return None if law is builtin() else law


def _earliest(context: _Context, kind: StepKind) -> _Lawful:
    if kind is StepKind.LEGAL_ACTION:
        demand = context.last(StepKind.COLLECTION_DEMAND)
        assert demand is not None  # noqa: S101 -- guaranteed by _Country.requires
        if demand.deadline is None:  # an inkassokrav recorded without its deadline
            raise RuleRefused(
                "the inkassokrav in the case records no deadline, and legal steps may only "
                "follow it: record the letter's deadline",
                rule=_AFTER_DEMAND.rule,
            )
        return _Lawful(
            day=add_days(demand.deadline, 1),
            reasons=(f"after the inkassokrav deadline {demand.deadline.isoformat()}",),
            basis=(_AFTER_DEMAND,),
        )
    due = context.claim.due_date
    if type(due) is dt.date:  # a date subclass might format differently: not memoised
        return _after_due_kept(due, cache_key(context.law))
    return _after_due(due, cache_key(context.law))


def _after_due(due: dt.date, key: LawBook | None) -> _Lawful:
    """The first day after the due date rolled onto a vardag."""
    calendar = calendar_for("SE", law=key)
    rolled = calendar.roll_forward(due)
    moved = "" if rolled == due else f" (moved from {due.isoformat()}, not a vardag)"
    return _Lawful(
        day=add_days(rolled, 1),
        reasons=(f"after the due date {rolled.isoformat()}{moved}",),
        basis=(_AFTER_DUE, calendar.citation),
    )


# Pure and immutable: memoised per (due date, book); an error (NotInForce) is not kept.
_after_due_kept: Final = functools.lru_cache(maxsize=4096)(_after_due)


def _combine(*caps: FeeCap) -> FeeCap:
    return FeeCap(
        amount=Money.total((c.amount for c in caps), currency="SEK"),
        reasons=tuple(r for c in caps for r in c.reasons),
        basis=tuple(dict.fromkeys(b for c in caps for b in c.basis)),
    )


def _fee(context: _Context, kind: StepKind, sent_on: dt.date) -> FeeCap:
    due = context.claim.due_date
    if kind is StepKind.REMINDER:
        return reminder_fee_cap(
            sent_on=sent_on,
            due_date=due,
            fee_agreed=context.claim.reminder_fee_agreed,
            law=_given(context.law),
        )
    if kind is StepKind.COLLECTION_DEMAND:
        # The planned krav meets 5 § inkassolagen: it is written, its deadline is the lawful
        # one placed by _deadline (at least 8 days and 4 bank days, IMY), and the step and its
        # text state creditor, capital, interest and costs separately.
        return collection_demand_fee_cap(
            sent_on=sent_on, due_date=due, meets_inkassolagen_5=True, law=_given(context.law)
        )
    if kind is StepKind.LEGAL_ACTION:
        return _combine(
            payment_order_application_fee(filed_on=sent_on, law=context.law),
            payment_order_cost_cap(filed_on=sent_on, law=context.law),
        )
    return FeeCap(
        amount=Money.zero("SEK"),
        reasons=(f"no fee for a {_NAMES[kind]} (5 § lag 1981:739)",),
        basis=(_NO_OTHER_COSTS,),
    )


def _deadline(
    context: _Context, kind: StepKind, sent_on: dt.date, channel: Channel
) -> _Lawful | None:
    if kind is StepKind.LEGAL_ACTION:
        return None
    wanted = context.policy.deadline_days.get(kind)
    policy_day = None if wanted is None else add_days(sent_on, wanted)
    if kind is not StepKind.COLLECTION_DEMAND:
        if policy_day is None:
            return None
        return _Lawful(day=policy_day, reasons=(f"policy: a deadline of {wanted} days",))
    if channel in _ELECTRONIC:
        received = sent_on
    elif context.policy.letter_delivery_days is None:
        raise InvalidInput(
            "an inkassokrav by letter needs the policy's letter_delivery_days (the days a letter "
            "takes to reach the debtor): the 4 bank days run from likely receipt, and the "
            "sources give no number for it"
        )
    else:
        received = add_days(sent_on, context.policy.letter_delivery_days)
    legal = collection_demand_deadline(
        sent_on=sent_on, received_on=received, law=_given(context.law)
    )
    if policy_day is not None and policy_day > legal.earliest_last_day:
        return _Lawful(
            day=policy_day, reasons=(f"policy: a deadline of {wanted} days",), basis=legal.basis
        )
    return _Lawful(day=legal.earliest_last_day, reasons=legal.reasons, basis=legal.basis)


def _latest(context: _Context, kind: StepKind, sent_on: dt.date) -> _Lawful | None:
    del context, kind, sent_on  # no Swedish step has a statutory last day here
    return None


def _fees_due(context: _Context, kind: StepKind, fee: FeeCap) -> FeeCap | None:
    # Every step is planned after the (rolled) due date, when late interest already runs: the
    # förseningsersättning is owed from then on, not from the inkassokrav (4 a § lag 1981:739),
    # if the claim's facts say it falls within 4 a § (business creditor, goods or services).
    claim = context.claim
    if claim.debtor_kind.is_consumer:
        return None
    steps = [*((s.kind, s.fee.amount) for s in context.earlier), (kind, fee.amount)]
    ordinary = Money.total(
        (amount for k, amount in steps if k is not StepKind.LEGAL_ACTION), currency="SEK"
    )
    kronofogden = Money.total(
        (amount for k, amount in steps if k is StepKind.LEGAL_ACTION), currency="SEK"
    )
    combined = fees_with_standard_compensation(
        ordinary_fees=ordinary,
        due_date=claim.due_date,
        debtor_kind=claim.debtor_kind,
        creditor_kind=claim.creditor_kind,
        claim_kind=claim.claim_kind,
        law=context.law,
    )
    reasons = combined.reasons
    if kronofogden.is_positive:
        reasons = (*reasons, f"+ Kronofogden's fees {kronofogden}")
    return FeeCap(amount=combined.amount + kronofogden, reasons=reasons, basis=combined.basis)


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
    code="SE",
    kinds=tuple(_NAMES),
    names=_NAMES,
    requires=MappingProxyType(
        {
            StepKind.NOTICE_BEFORE_ENFORCEMENT: StepKind.COLLECTION_DEMAND,
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
            StepKind.NOTICE_BEFORE_ENFORCEMENT.value: _AFTER_DEMAND,
            StepKind.LEGAL_ACTION.value: _AFTER_DEMAND,
        }
    ),
)
"""The Swedish step rules the planner of :mod:`inkassorules.timeline` uses."""


def plan(
    case: Case | Claim,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> Timeline:
    """Indrivningsplan (Swedish collection timeline) for *case*, made on *as_of*.

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
    """Nästa åtgärd (the next Swedish collection step) for *case* on *as_of*.

    See :func:`inkassorules.timeline.next_step` for the arguments and errors.
    """
    check_law(law)
    return _plan_next(_RULES, as_case(case), as_of=as_of, policy=policy, law=law)
