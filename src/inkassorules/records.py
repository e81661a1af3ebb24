"""Poster / poster (records): the typed rows of ``to_records()`` and their Arrow schema.

Every result type's ``to_records()`` gives a list of plain dicts with real Python types:

- amounts are :class:`~decimal.Decimal` in major units (``Decimal('8000.00')``), exact, never
  floats, with the currency in its own ``currency`` column (a Decimal keeps the exact interest
  of a period, which minor units would round);
- dates are :class:`datetime.date`, moments :class:`datetime.datetime` (time-zone aware);
- a value that is missing or not known yet is ``None`` (never ``""``);
- counts are ``int``, flags ``bool``, names and kinds ``str``.

:func:`schema` gives the matching :mod:`pyarrow` schema (``decimal128`` amounts, ``date32``
dates), and :func:`to_arrow` the table, from which pandas and polars get the right dtypes
(pyarrow is in the optional ``portfolio`` extra; this module imports it only when asked):

>>> from datetime import date
>>> from inkassorules import Money, no
>>> result = no.late_interest(Money.of(8000, "NOK"), due_date=date(2026, 3, 2),
...                           paid_on=date(2026, 9, 1))
>>> result.to_records()[0]["interest"], result.to_records()[0]["start"]
(Decimal('318.246575'), datetime.date(2026, 3, 2))
>>> print(schema("InterestResult").field("interest"))  # doctest: +SKIP
interest: decimal128(28, 6)

``polars.DataFrame(x.to_records())`` infers ``Decimal`` and ``Date`` by itself; pandas keeps
Python objects in ``object`` columns, so for typed pandas columns use :func:`to_pandas`
(``pyarrow``-backed dtypes: ``decimal128(28, 6)[pyarrow]``, ``date32[day][pyarrow]``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from inkassorules._checks import check_items, require_extra
from inkassorules.errors import InvalidInput
from inkassorules.money import Money

if TYPE_CHECKING:
    from collections.abc import Iterable

    from inkassorules.claims import Claim
    from inkassorules.contact import ContactDecision
    from inkassorules.fees import FeeCap
    from inkassorules.timeline import NextStep, Step

__all__ = [
    "COLUMNS",
    "claim_records",
    "contact_records",
    "fee_cap_records",
    "next_step_records",
    "schema",
    "step_record",
    "to_arrow",
    "to_pandas",
    "typed",
]

Row = dict[str, Any]

# The column kinds: how a value is typed in Python and in Arrow.
#   money: an amount (Decimal, 2 places); exact: an unrounded amount (Decimal, 6 places);
#   rate: a percentage (Decimal); date; timestamp (aware datetime); int; bool; str.
_KINDS: Final = ("money", "exact", "rate", "date", "timestamp", "int", "bool", "str")

COLUMNS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "InterestResult": (
        ("start", "date"),
        ("last_day", "date"),
        ("days", "int"),
        ("rate", "rate"),
        ("year_length", "int"),
        ("principal", "money"),
        ("interest", "exact"),
        ("currency", "str"),
    ),
    "BalanceInterestResult": (
        ("event", "str"),
        ("start", "date"),
        ("last_day", "date"),
        ("days", "int"),
        ("rate", "rate"),
        ("balance", "money"),
        ("interest", "exact"),
        ("paid", "money"),
        ("to_interest", "money"),
        ("to_principal", "money"),
        ("overpayment", "money"),
        ("currency", "str"),
    ),
    "InstalmentAgreement": (
        ("number", "int"),
        ("due_date", "date"),
        ("deadline", "date"),
        ("amount", "money"),
        ("currency", "str"),
    ),
    "AgreementStatus": (
        ("number", "int"),
        ("due_date", "date"),
        ("deadline", "date"),
        ("amount", "money"),
        ("paid", "money"),
        ("unpaid", "money"),
        ("settled_on", "date"),
        ("overdue", "bool"),
        ("paid_on_time", "bool"),
        ("currency", "str"),
    ),
    "Timeline": (
        ("number", "int"),
        ("step", "str"),
        ("name", "str"),
        ("level", "int"),
        ("status", "str"),
        ("earliest_lawful", "date"),
        ("planned_on", "date"),
        ("governed_by", "str"),
        ("channel", "str"),
        ("contact_at", "timestamp"),
        ("fee", "money"),
        ("charged", "money"),
        ("principal", "money"),
        ("interest", "money"),
        ("fees", "money"),
        ("total", "money"),
        ("currency", "str"),
        ("deadline", "date"),
    ),
    "Balance": (
        ("paid_on", "date"),
        ("paid", "money"),
        ("costs", "money"),
        ("interest", "money"),
        ("principal", "money"),
        ("overpaid", "money"),
        ("currency", "str"),
        ("designation", "str"),
        ("id", "str"),
    ),
    "Audit": (
        ("day", "date"),
        ("severity", "str"),
        ("event", "str"),
        ("event_id", "str"),
        ("rule", "str"),
        ("message", "str"),
        ("allowed", "str"),
        ("excess", "money"),
        ("confidence", "str"),
        ("currency", "str"),
    ),
    "FeeCap": (
        ("amount", "money"),
        ("currency", "str"),
        ("allowed", "bool"),
        ("provisional", "bool"),
        ("reasons", "str"),
    ),
    "Claim": (
        ("principal", "money"),
        ("currency", "str"),
        ("due_date", "date"),
        ("jurisdiction", "str"),
        ("debtor_kind", "str"),
        ("invoice_date", "date"),
        ("reference", "str"),
        ("reminder_fee_agreed", "bool"),
        ("creditor_kind", "str"),
        ("claim_kind", "str"),
    ),
    "NextStep": (
        ("as_of", "date"),
        ("step", "str"),
        ("lawful_today", "bool"),
        ("planned_on", "date"),
        ("earliest_on", "date"),
        ("fee", "money"),
        ("total", "money"),
        ("deadline", "date"),
        ("currency", "str"),
        ("time_barred_on", "date"),
        ("reason", "str"),
    ),
    "ContactDecision": (
        ("allowed", "bool"),
        ("at", "timestamp"),
        ("channel", "str"),
        ("is_law", "bool"),
        ("policy", "str"),
        ("reasons", "str"),
    ),
}
"""The columns of each type's ``to_records()``, in order, each with its kind (see
:func:`schema`). A ``Step``'s ``to_record()`` has the ``Timeline`` columns."""

COLUMNS["Step"] = COLUMNS["Timeline"]


def _name(kind: type | str) -> str:
    given: object = kind  # callers without a type checker pass anything
    if not isinstance(given, str | type):
        raise InvalidInput(f"records: expected a result type or its name, got {kind!r}")
    name = kind if isinstance(kind, str) else kind.__name__
    if name not in COLUMNS:
        raise InvalidInput(
            f"records.schema: expected one of {', '.join(sorted(COLUMNS))}, got {name!r}"
        )
    return name


def _value(value: object, kind: str) -> object:
    """A value of a legacy string record (or a typed one) as its column's Python type."""
    if value is None or value == "" or (value == "unknown" and kind != "str"):
        return None
    if isinstance(value, Money):
        return value.amount
    if kind in ("money", "exact", "rate"):
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if kind == "timestamp" and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return getattr(value, "value", value) if kind == "str" else value


def typed(rows: Iterable[Mapping[str, object]], kind: type | str) -> list[Row]:
    """Typed rows: each column of *kind* (a type or its name in :data:`COLUMNS`) as its type.

    ISO strings become dates, decimal strings :class:`~decimal.Decimal`, ``""`` and
    ``"unknown"`` ``None``; keys keep their order.

    >>> typed([{"start": "2026-03-02", "days": 3, "interest": "1.5", "rate": ""}],
    ...       "InterestResult")
    [{'start': datetime.date(2026, 3, 2), 'days': 3, 'interest': Decimal('1.5'), 'rate': None}]
    """
    kinds = dict(COLUMNS[_name(kind)])
    checked = check_items(rows, "rows", Mapping)
    return [{k: _value(v, kinds.get(k, "str")) for k, v in row.items()} for row in checked]


def _arrow(kind: str) -> Any:
    import pyarrow as pa  # noqa: PLC0415 -- optional, loaded only when asked

    return {
        "money": pa.decimal128(20, 2),
        "exact": pa.decimal128(28, 6),
        "rate": pa.decimal128(9, 4),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "str": pa.string(),
    }[kind]


def schema(kind: type | str) -> Any:
    """Arrow-skjema (Arrow schema): the :mod:`pyarrow` schema of a type's ``to_records()``.

    Amounts are ``decimal128(20, 2)`` (``decimal128(28, 6)`` for a period's exact interest),
    rates ``decimal128(9, 4)``, dates ``date32``, moments ``timestamp[us, UTC]``; every field is
    nullable (``None`` where a value is missing or not known yet). Needs pyarrow (the
    ``portfolio`` extra).

    >>> schema("FeeCap").names  # doctest: +SKIP
    ['amount', 'currency', 'allowed', 'provisional', 'reasons']

    Raises:
        InvalidInput: for a type that has no records.
    """
    name = _name(kind)
    pa = require_extra("pyarrow", "portfolio", needed_by="records.schema")

    return pa.schema([pa.field(column, _arrow(k)) for column, k in COLUMNS[name]])


def to_arrow(result: Any) -> Any:
    """The rows of ``result.to_records()`` as a :class:`pyarrow.Table` with :func:`schema`."""
    pa = require_extra("pyarrow", "portfolio", needed_by="records.to_arrow")
    layout = schema(type(result))  # refuses a type with no records first
    return pa.Table.from_pylist(result.to_records(), schema=layout)


def to_pandas(result: Any) -> Any:
    """A pandas DataFrame of ``result.to_records()`` with pyarrow-backed typed columns."""
    pd = require_extra("pandas", "frames", needed_by="records.to_pandas")
    return to_arrow(result).to_pandas(types_mapper=pd.ArrowDtype)


# -- the records of the types that had none ------------------------------------------------------


_HOMES: Final = {
    "FeeCap": "inkassorules.fees",
    "Claim": "inkassorules.claims",
    "ContactDecision": "inkassorules.contact",
    "Step": "inkassorules.timeline",
    "NextStep": "inkassorules.timeline",
}


def _need(value: object, name: str) -> None:
    """Refuse *value* unless it is the library's type *name* (imported here: no import cycle)."""
    import importlib  # noqa: PLC0415

    if not isinstance(value, getattr(importlib.import_module(_HOMES[name]), name)):
        raise InvalidInput(f"records: expected a {name}, got {value!r}")


def fee_cap_records(cap: FeeCap) -> list[Row]:
    """A fee cap as one row (reasons joined with ``"; "``)."""
    _need(cap, "FeeCap")
    return [
        {
            "amount": cap.amount.amount,
            "currency": cap.amount.currency,
            "allowed": cap.allowed,
            "provisional": cap.provisional,
            "reasons": "; ".join(cap.reasons) or None,
        }
    ]


def claim_records(claim: Claim) -> list[Row]:
    """A claim as one row."""
    _need(claim, "Claim")
    return [
        {
            "principal": claim.principal.amount,
            "currency": claim.principal.currency,
            "due_date": claim.due_date,
            "jurisdiction": claim.jurisdiction,
            "debtor_kind": claim.debtor_kind.value,
            "invoice_date": claim.invoice_date,
            "reference": claim.reference,
            "reminder_fee_agreed": claim.reminder_fee_agreed,
            "creditor_kind": None if claim.creditor_kind is None else claim.creditor_kind.value,
            "claim_kind": None if claim.claim_kind is None else claim.claim_kind.value,
        }
    ]


def contact_records(decision: ContactDecision) -> list[Row]:
    """A contact decision as one row (reasons joined with ``"; "``)."""
    _need(decision, "ContactDecision")
    return [
        {
            "allowed": decision.allowed,
            "at": decision.at,
            "channel": decision.channel,
            "is_law": decision.is_law,
            "policy": decision.policy,
            "reasons": "; ".join(decision.reasons) or None,
        }
    ]


def step_record(step: Step) -> Row:
    """A timeline step as a typed row (the ``Timeline`` columns)."""
    _need(step, "Step")
    return typed([step.to_record()], "Step")[0]


def next_step_records(answer: NextStep) -> list[Row]:
    """The next step as one row; the step's columns are None when there is none."""
    _need(answer, "NextStep")
    step = answer.step
    total = None if step is None or step.total is None else step.total.amount
    return [
        {
            "as_of": answer.as_of,
            "step": None if step is None else step.kind.value,
            "lawful_today": answer.lawful_today,
            "planned_on": answer.planned_on,
            "earliest_on": answer.earliest_on,
            "fee": None if step is None else step.fee.amount.amount,
            "total": total,
            "deadline": None if step is None else step.deadline,
            "currency": None if step is None else step.fee.amount.currency,
            "time_barred_on": answer.time_barred_on,
            "reason": answer.reason,
        }
    ]
