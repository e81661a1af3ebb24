"""Boundary tests written to kill mutants of inkassorules.ledger (charges() and balance()).

Each test pins a rule of the case balance at its edge: the day before / the day of, the exact
reason a fee cap gives, the exact message of a refused argument, and the law book passed in
(``law=``) reaching every rule it feeds. For the last, the tests use caller law books built with
:meth:`inkassorules.law.LawBook.extend`: they add fictional later values ("test book") to the
built-in tables, so a rule that silently fell back to the built-in law gives another amount (or
raises NotInForce for a half-year the built-in data does not cover).
"""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources

import attrs
import pytest

from inkassorules import (
    Case,
    Claim,
    ClaimKind,
    CreditorKind,
    DebtorKind,
    Dispute,
    LegalActionFiled,
    LetterSent,
    Money,
    Payment,
    StepKind,
)
from inkassorules import ledger as ledger_module
from inkassorules.errors import InvalidInput, NotInForce
from inkassorules.events import AgreementMade, CreditGranted, DueDatePostponed
from inkassorules.fees import FeeCap
from inkassorules.instalments import InstalmentAgreement
from inkassorules.law import LawBook, builtin, explain, parse_parameter
from inkassorules.ledger import Balance, Charge, balance, charges
from inkassorules.steps import Channel

_URL = "https://example.org/inkassorules-test-book"


def _entry(valid_from: date, value: object) -> list[dict[str, object]]:
    return [{"valid_from": valid_from, "value": value, "citation": "test book", "url": _URL}]


# The day after the last built-in entry of the "until changed" tables (2026-01-01 at the latest).
_FROM = date(2026, 1, 2)

#: Norway: inkassosats 800 (built-in 750) from 2026-01-02; the 2027 H1 late-interest rate 12.50 % and standardkompensasjon 470 kr (not in the built-in data).
BOOK_NO = (
    builtin()
    .extend("no.inkassosats", _entry(_FROM, 800))
    .extend("no.interest.late_interest_rate", _entry(date(2027, 1, 1), Decimal("12.50")))
    .extend("no.fees.standard_compensation", _entry(date(2027, 1, 1), 470))
)

#: Sweden: påminnelseavgift 70 (60), inkassokrav 200 (180), amorteringsplan 190 (170),
#: förseningsersättning 500 (450), Kronofogden 350 + 400 (300 + 380), all from 2026-01-02;
#: the 2026 H2 referensränta 2.50 % (not in the built-in data).
BOOK_SE = (
    builtin()
    .extend("se.fees.reminder_fee", _entry(_FROM, 70))
    .extend("se.fees.collection_demand_fee", _entry(_FROM, 200))
    .extend("se.fees.instalment_agreement_fee", _entry(_FROM, 190))
    .extend("se.fees.standard_compensation", _entry(_FROM, 500))
    .extend("se.kronofogden.application_fee", _entry(_FROM, 350))
    .extend("se.kronofogden.own_work_payment_order", _entry(_FROM, 400))
    .extend("se.interest.reference_rate", _entry(date(2026, 7, 1), Decimal("2.50")))
)


def _friday_off(book: LawBook, code: str) -> LawBook:
    """*book* with a business-day table in which Friday is no business day either.

    A calendar reads only the table's first entry, which an extension cannot change: the table
    is rebuilt from the shipped file with Friday (4) added to the non-business weekdays.
    """
    name = f"{code}.business_days"
    text = (resources.files("inkassorules") / "data" / code / "business_days.toml").read_text(
        encoding="utf-8"
    )
    weekend = "non_business_weekdays = [5, 6]"
    assert weekend in text
    document = tomllib.loads(text.replace(weekend, "non_business_weekdays = [4, 5, 6]"))
    parameters = {n: book.parameter(n) for n in book.names}
    parameters[name] = parse_parameter(
        document, path=f"<test: {name} with Friday off>", expected_name=name, shipped=True
    )
    return LawBook(parameters)


FRIDAY_OFF_NO = _friday_off(builtin(), "no")
FRIDAY_OFF_SE = _friday_off(builtin(), "se")


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


def no_claim(
    kind: DebtorKind = DebtorKind.CONSUMER,
    principal: str = "12500",
    due: date = date(2026, 5, 4),  # a Monday
) -> Claim:
    return Claim(principal=nok(principal), due_date=due, jurisdiction="NO", debtor_kind=kind)


def se_claim(
    kind: DebtorKind = DebtorKind.CONSUMER,
    principal: str = "10000",
    due: date = date(2026, 3, 2),  # a Monday
    **extra: object,
) -> Claim:
    return Claim(
        principal=sek(principal), due_date=due, jurisdiction="SE", debtor_kind=kind, **extra
    )


def se_b2b(due: date = date(2026, 3, 2)) -> Claim:
    # 4 a § lag 1981:739: a business's claim for goods or services on a business.
    return se_claim(
        DebtorKind.BUSINESS,
        due=due,
        creditor_kind=CreditorKind.BUSINESS,
        claim_kind=ClaimKind.GOODS_OR_SERVICES,
    )


def letter(
    kind: StepKind,
    sent: date,
    fee: Money,
    deadline: date | None,
    channel: Channel = Channel.LETTER,
) -> LetterSent:
    return LetterSent(kind=kind, sent_on=sent, fee_charged=fee, deadline=deadline, channel=channel)


def purring(sent: date, fee: str, deadline: date | None) -> LetterSent:
    return letter(StepKind.REMINDER, sent, nok(fee), deadline)


def krav(
    sent: date, fee: str, deadline: date | None, channel: Channel = Channel.EMAIL
) -> LetterSent:
    return letter(StepKind.COLLECTION_DEMAND, sent, sek(fee), deadline, channel)


NOTICE_REASON = (
    "no inkassovarsel deadline had run out when the betalingsoppfordring was sent, so it "
    "does not meet inkassoloven § 10 and carries no fee"
)


# -- charges: Norway ----------------------------------------------------------------------------


def test_caller_book_sets_the_norwegian_letter_fee() -> None:
    # INKF § 1-2 første ledd: 1/20 of the book's inkassosats 800 = 40 (the built-in 750 gives
    # 37.50 -> 38). A purring charging 60: lawful 40, excess 20.
    case = Case(claim=no_claim(), events=[purring(date(2026, 5, 20), "60", date(2026, 6, 3))])
    (charge,) = charges(case, law=BOOK_NO)
    assert (charge.cap.amount, charge.lawful, charge.excess) == (nok(40), nok(40), nok(20))
    assert charge.reasons == (
        (
            "1/20 of the inkassosats 800.00 NOK in force on 2026-05-20 = 40.00 NOK, rounded to 1 NOK "
            "(ROUND_HALF_UP)"
        ),
    )
    # balance() passes its book on: 17 days of interest 12500 x 12 % x 17/365 = 69.863014 ->
    # 69.86 (2026 H1 rate, the same in both books), fees 40: 12609.86.
    owed = balance(case, on=date(2026, 5, 21), law=BOOK_NO)
    assert (owed.fees, owed.excess, owed.total) == (nok(40), nok(20), nok("12609.86"))
    assert balance(case, on=date(2026, 5, 21)).fees == nok(38)


def test_friendly_reminder_says_why_it_carries_no_fee() -> None:
    friendly = letter(StepKind.FRIENDLY_REMINDER, date(2026, 5, 20), nok(25), date(2026, 6, 3))
    (charge,) = charges(Case(claim=no_claim(), events=[friendly]))
    assert (charge.lawful, charge.excess) == (nok(0), nok(25))
    assert charge.reasons == (
        (
            "a betalingspåminnelse carries no fee; a letter that charges one is a purring "
            "(record it as REMINDER)"
        ),
    )
    (citation,) = charge.basis
    assert citation.rule.startswith("inkassoforskriften § 1-1 og § 1-2 første ledd")


def test_norwegian_agreement_without_a_fee_charges_zero_kroner() -> None:
    agreement = InstalmentAgreement.plan(nok(12500), signed_on=date(2026, 6, 1), count=2)
    (charge,) = charges(Case(claim=no_claim(), events=[AgreementMade(agreement=agreement)]))
    assert (charge.charged, charge.lawful, charge.excess) == (nok(0), nok(0), nok(0))
    assert charge.reasons == (
        "no fixed fee for an avdragsordning in inkassoforskriften kapittel 1",
    )
    (citation,) = charge.basis
    assert citation.rule.startswith("inkassoforskriften § 1-1: a creditor's own fixed fees")


@pytest.mark.parametrize(
    ("notice_sent", "lawful"),
    [
        # Sunday 05-03, before the forfall Monday 05-04: not an earlier letter (INKF § 1-3), so
        # no inkassovarsel deadline had run out when the demand was sent: no fee.
        (date(2026, 5, 3), nok(0)),
        # On the forfall day itself the varsel counts; its deadline 05-18 had run out on 05-26:
        # 3/20 x 750 = 112.50 -> 113 (INKF § 1-2 tredje ledd).
        (date(2026, 5, 4), nok(113)),
    ],
)
def test_notice_sent_on_the_forfall_day_counts_for_the_demand(
    notice_sent: date, lawful: Money
) -> None:
    events = [
        letter(StepKind.COLLECTION_NOTICE, notice_sent, nok(38), date(2026, 5, 18)),
        letter(StepKind.COLLECTION_DEMAND, date(2026, 5, 26), nok(113), date(2026, 6, 9)),
    ]
    demand = charges(Case(claim=no_claim(), events=events))[-1]
    assert demand.lawful == lawful
    assert (NOTICE_REASON in demand.reasons) is lawful.is_zero


def test_caller_calendar_decides_the_forfall_of_the_letters() -> None:
    # Due Friday 2026-05-08. With a calendar where Friday is no business day the forfall is
    # Monday 05-11 (gjeldsbrevloven § 5), so a varsel sent on 05-08 came before forfall and
    # does not count: the demand of 05-26 carries no fee. With the built-in calendar the varsel
    # counts (deadline 05-22 run out): 113.
    events = [
        letter(StepKind.COLLECTION_NOTICE, date(2026, 5, 8), nok(38), date(2026, 5, 22)),
        letter(StepKind.COLLECTION_DEMAND, date(2026, 5, 26), nok(113), date(2026, 6, 9)),
    ]
    case = Case(claim=no_claim(due=date(2026, 5, 8)), events=events)
    demand = charges(case, law=FRIDAY_OFF_NO)[-1]
    assert demand.lawful == nok(0)
    assert demand.reasons == (NOTICE_REASON,)
    (citation,) = demand.basis
    assert citation.rule.startswith("inkassoforskriften § 1-2 tredje ledd")
    assert charges(case)[-1].lawful == nok(113)


_COMPENSATION_470 = (
    "business debtor: the standardkompensasjon not yet covered by the lawful fees before "
    "(470.00 NOK) is larger than this letter's fee, and may be charged instead (the larger of "
    "the two, not the sum)"
)


def test_caller_book_supplies_the_standard_compensation() -> None:
    # A business claim due Monday 2027-01-04: the built-in data has no 2027 H1 figure; the book
    # says 470 (FRL § 3a). The purring's own fee is 1/20 x 800 = 40; 470 is larger, so a purring
    # charging 500 is lawful up to 470, excess 30.
    claim = no_claim(DebtorKind.BUSINESS, due=date(2027, 1, 4))
    case = Case(claim=claim, events=[purring(date(2027, 1, 20), "500", date(2027, 2, 3))])
    (charge,) = charges(case, law=BOOK_NO)
    assert (charge.lawful, charge.excess) == (nok(470), nok(30))
    assert charge.reasons == (
        (
            "1/20 of the inkassosats 800.00 NOK in force on 2027-01-20 = 40.00 NOK, rounded to 1 NOK "
            "(ROUND_HALF_UP)"
        ),
        _COMPENSATION_470,
        (
            "470.00 NOK in force on 2027-01-04 (the figure date is the caller's choice: the sources "
            "do not settle whether the due date or the claim date applies)"
        ),
    )
    assert "standardkompensasjon" in charge.explain()
    # Without the figure only the ordinary fee counts (1/20 x 750 = 37.50 -> 38), and says so.
    (plain,) = charges(case)
    assert plain.lawful == nok(38)
    assert plain.reasons[-1].startswith("no standardkompensasjon counted: ")


def test_no_standard_compensation_on_the_due_date() -> None:
    # FRL § 3a: the compensation is owed once the debtor is late, not on the due date itself; a
    # purring on the due date is also too early for its own fee (INKF § 1-2: day 14 at the
    # earliest): nothing is lawful.
    case = Case(
        claim=no_claim(DebtorKind.BUSINESS),
        events=[purring(date(2026, 5, 4), "460", date(2026, 5, 18))],
    )
    (charge,) = charges(case)
    assert (charge.lawful, charge.excess) == (nok(0), nok(460))
    assert charge.reasons == (
        (
            "sent on 2026-05-04, earlier than 14 days after the due date 2026-05-04: the earliest "
            "fee-bearing day is 2026-05-18"
        ),
    )


def test_whole_dispute_removes_the_standard_compensation_too() -> None:
    # inkassoloven § 17 annet ledd: no collection costs while the whole claim is reasonably
    # disputed, the FRL § 3a compensation included.
    whole = Dispute(amount=nok(12500), raised_on=date(2026, 5, 19), reason="never ordered")
    case = Case(
        claim=no_claim(DebtorKind.BUSINESS),
        events=[whole, purring(date(2026, 5, 20), "460", date(2026, 6, 3))],
    )
    (charge,) = charges(case)
    assert (charge.lawful, charge.excess) == (nok(0), nok(460))


def test_compensation_used_up_adds_no_reason_to_a_feeless_letter() -> None:
    # Business debtor: the first purring takes the whole 460 (FRL § 3a, 2026 H1). The second,
    # 5 days later, is before the first one's deadline: its own fee is 0 and the compensation
    # left is 0, equal: the letter's own cap stands, with its own reason only.
    events = [
        purring(date(2026, 5, 20), "460", date(2026, 6, 3)),
        purring(date(2026, 5, 25), "38", date(2026, 6, 8)),
    ]
    first, second = charges(Case(claim=no_claim(DebtorKind.BUSINESS), events=events))
    assert (first.lawful, second.lawful) == (nok(460), nok(0))
    assert second.reasons == (
        (
            "the deadline 2026-06-03 in the purring of 2026-05-20 had not run out when this purring "
            "was sent on 2026-05-25"
        ),
    )


def test_consumer_letter_has_no_compensation_reason_even_without_a_figure() -> None:
    # A consumer never owes standardkompensasjon (FRL § 4 d), so the missing 2017 H2 figure is
    # not looked up: the purring of 2017-08-16 has its own fee only, 1/10 x 700 = 70 (the
    # fraction before 2020-10-01), and no "not counted" reason.
    claim = no_claim(principal="5000", due=date(2017, 8, 1))
    case = Case(claim=claim, events=[purring(date(2017, 8, 16), "500", date(2017, 8, 30))])
    (charge,) = charges(case)
    assert charge.lawful == nok(70)
    assert charge.reasons == (
        (
            "1/10 of the inkassosats 700.00 NOK in force on 2017-08-16 = 70.00 NOK, rounded to 0.01 "
            "NOK (ROUND_HALF_UP)"
        ),
    )


def test_norwegian_legal_step_is_never_read_as_kronofogden() -> None:
    # A Norwegian legal step is taken as charged (court fees are outside the library), even if
    # its venue text names Kronofogden: Kronofogden's fees are Swedish (48 § lag 1990:746).
    action = LegalActionFiled(
        on=date(2026, 7, 20), venue="namsmannen (not Kronofogden)", fee_charged=nok(1243)
    )
    (charge,) = charges(Case(claim=no_claim(), events=[action]), law=BOOK_NO)
    assert (charge.lawful, charge.excess, charge.checked) == (nok(1243), nok(0), False)
    assert charge.reasons == (
        (
            "the fees of legal steps (rettsgebyr at forliksrådet or namsmannen) are outside the "
            "library: the amount charged is taken as it is, unchecked"
        ),
    )


# -- charges: Sweden ----------------------------------------------------------------------------

_MEETS = (
    "meets_inkassolagen_5 read from the letter: its deadline {} {} the earliest lawful last day {}"
)


def test_swedish_whole_dispute_allows_no_fee_with_the_disputes_reasons() -> None:
    # 4 § inkassolagen (god inkassosed) and 4 § lag 1981:739: collection costs only on the
    # undisputed part; here the whole 10000 is disputed: 0 kr, and the charge says why.
    whole = Dispute(amount=sek(10000), raised_on=date(2026, 3, 2), reason="never ordered")
    case = Case(claim=se_claim(), events=[whole, krav(date(2026, 3, 3), "180", date(2026, 3, 11))])
    (charge,) = charges(case)
    assert (charge.cap.amount, charge.lawful, charge.excess) == (sek(0), sek(0), sek(180))
    assert charge.reasons == (
        "inkassokrav stops for the disputed 10000.00 SEK",
        "collection costs only on the undisputed 0.00 SEK",
    )
    assert [c.rule[:30] for c in charge.basis] == [
        "God inkassosed (4 § inkassolag",
        "4 § första stycket lag (1981:7",
    ]


@pytest.mark.parametrize(
    ("deadline", "lawful", "verdict", "earliest"),
    [
        # Sent Tue 03-03 by e-mail: 8 days -> 03-11; 4 bank days -> 03-09: earliest 03-11.
        (date(2026, 3, 10), sek(0), "is earlier than", date(2026, 3, 11)),
        (date(2026, 3, 11), sek(180), "meets", date(2026, 3, 11)),
    ],
)
def test_swedish_demand_says_whether_its_deadline_meets_5_paragraph(
    deadline: date, lawful: Money, verdict: str, earliest: date
) -> None:
    case = Case(claim=se_claim(), events=[krav(date(2026, 3, 3), "180", deadline)])
    (charge,) = charges(case)
    assert charge.lawful == lawful
    assert charge.reasons[-1] == _MEETS.format(deadline, verdict, earliest)


def test_swedish_demand_without_a_deadline_does_not_meet_5_paragraph() -> None:
    case = Case(claim=se_claim(), events=[krav(date(2026, 3, 3), "180", None)])
    (charge,) = charges(case)
    assert (charge.lawful, charge.excess) == (sek(0), sek(180))
    assert charge.reasons == (
        "the krav does not meet 5 § inkassolagen (1974:182) (3 § p.1 lag 1981:739)",
        (
            "the krav states no deadline: 5 § 3 st inkassolagen requires a reasonable time to pay or "
            "object, so it does not meet 5 §"
        ),
    )


def test_caller_calendar_counts_the_bank_days_of_the_deadline() -> None:
    # Claim due 2026-02-23; krav sent Mon 03-02 by letter, received Thu 03-05 (3 delivery days).
    # 8 days from sending -> 03-10. 4 bank days after receipt: built-in Fri 06, Mon 09, Tue 10,
    # Wed 11 -> 03-11; with Friday off: 09, 10, 11, Thu 12 -> 03-12. Deadline 03-11.
    case = Case(
        claim=se_claim(due=date(2026, 2, 23)),
        events=[krav(date(2026, 3, 2), "180", date(2026, 3, 11), Channel.LETTER)],
    )
    (plain,) = charges(case, letter_delivery_days=3)
    assert plain.lawful == sek(180)
    (friday_off,) = charges(case, law=FRIDAY_OFF_SE, letter_delivery_days=3)
    assert friday_off.lawful == sek(0)
    assert friday_off.reasons[-1] == _MEETS.format(
        date(2026, 3, 11), "is earlier than", date(2026, 3, 12)
    )
    # balance() passes the delivery days on: 5 days (received Sat 03-07) -> 03-13: no fee.
    assert balance(case, on=date(2026, 3, 3), letter_delivery_days=3).fees == sek(180)
    assert balance(case, on=date(2026, 3, 3), letter_delivery_days=5).fees == sek(0)


def test_zero_delivery_days_is_allowed_and_counts_from_sending() -> None:
    # letter_delivery_days=0: received the day it is sent (not flagged as assumed).
    case = Case(
        claim=se_claim(),
        events=[krav(date(2026, 3, 3), "180", date(2026, 3, 11), Channel.LETTER)],
    )
    (charge,) = charges(case, letter_delivery_days=0)
    assert charge.lawful == sek(180)
    assert not any(
        c.rule.startswith("5 § 3 st inkassolagen (1974:182): the 4") for c in charge.basis
    )
    with pytest.raises(InvalidInput, match=r"^letter_delivery_days must be at least 0, got -1$"):
        charges(case, letter_delivery_days=-1)


def _imy(charge: Charge) -> bool:
    return any(c.rule.startswith("IMY on 3 § p.1 lag (1981:739)") for c in charge.basis)


@pytest.mark.parametrize(
    ("paid_on", "lawful", "cited"),
    [
        (date(2026, 3, 2), sek(0), True),  # paid the day before the krav: no fee (IMY)
        (date(2026, 3, 3), sek(180), False),  # paid the same day: not paid *before* it was sent
    ],
)
def test_swedish_demand_after_payment_in_full_boundary(
    paid_on: date, lawful: Money, cited: bool
) -> None:
    events = [
        Payment(amount=sek(10000), paid_on=paid_on),
        krav(date(2026, 3, 3), "180", date(2026, 3, 11)),
    ]
    (charge,) = charges(Case(claim=se_claim(), events=events))
    assert charge.lawful == lawful
    assert _imy(charge) is cited
    assert None not in charge.basis


def test_swedish_reminder_fee_once_per_claim() -> None:
    # 2 § lag 1981:739: a påminnelseavgift (60 kr) if agreed, for one reminder only.
    claim = se_claim(reminder_fee_agreed=True)

    def reminder(sent: date) -> LetterSent:
        return letter(StepKind.REMINDER, sent, sek(60), date(2026, 3, 31))

    twice = charges(
        Case(claim=claim, events=[reminder(date(2026, 3, 10)), reminder(date(2026, 3, 20))])
    )
    assert [c.lawful for c in twice] == [sek(60), sek(0)]
    # An inkassokrav before it is no reminder: the reminder's fee stays lawful.
    events = [krav(date(2026, 3, 3), "180", date(2026, 3, 11)), reminder(date(2026, 3, 20))]
    assert [c.lawful for c in charges(Case(claim=claim, events=events))] == [sek(180), sek(60)]


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (StepKind.COLLECTION_WARNING, "inkassovarning"),
        (StepKind.NOTICE_BEFORE_ENFORCEMENT, "kravbrev"),
    ],
)
def test_swedish_practice_letters_name_themselves(kind: StepKind, name: str) -> None:
    # 5 § lag 1981:739: no compensation for measures other than those of 3 §.
    warning = letter(kind, date(2026, 3, 10), sek(50), date(2026, 3, 20))
    (charge,) = charges(Case(claim=se_claim(), events=[warning]))
    assert (charge.lawful, charge.excess) == (sek(0), sek(50))
    assert charge.reasons == (f"no fee for a {name} (5 § lag 1981:739)",)
    (citation,) = charge.basis
    assert citation.rule.startswith("5 § lag (1981:739): measures other than a reminder")


def test_caller_book_sets_every_swedish_fee() -> None:
    # The book's amounts: påminnelseavgift 70, inkassokrav 200, Kronofogden 350 + 400 = 750,
    # amorteringsplan 190 (built-in 60, 180, 300 + 380, 170).
    events = [
        letter(StepKind.REMINDER, date(2026, 3, 10), sek(80), date(2026, 3, 20)),
        krav(date(2026, 3, 23), "250", date(2026, 3, 31)),
        LegalActionFiled(on=date(2026, 4, 16), venue="Kronofogden", fee_charged=sek(800)),
    ]
    case = Case(claim=se_claim(reminder_fee_agreed=True), events=events)
    found = charges(case, law=BOOK_SE)
    assert [(c.lawful, c.excess) for c in found] == [
        (sek(70), sek(10)),
        (sek(200), sek(50)),
        (sek(750), sek(50)),
    ]
    assert found[2].reasons == (
        "ansökningsavgift for an application filed 2026-04-16: 350.00 SEK",
        (
            "own work or ombud in a betalningsföreläggande case filed 2026-04-16, at most (more only "
            "for särskilda skäl): 400.00 SEK"
        ),
    )
    assert [c.rule for c in found[2].basis] == ["test book", "test book"]
    assert [c.lawful for c in charges(case)] == [sek(60), sek(180), sek(680)]
    plan = InstalmentAgreement.plan(sek(10000), signed_on=date(2026, 3, 20), count=4, fee=sek(200))
    (fee,) = charges(Case(claim=se_claim(), events=[AgreementMade(agreement=plan)]), law=BOOK_SE)
    assert (fee.lawful, fee.excess) == (sek(190), sek(10))
    assert fee.reasons == (
        (
            "upprättande av amorteringsplan for a complete written plan sent 2026-03-20: at most "
            "190.00 SEK"
        ),
    )
    assert fee.basis[0].rule == "test book"
    assert fee.basis[-1].rule.startswith("3 § p.2 lag (1981:739): a written, complete plan")


def test_caller_book_sets_the_swedish_late_payment_compensation() -> None:
    # 4 a § lag 1981:739: the book's förseningsersättning 500 (built-in 450) replaces the krav's
    # own 200 up to its amount: max(500, 200) = 500.
    case = Case(claim=se_b2b(), events=[krav(date(2026, 3, 3), "600", date(2026, 3, 11))])
    (charge,) = charges(case, law=BOOK_SE)
    assert (charge.lawful, charge.excess) == (sek(500), sek(100))
    assert charge.reasons[2:] == (
        (
            "business debtor: the förseningsersättning not yet covered by the lawful fees before "
            "(500.00 SEK) is larger than this letter's fee, and may be charged instead (the larger "
            "of the two, not the sum)"
        ),
        (
            "förseningsersättning 500.00 SEK covers the ordinary fees up to its amount; only fees "
            "above it are added: max(500.00 SEK, 200.00 SEK) = 500.00 SEK"
        ),
    )
    rules = [c.rule for c in charge.basis]
    assert rules[0] == "test book"  # the krav fee's own citation first
    assert [r[:24] for r in rules[-3:]] == [
        "4 a § 1 st lag (1981:739",
        "4 a § 1 st lag (1981:739",
        "4 a § and 5 § lag (1981:",
    ]
    assert rules.count("test book") == 2  # the book's 500 kr is cited too
    assert charges(case)[0].lawful == sek(450)


def test_swedish_compensation_not_on_the_due_date() -> None:
    # A krav on the due date itself is not a measure after the due date: neither the krav fee
    # nor the 450 kr förseningsersättning (4 a §, 5 § lag 1981:739).
    case = Case(claim=se_b2b(), events=[krav(date(2026, 3, 2), "450", date(2026, 3, 10))])
    (charge,) = charges(case)
    assert (charge.lawful, charge.excess) == (sek(0), sek(450))
    assert charge.reasons[0].startswith("the inkassokrav sent on 2026-03-02 is not after the due")
    assert not any("förseningsersättning" in r for r in charge.reasons)


def test_swedish_compensation_already_covered_leaves_the_plan_fee() -> None:
    # B2B: the krav of 03-03 took the 450 kr förseningsersättning. The plan of 03-20 adds its
    # own 170 (3 § p.2, 4 § 2 st p.3): max(450, 450 + 170) - 450 = 170, so 200 charged -> 170.
    plan = InstalmentAgreement.plan(sek(10000), signed_on=date(2026, 3, 20), count=4, fee=sek(200))
    events = [krav(date(2026, 3, 3), "450", date(2026, 3, 11)), AgreementMade(agreement=plan)]
    found = charges(Case(claim=se_b2b(), events=events))
    assert [(c.lawful, c.excess) for c in found] == [(sek(450), sek(0)), (sek(170), sek(30))]


@pytest.mark.parametrize(
    ("event", "lawful"),
    [
        # 4000 paid on the plan's day: the 6000 plan covers the 6000 still owed: complete.
        (Payment(amount=sek(4000), paid_on=date(2026, 3, 20)), sek(170)),
        # A credit of 4000 before it: 10000 - 4000 = 6000 owed: complete.
        (CreditGranted(amount=sek(4000), on=date(2026, 3, 10), reason="defect"), sek(170)),
        # 4000 paid the day after: 10000 still owed on 03-20, the plan is not complete.
        (Payment(amount=sek(4000), paid_on=date(2026, 3, 21)), sek(0)),
    ],
)
def test_swedish_plan_is_complete_for_what_is_still_owed(event: object, lawful: Money) -> None:
    plan = InstalmentAgreement.plan(sek(6000), signed_on=date(2026, 3, 20), count=3, fee=sek(170))
    case = Case(claim=se_claim(), events=[event, AgreementMade(agreement=plan)])
    fee = next(c for c in charges(case) if isinstance(c.event, AgreementMade))
    assert fee.lawful == lawful


def test_swedish_legal_step_outside_kronofogden_is_unchecked() -> None:
    action = LegalActionFiled(on=date(2026, 4, 16), venue="tingsrätten", fee_charged=sek(900))
    (charge,) = charges(Case(claim=se_claim(), events=[action]))
    assert (charge.lawful, charge.excess, charge.checked) == (sek(900), sek(0), False)
    assert charge.reasons == (
        (
            "only Kronofogden's fees (betalningsföreläggande) are known to the library; the costs of "
            "another venue are taken as charged, unchecked"
        ),
    )
    assert charge.basis == ()
    assert charge.explain() == (
        "LegalActionFiled on 2026-04-16: charged 900.00 SEK, lawful 900.00 SEK, excess 0.00 SEK\n"
        "  " + charge.reasons[0]
    )


# -- balance: interest start, segments, the law book --------------------------------------------

# Norwegian late interest 2026 H1 12.00 %, 2027 H1 (BOOK_NO) 12.50 %; Swedish 2026 H1 2.00 + 8 =
# 10.00 %; actual/365 in 2026 and 2027, rounded once to øre / öre (ROUND_HALF_UP).


def test_caller_book_supplies_the_interest_rate() -> None:
    # Due Monday 2027-01-04; on 01-14: 10 days x 12500 x 12.50 %/365 = 42.808219 -> 42.81. The
    # built-in data has no 2027 rate.
    claim = no_claim(due=date(2027, 1, 4))
    owed = balance(claim, on=date(2027, 1, 14), law=BOOK_NO)
    assert (owed.interest, owed.total) == (nok("42.81"), nok("12542.81"))
    with pytest.raises(NotInForce):
        balance(claim, on=date(2027, 1, 14))
    # A payment in 2027 allocates with the same interest: 200 -> 42.81 interest, 157.19 principal.
    paid = Case(claim=claim, events=[Payment(amount=nok(200), paid_on=date(2027, 1, 14))])
    (allocation,) = balance(paid, on=date(2027, 1, 14), law=BOOK_NO).allocations
    assert (allocation.interest, allocation.principal) == (nok("42.81"), nok("157.19"))


@pytest.mark.parametrize(
    ("claim", "start", "interest"),
    [
        # Midsummer Eve Friday 2026-06-19 is a business day in Norway: interest from 06-19, on
        # 06-29 10 days: 12500 x 12 % x 10/365 = 41.095890 -> 41.10.
        (no_claim(due=date(2026, 6, 19)), date(2026, 6, 19), nok("41.10")),
        # In Sweden midsommarafton is no vardag (skuldebrevslagen 5 §): from Monday 06-22, 7
        # days: 10000 x 10 % x 7/365 = 19.178082 -> 19.18.
        (se_claim(due=date(2026, 6, 19)), date(2026, 6, 22), sek("19.18")),
    ],
)
def test_interest_start_follows_the_countrys_own_calendar(
    claim: Claim, start: date, interest: Money
) -> None:
    owed = balance(claim, on=date(2026, 6, 29))
    assert owed.interest_start.start == start
    assert owed.interest == interest


@pytest.mark.parametrize(
    ("claim", "book", "interest"),
    [
        # Due Friday 2026-05-08, Friday off: from Monday 05-11, 10 days to 05-21: 41.10 (the
        # built-in calendar: from 05-08, 13 days, 53.424658 -> 53.42).
        (no_claim(due=date(2026, 5, 8)), FRIDAY_OFF_NO, nok("41.10")),
        (no_claim(due=date(2026, 5, 8)), None, nok("53.42")),
        # Sweden, due Friday 2026-03-06: from Monday 03-09, 10 days to 03-19: 10000 x 10 % x
        # 10/365 = 27.397260 -> 27.40 (built-in: 13 days, 35.616438 -> 35.62).
        (se_claim(due=date(2026, 3, 6)), FRIDAY_OFF_SE, sek("27.40")),
        (se_claim(due=date(2026, 3, 6)), None, sek("35.62")),
    ],
)
def test_caller_calendar_moves_the_interest_start(
    claim: Claim, book: LawBook | None, interest: Money
) -> None:
    on = date(2026, 5, 21) if claim.jurisdiction == "NO" else date(2026, 3, 19)
    owed = balance(claim, on=on, law=book)
    assert owed.interest == interest
    rolled = book is not None
    start = claim.due_date + (timedelta(days=3) if rolled else timedelta(0))  # Fri -> Mon
    assert owed.interest_start.start == start


def test_postponed_due_date_rolls_on_the_norwegian_calendar() -> None:
    # Agreed 05-01 (before interest started): new due date Friday 06-19, a Norwegian business
    # day (Midsummer Eve is one only in Sweden): interest from 06-19, on 06-29 10 days: 41.10.
    moved = DueDatePostponed(new_due_date=date(2026, 6, 19), agreed_on=date(2026, 5, 1))
    assert balance(Case(claim=no_claim(), events=[moved]), on=date(2026, 6, 29)).interest == nok(
        "41.10"
    )


def test_postponed_due_date_rolls_on_the_callers_calendar() -> None:
    # New due date Friday 05-15 (agreed 05-01): with Friday off it rolls to Monday 05-18, 7
    # days to 05-25: 12500 x 12 % x 7/365 = 28.767123 -> 28.77; built-in from 05-15: 41.10.
    moved = DueDatePostponed(new_due_date=date(2026, 5, 15), agreed_on=date(2026, 5, 1))
    case = Case(claim=no_claim(), events=[moved])
    assert balance(case, on=date(2026, 5, 25), law=FRIDAY_OFF_NO).interest == nok("28.77")
    assert balance(case, on=date(2026, 5, 25)).interest == nok("41.10")


def test_payment_before_the_postponed_interest_start_lowers_the_starting_principal() -> None:
    # As above (Friday off: interest from Monday 05-18), 2500 paid on Saturday 05-16, before
    # interest runs: all principal. The span from 05-18 starts on 10000: 7 days to 05-25,
    # 10000 x 12 % x 7/365 = 23.013699 -> 23.01.
    moved = DueDatePostponed(new_due_date=date(2026, 5, 15), agreed_on=date(2026, 5, 1))
    paid = Payment(amount=nok(2500), paid_on=date(2026, 5, 16))
    owed = balance(
        Case(claim=no_claim(), events=[moved, paid]), on=date(2026, 5, 25), law=FRIDAY_OFF_NO
    )
    assert (owed.principal, owed.interest) == (nok(10000), nok("23.01"))
    (part,) = owed.interest_parts
    assert (part.start, part.principal, part.applications) == (date(2026, 5, 18), nok(10000), ())


def test_postponement_to_its_own_day_after_default_pauses_nothing() -> None:
    # Agreed Wed 05-13 with the new due date 05-13: no day without interest, one span: 05-04 to
    # 05-22, 19 days: 12500 x 12 % x 19/365 = 78.082192 -> 78.08.
    moved = DueDatePostponed(new_due_date=date(2026, 5, 13), agreed_on=date(2026, 5, 13))
    owed = balance(Case(claim=no_claim(), events=[moved]), on=date(2026, 5, 23))
    assert owed.interest == nok("78.08")
    assert len(owed.interest_parts) == 1
    assert ledger_module._POSTPONED in owed.basis


def test_payment_on_the_interest_start_day_is_counted_once() -> None:
    # 2500 paid on the due date 05-04 (principal designated or not: no interest yet): 10000 owed
    # from the first interest day; on 05-14: 10 days x 10000 x 12 %/365 = 32.876712 -> 32.88.
    case = Case(claim=no_claim(), events=[Payment(amount=nok(2500), paid_on=date(2026, 5, 4))])
    owed = balance(case, on=date(2026, 5, 14))
    assert (owed.principal, owed.interest, owed.total) == (
        nok(10000),
        nok("32.88"),
        nok("10032.88"),
    )


def test_nothing_accrued_on_the_interest_start_day_has_no_interest_part() -> None:
    owed = balance(no_claim(), on=date(2026, 5, 4))
    assert owed.interest_parts == ()
    assert owed.interest_accrued == nok(0)
    one = balance(no_claim(), on=date(2026, 5, 5))  # one day: 4.109589 -> 4.11
    assert (len(one.interest_parts), one.interest) == (1, nok("4.11"))


# -- balance: credits, payments, the order within a day -----------------------------------------


def test_credit_the_same_day_comes_before_the_payment_listed_first() -> None:
    # 1000 due 05-04; on 05-14 a payment of 1000 is recorded before a credit of 200 the same day.
    # The credit comes first (the reading that leaves the least interest): principal 800; the
    # payment covers 10 days of interest on 1000 (3.287671 -> 3.29) and the 800, overpaid
    # 1000 - 803.29 = 196.71.
    events = [
        Payment(amount=nok(1000), paid_on=date(2026, 5, 14)),
        CreditGranted(amount=nok(200), on=date(2026, 5, 14), reason="price reduction"),
    ]
    owed = balance(Case(claim=no_claim(principal="1000"), events=events), on=date(2026, 5, 20))
    (allocation,) = owed.allocations
    assert (allocation.interest, allocation.principal, allocation.overpayment) == (
        nok("3.29"),
        nok(800),
        nok("196.71"),
    )
    assert (owed.credited, owed.credit_unapplied, owed.overpaid) == (
        nok(200),
        nok(0),
        nok("196.71"),
    )
    assert ledger_module._SAME_DAY in owed.basis


def test_credits_add_up_and_so_do_the_unapplied_parts() -> None:
    # 1000: credits of 600 and 400, both applied in full: nothing owed back.
    two = [
        CreditGranted(amount=nok(600), on=date(2026, 5, 4), reason="a"),
        CreditGranted(amount=nok(400), on=date(2026, 5, 10), reason="b"),
    ]
    owed = balance(Case(claim=no_claim(principal="1000"), events=two), on=date(2026, 6, 1))
    assert (owed.principal, owed.credited, owed.credit_unapplied) == (nok(0), nok(1000), nok(0))
    # Paid in full on the due date, then credits of 100 and 200: both owed back, 300.
    late = [
        Payment(amount=nok(1000), paid_on=date(2026, 5, 4)),
        CreditGranted(amount=nok(100), on=date(2026, 5, 10), reason="a"),
        CreditGranted(amount=nok(200), on=date(2026, 5, 11), reason="b"),
    ]
    owed = balance(Case(claim=no_claim(principal="1000"), events=late), on=date(2026, 6, 1))
    assert (owed.credited, owed.credit_unapplied) == (nok(0), nok(300))
    assert "  credit beyond the principal owed: 300.00 NOK" in owed.explain().splitlines()


def test_second_payment_covers_only_the_fees_and_interest_still_unpaid() -> None:
    # Fees 38 + 38 = 76 (INKF § 1-2, 2026). 50 paid on 06-15 goes to costs; 200 on 06-16 covers
    # the other 26 of costs, then interest: 43 days on 12500 to 06-16 = 12500 x 12 % x 43/365 =
    # 176.712329 -> 176.71, then 200 - 26 - 176.71 = -2.71: interest gets 174, principal 0.
    events = [
        ISSUE_PURRING,
        ISSUE_VARSEL,
        Payment(amount=nok(50), paid_on=date(2026, 6, 15)),
        Payment(amount=nok(200), paid_on=date(2026, 6, 16)),
    ]
    owed = balance(Case(claim=no_claim(), events=events), on=date(2026, 6, 16))
    first, second = owed.allocations
    assert (first.costs, first.interest, first.principal) == (nok(50), nok(0), nok(0))
    assert (second.costs, second.interest, second.principal) == (nok(26), nok(174), nok(0))
    # Then 200 more the same day: interest still unpaid 176.71 - 174 = 2.71, principal 197.29.
    more = Case(
        claim=no_claim(),
        events=[*events, Payment(amount=nok(200), paid_on=date(2026, 6, 16))],
    )
    third = balance(more, on=date(2026, 6, 16)).allocations[-1]
    assert (third.costs, third.interest, third.principal) == (nok(0), nok("2.71"), nok("197.29"))


ISSUE_PURRING = purring(date(2026, 5, 20), "38", date(2026, 6, 3))
ISSUE_VARSEL = letter(StepKind.COLLECTION_NOTICE, date(2026, 6, 10), nok(38), date(2026, 6, 24))


def test_same_day_citation_only_when_two_events_share_a_day() -> None:
    distinct = Case(claim=no_claim(), events=[ISSUE_PURRING, ISSUE_VARSEL])
    assert ledger_module._SAME_DAY not in balance(distinct, on=date(2026, 7, 1)).basis
    assert ledger_module._SAME_DAY not in balance(no_claim(), on=date(2026, 7, 1)).basis
    same = Case(
        claim=no_claim(),
        events=[ISSUE_PURRING, Payment(amount=nok(100), paid_on=date(2026, 5, 20))],
    )
    assert ledger_module._SAME_DAY in balance(same, on=date(2026, 7, 1)).basis
    assert ledger_module._POSTPONED not in balance(same, on=date(2026, 7, 1)).basis
    assert None not in balance(same, on=date(2026, 7, 1)).basis


# -- explain, records, HTML, repr, plot ---------------------------------------------------------


def issue_balance() -> Balance:
    # The issue case: fees 38 + 38 (INKF § 1-2), 3000 paid on 06-15 (costs 76, interest 42 days
    # 172.602740 -> 172.60, principal 2751.40), on 07-01 9748.60 + 51.28 interest = 9799.88.
    payment = Payment(
        amount=nok(3000), paid_on=date(2026, 6, 15), id="p1", designation="faktura 7"
    )
    case = Case(claim=no_claim(), events=[ISSUE_PURRING, ISSUE_VARSEL, payment])
    return balance(case, on=date(2026, 7, 1))


def test_balance_explain_lines() -> None:
    owed = issue_balance()
    lines = owed.explain().split("\n")
    assert lines[:6] == [
        (
            "Balance on 2026-07-01: principal 9748.60 NOK + interest 51.28 NOK + fees 0.00 NOK = "
            "9799.88 NOK"
        ),
        "  withheld (disputed) 0.00 NOK; overpaid 0.00 NOK",
        "  interest from 2026-05-04: from the forfallsdag fixed in advance",
        (
            "  paid 3000.00 NOK on 2026-06-15: costs 76.00 NOK, interest 172.60 NOK, principal "
            "2751.40 NOK, overpaid 0.00 NOK"
        ),
        "  fee on 2026-05-20: charged 38.00 NOK, lawful 38.00 NOK, excess 0.00 NOK",
        "  fee on 2026-06-10: charged 38.00 NOK, lawful 38.00 NOK, excess 0.00 NOK",
    ]
    # The citations follow with their notes (e.g. why no interest is counted on fees).
    basis = (*owed.interest_start.basis, *owed.basis)
    assert "\n".join(lines[6:]) == explain(basis, notes=True)
    assert "note: practice may also charge interest on collection costs" in owed.explain()


def test_charge_explain_names_the_letter_and_cites_with_notes() -> None:
    case = Case(claim=no_claim(), events=[purring(date(2026, 5, 20), "60", date(2026, 6, 3))])
    (charge,) = charges(case)
    head, reasons, *rest = charge.explain().split("\n")
    assert head == "reminder on 2026-05-20: charged 60.00 NOK, lawful 38.00 NOK, excess 22.00 NOK"
    assert reasons == "  " + "; ".join(charge.reasons)
    assert "\n".join(rest) == explain(charge.basis, notes=True)
    assert explain(charge.basis, notes=True) != explain(charge.basis)  # the notes are shown
    # Two reasons are joined with "; " on one line.
    business = Case(
        claim=no_claim(DebtorKind.BUSINESS),
        events=[purring(date(2026, 5, 20), "500", date(2026, 6, 3))],
    )
    (compensated,) = charges(business)
    assert compensated.explain().split("\n")[1] == "  " + "; ".join(compensated.reasons)
    assert len(compensated.reasons) == 3
    # An agreement has no kind: its type names it.
    plan = InstalmentAgreement.plan(nok(12500), signed_on=date(2026, 6, 1), count=2, fee=nok(100))
    (agreed,) = charges(Case(claim=no_claim(), events=[AgreementMade(agreement=plan)]))
    assert agreed.explain().startswith(
        "AgreementMade on 2026-06-01: charged 100.00 NOK, lawful 0.00 NOK, excess 100.00 NOK\n  "
        "no fixed fee for an avdragsordning"
    )


def test_records_have_every_column() -> None:
    assert issue_balance().to_records() == [
        {
            "paid_on": date(2026, 6, 15),
            "paid": Decimal("3000.00"),
            "costs": Decimal("76.00"),
            "interest": Decimal("172.60"),
            "principal": Decimal("2751.40"),
            "overpaid": Decimal("0.00"),
            "currency": "NOK",
            "designation": "faktura 7",
            "id": "p1",
        }
    ]


_HEADER = (
    "<thead><tr><th>Paid on</th><th>Paid</th><th>Costs</th><th>Interest</th><th>Principal</th>"
    "<th>Overpaid</th><th>Currency</th><th>Designation</th><th>Id</th></tr></thead>"
)


def test_html_table_has_its_columns_footer_and_sources_even_without_payments() -> None:
    owed = balance(no_claim(), on=date(2026, 7, 1))  # 58 days: 238.36 (2026 H1, 12 %)
    html = owed._repr_html_()
    assert html.startswith(
        '<table class="inkassorules"><caption>Balance on 2026-07-01: 12738.36 NOK</caption>'
        + _HEADER
    )
    assert (
        "<p>principal 12500.00 NOK + interest 238.36 NOK + fees 0.00 NOK = 12738.36 NOK; "
        "withheld 0.00 NOK; overpaid 0.00 NOK</p>"
    ) in html
    assert "None" not in html
    for citation in (*owed.interest_start.basis, *owed.basis):
        assert f'<a href="{citation.url}"' in html
    assert _HEADER in issue_balance()._repr_html_()


def test_repr_sums_up_the_balance() -> None:
    # How a zero fee total is written ("0" or "0.00") is not pinned here.
    text = repr(issue_balance())
    assert text.startswith(
        "Balance(2026-07-01: 9799.88 NOK = principal 9748.60 + interest 51.28 + fees "
    )
    assert text.endswith("; 1 payments)")


def test_plot_draws_on_the_given_axes_with_the_given_book() -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure  # no pyplot, no backend: nothing global changes

    ax = Figure().subplots()
    claim = no_claim(due=date(2027, 1, 4))  # 2027 interest: only BOOK_NO knows the rate
    owed = balance(claim, on=date(2027, 1, 14), law=BOOK_NO)
    assert owed.plot(ax, law=BOOK_NO) is ax
    assert ax.get_legend_handles_labels()[1][:3] == [
        "principal",
        "interest not paid",
        "fees not paid (lawful part)",
    ]
    with pytest.raises(NotInForce):
        owed.plot(Figure().subplots())  # the built-in law has no 2027 rate


# -- refused arguments: the exact error and the argument it names -------------------------------


def test_balance_and_charges_name_the_bad_argument() -> None:
    with pytest.raises(InvalidInput, match=r"^on must be a datetime\.date, got '2026-07-01'$"):
        balance(no_claim(), on="2026-07-01")  # type: ignore[arg-type]
    for call in (
        lambda: balance(no_claim(), on=date(2026, 7, 1), law="builtin"),  # type: ignore[arg-type]
        lambda: charges(no_claim(), law="builtin"),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidInput, match=r"^law must be an inkassorules\.LawBook or None"):
            call()


def _charge(**changes: object) -> Charge:
    (charge,) = charges(
        Case(claim=no_claim(), events=[purring(date(2026, 5, 20), "60", date(2026, 6, 3))])
    )
    return attrs.evolve(charge, **changes)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"event": "a letter"}, r"^event must be a LetterSent, AgreementMade or LegalActionFiled"),
        ({"day": "2026-05-20"}, r"^day must be a datetime\.date, got '2026-05-20'$"),
        ({"cap": nok(38)}, r"^cap must be a FeeCap, got "),
        ({"checked": 1}, r"^checked must be True or False, got 1$"),
        ({"excess": 22}, r"^excess must be Money, not negative, got 22$"),
    ],
)
def test_charge_refuses_each_bad_field_by_name(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        _charge(**changes)


def test_charge_refuses_a_negative_amount_even_when_it_adds_up() -> None:
    # charged -5, lawful min(-5, 38) = -5, excess 0: consistent, but a fee is never negative.
    with pytest.raises(InvalidInput, match=r"^charged must be Money, not negative, got "):
        Charge(
            event=ISSUE_PURRING,
            day=date(2026, 5, 20),
            charged=nok(-5),
            cap=FeeCap(amount=nok(38)),
            lawful=nok(-5),
            excess=nok(0),
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"case": "a case"}, r"^case must be a Case, got 'a case'$"),
        ({"on": "2026-07-01"}, r"^on must be a datetime\.date, got '2026-07-01'$"),
        ({"withheld": sek(0)}, r"^withheld must be Money in NOK, not negative: "),
        ({"withheld": nok(-1)}, r"^withheld must be Money in NOK, not negative: "),
        ({"credited": Decimal(0)}, r"^credited must be Money in NOK, not negative: "),
        ({"payments": ()}, r"^a balance needs one allocation per payment$"),
        ({"overpaid": nok(1)}, r"^payments of 3000\.00 NOK are not conserved: costs 76\.00 NOK"),
        (
            {"principal": nok(9748)},
            (
                r"^principal 9748\.00 NOK is not the claim's principal less credits 0\.00 NOK and "
                r"principal paid 2751\.40 NOK$"
            ),
        ),
        ({"fees": nok(1)}, r"^fees 1\.00 NOK are not the lawful fees 76\.00 NOK less paid$"),
        (
            {"interest": nok(1)},
            r"^interest 1\.00 NOK is not the interest accrued less interest paid$",
        ),
        (
            {"withheld": nok(9749)},
            r"^withheld 9749\.00 NOK is more than principal 9748\.60 NOK$",
        ),
    ],
)
def test_balance_refuses_each_inconsistent_field_by_name(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        attrs.evolve(issue_balance(), **changes)


def test_swedish_whole_dispute_names_the_letter_it_stops() -> None:
    # The dispute stops the reminder itself (4 § inkassolagen): the reason names the
    # betalningspåminnelse, not an inkassokrav; no påminnelseavgift while it stands.
    whole = Dispute(amount=sek(10000), raised_on=date(2026, 3, 2), reason="never ordered")
    reminder = letter(StepKind.REMINDER, date(2026, 3, 10), sek(60), date(2026, 3, 20))
    case = Case(claim=se_claim(reminder_fee_agreed=True), events=[whole, reminder])
    (charge,) = charges(case)
    assert charge.lawful == sek(0)
    assert charge.reasons == (
        "betalningspåminnelse stops for the disputed 10000.00 SEK",
        "collection costs only on the undisputed 0.00 SEK",
    )


def test_a_refused_swedish_krav_fee_lists_its_refusal_last() -> None:
    # The fee rules list a refusal's citation last (compliance names it): an e-mailed krav of
    # Mon 2026-03-16 with a deadline of 03-20, earlier than the 5 § 3 st reading allows, is
    # refused by that reading (its citations last, the day counting's among them); one sent on
    # the due day 03-02, with a deadline that meets 5 §, by "only measures after the due date"
    # (lag 1981:739), after the deadline reading it met; an allowed one keeps the fee rule's
    # order (its amount first).
    def parameters(sent: date, deadline: date) -> list[str | None]:
        (charge,) = charges(Case(claim=se_claim(), events=[krav(sent, "180", deadline)]))
        return [c.parameter for c in charge.cap.basis]

    reading = [
        "se.fees.collection_demand_min_days",
        "se.fees.collection_demand_min_bank_days",
        "se.business_days",
    ]
    fee = ["se.fees.collection_demand_fee", None]  # the amount, then 3 § p.1 (the krav's form)
    assert parameters(date(2026, 3, 16), date(2026, 3, 20)) == [*fee, *reading]
    assert parameters(date(2026, 3, 16), date(2026, 3, 30)) == [*fee, *reading]
    early = Case(claim=se_claim(), events=[krav(date(2026, 3, 2), "180", date(2026, 3, 20))])
    (charge,) = charges(early)
    assert [c.parameter for c in charge.cap.basis] == [*fee, *reading, None]
    assert charge.cap.basis[-1].rule.startswith(
        "lag (1981:739): only measures taken after the due date"
    )
    assert charge.cap.basis[1].rule.startswith("3 § p.1 lag (1981:739): an inkassokrav")
