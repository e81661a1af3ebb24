"""Portefølje / portfölj (a whole book of claims in one call): columns in, columns out.

:func:`evaluate` takes a table with one claim per row (a pyarrow Table, a pandas or polars
DataFrame, or a mapping of column name to array) and returns the same kind of table with the
result columns added: the next step, its days and fee cap, the interest to ``as_of``, a status
and an error per row. Each row means what :func:`row_case` says, and its result is what
:func:`evaluate_row` (the row API) gives for it, field by field. :func:`explain` rebuilds one
row's reasons and citations through the row API.

Needs the ``portfolio`` extra (numpy, pyarrow): ``pip install 'inkassorules[portfolio]'``.
:func:`row_case` and :func:`evaluate_row` are pure Python (``inkassorules.portfolio._rows``).

>>> from datetime import date
>>> import pyarrow as pa
>>> book = pa.table({
...     "jurisdiction": ["NO", "SE", "XX"],
...     "principal": [800000, 1000000, 5000],
...     "currency": ["NOK", "SEK", "NOK"],
...     "due_date": [date(2026, 3, 2)] * 3,
...     "debtor_kind": ["consumer"] * 3,
... })
>>> out = evaluate(book, as_of=date(2026, 3, 20))
>>> out.column("next_step_kind").to_pylist()
['friendly_reminder', 'reminder', None]
>>> out.column("interest").to_pylist(), out.column("error").to_pylist()
([4734, 4932, None], [None, None, 'UnknownJurisdiction'])
>>> [str(moment) for moment in out.column("next_contact_at").to_pylist()[:2]]
['2026-03-20 07:00:00+00:00', '2026-03-20 07:00:00+00:00']
>>> row_api_rows(out)
0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inkassorules._checks import require_extra
from inkassorules.errors import InvalidInput
from inkassorules.portfolio._rows import (
    CLAIM_COLUMNS,
    RESULT_COLUMNS,
    SUMMARY_COLUMNS,
    evaluate_row,
    next_contact_at,
    row_case,
)

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.case import Case
    from inkassorules.law import LawBook
    from inkassorules.timeline import CreditorPolicy

__all__ = [
    "CLAIM_COLUMNS",
    "RESULT_COLUMNS",
    "SUMMARY_COLUMNS",
    "evaluate",
    "evaluate_row",
    "explain",
    "next_contact_at",
    "row_api_rows",
    "row_case",
]


def _load_engine(needed_by: str) -> Any:
    """The columnar engine, or MissingExtra when numpy or pyarrow is not installed."""
    require_extra("numpy", "portfolio", needed_by=needed_by)
    require_extra("pyarrow", "portfolio", needed_by=needed_by)
    return require_extra("inkassorules.portfolio._engine", "portfolio", needed_by=needed_by)


def evaluate(
    table: object,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
    strict: bool = False,
) -> object:
    """Porteføljeevaluering / portföljutvärdering (evaluate a book of claims on *as_of*).

    Input columns are named after :class:`~inkassorules.claims.Claim`'s fields and the case
    summary (:func:`row_case`; :data:`CLAIM_COLUMNS`, :data:`SUMMARY_COLUMNS`); amounts in
    minor units (int64) or decimal strings, never floats; dates as dates (or ISO text). The
    result is the input with :data:`RESULT_COLUMNS` appended, in the same kind of table (a
    pyarrow Table for a mapping; pandas with pyarrow-backed dtypes, so that int64 columns with
    nulls stay int64): ``as_of``, ``next_step_kind``, ``next_step_on``, ``earliest_lawful_on``,
    ``lawful_today``, ``next_contact_at`` (the next contact slot, :func:`next_contact_at`, a
    UTC timestamp), ``fee`` and ``interest`` (int64 minor units), ``time_barred_on``,
    ``status``, ``reason``, ``error``, ``error_message`` as :func:`evaluate_row` defines them,
    and ``row_api``: True for the rows evaluated one by one through the row API (a payment, or
    a value the columns cannot carry) rather than by the columnar engine.

    A bad row (unknown jurisdiction, a principal not above zero, a date outside the data, a
    value of the wrong kind) gets its error in ``error`` / ``error_message`` and does not stop
    the batch; with ``strict=True`` the first bad row's error is raised instead.

    Raises:
        InvalidInput: for an input that is not a table, a float money column, input columns
            named like result columns, or (``strict=True``) a bad row's InvalidInput.
        InkassoError: with ``strict=True``, the first bad row's error.
    """
    _engine = _load_engine("portfolio.evaluate")
    kind, arrow = _engine.to_arrow(table)
    out = _engine.evaluate_arrow(arrow, as_of=as_of, policy=policy, law=law, strict=strict)
    return _engine.from_arrow(kind, out)


def row_api_rows(result: object) -> int:
    """Rader via rad-API / rader via rad-API (how many rows of *result* went through the row API).

    >>> import pyarrow as pa
    >>> row_api_rows(pa.table({"row_api": [True, False, True]}))
    2
    """
    _engine = _load_engine("portfolio.row_api_rows")
    _, arrow = _engine.to_arrow(result)
    if "row_api" not in arrow.column_names:
        raise InvalidInput("portfolio: expected a result of evaluate(), with a row_api column")
    return sum(1 for flag in arrow.column("row_api").to_pylist() if flag)


def explain(
    result: object,
    i: int,
    *,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> str:
    """Forklaring / förklaring (row *i*'s reasons and citations, rebuilt through the row API).

    Pass the *policy* and *law* given to :func:`evaluate`; ``as_of`` is read from the result.

    >>> from datetime import date
    >>> import pyarrow as pa
    >>> book = pa.table({"jurisdiction": ["NO"], "principal": [800000], "currency": ["NOK"],
    ...                  "due_date": [date(2026, 3, 2)], "debtor_kind": ["consumer"]})
    >>> text = explain(evaluate(book, as_of=date(2026, 3, 20)), 0)
    >>> text.splitlines()[0]
    'betalingspåminnelse may be taken today (2026-03-20)'

    Raises:
        InvalidInput: for a result without ``as_of`` or a row number out of range.
    """
    from inkassorules.ledger import balance  # noqa: PLC0415 -- loaded on use
    from inkassorules.timeline import next_step  # noqa: PLC0415 -- loaded on use

    _engine = _load_engine("portfolio.explain")
    _, arrow = _engine.to_arrow(result)
    if "as_of" not in arrow.column_names:
        raise InvalidInput("portfolio: expected a result of evaluate(), with an as_of column")
    number: object = i
    if isinstance(number, bool) or not isinstance(number, int) or not 0 <= i < arrow.num_rows:
        raise InvalidInput(f"portfolio: row {i!r} is not in a result of {arrow.num_rows} rows")
    row = arrow.slice(i, 1).to_pylist()[0]
    as_of = row["as_of"]
    case = row_case(row)
    answer = next_step(case, as_of=as_of, policy=policy, law=law)
    owed = balance(case, on=as_of, law=law)
    return f"{answer.explain()}\n{owed.explain()}\n{_contact_explain(case, as_of, law)}"


def _contact_explain(case: Case, as_of: dt.date, law: LawBook | None) -> str:
    """The next contact slot (``next_contact_at``) and the contact rule that allows it."""
    from inkassorules.no import contact as no_contact  # noqa: PLC0415 -- loaded on use
    from inkassorules.se import contact as se_contact  # noqa: PLC0415 -- loaded on use

    slot = next_contact_at(case, as_of=as_of, law=law)
    if slot is None:
        return (
            f"next contact slot: none (the contact rules in the data do not cover "
            f"{as_of.isoformat()}, or allow no moment within 400 days)"
        )
    rules = no_contact if case.claim.jurisdiction == "NO" else se_contact
    history = [a.at for a in case.contact_attempts if a.channel.value == "phone"]
    decision = rules.contact_allowed(slot, channel="phone", history=history, law=law)
    return f"next contact slot: {slot.isoformat()}\n{decision.explain()}"
