"""Rad / rad (the meaning of one portfolio row): a row's columns as a Case, and its answer.

Pure Python: this module needs neither numpy nor pyarrow. The engine in
:mod:`inkassorules.portfolio` is defined as :func:`evaluate_row` applied to every row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, DecimalException
from typing import TYPE_CHECKING, Final

from inkassorules._checks import check_date, check_law
from inkassorules.claims import Claim, ClaimKind, CreditorKind, DebtorKind, Payment
from inkassorules.contact import NoContactWindow, time_zone
from inkassorules.disputes import Dispute
from inkassorules.errors import InkassoError, InvalidInput, NotInForce
from inkassorules.events import LegalActionFiled, LetterSent
from inkassorules.ledger import balance
from inkassorules.money import DECIMAL_CONTEXT, Money
from inkassorules.no import contact as no_contact
from inkassorules.se import contact as se_contact
from inkassorules.steps import Channel, StepKind
from inkassorules.timeline import next_step

if TYPE_CHECKING:
    from inkassorules.case import Case
    from inkassorules.events import Event
    from inkassorules.law import LawBook
    from inkassorules.timeline import CreditorPolicy

__all__ = [
    "CLAIM_COLUMNS",
    "RESULT_COLUMNS",
    "SUMMARY_COLUMNS",
    "evaluate_row",
    "next_contact_at",
    "row_case",
]

CLAIM_COLUMNS: Final = (
    "jurisdiction",
    "principal",
    "currency",
    "due_date",
    "debtor_kind",
    "invoice_date",
    "reminder_fee_agreed",
    "creditor_kind",
    "claim_kind",
)
"""The claim's columns, named after :class:`~inkassorules.claims.Claim`'s fields."""

SUMMARY_COLUMNS: Final = (
    "last_step",
    "last_step_on",
    "last_step_deadline",
    "fees_charged",
    "paid",
    "paid_on",
    "disputed",
    "disputed_on",
)
"""The case summary a collection system keeps (all optional, see :func:`row_case`)."""

RESULT_COLUMNS: Final = (
    "as_of",
    "next_step_kind",
    "next_step_on",
    "earliest_lawful_on",
    "lawful_today",
    "next_contact_at",
    "fee",
    "interest",
    "time_barred_on",
    "status",
    "reason",
    "error",
    "error_message",
    "row_api",
)
"""The columns :func:`~inkassorules.portfolio.evaluate` adds (``row_api`` is its own)."""

_MINOR: Final = 100  # NOK and SEK: 100 øre / öre to the krone


def _cell(row: Mapping[str, object], name: str) -> object:
    """The value of column *name*; an empty text (a CSV's empty cell) is no value, as None is."""
    value = row.get(name)
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _text(row: Mapping[str, object], name: str, *, required: bool) -> str | None:
    value = _cell(row, name)
    if value is None:
        if required:
            raise InvalidInput(f"portfolio row: column {name!r} is required, got no value")
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"portfolio row: {name} must be text, got {value!r}")
    return value


def _day(row: Mapping[str, object], name: str) -> dt.date | None:
    value = _cell(row, name)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0) or value.tzinfo is not None:
            raise InvalidInput(f"portfolio row: {name} must be a date, got the moment {value}")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidInput(
                f"portfolio row: {name} must be an ISO date (YYYY-MM-DD), got {value!r}"
            ) from None
    raise InvalidInput(f"portfolio row: {name} must be a date, got {value!r}")


def _minor(row: Mapping[str, object], name: str, *, default: int | None) -> int | None:
    """An amount in minor units: an int (øre / öre), or a Decimal or decimal string in kroner."""
    value = _cell(row, name)
    if value is None:
        return default
    if isinstance(value, bool):
        raise InvalidInput(f"portfolio row: {name} must be an amount, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        value = str(value)
    if isinstance(value, str):
        try:
            amount = DECIMAL_CONTEXT.multiply(Decimal(value.strip()), _MINOR)
        except DecimalException:  # not a number, or beyond the 50-digit context
            amount = Decimal("NaN")
        if not amount.is_finite() or amount != amount.to_integral_value():
            raise InvalidInput(
                f"portfolio row: {name} must be a decimal amount in kroner with at most 2 "
                f"decimals, got {value!r}"
            )
        return int(amount)
    raise InvalidInput(
        f"portfolio row: {name} must be minor units (int) or a decimal string, got {value!r}"
    )


def _flag(row: Mapping[str, object], name: str) -> bool:
    value = _cell(row, name)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise InvalidInput(f"portfolio row: {name} must be True or False, got {value!r}")
    return value


def _claim(row: Mapping[str, object], principal: int) -> Claim:
    currency = _text(row, "currency", required=True)
    assert currency is not None  # noqa: S101 -- required above
    due = _day(row, "due_date")
    if due is None:
        raise InvalidInput("portfolio row: column 'due_date' is required, got no value")
    debtor = _text(row, "debtor_kind", required=True)
    creditor = _text(row, "creditor_kind", required=False)
    kind = _text(row, "claim_kind", required=False)
    try:
        debtor_kind = DebtorKind(debtor)
        creditor_kind = None if creditor is None else CreditorKind(creditor)
        claim_kind = None if kind is None else ClaimKind(kind)
    except ValueError as error:
        raise InvalidInput(f"portfolio row: {error}") from None
    return Claim(
        principal=Money.of(Decimal(principal).scaleb(-2), currency),
        due_date=due,
        jurisdiction=_text(row, "jurisdiction", required=True),  # type: ignore[arg-type]
        debtor_kind=debtor_kind,
        invoice_date=_day(row, "invoice_date"),
        reminder_fee_agreed=_flag(row, "reminder_fee_agreed"),
        creditor_kind=creditor_kind,
        claim_kind=claim_kind,
    )


def _last_step(row: Mapping[str, object], claim: Claim) -> list[Event]:
    """The ``last_step`` summary as its event (none without a last step)."""
    last = _text(row, "last_step", required=False)
    fees = _minor(row, "fees_charged", default=0)
    if last is None:
        if fees:
            raise InvalidInput("portfolio row: fees_charged needs the last_step that charged them")
        return []
    try:
        kind = StepKind(last)
    except ValueError:
        raise InvalidInput(
            f"portfolio row: last_step must be a StepKind value, got {last!r}"
        ) from None
    on = _day(row, "last_step_on")
    if on is None:
        raise InvalidInput("portfolio row: last_step needs last_step_on, got no value")
    fee = Money.of(Decimal(fees or 0).scaleb(-2), claim.currency)
    if kind is StepKind.LEGAL_ACTION:
        return [LegalActionFiled(on=on, venue="recorded", fee_charged=fee)]
    deadline = _day(row, "last_step_deadline")
    if deadline is None:
        # The timelines read the last letter's deadline (NO inkassoloven §§ 9-10, SE
        # 5 § inkassolagen): a summary without it cannot say when the next step may be.
        raise InvalidInput(
            "portfolio row: a last_step letter needs last_step_deadline (the day it "
            "gave the debtor to pay), got no value"
        )
    return [LetterSent(kind=kind, sent_on=on, fee_charged=fee, deadline=deadline)]


def _payment(row: Mapping[str, object], currency: str) -> list[Event]:
    paid = _minor(row, "paid", default=0)
    if not paid:
        return []
    paid_on = _day(row, "paid_on")
    if paid_on is None:
        raise InvalidInput("portfolio row: paid needs paid_on, got no value")
    return [Payment(amount=Money.of(Decimal(paid).scaleb(-2), currency), paid_on=paid_on)]


def _dispute(row: Mapping[str, object], claim: Claim) -> list[Event]:
    if not _flag(row, "disputed"):
        return []
    raised = _day(row, "disputed_on")
    if raised is None:
        raise InvalidInput("portfolio row: disputed needs disputed_on, got no value")
    return [Dispute(amount=claim.principal, raised_on=raised, reason="disputed (portfolio row)")]


def row_case(row: Mapping[str, object], *, principal: int | None = None) -> Case:
    """Saksmappe fra rad / ärende från rad (a portfolio row as the Case the row API evaluates).

    The claim: ``jurisdiction`` (``"NO"``/``"SE"``), ``principal`` (minor units as an int, or a
    decimal string in kroner), ``currency``, ``due_date``, ``debtor_kind`` (a
    :class:`~inkassorules.claims.DebtorKind` value), and optionally ``invoice_date``,
    ``reminder_fee_agreed``, ``creditor_kind``, ``claim_kind`` (their enums' values). Dates are
    ``datetime.date`` or ISO text; a missing or None optional value is the Claim's default.

    The case summary, each optional (None: not in the summary):

    - ``last_step`` (a :class:`~inkassorules.steps.StepKind` value) and ``last_step_on``: the
      highest step taken, as one event on that day: a ``LetterSent`` (with
      ``last_step_deadline`` as its deadline (required), and ``fees_charged`` as its fee) or, for
      ``"legal_action"``, a ``LegalActionFiled`` (venue ``"recorded"``) carrying the fees. Earlier
      steps are not in the summary, so the case holds this one step only.
    - ``fees_charged``: minor units, the fees the case charged so far (default 0); only with
      ``last_step``.
    - ``paid`` and ``paid_on``: one payment of that amount (minor units) on that day, applied
      as the row API applies payments (costs, interest, principal).
    - ``disputed`` (True/False) and ``disputed_on``: an open, reasonable dispute of the whole
      principal raised on that day.

    *principal* (minor units) replaces the row's principal when given.

    >>> from datetime import date
    >>> case = row_case({"jurisdiction": "NO", "principal": 125000, "currency": "NOK",
    ...                  "due_date": date(2026, 3, 2), "debtor_kind": "consumer",
    ...                  "last_step": "reminder", "last_step_on": date(2026, 3, 16),
    ...                  "last_step_deadline": date(2026, 3, 30), "fees_charged": 3800})
    >>> str(case.claim.principal), case.events[0].kind.value, str(case.events[0].fee_charged)
    ('1250.00 NOK', 'reminder', '38.00 NOK')

    Raises:
        InvalidInput: for a missing or malformed column value (the message names the column).
        UnknownJurisdiction, CurrencyMismatch: as :class:`~inkassorules.claims.Claim` does.
    """
    from inkassorules.case import Case  # noqa: PLC0415 -- as the top level: loaded on use

    given: object = row  # callers without a type checker pass anything
    if not isinstance(given, Mapping):
        raise InvalidInput(f"a portfolio row is a mapping of column names to values, got {row!r}")
    amount = _minor(row, "principal", default=None) if principal is None else principal
    if amount is None:
        raise InvalidInput("portfolio row: column 'principal' is required, got no value")
    claim = _claim(row, amount)
    currency = claim.currency
    events = [*_last_step(row, claim), *_payment(row, currency), *_dispute(row, claim)]
    return Case(claim=claim, events=tuple(events))


def _minor_units(money: Money) -> int:
    value = money.amount.scaleb(2)
    if value != value.to_integral_value():
        raise InvalidInput(f"{money} is not a whole number of øre / öre")
    return int(value)


def next_contact_at(
    case: Case, *, as_of: dt.date, law: LawBook | None = None
) -> dt.datetime | None:
    """Neste kontaktvindu / nästa kontaktfönster (the next contact slot of *case* on *as_of*).

    The first moment at or after the start of *as_of* (midnight on the country's clock,
    Europe/Oslo or Europe/Stockholm) at which the debtor may be phoned:
    ``no.next_contact_window`` / ``se.next_contact_window`` on channel ``"phone"``, with the
    case's phone contact attempts as the history (a portfolio row records none). Aware, in the
    country's time zone; None where the contact rules in the data do not cover *as_of*
    (Norway: before 2022-12-15, rundskriv 5/2022) or allow no moment within 400 days, as
    ``NextStep.time_barred_on`` is None where the data does not cover a claim. The
    ``next_contact_at`` field of :func:`evaluate_row`.

    >>> from datetime import date
    >>> case = row_case({"jurisdiction": "NO", "principal": 800000, "currency": "NOK",
    ...                  "due_date": date(2026, 3, 2), "debtor_kind": "consumer"})
    >>> next_contact_at(case, as_of=date(2026, 3, 22)).isoformat()  # a Sunday
    '2026-03-23T08:00:00+01:00'
    """
    from inkassorules.case import Case  # noqa: PLC0415 -- as the top level: loaded on use

    if not isinstance(case, Case):
        raise InvalidInput(f"next_contact_at: expected a Case (see row_case), got {case!r}")
    check_date(as_of, "as_of")
    check_law(law)
    code = case.claim.jurisdiction
    window = no_contact.next_contact_window if code == "NO" else se_contact.next_contact_window
    start = dt.datetime.combine(as_of, dt.time(), tzinfo=time_zone(code))
    history = tuple(a.at for a in case.contact_attempts if a.channel is Channel.PHONE)
    try:
        return window(start, channel="phone", history=history, law=law)
    except (NotInForce, NoContactWindow):
        return None


def _error(error: InkassoError) -> dict[str, object]:
    answer: dict[str, object] = dict.fromkeys(RESULT_COLUMNS[1:-1])
    answer["status"] = "error"
    answer["error"] = type(error).__name__
    answer["error_message"] = str(error)
    return answer


def evaluate_row(
    row: Mapping[str, object],
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> dict[str, object]:
    """Rad gjennom rad-API-et / rad genom rad-API:t (one row's result through the row API).

    ``case = row_case(row)``; ``answer = next_step(case, as_of=as_of, ...)`` and
    ``balance(case, on=as_of)``. The result's fields (the columns of
    :func:`~inkassorules.portfolio.evaluate`, without ``as_of`` and ``row_api``):

    - ``next_step_kind``: the next step's :class:`~inkassorules.steps.StepKind` value, or None;
    - ``next_step_on``: ``answer.planned_on``; ``earliest_lawful_on``: ``answer.earliest_on``;
      ``lawful_today``: ``answer.lawful_today``; ``time_barred_on``: ``answer.time_barred_on``;
    - ``next_contact_at``: the next contact slot, :func:`next_contact_at` (the first moment
      from the start of ``as_of`` the debtor may be phoned; aware, in the country's zone;
      None where the contact rules do not cover ``as_of``);
    - ``fee``: the next step's fee cap (``step.fee.amount``) in minor units, None without a step;
    - ``interest``: ``balance(...).interest`` in minor units (interest accrued before
      ``as_of`` and not paid, rounded once, ROUND_HALF_UP);
    - ``status``: the step's status (``"overdue"``, ``"due"``, ``"planned"``), ``"none"``
      without a step, ``"error"`` for a refused row; ``reason``: ``answer.reason``;
    - ``error``: None, or the name of the library error the row raised (``"InvalidInput"``,
      ``"UnknownJurisdiction"``, ``"NotInForce"``, ...) with its message in ``error_message``
      (every other field is then None).

    >>> from datetime import date
    >>> row = {"jurisdiction": "NO", "principal": 800000, "currency": "NOK",
    ...        "due_date": date(2026, 3, 2), "debtor_kind": "consumer"}
    >>> out = evaluate_row(row, as_of=date(2026, 3, 20))
    >>> out["next_step_kind"], out["fee"], out["status"], out["error"]
    ('friendly_reminder', 0, 'overdue', None)
    """
    return evaluated(row, as_of=as_of, policy=policy, law=law)[0]


def evaluated(
    row: Mapping[str, object],
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> tuple[dict[str, object], InkassoError | None]:
    """:func:`evaluate_row`, and the error the row raised (None where it succeeded)."""
    try:
        case = row_case(row)
        answer = next_step(case, as_of=as_of, policy=policy, law=law)
        owed = balance(case, on=as_of, law=law)
        contact = next_contact_at(case, as_of=as_of, law=law)
        step = answer.step
        return {
            "next_step_kind": None if step is None else step.kind.value,
            "next_step_on": answer.planned_on,
            "earliest_lawful_on": answer.earliest_on,
            "lawful_today": answer.lawful_today,
            "next_contact_at": contact,
            "fee": None if step is None else _minor_units(step.fee.amount),
            "interest": _minor_units(owed.interest),
            "time_barred_on": answer.time_barred_on,
            "status": "none" if step is None else step.status,
            "reason": answer.reason,
            "error": None,
            "error_message": None,
        }, None
    except InkassoError as error:
        return _error(error), error
