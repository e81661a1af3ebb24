"""Instalment agreements, their status and acceleration (issue 5)."""

from __future__ import annotations

import datetime as dt
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta

from inkassorules.claims import Payment
from inkassorules.errors import CurrencyMismatch, InvalidInput, NotInForce, RuleRefused
from inkassorules.instalments import (
    CONTRACT_TERM,
    MAX_INSTALMENTS,
    Acceleration,
    Instalment,
    InstalmentAgreement,
    SwedishConsumerCredit,
    accelerate,
    consumer_credit_grounds,
)
from inkassorules.law import builtin
from inkassorules.money import Money


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str | int) -> Money:
    return Money.of(amount, "SEK")


def pay(money: Money, on: date) -> Payment:
    return Payment(amount=money, paid_on=on)


# -- plan: amounts ---------------------------------------------------------------------------


def test_worked_example_twelve_instalments_of_10000_from_the_31st():
    # 10 000.00 / 12 = 833.333...: 11 x 833.33 = 9 166.63; the last takes 10 000 - 9 166.63 = 833.37
    plan = InstalmentAgreement.plan(nok(10000), count=12, signed_on=date(2026, 3, 31))
    assert [i.amount for i in plan.instalments] == [nok("833.33")] * 11 + [nok("833.37")]
    assert [i.due_date for i in plan.instalments] == [
        date(2026, 3, 31),  # at signing
        date(2026, 4, 30),
        date(2026, 5, 31),  # back to the 31st: counted from the first due date, not chained
        date(2026, 6, 30),
        date(2026, 7, 31),
        date(2026, 8, 31),
        date(2026, 9, 30),
        date(2026, 10, 31),
        date(2026, 11, 30),
        date(2026, 12, 31),
        date(2027, 1, 31),
        date(2027, 2, 28),
    ]
    assert [i.number for i in plan.instalments] == list(range(1, 13))
    assert Money.total((i.amount for i in plan.instalments), currency="NOK") == nok(10000)
    assert plan.signed_on == date(2026, 3, 31)
    assert plan.fee is None
    assert plan.grace_days == 0


def test_month_end_clipping_from_31_january_is_not_chained():
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=date(2026, 1, 31))
    assert [i.due_date for i in plan.instalments] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]


def test_month_end_clipping_in_a_leap_year():
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=date(2024, 1, 31))
    assert plan.instalments[1].due_date == date(2024, 2, 29)
    assert plan.instalments[2].due_date == date(2024, 3, 31)


def test_remainder_can_go_to_the_first_instalment():
    # 100.00 / 3 = 33.33 x 3 = 99.99; the first takes the extra øre
    plan = InstalmentAgreement.plan(
        nok(100), count=3, signed_on=date(2026, 1, 5), remainder="first"
    )
    assert [i.amount for i in plan.instalments] == [nok("33.34"), nok("33.33"), nok("33.33")]


def test_amount_per_instalment_leaves_a_smaller_last_instalment():
    # 10 000 in 3 000s: 3 000, 3 000, 3 000, 1 000
    plan = InstalmentAgreement.plan(
        nok(10000), amount_per_instalment=nok(3000), signed_on=date(2026, 1, 5)
    )
    assert [i.amount for i in plan.instalments] == [nok(3000)] * 3 + [nok(1000)]


def test_amount_per_instalment_that_divides_evenly():
    plan = InstalmentAgreement.plan(
        nok(9000), amount_per_instalment=nok(3000), signed_on=date(2026, 1, 5)
    )
    assert [i.amount for i in plan.instalments] == [nok(3000)] * 3


def test_amount_per_instalment_above_the_total_gives_one_instalment():
    plan = InstalmentAgreement.plan(
        nok(500), amount_per_instalment=nok(800), signed_on=date(2026, 1, 5)
    )
    assert [i.amount for i in plan.instalments] == [nok(500)]


def test_first_due_after_signing():
    plan = InstalmentAgreement.plan(
        sek(1200),
        count=2,
        signed_on=date(2026, 1, 5),
        first_due=date(2026, 2, 1),
        first_at_signing=False,
        every=relativedelta(weeks=2),
    )
    assert [i.due_date for i in plan.instalments] == [date(2026, 2, 1), date(2026, 2, 15)]


def test_first_due_equal_to_signing_is_accepted_with_first_at_signing():
    plan = InstalmentAgreement.plan(
        nok(200), count=2, signed_on=date(2026, 1, 5), first_due=date(2026, 1, 5)
    )
    assert plan.instalments[0].due_date == date(2026, 1, 5)


# -- plan: rolling onto business days ---------------------------------------------------------


def test_roll_norway_moves_weekend_and_17_may_due_dates():
    # 2026-01-17 is a Saturday -> Monday 19 Jan; 17 May 2026 is a Sunday -> Monday 18 May
    plan = InstalmentAgreement.plan(
        nok(500), count=5, signed_on=date(2026, 1, 17), every=relativedelta(months=4), roll="NO"
    )
    assert [i.due_date for i in plan.instalments] == [
        date(2026, 1, 19),
        date(2026, 5, 18),
        date(2026, 9, 17),  # Thursday
        date(2027, 1, 18),  # 17 Jan 2027 is a Sunday
        date(2027, 5, 18),  # 17 May 2027 is a Monday, a public holiday
    ]


def test_roll_sweden_moves_midsommarafton():
    # midsommarafton 2026 is Friday 19 June -> Monday 22 June
    plan = InstalmentAgreement.plan(
        sek(200),
        count=2,
        signed_on=date(2026, 5, 19),
        first_due=date(2026, 5, 19),
        roll="SE",
    )
    assert plan.instalments[1].due_date == date(2026, 6, 22)


def test_rolled_dates_are_computed_from_the_unrolled_first_due_date():
    # 31 Jan 2026 (Saturday) rolls to 2 Feb; the next date is still 28 Feb (-> Monday 2 March),
    # then 31 March (Tuesday): not 2 March + 1 month.
    plan = InstalmentAgreement.plan(sek(300), count=3, signed_on=date(2026, 1, 31), roll="SE")
    assert [i.due_date for i in plan.instalments] == [
        date(2026, 2, 2),
        date(2026, 3, 2),
        date(2026, 3, 31),
    ]


def test_roll_callable():
    plan = InstalmentAgreement.plan(
        nok(200), count=2, signed_on=date(2026, 1, 5), roll=lambda d: d + dt.timedelta(days=1)
    )
    assert [i.due_date for i in plan.instalments] == [date(2026, 1, 6), date(2026, 2, 6)]


def test_roll_unknown_jurisdiction():
    with pytest.raises(LookupError, match="unknown jurisdiction 'DK'"):
        InstalmentAgreement.plan(nok(200), count=2, signed_on=date(2026, 1, 5), roll="DK")


def test_roll_must_be_callable_or_code():
    with pytest.raises(InvalidInput, match="roll must be"):
        InstalmentAgreement.plan(nok(200), count=2, signed_on=date(2026, 1, 5), roll=3)  # type: ignore[arg-type]


def test_roll_callable_must_return_a_date():
    with pytest.raises(InvalidInput, match="the date returned by roll"):
        InstalmentAgreement.plan(nok(200), count=2, signed_on=date(2026, 1, 5), roll=str)  # type: ignore[arg-type]


def test_roll_backwards_before_signing_is_refused():
    with pytest.raises(InvalidInput, match="before the agreement is signed"):
        InstalmentAgreement.plan(
            nok(200), count=2, signed_on=date(2026, 1, 5), roll=lambda d: d - dt.timedelta(days=3)
        )


# -- plan: nonsense is refused ----------------------------------------------------------------


@pytest.mark.parametrize("count", [0, -1])
def test_count_below_one(count):
    with pytest.raises(InvalidInput, match="count must be at least 1"):
        InstalmentAgreement.plan(nok(100), count=count, signed_on=date(2026, 1, 5))


def test_count_not_an_int():
    with pytest.raises(InvalidInput, match="count must be an int"):
        InstalmentAgreement.plan(nok(100), count=2.0, signed_on=date(2026, 1, 5))  # type: ignore[arg-type]


def test_count_above_the_library_limit():
    InstalmentAgreement.plan(nok(100000), count=MAX_INSTALMENTS, signed_on=date(2026, 1, 5))
    with pytest.raises(InvalidInput, match="limit of 360"):
        InstalmentAgreement.plan(
            nok(100000), count=MAX_INSTALMENTS + 1, signed_on=date(2026, 1, 5)
        )


def test_amount_per_instalment_too_small_for_the_limit():
    with pytest.raises(InvalidInput, match="needs 1000 instalments"):
        InstalmentAgreement.plan(
            nok(1000), amount_per_instalment=nok(1), signed_on=date(2026, 1, 5)
        )


def test_count_larger_than_the_number_of_ore():
    with pytest.raises(InvalidInput, match="at least 0.01"):
        InstalmentAgreement.plan(nok("0.05"), count=6, signed_on=date(2026, 1, 5))


@pytest.mark.parametrize("amount", ["0", "-100"])
def test_amount_per_instalment_not_positive(amount):
    with pytest.raises(InvalidInput, match="amount_per_instalment must be above zero"):
        InstalmentAgreement.plan(
            nok(1000), amount_per_instalment=nok(amount), signed_on=date(2026, 1, 5)
        )


@pytest.mark.parametrize("total", ["0", "-5"])
def test_total_not_positive(total):
    with pytest.raises(InvalidInput, match="total must be above zero"):
        InstalmentAgreement.plan(nok(total), count=2, signed_on=date(2026, 1, 5))


def test_total_with_fractions_of_ore():
    with pytest.raises(InvalidInput, match="whole number of øre"):
        InstalmentAgreement.plan(nok("100.005"), count=2, signed_on=date(2026, 1, 5))


def test_total_must_be_money():
    with pytest.raises(InvalidInput, match="total must be Money"):
        InstalmentAgreement.plan(Decimal(100), count=2, signed_on=date(2026, 1, 5))  # type: ignore[arg-type]


def test_both_or_neither_count_and_amount():
    with pytest.raises(InvalidInput, match="exactly one of count= and amount_per_instalment="):
        InstalmentAgreement.plan(nok(100), signed_on=date(2026, 1, 5))
    with pytest.raises(InvalidInput, match="exactly one of"):
        InstalmentAgreement.plan(
            nok(100), count=2, amount_per_instalment=nok(50), signed_on=date(2026, 1, 5)
        )


def test_remainder_must_be_first_or_last():
    with pytest.raises(InvalidInput, match="remainder must be"):
        InstalmentAgreement.plan(nok(100), count=2, signed_on=date(2026, 1, 5), remainder="middle")  # type: ignore[arg-type]


def test_first_due_before_signing():
    with pytest.raises(InvalidInput, match=r"cannot fall due \(2026-01-04\) before"):
        InstalmentAgreement.plan(
            nok(100),
            count=2,
            signed_on=date(2026, 1, 5),
            first_due=date(2026, 1, 4),
            first_at_signing=False,
        )


def test_first_due_different_from_signing_with_first_at_signing():
    with pytest.raises(InvalidInput, match="first_at_signing=True puts the first instalment"):
        InstalmentAgreement.plan(
            nok(100), count=2, signed_on=date(2026, 1, 5), first_due=date(2026, 2, 1)
        )


def test_first_due_required_without_first_at_signing():
    with pytest.raises(InvalidInput, match="first_due is required"):
        InstalmentAgreement.plan(
            nok(100), count=2, signed_on=date(2026, 1, 5), first_at_signing=False
        )


def test_currency_mismatch_in_amount_per_instalment():
    with pytest.raises(CurrencyMismatch, match="expected an amount in NOK, got SEK"):
        InstalmentAgreement.plan(
            nok(100), amount_per_instalment=sek(50), signed_on=date(2026, 1, 5)
        )


@pytest.mark.parametrize("every", [relativedelta(), relativedelta(months=-1)])
def test_interval_must_move_forward(every):
    with pytest.raises(InvalidInput, match="does not move the due date forward"):
        InstalmentAgreement.plan(nok(100), count=2, signed_on=date(2026, 1, 5), every=every)


def test_interval_must_be_a_relativedelta():
    with pytest.raises(InvalidInput, match="every must be a dateutil relativedelta"):
        InstalmentAgreement.plan(
            nok(100),
            count=2,
            signed_on=date(2026, 1, 5),
            every=dt.timedelta(days=30),  # type: ignore[arg-type]
        )


def test_schedule_past_the_end_of_the_calendar():
    with pytest.raises(InvalidInput, match="instalment 2 would fall due after the last date"):
        InstalmentAgreement.plan(nok(100), count=2, signed_on=date(9999, 12, 15))


def test_signed_on_must_be_a_date():
    with pytest.raises(InvalidInput, match="signed_on must be a datetime.date"):
        InstalmentAgreement.plan(nok(100), count=2, signed_on="2026-01-05")  # type: ignore[arg-type]


def test_fee_is_recorded_not_added():
    plan = InstalmentAgreement.plan(sek(1000), count=4, signed_on=date(2026, 1, 5), fee=sek(170))
    assert plan.fee == sek(170)
    assert plan.total == sek(1000)


def test_fee_currency_and_sign():
    with pytest.raises(CurrencyMismatch, match="the agreement's fee"):
        InstalmentAgreement.plan(sek(1000), count=4, signed_on=date(2026, 1, 5), fee=nok(170))
    with pytest.raises(InvalidInput, match="fee must not be negative"):
        InstalmentAgreement.plan(sek(1000), count=4, signed_on=date(2026, 1, 5), fee=sek(-1))
    with pytest.raises(InvalidInput, match="fee must be Money"):
        InstalmentAgreement.plan(sek(1000), count=4, signed_on=date(2026, 1, 5), fee=170)  # type: ignore[arg-type]


def test_grace_days_must_not_be_negative():
    with pytest.raises(InvalidInput, match="grace_days must be at least 0"):
        InstalmentAgreement.plan(nok(100), count=2, signed_on=date(2026, 1, 5), grace_days=-1)


# -- agreements built by hand -----------------------------------------------------------------


def _instalment(number: int, due: date, amount: Money) -> Instalment:
    return Instalment(number=number, due_date=due, amount=amount)


def test_hand_built_agreement_accepts_a_list():
    agreement = InstalmentAgreement(
        total=nok(300),
        instalments=[
            _instalment(1, date(2026, 1, 5), nok(100)),
            _instalment(2, date(2026, 2, 5), nok(200)),
        ],
        signed_on=date(2026, 1, 5),
    )
    assert isinstance(agreement.instalments, tuple)


def test_hand_built_agreement_must_add_up():
    with pytest.raises(InvalidInput, match=r"add up to 100.00 NOK, not to the total 300.00 NOK"):
        InstalmentAgreement(
            total=nok(300),
            instalments=(_instalment(1, date(2026, 1, 5), nok(100)),),
            signed_on=date(2026, 1, 5),
        )


def test_hand_built_agreement_numbering_and_order():
    with pytest.raises(InvalidInput, match="position 1 has number 2"):
        InstalmentAgreement(
            total=nok(100),
            instalments=(_instalment(2, date(2026, 1, 5), nok(100)),),
            signed_on=date(2026, 1, 5),
        )
    with pytest.raises(InvalidInput, match="due dates must not go backwards"):
        InstalmentAgreement(
            total=nok(200),
            instalments=(
                _instalment(1, date(2026, 2, 5), nok(100)),
                _instalment(2, date(2026, 1, 5), nok(100)),
            ),
            signed_on=date(2026, 1, 5),
        )


def test_hand_built_agreement_empty_too_long_wrong_items():
    with pytest.raises(InvalidInput, match="at least one instalment"):
        InstalmentAgreement(total=nok(100), instalments=(), signed_on=date(2026, 1, 5))
    many = tuple(_instalment(n, date(2026, 1, 5), nok(1)) for n in range(1, MAX_INSTALMENTS + 2))
    with pytest.raises(InvalidInput, match="longer than the library's limit"):
        InstalmentAgreement(
            total=nok(MAX_INSTALMENTS + 1), instalments=many, signed_on=date(2026, 1, 5)
        )
    with pytest.raises(InvalidInput, match="instalments must be Instalment"):
        InstalmentAgreement(total=nok(100), instalments=(nok(100),), signed_on=date(2026, 1, 5))  # type: ignore[arg-type]


def test_hand_built_agreement_currency_mismatch():
    with pytest.raises(CurrencyMismatch, match="instalment 1"):
        InstalmentAgreement(
            total=nok(100),
            instalments=(_instalment(1, date(2026, 1, 5), sek(100)),),
            signed_on=date(2026, 1, 5),
        )


def test_instalment_checks():
    with pytest.raises(InvalidInput, match="number must be at least 1"):
        _instalment(0, date(2026, 1, 5), nok(1))
    with pytest.raises(InvalidInput, match="above zero"):
        _instalment(1, date(2026, 1, 5), nok(0))
    with pytest.raises(InvalidInput, match="due_date must be a datetime.date"):
        _instalment(1, dt.datetime(2026, 1, 5, tzinfo=dt.UTC), nok(1))  # type: ignore[arg-type]


# -- status ----------------------------------------------------------------------------------


def test_status_on_time_partly_paid_and_overdue():
    # 3 x 100 on 15 Jan, 15 Feb, 15 Mar. 150 paid on 15 Jan: instalment 1 in full, 50 of #2.
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=date(2026, 1, 15))
    status = plan.status([pay(nok(150), date(2026, 1, 15))], on=date(2026, 2, 20))
    assert status.paid == nok(150)
    assert status.remaining == nok(150)
    assert status.overdue == nok(50)  # the unpaid half of #2; #3 is not yet due
    assert status.overpaid == nok(0)
    first, second, third = status.instalments
    assert first.paid_on_time
    assert first.settled_on == date(2026, 1, 15)
    assert (second.paid, second.overdue, second.settled_on) == (nok(50), True, None)
    assert (third.paid, third.overdue) == (nok(0), False)
    assert "paid 150.00 NOK, overdue 50.00 NOK, remaining 150.00 NOK" in status.explain()
    assert "finansavtaleloven (2020) § 2-9 (3)" in status.explain()


def test_status_ignores_payments_after_the_day_and_shows_overpayment():
    plan = InstalmentAgreement.plan(sek(300), count=3, signed_on=date(2026, 1, 15))
    payments = [pay(sek(400), date(2026, 1, 20)), pay(sek(50), date(2026, 4, 1))]
    before = plan.status(payments, on=date(2026, 1, 19))
    assert before.paid == sek(0)
    assert before.instalments[0].overdue  # due 15 Jan, nothing paid by 19 Jan
    assert before.instalments[0].settled_on is None
    after = plan.status(payments, on=date(2026, 1, 20))
    assert (after.paid, after.overpaid, after.remaining) == (sek(300), sek(100), sek(0))
    assert not after.instalments[0].paid_on_time  # paid in full on 20 Jan, after 15 Jan
    assert after.instalments[1].paid_on_time
    assert "overpaid 100.00 SEK" in after.explain()
    assert "9 kap. 5 § handelsbalken" in after.explain()


def test_status_on_the_due_date_is_not_overdue():
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=date(2026, 1, 15))
    assert plan.status([], on=date(2026, 1, 15)).overdue == nok(0)
    assert plan.status([], on=date(2026, 1, 16)).overdue == nok(100)


def test_payments_are_checked():
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=date(2026, 1, 15))
    with pytest.raises(InvalidInput, match="before the agreement was signed"):
        plan.status([pay(nok(10), date(2026, 1, 14))], on=date(2026, 2, 1))
    with pytest.raises(CurrencyMismatch, match="a payment"):
        plan.status([pay(sek(10), date(2026, 1, 15))], on=date(2026, 2, 1))
    with pytest.raises(InvalidInput, match="payments must be Payment"):
        plan.status([nok(10)], on=date(2026, 2, 1))  # type: ignore[list-item]
    with pytest.raises(InvalidInput, match="on must be a datetime.date"):
        plan.status([], on="2026-02-01")  # type: ignore[arg-type]


# -- acceleration: the contract term ---------------------------------------------------------


def _worked_example() -> tuple[InstalmentAgreement, list[Payment]]:
    plan = InstalmentAgreement.plan(nok(10000), count=12, signed_on=date(2026, 3, 31))
    paid = [pay(nok("833.33"), date(2026, 3, 31)), pay(nok("833.33"), date(2026, 4, 30))]
    return plan, paid


def test_missed_third_instalment_accelerates_the_remainder():
    # 10 000 - 2 x 833.33 = 8 333.34 falls due; the third instalment was due 31 May 2026
    plan, paid = _worked_example()
    assert accelerate(plan, paid, on=date(2026, 5, 31)) is None  # still the due date
    acceleration = accelerate(plan, paid, on=date(2026, 6, 1))
    assert isinstance(acceleration, Acceleration)
    assert acceleration.amount == nok("8333.34")
    assert acceleration.fell_due_on == date(2026, 5, 31)
    assert acceleration.missed == plan.instalments[2]
    assert acceleration.notice_sent_on is None
    assert acceleration.provisional  # a contract term, not statute
    text = acceleration.explain()
    assert "8333.34 NOK fell due on 2026-05-31: instalment 3" in text
    assert "no statutory acceleration rule found" in text


def test_a_payment_after_acceleration_reduces_the_accelerated_amount():
    # 8 333.34 - 1 000 paid on 10 June = 7 333.34; the date it fell due does not move
    plan, paid = _worked_example()
    later = [*paid, pay(nok(1000), date(2026, 6, 10))]
    acceleration = accelerate(plan, later, on=date(2026, 6, 15))
    assert acceleration is not None
    assert acceleration.amount == nok("7333.34")
    assert acceleration.fell_due_on == date(2026, 5, 31)
    # Same inputs, same answer; the payment not yet made on 9 June does not count.
    assert accelerate(plan, later, on=date(2026, 6, 9)) == accelerate(
        plan, paid, on=date(2026, 6, 9)
    )


def test_paying_the_missed_instalment_late_does_not_undo_the_acceleration():
    plan, paid = _worked_example()
    late = [*paid, pay(nok("833.33"), date(2026, 6, 3))]
    acceleration = accelerate(plan, late, on=date(2026, 6, 5))
    assert acceleration is not None
    assert acceleration.amount == nok("7500.01")  # 10 000 - 3 x 833.33
    assert acceleration.missed.number == 3


def test_fully_paid_agreement_never_accelerates():
    plan, paid = _worked_example()
    assert (
        accelerate(plan, [*paid, pay(nok("8333.34"), date(2026, 6, 20))], on=date(2026, 7, 1))
        is None
    )


def test_paid_on_time_never_accelerates_even_long_after():
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=date(2026, 1, 15))
    payments = [pay(i.amount, i.due_date) for i in plan.instalments]
    assert accelerate(plan, payments, on=date(2030, 1, 1)) is None


def test_prepayment_covers_later_instalments():
    plan = InstalmentAgreement.plan(nok(300), count=3, signed_on=date(2026, 1, 15))
    assert accelerate(plan, [pay(nok(300), date(2026, 1, 15))], on=date(2026, 6, 1)) is None


def test_grace_period_day_before_and_day_of_the_deadline():
    # 3 x 200 from 10 Jan with 7 days' grace: #2 due 10 Feb may be paid until 17 Feb.
    plan = InstalmentAgreement.plan(nok(600), count=3, signed_on=date(2026, 1, 10), grace_days=7)
    first = [pay(nok(200), date(2026, 1, 10))]
    assert accelerate(plan, first, on=date(2026, 2, 17)) is None
    acceleration = accelerate(plan, first, on=date(2026, 2, 18))
    assert acceleration is not None
    assert (acceleration.amount, acceleration.fell_due_on) == (nok(400), date(2026, 2, 17))
    on_last_day = [*first, pay(nok(200), date(2026, 2, 17))]
    assert accelerate(plan, on_last_day, on=date(2026, 3, 1)) is None


def test_missing_the_first_instalment_at_signing():
    plan = InstalmentAgreement.plan(nok(600), count=3, signed_on=date(2026, 1, 10))
    acceleration = accelerate(plan, [], on=date(2026, 1, 11))
    assert acceleration is not None
    assert (acceleration.amount, acceleration.missed.number) == (nok(600), 1)


def test_accelerate_checks_its_arguments():
    plan = InstalmentAgreement.plan(nok(600), count=3, signed_on=date(2026, 1, 10))
    with pytest.raises(InvalidInput, match="policy must be"):
        accelerate(plan, [], on=date(2026, 2, 1), policy="strict")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="agreement must be an InstalmentAgreement"):
        accelerate("plan", [], on=date(2026, 2, 1))  # type: ignore[arg-type]
    assert accelerate(plan, [], on=date(2026, 1, 10), policy=CONTRACT_TERM) is None


# -- acceleration: konsumentkreditlagen 33-34 §§ ----------------------------------------------


def _se_plan(count: int = 12, fee: Money | None = None, signed: date = date(2026, 1, 15)):
    return InstalmentAgreement.plan(sek(12000), count=count, signed_on=signed, fee=fee)


def test_kkrl_values_day_before_and_day_of_the_table_start():
    book = builtin()
    names = [
        "late_months",
        "single_share",
        "multiple_share",
        "multiple_instalments",
        "notice_days",
        "cures_per_credit",
    ]
    # Correction (issue 14 item 8): konsumentkreditlagen (2010:1846) applies from 2011-01-01
    # (lagen.nu: "Ikraft 2011-01-01"), not from 2014-04-10 (the day SFS 2014:201 was issued).
    for name in names:
        with pytest.raises(NotInForce, match="the table starts 2011-01-01"):
            book.at(f"se.consumer_credit.{name}", date(2010, 12, 31))
    values = {n: book.at(f"se.consumer_credit.{n}", date(2011, 1, 1)).value for n in names}
    assert values == {
        "late_months": 1,
        "single_share": Fraction(1, 10),
        "multiple_share": Fraction(1, 20),
        "multiple_instalments": 2,
        "notice_days": 28,
        "cures_per_credit": 1,
    }


def test_kkrl_uses_the_values_of_the_signing_date():
    # Correction (issue 14 item 8): the boundary moved from 2014-04-10 to 2011-01-01.
    too_early = _se_plan(signed=date(2010, 12, 31))
    with pytest.raises(NotInForce, match="se.consumer_credit"):
        consumer_credit_grounds(too_early, [], on=date(2011, 6, 1))
    assert (
        consumer_credit_grounds(_se_plan(signed=date(2011, 1, 1)), [], on=date(2011, 1, 1)) is None
    )
    # Signed on 2014-04-09, the day before SFS 2014:201 was issued: now covered.
    assert (
        consumer_credit_grounds(_se_plan(signed=date(2014, 4, 9)), [], on=date(2014, 6, 1)) is None
    )


def test_kkrl_ground_1_more_than_ten_percent():
    # 12 x 1 000 from 15 Jan 2026, only the first paid. On 16 April, #2 (15 Feb) and #3 (15 Mar)
    # are more than one month late: 2 000 > 10 % of 12 000 = 1 200.
    plan = _se_plan()
    paid = [pay(sek(1000), date(2026, 1, 15))]
    grounds = consumer_credit_grounds(plan, paid, on=date(2026, 4, 16))
    assert grounds is not None
    assert (grounds.point, grounds.late_amount, grounds.threshold) == (1, sek(2000), sek(1200))
    assert [i.number for i in grounds.late_instalments] == [2, 3]
    assert "33 § första stycket 1" in grounds.explain()


def test_kkrl_one_month_is_counted_strictly():
    plan = _se_plan()
    paid = [pay(sek(1000), date(2026, 1, 15))]
    # 15 Feb + 1 month = 15 March: not yet "more than" one month late on 15 March.
    assert consumer_credit_grounds(plan, paid, on=date(2026, 3, 15)) is None
    # On 16 March only #2 is late: 1 000 is not above 1 200, and one instalment is not two.
    assert consumer_credit_grounds(plan, paid, on=date(2026, 3, 16)) is None


def test_kkrl_ground_2_more_than_five_percent_over_two_instalments():
    # 24 x 500: on 16 April #2 and #3 are late: 1 000 > 5 % of 12 000 = 600, two due dates.
    plan = _se_plan(count=24)
    paid = [pay(sek(500), date(2026, 1, 15))]
    grounds = consumer_credit_grounds(plan, paid, on=date(2026, 4, 16))
    assert grounds is not None
    assert (grounds.point, grounds.late_amount, grounds.threshold) == (2, sek(1000), sek(600))


def test_kkrl_exactly_ten_percent_in_one_instalment_is_not_enough():
    # 10 x 1 200: #2 late alone = 1 200, not above 1 200; ground 2 needs two instalments.
    plan = _se_plan(count=10)
    paid = [pay(sek(1200), date(2026, 1, 15))]
    assert consumer_credit_grounds(plan, paid, on=date(2026, 3, 16)) is None


def test_kkrl_fee_counts_in_the_kreditfordran():
    # 24 x 500 with a fee of 8 000: base 20 000, 5 % = 1 000; 1 000 late is not above it.
    plan = _se_plan(count=24, fee=sek(8000))
    paid = [pay(sek(500), date(2026, 1, 15))]
    assert consumer_credit_grounds(plan, paid, on=date(2026, 4, 16)) is None


def test_kkrl_grace_period_delays_lateness():
    plan = InstalmentAgreement.plan(
        sek(12000), count=12, signed_on=date(2026, 1, 15), grace_days=10
    )
    paid = [pay(sek(1000), date(2026, 1, 15))]
    # #3's deadline is 25 March; one month later is 25 April: on 16 April only #2 is late.
    assert consumer_credit_grounds(plan, paid, on=date(2026, 4, 16)) is None


def test_kkrl_needs_a_notice_and_four_weeks():
    plan = _se_plan()
    paid = [pay(sek(1000), date(2026, 1, 15))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    # Without a notice the creditor cannot accelerate, however late.
    assert accelerate(plan, paid, on=date(2026, 6, 1), policy=SwedishConsumerCredit()) is None
    # 16 April + 28 days = 14 May.
    assert accelerate(plan, paid, on=date(2026, 5, 13), policy=policy) is None
    acceleration = accelerate(plan, paid, on=date(2026, 5, 14), policy=policy)
    assert acceleration is not None
    assert acceleration.amount == sek(11000)
    assert acceleration.fell_due_on == date(2026, 5, 14)
    assert acceleration.notice_sent_on == date(2026, 4, 16)
    assert acceleration.missed.number == 2
    assert "34 § konsumentkreditlagen" in acceleration.explain()
    assert "notice sent on 2026-04-16" in acceleration.explain()


def test_kkrl_notice_without_grounds_is_refused():
    plan = _se_plan()
    paid = [pay(sek(1000), date(2026, 1, 15))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 3, 16),))
    with pytest.raises(RuleRefused, match=r"more than 1/10 of the kreditfordran") as info:
        accelerate(plan, paid, on=date(2026, 5, 1), policy=policy)
    assert info.value.rule.startswith("33 § första stycket 1 konsumentkreditlagen")


def test_kkrl_future_notices_are_ignored_and_early_notices_refused():
    plan = _se_plan()
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 9, 1),))
    assert accelerate(plan, [], on=date(2026, 5, 1), policy=policy) is None
    early = SwedishConsumerCredit(notices_sent_on=(date(2026, 1, 1),))
    with pytest.raises(InvalidInput, match="before the agreement was signed"):
        accelerate(plan, [], on=date(2026, 5, 1), policy=early)


def test_kkrl_cure_once_per_credit():
    plan = _se_plan()
    # Notice 16 April: overdue then = #1-#4 (deadlines 15 Jan - 15 Apr) = 4 000; 1 000 paid.
    # The consumer pays 3 000 on 10 May, within the notice period: the acceleration lapses.
    paid = [pay(sek(1000), date(2026, 1, 15)), pay(sek(3000), date(2026, 5, 10))]
    first = SwedishConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    assert accelerate(plan, paid, on=date(2026, 5, 20), policy=first) is None
    # Paid on the last day of the notice period still cures.
    last_day = [pay(sek(1000), date(2026, 1, 15)), pay(sek(3000), date(2026, 5, 14))]
    assert accelerate(plan, last_day, on=date(2026, 5, 20), policy=first) is None
    # Then nothing more: a second notice on 16 Aug (#5-#7 late, 3 000 > 1 200); overdue then
    # = #1-#8 = 8 000, of which 4 000 paid. Paying 4 000 on 1 Sep does not cure again.
    again = [*paid, pay(sek(4000), date(2026, 9, 1))]
    both = SwedishConsumerCredit(notices_sent_on=(date(2026, 4, 16), date(2026, 8, 16)))
    assert accelerate(plan, again, on=date(2026, 9, 12), policy=both) is None  # until 13 Sep
    acceleration = accelerate(plan, again, on=date(2026, 9, 13), policy=both)
    assert acceleration is not None
    assert acceleration.amount == sek(4000)  # 12 000 - 8 000 paid
    assert acceleration.fell_due_on == date(2026, 9, 13)
    assert acceleration.notice_sent_on == date(2026, 8, 16)


def test_kkrl_paying_too_little_does_not_cure():
    plan = _se_plan()
    paid = [pay(sek(1000), date(2026, 1, 15)), pay(sek("2999.99"), date(2026, 5, 10))]
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    acceleration = accelerate(plan, paid, on=date(2026, 5, 14), policy=policy)
    assert acceleration is not None
    assert acceleration.amount == sek("8000.01")


def test_kkrl_applies_to_sek_agreements_only():
    plan = InstalmentAgreement.plan(nok(1200), count=12, signed_on=date(2026, 1, 15))
    with pytest.raises(InvalidInput, match="applies to SEK agreements"):
        accelerate(plan, [], on=date(2026, 6, 1), policy=SwedishConsumerCredit())


def test_kkrl_policy_notices_are_dates_and_sorted():
    policy = SwedishConsumerCredit(notices_sent_on=[date(2026, 8, 1), date(2026, 4, 1)])  # type: ignore[arg-type]
    assert policy.notices_sent_on == (date(2026, 4, 1), date(2026, 8, 1))
    with pytest.raises(InvalidInput, match="notices_sent_on"):
        SwedishConsumerCredit(notices_sent_on=("2026-04-01",))  # type: ignore[arg-type]


def test_kkrl_fully_paid_after_the_notice_is_not_accelerated():
    plan = _se_plan()
    paid = [pay(sek(1000), date(2026, 1, 15)), pay(sek(11000), date(2026, 6, 1))]
    # paid in full after the notice period, without a cure in time: nothing remains.
    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 4, 16),))
    assert accelerate(plan, paid, on=date(2026, 6, 2), policy=policy) is None
