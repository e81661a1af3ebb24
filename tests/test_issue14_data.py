"""Issue 14 items 6-9 and 11-13: corrected and new dated values, and the consumer-credit policies.

Each boundary is tested on the day before and the day of; golden values are computed by hand in
the comments from the rule cited.
"""

from __future__ import annotations

from datetime import date

import pytest

from inkassorules import no
from inkassorules.claims import Payment
from inkassorules.errors import InvalidInput, NotInForce, RuleRefused
from inkassorules.instalments import (
    CONTRACT_TERM,
    InstalmentAgreement,
    NorwegianConsumerCredit,
    SwedishConsumerCredit,
    accelerate,
    consumer_credit_grounds,
)
from inkassorules.law import LawBook, builtin
from inkassorules.money import Money
from inkassorules.no.fees import reminder_fee_cap


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


def pay(money: Money, on: date) -> Payment:
    return Payment(amount=money, paid_on=on)


KKRL = (
    "late_months",
    "single_share",
    "multiple_share",
    "multiple_instalments",
    "notice_days",
    "cures_per_credit",
)


# -- item 6: NO standardkompensasjon 2018 H1, the 2020 fee-fraction transition ------------------


def test_standard_compensation_2018_h1_is_380_high_and_2017_h2_still_unknown():
    book = builtin()
    # 2017 H2: the 370 kr the audit reports was not found in the sources searched: unknown.
    with pytest.raises(NotInForce, match="no value is known from 2017-07-01"):
        book.at("no.fees.standard_compensation", date(2017, 12, 31))
    entry = book.amount("no.fees.standard_compensation", date(2018, 1, 1))
    assert entry.value == nok(380)
    # forliksraadet.no (2018 H1) and Kredinor (2018 H2 "forblir uendret på 380 kr"): high.
    assert entry.citation.confidence == "high"
    assert "kredinor" in (entry.citation.note or "")


def test_reminder_fraction_is_read_on_the_due_date_across_2020_10_01():
    # INKF § 1-2 first paragraph: 1/10 of the inkassosats for claims falling due up to and
    # including 2020-09-30, 1/20 from 2020-10-01 (Sergel: "Krav som forfaller fra 1.10.2020").
    # The sats on the sending day 2020-11-02 is 700 kr: 700 / 10 = 70.00, 700 / 20 = 35.00.
    before = reminder_fee_cap(sent_on=date(2020, 11, 2), due_date=date(2020, 9, 30))
    on_the_day = reminder_fee_cap(sent_on=date(2020, 11, 2), due_date=date(2020, 10, 1))
    assert before.amount == nok(70)
    assert on_the_day.amount == nok(35)


# -- item 9: citations that state the value ----------------------------------------------------


def test_day_count_cites_lovavdelingens_letter_of_26_06_2006():
    entry = builtin().record("no.interest.day_count", date(2026, 1, 1))
    assert entry.value["convention"] == "actual/actual-isda"
    assert "26.06.2006" in entry.citation.rule
    assert entry.citation.url.startswith("https://www.regjeringen.no/no/dokumenter/-3-sporsmal")


def test_rates_and_compensation_citations_say_what_their_url_supports():
    book = builtin()
    rate = book.rate("no.interest.late_interest_rate", date(2024, 7, 1))
    assert str(rate.value) == "12.50"  # unchanged: 4.50 policy rate + 8 points (FRL § 3)
    assert "4.5 percent since December 2023" in (rate.citation.note or "")
    for day in (date(2024, 7, 1), date(2025, 7, 1)):
        comp = book.amount("no.fees.standard_compensation", day)
        assert comp.value == nok(460)
        assert comp.citation.confidence == "medium"
        assert "regulation number only" in (comp.citation.note or "")
    assert "does not state" in (
        book.amount("no.fees.standard_compensation", date(2026, 7, 1)).citation.note or ""
    )


# -- item 12: Finansinspektionen since 2024-01-01, FFFS 2025:2/3 from 2025-07-01 ----------------


@pytest.mark.parametrize(
    ("name", "days"),
    [("se.fees.collection_demand_min_days", 8), ("se.fees.collection_demand_min_bank_days", 4)],
)
def test_krav_deadline_citations_follow_the_supervisor(name, days):
    book = builtin()
    imy = book.days(name, date(2023, 12, 31))
    fi = book.days(name, date(2024, 1, 1))
    last_before = book.days(name, date(2025, 6, 30))
    fffs = book.days(name, date(2025, 7, 1))
    # The figure is unchanged: the FFFS text on it was not found (never a guess).
    assert {imy.value, fi.value, last_before.value, fffs.value} == {days}
    assert "Finansinspektionen" not in imy.citation.rule
    assert "Finansinspektionen from 2024-01-01" in fi.citation.rule
    assert "FFFS" not in last_before.citation.rule
    assert "FFFS 2025:2" in fffs.citation.rule
    assert "IMY's earlier guidance" in fffs.citation.rule
    assert (imy.citation.confidence, fi.citation.confidence) == ("high", "medium")


def test_swedish_contact_policy_note_names_fi_and_fffs():
    entry = builtin().record("se.contact.default_policy", date(2026, 1, 1))
    assert "FFFS 2025:2/2025:3" in (entry.citation.note or "")
    assert "Finansinspektionen" in (entry.citation.note or "")


# -- item 8: konsumentkreditlagen (2010:1846) from 2011-01-01, in the wording of each date ------


def _se_plan(signed: date) -> InstalmentAgreement:
    return InstalmentAgreement.plan(sek(12000), count=12, signed_on=signed)


def test_kkrl_applies_from_2011_01_01_not_2014_04_10():
    with pytest.raises(NotInForce, match="the table starts 2011-01-01"):
        consumer_credit_grounds(_se_plan(date(2010, 12, 31)), [], on=date(2011, 6, 1))
    # Signed 2011-01-01, nothing paid. 12 x 1 000 due on the 1st. On 2011-03-02 #1 (1 Jan + 1
    # month = 1 Feb) and #2 (1 Feb + 1 month = 1 Mar) are more than one month late:
    # 2 000 > 10 % of 12 000 = 1 200 (33 § första stycket 1).
    grounds = consumer_credit_grounds(_se_plan(date(2011, 1, 1)), [], on=date(2011, 3, 2))
    assert grounds is not None
    assert (grounds.point, grounds.late_amount, grounds.threshold) == (1, sek(2000), sek(1200))
    assert all("original wording" in c.rule for c in grounds.basis)
    assert all(c.confidence == "medium" for c in grounds.basis)


def test_kkrl_wording_switches_to_sfs_2014_201_on_2014_07_01():
    # Same figures in both wordings; only the citation changes. Signed 2014-06-30: #1 due 30 Jun,
    # #2 due 30 Jul; on 31 Aug both are more than one month late: 2 000 > 1 200.
    old = consumer_credit_grounds(_se_plan(date(2014, 6, 30)), [], on=date(2014, 8, 31))
    # Signed 2014-07-01: #1 due 1 Jul, #2 due 1 Aug; on 2 Sep both are late: 2 000 > 1 200.
    new = consumer_credit_grounds(_se_plan(date(2014, 7, 1)), [], on=date(2014, 9, 2))
    assert old is not None
    assert new is not None
    assert old.threshold == new.threshold == sek(1200)
    assert all("original wording" in c.rule for c in old.basis)
    assert all("SFS 2014:201" in c.rule and c.confidence == "high" for c in new.basis)


def test_kkrl_acceleration_under_the_2011_wording_is_provisional():
    # Signed 2012-03-15, #1 paid. Notice 2012-06-16: #2 (15 Apr) and #3 (15 May) are more than
    # one month late, 2 000 > 1 200. 16 Jun + 28 days = 14 Jul; remaining 12 000 - 1 000.
    plan = _se_plan(date(2012, 3, 15))
    paid = [pay(sek(1000), date(2012, 3, 15))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2012, 6, 16),))
    assert accelerate(plan, paid, on=date(2012, 7, 13), policy=policy) is None
    acceleration = accelerate(plan, paid, on=date(2012, 7, 14), policy=policy)
    assert acceleration is not None
    assert (acceleration.amount, acceleration.fell_due_on) == (sek(11000), date(2012, 7, 14))
    assert acceleration.provisional
    assert "original wording (SFS 2010:1846" in acceleration.explain()


# -- item 11: the new konsumentkreditlag (directive (EU) 2023/2225) from 2026-11-20 -------------


def test_agreements_signed_from_2026_11_20_are_refused_naming_the_new_law():
    # Signed 2026-11-19: still konsumentkreditlagen (2010:1846).
    assert consumer_credit_grounds(_se_plan(date(2026, 11, 19)), [], on=date(2026, 11, 19)) is None
    plan = _se_plan(date(2026, 11, 20))
    with pytest.raises(NotInForce, match=r"directive \(EU\) 2023/2225") as info:
        consumer_credit_grounds(plan, [], on=date(2027, 3, 1))
    assert info.value.on == date(2026, 11, 20)
    assert "33-34 §§ are not applied" in str(info.value)
    with pytest.raises(NotInForce, match="konsumentkreditlag"):
        accelerate(plan, [], on=date(2027, 3, 1), policy=SwedishConsumerCredit())
    # The plain contract term is not consumer-credit law and still answers: nothing paid, the
    # first instalment (due 2026-11-20) missed, 12 000 due from that day.
    contract = accelerate(plan, [], on=date(2026, 11, 21), policy=CONTRACT_TERM)
    assert contract is not None
    assert (contract.amount, contract.fell_due_on) == (sek(12000), date(2026, 11, 20))


def _with_new_law(values: dict[str, object]) -> LawBook:
    book = builtin()
    for name, value in values.items():
        book = book.extend(
            f"se.consumer_credit.{name}",
            [
                {
                    "valid_from": date(2026, 11, 20),
                    "value": value,
                    "citation": f"caller's reading of the new konsumentkreditlag ({name})",
                    "url": "https://example.org/new-konsumentkreditlag",
                    "confidence": "medium",
                }
            ],
            replace_unknown=True,
        )
    return book


def test_a_caller_can_supply_the_new_laws_rule():
    book = _with_new_law(
        {
            "late_months": 1,
            "single_share": "1/10",
            "multiple_share": "1/20",
            "multiple_instalments": 2,
            "notice_days": 28,
            "cures_per_credit": 1,
        }
    )
    # Signed 2026-11-20, #1 paid. On 2027-02-21 #2 (20 Dec + 1 month = 20 Jan) and #3 (20 Jan
    # + 1 month = 20 Feb) are late: 2 000 > 1 200, point 1 under the caller's values.
    plan = _se_plan(date(2026, 11, 20))
    paid = [pay(sek(1000), date(2026, 11, 20))]
    assert consumer_credit_grounds(plan, paid, on=date(2027, 2, 20), law=book) is None
    grounds = consumer_credit_grounds(plan, paid, on=date(2027, 2, 21), law=book)
    assert grounds is not None
    assert grounds.point == 1
    assert all(c.rule.startswith("caller's reading") for c in grounds.basis)


# -- item 11: the 34 § cure covers the overdue amounts plus dröjsmålsränta ----------------------


def test_kkrl_cure_needs_the_droejsmaalsraenta_too():
    # Signed 2026-01-15, 12 x 1 000. Notice 16 April: overdue then #1-#4 = 4 000, 1 000 paid;
    # 3 000 paid on 10 May, within the notice period (ends 16 Apr + 28 = 14 May).
    plan = _se_plan(date(2026, 1, 15))
    paid = [pay(sek(1000), date(2026, 1, 15)), pay(sek(3000), date(2026, 5, 10))]
    notice = date(2026, 4, 16)
    paid_interest = SwedishConsumerCredit(notices_sent_on=(notice,))
    assert accelerate(plan, paid, on=date(2026, 5, 20), policy=paid_interest) is None
    unpaid = SwedishConsumerCredit(notices_sent_on=(notice,), late_interest_unpaid=(notice,))
    assert accelerate(plan, paid, on=date(2026, 5, 13), policy=unpaid) is None  # still running
    acceleration = accelerate(plan, paid, on=date(2026, 5, 14), policy=unpaid)
    assert acceleration is not None
    # Not cured without the interest: 12 000 - 4 000 paid = 8 000 from 14 May.
    assert (acceleration.amount, acceleration.fell_due_on) == (sek(8000), date(2026, 5, 14))


def test_late_interest_unpaid_must_name_a_notice():
    with pytest.raises(InvalidInput, match="not one of notices_sent_on"):
        SwedishConsumerCredit(
            notices_sent_on=(date(2026, 4, 16),), late_interest_unpaid=(date(2026, 4, 17),)
        )
    with pytest.raises(InvalidInput, match="late_interest_unpaid"):
        SwedishConsumerCredit(late_interest_unpaid=("2026-04-16",))  # type: ignore[arg-type]


# -- item 13: Norwegian consumer credit, vesentlig mislighold -----------------------------------


def test_contract_term_says_it_is_a_contract_term_not_law():
    for currency, make in (("NOK", nok), ("SEK", sek)):
        plan = InstalmentAgreement.plan(make(600), count=3, signed_on=date(2026, 1, 10))
        acceleration = accelerate(plan, [], on=date(2026, 1, 11))
        assert acceleration is not None, currency
        assert acceleration.basis[0].rule.startswith("Contract term, not law")
    nok_plan = InstalmentAgreement.plan(nok(600), count=3, signed_on=date(2026, 1, 10))
    explained = accelerate(nok_plan, [], on=date(2026, 1, 11))
    assert explained is not None
    assert "NorwegianConsumerCredit" in explained.explain()


def test_norwegian_policy_is_exported_beside_the_swedish_one():
    from inkassorules import se

    assert no.NorwegianConsumerCredit is NorwegianConsumerCredit
    assert se.SwedishConsumerCredit is SwedishConsumerCredit


def test_finansavtaleloven_values_day_before_and_day_of():
    book = builtin()
    with pytest.raises(NotInForce, match="the table starts 2000-07-01"):
        book.days("no.consumer_credit.min_missed_instalments", date(2000, 6, 30))
    old = book.days("no.consumer_credit.min_missed_instalments", date(2022, 12, 31))
    new = book.days("no.consumer_credit.min_missed_instalments", date(2023, 1, 1))
    assert old.value == new.value == 3
    assert "LOV-1999-06-25-46" in old.citation.rule
    assert "LOV-2020-12-18-146" in new.citation.rule
    assert new.citation.confidence == "medium"
    with pytest.raises(NotInForce, match="NOT FOUND"):
        book.days("no.consumer_credit.notice_days", date(2023, 1, 1))


def _no_plan() -> InstalmentAgreement:
    # 12 x 1 000 NOK, signed and first due 2026-01-15, then the 15th of each month.
    return InstalmentAgreement.plan(nok(12000), count=12, signed_on=date(2026, 1, 15))


def test_fal_notice_with_two_missed_instalments_is_refused():
    plan = _no_plan()
    paid = [pay(nok(1000), date(2026, 1, 15))]
    # Notice 15 April: #2 (15 Feb) and #3 (15 Mar) are overdue; #4 falls due that day, so it
    # is not yet late. Two missed terms are "i utgangspunktet ikke nok" (FinKN 2021-11).
    refused = NorwegianConsumerCredit(notices_sent_on=(date(2026, 4, 15),))
    with pytest.raises(RuleRefused, match="2 instalment") as info:
        accelerate(plan, paid, on=date(2026, 6, 1), policy=refused)
    assert "vesentlig mislighold" in info.value.rule
    # The day after, #4 is late too: three missed, the floor is met, and the notice period
    # (NOT FOUND) is needed: NotInForce until the caller supplies it.
    valid = NorwegianConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    with pytest.raises(NotInForce, match="no.consumer_credit.notice_days"):
        accelerate(plan, paid, on=date(2026, 6, 1), policy=valid)
    # Without a notice, or before it, nothing has fallen due, however late.
    assert accelerate(plan, paid, on=date(2026, 6, 1), policy=NorwegianConsumerCredit()) is None
    assert accelerate(plan, paid, on=date(2026, 4, 15), policy=valid) is None


def test_fal_with_a_caller_supplied_notice_period():
    book = builtin().extend(
        "no.consumer_credit.notice_days",
        [
            {
                "valid_from": date(2023, 1, 1),
                "value": 14,
                "citation": "caller's reading of finansavtaleloven (illustration)",
                "url": "https://example.org/finansavtaleloven",
                "confidence": "medium",
            }
        ],
        replace_unknown=True,
    )
    plan = _no_plan()
    paid = [pay(nok(1000), date(2026, 1, 15))]
    policy = NorwegianConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    # 16 April + 14 days = 30 April; remaining 12 000 - 1 000 = 11 000; first missed #2.
    assert accelerate(plan, paid, on=date(2026, 4, 29), policy=policy, law=book) is None
    acceleration = accelerate(plan, paid, on=date(2026, 4, 30), policy=policy, law=book)
    assert acceleration is not None
    assert (acceleration.amount, acceleration.fell_due_on) == (nok(11000), date(2026, 4, 30))
    assert (acceleration.missed.number, acceleration.notice_sent_on) == (2, date(2026, 4, 16))
    assert acceleration.provisional
    assert "vesentlig mislighold" in acceleration.explain()


def test_fal_policy_checks_its_arguments():
    se_plan = _se_plan(date(2026, 1, 15))
    with pytest.raises(InvalidInput, match="applies to NOK agreements"):
        accelerate(se_plan, [], on=date(2026, 6, 1), policy=NorwegianConsumerCredit())
    early = NorwegianConsumerCredit(notices_sent_on=(date(2026, 1, 1),))
    with pytest.raises(InvalidInput, match="before the agreement was signed"):
        accelerate(_no_plan(), [], on=date(2026, 6, 1), policy=early)
    with pytest.raises(InvalidInput, match="notices_sent_on"):
        NorwegianConsumerCredit(notices_sent_on=("2026-04-16",))  # type: ignore[arg-type]
    sorted_policy = NorwegianConsumerCredit(
        notices_sent_on=[date(2026, 8, 1), date(2026, 4, 16)]  # type: ignore[arg-type]
    )
    assert sorted_policy.notices_sent_on == (date(2026, 4, 16), date(2026, 8, 1))
