"""Tests of the jurisdiction-neutral planner types (inkassorules.timeline)."""

from __future__ import annotations

import datetime as dt
from datetime import date
from decimal import Decimal

import attrs
import pytest

from inkassorules import Case, ContactAttempt
from inkassorules.claims import Claim, DebtorKind
from inkassorules.errors import InvalidInput, NaiveDatetime
from inkassorules.law import builtin
from inkassorules.money import Money
from inkassorules.timeline import (
    Channel,
    CreditorPolicy,
    NextStep,
    StepKind,
    Timeline,
    next_step,
    plan,
)


def no_claim() -> Claim:
    return Claim(
        principal=Money.of("8000", "NOK"),
        due_date=date(2026, 3, 2),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )


def test_levels_rise_with_escalation() -> None:
    assert [k.level for k in StepKind] == [1, 2, 3, 3, 4, 5, 6]
    assert not StepKind.FRIENDLY_REMINDER.written
    assert StepKind.COLLECTION_DEMAND.written


def test_channel_choice_prefers_the_customer_but_keeps_letters_written() -> None:
    policy = attrs.evolve(
        CreditorPolicy.practice("NO"),
        preferred_channel=Channel.PHONE,
        channels={StepKind.COLLECTION_NOTICE: Channel.LETTER},
    )
    assert policy.channel_for(StepKind.FRIENDLY_REMINDER) is Channel.PHONE
    assert policy.channel_for(StepKind.REMINDER) is Channel.EMAIL
    assert policy.channel_for(StepKind.COLLECTION_NOTICE) is Channel.LETTER
    sms = attrs.evolve(policy, preferred_channel=Channel.SMS)
    assert sms.channel_for(StepKind.COLLECTION_DEMAND) is Channel.SMS


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"steps": ()}, "at least one step"),
        ({"steps": (StepKind.REMINDER, StepKind.REMINDER)}, "once"),
        ({"steps": ("reminder",)}, "StepKind"),
        ({"days_after_due": {StepKind.REMINDER: -1}}, "at least 0"),
        ({"deadline_days": {StepKind.REMINDER: 1.5}}, "must be an int"),
        ({"days_between_steps": -1}, "at least 0"),
        ({"letter_delivery_days": -2}, "at least 0"),
        ({"channels": {StepKind.COLLECTION_NOTICE: Channel.PHONE}}, "in writing"),
        ({"channels": {StepKind.REMINDER: "sms"}}, "maps StepKind"),
        ({"preferred_channel": "sms"}, "must be a Channel"),
        ({"charge_fees": 1}, "True or False"),
        ({"name": 3}, "name must be a string"),
    ],
)
def test_policy_validation(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        attrs.evolve(CreditorPolicy.earliest_lawful(), **changes)


def test_practice_needs_a_known_country() -> None:
    with pytest.raises(InvalidInput, match="'NO' or 'SE'"):
        CreditorPolicy.practice("DK")


def test_plan_is_deterministic_and_checks_its_arguments() -> None:
    first = plan(no_claim(), as_of=date(2026, 3, 2))
    assert first == plan(no_claim(), as_of=date(2026, 3, 2), law=builtin())
    with pytest.raises(InvalidInput, match="expected a Case"):
        plan("claim", as_of=date(2026, 3, 2))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="as_of"):
        plan(no_claim(), as_of=dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    with pytest.raises(InvalidInput, match="CreditorPolicy"):
        plan(no_claim(), as_of=date(2026, 3, 2), policy="fast")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="LawBook"):
        plan(no_claim(), as_of=date(2026, 3, 2), law={})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="events must be one of"):
        Case(claim=no_claim(), events=["100"])
    with pytest.raises(NaiveDatetime):
        ContactAttempt(at=dt.datetime(2026, 3, 1, 9), channel=Channel.PHONE)


def test_country_module_refuses_a_claim_of_the_other_country() -> None:
    from inkassorules.se import timeline as se_timeline

    with pytest.raises(InvalidInput, match="cannot be planned by SE rules"):
        se_timeline.plan(no_claim(), as_of=date(2026, 3, 2))


def test_records_are_typed() -> None:
    timeline = plan(no_claim(), as_of=date(2026, 3, 2))
    records = timeline.to_records()
    assert len(records) == len(timeline.steps)
    for record in records:
        assert all(
            isinstance(v, str | int | Decimal | date) for v in record.values() if v is not None
        )
    assert records[1]["fee"] == Decimal("38.00")
    assert records[1]["deadline"] == date(2026, 3, 30)
    assert records[0]["contact_at"] is None


def test_html_and_explain() -> None:
    timeline = plan(no_claim(), as_of=date(2026, 3, 2))
    html = timeline._repr_html_()
    assert html.startswith('<table class="inkassorules"><caption>Timeline for a NO claim')
    assert "<td>inkassovarsel</td>" in html
    text = timeline.explain()
    assert "inkassovarsel (collection_notice, level 3) on 2026-03-31" in text
    assert "inkassoloven § 9" in text
    assert timeline.steps[1].provisional  # the 2026 rounding of the fee is medium confidence


def test_timeline_invariants() -> None:
    timeline = plan(no_claim(), as_of=date(2026, 3, 2))
    with pytest.raises(InvalidInput, match="before as_of"):
        attrs.evolve(timeline, as_of=date(2026, 3, 10))
    with pytest.raises(InvalidInput, match="in order"):
        attrs.evolve(timeline, steps=tuple(reversed(timeline.steps)))
    step = timeline.steps[1]
    with pytest.raises(InvalidInput, match="before the earliest lawful day"):
        attrs.evolve(step, planned_on=date(2026, 3, 15))
    with pytest.raises(InvalidInput, match="deadline"):
        attrs.evolve(step, deadline=date(2026, 3, 1))


def test_json_round_trip() -> None:
    from inkassorules.serialization import from_json, to_json

    timeline = plan(no_claim(), as_of=date(2026, 3, 2))
    assert from_json(to_json(timeline), Timeline) == timeline


def test_next_step_explains_itself() -> None:
    answer = next_step(no_claim(), as_of=date(2026, 3, 2))
    assert isinstance(answer, NextStep)
    assert answer.step is not None
    assert answer.reason == "betalingspåminnelse may be taken from 2026-03-03"
    assert answer.explain().startswith(answer.reason + "\n")
    assert "\n- forsinkelsesrenteloven § 3" in answer.explain()


def test_empty_policy_for_a_country() -> None:
    only_swedish = CreditorPolicy(steps=(StepKind.COLLECTION_WARNING,))
    timeline = plan(no_claim(), as_of=date(2026, 3, 2), policy=only_swedish)
    assert isinstance(timeline, Timeline)
    assert timeline.steps == ()
    answer = next_step(no_claim(), as_of=date(2026, 3, 2), policy=only_swedish)
    assert answer.step is None
    assert "no step" in answer.reason
