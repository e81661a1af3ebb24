"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inkassorules", *args], capture_output=True, text=True, check=False
    )


def test_rates_prints_the_values_in_force_with_their_sources():
    result = run("rates", "--on", "2026-03-01")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "inkassorules rates on 2026-03-01" in out
    assert "750.00 NOK" in out
    assert "12.00 %" in out  # forsinkelsesrente 2026 H1
    assert "FOR-2025-12-19-2709" in out
    assert "2.00 %" in out  # referensränta 2026 H1


def test_rates_json():
    result = run("rates", "--on", "2025-12-31", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["on"] == "2025-12-31"
    by_label = {row["label"]: row for row in data["rows"]}
    assert by_label["Inkassosats"]["value"] == "700.00 NOK"
    assert by_label["Inkassosats"]["valid_from"] == "2017-01-01"


def test_a_date_past_the_tables_says_so_and_does_not_fail():
    result = run("rates", "--on", "2027-03-01")
    assert result.returncode == 0, result.stderr
    assert "NOT AVAILABLE" in result.stdout
    assert "2027 H1" in result.stdout


def test_bad_input_is_one_line_and_exit_code_2():
    for args in (("rates", "--on", "2026-02-30"), ("rates", "--on", "tomorrow"), ("nonsense",)):
        result = run(*args)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith(("inkassorules", "usage"))


def test_a_date_before_the_tables_is_a_clean_error():
    result = run("rates", "--on", "1990-01-01")
    assert result.returncode == 0
    assert "NOT AVAILABLE" in result.stdout
    assert "Traceback" not in result.stderr
