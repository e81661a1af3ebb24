"""Inkassokostnader (Swedish collection fees): the caps of lag (1981:739) and their conditions.

Lag (1981:739) om ersättning för inkassokostnader m.m. lets a creditor charge a debtor for three
collection measures, each up to a maximum amount, and, between businesses, gives a fixed
förseningsersättning:

* :func:`reminder_fee_cap`: påminnelseavgift, a written payment reminder (2 §), only if agreed
  no later than when the debt arose, once per claim;
* :func:`collection_demand_fee_cap`: ersättning för inkassokrav (3 § p.1), a krav that meets
  5 § inkassolagen (1974:182);
* :func:`instalment_agreement_fee_cap`: upprättande av amorteringsplan (3 § p.2);
* :func:`standard_compensation`: förseningsersättning (4 a §), 450 kr, for a business
  creditor's claim for goods or services against a business or public body, from the moment
  late interest runs, and :func:`fees_with_standard_compensation`, how it
  combines with the three fees above.

The amounts are chosen by the date of the measure (``sent_on``): those of förordning (1981:1057)
apply to measures taken before 2013-03-16, those of 4 § 2 st lag 1981:739 (SFS 2013:56) from
that day. The amounts before 2003-07-01 were not found, so those dates raise
:class:`~inkassorules.errors.NotInForce`. A measure counts only when taken after the due date,
and a due date on a Saturday, Sunday or holiday moves to the next vardag first (skuldebrevslagen
5 §). This module also gives the inkassokrav deadline (:func:`collection_demand_deadline`) and
Kronofogden's fees and step (:func:`payment_order_application_fee`,
:func:`payment_order_cost_cap`, :func:`enforcement_basic_fee`,
:func:`check_payment_order_allowed`).

References:
    Lag (1981:739), SFS 2013:56:
    https://www.lagboken.se/Lagboken/start/sfs/sfs/2013/0-99/d_1519649-sfs-2013_56-lag-om-andring-i-lagen-1981_739-om-ersattning-for-inkassokostnader-m.m
    Förordning (1981:1057): https://open.karnovgroup.se/naringsratt/SFS1981-1057
    IMY: https://www.imy.se/vanliga-fragor-och-svar/hur-mycket-far-man-ta-ut-i-inkassokostnader/

>>> from datetime import date
>>> reminder_fee_cap(sent_on=date(2026, 3, 10), due_date=date(2026, 3, 2), fee_agreed=True).amount
Money(amount=Decimal('60.00'), currency='SEK')
>>> collection_demand_fee_cap(sent_on=date(2013, 3, 15), due_date=date(2013, 2, 28),
...                           meets_inkassolagen_5=True).amount
Money(amount=Decimal('160.00'), currency='SEK')
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Final

from inkassorules._checks import check_date, check_law
from inkassorules.calendar import calendar_for
from inkassorules.claims import ClaimKind, CreditorKind, DebtorKind
from inkassorules.errors import CurrencyMismatch, InvalidInput
from inkassorules.fees import FeeCap
from inkassorules.law import Citation, builtin
from inkassorules.law import cache_key as _book_key
from inkassorules.money import MINOR_UNIT, Money
from inkassorules.se._collection_demand import (
    CollectionDemandDeadline,
    collection_demand_deadline,
)
from inkassorules.se._kronofogden import (
    check_payment_order_allowed,
    enforcement_basic_fee,
    is_payment_order_allowed,
    payment_order_application_fee,
    payment_order_cost_cap,
)

if TYPE_CHECKING:
    from inkassorules.law import Entry, LawBook

__all__ = [
    "CollectionDemandDeadline",
    "check_payment_order_allowed",
    "collection_demand_deadline",
    "collection_demand_fee_cap",
    "enforcement_basic_fee",
    "fees_with_standard_compensation",
    "instalment_agreement_fee_cap",
    "is_payment_order_allowed",
    "payment_order_application_fee",
    "payment_order_cost_cap",
    "reminder_fee_cap",
    "standard_compensation",
]

_CURRENCY: Final = "SEK"
_REMINDER: Final = "se.fees.reminder_fee"
_DEMAND: Final = "se.fees.collection_demand_fee"
_PLAN: Final = "se.fees.instalment_agreement_fee"
_COMPENSATION: Final = "se.fees.standard_compensation"

_LAW_1981_739: Final = (
    "http://www.riksdagen.se/sv/dokument-lagar/dokument/svensk-forfattningssamling/"
    "lag-1981739-om-ersattning-for-inkassokostnader_sfs-1981-739"
)
_SFS_2013_56: Final = (
    "https://www.lagboken.se/Lagboken/start/sfs/sfs/2013/0-99/"
    "d_1519649-sfs-2013_56-lag-om-andring-i-lagen-1981_739-om-ersattning-for-inkassokostnader-m.m"
)
_IMY_COSTS: Final = (
    "https://www.imy.se/vanliga-fragor-och-svar/hur-mycket-far-man-ta-ut-i-inkassokostnader/"
)

# Citations of the conditions (logic, not numbers), from shared/domain/sweden.md 1.3 and 2.
_AGREEMENT: Final = Citation(
    "2 § lag (1981:739): påminnelseavgift only if agreed no later than when the debt arose",
    _LAW_1981_739,
)
_AFTER_DUE_DATE: Final = Citation(
    "lag (1981:739): only measures taken after the due date give a right to compensation (IMY)",
    _IMY_COSTS,
    "medium",
    note="reminders or invoicing before the due date fall outside the law",
)
_ONCE_PER_CLAIM: Final = Citation(
    "2 § lag (1981:739): one påminnelseavgift per claim (Björn Lundén/Blinfo; Collectia)",
    "https://collectia.se/deb/lagar-och-regler/",
    "medium",
    note="two industry sources; the statute says 'betalningspåminnelse' in the singular",
)
_DEMAND_FORM: Final = Citation(
    "3 § p.1 lag (1981:739): an inkassokrav drawn up as 5 § inkassolagen (1974:182) requires",
    _LAW_1981_739,
)
_PAID_BEFORE_DEMAND: Final = Citation(
    "lag (1981:739) 3 § p.1 as applied by IMY: the inkassokrav fee is owed if the krav was sent "
    "no later than the day the payment was booked on the payee's account",
    "https://www.imy.se/vanliga-fragor-och-svar/maste-jag-betala-inkassokostnaden-trots-att-jag-betalat-skulden/",
)
_PLAN_FORM: Final = Citation(
    "3 § p.2 lag (1981:739): a written, complete plan for the whole remaining debt, made "
    "together with the debtor and handed over or sent",
    _LAW_1981_739,
)
_COMPENSATION_SCOPE: Final = Citation(
    "4 a § 1 st lag (1981:739) (SFS 2013:56): between näringsidkare, or a näringsidkare's claim "
    "on a public body, for goods or services; never against consumers",
    _SFS_2013_56,
)
_COMPENSATION_TRIGGER: Final = Citation(
    "4 a § 1 st lag (1981:739) (SFS 2013:56): owed when the creditor 'har rätt till "
    "dröjsmålsränta' on the claim, so from the moment late interest runs, not with an "
    "inkassokrav",
    _SFS_2013_56,
    note="inkop24.se (4a §: 'en fordringsägare som har rätt till dröjsmålsränta') and Sergel "
    "('dröjsmålsränta, och alltså även förseningsersättningen') agree; IMY's 'med automatik i "
    "samma ögonblick' is quoted in shared/domain/sweden.md, its page was not re-read",
)
_COMPENSATION_TRANSITION: Final = Citation(
    "4 a § lag (1981:739), SFS 2013:56 in force 2013-03-16: only claims falling due on or after "
    "that day (Linköpings tingsrätt / Göta hovrätt 2014)",
    "https://www.alltomjuridik.se/nyheter/ingen-forseningsavgift-pa-tio-ar-gammal-fordran/",
    "medium",
)
_COMPENSATION_REPLACES: Final = Citation(
    "4 a § and 5 § lag (1981:739): förseningsersättning replaces the påminnelseavgift, the "
    "inkassokrav fee and the amorteringsplan fee up to its amount; only costs above it may be "
    "added",
    _IMY_COSTS,
    note="IMY and Sergel agree; the statutory sentence (probably 5 § 2 st) was not retrieved",
)


# How many fee caps per rule (law book, dates, flags) are kept in memory; a FeeCap is immutable.
_FEES_KEPT: Final = 4096
# The types of paid_on whose results are memoised (a date subclass may format differently).
_PLAIN: Final = frozenset({dt.date, type(None)})


_NOTHING: Final = Money.zero(_CURRENCY).rounded(to=MINOR_UNIT)
"""A zero cap, to the öre (0.00 SEK); Money is immutable, so one instance serves."""


def _check_flag(value: object, argument: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"{argument} must be True or False, got {value!r}")
    return value


def _zero(reasons: list[str], basis: list[Citation]) -> FeeCap:
    return FeeCap(
        amount=_NOTHING,
        reasons=tuple(reasons),
        basis=tuple(dict.fromkeys(basis)),
    )


def _measure_after_due_date(
    *,
    taken_on: dt.date,
    due_date: dt.date,
    measure: str,
    law: LawBook | None,
    reasons: list[str],
    basis: list[Citation],
) -> None:
    """Add a reason if *taken_on* is not after the due date (rolled to a vardag)."""
    if taken_on <= due_date:
        reasons.append(
            f"the {measure} on {taken_on.isoformat()} is not after the due date "
            f"{due_date.isoformat()}; only measures after the due date count"
        )
        basis.append(_AFTER_DUE_DATE)
        return
    # Skuldebrevslagen 5 §: the due date moves to the first vardag on or after it. The measure
    # is after that day if some vardag lies in [due_date, taken_on); look back from taken_on,
    # so only the days near the measure are asked of the calendar.
    calendar = calendar_for("SE", law=law)
    day = taken_on - dt.timedelta(days=1)
    while day >= due_date:
        if calendar.is_business_day(day):
            return
        day -= dt.timedelta(days=1)
    effective = calendar.roll_forward(due_date)
    reasons.append(
        f"the due date {due_date.isoformat()} is not a vardag and moves to "
        f"{effective.isoformat()} (skuldebrevslagen 5 §); the {measure} on "
        f"{taken_on.isoformat()} is not after it"
    )
    basis.extend((calendar.citation, _AFTER_DUE_DATE))  # the refusal last


def _measure_fee(
    entry: Entry[Money],
    *,
    reasons: list[str],
    basis: list[Citation],
    granted: str,
) -> FeeCap:
    basis.insert(0, entry.citation)
    if reasons:
        return _zero(reasons, basis)
    cap = entry.value.rounded(to=MINOR_UNIT)
    return FeeCap(
        amount=cap,
        reasons=(f"{granted}: at most {cap}",),
        basis=tuple(dict.fromkeys(basis)),
    )


def reminder_fee_cap(
    *,
    sent_on: dt.date,
    due_date: dt.date,
    law: LawBook | None = None,
    fee_agreed: bool = False,
    reminder_fee_already_charged: bool = False,
) -> FeeCap:
    """Påminnelseavgift (Swedish reminder-fee cap).

    The most a creditor may charge for a written betalningspåminnelse: 60 kr for reminders sent
    from 2013-03-16 (4 § 2 st p.1 lag 1981:739, SFS 2013:56), 50 kr from 2003-07-01 to
    2013-03-15 (förordning 1981:1057, SFS 2003:294). The fee is owed only if it was agreed no
    later than when the debt arose (2 §), only for a reminder sent after the due date (IMY;
    a due date that is not a vardag moves to the next one first), and only once per claim
    (industry reading, medium confidence). The amount is chosen by ``sent_on``.

    >>> from datetime import date
    >>> cap = reminder_fee_cap(sent_on=date(2026, 3, 10), due_date=date(2026, 3, 2))
    >>> cap.amount
    Money(amount=Decimal('0.00'), currency='SEK')
    >>> print(cap.reasons[0])
    no agreement on a påminnelseavgift made no later than when the debt arose (2 § lag 1981:739)

    Args:
        sent_on: the day the reminder was sent (the date of the measure).
        due_date: the claim's agreed due date (förfallodag).
        law: the law book to read; None for the built-in data.
        fee_agreed: True if the debtor agreed to a reminder fee no later than when the debt
            arose. The default False is the safe answer: no fee.
        reminder_fee_already_charged: True if a påminnelseavgift was already charged for this
            claim.

    Returns:
        The cap, zero with the reasons when no fee may be charged.

    Raises:
        NotInForce: for reminders sent before 2003-07-01 (amounts NOT FOUND).
        InvalidInput: for arguments of the wrong type.
    """
    check_law(law)
    check_date(sent_on, "sent_on")
    check_date(due_date, "due_date")
    agreed = _check_flag(fee_agreed, "fee_agreed")
    charged = _check_flag(reminder_fee_already_charged, "reminder_fee_already_charged")
    key = _book_key(law)
    if type(sent_on) is dt.date and type(due_date) is dt.date:
        return _reminder_fee_kept(key, sent_on, due_date, agreed, charged)
    return _reminder_fee(key, sent_on, due_date, agreed, charged)


def _reminder_fee(
    key: LawBook | None, sent_on: dt.date, due_date: dt.date, agreed: bool, charged: bool
) -> FeeCap:
    """reminder_fee_cap for checked arguments (memoised below: all inputs are immutable)."""
    law = key  # None stands for the built-in book
    entry = (law or builtin()).amount(_REMINDER, sent_on)
    reasons: list[str] = []
    basis: list[Citation] = [_AGREEMENT]
    _measure_after_due_date(
        taken_on=sent_on,
        due_date=due_date,
        measure="reminder sent",
        law=law,
        reasons=reasons,
        basis=basis,
    )
    if not agreed:
        reasons.append(
            "no agreement on a påminnelseavgift made no later than when the debt arose "
            "(2 § lag 1981:739)"
        )
    if charged:
        reasons.append("a påminnelseavgift was already charged for this claim: one per claim")
        basis.append(_ONCE_PER_CLAIM)
    return _measure_fee(
        entry,
        reasons=reasons,
        basis=basis,
        granted=(
            f"påminnelseavgift for a written reminder sent {sent_on.isoformat()}, after the due "
            "date, agreed no later than when the debt arose"
        ),
    )


_reminder_fee_kept: Final = functools.lru_cache(maxsize=_FEES_KEPT)(_reminder_fee)


def collection_demand_fee_cap(
    *,
    sent_on: dt.date,
    due_date: dt.date,
    meets_inkassolagen_5: bool,
    law: LawBook | None = None,
    paid_on: dt.date | None = None,
) -> FeeCap:
    """Ersättning för inkassokrav (Swedish collection-demand fee cap).

    The most a creditor may charge for an inkassokrav: 180 kr for krav sent from 2013-03-16
    (3 § p.1, 4 § 2 st p.2 lag 1981:739, SFS 2013:56), 160 kr from 2003-07-01 to 2013-03-15
    (förordning 1981:1057, SFS 2003:294). The krav must be drawn up as 5 § inkassolagen
    (1974:182) requires (written; creditor and basis of the claim; capital, interest and costs
    stated separately; a reasonable deadline) and be sent after the due date. If the debtor's
    payment was booked before the day the krav was sent, no fee is owed (IMY).

    >>> from datetime import date
    >>> collection_demand_fee_cap(sent_on=date(2026, 3, 20), due_date=date(2026, 3, 2),
    ...                           meets_inkassolagen_5=True).amount
    Money(amount=Decimal('180.00'), currency='SEK')
    >>> collection_demand_fee_cap(sent_on=date(2026, 3, 20), due_date=date(2026, 3, 2),
    ...                           meets_inkassolagen_5=False).reasons
    ('the krav does not meet 5 § inkassolagen (1974:182) (3 § p.1 lag 1981:739)',)

    Args:
        sent_on: the day the krav was sent (the date of the measure).
        due_date: the claim's agreed due date.
        law: the law book to read; None for the built-in data.
        meets_inkassolagen_5: required: the caller's statement that the krav meets 5 §
            inkassolagen (written; creditor and basis of the claim; capital, interest and costs
            stated separately; a reasonable deadline to pay or object). The 180 kr are owed
            only for such a krav (3 § p.1 lag 1981:739) and the library cannot read a letter,
            so there is no default: pass False for a krav that does not, or was not checked.
        paid_on: the day the debtor's payment was booked on the creditor's account, if paid.

    Returns:
        The cap, zero with the reasons when no fee may be charged.

    Raises:
        NotInForce: for krav sent before 2003-07-01 (amounts NOT FOUND).
        InvalidInput: for arguments of the wrong type.
    """
    check_law(law)
    check_date(sent_on, "sent_on")
    check_date(due_date, "due_date")
    compliant = _check_flag(meets_inkassolagen_5, "meets_inkassolagen_5")
    if paid_on is not None:
        check_date(paid_on, "paid_on")
    key = _book_key(law)
    if type(sent_on) is dt.date and type(due_date) is dt.date and type(paid_on) in _PLAIN:
        return _demand_fee_kept(key, sent_on, due_date, compliant, paid_on)
    return _demand_fee(key, sent_on, due_date, compliant, paid_on)


def _demand_fee(
    key: LawBook | None,
    sent_on: dt.date,
    due_date: dt.date,
    compliant: bool,
    paid_on: dt.date | None,
) -> FeeCap:
    """collection_demand_fee_cap for checked arguments (memoised below)."""
    law = key  # None stands for the built-in book
    entry = (law or builtin()).amount(_DEMAND, sent_on)
    reasons: list[str] = []
    basis: list[Citation] = [_DEMAND_FORM]
    _measure_after_due_date(
        taken_on=sent_on,
        due_date=due_date,
        measure="inkassokrav sent",
        law=law,
        reasons=reasons,
        basis=basis,
    )
    if not compliant:
        reasons.append("the krav does not meet 5 § inkassolagen (1974:182) (3 § p.1 lag 1981:739)")
    if paid_on is not None and paid_on < sent_on:
        reasons.append(
            f"the payment was booked on {paid_on.isoformat()}, before the krav was sent on "
            f"{sent_on.isoformat()}"
        )
        basis.append(_PAID_BEFORE_DEMAND)
    return _measure_fee(
        entry,
        reasons=reasons,
        basis=basis,
        granted=(
            f"ersättning för inkassokrav for a krav meeting 5 § inkassolagen sent "
            f"{sent_on.isoformat()}, after the due date"
        ),
    )


_demand_fee_kept: Final = functools.lru_cache(maxsize=_FEES_KEPT)(_demand_fee)


def instalment_agreement_fee_cap(
    *,
    sent_on: dt.date,
    due_date: dt.date,
    complete_written_plan: bool,
    law: LawBook | None = None,
) -> FeeCap:
    """Ersättning för upprättande av amorteringsplan (Swedish instalment-plan fee cap).

    The most a creditor may charge for drawing up an amorteringsplan: 170 kr for plans sent from
    2013-03-16 (3 § p.2, 4 § 2 st p.3 lag 1981:739, SFS 2013:56), 150 kr from 2003-07-01 to
    2013-03-15 (förordning 1981:1057, SFS 2003:294). Only for a written, complete plan for the
    amortisation of the whole remaining debt, made together with the debtor and handed over or
    sent, after the due date.

    >>> from datetime import date
    >>> instalment_agreement_fee_cap(
    ...     sent_on=date(2026, 4, 1), due_date=date(2026, 3, 2), complete_written_plan=True
    ... ).amount
    Money(amount=Decimal('170.00'), currency='SEK')

    Args:
        sent_on: the day the plan was handed over or sent (the date of the measure).
        due_date: the claim's agreed due date.
        complete_written_plan: required: True only if the plan is written, covers the whole
            remaining debt and was made together with the debtor (3 § p.2).
        law: the law book to read; None for the built-in data.

    Returns:
        The cap, zero with the reasons when no fee may be charged.

    Raises:
        NotInForce: for plans sent before 2003-07-01 (amounts NOT FOUND).
        InvalidInput: for arguments of the wrong type.
    """
    check_law(law)
    check_date(sent_on, "sent_on")
    check_date(due_date, "due_date")
    complete = _check_flag(complete_written_plan, "complete_written_plan")
    entry = (law or builtin()).amount(_PLAN, sent_on)
    reasons: list[str] = []
    basis: list[Citation] = [_PLAN_FORM]
    _measure_after_due_date(
        taken_on=sent_on,
        due_date=due_date,
        measure="amorteringsplan sent",
        law=law,
        reasons=reasons,
        basis=basis,
    )
    if not complete:
        reasons.append(
            "the plan is not a written, complete plan for the whole remaining debt made together "
            "with the debtor (3 § p.2 lag 1981:739)"
        )
    return _measure_fee(
        entry,
        reasons=reasons,
        basis=basis,
        granted=(
            f"upprättande av amorteringsplan for a complete written plan sent "
            f"{sent_on.isoformat()}"
        ),
    )


def _check_kind(value: object, kind: type, argument: str) -> None:
    if value is not None and not isinstance(value, kind):
        raise InvalidInput(f"{argument} must be a {kind.__name__} or None, got {value!r}")


def standard_compensation(
    *,
    due_date: dt.date,
    debtor_kind: DebtorKind,
    creditor_kind: CreditorKind | None = None,
    claim_kind: ClaimKind | None = None,
    law: LawBook | None = None,
) -> FeeCap:
    """Förseningsersättning (Swedish fixed compensation for late payment between businesses).

    450 kr, a fixed amount (not a maximum) that arises without any agreement when a näringsidkare
    has a right to dröjsmålsränta on a claim for payment for goods or services against another
    näringsidkare or a public body (4 a § lag 1981:739, SFS 2013:56, directive 2011/7/EU). It
    arises with the right to late interest, "med automatik i samma ögonblick som borgenären har
    rätt till dröjsmålsränta" (IMY), not with an inkassokrav. Never against a consumer. It
    applies only to claims falling due on or after 2013-03-16 (medium confidence: one court
    report); earlier claims get zero. It replaces the ordinary fees up to 450 kr: see
    :func:`fees_with_standard_compensation`.

    The scope needs two facts the library cannot guess: who the creditor is and what the claim
    is for. Unless the caller states both (a business creditor, a claim for goods or services),
    the answer is zero with the reason: the 450 kr are never added on facts not given.

    >>> from datetime import date
    >>> from inkassorules import ClaimKind, CreditorKind, DebtorKind
    >>> standard_compensation(due_date=date(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS,
    ...                       creditor_kind=CreditorKind.BUSINESS,
    ...                       claim_kind=ClaimKind.GOODS_OR_SERVICES).amount
    Money(amount=Decimal('450.00'), currency='SEK')
    >>> standard_compensation(due_date=date(2026, 3, 2),
    ...                       debtor_kind=DebtorKind.CONSUMER).reasons[0]
    'never against a consumer (4 a § 1 st lag 1981:739)'
    >>> standard_compensation(due_date=date(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS,
    ...                       creditor_kind=CreditorKind.BUSINESS,
    ...                       claim_kind=ClaimKind.LOAN).amount
    Money(amount=Decimal('0.00'), currency='SEK')

    Args:
        due_date: the day the claim fell due, i.e. from which late-payment interest runs (with
            no agreed due date: the interest start under 4 § räntelagen, which the caller
            computes).
        debtor_kind: consumer, business or public body.
        creditor_kind: who the creditor is; only ``CreditorKind.BUSINESS`` (a näringsidkare
            acting in its business) qualifies. None (not given) gives zero.
        claim_kind: what the claim is for; only ``ClaimKind.GOODS_OR_SERVICES`` qualifies.
            None (not given) gives zero.
        law: the law book to read; None for the built-in data.

    Returns:
        450 kr, or zero with the reasons.

    Raises:
        InvalidInput: for arguments of the wrong type.
    """
    check_law(law)
    check_date(due_date, "due_date")
    if not isinstance(debtor_kind, DebtorKind):
        raise InvalidInput(f"debtor_kind must be a DebtorKind, got {debtor_kind!r}")
    _check_kind(creditor_kind, CreditorKind, "creditor_kind")
    _check_kind(claim_kind, ClaimKind, "claim_kind")
    book = law or builtin()
    reasons: list[str] = []
    basis: list[Citation] = [_COMPENSATION_SCOPE]
    if debtor_kind.is_consumer:
        reasons.append("never against a consumer (4 a § 1 st lag 1981:739)")
    if creditor_kind is None:
        reasons.append(
            "the creditor's kind is not given (creditor_kind): 4 a § 1 st lag 1981:739 needs a "
            "näringsidkare creditor"
        )
    elif creditor_kind is not CreditorKind.BUSINESS:
        reasons.append(
            f"the creditor is a {creditor_kind.value.replace('_', ' ')}, not a näringsidkare "
            "(4 a § 1 st lag 1981:739)"
        )
    if claim_kind is None:
        reasons.append(
            "the claim's kind is not given (claim_kind): 4 a § 1 st lag 1981:739 covers only a "
            "claim for payment for goods or services"
        )
    elif claim_kind is not ClaimKind.GOODS_OR_SERVICES:
        reasons.append(
            f"the claim is a {claim_kind.value.replace('_', ' ')} claim, not a claim for payment "
            "for goods or services (4 a § 1 st lag 1981:739)"
        )
    first = book.parameter(_COMPENSATION).first_valid_from
    if due_date < first:
        reasons.append(
            f"the claim fell due on {due_date.isoformat()}; 4 a § applies only to claims falling "
            f"due on or after {first.isoformat()}"
        )
        basis.append(_COMPENSATION_TRANSITION)
    if reasons:
        return _zero(reasons, basis)
    entry = book.amount(_COMPENSATION, due_date)
    basis.append(_COMPENSATION_TRIGGER)
    return FeeCap(
        amount=entry.value.rounded(to=MINOR_UNIT),
        reasons=(
            (
                f"förseningsersättning {entry.value.rounded(to=MINOR_UNIT)}: a fixed amount, "
                "owed without agreement from the moment late-payment interest runs on a claim "
                f"for goods or services due {due_date.isoformat()} ({debtor_kind.value} debtor, "
                "business creditor)"
            ),
        ),
        basis=(entry.citation, *basis),
    )


def fees_with_standard_compensation(
    *,
    ordinary_fees: Money,
    due_date: dt.date,
    debtor_kind: DebtorKind,
    creditor_kind: CreditorKind | None = None,
    claim_kind: ClaimKind | None = None,
    law: LawBook | None = None,
) -> FeeCap:
    """Förseningsersättning och inkassokostnader (how the 450 kr and the ordinary fees combine).

    Förseningsersättning replaces the påminnelseavgift, the inkassokrav fee and the
    amorteringsplan fee up to its amount; only the part of those fees above it may be added
    (4 a § and 5 § lag 1981:739 as IMY and Sergel describe it: confidence high from two sources,
    the statutory sentence was not retrieved). So where it applies the creditor may claim
    ``max(450 kr, ordinary fees)`` in total; where it does not, the ordinary fees alone.

    >>> from datetime import date
    >>> from inkassorules import ClaimKind, CreditorKind, DebtorKind, Money
    >>> fees = Money.of(60 + 180 + 170, "SEK")
    >>> fees_with_standard_compensation(
    ...     ordinary_fees=fees, due_date=date(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS,
    ...     creditor_kind=CreditorKind.BUSINESS, claim_kind=ClaimKind.GOODS_OR_SERVICES
    ... ).amount
    Money(amount=Decimal('450.00'), currency='SEK')
    >>> fees_with_standard_compensation(  # the facts of 4 a § not given: the fees alone
    ...     ordinary_fees=fees, due_date=date(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS
    ... ).amount
    Money(amount=Decimal('410.00'), currency='SEK')

    Args:
        ordinary_fees: the total of the lag 1981:739 fees charged for the claim (each already
            within its cap: see :func:`reminder_fee_cap` and the others); SEK, not negative.
        due_date: the day the claim fell due (see :func:`standard_compensation`).
        debtor_kind: consumer, business or public body.
        creditor_kind: who the creditor is (see :func:`standard_compensation`).
        claim_kind: what the claim is for (see :func:`standard_compensation`).
        law: the law book to read; None for the built-in data.

    Returns:
        The most that may be claimed for the fees and the förseningsersättning together.

    Raises:
        InvalidInput: for a negative amount or arguments of the wrong type.
        CurrencyMismatch: for an amount not in SEK.
    """
    check_law(law)
    if not isinstance(ordinary_fees, Money):
        raise InvalidInput(f"ordinary_fees must be Money, got {ordinary_fees!r}")
    if ordinary_fees.currency != _CURRENCY:
        raise CurrencyMismatch(_CURRENCY, ordinary_fees.currency, context="ordinary_fees")
    if ordinary_fees.is_negative:
        raise InvalidInput(f"ordinary_fees must not be negative, got {ordinary_fees}")
    compensation = standard_compensation(
        due_date=due_date,
        debtor_kind=debtor_kind,
        creditor_kind=creditor_kind,
        claim_kind=claim_kind,
        law=law,
    )
    fees = ordinary_fees.rounded(to=MINOR_UNIT)
    if not compensation.allowed:
        return FeeCap(
            amount=fees,
            reasons=(
                *compensation.reasons,
                f"no förseningsersättning, so the ordinary fees stand alone: {fees}",
            ),
            basis=compensation.basis,
        )
    total = max(compensation.amount, fees)
    return FeeCap(
        amount=total,
        reasons=(
            (
                f"förseningsersättning {compensation.amount} covers the ordinary fees up to its "
                f"amount; only fees above it are added: max({compensation.amount}, {fees}) = "
                f"{total}"
            ),
        ),
        basis=(*compensation.basis, _COMPENSATION_REPLACES),
    )
