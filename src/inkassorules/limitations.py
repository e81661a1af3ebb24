"""Foreldelse / preskription (limitation): when a claim becomes time-barred, from its history.

A claim that is not interrupted in time is lost: the creditor can no longer demand payment,
and the loss covers interest and costs too (foreldelsesloven § 24; 8 § preskriptionslagen).
:func:`limitation` reads the case's own events and answers "from which day is this claim
time-barred, and which event set that day?".

* **Norway** (foreldelsesloven, LOV-1979-05-18-18): 3 years (§ 2) from the day the creditor can
  first demand payment, the due date (§ 3 nr. 1; a due date postponed before it was reached
  moves the start). Interrupted by the debtor's acknowledgement, which includes a payment and a
  promise to pay (§ 14: an instalment agreement, an agreed postponement), and by legal steps
  (§§ 15-17: forliksklage, stevning, utlegg). A creditor's letter does **not** interrupt. A
  new period of the same length runs from the interruption.
* **Sweden** (preskriptionslagen, SFS 1981:130): 10 years from the claim's tillkomst, 3 years for
  a business's claim on a consumer for goods, services or other utility (2 §). Interrupted by a
  payment, a promise to pay or another acknowledgement, a written demand or reminder from the
  creditor, or legal action (5 §); a new period runs from the interruption (6 §).

Where the sources leave a detail open, the library takes the reading that cannot hurt the
debtor, which here is the *earlier* time bar, and marks it medium confidence (the result is then
``provisional``):

* the first time-barred day is the same calendar date N years after the start (29 February
  gives 28 February), not the day after;
* a legal step starts a new period of the ordinary length on the day it is filed (the statutes
  keep the interruption alive while the proceedings go on, and give 10 years after a judgment:
  the case file does not say how the proceedings ended);
* a Swedish letter interrupts on the day it is sent (5 § counts the day the debtor gets it,
  which is not earlier), a Swedish legal step on the day it is filed (5 § counts service);
* a Swedish claim's tillkomst is taken as its ``invoice_date``, else its due date: the claim
  cannot have arisen later than either, so the result is the latest day the bar can fall on;
* a Swedish claim on a consumer gets 3 years unless the case says the creditor is not a
  business (who the creditor is and what the claim is for may not be given);
* a postponement agreed after the due date is an acknowledgement (a new period from the day it
  was agreed, not from the new due date).

The special periods of foreldelsesloven §§ 4-9 (e.g. 10 years for a gjeldsbrev) and the
Swedish löpande skuldebrev are not modelled: the general, shorter period applies.

>>> from datetime import date
>>> from inkassorules import Case, Claim, DebtorKind, Money, Payment
>>> claim = Claim(principal=Money.of("12500", "NOK"), due_date=date(2026, 5, 4),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> limitation(claim, as_of=date(2026, 7, 1)).time_barred_on
datetime.date(2029, 5, 4)
>>> case = Case(claim=claim, events=[
...     Payment(amount=Money.of("3000", "NOK"), paid_on=date(2026, 6, 15))])
>>> result = limitation(case, as_of=date(2026, 7, 1))
>>> result.time_barred_on, result.period, result.is_time_barred
(datetime.date(2029, 6, 15), '3 years', False)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from inkassorules._checks import check_date, check_law
from inkassorules.calendar import add_months
from inkassorules.case import Case, as_case
from inkassorules.claims import Claim, ClaimKind, CreditorKind, Payment
from inkassorules.errors import InvalidInput
from inkassorules.events import (
    AgreementMade,
    DueDatePostponed,
    Event,
    LegalActionFiled,
    LetterSent,
)
from inkassorules.law import Citation, LawBook, builtin, explain

if TYPE_CHECKING:
    from inkassorules.law import Entry

__all__ = ["LAST_DAY_READING", "Limitation", "limitation"]

_MONTHS_A_YEAR: Final = 12

_NO_PERIOD: Final = "no.limitation.period_years"
_SE_PERIOD: Final = "se.limitation.period_years"
_SE_CONSUMER_PERIOD: Final = "se.limitation.consumer_period_years"

_JUSINFO_ACK: Final = (
    "https://jusinfo.no/foreldelse/avbrytelse-av-frist/erkjennelse-andre-avbrytende-skritt/"
)
_JUSINFO_LEGAL: Final = (
    "https://jusinfo.no/foreldelse/avbrytelse-av-frist/rettslige-og-administrative-skritt/"
)
_JUSINFO_DURATION: Final = "https://jusinfo.no/foreldelse/avbrytelse-av-frist/virkningen-og-varigheten-av-avbrytelse-av-frist/"
_JUSINFO_EFFECT: Final = (
    "https://jusinfo.no/foreldelse/foreldelse-av-fordringer/foreldelsens-virkninger/"
)
_LAWLINE_5: Final = "https://lawline.se/answers/10882"
_LAGEN_5: Final = "https://lagen.nu/1981:130#P5S1"

# Rules that are logic, not numbers (checked with search, issue 14 item 14).
_NO_START: Final = Citation(
    "foreldelsesloven § 3 nr. 1: fristen regnes fra den dag da fordringshaveren tidligst har "
    "rett til å kreve å få oppfyllelse (forfall)",
    "https://jusinfo.no/foreldelse/foreldelsesfrist-pengekrav-og-kontrakt/fristens-utgangspunkt-2/",
)
_NO_ACKNOWLEDGED: Final = Citation(
    "foreldelsesloven § 14: foreldelse avbrytes når skyldneren uttrykkelig eller ved sin "
    "handlemåte erkjenner forpliktelsen, så som ved løfte om betaling eller ved å betale "
    "(delbetaling, rente)",
    _JUSINFO_ACK,
)
_NO_POSTPONED: Final = Citation(
    "foreldelsesloven § 14: et uttalt ønske om betalingsutsettelse erkjenner forpliktelsen; the "
    "library reads an agreed postponement after forfall as an acknowledgement on the day it was "
    "agreed",
    _JUSINFO_ACK,
    "medium",
    note="jusinfo.no lists a request for postponement as an acknowledgement; who asked for the "
    "postponement is not in the case file",
)
_NO_LEGAL: Final = Citation(
    "foreldelsesloven §§ 15-17: foreldelse avbrytes ved rettslig skritt (forliksklage, stevning) "
    "og ved begjæring om tvangsfullbyrdelse (utlegg)",
    _JUSINFO_LEGAL,
)
_NO_LEGAL_PERIOD: Final = Citation(
    "foreldelsesloven § 21: the interruption by a legal step lasts while the proceedings go on, "
    "and a judgment gives a new 10-year period; the library starts a new period of the ordinary "
    "length on the filing day",
    _JUSINFO_DURATION,
    "medium",
    note="the case file does not say how the proceedings went; the shorter period cannot hurt "
    "the debtor",
)
_NO_EFFECT: Final = Citation(
    "foreldelsesloven § 24: fordringshaveren taper sin rett til oppfyllelse; nr. 2: also "
    "interest and similar additional claims",
    _JUSINFO_EFFECT,
)
_NO_LETTERS: Final = (
    "a creditor's letters do not interrupt Norwegian limitation (only acknowledgement, § 14, "
    "and legal steps, §§ 15-17)"
)
_SE_START: Final = Citation(
    "2 § preskriptionslagen (1981:130): the period runs from the claim's tillkomst; the library "
    "takes the invoice date, else the due date (the claim cannot have arisen later)",
    "https://lagen.nu/1981:130#P2S1",
    "medium",
    note="the day the goods or services were provided is not in the case file; the time bar "
    "given is the latest day it can fall on",
)
_SE_CONSUMER_ASSUMED: Final = Citation(
    "2 § andra stycket preskriptionslagen (1981:130): 3 years for a business's claim on a "
    "consumer; applied because the case does not show that the creditor is not a business or "
    "that the claim rests on a löpande skuldebrev",
    "https://lagen.nu/1981:130#P2S2",
    "medium",
    note="the shorter period cannot hurt the debtor (issue 14 item 14)",
)
_SE_ACKNOWLEDGED: Final = Citation(
    "5 § 1 preskriptionslagen (1981:130): preskription avbryts genom att gäldenären utfäster "
    "betalning, erlägger ränta eller amortering eller på annat sätt erkänner fordringen",
    _LAGEN_5,
    note=f"quoted by lawline.se ({_LAWLINE_5})",
)
_SE_POSTPONED: Final = Citation(
    "5 § 1 preskriptionslagen (1981:130): an agreed anstånd is read as the debtor's "
    "acknowledgement of the claim",
    _LAGEN_5,
    "medium",
    note="the library's reading; who asked for the postponement is not in the case file",
)
_SE_LETTER: Final = Citation(
    "5 § 2 preskriptionslagen (1981:130): preskription avbryts genom att gäldenären får ett "
    "skriftligt krav eller en skriftlig påminnelse om fordringen från borgenären; counted from "
    "the sending day",
    _LAGEN_5,
    "medium",
    note="5 § counts the day the debtor gets the letter, which is not earlier than the sending "
    "day: the earlier day cannot hurt the debtor",
)
_SE_LEGAL: Final = Citation(
    "5 § 3 preskriptionslagen (1981:130): preskription avbryts när gäldenären delges stämning "
    "eller ansökan om betalningsföreläggande; counted from the filing day, a new period of the "
    "ordinary length (7 §: 10 years after a judgment, not modelled)",
    _LAGEN_5,
    "medium",
    note="service follows filing; the case file does not say how the proceedings went",
)
_SE_NEW_PERIOD: Final = Citation(
    "6 § preskriptionslagen (1981:130): genom preskriptionsavbrott börjar en ny preskriptionstid "
    "att löpa från dagen för avbrottet",
    "https://lagen.nu/1981:130#P6S1",
    note=f"quoted by lawline.se ({_LAWLINE_5}): 'ny preskriptionstid ... från dagen för "
    "preskriptionsavbrottet'",
)
_SE_EFFECT: Final = Citation(
    "8 § preskriptionslagen (1981:130): efter preskription kan fordringen inte göras gällande",
    "https://lagen.nu/1981:130#P8S1",
)
LAST_DAY_READING: Final = Citation(
    "Limitation period counted in years: the library takes the same calendar date N years after "
    "the start (28 February for 29 February) as the first time-barred day",
    "https://jusinfo.no/foreldelse/foreldelse-av-fordringer/foreldelseslovens-virkeomrade/",
    "medium",
    note="whether that day is the last day of the period or the first day after it was not "
    "settled by the sources read; the earlier day cannot hurt the debtor",
)
"""The reading of the first time-barred day (medium): the audit tells it from the other rules."""


class _Interruption(NamedTuple):
    citation: Citation
    what: str


@attrs.frozen(kw_only=True)
class Limitation:
    """Foreldelse / preskription (limitation): the day a claim becomes time-barred, and why.

    Attributes:
        case: the case asked about.
        as_of: the day asked about; events after it are not read.
        time_barred_on: the first day the claim is time-barred on the history up to *as_of*.
        runs_from: the first day of the running period (the due date, the tillkomst, or the
            day of the interruption that set it).
        set_by: the event that started the running period (None: the claim itself).
        period: the length of the running period, e.g. ``"3 years"``.
        reasons: how the day was found, one line per step.
        basis: the citations of the rules and dated values used.
    """

    case: Case
    as_of: dt.date
    time_barred_on: dt.date
    runs_from: dt.date
    set_by: Event | None
    period: str
    reasons: tuple[str, ...] = ()
    basis: tuple[Citation, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Checked here, not in attrs validators, which can be switched off globally.
        if not isinstance(self.case, Case):
            raise InvalidInput(f"case must be a Case, got {self.case!r}")
        check_date(self.as_of, "as_of")
        check_date(self.runs_from, "runs_from")
        if check_date(self.time_barred_on, "time_barred_on") <= self.runs_from:
            raise InvalidInput(
                f"time_barred_on {self.time_barred_on} must be after runs_from {self.runs_from}"
            )

    @property
    def is_time_barred(self) -> bool:
        """True if the claim is time-barred on *as_of*."""
        return self.as_of >= self.time_barred_on

    @property
    def provisional(self) -> bool:
        """True if a rule or value of medium confidence was used (see each citation)."""
        return any(c.confidence == "medium" for c in self.basis)

    def explain(self) -> str:
        """The time bar, how it was found, and the citations, as text."""
        state = "time-barred" if self.is_time_barred else "not time-barred"
        head = (
            f"{self.case.claim.jurisdiction} claim {state} on {self.as_of.isoformat()}: "
            f"time-barred from {self.time_barred_on.isoformat()} ({self.period} from "
            f"{self.runs_from.isoformat()})"
        )
        lines = [head, *(f"  {reason}" for reason in self.reasons)]
        return "\n".join(lines) + "\n" + explain(self.basis, notes=True)


def _book(law: object) -> LawBook:
    if law is None:
        return builtin()
    if not isinstance(law, LawBook):
        raise InvalidInput(f"law must be a LawBook or None, got {law!r}")
    return law


def _period(
    claim: Claim, on: dt.date, book: LawBook
) -> tuple[Entry[int], tuple[Citation, ...], str | None]:
    """The period in force on *on* for *claim*: its entry, extra citations and a reason."""
    if claim.jurisdiction == "NO":
        return (
            book.days(_NO_PERIOD, on),
            (),
            (
                "the special periods of foreldelsesloven §§ 4-9 are not modelled: the general "
                "period applies"
            ),
        )
    if not claim.debtor_kind.is_consumer:
        return book.days(_SE_PERIOD, on), (), "the debtor is not a consumer"
    creditor = claim.creditor_kind
    if creditor is CreditorKind.CONSUMER:
        return (
            book.days(_SE_PERIOD, on),
            (),
            "a private creditor's claim on a consumer: 2 § andra stycket does not apply",
        )
    entry = book.days(_SE_CONSUMER_PERIOD, on)
    if (
        creditor in (CreditorKind.BUSINESS, CreditorKind.PUBLIC_BODY)
        and claim.claim_kind is ClaimKind.GOODS_OR_SERVICES
    ):
        return entry, (), "a business's claim on a consumer for goods or services"
    return (
        entry,
        (_SE_CONSUMER_ASSUMED,),
        (
            "a claim on a consumer: 3 years, since the case does not show that the creditor is "
            "not a business (the shorter period)"
        ),
    )


def _start(case: Case) -> tuple[dt.date, tuple[Citation, ...], str]:
    """The first day of the first period, the citations used and the reason."""
    claim = case.claim
    if claim.jurisdiction == "NO":
        # § 3 nr. 1: a postponement agreed before forfall moves the day payment can be demanded.
        due = case.due_date_on(claim.due_date)
        moved = f" (postponed from {claim.due_date.isoformat()})" if due != claim.due_date else ""
        return due, (_NO_START,), f"the period runs from the due date {due.isoformat()}{moved}"
    if claim.invoice_date is not None:
        start, what = claim.invoice_date, "invoice date"
    else:
        start, what = claim.due_date, "due date (no invoice date given)"
    return (
        start,
        (_SE_START,),
        f"the period runs from the claim's tillkomst, taken as its {what} {start.isoformat()}",
    )


def _interruption(case: Case, event: Event) -> _Interruption | None:
    """Why *event* interrupts the limitation period of *case*'s claim, or None."""
    norway = case.claim.jurisdiction == "NO"
    found: _Interruption | None = None
    if isinstance(event, Payment):
        found = _Interruption(
            _NO_ACKNOWLEDGED if norway else _SE_ACKNOWLEDGED, f"the payment of {event.amount}"
        )
    elif isinstance(event, AgreementMade):
        found = _Interruption(
            _NO_ACKNOWLEDGED if norway else _SE_ACKNOWLEDGED,
            "the instalment agreement (a promise to pay)",
        )
    elif isinstance(event, DueDatePostponed):
        # In Norway a postponement agreed before forfall moved the start instead (§ 3 nr. 1).
        if not (norway and event.agreed_on <= case.claim.due_date):
            found = _Interruption(
                _NO_POSTPONED if norway else _SE_POSTPONED,
                f"the postponement to {event.new_due_date.isoformat()} (an acknowledgement)",
            )
    elif isinstance(event, LegalActionFiled):
        found = _Interruption(
            _NO_LEGAL if norway else _SE_LEGAL, f"the legal step at {event.venue}"
        )
    elif isinstance(event, LetterSent) and not norway:
        found = _Interruption(_SE_LETTER, f"the written {event.kind.value.replace('_', ' ')}")
    return found


def _years(value: int) -> str:
    return f"{value} year" if value == 1 else f"{value} years"


def limitation(case: Case | Claim, *, as_of: dt.date, law: LawBook | None = None) -> Limitation:
    """Foreldelse / preskription (the day a claim becomes time-barred, from its history).

    Reads the events up to and including *as_of* in time order. Each interruption before the
    time bar starts a new period from its day (an interruption after the bar revives nothing).
    The period is read from the data in force on the day it starts. See the module docstring
    for the rules and the readings taken where the sources leave a detail open.

    >>> from datetime import date
    >>> from inkassorules import Claim, DebtorKind, Money
    >>> from inkassorules.events import LetterSent
    >>> from inkassorules.steps import StepKind
    >>> claim = Claim(principal=Money.of("900", "SEK"), due_date=date(2025, 3, 3),
    ...               jurisdiction="SE", debtor_kind=DebtorKind.CONSUMER)
    >>> krav = LetterSent(kind=StepKind.COLLECTION_DEMAND, sent_on=date(2025, 4, 1),
    ...                   fee_charged=Money.of("180", "SEK"), deadline=date(2025, 4, 11))
    >>> result = limitation(Case(claim=claim, events=[krav]), as_of=date(2026, 1, 1))
    >>> result.time_barred_on, result.period, result.set_by is krav
    (datetime.date(2028, 4, 1), '3 years', True)

    Args:
        case: the case (a bare claim is a case without events).
        as_of: the day asked about.
        law: the legal data to use (default: the built-in data).

    Returns:
        The time bar, the event that set it, the period and the reasons.

    Raises:
        NotInForce: if the limitation period is not in the data on the day a period starts.
        InvalidInput: for arguments of the wrong kind.
    """
    check_law(law)
    checked = as_case(case)
    check_date(as_of, "as_of")
    book = _book(law)
    history = checked.until(as_of)
    claim = checked.claim
    start, start_basis, start_reason = _start(history)
    entry, extra, period_reason = _period(claim, start, book)
    basis: list[Citation] = [entry.citation, *extra, *start_basis, LAST_DAY_READING]
    reasons = [start_reason]
    if period_reason:
        reasons.append(period_reason)
    years = entry.value
    barred = add_months(start, _MONTHS_A_YEAR * years)
    reasons.append(f"{_years(years)} from {start.isoformat()}: time-barred from {barred}")
    set_by: Event | None = None
    for event in history.events:
        day = history.day_of(event)
        if day >= barred:
            reasons.append(
                f"the claim was time-barred from {barred.isoformat()}: later events do not "
                "revive it"
            )
            break
        why = _interruption(history, event)
        if why is None:
            continue
        period = _period(claim, day, book)[0]
        renewed = add_months(day, _MONTHS_A_YEAR * period.value)
        if renewed <= barred:
            continue
        basis.extend((why.citation, period.citation))
        if claim.jurisdiction == "SE":
            basis.append(_SE_NEW_PERIOD)
        elif isinstance(event, LegalActionFiled):
            basis.append(_NO_LEGAL_PERIOD)
        reasons.append(
            f"{why.what} on {day.isoformat()} interrupted it: a new period of "
            f"{_years(period.value)}, time-barred from {renewed.isoformat()}"
        )
        start, barred, years, set_by = day, renewed, period.value, event
    if claim.jurisdiction == "NO":
        if history.letters:
            reasons.append(_NO_LETTERS)
        basis.append(_NO_EFFECT)
    else:
        basis.append(_SE_EFFECT)
    return Limitation(
        case=checked,
        as_of=as_of,
        time_barred_on=barred,
        runs_from=start,
        set_by=set_by,
        period=_years(years),
        reasons=tuple(reasons),
        basis=tuple(dict.fromkeys(basis)),
    )
