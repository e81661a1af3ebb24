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

from inkassorules import timeline as _timeline
from inkassorules._checks import check_date, check_law
from inkassorules.claims import Claim
from inkassorules.errors import InkassoError, InvalidInput
from inkassorules.law import builtin, cache_key
from inkassorules.money import Money
from inkassorules.no import interest as no_interest
from inkassorules.portfolio._rows import (
    CLAIM_COLUMNS,
    RESULT_COLUMNS,
    SUMMARY_COLUMNS,
    _claim,
    evaluate_row,
    evaluated,
    next_contact_at,
    row_case,
)
from inkassorules.se import interest as se_interest
from inkassorules.steps import Channel
from inkassorules.timeline import CreditorPolicy, next_step

if TYPE_CHECKING:
    from collections.abc import Mapping

    from numpy.typing import NDArray

    from inkassorules.case import Case
    from inkassorules.law import LawBook
    from inkassorules.timeline import NextStep

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
        if pa.types.is_uint64(kind):  # above int64: the row API says what is wrong
            over = pc.greater(array, pa.scalar(2**63 - 1, pa.uint64())).fill_null(fill_value=False)
            bad |= over.to_numpy(zero_copy_only=False)
            array = pc.if_else(over, pa.scalar(0, pa.uint64()), array)
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


class _RateTable:
    """Late interest per krone from each start day to *as_of*: suffix sums of the day factors.

    One call of the country's own interest function, from the earliest start to *as_of*, gives
    the periods of one rate and year length; within a period each day accrues the same exact
    fraction, so the interest from any later start is the sum of its days' fractions. Checked
    against a direct call from a middle start; where that differs (a book whose day count is
    not linear in days), every start gets its own direct call.
    """

    def __init__(self, code: str, first: dt.date, as_of: dt.date, law: LawBook | None) -> None:
        self.rules = no_interest if code == "NO" else se_interest
        self.one = Money.of(1, "NOK" if code == "NO" else "SEK")
        self.first, self.as_of, self.law = first, as_of, law
        self.sums: list[Fraction] | None = None
        self.direct: dict[dt.date, Fraction] = {}
        if first >= as_of:
            self.sums = [Fraction(0)]
            return
        result = self.rules.late_interest(
            self.one, due_date=first, paid_on=as_of, law=law, roll_due_date=False
        )
        whole = self.direct[first] = Fraction(result.exact)
        days: list[Fraction] = []
        for period in result.periods:
            if period.days <= 0:
                continue
            share: Fraction = Fraction(period.exact) / period.days
            days.extend([share] * period.days)
        if len(days) != (as_of - first).days:
            return
        sums = [Fraction(0)] * (len(days) + 1)
        for i in range(len(days) - 1, -1, -1):
            sums[i] = sums[i + 1] + days[i]
        middle = first + dt.timedelta(days=len(days) // 2)
        if sums[0] == whole and sums[len(days) // 2] == self._direct(middle):
            self.sums = sums

    def _direct(self, start: dt.date) -> Fraction:
        found = self.direct.get(start)
        if found is None:
            result = self.rules.late_interest(
                self.one, due_date=start, paid_on=self.as_of, law=self.law, roll_due_date=False
            )
            found = self.direct[start] = Fraction(result.exact)
        return found

    def factor(self, start: dt.date) -> Fraction:
        """The interest per krone from *start* to *as_of* (0 when *start* is not before it)."""
        if start >= self.as_of:
            return Fraction(0)
        if self.sums is not None:
            return self.sums[(start - self.first).days]
        return self._direct(start)


def _rate_table(code: str, first: dt.date, as_of: dt.date, law: LawBook | None) -> _RateTable:
    """The rate table of *code* to *as_of* from *first* or earlier, kept between calls."""
    key = (code, as_of, cache_key(law))
    table = _SHARED_TABLES.get(key)
    if table is None or table.first > first:
        if len(_SHARED_TABLES) >= 4 * _DAYS_KEPT:
            _SHARED_TABLES.clear()
        table = _SHARED_TABLES[key] = _RateTable(code, first, as_of, law)
    return table


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


_BARE_EMPTY: Final = (
    ("last_step", (None,)),
    ("fees_charged", (None, 0)),
    ("paid", (None, 0)),
    ("disputed", (None, False)),
)


def _bare_rows(table: pa.Table) -> Bools:
    """:func:`_bare` of every row of *table*, from its columns."""
    bare: Bools = np.ones(table.num_rows, np.bool_)
    names = set(table.column_names)
    for name, _ in _BARE_EMPTY:
        if name not in names:
            continue
        column = _plain(table.column(name))
        empty = column.is_null()
        kind = column.type
        if name != "last_step" and pa.types.is_integer(kind):
            empty = pc.or_kleene(empty, pc.equal(column, 0))
        elif name == "disputed" and pa.types.is_boolean(kind):
            empty = pc.or_kleene(empty, pc.invert(column))
        bare &= empty.fill_null(fill_value=True).to_numpy(zero_copy_only=False)
    return bare


def _bare(row: dict[str, object]) -> bool:
    """True if *row*'s case is its bare claim: no last step, fees, payment or dispute."""
    for name, empty in _BARE_EMPTY:
        value = row.get(name)
        if not any(value is e or (type(value) is int and value == e) for e in empty):
            return False
    return True


class _Lean:
    """The row API's next step for a bare claim, without the parts the columns do not carry.

    :func:`~inkassorules.timeline.next_step` on a case without events plans its first step
    only; this takes the same decisions with the same country rules (earliest lawful day,
    policy day, fee cap, deadline, limitation), but skips what only the Step and its
    explanation need (the interest to the planned day, the amounts due, the reasons), and
    builds the claims of one template (every claim column but the dates) without re-parsing
    them. Anything it does not cover (a phone step, a policy without steps) is left to the row
    API (None), and so is every error: the row API then raises it, with its own message.
    """

    def __init__(self, as_of: dt.date, policy: CreditorPolicy | None, law: LawBook | None) -> None:
        self.as_of = as_of
        self.policy = policy
        self.law = law
        self.book = builtin() if law is None else law
        self.key = cache_key(law)
        self.templates: dict[tuple[object, ...], tuple[Claim, bool]] = {}
        try:
            check_law(law)
        except InkassoError:  # every row says so, through the row API
            self.law_ok = False
        else:
            self.law_ok = True
        # A policy of the caller's is only known by identity: its results stay in this call.
        shared = policy is None
        self.pieces = _SHARED_PIECES if shared else {}
        self.fees = _SHARED_FEES if shared else {}

    def claim(self, row: dict[str, object]) -> Claim:
        template = tuple(row.get(n) for n in _TEMPLATE)
        principal = row.get("principal")
        due, invoice = row.get("due_date"), row.get("invoice_date")
        known = self.templates.get(template)
        if (
            known is None
            or type(principal) is not int
            or type(due) is not dt.date
            or not (invoice is None or type(invoice) is dt.date)
        ):
            claim = _claim(row, _principal(row))
            self.templates.setdefault(template, (claim, True))
            return claim
        model, _ = known
        return Claim(
            principal=Money.of(Decimal(principal).scaleb(-2), model.currency),
            due_date=due,
            jurisdiction=model.jurisdiction,
            debtor_kind=model.debtor_kind,
            invoice_date=invoice,
            reminder_fee_agreed=model.reminder_fee_agreed,
            creditor_kind=model.creditor_kind,
            claim_kind=model.claim_kind,
        )

    def answer(self, row: dict[str, object]) -> tuple[dict[str, object], Claim, dt.date] | None:
        """The result fields but the interest and the contact slot, the claim, the interest start.

        None where the lean path does not apply (the row API then answers).
        """
        if not self.law_ok:
            return None
        try:
            memo_key = (
                tuple(row.get(n) for n in _TEMPLATE),
                row.get("due_date"),
                row.get("invoice_date"),
                self.key,
            )
            found = self.pieces.get(memo_key)
        except TypeError:  # a value that cannot be a key: the row API
            return None
        if found is None:
            found = self._pieces(self.claim(row))
            if found is None:
                return None
            if len(self.pieces) > _MEMO_LIMIT:
                self.pieces.clear()
            self.pieces[memo_key] = found
        claim, rules, chosen, kind, name, channel, lawful, day, start, barred = found
        as_of = self.as_of
        wanted = max(lawful, day)
        status = "overdue" if wanted < as_of else "due" if wanted == as_of else "planned"
        planned = max(wanted, as_of)
        fee_key = (memo_key, planned)
        fee = self.fees.get(fee_key)
        if fee is None:
            context = _timeline._Context(claim=claim, law=self.book, policy=chosen, earlier=())  # noqa: SLF001
            cap, _, _ = _timeline._fees(rules, context, kind, planned, None)  # noqa: SLF001
            rules.deadline(context, kind, planned, channel)  # raises as the planner does
            rules.latest(context, kind, planned)
            fee = _whole_minor(cap.amount)
            if len(self.fees) > _MEMO_LIMIT:
                self.fees.clear()
            self.fees[fee_key] = fee
        earliest = max(lawful, as_of)
        today = lawful <= as_of
        if today:
            reason = f"{name} may be taken today ({as_of.isoformat()})"
        else:
            reason = f"{name} may be taken from {earliest.isoformat()}"
        answer: dict[str, object] = {
            "next_step_kind": kind.value,
            "next_step_on": planned,
            "earliest_lawful_on": earliest,
            "lawful_today": today,
            "fee": fee,
            "interest": None,
            "time_barred_on": None,
            "status": status,
            "reason": reason,
            "error": None,
            "error_message": None,
        }
        if barred is not None:
            _time_barred(answer, barred, as_of, planned, claim.jurisdiction)
        return answer, claim, start

    def _pieces(self, claim: Claim) -> tuple[Any, ...] | None:
        """What of the first step does not depend on ``as_of`` (None: not for the lean path)."""
        rules = _timeline._rules(claim.jurisdiction)  # noqa: SLF001 -- the planner's own rules
        chosen: object = self.policy
        if chosen is None:
            chosen = _timeline._practice(rules.code)  # noqa: SLF001
        if not isinstance(chosen, CreditorPolicy):
            return None
        book = self.book
        # The planner's own interest start (it raises as the planner does outside the data):
        # the country's interest_start on the due date, memoised for the built-in book.
        start = rules.interest_start(claim, book).start
        kinds = _timeline._country_kinds(rules.code, chosen.steps)  # noqa: SLF001
        if not kinds:
            return None
        kind = kinds[0]
        channel = chosen.channel_for(kind)
        if channel is Channel.PHONE:
            return None
        context = _timeline._Context(claim=claim, law=book, policy=chosen, earlier=())  # noqa: SLF001
        lawful = rules.earliest(context, kind).day
        day, _ = _timeline._policy_day(claim, chosen, kind, None)  # noqa: SLF001
        barred = _timeline._bare_bar(claim, self.key)  # noqa: SLF001
        name = rules.names[kind]
        return (claim, rules, chosen, kind, name, channel, lawful, day, start, barred)


def _time_barred(
    answer: dict[str, object], barred: Any, as_of: dt.date, planned: dt.date, code: str
) -> None:
    """*answer* with the limitation day, as ``timeline.with_limitation`` gives it."""
    bar = barred.day
    answer["time_barred_on"] = bar
    if as_of >= bar:
        answer |= {
            "next_step_kind": None,
            "next_step_on": None,
            "earliest_lawful_on": None,
            "lawful_today": False,
            "fee": None,
            "status": "none",
            "reason": (
                f"the claim has been time-barred since {bar.isoformat()} ({barred.period}): "
                "no collection step may be taken"
            ),
        }
    elif planned >= bar:
        how = _timeline._INTERRUPTS[code]  # noqa: SLF001
        answer["reason"] = (
            f"{answer['reason']}; but the claim becomes time-barred on {bar.isoformat()}: "
            f"interrupt the limitation period before then by {how}"
        )


_MEMO_LIMIT: Final = 200_000
# What a bare claim's first step is, by claim columns and book, for the default policy: it does
# not depend on as_of (a fee cap is kept by the day it is planned for). Shared by the calls of
# one process, as the country rules keep their own results.
_SHARED_PIECES: dict[tuple[object, ...], tuple[Any, ...]] = {}
_SHARED_FEES: dict[tuple[object, ...], int] = {}
# The compiled day tables of recent calls, by as_of and book (default policy only): the lean
# answers (a bare claim's results but its principal's interest) and the interest rate tables.
_DAYS_KEPT: Final = 8
_SHARED_ANSWERS: dict[
    tuple[dt.date, object], dict[tuple[object, ...], tuple[dict[str, object], Fraction]]
] = {}
_SHARED_TABLES: dict[tuple[str, dt.date, object], _RateTable] = {}


def _forget() -> None:
    """Drop what calls keep for later calls (the benchmark times a first call with it)."""
    for kept in (_SHARED_PIECES, _SHARED_FEES, _SHARED_ANSWERS, _SHARED_TABLES, _SHARED_DAYS):
        kept.clear()


_TEMPLATE: Final = (
    "jurisdiction",
    "currency",
    "debtor_kind",
    "creditor_kind",
    "claim_kind",
    "reminder_fee_agreed",
)


def _principal(row: dict[str, object]) -> int:
    case = row_case(row)  # parses and checks the principal as the row API does
    return _whole_minor(case.claim.principal)


def _whole_minor(money: Money) -> int:
    value = money.amount.scaleb(2)
    if value != value.to_integral_value():
        raise InvalidInput(f"{money} is not a whole number of øre / öre")
    return int(value)


class _Answers:
    """Answers by index: the result fields, and the error raised (None where none)."""

    def __init__(self, as_of: dt.date, policy: CreditorPolicy | None, law: LawBook | None) -> None:
        self.as_of, self.policy, self.law = as_of, policy, law
        self.rows: list[dict[str, object]] = []
        self.errors: list[InkassoError | None] = []
        self.factors: list[Fraction | None] = []
        self.memo: dict[tuple[object, object, object], Fraction] = {}
        self.contacts: dict[object, dt.datetime | None] = {}
        self.lean = _Lean(as_of, policy, law)
        # Finished lean answers of earlier calls on the same day, book and default policy:
        # claim columns -> (result fields, interest factor). Only filled in by settle().
        self.done: dict[tuple[object, ...], tuple[dict[str, object], Fraction]] | None = None
        self.fresh: list[tuple[int, tuple[object, ...]]] = []
        if policy is None:
            day_key = (as_of, cache_key(law))
            self.done = _SHARED_ANSWERS.get(day_key)
            if self.done is None:
                if len(_SHARED_ANSWERS) >= _DAYS_KEPT:
                    _SHARED_ANSWERS.clear()
                self.done = _SHARED_ANSWERS[day_key] = {}
        # Bare claims whose interest factor comes from the rate table: (index, code, start, row).
        self.pending: list[tuple[int, str, dt.date, dict[str, object]]] = []

    def _contact(self, case: Case) -> dt.datetime | None:
        code = case.claim.jurisdiction
        if code not in self.contacts:  # a row's case has no contact attempts
            self.contacts[code] = next_contact_at(case, as_of=self.as_of, law=self.law)
        return self.contacts[code]

    def _lean(self, row: dict[str, object]) -> bool:
        """Row *row*'s key by the lean path for a bare claim; False where it does not apply."""
        done = self.done
        memo_key: tuple[object, ...] | None = None
        if done is not None:
            try:
                memo_key = (
                    tuple([row.get(n) for n in _TEMPLATE]),
                    row.get("due_date"),
                    row.get("invoice_date"),
                )
                known = done.get(memo_key)
            except TypeError:  # a value that cannot be a key: the row API
                return False
            if known is not None:
                self.rows.append(known[0])
                self.errors.append(None)
                self.factors.append(known[1])
                return True
        try:
            found = self.lean.answer(row)
            if found is None:
                return False
            answer, claim, start = found
            code = claim.jurisdiction
            if code not in self.contacts:
                from inkassorules.case import Case  # noqa: PLC0415 -- as _rows: loaded on use

                self._contact(Case(claim=claim))
            answer["next_contact_at"] = self.contacts[code]
        except InkassoError:
            return False  # the row API raises it again, with its own message
        if memo_key is not None:
            self.fresh.append((len(self.rows), memo_key))
        self.pending.append((len(self.rows), code, start, row))
        self.rows.append(answer)
        self.errors.append(None)
        self.factors.append(None)
        return True

    def keys(self, firsts: pa.Table) -> None:
        """Every key, from its first row: answers kept from earlier calls, the rest one by one.

        A bare row whose claim columns an earlier call on the same day and book answered takes
        that answer (found from the columns, without building the row); the others go through
        :meth:`key`.
        """
        size = firsts.num_rows
        kept: list[tuple[dict[str, object], Fraction] | None] = [None] * size
        done = self.done
        if done and size:
            bare = _bare_rows(firsts)
            names = set(firsts.column_names)
            nothing: list[object] = [None] * size
            values = [
                _plain(firsts.column(n)).to_pylist() if n in names else nothing
                for n in (*_TEMPLATE, "due_date", "invoice_date")
            ]
            templates = zip(*values[: len(_TEMPLATE)], strict=True)
            for i, memo_key in enumerate(zip(templates, values[-2], values[-1], strict=True)):
                if bare[i]:
                    try:
                        kept[i] = done.get(memo_key)
                    except TypeError:  # a value that cannot be a key: the row API
                        continue
        missing = [i for i, known in enumerate(kept) if known is None]
        if len(missing) == size:
            built = iter(firsts.to_pylist())
        else:
            built = iter(firsts.take(pa.array(missing, pa.int64())).to_pylist())
        for known in kept:
            if known is None:
                self.key(next(built))
            else:
                self.rows.append(known[0])
                self.errors.append(None)
                self.factors.append(known[1])

    def key(self, row: dict[str, object]) -> None:
        as_of, policy, law = self.as_of, self.policy, self.law
        if _bare(row) and self._lean(row):
            return
        try:
            case = row_case(row)
            answer = next_step(case, as_of=as_of, policy=policy, law=law)
            span = (row.get("jurisdiction"), row.get("currency"), row.get("due_date"))
            factor = self.memo.get(span)
            if factor is None:
                factor = self.memo[span] = _step_factor(answer, case, as_of) or _factor(
                    row, as_of, law
                )
            contact = self._contact(case)
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
                "next_contact_at": contact,
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

    def settle(self) -> None:
        """The interest factors of the lean keys, from one rate table per country."""
        by_code: dict[str, list[tuple[int, str, dt.date, dict[str, object]]]] = {}
        for item in self.pending:
            by_code.setdefault(item[1], []).append(item)
        for code, items in by_code.items():
            try:
                table = _rate_table(code, min(i[2] for i in items), self.as_of, self.law)
                factors = [table.factor(start) for _, _, start, _ in items]
            except InkassoError:  # a rate the data lacks: the row API says which, per key
                for index, _, _, row in items:
                    answer, error = evaluated(
                        row, as_of=self.as_of, policy=self.policy, law=self.law
                    )
                    self.rows[index], self.errors[index] = answer, error
                    if error is None:  # pragma: no cover - the table failed, the row did not
                        self.factors[index] = _factor(row, self.as_of, self.law)
                continue
            for (index, _, _, _), factor in zip(items, factors, strict=True):
                self.factors[index] = factor
        self.pending = []
        self._keep()

    def _keep(self) -> None:
        """Keep this call's finished lean answers for later calls on the same day and book."""
        done = self.done
        if done is not None:
            if len(done) > _MEMO_LIMIT:
                done.clear()
            for index, memo_key in self.fresh:
                factor = self.factors[index]
                if self.errors[index] is None and factor is not None:
                    done[memo_key] = (self.rows[index], factor)
        self.fresh = []

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


_UTC_EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND: Final = dt.timedelta(microseconds=1)


def _number(value: object) -> int:
    """A fixed-width result value as the integer Arrow stores (days, microseconds, 0/1)."""
    if isinstance(value, dt.datetime):
        return (value - _UTC_EPOCH) // _MICROSECOND
    if isinstance(value, dt.date):
        return (value - _EPOCH).days
    return int(value)  # type: ignore[call-overload,no-any-return]


def _column(answers: _Answers, name: str, kind: pa.DataType, which: Ints) -> pa.Array:
    """Result column *name*: each key's value, gathered for the rows (numpy where fixed-width)."""
    values = [a[name] for a in answers.rows]
    size = len(which)
    if all(value is None for value in values):
        return pa.nulls(size, kind)
    if _is_text(kind):
        return pc.take(pa.array(values, kind), pa.array(which))
    missing = np.array([value is None for value in values], np.bool_)
    storage = np.int32 if pa.types.is_date32(kind) else np.int64
    numbers = np.array([0 if value is None else _number(value) for value in values], storage)
    gathered = numbers[which]
    if pa.types.is_boolean(kind):
        gathered = gathered.astype(np.bool_)
    mask = missing[which] if missing.any() else None
    return pa.array(gathered, kind, mask=mask)


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
    if (
        size
        and keys
        and known.all()
        and not big.any()
        and bool(vector.all())
        and 2 * int(principal.max()) * int(numerators.max()) + int(denominators.max()) < _LIMIT
    ):  # every row by the engine, no product near overflow: one pass, no mask
        d = denominators[which]
        return pa.array((2 * principal * numerators[which] + d) // (2 * d), pa.int64())
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


def _keys(table: pa.Table) -> tuple[Ints, _Key, Bools]:
    """The principals, each row's key over its other inputs, and the rows for the row API.

    A column that is absent or all null adds nothing to the key (every row has the same value).
    """
    size = table.num_rows
    known = set(CLAIM_COLUMNS) | set(SUMMARY_COLUMNS)
    columns: Mapping[str, pa.Array] = {
        name: _plain(table.column(name)) for name in known if name in table.column_names
    }
    columns = {
        name: column
        for name, column in columns.items()
        if name == "principal" or column.null_count < len(column)
    }
    bad = np.zeros(size, np.bool_)
    principal, given = _amounts(columns.get("principal", pa.nulls(size)), bad)
    bad |= ~given | (principal <= 0)  # the row API says what is wrong
    key = _Key(size)
    for name in _TEXT_COLUMNS:
        if name in columns:
            key.add(*_text_codes(columns[name], bad))
    for name in _DATE_COLUMNS:
        if name in columns:
            key.add_values(*_days(columns[name], bad))
    for name in _FLAG_COLUMNS:
        if name in columns:
            flags = _flags(columns[name], bad)
            key.add(flags, 2)
            if name == "disputed":
                # A dispute of the whole claim is of its principal: the reasons name the
                # amount, so a disputed row's key holds its principal.
                key.add_values(np.where(flags == 1, principal, 0))
    if "fees_charged" in columns:
        fees, _ = _amounts(columns["fees_charged"], bad)
        key.add_values(fees)
    if "paid" in columns:
        paid, _ = _amounts(columns["paid"], bad)
        bad |= paid != 0  # a payment: allocation depends on the amounts, so the row API
    return principal, key, bad


def _unique(codes: Ints, radix: int) -> tuple[Ints, Ints]:
    """A first row of each distinct code, and each row's index among the distinct codes.

    In code order, as ``np.unique`` gives them; by a table of the codes present where the
    radix is small (no sort), by ``np.unique`` otherwise.
    """
    size = len(codes)
    if radix > max(1 << 22, 4 * size):
        _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
        return first.astype(np.int64), inverse.reshape(-1).astype(np.int64)
    present = np.zeros(radix, np.bool_)
    present[codes] = True
    ids = np.cumsum(present, dtype=np.int64) - 1
    inverse = ids[codes]
    first = np.empty(int(ids[-1]) + 1, np.int64)
    first[inverse[::-1]] = np.arange(size - 1, -1, -1, dtype=np.int64)  # any row will do
    return first, inverse


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
    if policy is None and _law_ok(law):
        compiled = _compiled(table, as_of, law)
        if compiled is not None:
            return compiled
    size = table.num_rows
    principal, key_of, bad = _keys(table)
    key = key_of.code
    vector = ~bad
    rows = np.flatnonzero(vector)
    which = np.zeros(size, np.int64)
    answers = _Answers(as_of, policy, law)
    keys = 0
    if len(rows):
        first, inverse = _unique(key[rows], key_of.radix)
        keys = len(first)
        which[rows] = inverse
        answers.keys(table.take(pa.array(rows[first])))
        answers.settle()
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
    date = pa.date32()
    text = pa.large_string()
    result = {
        "as_of": pa.array(np.full(size, (as_of - _EPOCH).days, np.int32)).cast(date),
        "next_step_kind": _column(answers, "next_step_kind", text, which),
        "next_step_on": _column(answers, "next_step_on", date, which),
        "earliest_lawful_on": _column(answers, "earliest_lawful_on", date, which),
        "lawful_today": _column(answers, "lawful_today", pa.bool_(), which),
        "next_contact_at": _column(answers, "next_contact_at", _MOMENT, which),
        "fee": _column(answers, "fee", pa.int64(), which),
        "interest": _interest(principal, vector, which, answers, keys),
        "time_barred_on": _column(answers, "time_barred_on", date, which),
        "status": _column(answers, "status", text, which),
        "reason": _column(answers, "reason", text, which),
        "error": _column(answers, "error", text, which),
        "error_message": _column(answers, "error_message", text, which),
        "row_api": pa.array(bad),
    }
    return _with_results(table, result, row_api=len(others), keys=keys)


def _with_results(
    table: pa.Table, result: dict[str, pa.Array], *, row_api: int, keys: int
) -> pa.Table:
    """*table* with the result columns appended and the counts in its metadata."""
    out = table
    for name in RESULT_COLUMNS:
        out = out.append_column(name, result[name])
    metadata = dict(out.schema.metadata or {})
    metadata[b"inkassorules.row_api_rows"] = str(row_api).encode()
    metadata[b"inkassorules.keys"] = str(keys).encode()
    return out.replace_schema_metadata(metadata)


def _law_ok(law: LawBook | None) -> bool:
    try:
        check_law(law)
    except InkassoError:
        return False
    return True


def _erred(answers: _Answers, which: Ints) -> Bools:
    failed = np.array([e is not None for e in answers.errors], np.bool_)
    if len(failed) == 0:
        return np.zeros(len(which), np.bool_)
    return failed[which]


# -- the compiled path: a book of bare claims whose every key an earlier call answered ----------

# Strings of the results, by code (0 is null), shared by the compiled day tables.
_STRINGS: list[str | None] = [None]
_STRING_CODES: dict[str | None, int] = {None: 0}
_STRING_ARRAY: list[pa.Array] = []
_FAST_COLUMNS: Final = frozenset((*_TEMPLATE, "principal", "due_date"))
_FAST_SPAN: Final = 20_000  # days: a wider book of due dates takes the keyed path
_FIRST_DAY: Final = (dt.date.min - _EPOCH).days
_LAST_DAY: Final = (dt.date.max - _EPOCH).days


def _string_code(value: str | None) -> int:
    code = _STRING_CODES.get(value)
    if code is None:
        code = _STRING_CODES[value] = len(_STRINGS)
        _STRINGS.append(value)
    return code


def _strings() -> pa.Array:
    if not _STRING_ARRAY or len(_STRING_ARRAY[0]) != len(_STRINGS):
        _STRING_ARRAY[:] = [pa.array(_STRINGS, pa.large_string())]
    return _STRING_ARRAY[0]


_NUMBERS: Final = (
    "next_step_on",
    "earliest_lawful_on",
    "time_barred_on",
    "fee",
    "next_contact_at",
    "lawful_today",
)
_TEXTS: Final = ("next_step_kind", "status", "reason")
# The numpy type each compiled result is kept in: what its Arrow column stores (int64 else).
_STORAGE: Final[dict[str, type[np.generic]]] = {
    "next_step_on": np.int32,
    "earliest_lawful_on": np.int32,
    "time_barred_on": np.int32,
    "lawful_today": np.bool_,
}


class _Days:
    """One template's lean answers by due day (days *first* .. *last*), as arrays.

    Compiled from the answers kept for later calls (``_SHARED_ANSWERS``) of bare claims without
    an invoice date; a day no call has answered (or whose interest factor needs Python
    integers) is not ``known``. ``seen`` is how many answers were kept when it was compiled.
    """

    def __init__(
        self,
        template: tuple[object, ...],
        first: int,
        last: int,
        done: dict[tuple[object, ...], tuple[dict[str, object], Fraction]],
    ) -> None:
        self.first, self.last, self.seen = first, last, len(done)
        found = [
            done.get((template, _EPOCH + dt.timedelta(days=day), None))
            for day in range(first, last + 1)
        ]
        self.known: Bools = np.array([f is not None for f in found], np.bool_)
        self.arrays: dict[str, Ints] = {}
        self.given: dict[str, Bools] = {}
        for name in _NUMBERS:
            values = [None if f is None else f[0][name] for f in found]
            self.given[name] = np.array([v is not None for v in values], np.bool_)
            numbers = [0 if v is None else _number(v) for v in values]
            self.arrays[name] = np.array(numbers, _STORAGE.get(name, np.int64))
        for name in _TEXTS:
            codes = [0 if f is None else _string_code(f[0][name]) for f in found]  # type: ignore[arg-type]
            self.arrays[name] = np.array(codes, np.int32)
        numerators, denominators = [], []
        for day, f in enumerate(found):
            factor = Fraction(0) if f is None else f[1]
            if factor.numerator >= _LIMIT or factor.denominator >= _LIMIT // 2:
                factor = Fraction(0)  # Python integers: the keyed path
                self.known[day] = False
            numerators.append(factor.numerator)
            denominators.append(factor.denominator)
        self.arrays["numerator"] = np.array(numerators, np.int64)
        self.arrays["denominator"] = np.array(denominators, np.int64)


_SHARED_DAYS: dict[tuple[dt.date, object, tuple[object, ...]], _Days] = {}


def _days_for(
    as_of: dt.date,
    law: LawBook | None,
    template: tuple[object, ...],
    span: tuple[int, int],
    *,
    again: bool = False,
) -> _Days | None:
    """The template's day table over *span* at least (compiled anew when *again* and stale)."""
    day_key = (as_of, cache_key(law))
    done = _SHARED_ANSWERS.get(day_key)
    if not done:
        return None
    key = (as_of, day_key[1], template)
    days = _SHARED_DAYS.get(key)
    first, last = span
    if days is not None and days.first <= first and days.last >= last:
        if not (again and days.seen != len(done)):
            return days
        first, last = days.first, days.last
    elif days is not None:
        first, last = min(first, days.first), max(last, days.last)
    if len(_SHARED_DAYS) >= 16 * _DAYS_KEPT:
        _SHARED_DAYS.clear()
    days = _SHARED_DAYS[key] = _Days(template, first, last, done)
    return days


def _fast_columns(table: pa.Table) -> dict[str, pa.Array] | None:
    """The input columns of a book the compiled path can take, or None."""
    size = table.num_rows
    known = set(CLAIM_COLUMNS) | set(SUMMARY_COLUMNS)
    columns: dict[str, pa.Array] = {}
    for name in table.column_names:
        if name in known:
            column = _plain(table.column(name))
            if column.null_count == size:
                continue
            if name not in _FAST_COLUMNS:
                return None
            columns[name] = column
    principal, due = columns.get("principal"), columns.get("due_date")
    if (
        size == 0
        or principal is None
        or due is None
        or principal.null_count
        or due.null_count
        or not pa.types.is_integer(principal.type)
        or pa.types.is_uint64(principal.type)  # may exceed int64: the keyed path checks it
        or not (pa.types.is_date32(due.type) or pa.types.is_date64(due.type))
    ):
        return None
    return columns


def _template_codes(
    columns: dict[str, pa.Array], size: int
) -> tuple[Ints, list[list[object] | None]] | None:
    """Each row's template as a code, and each template column's values by digit (or None)."""
    code: Ints = np.zeros(size, np.int64)
    radix = 1
    digits: list[list[object] | None] = []
    for name in _TEMPLATE:
        column = columns.get(name)
        if column is None:
            digits.append(None)
            continue
        values: list[object]
        if pa.types.is_boolean(column.type):
            values = [None, False, True]
            codes = column.cast(pa.int8()).fill_null(-1).to_numpy(zero_copy_only=False) + 1
        elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            encoded = pc.dictionary_encode(column)
            values = [None, *encoded.dictionary.to_pylist()]
            codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False) + 1
        else:
            return None
        radix *= len(values)
        if radix >= 1 << 20:
            return None
        code = code * len(values) + codes.astype(np.int64)
        digits.append(values)
    return code, digits


def _template_of(number: int, digits: list[list[object] | None]) -> tuple[object, ...]:
    template: list[object] = []
    for values in reversed(digits):
        if values is None:
            template.append(None)
        else:
            number, digit = divmod(number, len(values))
            template.append(values[digit])
    return tuple(reversed(template))


def _day_tables(
    code: Ints, due: Ints, digits: list[list[object] | None], as_of: dt.date, law: LawBook | None
) -> tuple[Ints, list[_Days]] | None:
    """Each row's place in the concatenated day tables of its template, and those tables."""
    low, high = int(due.min()), int(due.max())
    if low < _FIRST_DAY or high > _LAST_DAY or high - low > _FAST_SPAN:
        return None
    present = np.flatnonzero(np.bincount(code)).tolist()
    base = np.zeros(int(code.max()) + 1, np.int64)
    for again in (False, True):
        tables: list[_Days] = []
        offset = 0
        for number in present:
            template = _template_of(int(number), digits)
            days = _days_for(as_of, law, template, (low, high), again=again)
            if days is None:
                return None
            base[number] = offset - days.first
            offset += len(days.known)
            tables.append(days)
        index = base[code] + due
        if np.concatenate([t.known for t in tables])[index].all():
            return index, tables
    return None


def _compiled(table: pa.Table, as_of: dt.date, law: LawBook | None) -> pa.Table | None:
    """The result of a book of bare claims every key of which is compiled; None otherwise.

    Only for the default policy. A book qualifies when its only non-null input columns are the
    claim's template, ``principal`` (positive integers) and ``due_date`` (dates), and earlier
    calls on the same day and book answered each of its (template, due date) keys without an
    error: then every result is a gather from the template's day table, with no per-key
    Python, and equal to what the keyed path gives (they are its answers).
    """
    columns = _fast_columns(table)
    if columns is None:
        return None
    size = table.num_rows
    principal = columns["principal"].cast(pa.int64()).to_numpy(zero_copy_only=False)
    due = columns["due_date"].cast(pa.date32()).cast(pa.int32()).to_numpy(zero_copy_only=False)
    templates = _template_codes(columns, size) if principal.min() > 0 else None
    found = (
        None if templates is None else _day_tables(*templates[:1], due, templates[1], as_of, law)
    )
    if found is None:
        return None
    index, tables = found
    values = {n: np.concatenate([t.arrays[n] for t in tables])[index] for n in tables[0].arrays}
    numerators, denominators = values["numerator"], values["denominator"]
    if 2 * int(principal.max()) * int(numerators.max()) + int(denominators.max()) >= _LIMIT:
        return None
    given = {n: np.concatenate([t.given[n] for t in tables]) for n in _NUMBERS}
    used = np.zeros(sum(len(t.known) for t in tables), np.bool_)
    used[index] = True
    date, strings = pa.date32(), _strings()
    kinds = dict.fromkeys(("next_step_on", "earliest_lawful_on", "time_barred_on"), date)
    kinds |= {"fee": pa.int64(), "next_contact_at": _MOMENT, "lawful_today": pa.bool_()}
    result = {"as_of": pa.array(np.full(size, (as_of - _EPOCH).days, np.int32)).cast(date)}
    for name, kind in kinds.items():
        mask = None if given[name].all() else ~given[name][index]
        result[name] = pa.array(values[name], kind, mask=mask)
    for name in _TEXTS:
        result[name] = pc.take(strings, values[name])
    result["interest"] = pa.array(
        (2 * principal * numerators + denominators) // (2 * denominators), pa.int64()
    )
    result["error"] = result["error_message"] = pa.nulls(size, pa.large_string())
    result["row_api"] = pa.array(np.zeros(size, np.bool_))
    return _with_results(table, result, row_api=0, keys=int(used.sum()))
