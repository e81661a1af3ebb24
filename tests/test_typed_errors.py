"""Every case issue 16 lists raises the library's own error, with a message that says why."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from inkassorules import (
    Claim,
    CreditorPolicy,
    DebtorKind,
    Dispute,
    Instalment,
    InstalmentAgreement,
    InvalidInput,
    Money,
    NotInForce,
    StepKind,
    Window,
    accelerate,
    add_days,
    add_months,
    builtin,
    explain,
    next_step,
    no,
    withheld_amount,
)
from inkassorules.errors import DataFileError, InkassoError
from inkassorules.formatting import format_rate
from inkassorules.money import MAX_SPLIT_PARTS
from inkassorules.serialization import from_json, structure

D = date(2026, 3, 2)
CLAIM = Claim(
    principal=Money.of("1000", "NOK"),
    due_date=date(2026, 2, 2),
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)
AGREEMENT = InstalmentAgreement(
    total=Money.of("1000", "NOK"),
    signed_on=date(2026, 2, 20),
    instalments=(
        Instalment(number=1, due_date=date(2026, 3, 20), amount=Money.of("500", "NOK")),
        Instalment(number=2, due_date=date(2026, 4, 20), amount=Money.of("500", "NOK")),
    ),
)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: next_step(CLAIM, as_of=D, law="builtin"), "law must be an inkassorules.LawBook"),
        (lambda: no.reminder_fee_cap(sent_on=D, due_date=date(2026, 2, 2), law={}), "LawBook"),
        (lambda: accelerate(AGREEMENT, None, on=D), "payments must be a sequence"),
        (lambda: AGREEMENT.status(None, on=D), "payments must be a sequence"),
        (lambda: withheld_amount(CLAIM, None, on=D), "sequence"),
        (lambda: AGREEMENT.deadline(None), "deadline needs an Instalment"),
        (lambda: Dispute.in_full(None, raised_on=D, reason="x"), "needs the Claim"),
        (lambda: CreditorPolicy.practice("NO").channel_for(None), "needs a StepKind"),
        (lambda: Window.parse("08:00-20:00").contains(None), "needs a datetime.time"),
        (lambda: Money.total(None, currency="NOK"), "iterable of Money"),
        (lambda: explain(None), "basis must be a sequence"),
        (lambda: add_days(date(9999, 12, 31), 8), "is not a date"),
        (lambda: add_months(date(9999, 12, 31), 1), "is not a date"),
        (lambda: Money.of("10", "NOK").times(Decimal("1E+999999")), "50 digits"),
        (lambda: format_rate(Decimal("1E+999999"), locale="nb"), "beyond the digits"),
        (lambda: structure("1/0", Fraction), "a fraction like"),
        (lambda: from_json("1", Claim), "expected an object"),
        (lambda: Money.of("10", "NOK").split(10**9), f"at most {MAX_SPLIT_PARTS}"),
        (lambda: Money.of("10", "NOK").split(3, remainder="bogus"), "'first' or 'last'"),
        (lambda: StepKind("bogus"), "is not a StepKind: expected one of"),
        (lambda: no.next_business_day(date.max), "business-day calendar covers"),
        (
            lambda: no.contact_allowed(datetime.max.replace(tzinfo=UTC), channel="phone"),
            "no local time",
        ),
    ],
)
def test_bad_input_raises_the_librarys_error(call, message) -> None:
    with pytest.raises(InkassoError, match=message):
        call()


def test_bad_input_errors_are_also_the_matching_builtin() -> None:
    with pytest.raises(ValueError, match="is not a StepKind"):
        StepKind("bogus")
    with pytest.raises(InvalidInput):
        Money.of("10", "NOK").split(0)


def test_a_missing_data_file_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="cannot be read"):
        builtin().with_file("/nonexistent.toml")


def test_a_latin1_data_file_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "no.inkassosats.toml"
    path.write_bytes('name = "no.inkassosats"\ntitle = "Inkassosats \xe5r"\n'.encode("latin-1"))
    with pytest.raises(DataFileError, match="cannot be read"):
        builtin().with_file(path)


def test_a_data_file_path_must_be_a_path() -> None:
    with pytest.raises(InvalidInput, match="a str or a Path"):
        builtin().with_file(date(2026, 1, 1))  # type: ignore[arg-type]


def test_a_calendar_step_past_the_data_is_not_in_force() -> None:
    with pytest.raises(NotInForce):
        no.next_business_day(date(2200, 1, 1))


def test_split_at_the_bound_still_works() -> None:
    parts = Money.of("100", "NOK").split(MAX_SPLIT_PARTS)
    assert len(parts) == MAX_SPLIT_PARTS
    assert Money.total(parts, currency="NOK") == Money.of("100", "NOK")


@pytest.mark.parametrize(
    ("jurisdiction", "currency", "kind", "as_of"),
    [
        ("NO", "NOK", StepKind.COLLECTION_NOTICE, date(2026, 4, 15)),
        ("SE", "SEK", StepKind.COLLECTION_DEMAND, date(2026, 4, 15)),
    ],
)
def test_a_letter_recorded_without_its_deadline_is_refused_not_an_assert(
    jurisdiction, currency, kind, as_of
) -> None:
    # Found by the portfolio engine's tests: a summary row with a last step but no deadline.
    from inkassorules import Case, LetterSent, RuleRefused

    claim = Claim(
        principal=Money.of("1000", currency),
        due_date=date(2026, 2, 2),
        jurisdiction=jurisdiction,
        debtor_kind=DebtorKind.CONSUMER,
    )
    letter = LetterSent(
        kind=kind, sent_on=date(2026, 3, 2), fee_charged=Money.zero(currency), deadline=None
    )
    with pytest.raises(RuleRefused, match="records no deadline"):
        next_step(Case(claim=claim, events=(letter,)), as_of=as_of)
