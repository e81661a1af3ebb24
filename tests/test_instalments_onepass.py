"""The one-pass instalment ledger against a straightforward reference (issue 17 item 4).

``InstalmentAgreement.status`` and ``accelerate`` used to rescan every payment for every
instalment. They now run one sorted merge over instalments and payments. These properties
check that nothing changed: the status against a plain reference written here from the rules
(oldest instalment first), and every acceleration policy run on the library's ledger against
the same policies run on a reference ledger that rescans the payments each time.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inkassorules import instalments
from inkassorules.claims import Payment
from inkassorules.errors import InkassoError
from inkassorules.instalments import (
    CONTRACT_TERM,
    AgreementStatus,
    InstalmentAgreement,
    InstalmentStatus,
    NorwegianConsumerCredit,
    SwedishConsumerCredit,
    accelerate,
    consumer_credit_grounds,
)
from inkassorules.money import Money

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from inkassorules.instalments import Instalment

ONE_DAY = dt.timedelta(days=1)
LIBRARY_LEDGER = instalments._Ledger


def _total(amounts: Iterable[Money], currency: str) -> Money:
    return Money.total(amounts, currency=currency)


def reference_status(
    agreement: InstalmentAgreement, payments: list[Payment], on: dt.date
) -> AgreementStatus:
    """The status by the rules, instalment by instalment, rescanning the payments each time."""
    currency = agreement.currency
    zero = Money.zero(currency)
    in_order = sorted(payments, key=lambda p: p.paid_on)
    paid_by_on = _total((p.amount for p in in_order if p.paid_on <= on), currency)
    rows = []
    overdue = zero
    for index, instalment in enumerate(agreement.instalments):
        before = _total((i.amount for i in agreement.instalments[:index]), currency)
        through = before + instalment.amount
        share = min(max(paid_by_on - before, zero), instalment.amount)
        settled = None
        for count in range(1, len(in_order) + 1):
            if _total((p.amount for p in in_order[:count]), currency) >= through:
                settled = in_order[count - 1].paid_on
                break
        if settled is not None and settled > on:
            settled = None
        deadline = instalment.due_date + dt.timedelta(days=agreement.grace_days)
        late = deadline < on and settled is None
        if late:
            overdue += instalment.amount - share
        rows.append(
            InstalmentStatus(
                instalment=instalment,
                deadline=deadline,
                paid=share,
                settled_on=settled,
                overdue=late,
            )
        )
    applied = min(paid_by_on, agreement.total)
    return AgreementStatus(
        on=on,
        paid=applied,
        overpaid=paid_by_on - applied,
        remaining=agreement.total - applied,
        overdue=overdue,
        instalments=tuple(rows),
        basis=agreement.status((), on=on).basis,
    )


class ReferenceLedger(NamedTuple):
    """The ledger's questions answered by rescanning every payment (O(instalments x payments))."""

    agreement: InstalmentAgreement
    payments: tuple[Payment, ...]

    @classmethod
    def of(cls, agreement: InstalmentAgreement, payments: Iterable[Payment]) -> ReferenceLedger:
        # The library's checks, by the library's own ledger (their errors are not in question).
        checked = LIBRARY_LEDGER.of(agreement, payments)
        return cls(agreement, checked.payments)

    def paid_by(self, day: dt.date) -> Money:
        return _total(
            (p.amount for p in self.payments if p.paid_on <= day), self.agreement.currency
        )

    def applied(self, day: dt.date) -> Money:
        return min(self.paid_by(day), self.agreement.total)

    def before(self, index: int) -> Money:
        return _total(
            (i.amount for i in self.agreement.instalments[:index]), self.agreement.currency
        )

    def paid_towards(self, index: int, day: dt.date) -> Money:
        zero = Money.zero(self.agreement.currency)
        amount = self.agreement.instalments[index].amount
        return min(max(self.paid_by(day) - self.before(index), zero), amount)

    def settled_on(self, index: int) -> dt.date | None:
        through = self.before(index + 1)
        for count in range(1, len(self.payments) + 1):
            if (
                _total((p.amount for p in self.payments[:count]), self.agreement.currency)
                >= through
            ):
                return self.payments[count - 1].paid_on
        return None

    def first_missed(self, day: dt.date) -> Instalment | None:
        for index, instalment in enumerate(self.agreement.instalments):
            deadline = self.agreement.deadline(instalment)
            if deadline >= day:
                return None
            settled = self.settled_on(index)
            if settled is None or settled > deadline:
                return instalment
        return None


def outcome(call: Callable[[], object]) -> tuple[Any, ...]:
    """The answer, or the library error's type and message."""
    try:
        return ("answer", call())
    except InkassoError as error:
        return ("refused", type(error), str(error))


@st.composite
def agreements(draw: st.DrawFn) -> tuple[InstalmentAgreement, list[Payment], dt.date]:
    currency = draw(st.sampled_from(["NOK", "SEK"]))
    count = draw(st.integers(1, 30))
    minor = draw(st.integers(count, 2_000_000))
    signed_on = dt.date(2012, 1, 1) + dt.timedelta(days=draw(st.integers(0, 5000)))
    agreement = InstalmentAgreement.plan(
        Money.of(Decimal(minor).scaleb(-2), currency),
        count=count,
        signed_on=signed_on,
        grace_days=draw(st.sampled_from([0, 0, 3, 14])),
        remainder=draw(st.sampled_from(["first", "last"])),
    )
    span = count * 31 + 120
    share = max(1, minor // count)
    payments = [
        Payment(
            amount=Money.of(Decimal(draw(st.integers(1, 3 * share))).scaleb(-2), currency),
            paid_on=signed_on + dt.timedelta(days=draw(st.integers(0, span))),
        )
        for _ in range(draw(st.integers(0, 25)))
    ]
    on = signed_on + dt.timedelta(days=draw(st.integers(0, span + 60)))
    return agreement, payments, on


@given(agreements())
def test_status_equals_the_reference(
    case: tuple[InstalmentAgreement, list[Payment], dt.date],
) -> None:
    agreement, payments, on = case
    assert agreement.status(payments, on=on) == reference_status(agreement, payments, on)


@given(agreements(), st.lists(st.integers(0, 1200), max_size=3), st.data())
def test_acceleration_equals_the_reference(
    case: tuple[InstalmentAgreement, list[Payment], dt.date],
    notices: list[int],
    data: st.DataObject,
) -> None:
    agreement, payments, on = case
    days = [agreement.signed_on + dt.timedelta(days=n) for n in notices]
    unpaid = data.draw(st.lists(st.sampled_from(days), unique=True) if days else st.just([]))
    policies: list[Any] = [
        CONTRACT_TERM,
        SwedishConsumerCredit(notices_sent_on=days, late_interest_unpaid=unpaid),
        NorwegianConsumerCredit(notices_sent_on=days),
    ]

    def answers() -> list[tuple[Any, ...]]:
        found = [
            outcome(lambda p=p: accelerate(agreement, payments, on=on, policy=p)) for p in policies
        ]
        found.append(outcome(lambda: consumer_credit_grounds(agreement, payments, on=on)))
        return found

    one_pass = answers()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(instalments, "_Ledger", ReferenceLedger)
        rescanned = answers()
    assert one_pass == rescanned


def test_a_long_agreement_is_the_reference_too() -> None:
    """360 instalments and 120 payments (the size whose cost issue 17 item 4 measured)."""
    agreement = InstalmentAgreement.plan(
        Money.of("360000", "NOK"), count=360, signed_on=dt.date(2020, 1, 15), grace_days=3
    )
    payments = [
        Payment(amount=Money.of("1000", "NOK"), paid_on=dt.date(2020, 1, 15) + k * 30 * ONE_DAY)
        for k in range(120)
    ]
    on = dt.date(2031, 1, 1)
    assert agreement.status(payments, on=on) == reference_status(agreement, payments, on)
    found = accelerate(agreement, payments, on=on)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(instalments, "_Ledger", ReferenceLedger)
        assert accelerate(agreement, payments, on=on) == found
    assert found is not None
    assert found.missed.number == 121  # the first instalment no payment reaches
