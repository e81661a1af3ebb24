"""Tests of the localised step texts (inkassorules.texts)."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from inkassorules import Case
from inkassorules.claims import Claim, ClaimKind, CreditorKind, DebtorKind
from inkassorules.disputes import Dispute
from inkassorules.errors import InvalidInput
from inkassorules.money import Money
from inkassorules.references import InvalidCheckDigit, make_kid, make_ocr
from inkassorules.texts import Message, PaymentDetails, render
from inkassorules.timeline import CreditorPolicy, StepKind, plan

LOCALES = ("nb", "sv", "en")

NO_CLAIM = Claim(
    principal=Money.of("8000", "NOK"),
    due_date=date(2026, 3, 2),
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
    reference="2026-117",
)
SE_CLAIM = Claim(
    principal=Money.of("10000", "SEK"),
    due_date=date(2026, 2, 2),
    jurisdiction="SE",
    debtor_kind=DebtorKind.BUSINESS,
    reference="F-88",
    # a business invoice for goods: the 450 kr of 4 a § lag 1981:739 need these facts (issue 14)
    creditor_kind=CreditorKind.BUSINESS,
    claim_kind=ClaimKind.GOODS_OR_SERVICES,
)
NO_PAY = PaymentDetails(
    account="1503.12.34567", reference=make_kid("2026117"), creditor="Eksempel AS"
)
SE_PAY = PaymentDetails(
    account="Bankgiro 5050-1055", reference=make_ocr("4711"), creditor="Exempel AB"
)
SE_ALL = attrs.evolve(
    CreditorPolicy.practice("SE"),
    steps=(
        StepKind.REMINDER,
        StepKind.COLLECTION_WARNING,
        StepKind.COLLECTION_DEMAND,
        StepKind.NOTICE_BEFORE_ENFORCEMENT,
        StepKind.LEGAL_ACTION,
    ),
)


def plain(message: Message) -> str:
    return message.body.replace("\xa0", " ")


def no_steps():
    return plan(NO_CLAIM, as_of=date(2026, 3, 2)).steps


def se_steps():
    return plan(SE_CLAIM, as_of=date(2026, 2, 2), policy=SE_ALL).steps


@pytest.mark.parametrize("locale", LOCALES)
def test_every_step_and_locale_renders_the_required_content(locale: str) -> None:
    for steps, claim, pay in ((no_steps(), NO_CLAIM, NO_PAY), (se_steps(), SE_CLAIM, SE_PAY)):
        for step in steps:
            message = render(step, case=claim, locale=locale, payment=pay)
            body = plain(message)
            assert claim.reference in message.subject
            assert pay.reference in body
            assert pay.account in body
            assert pay.creditor is not None
            assert pay.creditor in body
            lines = body.splitlines()
            # principal, interest, fees and the total each on their own line
            assert len([x for x in lines if x.split(":")[0] in _LABELS[locale]]) == 4
            if step.next_kind is not None and step.deadline is not None:
                assert any(_IF_UNPAID[locale] in x for x in lines)


_LABELS = {
    "nb": {"Hovedstol", "Renter", "Gebyrer og kostnader", "Å betale"},
    "sv": {"Kapitalbelopp", "Ränta", "Avgifter och kostnader", "Att betala"},
    "en": {"Principal", "Interest", "Fees and costs", "Total to pay"},
}
_IF_UNPAID = {"nb": "innen", "sv": "senast", "en": "by"}


def test_norwegian_reminder_golden_text() -> None:
    purring = no_steps()[1]
    message = render(purring, case=NO_CLAIM, locale="nb", payment=NO_PAY)
    assert message.subject == "Purring: faktura 2026-117"
    assert plain(message).splitlines()[3:8] == [
        "Hovedstol: 8 000,00 kr",
        # 8000 x 12 % x 14/365 = 36.82, 2-15 March inclusive
        (
            "Renter: 36,82 kr (forsinkelsesrente 12,00 % av 8 000,00 kr fra og med 2. mars 2026 "
            "til og med 15. mars 2026)"
        ),
        "Gebyrer og kostnader: 38,00 kr",
        "Å betale: 8 074,82 kr",
        "Betalingsfrist: 30. mars 2026.",
    ]
    assert "Hvis beløpet ikke er betalt innen 30. mars 2026, sender vi et inkassovarsel." in plain(
        message
    )


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        (
            "nb",
            "Hvis beløpet ikke er betalt innen 14. april 2026, vil kravet bli sendt til inkasso.",
        ),
        (
            "sv",
            "Om beloppet inte är betalt senast 14 april 2026 kommer kravet att lämnas till inkasso.",
        ),
        (
            "en",
            "If the amount is not paid by 14 April 2026, the claim will be sent for debt collection",
        ),
    ],
)
def test_norwegian_collection_notice_states_that_inkasso_follows(
    locale: str, sentence: str
) -> None:
    # inkassoloven § 9: the varsel must say clearly that inkasso will follow
    notice = no_steps()[2]
    message = render(notice, case=NO_CLAIM, locale=locale, payment=NO_PAY)
    assert sentence in plain(message)
    assert message.subject.startswith(
        {"nb": "Inkassovarsel", "sv": "Inkassovarsel", "en": "Collection notice"}[locale]
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_swedish_inkassokrav_shows_the_5_paragraph_split(locale: str) -> None:
    krav = next(s for s in se_steps() if s.kind is StepKind.COLLECTION_DEMAND)
    body = plain(render(krav, case=SE_CLAIM, locale=locale, payment=SE_PAY))
    # capital, interest (rate, capital, period) and costs separately (5 § inkassolagen)
    expected = {
        "sv": [
            "Kapitalbelopp: 10 000,00 kr",
            (
                "Ränta: 65,75 kr (dröjsmålsränta 10,00 % på 10 000,00 kr från och med 2 februari 2026 "
                "till och med 25 februari 2026)"
            ),
            "Avgifter och kostnader: 450,00 kr",
            (
                "Om du varken betalar eller invänder mot kravet senast 6 mars 2026 kan vi ansöka om "
                "betalningsföreläggande hos Kronofogden."
            ),
        ],
        "en": [
            "Principal: SEK10,000.00",
            (
                "Interest: SEK65.75 (late interest at 10.00% on SEK10,000.00 from 2 February 2026 to "
                "25 February 2026 inclusive)"
            ),
            "Fees and costs: SEK450.00",
            (
                "If you neither pay nor object to the claim by 6 March 2026, we may apply to the "
                "Swedish Enforcement Authority (Kronofogden) for a payment order."
            ),
        ],
        "nb": [
            "Hovedstol: 10 000,00 SEK",
            (
                "Hvis du verken betaler eller protesterer mot kravet innen 6. mars 2026, kan vi søke om "
                "betalingsföreläggande hos Kronofogden."
            ),
        ],
    }[locale]
    # warning 18 Feb + 7 days = 25 Feb; the krav is sent 26 Feb: 1000 x 24/365 = 65.7534 -> 65.75,
    # interest days 2-25 Feb; deadline 26 Feb + 8 = 6 Mar
    for part in expected:
        assert part in body


def test_interest_over_two_rates_is_shown_per_rate() -> None:
    claim = attrs.evolve(NO_CLAIM, due_date=date(2026, 6, 1))
    demand = plan(claim, as_of=date(2026, 6, 1)).steps[3]  # 15 July: H1 12.00 %, H2 12.25 %
    body = plain(render(demand, case=claim, locale="en", payment=NO_PAY))
    assert (
        "late interest at 12.00% on NOK8,000.00 from 1 June 2026 to 30 June 2026 inclusive" in body
    )
    assert "late interest at 12.25% on NOK8,000.00 from 1 July 2026 to" in body


def test_partial_dispute_is_shown_as_withheld() -> None:
    defect = Dispute(amount=Money.of("2000", "NOK"), raised_on=date(2026, 3, 1), reason="damaged")
    step = plan(Case(claim=NO_CLAIM, events=[defect]), as_of=date(2026, 3, 2)).steps[1]
    body = plain(render(step, case=NO_CLAIM, locale="nb", payment=NO_PAY))
    assert "Omtvistet beløp som ikke kreves nå: 2 000,00 kr" in body
    assert "Hovedstol: 6 000,00 kr" in body


def test_no_shaming_words() -> None:
    shaming = ("skyldig", "straff", "skam", "svartelist", "shame", "criminal", "blacklist")
    for step in no_steps():
        for locale in LOCALES:
            body = plain(render(step, case=NO_CLAIM, locale=locale, payment=NO_PAY)).lower()
            assert not any(word in body for word in shaming)


def test_reference_is_validated_for_the_country() -> None:
    step = no_steps()[1]
    with pytest.raises(InvalidCheckDigit):
        render(step, case=NO_CLAIM, locale="nb", payment=attrs.evolve(NO_PAY, reference="12345"))
    mod11 = attrs.evolve(NO_PAY, reference=make_kid("1234", algorithm="mod11"))
    assert "12343" in render(step, case=NO_CLAIM, locale="nb", payment=mod11).body
    se_step = se_steps()[0]
    with pytest.raises(InvalidCheckDigit):
        render(
            se_step, case=SE_CLAIM, locale="sv", payment=attrs.evolve(SE_PAY, reference="12345")
        )


def test_bad_arguments() -> None:
    step = no_steps()[1]
    with pytest.raises(InvalidInput, match="locale"):
        render(step, case=NO_CLAIM, locale="de", payment=NO_PAY)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="the claim in SEK"):
        render(step, case=SE_CLAIM, locale="en", payment=SE_PAY)
    with pytest.raises(InvalidInput, match="PaymentDetails"):
        render(step, case=NO_CLAIM, locale="en", payment="1503")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="Step"):
        render("step", case=NO_CLAIM, locale="en", payment=NO_PAY)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="account"):
        PaymentDetails(account=" ", reference="12344")
    with pytest.raises(InvalidInput, match="creditor"):
        PaymentDetails(account="1", reference="12344", creditor="")


def test_collection_demand_must_name_the_creditor() -> None:
    demand = no_steps()[3]
    with pytest.raises(InvalidInput, match="must name the creditor"):
        render(demand, case=NO_CLAIM, locale="nb", payment=attrs.evolve(NO_PAY, creditor=None))
    body = plain(render(demand, case=NO_CLAIM, locale="nb", payment=NO_PAY))
    # inkassoloven § 10: pay or object; further costs and legal collection if unpaid
    assert (
        "Betal, eller si fra til oss hvis du mener kravet ikke er riktig, innen 29. april 2026."
        in body
    )
    assert "kan kravet bli sendt til forliksrådet eller namsmannen for rettslig inndriving" in body
    last = attrs.evolve(demand, next_kind=None)
    assert "forliksrådet" in render(last, case=NO_CLAIM, locale="nb", payment=NO_PAY).body


def test_without_reference_or_deadline() -> None:
    claim = attrs.evolve(NO_CLAIM, reference=None)
    friendly = plan(claim, as_of=date(2026, 3, 2)).steps[0]
    message = render(
        friendly, case=claim, locale="en", payment=attrs.evolve(NO_PAY, creditor=None)
    )
    assert message.subject == "Reminder: the invoice due on 2 March 2026"
    assert "Please pay as soon as you can." in message.body
    assert "If the amount is not paid, we will send a payment reminder." in message.body
    assert "Creditor:" not in message.body


def test_locale_is_an_argument_not_the_process_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    step = no_steps()[1]
    before = render(step, case=NO_CLAIM, locale="en", payment=NO_PAY)
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    monkeypatch.setenv("LC_ALL", "sv_SE.UTF-8")
    assert render(step, case=NO_CLAIM, locale="en", payment=NO_PAY) == before
