"""Portefølje på Spark / portfölj på Spark (the portfolio engine per partition of a Spark frame).

:func:`evaluate` runs :func:`inkassorules.portfolio.evaluate` on every partition of a
``pyspark.sql.DataFrame`` with ``mapInArrow``: each task gets its partition as pyarrow record
batches, evaluates them as one Table and hands back the result's batches, cast to the result
schema. The result schema is the input's with the result columns (:func:`result_schema`), found
by evaluating an empty table of the input's schema on the driver, so the plan needs no sample
run. Lazy, as Spark is: nothing runs until an action (``.collect()``, ``.write...``).

Needs the ``spark`` extra (``pip install 'inkassorules[spark]'``: pyspark, which needs a Java
runtime) besides ``portfolio``. On a cluster, every executor needs inkassorules installed.

.. code-block:: python

    from inkassorules.portfolio import spark as portfolio_spark

    claims = session.read.parquet("book.parquet")
    portfolio_spark.evaluate(claims, as_of=date(2026, 6, 1)).write.parquet("result.parquet")

``tests/portfolio/test_spark.py`` checks the result on a local session with 2 cores equal to
the single-process engine's (CI installs pyspark for that test).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inkassorules._checks import require_extra
from inkassorules.portfolio import evaluate as evaluate_table

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

    from inkassorules.law import LawBook
    from inkassorules.timeline import CreditorPolicy

__all__ = ["evaluate", "result_schema"]

_NEEDED_BY = "portfolio.spark.evaluate"


def _spark() -> tuple[Any, Any, Any]:
    """Pyspark's DataFrame, the arrow-schema converters and pyarrow, or MissingExtra."""
    require_extra("pyarrow", "portfolio", needed_by=_NEEDED_BY)
    sql = require_extra("pyspark.sql", "spark", needed_by=_NEEDED_BY)
    types = require_extra("pyspark.sql.pandas.types", "spark", needed_by=_NEEDED_BY)
    pa = require_extra("pyarrow", "portfolio", needed_by=_NEEDED_BY)
    return sql.DataFrame, types, pa


def result_schema(
    df: Any,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
) -> Any:
    """The Spark schema of ``evaluate(df, ...)``: the input's columns, then the result's.

    Raises:
        InvalidInput: for *df* that is not a Spark DataFrame, or a schema
            :func:`inkassorules.portfolio.evaluate` refuses (a result column in the input).
        MissingExtra: without pyspark or pyarrow.
    """
    frame_type, types, pa = _spark()
    from inkassorules.errors import InvalidInput  # noqa: PLC0415 -- errors imports nothing back

    if not isinstance(df, frame_type):
        raise InvalidInput(
            f"portfolio.spark: expected a pyspark DataFrame, got {type(df).__name__}"
        )
    empty = types.to_arrow_schema(df.schema, timezone="UTC").empty_table()
    out: Any = evaluate_table(empty, as_of=as_of, policy=policy, law=law)
    if not isinstance(out, pa.Table):  # pragma: no cover -- evaluate keeps the input's kind
        raise InvalidInput("portfolio.spark: the engine did not return a pyarrow Table")
    return types.from_arrow_schema(out.schema)


def evaluate(
    df: Any,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
    strict: bool = False,
) -> Any:
    """Porteføljeevaluering på Spark / portföljutvärdering på Spark (evaluate a Spark frame).

    The same columns in and out as :func:`inkassorules.portfolio.evaluate`, one partition at a
    time (``mapInArrow``); lazy. With ``strict=True`` the first bad row fails its task (and so
    the action) with that row's error.

    Raises:
        InvalidInput: for *df* that is not a Spark DataFrame (on an action: as
            :func:`inkassorules.portfolio.evaluate` raises per partition).
        MissingExtra: without pyspark or pyarrow.
    """
    schema = result_schema(df, as_of=as_of, policy=policy, law=law)
    _, types, _ = _spark()
    arrow_schema = types.to_arrow_schema(schema, timezone="UTC")
    options = {"as_of": as_of, "policy": policy, "law": law, "strict": strict}

    def evaluate_batches(batches: Iterable[Any]) -> Iterator[Any]:
        import pyarrow as pa  # noqa: PLC0415 -- in the executor's process

        table = pa.Table.from_batches(list(batches), schema=arrow_schema_in)
        if table.num_rows == 0:
            return
        out: Any = evaluate_table(table, **options)  # type: ignore[arg-type]
        yield from out.cast(arrow_schema).to_batches()

    arrow_schema_in = types.to_arrow_schema(df.schema, timezone="UTC")
    return df.mapInArrow(evaluate_batches, schema)
