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
from typing import Final, TypeAlias

import attrs

from inkassorules._checks import check_date, check_int
from inkassorules.calendar import add_days
from inkassorules.case import Case, as_case
from inkassorules.claims import Claim, Payment
from inkassorules.disputes import Step, may_take_step, withheld_amount
from inkassorules.errors import InvalidInput, NotInForce
from inkassorules.events import AgreementMade, CreditGranted, LegalActionFiled, LetterSent
from inkassorules.fees import FeeCap
from inkassorules.law import Citation, LawBook, builtin, explain
from inkassorules.money import Money
from inkassorules.no import fees as no_fees
from inkassorules.se import fees as se_fees
from inkassorules.steps import Channel, StepKind

__all__ = ["Charge", "ChargeEvent", "charges"]

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
    StepKind.REMINDER: no_fees.LetterKind.REMINDER,
    StepKind.FRIENDLY_REMINDER: no_fees.LetterKind.REMINDER,
    StepKind.COLLECTION_NOTICE: no_fees.LetterKind.COLLECTION_NOTICE,
    StepKind.COLLECTION_DEMAND: no_fees.LetterKind.COLLECTION_DEMAND,
}
_DISPUTE_STEPS: Final = {
    StepKind.FRIENDLY_REMINDER: Step.REMINDER,
    StepKind.REMINDER: Step.REMINDER,
    StepKind.COLLECTION_NOTICE: Step.COLLECTION_NOTICE,
    StepKind.COLLECTION_WARNING: Step.COLLECTION_NOTICE,
    StepKind.COLLECTION_DEMAND: Step.COLLECTION_DEMAND,
    StepKind.NOTICE_BEFORE_ENFORCEMENT: Step.COLLECTION_DEMAND,
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
    # Letters sent before the due date in force (e.g. before a postponed due date) are not
    # letters after forfall: they do not count for inkassoforskriften § 1-3.
    earlier = [x for x in history.no_letters if x.sent_on >= due]
    if letter.kind is StepKind.COLLECTION_DEMAND and not any(
        x.kind is no_fees.LetterKind.COLLECTION_NOTICE
        and x.deadline is not None
        and x.deadline < day
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
    except NotInForce:
        # No figure for that half-year, or a claim falling due before FRL § 3a: no
        # compensation is counted (the ordinary fees alone: the reading that cannot overcharge).
        return None


def _with_compensation(ordinary: FeeCap, compensation: FeeCap | None, what: str) -> FeeCap:
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
    return FeeCap(
        amount=cap.amount,
        reasons=(*cap.reasons, *reasons),
        basis=tuple(dict.fromkeys((*cap.basis, *basis))),
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
        agreed = getattr(case.claim, "reminder_fee_agreed", False)
        return se_fees.reminder_fee_cap(
            sent_on=day,
            due_date=due,
            fee_agreed=agreed if isinstance(agreed, bool) else False,
            reminder_fee_already_charged=history.se_reminder_charged,
            law=book,
        )
    if letter.kind is StepKind.COLLECTION_DEMAND:
        return _se_demand_cap(case, letter, day, due=due, book=book, delivery_days=delivery_days)
    name = "inkassovarning" if letter.kind is StepKind.COLLECTION_WARNING else "kravbrev"
    return _zero("SEK", f"no fee for a {name} (5 § lag 1981:739)", _SE_NO_OTHER_COSTS)


def _se_disputed(case: Case, kind: StepKind, day: dt.date) -> FeeCap | None:
    decision = may_take_step(case.claim, _DISPUTE_STEPS[kind], on=day, disputes=case.disputes)
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
