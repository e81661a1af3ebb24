"""The ``inkassorules case`` commands, in-process and as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from inkassorules.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NO_CASE = str(EXAMPLES / "no-case.json")
SE_CASE = str(EXAMPLES / "se-case.json")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_case_next_prints_the_next_step_readably(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "case", "next", NO_CASE, "--as-of", "2026-07-01")
    assert (code, err) == (0, "")
    assert "Case: NO claim of 12500.00 NOK (consumer debtor), due 2026-05-04" in out
    assert "Next step on 2026-07-01: betalingsoppfordring (collection_demand): lawful today" in out
    assert "fee (cap)            113.00 NOK" in out
    assert "2026-06-10  inkassovarsel sent  fee 38.00" in out
    assert "--sources lists them" in out
    with_sources = run(capsys, "case", "next", NO_CASE, "--as-of", "2026-07-01", "--sources")[1]
    assert "inkassoloven § 10 første ledd" in with_sources


def test_case_next_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "case", "next", NO_CASE, "--as-of", "2026-07-01", "--json")
    assert code == 0
    answer = json.loads(out)["next_step"]
    assert answer["lawful_today"] is True
    assert answer["step"]["kind"] == "collection_demand"
    assert answer["step"]["fee"]["amount"] == {"amount": "113", "currency": "NOK"}


def test_case_plan_shows_the_steps_taken_then_the_plan(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "case", "plan", SE_CASE, "--as-of", "2026-04-01")
    assert code == 0
    lines = out.splitlines()
    taken = [line for line in lines if " taken " in line]
    assert len(taken) == 2
    assert any(
        # the step's name wraps in its column, so that the table fits 100 columns (issue 18)
        words[1].startswith("betalningsf") and "due" in words
        for words in (line.split() for line in lines)
        if len(words) > 2
    )


def test_case_reads_standard_input() -> None:
    text = Path(NO_CASE).read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "inkassorules", "case", "next", "-", "--as-of", "2026-07-01"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    assert "betalingsoppfordring" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not a regular file"),
        (b"\xff\xfe", "not UTF-8 text"),
        (b"{not json", "not valid JSON"),
        (b"1", "cannot read Case from JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"claim": {}, "events": []}', "cannot read Case from JSON"),
    ],
)
def test_a_bad_case_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "case.json"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    code, out, err = run(capsys, "case", "next", str(path), "--as-of", "2026-07-01")
    assert code == 2
    assert out == ""
    assert err.startswith("inkassorules case next: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_missing_case_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "case", "plan", str(tmp_path / "none.json"))
    assert code == 2
    assert "case file" in err
    assert "cannot be read" in err


def test_case_balance_splits_the_amount_owed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "case", "balance", NO_CASE, "--on", "2026-07-01")
    assert code == 0
    # hand-computed in tests/test_balance.py: 9 748.60 + 51.28 + 0 = 9 799.88
    assert "principal  9748.60  (2000.00 of it withheld: disputed)" in out
    assert "total      9799.88" in out
    assert "2026-06-15  3000.00  76.00    172.60    2751.40      0.00" in out
    data = json.loads(run(capsys, "case", "balance", NO_CASE, "--on", "2026-07-01", "--json")[1])
    assert data["balance"]["principal"] == {"amount": "9748.60", "currency": "NOK"}


def test_case_audit_of_a_lawful_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "case", "audit", NO_CASE, "--as-of", "2026-07-01")
    assert code == 0
    assert "Audit as of 2026-07-01: lawful: 0 unlawful, 0 at risk" in out


def test_case_audit_finds_an_overcharge(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(Path(NO_CASE).read_text(encoding="utf-8"))
    letters = [e for e in data["events"] if e["type"] == "letter_sent"]
    letters[0]["fee_charged"]["amount"] = "60"  # inkassoforskriften § 1-2: at most 38 kr in 2026
    path = tmp_path / "over.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "case", "audit", str(path), "--as-of", "2026-07-01")
    assert code == 0
    assert "NOT LAWFUL: 1 unlawful" in out
    assert "charged above the law: 22.00 NOK" in " ".join(out.split())  # lines wrap at 100
    result = json.loads(run(capsys, "case", "audit", str(path), "--json")[1])["audit"]
    assert [Decimal(f["excess"]["amount"]) for f in result["findings"]] == [Decimal(22)]
