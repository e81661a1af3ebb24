"""Visning i notatbok / visning i anteckningsbok (notebook views): ``repr``, ``explain`` and HTML.

The ``_repr_html_`` of the library's result types is built here, and so is the compact ``repr``
of the types whose default attrs ``repr`` runs to thousands of characters. The HTML:

- is scoped: every rule of its ``<style>`` starts with ``table.inkassorules`` or
  ``.inkassorules-``, so a notebook's own styles are not touched;
- fits a 1 000 px notebook column (long columns go to a tooltip; checked in a real browser by
  ``tests/test_views_browser.py``);
- aligns numbers right, writes headers as words (``last_day`` is "Last day"), and shows money
  as a debtor sees it, rounded to øre / öre (the records keep the exact values);
- lists each source once per view, as a link.

Every cell is escaped; values are shown locale-free, like the rest of the library's plain text.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from inkassorules.law import Citation, provisional_reasons
from inkassorules.money import Money

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from inkassorules.claims import Claim
    from inkassorules.compliance import Audit
    from inkassorules.contact import ContactDecision
    from inkassorules.fees import FeeCap
    from inkassorules.instalments import AgreementStatus, InstalmentAgreement
    from inkassorules.interest import BalanceInterestResult, InterestResult
    from inkassorules.ledger import Balance
    from inkassorules.timeline import NextStep, Step, Timeline

__all__ = [
    "STYLE",
    "agreement_repr",
    "audit_repr",
    "balance_interest_repr",
    "balance_repr",
    "claim_html",
    "claim_repr",
    "contact_html",
    "contact_repr",
    "fee_cap_html",
    "fee_cap_repr",
    "field_table",
    "html_table",
    "interest_repr",
    "next_step_explain",
    "next_step_html",
    "next_step_repr",
    "status_repr",
    "step_html",
    "step_repr",
    "timeline_html",
    "timeline_repr",
]

STYLE = (
    "<style>"
    "table.inkassorules{border-collapse:collapse;font-size:13px;max-width:1000px;"
    "font-family:system-ui,sans-serif;margin:0 0 4px 0}"
    "table.inkassorules caption{text-align:left;font-weight:600;padding:4px 0;"
    "caption-side:top;max-width:1000px}"
    "table.inkassorules th{text-align:left;padding:2px 8px;border-bottom:1px solid #888;"
    "white-space:nowrap;font-weight:600}"
    "table.inkassorules td{padding:2px 8px;border-bottom:1px solid #ddd;vertical-align:top}"
    "table.inkassorules .num{text-align:right;white-space:nowrap;"
    "font-variant-numeric:tabular-nums}"
    "table.inkassorules tr[title]{cursor:help}"
    ".inkassorules-notes{font-size:12px;max-width:1000px;margin:2px 0;"
    "font-family:system-ui,sans-serif}"
    ".inkassorules-notes p{margin:1px 0}"
    ".inkassorules-sources{font-size:12px;max-width:1000px;margin:2px 0;padding-left:18px;"
    "font-family:system-ui,sans-serif;overflow-wrap:anywhere}"
    "</style>"
)
"""The scoped CSS every view ends with (its selectors start with ``table.inkassorules`` or
``.inkassorules-``)."""

_CENT = Decimal("0.01")
_SHOWN_PLACES = 2
_SHORT = 80
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_LINK = re.compile(r"<(https?://[^\s<>]+)>")


def _escape(text: str) -> str:
    # Imported here: only notebooks render HTML, and html (which loads html.entities) would add
    # about 1 ms to every import of the library.
    from html import escape  # noqa: PLC0415

    return escape(text)


def _debtor(amount: Decimal) -> str:
    """An amount as shown to a debtor: to øre / öre (2 decimals) when it has more."""
    places = amount.as_tuple().exponent
    if isinstance(places, int) and places < -_SHOWN_PLACES:
        amount = amount.quantize(_CENT, ROUND_HALF_UP)
    return str(amount)


def _text(value: object) -> str:
    """A value that is not an amount, as text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "value", value))


def _shown(value: object) -> tuple[str, bool]:
    """A value as a debtor reads it, and whether it is a number (aligned right)."""
    if value is None:
        return "", False
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), True
    if isinstance(value, Money):
        return str(value.rounded(to=_CENT)), True
    if isinstance(value, Decimal):
        return _debtor(value), True
    text = _text(value)
    if _NUMBER.fullmatch(text):  # a decimal string of an older record
        return _debtor(Decimal(text)), True
    return text, False


def _header(name: str) -> str:
    """A record key as a column heading: ``last_day`` is ``Last day``."""
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _linked(line: str) -> str:
    """A footer line, escaped, with each ``<https://...>`` made a link."""
    parts = []
    position = 0
    for match in _LINK.finditer(line):
        parts.append(_escape(line[position : match.start()]))
        url = _escape(match.group(1))
        parts.append(f'<a href="{url}" target="_blank" rel="noopener">{url}</a>')
        position = match.end()
    parts.append(_escape(line[position:]))
    return "".join(parts)


def _notes(notes: str) -> str:
    return f'<div class="inkassorules-notes">{notes}</div>' if notes else ""


_CITED = re.compile(r"(.+) <(https?://[^\s<>]+)>")


def _sources(basis: Iterable[Citation], lines: Iterable[str] = ()) -> str:
    """The sources, one link per address, each citation of it named once."""
    by_url: dict[str, dict[str, None]] = {}
    for citation in basis:
        label = str(citation).rpartition(" <")[0]
        by_url.setdefault(citation.url, {})[label] = None
    for line in lines:
        found = _CITED.fullmatch(line)
        if found:
            by_url.setdefault(found.group(2), {})[found.group(1)] = None
    items = []
    for url, labels in by_url.items():
        href = _escape(url)
        text = _escape("; ".join(labels))
        items.append(f'<li><a href="{href}" target="_blank" rel="noopener">{text}</a></li>')
    return f'<ul class="inkassorules-sources">{"".join(items)}</ul>' if items else ""


def html_table(
    title: str,
    records: Iterable[Mapping[str, object]],
    *,
    columns: Sequence[str] | None = None,
    footer: Iterable[str] = (),
    basis: Iterable[Citation] = (),
    details: Sequence[str] = (),
) -> str:
    """Tabell (table): an HTML table of *records*, with a caption, footer lines and sources.

    Numbers are aligned right and money is rounded to 2 decimals as a debtor sees it; the
    columns named in *details* are not shown as columns but as each row's tooltip. A footer
    line is shown once, with its ``<https://...>`` links clickable; the *basis* is listed once,
    as links, after a line for each value that may be out of date (see
    :func:`inkassorules.law.provisional_reasons`).

    >>> table = html_table("Rates & <fees>", [{"half_year": "2026 H1", "rate": "12.00"}])
    >>> table.startswith('<table class="inkassorules"><caption>Rates &amp; &lt;fees&gt;</caption>')
    True
    >>> "<th>Half year</th>" in table, '<td class="num">12.00</td>' in table
    (True, True)
    >>> from inkassorules.law import Citation
    >>> late = Citation("INKF § 1-1", "https://lovdata.no/", parameter="no.inkassosats",
    ...                 provisional="law as known on 2026-11-23")
    >>> html = html_table("Fees", [], footer=["a note"], basis=[late, late])
    >>> "<p>a note</p><p>provisional: no.inkassosats: law as known on 2026-11-23</p>" in html
    True
    >>> html.count('<a href="https://lovdata.no/"')
    1
    """
    basis = tuple(basis)
    footer = tuple(footer)
    cited = {line for line in footer if _CITED.fullmatch(line)} | {str(c) for c in basis}
    lines = [*footer, *(f"provisional: {reason}" for reason in provisional_reasons(basis))]
    rows = list(records)
    names = list(columns) if columns is not None else list(rows[0]) if rows else []
    names = [n for n in names if n not in details]
    head = "".join(f"<th>{_escape(_header(n))}</th>" for n in names)
    body = []
    for row in rows:
        cells = []
        for name in names:
            text, number = _shown(row.get(name))
            cells.append(
                f'<td class="num">{_escape(text)}</td>' if number else f"<td>{_escape(text)}</td>"
            )
        tip = "; ".join(
            f"{_header(n)}: {_shown(row.get(n))[0]}"
            for n in details
            if row.get(n) not in (None, "")
        )
        opening = f'<tr title="{_escape(tip)}">' if tip else "<tr>"
        body.append(opening + "".join(cells) + "</tr>")
    notes = "".join(
        f"<p>{_linked(line)}</p>" for line in dict.fromkeys(lines) if line not in cited
    )
    return (
        f'<table class="inkassorules"><caption>{_escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"{_notes(notes)}"
        f"{_sources(basis, footer)}{STYLE}"
    )


def field_table(
    title: str,
    fields: Iterable[tuple[str, object]],
    *,
    reasons: Iterable[str] = (),
    basis: Iterable[Citation] = (),
) -> str:
    """Felt (fields): one result as a two-column HTML table (what, value), reasons, sources.

    >>> html = field_table("Fee cap", [("amount", Money.of("38", "NOK"))], reasons=["ok"])
    >>> '<th>Amount</th><td class="num">38.00 NOK</td>' in html, "<p>ok</p>" in html
    (True, True)
    """
    rows = []
    for name, value in fields:
        text, number = _shown(value)
        cell = f'<td class="num">{_escape(text)}</td>' if number else f"<td>{_escape(text)}</td>"
        rows.append(f"<tr><th>{_escape(_header(name))}</th>{cell}</tr>")
    basis = tuple(basis)
    lines = [*reasons, *(f"provisional: {reason}" for reason in provisional_reasons(basis))]
    notes = "".join(f"<p>{_linked(line)}</p>" for line in dict.fromkeys(lines))
    return (
        f'<table class="inkassorules"><caption>{_escape(title)}</caption>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"{_notes(notes)}"
        f"{_sources(basis)}{STYLE}"
    )


def _flag(provisional: bool) -> str:
    return ", provisional" if provisional else ""


# -- FeeCap -------------------------------------------------------------------------------------


def fee_cap_repr(cap: FeeCap) -> str:
    """``FeeCap(38.00 NOK, 2 reasons, 3 sources)``: the essentials on one line."""
    return (
        f"FeeCap({cap.amount}, {len(cap.reasons)} reasons, {len(set(cap.basis))} sources"
        f"{_flag(cap.provisional)})"
    )


def fee_cap_html(cap: FeeCap) -> str:
    """A fee cap as a small HTML table: the amount, the reasons, the sources."""
    fields = [("most that may be charged", cap.amount), ("allowed", cap.allowed)]
    return field_table("Fee cap", fields, reasons=cap.reasons, basis=cap.basis)


# -- Claim --------------------------------------------------------------------------------------


def claim_repr(claim: Claim) -> str:
    """``Claim(8000.00 NOK due 2026-03-02, NO consumer)``."""
    reference = f", {claim.reference!r}" if claim.reference else ""
    return (
        f"Claim({claim.principal} due {claim.due_date.isoformat()}, {claim.jurisdiction} "
        f"{claim.debtor_kind.value}{reference})"
    )


def claim_html(claim: Claim) -> str:
    """A claim as a small HTML table of its fields."""
    fields = [
        ("principal", claim.principal),
        ("due_date", claim.due_date),
        ("jurisdiction", claim.jurisdiction),
        ("debtor_kind", claim.debtor_kind),
        ("invoice_date", claim.invoice_date),
        ("reference", claim.reference),
        ("creditor_kind", claim.creditor_kind),
        ("claim_kind", claim.claim_kind),
    ]
    return field_table("Claim", [(k, v) for k, v in fields if v is not None])


# -- ContactDecision ----------------------------------------------------------------------------


def contact_repr(decision: ContactDecision) -> str:
    """``ContactDecision(phone at 2026-03-02T21:30+01:00: not allowed, law)``."""
    verdict = "allowed" if decision.allowed else "not allowed"
    kind = "law" if decision.is_law else "policy"
    at = decision.at.isoformat(timespec="minutes")
    flag = _flag(decision.provisional)
    return f"ContactDecision({decision.channel} at {at}: {verdict}, {kind}{flag})"


def contact_html(decision: ContactDecision) -> str:
    """A contact decision as a small HTML table, with the reasons and sources."""
    fields = [
        ("allowed", decision.allowed),
        ("at", decision.at),
        ("channel", decision.channel),
        ("policy", decision.policy),
        ("rule", "law" if decision.is_law else "policy, not law"),
    ]
    return field_table("Contact", fields, reasons=decision.reasons, basis=decision.basis)


# -- Step, NextStep, Timeline ------------------------------------------------------------------


def step_repr(step: Step) -> str:
    """``Step(4 collection_demand on 2026-04-15, fee 113.00 NOK, total 8304.73 NOK, planned)``."""
    total = "unknown" if step.total is None else str(step.total)
    deadline = "" if step.deadline is None else f", deadline {step.deadline.isoformat()}"
    return (
        f"Step({step.number} {step.kind.value} on {step.planned_on.isoformat()}, fee "
        f"{step.fee.amount}, total {total}{deadline}, {step.status}{_flag(step.provisional)})"
    )


def step_html(step: Step) -> str:
    """One step as a small HTML table, with its reasons and sources."""
    fields = [
        ("step", step.name),
        ("status", step.status),
        ("planned_on", step.planned_on),
        ("earliest_lawful", step.earliest_lawful),
        ("channel", step.channel),
        ("fee", step.fee.amount),
        ("principal", step.principal),
        ("interest", step.interest_due),
        ("fees", step.fees),
        ("total", step.total),
        ("deadline", step.deadline),
    ]
    reasons = (*step.reasons, *(f"{u.field} unknown: {u.reason}" for u in step.unknown))
    return field_table(
        f"Step {step.number}: {step.name}", fields, reasons=reasons, basis=step.basis
    )


def next_step_repr(answer: NextStep) -> str:
    """``NextStep(2026-03-16: reminder, lawful today)`` or ``NextStep(2026-03-16: none)``."""
    if answer.step is None:
        reason = answer.reason
        if len(reason) > _SHORT:
            reason = reason[: _SHORT - 3] + "..."
        return f"NextStep({answer.as_of.isoformat()}: none, {reason!r})"
    when = "lawful today" if answer.lawful_today else f"planned on {answer.planned_on}"
    return (
        f"NextStep({answer.as_of.isoformat()}: {answer.step.kind.value}, {when}, fee "
        f"{answer.step.fee.amount})"
    )


def next_step_explain(answer: NextStep) -> str:
    """The answer, the step's day and amounts, the reasons and the citations, as text."""
    from inkassorules.law import explain  # noqa: PLC0415 -- law is loaded; keeps names apart

    lines = [answer.reason]
    if answer.step is not None:
        lawful = "lawful" if answer.lawful_today else "not lawful"
        lines.append(
            f"  as of {answer.as_of.isoformat()}: {answer.step.name} ({answer.step.kind.value}) "
            f"{lawful}; planned on {answer.planned_on}; earliest on {answer.earliest_on}; fee "
            f"{answer.step.fee.amount}"
        )
        lines.extend(f"  {reason}" for reason in answer.step.reasons)
    if answer.time_barred_on is not None:
        lines.append(f"  time-barred on {answer.time_barred_on.isoformat()}")
    basis = (*answer.basis, *(answer.step.basis if answer.step is not None else ()))
    if basis:
        lines.append(explain(basis))
    return "\n".join(lines)


def next_step_html(answer: NextStep) -> str:
    """The next step as a small HTML table, with the reason and the sources."""
    step = answer.step
    fields: list[tuple[str, object]] = [
        ("as_of", answer.as_of),
        ("step", None if step is None else step.name),
        ("lawful_today", answer.lawful_today),
        ("planned_on", answer.planned_on),
        ("earliest_on", answer.earliest_on),
        ("fee", None if step is None else step.fee.amount),
        ("total", None if step is None else step.total),
        ("deadline", None if step is None else step.deadline),
        ("time_barred_on", answer.time_barred_on),
    ]
    basis = (*answer.basis, *(step.basis if step is not None else ()))
    return field_table(
        "Next step",
        [(k, v) for k, v in fields if v is not None],
        reasons=(answer.reason,),
        basis=basis,
    )


def timeline_repr(timeline: Timeline) -> str:
    """``Timeline(NO 8000.00 NOK due 2026-03-02, as of 2026-03-03: 5 steps, next reminder)``."""
    planned = timeline.planned
    following = f"next {planned[0].kind.value} on {planned[0].planned_on}" if planned else "done"
    stopped = ", stopped" if timeline.stopped else ""
    return (
        f"Timeline({timeline.claim.jurisdiction} {timeline.claim.principal} due "
        f"{timeline.claim.due_date.isoformat()}, as of {timeline.as_of.isoformat()}: "
        f"{len(timeline.steps)} steps, {following}{stopped})"
    )


_TIMELINE_COLUMNS = ("number", "name", "status", "planned_on", "deadline", "fee", "total")
_TIMELINE_DETAILS = (
    "step",
    "earliest_lawful",
    "channel",
    "governed_by",
    "contact_at",
    "principal",
    "interest",
    "fees",
    "charged",
)


def timeline_html(timeline: Timeline) -> str:
    """The timeline as an HTML table that fits 1 000 px; the other columns in a row's tooltip."""
    title = (
        f"Timeline for a {timeline.claim.jurisdiction} claim of {timeline.claim.principal} due "
        f"{timeline.claim.due_date.isoformat()}, as of {timeline.as_of.isoformat()} "
        f"({timeline.policy.name}; amounts in {timeline.claim.principal.currency})"
    )
    footer = [*timeline.notes, *([timeline.stopped] if timeline.stopped else [])]
    basis = (*timeline.basis, *(c for step in timeline.steps for c in step.basis))
    records = [step.to_record() for step in timeline.steps]
    return html_table(
        title,
        records,
        columns=(*_TIMELINE_COLUMNS, *_TIMELINE_DETAILS),
        footer=footer,
        basis=basis,
        details=_TIMELINE_DETAILS,
    )


# -- the compact repr of the table types ----------------------------------------------------------


def interest_repr(result: InterestResult) -> str:
    """``InterestResult(484.71 NOK on 8000.00 NOK, 2026-03-02..2026-09-01, 183 days, ...)``."""
    return (
        f"InterestResult({result.amount} on {result.principal}, {result.start.isoformat()}.."
        f"{result.end.isoformat()}, {result.days} days, {len(result.periods)} periods"
        f"{_flag(result.provisional)})"
    )


def balance_interest_repr(result: BalanceInterestResult) -> str:
    """``BalanceInterestResult(371.69 NOK on 8000.00 NOK, ..., 1 payments, outstanding ...)``."""
    return (
        f"BalanceInterestResult({result.interest} on {result.principal}, "
        f"{result.start.isoformat()}..{result.until.isoformat()}, {len(result.applications)} "
        f"payments; outstanding {result.principal_outstanding} + {result.interest_outstanding})"
    )


def agreement_repr(agreement: InstalmentAgreement) -> str:
    """``InstalmentAgreement(10000.00 NOK in 3 instalments, signed on 2026-01-31)``."""
    first = agreement.instalments[0].due_date.isoformat() if agreement.instalments else "-"
    return (
        f"InstalmentAgreement({agreement.total} in {len(agreement.instalments)} instalments from "
        f"{first}, signed on {agreement.signed_on.isoformat()})"
    )


def status_repr(status: AgreementStatus) -> str:
    """``AgreementStatus(2026-03-10: paid 4000.00 NOK, overdue 2666.66 NOK, remaining ...)``."""
    return (
        f"AgreementStatus({status.on.isoformat()}: paid {status.paid}, overdue "
        f"{status.overdue}, remaining {status.remaining})"
    )


def balance_repr(owed: Balance) -> str:
    """``Balance(2026-07-01: 9799.88 NOK = principal 9748.60 + interest 51.28 + fees 0.00)``."""
    return (
        f"Balance({owed.on.isoformat()}: {owed.total} = principal {owed.principal.amount} + "
        f"interest {owed.interest.amount} + fees {owed.fees.amount}; {len(owed.payments)} "
        "payments)"
    )


def audit_repr(result: Audit) -> str:
    """``Audit(NO case as of 2026-07-01: not lawful, 1 unlawful, 0 at risk, excess 22.00 NOK)``."""
    verdict = "lawful" if result.lawful else "not lawful"
    return (
        f"Audit({result.case.claim.jurisdiction} case as of {result.as_of.isoformat()}: "
        f"{verdict}, {len(result.unlawful)} unlawful, {len(result.at_risk)} at risk, excess "
        f"{result.excess})"
    )
