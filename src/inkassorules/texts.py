r"""Purretekster / kravtexter (localised texts for each step of a collection timeline).

:func:`render` writes the message for one planned :class:`~inkassorules.timeline.Step` in
Norwegian bokmål (``"nb"``), Swedish (``"sv"``) or English (``"en"``). The locale is always an
argument, never the process locale; amounts, dates and rates are formatted with babel through
:mod:`inkassorules.formatting`.

Every message states, as the practice the library serves asks (friendly, factual, never
shaming): what the claim concerns, the amount split into principal, interest (rate, the capital
it runs on and the period) and fees, the deadline, how to pay (account and KID / OCR reference,
validated with :mod:`inkassorules.references`), and the next step if the debtor does not pay.
Two sentences are the law's:

* a Norwegian inkassovarsel says clearly that inkasso will follow if the amount is not paid by
  the deadline (inkassoloven § 9 første ledd);
* a Swedish inkassokrav shows capital, interest and costs separately, gives a deadline to pay
  or object, and says what happens if the debtor neither pays nor objects (5 § inkassolagen
  1974:182; IMY allmänna råd).

A collection demand must name the creditor (inkassoloven § 10 annet ledd; 5 § inkassolagen), so
rendering one without ``PaymentDetails(creditor=...)`` is refused. The other content rules (the
rightfulness check before a betalingsoppfordring, inkassoloven § 10) are the caller's.

>>> from datetime import date
>>> from inkassorules import Claim, DebtorKind, Money
>>> from inkassorules.timeline import plan
>>> claim = Claim(principal=Money.of("8000", "NOK"), due_date=date(2026, 3, 2),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER, reference="2026-117")
>>> notice = plan(claim, as_of=date(2026, 3, 2)).steps[2]
>>> message = render(notice, case=claim, locale="nb",
...                  payment=PaymentDetails(account="1503.12.34567", reference="12344"))
>>> message.subject
'Inkassovarsel: faktura 2026-117'
>>> print(message.body.replace("\xa0", " "))  # babel writes no-break spaces
Dette er et inkassovarsel. Fakturaen som forfalt 2. mars 2026, er fortsatt ikke betalt.
Kravet gjelder: faktura 2026-117.
Hovedstol: 8 000,00 kr
Renter: 76,27 kr (forsinkelsesrente 12,00 % av 8 000,00 kr fra og med 2. mars 2026 til og med
30. mars 2026)
Gebyrer og kostnader: 76,00 kr
Å betale: 8 152,27 kr
Betalingsfrist: 14. april 2026.
Betal til kontonummer 1503.12.34567 og bruk KID 12344.
Hvis beløpet ikke er betalt innen 14. april 2026, vil kravet bli sendt til inkasso. Det kan gi
flere kostnader.
Har du betalt i mellomtiden, kan du se bort fra denne meldingen. Hvis noe er feil, eller du
trenger en betalingsavtale, ta kontakt med oss, så finner vi en løsning.
"""

from __future__ import annotations

import itertools
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from inkassorules.case import Case, as_case
from inkassorules.claims import Claim
from inkassorules.errors import InvalidInput, NotInForce
from inkassorules.formatting import LOCALES, Locale, format_date, format_money, format_rate
from inkassorules.money import MINOR_UNIT, Money
from inkassorules.references import InvalidCheckDigit, validate_kid, validate_ocr
from inkassorules.timeline import Step, StepKind

if TYPE_CHECKING:
    from collections.abc import Mapping

    from inkassorules.interest import InterestPeriod

__all__ = ["Message", "PaymentDetails", "render"]


@attrs.frozen(kw_only=True)
class PaymentDetails:
    """Betalingsinformasjon / betalningsinformation (how the debtor pays).

    Attributes:
        account: the creditor's account (kontonummer, bankgiro or plusgiro), as printed.
        reference: the KID (Norway) or OCR number (Sweden) the payment must carry; checked
            against the claim's country when a message is rendered.
        creditor: the creditor's name, shown in the message (inkassoloven § 10 and 5 §
            inkassolagen want it in the collection demand), or None.
    """

    account: str
    reference: str
    creditor: str | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("account", "reference"):
            value: object = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise InvalidInput(f"PaymentDetails.{name} must be a non-empty string")
        creditor: object = self.creditor
        if creditor is not None and (not isinstance(creditor, str) or not creditor.strip()):
            raise InvalidInput("PaymentDetails.creditor must be a non-empty string or None")


@attrs.frozen(kw_only=True)
class Message:
    """Melding / meddelande (a rendered text): a subject line and a plain-text body."""

    subject: str
    body: str


class _Words(NamedTuple):
    # The words of one locale. A NamedTuple, not an attrs class: it is private, built three
    # times at import and only read, and attrs' generated methods cost ~0.5 ms of import time.

    subjects: Mapping[StepKind, str]
    intros: Mapping[StepKind, str]
    concerns: str
    invoice: str
    invoice_due: str
    creditor: str
    principal: str
    interest: str
    interest_detail: str
    fees: str
    withheld: str
    total: str
    deadline: str
    deadline_or_object: str
    no_deadline: str
    pay_no: str
    pay_se: str
    next_steps: Mapping[tuple[str, StepKind], str]
    no_notice: str
    se_demand: str
    se_object: str
    closing: str


_NB: Final = _Words(
    subjects=MappingProxyType(
        {
            StepKind.FRIENDLY_REMINDER: "Påminnelse: {what}",
            StepKind.REMINDER: "Purring: {what}",
            StepKind.COLLECTION_NOTICE: "Inkassovarsel: {what}",
            StepKind.COLLECTION_WARNING: "Varsel før inkasso: {what}",
            StepKind.COLLECTION_DEMAND: "Betalingsoppfordring: {what}",
            StepKind.NOTICE_BEFORE_ENFORCEMENT: "Varsel før rettslige skritt: {what}",
            StepKind.LEGAL_ACTION: "Rettslig inndriving: {what}",
        }
    ),
    intros=MappingProxyType(
        {
            StepKind.FRIENDLY_REMINDER: (
                "Vi har ikke registrert betaling av fakturaen som forfalt {due}. Kanskje har den "
                "blitt glemt; det skjer lett."
            ),
            StepKind.REMINDER: "Vi har ikke registrert betaling av fakturaen som forfalt {due}.",
            StepKind.COLLECTION_NOTICE: (
                "Dette er et inkassovarsel. Fakturaen som forfalt {due}, er fortsatt ikke betalt."
            ),
            StepKind.COLLECTION_WARNING: "Fakturaen som forfalt {due}, er fortsatt ikke betalt.",
            StepKind.COLLECTION_DEMAND: (
                "Dette er en betalingsoppfordring. Fristen i inkassovarselet har gått ut uten at "
                "kravet er betalt."
            ),
            StepKind.NOTICE_BEFORE_ENFORCEMENT: (
                "Fristen i betalingsoppfordringen har gått ut uten at kravet er betalt."
            ),
            StepKind.LEGAL_ACTION: (
                "Fristen i betalingsoppfordringen har gått ut uten at kravet er betalt, og vi "
                "går nå videre med rettslig inndriving."
            ),
        }
    ),
    concerns="Kravet gjelder: {what}.",
    invoice="faktura {ref}",
    invoice_due="faktura med forfall {due}",
    creditor="Kreditor: {creditor}",
    principal="Hovedstol",
    interest="Renter",
    interest_detail="forsinkelsesrente {rate} av {capital} fra og med {start} til og med {last}",
    fees="Gebyrer og kostnader",
    withheld="Omtvistet beløp som ikke kreves nå",
    total="Å betale",
    deadline="Betalingsfrist: {deadline}.",
    deadline_or_object=(
        "Betal, eller si fra til oss hvis du mener kravet ikke er riktig, innen {deadline}."
    ),
    no_deadline="Vi ber deg betale så snart som mulig.",
    pay_no="Betal til kontonummer {account} og bruk KID {reference}.",
    pay_se="Betal til konto {account} og oppgi OCR-nummer {reference}.",
    next_steps=MappingProxyType(
        {
            ("*", StepKind.REMINDER): "{unpaid}, sender vi en purring.",
            ("*", StepKind.COLLECTION_NOTICE): "{unpaid}, sender vi et inkassovarsel.",
            ("*", StepKind.COLLECTION_WARNING): "{unpaid}, kontakter vi deg før inkasso.",
            ("*", StepKind.COLLECTION_DEMAND): (
                "{unpaid}, går kravet til inkasso. Det kan gi flere kostnader."
            ),
            ("*", StepKind.NOTICE_BEFORE_ENFORCEMENT): (
                "{unpaid}, sender vi et varsel før rettslige skritt."
            ),
            ("NO", StepKind.LEGAL_ACTION): (
                "{unpaid}, kan kravet bli sendt til forliksrådet eller namsmannen for rettslig "
                "inndriving. Det gir flere kostnader."
            ),
            ("SE", StepKind.LEGAL_ACTION): (
                "{unpaid}, kan vi søke om betalingsföreläggande hos Kronofogden. Det gir flere "
                "kostnader."
            ),
        }
    ),
    no_notice=(
        "Hvis beløpet ikke er betalt innen {deadline}, vil kravet bli sendt til inkasso. Det "
        "kan gi flere kostnader."
    ),
    se_demand=(
        "Hvis du verken betaler eller protesterer mot kravet innen {deadline}, kan vi søke om "
        "betalingsföreläggande hos Kronofogden. Det kan gi flere kostnader og en "
        "betalingsanmerkning."
    ),
    se_object="Hvis du mener kravet er feil, si fra til oss innen {deadline}.",
    closing=(
        "Har du betalt i mellomtiden, kan du se bort fra denne meldingen. Hvis noe er feil, "
        "eller du trenger en betalingsavtale, ta kontakt med oss, så finner vi en løsning."
    ),
)

_SV: Final = _Words(
    subjects=MappingProxyType(
        {
            StepKind.FRIENDLY_REMINDER: "Påminnelse: {what}",
            StepKind.REMINDER: "Betalningspåminnelse: {what}",
            StepKind.COLLECTION_NOTICE: "Inkassovarsel: {what}",
            StepKind.COLLECTION_WARNING: "Inkassovarning: {what}",
            StepKind.COLLECTION_DEMAND: "Inkassokrav: {what}",
            StepKind.NOTICE_BEFORE_ENFORCEMENT: "Innan ansökan hos Kronofogden: {what}",
            StepKind.LEGAL_ACTION: "Ansökan om rättslig åtgärd: {what}",
        }
    ),
    intros=MappingProxyType(
        {
            StepKind.FRIENDLY_REMINDER: (
                "Vi har inte fått betalt för fakturan som förföll {due}. Den kanske har glömts "
                "bort; det händer lätt."
            ),
            StepKind.REMINDER: "Vi har inte fått betalt för fakturan som förföll {due}.",
            StepKind.COLLECTION_NOTICE: (
                "Detta är ett inkassovarsel. Fakturan som förföll {due} är fortfarande obetald."
            ),
            StepKind.COLLECTION_WARNING: "Fakturan som förföll {due} är fortfarande obetald.",
            StepKind.COLLECTION_DEMAND: (
                "Detta är ett inkassokrav. Fakturan som förföll {due} är fortfarande obetald."
            ),
            StepKind.NOTICE_BEFORE_ENFORCEMENT: (
                "Tiden i inkassokravet har gått ut utan att vi fått betalt eller någon invändning."
            ),
            StepKind.LEGAL_ACTION: (
                "Tiden i kravet har gått ut utan att vi fått betalt eller någon invändning, och "
                "vi går nu vidare med en rättslig åtgärd."
            ),
        }
    ),
    concerns="Kravet avser: {what}.",
    invoice="faktura {ref}",
    invoice_due="faktura med förfallodag {due}",
    creditor="Borgenär: {creditor}",
    principal="Kapitalbelopp",
    interest="Ränta",
    interest_detail="dröjsmålsränta {rate} på {capital} från och med {start} till och med {last}",
    fees="Avgifter och kostnader",
    withheld="Bestritt belopp som inte krävs nu",
    total="Att betala",
    deadline="Betala senast {deadline}.",
    deadline_or_object=(
        "Betala, eller hör av dig om du anser att kravet är fel, senast {deadline}."
    ),
    no_deadline="Vi ber dig betala så snart som möjligt.",
    pay_no="Betala till kontonummer {account} och ange KID {reference}.",
    pay_se="Betala till {account} och ange OCR-nummer {reference}.",
    next_steps=MappingProxyType(
        {
            ("*", StepKind.REMINDER): "{unpaid} skickar vi en betalningspåminnelse.",
            ("*", StepKind.COLLECTION_NOTICE): "{unpaid} skickar vi ett inkassovarsel.",
            ("*", StepKind.COLLECTION_WARNING): "{unpaid} kontaktar vi dig innan inkasso.",
            ("*", StepKind.COLLECTION_DEMAND): (
                "{unpaid} går ärendet till inkasso. Det kan medföra ytterligare kostnader."
            ),
            ("*", StepKind.NOTICE_BEFORE_ENFORCEMENT): (
                "{unpaid} skickar vi ett sista brev innan vi vänder oss till Kronofogden."
            ),
            ("NO", StepKind.LEGAL_ACTION): (
                "{unpaid} kan kravet lämnas till forliksrådet eller namsmannen för rättslig "
                "indrivning. Det medför ytterligare kostnader."
            ),
            ("SE", StepKind.LEGAL_ACTION): (
                "{unpaid} kan vi ansöka om betalningsföreläggande hos Kronofogden. Det medför "
                "ytterligare kostnader."
            ),
        }
    ),
    no_notice=(
        "Om beloppet inte är betalt senast {deadline} kommer kravet att lämnas till inkasso. "
        "Det kan medföra ytterligare kostnader."
    ),
    se_demand=(
        "Om du varken betalar eller invänder mot kravet senast {deadline} kan vi ansöka om "
        "betalningsföreläggande hos Kronofogden. Det kan medföra ytterligare kostnader och en "
        "betalningsanmärkning."
    ),
    se_object=(
        "Om du anser att kravet är felaktigt, hör av dig till oss senast {deadline}, så utreder "
        "vi saken."
    ),
    closing=(
        "Har du redan betalat kan du bortse från detta meddelande. Om något är fel, eller om du "
        "behöver en avbetalningsplan, kontakta oss så hittar vi en lösning."
    ),
)

_EN: Final = _Words(
    subjects=MappingProxyType(
        {
            StepKind.FRIENDLY_REMINDER: "Reminder: {what}",
            StepKind.REMINDER: "Payment reminder: {what}",
            StepKind.COLLECTION_NOTICE: "Collection notice: {what}",
            StepKind.COLLECTION_WARNING: "Before collection: {what}",
            StepKind.COLLECTION_DEMAND: "Collection demand: {what}",
            StepKind.NOTICE_BEFORE_ENFORCEMENT: "Before legal action: {what}",
            StepKind.LEGAL_ACTION: "Legal action: {what}",
        }
    ),
    intros=MappingProxyType(
        {
            StepKind.FRIENDLY_REMINDER: (
                "We have not received payment of the invoice that fell due on {due}. Perhaps it "
                "was overlooked; that is easily done."
            ),
            StepKind.REMINDER: (
                "We have not received payment of the invoice that fell due on {due}."
            ),
            StepKind.COLLECTION_NOTICE: (
                "This is a collection notice. The invoice that fell due on {due} is still unpaid."
            ),
            StepKind.COLLECTION_WARNING: "The invoice that fell due on {due} is still unpaid.",
            StepKind.COLLECTION_DEMAND: (
                "This is a collection demand. The invoice that fell due on {due} is still unpaid."
            ),
            StepKind.NOTICE_BEFORE_ENFORCEMENT: (
                "The deadline in the collection demand has passed without payment or objection."
            ),
            StepKind.LEGAL_ACTION: (
                "The deadline in the collection demand has passed without payment or objection, "
                "and we are now taking legal action."
            ),
        }
    ),
    concerns="The claim concerns: {what}.",
    invoice="invoice {ref}",
    invoice_due="the invoice due on {due}",
    creditor="Creditor: {creditor}",
    principal="Principal",
    interest="Interest",
    interest_detail="late interest at {rate} on {capital} from {start} to {last} inclusive",
    fees="Fees and costs",
    withheld="Disputed amount not claimed now",
    total="Total to pay",
    deadline="Please pay by {deadline}.",
    deadline_or_object="Please pay, or tell us if you think the claim is wrong, by {deadline}.",
    no_deadline="Please pay as soon as you can.",
    pay_no="Pay to account {account} using the KID {reference}.",
    pay_se="Pay to {account} using the OCR reference {reference}.",
    next_steps=MappingProxyType(
        {
            ("*", StepKind.REMINDER): "{unpaid}, we will send a payment reminder.",
            ("*", StepKind.COLLECTION_NOTICE): "{unpaid}, we will send a collection notice.",
            ("*", StepKind.COLLECTION_WARNING): "{unpaid}, we will contact you before collection.",
            ("*", StepKind.COLLECTION_DEMAND): (
                "{unpaid}, the claim will go to collection. This may add costs."
            ),
            ("*", StepKind.NOTICE_BEFORE_ENFORCEMENT): (
                "{unpaid}, we will write to you once more before taking legal action."
            ),
            ("NO", StepKind.LEGAL_ACTION): (
                "{unpaid}, the claim may be brought before the conciliation board (forliksrådet) "
                "or the enforcement officer (namsmannen). This adds costs."
            ),
            ("SE", StepKind.LEGAL_ACTION): (
                "{unpaid}, we may apply to the Swedish Enforcement Authority (Kronofogden) for a "
                "payment order (betalningsföreläggande). This adds costs."
            ),
        }
    ),
    no_notice=(
        "If the amount is not paid by {deadline}, the claim will be sent for debt collection "
        "(inkasso). This may add costs."
    ),
    se_demand=(
        "If you neither pay nor object to the claim by {deadline}, we may apply to the Swedish "
        "Enforcement Authority (Kronofogden) for a payment order. This may add costs and a "
        "payment remark (betalningsanmärkning)."
    ),
    se_object="If you think the claim is wrong, tell us by {deadline} and we will look into it.",
    closing=(
        "If you have already paid, please disregard this message. If anything is wrong, or you "
        "need a payment plan, contact us and we will find a solution."
    ),
)

_WORDS: Final[Mapping[str, _Words]] = MappingProxyType({"nb": _NB, "sv": _SV, "en": _EN})
_UNPAID: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "nb": ("Hvis beløpet ikke er betalt innen {deadline}", "Hvis beløpet ikke blir betalt"),
        "sv": ("Om beloppet inte är betalt senast {deadline}", "Om beloppet inte betalas"),
        "en": ("If the amount is not paid by {deadline}", "If the amount is not paid"),
    }
)


def _checked_reference(claim: Claim, payment: PaymentDetails) -> str:
    if claim.jurisdiction == "NO":
        try:
            return validate_kid(payment.reference)
        except InvalidCheckDigit:
            return validate_kid(payment.reference, algorithm="mod11")
    return validate_ocr(payment.reference)


def _interest_details(periods: tuple[InterestPeriod, ...]) -> list[tuple[InterestPeriod, ...]]:
    """Runs of periods with the same rate and capital, shown as one line each."""
    return [
        tuple(run)
        for _, run in itertools.groupby(periods, key=lambda p: (p.rate, p.principal.amount))
    ]


def render(step: Step, *, case: Case | Claim, locale: Locale, payment: PaymentDetails) -> Message:
    """Purretekst / kravtext (the message for one step, in *locale*).

    The step comes from :func:`~inkassorules.plan` or :func:`~inkassorules.next_step` of the
    *case*, so the letter states the amounts due on its day (the fees the case has charged
    included) and the deadline it really sets.

    Args:
        step: a step of a timeline planned for *case*.
        case: the case (or a bare claim); the claim's reference names the invoice, its country
            picks KID or OCR.
        locale: ``"nb"``, ``"sv"`` or ``"en"``; never read from the process.
        payment: the account and KID / OCR reference to pay with, and the creditor's name.

    Returns:
        The subject line and the body, one statement per line.

    Raises:
        InvalidInput: for an unknown locale, a step in another currency, or a reference that is
            not a valid KID (MOD10 or MOD11) for a Norwegian claim or OCR number for a Swedish
            one (:class:`~inkassorules.references.InvalidCheckDigit` and its kin).
        NotInForce: when the step's amount due cannot be known yet (a rate not yet published
            on its day): a letter must state it.
    """
    claim = _checked(step, case, locale, payment)
    if step.kind is StepKind.COLLECTION_DEMAND and payment.creditor is None:
        raise InvalidInput(
            "a collection demand must name the creditor (inkassoloven § 10 annet ledd; 5 § "
            "inkassolagen): pass PaymentDetails(creditor=...)"
        )
    reference = _checked_reference(claim, payment)
    words = _WORDS[locale]

    due = format_date(claim.due_date, locale=locale)
    what: str = (
        words.invoice.format(ref=claim.reference)
        if claim.reference
        else words.invoice_due.format(due=due)
    )
    lines = [words.intros[step.kind].format(due=due), words.concerns.format(what=what)]
    if payment.creditor:
        lines.append(words.creditor.format(creditor=payment.creditor))
    lines.extend(_amounts(step, words, locale))
    deadline = None if step.deadline is None else format_date(step.deadline, locale=locale)
    if deadline is None:
        if step.kind is not StepKind.LEGAL_ACTION:
            lines.append(words.no_deadline)
    elif step.kind is StepKind.COLLECTION_DEMAND:
        lines.append(words.deadline_or_object.format(deadline=deadline))
    else:
        lines.append(words.deadline.format(deadline=deadline))
    template = words.pay_no if claim.jurisdiction == "NO" else words.pay_se
    lines.append(template.format(account=payment.account.strip(), reference=reference))
    lines.extend(_consequences(step, claim, words, locale, deadline))
    lines.append(words.closing)
    subject = words.subjects[step.kind].format(what=what)
    return Message(subject=subject[:1].upper() + subject[1:], body="\n".join(lines))


def _checked(step: Step, case: Case | Claim, locale: Locale, payment: PaymentDetails) -> Claim:
    """The claim of *case*, once every argument of :func:`render` is of the right kind."""
    code: object = locale  # callers without a type checker pass anything
    if not isinstance(code, str) or code not in LOCALES:
        raise InvalidInput(f"locale must be one of {sorted(LOCALES)}, got {locale!r}")
    arguments: tuple[object, object, object] = (step, case, payment)
    if not isinstance(arguments[0], Step) or not isinstance(arguments[1], Case | Claim):
        raise InvalidInput("render needs a timeline Step and its Case (or Claim)")
    claim = as_case(case).claim
    if step.unknown:
        first = step.unknown[0]
        raise NotInForce(f"the {first.field} of the {step.name}", step.planned_on, first.reason)
    if not isinstance(arguments[2], PaymentDetails):
        raise InvalidInput(f"payment must be PaymentDetails, got {payment!r}")
    if step.fee.amount.currency != claim.currency:
        raise InvalidInput(
            f"the step is in {step.fee.amount.currency}, the claim in {claim.currency}"
        )
    return claim


def _amounts(step: Step, words: _Words, locale: Locale) -> list[str]:
    """Principal, interest (rate, capital, period), fees, withheld and total: one line each."""

    def money(amount: Money | None) -> str:
        assert amount is not None  # noqa: S101 -- render refuses a step with unknown amounts
        return format_money(amount.rounded(to=MINOR_UNIT), locale=locale)

    periods = () if step.interest is None else step.interest.periods

    details = [
        words.interest_detail.format(
            rate=format_rate(run[0].rate, locale=locale),
            capital=money(run[0].principal),
            start=format_date(run[0].start, locale=locale),
            last=format_date(run[-1].last_day, locale=locale),
        )
        for run in _interest_details(periods)
    ]
    interest = f"{words.interest}: {money(step.interest_due)}"
    lines = [
        f"{words.principal}: {money(step.principal)}",
        f"{interest} ({'; '.join(details)})" if details else interest,
        f"{words.fees}: {money(step.fees)}",
    ]
    if step.withheld.is_positive:
        lines.append(f"{words.withheld}: {money(step.withheld)}")
    lines.append(f"{words.total}: {money(step.total)}")
    return lines


def _consequences(
    step: Step, claim: Claim, words: _Words, locale: Locale, deadline: str | None
) -> list[str]:
    """The next step if unpaid; the statutory sentences of NO § 9 and SE 5 §."""
    if claim.jurisdiction == "NO" and step.kind is StepKind.COLLECTION_NOTICE and deadline:
        return [words.no_notice.format(deadline=deadline)]
    if claim.jurisdiction == "NO" and step.kind is StepKind.COLLECTION_DEMAND:
        # inkassoloven § 10 annet ledd: non-payment may bring further costs and legal collection
        with_date, without = _UNPAID[locale]
        unpaid = with_date.format(deadline=deadline) if deadline else without
        return [words.next_steps["NO", StepKind.LEGAL_ACTION].format(unpaid=unpaid)]
    if claim.jurisdiction == "SE" and step.kind is StepKind.COLLECTION_DEMAND and deadline:
        return [
            words.se_object.format(deadline=deadline),
            words.se_demand.format(deadline=deadline),
        ]
    if step.next_kind is None:
        return []
    with_date, without = _UNPAID[locale]
    unpaid = with_date.format(deadline=deadline) if deadline else without
    key = (claim.jurisdiction, step.next_kind)
    sentence = words.next_steps[key if key in words.next_steps else ("*", step.next_kind)]
    return [sentence.format(unpaid=unpaid)]
