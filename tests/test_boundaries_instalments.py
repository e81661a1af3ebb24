"""Boundary tests written to kill mutants of inkassorules.instalments (plans and acceleration).

They pin the consumer-credit policies at their edges: a notice sent on the very day asked
about, on the signing day, on an instalment's due date; exactly three missed instalments
under finansavtaleloven practice; the amount overdue when a KKrL 34 § notice is sent; the
texts (with the citations' notes) that explain a status, a ground and an acceleration; and
the exact error type and message of each refusal. Amounts are worked out by hand from the
plan: 12 instalments of 1 000.00, signed and first due on 2026-01-15, then the 15th.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from inkassorules import Money, Payment
from inkassorules.errors import CurrencyMismatch, InvalidInput, NotInForce, RuleRefused
from inkassorules.instalments import (
    Instalment,
    InstalmentAgreement,
    NorwegianConsumerCredit,
    SwedishConsumerCredit,
    accelerate,
    consumer_credit_grounds,
)
from inkassorules.law import LawBook, builtin, parse_parameter

FAL_MINIMUM = "no.consumer_credit.min_missed_instalments"


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


def pay(money: Money, on: date) -> Payment:
    return Payment(amount=money, paid_on=on)


def plan_in(currency: str, signed_on: date = date(2026, 1, 15)) -> InstalmentAgreement:
    # 12 x 1 000.00, the first due on the signing day, then the same day of each month.
    return InstalmentAgreement.plan(Money.of(12000, currency), count=12, signed_on=signed_on)


def fal_book(notice_days: int) -> LawBook:
    """The built-in book with the Norwegian notice period (NOT FOUND) supplied by the caller."""
    return builtin().extend(
        "no.consumer_credit.notice_days",
        [
            {
                "valid_from": date(2023, 1, 1),
                "value": notice_days,
                "citation": "caller's reading of finansavtaleloven (test)",
                "url": "https://example.org/finansavtaleloven",
                "confidence": "medium",
            }
        ],
        replace_unknown=True,
    )


def fal_rule() -> str:
    return builtin().days(FAL_MINIMUM, date(2026, 1, 15)).citation.rule


# -- finansavtaleloven (Norwegian consumer credit) ---------------------------------------------


def test_fal_notice_sent_on_the_day_asked_is_checked_that_day() -> None:
    # Notice 15 April: #2 (15 Feb) and #3 (15 Mar) are overdue, #4 falls due that day: two.
    plan = plan_in("NOK")
    paid = [pay(nok(1000), date(2026, 1, 15))]
    policy = NorwegianConsumerCredit(notices_sent_on=(date(2026, 4, 15),))
    with pytest.raises(RuleRefused) as info:
        accelerate(plan, paid, on=date(2026, 4, 15), policy=policy)
    rule = fal_rule()
    assert info.value.rule == rule
    assert str(info.value) == (
        "a notice demanding the remainder was sent on 2026-04-15 with 2 instalment(s) overdue; "
        "a vesentlig mislighold needs at least 3 missed instalments as a starting point (two "
        f"are in principle not enough) ({rule})"
    )
    # The day before the notice nothing is checked.
    assert accelerate(plan, paid, on=date(2026, 4, 14), policy=policy) is None


def test_fal_notice_on_the_signing_day_is_refused_for_want_of_missed_instalments() -> None:
    plan = plan_in("NOK")
    policy = NorwegianConsumerCredit(notices_sent_on=(date(2026, 1, 15),))
    with pytest.raises(RuleRefused) as info:
        accelerate(plan, [], on=date(2026, 1, 15), policy=policy)
    assert "sent on 2026-01-15 with 0 instalment(s) overdue" in str(info.value)


def test_fal_notice_before_signing_names_both_days() -> None:
    policy = NorwegianConsumerCredit(notices_sent_on=(date(2026, 1, 14),))
    with pytest.raises(InvalidInput) as info:
        accelerate(plan_in("NOK"), [], on=date(2026, 6, 1), policy=policy)
    assert str(info.value) == (
        "a notice sent on 2026-01-14 is before the agreement was signed on 2026-01-15"
    )


def test_fal_policy_is_for_nok_agreements_only() -> None:
    with pytest.raises(InvalidInput) as info:
        accelerate(plan_in("SEK"), [], on=date(2026, 6, 1), policy=NorwegianConsumerCredit())
    assert str(info.value) == (
        "the NorwegianConsumerCredit policy (finansavtaleloven) applies to NOK agreements, "
        "got one in SEK"
    )


def test_fal_notice_period_of_zero_days_accelerates_on_the_notice_day() -> None:
    # Notice 16 April: #2, #3 and #4 (15 Apr) are overdue: three, the floor. With a period of
    # 0 days the remainder, 12 000 - 1 000 = 11 000, falls due on 16 April itself.
    plan = plan_in("NOK")
    paid = [pay(nok(1000), date(2026, 1, 15))]
    policy = NorwegianConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    book = fal_book(0)
    assert accelerate(plan, paid, on=date(2026, 4, 15), policy=policy, law=book) is None
    acceleration = accelerate(plan, paid, on=date(2026, 4, 16), policy=policy, law=book)
    assert acceleration is not None
    assert acceleration.amount == nok(11000)
    assert acceleration.fell_due_on == date(2026, 4, 16)
    assert acceleration.missed.number == 2
    assert acceleration.notice_sent_on == date(2026, 4, 16)
    assert [c.parameter for c in acceleration.basis[:2]] == [
        FAL_MINIMUM,
        "no.consumer_credit.notice_days",
    ]
    assert acceleration.basis[0].rule == fal_rule()


def test_fal_nothing_falls_due_when_everything_is_paid() -> None:
    # Three missed at the notice, but all 12 000 paid by the end of the notice period.
    plan = plan_in("NOK")
    paid = [pay(nok(1000), date(2026, 1, 15)), pay(nok(11000), date(2026, 4, 20))]
    policy = NorwegianConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    assert accelerate(plan, paid, on=date(2026, 5, 30), policy=policy, law=fal_book(14)) is None


def test_fal_later_notice_after_a_refused_one_is_not_reached() -> None:
    # The notices are read in date order: the first, with two missed, is refused.
    plan = plan_in("NOK")
    paid = [pay(nok(1000), date(2026, 1, 15))]
    policy = NorwegianConsumerCredit(notices_sent_on=(date(2026, 6, 1), date(2026, 4, 15)))
    assert policy.notices_sent_on == (date(2026, 4, 15), date(2026, 6, 1))
    with pytest.raises(RuleRefused, match="sent on 2026-04-15 with 2 instalment"):
        accelerate(plan, paid, on=date(2026, 7, 1), policy=policy, law=fal_book(14))


# -- konsumentkreditlag 33-34 §§ (Swedish consumer credit) -------------------------------------


def test_kkrl_notice_without_a_ground_names_both_points() -> None:
    # A notice on the signing day, asked about that day: nothing is late yet.
    plan = plan_in("SEK")
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 1, 15),))
    with pytest.raises(RuleRefused) as info:
        accelerate(plan, [], on=date(2026, 1, 15), policy=policy)
    point_1 = (
        "33 § första stycket 1 konsumentkreditlagen (2010:1846), i lydelse enligt SFS 2014:201"
    )
    point_2 = (
        "33 § första stycket 2 konsumentkreditlagen (2010:1846), i lydelse enligt SFS 2014:201"
    )
    assert info.value.rule == f"{point_1}; {point_2}"
    assert str(info.value) == (
        "a notice of early payment was sent on 2026-01-15, but the consumer was not more than "
        "1 month(s) late with more than 1/10 of the kreditfordran, nor with more than 1/20 "
        f"across 2 or more instalments ({point_1}; {point_2})"
    )


def test_kkrl_notice_before_signing_names_both_days() -> None:
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 1, 14),))
    with pytest.raises(InvalidInput) as info:
        accelerate(plan_in("SEK"), [], on=date(2026, 6, 1), policy=policy)
    assert str(info.value) == (
        "a notice sent on 2026-01-14 is before the agreement was signed on 2026-01-15"
    )


def test_kkrl_policy_is_for_sek_agreements_only() -> None:
    with pytest.raises(InvalidInput) as info:
        accelerate(plan_in("NOK"), [], on=date(2026, 6, 1), policy=SwedishConsumerCredit())
    assert str(info.value) == (
        "the SwedishConsumerCredit policy (konsumentkreditlag 2010:1846) applies to SEK "
        "agreements, got one in NOK"
    )


def test_kkrl_cure_counts_only_what_was_overdue_when_the_notice_was_sent() -> None:
    # Notice 15 May: #2 (15 Feb -> 15 Mar) and #3 (15 Mar -> 15 Apr) are more than a month
    # late, 2 000 > 1 200 (point 1). Overdue then: #1-#4, 4 000; #5 falls due that very day and
    # is not overdue yet. 4 000 paid by the end of the notice (15 May + 28 days = 12 June):
    # cured, once; nothing falls due.
    plan = plan_in("SEK")
    paid = [pay(sek(1000), date(2026, 1, 15)), pay(sek(3000), date(2026, 6, 12))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 5, 15),))
    assert accelerate(plan, paid, on=date(2026, 6, 20), policy=policy) is None
    # One öre short of 4 000: not cured; the remainder 12 000 - 3 999.99 falls due on 12 June.
    short = [pay(sek(1000), date(2026, 1, 15)), pay(sek("2999.99"), date(2026, 6, 12))]
    acceleration = accelerate(plan, short, on=date(2026, 6, 20), policy=policy)
    assert acceleration is not None
    assert acceleration.amount == sek("8000.01")
    assert acceleration.fell_due_on == date(2026, 6, 12)
    assert acceleration.notice_sent_on == date(2026, 5, 15)
    assert acceleration.missed.number == 2


def test_kkrl_cure_paid_the_day_after_the_notice_ends_is_too_late() -> None:
    plan = plan_in("SEK")
    paid = [pay(sek(1000), date(2026, 1, 15)), pay(sek(3000), date(2026, 6, 13))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 5, 15),))
    assert accelerate(plan, paid, on=date(2026, 6, 11), policy=policy) is None  # still running
    acceleration = accelerate(plan, paid, on=date(2026, 6, 12), policy=policy)
    assert acceleration is not None
    assert acceleration.amount == sek(11000)  # the 3 000 of 13 June is not paid yet on 12 June
    later = accelerate(plan, paid, on=date(2026, 6, 13), policy=policy)
    assert later is not None
    assert later.amount == sek(8000)
    assert later.fell_due_on == date(2026, 6, 12)


def test_kkrl_second_notice_after_the_one_cure_accelerates() -> None:
    # First notice 15 May, cured by 12 June (above). The 4 000 paid cover #1-#4 (oldest
    # first). Second notice 15 September: #5 (15 May), #6 (15 Jun) and #7 (15 Jul) are more
    # than one month late, 3 000 > 1 200; overdue then #1-#8 = 8 000, only 4 000 paid.
    # 15 Sep + 28 days = 13 October; remaining 12 000 - 4 000.
    plan = plan_in("SEK")
    paid = [pay(sek(1000), date(2026, 1, 15)), pay(sek(3000), date(2026, 6, 12))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 5, 15), date(2026, 9, 15)))
    assert accelerate(plan, paid, on=date(2026, 10, 12), policy=policy) is None
    acceleration = accelerate(plan, paid, on=date(2026, 10, 13), policy=policy)
    assert acceleration is not None
    assert acceleration.amount == sek(8000)
    assert acceleration.fell_due_on == date(2026, 10, 13)
    assert acceleration.notice_sent_on == date(2026, 9, 15)
    assert acceleration.missed.number == 5


def _new_law_book() -> LawBook:
    # The caller's values for the new konsumentkreditlag (from 2026-11-20): as the old ones.
    values = {
        "late_months": 1,
        "single_share": "1/10",
        "multiple_share": "1/20",
        "multiple_instalments": 2,
        "notice_days": 28,
        "cures_per_credit": 1,
    }
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


def test_kkrl_acceleration_reads_the_callers_law_book() -> None:
    # Signed 2026-11-20 (the new law), #1 paid. Notice 2027-02-21: #2 (20 Dec -> 20 Jan) and
    # #3 (20 Jan -> 20 Feb) are late, 2 000 > 1 200. 21 Feb + 28 days = 21 March.
    plan = plan_in("SEK", date(2026, 11, 20))
    paid = [pay(sek(1000), date(2026, 11, 20))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2027, 2, 21),))
    with pytest.raises(NotInForce):
        accelerate(plan, paid, on=date(2027, 3, 21), policy=policy)
    book = _new_law_book()
    assert accelerate(plan, paid, on=date(2027, 3, 20), policy=policy, law=book) is None
    acceleration = accelerate(plan, paid, on=date(2027, 3, 21), policy=policy, law=book)
    assert acceleration is not None
    assert acceleration.amount == sek(11000)
    assert acceleration.fell_due_on == date(2027, 3, 21)
    assert acceleration.basis[0].rule.startswith("caller's reading")


def test_kkrl_policy_arguments_are_named() -> None:
    with pytest.raises(InvalidInput) as info:
        SwedishConsumerCredit(late_interest_unpaid=5)  # type: ignore[arg-type]
    assert str(info.value) == "late_interest_unpaid must be a sequence, got 5"
    with pytest.raises(InvalidInput) as info:
        SwedishConsumerCredit(notices_sent_on=5)  # type: ignore[arg-type]
    assert str(info.value) == "notices_sent_on must be a sequence, got 5"
    with pytest.raises(InvalidInput) as info:
        SwedishConsumerCredit(
            notices_sent_on=(date(2026, 4, 16),), late_interest_unpaid=(date(2026, 4, 17),)
        )
    assert str(info.value) == (
        "late_interest_unpaid names 2026-04-17, which is not one of notices_sent_on; name the "
        "notice by the day it was sent"
    )
    moment = dt.datetime(2026, 4, 16, 12, 0)
    with pytest.raises(InvalidInput) as info:
        NorwegianConsumerCredit(notices_sent_on=(moment,))
    assert str(info.value) == f"notices_sent_on must be a datetime.date, got {moment!r}"


def test_policies_check_their_dates_even_when_the_converter_was_bypassed() -> None:
    # The converters check the dates; the classes check again after construction.
    norwegian = NorwegianConsumerCredit()
    object.__setattr__(norwegian, "notices_sent_on", ("2026-04-16",))
    with pytest.raises(InvalidInput) as info:
        norwegian.__attrs_post_init__()
    assert str(info.value) == "notices_sent_on must be a datetime.date, got '2026-04-16'"
    swedish = SwedishConsumerCredit()
    object.__setattr__(swedish, "notices_sent_on", ("2026-04-16",))
    with pytest.raises(InvalidInput) as info:
        swedish.__attrs_post_init__()
    assert str(info.value) == "notices_sent_on must be a datetime.date, got '2026-04-16'"
    swedish = SwedishConsumerCredit()
    object.__setattr__(swedish, "late_interest_unpaid", ("2026-04-16",))
    with pytest.raises(InvalidInput) as info:
        swedish.__attrs_post_init__()
    assert str(info.value) == "late_interest_unpaid must be a datetime.date, got '2026-04-16'"


# -- the texts that explain a result ------------------------------------------------------------


def test_acceleration_explain_names_the_notice_and_the_notes() -> None:
    plan = plan_in("NOK")
    paid = [pay(nok(1000), date(2026, 1, 15))]
    policy = NorwegianConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    acceleration = accelerate(plan, paid, on=date(2026, 4, 16), policy=policy, law=fal_book(0))
    assert acceleration is not None
    head, *rest = acceleration.explain().split("\n")
    assert head == (
        "11000.00 NOK fell due on 2026-04-16: instalment 2 (1000.00 NOK, due 2026-02-15) was "
        "not paid on time; notice sent on 2026-04-16"
    )
    # With the notes: the oldest-first convention's note is shown under its citation.
    assert rest[-1] == (
        "  note: the research rates the FAL § 2-9 (3) report low confidence (norway.md § 9); "
        "the debtor's own designation comes first"
    )


def test_status_explain_shows_an_overpayment_and_the_notes() -> None:
    plan = plan_in("NOK")
    status = plan.status([pay(nok(12500), date(2026, 1, 20))], on=date(2026, 2, 1))
    head, *rest = status.explain().split("\n")
    assert head == (
        "on 2026-02-01: paid 12000.00 NOK, overdue 0.00 NOK, remaining 0.00 NOK, "
        "overpaid 500.00 NOK"
    )
    assert rest[0].startswith("- Eldste avdrag først (oldest instalment first)")
    assert rest[1].startswith("  note: the research rates the FAL § 2-9 (3) report")
    exact = plan.status([pay(nok(1000), date(2026, 1, 15))], on=date(2026, 2, 1))
    assert exact.explain().split("\n")[0] == (
        "on 2026-02-01: paid 1000.00 NOK, overdue 0.00 NOK, remaining 11000.00 NOK"
    )


def test_status_html_footer_shows_an_overpayment_only_when_there_is_one() -> None:
    plan = plan_in("NOK")
    over = plan.status([pay(nok(12500), date(2026, 1, 20))], on=date(2026, 2, 1))._repr_html_()
    assert (
        "<p>paid 12000.00 NOK, overdue 0.00 NOK, remaining 0.00 NOK, overpaid 500.00 NOK</p>"
        in over
    )
    plain = plan.status([pay(nok(1000), date(2026, 1, 20))], on=date(2026, 2, 1))._repr_html_()
    assert "<p>paid 1000.00 NOK, overdue 0.00 NOK, remaining 11000.00 NOK</p>" in plain


def test_agreement_html_footer_names_the_fee_or_its_absence() -> None:
    plain = plan_in("NOK")._repr_html_()
    assert "<p>grace period 0 day(s); no fee recorded</p>" in plain
    with_fee = InstalmentAgreement.plan(
        nok(12000), count=12, signed_on=date(2026, 1, 15), fee=nok(300), grace_days=3
    )._repr_html_()
    assert "<p>grace period 3 day(s); fee 300.00 NOK (not in the total)</p>" in with_fee


def test_grounds_explain_shows_the_point_and_the_notes() -> None:
    # 15 May: #2 and #3 more than one month late, 2 000 > 10 % of 12 000 = 1 200.
    grounds = consumer_credit_grounds(
        plan_in("SEK"), [pay(sek(1000), date(2026, 1, 15))], on=date(2026, 5, 15)
    )
    assert grounds is not None
    lines = grounds.explain().split("\n")
    assert lines[0] == (
        "33 § första stycket 1 KKrL: 2000.00 SEK more than one month late exceeds 1200.00 SEK"
    )
    assert lines[1].startswith("- 33 § första stycket 1-2 konsumentkreditlagen (2010:1846)")
    assert lines[2].startswith("  note: SFS 2014:201 was issued on 2014-04-10")


# -- refusals: the exact error and a message that names the argument --------------------------

SIGNED = date(2026, 1, 15)


def _three() -> InstalmentAgreement:
    return InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED)


def _one(amount: Money) -> tuple[Instalment, ...]:
    return (Instalment(number=1, due_date=SIGNED, amount=amount),)


REFUSALS: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    (
        "no instalments",
        lambda: InstalmentAgreement(total=nok(100), instalments=(), signed_on=SIGNED),
        InvalidInput,
        "an instalment agreement needs at least one instalment",
    ),
    (
        "sum",
        lambda: InstalmentAgreement(total=nok(300), instalments=_one(nok(100)), signed_on=SIGNED),
        InvalidInput,
        (
            "the instalments add up to 100.00 NOK, not to the total 300.00 NOK; use "
            "InstalmentAgreement.plan() to split a total exactly"
        ),
    ),
    (
        "fee currency",
        lambda: InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, fee=sek(1)),
        CurrencyMismatch,
        "expected an amount in NOK, got SEK (the agreement's fee)",
    ),
    (
        "fee type",
        lambda: InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, fee=1),  # type: ignore[arg-type]
        InvalidInput,
        "fee must be Money, got 1",
    ),
    (
        "total of a plan",
        lambda: InstalmentAgreement.plan(300, count=3, signed_on=SIGNED),  # type: ignore[arg-type]
        InvalidInput,
        "total must be Money, got 300",
    ),
    (
        "total of an agreement",
        lambda: InstalmentAgreement(total=300, instalments=_one(nok(100)), signed_on=SIGNED),  # type: ignore[arg-type]
        InvalidInput,
        "total must be Money, got 300",
    ),
    (
        "signed_on of a plan",
        lambda: InstalmentAgreement.plan(nok(300), count=3, signed_on="2026"),  # type: ignore[arg-type]
        InvalidInput,
        "signed_on must be a datetime.date, got '2026'",
    ),
    (
        "signed_on of an agreement",
        lambda: InstalmentAgreement(total=nok(100), instalments=_one(nok(100)), signed_on="x"),  # type: ignore[arg-type]
        InvalidInput,
        "signed_on must be a datetime.date, got 'x'",
    ),
    (
        "grace_days",
        lambda: InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, grace_days=-1),
        InvalidInput,
        "grace_days must be at least 0, got -1",
    ),
    (
        "neither count nor amount",
        lambda: InstalmentAgreement.plan(nok(300), signed_on=SIGNED),
        InvalidInput,
        "give exactly one of count= and amount_per_instalment=",
    ),
    (
        "remainder",
        lambda: InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, remainder="mid"),  # type: ignore[arg-type]
        InvalidInput,
        "remainder must be 'first' or 'last', got 'mid'",
    ),
    (
        "count",
        lambda: InstalmentAgreement.plan(nok(300), count=0, signed_on=SIGNED),
        InvalidInput,
        "count must be at least 1, got 0",
    ),
    (
        "count over the limit",
        lambda: InstalmentAgreement.plan(nok(30000), count=361, signed_on=SIGNED),
        InvalidInput,
        (
            "count=361 is longer than the library's limit of 360 instalments "
            "(inkassorules.instalments.MAX_INSTALMENTS)"
        ),
    ),
    (
        "amount_per_instalment currency",
        lambda: InstalmentAgreement.plan(
            nok(300), amount_per_instalment=sek(100), signed_on=SIGNED
        ),
        CurrencyMismatch,
        "expected an amount in NOK, got SEK (amount_per_instalment)",
    ),
    (
        "amount_per_instalment zero",
        lambda: InstalmentAgreement.plan(nok(300), amount_per_instalment=nok(0), signed_on=SIGNED),
        InvalidInput,
        "amount_per_instalment must be above zero, got 0.00 NOK",
    ),
    (
        "first_due beside first_at_signing",
        lambda: InstalmentAgreement.plan(
            nok(300), count=3, signed_on=SIGNED, first_due=date(2026, 1, 16)
        ),
        InvalidInput,
        (
            "first_at_signing=True puts the first instalment on the signing date 2026-01-15, but "
            "first_due is 2026-01-16; leave first_due out or pass first_at_signing=False"
        ),
    ),
    (
        "first_due type at signing",
        lambda: InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, first_due="x"),  # type: ignore[arg-type]
        InvalidInput,
        "first_due must be a datetime.date, got 'x'",
    ),
    (
        "first_due type later",
        lambda: InstalmentAgreement.plan(
            nok(300),
            count=3,
            signed_on=SIGNED,
            first_due="x",  # type: ignore[arg-type]
            first_at_signing=False,
        ),
        InvalidInput,
        "first_due must be a datetime.date, got 'x'",
    ),
    (
        "first_due missing",
        lambda: InstalmentAgreement.plan(
            nok(300), count=3, signed_on=SIGNED, first_at_signing=False
        ),
        InvalidInput,
        "first_due is required when first_at_signing=False",
    ),
    (
        "roll's answer",
        lambda: InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, roll=lambda _d: "x"),  # type: ignore[arg-type,return-value]
        InvalidInput,
        "the date returned by roll must be a datetime.date, got 'x'",
    ),
    (
        "instalments type",
        lambda: InstalmentAgreement(total=nok(100), instalments=5, signed_on=SIGNED),  # type: ignore[arg-type]
        InvalidInput,
        "instalments must be a sequence, got 5",
    ),
    (
        "instalment number",
        lambda: Instalment(number=0, due_date=SIGNED, amount=nok(1)),
        InvalidInput,
        "number must be at least 1, got 0",
    ),
    (
        "instalment due_date",
        lambda: Instalment(number=1, due_date="x", amount=nok(1)),  # type: ignore[arg-type]
        InvalidInput,
        "due_date must be a datetime.date, got 'x'",
    ),
    (
        "instalment amount",
        lambda: Instalment(number=1, due_date=SIGNED, amount=nok(0)),
        InvalidInput,
        "the amount of instalment 1 must be above zero, got 0.00 NOK",
    ),
    (
        "status day",
        lambda: _three().status([], on="x"),  # type: ignore[arg-type]
        InvalidInput,
        "on must be a datetime.date, got 'x'",
    ),
    (
        "accelerate day",
        lambda: accelerate(_three(), [], on="x"),  # type: ignore[arg-type]
        InvalidInput,
        "on must be a datetime.date, got 'x'",
    ),
    (
        "grounds day",
        lambda: consumer_credit_grounds(plan_in("SEK"), [], on="x"),  # type: ignore[arg-type]
        InvalidInput,
        "on must be a datetime.date, got 'x'",
    ),
    (
        "payments type",
        lambda: accelerate(_three(), 5, on=SIGNED),  # type: ignore[arg-type]
        InvalidInput,
        "payments must be a sequence, got 5",
    ),
    (
        "payment currency",
        lambda: accelerate(_three(), [pay(sek(1), SIGNED)], on=SIGNED),
        CurrencyMismatch,
        "expected an amount in NOK, got SEK (a payment)",
    ),
    (
        "policy",
        lambda: accelerate(_three(), [], on=SIGNED, policy="x"),  # type: ignore[arg-type]
        InvalidInput,
        (
            "policy must be CONTRACT_TERM, SwedishConsumerCredit(...) or "
            "NorwegianConsumerCredit(...), got 'x'"
        ),
    ),
    (
        "notice type",
        lambda: SwedishConsumerCredit(notices_sent_on=["x"]),  # type: ignore[list-item]
        InvalidInput,
        "notices_sent_on[0] must be a date, got 'x'",
    ),
    (
        "notice moment",
        lambda: SwedishConsumerCredit(notices_sent_on=[dt.datetime(2026, 1, 1)]),
        InvalidInput,
        "notices_sent_on must be a datetime.date, got datetime.datetime(2026, 1, 1, 0, 0)",
    ),
    (
        "unpaid interest type",
        lambda: SwedishConsumerCredit(late_interest_unpaid=["x"]),  # type: ignore[list-item]
        InvalidInput,
        "late_interest_unpaid[0] must be a date, got 'x'",
    ),
    (
        "unpaid interest moment",
        lambda: SwedishConsumerCredit(late_interest_unpaid=[dt.datetime(2026, 1, 1)]),
        InvalidInput,
        "late_interest_unpaid must be a datetime.date, got datetime.datetime(2026, 1, 1, 0, 0)",
    ),
    (
        "grounds of a NOK agreement",
        lambda: consumer_credit_grounds(plan_in("NOK"), [], on=SIGNED),
        InvalidInput,
        (
            "the SwedishConsumerCredit policy (konsumentkreditlag 2010:1846) applies to SEK "
            "agreements, got one in NOK"
        ),
    ),
    (
        "grounds of something else",
        lambda: consumer_credit_grounds("x", [], on=SIGNED),  # type: ignore[arg-type]
        InvalidInput,
        "an InstalmentAgreement is needed, got 'x'",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
def test_refusals_name_the_argument(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error
    assert str(info.value) == message


# -- what the results carry ---------------------------------------------------------------------


def test_status_records_name_every_column() -> None:
    # 1 500 paid on 20 January: #1 (1 000) in full on that day, 500 of #2 (due 15 Feb).
    plan = plan_in("NOK")
    status = plan.status([pay(nok(1500), date(2026, 1, 20))], on=date(2026, 2, 16))
    rows = status.to_records()
    assert rows[0] == {
        "number": 1,
        "due_date": date(2026, 1, 15),
        "deadline": date(2026, 1, 15),
        "amount": Decimal("1000.00"),
        "paid": Decimal("1000.00"),
        "unpaid": Decimal("0.00"),
        "settled_on": date(2026, 1, 20),
        "overdue": False,
        "paid_on_time": False,
        "currency": "NOK",
    }
    assert rows[1] == {
        "number": 2,
        "due_date": date(2026, 2, 15),
        "deadline": date(2026, 2, 15),
        "amount": Decimal("1000.00"),
        "paid": Decimal("500.00"),
        "unpaid": Decimal("500.00"),
        "settled_on": None,
        "overdue": True,
        "paid_on_time": False,
        "currency": "NOK",
    }


def test_grounds_cite_the_values_of_their_point() -> None:
    # Point 1: 15 May, #2 and #3 late, 2 000 > 1 200.
    paid = [pay(sek(1000), date(2026, 1, 15))]
    first = consumer_credit_grounds(plan_in("SEK"), paid, on=date(2026, 5, 15))
    assert first is not None
    assert first.point == 1
    assert [c.parameter for c in first.basis] == [
        "se.consumer_credit.late_months",
        "se.consumer_credit.single_share",
    ]
    # Point 2: 24 x 500 = 12 000; on 16 April #2 (15 Feb) and #3 (15 Mar) are more than one
    # month late: 1 000, not above 1 200, but above 5 % = 600 across two instalments.
    plan = InstalmentAgreement.plan(sek(12000), count=24, signed_on=date(2026, 1, 15))
    second = consumer_credit_grounds(
        plan, [pay(sek(500), date(2026, 1, 15))], on=date(2026, 4, 16)
    )
    assert second is not None
    assert (second.point, second.late_amount, second.threshold) == (2, sek(1000), sek(600))
    assert [c.parameter for c in second.basis] == [
        "se.consumer_credit.late_months",
        "se.consumer_credit.multiple_share",
        "se.consumer_credit.multiple_instalments",
    ]


def test_kkrl_acceleration_cites_the_notice_period_and_the_cure() -> None:
    plan = plan_in("SEK")
    paid = [pay(sek(1000), date(2026, 1, 15))]
    policy = SwedishConsumerCredit(
        notices_sent_on=(date(2026, 5, 15),), late_interest_unpaid=(date(2026, 5, 15),)
    )
    acceleration = accelerate(plan, paid, on=date(2026, 6, 12), policy=policy)
    assert acceleration is not None
    assert [c.parameter for c in acceleration.basis] == [
        "se.consumer_credit.late_months",
        "se.consumer_credit.single_share",
        "se.consumer_credit.notice_days",
        "se.consumer_credit.cures_per_credit",
        None,
    ]
    assert acceleration.basis[-1].rule.startswith("Äldsta avbetalningen först")


# -- 33 § thresholds at their edges -------------------------------------------------------------


def _sek_plan(**terms: object) -> InstalmentAgreement:
    return InstalmentAgreement.plan(sek(12000), signed_on=date(2026, 1, 15), **terms)  # type: ignore[arg-type]


def test_more_than_one_month_late_starts_the_day_after_the_month() -> None:
    # Nothing paid on 12 x 1 000. On 15 March #1 (15 Jan + 1 month = 15 Feb) is late, #2
    # (15 Feb + 1 month = 15 Mar) exactly one month: not more. 1 000 alone is no ground.
    plan = _sek_plan(count=12)
    assert consumer_credit_grounds(plan, [], on=date(2026, 3, 15)) is None
    # On 16 March #2 is more than one month late too: 2 000 > 1 200.
    grounds = consumer_credit_grounds(plan, [], on=date(2026, 3, 16))
    assert grounds is not None
    assert (grounds.point, grounds.late_amount, grounds.threshold) == (1, sek(2000), sek(1200))
    assert [i.number for i in grounds.late_instalments] == [1, 2]


def test_late_amount_equal_to_ten_percent_is_not_more_than_it() -> None:
    # 20 x 600: on 16 March #1 and #2 are late, 1 200 = 10 % of 12 000: not more (point 1),
    # but more than 5 % = 600 across two instalments (point 2).
    grounds = consumer_credit_grounds(_sek_plan(count=20), [], on=date(2026, 3, 16))
    assert grounds is not None
    assert (grounds.point, grounds.late_amount, grounds.threshold) == (2, sek(1200), sek(600))
    assert [i.number for i in grounds.late_instalments] == [1, 2]


def test_late_amount_equal_to_five_percent_is_not_more_than_it() -> None:
    # 40 x 300: on 16 March two are late, 600 = 5 %: no ground; on 16 April three, 900 > 600.
    plan = _sek_plan(count=40)
    assert consumer_credit_grounds(plan, [], on=date(2026, 3, 16)) is None
    grounds = consumer_credit_grounds(plan, [], on=date(2026, 4, 16))
    assert grounds is not None
    assert (grounds.point, grounds.late_amount, grounds.threshold) == (2, sek(900), sek(600))


def test_one_late_instalment_above_five_percent_is_no_ground() -> None:
    # 12 x 1 000: on 15 March only #1 is late; 1 000 > 600 but one instalment is not two.
    assert consumer_credit_grounds(_sek_plan(count=12), [], on=date(2026, 3, 15)) is None


def test_kreditfordran_includes_the_agreements_fee() -> None:
    # 19 x 625 + 125 = 12 000, fee 600: kreditfordran 12 600, 10 % = 1 260, 5 % = 630. On
    # 16 March #1 and #2 are late: 1 250, not above 1 260 (point 1), above 630 (point 2).
    plan = _sek_plan(amount_per_instalment=sek(625), fee=sek(600))
    grounds = consumer_credit_grounds(plan, [], on=date(2026, 3, 16))
    assert grounds is not None
    assert (grounds.point, grounds.late_amount, grounds.threshold) == (2, sek(1250), sek(630))
    # Without the fee, 1 250 > 1 200 is point 1.
    grounds = consumer_credit_grounds(
        _sek_plan(amount_per_instalment=sek(625)), [], on=date(2026, 3, 16)
    )
    assert grounds is not None
    assert (grounds.point, grounds.threshold) == (1, sek(1200))


def test_part_payments_reduce_the_late_amount() -> None:
    # 12 x 1 000, 1 500 paid: #1 in full, 500 of #2. On 16 April #2 (500 left) and #3 are
    # more than one month late: 1 500 > 1 200.
    paid = [pay(sek(1500), date(2026, 1, 15))]
    grounds = consumer_credit_grounds(_sek_plan(count=12), paid, on=date(2026, 4, 16))
    assert grounds is not None
    assert (grounds.point, grounds.late_amount) == (1, sek(1500))
    assert [i.number for i in grounds.late_instalments] == [2, 3]


# -- status on the day of a payment and of a deadline --------------------------------------------


def test_status_counts_a_payment_made_on_the_status_day() -> None:
    # #2 falls due 15 February with 3 days' grace: its deadline is 18 February.
    plan = InstalmentAgreement.plan(nok(3000), count=3, signed_on=date(2026, 1, 15), grace_days=3)
    paid = [pay(nok(1000), date(2026, 1, 15)), pay(nok(1000), date(2026, 2, 18))]
    before = plan.status(paid, on=date(2026, 2, 17))
    assert before.instalments[1].settled_on is None
    assert before.instalments[1].deadline == date(2026, 2, 18)
    assert not before.instalments[1].overdue  # the deadline has not passed
    assert before.paid == nok(1000)
    on_the_day = plan.status(paid, on=date(2026, 2, 18))
    assert on_the_day.instalments[1].settled_on == date(2026, 2, 18)
    assert on_the_day.instalments[1].paid_on_time
    assert on_the_day.paid == nok(2000)
    assert on_the_day.remaining == nok(1000)


def test_status_overdue_from_the_day_after_the_deadline() -> None:
    plan = InstalmentAgreement.plan(nok(3000), count=3, signed_on=date(2026, 1, 15), grace_days=3)
    paid = [pay(nok(1000), date(2026, 1, 15)), pay(nok(400), date(2026, 2, 1))]
    on_deadline = plan.status(paid, on=date(2026, 2, 18))
    assert not on_deadline.instalments[1].overdue
    assert on_deadline.overdue == nok(0)
    after = plan.status(paid, on=date(2026, 2, 19))
    assert after.instalments[1].overdue
    assert after.instalments[1].paid == nok(400)
    assert after.overdue == nok(600)  # 1 000 due, 400 paid
    assert [row.overdue for row in after.instalments] == [False, True, False]


# -- plan limits and schedule checks at their edges ----------------------------------------------


def test_a_plan_of_one_instalment_is_the_total() -> None:
    plan = InstalmentAgreement.plan(nok(500), count=1, signed_on=SIGNED)
    assert plan.instalments == (Instalment(number=1, due_date=SIGNED, amount=nok(500)),)


def test_count_may_reach_one_oere_each_but_not_below() -> None:
    # 1.00 NOK is 100 øre: 100 instalments of 0.01, not 101.
    assert len(InstalmentAgreement.plan(nok(1), count=100, signed_on=SIGNED).instalments) == 100
    with pytest.raises(InvalidInput) as info:
        InstalmentAgreement.plan(nok(1), count=101, signed_on=SIGNED)
    assert str(info.value) == "1.00 NOK cannot be split into 101 instalments of at least 0.01"


def test_count_may_reach_the_limit_of_360() -> None:
    plan = InstalmentAgreement.plan(nok(36000), count=360, signed_on=SIGNED)
    assert len(plan.instalments) == 360
    assert plan.instalments[-1].due_date == date(2055, 12, 15)  # 359 months after signing


def test_amount_per_instalment_may_reach_the_limit_of_360() -> None:
    # 360.00 in 1.00: exactly 360; 359.50: 359 of 1.00 and a last of 0.50, 360 in all.
    exact = InstalmentAgreement.plan(nok(360), amount_per_instalment=nok(1), signed_on=SIGNED)
    assert len(exact.instalments) == 360
    assert exact.instalments[-1].amount == nok(1)
    rest = InstalmentAgreement.plan(nok("359.50"), amount_per_instalment=nok(1), signed_on=SIGNED)
    assert len(rest.instalments) == 360
    assert rest.instalments[-1].amount == nok("0.50")
    with pytest.raises(InvalidInput) as info:
        InstalmentAgreement.plan(nok("360.01"), amount_per_instalment=nok(1), signed_on=SIGNED)
    assert str(info.value) == (
        "360.01 NOK in instalments of 1.00 NOK needs 361 instalments, more than the library's "
        "limit of 360 (inkassorules.instalments.MAX_INSTALMENTS)"
    )


def test_first_due_may_be_the_signing_day_when_not_at_signing() -> None:
    plan = InstalmentAgreement.plan(
        nok(300), count=3, signed_on=SIGNED, first_due=SIGNED, first_at_signing=False
    )
    assert plan.instalments[0].due_date == SIGNED
    with pytest.raises(InvalidInput) as info:
        InstalmentAgreement.plan(
            nok(300),
            count=3,
            signed_on=SIGNED,
            first_due=date(2026, 1, 14),
            first_at_signing=False,
        )
    assert str(info.value) == (
        "the first instalment cannot fall due (2026-01-14) before the agreement is signed "
        "(2026-01-15)"
    )


def test_two_instalments_may_fall_due_on_the_same_day() -> None:
    same_day = (
        Instalment(number=1, due_date=SIGNED, amount=nok(100)),
        Instalment(number=2, due_date=SIGNED, amount=nok(100)),
    )
    agreement = InstalmentAgreement(total=nok(200), instalments=same_day, signed_on=SIGNED)
    assert [i.due_date for i in agreement.instalments] == [SIGNED, SIGNED]


@pytest.mark.parametrize(
    ("instalments", "error", "message"),
    [
        (
            (
                Instalment(number=1, due_date=SIGNED, amount=nok(100)),
                Instalment(number=2, due_date=date(2026, 2, 15), amount=nok(100)),
                Instalment(number=3, due_date=date(2026, 2, 14), amount=nok(100)),
            ),
            InvalidInput,
            (
                "instalment 3 falls due on 2026-02-14, before instalment 2 (2026-02-15); due dates "
                "must not go backwards"
            ),
        ),
        (
            (Instalment(number=1, due_date=date(2026, 1, 14), amount=nok(300)),),
            InvalidInput,
            (
                "the first instalment falls due on 2026-01-14, before the agreement is signed on "
                "2026-01-15"
            ),
        ),
        (
            (Instalment(number=1, due_date=SIGNED, amount=sek(300)),),
            CurrencyMismatch,
            "expected an amount in NOK, got SEK (instalment 1)",
        ),
        (
            (Instalment(number=2, due_date=SIGNED, amount=nok(300)),),
            InvalidInput,
            "instalments must be numbered 1, 2, ... in order; position 1 has number 2",
        ),
        (("x",), InvalidInput, "instalments must be Instalment, got 'x'"),
    ],
    ids=["backwards", "before signing", "currency", "numbering", "type"],
)
def test_schedule_refusals_name_the_instalment(
    instalments: tuple[object, ...], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        InstalmentAgreement(total=nok(300), instalments=instalments, signed_on=SIGNED)  # type: ignore[arg-type]
    assert type(info.value) is error
    assert str(info.value) == message


# -- the contract term at the deadline -----------------------------------------------------------


def test_contract_term_accelerates_the_day_after_the_deadline() -> None:
    # 3 x 100, 3 days' grace: #2 falls due 15 February, deadline 18 February.
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, grace_days=3)
    first = [pay(nok(100), SIGNED)]
    assert accelerate(plan, first, on=date(2026, 2, 18)) is None
    acceleration = accelerate(plan, first, on=date(2026, 2, 19))
    assert acceleration is not None
    assert (acceleration.amount, acceleration.fell_due_on) == (nok(200), date(2026, 2, 18))
    assert acceleration.missed.number == 2
    assert acceleration.notice_sent_on is None


def test_contract_term_payment_on_the_deadline_is_on_time() -> None:
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, grace_days=3)
    paid = [pay(nok(100), SIGNED), pay(nok(100), date(2026, 2, 18))]
    assert accelerate(plan, paid, on=date(2026, 3, 1)) is None
    # A day late: the remainder (#3, 100) fell due on the deadline, though #2 was paid later.
    late = [pay(nok(100), SIGNED), pay(nok(100), date(2026, 2, 19))]
    acceleration = accelerate(plan, late, on=date(2026, 3, 1))
    assert acceleration is not None
    assert (acceleration.amount, acceleration.fell_due_on) == (nok(100), date(2026, 2, 18))


def test_contract_term_nothing_falls_due_once_everything_is_paid() -> None:
    # #2 paid a day late, but with #3 too: nothing remains.
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=SIGNED, grace_days=3)
    paid = [pay(nok(100), SIGNED), pay(nok(200), date(2026, 2, 19))]
    assert accelerate(plan, paid, on=date(2026, 3, 1)) is None


# -- the one 34 § cure per credit ----------------------------------------------------------------


def test_kkrl_a_second_cured_notice_still_accelerates() -> None:
    # First notice 15 May, cured by 12 June (4 000 paid). Second notice 15 September (#5-#7
    # late, 3 000 > 1 200): overdue then #1-#8 = 8 000, and 8 000 is paid by its end (13
    # October). The cure is used up: 12 000 - 8 000 = 4 000 falls due on 13 October.
    plan = plan_in("SEK")
    paid = [
        pay(sek(1000), date(2026, 1, 15)),
        pay(sek(3000), date(2026, 6, 12)),
        pay(sek(4000), date(2026, 10, 1)),
    ]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 5, 15), date(2026, 9, 15)))
    acceleration = accelerate(plan, paid, on=date(2026, 10, 13), policy=policy)
    assert acceleration is not None
    assert (acceleration.amount, acceleration.fell_due_on) == (sek(4000), date(2026, 10, 13))
    assert acceleration.notice_sent_on == date(2026, 9, 15)


def _new_law_with_cures(cures: int) -> LawBook:
    book = builtin()
    values = {
        "late_months": 1,
        "single_share": "1/10",
        "multiple_share": "1/20",
        "multiple_instalments": 2,
        "notice_days": 28,
        "cures_per_credit": cures,
    }
    for name, value in values.items():
        book = book.extend(
            f"se.consumer_credit.{name}",
            [
                {
                    "valid_from": date(2026, 11, 20),
                    "value": value,
                    "citation": f"caller's reading ({name})",
                    "url": "https://example.org/new-konsumentkreditlag",
                    "confidence": "medium",
                }
            ],
            replace_unknown=True,
        )
    return book


def test_kkrl_number_of_cures_comes_from_the_law_book() -> None:
    # Signed 2026-11-20, #1 paid. Notice 21 February 2027 (#2, #3 late; overdue then #1-#4 =
    # 4 000), 3 000 more paid by its end, 21 March: the overdue amounts are paid.
    plan = plan_in("SEK", date(2026, 11, 20))
    paid = [pay(sek(1000), date(2026, 11, 20)), pay(sek(3000), date(2027, 3, 1))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2027, 2, 21),))
    on = date(2027, 3, 21)
    assert accelerate(plan, paid, on=on, policy=policy, law=_new_law_with_cures(1)) is None
    # With no cure at all the payment does not undo the notice: 12 000 - 4 000 falls due.
    acceleration = accelerate(plan, paid, on=on, policy=policy, law=_new_law_with_cures(0))
    assert acceleration is not None
    assert (acceleration.amount, acceleration.fell_due_on) == (sek(8000), on)
    # With two cures a second cured notice (21 May: #5 (20 Mar) and #6 (20 Apr) late; overdue
    # then #1-#7 = 7 000, paid by 18 June) is undone as well.
    paid2 = [*paid, pay(sek(3000), date(2027, 6, 1))]
    twice = SwedishConsumerCredit(notices_sent_on=(date(2027, 2, 21), date(2027, 5, 21)))
    later = date(2027, 6, 18)
    assert accelerate(plan, paid2, on=later, policy=twice, law=_new_law_with_cures(2)) is None
    once = accelerate(plan, paid2, on=later, policy=twice, law=_new_law_with_cures(1))
    assert once is not None
    assert (once.amount, once.fell_due_on) == (sek(5000), later)


# -- the law book and the business-day calendar a caller passes -----------------------------------


def test_law_argument_is_checked_up_front() -> None:
    message = (
        "law must be an inkassorules.LawBook or None, got 'NO': use inkassorules.builtin() or "
        "builtin().with_file(PATH)"
    )
    plan = plan_in("SEK")
    for call in (
        # (the contract term reads no law: the check is the only one)
        lambda: accelerate(plan, [], on=SIGNED, law="NO"),  # type: ignore[arg-type]
        lambda: consumer_credit_grounds(plan, [], on=SIGNED, law="NO"),  # type: ignore[arg-type]
        lambda: InstalmentAgreement.plan(sek(300), count=3, signed_on=SIGNED, law="NO"),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidInput) as info:
            call()
        assert str(info.value) == message


def test_rolling_uses_the_callers_calendar() -> None:
    # Saturday 31 January 2026 rolls to Monday 2 February under the built-in calendar; a book
    # whose Norwegian calendar starts in 2027 does not cover it.
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=date(2026, 1, 31), roll="NO")
    assert [i.due_date for i in plan.instalments] == [
        date(2026, 2, 2),
        date(2026, 3, 2),
        date(2026, 3, 31),
    ]
    base = builtin()
    table = {
        "name": "no.business_days",
        "title": "Business days (test book)",
        "unit": "record",
        "values": [
            {
                "valid_from": date(2027, 1, 1),
                "value": {"non_business_weekdays": [5, 6], "holiday_categories": ["public"]},
                "citation": "test book",
                "url": "https://example.org/test-book",
            }
        ],
    }
    parameter = parse_parameter(table, path="<test book>")
    book = LawBook({**{n: base.parameter(n) for n in base.names}, "no.business_days": parameter})
    with pytest.raises(NotInForce) as info:
        InstalmentAgreement.plan(
            nok(300), count=3, signed_on=date(2026, 1, 31), roll="NO", law=book
        )
    assert info.value.parameter == "no.business_days"


def test_deadline_needs_an_instalment() -> None:
    with pytest.raises(InvalidInput) as info:
        plan_in("NOK").deadline("x")  # type: ignore[arg-type]
    assert str(info.value) == "deadline needs an Instalment, got 'x'"
