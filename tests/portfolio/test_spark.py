"""portfolio.spark.evaluate on a local Spark session with 2 cores (mapInArrow).

pyspark (the ``spark`` extra) needs a Java runtime; CI installs pyspark for this file only.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import pytest

if os.environ.get("INKASSORULES_SPARK_TESTS") == "1":  # CI's Spark step: never skip
    import pyarrow as pa
    import pyarrow.csv as pa_csv
    import pyspark  # noqa: F401 -- the spark extra must be installed

    assert shutil.which("java") is not None, "pyspark needs a Java runtime"
else:
    pa = pytest.importorskip("pyarrow")
    pa_csv = pytest.importorskip("pyarrow.csv")
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("pyspark needs a Java runtime", allow_module_level=True)

from pyspark.errors import PythonException
from pyspark.sql import SparkSession

from inkassorules.errors import InvalidInput
from inkassorules.portfolio import evaluate
from inkassorules.portfolio import spark as portfolio_spark

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "portfolio.csv"
AS_OF = dt.date(2026, 6, 1)
SCHEMA = (
    "jurisdiction string, principal string, currency string, due_date date, "
    "debtor_kind string, last_step string, last_step_on date, last_step_deadline date, "
    "fees_charged string"
)


@pytest.fixture(scope="module")
def session():
    # The workers run this interpreter (the one with inkassorules and pyarrow installed).
    saved = {name: os.environ.get(name) for name in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ.update(PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("inkassorules-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    yield spark
    spark.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _book(rows: int, path: Path) -> Path:
    """A CSV book of *rows* claims built from the example's rows, due dates spread out."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    header, body = lines[0], lines[1:]
    out = [header]
    for i in range(rows):
        fields = body[i % len(body)].split(",")
        due = dt.date.fromisoformat(fields[3]) - dt.timedelta(days=i % 90)
        fields[3] = due.isoformat()
        fields[1] = f"{1000 + 37 * i}.{i % 100:02d}"
        out.append(",".join(fields))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _single_process(path: Path) -> list[dict[str, object]]:
    table = pa_csv.read_csv(
        path,
        convert_options=pa_csv.ConvertOptions(
            column_types={
                "principal": pa.string(),
                "fees_charged": pa.string(),
                "due_date": pa.date32(),
                "last_step_on": pa.date32(),
                "last_step_deadline": pa.date32(),
            },
            strings_can_be_null=True,
        ),
    )
    return evaluate(table, as_of=AS_OF).to_pylist()


def _plain(value: object) -> object:
    # Spark hands timestamps back naive in the session's zone (UTC here).
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def test_two_cores_give_the_single_process_result(session, tmp_path):
    path = _book(600, tmp_path / "book.csv")
    claims = session.read.csv(str(path), header=True, schema=SCHEMA).repartition(4)
    lazy = portfolio_spark.evaluate(claims, as_of=AS_OF)
    expected = _single_process(path)
    assert lazy.columns == list(expected[0])
    got = [row.asDict() for row in lazy.collect()]
    key = lambda row: (row["jurisdiction"], row["due_date"], row["principal"])  # noqa: E731
    assert len(got) == len(expected) == 600
    assert sorted(got, key=key) == sorted(
        ({k: _plain(v) for k, v in row.items()} for row in expected), key=key
    )
    assert sum(row["row_api"] for row in got) == sum(row["row_api"] for row in expected)


def test_the_schema_is_the_inputs_then_the_results(session):
    claims = session.read.csv(str(EXAMPLE), header=True, schema=SCHEMA)
    schema = portfolio_spark.result_schema(claims, as_of=AS_OF)
    names = schema.fieldNames()
    assert names[: len(claims.columns)] == claims.columns
    for column in ("next_step_kind", "next_step_on", "interest", "fee", "error", "row_api"):
        assert column in names
    assert schema["interest"].dataType.typeName() == "long"
    assert schema["next_step_on"].dataType.typeName() == "date"


def test_bad_rows_get_an_error_column_and_strict_fails_the_action(session, tmp_path):
    path = tmp_path / "bad.csv"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(text + "XX,100.00,NOK,2026-04-01,consumer,,,,\n", encoding="utf-8")
    claims = session.read.csv(str(path), header=True, schema=SCHEMA).coalesce(1)
    rows = portfolio_spark.evaluate(claims, as_of=AS_OF).collect()
    assert [row["error"] for row in rows][-1] == "UnknownJurisdiction"
    with pytest.raises(PythonException, match="UnknownJurisdiction"):
        portfolio_spark.evaluate(claims, as_of=AS_OF, strict=True).collect()


def test_what_is_not_a_spark_frame_is_refused():
    with pytest.raises(InvalidInput, match="expected a pyspark DataFrame"):
        portfolio_spark.evaluate({"jurisdiction": ["NO"]}, as_of=AS_OF)
