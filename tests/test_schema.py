"""The case file's JSON Schema: generated from the types, committed, and true of the files."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest

from inkassorules import InvalidInput, Money
from inkassorules.claims import Claim
from inkassorules.schema import case_schema, json_schema, main, render
from inkassorules.serialization import EVENT_TAGS, unstructure

ROOT = Path(__file__).parent.parent
SCHEMA_FILE = ROOT / "docs" / "case.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))

VALIDATOR = jsonschema.Draft202012Validator(case_schema())


def test_the_committed_schema_is_what_the_types_generate():
    # Regenerate with: python -m inkassorules.schema docs/case.schema.json
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(case_schema())


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(case_schema())


def test_there_are_two_examples():
    assert [path.name for path in EXAMPLES] == ["no-case.json", "se-case.json"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_are_valid_case_files(path):
    VALIDATOR.validate(json.loads(path.read_text(encoding="utf-8")))


def test_what_the_converter_writes_is_valid():
    # Every kind of event (tests/test_serialization_case.py builds one of each).
    spec = importlib.util.spec_from_file_location(
        "case_fixture", Path(__file__).parent / "test_serialization_case.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = unstructure(module.CASE)
    assert {event["type"] for event in data["events"]} == set(EVENT_TAGS.values())
    VALIDATOR.validate(data)


def _example():
    return json.loads((ROOT / "examples" / "no-case.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["events"][0].update(type="letter_send"),
        lambda d: d["events"][0].pop("type"),
        lambda d: d["events"][0].pop("sent_on"),
        lambda d: d["events"][0].update(fee_chargd=d["events"][0]["fee_charged"]),
        lambda d: d["events"][0].update(kind="purring"),
        lambda d: d["events"][0].update(channel="fax"),
        lambda d: d["events"][0].update(sent_on="20 May 2026"),
        lambda d: d["events"][0]["fee_charged"].update(currency="EUR"),
        lambda d: d["events"][0]["fee_charged"].update(amount="38,00"),
        lambda d: d["events"][3].update(reasonable="yes"),
        lambda d: d["claim"].update(jurisdiction="DK"),
        lambda d: d["claim"].pop("due_date"),
        lambda d: d.update(notes=""),
        lambda d: d.update(events={}),
        lambda d: d["events"].append(
            {"type": "contact_attempt", "at": "2026-06-01 09:00", "channel": "phone"}
        ),
        lambda d: d["events"][0].update(id=""),
        lambda d: d["events"][3].update(reason="  "),
        lambda d: d["events"].append(
            {"type": "legal_action_filed", "on": "2026-07-01", "venue": ""}
        ),
    ],
)
def test_the_schema_refuses_what_the_reader_refuses(change):
    data = _example()
    change(data)
    assert not VALIDATOR.is_valid(data)


def test_a_zoned_moment_and_optional_fields_are_valid():
    data = _example()
    data["events"].append(
        {
            "type": "contact_attempt",
            "at": "2026-10-25T02:30:00+01:00[Europe/Oslo]",
            "channel": "phone",
        }
    )
    data["events"].append({"type": "agreement_cancelled", "on": "2026-07-01", "reason": None})
    VALIDATOR.validate(data)


def test_json_schema_of_a_small_type():
    schema = json_schema(Money)
    assert schema["$ref"] == "#/$defs/Money"
    assert schema["$defs"]["Money"]["required"] == ["amount", "currency"]
    claim = json_schema(Claim)["$defs"]["Claim"]
    assert claim["required"] == ["principal", "due_date", "jurisdiction", "debtor_kind"]
    assert claim["properties"]["jurisdiction"] == {
        "enum": ["NO", "SE"],
        "description": '``"NO"`` or ``"SE"``.',
    }
    assert claim["additionalProperties"] is False


def test_json_schema_refuses_what_is_not_an_attrs_class():
    with pytest.raises(InvalidInput, match="attrs class"):
        json_schema(dict)
    with pytest.raises(InvalidInput, match="attrs class"):
        json_schema(Money.of("1", "NOK"))  # type: ignore[arg-type]


def test_main_writes_the_schema(tmp_path, capsys):
    target = tmp_path / "case.schema.json"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == SCHEMA_FILE.read_text(encoding="utf-8")
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out) == case_schema()
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_the_schema_is_not_shared_state():
    first = case_schema()
    broken = copy.deepcopy(first)
    first["$defs"]["Money"]["required"].append("x")
    assert case_schema() == broken


def test_least_values_of_whole_numbers():
    agreement = case_schema()["$defs"]["InstalmentAgreement"]["properties"]["grace_days"]
    assert agreement["minimum"] == 0
    assert case_schema()["$defs"]["Instalment"]["properties"]["number"]["minimum"] == 1
