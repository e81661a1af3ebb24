"""portfolio.dask.evaluate on a local distributed cluster with 2 worker processes."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from inkassorules.errors import InvalidInput  # noqa: E402 -- after the skips
from inkassorules.portfolio import dask as portfolio_dask  # noqa: E402
from inkassorules.portfolio import evaluate, evaluate_row  # noqa: E402

AS_OF = dt.date(2025, 9, 1)


def frame(count: int) -> pd.DataFrame:
    codes = ["NO" if i % 3 else "SE" for i in range(count)]
    return pd.DataFrame(
        {
            "jurisdiction": codes,
            "principal": [1000 + 7919 * i for i in range(count)],
            "currency": ["NOK" if c == "NO" else "SEK" for c in codes],
            "due_date": [dt.date(2025, 1, 1) + dt.timedelta(days=i % 200) for i in range(count)],
            "debtor_kind": ["consumer"] * count,
        }
    )


@pytest.mark.filterwarnings("ignore")  # the cluster's own start-up and shutdown notices
def test_a_local_cluster_with_two_workers_gives_the_single_process_result() -> None:
    data = frame(600)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        lazy = portfolio_dask.evaluate(dd.from_pandas(data, npartitions=4), as_of=AS_OF)
        out = client.compute(lazy).result()
    single = evaluate(data, as_of=AS_OF)
    assert list(out.columns) == list(single.columns)
    for name in ("next_step_kind", "next_step_on", "fee", "interest", "error"):
        assert out[name].tolist() == single[name].tolist(), name
    row = data.iloc[5].to_dict()
    assert out["interest"].iloc[5] == evaluate_row(row, as_of=AS_OF)["interest"]


def test_refuses_what_is_not_a_dask_frame() -> None:
    with pytest.raises(InvalidInput, match="dask DataFrame"):
        portfolio_dask.evaluate(frame(2), as_of=AS_OF)
