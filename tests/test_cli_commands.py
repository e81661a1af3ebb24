"""The subcommands fees, interest, schedule, contact and the extended rates (issue 7).

Run as a user runs them: in a subprocess, as text and as --json. Bad input of every kind must
give one line on stderr and exit code 2, never a traceback; the nonsense matrix also runs
in-process through ``main`` so that an uncaught exception fails the test with its traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules import (
    Claim,
    ClaimKind,
    CreditorKind,
    DebtorKind,
    InstalmentAgreement,
    InterestResult,
    Money,
)
from inkassorules.cli import main, rate_rows
from inkassorules.serialization import from_json, structure, to_json

NO_CLAIM = ("--principal", "8000", "--due", "2026-03-02", "--jurisdiction", "NO")
SE_CLAIM = ("--principal", "8000", "--due", "2026-03-02", "--jurisdiction", "SE")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inkassorules", *args], capture_output=True, text=True, check=False
    )


def ok(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def refused(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("inkassorules")
    return lines[0]


# -- rates: the headline caps ---------------------------------------------------------------


def test_rates_shows_the_computed_norwegian_letter_fees_and_swedish_late_interest():
    out = ok("rates", "--on", "2026-03-01")
    # 750 / 20 = 37.50 -> 38 (whole kroner from 2026); 3 x 750 / 20 = 112.50 -> 113.
    assert "Purregebyr (reminder fee cap)" in out
    assert "Inkassovarsel (collection notice fee cap)" in out
    lines = {line.split("  ")[1].strip(): line for line in out.splitlines() if "fee cap)" in line}
    assert "38.00 NOK" in lines["Purregebyr (reminder fee cap)"]
    assert "38.00 NOK" in lines["Inkassovarsel (collection notice fee cap)"]
    assert "113.00 NOK" in out
    # Referensränta 2.00 % + 8 percentage points.
    assert "Dröjsmålsränta (late interest, % p.a.)" in out
    assert "10.00 %" in out


def test_rates_json_has_the_headline_caps_with_their_notes():
    data = json.loads(ok("rates", "--on", "2025-12-31", "--json"))
    rows = {row["label"]: row for row in data["rows"]}
    # 2025: sats 700; 700 / 20 = 35.00 (no whole-krone rounding before 2026).
    assert rows["Purregebyr (reminder fee cap)"]["value"] == "35.00 NOK"
    assert rows["Purregebyr (reminder fee cap)"]["note"].startswith("a letter sent 2025-12-31")
    # 3 x 700 / 20 = 105.00
    assert rows["Betalingsoppfordring (creditor's own demand fee cap)"]["value"] == "105.00 NOK"
    # 2025 H2: referensränta 2.00 % + 8 = 10.00 %.
    assert rows["Dröjsmålsränta (late interest, % p.a.)"]["value"] == "10.00 %"
    assert rows["Dröjsmålsränta (late interest, % p.a.)"]["valid_until"] == "2025-12-31"


def test_rate_rows_on_the_day_before_and_the_day_of_the_2026_sats():
    def cap(on: dt.date) -> str | None:
        rows = {r.label: r for r in rate_rows(on)}
        return rows["Purregebyr (reminder fee cap)"].value

    assert cap(dt.date(2025, 12, 31)) == "35.00 NOK"  # 700 / 20
    assert cap(dt.date(2026, 1, 1)) == "38.00 NOK"  # 750 / 20 = 37.50 -> 38


def test_rates_past_the_tables_shows_not_available_rows_for_the_computed_values():
    out = ok("rates", "--on", "2027-03-01")
    assert "Dröjsmålsränta (late interest, % p.a.)" in out
    assert out.count("NOT AVAILABLE") >= 2  # forsinkelsesrente and dröjsmålsränta 2027 H1


# -- fees -----------------------------------------------------------------------------------


def test_fees_for_a_norwegian_consumer_claim():
    out = ok("fees", *NO_CLAIM, "--on", "2026-03-20")
    assert "NO claim of 8000.00 NOK (consumer debtor), due 2026-03-02" in out
    # Purring and inkassovarsel: 750 / 20 = 37.50 -> 38.
    assert out.count("38.00 NOK") == 2
    # No earlier letter with a missed deadline: no betalingsoppfordring fee.
    assert "Betalingsoppfordring (creditor's own demand)" in out
    assert "none is among earlier_letters" in out
    assert "no standardkompensasjon (forsinkelsesrenteloven § 4 d)" in out


def test_fees_too_early_is_zero_with_the_reason():
    data = json.loads(ok("fees", *NO_CLAIM, "--on", "2026-03-15", "--json"))
    fees = {f["step"]: f for f in data["fees"]}
    # 2026-03-15 is 13 days after the due date: no fee (inkassoforskriften § 1-2).
    assert Decimal(fees["reminder"]["cap"]["amount"]["amount"]) == 0
    assert fees["reminder"]["cap"]["reasons"]
    # On day 14 (2026-03-16) the fee is allowed.
    data = json.loads(ok("fees", *NO_CLAIM, "--on", "2026-03-16", "--json"))
    fees = {f["step"]: f for f in data["fees"]}
    assert Decimal(fees["reminder"]["cap"]["amount"]["amount"]) == Decimal(38)


def test_fees_json_with_an_earlier_notice_gives_the_demand_fee():
    # Inkassovarsel sent 2026-03-16, deadline 14 days = 2026-03-30, missed; demand 2026-03-31:
    # 3 x 750 / 20 = 112.50 -> 113.
    out = ok("fees", *NO_CLAIM, "--on", "2026-03-31", "--notice-sent", "2026-03-16", "--json")
    data = json.loads(out)
    assert data["sent_on"] == "2026-03-31"
    assert from_json(json.dumps(data["claim"]), Claim).principal == Money.of(8000, "NOK")
    fees = {f["step"]: f for f in data["fees"]}
    assert set(fees) == {
        "reminder",
        "collection_notice",
        "collection_demand",
        "standard_compensation",
    }
    assert Decimal(fees["collection_demand"]["cap"]["amount"]["amount"]) == Decimal(113)
    assert fees["collection_demand"]["problem"] is None


def test_fees_for_a_swedish_business_claim(tmp_path):
    out = ok(
        "fees", *SE_CLAIM, "--debtor", "business", "--on", "2026-03-20", "--reminder-fee-agreed"
    )
    assert "60.00 SEK" in out  # påminnelseavgift, agreed
    assert "180.00 SEK" in out  # inkassokrav
    assert "170.00 SEK" in out  # amorteringsplan
    # Issue 14 item 3: the 450 kr förseningsersättning needs a business creditor's claim for
    # goods or services (4 a § lag 1981:739); the command-line claim does not say so: 0 kr.
    assert "450.00 SEK" not in out
    assert "the creditor's kind is not given" in out
    # A claim file that states both facts gets the 450 kr.
    claim = Claim(
        principal=Money.of("10000", "SEK"),
        due_date=dt.date(2026, 3, 2),
        jurisdiction="SE",
        debtor_kind=DebtorKind.BUSINESS,
        creditor_kind=CreditorKind.BUSINESS,
        claim_kind=ClaimKind.GOODS_OR_SERVICES,
    )
    path = tmp_path / "claim.json"
    path.write_text(to_json(claim), encoding="utf-8")
    assert "450.00 SEK" in ok("fees", "--claim-file", str(path), "--on", "2026-03-20")
    data = json.loads(ok("fees", *SE_CLAIM, "--on", "2026-03-20", "--json"))
    fees = {f["step"]: f for f in data["fees"]}
    # Not agreed (the default): no påminnelseavgift; consumer: no förseningsersättning.
    assert fees["reminder"]["cap"]["amount"] == {"amount": "0.00", "currency": "SEK"}
    assert fees["standard_compensation"]["cap"]["amount"] == {"amount": "0.00", "currency": "SEK"}


def test_fees_beyond_the_calendar_are_rows_not_available():
    # A due date the business-day calendar does not cover: forfall (gjeldsbrevloven § 5) cannot
    # be found, so the letter fees are refused with NotInForce rows (issue 14 item 1; before, an
    # OverflowError from adding 14 days to 9999-12-31 ended the command with exit code 2).
    out = ok("fees", "--principal", "100", "--due", "9999-12-31", "--jurisdiction", "NO")
    assert "NOT AVAILABLE" in out
    assert "the business-day calendar covers" in out


def test_fees_before_the_tables_are_rows_not_available():
    # NO standardkompensasjon applies to claims due from 2013-03-16 (a business claim of 2012).
    out = ok(
        "fees",
        "--principal",
        "8000",
        "--due",
        "2012-06-01",
        "--jurisdiction",
        "NO",
        "--debtor",
        "business",
        "--on",
        "2012-06-20",
    )
    assert "NOT AVAILABLE" in out


def test_fees_from_a_claim_file(tmp_path):
    claim = Claim(
        principal=Money.of("8000.00", "NOK"),
        due_date=dt.date(2026, 3, 2),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
        reference="INV-1",
    )
    path = tmp_path / "claim.json"
    path.write_text(to_json(claim), encoding="utf-8")
    data = json.loads(ok("fees", "--claim-file", str(path), "--on", "2026-03-20", "--json"))
    assert structure(data["claim"], Claim) == claim


# -- interest -------------------------------------------------------------------------------


def test_interest_norwegian_golden_case():
    out = ok("interest", *NO_CLAIM, "--paid", "2026-09-01")
    # 2026-03-02..06-30: 121 days x 8000 x 12.00 % / 365 = 318.246575
    # 2026-07-01..08-31:  62 days x 8000 x 12.25 % / 365 = 166.465753
    # 176920 / 365 = 484.7123... -> 484.71
    assert "318.246575" in out
    assert "166.465753" in out
    assert "484.71 NOK for 183 days" in out
    assert "forsinkelsesrenteloven § 3" in out


def test_interest_json_round_trips():
    data = json.loads(ok("interest", *NO_CLAIM, "--paid", "2026-09-01", "--json"))
    result = structure(data["result"], InterestResult)
    assert result.amount == Money.of("484.71", "NOK")
    assert [p.days for p in result.periods] == [121, 62]
    assert data["interest_start"]["start"] == "2026-03-02"


def test_interest_rolls_a_sunday_due_date_unless_told_not_to():
    # 2026-03-01 is a Sunday: interest from Monday 2026-03-02 (gjeldsbrevloven § 5).
    claim = ("--principal", "8000", "--due", "2026-03-01", "--jurisdiction", "NO")
    rolled = json.loads(ok("interest", *claim, "--paid", "2026-04-01", "--json"))
    assert rolled["result"]["start"] == "2026-03-02"
    kept = json.loads(ok("interest", *claim, "--paid", "2026-04-01", "--no-roll", "--json"))
    assert kept["result"]["start"] == "2026-03-01"


def test_interest_with_partial_payments():
    out = ok(
        "interest",
        *NO_CLAIM,
        "--paid",
        "2026-09-01",
        "--payment",
        "3000@2026-05-04",
        "--payment",
        "1000@2026-07-01",
    )
    # 2026-03-02..05-03: 63 days x 8000 x 12 % / 365 = 165.698630; the payment of 3000 on
    # 2026-05-04 pays 165.70 interest first and 2834.30 principal: balance 5165.70.
    assert "165.698630" in out
    assert "2834.30" in out
    assert "5165.70" in out
    data = json.loads(
        ok("interest", *NO_CLAIM, "--paid", "2026-09-01", "--payment", "3000@2026-05-04", "--json")
    )
    assert data["result"]["principal_outstanding"] == {"amount": "5165.70", "currency": "NOK"}


def test_interest_past_the_published_rates_is_a_clean_error():
    line = refused("interest", *SE_CLAIM, "--paid", "2027-03-01")
    assert "RateNotPublished" not in line
    assert "LawBook.extend" in line


# -- schedule -------------------------------------------------------------------------------


def test_schedule_rolled_onto_norwegian_business_days():
    out = ok(
        "schedule",
        "--total",
        "10000",
        "--jurisdiction",
        "NO",
        "--count",
        "4",
        "--signed",
        "2026-01-31",
    )
    # 31 Jan 2026 is a Saturday -> Mon 2 Feb; 28 Feb (Saturday) -> Mon 2 Mar; 31 Mar; 30 Apr.
    for due in ("2026-02-02", "2026-03-02", "2026-03-31", "2026-04-30"):
        assert due in out
    assert out.count("2500.00") == 4
    assert "Total: 10000.00 NOK" in out


def test_schedule_json_by_amount_round_trips():
    data = json.loads(
        ok(
            "schedule",
            "--total",
            "1000",
            "--jurisdiction",
            "SE",
            "--amount",
            "300",
            "--signed",
            "2026-01-15",
            "--first-due",
            "2026-02-01",
            "--no-roll",
            "--json",
        )
    )
    agreement = structure(data["agreement"], InstalmentAgreement)
    # 300 + 300 + 300 + 100 = 1000.
    assert [str(i.amount) for i in agreement.instalments] == [
        "300.00 SEK",
        "300.00 SEK",
        "300.00 SEK",
        "100.00 SEK",
    ]
    assert agreement.instalments[0].due_date == dt.date(2026, 2, 1)  # a Sunday, not rolled


# -- contact --------------------------------------------------------------------------------


def test_contact_on_a_saturday_afternoon_in_norway():
    out = ok("contact", "--jurisdiction", "NO", "--at", "2026-05-16T15:00")
    assert "NOT allowed" in out
    assert "outside the hours 08:00-15:00 on Saturdays" in out
    # Sunday 17 May (also a holiday) is closed: Monday 08:00.
    assert "Next allowed moment: 2026-05-18T08:00+02:00" in out


def test_contact_json_with_a_history():
    data = json.loads(
        ok(
            "contact",
            "--jurisdiction",
            "NO",
            "--at",
            "2026-03-02T10:00+01:00",
            "--history",
            "2026-03-02T09:00",
            "--json",
        )
    )
    assert data["decision"]["allowed"] is False  # one phone call a day
    assert data["next_allowed"] == "2026-03-03T08:00:00+01:00"


def test_contact_sms_in_sweden_is_allowed_on_a_weekday_morning():
    data = json.loads(
        ok(
            "contact",
            "--jurisdiction",
            "SE",
            "--at",
            "2026-03-02T10:00",
            "--channel",
            "sms",
            "--json",
        )
    )
    assert data["decision"]["allowed"] is True
    assert data["next_allowed"] == "2026-03-02T10:00:00+01:00"


# -- plan (the timeline of issue 7, items 1-2) -----------------------------------------------


def test_plan_for_a_norwegian_consumer_claim():
    out = ok("plan", *NO_CLAIM, "--as-of", "2026-03-02", "--policy", "earliest-lawful")
    lines = {line.split()[1]: line for line in out.splitlines() if line[:3].strip().isdigit()}
    # Purring: 14 days after the due date (inkassoforskriften § 1-2): 2026-03-16, 750 / 20 =
    # 37.50 -> 38; interest 8000 x 12 % x 14 / 365 = 36.8219 -> 36.82.
    assert "2026-03-16" in lines["purring"]
    assert "38.00" in lines["purring"]
    assert "36.82" in lines["purring"]
    assert "113.00" in lines["betalingsoppfordring"]  # 3 x 750 / 20 = 112.50 -> 113


def test_plan_json_and_a_paid_claim():
    data = json.loads(ok("plan", *SE_CLAIM, "--as-of", "2026-03-02", "--json"))
    steps = data["timeline"]["steps"]
    assert [s["kind"] for s in steps][:2] == ["reminder", "collection_demand"]
    assert steps[1]["fee"]["amount"] == {"amount": "180.00", "currency": "SEK"}
    out = ok("plan", *NO_CLAIM, "--as-of", "2026-03-20", "--payment", "8100@2026-03-19")
    assert "No steps." in out
    assert "stopped:" in out


# -- bad input ------------------------------------------------------------------------------

NONSENSE = [
    ("nonsense",),
    (),
    ("rates", "--on", "2026-13-01"),
    ("rates", "--bogus"),
    ("fees",),
    ("fees", "--principal", "x", "--due", "2026-03-02", "--jurisdiction", "NO"),
    ("fees", "--principal", "-5", "--due", "2026-03-02", "--jurisdiction", "NO"),
    ("fees", "--principal", "0.1e", "--due", "2026-03-02", "--jurisdiction", "NO"),
    ("fees", "--principal", "nan", "--due", "2026-03-02", "--jurisdiction", "NO"),
    ("fees", "--principal", "100", "--due", "2026-03-02", "--jurisdiction", "DK"),
    ("fees", "--principal", "100", "--due", "yesterday", "--jurisdiction", "NO"),
    ("fees", *NO_CLAIM, "--currency", "SEK"),
    ("fees", *NO_CLAIM, "--currency", "EUR"),
    ("fees", *NO_CLAIM, "--debtor", "alien"),
    ("fees", *NO_CLAIM, "--claim-file", "claim.json"),
    ("fees", *SE_CLAIM, "--notice-sent", "2026-03-16"),
    ("fees", *NO_CLAIM, "--reminder-fee-agreed"),
    ("fees", "--claim-file", "/nonexistent/claim.json"),
    ("interest",),
    (
        "interest",
        "--principal",
        "9",
        "--due",
        "1990-01-02",
        "--jurisdiction",
        "NO",
        "--paid",
        "1991-01-01",
    ),
    ("interest", *NO_CLAIM, "--paid", "2026-02-30"),
    ("interest", *NO_CLAIM, "--paid", "2027-06-01"),
    ("interest", *NO_CLAIM, "--paid", "2026-09-01", "--payment", "lots"),
    ("interest", *NO_CLAIM, "--paid", "2026-09-01", "--payment", "100@soon"),
    ("interest", *NO_CLAIM, "--paid", "2026-09-01", "--payment", "-100@2026-05-01"),
    ("interest", *NO_CLAIM, "--paid", "2026-09-01", "--payment", "100@2026-10-01"),
    ("interest", "--principal", "1e999999", "--due", "2026-03-02", "--jurisdiction", "NO"),
    ("interest", "--principal", "100", "--due", "1980-01-01", "--jurisdiction", "SE"),
    ("schedule",),
    ("schedule", "--total", "100", "--jurisdiction", "NO"),
    ("schedule", "--total", "100", "--jurisdiction", "NO", "--count", "0"),
    ("schedule", "--total", "100", "--jurisdiction", "NO", "--count", "many"),
    ("schedule", "--total", "100", "--jurisdiction", "NO", "--count", "3", "--amount", "5"),
    ("schedule", "--total", "0", "--jurisdiction", "NO", "--count", "3"),
    ("schedule", "--total", "0.001", "--jurisdiction", "NO", "--count", "3"),
    ("schedule", "--total", "100", "--jurisdiction", "NO", "--count", "100000"),
    ("schedule", "--total", "100", "--jurisdiction", "NO", "--amount", "-1"),
    ("schedule", "--total", "1e999999", "--jurisdiction", "NO", "--count", "3"),
    ("schedule", "--total", "100", "--jurisdiction", "NO", "--count", "3", "--grace-days", "-1"),
    (
        "schedule",
        *("--total", "100", "--jurisdiction", "NO", "--count", "3"),
        *("--signed", "2026-03-01", "--first-due", "2026-02-01"),
    ),
    (
        "schedule",
        "--total",
        "100",
        "--jurisdiction",
        "NO",
        "--count",
        "3",
        "--signed",
        "1900-01-01",
    ),
    ("contact",),
    ("contact", "--jurisdiction", "FI"),
    ("contact", "--jurisdiction", "NO", "--at", "noon"),
    ("contact", "--jurisdiction", "NO", "--at", "2026-03-02T10:00", "--channel", "pigeon"),
    ("contact", "--jurisdiction", "NO", "--at", "2026-03-02T10:00", "--history", "then"),
    ("contact", "--jurisdiction", "NO", "--at", "1990-03-02T10:00"),
    ("plan",),
    ("plan", *NO_CLAIM, "--as-of", "2026-03-20", "--payment", "100@2026-03-29"),
    ("plan", *NO_CLAIM, "--policy", "aggressive"),
    ("plan", *NO_CLAIM, "--as-of", "someday"),
    ("fees", "--principal", "0.00000000001", "--due", "2026-03-02", "--jurisdiction", "NO"),
]


@pytest.mark.parametrize("args", NONSENSE, ids=lambda args: " ".join(args) or "(nothing)")
def test_nonsense_is_one_line_and_exit_code_2_in_process(args, capsys):
    assert main(list(args)) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("inkassorules")
    assert captured.out == ""


@pytest.mark.parametrize(
    "args",
    [
        ("fees", "--principal", "x", "--due", "2026-03-02", "--jurisdiction", "NO"),
        ("interest", *NO_CLAIM, "--paid", "2027-06-01"),
        ("schedule", "--total", "100", "--jurisdiction", "NO", "--count", "0"),
        ("contact", "--jurisdiction", "NO", "--at", "noon"),
        ("plan", *NO_CLAIM, "--as-of", "2026-03-20", "--payment", "100@2026-03-29"),
        ("rates", "--on", "tomorrow"),
        ("nonsense",),
    ],
)
def test_nonsense_in_a_subprocess(args):
    refused(*args)


def test_a_broken_claim_file_is_a_clean_error(tmp_path):
    path = tmp_path / "claim.json"
    path.write_text('{"principal": {"amount": 8000.5, "currency": "NOK"}', encoding="utf-8")
    assert "not valid JSON" in refused("fees", "--claim-file", str(path))
    path.write_text('{"principal": "lots", "due_date": "2026-03-02"}', encoding="utf-8")
    assert "cannot read Claim from JSON" in refused("interest", "--claim-file", str(path))
    path.write_bytes(b"\xff\xfe\x00")
    refused("fees", "--claim-file", str(path))


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert main(["schedule", "--help"]) == 0
    assert "--count" in capsys.readouterr().out


_WORDS = st.sampled_from(
    [
        "rates",
        "fees",
        "interest",
        "schedule",
        "contact",
        "plan",
        "--on",
        "--due",
        "--paid",
        "--principal",
        "--jurisdiction",
        "--count",
        "--amount",
        "--total",
        "--at",
        "--payment",
        "--json",
        "NO",
        "SE",
        "2026-03-02",
        "2026-02-30",
        "8000",
        "-1",
        "1e9999",
        "x",
        "100@2026-04-01",
        "",
    ]
)


@settings(max_examples=40)
@given(st.lists(_WORDS, max_size=8))
def test_any_argument_list_gives_0_or_2_and_no_traceback(args):
    # main() catches what the command line must catch; anything else escapes and fails here.
    assert main(args) in (0, 2)
