"""Cited results as JSON: each citation once, in a top-level table (issue 18 item 1).

A Timeline of five steps was 47 KB of JSON, with the same citations written out at every step;
now every ``basis`` holds indices into the document's ``"citations"``.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from inkassorules import Case, Claim, DebtorKind, Money, Payment, StepKind, next_step, plan
from inkassorules.compliance import Audit, audit
from inkassorules.errors import InvalidInput
from inkassorules.events import LetterSent
from inkassorules.ledger import Balance, balance
from inkassorules.serialization import from_json, make_converter, structure, to_json, unstructure
from inkassorules.timeline import NextStep, Timeline

CLAIM = Claim(
    principal=Money.of("12500", "NOK"),
    due_date=date(2026, 5, 4),
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)
CASE = Case(claim=CLAIM).add(
    LetterSent(
        kind=StepKind.REMINDER,
        sent_on=date(2026, 5, 20),
        fee_charged=Money.of("38", "NOK"),
        deadline=date(2026, 6, 3),
    ),
    Payment(amount=Money.of("3000", "NOK"), paid_on=date(2026, 6, 15)),
)
AS_OF = date(2026, 7, 1)


def _results() -> list[tuple[object, type]]:
    return [
        (plan(CASE, as_of=AS_OF), Timeline),
        (next_step(CASE, as_of=AS_OF), NextStep),
        (balance(CASE, on=AS_OF), Balance),
        (audit(CASE, as_of=AS_OF), Audit),
    ]


def _citations_in_place(value: object) -> object:
    """The earlier form: the value's JSON with every citation written out where it is used."""
    data = unstructure(value)
    table = data.pop("citations")

    def expand(node: object, key: str | None = None) -> object:
        if isinstance(node, dict):
            return {k: expand(v, k) for k, v in node.items()}
        if isinstance(node, list):
            if key == "basis":
                return [table[i] for i in node]
            return [expand(item) for item in node]
        if key == "citation" and type(node) is int:
            return table[node]
        return node

    return expand(data)


@pytest.mark.parametrize(("value", "cls"), _results(), ids=lambda x: getattr(x, "__name__", ""))
def test_each_citation_once_and_the_round_trip(value, cls):
    data = unstructure(value)
    listed = [json.dumps(c, sort_keys=True) for c in data["citations"]]
    assert listed, "a cited result cites something"
    assert len(listed) == len(set(listed))
    text = json.dumps(data["steps"] if cls is Timeline else data)
    assert '"rule"' not in text.replace(json.dumps(data.get("citations")), "")
    assert from_json(to_json(value), cls) == value


@pytest.mark.parametrize(("value", "cls"), _results(), ids=lambda x: getattr(x, "__name__", ""))
def test_the_earlier_form_still_reads(value, cls):
    assert structure(_citations_in_place(value), cls) == value


def test_a_timeline_is_less_than_half_its_earlier_size():
    timeline = plan(CLAIM, as_of=CLAIM.due_date)
    now = len(to_json(timeline))
    before = len(json.dumps(_citations_in_place(timeline), ensure_ascii=False))
    assert before > 40_000  # 47 KB when measured for the issue
    assert now < before / 2


def test_a_bad_index_is_refused():
    data = unstructure(plan(CLAIM, as_of=CLAIM.due_date))
    data["steps"][1]["basis"][0] = len(data["citations"])
    with pytest.raises(InvalidInput, match="citation index .* out of range"):
        structure(data, Timeline)
    data["steps"][1]["basis"][0] = "0"
    with pytest.raises(InvalidInput, match="an index into the document's citations"):
        structure(data, Timeline)
    data["steps"][1]["basis"][0] = True
    with pytest.raises(InvalidInput, match="an index into the document's citations"):
        structure(data, Timeline)


def test_citations_must_be_a_list():
    data = unstructure(plan(CLAIM, as_of=CLAIM.due_date))
    data["citations"] = {"0": data["citations"][0]}
    with pytest.raises(InvalidInput, match="citations must be a list"):
        structure(data, Timeline)


def test_the_converter_is_reusable_after_an_error():
    data = unstructure(plan(CLAIM, as_of=CLAIM.due_date))
    data["steps"][0]["basis"] = [10_000]
    with pytest.raises(InvalidInput):
        structure(data, Timeline)
    # The table of the failed read is gone: a citation outside a result is an object again.
    citation = plan(CLAIM, as_of=CLAIM.due_date).steps[1].basis[0]
    assert isinstance(make_converter().unstructure(citation), dict)
    assert "citations" not in unstructure(CLAIM)
