"""Issue 15, item 3: legal data supplied where users work (--law, INKASSORULES_LAW, law check).

Run as a user runs them: in a subprocess, as text and as --json, with the environment given
explicitly (a developer's own INKASSORULES_LAW must not leak in).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from inkassorules.cli import LAW_ENVIRONMENT_VARIABLE, _parser, law_status, main
from inkassorules.errors import NotInForce
from inkassorules.law import builtin

# The done-when: 36 500 SEK at 2.00 + 8 % over 10 days (2026-08-03 to 2026-08-13).
SE_CLAIM = ("--principal", "36500", "--due", "2026-08-03", "--jurisdiction", "SE")
INTEREST = ("interest", *SE_CLAIM, "--paid", "2026-08-13")
REASON = "law as known on 2026-11-23; check for changes after that day"

# The referensränta for 2026 H2 is not in the built-in data (it was not found by the research);
# 2.00 is the illustrative value, not a published rate.
SE_2026_H2 = """
name = "se.interest.reference_rate"
title = "Referensränta (9 § räntelagen 1975:635)"
unit = "percent"
schedule = "half-yearly"
horizon = 2026-12-31

[[values]]
valid_from = 2026-07-01
value = 2.00
citation = "9 § räntelagen (1975:635); referensränta 2026 H2 (illustrative value)"
url = "https://www.riksbank.se/sv/statistik/rantor-och-valutakurser/referensranta/"
"""
SE_2027_H1 = (
    SE_2026_H2.replace("2026-12-31", "2027-06-30")
    .replace("2026-07-01", "2027-01-01")
    .replace("2026 H2", "2027 H1")
    .replace("2.00", "1.50")
)


def until_changed_answering(on: str) -> list[str]:
    """The built-in "until changed" tables that have a value on *on* (computed, not counted)."""
    import datetime as dt

    day, names = dt.date.fromisoformat(on), []
    for name in builtin().names:
        parameter = builtin().parameter(name)
        if parameter.schedule != "until-changed":
            continue
        if parameter.reviewed_on is not None and day <= parameter.reviewed_on:
            continue  # reviewed on or after that day: not provisional (tables added later)
        try:
            builtin().at(name, day)
        except NotInForce:
            continue
        names.append(name)
    return names


def run(*args: str, law: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != LAW_ENVIRONMENT_VARIABLE}
    if law is not None:
        env[LAW_ENVIRONMENT_VARIABLE] = law
    return subprocess.run(
        [sys.executable, "-m", "inkassorules", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def ok(*args: str, law: str | None = None) -> str:
    result = run(*args, law=law)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def flat(text: str) -> str:
    """*text* with its lines joined: the command line wraps lines at 100 columns (issue 18)."""
    return " ".join(text.split())


def refused(*args: str, law: str | None = None) -> str:
    result = run(*args, law=law)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("inkassorules")
    return lines[0]


@pytest.fixture
def h2(tmp_path: Path) -> Path:
    path = tmp_path / "se_2026_h2.toml"
    path.write_text(SE_2026_H2, encoding="utf-8")
    return path


@pytest.fixture
def h1_2027(tmp_path: Path) -> Path:
    path = tmp_path / "se_2027_h1.toml"
    path.write_text(SE_2027_H1, encoding="utf-8")
    return path


def gap_file(tmp_path: Path) -> Path:
    """2026 H2 and 2027 H2, without 2027 H1: refused."""
    text = SE_2026_H2.replace("2026-12-31", "2027-12-31") + textwrap.dedent(
        """
        [[values]]
        valid_from = 2027-07-01
        value = 2.00
        citation = "x"
        url = "https://www.riksbank.se/"
        """
    )
    path = tmp_path / "gap.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- the done-when: Swedish interest over 2026 H2 from the command line -------------------------


def test_without_the_rate_the_swedish_interest_refuses_in_one_line():
    line = refused(*INTEREST)
    assert "se.interest.reference_rate" in line
    assert "2026 H2" in line
    assert line.endswith("; on the command line, supply it with --law FILE or INKASSORULES_LAW")


def test_law_option_supplies_the_2026_h2_rate_text(h2):
    out = ok(*INTEREST, "--law", str(h2))
    assert "100.00 SEK for 10 days" in out
    assert "2026-08-03  2026-08-12    10   10.00" in out
    assert f"built-in data + {h2}" in flat(out)
    assert "referensränta 2026 H2 (illustrative value)" in flat(out)


def test_law_option_supplies_the_2026_h2_rate_json(h2):
    data = json.loads(ok(*INTEREST, "--law", str(h2), "--json"))
    assert data["result"]["amount"] == {"amount": "100.00", "currency": "SEK"}
    assert data["law_files"] == [str(h2)]
    (period,) = data["result"]["periods"]
    assert period["rate"] == "10.00"
    assert period["days"] == 10


def test_environment_variable_supplies_the_rate_text_and_json(h2):
    out = ok(*INTEREST, law=str(h2))
    assert "100.00 SEK for 10 days" in out
    data = json.loads(ok(*INTEREST, "--json", law=str(h2)))
    assert data["result"]["amount"] == {"amount": "100.00", "currency": "SEK"}
    assert data["law_files"] == [str(h2)]


def test_environment_variable_takes_several_paths_and_ignores_empty_ones(h2, h1_2027):
    # 2026-12-21 to 2027-01-04: 11 days at 10.00 % and 3 days at 9.50 %.
    law = os.pathsep.join(["", str(h2), "", str(h1_2027)])
    args = ("interest", "--principal", "36500", "--due", "2026-12-21", "--jurisdiction", "SE")
    data = json.loads(ok(*args, "--paid", "2027-01-04", "--json", law=law))
    rates = [(p["start"], p["rate"], p["days"]) for p in data["result"]["periods"]]
    assert rates == [("2026-12-21", "10.00", 11), ("2027-01-01", "9.50", 3)]
    assert data["law_files"] == [str(h2), str(h1_2027)]


def test_environment_files_come_first_then_law_options(h2, h1_2027):
    # 2027 H1 extends the table only once 2026 H2 is in it: the order matters.
    args = ("interest", "--principal", "36500", "--due", "2027-01-04", "--jurisdiction", "SE")
    data = json.loads(
        ok(*args, "--paid", "2027-01-14", "--law", str(h1_2027), "--json", law=str(h2))
    )
    assert data["law_files"] == [str(h2), str(h1_2027)]
    line = refused(*args, "--paid", "2027-01-14", "--law", str(h2), law=str(h1_2027))
    assert str(h1_2027) in line
    assert "2026 H2 (from 2026-07-01) is missing" in line


def test_a_refused_law_file_is_one_line_naming_the_file_key_and_rule(tmp_path):
    path = gap_file(tmp_path)
    for line in (
        refused(*INTEREST, "--law", str(path)),
        refused(*INTEREST, law=str(path)),
        refused("rates", "--on", "2026-08-03", "--law", str(path)),
    ):
        assert str(path) in line
        assert "values[1].valid_from" in line
        assert "2027 H1 (from 2027-01-01) is missing" in line


def test_a_missing_law_file_is_one_line(tmp_path):
    path = tmp_path / "nowhere.toml"
    line = refused(*INTEREST, "--law", str(path))
    assert str(path) in line
    assert "cannot be read" in line


def test_every_subcommand_takes_law(h2):
    commands = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, command in commands.items():
        options = {o for action in command._actions for o in action.option_strings}
        if name in ("law", "case"):  # commands of their own: each of them takes --law
            subcommands = command._subparsers._group_actions[0].choices  # type: ignore[union-attr]
            for sub, parser in subcommands.items():
                assert "--law" in {o for a in parser._actions for o in a.option_strings}, sub
            continue
        assert "--law" in options, name
    # and each of them uses it: a Swedish claim in 2026 H2 needs the file
    ok("fees", *SE_CLAIM, "--on", "2026-09-01", "--law", str(h2))
    ok("plan", *SE_CLAIM, "--as-of", "2026-08-20", "--law", str(h2))
    # without it the plan keeps its steps and says which amounts are unknown, and why (issue
    # 15 item 4: partial results, not whole failures)
    without = ok("plan", *SE_CLAIM, "--as-of", "2026-08-20")
    assert " unknown " in without
    assert "unknown: se.interest.reference_rate has no value on" in without
    ok("schedule", "--total", "1000", "--jurisdiction", "SE", "--count", "2", "--law", str(h2))
    ok("contact", "--jurisdiction", "SE", "--at", "2026-09-01T10:00", "--law", str(h2))


def test_plan_with_the_file_prints_the_provisional_reason(h2):
    out = ok("plan", *SE_CLAIM, "--as-of", "2026-11-25", "--law", str(h2))
    (line,) = [line for line in out.splitlines() if line.startswith("Provisional")]
    assert line.startswith(f"Provisional ({REASON}): ")
    assert "se.kronofogden.application_fee" in flat(out).split("Provisional", 1)[1]
    assert "Provisional" not in ok("plan", *SE_CLAIM, "--as-of", "2026-08-20", "--law", str(h2))


def test_interest_prints_the_provisional_reason(h2):
    args = ("interest", *SE_CLAIM, "--paid", "2026-11-23")
    assert "Provisional" not in ok(*args, "--law", str(h2))
    args = ("interest", *SE_CLAIM, "--paid", "2026-11-25")
    out = ok(*args, "--law", str(h2))
    # the tillägg is "until changed" (the day count is the one of the due date, known)
    assert f"Provisional ({REASON}): se.interest.margin\n" in out
    periods = [line for line in out.splitlines() if line.startswith("2026-")]
    assert [line.split()[:3] for line in periods] == [
        ["2026-08-03", "2026-11-23", "113"],
        ["2026-11-24", "2026-11-24", "1"],
    ]
    data = json.loads(ok(*args, "--law", str(h2), "--json"))
    assert f"se.interest.margin: {REASON}" in data["provisional"]


# -- law check ----------------------------------------------------------------------------------


def test_law_check_says_what_a_file_would_add(h2):
    out = ok("law", "check", str(h2))
    assert flat(out) == (
        f"{h2}: valid; it would add 1 entry "
        "se.interest.reference_rate: 2.00 from 2026-07-01 (2026 H2) [9 § räntelagen "
        "(1975:635); referensränta 2026 H2 (illustrative value)]"
    )


def test_law_check_json_and_several_files_in_order(h2, h1_2027):
    data = json.loads(ok("law", "check", str(h2), str(h1_2027), "--json"))
    assert [d["file"] for d in data] == [str(h2), str(h1_2027)]
    assert all(d["valid"] for d in data)
    assert data[1]["adds"] == [
        (
            "se.interest.reference_rate: 1.50 from 2027-01-01 (2027 H1) [9 § räntelagen "
            "(1975:635); referensränta 2027 H1 (illustrative value)]"
        )
    ]


def test_law_check_builds_on_the_environment(h2, h1_2027):
    out = ok("law", "check", str(h1_2027), law=str(h2))
    assert "1.50 from 2027-01-01" in out
    line = refused("law", "check", str(h1_2027))
    assert "2026 H2 (from 2026-07-01) is missing" in line


def test_law_check_refuses_a_bad_file_in_one_line(tmp_path):
    path = gap_file(tmp_path)
    line = refused("law", "check", str(path))
    assert line.startswith("inkassorules law: error:")
    assert str(path) in line
    assert "values[1].valid_from" in line
    nan = tmp_path / "nan.toml"
    nan.write_text(SE_2026_H2.replace("value = 2.00", "value = nan"), encoding="utf-8")
    result = run("law", "check", str(nan), "--json")  # --json: the error is JSON on stdout
    assert (result.returncode, result.stderr) == (2, "")
    line = json.loads(result.stdout)["error"]["message"]
    assert "values[0].value" in line
    assert "finite" in line


def test_law_check_needs_a_file():
    result = run("law", "check")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# -- rates: what is missing or provisional today -------------------------------------------------


def test_rates_lists_what_is_missing_and_provisional():
    out = ok("rates", "--on", "2026-12-03")
    missing = out.split("Missing on 2026-12-03", 1)[1]
    assert "  se.interest.reference_rate: the rate for 2026 H2" in missing
    count = len(until_changed_answering("2026-12-03"))
    assert count > 40  # 47 of the 50 tables when this was written
    assert f"Provisional on 2026-12-03 ({REASON}): {count} table(s)" in flat(out)
    assert f"provisional: {REASON}" in out  # the inkassosats row


def test_rates_with_the_file_has_nothing_missing(h2):
    # The file supplies the one missing rate; the other missing tables are those the research
    # could not settle (the new Swedish konsumentkreditlag, the Norwegian notice period, ...).
    out = ok("rates", "--on", "2026-12-03", "--law", str(h2))
    missing = out.split("Missing on 2026-12-03", 1)[1].split("Provisional on", 1)[0]
    assert "se.interest.reference_rate:" not in missing
    without = ok("rates", "--on", "2026-12-03").split("Missing on 2026-12-03", 1)[1]
    without = without.split("Provisional on", 1)[0]

    def names_in(text: str) -> set[str]:  # a wrapped line continues four columns in
        lines = text.splitlines()[1:]
        return {line.split(":")[0].strip() for line in lines if not line.startswith("    ")}

    assert names_in(missing) == names_in(without) - {"se.interest.reference_rate"}
    assert f"rates on 2026-12-03 (built-in data + {h2})" in flat(out)


def test_rates_json_missing_and_provisional(h2):
    data = json.loads(ok("rates", "--on", "2026-12-03", "--json"))
    assert "se.interest.reference_rate" in [m["parameter"] for m in data["missing"]]
    assert [p["parameter"] for p in data["provisional"]] == until_changed_answering("2026-12-03")
    assert {p["reason"] for p in data["provisional"]} == {REASON}
    rows = {row["label"]: row for row in data["rows"]}
    assert rows["Inkassosats"]["provisional"] == REASON
    data = json.loads(ok("rates", "--on", "2026-12-03", "--json", law=str(h2)))
    assert "se.interest.reference_rate" not in [m["parameter"] for m in data["missing"]]
    assert data["law_files"] == [str(h2)]


def test_rates_is_provisional_from_the_day_after_the_review():
    on_the_day = json.loads(ok("rates", "--on", "2026-11-23", "--json"))
    after = json.loads(ok("rates", "--on", "2026-11-24", "--json"))
    assert on_the_day["provisional"] == []
    assert [p["parameter"] for p in after["provisional"]] == until_changed_answering("2026-11-24")
    assert all(row["provisional"] is None for row in on_the_day["rows"])
    assert "Provisional on 2026-11-23: nothing" in ok("rates", "--on", "2026-11-23")


def test_law_status_in_process(capsys, monkeypatch):
    import datetime as dt

    monkeypatch.delenv(LAW_ENVIRONMENT_VARIABLE, raising=False)
    on_the_day = law_status(dt.date(2026, 11, 23))
    assert all(s.missing for s in on_the_day)
    assert "se.interest.reference_rate" in [s.parameter for s in on_the_day]
    assert main(["rates", "--on", "2026-11-24"]) == 0
    out = flat(capsys.readouterr().out)
    assert f"{len(until_changed_answering('2026-11-24'))} table(s)" in out


def test_law_check_refuses_a_file_for_a_table_that_does_not_exist(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text(
        SE_2026_H2.replace("se.interest.reference_rate", "se.nothing"), encoding="utf-8"
    )
    line = refused("law", "check", str(path))
    assert "no legal parameter named 'se.nothing'" in line
