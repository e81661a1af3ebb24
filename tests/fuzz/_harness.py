"""The fuzz harness: every public callable, called with wrong-typed and edge values.

For every name in ``__all__`` of every public module (``inkassorules`` and its submodules; not
the command line, which has its own corpus in ``tests/test_cli_corpus.py``), Hypothesis draws a
value for each parameter from a pool of valid domain values and wrong or edge values, and calls
it. A call may return, or raise an ``InkassoError``; a ``TypeError`` is accepted only where the
arguments do not bind to the signature (a missing or unknown argument, raised before the call).
Anything else, and a call that runs longer than ``TIME_LIMIT`` seconds, fails.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import inspect
import pkgutil
import signal
import types
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis.errors import InvalidArgument

import inkassorules
from inkassorules import (
    Case,
    Channel,
    Citation,
    Claim,
    CreditorPolicy,
    DebtorKind,
    Dispute,
    Instalment,
    InstalmentAgreement,
    LetterSent,
    Money,
    Payment,
    StepKind,
    Window,
    builtin,
    no,
)
from inkassorules.errors import InkassoError

TIME_LIMIT = 10  # seconds one call may take (the slowest legitimate call takes well under 1 s)
SKIP_MODULES = frozenset({"inkassorules.cli"})
# Names that are not callables to fuzz: data, the version, modules.
OSLO = ZoneInfo("Europe/Oslo")
D = dt.date(2026, 3, 2)
D0 = dt.date(2026, 2, 2)


def public_modules() -> Iterator[types.ModuleType]:
    """``inkassorules`` and every public submodule (no part starting with ``_``)."""
    yield inkassorules
    for info in pkgutil.walk_packages(inkassorules.__path__, "inkassorules."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        if info.name in SKIP_MODULES:
            continue
        try:
            yield importlib.import_module(info.name)
        except ImportError:  # a module of an optional extra that is not installed
            continue


def public_callables() -> list[tuple[str, Callable[..., Any]]]:
    """(qualified name, callable) for every function and class in a public ``__all__``."""
    seen: dict[int, str] = {}
    found: list[tuple[str, Callable[..., Any]]] = []
    for module in public_modules():
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if isinstance(value, types.ModuleType) or not callable(value):
                continue
            if not (inspect.isclass(value) or inspect.isroutine(value)):
                continue  # a type alias (Literal, Callable[...]): not a callable of the API
            if inspect.isclass(value) and issubclass(value, BaseException):
                continue  # the errors are raised by the library, not built by its callers
            if id(value) in seen:
                continue
            seen[id(value)] = f"{module.__name__}.{name}"
            found.append((f"{module.__name__}.{name}", value))
    return found


def _samples() -> dict[str, object]:
    book = builtin()
    claim_no = Claim(
        principal=Money.of("12500", "NOK"),
        due_date=dt.date(2026, 2, 2),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )
    claim_se = Claim(
        principal=Money.of("5000", "SEK"),
        due_date=dt.date(2026, 2, 2),
        jurisdiction="SE",
        debtor_kind=DebtorKind.BUSINESS,
    )
    payment = Payment(amount=Money.of("100", "NOK"), paid_on=dt.date(2026, 2, 20))
    dispute = Dispute.in_full(claim_no, raised_on=dt.date(2026, 2, 10), reason="defect")
    letter = LetterSent(
        kind=StepKind.REMINDER,
        sent_on=dt.date(2026, 2, 17),
        fee_charged=Money.of("38", "NOK"),
        deadline=dt.date(2026, 3, 3),
    )
    agreement = InstalmentAgreement(
        total=Money.of("12500", "NOK"),
        signed_on=dt.date(2026, 2, 20),
        instalments=(
            Instalment(number=1, due_date=dt.date(2026, 3, 20), amount=Money.of("6250", "NOK")),
            Instalment(number=2, due_date=dt.date(2026, 4, 20), amount=Money.of("6250", "NOK")),
        ),
    )
    case = Case(claim=claim_no, events=(letter, payment))
    derived: dict[str, object] = {}
    for label, make in (
        ("timeline", lambda: inkassorules.plan(case, as_of=dt.date(2026, 3, 10))),
        ("next", lambda: inkassorules.next_step(case, as_of=dt.date(2026, 3, 10))),
        ("balance", lambda: inkassorules.balance(case, on=dt.date(2026, 3, 10))),
        ("audit", lambda: inkassorules.audit(case, as_of=dt.date(2026, 3, 10))),
        ("limitation", lambda: inkassorules.limitation(case, as_of=dt.date(2026, 3, 10))),
        ("charges", lambda: inkassorules.charges(case)[0]),
        ("fee_cap", lambda: no.reminder_fee_cap(sent_on=dt.date(2026, 2, 17), due_date=D0)),
        (
            "interest",
            lambda: inkassorules.no.late_interest(
                claim_no.principal, due_date=D0, paid_on=dt.date(2026, 3, 2)
            ),
        ),
        ("window", lambda: Window.parse("08:00-20:00")),
        ("contact_policy", lambda: no.contact_policy(on=D)),
        (
            "contact_decision",
            lambda: no.contact_allowed(
                dt.datetime(2026, 3, 2, 10, 30, tzinfo=OSLO), channel="phone"
            ),
        ),
        ("status", lambda: agreement.status([], on=dt.date(2026, 3, 25))),
        ("citation", lambda: Citation("INKF § 1-1", "https://lovdata.no/")),
        ("parameter", lambda: book.parameter("no.inkassosats")),
        ("calendar", lambda: inkassorules.calendar_for("NO")),
    ):
        try:
            derived[label] = make()
        except Exception:  # noqa: BLE001, S112 - a sample the API cannot make is left out
            continue
    return {
        **derived,
        "book": book,
        "claim_no": claim_no,
        "claim_se": claim_se,
        "case": case,
        "payment": payment,
        "payments": [payment],
        "dispute": dispute,
        "disputes": [dispute],
        "letter": letter,
        "agreement": agreement,
        "policy": CreditorPolicy.practice("NO"),
        "money": Money.of("100", "NOK"),
        "money_sek": Money.of("100", "SEK"),
        "date": D,
        "aware": dt.datetime(2026, 3, 2, 10, 30, tzinfo=OSLO),
        "decimal": Decimal("12.5"),
        "fraction": Fraction(1, 20),
        "int": 3,
        "no": "NO",
        "se": "SE",
        "kind": StepKind.REMINDER,
        "channel": Channel.PHONE,
        "debtor": DebtorKind.CONSUMER,
        "kid": "12344",
    }


SAMPLES = _samples()

BAD: tuple[object, ...] = (
    None,
    "",
    "x",
    "1",
    "2026-03-02",
    b"1",
    0,
    -1,
    10**30,
    2**63,
    True,
    1.5,
    float("nan"),
    Decimal("NaN"),
    Decimal("Infinity"),
    Decimal("1E+999999"),
    Decimal(-1),
    Decimal("1E-999999"),
    dt.date.min,
    dt.date.max,
    dt.datetime(2026, 3, 2, 10, 30),  # naive
    dt.datetime.max.replace(tzinfo=dt.UTC),
    [],
    [None],
    ["x"],
    (),
    {},
    {"a": 1},
    object(),
    enum.Enum("Other", "A").A,
    "/nonexistent.toml",
)

POOL: tuple[object, ...] = (*SAMPLES.values(), *BAD)


class Hang(Exception):
    """A call ran longer than TIME_LIMIT."""


def _alarm(signum: int, frame: object) -> None:
    del signum, frame
    raise Hang


def signature_of(function: Callable[..., Any]) -> inspect.Signature | None:
    """The parameters to fuzz: an enum is looked up by one value (``StepKind("reminder")``)."""
    if isinstance(function, enum.EnumType):
        return inspect.Signature([inspect.Parameter("value", inspect.Parameter.POSITIONAL_ONLY)])
    try:
        return inspect.signature(function)
    except (TypeError, ValueError):
        return None


def accepted(function: Callable[..., Any], error: BaseException) -> bool:
    """True for the errors a callable may raise on bad input."""
    if isinstance(error, InkassoError):
        return True
    # Strategies follow Hypothesis: a bad argument to a strategy is its InvalidArgument.
    module = getattr(function, "__module__", "") or ""
    return module == "inkassorules.strategies" and isinstance(error, InvalidArgument)


def call(function: Callable[..., Any], args: dict[str, object]) -> BaseException | None:
    """Call *function* with keyword/positional *args*; return the untyped error, or None."""
    signature = signature_of(function)
    positional: list[object] = []
    keywords: dict[str, object] = {}
    if signature is not None:
        for name, value in args.items():
            parameter = signature.parameters[name]
            if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.VAR_POSITIONAL):
                positional.append(value)
            else:
                keywords[name] = value
        try:
            signature.bind(*positional, **keywords)
        except TypeError:
            return None  # does not bind: a TypeError before the call is fine
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_LIMIT)
    try:
        result = function(*positional, **keywords)
        if inspect.isgenerator(result):
            for _ in zip(range(1000), result, strict=False):
                pass
    except Hang as error:
        return error
    except Exception as error:  # noqa: BLE001 - that is what the fuzz suite looks for
        return None if accepted(function, error) else error
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return None


def methods_of(cls: type) -> list[tuple[str, Callable[..., Any]]]:
    """The public methods of an instance of *cls* from the sample pool, if one is there."""
    instances = [v for v in SAMPLES.values() if type(v) is cls]
    if not instances:
        return []
    instance = instances[0]
    found = []
    for name in dir(cls):
        if name.startswith("_"):
            continue
        attribute = getattr(instance, name, None)
        if inspect.ismethod(attribute) or (
            callable(attribute) and not isinstance(attribute, type)
        ):
            found.append((f"{cls.__qualname__}.{name}", attribute))
    return found
