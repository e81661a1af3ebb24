"""Tests of inkassorules.no.fees: purregebyr, inkassovarsel, betalingsoppfordring, salær,
standardkompensasjon and the dates they depend on (shared/domain/norway.md §§ 1-4, 6, 10, 11)."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules.claims import DebtorKind
from inkassorules.errors import DataFileError, InvalidInput, NotInForce, RateNotPublished
from inkassorules.fees import FeeCap
from inkassorules.law import builtin
from inkassorules.money import WHOLE_UNIT, Money
from inkassorules.no.calendar import roll_forward
from inkassorules.no.fees import (
    FEE_LETTER_KINDS,
    FeeLetter,
    LegalDate,
    collection_demand_deadline,
    collection_demand_fee_cap,
    collection_fee_cap,
    collection_notice_deadline,
    collection_notice_fee_cap,
    earliest_fee_date,
    heavy_collection_fee_from,
    legal_collection_deadline,
    reminder_fee_cap,
    standard_compensation,
)
from inkassorules.no.inkassosats import inkassosats
from inkassorules.steps import StepKind

if TYPE_CHECKING:
    from collections.abc import Callable

CASES = Path(__file__).resolve().parents[1] / "cases" / "no_fees.toml"
DAY = timedelta(days=1)


def nok(amount: str | int | Decimal) -> Money:
    return Money.of(amount, "NOK")


def reminder(sent_on: date, deadline: date | None = None, *, fee: bool = True) -> FeeLetter:
    return FeeLetter(kind=StepKind.REMINDER, sent_on=sent_on, deadline=deadline, fee_charged=fee)


def notice(sent_on: date, deadline: date | None = None, *, fee: bool = True) -> FeeLetter:
    return FeeLetter(
        kind=StepKind.COLLECTION_NOTICE, sent_on=sent_on, deadline=deadline, fee_charged=fee
    )


def demand(sent_on: date, deadline: date | None = None) -> FeeLetter:
    return FeeLetter(kind=StepKind.COLLECTION_DEMAND, sent_on=sent_on, deadline=deadline)


def salaer(**overrides: Any) -> FeeCap:
    args: dict[str, Any] = {
        "principal": nok(8000),
        "due_date": date(2026, 1, 15),
        "paid_on": date(2026, 3, 1),
        "debtor_kind": DebtorKind.CONSUMER,
        "demand_deadline": date(2026, 2, 20),
    }
    args.update(overrides)
    return collection_fee_cap(**args)


# -- golden cases ---------------------------------------------------------------------------------

FUNCTIONS: dict[str, Callable[..., FeeCap]] = {
    "reminder_fee_cap": reminder_fee_cap,
    "collection_notice_fee_cap": collection_notice_fee_cap,
    "collection_demand_fee_cap": collection_demand_fee_cap,
    "collection_fee_cap": collection_fee_cap,
    "standard_compensation": standard_compensation,
}
MONEY_ARGS = {"principal", "interest_before_due", "fees_already_charged"}


def _convert(key: str, value: Any) -> Any:
    if key in MONEY_ARGS:
        return nok(value)
    if key == "debtor_kind":
        return DebtorKind(value)
    if key == "earlier_letters":
        return [
            FeeLetter(
                kind=StepKind(raw["kind"]), sent_on=raw["sent_on"], deadline=raw.get("deadline")
            )
            for raw in value
        ]
    return value


def _golden_cases() -> list[dict[str, Any]]:
    with CASES.open("rb") as handle:
        cases: list[dict[str, Any]] = tomllib.load(handle)["cases"]
    return cases


@pytest.mark.parametrize("case", _golden_cases(), ids=lambda case: case["id"])
def test_golden_case(case: dict[str, Any]) -> None:
    assert case["source"]
    assert case["arithmetic"]
    args = {key: _convert(key, value) for key, value in case["args"].items()}
    result = FUNCTIONS[case["function"]](**args)
    assert result.amount == nok(case["expected"]), result.explain()
    if result.amount.is_zero:
        assert result.reasons


def test_golden_file_covers_every_cost_function() -> None:
    assert {case["function"] for case in _golden_cases()} == set(FUNCTIONS)


# -- purregebyr: the day before and the day of every change -------------------------------------


def test_reminder_fee_2025_12_31_uses_sats_700() -> None:
    cap = reminder_fee_cap(sent_on=date(2025, 12, 31), due_date=date(2025, 12, 1))
    assert cap.amount == nok(35)
    assert not cap.provisional


def test_reminder_fee_2026_01_01_uses_sats_750_rounded_to_whole_krone() -> None:
    cap = reminder_fee_cap(sent_on=date(2026, 1, 1), due_date=date(2025, 12, 1))
    assert cap.amount == nok(38)
    assert cap.provisional  # the 2026 rounding sentence is medium confidence
    assert any(c.parameter == "no.fees.letter_fee_rounding" for c in cap.basis)


def test_reminder_fee_fraction_changes_with_due_date_2020_10_01() -> None:
    before = reminder_fee_cap(sent_on=date(2020, 10, 20), due_date=date(2020, 9, 30))
    on = reminder_fee_cap(sent_on=date(2020, 10, 20), due_date=date(2020, 10, 1))
    assert before.amount == nok(70)
    assert on.amount == nok(35)
    # The due-date transition is medium confidence and cited only where it decides the amount.
    assert before.provisional
    assert not on.provisional


def test_reminder_fee_sent_before_reform_for_claim_due_before_reform() -> None:
    cap = reminder_fee_cap(sent_on=date(2020, 9, 30), due_date=date(2020, 9, 1))
    assert cap.amount == nok(70)
    assert not cap.provisional


def test_reminder_fee_old_claim_with_2026_sats_keeps_one_tenth() -> None:
    # 750 x 1/10 = 75: claims falling due before 2020-10-01 keep the 1/10 fraction.
    cap = reminder_fee_cap(sent_on=date(2026, 2, 1), due_date=date(2020, 9, 1))
    assert cap.amount == nok(75)


def test_inkassosats_2014_is_not_found() -> None:
    with pytest.raises(NotInForce, match="no.inkassosats"):
        reminder_fee_cap(sent_on=date(2014, 6, 20), due_date=date(2014, 6, 1))


def test_inkassosats_2013_12_31_known_2014_01_01_not() -> None:
    assert reminder_fee_cap(sent_on=date(2013, 12, 31), due_date=date(2013, 12, 1)).amount == nok(
        63
    )
    with pytest.raises(NotInForce):
        reminder_fee_cap(sent_on=date(2014, 1, 1), due_date=date(2013, 12, 1))


def test_reminder_fee_due_date_before_sats_era_raises() -> None:
    with pytest.raises(NotInForce, match="no.fees"):
        reminder_fee_cap(sent_on=date(2016, 6, 1), due_date=date(2002, 2, 28))


# -- the 14-day rule ------------------------------------------------------------------------------


def test_reminder_day_13_after_due_has_no_fee_day_14_has() -> None:
    due = date(2026, 3, 2)
    early = reminder_fee_cap(sent_on=due + 13 * DAY, due_date=due)
    assert early.amount.is_zero
    assert not early.allowed
    assert "earliest fee-bearing day is 2026-03-16" in early.reasons[0]
    assert reminder_fee_cap(sent_on=due + 14 * DAY, due_date=due).amount == nok(38)


def test_collection_notice_day_13_has_no_fee() -> None:
    due = date(2026, 3, 2)
    assert collection_notice_fee_cap(sent_on=due + 13 * DAY, due_date=due).amount.is_zero
    assert collection_notice_fee_cap(sent_on=due + 14 * DAY, due_date=due).amount == nok(38)


def test_earliest_fee_date() -> None:
    result = earliest_fee_date(due_date=date(2026, 3, 2))
    assert isinstance(result, LegalDate)
    assert result.day == date(2026, 3, 16)
    assert "inkassoforskriften § 1-2" in result.explain()


# -- inkassoforskriften § 1-3: the two 1/20 letters -------------------------------------------------

DUE = date(2026, 3, 2)
FIRST = reminder(date(2026, 3, 16), deadline=date(2026, 3, 30))


def test_second_reminder_after_missed_14_day_deadline() -> None:
    cap = reminder_fee_cap(sent_on=date(2026, 3, 31), due_date=DUE, earlier_letters=[FIRST])
    assert cap.amount == nok(38)


def test_second_reminder_on_the_deadline_day_has_no_fee() -> None:
    cap = reminder_fee_cap(sent_on=date(2026, 3, 30), due_date=DUE, earlier_letters=[FIRST])
    assert cap.amount.is_zero
    assert "had not run out" in cap.reasons[0]


def test_second_reminder_needs_a_deadline_in_the_first() -> None:
    cap = reminder_fee_cap(
        sent_on=date(2026, 4, 30), due_date=DUE, earlier_letters=[reminder(date(2026, 3, 16))]
    )
    assert cap.amount.is_zero
    assert "set no payment deadline" in cap.reasons[0]


def test_second_reminder_needs_a_deadline_of_14_days() -> None:
    short = reminder(date(2026, 3, 16), deadline=date(2026, 3, 29))  # 13 days
    cap = reminder_fee_cap(sent_on=date(2026, 4, 30), due_date=DUE, earlier_letters=[short])
    assert cap.amount.is_zero
    assert "shorter than 14 days" in cap.reasons[0]


def test_notice_after_fee_bearing_reminder() -> None:
    cap = collection_notice_fee_cap(
        sent_on=date(2026, 3, 31), due_date=DUE, earlier_letters=[FIRST]
    )
    assert cap.amount == nok(38)


def test_third_small_fee_letter_is_refused() -> None:
    second = reminder(date(2026, 3, 31), deadline=date(2026, 4, 14))
    cap = collection_notice_fee_cap(
        sent_on=date(2026, 4, 20), due_date=DUE, earlier_letters=[FIRST, second]
    )
    assert cap.amount.is_zero
    assert "at most 2" in cap.reasons[0]


def test_reminder_after_fee_bearing_notice_is_refused() -> None:
    first = notice(date(2026, 3, 16), deadline=date(2026, 3, 30))
    cap = reminder_fee_cap(sent_on=date(2026, 4, 1), due_date=DUE, earlier_letters=[first])
    assert cap.amount.is_zero
    assert "may only follow a purring" in cap.reasons[0]


def test_letters_without_fee_do_not_count() -> None:
    free = reminder(date(2026, 3, 3), deadline=date(2026, 3, 17), fee=False)
    cap = reminder_fee_cap(sent_on=date(2026, 3, 18), due_date=DUE, earlier_letters=[free])
    assert cap.amount == nok(38)


def test_reminder_after_demand_is_refused() -> None:
    cap = reminder_fee_cap(
        sent_on=date(2026, 5, 1),
        due_date=DUE,
        earlier_letters=[FIRST, demand(date(2026, 3, 31), date(2026, 4, 14))],
    )
    assert cap.amount.is_zero
    assert "betalingsoppfordring was already sent" in cap.reasons[0]


def test_earlier_letter_sent_after_this_one_is_invalid() -> None:
    with pytest.raises(InvalidInput, match="after this letter"):
        reminder_fee_cap(
            sent_on=date(2026, 3, 20),
            due_date=DUE,
            earlier_letters=[FIRST, reminder(date(2026, 3, 21))],
        )


def test_earlier_letter_before_due_date_is_invalid() -> None:
    with pytest.raises(InvalidInput, match="before the due date"):
        reminder_fee_cap(
            sent_on=date(2026, 3, 20), due_date=DUE, earlier_letters=[reminder(date(2026, 3, 1))]
        )


def test_salaer_demand_deadline_must_follow_due_date() -> None:
    with pytest.raises(InvalidInput, match="must be after the due date"):
        salaer(demand_deadline=date(2026, 1, 15))


def test_letter_deadline_before_sending_is_invalid() -> None:
    with pytest.raises(InvalidInput, match="before its sent_on"):
        reminder(date(2026, 3, 20), deadline=date(2026, 3, 19))


# -- betalingsoppfordring (creditor's own) --------------------------------------------------------


def test_demand_without_earlier_letter_has_no_fee() -> None:
    cap = collection_demand_fee_cap(sent_on=date(2026, 4, 1), due_date=DUE)
    assert cap.amount.is_zero
    assert "missed a deadline of at least 14 days" in cap.reasons[0]


def test_demand_on_the_deadline_day_has_no_fee() -> None:
    cap = collection_demand_fee_cap(
        sent_on=date(2026, 3, 30), due_date=DUE, earlier_letters=[FIRST]
    )
    assert cap.amount.is_zero


def test_demand_day_after_deadline() -> None:
    cap = collection_demand_fee_cap(
        sent_on=date(2026, 3, 31), due_date=DUE, earlier_letters=[FIRST]
    )
    assert cap.amount == nok(113)


def test_demand_after_fee_free_reminder_with_missed_deadline() -> None:
    free = reminder(date(2026, 3, 3), deadline=date(2026, 3, 17), fee=False)
    cap = collection_demand_fee_cap(
        sent_on=date(2026, 3, 18), due_date=DUE, earlier_letters=[free]
    )
    assert cap.amount == nok(113)


def test_second_demand_is_refused() -> None:
    cap = collection_demand_fee_cap(
        sent_on=date(2026, 5, 1),
        due_date=DUE,
        earlier_letters=[FIRST, demand(date(2026, 3, 31), date(2026, 4, 14))],
    )
    assert cap.amount.is_zero
    assert "at most 1" in cap.reasons[0]


def test_demand_fraction_changes_with_due_date_2020_10_01() -> None:
    letters = [reminder(date(2020, 10, 15), deadline=date(2020, 10, 29))]
    before = collection_demand_fee_cap(
        sent_on=date(2020, 11, 2), due_date=date(2020, 9, 30), earlier_letters=letters
    )
    on = collection_demand_fee_cap(
        sent_on=date(2020, 11, 2), due_date=date(2020, 10, 1), earlier_letters=letters
    )
    assert before.amount == nok(210)
    assert on.amount == nok(105)


def test_demand_2025_12_31_and_2026_01_01() -> None:
    letters = [reminder(date(2025, 12, 1), deadline=date(2025, 12, 15))]
    due = date(2025, 11, 1)
    assert collection_demand_fee_cap(
        sent_on=date(2025, 12, 31), due_date=due, earlier_letters=letters
    ).amount == nok(105)
    assert collection_demand_fee_cap(
        sent_on=date(2026, 1, 1), due_date=due, earlier_letters=letters
    ).amount == nok(113)


# -- disputed claims (inkassoloven § 17 annet ledd) ---------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: reminder_fee_cap(
            sent_on=date(2026, 3, 20), due_date=DUE, reasonably_disputed=True
        ),
        lambda: collection_notice_fee_cap(
            sent_on=date(2026, 3, 20), due_date=DUE, reasonably_disputed=True
        ),
        lambda: collection_demand_fee_cap(
            sent_on=date(2026, 3, 31),
            due_date=DUE,
            earlier_letters=[FIRST],
            reasonably_disputed=True,
        ),
        lambda: salaer(reasonably_disputed=True),
        lambda: standard_compensation(
            due_date=DUE,
            debtor_kind=DebtorKind.BUSINESS,
            figure_date=DUE,
            reasonably_disputed=True,
        ),
    ],
    ids=["reminder", "notice", "demand", "salaer", "standard_compensation"],
)
def test_reasonably_disputed_claim_has_no_costs(call: Any) -> None:
    cap = call()
    assert cap.amount.is_zero
    assert "inkassoloven § 17 annet ledd" in cap.reasons[0]
    assert any("§ 17" in c.rule for c in cap.basis)


# -- salær (inkassoforskriften kapittel 2) --------------------------------------------------------


def test_salaer_before_2010_is_not_found() -> None:
    with pytest.raises(NotInForce, match="no.fees.collection_fee_table"):
        salaer(
            due_date=date(2009, 12, 31), paid_on=date(2010, 6, 1), demand_deadline=date(2010, 3, 1)
        )


def test_salaer_table_2010_01_01() -> None:
    # 2010 table, lett 1 x sats 600 (2010) for 8 000 kr.
    cap = salaer(
        due_date=date(2010, 1, 1), paid_on=date(2010, 3, 1), demand_deadline=date(2010, 2, 20)
    )
    assert cap.amount == nok(600)


def test_salaer_table_changes_with_due_date_2020_10_01() -> None:
    common = {"paid_on": date(2020, 11, 20), "demand_deadline": date(2020, 11, 10)}
    assert salaer(due_date=date(2020, 9, 30), **common).amount == nok(700)  # 1 x 700
    assert salaer(due_date=date(2020, 10, 1), **common).amount == nok(560)  # 0.8 x 700


def test_salaer_sats_on_the_payment_day_2025_12_31_and_2026_01_01() -> None:
    common = {"due_date": date(2025, 11, 1), "demand_deadline": date(2025, 12, 20)}
    assert salaer(paid_on=date(2025, 12, 31), **common).amount == nok(560)
    assert salaer(paid_on=date(2026, 1, 1), **common).amount == nok(600)


def test_salaer_tung_from_the_29th_day_after_the_deadline() -> None:
    deadline = date(2026, 2, 20)
    assert salaer(paid_on=deadline + 28 * DAY).amount == nok(600)
    assert salaer(paid_on=deadline + 29 * DAY).amount == nok(1200)
    assert heavy_collection_fee_from(demand_deadline=deadline).day == deadline + 29 * DAY


def test_tung_is_day_43_after_sending() -> None:
    sent = date(2026, 4, 2)
    deadline = collection_demand_deadline(sent_on=sent).day
    assert heavy_collection_fee_from(demand_deadline=deadline).day == sent + 43 * DAY


def test_heavy_fee_trigger_before_2010_is_not_found() -> None:
    assert heavy_collection_fee_from(demand_deadline=date(2010, 1, 1)).day == date(2010, 1, 30)
    with pytest.raises(NotInForce, match="no.fees.heavy_fee_days"):
        heavy_collection_fee_from(demand_deadline=date(2009, 12, 31))


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        ("500", "187.50"),
        ("500.01", "262.50"),
        ("1000", "262.50"),
        ("1000.01", "300"),
        ("2500", "300"),
        ("2500.01", "600"),
        ("10000", "600"),
        ("10000.01", "1200"),
        ("50000", "1200"),
        ("50000.01", "2700"),
        ("250000", "2700"),
        ("250000.01", "5400"),
    ],
)
def test_salaer_2026_band_edges(principal: str, expected: str) -> None:
    assert salaer(principal=nok(principal)).amount == nok(expected)


def test_salaer_band_counts_interest_before_due() -> None:
    cap = salaer(principal=nok(9900), interest_before_due=nok(200))
    assert cap.amount == nok(1200)  # 10 100 kr is in the 10 001-50 000 band: 1.6 x 750


def test_salaer_public_body_is_outside_consumer_relations() -> None:
    assert salaer(debtor_kind=DebtorKind.PUBLIC_BODY).amount == nok(900)  # 600 x 1.5


def test_salaer_business_without_vat_deduction_rounds_once_to_ore() -> None:
    # 0.35 x 750 = 262.50; x 1.5 = 393.75; + 25 % = 492.1875 -> 492.18 (rounded down: a cap
    # is never overstated)
    cap = salaer(principal=nok(800), debtor_kind=DebtorKind.BUSINESS, creditor_deducts_vat=False)
    assert cap.amount == nok("492.18")


def test_salaer_four_instalments_no_uplift_five_uplift() -> None:
    assert salaer(instalments=4).amount == nok(600)
    assert salaer(instalments=5).amount == nok(1725)
    assert salaer(instalments=5).provisional


def test_salaer_instalment_uplift_2016_12_31_not_found_2017_01_01_known() -> None:
    with pytest.raises(NotInForce, match="no.fees.instalment_uplift"):
        salaer(
            due_date=date(2016, 6, 1),
            paid_on=date(2016, 12, 31),
            demand_deadline=date(2016, 8, 1),
            instalments=6,
        )
    # 2010 table, lett 1 x 700 + 1.5 x 700 = 1 750
    cap = salaer(
        due_date=date(2016, 6, 1),
        paid_on=date(2017, 1, 1),
        demand_deadline=date(2016, 12, 10),
        instalments=6,
    )
    assert cap.amount == nok(1750)


def test_salaer_fees_already_charged_never_below_zero() -> None:
    cap = salaer(principal=nok(400), fees_already_charged=nok(500))
    assert cap.amount.is_zero
    assert "use up the whole" in cap.reasons[-1]


def test_salaer_rejects_other_currency_and_float() -> None:
    with pytest.raises(InvalidInput):
        salaer(principal=Money.of(8000, "SEK"))
    with pytest.raises(InvalidInput):
        salaer(instalments=-1)
    with pytest.raises(InvalidInput):
        salaer(debtor_kind="consumer")


# -- standardkompensasjon (FRL § 3a) --------------------------------------------------------------

# Hand-copied from shared/domain/norway.md § 6 (None = NOT FOUND).
STANDARD_COMPENSATION = [
    (date(2013, 3, 16), None),
    (date(2013, 7, 1), 300),
    (date(2014, 1, 1), 320),
    (date(2014, 7, 1), None),
    (date(2015, 1, 1), None),
    (date(2015, 7, 1), 330),
    (date(2016, 1, 1), 370),
    (date(2016, 7, 1), 370),
    (date(2017, 1, 1), 360),
    (date(2017, 7, 1), None),
    (date(2018, 1, 1), 380),
    (date(2018, 7, 1), 380),
    (date(2019, 1, 1), 380),
    (date(2019, 7, 1), 390),
    (date(2020, 1, 1), 400),
    (date(2020, 7, 1), 430),
    (date(2021, 1, 1), 400),
    (date(2021, 7, 1), 400),
    (date(2022, 1, 1), 390),
    (date(2022, 7, 1), 400),
    (date(2023, 1, 1), 410),
    (date(2023, 7, 1), 460),
    (date(2024, 1, 1), 470),
    (date(2024, 7, 1), 460),
    (date(2025, 1, 1), 470),
    (date(2025, 7, 1), 460),
    (date(2026, 1, 1), 460),
    (date(2026, 7, 1), 430),
]


def _compensation(figure_date: date) -> FeeCap:
    return standard_compensation(
        due_date=date(2013, 3, 16), debtor_kind=DebtorKind.BUSINESS, figure_date=figure_date
    )


@pytest.mark.parametrize(
    ("index", "start"), list(enumerate(d for d, _ in STANDARD_COMPENSATION)), ids=str
)
def test_standard_compensation_day_before_and_day_of_each_half_year(
    index: int, start: date
) -> None:
    value = STANDARD_COMPENSATION[index][1]
    if value is None:
        with pytest.raises(NotInForce, match="no.fees.standard_compensation"):
            _compensation(start)
    else:
        assert _compensation(start).amount == nok(value)
    if index == 0:
        return
    before = STANDARD_COMPENSATION[index - 1][1]
    if before is None:
        with pytest.raises(NotInForce):
            _compensation(start - DAY)
    else:
        assert _compensation(start - DAY).amount == nok(before)


def test_standard_compensation_table_matches_the_hand_table() -> None:
    parameter = builtin().parameter("no.fees.standard_compensation")
    assert parameter.change_dates == tuple(d for d, _ in STANDARD_COMPENSATION)


def test_standard_compensation_claim_due_before_2013_03_16() -> None:
    with pytest.raises(NotInForce, match="from 2013-03-16"):
        standard_compensation(
            due_date=date(2013, 3, 15),
            debtor_kind=DebtorKind.BUSINESS,
            figure_date=date(2013, 7, 1),
        )
    assert standard_compensation(
        due_date=date(2013, 3, 16), debtor_kind=DebtorKind.BUSINESS, figure_date=date(2013, 7, 1)
    ).amount == nok(300)


def test_standard_compensation_after_horizon() -> None:
    with pytest.raises(RateNotPublished):
        _compensation(date(2027, 1, 1))


def test_standard_compensation_2026_h2_is_provisional() -> None:
    assert _compensation(date(2026, 7, 1)).provisional
    assert not _compensation(date(2026, 6, 30)).provisional


def test_standard_compensation_for_public_body() -> None:
    cap = standard_compensation(due_date=DUE, debtor_kind=DebtorKind.PUBLIC_BODY, figure_date=DUE)
    assert cap.amount == nok(460)


def test_standard_compensation_consumer_zero_with_reason() -> None:
    cap = standard_compensation(due_date=DUE, debtor_kind=DebtorKind.CONSUMER, figure_date=DUE)
    assert cap.amount.is_zero
    assert "consumer" in cap.reasons[0]


def test_standard_compensation_fully_offset() -> None:
    cap = standard_compensation(
        due_date=DUE,
        debtor_kind=DebtorKind.BUSINESS,
        figure_date=DUE,
        fees_already_charged=nok(600),
    )
    assert cap.amount.is_zero
    assert cap.provisional  # the offset rule is medium confidence


# -- deadlines --------------------------------------------------------------------------------------


def test_collection_notice_deadline_is_not_rolled_onto_a_business_day() -> None:
    # Sent Monday 2026-03-23; 14 days later is Easter Monday 2026-04-06, a holiday: not moved.
    result = collection_notice_deadline(sent_on=date(2026, 3, 23))
    assert result.day == date(2026, 4, 6)
    assert result.day.weekday() == date(2026, 3, 23).weekday()
    assert "Ot.prp. nr. 2 (1987-88)" in result.explain()


def test_collection_demand_deadline_on_saturday_is_not_rolled() -> None:
    assert collection_demand_deadline(sent_on=date(2026, 5, 2)).day == date(2026, 5, 16)


def test_legal_collection_deadline_six_months_with_month_end_clipping() -> None:
    assert legal_collection_deadline(demand_sent_on=date(2026, 4, 2)).day == date(2026, 10, 2)
    assert legal_collection_deadline(demand_sent_on=date(2026, 8, 31)).day == date(2027, 2, 28)


def test_dates_reject_datetimes() -> None:
    with pytest.raises(InvalidInput):
        earliest_fee_date(due_date=datetime(2026, 3, 2, tzinfo=UTC))


# -- Hypothesis: no fee above its cap, none negative ------------------------------------------------

dates_in_range = st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 12, 31))
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1_000_000), places=2).map(nok)
kinds = st.sampled_from(list(DebtorKind))


def _letters(sent_on: date, delay: int) -> st.SearchStrategy[list[FeeLetter]]:
    letter = st.builds(
        lambda kind, back, length, fee: FeeLetter(
            kind=kind,
            sent_on=sent_on - timedelta(days=back),
            deadline=None
            if length is None
            else sent_on - timedelta(days=back) + timedelta(days=length),
            fee_charged=fee,
        ),
        st.sampled_from(FEE_LETTER_KINDS),
        st.integers(0, delay),
        st.none() | st.integers(0, 30),
        st.booleans(),
    )
    return st.lists(letter, max_size=3)


def _letter_cap(sent_on: date, due_date: date, kind: StepKind) -> Money:
    law = builtin()
    name = {
        StepKind.REMINDER: "no.fees.reminder_fraction",
        StepKind.COLLECTION_NOTICE: "no.fees.collection_notice_fraction",
        StepKind.COLLECTION_DEMAND: "no.fees.collection_demand_fraction",
    }[kind]
    exact = inkassosats(sent_on).times(law.fraction(name, due_date).value)
    return exact.rounded(to=WHOLE_UNIT, mode="ROUND_CEILING")


@settings(max_examples=60)
@given(
    due_date=dates_in_range,
    delay=st.integers(0, 90),
    kind=st.sampled_from(FEE_LETTER_KINDS),
    data=st.data(),
)
def test_property_letter_fees_within_cap(
    due_date: date, delay: int, kind: StepKind, data: st.DataObject
) -> None:
    sent_on = due_date + timedelta(days=delay)
    if sent_on.year == 2027:
        sent_on = date(2026, 12, 31)
    # Earlier letters follow forfall, the due date rolled onto a business day (gjeldsbrevloven
    # § 5, issue 14 item 1): letters before it are refused as bad input.
    room = (sent_on - roll_forward(due_date)).days
    letters = data.draw(_letters(sent_on, room)) if room >= 0 else []
    function = {
        StepKind.REMINDER: reminder_fee_cap,
        StepKind.COLLECTION_NOTICE: collection_notice_fee_cap,
        StepKind.COLLECTION_DEMAND: collection_demand_fee_cap,
    }[kind]
    cap = function(sent_on=sent_on, due_date=due_date, earlier_letters=letters)
    assert not cap.amount.is_negative
    assert cap.amount <= _letter_cap(sent_on, due_date, kind)
    if cap.amount.is_zero:
        assert cap.reasons


@settings(max_examples=60)
@given(
    principal=amounts,
    due_date=st.dates(min_value=date(2017, 1, 1), max_value=date(2026, 12, 31)),
    days_to_deadline=st.integers(1, 120),
    days_to_payment=st.integers(0, 200),
    debtor_kind=kinds,
    deducts_vat=st.booleans(),
    instalments=st.integers(0, 8),
    charged=st.decimals(min_value=0, max_value=20_000, places=2).map(nok),
)
def test_property_salaer_within_cap(
    *,
    principal: Money,
    due_date: date,
    days_to_deadline: int,
    days_to_payment: int,
    debtor_kind: DebtorKind,
    deducts_vat: bool,
    instalments: int,
    charged: Money,
) -> None:
    deadline = due_date + timedelta(days=days_to_deadline)
    paid_on = min(deadline + timedelta(days=days_to_payment), date(2026, 12, 31))
    common: dict[str, Any] = {
        "principal": principal,
        "due_date": due_date,
        "paid_on": paid_on,
        "debtor_kind": debtor_kind,
        "demand_deadline": deadline,
        "creditor_deducts_vat": deducts_vat,
        "instalments": instalments,
    }
    gross = collection_fee_cap(**common)
    net = collection_fee_cap(**common, fees_already_charged=charged)
    # The highest multiplier of any table (tung > 250 000 kr in the 2010 table: 16), x 1.5 outside
    # consumer relations, + 25 % without VAT deduction; plus the avdragsordning uplift 1.5 x sats
    # + 25 %.
    sats = inkassosats(paid_on)
    ceiling = sats.times(Decimal(16) * Decimal("1.5") * Decimal("1.25")) + sats.times(
        Decimal("1.5") * Decimal("1.25")
    )
    assert not net.amount.is_negative
    assert net.amount <= gross.amount <= ceiling
    assert gross.amount.is_positive


@settings(max_examples=60)
@given(
    due_date=st.dates(min_value=date(2013, 3, 16), max_value=date(2026, 12, 31)),
    figure_date=st.dates(min_value=date(2015, 7, 1), max_value=date(2026, 12, 31)),
    debtor_kind=kinds,
    charged=st.decimals(min_value=0, max_value=1_000, places=2).map(nok),
)
def test_property_standard_compensation_within_cap(
    due_date: date, figure_date: date, debtor_kind: DebtorKind, charged: Money
) -> None:
    try:
        cap = standard_compensation(
            due_date=due_date,
            debtor_kind=debtor_kind,
            figure_date=figure_date,
            fees_already_charged=charged,
        )
    except NotInForce:
        # 2017 H2 is NOT FOUND
        assert figure_date.year == 2017
        assert figure_date.month >= 7
        return
    assert not cap.amount.is_negative
    if debtor_kind is DebtorKind.CONSUMER:
        assert cap.amount.is_zero
        return
    figure = builtin().amount("no.fees.standard_compensation", figure_date).value
    assert cap.amount <= figure


# -- first days of the deadline tables, and a caller-supplied value ---------------------------------


@pytest.mark.parametrize(
    ("call", "first_day"),
    [
        (lambda day: collection_notice_deadline(sent_on=day), date(1989, 10, 1)),
        (lambda day: collection_demand_deadline(sent_on=day), date(1989, 10, 1)),
        (lambda day: legal_collection_deadline(demand_sent_on=day), date(1989, 10, 1)),
        (lambda day: earliest_fee_date(due_date=day), date(2002, 3, 1)),
    ],
    ids=["notice_deadline", "demand_deadline", "legal_collection", "earliest_fee"],
)
def test_deadline_tables_day_before_and_day_of_first_entry(call: Any, first_day: date) -> None:
    with pytest.raises(NotInForce):
        call(first_day - DAY)
    assert isinstance(call(first_day), LegalDate)


def test_caller_can_supply_the_2014_inkassosats() -> None:
    law = builtin().extend(
        "no.inkassosats",
        [
            {
                "valid_from": date(2014, 1, 1),
                "value": 640,
                "citation": "forskrift om inkassosatsen, endret ved FOR-2013-12-16-1561",
                "url": "https://lovdata.no/dokument/SF/forskrift/2002-12-13-1641",
            }
        ],
        replace_unknown=True,
    )
    cap = reminder_fee_cap(sent_on=date(2014, 6, 20), due_date=date(2014, 6, 2), law=law)
    assert cap.amount == nok(64)  # 640 x 1/10 (a made-up test value, not the law)


@pytest.mark.parametrize(
    ("name", "value", "call", "problem"),
    [
        (
            "no.fees.letter_fee_rounding",
            {"to": 0, "mode": "ROUND_HALF_UP"},
            lambda law: reminder_fee_cap(sent_on=date(2026, 9, 1), due_date=DUE, law=law),
            "must be above zero",
        ),
        (
            "no.fees.letter_fee_rounding",
            {"to": 1, "mode": "NEAREST"},
            lambda law: reminder_fee_cap(sent_on=date(2026, 9, 1), due_date=DUE, law=law),
            "not a rounding mode",
        ),
        (
            "no.fees.collection_fee_table",
            [{"up_to": 500, "light": Decimal("0.25"), "heavy": Decimal("0.5")}],
            lambda law: salaer(
                due_date=date(2026, 8, 1),
                paid_on=date(2026, 9, 1),
                demand_deadline=date(2026, 8, 20),
                law=law,
            ),
            "only the last band has no up_to",
        ),
        (
            "no.fees.collection_fee_table",
            [
                {"up_to": 500, "light": Decimal("0.5"), "heavy": Decimal("0.25")},
                {"light": 1, "heavy": 2},
            ],
            lambda law: salaer(
                due_date=date(2026, 8, 1),
                paid_on=date(2026, 9, 1),
                demand_deadline=date(2026, 8, 20),
                law=law,
            ),
            "need 0 < light <= heavy",
        ),
    ],
    ids=["zero-quantum", "unknown-mode", "last-band-bounded", "heavy-below-light"],
)
def test_malformed_record_data_is_refused(name: str, value: Any, call: Any, problem: str) -> None:
    law = builtin().extend(
        name,
        [
            {
                "valid_from": date(2026, 8, 1),
                "value": value,
                "citation": "test",
                "url": "https://example.org/",
            }
        ],
    )
    with pytest.raises(DataFileError, match=name) as error:
        call(law)
    assert problem in str(error.value)


# -- issue 14 item 1: the 14 days and "after forfall" run from the postponed forfall -----------
# gjeldsbrevloven § 5: a forfallsdag on a Saturday "blir ... utdrygd til yrkedagen etter"
# (jusinfo.no/pengekravsrett/betalingstid-mv/betalingstid-mv/). Due Saturday 2026-06-20 ->
# forfall Monday 2026-06-22; INKF § 1-2: 22 June + 14 = Monday 6 July is the first fee day.

SATURDAY_DUE = date(2026, 6, 20)


@pytest.mark.parametrize("rule", [reminder_fee_cap, collection_notice_fee_cap])
def test_fee_clock_runs_from_the_postponed_forfall(rule: Callable[..., FeeCap]) -> None:
    # 4 July: 12 days after the real forfall (the audit's example); 5 July: the day before.
    for sent_on in (date(2026, 7, 4), date(2026, 7, 5)):
        cap = rule(sent_on=sent_on, due_date=SATURDAY_DUE)
        assert cap.amount == Money.zero("NOK")
        assert "the forfall 2026-06-22" in cap.reasons[0]
        assert "the earliest fee-bearing day is 2026-07-06" in cap.reasons[0]
    # 6 July, the day of: 750 / 20 = 37.50 -> 38 (whole kroner from 2026).
    cap = rule(sent_on=date(2026, 7, 6), due_date=SATURDAY_DUE)
    assert cap.amount == Money.of(38, "NOK")
    assert any("gjeldsbrevloven § 5" in c.rule for c in cap.basis)


def test_fee_clock_on_a_business_day_due_date_is_not_moved() -> None:
    # Friday 19 June is a business day: 19 June + 14 = Friday 3 July; 2 July is the day before.
    assert not reminder_fee_cap(sent_on=date(2026, 7, 2), due_date=date(2026, 6, 19)).allowed
    assert reminder_fee_cap(sent_on=date(2026, 7, 3), due_date=date(2026, 6, 19)).amount == (
        Money.of(38, "NOK")
    )


def test_earliest_fee_date_counts_from_the_postponed_forfall() -> None:
    # Saturday 20 and Sunday 21 June both fall due on Monday 22 June: + 14 = 6 July.
    assert earliest_fee_date(due_date=SATURDAY_DUE).day == date(2026, 7, 6)
    assert earliest_fee_date(due_date=date(2026, 6, 21)).day == date(2026, 7, 6)
    assert earliest_fee_date(due_date=date(2026, 6, 22)).day == date(2026, 7, 6)
    # 17 May 2026 is a Sunday, 16 May a Saturday: forfall Monday 18 May, + 14 = 1 June.
    legal = earliest_fee_date(due_date=date(2026, 5, 16))
    assert legal.day == date(2026, 6, 1)
    assert "the forfall 2026-05-18" in legal.reasons[0]


def test_earlier_letter_before_the_postponed_forfall_is_refused() -> None:
    # A purring of Sunday 21 June precedes forfall (Monday 22 June): bad input; 22 June is fine.
    early = FeeLetter(kind=StepKind.REMINDER, sent_on=date(2026, 6, 21), deadline=date(2026, 7, 5))
    with pytest.raises(InvalidInput, match="before the forfall 2026-06-22"):
        reminder_fee_cap(sent_on=date(2026, 7, 20), due_date=SATURDAY_DUE, earlier_letters=[early])
    on_time = attrs.evolve(early, sent_on=date(2026, 6, 22), deadline=date(2026, 7, 6))
    cap = collection_demand_fee_cap(
        sent_on=date(2026, 7, 7), due_date=SATURDAY_DUE, earlier_letters=[on_time]
    )
    # 3 x 750 / 20 = 112.50 -> 113: the purring's 14-day deadline (6 July) was missed.
    assert cap.amount == Money.of(113, "NOK")
