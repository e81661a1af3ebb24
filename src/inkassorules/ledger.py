"""Saldo / saldo (what the debtor owes on a day) and the lawful part of every fee charged.

:func:`charges` checks each fee a case's history charged against the law in force on its day,
given the history before it: a :class:`Charge` says what was charged, what the law allowed
(a :class:`~inkassorules.fees.FeeCap` from the country's own rules), the lawful part and the
excess. :func:`balance` adds up what the debtor owes on a day: the outstanding principal, the
late interest accrued and not paid, and the lawful part of the fees not paid, with the
allocation of each payment (costs, then interest, then principal, the debtor's own designation
first).

Readings the library takes (each cannot overcharge the debtor; see docs/balance.md):

* Only the lawful part of a fee counts; the excess is shown by :func:`charges`, never owed.
* Late interest runs on the outstanding principal only, not on fees (medium: practice also
  charges interest on costs once they are due; not charging it cannot overcharge).
* A payment on a day covers the fees charged before that day; a fee charged the same day is
  owed after the day's payments (the order of events within a day is not known).
* A credit (:class:`~inkassorules.events.CreditGranted`) lowers the principal from its day; a
  credit beyond the principal still owed is shown as ``credit_unapplied`` (owed back).
* A due date postponed before interest started moves the interest start; a postponement agreed
  after the interest start leaves the interest already accrued and stops none (medium).

>>> from datetime import date
>>> from inkassorules import Case, Claim, DebtorKind, LetterSent, Money, StepKind
>>> claim = Claim(principal=Money.of("12500", "NOK"), due_date=date(2026, 5, 4),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> case = Case(claim=claim, events=[
...     LetterSent(kind=StepKind.REMINDER, sent_on=date(2026, 5, 20),
...                fee_charged=Money.of("60", "NOK"), deadline=date(2026, 6, 3))])
>>> [(str(c.charged), str(c.lawful), str(c.excess)) for c in charges(case)]
[('60.00 NOK', '38.00 NOK', '22.00 NOK')]
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs

from inkassorules import _html
from inkassorules._checks import check_date, check_int, check_law
from inkassorules._html import html_table
from inkassorules.allocation import Allocation, Component, allocate
from inkassorules.calendar import add_days, calendar_for
from inkassorules.case import Case, as_case
from inkassorules.claims import Claim, Payment
from inkassorules.disputes import may_take_step, withheld_amount
from inkassorules.errors import InvalidInput, NotInForce
from inkassorules.events import AgreementMade, CreditGranted, LegalActionFiled, LetterSent
from inkassorules.fees import FeeCap
from inkassorules.interest import BalanceInterestResult, InterestStart, round_interest
from inkassorules.law import Citation, LawBook, builtin, explain
from inkassorules.money import Money
from inkassorules.no import fees as no_fees
from inkassorules.no import interest as no_interest
from inkassorules.se import fees as se_fees
from inkassorules.se import interest as se_interest
from inkassorules.steps import Channel, StepKind

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from inkassorules.events import Event

__all__ = ["Balance", "Charge", "ChargeEvent", "balance", "charges"]

ChargeEvent: TypeAlias = LetterSent | AgreementMade | LegalActionFiled
"""An event that can charge the debtor a fee."""

_NO_CHAPTER_1: Final = "https://juridika.no/no/forskrift/1989-07-14-562/kapittel_1"
_LAW_1981_739: Final = (
    "http://www.riksdagen.se/sv/dokument-lagar/dokument/svensk-forfattningssamling/"
    "lag-1981739-om-ersattning-for-inkassokostnader_sfs-1981-739"
)

_NO_FRIENDLY: Final = Citation(
    "inkassoforskriften § 1-1 og § 1-2 første ledd: the fixed fees are those of a skriftlig "
    "purring, an inkassovarsel and a betalingsoppfordring; a betalingspåminnelse (friendly "
    "reminder) is practice and carries none",
    _NO_CHAPTER_1,
)
_NO_AGREEMENT: Final = Citation(
    "inkassoforskriften § 1-1: a creditor's own fixed fees are those of §§ 1-2 to 1-4 (purring, "
    "inkassovarsel, betalingsoppfordring); none is set for an avdragsordning",
    _NO_CHAPTER_1,
    "medium",
    note="an inkassoforetak's avdragsordning uplift belongs to its salær (kapittel 2), which a "
    "case does not model: read as allowing no fee, the reading that cannot overcharge",
)
_NO_DEMAND_AFTER_NOTICE: Final = Citation(
    "inkassoforskriften § 1-2 tredje ledd: a fee only for a betalingsoppfordring that meets "
    "inkassoloven § 10, which is sent after the deadline of an inkassovarsel (§ 9) has run out",
    _NO_CHAPTER_1,
)
_NO_COMPENSATION_UNKNOWN: Final = Citation(
    "forsinkelsesrenteloven § 3a: the standardkompensasjon figure for the due date is not in "
    "the data (or the claim fell due before 2013-03-16): only the ordinary fee is counted",
    "https://kontohjelp.no/kontering/purring-og-inkasso/standardkompensasjon",
    "medium",
    note="the data does not know the figure: the ordinary fee alone cannot overcharge; extend "
    "the law book with the figure to count the compensation",
)
_SE_NO_OTHER_COSTS: Final = Citation(
    "5 § lag (1981:739): measures other than a reminder, an inkassokrav and an amorteringsplan "
    "give no right to compensation",
    _LAW_1981_739,
)
_SE_DEADLINE_FROM_SENDING: Final = Citation(
    "5 § 3 st inkassolagen (1974:182): the 4 bank days run from likely receipt; a letter's "
    "delivery time was not given, so they were counted from the sending day",
    "https://lagen.nu/1974:182",
    "medium",
    note="the earliest possible receipt: a later receipt can make the deadline too short; pass "
    "letter_delivery_days to count from the likely receipt",
)
_SE_PAID_FIRST: Final = Citation(
    "IMY on 3 § p.1 lag (1981:739): no inkassokrav fee when the debt was paid before the krav "
    "was sent; read as the principal (less credits) paid in full",
    "https://www.imy.se/vanliga-fragor-och-svar/maste-jag-betala-inkassokostnaden-trots-att-jag-betalat-skulden/",
    "medium",
)
_SE_PLAN_COMPLETE: Final = Citation(
    "3 § p.2 lag (1981:739): a written, complete plan for the whole remaining debt; a recorded "
    "AgreementMade is read as written and made with the debtor, and as complete when its total "
    "covers the principal still owed",
    _LAW_1981_739,
    "medium",
)

_NO_COURT_FEES: Final = (
    "the fees of legal steps (rettsgebyr at forliksrådet or namsmannen) are outside the library: "
    "the amount charged is taken as it is, unchecked"
)
_NOT_KRONOFOGDEN: Final = (
    "only Kronofogden's fees (betalningsföreläggande) are known to the library; the costs of "
    "another venue are taken as charged, unchecked"
)
_LETTER_KINDS_NO: Final = {
    StepKind.REMINDER: StepKind.REMINDER,
    StepKind.FRIENDLY_REMINDER: StepKind.REMINDER,
    StepKind.COLLECTION_NOTICE: StepKind.COLLECTION_NOTICE,
    StepKind.COLLECTION_DEMAND: StepKind.COLLECTION_DEMAND,
}
_ELECTRONIC: Final = frozenset({Channel.EMAIL, Channel.SMS})


def _book(law: object) -> LawBook:
    if law is None:
        return builtin()
    if not isinstance(law, LawBook):
        raise InvalidInput(f"law must be a LawBook or None, got {law!r}")
    return law


def _charged(event: ChargeEvent, currency: str) -> Money:
    if isinstance(event, LetterSent):
        return event.fee_charged
    fee = event.agreement.fee if isinstance(event, AgreementMade) else event.fee_charged
    return Money.zero(currency) if fee is None else fee


@attrs.frozen(kw_only=True)
class Charge:
    """Gebyr belastet / avgift debiterad (a fee charged, and what the law allowed).

    >>> from datetime import date
    >>> from inkassorules import Money, StepKind
    >>> from inkassorules.events import LetterSent
    >>> letter = LetterSent(kind=StepKind.REMINDER, sent_on=date(2026, 5, 20),
    ...                     fee_charged=Money.of("38", "NOK"), deadline=date(2026, 6, 3))
    >>> cap = FeeCap(amount=Money.of("38", "NOK"), reasons=("1/20 of the inkassosats",))
    >>> charge = Charge(event=letter, day=letter.sent_on, charged=letter.fee_charged, cap=cap,
    ...                 lawful=Money.of("38", "NOK"), excess=Money.zero("NOK"))
    >>> charge.excess.is_zero
    True

    Attributes:
        event: the letter, agreement or legal step that charged the fee.
        day: the day of the event.
        charged: what the event charged (``LetterSent.fee_charged``; the agreement's ``fee``;
            ``LegalActionFiled.fee_charged``; zero for none).
        cap: what the law allowed on that day, given the history before it.
        lawful: the lawful part, ``min(charged, cap.amount)``.
        excess: what was charged above the cap, ``charged - lawful``.
        checked: False where the library has no rule for the amount (Norwegian court fees, a
            Swedish legal step outside Kronofogden): the cap is then the amount charged.
    """

    event: ChargeEvent
    day: dt.date
    charged: Money
    cap: FeeCap
    lawful: Money
    excess: Money
    checked: bool = True

    def __attrs_post_init__(self) -> None:
        # Checked here, not in attrs validators (they can be switched off globally).
        if not isinstance(self.event, LetterSent | AgreementMade | LegalActionFiled):
            raise InvalidInput(
                f"event must be a LetterSent, AgreementMade or LegalActionFiled, got "
                f"{self.event!r}"
            )
        check_date(self.day, "day")
        if not isinstance(self.cap, FeeCap):
            raise InvalidInput(f"cap must be a FeeCap, got {self.cap!r}")
        for name in ("charged", "lawful", "excess"):
            value = getattr(self, name)
            if not isinstance(value, Money) or value.is_negative:
                raise InvalidInput(f"{name} must be Money, not negative, got {value!r}")
        if self.lawful != min(self.charged, self.cap.amount):
            raise InvalidInput(
                f"lawful must be the smaller of charged {self.charged} and the cap "
                f"{self.cap.amount}, got {self.lawful}"
            )
        if self.lawful + self.excess != self.charged:
            raise InvalidInput(
                f"lawful {self.lawful} and excess {self.excess} must add up to the charged "
                f"{self.charged}"
            )
        if not isinstance(self.checked, bool):
            raise InvalidInput(f"checked must be True or False, got {self.checked!r}")

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the law allowed what it allowed (the cap's reasons)."""
        return self.cap.reasons

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The citations of the rules and values used (the cap's basis)."""
        return self.cap.basis

    @property
    def provisional(self) -> bool:
        """True if a citation of medium confidence was used, or the amount is unchecked."""
        return self.cap.provisional or not self.checked

    def explain(self) -> str:
        """What was charged, the lawful part, the reasons and the citations, as text."""
        name = getattr(self.event, "kind", None)
        what = name.value if isinstance(name, StepKind) else type(self.event).__name__
        head = (
            f"{what} on {self.day.isoformat()}: charged {self.charged}, lawful {self.lawful}, "
            f"excess {self.excess}"
        )
        if self.reasons:
            head += "\n  " + "; ".join(self.reasons)
        return f"{head}\n{explain(self.basis, notes=True)}" if self.basis else head


# -- charges ------------------------------------------------------------------------------------


@attrs.define
class _History:
    """What the earlier fee events left behind (for the next fee's cap)."""

    no_letters: list[no_fees.FeeLetter] = attrs.Factory(list)
    se_reminder_charged: bool = False
    lawful_fees: Money | None = None  # letters and agreements (legal steps excluded)


def _wholly_disputed(case: Case, day: dt.date) -> bool:
    claim = case.claim
    return withheld_amount(claim, case.disputes, on=day) >= claim.principal


def _zero(currency: str, reason: str, citation: Citation) -> FeeCap:
    return FeeCap(amount=Money.zero(currency), reasons=(reason,), basis=(citation,))


def _no_letter_cap(
    case: Case, letter: LetterSent, day: dt.date, history: _History, book: LawBook
) -> FeeCap:
    due = case.due_date_on(day)
    if letter.kind is StepKind.FRIENDLY_REMINDER:
        return _zero(
            "NOK",
            "a betalingspåminnelse carries no fee; a letter that charges one is a purring "
            "(record it as REMINDER)",
            _NO_FRIENDLY,
        )
    rule = {
        StepKind.REMINDER: no_fees.reminder_fee_cap,
        StepKind.COLLECTION_NOTICE: no_fees.collection_notice_fee_cap,
        StepKind.COLLECTION_DEMAND: no_fees.collection_demand_fee_cap,
    }[letter.kind]
    # Letters sent before the forfall in force (before a postponed due date, or before a due
    # date on a weekend rolls onto the next business day, gjeldsbrevloven § 5) are not letters
    # after forfall: they do not count for inkassoforskriften § 1-3.
    forfall = calendar_for("NO", law=book).roll_forward(due)
    earlier = [x for x in history.no_letters if x.sent_on >= forfall]
    if letter.kind is StepKind.COLLECTION_DEMAND and not any(
        x.kind is StepKind.COLLECTION_NOTICE and x.deadline is not None and x.deadline < day
        for x in earlier
    ):
        return _zero(
            "NOK",
            "no inkassovarsel deadline had run out when the betalingsoppfordring was sent, so it "
            "does not meet inkassoloven § 10 and carries no fee",
            _NO_DEMAND_AFTER_NOTICE,
        )
    return rule(
        sent_on=day,
        due_date=due,
        earlier_letters=earlier,
        reasonably_disputed=_wholly_disputed(case, day),
        law=book,
    )


def _no_compensation(case: Case, day: dt.date, history: _History, book: LawBook) -> FeeCap | None:
    """The standardkompensasjon not yet covered by the lawful fees before *day*, or None."""
    claim = case.claim
    due = case.due_date_on(day)
    if claim.debtor_kind.is_consumer or day <= due:
        return None
    try:
        return no_fees.standard_compensation(
            due_date=due,
            debtor_kind=claim.debtor_kind,
            figure_date=due,
            fees_already_charged=history.lawful_fees,
            reasonably_disputed=_wholly_disputed(case, day),
            law=book,
        )
    except NotInForce as error:
        # No figure for that half-year, or a claim falling due before FRL § 3a: no
        # compensation is counted (the ordinary fees alone: the reading that cannot overcharge),
        # and the charge says so.
        return FeeCap(
            amount=Money.zero("NOK"),
            reasons=(f"no standardkompensasjon counted: {error}",),
            basis=(_NO_COMPENSATION_UNKNOWN,),
        )


def _with_compensation(ordinary: FeeCap, compensation: FeeCap | None, what: str) -> FeeCap:
    if compensation is not None and _NO_COMPENSATION_UNKNOWN in compensation.basis:
        return FeeCap(
            amount=ordinary.amount,
            reasons=(*ordinary.reasons, *compensation.reasons),
            basis=tuple(dict.fromkeys((*ordinary.basis, *compensation.basis))),
        )
    if compensation is None or compensation.amount <= ordinary.amount:
        return ordinary
    return FeeCap(
        amount=compensation.amount,
        reasons=(
            *ordinary.reasons,
            (
                f"business debtor: the {what} not yet covered by the lawful fees before "
                f"({compensation.amount}) is larger than this letter's fee, and may be charged "
                "instead (the larger of the two, not the sum)"
            ),
            *compensation.reasons,
        ),
        basis=tuple(dict.fromkeys((*ordinary.basis, *compensation.basis))),
    )


def _se_demand_cap(
    case: Case,
    letter: LetterSent,
    day: dt.date,
    *,
    due: dt.date,
    book: LawBook,
    delivery_days: int | None,
) -> FeeCap:
    reasons: list[str] = []
    basis: list[Citation] = []
    if letter.deadline is None:
        meets = False
        reasons.append(
            "the krav states no deadline: 5 § 3 st inkassolagen requires a reasonable time to "
            "pay or object, so it does not meet 5 §"
        )
    else:
        if letter.channel in _ELECTRONIC:
            received = day
        elif delivery_days is None:
            received = day
            basis.append(_SE_DEADLINE_FROM_SENDING)
        else:
            received = add_days(day, delivery_days)
        minimum = se_fees.collection_demand_deadline(sent_on=day, received_on=received, law=book)
        meets = minimum.allows(letter.deadline)
        basis.extend(minimum.basis)
        verdict = "meets" if meets else "is earlier than"
        reasons.append(
            f"meets_inkassolagen_5 read from the letter: its deadline {letter.deadline} "
            f"{verdict} the earliest lawful last day {minimum.earliest_last_day}"
        )
    paid = _principal_paid_on(case)
    if paid is not None and paid < day:
        basis.append(_SE_PAID_FIRST)
    cap = se_fees.collection_demand_fee_cap(
        sent_on=day, due_date=due, meets_inkassolagen_5=meets, paid_on=paid, law=book
    )
    # A refused fee names its refusal last, as the fee rules do: the deadline reading when the
    # krav does not meet 5 §, else the fee rule's own refusal (after the deadline it met).
    refused_by_rule = meets and cap.amount.is_zero and bool(cap.basis)
    ordered = (*cap.basis[:-1], *basis, cap.basis[-1]) if refused_by_rule else (*cap.basis, *basis)
    return FeeCap(
        amount=cap.amount,
        reasons=(*cap.reasons, *reasons),
        basis=tuple(dict.fromkeys(ordered)),
    )


def _principal_paid_on(case: Case) -> dt.date | None:
    """The day payments and credits first covered the whole principal, if they did."""
    claim = case.claim
    covered = Money.zero(claim.currency)
    for event in case.events:
        if isinstance(event, Payment | CreditGranted):
            covered += event.amount
            if covered >= claim.principal:
                return case.day_of(event)
    return None


def _se_letter_cap(
    case: Case,
    letter: LetterSent,
    day: dt.date,
    *,
    history: _History,
    book: LawBook,
    delivery_days: int | None,
) -> FeeCap:
    due = case.due_date_on(day)
    if letter.kind is StepKind.REMINDER:
        return se_fees.reminder_fee_cap(
            sent_on=day,
            due_date=due,
            fee_agreed=case.claim.reminder_fee_agreed,
            reminder_fee_already_charged=history.se_reminder_charged,
            law=book,
        )
    if letter.kind is StepKind.COLLECTION_DEMAND:
        return _se_demand_cap(case, letter, day, due=due, book=book, delivery_days=delivery_days)
    name = "inkassovarning" if letter.kind is StepKind.COLLECTION_WARNING else "kravbrev"
    return _zero("SEK", f"no fee for a {name} (5 § lag 1981:739)", _SE_NO_OTHER_COSTS)


def _se_disputed(case: Case, kind: StepKind, day: dt.date) -> FeeCap | None:
    decision = may_take_step(case.claim, kind, on=day, disputes=case.disputes)
    if decision.cost_base.is_positive:
        return None
    return FeeCap(amount=Money.zero("SEK"), reasons=decision.reasons, basis=decision.basis)


def _se_compensation(
    case: Case, day: dt.date, ordinary: FeeCap, history: _History, book: LawBook
) -> FeeCap | None:
    claim = case.claim
    due = case.due_date_on(day)
    if claim.debtor_kind.is_consumer or day <= due:
        return None
    before = history.lawful_fees or Money.zero("SEK")
    combined = se_fees.fees_with_standard_compensation(
        ordinary_fees=before + ordinary.amount,
        due_date=due,
        debtor_kind=claim.debtor_kind,
        creditor_kind=claim.creditor_kind,
        claim_kind=claim.claim_kind,
        law=book,
    )
    return FeeCap(
        amount=combined.amount - before,
        reasons=combined.reasons,
        basis=combined.basis,
    )


def _se_agreement_cap(case: Case, event: AgreementMade, day: dt.date, book: LawBook) -> FeeCap:
    claim = case.claim
    owed = claim.principal - case.credited_on(day)
    paid = Money.total((p.amount for p in case.payments if p.paid_on <= day), currency="SEK")
    complete = event.agreement.total >= owed - min(owed, paid)
    cap = se_fees.instalment_agreement_fee_cap(
        sent_on=day, due_date=case.due_date_on(day), complete_written_plan=complete, law=book
    )
    return FeeCap(
        amount=cap.amount,
        reasons=cap.reasons,
        basis=tuple(dict.fromkeys((*cap.basis, _SE_PLAN_COMPLETE))),
    )


def _se_legal_cap(event: LegalActionFiled, day: dt.date, book: LawBook) -> FeeCap | None:
    if "kronofogden" not in event.venue.casefold():
        return None
    # Betalningsföreläggande (the lower own-work cap, not handräckning's): cannot overcharge.
    parts = (
        se_fees.payment_order_application_fee(filed_on=day, law=book),
        se_fees.payment_order_cost_cap(filed_on=day, enforcement_assistance=False, law=book),
    )
    return FeeCap(
        amount=Money.total((p.amount for p in parts), currency="SEK"),
        reasons=tuple(r for p in parts for r in p.reasons),
        basis=tuple(dict.fromkeys(b for p in parts for b in p.basis)),
    )


def _cap(
    case: Case,
    event: ChargeEvent,
    day: dt.date,
    *,
    history: _History,
    book: LawBook,
    delivery_days: int | None,
) -> FeeCap | None:
    """What the law allowed *event* to charge on *day*; None where the library has no rule."""
    code = case.jurisdiction
    currency = case.claim.currency
    if isinstance(event, LegalActionFiled):
        return None if code == "NO" else _se_legal_cap(event, day, book)
    if code == "NO":
        if isinstance(event, AgreementMade):
            ordinary = _zero(
                currency,
                "no fixed fee for an avdragsordning in inkassoforskriften kapittel 1",
                _NO_AGREEMENT,
            )
        else:
            ordinary = _no_letter_cap(case, event, day, history, book)
        return _with_compensation(
            ordinary, _no_compensation(case, day, history, book), "standardkompensasjon"
        )
    kind = event.kind if isinstance(event, LetterSent) else StepKind.COLLECTION_DEMAND
    disputed = _se_disputed(case, kind, day)
    if disputed is not None:
        return disputed
    if isinstance(event, AgreementMade):
        ordinary = _se_agreement_cap(case, event, day, book)
    else:
        ordinary = _se_letter_cap(
            case, event, day, history=history, book=book, delivery_days=delivery_days
        )
    return _with_compensation(
        ordinary, _se_compensation(case, day, ordinary, history, book), "förseningsersättning"
    )


def _remember(case: Case, charge: Charge, history: _History) -> None:
    event = charge.event
    if isinstance(event, LegalActionFiled):
        return
    currency = case.claim.currency
    history.lawful_fees = (history.lawful_fees or Money.zero(currency)) + charge.lawful
    if not isinstance(event, LetterSent):
        return
    if case.jurisdiction == "NO":
        history.no_letters.append(
            no_fees.FeeLetter(
                kind=_LETTER_KINDS_NO[event.kind],
                sent_on=charge.day,
                deadline=event.deadline,
                fee_charged=event.kind is not StepKind.FRIENDLY_REMINDER
                and charge.charged.is_positive,
            )
        )
    elif event.kind is StepKind.REMINDER and charge.charged.is_positive:
        history.se_reminder_charged = True


def charges(
    case: Case | Claim,
    *,
    law: LawBook | None = None,
    letter_delivery_days: int | None = None,
) -> tuple[Charge, ...]:
    """Gebyrer belastet / debiterade avgifter (each fee charged, and the lawful part of it).

    One :class:`Charge` per letter, agreement and legal step of *case*, in time order, each
    checked against the country's rule in force on its day given the history before it:

    * Norway: :func:`~inkassorules.no.fees.reminder_fee_cap`,
      :func:`~inkassorules.no.fees.collection_notice_fee_cap` and
      :func:`~inkassorules.no.fees.collection_demand_fee_cap` with the due date in force that
      day, the earlier letters (a betalingspåminnelse counts as a purring that charged no fee)
      and ``reasonably_disputed`` when a reasonable dispute of the whole principal stands
      (inkassoloven § 17 annet ledd; a partial dispute leaves the fee). A betalingspåminnelse
      and an avdragsordning allow no fee; court fees are not checked (``checked=False``).
    * Sweden: :func:`~inkassorules.se.fees.reminder_fee_cap` (only if
      ``Claim.reminder_fee_agreed``; once per claim),
      :func:`~inkassorules.se.fees.collection_demand_fee_cap` with ``meets_inkassolagen_5``
      read from the letter's deadline (:func:`~inkassorules.se.fees.collection_demand_deadline`;
      e-mail and SMS are received the day they are sent, a letter *letter_delivery_days*
      later, or, without it, the sending day, flagged provisional),
      :func:`~inkassorules.se.fees.instalment_agreement_fee_cap` for an agreement, and
      Kronofogden's fees for a legal step filed there. An inkassovarning or a notice before
      enforcement allows no fee. No fee while a reasonable dispute of the whole principal
      stands.
    * A business debtor: the standardkompensasjon / förseningsersättning not yet covered by the
      lawful fees before may be charged instead of a letter's own fee, whichever is larger,
      so the lawful total is the larger of the ordinary fees and the compensation.

    >>> from datetime import date
    >>> from inkassorules import Case, Claim, DebtorKind, LetterSent, Money, StepKind
    >>> claim = Claim(principal=Money.of("12500", "NOK"), due_date=date(2026, 5, 4),
    ...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
    >>> case = Case(claim=claim, events=[
    ...     LetterSent(kind=StepKind.REMINDER, sent_on=date(2026, 5, 20),
    ...                fee_charged=Money.of("38", "NOK"), deadline=date(2026, 6, 3)),
    ...     LetterSent(kind=StepKind.COLLECTION_NOTICE, sent_on=date(2026, 6, 10),
    ...                fee_charged=Money.of("38", "NOK"), deadline=date(2026, 6, 24))])
    >>> [str(c.lawful) for c in charges(case)]
    ['38.00 NOK', '38.00 NOK']

    Raises:
        InvalidInput: for a *case* that is not a Case or Claim, or bad arguments.
        NotInForce: for a fee day the data does not cover.
    """
    check_law(law)
    checked_case = as_case(case)
    book = _book(law)
    delivery = (
        None
        if letter_delivery_days is None
        else check_int(letter_delivery_days, "letter_delivery_days", minimum=0)
    )
    history = _History()
    found: list[Charge] = []
    currency = checked_case.claim.currency
    for event in checked_case.events:
        if not isinstance(event, LetterSent | AgreementMade | LegalActionFiled):
            continue
        day = checked_case.day_of(event)
        charged = _charged(event, currency)
        cap = _cap(checked_case, event, day, history=history, book=book, delivery_days=delivery)
        unchecked = cap is None
        if cap is None:
            reason = _NO_COURT_FEES if checked_case.jurisdiction == "NO" else _NOT_KRONOFOGDEN
            cap = FeeCap(amount=charged, reasons=(reason,))
        lawful = min(charged, cap.amount)
        charge = Charge(
            event=event,
            day=day,
            charged=charged,
            cap=cap,
            lawful=lawful,
            excess=charged - lawful,
            checked=not unchecked,
        )
        _remember(checked_case, charge, history)
        found.append(charge)
    return tuple(found)


# -- balance ------------------------------------------------------------------------------------

_LOVAVDELINGEN: Final = (
    "https://www.regjeringen.no/no/dokumenter/avdrag-innbetalt-i-inkassosak/id443429/"
)
_ON_PRINCIPAL: Final = {
    "NO": Citation(
        "forsinkelsesrenteloven § 2: late interest on the part of the claim still owed "
        "(jusinfo.no: 'bare ... etter den gjenstående del av kravet'); no interest is counted "
        "on fees",
        "https://jusinfo.no/pengekravsrett/forsinkelsesrente-ved-mislighold/",
        "medium",
        note="practice may also charge interest on collection costs once due (Lovavdelingen "
        "19.08.1999 discusses interest on inkassosalær); not counting it cannot overcharge",
    ),
    "SE": Citation(
        "3 § räntelagen (1975:635): dröjsmålsränta on the capital still owed; no interest is "
        "counted on fees",
        "https://lagen.nu/1975:635",
        "medium",
        note="whether interest runs on collection costs is a separate question (RH 2010:18, "
        "'Ränta på inkassokostnad?', listed at lagen.nu); not counting it cannot overcharge",
    ),
}
_POSTPONED: Final = Citation(
    "Utsatt forfall / anstånd: a due date postponed before interest started moves the interest "
    "start; one agreed after it keeps the interest accrued and pauses interest until the new "
    "due date",
    _LOVAVDELINGEN,
    "medium",
    note="the library's reading (no source settles it): the one that cannot overcharge",
)
_SAME_DAY: Final = Citation(
    "Order within a day: a payment covers the fees charged before its day; a fee charged the "
    "same day is owed after it, and a credit the same day comes first",
    _LOVAVDELINGEN,
    "medium",
    note="the order of events within a day is not recorded; the reading that leaves the "
    "debtor the least interest",
)
_DESIGNATIONS: Final = {c.value: c for c in Component}
_INTEREST_ON_BALANCE: Final = {
    "NO": no_interest.late_interest_on_balance,
    "SE": se_interest.late_interest_on_balance,
}


def _decimal(money: Money) -> Decimal:
    """The amount to the øre / öre (every amount here is in whole minor units)."""
    return money.rounded().amount


def _designated(payment: Payment) -> Component | None:
    text = payment.designation
    if text is None:
        return None
    return _DESIGNATIONS.get(text.strip().casefold())


@attrs.frozen
class _Segment:
    """Days ``start <= d < end`` on which late interest runs (``end`` None: open)."""

    start: dt.date
    end: dt.date | None


def _segments(case: Case, start: dt.date, book: LawBook) -> tuple[_Segment, ...]:
    """The spans interest runs on, given the postponed due dates (see _POSTPONED)."""
    found: list[_Segment] = []
    current = start
    for postponement in case.postponements:
        moved = _start_of(case.jurisdiction, postponement.new_due_date, book).start
        if postponement.agreed_on <= current:
            # Agreed before interest started (or during a pause): the start moves, never before
            # the original start, nor back before the agreement's own day (the days before it
            # were not overdue: an earlier postponement or a pause covered them).
            current = max(moved, postponement.agreed_on, start)
        elif moved > postponement.agreed_on:
            found.append(_Segment(current, postponement.agreed_on))
            current = moved  # agreed after it: a pause until the new due date
    found.append(_Segment(current, None))
    return tuple(found)


def _start_of(code: str, due: dt.date, book: LawBook) -> InterestStart:
    if code == "NO":
        return no_interest.interest_start(due_date=due, law=book)
    return se_interest.interest_start(due_date=due, law=book)


class _Interest:
    """Late interest on a principal reduced on given days, over the interest segments."""

    def __init__(
        self, case: Case, principal: Money, segments: tuple[_Segment, ...], book: LawBook
    ) -> None:
        self._case = case
        self._principal = principal
        self._segments = segments
        self._book = book
        self.reductions: list[tuple[dt.date, Money]] = []

    def to(self, until: dt.date) -> tuple[Money, tuple[BalanceInterestResult, ...]]:
        """The interest accrued for the days before *until*, rounded once, and its parts."""
        on_balance = _INTEREST_ON_BALANCE[self._case.jurisdiction]
        currency = self._principal.currency
        exact = Fraction(0)
        parts: list[BalanceInterestResult] = []
        for segment in self._segments:
            end = until if segment.end is None else min(segment.end, until)
            if end <= segment.start:
                continue
            before = Money.total(
                (m for d, m in self.reductions if d <= segment.start), currency=currency
            )
            base = self._principal - before
            if not base.is_positive:
                continue
            inside = [
                Payment(amount=m, paid_on=d)
                for d, m in self.reductions
                if segment.start < d < end and m.is_positive
            ]
            result = on_balance(
                base,
                inside,
                due_date=segment.start,
                until=end,
                law=self._book,
                payments_reduce="principal",
            )
            exact += result.exact
            parts.append(result)
        return round_interest(exact, currency), tuple(parts)


@attrs.frozen(kw_only=True)
class Balance:
    """Saldo / saldo (what the debtor owes on a day).

    >>> from datetime import date
    >>> from inkassorules import Case, Claim, DebtorKind, Money, Payment
    >>> claim = Claim(principal=Money.of("10000", "NOK"), due_date=date(2026, 3, 2),
    ...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
    >>> case = Case(claim=claim, events=[
    ...     Payment(amount=Money.of("4000", "NOK"), paid_on=date(2026, 4, 1))])
    >>> owed = balance(case, on=date(2026, 5, 1))
    >>> str(owed.principal), str(owed.interest), str(owed.total)
    ('6098.63 NOK', '60.15 NOK', '6158.78 NOK')

    Attributes:
        case: the case as it stood at the end of ``on`` (its events up to that day).
        on: the day.
        principal: the principal still owed: principal less credits and the payments' principal
            parts.
        interest: the late interest accrued for the days before ``on`` and not paid (rounded
            once to øre / öre, as the interest functions round).
        fees: the lawful part of the fees charged by ``on``, not paid.
        withheld: the part of the principal under a reasonable dispute standing on ``on``: not
            collectable out of court, still owed if the dispute fails (a part of ``principal``).
        overpaid: what was paid beyond everything owed (never lost).
        allocations: how each payment was applied, one per payment, in order.
        charges: each fee charged and its lawful part (see :func:`charges`).
        interest_start: when late interest started.
        basis: the citations of the rules used for the interest and the allocation.
        payments: the payments, in the order they were allocated (one per allocation).
        interest_accrued: all interest accrued for the days before ``on``, paid or not.
        credited: the credits applied to the principal.
        credit_unapplied: credits beyond the principal still owed when granted (owed back).
        interest_parts: the interest calculations the interest came from (one per span of
            interest; more than one when a postponed due date paused it).
    """

    case: Case
    on: dt.date
    principal: Money
    interest: Money
    fees: Money
    withheld: Money
    overpaid: Money
    allocations: tuple[Allocation, ...]
    charges: tuple[Charge, ...]
    interest_start: InterestStart
    basis: tuple[Citation, ...]
    payments: tuple[Payment, ...]
    interest_accrued: Money
    credited: Money
    credit_unapplied: Money
    interest_parts: tuple[BalanceInterestResult, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Money is conserved: checked here, not in attrs validators (they can be switched off).
        if not isinstance(self.case, Case):
            raise InvalidInput(f"case must be a Case, got {self.case!r}")
        check_date(self.on, "on")
        currency = self.case.claim.currency
        zero = Money.zero(currency)
        amounts = {
            name: getattr(self, name)
            for name in (
                "principal",
                "interest",
                "fees",
                "withheld",
                "overpaid",
                "interest_accrued",
                "credited",
                "credit_unapplied",
            )
        }
        for name, value in amounts.items():
            if not isinstance(value, Money) or value.currency != currency or value.is_negative:
                raise InvalidInput(f"{name} must be Money in {currency}, not negative: {value!r}")
        self._check_conserved(zero)

    def _check_conserved(self, zero: Money) -> None:
        if len(self.payments) != len(self.allocations):
            raise InvalidInput("a balance needs one allocation per payment")
        paid = Money.total((p.amount for p in self.payments), currency=zero.currency)
        parts = [(a.costs, a.interest, a.principal, a.overpayment) for a in self.allocations]
        costs, interest, principal, over = (
            (Money.total(column, currency=zero.currency) for column in zip(*parts, strict=True))
            if parts
            else (zero, zero, zero, zero)
        )
        if paid != costs + interest + principal + over or over != self.overpaid:
            raise InvalidInput(
                f"payments of {paid} are not conserved: costs {costs}, interest {interest}, "
                f"principal {principal}, overpaid {self.overpaid}"
            )
        credited = self.credited
        if self.case.claim.principal - credited - principal != self.principal:
            raise InvalidInput(
                f"principal {self.principal} is not the claim's principal less credits "
                f"{credited} and principal paid {principal}"
            )
        lawful = Money.total((c.lawful for c in self.charges), currency=zero.currency)
        if lawful - costs != self.fees:
            raise InvalidInput(f"fees {self.fees} are not the lawful fees {lawful} less paid")
        if self.interest_accrued - interest != self.interest:
            raise InvalidInput(
                f"interest {self.interest} is not the interest accrued less interest paid"
            )
        if self.withheld > self.principal:
            raise InvalidInput(f"withheld {self.withheld} is more than principal {self.principal}")

    @property
    def total(self) -> Money:
        """What the debtor owes on ``on``: principal + interest + fees, exactly."""
        return self.principal + self.interest + self.fees

    @property
    def excess(self) -> Money:
        """What the fees charged by ``on`` exceeded the law by (never owed)."""
        return Money.total((c.excess for c in self.charges), currency=self.principal.currency)

    @property
    def provisional(self) -> bool:
        """True if a citation of medium confidence was used here or in a charge."""
        return (
            any(c.confidence == "medium" for c in self.basis)
            or self.interest_start.provisional
            or any(c.provisional for c in self.charges)
        )

    def explain(self) -> str:
        """The balance, each payment's allocation, each charge and the citations, as text."""
        lines = [
            (
                f"Balance on {self.on.isoformat()}: principal {self.principal} + interest "
                f"{self.interest} + fees {self.fees} = {self.total}"
            ),
            f"  withheld (disputed) {self.withheld}; overpaid {self.overpaid}",
            f"  {self.interest_start.explain().splitlines()[0]}",
        ]
        if self.credit_unapplied.is_positive:
            lines.append(f"  credit beyond the principal owed: {self.credit_unapplied}")
        lines.extend(
            f"  paid {p.amount} on {p.paid_on.isoformat()}: costs {a.costs}, interest "
            f"{a.interest}, principal {a.principal}, overpaid {a.overpayment}"
            for p, a in zip(self.payments, self.allocations, strict=True)
        )
        lines.extend(
            f"  fee on {c.day.isoformat()}: charged {c.charged}, lawful {c.lawful}, excess "
            f"{c.excess}"
            for c in self.charges
        )
        basis = (*self.interest_start.basis, *self.basis)
        lines.append(explain(basis, notes=True))
        return "\n".join(lines)

    def plot(self, ax: Any = None, *, law: LawBook | None = None) -> Any:
        """What was owed, day by day, up to ``on`` (:func:`.plot.balance_over_time`)."""
        from inkassorules import plot  # noqa: PLC0415 -- matplotlib is optional

        return plot.balance_over_time(self, ax, law=law)

    def to_records(self) -> list[dict[str, object]]:
        """One row per payment allocation, in order, with typed values (dates, Decimals).

        Columns: ``paid_on`` (date), ``paid``, ``costs``, ``interest``, ``principal``,
        ``overpaid`` (Decimal amounts), ``currency``, ``designation`` and ``id`` (str or None).
        """
        return [
            {
                "paid_on": p.paid_on,
                "paid": _decimal(p.amount),
                "costs": _decimal(a.costs),
                "interest": _decimal(a.interest),
                "principal": _decimal(a.principal),
                "overpaid": _decimal(a.overpayment),
                "currency": p.amount.currency,
                "designation": p.designation,
                "id": p.id,
            }
            for p, a in zip(self.payments, self.allocations, strict=True)
        ]

    def __repr__(self) -> str:
        return _html.balance_repr(self)

    def _repr_html_(self) -> str:
        """The payments' allocations as an HTML table, with the balance and citations."""
        return html_table(
            f"Balance on {self.on.isoformat()}: {self.total}",
            self.to_records(),
            columns=(
                "paid_on",
                "paid",
                "costs",
                "interest",
                "principal",
                "overpaid",
                "currency",
                "designation",
                "id",
            ),
            footer=(
                (
                    f"principal {self.principal} + interest {self.interest} + fees {self.fees} = "
                    f"{self.total}; withheld {self.withheld}; overpaid {self.overpaid}"
                ),
                *(str(c) for c in dict.fromkeys((*self.interest_start.basis, *self.basis))),
            ),
        )


def _day_order(event: Event) -> int:
    # Within a day: credits, then payments, then everything else (see _SAME_DAY).
    if isinstance(event, CreditGranted):
        return 0
    return 1 if isinstance(event, Payment) else 2


def _ordered(case: Case) -> Iterable[Event]:
    return sorted(case.events, key=lambda e: (case.day_of(e), _day_order(e)))


def balance(
    case: Case | Claim,
    *,
    on: dt.date,
    law: LawBook | None = None,
    letter_delivery_days: int | None = None,
) -> Balance:
    """Saldo / saldo (what the debtor owes on *on*): principal, interest, fees, allocations.

    Only the events on or before *on* count. Late interest runs from the country's
    ``interest_start`` (the due date, rolled onto a business day) on the principal still
    owed, for the days before *on*, and is rounded once to øre / öre; fees count with their
    lawful part only (:func:`charges`). Each payment is applied on its day with
    :func:`~inkassorules.allocate`: the debtor's designation (``"costs"``, ``"interest"`` or
    ``"principal"``; other text is kept on the payment and the default order applies) first,
    then costs, interest, principal. A credit lowers the principal from its day. The readings
    of the module docstring apply (interest not on fees; same-day order; postponements).

    >>> from datetime import date
    >>> from inkassorules import Claim, DebtorKind, Money
    >>> claim = Claim(principal=Money.of("10000", "SEK"), due_date=date(2026, 3, 2),
    ...               jurisdiction="SE", debtor_kind=DebtorKind.CONSUMER)
    >>> str(balance(claim, on=date(2026, 3, 2)).total)  # nothing accrued on the due date
    '10000.00 SEK'

    Raises:
        InvalidInput: for a *case* that is not a Case or Claim, or bad arguments.
        NotInForce: for days the data does not cover (rates, fee tables).
    """
    check_law(law)
    day = check_date(on, "on")
    whole = as_case(case)
    book = _book(law)
    current = whole.until(day)
    found = charges(current, law=book, letter_delivery_days=letter_delivery_days)
    claim = current.claim
    currency = claim.currency
    zero = Money.zero(currency)
    start = _start_of(current.jurisdiction, claim.due_date, book)
    interest = _Interest(current, claim.principal, _segments(current, start.start, book), book)
    principal = claim.principal
    credited = unapplied = costs_paid = interest_paid = zero
    payments: list[Payment] = []
    allocations: list[Allocation] = []
    for event in _ordered(current):
        if isinstance(event, CreditGranted):
            applied = min(event.amount, principal)
            principal -= applied
            credited += applied
            unapplied += event.amount - applied
            interest.reductions.append((event.on, applied))
        elif isinstance(event, Payment):
            accrued, _ = interest.to(event.paid_on)
            fees_owed = Money.total(
                (c.lawful for c in found if c.day < event.paid_on), currency=currency
            )
            allocation = allocate(
                event,
                costs=fees_owed - costs_paid,
                interest=accrued - interest_paid,
                principal=principal,
                designated=_designated(event),
            )
            costs_paid += allocation.costs
            interest_paid += allocation.interest
            principal -= allocation.principal
            interest.reductions.append((event.paid_on, allocation.principal))
            payments.append(event)
            allocations.append(allocation)
    accrued, parts = interest.to(day)
    lawful = Money.total((c.lawful for c in found), currency=currency)
    withheld = min(withheld_amount(claim, current.disputes, on=day), principal)
    cited: list[Citation] = [_ON_PRINCIPAL[current.jurisdiction]]
    cited.extend(b for part in parts for b in part.basis)
    cited.extend(b for a in allocations for b in a.basis)
    if current.postponements:
        cited.append(_POSTPONED)
    if len({current.day_of(e) for e in current.events}) < len(current.events):
        cited.append(_SAME_DAY)
    return Balance(
        case=current,
        on=day,
        principal=principal,
        interest=accrued - interest_paid,
        fees=lawful - costs_paid,
        withheld=withheld,
        overpaid=Money.total((a.overpayment for a in allocations), currency=currency),
        allocations=tuple(allocations),
        charges=found,
        interest_start=start,
        basis=tuple(dict.fromkeys(cited)),
        payments=tuple(payments),
        interest_accrued=accrued,
        credited=credited,
        credit_unapplied=unapplied,
        interest_parts=parts,
    )
