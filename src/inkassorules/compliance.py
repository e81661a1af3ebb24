"""Revisjon / granskning (audit of a collection case): was it lawful, and what was overcharged?

:func:`audit` checks every event of a :class:`~inkassorules.case.Case` up to a day against the
law in force on the event's day, given the history before it, and returns an :class:`Audit`: a
list of :class:`Finding` s, each naming the event, the rule and its citation, a
:class:`Severity`, what the law allowed, and the ``excess`` charged above it. This is the
question of a debtor's adviser or a compliance officer: "was this lawful, and by how much was
the debtor overcharged?".

What is checked (the rule functions of the library are called; nothing is recomputed here):

* **Timing of letters.** Norway: an inkassovarsel only after forfall (the due date in force,
  rolled onto a business day), with a deadline of at least 14 days (inkassoloven § 9); a
  betalingsoppfordring only after an inkassovarsel whose deadline ran out, with a 14-day
  deadline of its own (§ 10). Sweden: an inkassokrav with a deadline of at least 8 days from
  sending and 4 bank days from receipt (5 § inkassolagen; receipt is taken as the sending day,
  the most lenient, so a finding is certain).
* **Legal steps.** Norway: only after a betalingsoppfordring whose deadline ran out, and within
  six months of it (inkassoloven § 11). Sweden: only after an inkassokrav whose deadline passed
  (6 § inkassolagen), and never Kronofogden for a claim disputed in full.
* **Disputes.** A collection step while a reasonable dispute of the whole claim stands
  (:func:`~inkassorules.disputes.may_take_step`; Norway inkassoloven § 17, Sweden god
  inkassosed).
* **A postponed due date.** Steps and fees before the new due date.
* **Agreements.** An escalation step while an instalment agreement holds
  (:func:`~inkassorules.instalments.accelerate` says it has not failed).
* **Interest.** The interest a letter claimed (``LetterSent.interest_charged``) against the
  late interest accrued and not paid for the days before its day
  (:func:`~inkassorules.ledger.balance`).
* **Phone and other contact.** Each :class:`~inkassorules.events.ContactAttempt` against the
  country's contact rules (:mod:`inkassorules.no.contact`, :mod:`inkassorules.se.contact`),
  counting the earlier attempts on the same channel against the day, week and month caps.
* **Limitation.** A collection step on or after the day the claim became time-barred
  (:func:`~inkassorules.limitations.limitation`).

* **Fees.** Each fee against its cap on its day, given the history before it
  (:func:`~inkassorules.ledger.charges`, which calls the fee rules of :mod:`inkassorules.no.fees`
  and :mod:`inkassorules.se.fees`).

Severity: a breach of a statute is ``UNLAWFUL``; a breach of a reading the library marks medium
confidence, or of practice (contact rules that are guidance, god inkassoskikk / god inkassosed,
a contract term), is ``AT_RISK``; information (a check the data could not make, a policy that is
not law) is a ``NOTE``. ``excess`` is counted once per event: a fee already found above its cap
is not counted again by another finding about the same event.

>>> from datetime import date
>>> from inkassorules import Case, Claim, DebtorKind, LetterSent, Money, StepKind
>>> claim = Claim(principal=Money.of("12500", "NOK"), due_date=date(2026, 5, 4),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> case = Case(claim=claim, events=[
...     LetterSent(kind=StepKind.COLLECTION_NOTICE, sent_on=date(2026, 5, 4),
...                fee_charged=Money.zero("NOK"), deadline=date(2026, 5, 18))])
>>> result = audit(case, as_of=date(2026, 7, 1))
>>> result.lawful
False
>>> print(result.findings[0].message)
an inkassovarsel was sent on 2026-05-04, not after forfall on 2026-05-04
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NamedTuple, NoReturn

import attrs

from inkassorules import _html, records
from inkassorules._checks import check_date, check_law, refuse_unknown_member
from inkassorules._html import html_table
from inkassorules.calendar import BusinessCalendar, add_days, calendar_for
from inkassorules.case import Case, as_case
from inkassorules.disputes import may_take_step
from inkassorules.errors import InvalidInput, NotInForce, RuleRefused
from inkassorules.events import (
    EVENT_TYPES,
    AgreementMade,
    ContactAttempt,
    Event,
    LegalActionFiled,
    LetterSent,
)
from inkassorules.instalments import (
    _FAL_MIN_MISSED,
    InstalmentAgreement,
    SwedishConsumerCredit,
    accelerate,
)
from inkassorules.law import Citation, LawBook, builtin, explain
from inkassorules.ledger import balance, charges
from inkassorules.limitations import LAST_DAY_READING, limitation
from inkassorules.money import Money
from inkassorules.no import contact as no_contact
from inkassorules.no import fees as no_fees
from inkassorules.se import contact as se_contact
from inkassorules.se import fees as se_fees
from inkassorules.steps import StepKind

if TYPE_CHECKING:
    from inkassorules.claims import Claim
    from inkassorules.ledger import Charge

__all__ = ["Audit", "Finding", "Severity", "audit"]


class Severity(enum.Enum):
    """Alvorlighet / allvarlighetsgrad (how serious a finding is).

    ``UNLAWFUL`` (a breach of a statute or regulation), ``AT_RISK`` (a breach of a reading the
    library marks medium confidence, of practice, of guidance or of a contract term) and ``NOTE``
    (information: a check that could not be made, a policy that is not law).
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    UNLAWFUL = "unlawful"
    AT_RISK = "at_risk"
    NOTE = "note"

    __hash__ = object.__hash__  # members are singletons compared by identity


def _check_text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"a finding's {name} must be a non-empty string, got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class Finding:
    """Funn / iakttagelse (a finding of an audit): one event checked against one rule.

    Attributes:
        event: the event checked (None for a finding about the case as a whole).
        day: the day of the event (or of the audit).
        rule: the short name of the rule, e.g. ``"inkassoloven § 9 første ledd"``.
        citation: the citation of the rule.
        severity: how serious it is (see :class:`Severity`).
        message: what was done and why it breaks (or risks breaking) the rule.
        allowed: what the law allowed, in words (``"at most 38.00 NOK"``).
        excess: what was charged above the law (zero where no money is involved).
    """

    event: Event | None
    day: dt.date
    rule: str
    citation: Citation
    severity: Severity
    message: str
    allowed: str
    excess: Money

    def __attrs_post_init__(self) -> None:
        # Checked here, not in attrs validators, which can be switched off globally.
        if self.event is not None and not isinstance(self.event, EVENT_TYPES):
            raise InvalidInput(f"a finding's event must be an event or None, got {self.event!r}")
        check_date(self.day, "day")
        _check_text(self.rule, "rule")
        if not isinstance(self.citation, Citation):
            raise InvalidInput(f"citation must be a Citation, got {self.citation!r}")
        if not isinstance(self.severity, Severity):
            raise InvalidInput(f"severity must be a Severity, got {self.severity!r}")
        _check_text(self.message, "message")
        _check_text(self.allowed, "allowed")
        excess: object = self.excess
        if not isinstance(excess, Money) or excess.is_negative:
            raise InvalidInput(f"excess must be Money, not negative, got {excess!r}")

    @property
    def provisional(self) -> bool:
        """True if the rule's citation is of medium confidence."""
        return self.citation.confidence == "medium"

    def to_record(self) -> dict[str, object]:
        """The finding as a flat record of typed values (dates, Money, strings)."""
        event = self.event
        return {
            "day": self.day,
            "severity": self.severity.value,
            "event": None if event is None else _event_name(event),
            "event_id": None if event is None else event.id,
            "rule": self.rule,
            "message": self.message,
            "allowed": self.allowed,
            "excess": self.excess,
            "confidence": self.citation.confidence,
        }

    def explain(self) -> str:
        """The finding in words, with its citation."""
        money = f"; excess {self.excess}" if self.excess.is_positive else ""
        return (
            f"{self.day.isoformat()} {self.severity.value}: {self.message} "
            f"(allowed: {self.allowed}{money})\n  [{self.rule}] {self.citation}"
        )


def _check_findings(value: object) -> tuple[Finding, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInput(f"findings must be a sequence of Finding, got {value!r}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, Finding):
            raise InvalidInput(f"findings must be Finding, got {item!r}")
    return items


@attrs.frozen(kw_only=True)
class Audit:
    """Revisjon / granskning (the audit of a case): every finding, and the rules applied.

    Attributes:
        case: the case audited.
        as_of: the audit's day: the events up to and including it were checked.
        findings: the findings, in time order.
        basis: the citations of every rule applied, without repeats.
        unchecked: checks the data could not make (each also a ``NOTE`` finding).
    """

    case: Case
    as_of: dt.date
    findings: tuple[Finding, ...]
    basis: tuple[Citation, ...]
    unchecked: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.case, Case):
            raise InvalidInput(f"case must be a Case, got {self.case!r}")
        check_date(self.as_of, "as_of")
        findings = _check_findings(self.findings)
        currency = self.case.claim.currency
        for finding in findings:
            if finding.excess.currency != currency:
                raise InvalidInput(f"a finding's excess {finding.excess} is not in {currency}")
        object.__setattr__(self, "findings", findings)
        object.__setattr__(self, "basis", tuple(dict.fromkeys(self.basis)))
        object.__setattr__(self, "unchecked", tuple(self.unchecked))

    @property
    def lawful(self) -> bool:
        """True if no finding is ``UNLAWFUL``."""
        return not self.unlawful

    @property
    def excess(self) -> Money:
        """What was charged above the law, in total."""
        return Money.total((f.excess for f in self.findings), currency=self.case.claim.currency)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    @property
    def unlawful(self) -> tuple[Finding, ...]:
        """The ``UNLAWFUL`` findings."""
        return self._of(Severity.UNLAWFUL)

    @property
    def at_risk(self) -> tuple[Finding, ...]:
        """The ``AT_RISK`` findings."""
        return self._of(Severity.AT_RISK)

    @property
    def notes(self) -> tuple[Finding, ...]:
        """The ``NOTE`` findings."""
        return self._of(Severity.NOTE)

    @property
    def provisional(self) -> bool:
        """True if a rule or value of medium confidence was used, or a check could not run."""
        return bool(self.unchecked) or any(c.confidence == "medium" for c in self.basis)

    def to_records(self) -> list[dict[str, object]]:
        """One typed row per finding (:meth:`Finding.to_record`; ``excess`` a Decimal)."""
        rows = [{**f.to_record(), "currency": f.excess.currency} for f in self.findings]
        return records.typed(rows, Audit)

    def explain(self) -> str:
        """The verdict, the findings and the citations, as text."""
        verdict = "lawful" if self.lawful else "not lawful"
        counts = (
            f"{len(self.unlawful)} unlawful, {len(self.at_risk)} at risk, {len(self.notes)} notes"
        )
        head = (
            f"Audit of a {self.case.claim.jurisdiction} case as of {self.as_of.isoformat()}: "
            f"{verdict} ({counts}); charged above the law: {self.excess}"
        )
        lines = [head, *(f.explain() for f in self.findings)]
        if self.basis:
            lines.append(explain(self.basis, notes=True))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return _html.audit_repr(self)

    def _repr_html_(self) -> str:
        verdict = "lawful" if self.lawful else "not lawful"
        return html_table(
            f"Audit as of {self.as_of.isoformat()}: {verdict}",
            self.to_records(),
            footer=(f"charged above the law: {self.excess}",),
        )


# -- the checks ---------------------------------------------------------------------------------

_INKASSOLOVEN_9: Final = Citation(
    "inkassoloven § 9 første ledd: inkassovarsel tidligst etter kravets forfall",
    "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/inkassovarsel/",
)
_INKASSOLOVEN_10: Final = Citation(
    "inkassoloven § 10 første ledd: betalingsoppfordring først når fristen i inkassovarselet er "
    "ute",
    "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/inkassovarsel/",
)
_INKASSOLOVEN_11: Final = Citation(
    "inkassoloven § 11: rettslig inndriving først når fristen i betalingsoppfordringen er ute, "
    "og innen seks måneder etter at den ble sendt",
    "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/rettslig-inndriving/",
)
_NO_POSTPONED: Final = Citation(
    "gjeldsbrevloven § 5 / inkassoloven § 9 og inkassoforskriften § 1-2: an agreed postponement "
    "(utsatt betalingsdato) moves forfall; no collection step and no fee before it",
    "https://jusinfo.no/pengekravsrett/betalingstid-mv/betalingstid-mv/",
)
_SE_POSTPONED: Final = Citation(
    "lag (1981:739) and 5 § inkassolagen (1974:182): only a claim that has fallen due is "
    "collected, and only measures taken after the due date give a right to compensation (IMY); "
    "an agreed anstånd moves the due date",
    "https://www.imy.se/vanliga-fragor-och-svar/hur-mycket-far-man-ta-ut-i-inkassokostnader/",
    "medium",
)
_SE_DEMAND_FORM: Final = Citation(
    "5 § 3 st inkassolagen (1974:182): an inkassokrav gives the debtor viss skälig tid to pay "
    "or object",
    "https://lagen.nu/1974:182",
)
_SE_LEGAL_FIRST: Final = Citation(
    "6 § inkassolagen (1974:182): no legal action before a krav meeting 5 § was sent and its "
    "deadline has passed (Finansinspektionen)",
    "https://lagen.nu/1974:182",
)
_AGREEMENT_TERM: Final = Citation(
    "An instalment agreement that holds (the debtor is not in default under its terms): an "
    "escalation step breaks the agreement; that it also breaks god inkassoskikk / god "
    "inkassosed is the library's reading",
    "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/inkassovarsel/",
    "medium",
    note="the agreement's own terms govern; no statute on collection-stage plans was found "
    "(norway.md, sweden.md)",
)
_KKRL_34: Final = Citation(
    "34 § konsumentkreditlagen (2010:1846): the remainder falls due only after a notice of at "
    "least four weeks given on a 33 § ground, unless cured",
    "https://lagen.nu/2010:1846",
)
_UNCHECKED: Final = Citation(
    "inkassorules: the legal data does not cover this day (NotInForce); the check was not made",
    "https://lovdata.no/",
    "medium",
    note="the sources the library read do not give the value on this day; supply it with "
    "LawBook.extend to run the check (docs/data.md)",
)

# Steps a standing agreement does not allow (a friendly reminder or a fee-free reminder of an
# instalment does not escalate).
_ESCALATION: Final = frozenset(
    {
        StepKind.COLLECTION_NOTICE,
        StepKind.COLLECTION_WARNING,
        StepKind.COLLECTION_DEMAND,
        StepKind.NOTICE_BEFORE_ENFORCEMENT,
    }
)
_KRONOFOGDEN: Final = "kronofogden"
_EVENT_NAMES: Final[Mapping[type, str]] = MappingProxyType(
    {
        AgreementMade: "instalment_agreement",
        LegalActionFiled: "legal_step",
        ContactAttempt: "contact_attempt",
    }
)
_INTEREST: Final = Citation(
    "Late interest accrued on the principal still owed (inkassorules.ledger.balance)",
    "https://lovdata.no/lov/1976-12-17-100",
)
_FEE_CAP: Final = Citation(
    "The fee rules of each country (inkassorules.no.fees, inkassorules.se.fees) as applied by "
    "inkassorules.ledger.charges",
    "https://juridika.no/no/forskrift/1989-07-14-562/kapittel_1",
)
# Medium-confidence values that can only lower a fee cap if another reading applied, so an
# excess above the cap stays unlawful: the 2026 rounding to whole kroner (37.50 -> 38; without
# it the cap would be 37.50), and the Swedish krav deadline (8 days, 4 bank days: a condition of
# the 180 kr, never a part of the amount; medium since Finansinspektionen took over from IMY).
_CANNOT_RAISE_CAP: Final = frozenset(
    {
        "no.fees.letter_fee_rounding",
        "se.fees.collection_demand_min_days",
        "se.fees.collection_demand_min_bank_days",
    }
)
# The tables that give a fee's amount (the fraction of the sats, the amount itself): a fee
# finding above a positive cap names the rule of the amount.
# A closing parenthesis that explains in words, e.g. " (tidligst 14 dager etter forfall)"; an
# SFS number such as "(1981:739)" has no space and stays.
_GLOSS: Final = r" \([^()]* [^()]*\)$"
_AMOUNT_TABLES: Final = ("_fraction", "_fee", "standard_compensation")

_Taken = LetterSent | LegalActionFiled


def _event_name(event: Event) -> str:
    kind = getattr(event, "kind", None)
    if isinstance(kind, StepKind):
        return kind.value
    return _EVENT_NAMES.get(type(event), type(event).__name__)


def _fee_of(event: Event) -> Money | None:
    if isinstance(event, LetterSent):
        return event.fee_charged
    if isinstance(event, LegalActionFiled):
        return event.fee_charged
    if isinstance(event, AgreementMade):
        return event.agreement.fee
    return None


def _fee_is_positive(event: Event) -> bool:
    fee = _fee_of(event)
    return fee is not None and fee.is_positive


def _severity(*citations: Citation) -> Severity:
    """UNLAWFUL for rules of high confidence, AT_RISK when one of them is medium."""
    return (
        Severity.AT_RISK if any(c.confidence == "medium" for c in citations) else Severity.UNLAWFUL
    )


class _Auditor:
    """Collects findings and the basis; counts each event's fee excess once (private)."""

    def __init__(self, case: Case, law: LawBook | None, book: LawBook) -> None:
        self.case = case
        self.law = law
        self.book = book
        self.findings: list[tuple[dt.date, int, Finding]] = []
        self.basis: list[Citation] = []
        self.unchecked: list[str] = []
        self.attributed: dict[int, Money] = {}
        self.index = {id(event): i for i, event in enumerate(case.events)}
        self.currency = case.claim.currency
        self._calendar: BusinessCalendar | None = None

    @property
    def calendar(self) -> BusinessCalendar:
        if self._calendar is None:
            self._calendar = calendar_for(self.case.jurisdiction, law=self.law)
        return self._calendar

    def zero(self) -> Money:
        return Money.zero(self.currency)

    def apply(self, *citations: Citation) -> None:
        self.basis.extend(citations)

    def fee_excess(self, event: Event) -> Money:
        """The part of *event*'s fee not yet counted as excess by another finding."""
        fee = _fee_of(event)
        if fee is None or not fee.is_positive:
            return self.zero()
        done = self.attributed.get(self.index.get(id(event), -1), self.zero())
        share = fee - done
        return share if share.is_positive else self.zero()

    def add(
        self,
        event: Event | None,
        *,
        rule: str,
        citation: Citation,
        severity: Severity,
        message: str,
        allowed: str,
        excess: Money | None = None,
        day: dt.date | None = None,
        of_fee: bool = True,
    ) -> None:
        when = day if day is not None else (self.case.day_of(event) if event else None)
        if when is None:
            raise InvalidInput("a finding about the case needs a day")
        money = self.zero() if excess is None else excess
        key = -1 if event is None else self.index.get(id(event), -1)
        if event is not None and money.is_positive and of_fee:
            self.attributed[key] = self.attributed.get(key, self.zero()) + money
        self.apply(citation)
        self.findings.append(
            (
                when,
                key,
                Finding(
                    event=event,
                    day=when,
                    rule=rule,
                    citation=citation,
                    severity=severity,
                    message=message,
                    allowed=allowed,
                    excess=money,
                ),
            )
        )

    def not_checked(
        self, event: Event | None, what: str, error: NotInForce, *, day: dt.date | None = None
    ) -> None:
        text = f"{what} not checked: {error}"
        self.unchecked.append(text)
        self.add(
            event,
            rule="not checked (NotInForce)",
            citation=_UNCHECKED,
            severity=Severity.NOTE,
            message=text,
            allowed="unknown: the legal data does not cover this day",
            day=day,
        )

    def result(self, as_of: dt.date, case: Case) -> Audit:
        ordered = sorted(self.findings, key=lambda item: (item[0], item[1]))
        return Audit(
            case=case,
            as_of=as_of,
            findings=tuple(f for _, _, f in ordered),
            basis=tuple(self.basis),
            unchecked=tuple(self.unchecked),
        )


def _before(auditor: _Auditor, event: Event, kind: StepKind) -> list[LetterSent]:
    """The letters of *kind* sent before *event* (strictly earlier days)."""
    day = auditor.case.day_of(event)
    return [e for e in auditor.case.letters if e.kind is kind and e.sent_on < day]


def _rolled_due(auditor: _Auditor, day: dt.date) -> tuple[dt.date, dt.date]:
    """The due date in force on *day* and the same rolled onto a business day."""
    due = auditor.case.due_date_on(day)
    return due, auditor.calendar.roll_forward(due)


def _check_postponed(auditor: _Auditor, step: _Taken) -> bool:
    """A step on a claim whose postponed due date was not reached; True if one was found."""
    day = auditor.case.day_of(step)
    due, rolled = _rolled_due(auditor, day)
    claim_due = auditor.case.claim.due_date
    if due == claim_due or day > rolled:
        return False
    friendly = isinstance(step, LetterSent) and step.kind is StepKind.FRIENDLY_REMINDER
    if friendly and not _fee_is_positive(step):
        return False
    norway = auditor.case.jurisdiction == "NO"
    citation = _NO_POSTPONED if norway else _SE_POSTPONED
    auditor.add(
        step,
        rule="utsatt forfall" if norway else "anstånd (ändrad förfallodag)",
        citation=citation,
        severity=_severity(citation),
        message=(
            f"a {_event_name(step).replace('_', ' ')} on {day.isoformat()} while the due date "
            f"was postponed from {claim_due.isoformat()} to {due.isoformat()}"
        ),
        allowed=f"no collection step and no fee until after {rolled.isoformat()}",
        excess=auditor.fee_excess(step),
    )
    return True


def _deadline_finding(
    auditor: _Auditor,
    letter: LetterSent,
    *,
    earliest: dt.date,
    rule: str,
    citation: Citation,
    what: str,
) -> None:
    deadline = letter.deadline
    if deadline is not None and deadline >= earliest:
        return
    stated = "no deadline" if deadline is None else f"the deadline {deadline.isoformat()}"
    auditor.add(
        letter,
        rule=rule,
        citation=citation,
        # No deadline at all breaks the statute itself (NO § 9/§ 10, SE 5 §: the letter must
        # state one); a short one is as certain as the minimum's source.
        severity=Severity.UNLAWFUL if deadline is None else _severity(citation),
        message=f"the {what} of {letter.sent_on.isoformat()} gave {stated}",
        allowed=f"a deadline no earlier than {earliest.isoformat()}",
    )


def _check_no_letter(auditor: _Auditor, letter: LetterSent) -> None:
    day = letter.sent_on
    law = auditor.law
    if letter.kind is StepKind.COLLECTION_NOTICE:
        _due, rolled = _rolled_due(auditor, day)
        auditor.apply(_INKASSOLOVEN_9)
        if day <= rolled:
            auditor.add(
                letter,
                rule="inkassoloven § 9 første ledd",
                citation=_INKASSOLOVEN_9,
                severity=Severity.UNLAWFUL,
                message=(
                    f"an inkassovarsel was sent on {day.isoformat()}, not after forfall on "
                    f"{rolled.isoformat()}"
                ),
                allowed=f"no inkassovarsel before {add_days(rolled, 1).isoformat()}",
            )
        minimum = no_fees.collection_notice_deadline(sent_on=day, law=law)
        auditor.apply(*minimum.basis)
        _deadline_finding(
            auditor,
            letter,
            earliest=minimum.day,
            rule="inkassoloven § 9 annet ledd",
            citation=minimum.basis[0],
            what="inkassovarsel",
        )
    elif letter.kind is StepKind.COLLECTION_DEMAND:
        auditor.apply(_INKASSOLOVEN_10)
        notices = _before(auditor, letter, StepKind.COLLECTION_NOTICE)
        if not notices:
            auditor.add(
                letter,
                rule="inkassoloven § 10 første ledd",
                citation=_INKASSOLOVEN_10,
                severity=Severity.UNLAWFUL,
                message=(
                    f"a betalingsoppfordring on {day.isoformat()} with no inkassovarsel before it"
                ),
                allowed=(
                    "a betalingsoppfordring only after an inkassovarsel whose deadline ran out"
                ),
            )
        else:
            last = notices[-1]
            ends = (
                last.deadline
                or no_fees.collection_notice_deadline(sent_on=last.sent_on, law=law).day
            )
            if day <= ends:
                auditor.add(
                    letter,
                    rule="inkassoloven § 10 første ledd",
                    citation=_INKASSOLOVEN_10,
                    severity=Severity.UNLAWFUL,
                    message=(
                        f"a betalingsoppfordring on {day.isoformat()}, before the deadline "
                        f"{ends.isoformat()} of the inkassovarsel of {last.sent_on.isoformat()} "
                        "ran out"
                    ),
                    allowed=f"no betalingsoppfordring before {add_days(ends, 1).isoformat()}",
                )
        demand_minimum = no_fees.collection_demand_deadline(sent_on=day, law=law)
        auditor.apply(*demand_minimum.basis)
        _deadline_finding(
            auditor,
            letter,
            earliest=demand_minimum.day,
            rule="inkassoloven § 10 første ledd (frist)",
            citation=demand_minimum.basis[0],
            what="betalingsoppfordring",
        )


def _check_se_letter(auditor: _Auditor, letter: LetterSent) -> None:
    if letter.kind is not StepKind.COLLECTION_DEMAND:
        return
    day = letter.sent_on
    auditor.apply(_SE_DEMAND_FORM)
    # Receipt is taken as the sending day, the most lenient day: a finding is then certain.
    minimum = se_fees.collection_demand_deadline(sent_on=day, received_on=day, law=auditor.law)
    auditor.apply(*minimum.basis)
    _deadline_finding(
        auditor,
        letter,
        earliest=minimum.earliest_last_day,
        rule="5 § 3 st inkassolagen (1974:182)",
        citation=minimum.basis[0],
        what="inkassokrav",
    )


def _check_no_legal(auditor: _Auditor, action: LegalActionFiled) -> None:
    day = action.on
    law = auditor.law
    auditor.apply(_INKASSOLOVEN_11)
    demands = _before(auditor, action, StepKind.COLLECTION_DEMAND)
    if not demands:
        auditor.add(
            action,
            rule="inkassoloven § 11",
            citation=_INKASSOLOVEN_11,
            severity=Severity.UNLAWFUL,
            message=(
                f"a legal step at {action.venue} on {day.isoformat()} with no "
                "betalingsoppfordring before it"
            ),
            allowed="legal steps only after a betalingsoppfordring whose deadline ran out",
        )
        return
    problems: list[tuple[str, str, Citation]] = []
    for demand in reversed(demands):
        ends = (
            demand.deadline
            or no_fees.collection_demand_deadline(sent_on=demand.sent_on, law=law).day
        )
        last = no_fees.legal_collection_deadline(demand_sent_on=demand.sent_on, law=law)
        auditor.apply(*last.basis)
        if ends < day <= last.day:
            return  # this betalingsoppfordring allows the step
        if day <= ends:
            problems.append(
                (
                    (
                        f"a legal step at {action.venue} on {day.isoformat()}, before the "
                        f"deadline {ends.isoformat()} of the betalingsoppfordring of "
                        f"{demand.sent_on.isoformat()} ran out"
                    ),
                    f"legal steps from {add_days(ends, 1).isoformat()}",
                    _INKASSOLOVEN_11,
                )
            )
        else:
            problems.append(
                (
                    (
                        f"a legal step at {action.venue} on {day.isoformat()}, more than six "
                        f"months after the betalingsoppfordring of {demand.sent_on.isoformat()}: "
                        "a new one was needed"
                    ),
                    f"legal steps on that betalingsoppfordring until {last.day.isoformat()}",
                    last.basis[0],
                )
            )
    message, allowed, citation = problems[0]
    auditor.add(
        action,
        rule="inkassoloven § 11",
        citation=citation,
        severity=_severity(citation),
        message=message,
        allowed=allowed,
    )


def _check_se_legal(auditor: _Auditor, action: LegalActionFiled) -> None:
    day = action.on
    case = auditor.case
    kronofogden = _KRONOFOGDEN in action.venue.lower()
    decision = may_take_step(
        case.claim, StepKind.LEGAL_ACTION, on=day, disputes=case.disputes, venue=action.venue
    )
    auditor.apply(*decision.basis)
    if kronofogden and not decision.allowed:
        citation = decision.basis[0] if decision.basis else _SE_LEGAL_FIRST
        auditor.add(
            action,
            rule="betalningsföreläggande: tvistig fordran",
            citation=citation,
            severity=_severity(citation),
            message=(
                f"an application to Kronofogden on {day.isoformat()} while a dispute of the "
                f"whole claim ({decision.withheld}) stood"
            ),
            allowed="a court (stämning), not betalningsföreläggande, for a disputed claim",
        )
    elif kronofogden and decision.withheld.is_positive:
        citation = decision.basis[-1]
        auditor.add(
            action,
            rule="betalningsföreläggande: tvistig del",
            citation=citation,
            severity=Severity.AT_RISK,
            message=(
                f"an application to Kronofogden on {day.isoformat()} while {decision.withheld} "
                "was disputed"
            ),
            allowed=f"an application for the undisputed {decision.amount} only",
        )
    krav = _before(auditor, action, StepKind.COLLECTION_DEMAND)
    deadline = krav[-1].deadline if krav else None
    auditor.apply(_SE_LEGAL_FIRST)
    try:
        se_fees.check_payment_order_allowed(applied_on=day, demand_deadline=deadline)
    except RuleRefused as refusal:
        auditor.add(
            action,
            rule="6 § inkassolagen (1974:182)",
            citation=_SE_LEGAL_FIRST,
            severity=Severity.UNLAWFUL,
            message=f"a legal action at {action.venue} on {day.isoformat()}: {refusal}",
            allowed=(
                "legal action only after an inkassokrav's deadline has passed"
                if deadline is None
                else f"legal action from {add_days(deadline, 1).isoformat()}"
            ),
        )


def _check_dispute(auditor: _Auditor, letter: LetterSent) -> None:
    case = auditor.case
    decision = may_take_step(case.claim, letter.kind, on=letter.sent_on, disputes=case.disputes)
    if decision.withheld.is_zero:
        return
    auditor.apply(*decision.basis)
    name = letter.kind.value.replace("_", " ")
    if not decision.allowed:
        norway = case.jurisdiction == "NO"
        citation = decision.basis[0]
        auditor.add(
            letter,
            rule="inkassoloven § 17 / omtvistet krav" if norway else "god inkassosed (4 §)",
            citation=citation,
            # Sweden: god inkassosed is a general standard (AT_RISK); Norway: inkassoloven.
            severity=_severity(citation) if norway else Severity.AT_RISK,
            message=(
                f"a {name} on {letter.sent_on.isoformat()} while a reasonable dispute of the "
                f"whole claim ({decision.withheld}) stood"
            ),
            allowed="no collection step until the dispute is resolved (a court decides it)",
        )
        return
    auditor.add(
        letter,
        rule="omtvistet del" if case.jurisdiction == "NO" else "tvistig del",
        citation=decision.basis[-1],
        severity=Severity.NOTE,
        message=(
            f"a {name} on {letter.sent_on.isoformat()} while {decision.withheld} was disputed"
        ),
        allowed=f"collection of the undisputed {decision.amount} only",
    )


def _notice_floor(agreement: InstalmentAgreement, law: LawBook | None) -> Citation:
    """The citation of the Norwegian floor of missed instalments for an early demand."""
    book = builtin() if law is None else law
    return book.days(_FAL_MIN_MISSED, agreement.signed_on).citation


def _check_agreement(auditor: _Auditor, step: _Taken) -> None:
    case = auditor.case
    day = case.day_of(step)
    mild = isinstance(step, LetterSent) and step.kind not in _ESCALATION
    if mild and not _fee_is_positive(step):
        return
    made = case.agreement_on(day)
    if made is None or made.agreement.signed_on >= day:
        return
    agreement = made.agreement
    payments = [p for p in case.payments if agreement.signed_on <= p.paid_on <= day]
    kkrl = isinstance(made.acceleration_policy, SwedishConsumerCredit)
    try:
        failed = accelerate(
            agreement, payments, on=day, policy=made.acceleration_policy, law=auditor.law
        )
    except RuleRefused as refusal:  # a notice sent on a day the law gave no ground for it
        if kkrl:  # 33 § konsumentkreditlagen: no ground held
            rule, citation = "33-34 §§ konsumentkreditlagen", _KKRL_34
            severity = Severity.UNLAWFUL
            allowed = "the instalments as agreed; a notice only on a 33 § ground"
        else:  # finansavtaleloven: fewer missed instalments than the floor (a medium reading)
            rule = refusal.rule
            citation = _notice_floor(agreement, auditor.law)
            severity = _severity(citation)
            allowed = (
                "the instalments as agreed; a notice demanding the remainder only for a "
                "vesentlig mislighold"
            )
        auditor.add(
            step,
            rule=rule,
            citation=citation,
            severity=severity,
            message=(
                f"a {_event_name(step).replace('_', ' ')} on {day.isoformat()} after a notice "
                f"of early payment that the law does not allow: {refusal}"
            ),
            allowed=allowed,
            excess=auditor.fee_excess(step),
        )
        return
    if failed is not None:
        auditor.apply(*failed.basis)
        return
    citation = _KKRL_34 if kkrl else _AGREEMENT_TERM
    auditor.add(
        step,
        rule="34 § konsumentkreditlagen" if kkrl else "avdragsordning / amorteringsplan",
        citation=citation,
        severity=_severity(citation),
        message=(
            f"a {_event_name(step).replace('_', ' ')} on {day.isoformat()} while the instalment "
            f"agreement of {agreement.signed_on.isoformat()} held (no instalment was missed "
            "beyond its terms)"
        ),
        allowed="the instalments as agreed; escalation only after the agreement failed",
        excess=auditor.fee_excess(step),
    )


def _check_contacts(auditor: _Auditor) -> None:
    case = auditor.case
    earlier: dict[str, list[dt.datetime]] = {}
    for attempt in case.contact_attempts:
        channel = attempt.channel.value
        history = earlier.setdefault(channel, [])
        try:
            decision = (
                no_contact.contact_allowed(
                    attempt.at, channel=channel, history=list(history), law=auditor.law
                )
                if case.jurisdiction == "NO"
                else se_contact.contact_allowed(
                    attempt.at, channel=channel, history=list(history), law=auditor.law
                )
            )
        except NotInForce as error:
            auditor.not_checked(
                attempt, f"the {channel} contact at {attempt.at.isoformat()}", error
            )
            history.append(attempt.at)
            continue
        history.append(attempt.at)
        auditor.apply(*decision.basis)
        if decision.allowed:
            continue
        if not decision.basis:
            raise InvalidInput(f"the contact policy {decision.policy!r} cites no rule")
        citation = decision.basis[0]
        severity = (
            (Severity.AT_RISK if decision.provisional else Severity.UNLAWFUL)
            if decision.is_law
            else Severity.NOTE
        )
        kind = "law" if decision.is_law else "policy, not law"
        auditor.add(
            attempt,
            rule=f"{channel} contact window and caps ({kind})",
            citation=citation,
            severity=severity,
            message=(
                f"a {channel} contact at {decision.at.isoformat()}: " + "; ".join(decision.reasons)
            ),
            allowed=(
                f"{channel} contact only within the hours and caps in force ({decision.policy})"
            ),
        )


def _refusal(basis: tuple[Citation, ...]) -> Citation:
    """The citation of a zero cap's refusal: the last one, a business-day table aside.

    The fee rules append a refusal's citation last; a calendar's citation says how days count
    and never refuses.
    """
    for citation in reversed(basis):
        if not (citation.parameter or "").endswith("business_days"):
            return citation
    return basis[-1]


def _fee_rule(charge: Charge) -> Citation:
    """The citation a fee finding names: the rule that refused the fee, else the amount's."""
    basis = charge.cap.basis
    if not basis:
        return _FEE_CAP
    if charge.cap.amount.is_zero:
        return _refusal(basis)
    amounts = [c for c in basis if c.parameter and c.parameter.endswith(_AMOUNT_TABLES)]
    return amounts[0] if amounts else basis[0]


def _short(rule: str) -> str:
    """A citation's rule up to its explanation: "2 § lag (1981:739)", "INKF § 1-3 første ledd"."""
    head = rule.split(": ", 1)[0]
    return re.sub(_GLOSS, "", head) or head


def _fee_severity(charge: Charge) -> Severity:
    """UNLAWFUL, unless a medium reading could make the excess lawful (then AT_RISK).

    A medium value behind the amount (a dated parameter) could raise the cap, unless it can
    only lower it (``_CANNOT_RAISE_CAP``); a medium condition matters only when it refused the
    fee (a zero cap names that refusal last); the conditions a positive cap met do not.
    """
    basis = charge.cap.basis
    doubtful = [
        c
        for c in basis
        if c.confidence == "medium"
        and c.parameter is not None
        and c.parameter not in _CANNOT_RAISE_CAP
    ]
    if charge.cap.amount.is_zero and basis and _refusal(basis).confidence == "medium":
        doubtful.append(_refusal(basis))
    return Severity.AT_RISK if doubtful else Severity.UNLAWFUL


def _check_fees(auditor: _Auditor, as_of: dt.date) -> None:
    """Each fee against its cap on its day (:func:`inkassorules.ledger.charges`)."""
    try:
        found = charges(auditor.case, law=auditor.law)
    except NotInForce as error:
        auditor.not_checked(None, "the fees charged", error, day=as_of)
        return
    for charge in found:
        auditor.apply(*charge.basis)
        name = f"the {_event_name(charge.event).replace('_', ' ')} of {charge.day.isoformat()}"
        if not charge.checked:
            if charge.charged.is_positive:
                auditor.add(
                    charge.event,
                    rule="not checked (no rule for the amount)",
                    citation=_FEE_CAP,
                    severity=Severity.NOTE,
                    message=f"{name} charged {charge.charged}: " + "; ".join(charge.reasons),
                    allowed="not checked by the library",
                )
            continue
        if charge.excess.is_zero:
            continue
        citation = _fee_rule(charge)
        auditor.add(
            charge.event,
            rule=_short(citation.rule),
            citation=citation,
            severity=_fee_severity(charge),
            message=f"{name} charged {charge.charged}: " + "; ".join(charge.reasons),
            allowed=f"at most {charge.cap.amount}",
            excess=charge.excess,
        )


def _check_interest(auditor: _Auditor, letter: LetterSent) -> None:
    """The interest a letter claimed against the lawful interest on its day (``balance``)."""
    claimed = letter.interest_charged
    if claimed is None:
        return
    day = letter.sent_on
    owed = balance(auditor.case, on=day, law=auditor.law)
    auditor.apply(*owed.basis)
    lawful = owed.interest
    if claimed <= lawful:
        return
    # The interest for the days before the sending day is owed; a letter that also counts the
    # sending day claims at most one day more: that is at risk, not certainly unlawful.
    with_the_day = balance(auditor.case, on=add_days(day, 1), law=auditor.law).interest
    doubtful = claimed <= with_the_day or any(c.confidence == "medium" for c in owed.basis)
    citation = owed.basis[0] if owed.basis else _INTEREST
    auditor.add(
        letter,
        rule="forsinkelsesrenteloven" if auditor.case.jurisdiction == "NO" else "räntelagen",
        citation=citation,
        severity=Severity.AT_RISK if doubtful else Severity.UNLAWFUL,
        message=(
            f"the {_event_name(letter).replace('_', ' ')} of {day.isoformat()} claimed "
            f"{claimed} of interest; the late interest accrued and not paid was {lawful}"
        ),
        allowed=f"at most {lawful} of interest (the days before {day.isoformat()})",
        excess=claimed - lawful,
        of_fee=False,
    )


def _check_limitation(auditor: _Auditor, as_of: dt.date) -> None:
    case = auditor.case
    try:
        bar = limitation(case, as_of=as_of, law=auditor.law)
    except NotInForce as error:
        auditor.not_checked(None, "limitation", error, day=as_of)
        return
    auditor.apply(*bar.basis)
    others = [c for c in bar.basis if c is not LAST_DAY_READING]
    for step in case.steps_taken:
        day = case.day_of(step)
        if day < bar.time_barred_on:
            continue
        certain = day > bar.time_barred_on and all(c.confidence == "high" for c in others)
        citation = bar.basis[0]
        auditor.add(
            step,
            rule=(
                "foreldelsesloven §§ 2, 3 og 24"
                if case.jurisdiction == "NO"
                else "2 och 8 §§ preskriptionslagen (1981:130)"
            ),
            citation=citation,
            severity=Severity.UNLAWFUL if certain else Severity.AT_RISK,
            message=(
                f"a {_event_name(step).replace('_', ' ')} on {day.isoformat()} on a claim "
                f"time-barred from {bar.time_barred_on.isoformat()} ({bar.period} from "
                f"{bar.runs_from.isoformat()})"
            ),
            allowed=f"no collection and no fee from {bar.time_barred_on.isoformat()}",
            excess=auditor.fee_excess(step),
        )


class _Check(NamedTuple):
    what: str
    run: Callable[[], None]


def _event_checks(auditor: _Auditor, event: Event) -> list[_Check]:
    norway = auditor.case.jurisdiction == "NO"
    checks: list[_Check] = []
    if isinstance(event, LetterSent):
        name = f"the {event.kind.value.replace('_', ' ')} of {event.sent_on.isoformat()}"

        def timing() -> None:
            if not _check_postponed(auditor, event):
                (_check_no_letter if norway else _check_se_letter)(auditor, event)

        checks += [
            _Check(name, timing),
            _Check(name, lambda: _check_interest(auditor, event)),
            _Check(name, lambda: _check_dispute(auditor, event)),
            _Check(name, lambda: _check_agreement(auditor, event)),
        ]
    elif isinstance(event, LegalActionFiled):
        name = f"the legal step of {event.on.isoformat()}"

        def legal() -> None:
            if not _check_postponed(auditor, event):
                (_check_no_legal if norway else _check_se_legal)(auditor, event)

        checks += [
            _Check(name, legal),
            _Check(name, lambda: _check_agreement(auditor, event)),
        ]
    return checks


def _book(law: object) -> LawBook:
    if law is None:
        return builtin()
    if not isinstance(law, LawBook):
        raise InvalidInput(f"law must be a LawBook or None, got {law!r}")
    return law


def audit(case: Case | Claim, *, as_of: dt.date, law: LawBook | None = None) -> Audit:
    """Revisjon / granskning (audit): every event up to *as_of* checked against the law.

    Each event is checked against the law in force on its day, given the history before it
    (see the module docstring for the checks and the severities). A check the legal data
    cannot make on a day (:class:`~inkassorules.errors.NotInForce`) becomes a ``NOTE`` finding
    and is listed in :attr:`Audit.unchecked`; the audit is then provisional.

    >>> from datetime import date
    >>> from inkassorules import Claim, DebtorKind, Money
    >>> claim = Claim(principal=Money.of("900", "SEK"), due_date=date(2026, 3, 2),
    ...               jurisdiction="SE", debtor_kind=DebtorKind.CONSUMER)
    >>> audit(claim, as_of=date(2026, 4, 1)).findings
    ()

    Args:
        case: the case (a bare claim is a case without events).
        as_of: the audit's day; later events are not checked.
        law: the legal data to use (default: the built-in data).

    Returns:
        The findings, their severities and excess, and the rules applied.

    Raises:
        InvalidInput: for arguments of the wrong kind.
    """
    check_law(law)
    checked = as_case(case)
    check_date(as_of, "as_of")
    book = _book(law)
    history = checked.until(as_of)
    auditor = _Auditor(history, law, book)
    _check_fees(auditor, as_of)  # first: a fee's excess is counted by its fee finding
    for event in history.events:
        for check in _event_checks(auditor, event):
            try:
                check.run()
            except NotInForce as error:
                auditor.not_checked(event, check.what, error)
    _check_contacts(auditor)
    _check_limitation(auditor, as_of)
    return auditor.result(as_of, checked)
