"""Fuzz every public callable with wrong-typed and edge values (issue 16 item 2).

The number of examples per callable is ``INKASSORULES_FUZZ_EXAMPLES`` (default 40, CI's bounded
run); ``INKASSORULES_FUZZ_EXAMPLES=10000`` is the long run of docs/testing.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ._harness import POOL, call, methods_of, public_callables, signature_of

EXAMPLES = int(os.environ.get("INKASSORULES_FUZZ_EXAMPLES", "40"))

TARGETS: list[tuple[str, Callable[..., Any]]] = []
for _name, _value in public_callables():
    TARGETS.append((_name, _value))
    if isinstance(_value, type):
        TARGETS.extend((f"{_name}:{m}", f) for m, f in methods_of(_value))


def _arguments(function: Callable[..., Any]) -> st.SearchStrategy[dict[str, object]]:
    signature = signature_of(function)
    if signature is None:
        return st.just({})
    parameters = list(signature.parameters.values())
    fields: dict[str, st.SearchStrategy[object]] = {}
    optional: dict[str, st.SearchStrategy[object]] = {}
    for parameter in parameters:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        value = st.sampled_from(POOL)
        if parameter.default is parameter.empty:
            fields[parameter.name] = value
        else:
            optional[parameter.name] = value
    return st.fixed_dictionaries(fields, optional=optional)


@pytest.mark.parametrize(("name", "function"), TARGETS, ids=[n for n, _ in TARGETS])
def test_only_typed_errors(name: str, function: Callable[..., Any]) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(_arguments(function))
    def run(arguments: dict[str, object]) -> None:
        error = call(function, arguments)
        if error is not None:
            raise AssertionError(
                f"{name}({arguments!r}) raised {type(error).__name__}: {error}"
            ) from error

    run()
