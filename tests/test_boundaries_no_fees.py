"""Boundary tests of inkassorules.no.fees for mutation testing (issue 16 item 4).

Exact amounts, reasons and error messages: the salær table and letter-fee rounding checks, the
reasons of every cost and date rule, and the deprecated ``LetterKind``. Amounts are computed by
hand in the comments (inkassosats 750 kr in 2026; shared/domain/norway.md §§ 2-4, 6, 10, 11).
"""

from __future__ import annotations

import warnings
from datetime import date
from typing import Any

import pytest

from inkassorules.claims import DebtorKind
from inkassorules.errors import DataFileError, InvalidInput, NotInForce
from inkassorules.fees import FeeCap
from inkassorules.law import LawBook, builtin
from inkassorules.money import Money
from inkassorules.no import fees
from inkassorules.no.fees import (
    FeeLetter,
    collection_demand_deadline,
    collection_demand_fee_cap,
    collection_fee_cap,
    collection_notice_deadline,
    earliest_fee_date,
    heavy_collection_fee_from,
    legal_collection_deadline,
    reminder_fee_cap,
    standard_compensation,
)
from inkassorules.steps import StepKind

SALAER_TABLE = "no.fees.collection_fee_table"
ROUNDING = "no.fees.letter_fee_rounding"


def nok(amount: str | int) -> Money:
    return Money.of(amount, "NOK")


def book_with(name: str, value: Any, valid_from: date = date(2026, 8, 1)) -> LawBook:
    return builtin().extend(
        name,
        [
            {
                "valid_from": valid_from,
                "value": value,
                "citation": "test",
                "url": "https://example.org/",
            }
        ],
    )


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


def params(cap: Any) -> list[str | None]:
    return [c.parameter for c in cap.basis]


# -- salær: exact reasons ---------------------------------------------------------------------------

LIGHT_8000 = (
    "claim 8000.00 NOK (above 2500 up to 10000 NOK): lett salær, paid on 2026-03-01, not more "
    "than 28 days after the betalingsoppfordring deadline 2026-02-20"
)


def test_salaer_light_consumer_reasons() -> None:
    # INKF § 2-2: 8 000 kr is in the 2 501-10 000 band, lett 0.8 x 750 = 600.
    cap = salaer()
    assert cap.amount == nok(600)
    assert cap.reasons == (LIGHT_8000, "0.8 x the inkassosats 750.00 NOK in force on 2026-03-01")
    assert params(cap) == [SALAER_TABLE, "no.fees.heavy_fee_days", "no.inkassosats"]


def test_salaer_everything_at_once() -> None:
    # Tung (paid 29 days after the deadline, § 2-3): 1.6 x 750 = 1 200; x 1.5 business (§ 2-1)
    # = 1 800; + 25 % VAT (§ 2-2 tredje ledd) = 2 250; avdragsordning 1.5 x 750 = 1 125 + 25 %
    # = 1 406.25; total 3 656.25 less 38 already charged = 3 618.25. Band basis 8 000 + 100.
    cap = salaer(
        paid_on=date(2026, 3, 21),
        debtor_kind=DebtorKind.BUSINESS,
        creditor_deducts_vat=False,
        instalments=5,
        fees_already_charged=nok(38),
        interest_before_due=nok(100),
    )
    assert cap.amount == nok("3618.25")
    assert cap.reasons == (
        (
            "claim 8100.00 NOK (above 2500 up to 10000 NOK): tung salær, paid on 2026-03-21, more "
            "than 28 days after the betalingsoppfordring deadline 2026-02-20"
        ),
        "1.6 x the inkassosats 750.00 NOK in force on 2026-03-21",
        "x 1.5 outside consumer relations",
        "+ 0.25 of it: the creditor cannot deduct VAT",
        (
            "+ 1406.25 NOK for an avdragsordning of 5 instalments (more than 4: 1.5 x the sats, "
            "with the VAT uplift)"
        ),
        "3656.25 NOK less fees already charged 38.00 NOK",
    )
    assert params(cap) == [
        SALAER_TABLE,
        "no.fees.heavy_fee_days",
        "no.inkassosats",
        "no.fees.business_multiplier",
        "no.fees.vat_uplift",
        "no.fees.instalment_uplift_threshold",
        "no.fees.instalment_uplift",
        None,
    ]
    assert "§ 1-1 annet ledd" in cap.basis[-1].rule


def test_salaer_instalments_at_and_above_the_threshold() -> None:
    four = salaer(instalments=4)
    assert four.amount == nok(600)
    assert four.reasons[-1] == "no avdragsordning uplift: 4 instalments, not more than 4"
    assert params(four)[-1] == "no.fees.instalment_uplift_threshold"
    # 600 + 1.5 x 750 = 1 725 (no VAT uplift: the creditor deducts VAT).
    five = salaer(instalments=5)
    assert five.amount == nok(1725)
    assert five.reasons[-1] == (
        "+ 1125.00 NOK for an avdragsordning of 5 instalments (more than 4: 1.5 x the sats)"
    )


@pytest.mark.parametrize(
    ("principal", "band", "multiplier", "expected"),
    [
        ("400", "up to 500 NOK", "0.25", "187.50"),
        ("800", "above 500 up to 1000 NOK", "0.35", "262.50"),
        ("300000", "above 250000 NOK", "7.2", "5400.00"),
    ],
)
def test_salaer_band_texts(principal: str, band: str, multiplier: str, expected: str) -> None:
    cap = salaer(principal=nok(principal))
    assert cap.amount == nok(expected)
    assert cap.reasons[0].startswith(f"claim {principal}.00 NOK ({band}): lett salær")
    assert cap.reasons[1].startswith(f"{multiplier} x the inkassosats")


def test_salaer_fees_use_up_the_cap_exactly() -> None:
    # 0.25 x 750 = 187.50; 187.50 already charged: zero, not negative.
    cap = salaer(principal=nok(400), fees_already_charged=nok("187.50"))
    assert cap.amount == nok(0)
    assert cap.reasons[-1] == "fees already charged (187.50 NOK) use up the whole 187.50 NOK"
    # One øre less charged leaves one øre.
    assert salaer(principal=nok(400), fees_already_charged=nok("187.49")).amount == nok("0.01")


def test_salaer_demand_deadline_one_day_after_due_is_allowed() -> None:
    assert salaer(demand_deadline=date(2026, 1, 16), paid_on=date(2026, 1, 20)).amount == nok(600)


def test_salaer_rejects_zero_principal_naming_it() -> None:
    with pytest.raises(InvalidInput, match="principal must be above zero"):
        salaer(principal=nok(0))


def test_salaer_rejects_bad_arguments_naming_them() -> None:
    with pytest.raises(InvalidInput, match=r"debtor_kind must be a DebtorKind, got 'consumer'"):
        salaer(debtor_kind="consumer")
    with pytest.raises(InvalidInput, match="creditor_deducts_vat must be a bool, got 1"):
        salaer(creditor_deducts_vat=1)
    with pytest.raises(InvalidInput, match="interest_before_due must be Money in NOK, got 5"):
        salaer(interest_before_due=5)
    with pytest.raises(InvalidInput, match="fees_already_charged must be in NOK, got"):
        salaer(fees_already_charged=Money.of(5, "SEK"))
    with pytest.raises(InvalidInput, match="fees_already_charged must not be negative, got"):
        salaer(fees_already_charged=nok(-5))


# -- salær: the table shape (_bands) -------------------------------------------------------------


def _salaer_on(law: LawBook, principal: str = "800") -> FeeCap:
    return salaer(
        principal=nok(principal),
        due_date=date(2026, 8, 1),
        paid_on=date(2026, 9, 1),
        demand_deadline=date(2026, 8, 20),
        law=law,
    )


WHERE = "error in legal data file 'no.fees.collection_fee_table from 2026-08-01' at "


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([], "'value': a salær table must be a non-empty array of bands"),
        (["x"], "'value[0]': a band has up_to, light and heavy only"),
        (
            [{"up_to": 500, "light": 1, "heavy": 2, "extra": 1}, {"light": 1, "heavy": 2}],
            "'value[0]': a band has up_to, light and heavy only",
        ),
        ([{"up_to": 500, "heavy": 2}, {"light": 1, "heavy": 2}], "'value[0]': bad band: 'light'"),
        ([{"up_to": 500, "light": 1}, {"light": 1, "heavy": 2}], "'value[0]': bad band: 'heavy'"),
        (
            [{"up_to": "abc", "light": 1, "heavy": 2}, {"light": 1, "heavy": 2}],
            "'value[0]': bad band: up_to must be a number, got 'abc'",
        ),
        (
            [{"up_to": 500, "light": "x", "heavy": 2}, {"light": 1, "heavy": 2}],
            "'value[0]': bad band: light must be a number, got 'x'",
        ),
        (
            [{"up_to": 500, "light": 1, "heavy": "y"}, {"light": 1, "heavy": 2}],
            "'value[0]': bad band: heavy must be a number, got 'y'",
        ),
        (
            [{"light": 1, "heavy": 2}, {"light": 1, "heavy": 2}],
            "'value[0]': only the last band has no up_to",
        ),
        (
            [{"up_to": 500, "light": 1, "heavy": 2}, {"up_to": 900, "light": 1, "heavy": 2}],
            "'value[1]': only the last band has no up_to",
        ),
        (
            [
                {"up_to": 500, "light": 1, "heavy": 2},
                {"up_to": 500, "light": 1, "heavy": 2},
                {"light": 1, "heavy": 2},
            ],
            "'value[1]': bands must rise",
        ),
        (
            [
                {"up_to": 500, "light": 1, "heavy": 2},
                {"up_to": 400, "light": 1, "heavy": 2},
                {"light": 1, "heavy": 2},
            ],
            "'value[1]': bands must rise",
        ),
        ([{"up_to": 500, "light": 0, "heavy": 2}, {"light": 1, "heavy": 2}], "'value[0]': need"),
        ([{"up_to": 500, "light": -1, "heavy": 2}, {"light": 1, "heavy": 2}], "'value[0]': need"),
        ([{"up_to": 500, "light": 1, "heavy": 2}, {"light": 2, "heavy": 1}], "'value[1]': need"),
    ],
)
def test_malformed_salaer_table(bands: list[Any], message: str) -> None:
    with pytest.raises(DataFileError) as error:
        _salaer_on(book_with(SALAER_TABLE, bands))
    assert str(error.value).startswith(WHERE + message)
    if message.endswith("need"):
        assert str(error.value) == WHERE + message + " 0 < light <= heavy"


def test_salaer_table_edge_values_are_accepted() -> None:
    # light == heavy is allowed (0 < light <= heavy); a band may start at up_to 0.01; bands
    # read from strings; a single open band.
    bands = [
        {"up_to": "0.01", "light": "0.1", "heavy": "0.1"},
        {"up_to": 500, "light": 1, "heavy": 1},
        {"light": "2", "heavy": "3"},
    ]
    law = book_with(SALAER_TABLE, bands)
    assert _salaer_on(law, "500").amount == nok(750)  # 1 x 750, 500 is "up to 500"
    cap = _salaer_on(law, "500.01")  # 2 x 750
    assert cap.amount == nok(1500)
    assert cap.reasons[0].startswith("claim 500.01 NOK (above 500 NOK): lett salær")
    assert _salaer_on(law, "0.01").amount == nok(75)  # 0.1 x 750
    single = book_with(SALAER_TABLE, [{"light": 1, "heavy": 2}])
    assert _salaer_on(single, "999999").reasons[0].startswith("claim 999999.00 NOK (above None")
    assert _salaer_on(single).amount == nok(750)


def test_salaer_heavy_uses_the_custom_table_and_custom_law() -> None:
    law = book_with(
        SALAER_TABLE, [{"up_to": 500, "light": 1, "heavy": 3}, {"light": 2, "heavy": 5}]
    )
    cap = salaer(
        principal=nok(100),
        due_date=date(2026, 8, 1),
        paid_on=date(2026, 9, 30),  # 41 days after the 20 August deadline: tung
        demand_deadline=date(2026, 8, 20),
        law=law,
    )
    assert cap.amount == nok(2250)  # 3 x 750


# -- letter fees: rounding (_rounding) and reasons -------------------------------------------------

RWHERE = "error in legal data file 'no.fees.letter_fee_rounding from 2026-08-01' at "


def _reminder_on(law: LawBook) -> FeeCap:
    return reminder_fee_cap(sent_on=date(2026, 9, 1), due_date=date(2026, 3, 2), law=law)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"to": 1}, "'value': a rounding rule is a table with 'to' and 'mode'"),
        ({"mode": "ROUND_UP"}, "'value': a rounding rule is a table with 'to' and 'mode'"),
        (
            {"to": 1, "mode": "ROUND_HALF_UP", "x": 1},
            "'value': a rounding rule is a table with 'to' and 'mode'",
        ),
        ([1, 2], "'value': a rounding rule is a table with 'to' and 'mode'"),
        ({"to": 1, "mode": "NEAREST"}, "'value.mode': not a rounding mode: 'NEAREST'"),
        ({"to": "abc", "mode": "ROUND_HALF_UP"}, "'value.to': to must be a number, got 'abc'"),
        ({"to": -1, "mode": "ROUND_DOWN"}, "'value.to': must be above zero, got -1"),
        ({"to": 0, "mode": "ROUND_DOWN"}, "'value.to': must be above zero, got 0"),
    ],
)
def test_malformed_rounding_rule(value: Any, message: str) -> None:
    with pytest.raises(DataFileError) as error:
        _reminder_on(book_with(ROUNDING, value))
    assert str(error.value) == RWHERE + message


@pytest.mark.parametrize(
    ("to", "mode", "expected"),
    [
        ("0.5", "ROUND_DOWN", "37.50"),
        (1, "ROUND_DOWN", "37"),
        (1, "ROUND_UP", "38"),
        ("0.01", "ROUND_HALF_EVEN", "37.50"),
        (10, "ROUND_HALF_EVEN", "40"),
    ],
)
def test_custom_rounding_rule(to: Any, mode: str, expected: str) -> None:
    # 750 / 20 = 37.50, rounded to the caller's quantum and mode.
    cap = _reminder_on(book_with(ROUNDING, {"to": to, "mode": mode}))
    assert cap.amount == nok(expected)
    assert cap.reasons == (
        (
            f"1/20 of the inkassosats 750.00 NOK in force on 2026-09-01 = 37.50 NOK, rounded to {to} "
            f"NOK ({mode})"
        ),
    )


def test_reminder_reasons_and_basis() -> None:
    cap = reminder_fee_cap(sent_on=date(2026, 3, 20), due_date=date(2026, 3, 2))
    assert cap.amount == nok(38)
    assert cap.reasons == (
        (
            "1/20 of the inkassosats 750.00 NOK in force on 2026-03-20 = 37.50 NOK, rounded to 1 NOK "
            "(ROUND_HALF_UP)"
        ),
    )
    assert params(cap) == [
        "no.inkassosats",
        "no.fees.reminder_fraction",
        ROUNDING,
        "no.fees.earliest_fee_days",
    ]


def test_reminder_transition_reasons() -> None:
    # Due 2020-09-30 (before the reform), sent after: 1/10 of 700 = 70 (FOR-2020-06-19-1248).
    cap = reminder_fee_cap(sent_on=date(2020, 10, 20), due_date=date(2020, 9, 30))
    assert cap.reasons == (
        (
            "1/10 of the inkassosats 700.00 NOK in force on 2020-10-20 = 70.00 NOK, rounded to 0.01 "
            "NOK (ROUND_HALF_UP)"
        ),
        "the claim fell due on 2020-09-30: the fraction in force on the due date applies",
    )
    assert "FOR-2020-06-19-1248" in cap.basis[-1].rule


def test_demand_fee_reasons_and_basis() -> None:
    notice = FeeLetter(
        kind=StepKind.COLLECTION_NOTICE, sent_on=date(2026, 3, 16), deadline=date(2026, 3, 30)
    )
    cap = collection_demand_fee_cap(
        sent_on=date(2026, 3, 31), due_date=date(2026, 3, 2), earlier_letters=[notice]
    )
    assert cap.amount == nok(113)  # 3 x 750 / 20 = 112.50 -> 113
    assert cap.reasons == (
        (
            "3/20 of the inkassosats 750.00 NOK in force on 2026-03-31 = 112.50 NOK, rounded to 1 NOK "
            "(ROUND_HALF_UP)"
        ),
    )
    assert params(cap)[-2:] == [
        "no.fees.max_collection_demand_fees",
        "no.fees.collection_demand_fee_deadline_days",
    ]


def test_letter_fee_with_a_custom_law_and_earlier_letters() -> None:
    # The custom book reaches the path with earlier letters (not memoised) too.
    law = book_with(ROUNDING, {"to": 1, "mode": "ROUND_DOWN"})
    first = FeeLetter(kind=StepKind.REMINDER, sent_on=date(2026, 8, 3), deadline=date(2026, 8, 17))
    cap = reminder_fee_cap(
        sent_on=date(2026, 9, 1), due_date=date(2026, 3, 2), earlier_letters=[first], law=law
    )
    assert cap.amount == nok(37)
    # A list with no letters is not the default tuple, and still means no earlier letters.
    assert reminder_fee_cap(
        sent_on=date(2026, 9, 1), due_date=date(2026, 3, 2), earlier_letters=[], law=law
    ).amount == nok(37)


def test_letter_fee_argument_errors_name_the_argument() -> None:
    with pytest.raises(InvalidInput, match="earlier_letters must be a sequence of FeeLetter"):
        reminder_fee_cap(sent_on=date(2026, 3, 20), due_date=date(2026, 3, 2), earlier_letters="x")
    with pytest.raises(InvalidInput, match=r"earlier_letters\[0\] must be a FeeLetter, got 1"):
        reminder_fee_cap(sent_on=date(2026, 3, 20), due_date=date(2026, 3, 2), earlier_letters=[1])
    with pytest.raises(InvalidInput, match="reasonably_disputed must be a bool, got None"):
        reminder_fee_cap(
            sent_on=date(2026, 3, 20), due_date=date(2026, 3, 2), reasonably_disputed=None
        )


# -- standardkompensasjon ---------------------------------------------------------------------------


def test_standard_compensation_reasons() -> None:
    # FRL § 3a: 460 kr in 2026 H1, less 38 kr purregebyr already charged = 422.
    cap = standard_compensation(
        due_date=date(2026, 3, 2),
        debtor_kind=DebtorKind.BUSINESS,
        figure_date=date(2026, 3, 2),
        fees_already_charged=nok(38),
    )
    assert cap.amount == nok(422)
    assert cap.reasons == (
        (
            "460.00 NOK in force on 2026-03-02 (the figure date is the caller's choice: the sources "
            "do not settle whether the due date or the claim date applies)"
        ),
        "460.00 NOK less fees already charged 38.00 NOK",
    )
    assert params(cap) == ["no.fees.standard_compensation", None]


def test_standard_compensation_consumer_reason() -> None:
    cap = standard_compensation(
        due_date=date(2026, 3, 2), debtor_kind=DebtorKind.CONSUMER, figure_date=date(2026, 3, 2)
    )
    assert cap.reasons == (
        "the debtor is a consumer: no standardkompensasjon (forsinkelsesrenteloven § 4 d)",
    )
    assert "§ 4 d" in cap.basis[0].rule


def test_standard_compensation_too_early_message() -> None:
    with pytest.raises(NotInForce) as error:
        standard_compensation(
            due_date=date(2013, 3, 15),
            debtor_kind=DebtorKind.BUSINESS,
            figure_date=date(2016, 3, 2),
        )
    assert str(error.value) == (
        "no.fees.standard_compensation has no value on 2013-03-15: forsinkelsesrenteloven § 3a "
        "applies to claims falling due from 2013-03-16"
    )


def test_standard_compensation_with_a_custom_law() -> None:
    law = builtin().extend(
        "no.fees.standard_compensation",
        [
            {
                "valid_from": date(2027, 1, 1),
                "value": 440,
                "citation": "test",
                "url": "https://example.org/",
            }
        ],
    )
    cap = standard_compensation(
        due_date=date(2026, 3, 2),
        debtor_kind=DebtorKind.BUSINESS,
        figure_date=date(2027, 1, 1),
        law=law,
    )
    assert cap.amount == nok(440)


def test_standard_compensation_argument_errors() -> None:
    with pytest.raises(InvalidInput, match="debtor_kind must be a DebtorKind"):
        standard_compensation(
            due_date=date(2026, 3, 2), debtor_kind=1, figure_date=date(2026, 3, 2)
        )
    with pytest.raises(InvalidInput, match="fees_already_charged must be Money in NOK"):
        standard_compensation(
            due_date=date(2026, 3, 2),
            debtor_kind=DebtorKind.BUSINESS,
            figure_date=date(2026, 3, 2),
            fees_already_charged=1,
        )


# -- dates: exact reasons, and law= passed through ------------------------------------------------


def test_earliest_fee_date_reasons() -> None:
    plain = earliest_fee_date(due_date=date(2026, 3, 2))
    assert plain.reasons == ("14 days after the due date 2026-03-02",)
    assert params(plain) == ["no.fees.earliest_fee_days"]
    postponed = earliest_fee_date(due_date=date(2026, 6, 20))
    assert postponed.day == date(2026, 7, 6)
    assert postponed.reasons == (
        (
            "14 days after the forfall 2026-06-22 (the due date 2026-06-20 is not a business day and "
            "is postponed, gjeldsbrevloven § 5)"
        ),
    )
    assert "gjeldsbrevloven § 5" in postponed.basis[1].rule


def test_deadline_reasons() -> None:
    notice = collection_notice_deadline(sent_on=date(2026, 3, 23))
    assert notice.reasons == (
        (
            "the inkassovarsel deadline must be at least 14 days from the sending day 2026-03-23; the "
            "last day is not moved to a business day"
        ),
    )
    assert params(notice)[0] == "no.fees.collection_notice_deadline_days"
    demand = collection_demand_deadline(sent_on=date(2026, 4, 2))
    assert demand.sent_on == date(2026, 4, 2)
    assert demand.calendar_day_limit == demand.day == date(2026, 4, 16)
    assert demand.received_on is None
    assert demand.bank_day_limit is None
    assert demand.reasons == (
        (
            "the betalingsoppfordring deadline must be at least 14 days from the sending day "
            "2026-04-02; the last day is not moved to a business day"
        ),
    )
    assert params(demand)[0] == "no.fees.collection_demand_deadline_days"
    assert "Ot.prp. nr. 2" in demand.basis[1].rule
    heavy = heavy_collection_fee_from(demand_deadline=date(2026, 4, 16))
    assert heavy.reasons == (
        "more than 28 days after the betalingsoppfordring deadline 2026-04-16",
    )
    assert params(heavy) == ["no.fees.heavy_fee_days"]
    legal = legal_collection_deadline(demand_sent_on=date(2026, 4, 2))
    assert legal.reasons == (
        (
            "6 months after the betalingsoppfordring of 2026-04-02; later legal steps need a new "
            "betalingsoppfordring"
        ),
    )
    assert params(legal) == ["no.fees.legal_collection_months"]
    assert legal.explain().startswith("2026-10-02: 6 months after")


@pytest.mark.parametrize(
    ("name", "value", "call", "expected"),
    [
        (
            "no.fees.earliest_fee_days",
            10,
            lambda law: earliest_fee_date(due_date=date(2026, 9, 1), law=law).day,
            date(2026, 9, 11),
        ),
        (
            "no.fees.collection_notice_deadline_days",
            21,
            lambda law: collection_notice_deadline(sent_on=date(2026, 9, 1), law=law).day,
            date(2026, 9, 22),
        ),
        (
            "no.fees.collection_demand_deadline_days",
            21,
            lambda law: collection_demand_deadline(sent_on=date(2026, 9, 1), law=law).day,
            date(2026, 9, 22),
        ),
        (
            "no.fees.heavy_fee_days",
            30,
            lambda law: heavy_collection_fee_from(demand_deadline=date(2026, 9, 1), law=law).day,
            date(2026, 10, 2),  # from the 31st day after the deadline
        ),
        (
            "no.fees.legal_collection_months",
            3,
            lambda law: legal_collection_deadline(demand_sent_on=date(2026, 9, 1), law=law).day,
            date(2026, 12, 1),
        ),
    ],
)
def test_dates_use_the_given_law(name: str, value: int, call: Any, expected: date) -> None:
    law = book_with(name, value)
    assert call(law) == expected
    assert call(builtin()) != expected


def test_heavy_fee_days_custom_law_in_collection_fee_cap() -> None:
    # With 30 days (made-up value) a payment 29 days after the deadline stays lett.
    law = book_with("no.fees.heavy_fee_days", 30, valid_from=date(2026, 2, 1))
    cap = salaer(paid_on=date(2026, 3, 21), law=law)
    assert cap.amount == nok(600)
    assert "not more than 30 days" in cap.reasons[0]


# -- the deprecated LetterKind ----------------------------------------------------------------------


def test_letter_kind_is_deprecated_step_kind() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kind = fees.LetterKind  # type: ignore[attr-defined]
    assert kind is StepKind
    assert len(caught) == 1
    assert caught[0].category is DeprecationWarning
    assert str(caught[0].message) == (
        "inkassorules.no.fees.LetterKind is deprecated and will be removed in the next release: "
        "use inkassorules.StepKind (the same enum)"
    )


def test_unknown_module_attribute() -> None:
    with pytest.raises(AttributeError) as error:
        fees.Nope  # type: ignore[attr-defined]  # noqa: B018
    assert str(error.value) == "module 'inkassorules.no.fees' has no attribute 'Nope'"


def test_earlier_letters_as_a_tuple_count_as_the_same_letters_in_a_list() -> None:
    # Only the empty tuple (the default) skips the check: a tuple of letters is read as the same
    # list would be, and an empty string or bytes is not a sequence of letters (it is refused,
    # though it is "empty").
    first = FeeLetter(kind=StepKind.REMINDER, sent_on=date(2026, 8, 3), deadline=date(2026, 8, 17))
    second = FeeLetter(
        kind=StepKind.REMINDER, sent_on=date(2026, 8, 20), deadline=date(2026, 9, 3)
    )
    day, due = date(2026, 9, 10), date(2026, 3, 2)
    as_list = reminder_fee_cap(sent_on=day, due_date=due, earlier_letters=[first, second])
    as_tuple = reminder_fee_cap(sent_on=day, due_date=due, earlier_letters=(first, second))
    assert as_tuple == as_list
    assert as_tuple != reminder_fee_cap(sent_on=day, due_date=due)  # the letters count
    for empty in ("", b""):
        with pytest.raises(InvalidInput, match="earlier_letters must be a sequence of FeeLetter"):
            reminder_fee_cap(sent_on=day, due_date=due, earlier_letters=empty)


def test_an_earlier_letter_before_forfall_is_refused_with_the_rule() -> None:
    # Due Mon 2026-03-02: a letter of 03-01 is before forfall (a purring, inkassovarsel or
    # betalingsoppfordring follows it).
    early = FeeLetter(kind=StepKind.REMINDER, sent_on=date(2026, 3, 1), deadline=date(2026, 3, 15))
    with pytest.raises(InvalidInput) as err:
        reminder_fee_cap(
            sent_on=date(2026, 3, 20), due_date=date(2026, 3, 2), earlier_letters=[early]
        )
    assert str(err.value).startswith("earlier_letters[0] was sent on 2026-03-01, before ")
    assert str(err.value).endswith(
        ": a purring, inkassovarsel or betalingsoppfordring follows forfall"
    )
