"""Portefølje på Dask / portfölj på Dask (the portfolio engine per partition of a Dask frame).

:func:`evaluate` runs :func:`inkassorules.portfolio.evaluate` on every partition of a
``dask.dataframe.DataFrame`` (``map_partitions``, with the result's columns as ``meta``), on
whatever scheduler or ``distributed`` cluster is active. Needs the ``dask`` extra.

>>> import datetime as dt
>>> import dask
>>> import dask.dataframe as dd
>>> import pandas as pd
>>> frame = pd.DataFrame({"jurisdiction": ["NO", "SE"], "principal": [800000, 1000000],
...                       "currency": ["NOK", "SEK"],
...                       "due_date": [dt.date(2026, 3, 2)] * 2,
...                       "debtor_kind": ["consumer"] * 2})
>>> lazy = evaluate(dd.from_pandas(frame, npartitions=2), as_of=dt.date(2026, 3, 20))
>>> with dask.config.set(scheduler="synchronous"):
...     lazy.compute()["interest"].tolist()
[4734, 4932]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inkassorules.portfolio import evaluate as evaluate_frame

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.law import LawBook
    from inkassorules.timeline import CreditorPolicy

__all__ = ["evaluate"]


def _partition(
    frame: Any,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None,
    law: LawBook | None,
    strict: bool,
) -> Any:
    return evaluate_frame(frame, as_of=as_of, policy=policy, law=law, strict=strict)


def evaluate(
    ddf: Any,
    *,
    as_of: dt.date,
    policy: CreditorPolicy | None = None,
    law: LawBook | None = None,
    strict: bool = False,
) -> Any:
    """Porteføljeevaluering på Dask / portföljutvärdering på Dask (evaluate a Dask frame).

    The same columns in and out as :func:`inkassorules.portfolio.evaluate` on a pandas frame
    (pyarrow-backed dtypes), one partition at a time; lazy: call ``.compute()`` or write the
    result (``.to_parquet(...)``). The ``meta`` is the result of an empty partition, so the
    graph needs no sample run. ``row_api_rows`` of the result is the sum of its ``row_api``
    column.

    Raises:
        InvalidInput: for *ddf* that is not a Dask DataFrame (on computing: as
            :func:`inkassorules.portfolio.evaluate` raises per partition).
    """
    from inkassorules._checks import require_extra  # noqa: PLC0415
    from inkassorules.errors import InvalidInput  # noqa: PLC0415

    require_extra("distributed", "dask", needed_by="portfolio.dask.evaluate")
    dd = require_extra("dask.dataframe", "dask", needed_by="portfolio.dask.evaluate")

    if not isinstance(ddf, dd.DataFrame):
        raise InvalidInput(f"portfolio.dask: expected a dask DataFrame, got {type(ddf).__name__}")
    frame: Any = ddf  # dask's own annotations leave map_partitions untyped
    options = {"as_of": as_of, "policy": policy, "law": law, "strict": strict}
    empty = frame._meta  # noqa: SLF001 -- dask's documented way to an empty partition
    meta = evaluate_frame(empty, **options)  # type: ignore[arg-type]
    return frame.map_partitions(_partition, **options, meta=meta)
