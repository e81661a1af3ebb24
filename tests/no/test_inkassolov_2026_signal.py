"""Issue 14 item 10: from 2027-01-01, the day the new inkassolov (LOV-2026-05-22-19) is signalled
to enter into force, results under the old act carry a citation saying the new act may be in force.
"""

from __future__ import annotations

from datetime import date

from inkassorules import no

SIGNAL = "inkassoloven (LOV-2026-05-22-19) may be in force"


def signalled(basis: tuple[object, ...]) -> bool:
    return any(str(getattr(c, "rule", "")).startswith(SIGNAL) for c in basis)


def test_fee_caps_carry_the_signal_from_the_signalled_day() -> None:
    before = no.reminder_fee_cap(sent_on=date(2026, 12, 31), due_date=date(2026, 12, 14))
    on_the_day = no.reminder_fee_cap(sent_on=date(2027, 1, 1), due_date=date(2026, 12, 14))
    assert not signalled(before.basis)
    assert signalled(on_the_day.basis)
    assert on_the_day.provisional
    # the amount is the old act's (1/20 of the inkassosats), not changed by the signal
    assert on_the_day.amount == before.amount
    notice = no.collection_notice_fee_cap(sent_on=date(2027, 1, 1), due_date=date(2026, 12, 14))
    assert signalled(notice.basis)


def test_deadlines_carry_the_signal_from_the_signalled_day() -> None:
    assert not signalled(no.collection_notice_deadline(sent_on=date(2026, 12, 31)).basis)
    assert signalled(no.collection_notice_deadline(sent_on=date(2027, 1, 1)).basis)
    assert signalled(no.collection_demand_deadline(sent_on=date(2027, 1, 1)).basis)
