"""Boundary tests written to kill mutants of inkassorules.compliance (the audit of a case).

Each test builds a small case, audits it and asserts the exact finding the rule gives: its day,
rule, severity, message, allowed text and excess, on the day before / the day of each limit.
Norwegian claim: a consumer owes 12 500 kr due Monday 2026-05-04; the 2026 inkassosats is
750 kr (inkassoforskriften § 1-1), so a purring or inkassovarsel carries at most 1/20 x 750 =
37.50 -> 38 kr (§ 1-2) and a betalingsoppfordring 3/20 x 750 = 112.50 -> 113 kr. Swedish claim:
a consumer owes 5 000 kr due Monday 2026-03-02.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from inkassorules import (
    AgreementMade,
    Case,
    Channel,
    Claim,
    ContactAttempt,
    DebtorKind,
    Dispute,
    DueDatePostponed,
    InstalmentAgreement,
    InvalidInput,
    LegalActionFiled,
    LetterSent,
    Money,
    Payment,
    StepKind,
)
from inkassorules.compliance import Audit, Finding, Severity, audit
from inkassorules.law import Citation

OSLO = ZoneInfo("Europe/Oslo")
STOCKHOLM = ZoneInfo("Europe/Stockholm")
AS_OF = date(2026, 7, 1)
U, R, N = Severity.UNLAWFUL, Severity.AT_RISK, Severity.NOTE


def nok(amount: str) -> Money:
    return Money.of(amount, "NOK")


def sek(amount: str) -> Money:
    return Money.of(amount, "SEK")


NO_CLAIM = Claim(
    principal=nok("12500"), due_date=date(2026, 5, 4), jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)  # fmt: skip
SE_CLAIM = Claim(
    principal=sek("5000"), due_date=date(2026, 3, 2), jurisdiction="SE",
    debtor_kind=DebtorKind.CONSUMER,
)  # fmt: skip


def letter(
    kind: StepKind, sent: date, fee: Money, deadline: date | None, **extra: object
) -> LetterSent:
    return LetterSent(kind=kind, sent_on=sent, fee_charged=fee, deadline=deadline, **extra)  # type: ignore[arg-type]


def no_case(*events: object) -> Case:
    return Case(claim=NO_CLAIM, events=events)  # type: ignore[arg-type]


def se_case(*events: object) -> Case:
    return Case(claim=SE_CLAIM, events=events)  # type: ignore[arg-type]


def rows(result: Audit) -> list[tuple[object, ...]]:
    """Every finding as (day, rule, severity, message, allowed, excess as text)."""
    return [
        (f.day, f.rule, f.severity, f.message, f.allowed, str(f.excess)) for f in result.findings
    ]


def row_of(result: Audit, rule: str) -> tuple[object, ...]:
    [found] = [r for r in rows(result) if r[1] == rule]
    return found


def rule_names(result: Audit) -> list[str]:
    return [f.rule for f in result.findings]


# -- Finding and Audit: the result types ----------------------------------------------------------

CITE = Citation("inkassoloven § 9", "https://lovdata.no/")
MEDIUM = Citation("a reading", "https://lovdata.no/", "medium")
GOOD = {
    "event": None, "day": AS_OF, "rule": "r", "citation": CITE,
    "severity": Severity.NOTE, "message": "m", "allowed": "a", "excess": nok("0"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("key", "bad", "text"),
    [
        ("event", "letter", "a finding's event must be an event or None, got 'letter'"),
        ("day", "2026-07-01", "day must be a datetime.date"),
        ("rule", " ", "a finding's rule must be a non-empty string, got ' '"),
        ("rule", 7, "a finding's rule must be a non-empty string, got 7"),
        ("citation", "x", "citation must be a Citation, got 'x'"),
        ("severity", "note", "severity must be a Severity, got 'note'"),
        ("message", "", "a finding's message must be a non-empty string, got ''"),
        ("allowed", "\t", "a finding's allowed must be a non-empty string, got '\\t'"),
        ("excess", nok("-0.01"), "excess must be Money, not negative, got "),
        ("excess", 5, "excess must be Money, not negative, got 5"),
    ],
)
def test_a_finding_refuses_each_bad_field_and_names_it(key, bad, text):
    with pytest.raises(InvalidInput) as error:
        Finding(**{**GOOD, key: bad})  # type: ignore[arg-type]
    assert str(error.value).startswith(text)


def test_a_finding_accepts_an_event_and_a_zero_excess():
    event = letter(StepKind.REMINDER, date(2026, 5, 20), nok("0"), None)
    finding = Finding(**{**GOOD, "event": event})  # type: ignore[arg-type]
    assert finding.event is event
    assert finding.excess == nok("0")
    assert not finding.provisional
    assert Finding(**{**GOOD, "citation": MEDIUM}).provisional  # type: ignore[arg-type]


def test_severity_values_and_an_unknown_value():
    assert Severity("unlawful") is Severity.UNLAWFUL
    assert Severity("at_risk") is Severity.AT_RISK
    assert Severity("note") is Severity.NOTE
    with pytest.raises(InvalidInput, match="'fatal' is not a Severity"):
        Severity("fatal")


def test_a_finding_as_a_record_and_in_words():
    event = letter(StepKind.COLLECTION_NOTICE, date(2026, 5, 4), nok("0"), None, id="v1")
    finding = Finding(
        event=event, day=date(2026, 5, 4), rule="r9", citation=MEDIUM, severity=Severity.AT_RISK,
        message="too early", allowed="later", excess=nok("2.50"),
    )  # fmt: skip
    assert finding.to_record() == {
        "day": date(2026, 5, 4),
        "severity": "at_risk",
        "event": "collection_notice",
        "event_id": "v1",
        "rule": "r9",
        "message": "too early",
        "allowed": "later",
        "excess": nok("2.50"),
        "confidence": "medium",
    }
    assert finding.explain() == (
        f"2026-05-04 at_risk: too early (allowed: later; excess 2.50 NOK)\n  [r9] {MEDIUM}"
    )
    bare = Finding(**GOOD)  # type: ignore[arg-type]
    assert bare.to_record()["event"] is None
    assert bare.to_record()["event_id"] is None
    assert bare.explain() == f"2026-07-01 note: m (allowed: a)\n  [r] {CITE}"


def test_event_names_in_records():
    plan = InstalmentAgreement.plan(nok("12500"), count=3, signed_on=date(2026, 6, 1))
    names = {
        "instalment_agreement": AgreementMade(agreement=plan),
        "legal_step": LegalActionFiled(on=date(2026, 6, 19), venue="forliksrådet"),
        "contact_attempt": ContactAttempt(
            at=dt.datetime(2026, 5, 5, 10, tzinfo=OSLO), channel=Channel.PHONE
        ),
        "Payment": Payment(amount=nok("1"), paid_on=date(2026, 6, 1)),
    }
    for name, event in names.items():
        record = Finding(**{**GOOD, "event": event}).to_record()  # type: ignore[arg-type]
        assert record["event"] == name


@pytest.mark.parametrize(
    ("key", "bad", "text"),
    [
        ("case", NO_CLAIM, "case must be a Case, got Claim("),
        ("as_of", "2026-07-01", "as_of must be a datetime.date"),
        ("findings", "ab", "findings must be a sequence of Finding, got 'ab'"),
        ("findings", b"ab", "findings must be a sequence of Finding, got b'ab'"),
        ("findings", 3, "findings must be a sequence of Finding, got 3"),
        ("findings", [GOOD], "findings must be Finding, got {"),
    ],
)
def test_an_audit_refuses_each_bad_field_and_names_it(key, bad, text):
    fields = {"case": no_case(), "as_of": AS_OF, "findings": [], "basis": ()}
    with pytest.raises(InvalidInput) as error:
        Audit(**{**fields, key: bad})  # type: ignore[arg-type]
    assert str(error.value).startswith(text)


def test_an_audit_refuses_an_excess_in_another_currency():
    finding = Finding(**{**GOOD, "excess": sek("1")})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as error:
        Audit(case=no_case(), as_of=AS_OF, findings=[finding], basis=())
    assert str(error.value) == "a finding's excess 1.00 SEK is not in NOK"


def test_an_audit_keeps_findings_as_a_tuple_and_the_basis_without_repeats():
    one = Finding(**GOOD)  # type: ignore[arg-type]
    result = Audit(
        case=no_case(), as_of=AS_OF, findings=iter([one]), basis=[CITE, MEDIUM, CITE],
        unchecked=["x"],
    )  # type: ignore[arg-type]  # fmt: skip
    assert result.findings == (one,)
    assert result.basis == (CITE, MEDIUM)
    assert result.unchecked == ("x",)
    assert result.notes == (one,)
    assert result.lawful
    assert result.provisional


@pytest.mark.parametrize(
    ("basis", "unchecked", "provisional"),
    [((), (), False), ((CITE,), (), False), ((CITE, MEDIUM), (), True), ((CITE,), ("x",), True)],
)
def test_an_audit_is_provisional_with_a_medium_rule_or_an_unchecked_check(
    basis, unchecked, provisional
):
    result = Audit(case=no_case(), as_of=AS_OF, findings=(), basis=basis, unchecked=unchecked)
    assert result.provisional is provisional


def test_an_audit_groups_findings_by_severity_and_totals_the_excess():
    def made(severity: Severity, excess: str) -> Finding:
        return Finding(**{**GOOD, "severity": severity, "excess": nok(excess)})  # type: ignore[arg-type]

    a, b, c, d = made(U, "1.50"), made(R, "2"), made(N, "0"), made(U, "0.25")
    result = Audit(case=no_case(), as_of=AS_OF, findings=(a, b, c, d), basis=())
    assert result.unlawful == (a, d)
    assert result.at_risk == (b,)
    assert result.notes == (c,)
    assert not result.lawful
    assert result.excess == nok("3.75")  # 1.50 + 2 + 0 + 0.25
    assert repr(result) == (
        "Audit(NO case as of 2026-07-01: not lawful, 2 unlawful, 1 at risk, excess 3.75 NOK)"
    )
    assert result.explain().splitlines()[0] == (
        "Audit of a NO case as of 2026-07-01: not lawful (2 unlawful, 1 at risk, 1 notes); "
        "charged above the law: 3.75 NOK"
    )


def test_an_empty_audit_in_words_html_and_records():
    result = Audit(case=se_case(), as_of=AS_OF, findings=(), basis=())
    assert result.explain() == (
        "Audit of a SE case as of 2026-07-01: lawful (0 unlawful, 0 at risk, 0 notes); "
        "charged above the law: 0.00 SEK"
    )
    assert result.to_records() == []
    html = result._repr_html_()
    assert "<caption>Audit as of 2026-07-01: lawful</caption>" in html
    assert "charged above the law: 0.00 SEK" in html


def test_an_audit_explains_each_finding_and_its_basis():
    varsel = letter(StepKind.COLLECTION_NOTICE, date(2026, 5, 4), nok("0"), date(2026, 5, 18))
    purring = letter(StepKind.REMINDER, date(2026, 5, 20), nok("60"), None, id="p1")
    result = audit(no_case(purring, varsel), as_of=AS_OF)
    lines = result.explain().splitlines()
    assert lines[0] == (
        "Audit of a NO case as of 2026-07-01: not lawful (2 unlawful, 0 at risk, 0 notes); "
        "charged above the law: 22.00 NOK"
    )
    # In time order: the varsel of 2026-05-04 first, then the purring of 2026-05-20.
    assert lines[1] == (
        "2026-05-04 unlawful: an inkassovarsel was sent on 2026-05-04, not after forfall on "
        "2026-05-04 (allowed: no inkassovarsel before 2026-05-05)"
    )
    assert lines[3].startswith("2026-05-20 unlawful: the reminder of 2026-05-20 charged 60.00 NOK")
    assert lines[3].endswith("(allowed: at most 38.00 NOK; excess 22.00 NOK)")
    assert "- inkassoloven § 9 annet ledd" in result.explain()  # the basis, listed
    # ... with the notes of the citations.
    assert "\n  note: the table starts at 1989-10-01" in result.explain()
    records = result.to_records()
    assert [r["event_id"] for r in records] == [None, "p1"]
    assert [r["currency"] for r in records] == ["NOK", "NOK"]
    assert [r["excess"] for r in records] == [nok("0").amount, nok("22").amount]
    html = result._repr_html_()
    assert "<caption>Audit as of 2026-07-01: not lawful</caption>" in html
    assert "charged above the law: 22.00 NOK" in html


# -- Norway: timing of letters (inkassoloven §§ 9-10) ---------------------------------------------

VARSEL_RULE = "inkassoloven § 9 første ledd"
VARSEL_DEADLINE = "inkassoloven § 9 annet ledd"
DEMAND_RULE = "inkassoloven § 10 første ledd"
DEMAND_DEADLINE = "inkassoloven § 10 første ledd (frist)"


def varsel(sent: date, deadline: date | None, fee: str = "0") -> LetterSent:
    return letter(StepKind.COLLECTION_NOTICE, sent, nok(fee), deadline)


def demand(sent: date, deadline: date | None, fee: str = "0") -> LetterSent:
    return letter(StepKind.COLLECTION_DEMAND, sent, nok(fee), deadline)


def test_an_inkassovarsel_on_the_due_date_is_unlawful_the_next_day_is_not():
    # § 9 første ledd: "etter kravets forfall"; forfall is Monday 2026-05-04 (a business day).
    on_due = audit(no_case(varsel(date(2026, 5, 4), date(2026, 5, 18))), as_of=AS_OF)
    assert rows(on_due) == [
        (
            date(2026, 5, 4), VARSEL_RULE, U,
            "an inkassovarsel was sent on 2026-05-04, not after forfall on 2026-05-04",
            "no inkassovarsel before 2026-05-05", "0.00 NOK",
        )
    ]  # fmt: skip
    assert on_due.findings[0].citation.rule.startswith("inkassoloven § 9 første ledd: ")
    # The next day with a deadline of 14 days (2026-05-19): lawful.
    day_after = audit(no_case(varsel(date(2026, 5, 5), date(2026, 5, 19))), as_of=AS_OF)
    assert day_after.findings == ()
    assert any(c.rule.startswith("inkassoloven § 9 første ledd:") for c in day_after.basis)
    assert any(c.rule.startswith("inkassoloven § 9 annet ledd") for c in day_after.basis)


def test_an_inkassovarsel_before_forfall_is_found_once():
    # 2026-05-01 is before the due date: § 9 første ledd; the deadline of 14 days is kept.
    result = audit(no_case(varsel(date(2026, 5, 1), date(2026, 5, 15))), as_of=AS_OF)
    assert rule_names(result) == [VARSEL_RULE]
    assert result.findings[0].allowed == "no inkassovarsel before 2026-05-05"


@pytest.mark.parametrize(
    ("deadline", "stated"),
    [(None, "no deadline"), (date(2026, 5, 18), "the deadline 2026-05-18")],
)
def test_an_inkassovarsel_deadline_shorter_than_14_days(deadline, stated):
    # § 9 annet ledd: sent 2026-05-05 -> at least 14 days, to 2026-05-19 (a high rule: unlawful).
    result = audit(no_case(varsel(date(2026, 5, 5), deadline)), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 5, 5), VARSEL_DEADLINE, U, f"the inkassovarsel of 2026-05-05 gave {stated}",
            "a deadline no earlier than 2026-05-19", "0.00 NOK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("inkassoloven § 9 annet ledd")


def test_a_betalingsoppfordring_without_an_earlier_inkassovarsel():
    # § 10: the varsel must come first, on an earlier day; one of the same day does not count.
    expected = (
        date(2026, 5, 20), DEMAND_RULE, U,
        "a betalingsoppfordring on 2026-05-20 with no inkassovarsel before it",
        "a betalingsoppfordring only after an inkassovarsel whose deadline ran out", "0.00 NOK",
    )  # fmt: skip
    alone = audit(no_case(demand(date(2026, 5, 20), date(2026, 6, 3))), as_of=AS_OF)
    assert rows(alone) == [expected]
    same_day = no_case(
        varsel(date(2026, 5, 20), date(2026, 6, 3)), demand(date(2026, 5, 20), None)
    )
    assert row_of(audit(same_day, as_of=AS_OF), DEMAND_RULE) == expected
    # Only an inkassovarsel counts: a purring before it does not.
    purring = letter(StepKind.REMINDER, date(2026, 5, 18), nok("0"), date(2026, 6, 1))
    after_purring = no_case(purring, demand(date(2026, 5, 20), date(2026, 6, 3)))
    assert row_of(audit(after_purring, as_of=AS_OF), DEMAND_RULE) == expected


@pytest.mark.parametrize(("sent", "found"), [(date(2026, 6, 3), True), (date(2026, 6, 4), False)])
def test_a_betalingsoppfordring_on_the_last_day_of_the_varsel(sent, found):
    # § 10: the varsel of 2026-05-20 gave to 2026-06-03; the demand only from 2026-06-04, with
    # 14 days of its own (sent + 14).
    case = no_case(
        varsel(date(2026, 5, 20), date(2026, 6, 3)), demand(sent, sent + dt.timedelta(days=14))
    )
    result = audit(case, as_of=AS_OF)
    expected = [
        (
            date(2026, 6, 3), DEMAND_RULE, U,
            ("a betalingsoppfordring on 2026-06-03, before the deadline 2026-06-03 of the "
            "inkassovarsel of 2026-05-20 ran out"),
            "no betalingsoppfordring before 2026-06-04", "0.00 NOK",
        )
    ]  # fmt: skip
    assert rows(result) == (expected if found else [])
    assert any(c.rule.startswith("inkassoloven § 10 første ledd: ") for c in result.basis)


def test_a_varsel_without_a_deadline_runs_14_days_for_the_betalingsoppfordring():
    # The varsel of 2026-05-20 stated none: § 9 annet ledd gives 2026-06-03, so a demand on
    # 2026-06-03 is early and one on 2026-06-04 is not.
    early = audit(
        no_case(varsel(date(2026, 5, 20), None), demand(date(2026, 6, 3), None)), as_of=AS_OF
    )
    assert rows(early) == [
        (
            date(2026, 5, 20), VARSEL_DEADLINE, U, "the inkassovarsel of 2026-05-20 gave no deadline",
            "a deadline no earlier than 2026-06-03", "0.00 NOK",
        ),
        (
            date(2026, 6, 3), DEMAND_RULE, U,
            ("a betalingsoppfordring on 2026-06-03, before the deadline 2026-06-03 of the "
            "inkassovarsel of 2026-05-20 ran out"),
            "no betalingsoppfordring before 2026-06-04", "0.00 NOK",
        ),
        (
            date(2026, 6, 3), DEMAND_DEADLINE, U, "the betalingsoppfordring of 2026-06-03 gave no deadline",
            "a deadline no earlier than 2026-06-17", "0.00 NOK",
        ),
    ]  # fmt: skip
    late = audit(
        no_case(varsel(date(2026, 5, 20), None), demand(date(2026, 6, 4), date(2026, 6, 18))),
        as_of=AS_OF,
    )
    assert rule_names(late) == [VARSEL_DEADLINE]


def test_the_last_inkassovarsel_before_the_betalingsoppfordring_counts():
    # Varsels of 2026-05-05 (to 2026-05-19) and 2026-05-20 (to 2026-06-03): a demand on
    # 2026-06-01 is before the later varsel's deadline ran out.
    case = no_case(
        varsel(date(2026, 5, 5), date(2026, 5, 19)),
        varsel(date(2026, 5, 20), date(2026, 6, 3)),
        demand(date(2026, 6, 1), date(2026, 6, 15)),
    )
    assert rows(audit(case, as_of=AS_OF)) == [
        (
            date(2026, 6, 1), DEMAND_RULE, U,
            ("a betalingsoppfordring on 2026-06-01, before the deadline 2026-06-03 of the "
            "inkassovarsel of 2026-05-20 ran out"),
            "no betalingsoppfordring before 2026-06-04", "0.00 NOK",
        )
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("deadline", "found"), [(date(2026, 6, 17), True), (date(2026, 6, 18), False)]
)
def test_a_betalingsoppfordring_deadline_of_14_days(deadline, found):
    # § 10 første ledd, jf. § 9 annet ledd: sent 2026-06-04 -> no earlier than 2026-06-18.
    case = no_case(varsel(date(2026, 5, 20), date(2026, 6, 3)), demand(date(2026, 6, 4), deadline))
    expected = [
        (
            date(2026, 6, 4), DEMAND_DEADLINE, U,
            "the betalingsoppfordring of 2026-06-04 gave the deadline 2026-06-17",
            "a deadline no earlier than 2026-06-18", "0.00 NOK",
        )
    ]  # fmt: skip
    result = audit(case, as_of=AS_OF)
    assert rows(result) == (expected if found else [])
    assert any(c.rule.startswith("inkassoloven § 10 første ledd, jf.") for c in result.basis)
    if found:
        assert (
            result.findings[0].citation.rule == "inkassoloven § 10 første ledd, jf. § 9 annet ledd"
        )


# -- Norway: legal steps (inkassoloven § 11) ------------------------------------------------------

LEGAL_RULE = "inkassoloven § 11"
TO_DEMAND = (
    varsel(date(2026, 5, 20), date(2026, 6, 3)),
    demand(date(2026, 6, 4), date(2026, 6, 18)),
)


def legal(on: date, venue: str = "forliksrådet", **extra: object) -> LegalActionFiled:
    return LegalActionFiled(on=on, venue=venue, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize("filed", [date(2026, 6, 4), date(2026, 6, 19)])
def test_a_legal_step_without_an_earlier_betalingsoppfordring(filed):
    # § 11: a demand on the same day (2026-06-04) is not before the step.
    events = TO_DEMAND if filed == date(2026, 6, 4) else ()
    result = audit(no_case(*events, legal(filed)), as_of=AS_OF)
    assert rows(result) == [
        (
            filed, LEGAL_RULE, U,
            (f"a legal step at forliksrådet on {filed.isoformat()} with no betalingsoppfordring "
            "before it"),
            "legal steps only after a betalingsoppfordring whose deadline ran out", "0.00 NOK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("inkassoloven § 11: ")


@pytest.mark.parametrize(
    ("filed", "expected"),
    [
        (
            date(2026, 6, 18),
            (
                (
                    "a legal step at forliksrådet on 2026-06-18, before the deadline 2026-06-18 of "
                    "the betalingsoppfordring of 2026-06-04 ran out"
                ),
                "legal steps from 2026-06-19",
            ),
        ),
        (date(2026, 6, 19), None),
        (date(2026, 12, 4), None),  # six months after 2026-06-04: the last day
        (
            date(2026, 12, 5),
            (
                (
                    "a legal step at forliksrådet on 2026-12-05, more than six months after the "
                    "betalingsoppfordring of 2026-06-04: a new one was needed"
                ),
                "legal steps on that betalingsoppfordring until 2026-12-04",
            ),
        ),
    ],
)
def test_a_legal_step_between_the_demands_deadline_and_six_months(filed, expected):
    result = audit(no_case(*TO_DEMAND, legal(filed)), as_of=date(2027, 1, 1))
    if expected is None:
        assert rows(result) == []
    else:
        message, allowed = expected
        assert rows(result) == [(filed, LEGAL_RULE, U, message, allowed, "0.00 NOK")]
    assert any(c.rule.startswith("inkassoloven § 11") for c in result.basis)


def test_a_betalingsoppfordring_without_a_deadline_runs_14_days_for_the_legal_step():
    # The demand of 2026-06-04 stated none: 14 days give 2026-06-18 (§ 10 / § 11).
    base = (varsel(date(2026, 5, 20), date(2026, 6, 3)), demand(date(2026, 6, 4), None))
    early = audit(no_case(*base, legal(date(2026, 6, 18))), as_of=AS_OF)
    assert row_of(early, LEGAL_RULE) == (
        date(2026, 6, 18), LEGAL_RULE, U,
        ("a legal step at forliksrådet on 2026-06-18, before the deadline 2026-06-18 of the "
        "betalingsoppfordring of 2026-06-04 ran out"),
        "legal steps from 2026-06-19", "0.00 NOK",
    )  # fmt: skip
    late = audit(no_case(*base, legal(date(2026, 6, 19))), as_of=AS_OF)
    assert LEGAL_RULE not in rule_names(late)


def test_a_legal_step_is_allowed_by_any_earlier_betalingsoppfordring():
    # The demand of 2026-06-04 ran out on 2026-06-18 and allows steps to 2026-12-04, though a
    # later demand of 2026-07-01 is still running on 2026-07-10.
    allowed = no_case(
        *TO_DEMAND, demand(date(2026, 7, 1), date(2026, 7, 15)), legal(date(2026, 7, 10))
    )
    assert rows(audit(allowed, as_of=date(2027, 2, 1))) == []


def test_a_legal_step_names_the_latest_betalingsoppfordring_when_none_allows_it():
    # The first demand's six months ended 2026-12-04; a new one of 2027-01-04 runs to
    # 2027-01-18: a step on 2027-01-10 is named against the newest demand.
    case = no_case(
        *TO_DEMAND, demand(date(2027, 1, 4), date(2027, 1, 18)), legal(date(2027, 1, 10))
    )
    assert rows(audit(case, as_of=date(2027, 2, 1))) == [
        (
            date(2027, 1, 10), LEGAL_RULE, U,
            ("a legal step at forliksrådet on 2027-01-10, before the deadline 2027-01-18 of the "
            "betalingsoppfordring of 2027-01-04 ran out"),
            "legal steps from 2027-01-19", "0.00 NOK",
        )
    ]  # fmt: skip


# -- Sweden: the inkassokrav and legal action (5-6 §§ inkassolagen) -------------------------------

KRAV_RULE = "5 § 3 st inkassolagen (1974:182)"
SE_LEGAL_RULE = "6 § inkassolagen (1974:182)"


def krav(sent: date, deadline: date | None, fee: str = "0") -> LetterSent:
    return letter(StepKind.COLLECTION_DEMAND, sent, sek(fee), deadline)


@pytest.mark.parametrize(
    ("deadline", "stated", "severity"),
    [
        # No deadline at all breaks 5 § itself; a short one breaks the guidance (medium).
        (None, "no deadline", U),
        (date(2026, 3, 17), "the deadline 2026-03-17", R),
    ],
)
def test_an_inkassokrav_deadline_of_8_days(deadline, stated, severity):
    # Sent Tuesday 2026-03-10: 8 days give 2026-03-18 (4 bank days from the sending day end
    # 2026-03-16, earlier), so 2026-03-18 is the earliest lawful last day.
    result = audit(se_case(krav(date(2026, 3, 10), deadline)), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 3, 10), KRAV_RULE, severity, f"the inkassokrav of 2026-03-10 gave {stated}",
            "a deadline no earlier than 2026-03-18", "0.00 SEK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.parameter == "se.fees.collection_demand_min_days"
    assert any(
        c.rule.startswith("5 § 3 st inkassolagen (1974:182): an inkassokrav") for c in result.basis
    )
    assert audit(se_case(krav(date(2026, 3, 10), date(2026, 3, 18))), as_of=AS_OF).findings == ()


def test_a_swedish_reminder_needs_no_deadline():
    # Only the inkassokrav has the 5 § deadline: a påminnelse without one is no finding.
    reminder = letter(StepKind.REMINDER, date(2026, 3, 10), sek("0"), None)
    result = audit(se_case(reminder), as_of=AS_OF)
    assert result.findings == ()
    assert not any(c.rule.startswith("5 § 3 st inkassolagen") for c in result.basis)


SE_REFUSED = (
    " (6 § inkassolagen (1974:182): no legal action before a krav meeting 5 § was sent and its "
    "deadline has passed (Finansinspektionen))"
)


def test_legal_action_without_an_inkassokrav():
    result = audit(se_case(legal(date(2026, 3, 25), "Kronofogden")), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 3, 25), SE_LEGAL_RULE, U,
            "a legal action at Kronofogden on 2026-03-25: no inkassokrav meeting 5 § "
            "inkassolagen has been sent" + SE_REFUSED,
            "legal action only after an inkassokrav's deadline has passed", "0.00 SEK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("6 § inkassolagen (1974:182): ")


@pytest.mark.parametrize("venue", ["Kronofogden", "tingsrätten"])
@pytest.mark.parametrize(
    ("filed", "found"), [(date(2026, 3, 24), True), (date(2026, 3, 25), False)]
)
def test_legal_action_only_after_the_kravs_deadline(venue, filed, found):
    # 6 §: the krav of 2026-03-16 gave to 2026-03-24, at any venue.
    case = se_case(krav(date(2026, 3, 16), date(2026, 3, 24)), legal(filed, venue))
    result = audit(case, as_of=AS_OF)
    expected = [
        (
            date(2026, 3, 24), SE_LEGAL_RULE, U,
            f"a legal action at {venue} on 2026-03-24: the inkassokrav's deadline 2026-03-24 "
            "has not passed on 2026-03-24" + SE_REFUSED,
            "legal action from 2026-03-25", "0.00 SEK",
        )
    ]  # fmt: skip
    assert rows(result) == (expected if found else [])
    assert any(c.rule.startswith("6 § inkassolagen (1974:182): ") for c in result.basis)


def test_the_krav_of_the_same_day_does_not_count_for_legal_action():
    # The krav must be sent on an earlier day than the application (strictly before).
    case = se_case(
        krav(date(2026, 3, 25), date(2026, 4, 2)), legal(date(2026, 3, 25), "Kronofogden")
    )
    assert row_of(audit(case, as_of=AS_OF), SE_LEGAL_RULE)[4] == (
        "legal action only after an inkassokrav's deadline has passed"
    )


def test_the_latest_krav_gives_the_deadline_for_legal_action():
    # Krav of 2026-03-10 (to 2026-03-18) and 2026-03-16 (to 2026-03-24): on 2026-03-20 the
    # later krav's deadline has not passed.
    case = se_case(
        krav(date(2026, 3, 10), date(2026, 3, 18)),
        krav(date(2026, 3, 16), date(2026, 3, 24)),
        legal(date(2026, 3, 20), "Kronofogden"),
    )
    assert row_of(audit(case, as_of=AS_OF), SE_LEGAL_RULE)[4] == "legal action from 2026-03-25"


WHOLE_SE = Dispute.in_full(SE_CLAIM, raised_on=date(2026, 3, 20), reason="never delivered")
PART_SE = Dispute(amount=sek("1000"), raised_on=date(2026, 3, 20), reason="defect")
KRAV_0316 = krav(date(2026, 3, 16), date(2026, 3, 24))


@pytest.mark.parametrize("venue", ["Kronofogden", "ansökan hos KRONOFOGDEN"])
def test_kronofogden_for_a_claim_disputed_in_full(venue):
    # Betalningsföreläggande is for undisputed claims: the whole 5 000 kr disputed.
    case = se_case(KRAV_0316, WHOLE_SE, legal(date(2026, 4, 1), venue))
    result = audit(case, as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 4, 1), "betalningsföreläggande: tvistig fordran", U,
            ("an application to Kronofogden on 2026-04-01 while a dispute of the whole claim "
            "(5000.00 SEK) stood"),
            "a court (stämning), not betalningsföreläggande, for a disputed claim", "0.00 SEK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("God inkassosed (4 § inkassolagen")


def test_kronofogden_for_a_claim_disputed_in_part():
    # 1 000 of 5 000 kr disputed: an application for the undisputed 4 000 kr only (at risk).
    result = audit(
        se_case(KRAV_0316, PART_SE, legal(date(2026, 4, 1), "Kronofogden")), as_of=AS_OF
    )
    assert rows(result) == [
        (
            date(2026, 4, 1), "betalningsföreläggande: tvistig del", R,
            "an application to Kronofogden on 2026-04-01 while 1000.00 SEK was disputed",
            "an application for the undisputed 4000.00 SEK only", "0.00 SEK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("4 § första stycket lag (1981:739)")
    assert any(c.rule.startswith("Betalningsföreläggande kan sökas") for c in result.basis)


@pytest.mark.parametrize("dispute", [WHOLE_SE, PART_SE])
def test_a_court_is_the_venue_for_a_disputed_claim(dispute):
    case = se_case(KRAV_0316, dispute, legal(date(2026, 4, 1), "tingsrätten"))
    result = audit(case, as_of=AS_OF)
    assert result.findings == ()
    # The rule on betalningsföreläggande for the undisputed part is not applied to a court.
    assert not any(c.rule.startswith("Betalningsföreläggande kan sökas") for c in result.basis)


def test_kronofogden_before_the_dispute_is_raised():
    # The dispute of 2026-03-20 does not stand on 2026-03-19, so no dispute finding; 6 § does
    # (the krav of 2026-03-16 runs to 2026-03-24).
    case = se_case(KRAV_0316, WHOLE_SE, legal(date(2026, 3, 19), "Kronofogden"))
    assert rule_names(audit(case, as_of=AS_OF)) == [SE_LEGAL_RULE]


# -- disputes of letters --------------------------------------------------------------------------

WHOLE_NO = Dispute.in_full(NO_CLAIM, raised_on=date(2026, 5, 10), reason="never ordered")
PART_NO = Dispute(amount=nok("2000"), raised_on=date(2026, 5, 10), reason="defect")
PURRING_0520 = letter(StepKind.REMINDER, date(2026, 5, 20), nok("0"), date(2026, 6, 3))


def test_a_norwegian_letter_while_the_whole_claim_is_disputed():
    # inkassoloven § 17: no collection step while a reasonable dispute of all 12 500 kr stands.
    result = audit(no_case(WHOLE_NO, PURRING_0520), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 5, 20), "inkassoloven § 17 / omtvistet krav", U,
            ("a reminder on 2026-05-20 while a reasonable dispute of the whole claim "
            "(12500.00 NOK) stood"),
            "no collection step until the dispute is resolved (a court decides it)", "0.00 NOK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("inkassoloven § 1 og § 17 annet ledd")


def test_a_norwegian_letter_while_part_of_the_claim_is_disputed():
    result = audit(no_case(PART_NO, PURRING_0520), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 5, 20), "omtvistet del", N,
            "a reminder on 2026-05-20 while 2000.00 NOK was disputed",
            "collection of the undisputed 10500.00 NOK only", "0.00 NOK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("inkassoloven § 17 annet ledd: ")
    assert any(c.rule.startswith("inkassoloven § 17 annet ledd: ") for c in result.basis)


def test_a_letter_before_the_dispute_is_no_finding():
    early = letter(StepKind.REMINDER, date(2026, 5, 9), nok("0"), date(2026, 5, 23))
    result = audit(no_case(early, WHOLE_NO), as_of=AS_OF)
    assert result.findings == ()
    assert not any("§ 17" in c.rule for c in result.basis)


def test_a_swedish_letter_while_the_whole_claim_is_disputed_is_at_risk():
    # God inkassosed (4 §) is a general standard: at risk, not unlawful.
    result = audit(se_case(WHOLE_SE, krav(date(2026, 3, 23), date(2026, 3, 31))), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 3, 23), "god inkassosed (4 §)", R,
            ("a collection demand on 2026-03-23 while a reasonable dispute of the whole claim "
            "(5000.00 SEK) stood"),
            "no collection step until the dispute is resolved (a court decides it)", "0.00 SEK",
        )
    ]  # fmt: skip


def test_a_swedish_letter_while_part_of_the_claim_is_disputed():
    result = audit(se_case(PART_SE, krav(date(2026, 3, 23), date(2026, 3, 31))), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 3, 23), "tvistig del", N,
            "a collection demand on 2026-03-23 while 1000.00 SEK was disputed",
            "collection of the undisputed 4000.00 SEK only", "0.00 SEK",
        )
    ]  # fmt: skip


# -- a postponed due date -------------------------------------------------------------------------

MOVED = DueDatePostponed(new_due_date=date(2026, 6, 1), agreed_on=date(2026, 5, 10))


def test_a_step_before_a_postponed_due_date():
    # Postponed from Monday 2026-05-04 to Monday 2026-06-01: a purring on 2026-05-20 is early;
    # the § 9 check of the letter is then not made (one finding).
    result = audit(no_case(MOVED, PURRING_0520), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 5, 20), "utsatt forfall", U,
            ("a reminder on 2026-05-20 while the due date was postponed from 2026-05-04 to "
            "2026-06-01"),
            "no collection step and no fee until after 2026-06-01", "0.00 NOK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("gjeldsbrevloven § 5 / inkassoloven § 9")


def test_a_varsel_before_a_postponed_due_date_is_found_once():
    # The varsel of 2026-05-20 is before the new forfall: the postponement, not § 9, is named.
    result = audit(no_case(MOVED, varsel(date(2026, 5, 20), date(2026, 6, 3))), as_of=AS_OF)
    assert rule_names(result) == ["utsatt forfall"]


@pytest.mark.parametrize(("day", "found"), [(date(2026, 6, 8), True), (date(2026, 6, 9), False)])
def test_a_postponed_due_date_on_a_saturday_rolls_onto_monday(day, found):
    # New due date Saturday 2026-06-06 -> Monday 2026-06-08: steps only after that day.
    moved = DueDatePostponed(new_due_date=date(2026, 6, 6), agreed_on=date(2026, 5, 10))
    result = audit(no_case(moved, letter(StepKind.REMINDER, day, nok("0"), None)), as_of=AS_OF)
    expected = [
        (
            date(2026, 6, 8), "utsatt forfall", U,
            ("a reminder on 2026-06-08 while the due date was postponed from 2026-05-04 to "
            "2026-06-06"),
            "no collection step and no fee until after 2026-06-08", "0.00 NOK",
        )
    ]  # fmt: skip
    assert rows(result) == (expected if found else [])


@pytest.mark.parametrize(("fee", "found"), [("0", False), ("10", True)])
def test_a_friendly_reminder_before_a_postponed_due_date_only_if_it_charges(fee, found):
    # A fee-free betalingspåminnelse is no collection step; one with a fee is (and its 10 kr
    # are excess, found first by the fee rule, INKF § 1-1 / § 1-2: a friendly reminder is free).
    friendly = letter(StepKind.FRIENDLY_REMINDER, date(2026, 5, 20), nok(fee), None)
    result = audit(no_case(MOVED, friendly), as_of=AS_OF)
    assert ("utsatt forfall" in rule_names(result)) is found
    assert result.excess == nok(fee)
    if found:
        assert row_of(result, "utsatt forfall")[5] == "0.00 NOK"  # counted once, by the fee


def test_a_legal_step_before_a_postponed_due_date_has_its_fee_as_excess():
    # The legal step's 100 kr are not checked by a fee rule (a NOTE), so the postponement
    # finding counts them: no fee before the new forfall.
    action = legal(date(2026, 5, 20), fee_charged=nok("100"))
    result = audit(no_case(MOVED, action), as_of=AS_OF)
    assert row_of(result, "utsatt forfall") == (
        date(2026, 5, 20), "utsatt forfall", U,
        ("a legal step on 2026-05-20 while the due date was postponed from 2026-05-04 to "
        "2026-06-01"),
        "no collection step and no fee until after 2026-06-01", "100.00 NOK",
    )  # fmt: skip
    assert rule_names(result) == ["not checked (no rule for the amount)", "utsatt forfall"]
    assert result.excess == nok("100")


def test_a_swedish_step_before_an_anstand_is_at_risk():
    moved = DueDatePostponed(new_due_date=date(2026, 4, 1), agreed_on=date(2026, 3, 5))
    result = audit(se_case(moved, legal(date(2026, 3, 20), "Kronofogden")), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 3, 20), "anstånd (ändrad förfallodag)", R,
            ("a legal step on 2026-03-20 while the due date was postponed from 2026-03-02 to "
            "2026-04-01"),
            "no collection step and no fee until after 2026-04-01", "0.00 SEK",
        )
    ]  # fmt: skip


def test_a_postponement_to_the_same_due_date_changes_nothing():
    same = DueDatePostponed(new_due_date=date(2026, 5, 4), agreed_on=date(2026, 5, 1))
    result = audit(no_case(same, varsel(date(2026, 5, 4), date(2026, 5, 18))), as_of=AS_OF)
    assert rule_names(result) == [VARSEL_RULE]


# -- instalment agreements ------------------------------------------------------------------------

AGREEMENT_RULE = "avdragsordning / amorteringsplan"
# 12 500 kr in three instalments from 2026-06-01: 4 166.66, 4 166.66 and 4 166.68 kr.
NO_PLAN = InstalmentAgreement.plan(nok("12500"), count=3, signed_on=date(2026, 6, 1))
NO_MADE = AgreementMade(agreement=NO_PLAN)
NO_FIRST = Payment(amount=nok("4166.66"), paid_on=date(2026, 6, 1))
PURRING_38 = letter(StepKind.REMINDER, date(2026, 5, 20), nok("38"), date(2026, 6, 3))


def held(kind: str, day: date, excess: str, currency: str = "NOK", signed: str = "2026-06-01"):
    return (
        day, AGREEMENT_RULE, R,
        (f"a {kind} on {day.isoformat()} while the instalment agreement of {signed} held (no "
        "instalment was missed beyond its terms)"),
        "the instalments as agreed; escalation only after the agreement failed",
        f"{excess} {currency}",
    )  # fmt: skip


@pytest.mark.parametrize(("day", "found"), [(date(2026, 6, 1), False), (date(2026, 6, 2), True)])
def test_escalation_after_the_day_the_agreement_was_signed(day, found):
    # The first instalment is paid on time; a varsel on the signing day itself is not checked
    # against the agreement, one on the next day is (the agreement holds: at risk).
    step = varsel(day, day + dt.timedelta(days=14))
    result = audit(no_case(PURRING_38, NO_MADE, NO_FIRST, step), as_of=AS_OF)
    assert rows(result) == ([held("collection notice", day, "0.00")] if found else [])
    assert result.findings == () or result.findings[0].citation.confidence == "medium"


@pytest.mark.parametrize(("fee", "found"), [("0", False), ("38", True)])
def test_a_purring_while_an_agreement_holds_only_if_it_charges(fee, found):
    # A purring is no escalation; one with a fee (the second 1/20 fee, INKF § 1-3: lawful as a
    # fee) breaks the agreement, and its 38 kr are the excess.
    step = letter(StepKind.REMINDER, date(2026, 6, 15), nok(fee), date(2026, 6, 29))
    result = audit(no_case(PURRING_38, NO_MADE, NO_FIRST, step), as_of=AS_OF)
    assert rows(result) == ([held("reminder", date(2026, 6, 15), "38.00")] if found else [])
    assert result.excess == nok("38" if found else "0")


def test_a_betalingsoppfordring_and_a_legal_step_while_an_agreement_holds():
    demand_0615 = demand(date(2026, 6, 15), date(2026, 6, 29))
    result = audit(no_case(PURRING_38, NO_MADE, NO_FIRST, demand_0615), as_of=AS_OF)
    assert row_of(result, AGREEMENT_RULE) == held("collection demand", date(2026, 6, 15), "0.00")
    action = legal(date(2026, 6, 15))
    result = audit(no_case(PURRING_38, NO_MADE, NO_FIRST, action), as_of=AS_OF)
    assert rule_names(result) == [LEGAL_RULE, AGREEMENT_RULE]
    assert row_of(result, AGREEMENT_RULE) == held("legal step", date(2026, 6, 15), "0.00")


def test_escalation_after_the_agreement_failed_is_no_finding():
    # Nothing paid on 2026-06-01: the agreement failed and its basis is applied.
    step = varsel(date(2026, 6, 15), date(2026, 6, 29))
    result = audit(no_case(PURRING_38, NO_MADE, step), as_of=AS_OF)
    assert result.findings == ()


SE_PLAN = InstalmentAgreement.plan(sek("5000"), count=10, signed_on=date(2026, 3, 20))
SE_FIRST = Payment(amount=sek("500"), paid_on=date(2026, 3, 20))


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (StepKind.COLLECTION_DEMAND, "collection demand"),
        (StepKind.COLLECTION_WARNING, "collection warning"),
        (StepKind.NOTICE_BEFORE_ENFORCEMENT, "notice before enforcement"),
        (StepKind.REMINDER, None),
    ],
)
def test_swedish_escalation_steps_while_an_agreement_holds(kind, name):
    # 500 kr of the first instalment paid on the signing day 2026-03-20: the plan holds.
    step = letter(kind, date(2026, 3, 24), sek("0"), date(2026, 4, 1))
    result = audit(se_case(AgreementMade(agreement=SE_PLAN), SE_FIRST, step), as_of=AS_OF)
    expected = [] if name is None else [held(name, date(2026, 3, 24), "0.00", "SEK", "2026-03-20")]
    assert rows(result) == expected


def test_a_payment_before_the_agreement_does_not_count_for_it():
    # The 500 kr paid on 2026-03-19, before signing, are not an instalment: the plan failed.
    early = Payment(amount=sek("500"), paid_on=date(2026, 3, 19))
    step = krav(date(2026, 3, 24), date(2026, 4, 1))
    result = audit(se_case(AgreementMade(agreement=SE_PLAN), early, step), as_of=AS_OF)
    assert AGREEMENT_RULE not in rule_names(result)


def test_a_kkrl_credit_without_a_notice_has_not_fallen_due():
    # 34 § KKrL (high): the remainder falls due only after a notice; the krav's 180 kr (lawful as
    # a fee, 4 § 2 st lag 1981:739) are the excess of the unlawful step.
    from inkassorules.instalments import SwedishConsumerCredit

    made = AgreementMade(agreement=SE_PLAN, acceleration_policy=SwedishConsumerCredit())
    step = krav(date(2026, 5, 4), date(2026, 5, 14), fee="180")
    result = audit(se_case(made, step), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 5, 4), "34 § konsumentkreditlagen", U,
            ("a collection demand on 2026-05-04 while the instalment agreement of 2026-03-20 "
            "held (no instalment was missed beyond its terms)"),
            "the instalments as agreed; escalation only after the agreement failed", "180.00 SEK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("34 § konsumentkreditlagen (2010:1846)")


def test_a_kkrl_notice_without_a_33_ground():
    from inkassorules.instalments import SwedishConsumerCredit

    policy = SwedishConsumerCredit(notices_sent_on=(date(2026, 3, 25),))
    made = AgreementMade(agreement=SE_PLAN, acceleration_policy=policy)
    step = krav(date(2026, 5, 4), date(2026, 5, 14), fee="180")
    [found] = rows(audit(se_case(made, step), as_of=AS_OF))
    day, rule, severity, message, allowed, excess = found
    assert (day, rule, severity, allowed, excess) == (
        date(2026, 5, 4), "33-34 §§ konsumentkreditlagen", U,
        "the instalments as agreed; a notice only on a 33 § ground", "180.00 SEK",
    )  # fmt: skip
    assert message.startswith(
        "a collection demand on 2026-05-04 after a notice of early payment that the law does "
        "not allow: a notice of early payment was sent on 2026-03-25, but the consumer was not "
    )


# -- contact ---------------------------------------------------------------------------------------

PHONE_ALLOWED_NO = (
    "phone contact only within the hours and caps in force (phone: inkassoloven (lov 13. mai "
    "1988 nr. 26) § 8 (god inkassoskikk); Finanstilsynet rundskriv 5/2022 «Telefonisk "
    "inkassovirksomhet» (15.12.2022); other channels: library default policy (not law))"
)


def call(*parts: int, channel: Channel = Channel.PHONE, tz: ZoneInfo = OSLO) -> ContactAttempt:
    return ContactAttempt(at=dt.datetime(*parts, tzinfo=tz), channel=channel)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("moment", "reason"),
    [
        ((2026, 5, 5, 7, 59), "07:59 is outside the hours 08:00-21:00 on Tuesdays"),
        ((2026, 5, 5, 8, 0), None),
        ((2026, 5, 5, 20, 59), None),
        ((2026, 5, 5, 21, 0), "21:00 is outside the hours 08:00-21:00 on Tuesdays"),
    ],
)
def test_a_norwegian_phone_call_within_the_hours(moment, reason):
    # Rundskriv 5/2022 (medium: at risk): weekdays 08:00-21:00, the end excluded.
    result = audit(no_case(call(*moment)), as_of=AS_OF)
    at = dt.datetime(*moment, tzinfo=OSLO).isoformat()  # type: ignore[misc]
    expected = [
        (
            date(2026, 5, 5), "phone contact window and caps (law)", R,
            f"a phone contact at {at}: {reason}", PHONE_ALLOWED_NO, "0.00 NOK",
        )
    ]  # fmt: skip
    assert rows(result) == ([] if reason is None else expected)
    assert any(
        c.rule.startswith("inkassoloven (lov 13. mai 1988 nr. 26) § 8") for c in result.basis
    )


def test_the_daily_cap_counts_earlier_contacts_on_the_same_channel_only():
    # Cap of 1 phone call a day: a second call on the day is at risk; an SMS is another channel.
    twice = audit(no_case(call(2026, 5, 5, 10), call(2026, 5, 5, 12)), as_of=AS_OF)
    assert rows(twice) == [
        (
            date(2026, 5, 5), "phone contact window and caps (law)", R,
            ("a phone contact at 2026-05-05T12:00:00+02:00: 1 earlier phone contact(s) on "
            "2026-05-05 reach the cap of 1 a day"),
            PHONE_ALLOWED_NO, "0.00 NOK",
        )
    ]  # fmt: skip
    assert twice.findings[0].event is twice.case.contact_attempts[1]
    mixed = no_case(call(2026, 5, 5, 10), call(2026, 5, 5, 12, channel=Channel.SMS))
    assert audit(mixed, as_of=AS_OF).findings == ()
    # Three calls: the second and third each break the cap (the history keeps growing).
    thrice = no_case(call(2026, 5, 5, 10), call(2026, 5, 5, 12), call(2026, 5, 5, 14))
    messages = [f.message for f in audit(thrice, as_of=AS_OF).findings]
    assert [m.split(": ", 1)[1] for m in messages] == [
        "1 earlier phone contact(s) on 2026-05-05 reach the cap of 1 a day",
        "2 earlier phone contact(s) on 2026-05-05 reach the cap of 1 a day",
    ]


def test_a_swedish_call_outside_the_default_policy_is_a_note():
    # No Swedish statute sets hours: the library's default policy is not law.
    result = audit(se_case(call(2026, 3, 7, 10, tz=STOCKHOLM)), as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 3, 7), "phone contact window and caps (policy, not law)", N,
            "a phone contact at 2026-03-07T10:00:00+01:00: no phone contact on Saturdays",
            ("phone contact only within the hours and caps in force (library default policy for "
            "Sweden (not law))"),
            "0.00 SEK",
        )
    ]  # fmt: skip
    assert result.lawful


OLD_NO = Claim(
    principal=nok("1000"), due_date=date(2022, 11, 1), jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)  # fmt: skip


def test_a_contact_the_data_does_not_cover_is_a_note_and_still_counts():
    # The phone rules start 2022-12-15: the call of 2022-12-14 is not checked, but it is in the
    # history; the two calls of 2022-12-15 are checked, the second breaks the daily cap.
    calls = (call(2022, 12, 14, 10), call(2022, 12, 15, 10), call(2022, 12, 15, 12))
    result = audit(Case(claim=OLD_NO, events=calls), as_of=date(2023, 1, 1))
    text = (
        "the phone contact at 2022-12-14T10:00:00+01:00 not checked: no.contact.phone_hours has "
        "no value on 2022-12-14: the table starts 2022-12-15 (inkassoloven (lov 13. mai 1988 nr. "
        "26) § 8 (god inkassoskikk); Finanstilsynet rundskriv 5/2022 «Telefonisk "
        "inkassovirksomhet» (15.12.2022))"
    )
    assert rows(result)[0] == (
        date(2022, 12, 14), "not checked (NotInForce)", N, text,
        "unknown: the legal data does not cover this day", "0.00 NOK",
    )  # fmt: skip
    assert result.findings[0].citation.rule.startswith("inkassorules: the legal data does not")
    assert result.findings[0].event is calls[0]
    assert result.unchecked == (text,)
    assert result.provisional
    assert rows(result)[1][3] == (
        "a phone contact at 2022-12-15T12:00:00+01:00: 1 earlier phone contact(s) on 2022-12-15 "
        "reach the cap of 1 a day"
    )
    assert len(result.findings) == 2


def test_contacts_the_data_does_not_cover_still_count_against_the_weekly_cap():
    # Calls on Monday-Saturday 2022-12-12 to 12-17, one a day: the first three are before the
    # rules (2022-12-15) and not checked, yet they are 3 of the 5 earlier calls that make the
    # sixth, on Saturday, break the cap of 5 a week.
    calls = [call(2022, 12, day, 10) for day in (12, 13, 14, 15, 16, 17)]
    result = audit(Case(claim=OLD_NO, events=calls), as_of=date(2023, 1, 1))
    assert [f.rule for f in result.findings] == ["not checked (NotInForce)"] * 3 + [
        "phone contact window and caps (law)"
    ]
    assert result.findings[3].message == (
        "a phone contact at 2022-12-17T10:00:00+01:00: 5 earlier phone contact(s) in the week "
        "(Monday-Sunday) reach the cap of 5 a week"
    )
    assert len(result.unchecked) == 3


# -- fees -------------------------------------------------------------------------------------------


def test_a_purring_fee_above_its_cap():
    # INKF § 1-2 første ledd: 1/20 x 750 = 37.50 -> 38 kr; 60 kr charged -> 22 kr excess.
    result = audit(
        no_case(letter(StepKind.REMINDER, date(2026, 5, 20), nok("60"), None)), as_of=AS_OF
    )
    rule = "inkassoforskriften § 1-2 første ledd (en tjuedel), endret ved FOR-2020-06-19-1248"
    assert rows(result) == [
        (
            date(2026, 5, 20), rule, U,
            ("the reminder of 2026-05-20 charged 60.00 NOK: 1/20 of the inkassosats 750.00 NOK in "
            "force on 2026-05-20 = 37.50 NOK, rounded to 1 NOK (ROUND_HALF_UP)"),
            "at most 38.00 NOK", "22.00 NOK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.parameter == "no.fees.reminder_fraction"
    assert result.excess == nok("22")


@pytest.mark.parametrize(("fee", "excess"), [("113", None), ("113.01", "0.01"), ("150", "37.00")])
def test_a_betalingsoppfordring_fee_above_113_kr(fee, excess):
    # INKF § 1-2 tredje ledd: 3/20 x 750 = 112.50 -> 113 kr (the medium 2026 rounding can only
    # lower the cap, so the excess stays unlawful).
    case = no_case(
        varsel(date(2026, 5, 20), date(2026, 6, 3), "38"),
        demand(date(2026, 6, 4), date(2026, 6, 18), fee),
    )
    result = audit(case, as_of=AS_OF)
    if excess is None:
        assert result.findings == ()
        return
    [finding] = result.findings
    assert (
        finding.rule
        == "inkassoforskriften § 1-2 tredje ledd (tre tjuedeler), endret ved FOR-2020-06-19-1248"
    )
    assert finding.severity is U
    assert finding.allowed == "at most 113.00 NOK"
    assert finding.excess == nok(excess)
    assert finding.message.startswith(
        f"the collection demand of 2026-06-04 charged {nok(fee)}: 3/20"
    )


@pytest.mark.parametrize(
    ("sent", "found"), [(date(2026, 5, 17), True), (date(2026, 5, 18), False)]
)
def test_a_fee_before_the_earliest_fee_day(sent, found):
    # INKF § 1-2: the earliest fee-bearing day is 2026-05-04 + 14 = 2026-05-18; the refusal (a
    # zero cap) names the rule that refused, without its gloss in parentheses.
    result = audit(no_case(letter(StepKind.REMINDER, sent, nok("38"), None)), as_of=AS_OF)
    expected = [
        (
            date(2026, 5, 17), "inkassoforskriften § 1-2 første og annet ledd", U,
            ("the reminder of 2026-05-17 charged 38.00 NOK: sent on 2026-05-17, earlier than 14 "
            "days after the due date 2026-05-04: the earliest fee-bearing day is 2026-05-18"),
            "at most 0.00 NOK", "38.00 NOK",
        )
    ]  # fmt: skip
    assert rows(result) == (expected if found else [])


def test_a_swedish_reminder_fee_without_an_agreement():
    # 2 § lag (1981:739): a påminnelseavgift only if agreed; the rule is named up to its colon,
    # keeping the SFS number "(1981:739)".
    result = audit(
        se_case(letter(StepKind.REMINDER, date(2026, 3, 3), sek("60"), date(2026, 3, 13))),
        as_of=AS_OF,
    )
    assert rows(result) == [
        (
            date(2026, 3, 3), "2 § lag (1981:739)", U,
            ("the reminder of 2026-03-03 charged 60.00 SEK: no agreement on a påminnelseavgift "
            "made no later than when the debt arose (2 § lag 1981:739)"),
            "at most 0.00 SEK", "60.00 SEK",
        )
    ]  # fmt: skip


def test_a_swedish_krav_fee_above_180_kr():
    # 4 § 2 st p.2 lag (1981:739): at most 180 kr; 630 charged -> 450 excess (the medium
    # 8-day / 4-bank-day condition was met, so it cannot make the excess lawful).
    result = audit(se_case(krav(date(2026, 3, 16), date(2026, 3, 24), "630")), as_of=AS_OF)
    [finding] = result.findings
    assert finding.rule == (
        "3 § p.1 and 4 § 2 st p.2 lag (1981:739) om ersättning för inkassokostnader m.m., as "
        "amended by SFS 2013:56"
    )
    assert finding.severity is U
    assert finding.allowed == "at most 180.00 SEK"
    assert finding.excess == sek("450")
    assert finding.message == (
        "the collection demand of 2026-03-16 charged 630.00 SEK: ersättning för inkassokrav for a "
        "krav meeting 5 § inkassolagen sent 2026-03-16, after the due date: at most 180.00 SEK; "
        "meets_inkassolagen_5 read from the letter: its deadline 2026-03-24 meets the earliest "
        "lawful last day 2026-03-24"
    )


def test_a_business_fee_capped_by_a_medium_standardkompensasjon_is_at_risk():
    # Business debtor, claim due 2021-03-01: the reminder may carry the standardkompensasjon of
    # 2021 H1, 400 kr (forsinkelsesrenteloven § 3a; a medium value that could raise the cap), so
    # the 100 kr above it are at risk, not certainly unlawful.
    claim = Claim(
        principal=nok("12500"), due_date=date(2021, 3, 1), jurisdiction="NO",
        debtor_kind=DebtorKind.BUSINESS,
    )  # fmt: skip
    case = Case(
        claim=claim, events=[letter(StepKind.REMINDER, date(2021, 3, 16), nok("500"), None)]
    )
    result = audit(case, as_of=date(2021, 6, 1))
    [finding] = result.findings
    assert finding.severity is R
    assert finding.allowed == "at most 400.00 NOK"
    assert finding.excess == nok("100")
    assert (
        finding.rule
        == "inkassoforskriften § 1-2 første ledd (en tjuedel), endret ved FOR-2020-06-19-1248"
    )
    assert result.lawful


def test_an_amorteringsplan_fee_above_170_kr():
    # 3 § p.2 and 4 § 2 st p.3 lag (1981:739): at most 170 kr; 200 kr -> 30 kr excess.
    plan = InstalmentAgreement.plan(
        sek("5000"), count=5, signed_on=date(2026, 4, 1), fee=sek("200")
    )
    result = audit(se_case(AgreementMade(agreement=plan)), as_of=date(2026, 4, 2))
    [finding] = result.findings
    assert (finding.day, finding.severity, finding.allowed, finding.excess) == (
        date(2026, 4, 1),
        U,
        "at most 170.00 SEK",
        sek("30"),
    )
    assert finding.message.startswith(
        "the instalment agreement of 2026-04-01 charged 200.00 SEK: "
    )
    assert finding.to_record()["event"] == "instalment_agreement"


def test_a_legal_fee_is_a_note_not_checked():
    # Rettsgebyr is outside the library: the fee is noted, not counted as excess.
    case = no_case(*TO_DEMAND, legal(date(2026, 6, 19), fee_charged=nok("100")))
    result = audit(case, as_of=AS_OF)
    assert rows(result) == [
        (
            date(2026, 6, 19), "not checked (no rule for the amount)", N,
            ("the legal step of 2026-06-19 charged 100.00 NOK: the fees of legal steps "
            "(rettsgebyr at forliksrådet or namsmannen) are outside the library: the amount "
            "charged is taken as it is, unchecked"),
            "not checked by the library", "0.00 NOK",
        )
    ]  # fmt: skip
    assert result.findings[0].citation.rule.startswith("The fee rules of each country")
    assert result.excess == nok("0")
    # A legal step that charged nothing leaves no note.
    assert audit(no_case(*TO_DEMAND, legal(date(2026, 6, 19))), as_of=AS_OF).findings == ()


OLD_2001 = Claim(
    principal=nok("12500"), due_date=date(2001, 6, 1), jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)  # fmt: skip
FEES_UNCHECKED = (
    "the fees charged not checked: no.fees.earliest_fee_days has no value on 2001-06-20: the "
    "table starts 2002-03-01 (inkassoforskriften § 1-2 første og annet ledd (tidligst 14 dager "
    "etter forfall))"
)
LIMITATION_UNCHECKED = (
    "limitation not checked: no.limitation.period_years has no value on 2001-06-01: the table "
    "starts 2004-07-01 (foreldelsesloven (LOV-1979-05-18-18) § 2 («Den alminnelige "
    "foreldelsesfrist er 3 år») og § 3 nr. 1)"
)
NOT_COVERED = "unknown: the legal data does not cover this day"


def test_fees_and_limitation_the_data_does_not_cover_are_notes_on_the_audit_day():
    # The fee tables start 2002-03-01 and the limitation table 2004-07-01: a 2001 claim.
    case = Case(
        claim=OLD_2001, events=[letter(StepKind.REMINDER, date(2001, 6, 20), nok("50"), None)]
    )
    result = audit(case, as_of=date(2001, 7, 1))
    assert rows(result) == [
        (date(2001, 7, 1), "not checked (NotInForce)", N, FEES_UNCHECKED, NOT_COVERED, "0.00 NOK"),
        (
            date(2001, 7, 1),
            "not checked (NotInForce)",
            N,
            LIMITATION_UNCHECKED,
            NOT_COVERED,
            "0.00 NOK",
        ),
    ]
    assert [f.event for f in result.findings] == [None, None]
    assert result.unchecked == (FEES_UNCHECKED, LIMITATION_UNCHECKED)
    assert result.provisional
    assert result.lawful


def test_a_letter_check_the_data_does_not_cover_is_a_note_on_the_letters_day():
    # The interest claimed by the varsel of 2001-06-20 needs the balance, whose fees the data
    # does not cover: that check becomes a NOTE naming the letter; the others still run.
    notice = letter(
        StepKind.COLLECTION_NOTICE, date(2001, 6, 20), nok("0"), date(2001, 7, 4),
        interest_charged=nok("10"),
    )  # fmt: skip
    result = audit(Case(claim=OLD_2001, events=[notice]), as_of=date(2001, 7, 1))
    text = "the collection notice of 2001-06-20 not checked: " + FEES_UNCHECKED.split(": ", 1)[1]
    assert rows(result)[0] == (
        date(2001, 6, 20),
        "not checked (NotInForce)",
        N,
        text,
        NOT_COVERED,
        "0.00 NOK",
    )
    assert result.findings[0].event is notice
    assert result.unchecked == (FEES_UNCHECKED, text, LIMITATION_UNCHECKED)
    assert len(result.findings) == 3


# -- interest ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claimed", "excess"), [("19.18", None), ("19.19", "0.01"), ("100", "80.82")]
)
def test_swedish_interest_claimed_above_the_lawful_interest(claimed, excess):
    # 6 § räntelagen: referensränta 2 % + 8 = 10 % a year; the 14 days 2026-03-02 to 03-15 on
    # 5 000 kr: 5 000 x 0.10 x 14 / 365 = 19.178 -> 19.18 kr (medium reading: at risk).
    krav_0316 = letter(
        StepKind.COLLECTION_DEMAND, date(2026, 3, 16), sek("180"), date(2026, 3, 24),
        interest_charged=sek(claimed),
    )  # fmt: skip
    result = audit(se_case(krav_0316), as_of=AS_OF)
    expected = [
        (
            date(2026, 3, 16), "räntelagen", R,
            (f"the collection demand of 2026-03-16 claimed {sek(claimed)} of interest; the late "
            "interest accrued and not paid was 19.18 SEK"),
            "at most 19.18 SEK of interest (the days before 2026-03-16)", f"{excess} SEK",
        )
    ]  # fmt: skip
    assert rows(result) == ([] if excess is None else expected)
    if excess is not None:
        assert result.findings[0].citation.rule.startswith("3 § räntelagen (1975:635)")
        assert result.excess == sek(excess)  # the 180 kr fee is lawful


def test_interest_and_a_fee_excess_are_both_counted():
    # The purring's 22 kr above the fee cap and its 14.25 kr above the interest (12 500 x 0.12
    # x 16 / 365 = 65.75; 80 claimed) are two excesses of one letter, both counted.
    purring = letter(
        StepKind.REMINDER,
        date(2026, 5, 20),
        nok("60"),
        date(2026, 6, 3),
        interest_charged=nok("80"),
    )
    plain = audit(no_case(purring), as_of=AS_OF)
    assert [f.excess for f in plain.findings] == [nok("22"), nok("14.25")]
    assert plain.excess == nok("36.25")


# -- limitation ---------------------------------------------------------------------------------------


def test_steps_on_and_after_the_day_the_claim_became_time_barred():
    # foreldelsesloven §§ 2-3: 3 years from 2026-05-04 -> time-barred from 2029-05-04; that day
    # itself depends on the (medium) day reading; a later day is certain. The fee of 38 kr on
    # 2029-05-07 is all excess (§ 24), though within the INKF cap.
    case = no_case(
        letter(StepKind.REMINDER, date(2029, 5, 3), nok("0"), None),
        letter(StepKind.REMINDER, date(2029, 5, 4), nok("0"), None),
        letter(StepKind.REMINDER, date(2029, 5, 7), nok("38"), None),
        legal(date(2029, 5, 8)),
    )
    result = audit(case, as_of=date(2029, 6, 1))
    rule = "foreldelsesloven §§ 2, 3 og 24"

    def barred(kind: str, day: date, severity: Severity, excess: str) -> tuple[object, ...]:
        return (
            day, rule, severity,
            (f"a {kind} on {day.isoformat()} on a claim time-barred from 2029-05-04 (3 years from "
            "2026-05-04)"),
            "no collection and no fee from 2029-05-04", excess,
        )  # fmt: skip

    assert [r for r in rows(result) if r[1] == rule] == [
        barred("reminder", date(2029, 5, 4), R, "0.00 NOK"),
        barred("reminder", date(2029, 5, 7), U, "38.00 NOK"),
        barred("legal step", date(2029, 5, 8), U, "0.00 NOK"),
    ]
    assert result.findings[0].citation.rule.startswith("foreldelsesloven (LOV-1979-05-18-18) § 2")
    assert result.excess == nok("38")


def test_a_swedish_step_after_limitation_with_a_medium_period_is_at_risk():
    # 2 § andra stycket preskriptionslagen: 3 years for a consumer (medium): even a later day is
    # only at risk. (A påminnelse before that day would interrupt, 5 §: none is sent.)
    case = se_case(letter(StepKind.REMINDER, date(2029, 3, 5), sek("0"), None))
    result = audit(case, as_of=date(2029, 6, 1))
    assert rows(result) == [
        (
            date(2029, 3, 5), "2 och 8 §§ preskriptionslagen (1981:130)", R,
            ("a reminder on 2029-03-05 on a claim time-barred from 2029-03-02 (3 years from "
            "2026-03-02)"),
            "no collection and no fee from 2029-03-02", "0.00 SEK",
        )
    ]  # fmt: skip


# -- audit(): its arguments and the audit day ----------------------------------------------------------


def test_audit_refuses_bad_arguments_and_names_them():
    with pytest.raises(InvalidInput, match="^as_of must be a datetime.date, got '2026-07-01'"):
        audit(NO_CLAIM, as_of="2026-07-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="^as_of must be a datetime.date"):
        audit(NO_CLAIM, as_of=dt.datetime(2026, 7, 1, tzinfo=OSLO))  # type: ignore[arg-type]
    with pytest.raises(
        InvalidInput, match="^law must be an inkassorules.LawBook or None, got 'b'"
    ):
        audit(NO_CLAIM, as_of=AS_OF, law="b")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        audit("claim", as_of=AS_OF)  # type: ignore[arg-type]


def test_an_explicit_law_book_gives_the_same_audit():
    from inkassorules.law import builtin

    case = no_case(varsel(date(2026, 5, 4), date(2026, 5, 18)), PURRING_0520)
    default = audit(case, as_of=AS_OF)
    explicit = audit(case, as_of=AS_OF, law=builtin())
    assert rows(explicit) == rows(default)
    assert explicit.basis == default.basis


@pytest.mark.parametrize(
    ("as_of", "checked"), [(date(2026, 5, 19), False), (date(2026, 5, 20), True)]
)
def test_events_up_to_and_including_the_audit_day_are_checked(as_of, checked):
    # The purring of 2026-05-20 with a 60 kr fee (22 kr above the cap) is checked from that day.
    case = no_case(letter(StepKind.REMINDER, date(2026, 5, 20), nok("60"), None))
    result = audit(case, as_of=as_of)
    assert result.case is case
    assert result.as_of == as_of
    assert result.excess == nok("22" if checked else "0")
    assert len(result.findings) == (1 if checked else 0)


def test_a_bare_claim_is_a_case_without_events():
    result = audit(SE_CLAIM, as_of=AS_OF)
    assert result.findings == ()
    assert result.case.claim is SE_CLAIM
    assert result.case.events == ()
    assert result.basis  # the limitation rules were applied


def test_findings_are_in_time_order_then_in_event_order():
    # A varsel of 2026-05-04 (§ 9 første ledd: not after forfall) and a demand of 2026-05-05
    # before that varsel's deadline (2026-05-18) ran out (§ 10): one finding each, by day.
    case = no_case(
        varsel(date(2026, 5, 4), date(2026, 5, 18)), demand(date(2026, 5, 5), date(2026, 5, 19))
    )
    result = audit(case, as_of=AS_OF)
    assert [(f.day, f.rule) for f in result.findings] == [
        (date(2026, 5, 4), VARSEL_RULE),
        (date(2026, 5, 5), DEMAND_RULE),
    ]
    assert [f.event for f in result.findings] == list(case.letters)


def test_each_event_check_the_calendar_does_not_cover_is_a_note_naming_the_event():
    # The Norwegian business-day calendar starts 2000-01-01: for a claim due 1989-06-01 the
    # forfall cannot be rolled, so the timing of each letter and of the legal step is noted.
    claim = Claim(
        principal=nok("12500"), due_date=date(1989, 6, 1), jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )  # fmt: skip
    events = [
        varsel(date(1989, 6, 20), date(1989, 7, 4)),
        demand(date(1989, 7, 10), date(1989, 7, 24)),
        legal(date(1989, 8, 1)),
    ]
    result = audit(Case(claim=claim, events=events), as_of=date(1989, 9, 1))
    why = (
        " not checked: no.business_days has no value on 1989-06-01: the business-day calendar "
        "covers 2000-01-01 to 2100-12-31"
    )
    assert [(f.day, f.event, f.message) for f in result.findings[:3]] == [
        (date(1989, 6, 20), events[0], "the collection notice of 1989-06-20" + why),
        (date(1989, 7, 10), events[1], "the collection demand of 1989-07-10" + why),
        (date(1989, 8, 1), events[2], "the legal step of 1989-08-01" + why),
    ]
    assert all(f.severity is N for f in result.findings)
    assert [f.day for f in result.findings[3:]] == [date(1989, 9, 1), date(1989, 9, 1)]
    assert len(result.unchecked) == 5


# -- contact: channels and reasons ----------------------------------------------------------------


def test_each_channel_has_its_own_history_and_rules():
    # Norway: SMS is under the library's default policy (no daily cap), the phone under the
    # rundskriv (1 a day): two SMS on one day, or an SMS then a call, break nothing.
    two_sms = no_case(
        call(2026, 5, 5, 10, channel=Channel.SMS), call(2026, 5, 5, 12, channel=Channel.SMS)
    )
    assert audit(two_sms, as_of=AS_OF).findings == ()
    sms_then_call = no_case(call(2026, 5, 5, 10, channel=Channel.SMS), call(2026, 5, 5, 12))
    assert audit(sms_then_call, as_of=AS_OF).findings == ()
    # Sweden: the same (SMS without caps; 1 call a day in the default policy).
    se_sms = se_case(
        call(2026, 3, 10, 10, channel=Channel.SMS, tz=STOCKHOLM),
        call(2026, 3, 10, 12, channel=Channel.SMS, tz=STOCKHOLM),
    )
    assert audit(se_sms, as_of=AS_OF).findings == ()
    se_calls = se_case(call(2026, 3, 10, 10, tz=STOCKHOLM), call(2026, 3, 10, 12, tz=STOCKHOLM))
    assert [f.message for f in audit(se_calls, as_of=AS_OF).findings] == [
        (
            "a phone contact at 2026-03-10T12:00:00+01:00: 1 earlier phone contact(s) on 2026-03-10 "
            "reach the cap of 1 a day"
        )
    ]


def test_a_norwegian_sms_outside_the_default_hours_is_a_note():
    result = audit(no_case(call(2026, 5, 5, 21, 30, channel=Channel.SMS)), as_of=AS_OF)
    [note] = result.findings
    assert (note.rule, note.severity) == ("sms contact window and caps (policy, not law)", N)
    assert note.message == (
        "a sms contact at 2026-05-05T21:30:00+02:00: 21:30 is outside the hours 08:00-21:00 on "
        "Tuesdays"
    )
    assert note.allowed.startswith("sms contact only within the hours and caps in force (phone: ")


def test_a_call_breaking_two_rules_names_both():
    # The second call of Tuesday 2026-05-05, at 21:00: outside the hours and above the cap.
    result = audit(no_case(call(2026, 5, 5, 10), call(2026, 5, 5, 21)), as_of=AS_OF)
    assert [f.message for f in result.findings] == [
        (
            "a phone contact at 2026-05-05T21:00:00+02:00: 21:00 is outside the hours 08:00-21:00 on "
            "Tuesdays; 1 earlier phone contact(s) on 2026-05-05 reach the cap of 1 a day"
        )
    ]


def test_a_law_book_with_the_new_inkassolov_hours_is_used_for_calls():
    # Inkassoloven 2026 § 15 (in force from 2027-03-01 as the caller gives it): Saturday from
    # 09:00; the rundskriv (the built-in law) allows Saturday from 08:00.
    from inkassorules.no.contact import with_inkassolov_2026

    book = with_inkassolov_2026(in_force_from=date(2027, 3, 1))
    claim = Claim(
        principal=nok("1000"), due_date=date(2027, 2, 1), jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )  # fmt: skip
    case = Case(claim=claim, events=[call(2027, 3, 13, 8, 59)])
    assert audit(case, as_of=date(2027, 4, 1)).findings == ()
    [finding] = audit(case, as_of=date(2027, 4, 1), law=book).findings
    assert finding.message == (
        "a phone contact at 2027-03-13T08:59:00+01:00: 08:59 is outside the hours 09:00-15:00 on "
        "Saturdays"
    )
    assert "LOV-2026-05-22-19" in finding.citation.rule


# -- a caller's law book ----------------------------------------------------------------------------


def _extended(book: object, name: str, value: object) -> object:
    return book.extend(  # type: ignore[attr-defined]
        name,
        [{"valid_from": date(2027, 1, 1), "value": value, "citation": f"test {name}",
          "url": "https://example.org/"}],
    )  # fmt: skip


def law_2027() -> object:
    """The built-in law plus values from 2027-01-01 that differ from the ones before."""
    from inkassorules.law import builtin

    book: object = builtin()
    for name, value in [
        ("no.fees.collection_notice_deadline_days", 21),
        ("no.fees.collection_demand_deadline_days", 21),
        ("no.fees.legal_collection_months", 3),
        ("no.limitation.period_years", 5),
        ("se.fees.collection_demand_min_days", 12),
        ("no.inkassosats", 800),
        ("no.interest.late_interest_rate", 20),
    ]:
        book = _extended(book, name, value)
    return book


NO_2027 = Claim(
    principal=nok("12500"), due_date=date(2027, 1, 4), jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)  # fmt: skip


@pytest.mark.parametrize(("claimed", "excess"), [("109.59", None), ("109.60", "0.01")])
def test_the_audit_uses_the_law_book_given_for_deadlines_fees_and_interest(claimed, excess):
    # With the 2027 values: a varsel needs 21 days (2027-01-20 -> 2027-02-10), a demand 21 days
    # (2027-02-11 -> 2027-03-04), legal steps within 3 months of the demand (to 2027-05-11); the
    # inkassosats 800 gives a varsel fee of 1/20 x 800 = 40 kr (lawful); interest at 20 % for
    # the 16 days 2027-01-04 to 01-19: 12 500 x 0.20 x 16 / 365 = 109.589 -> 109.59 kr.
    case = Case(
        claim=NO_2027,
        events=[
            letter(StepKind.COLLECTION_NOTICE, date(2027, 1, 20), nok("40"), date(2027, 2, 3),
                   interest_charged=nok(claimed)),
            demand(date(2027, 2, 11), date(2027, 2, 25)),
            legal(date(2027, 5, 30)),
        ],
    )  # fmt: skip
    result = audit(case, as_of=date(2027, 7, 1), law=law_2027())
    expected = [
        (
            date(2027, 1, 20), VARSEL_DEADLINE, U, "the inkassovarsel of 2027-01-20 gave the deadline 2027-02-03",
            "a deadline no earlier than 2027-02-10", "0.00 NOK",
        ),
        (
            date(2027, 2, 11), DEMAND_DEADLINE, U,
            "the betalingsoppfordring of 2027-02-11 gave the deadline 2027-02-25",
            "a deadline no earlier than 2027-03-04", "0.00 NOK",
        ),
        (
            date(2027, 5, 30), LEGAL_RULE, U,
            ("a legal step at forliksrådet on 2027-05-30, more than six months after the "
             "betalingsoppfordring of 2027-02-11: a new one was needed"),
            "legal steps on that betalingsoppfordring until 2027-05-11", "0.00 NOK",
        ),
    ]  # fmt: skip
    if excess is not None:
        expected.insert(1, (
            date(2027, 1, 20), "forsinkelsesrenteloven", R,
            (f"the collection notice of 2027-01-20 claimed {nok(claimed)} of interest; the late "
             "interest accrued and not paid was 109.59 NOK"),
            "at most 109.59 NOK of interest (the days before 2027-01-20)", "0.01 NOK",
        ))  # fmt: skip
    assert rows(result) == expected
    assert result.findings[0].citation.rule == "test no.fees.collection_notice_deadline_days"
    assert result.findings[-1].citation.rule == "test no.fees.legal_collection_months"


def test_a_legal_step_uses_the_law_books_demand_deadline_when_the_demand_gave_none():
    # The demand of 2027-02-11 stated no deadline: the book's 21 days run to 2027-03-04.
    case = Case(
        claim=NO_2027,
        events=[
            varsel(date(2027, 1, 20), date(2027, 2, 10)),
            demand(date(2027, 2, 11), None),
            legal(date(2027, 3, 4)),
        ],
    )
    result = audit(case, as_of=date(2027, 4, 1), law=law_2027())
    assert row_of(result, LEGAL_RULE)[3:5] == (
        (
            "a legal step at forliksrådet on 2027-03-04, before the deadline 2027-03-04 of the "
            "betalingsoppfordring of 2027-02-11 ran out"
        ),
        "legal steps from 2027-03-05",
    )


def test_a_demand_uses_the_law_books_varsel_deadline_when_the_varsel_gave_none():
    # The varsel of 2027-01-20 stated none: the book's 21 days run to 2027-02-10.
    case = Case(
        claim=NO_2027,
        events=[varsel(date(2027, 1, 20), None), demand(date(2027, 2, 10), date(2027, 3, 3))],
    )
    result = audit(case, as_of=date(2027, 4, 1), law=law_2027())
    assert row_of(result, DEMAND_RULE)[3:5] == (
        (
            "a betalingsoppfordring on 2027-02-10, before the deadline 2027-02-10 of the "
            "inkassovarsel of 2027-01-20 ran out"
        ),
        "no betalingsoppfordring before 2027-02-11",
    )


def test_the_law_books_fee_cap_and_limitation_period_are_used():
    # The built-in law: 3 years (time-barred from 2030-01-04) and a cap of 38 kr; the book: 5
    # years and 40 kr (1/20 x 800), so the purring of 2030-02-01 with 40 kr is lawful.
    case = Case(
        claim=NO_2027, events=[letter(StepKind.REMINDER, date(2030, 2, 1), nok("40"), None)]
    )
    assert audit(case, as_of=date(2030, 3, 1), law=law_2027()).findings == ()
    builtin_result = audit(case, as_of=date(2030, 3, 1))
    assert [(f.rule, str(f.excess)) for f in builtin_result.findings] == [
        (
            "inkassoforskriften § 1-2 første ledd (en tjuedel), endret ved FOR-2020-06-19-1248",
            "2.00 NOK",
        ),
        ("foreldelsesloven §§ 2, 3 og 24", "38.00 NOK"),
    ]


def test_the_law_books_swedish_krav_deadline_is_used():
    # Built-in: 8 days (2027-01-12 -> 2027-01-20); the book: 12 days (-> 2027-01-24).
    claim = Claim(
        principal=sek("5000"), due_date=date(2027, 1, 4), jurisdiction="SE",
        debtor_kind=DebtorKind.CONSUMER,
    )  # fmt: skip
    case = Case(claim=claim, events=[krav(date(2027, 1, 12), date(2027, 1, 20))])
    assert audit(case, as_of=date(2027, 3, 1)).findings == ()
    assert rows(audit(case, as_of=date(2027, 3, 1), law=law_2027())) == [
        (
            date(2027, 1, 12), KRAV_RULE, U, "the inkassokrav of 2027-01-12 gave the deadline 2027-01-20",
            "a deadline no earlier than 2027-01-24", "0.00 SEK",
        )
    ]  # fmt: skip


def _fal_book() -> object:
    from inkassorules.law import builtin

    return builtin().extend(
        "no.consumer_credit.notice_days",
        [{"valid_from": date(2023, 1, 1), "value": 14, "citation": "test notice",
          "url": "https://example.org/"}],
        replace_unknown=True,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("day", "held_then"), [(date(2026, 8, 16), True), (date(2026, 8, 17), False)]
)
def test_a_norwegian_consumer_credit_notice_period_from_the_law_book(day, held_then):
    # Finansavtaleloven: the plan of 2026-06-01 (instalments 06-01, 07-01, 08-01) is unpaid; the
    # notice of 2026-08-03 with 3 missed instalments makes the remainder due after the notice
    # period, which the built-in data lacks (NOT FOUND) and the book gives as 14 days: due
    # from 2026-08-17.
    from inkassorules.instalments import NorwegianConsumerCredit

    made = AgreementMade(
        agreement=NO_PLAN,
        acceleration_policy=NorwegianConsumerCredit(notices_sent_on=(date(2026, 8, 3),)),
    )
    step = varsel(day, day + dt.timedelta(days=14))
    case = no_case(PURRING_0520, made, step)
    result = audit(case, as_of=date(2026, 9, 1), law=_fal_book())
    assert rows(result) == ([held("collection notice", day, "0.00")] if held_then else [])
    # Without the book the check cannot be made: a NOTE naming the letter.
    [note] = audit(case, as_of=date(2026, 9, 1)).findings
    assert note.message.startswith(
        f"the collection notice of {day.isoformat()} not checked: no.consumer_credit.notice_days "
        "has no value on 2026-06-01"
    )
    action = no_case(PURRING_0520, made, legal(day))
    notes = [f for f in audit(action, as_of=date(2026, 9, 1)).findings if f.severity is N]
    assert [f.message.split(": ", 1)[0] for f in notes] == [
        f"the legal step of {day.isoformat()} not checked"
    ]


# -- excess counted once per event ----------------------------------------------------------------


def test_a_fee_is_split_between_findings_without_counting_it_twice():
    # The claim is time-barred from 2029-05-04; an agreement of 2029-05-10 holds (first
    # instalment paid). The purring of 2029-05-20 charges 60 kr: 22 kr above the 38 kr cap (the
    # fee finding), the other 38 kr break the agreement, and nothing is left for the
    # limitation finding: 60 kr in all.
    plan = InstalmentAgreement.plan(nok("12500"), count=3, signed_on=date(2029, 5, 10))
    case = no_case(
        AgreementMade(agreement=plan),
        Payment(amount=nok("4166.66"), paid_on=date(2029, 5, 10)),
        letter(StepKind.REMINDER, date(2029, 5, 20), nok("60"), None),
    )
    result = audit(case, as_of=date(2029, 6, 1))
    assert [(f.rule, str(f.excess)) for f in result.findings] == [
        (
            "inkassoforskriften § 1-2 første ledd (en tjuedel), endret ved FOR-2020-06-19-1248",
            "22.00 NOK",
        ),
        (AGREEMENT_RULE, "38.00 NOK"),
        ("foreldelsesloven §§ 2, 3 og 24", "0.00 NOK"),
    ]
    assert result.excess == nok("60")


def test_one_events_fee_excess_does_not_reduce_anothers():
    # Postponed to 2026-06-01: the purring of 2026-05-20 charges 60 kr before the earliest fee
    # day (all excess, by the fee rule); the legal step of 2026-05-25 charges 100 kr, unchecked
    # by a fee rule, and all of it is the excess of the postponement finding: 160 kr in all.
    case = no_case(
        MOVED,
        letter(StepKind.REMINDER, date(2026, 5, 20), nok("60"), None),
        legal(date(2026, 5, 25), fee_charged=nok("100")),
    )
    result = audit(case, as_of=AS_OF)
    assert [str(f.excess) for f in result.findings] == [
        "60.00 NOK",
        "0.00 NOK",
        "0.00 NOK",
        "100.00 NOK",
    ]
    assert result.excess == nok("160")


def test_interest_excess_does_not_use_up_the_fee():
    # A second purring (38 kr, lawful as a fee: INKF § 1-3) while the agreement of 2026-06-01
    # holds, claiming 500 kr of interest: the agreement finding's excess is the whole fee, not
    # reduced by the interest excess.
    step = letter(
        StepKind.REMINDER,
        date(2026, 6, 15),
        nok("38"),
        date(2026, 6, 29),
        interest_charged=nok("500"),
    )
    result = audit(no_case(PURRING_38, NO_MADE, NO_FIRST, step), as_of=AS_OF)
    interest, agreement = result.findings
    assert interest.rule == "forsinkelsesrenteloven"
    assert agreement.rule == AGREEMENT_RULE
    assert agreement.excess == nok("38")
    assert result.excess == interest.excess + nok("38")
    assert nok("0") < interest.excess < nok("500")


def test_after_an_unchecked_fee_the_next_fees_are_still_checked():
    # The legal step's 100 kr are not checked; the betalingsoppfordring after it charges 200 kr,
    # 87 kr above 113 kr (3/20 x 750 = 112.50 -> 113).
    case = no_case(
        *TO_DEMAND,
        legal(date(2026, 6, 19), fee_charged=nok("100")),
        demand(date(2026, 6, 22), date(2026, 7, 6), "200"),
    )
    result = audit(case, as_of=date(2026, 8, 1))
    fees = [f for f in result.findings if f.rule.startswith(("inkassoforskriften", "not checked"))]
    assert [(f.day, f.severity, str(f.excess)) for f in fees] == [
        (date(2026, 6, 19), N, "0.00 NOK"),
        (date(2026, 6, 22), U, "87.00 NOK"),
    ]


def test_notes_about_the_case_come_before_the_events_of_the_same_day():
    # Audited on the varsel's own day 2001-06-20: the fee and limitation notes (about the
    # case) sort before the note of the letter's interest check.
    notice = letter(
        StepKind.COLLECTION_NOTICE, date(2001, 6, 20), nok("0"), date(2001, 7, 4),
        interest_charged=nok("10"),
    )  # fmt: skip
    result = audit(Case(claim=OLD_2001, events=[notice]), as_of=date(2001, 6, 20))
    assert [f.event for f in result.findings] == [None, None, notice]
    assert [f.message.split(" not checked")[0] for f in result.findings] == [
        "the fees charged",
        "limitation",
        "the collection notice of 2001-06-20",
    ]


def test_a_business_fee_message_joins_every_reason():
    # The 500 kr purring of a business debtor (see the standardkompensasjon test above): the
    # message lists the fee rule's reasons, the 1/20 fee (700 / 20 = 35 kr) and the 400 kr.
    claim = Claim(
        principal=nok("12500"), due_date=date(2021, 3, 1), jurisdiction="NO",
        debtor_kind=DebtorKind.BUSINESS,
    )  # fmt: skip
    case = Case(
        claim=claim, events=[letter(StepKind.REMINDER, date(2021, 3, 16), nok("500"), None)]
    )
    [finding] = audit(case, as_of=date(2021, 6, 1)).findings
    assert finding.message.startswith(
        "the reminder of 2021-03-16 charged 500.00 NOK: 1/20 of the inkassosats 700.00 NOK in force "
        "on 2021-03-16 = 35.00 NOK, rounded to 0.01 NOK (ROUND_HALF_UP); business debtor: the "
        "standardkompensasjon not yet covered by the lawful fees before (400.00 NOK) "
    )


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


def test_a_call_against_phone_rules_of_high_confidence_is_unlawful():
    # A caller's book with phone hours 09:00-17:00 and caps of high confidence from 2026-12-01
    # (reviewed to 2030): the call at 08:30 on Tuesday 2026-12-01 breaks a certain rule.
    from inkassorules.law import builtin

    hours = {day: ["09:00-17:00"] for day in WEEKDAYS} | {
        "saturday": [], "sunday": [], "closed_on_holidays": True,
    }  # fmt: skip
    book = builtin()
    for name, value, cite in [
        ("no.contact.phone_hours", hours, "test hours"),
        ("no.contact.phone_caps", {"per_day": 1, "per_week": 5, "per_month": 15}, "test caps"),
    ]:
        book = book.extend(
            name,
            [{"valid_from": date(2026, 12, 1), "value": value, "citation": cite,
              "url": "https://example.org/", "confidence": "high"}],
            reviewed_on=date(2030, 1, 1),
        )  # fmt: skip
    claim = Claim(
        principal=nok("1000"), due_date=date(2026, 11, 2), jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )  # fmt: skip
    case = Case(claim=claim, events=[call(2026, 12, 1, 8, 30)])
    assert rows(audit(case, as_of=date(2026, 12, 15), law=book)) == [
        (
            date(2026, 12, 1), "phone contact window and caps (law)", U,
            "a phone contact at 2026-12-01T08:30:00+01:00: 08:30 is outside the hours 09:00-17:00 on Tuesdays",
            ("phone contact only within the hours and caps in force (phone: test hours; other "
             "channels: library default policy (not law))"),
            "0.00 NOK",
        )
    ]  # fmt: skip


def test_a_swedish_law_book_policy_is_used_for_calls():
    # A caller's Swedish policy from 2027-01-01 allows calls on Saturdays 10:00-14:00; the
    # built-in default policy allows none (a NOTE).
    from inkassorules.law import builtin

    def week(hours: list[str], saturday: list[str]) -> dict[str, object]:
        return dict.fromkeys(WEEKDAYS, hours) | {
            "saturday": saturday, "sunday": [], "closed_on_holidays": True,
        }  # fmt: skip

    policy = {
        "phone": week(["08:00-20:00"], ["10:00-14:00"])
        | {"per_day": 1, "per_week": 5, "per_month": 15},
        "sms": week(["08:00-20:00"], []),
        "email": week(["08:00-20:00"], []),
        "letter": {day: ["00:00-24:00"] for day in (*WEEKDAYS, "saturday", "sunday")}
        | {"closed_on_holidays": False},
    }
    book = builtin().extend(
        "se.contact.default_policy",
        [{"valid_from": date(2027, 1, 1), "value": policy, "citation": "test se",
          "url": "https://example.org/"}],
    )  # fmt: skip
    claim = Claim(
        principal=sek("5000"), due_date=date(2027, 1, 4), jurisdiction="SE",
        debtor_kind=DebtorKind.CONSUMER,
    )  # fmt: skip
    case = Case(claim=claim, events=[call(2027, 3, 6, 11, tz=STOCKHOLM)])
    assert audit(case, as_of=date(2027, 4, 1), law=book).findings == ()
    [note] = audit(case, as_of=date(2027, 4, 1)).findings
    assert (
        note.message
        == "a phone contact at 2027-03-06T11:00:00+01:00: no phone contact on Saturdays"
    )


def test_a_norwegian_agreement_fee_is_refused_on_a_medium_reading():
    # Inkassoforskriften § 1-1: a creditor's own fixed fees are those of §§ 1-2 and 1-3 (the
    # library's reading, medium): the 500 kr for the avdragsordning are all excess, at risk.
    plan = InstalmentAgreement.plan(
        nok("12500"), count=3, signed_on=date(2026, 6, 1), fee=nok("500")
    )
    [finding] = audit(no_case(AgreementMade(agreement=plan)), as_of=AS_OF).findings
    assert (finding.day, finding.rule, finding.severity, finding.allowed, finding.excess) == (
        date(2026, 6, 1),
        "inkassoforskriften § 1-1",
        R,
        "at most 0.00 NOK",
        nok("500"),
    )
    assert finding.citation.confidence == "medium"


def test_a_fee_rule_is_named_up_to_its_first_colon():
    # A caller's citation "INKF § 1-2: en tjuedel: test" for the purring fraction from 2027:
    # the finding names "INKF § 1-2" (60 kr charged, 1/20 x 750 = 37.50 -> 38 allowed).
    from inkassorules.law import builtin

    book = builtin().extend(
        "no.fees.reminder_fraction",
        [{"valid_from": date(2027, 1, 1), "value": "1/20", "citation": "INKF § 1-2: en tjuedel: test",
          "url": "https://example.org/"}],
    )  # fmt: skip
    case = Case(
        claim=NO_2027, events=[letter(StepKind.REMINDER, date(2027, 1, 20), nok("60"), None)]
    )
    [finding] = audit(case, as_of=date(2027, 2, 1), law=book).findings
    assert (finding.rule, finding.allowed, finding.excess) == (
        "INKF § 1-2",
        "at most 38.00 NOK",
        nok("22"),
    )


def test_a_payment_on_the_steps_own_day_counts_for_the_agreement():
    # Finansavtaleloven policy: nothing paid on the instalments of 06-01, 07-01 and 08-01 until
    # 4 166.66 kr on 2026-08-03, the day of the notice and of the varsel. That payment covers
    # the oldest instalment, so only 2 are overdue on 2026-08-03: below the floor of 3, the
    # notice does not make the remainder due. (Without the payment, 3 are overdue and the notice
    # stands, but its 14 days have not run: the agreement is taken to hold.)
    from inkassorules.instalments import NorwegianConsumerCredit

    made = AgreementMade(
        agreement=NO_PLAN,
        acceleration_policy=NorwegianConsumerCredit(notices_sent_on=(date(2026, 8, 3),)),
    )
    step = varsel(date(2026, 8, 3), date(2026, 8, 17))
    paid = Payment(amount=nok("4166.66"), paid_on=date(2026, 8, 3))
    [finding] = audit(
        no_case(PURRING_0520, made, paid, step), as_of=date(2026, 9, 10), law=_fal_book()
    ).findings
    assert finding.event is step
    assert finding.message.startswith(
        "a collection notice on 2026-08-03 after a notice of early payment that the law does not "
        "allow: a notice demanding the remainder was sent on 2026-08-03 with 2 instalment(s) overdue"
    )
    # Refused under finansavtaleloven, not konsumentkreditlagen: the Norwegian floor of missed
    # instalments (FinKN practice, medium), so at risk, not unlawful (it was named 33-34 §§
    # konsumentkreditlagen and UNLAWFUL).
    floor = _fal_book().days("no.consumer_credit.min_missed_instalments", NO_PLAN.signed_on)
    assert (finding.rule, finding.citation, finding.severity) == (
        floor.citation.rule,
        floor.citation,
        R,
    )
    assert finding.citation.confidence == "medium"
    assert "konsumentkreditlagen" not in finding.rule
    assert finding.allowed == (
        "the instalments as agreed; a notice demanding the remainder only for a vesentlig "
        "mislighold"
    )
    [unpaid] = audit(
        no_case(PURRING_0520, made, step), as_of=date(2026, 9, 10), law=_fal_book()
    ).findings
    assert unpaid.rule == AGREEMENT_RULE


def test_a_refused_swedish_krav_fee_names_the_refusal_not_the_day_counting() -> None:
    # Inkassokrav of 180 kr sent Mon 2026-03-16 with a deadline of Fri 03-20: the earliest lawful
    # last day is 03-24 (5 § 3 st inkassolagen, the 8 days / 4 bank days reading, medium), so the
    # krav does not meet 5 § and no fee is owed (3 § p.1 lag 1981:739). The finding names that
    # reading, at risk, not the business-day table that counts the days (it named skuldebrevs-
    # lagen 5 § 2 st and was UNLAWFUL).
    short = se_case(krav(date(2026, 3, 16), date(2026, 3, 20), "180"))
    [fee] = [f for f in audit(short, as_of=date(2026, 4, 1)).findings if f.excess == sek("180")]
    assert fee.rule.startswith("5 § 3 st inkassolagen (1974:182)")
    assert fee.citation.confidence == "medium"
    assert fee.severity is R
    assert "skuldebrevslagen" not in fee.rule
    # Sent on the due day 03-02 itself: only measures after the due date give a fee.
    early = se_case(krav(date(2026, 3, 2), date(2026, 3, 20), "180"))
    [fee] = [f for f in audit(early, as_of=date(2026, 4, 1)).findings if f.excess == sek("180")]
    assert fee.rule == "lag (1981:739)"
    assert fee.citation.rule.startswith("lag (1981:739): only measures taken after the due date")
    assert fee.severity is (R if fee.citation.confidence == "medium" else U)


def test_a_refused_norwegian_notice_cites_the_floor_of_the_book_audited_with() -> None:
    # The floor of missed instalments is read from the audit's own book: built in (the data's
    # FinKN citation), or a caller's newer value (here "test floor", from the signing day).
    from inkassorules.instalments import NorwegianConsumerCredit
    from inkassorules.law import builtin

    made = AgreementMade(
        agreement=NO_PLAN,
        acceleration_policy=NorwegianConsumerCredit(notices_sent_on=(date(2026, 8, 3),)),
    )
    paid = Payment(amount=nok("4166.66"), paid_on=date(2026, 8, 3))
    step = varsel(date(2026, 8, 3), date(2026, 8, 17))
    case = no_case(PURRING_0520, made, paid, step)
    floor = "no.consumer_credit.min_missed_instalments"
    [built_in] = audit(case, as_of=date(2026, 9, 10)).findings
    assert built_in.citation == builtin().days(floor, NO_PLAN.signed_on).citation
    newer = builtin().extend(
        floor,
        [{"valid_from": NO_PLAN.signed_on, "value": 3, "citation": "test floor",
          "url": "https://example.org/", "confidence": "high"}],
    )  # fmt: skip
    [found] = audit(case, as_of=date(2026, 9, 10), law=newer).findings
    assert (found.rule, found.citation.rule, found.severity) == ("test floor", "test floor", U)
