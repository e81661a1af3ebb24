"""JSON Schema (the shape of a case file), generated from the types themselves.

:func:`json_schema` walks the fields and type hints of an attrs class and writes the JSON
Schema (draft 2020-12) of what :mod:`inkassorules.serialization` reads and writes: each class a
definition under ``$defs`` with its fields as properties, fields without a default required,
no other keys allowed; amounts as ``{"amount": "...", "currency": ...}``; dates as
``YYYY-MM-DD``; enums by value; the events and the acceleration policies as tagged unions
(``"type"``, ``"policy"``). ``docs/case.schema.json`` is :func:`case_schema`, written by
``python -m inkassorules.schema docs/case.schema.json``; a test fails if the committed file is
not what the types generate.

A schema checks the shape of a file. What needs the whole case (each amount in the claim's
currency, an ``id`` used once, a letter's kind that the claim's country has, a deadline not
before the letter) is checked when the file is read, as :class:`~inkassorules.case.Case` does.

>>> schema = case_schema()
>>> schema["$ref"], sorted(schema["$defs"]["Case"]["required"])
('#/$defs/Case', ['claim'])
>>> schema["$defs"]["LetterSent"]["properties"]["type"]
{'const': 'letter_sent'}
>>> schema["$defs"]["Claim"]["properties"]["debtor_kind"]["enum"]
['consumer', 'business', 'public_body']
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
import sys
import types
import typing
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, Union, get_args, get_origin

import attrs

from inkassorules.case import Case
from inkassorules.errors import InvalidInput
from inkassorules.events import ContactAttempt
from inkassorules.money import CURRENCIES, Money
from inkassorules.serialization import EVENT_TAG, EVENT_TAGS, POLICY_TAG, POLICY_TAGS

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["case_schema", "json_schema", "main", "render"]

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
_NUMBER: Final = r"^-?[0-9]+(\.[0-9]+)?$"
_DATE: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MOMENT: Final = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})"
)
_TAGS: Final[tuple[tuple[str, Mapping[type, str]], ...]] = (
    (EVENT_TAG, EVENT_TAGS),
    (POLICY_TAG, POLICY_TAGS),
)

_MONEY: Final[dict[str, Any]] = {
    "type": "object",
    "description": (
        "Beløp / belopp (an amount of money): the amount as a decimal string (a JSON number is "
        "read exactly too) and the currency."
    ),
    "properties": {
        "amount": {
            "anyOf": [{"type": "string", "pattern": _NUMBER}, {"type": "number"}],
            "examples": ["38.00"],
        },
        "currency": {"enum": list(CURRENCIES)},
    },
    "required": ["amount", "currency"],
    "additionalProperties": False,
}

_SPECIAL_FIELDS: Final[Mapping[tuple[type, str], dict[str, Any]]] = {
    (ContactAttempt, "at"): {
        "type": "string",
        "pattern": _MOMENT + r"(\[[^\[\]]+\])?$",
        "description": (
            "The moment, ISO 8601 with its offset, and the time zone's name after it if it has "
            "one: 2026-10-25T02:30:00+01:00[Europe/Oslo]"
        ),
    },
}
"""Fields the converter writes in their own way (see :mod:`inkassorules.serialization`)."""

_NON_EMPTY_TEXT: Final = frozenset({"id", "reason", "venue"})
"""Text fields the types refuse when empty or blank (an event's id, a reason, a venue)."""

_MINIMUM: Final[Mapping[tuple[str, str], int]] = {
    ("Instalment", "number"): 1,
    ("InstalmentAgreement", "grace_days"): 0,
}
"""Whole-number fields with a least value the types check."""


def _refine(schema: dict[str, Any], *, non_empty: bool, minimum: int | None) -> dict[str, Any]:
    """*schema* with the checks its field's type makes that a type hint does not say."""
    for member in schema.get("anyOf", ()):
        _refine(member, non_empty=non_empty, minimum=minimum)
    if non_empty and schema.get("type") == "string":
        schema["pattern"] = r"\S"
    if minimum is not None and schema.get("type") == "integer":
        schema["minimum"] = minimum
    return schema


def _tag_of(cls: type) -> tuple[str, str] | None:
    for name, tags in _TAGS:
        if cls in tags:
            return name, tags[cls]
    return None


def _first_line(cls: type) -> str:
    doc = cls.__doc__ or ""
    return doc.strip().split("\n\n", 1)[0].replace("\n", " ").strip()


def _attribute_docs(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of *cls*'s docstring, field by field."""
    doc = cls.__doc__ or ""
    _, found, section = doc.partition("Attributes:\n")
    if not found:
        return {}
    docs: dict[str, str] = {}
    current = None
    for line in section.splitlines():
        stripped = line.strip()
        if not stripped:
            break
        indent = len(line) - len(line.lstrip())
        head, colon, text = stripped.partition(": ")
        if colon and indent <= 8 and head.isidentifier():  # noqa: PLR2004 - a field's line
            current = head
            docs[current] = text
        elif current is not None:
            docs[current] = f"{docs[current]} {stripped}"
    return docs


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder while the class is built (recursion)
            self.defs[name] = copy.deepcopy(_MONEY) if cls is Money else self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _attribute_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = _tag_of(cls)
        if tag is not None:
            properties[tag[0]] = {"const": tag[1]}
            required.append(tag[0])
        for field in attrs.fields(cls):
            special = _SPECIAL_FIELDS.get((cls, field.name))
            schema = copy.deepcopy(special) if special else self.of(hints[field.name])
            _refine(
                schema,
                non_empty=field.name in _NON_EMPTY_TEXT,
                minimum=_MINIMUM.get((cls.__name__, field.name)),
            )
            if field.name in docs and "description" not in schema and "$ref" not in schema:
                schema["description"] = docs[field.name]
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        result: dict[str, Any] = {"type": "object", "description": _first_line(cls)}
        result["properties"] = properties
        result["required"] = required
        result["additionalProperties"] = False
        return result

    def of(self, hint: Any) -> dict[str, Any]:  # noqa: PLR0911 - one case per kind of type
        origin = get_origin(hint)
        if origin in (Union, types.UnionType):
            return self.union(get_args(hint))
        if origin is Literal:
            return {"enum": list(get_args(hint))}
        if origin in (tuple, list):
            args = get_args(hint)
            if origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):  # noqa: PLR2004
                msg = f"no JSON Schema for the fixed-length tuple {hint!r}"
                raise InvalidInput(msg)
            return {"type": "array", "items": self.of(args[0])}
        if hint is type(None):
            return {"type": "null"}
        if isinstance(hint, type):
            if attrs.has(hint):
                return self.ref(hint)
            if issubclass(hint, enum.Enum):
                return {"enum": [member.value for member in hint]}
            simple = _SIMPLE.get(hint)
            if simple is not None:
                return copy.deepcopy(simple)
        msg = f"no JSON Schema for the type {hint!r}"
        raise InvalidInput(msg)

    def union(self, members: Sequence[Any]) -> dict[str, Any]:
        present = [member for member in members if member is not type(None)]
        tagged = [_tag_of(member) for member in present]
        if len(present) > 1 and all(tagged):
            schema: dict[str, Any] = {"oneOf": [self.of(member) for member in present]}
        elif len(present) == 1:
            schema = self.of(present[0])
        else:
            schema = {"anyOf": [self.of(member) for member in present]}
        if len(present) < len(members):
            return {"anyOf": [schema, {"type": "null"}]}
        return schema


_SIMPLE: Final[Mapping[type, dict[str, Any]]] = {
    # datetime before date: a datetime is a date to issubclass, never to the converter.
    dt.datetime: {"type": "string", "pattern": _MOMENT + "$"},
    dt.date: {"type": "string", "pattern": _DATE, "format": "date"},
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    Decimal: {"anyOf": [{"type": "string", "pattern": _NUMBER}, {"type": "number"}]},
    Fraction: {"type": "string", "pattern": r"^-?[0-9]+/[0-9]+$"},
}


def json_schema(cls: type, *, title: str | None = None) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the attrs class *cls* as the library's converter writes it.

    >>> from inkassorules.instalments import Instalment
    >>> schema = json_schema(Instalment)
    >>> schema["$defs"]["Instalment"]["required"]
    ['number', 'due_date', 'amount']
    >>> schema["$defs"]["Money"]["properties"]["currency"]
    {'enum': ['NOK', 'SEK']}

    Raises:
        InvalidInput: if *cls* is not an attrs class, or holds a type with no JSON form.
    """
    given: object = cls
    if not (isinstance(given, type) and attrs.has(given)):
        raise InvalidInput(f"json_schema takes an attrs class, got {cls!r}")
    builder = _Builder()
    root = builder.ref(cls)
    schema: dict[str, Any] = {"$schema": _DRAFT}
    schema["title"] = title or cls.__name__
    schema.update(root)
    schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def case_schema() -> dict[str, Any]:
    """Saksmappe / ärende (the case file): the JSON Schema of a :class:`~inkassorules.case.Case`.

    >>> case_schema()["$defs"]["Case"]["properties"]["events"]["items"]["oneOf"][0]
    {'$ref': '#/$defs/LetterSent'}
    """
    schema = json_schema(Case, title="inkassorules case file")
    schema["description"] = (
        "A claim and its history, as inkassorules.serialization reads and writes a Case. "
        "Events may come in any order; the case keeps them in time order. What needs the whole "
        "case (amounts in the claim's currency, an id used once, letters of the claim's "
        "country) is checked when the file is read."
    )
    return schema


def render(schema: Mapping[str, Any]) -> str:
    """*schema* as the text of a schema file (indented, ending in a newline)."""
    try:
        return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    except (TypeError, ValueError) as error:
        raise InvalidInput(f"a schema is a JSON object of JSON values: {error}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Write :func:`case_schema` to the file named by the one argument (``-``: standard output).

    ``python -m inkassorules.schema docs/case.schema.json`` regenerates the committed schema.
    """
    given: object = argv  # callers without a type checker pass anything
    if given is not None and (
        isinstance(given, str | bytes)
        or not isinstance(given, Sequence)
        or not all(isinstance(a, str) for a in given)
    ):
        raise InvalidInput(f"argv is a sequence of strings, got {argv!r}")
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        sys.stderr.write("usage: python -m inkassorules.schema FILE (or - for stdout)\n")
        return 2
    text = render(case_schema())
    if args[0] == "-":
        sys.stdout.write(text)
    else:
        Path(args[0]).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
