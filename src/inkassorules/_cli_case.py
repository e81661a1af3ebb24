"""The ``inkassorules case`` commands: a case file in, next step, plan, balance and audit out.

``case next FILE``, ``case plan FILE``, ``case balance FILE --on DATE`` and ``case audit FILE``
read a case file (JSON, as ``serialization.to_json`` writes a :class:`~inkassorules.case.Case`;
``-`` reads standard input) and print a readable answer, or JSON with ``--json``. Loaded by
:mod:`inkassorules.cli` when it builds its parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from inkassorules.case import Case
from inkassorules.claims import Payment
from inkassorules.cli import (
    _add_law_argument,
    _date,
    _describe,
    _law_book,
    _print_basis,
    _print_json,
    _table,
    _today,
    read_json,
)
from inkassorules.compliance import audit
from inkassorules.disputes import Dispute
from inkassorules.events import (
    AgreementMade,
    ContactAttempt,
    CreditGranted,
    DueDatePostponed,
    Event,
    LegalActionFiled,
    LetterSent,
)
from inkassorules.ledger import balance
from inkassorules.money import MINOR_UNIT, Money
from inkassorules.serialization import structure, unstructure
from inkassorules.timeline import UNKNOWN, CreditorPolicy, _rules, next_step, plan

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from inkassorules.cli import _Parser
    from inkassorules.law import Citation
    from inkassorules.ledger import Charge
    from inkassorules.timeline import Step, Timeline

__all__ = ["MAX_CASE_FILE_BYTES", "add_case_commands", "read_case"]

MAX_CASE_FILE_BYTES: Final = 16 * 1024 * 1024
"""The largest case file the command line reads (16 MiB): a limit against runaway input."""


def read_case(path: str) -> Case:
    """The case in the JSON file at *path* (``-``: standard input).

    Read within the command line's limits (:func:`inkassorules.cli.read_json`), except that a
    case file may have up to :data:`MAX_CASE_FILE_BYTES` bytes.

    Raises:
        InvalidInput: for a file that is not there, not a regular file, too large, not UTF-8,
            not JSON, nested too deeply, or not a case (the message names the field).
    """
    return structure(read_json(path, "case file", limit=MAX_CASE_FILE_BYTES), Case)


def _policy(args: argparse.Namespace, case: Case) -> CreditorPolicy:
    if args.policy == "earliest-lawful":
        return CreditorPolicy.earliest_lawful()
    return CreditorPolicy.practice(case.claim.jurisdiction)


def _plain(money: Money | None) -> str:
    return UNKNOWN if money is None else str(money.rounded(to=MINOR_UNIT).amount)


_HISTORY_COLUMNS: Final = (
    ("day", "Day"),
    ("event", "Event"),
    ("amount", "Amount"),
    ("details", "Details"),
)


def _event_row(case: Case, event: Event) -> dict[str, str]:  # noqa: PLR0911 -- one per kind
    names = _rules(case.claim.jurisdiction).names
    day = case.day_of(event).isoformat()
    if isinstance(event, LetterSent):
        until = "" if event.deadline is None else f"deadline {event.deadline.isoformat()}; "
        return {
            "day": day,
            "event": f"{names[event.kind]} sent",
            "amount": f"fee {_plain(event.fee_charged)}",
            "details": f"{until}by {event.channel.value}",
        }
    if isinstance(event, LegalActionFiled):
        fee = "" if event.fee_charged is None else f"fee {_plain(event.fee_charged)}"
        return {"day": day, "event": "legal step filed", "amount": fee, "details": event.venue}
    if isinstance(event, Payment):
        return {"day": day, "event": "payment", "amount": _plain(event.amount), "details": ""}
    if isinstance(event, Dispute):
        status = "reasonable" if event.reasonable else "unfounded"
        if event.resolved_on is not None:
            status += f", resolved {event.resolved_on.isoformat()}"
        return {
            "day": day,
            "event": "dispute raised",
            "amount": _plain(event.amount),
            "details": f"{event.reason} ({status})",
        }
    if isinstance(event, CreditGranted):
        return {"day": day, "event": "credit", "amount": _plain(event.amount), "details": ""}
    if isinstance(event, ContactAttempt):
        reached = "reached" if event.reached else "not reached"
        at = event.at.astimezone(case.zone).strftime("%H:%M")
        return {
            "day": day,
            "event": f"{event.channel.value} contact",
            "amount": "",
            "details": f"{at}, {reached}",
        }
    if isinstance(event, DueDatePostponed):
        new = event.new_due_date.isoformat()
        return {"day": day, "event": "due date postponed", "amount": "", "details": f"to {new}"}
    if isinstance(event, AgreementMade):
        count = len(event.agreement.instalments)
        return {
            "day": day,
            "event": "instalment agreement",
            "amount": _plain(event.agreement.total),
            "details": f"{count} instalment(s)",
        }
    return {"day": day, "event": "agreement cancelled", "amount": "", "details": ""}


def _print_history(case: Case, on: dt.date) -> None:
    known = case.until(on)
    later = len(case.events) - len(known.events)
    print(f"Case: {_describe(case.claim)}")
    if not known.events:
        print(f"History up to {on.isoformat()}: none")
    else:
        print(f"History up to {on.isoformat()} (amounts in {case.claim.currency}):")
        rows = [_event_row(case, e) for e in known.events]
        for line in _table(rows, _HISTORY_COLUMNS, right=("amount",)):
            print(f"  {line}")
    if later:
        print(f"  ({later} later event(s) in the file are not part of the answer)")


_PLAN_COLUMNS: Final = (
    ("number", "No."),
    ("name", "Step"),
    ("status", "Status"),
    ("planned_on", "Day"),
    ("earliest_lawful", "Earliest"),
    ("channel", "Channel"),
    ("fee", "Fee"),
    ("interest", "Interest"),
    ("total", "Total due"),
    ("deadline", "Deadline"),
)
_RIGHT: Final = ("number", "fee", "interest", "total")


def _print_step(step: Step, currency: str) -> None:
    rows = [
        ("earliest lawful day", step.earliest_lawful.isoformat()),
        ("planned on", f"{step.planned_on.isoformat()} ({step.governed_by} governed)"),
        ("channel", step.channel.value),
        ("fee (cap)", f"{_plain(step.fee.amount)} {currency}"),
        ("deadline", "none" if step.deadline is None else step.deadline.isoformat()),
        ("principal", f"{_plain(step.principal)} {currency}"),
        ("interest", f"{_plain(step.interest_due)} {currency}"),
        ("fees", f"{_plain(step.fees)} {currency}"),
        ("total due", f"{_plain(step.total)} {currency}"),
    ]
    if step.withheld.is_positive:
        rows.insert(6, ("withheld (disputed)", f"{_plain(step.withheld)} {currency}"))
    if step.contact_at is not None:
        rows.insert(3, ("contact from", step.contact_at.isoformat(timespec="minutes")))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label.ljust(width)}  {value}")
    print("  how the day and the fee were decided:")
    for reason in step.reasons:
        print(f"    - {reason}")
    for unknown in step.unknown:
        print(f"  {unknown.field} is unknown: {unknown.reason}")


def _cmd_next(args: argparse.Namespace) -> None:
    case = read_case(args.file)
    as_of: dt.date = args.as_of or _today()
    answer = next_step(case, as_of=as_of, policy=_policy(args, case), law=_law_book(args))
    if args.json:
        _print_json({"next_step": unstructure(answer)})
        return
    _print_history(case, as_of)
    print()
    step = answer.step
    if step is None:
        print(f"Next step on {as_of.isoformat()}: none. {answer.reason}")
        return
    verdict = "lawful today" if answer.lawful_today else answer.reason
    print(f"Next step on {as_of.isoformat()}: {step.name} ({step.kind.value}): {verdict}")
    _print_step(step, case.claim.currency)
    _print_sources(answer.basis, args)


def _print_sources(basis: tuple[Citation, ...], args: argparse.Namespace) -> None:
    basis = tuple(dict.fromkeys(basis))
    if not basis:
        return
    if args.sources:
        print("Sources:")
        _print_basis(basis, indent="  ")
    else:
        print(f"{len(basis)} rules and dated values were used; --sources lists them.")


def _print_timeline(timeline: Timeline) -> None:
    for line in _table([s.to_record() for s in timeline.steps], _PLAN_COLUMNS, right=_RIGHT):
        print(line)
    for reason in timeline.unknown:
        print(f"unknown: {reason}")
    for note in timeline.notes:
        print(f"note: {note}")
    if timeline.stopped:
        print(f"stopped: {timeline.stopped}")


def _cmd_plan(args: argparse.Namespace) -> None:
    case = read_case(args.file)
    as_of: dt.date = args.as_of or _today()
    timeline = plan(case, as_of=as_of, policy=_policy(args, case), law=_law_book(args))
    if args.json:
        _print_json({"timeline": unstructure(timeline)})
        return
    _print_history(case, as_of)
    print()
    print(f"policy: {timeline.policy.name}; {timeline.interest_start.explain().splitlines()[0]}")
    print()
    _print_timeline(timeline)
    print(
        f"Amounts in {case.claim.currency}. Status 'taken' is what the case records; the "
        "other steps are planned from it."
    )
    used = dict.fromkeys((*timeline.basis, *(b for s in timeline.steps for b in s.basis)))
    _print_sources(tuple(used), args)


def _cmd_balance(args: argparse.Namespace) -> None:
    case = read_case(args.file)
    on: dt.date = args.on or _today()
    owed = balance(case, on=on, law=_law_book(args))
    if args.json:
        _print_json({"balance": unstructure(owed)})
        return
    currency = case.claim.currency
    _print_history(case, on)
    print()
    print(f"Balance on {on.isoformat()} (amounts in {currency}):")
    withheld = (
        f"  ({_plain(owed.withheld)} of it withheld: disputed)"
        if owed.withheld.is_positive
        else ""
    )
    rows = [
        ("principal", _plain(owed.principal) + withheld),
        ("interest", _plain(owed.interest)),
        ("fees", _plain(owed.fees)),
        ("total", _plain(owed.total)),
    ]
    if owed.overpaid.is_positive:
        rows.append(("overpaid", _plain(owed.overpaid)))
    for label, value in rows:
        print(f"  {label.ljust(10)} {value}")
    if owed.allocations:
        print()
        print("How each payment was applied (costs, then interest, then principal, unless")
        print("the debtor designated otherwise):")
        records = [
            {
                "day": payment.paid_on.isoformat(),
                "paid": _plain(part.payment),
                "costs": _plain(part.costs),
                "interest": _plain(part.interest),
                "principal": _plain(part.principal),
                "overpaid": _plain(part.overpayment),
            }
            for payment, part in zip(owed.payments, owed.allocations, strict=True)
        ]
        columns = (
            ("day", "Day"),
            ("paid", "Paid"),
            ("costs", "Costs"),
            ("interest", "Interest"),
            ("principal", "Principal"),
            ("overpaid", "Overpaid"),
        )
        for line in _table(records, columns, right=[k for k, _ in columns[1:]]):
            print(f"  {line}")
    if owed.charges:
        print()
        print("Fees charged, and what the law allowed of each:")
        records = [
            {
                "day": c.day.isoformat(),
                "what": _charge_name(case, c),
                "charged": _plain(c.charged),
                "lawful": _plain(c.lawful),
                "excess": _plain(c.excess),
            }
            for c in owed.charges
        ]
        charge_columns = (
            ("day", "Day"),
            ("what", "Charged by"),
            ("charged", "Charged"),
            ("lawful", "Lawful"),
            ("excess", "Excess"),
        )
        for line in _table(records, charge_columns, right=("charged", "lawful", "excess")):
            print(f"  {line}")
        if owed.excess.is_positive:
            print(f"  {_plain(owed.excess)} {currency} was charged above the law and is not owed.")
    _print_sources(owed.basis, args)


def _charge_name(case: Case, charge: Charge) -> str:
    event = charge.event
    if isinstance(event, LetterSent):
        return _rules(case.claim.jurisdiction).names[event.kind]
    if isinstance(event, AgreementMade):
        return "instalment agreement"
    return "legal step"


def _cmd_audit(args: argparse.Namespace) -> None:
    case = read_case(args.file)
    as_of: dt.date = args.as_of or _today()
    result = audit(case, as_of=as_of, law=_law_book(args))
    if args.json:
        _print_json({"audit": unstructure(result)})
        return
    currency = case.claim.currency
    _print_history(case, as_of)
    print()
    verdict = "lawful" if result.lawful else "NOT LAWFUL"
    print(
        f"Audit as of {as_of.isoformat()}: {verdict}: {len(result.unlawful)} unlawful, "
        f"{len(result.at_risk)} at risk, {len(result.notes)} note(s); charged above the law: "
        f"{_plain(result.excess)} {currency}"
    )
    for finding in result.findings:
        excess = (
            f"; excess {_plain(finding.excess)} {currency}" if finding.excess.is_positive else ""
        )
        print()
        print(f"  {finding.severity.value.upper()}  {finding.day.isoformat()}  {finding.rule}")
        print(f"    {finding.message}")
        print(f"    allowed: {finding.allowed}{excess}")
    _print_sources(result.basis, args)


def add_case_commands(
    commands: argparse._SubParsersAction[_Parser],
) -> None:
    """Add ``case next``, ``case plan``, ``case balance`` and ``case audit``."""
    case = commands.add_parser(
        "case", help="a case file (a claim with its history): next step, plan, balance, audit"
    )
    actions = case.add_subparsers(dest="case_command", required=True)

    def common(parser: _Parser) -> None:
        parser.add_argument(
            "file", help="the case file (JSON, at most 16 MiB), or - for standard input"
        )
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
        parser.add_argument(
            "--sources", action="store_true", help="list the rules and dated values used"
        )
        _add_law_argument(parser)

    def planning(parser: _Parser) -> None:
        parser.add_argument(
            "--as-of", type=_date, help="the day to answer for (YYYY-MM-DD); default: today"
        )
        parser.add_argument(
            "--policy",
            choices=("practice", "earliest-lawful"),
            default="practice",
            help="the creditor's practice (default) or every step on its earliest lawful day",
        )

    next_parser = actions.add_parser(
        "next", help="the next lawful step, continuing from the steps the case has taken"
    )
    common(next_parser)
    planning(next_parser)
    next_parser.set_defaults(run=_cmd_next)

    plan_parser = actions.add_parser(
        "plan", help="the steps taken, then the steps still to take, planned from the history"
    )
    common(plan_parser)
    planning(plan_parser)
    plan_parser.set_defaults(run=_cmd_plan)

    balance_parser = actions.add_parser(
        "balance", help="what the debtor owes on a day, and how each payment was applied"
    )
    common(balance_parser)
    balance_parser.add_argument("--on", type=_date, help="the day (YYYY-MM-DD); default: today")
    balance_parser.set_defaults(run=_cmd_balance)

    audit_parser = actions.add_parser(
        "audit", help="was what was done lawful, and by how much was the debtor overcharged"
    )
    common(audit_parser)
    audit_parser.add_argument(
        "--as-of", type=_date, help="check the events up to this day; default: today"
    )
    audit_parser.set_defaults(run=_cmd_audit)
