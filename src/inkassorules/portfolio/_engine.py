"""The columnar engine behind :func:`inkassorules.portfolio.evaluate` (numpy and pyarrow).

Every result but the interest depends only on a row's discrete inputs (every column but
``principal``): those are evaluated through the row API once per distinct key and broadcast.
The interest is the principal times an exact per-key factor (a fraction from the row API's
own interest calculation), rounded as the row API rounds, in int64 where that cannot overflow
and in Python integers where it could. Rows the columns cannot express this way (a payment, a
value of the wrong kind) go through :func:`~inkassorules.portfolio.evaluate_row` one by one.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from inkassorules._checks import check_date
from inkassorules.errors import InkassoError, InvalidInput
from inkassorules.money import Money
from inkassorules.no import interest as no_interest
from inkassorules.portfolio._rows import (
    CLAIM_COLUMNS,
    RESULT_COLUMNS,
    SUMMARY_COLUMNS,
    evaluate_row,
    evaluated,
    next_contact_at,
    row_case,
)
from inkassorules.se import interest as se_interest
from inkassorules.timeline import next_step

if TYPE_CHECKING:
    from collections.abc import Mapping

    from numpy.typing import NDArray

    from inkassorules.case import Case
    from inkassorules.law import LawBook
    from inkassorules.timeline import CreditorPolicy, NextStep

    Ints = NDArray[np.int64]
    Bools = NDArray[np.bool_]

_TEXT_COLUMNS: Final = (
    "jurisdiction",
    "currency",
    "debtor_kind",
    "creditor_kind",
    "claim_kind",
    "last_step",
)
_DATE_COLUMNS: Final = (
    "due_date",
    "invoice_date",
    "last_step_on",
    "last_step_deadline",
    "disputed_on",
)
_FLAG_COLUMNS: Final = ("reminder_fee_agreed", "disputed")
_EPOCH: Final = dt.date(1970, 1, 1)
_LIMIT: Final = 2**62
_MOMENT: Final = pa.timestamp("us", tz="UTC")  # one zone per column: the instant, in UTC


def _plain(column: pa.ChunkedArray) -> pa.Array:
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if pa.types.is_dictionary(array.type):
        array = array.cast(array.type.value_type)
    return array


def _is_text(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind)
    )


def _text_codes(array: pa.Array, bad: Bools) -> tuple[Ints, int]:
    """Codes for a text column: 0 for null, 1.. for each distinct value."""
    if pa.types.is_null(array.type):
        return np.zeros(len(array), np.int64), 1
    if not _is_text(array.type):
        bad |= array.is_valid().to_numpy(zero_copy_only=False)
        return np.zeros(len(array), np.int64), 1
    encoded = pc.dictionary_encode(array.cast(pa.large_string()))
    indices = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return indices + 1, len(encoded.dictionary) + 1


def _days_of_text(array: pa.Array, bad: Bools) -> tuple[Ints, Bools]:
    try:
        days = array.cast(pa.large_string()).cast(pa.date32())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        values = array.to_pylist()
        parsed: list[int | None] = []
        for i, value in enumerate(values):
            if value is None:
                parsed.append(None)
                continue
            try:
                parsed.append((dt.date.fromisoformat(value) - _EPOCH).days)
            except ValueError:
                bad[i] = True
                parsed.append(None)
        days = pa.array(parsed, pa.int32())
    return _days_of_date(days.cast(pa.int32()))


def _days_of_date(array: pa.Array) -> tuple[Ints, Bools]:
    valid = array.is_valid().to_numpy(zero_copy_only=False)
    days = array.cast(pa.int32()).fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
    return days, valid


def _days(array: pa.Array, bad: Bools) -> tuple[Ints, Bools]:
    """Day numbers (days since 1970-01-01) and where a value is given."""
    kind = array.type
    if pa.types.is_null(kind):
        return np.zeros(len(array), np.int64), np.zeros(len(array), np.bool_)
    if pa.types.is_date32(kind) or pa.types.is_date64(kind):
        return _days_of_date(array.cast(pa.date32()))
    if _is_text(kind):
        return _days_of_text(array, bad)
    if pa.types.is_timestamp(kind) and kind.tz is None:
        ticks = array.cast(pa.timestamp("ns")).cast(pa.int64())
        valid = ticks.is_valid().to_numpy(zero_copy_only=False)
        values = ticks.fill_null(0).to_numpy(zero_copy_only=False)
        days, rest = np.divmod(values, 86_400 * 10**9)
        bad |= valid & (rest != 0)  # a moment, not a date: the row API refuses it
        return days.astype(np.int64), valid
    bad |= array.is_valid().to_numpy(zero_copy_only=False)
    return np.zeros(len(array), np.int64), np.zeros(len(array), np.bool_)


def _flags(array: pa.Array, bad: Bools) -> Ints:
    if pa.types.is_null(array.type):
        return np.zeros(len(array), np.int64)
    if not pa.types.is_boolean(array.type):
        bad |= array.is_valid().to_numpy(zero_copy_only=False)
        return np.zeros(len(array), np.int64)
    flags: Ints = array.fill_null(fill_value=False).to_numpy(zero_copy_only=False).astype(np.int64)
    return flags


def _amounts(array: pa.Array, bad: Bools) -> tuple[Ints, Bools]:
    """Minor units (int64) and where a value is given; other kinds of value are marked bad."""
    kind = array.type
    size = len(array)
    if pa.types.is_null(kind):
        return np.zeros(size, np.int64), np.zeros(size, np.bool_)
    valid = array.is_valid().to_numpy(zero_copy_only=False)
    if pa.types.is_integer(kind):
        values = array.cast(pa.int64()).fill_null(0).to_numpy(zero_copy_only=False)
        return values.astype(np.int64), valid
    if _is_text(kind) or pa.types.is_decimal(kind):
        out = np.zeros(size, np.int64)
        for i, value in enumerate(array.to_pylist()):
            if value is None:
                continue
            try:
                amount = Decimal(value.strip() if isinstance(value, str) else value).scaleb(2)
            except ArithmeticError:
                bad[i] = True
                continue
            if (
                not amount.is_finite()
                or amount != amount.to_integral_value()
                or abs(amount) >= 2**63
            ):
                bad[i] = True
            else:
                out[i] = int(amount)
        return out, valid
    if pa.types.is_floating(kind):
        raise InvalidInput(
            "portfolio: money columns must be minor units (integers) or decimal strings, "
            f"not floats (got a {kind} column)"
        )
    bad |= valid
    return np.zeros(size, np.int64), valid


class _Key:
    """A mixed-radix key over several code columns, compressed whenever it would overflow."""

    def __init__(self, size: int) -> None:
        self.code: Ints = np.zeros(size, np.int64)
        self.radix = 1

    def add(self, codes: Ints, radix: int) -> None:
        if radix <= 1:
            return
        if self.radix * radix >= _LIMIT:
            _, inverse = np.unique(self.code, return_inverse=True)
            self.code = inverse.astype(np.int64)
            self.radix = int(self.code.max(initial=0)) + 1
        self.code = self.code * radix + codes
        self.radix *= radix

    def add_values(self, values: Ints, given: Bools | None = None) -> None:
        if len(values) == 0:
            return
        if given is not None:
            values = np.where(given, values, 0)
        low, high = int(values.min()), int(values.max())
        span = high - low + 1
        if given is not None:
            codes = np.where(given, values - low + 1, 0)
            span += 1
        else:
            codes = values - low
        if span > 2**24:
            _, inverse = np.unique(codes, return_inverse=True)
            codes = inverse.astype(np.int64)
            span = int(codes.max(initial=0)) + 1
        self.add(codes, span)


def _minor_of(money: Any) -> int:
    value = money.amount.scaleb(2)
    return int(value)


def _factor(row: dict[str, object], as_of: dt.date, law: LawBook | None) -> Fraction:
    """The exact interest per krone of principal to *as_of* for *row*'s case (row API).

    What :func:`~inkassorules.ledger.balance` accrues on a case without payments: late
    interest from the country's interest start (the due date rolled onto a business day) for
    the days before *as_of*, through the country's own interest function.
    """
    claim = row_case(row, principal=100).claim
    code = claim.jurisdiction
    rules = no_interest if code == "NO" else se_interest
    start = rules.interest_start(due_date=claim.due_date, law=law).start
    if as_of <= start:
        return Fraction(0)
    one = Money.of(1, claim.currency)
    result = rules.late_interest(one, due_date=start, paid_on=as_of, law=law, roll_due_date=False)
    return Fraction(result.exact)


def _step_factor(answer: NextStep, case: Case, as_of: dt.date) -> Fraction | None:
    """The interest per krone to *as_of* from the step's own interest, where it runs to *as_of*.

    A step planned on *as_of* carries the late interest from the interest start to that day on
    the principal (no payments here): the same span :func:`_factor` computes. None otherwise.
    """
    step = answer.step
    if step is None or step.planned_on != as_of or step.interest is None:
        return None
    interest = step.interest
    if interest.applications:
        return None
    return Fraction(interest.exact) / Fraction(case.claim.principal.amount)


class _Answers:
    """Answers by index: the result fields, and the error raised (None where none)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []
        self.errors: list[InkassoError | None] = []
        self.factors: list[Fraction | None] = []
        self.memo: dict[tuple[object, object, object], Fraction] = {}
        self.contacts: dict[object, dt.datetime | None] = {}

    def key(
        self,
        row: dict[str, object],
        as_of: dt.date,
        policy: CreditorPolicy | None,
        law: LawBook | None,
    ) -> None:
        try:
            case = row_case(row)
            answer = next_step(case, as_of=as_of, policy=policy, law=law)
            span = (row.get("jurisdiction"), row.get("currency"), row.get("due_date"))
            factor = self.memo.get(span)
            if factor is None:
                factor = self.memo[span] = _step_factor(answer, case, as_of) or _factor(
                    row, as_of, law
                )
            code = case.claim.jurisdiction
            if code not in self.contacts:  # a row's case has no contact attempts
                self.contacts[code] = next_contact_at(case, as_of=as_of, law=law)
        except InkassoError as error:
            self.rows.append(evaluate_row(row, as_of=as_of, policy=policy, law=law))
            self.errors.append(error)
            self.factors.append(None)
            return
        step = answer.step
        self.rows.append(
            {
                "next_step_kind": None if step is None else step.kind.value,
                "next_step_on": answer.planned_on,
                "earliest_lawful_on": answer.earliest_on,
                "lawful_today": answer.lawful_today,
                "next_contact_at": self.contacts[code],
                "fee": None if step is None else _minor_of(step.fee.amount),
                "interest": None,
                "time_barred_on": answer.time_barred_on,
                "status": "none" if step is None else step.status,
                "reason": answer.reason,
                "error": None,
                "error_message": None,
            }
        )
        self.errors.append(None)
        self.factors.append(factor)

    def row(
        self,
        row: dict[str, object],
        as_of: dt.date,
        policy: CreditorPolicy | None,
        law: LawBook | None,
    ) -> None:
        answer, error = evaluated(row, as_of=as_of, policy=policy, law=law)
        self.rows.append(answer)
        self.errors.append(error)
        self.factors.append(None)


def _column(answers: _Answers, name: str, kind: pa.DataType, which: pa.Array) -> pa.Array:
    return pc.take(pa.array([a[name] for a in answers.rows], kind), which)


def _interest(
    principal: Ints, vector: Bools, which: Ints, answers: _Answers, keys: int
) -> pa.Array:
    """The interest column: principal x factor, rounded half up, exact."""
    size = len(principal)
    numerators = np.zeros(keys, np.int64)
    denominators = np.ones(keys, np.int64)
    known = np.zeros(keys, np.bool_)
    big = np.zeros(keys, np.bool_)
    for k in range(keys):
        factor = answers.factors[k]
        if factor is None:
            continue
        known[k] = True
        if factor.numerator >= _LIMIT or factor.denominator >= _LIMIT // 2:
            big[k] = True
        else:
            numerators[k] = factor.numerator
            denominators[k] = factor.denominator
    out = np.zeros(size, np.int64)
    valid = np.zeros(size, np.bool_)
    rows = np.flatnonzero(vector)
    keyed = which[rows]
    p = principal[rows]
    n = numerators[keyed]
    d = denominators[keyed]
    fits = known[keyed] & ~big[keyed] & (p.astype(np.float64) * n.astype(np.float64) < _LIMIT)
    product = p[fits] * n[fits]
    cents, rest = np.divmod(product, d[fits])
    cents += 2 * rest >= d[fits]  # ROUND_HALF_UP, as interest._round
    out[rows[fits]] = cents
    valid[rows[fits]] = True
    for i in rows[known[keyed] & ~fits]:  # int64 could overflow: Python integers
        factor = answers.factors[int(which[i])]
        assert factor is not None  # noqa: S101 -- known
        whole, part = divmod(int(principal[i]) * factor.numerator, factor.denominator)
        out[i] = whole + (2 * part >= factor.denominator)
        valid[i] = True
    for i in np.flatnonzero(~vector):
        value = answers.rows[int(which[i])]["interest"]
        if value is not None:
            out[i] = int(value)  # type: ignore[call-overload]
            valid[i] = True
    return pa.array(out, pa.int64(), mask=~valid)


def to_arrow(table: object) -> tuple[str, pa.Table]:
    """The input as a pyarrow Table, and what kind it was."""
    if isinstance(table, pa.Table):
        return "arrow", table
    module = type(table).__module__.split(".", 1)[0]
    if module == "pandas":
        return "pandas", pa.Table.from_pandas(table, preserve_index=False)
    if module == "polars":
        return "polars", table.to_arrow()  # type: ignore[attr-defined]
    if isinstance(table, dict) or hasattr(table, "keys"):
        try:
            columns = {str(k): pa.array(v) for k, v in table.items()}  # type: ignore[attr-defined]
        except (pa.ArrowException, TypeError, ValueError) as error:
            raise InvalidInput(
                f"portfolio: a mapping of columns could not be read: {error}"
            ) from None
        return "mapping", pa.table(columns)
    raise InvalidInput(
        "portfolio: expected a pyarrow Table, a pandas or polars DataFrame, or a mapping of "
        f"column name to array, got {type(table).__name__}"
    )


def from_arrow(kind: str, table: pa.Table) -> object:
    """*table* as the kind of table the input was (a mapping gives a pyarrow Table)."""
    if kind == "pandas":
        import pandas as pd  # noqa: PLC0415 -- only for pandas input

        frame = table.to_pandas(types_mapper=pd.ArrowDtype)
        frame.attrs["row_api_rows"] = int(pc.sum(table.column("row_api")).as_py() or 0)
        return frame
    if kind == "polars":
        import polars as pl  # noqa: PLC0415 -- only for polars input

        return pl.from_arrow(table)
    return table


def _keys(table: pa.Table) -> tuple[Ints, Ints, Bools]:
    """The principals, each row's key over its other inputs, and the rows for the row API."""
    size = table.num_rows
    known = set(CLAIM_COLUMNS) | set(SUMMARY_COLUMNS)
    columns: Mapping[str, pa.Array] = {
        name: _plain(table.column(name)) if name in table.column_names else pa.nulls(size)
        for name in known
    }
    bad = np.zeros(size, np.bool_)
    principal, given = _amounts(columns["principal"], bad)
    bad |= ~given | (principal <= 0)  # the row API says what is wrong
    key = _Key(size)
    for name in _TEXT_COLUMNS:
        key.add(*_text_codes(columns[name], bad))
    for name in _DATE_COLUMNS:
        key.add_values(*_days(columns[name], bad))
    flags = {name: _flags(columns[name], bad) for name in _FLAG_COLUMNS}
    for name in _FLAG_COLUMNS:
        key.add(flags[name], 2)
    # A dispute of the whole claim is of its principal: the reasons name the amount, so a
    # disputed row's key holds its principal.
    key.add_values(np.where(flags["disputed"] == 1, principal, 0))
    fees, _ = _amounts(columns["fees_charged"], bad)
    key.add_values(fees)
    paid, _ = _amounts(columns["paid"], bad)
    bad |= paid != 0  # a payment: allocation depends on the amounts, so the row API
    return principal, key.code, bad


def evaluate_arrow(
    table: pa.Table,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None,
    law: LawBook | None,
    strict: bool,
) -> pa.Table:
    """:func:`inkassorules.portfolio.evaluate` on a pyarrow Table."""
    check_date(as_of, "as_of")
    clash = sorted(set(table.column_names) & set(RESULT_COLUMNS))
    if clash:
        raise InvalidInput(f"portfolio: the input has result columns {clash}; drop them first")
    size = table.num_rows
    principal, key, bad = _keys(table)
    vector = ~bad
    rows = np.flatnonzero(vector)
    which = np.zeros(size, np.int64)
    answers = _Answers()
    keys = 0
    if len(rows):
        _, first, inverse = np.unique(key[rows], return_index=True, return_inverse=True)
        keys = len(first)
        which[rows] = inverse.reshape(-1)
        for row in table.take(pa.array(rows[first])).to_pylist():
            answers.key(row, as_of, policy, law)
    others = np.flatnonzero(bad)
    which[others] = keys + np.arange(len(others))
    if len(others):
        for row in table.take(pa.array(others)).to_pylist():
            answers.row(row, as_of, policy, law)
    if strict:
        erred = [int(i) for i in np.flatnonzero(_erred(answers, which))]
        if erred:
            error = answers.errors[int(which[erred[0]])]
            if error is not None:
                raise error
    indices = pa.array(which)
    date = pa.date32()
    text = pa.large_string()
    result = {
        "as_of": pa.array(np.full(size, (as_of - _EPOCH).days, np.int32)).cast(date),
        "next_step_kind": _column(answers, "next_step_kind", text, indices),
        "next_step_on": _column(answers, "next_step_on", date, indices),
        "earliest_lawful_on": _column(answers, "earliest_lawful_on", date, indices),
        "lawful_today": _column(answers, "lawful_today", pa.bool_(), indices),
        "next_contact_at": _column(answers, "next_contact_at", _MOMENT, indices),
        "fee": _column(answers, "fee", pa.int64(), indices),
        "interest": _interest(principal, vector, which, answers, keys),
        "time_barred_on": _column(answers, "time_barred_on", date, indices),
        "status": _column(answers, "status", text, indices),
        "reason": _column(answers, "reason", text, indices),
        "error": _column(answers, "error", text, indices),
        "error_message": _column(answers, "error_message", text, indices),
        "row_api": pa.array(bad),
    }
    out = table
    for name in RESULT_COLUMNS:
        out = out.append_column(name, result[name])
    metadata = dict(out.schema.metadata or {})
    metadata[b"inkassorules.row_api_rows"] = str(len(others)).encode()
    metadata[b"inkassorules.keys"] = str(keys).encode()
    return out.replace_schema_metadata(metadata)


def _erred(answers: _Answers, which: Ints) -> Bools:
    failed = np.array([e is not None for e in answers.errors], np.bool_)
    if len(failed) == 0:
        return np.zeros(len(which), np.bool_)
    return failed[which]
