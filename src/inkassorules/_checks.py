"""Run-time checks of arguments, shared by every module.

The type hints say what an argument should be; these functions make sure of it at run time,
because callers (notebooks, JSON, other languages) do not run mypy. Each takes ``object`` so the
check is not "redundant" to a type checker.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NoReturn

from inkassorules.errors import InvalidInput, NaiveDatetime

if TYPE_CHECKING:
    import enum

__all__ = [
    "check_aware",
    "check_date",
    "check_decimal",
    "check_fields",
    "check_id",
    "check_int",
    "check_items",
    "check_law",
    "check_mapping",
    "refuse_unknown_member",
]


def check_date(value: object, argument: str) -> dt.date:
    """Return *value* if it is a ``datetime.date`` (and not a ``datetime``), or raise."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput(f"{argument} must be a datetime.date, got {value!r}")
    return value


def check_int(value: object, argument: str, *, minimum: int | None = None) -> int:
    """Return *value* if it is an int (not a bool) of at least *minimum*, or raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{argument} must be an int, got {value!r}")
    if minimum is not None and value < minimum:
        raise InvalidInput(f"{argument} must be at least {minimum}, got {value}")
    return value


def check_aware(value: object, argument: str) -> dt.datetime:
    """Return *value* if it is a timezone-aware ``datetime``, or raise."""
    if not isinstance(value, dt.datetime):
        raise InvalidInput(f"{argument} must be a timezone-aware datetime, got {value!r}")
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDatetime(argument, value)
    return value


def check_decimal(value: object, argument: str) -> Decimal:
    """Return *value* if it is a finite Decimal, or raise."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InvalidInput(f"{argument} must be a finite Decimal, got {value!r}")
    return value


def check_id(value: object, what: str = "an event") -> str | None:
    """Return *value* if it is None or a non-empty string (an event's ``id``), or raise."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{what}'s id must be a non-empty string or None, got {value!r}")
    return value


def check_law(value: object, argument: str = "law") -> None:
    """Refuse *value* unless it is None or an ``inkassorules.LawBook`` (the ``law=`` argument)."""
    if value is None:
        return
    from inkassorules.law import LawBook  # noqa: PLC0415 - law.py imports this module

    if not isinstance(value, LawBook):
        raise InvalidInput(
            f"{argument} must be an inkassorules.LawBook or None, got {value!r}: use "
            "inkassorules.builtin() or builtin().with_file(PATH)"
        )


def refuse_unknown_member(cls: type[enum.Enum], value: object) -> NoReturn:
    """An enum's ``_missing_``: a value that names no member is an ``InvalidInput``."""
    expected = ", ".join(repr(member.value) for member in cls)
    raise InvalidInput(f"{value!r} is not a {cls.__name__}: expected one of {expected}")


_FieldCheck = tuple[str, tuple[type, ...], bool, tuple[type, ...] | None]
_FIELD_CHECKS: dict[type, tuple[_FieldCheck, ...]] = {}


def _classes(hint: object) -> tuple[tuple[type, ...], bool, tuple[type, ...] | None] | None:
    """(classes, None allowed, item classes of a ``tuple[X, ...]``) for a field's type, or None."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        allowed: list[type] = []
        optional = False
        for arg in typing.get_args(hint):
            if arg is type(None):
                optional = True
                continue
            inner = _classes(arg)
            if inner is None or inner[2] is not None:
                return None
            allowed.extend(inner[0])
        return tuple(allowed), optional, None
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis and isinstance(args[0], type):  # noqa: PLR2004
            return (tuple,), False, (args[0],)
        return (tuple,), False, None
    if isinstance(hint, type) and origin is None and hint is not object:
        return (hint,), False, None
    return None


def _hint(cls: type, declared: object) -> object:
    """A field type of *cls*, evaluated; None where it names a type-checking import."""
    if not isinstance(declared, str):
        return declared
    module = sys.modules[cls.__module__]
    try:
        return eval(declared, vars(module), {cls.__name__: cls})  # noqa: S307 - an annotation
    except NameError:  # a name imported for type checking only: that field is not checked
        return None


def _field_checks(cls: type) -> tuple[_FieldCheck, ...]:
    import attrs  # noqa: PLC0415 - only on the first instance of each class

    found: list[_FieldCheck] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        shape = _classes(_hint(cls, field.type))
        if shape is not None:
            found.append((field.name, *shape))
    return tuple(found)


def check_fields(instance: object) -> None:
    """Refuse an attrs instance whose fields do not have their declared classes.

    Result types are built by the library, and their ``__attrs_post_init__`` computes from their
    fields; a caller who builds one by hand with a wrong value gets an ``InvalidInput`` naming the
    field, not an ``AttributeError`` from deep inside. Only plain classes, ``X | None`` and
    ``tuple[X, ...]`` are checked.
    """
    cls = type(instance)
    checks = _FIELD_CHECKS.get(cls)
    if checks is None:
        checks = _FIELD_CHECKS[cls] = _field_checks(cls)
    for name, classes, optional, items in checks:
        value = getattr(instance, name)
        if value is None and optional:
            continue
        if not isinstance(value, classes) or (isinstance(value, bool) and bool not in classes):
            expected = " or ".join(c.__name__ for c in classes) + (" or None" if optional else "")
            raise InvalidInput(f"{cls.__name__}.{name} must be {expected}, got {value!r}")
        if items is not None:
            for i, item in enumerate(typing.cast("tuple[object, ...]", value)):
                if not isinstance(item, items):
                    raise InvalidInput(
                        f"{cls.__name__}.{name}[{i}] must be {items[0].__name__}, got {item!r}"
                    )


def check_items(value: object, argument: str, kind: type | tuple[type, ...]) -> tuple[Any, ...]:
    """*value* as a tuple, if it is a list, tuple or other iterable (not a string) of *kind*."""
    if (
        value is None
        or isinstance(value, str | bytes | Mapping)
        or not isinstance(value, Iterable)
    ):
        raise InvalidInput(f"{argument} must be a sequence, got {value!r}")
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, kind):
            name = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise InvalidInput(f"{argument}[{i}] must be a {name}, got {item!r}")
    return items


def check_mapping(
    value: object, argument: str, keys: type, values: type | tuple[type, ...]
) -> dict[Any, Any]:
    """*value* as a dict, if it is a mapping of *keys* to *values* (None: empty)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{argument} must be a mapping, got {value!r}")
    for key, item in value.items():
        if not isinstance(key, keys) or not isinstance(item, values):
            raise InvalidInput(
                f"{argument} must map {keys.__name__} to "
                f"{values.__name__ if isinstance(values, type) else values}, got {key!r}: {item!r}"
            )
    return dict(value)


def require_extra(package: str, extra: str, *, needed_by: str) -> types.ModuleType:
    """Import *package* (an optional dependency), or raise MissingExtra naming *extra*.

    A missing optional package is the library's own error, not a bare ModuleNotFoundError:
    ``MissingExtra`` is an ``ImportError`` too, and says which extra installs the package.
    """
    import importlib  # noqa: PLC0415 -- used only here

    from inkassorules.errors import MissingExtra  # noqa: PLC0415 -- errors imports nothing back

    try:
        return importlib.import_module(package)
    except ImportError as missing:
        raise MissingExtra(package.partition(".")[0], extra, needed_by=needed_by) from missing
