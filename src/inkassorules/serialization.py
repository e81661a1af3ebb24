"""Serialisering (JSON): value types to and from JSON, at the edge of the program.

A cattrs converter with hooks for the library's types: dates as ISO strings, timezone-aware
datetimes as ISO strings with their offset, Decimals and amounts as strings (JSON numbers are
floats to most readers; when reading, numbers are parsed exactly, as Decimal), fractions as
``"1/20"``, enums by value. Domain classes have no ``to_dict``; conversion lives here (as
cattrs puts it, validation and serialisation are concerns of the edges).

Reading is strict: a key the type does not have is refused (a misspelt ``"interest_chargd"``
would otherwise be dropped without a word), and a string, a number and a boolean are each
only what they are (``"reached": "false"`` is refused, not read as true).

>>> from datetime import date
>>> from inkassorules import Claim, DebtorKind, Money
>>> claim = Claim(principal=Money.of("8000.00", "NOK"), due_date=date(2026, 3, 2),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> text = to_json(claim)
>>> json.loads(text)["principal"], json.loads(text)["debtor_kind"]
({'amount': '8000.00', 'currency': 'NOK'}, 'consumer')
>>> from_json(text, Claim) == claim
True
>>> from_json('{"amount": 35.50, "currency": "NOK"}', Money)  # JSON numbers are read exactly
Money(amount=Decimal('35.50'), currency='NOK')
>>> from_json('{"amount": "35", "currency": "EUR"}', Money)
Traceback (most recent call last):
    ...
inkassorules.errors.InvalidInput: cannot read Money from JSON: currency must be one of ...

The case file
-------------

A :class:`~inkassorules.case.Case` is written as ``{"claim": {...}, "events": [...]}``. Each
event is an object with a ``"type"`` (:data:`EVENT_TAGS`: ``"letter_sent"``, ``"payment"``,
...) and the event's fields; an agreement's ``acceleration_policy`` is an object with a
``"policy"`` (:data:`POLICY_TAGS`). A contact attempt's moment keeps its time zone's name
after the offset (``"2026-06-02T09:00:00+02:00[Europe/Oslo]"``, as RFC 9557 writes it), so that
a moment in the repeated hour of October reads back as the same moment. The events of a file
may come in any order: the case keeps them in time order (events on the same day keep the
file's order). ``docs/case.schema.json`` is the JSON Schema of the file
(:mod:`inkassorules.schema`).

>>> from inkassorules import Case, Payment, StepKind
>>> from inkassorules.events import LetterSent
>>> case = Case(claim=claim).add(
...     Payment(amount=Money.of("500", "NOK"), paid_on=date(2026, 3, 30), id="pay-1"),
...     LetterSent(kind=StepKind.REMINDER, sent_on=date(2026, 3, 17),
...                fee_charged=Money.of("38", "NOK"), deadline=date(2026, 3, 31)),
... )
>>> [event["type"] for event in unstructure(case)["events"]]
['letter_sent', 'payment']
>>> from_json(to_json(case), Case) == case
True
>>> data = unstructure(case)
>>> data["events"].append(dict(data["events"][1], paid_on="2026-04-02"))  # the same id again
>>> structure(data, Case)
Traceback (most recent call last):
    ...
inkassorules.errors.InvalidInput: cannot read Case from JSON: the case already holds an event
with id 'pay-1'; ... @ $.events[2].id

Results: citations once
-----------------------

A :class:`~inkassorules.timeline.Timeline`, a :class:`~inkassorules.timeline.NextStep`, a
:class:`~inkassorules.ledger.Balance` and an :class:`~inkassorules.compliance.Audit` cite the
same few rules at every step. Written as JSON they list each citation once, in a top-level
``"citations"`` array, and every ``basis`` (or ``citation``) inside holds indices into it.
Reading accepts that form, and also the earlier one with the citations written out in place
(a document without ``"citations"``).

>>> from inkassorules import plan
>>> timeline = plan(claim, as_of=date(2026, 3, 20))
>>> data = unstructure(timeline)
>>> purring = data["steps"][1]
>>> purring["name"], purring["basis"][:3]
('purring', [6, 3, 4])
>>> data["citations"][6]["rule"][:24]
'inkassoforskriften § 1-2'
>>> len(data["citations"]) == len(set(json.dumps(c) for c in data["citations"]))  # each once
True
>>> from_json(to_json(timeline), type(timeline)) == timeline
True
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import json
import re
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from inkassorules._checks import check_aware
from inkassorules.case import Case
from inkassorules.claims import Claim, Payment
from inkassorules.disputes import Dispute
from inkassorules.errors import DuplicateEvent, InkassoError, InvalidInput
from inkassorules.events import (
    AgreementCancelled,
    AgreementMade,
    ContactAttempt,
    CreditGranted,
    DueDatePostponed,
    Event,
    LegalActionFiled,
    LetterSent,
)
from inkassorules.instalments import (
    AccelerationPolicy,
    ContractTerm,
    NorwegianConsumerCredit,
    SwedishConsumerCredit,
)
from inkassorules.law import Citation
from inkassorules.money import Money, to_decimal

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "EVENT_TAG",
    "EVENT_TAGS",
    "POLICY_TAG",
    "POLICY_TAGS",
    "from_json",
    "make_converter",
    "structure",
    "to_json",
    "unstructure",
]

T = TypeVar("T")

EVENT_TAG: Final = "type"
"""The key that names an event's type in a case file."""

EVENT_TAGS: Final[Mapping[type, str]] = MappingProxyType(
    {
        LetterSent: "letter_sent",
        Payment: "payment",
        Dispute: "dispute",
        ContactAttempt: "contact_attempt",
        DueDatePostponed: "due_date_postponed",
        AgreementMade: "agreement_made",
        AgreementCancelled: "agreement_cancelled",
        CreditGranted: "credit_granted",
        LegalActionFiled: "legal_action_filed",
    }
)
"""The ``"type"`` of each event in a case file (one per member of ``events.Event``)."""

POLICY_TAG: Final = "policy"
"""The key that names an acceleration policy in a case file."""

POLICY_TAGS: Final[Mapping[type, str]] = MappingProxyType(
    {
        # One line per member of inkassorules.instalments.AccelerationPolicy.
        ContractTerm: "contract_term",
        SwedishConsumerCredit: "swedish_consumer_credit",
        NorwegianConsumerCredit: "norwegian_consumer_credit",
    }
)
"""The ``"policy"`` of each acceleration policy (one per member of ``AccelerationPolicy``)."""

_ZONED = re.compile(r"(?P<moment>[^\[\]]+)\[(?P<zone>[^\[\]]+)\]")
"""An ISO moment with its zone's name after it: ``2026-10-25T02:30:00+01:00[Europe/Oslo]``."""


# -- primitives ---------------------------------------------------------------------------------


def _str(value: Any, _: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"expected a string, got {value!r}")
    return value


def _bool(value: Any, _: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"expected true or false, got {value!r}")
    return value


def _int(value: Any, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"expected a whole number, got {value!r}")
    return value


def _date(value: Any, _: object) -> dt.date:
    if not isinstance(value, str):
        raise InvalidInput(f"expected a date as 'YYYY-MM-DD', got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"expected a date as 'YYYY-MM-DD', got {value!r}") from None


def _datetime(value: Any, _: object) -> dt.datetime:
    if not isinstance(value, str):
        raise InvalidInput(f"expected an ISO datetime with offset, got {value!r}")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"expected an ISO datetime with offset, got {value!r}") from None
    return check_aware(moment, "datetime")


def _zoned_moment(moment: dt.datetime) -> str:
    """*moment* in ISO form, with its zone's name if it has one (``...+01:00[Europe/Oslo]``)."""
    text = check_aware(moment, "at").isoformat()
    zone = moment.tzinfo
    key = zone.key if isinstance(zone, ZoneInfo) else None
    return text if key is None else f"{text}[{key}]"


def _structure_zoned_moment(value: Any, _: object) -> dt.datetime:
    match = _ZONED.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return _datetime(value, None)
    moment = _datetime(match["moment"], None)
    try:
        zone = ZoneInfo(match["zone"])
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"unknown time zone {match['zone']!r} in {value!r}") from None
    # The wall-clock time in the zone with the offset written: fold picks the occurrence in
    # October's repeated hour (and keeps a time in the spring gap as it was written).
    wall = moment.replace(tzinfo=None)
    for fold in (0, 1):
        local = wall.replace(tzinfo=zone, fold=fold)
        if local.utcoffset() == moment.utcoffset():
            return local
    expected = moment.astimezone(zone).isoformat()[-6:]
    raise InvalidInput(
        f"{value!r}: the offset {moment.isoformat()[-6:]} is not {match['zone']}'s at that "
        f"moment ({expected})"
    )


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _sequence_factory(cls: Any, converter: cattrs.Converter) -> Any:
    """A homogeneous tuple from a JSON array only (a string is not a list of characters)."""
    items = homogenous_tuple_structure_factory(cls, converter)

    def structure_sequence(value: Any, _: object) -> Any:
        if not isinstance(value, list | tuple):
            raise InvalidInput(f"expected a list, got {value!r}")
        return items(value, cls)

    return structure_sequence


def _fraction(value: Any, _: object) -> Fraction:
    if not isinstance(value, str) or "/" not in value:
        raise InvalidInput(f"expected a fraction like '1/20', got {value!r}")
    numerator, denominator = value.split("/", 1)
    try:
        return Fraction(int(numerator), int(denominator))
    except (ValueError, ZeroDivisionError):
        raise InvalidInput(f"expected a fraction like '1/20', got {value!r}") from None


def _money(value: Any, _: object) -> Money:
    if not isinstance(value, dict) or set(value) != {"amount", "currency"}:
        raise InvalidInput(f"expected {{'amount': '...', 'currency': '...'}}, got {value!r}")
    return Money.of(value["amount"], value["currency"])


# -- tagged unions ------------------------------------------------------------------------------


def _configure_tagged(
    converter: cattrs.Converter,
    union: Any,
    tags: Mapping[type, str],
    tag_name: str,
    what: str,
) -> None:
    """Tag *union* with cattrs' own strategy; refuse a missing or unknown tag by name."""
    members = get_args(union)
    untagged = [member.__name__ for member in members if member not in tags]
    if untagged:  # pragma: no cover - guards the next member added to the union
        msg = f"no {tag_name!r} tag for {', '.join(untagged)}: add it to the tags"
        raise AssertionError(msg)
    configure_tagged_union(union, converter, tag_generator=tags.__getitem__, tag_name=tag_name)
    dispatch = converter.get_structure_hook(union)
    written = converter.get_unstructure_hook(union)

    def unstructure_tagged(value: Any) -> dict[str, Any]:
        data: dict[str, Any] = written(value)
        return {tag_name: data.pop(tag_name), **data}  # the tag first, for a reader

    converter.register_unstructure_hook(union, unstructure_tagged)
    known = ", ".join(repr(tags[member]) for member in members)

    def structure_tagged(value: Any, cls: Any) -> Any:
        if not isinstance(value, dict):
            raise InvalidInput(f"expected {what} as an object with a {tag_name!r}, got {value!r}")
        if tag_name not in value:
            raise InvalidInput(f"{what} needs a {tag_name!r}: one of {known}")
        tag = value[tag_name]
        if not isinstance(tag, str) or tag not in tags.values():
            raise InvalidInput(f"unknown {tag_name} {tag!r} for {what}; expected one of {known}")
        return dispatch(value, cls)

    converter.register_structure_hook(union, structure_tagged)


# -- the case -----------------------------------------------------------------------------------


def _at(error: Exception, note: str, key: str | int, cls: Any) -> Exception:
    """*error* noted as raised at *key* (a field name or an index), for ``transform_error``."""
    if isinstance(key, int):
        error.add_note(IterableValidationNote(note, key, cls))
    else:
        error.add_note(AttributeValidationNote(note, key, cls))
    return error


def _locate(error: InkassoError, claim: Claim, events: tuple[Event, ...]) -> ClassValidationError:
    """The path in the file of the event that *error* (raised by :class:`Case`) is about."""
    index: int | None = None
    inner: Exception = error
    if isinstance(error, DuplicateEvent):
        ids = [event.id for event in events]
        index = ids.index(error.id, ids.index(error.id) + 1)
        inner = ClassValidationError(
            "While structuring the event", [_at(error, "the id", "id", str)], type(events[index])
        )
    else:
        for number, event in enumerate(events):
            try:
                Case(claim=claim, events=(event,))
            except InkassoError:
                index = number
                break
    if index is None:  # about the events together (credits above the principal)
        return ClassValidationError(
            "While structuring Case", [_at(error, "the events", "events", tuple)], Case
        )
    listed = IterableValidationError(
        "While structuring the events", [_at(inner, "an event", index, Event)], tuple
    )
    return ClassValidationError(
        "While structuring Case", [_at(listed, "the events", "events", tuple)], Case
    )


def _configure_case(converter: cattrs.Converter) -> None:
    events_hook = converter.get_structure_hook(tuple[Event, ...])
    claim_hook = converter.get_structure_hook(Claim)

    def structure_case(value: Any, _: object) -> Case:
        if not isinstance(value, dict):
            raise InvalidInput(
                f"expected a case as {{'claim': ..., 'events': [...]}}, got {value!r}"
            )
        errors: list[Exception] = []
        extra = set(value) - {"claim", "events"}
        if extra:
            errors.append(cattrs.ForbiddenExtraKeysError("", Case, extra))
        claim = events = None
        try:
            claim = claim_hook(value["claim"], Claim)
        except Exception as error:  # noqa: BLE001 - cattrs' own way: gather, then raise as one
            errors.append(_at(error, "the claim", "claim", Claim))
        try:
            events = events_hook(value.get("events", []), tuple[Event, ...])
        except Exception as error:  # noqa: BLE001 - as above
            errors.append(_at(error, "the events", "events", tuple))
        if errors or claim is None or events is None:
            raise ClassValidationError("While structuring Case", errors, Case)
        try:
            return Case(claim=claim, events=events)
        except InkassoError as error:
            raise _locate(error, claim, events) from None

    converter.register_structure_hook(Case, structure_case)


# -- the converter ------------------------------------------------------------------------------


@functools.cache
def make_converter() -> cattrs.Converter:
    """The library's converter (built once; cattrs converters are reusable)."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _sequence_factory)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, lambda v, _: to_decimal(v))
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _date)
    converter.register_unstructure_hook(
        dt.datetime, lambda d: check_aware(d, "datetime").isoformat()
    )
    converter.register_structure_hook(dt.datetime, _datetime)
    converter.register_unstructure_hook(Fraction, lambda f: f"{f.numerator}/{f.denominator}")
    converter.register_structure_hook(Fraction, _fraction)
    converter.register_unstructure_hook(
        Money, lambda m: {"amount": str(m.amount), "currency": m.currency}
    )
    converter.register_structure_hook(Money, _money)
    converter.register_unstructure_hook(
        ContactAttempt,
        make_dict_unstructure_fn(
            ContactAttempt, converter, at=override(unstruct_hook=_zoned_moment)
        ),
    )
    converter.register_structure_hook(
        ContactAttempt,
        make_dict_structure_fn(
            ContactAttempt,
            converter,
            _cattrs_forbid_extra_keys=True,
            at=override(struct_hook=_structure_zoned_moment),
        ),
    )
    _configure_tagged(
        converter, AccelerationPolicy, POLICY_TAGS, POLICY_TAG, "an acceleration policy"
    )
    _configure_tagged(converter, Event, EVENT_TAGS, EVENT_TAG, "an event")
    _configure_case(converter)
    _configure_cited(converter)
    return converter


_TABLE: Final[contextvars.ContextVar[_CitationTable | None]] = contextvars.ContextVar(
    "inkassorules_citation_table", default=None
)
"""The citations of the document being written or read (None outside a cited result)."""


class _CitationTable:
    """The citations of one document, each once, in the order first met."""

    def __init__(self, citations: list[Citation] | None = None) -> None:
        self.citations: list[Citation] = citations or []
        self.index: dict[Citation, int] = {c: i for i, c in enumerate(self.citations)}

    def intern(self, citation: Citation) -> int:
        found = self.index.get(citation)
        if found is None:
            found = self.index[citation] = len(self.citations)
            self.citations.append(citation)
        return found

    def look_up(self, value: object) -> Citation:
        if type(value) is not int:
            raise InvalidInput(
                f"a citation here is an index into the document's citations, got {value!r}"
            )
        if not 0 <= value < len(self.citations):
            raise InvalidInput(
                f"citation index {value} is out of range: the document lists "
                f"{len(self.citations)} citations"
            )
        return self.citations[value]


def _configure_cited(converter: cattrs.Converter) -> None:
    """Write the cited results with their citations once; read both forms."""
    from inkassorules.compliance import Audit  # noqa: PLC0415 -- loaded with the converter
    from inkassorules.ledger import Balance  # noqa: PLC0415
    from inkassorules.timeline import NextStep, Timeline  # noqa: PLC0415

    citation_out = make_dict_unstructure_fn(Citation, converter)
    citation_in = make_dict_structure_fn(Citation, converter, _cattrs_forbid_extra_keys=True)

    def unstructure_citation(citation: Citation) -> Any:
        table = _TABLE.get()
        return citation_out(citation) if table is None else table.intern(citation)

    def structure_citation(value: Any, cls: Any) -> Citation:
        table = _TABLE.get()
        if table is None:
            if not isinstance(value, dict):
                raise InvalidInput(f"a citation is an object, got {value!r}")
            return citation_in(value, cls)
        return table.look_up(value)

    converter.register_unstructure_hook(Citation, unstructure_citation)
    converter.register_structure_hook(Citation, structure_citation)
    for cls in (Timeline, NextStep, Balance, Audit):
        _configure_document(converter, cls, citation_out)


def _configure_document(converter: cattrs.Converter, cls: type, citation_out: Any) -> None:
    fields_out: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, converter)
    fields_in: Any = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    def unstructure_document(value: Any) -> dict[str, Any]:
        if _TABLE.get() is not None:  # inside another cited result: its table is used
            return fields_out(value)
        table = _CitationTable()
        token = _TABLE.set(table)
        try:
            data = fields_out(value)
        finally:
            _TABLE.reset(token)
        data["citations"] = [citation_out(c) for c in table.citations]
        return data

    def structure_document(value: Any, target: Any) -> Any:
        if _TABLE.get() is not None or not isinstance(value, dict) or "citations" not in value:
            return fields_in(value, target)  # nested, or the earlier form: citations in place
        rest = dict(value)
        listed = rest.pop("citations")
        if not isinstance(listed, list):
            raise InvalidInput(f"citations must be a list of citations, got {listed!r}")
        table = _CitationTable([converter.structure(item, Citation) for item in listed])
        token = _TABLE.set(table)
        try:
            return fields_in(rest, target)
        finally:
            _TABLE.reset(token)

    converter.register_unstructure_hook(cls, unstructure_document)
    converter.register_structure_hook(cls, structure_document)


def _describe(error: BaseException, cls: type | None) -> str:
    if isinstance(error, InkassoError):
        return str(error)
    return cattrs.v.format_exception(error, cls)


def unstructure(value: object) -> Any:
    """Plain dicts, lists and strings for *value* (ready for ``json.dumps``)."""
    return make_converter().unstructure(value)


def structure(data: Any, cls: type[T]) -> T:
    """Build a *cls* from plain data.

    Raises:
        InvalidInput: naming every field that could not be read, with its path in the data
            (``@ $.events[2].sent_on``).
    """
    if not isinstance(cls, type):
        raise InvalidInput(f"structure needs the class to read, got {cls!r}")
    if attrs.has(cls) and not isinstance(data, dict):
        raise InvalidInput(
            f"cannot read {cls.__name__} from JSON: expected an object, got {data!r}"
        )
    try:
        return make_converter().structure(data, cls)
    except cattrs.BaseValidationError as error:
        lines = "; ".join(cattrs.transform_error(error, format_exception=_describe))
        raise InvalidInput(f"cannot read {cls.__name__} from JSON: {lines}") from None
    except InkassoError as error:
        raise InvalidInput(f"cannot read {cls.__name__} from JSON: {error}") from None
    except cattrs.StructureHandlerNotFoundError:
        raise InvalidInput(
            f"cannot read {cls.__name__} from JSON: not a type of the library's JSON"
        ) from None


def to_json(value: object) -> str:
    """*value* as a JSON text."""
    try:
        return json.dumps(unstructure(value), ensure_ascii=False)
    except (TypeError, ValueError) as error:  # a value the library's JSON has no form for
        raise InvalidInput(f"cannot write {type(value).__name__} as JSON: {error}") from None


def from_json(text: str, cls: type[T]) -> T:
    """A *cls* from a JSON text; JSON numbers are read exactly, as Decimal (never as float)."""
    if not isinstance(text, str | bytes | bytearray):
        raise InvalidInput(f"from_json reads a JSON text (str or bytes), got {text!r}")
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"not valid JSON: {error}") from None
    except RecursionError:
        raise InvalidInput("not valid JSON: nested too deeply") from None
    except ValueError as error:  # e.g. an integer longer than Python reads (4 300 digits)
        raise InvalidInput(f"not valid JSON: {error}") from None
    return structure(data, cls)
