"""The command line in a terminal (issue 18 item 6): 100 columns, times to the minute, --version.

Every subcommand runs on the examples/ files and the built-in data, in process, and no line of
its text output (nor of its --help) is wider than :data:`inkassorules.cli.WIDTH` columns.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from importlib import metadata
from pathlib import Path

import pytest

from inkassorules.cli import WIDTH, _parser, _table, main, subcommands

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(str(path) for path in (ROOT / "examples").glob("*.json"))
NO_CLAIM = ("--principal", "8000", "--due", "2026-03-02", "--jurisdiction", "NO")
SE_CLAIM = ("--principal", "36500", "--due", "2026-03-02", "--jurisdiction", "SE")

SE_2026_H2 = """
name = "se.interest.reference_rate"
title = "Referensränta (9 § räntelagen 1975:635)"
unit = "percent"
schedule = "half-yearly"
horizon = 2026-12-31

[[values]]
valid_from = 2026-07-01
value = 2.00
citation = "9 § räntelagen (1975:635); referensränta 2026 H2 (illustrative value, a test)"
url = "https://www.riksbank.se/sv/statistik/rantor-och-valutakurser/referensranta/"
"""

INVOCATIONS: list[tuple[str, ...]] = [
    (
        "portfolio",
        str(Path(__file__).resolve().parents[1] / "examples" / "portfolio.csv"),
        "-o",
        str(Path(tempfile.gettempdir()) / "inkassorules-terminal-portfolio.csv"),
        "--as-of",
        "2026-06-01",
    ),
    *(("rates", "--on", day) for day in ("2026-03-01", "2026-12-03", "2030-03-01", "1990-01-01")),
    ("fees", *NO_CLAIM, "--on", "2026-04-20"),
    ("fees", *NO_CLAIM, "--on", "2026-03-05"),
    ("fees", *NO_CLAIM, "--on", "2026-04-20", "--notice-sent", "2026-03-20"),
    ("fees", *SE_CLAIM, "--on", "2026-04-20", "--reminder-fee-agreed"),
    ("fees", *SE_CLAIM, "--on", "2026-09-20"),
    ("interest", *NO_CLAIM, "--paid", "2026-06-01"),
    ("interest", *NO_CLAIM, "--paid", "2026-06-01", "--payment", "1000@2026-04-01"),
    ("interest", *SE_CLAIM, "--paid", "2026-06-01", "--payment", "1000@2026-04-01"),
    ("schedule", "--total", "10000", "--jurisdiction", "NO", "--count", "12"),
    (
        "schedule",
        "--total",
        "10000",
        "--jurisdiction",
        "SE",
        "--amount",
        "900",
        "--grace-days",
        "5",
    ),
    ("contact", "--jurisdiction", "NO", "--at", "2026-03-02T20:00:01.123456"),
    ("contact", "--jurisdiction", "SE", "--at", "2026-03-07T10:00", "--channel", "sms"),
    (
        "contact",
        "--jurisdiction",
        "NO",
        "--at",
        "2026-03-02T10:00",
        "--history",
        "2026-03-02T09:00",
    ),
    ("plan", *NO_CLAIM, "--as-of", "2026-03-10"),
    ("plan", *SE_CLAIM, "--as-of", "2026-03-10", "--policy", "earliest-lawful"),
    ("plan", *SE_CLAIM, "--as-of", "2026-08-20"),
    *(
        ("case", action, path, option, day, *sources)
        for path in EXAMPLES
        for action, option in (
            ("next", "--as-of"),
            ("plan", "--as-of"),
            ("balance", "--on"),
            ("audit", "--as-of"),
        )
        for day in ("2026-04-01", "2026-07-01")
        for sources in ((), ("--sources",))
    ),
]


def run(args: tuple[str, ...] | list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def wide(text: str) -> list[str]:
    return [line for line in text.splitlines() if len(line) > WIDTH]


def test_every_subcommand_is_in_the_corpus_of_this_test() -> None:
    commands = _parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    tried = {tuple(args[:2]) if args[0] in {"case", "law"} else (args[0],) for args in INVOCATIONS}
    assert {words for words, _ in subcommands(commands)} - tried == {("law", "check")}  # type: ignore[arg-type]


@pytest.mark.parametrize("args", INVOCATIONS, ids=lambda args: " ".join(args[:2]))
def test_output_fits_100_columns(args: tuple[str, ...]) -> None:
    if args[0] == "portfolio":
        pytest.importorskip("pyarrow")  # the portfolio extra (not in the lowest-deps run)
    code, out, err = run(args)
    assert code == 0, err
    assert out
    assert wide(out) == []


def test_help_fits_100_columns() -> None:
    commands = _parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    for words, _ in [((), None), *subcommands(commands)]:  # type: ignore[arg-type]
        code, out, _ = run([*words, "--help"])
        assert code == 0
        assert wide(out) == [], words


def test_errors_fit_one_line_and_a_law_check_fits(tmp_path: Path) -> None:
    code, _, err = run(["rates", "--on", "x" * 300])
    assert code == 2
    assert len(err.splitlines()) == 1  # one line: an error is not wrapped (scripts read it)
    law = tmp_path / ("a-long-directory-name-" * 4) / "se.toml"
    law.parent.mkdir()
    law.write_text(SE_2026_H2, encoding="utf-8")
    code, out, _ = run(["law", "check", str(law)])
    assert code == 0
    assert wide(out) == []


def test_wide_rows_wrap_their_text_column_and_keep_every_word() -> None:
    records = [{"n": 1, "name": "rettslig inndriving (forliksråd / namsmann) " * 3, "x": "y" * 40}]
    lines = _table(records, (("n", "No."), ("name", "Step"), ("x", "X")), right=("n",))
    assert all(len(line) <= WIDTH - 2 for line in lines)
    assert len(lines) > 2  # the row took more than one line
    assert " ".join(" ".join(lines).split()).count("namsmann)") == 3


def test_contact_prints_times_to_the_minute() -> None:
    code, out, _ = run(["contact", "--jurisdiction", "NO", "--at", "2026-03-02T20:00:01.123456"])
    assert code == 0
    assert "at 2026-03-02T20:00+01:00: " in out
    assert re.search(r"\d\d:\d\d:\d\d", out) is None  # no seconds, no microseconds
    assert ".123456" not in out


def test_sources_are_on_lines_of_their_own() -> None:
    code, out, _ = run(["fees", *NO_CLAIM, "--on", "2026-04-20"])
    assert code == 0
    urls = [line for line in out.splitlines() if "<https://" in line]
    assert urls
    assert all(line.strip().startswith("<https://") for line in urls)


def test_version() -> None:
    code, out, err = run(["--version"])
    assert (code, err) == (0, "")
    assert out == f"inkassorules {metadata.version('inkassorules')}\n"
