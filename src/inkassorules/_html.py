"""HTML tables for notebooks: the ``_repr_html_`` of the library's result types.

Every cell is escaped; values are shown with ``str`` (amounts as ``'38.00 NOK'``), so the table
is locale-free like the rest of the library's plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inkassorules.law import provisional_reasons

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from inkassorules.law import Citation

__all__ = ["html_table"]


def _cell(value: object) -> str:
    # Imported here: only notebooks render HTML, and html (which loads html.entities) would add
    # about 1 ms to every import of the library.
    from html import escape  # noqa: PLC0415

    return "" if value is None else escape(str(value))


def html_table(
    title: str,
    records: Iterable[Mapping[str, object]],
    *,
    columns: Sequence[str] | None = None,
    footer: Iterable[str] = (),
    basis: Iterable[Citation] = (),
) -> str:
    """An HTML table of *records* (plain dicts), with a caption and optional footer lines.

    A value of *basis* that may be out of date adds a footer line with the reason (see
    :func:`inkassorules.law.provisional_reasons`).

    >>> table = html_table("Rates & <fees>", [{"half-year": "2026 H1", "rate": "12.00 %"}])
    >>> table.startswith('<table class="inkassorules"><caption>Rates &amp; &lt;fees&gt;</caption>')
    True
    >>> "<td>12.00 %</td>" in table
    True
    >>> from inkassorules.law import Citation
    >>> late = Citation("INKF § 1-1", "https://lovdata.no/", parameter="no.inkassosats",
    ...                 provisional="law as known on 2026-11-23")
    >>> html_table("Fees", [], footer=["a note"], basis=[late]).endswith(
    ...     "<p>a note</p><p>provisional: no.inkassosats: law as known on 2026-11-23</p>")
    True
    """
    footer = [*footer, *(f"provisional: {reason}" for reason in provisional_reasons(basis))]
    rows = list(records)
    names = list(columns) if columns is not None else list(rows[0]) if rows else []
    head = "".join(f"<th>{_cell(n)}</th>" for n in names)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(n))}</td>" for n in names) + "</tr>" for row in rows
    )
    notes = "".join(f"<p>{_cell(line)}</p>" for line in footer)
    return (
        f'<table class="inkassorules"><caption>{_cell(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{notes}"
    )
