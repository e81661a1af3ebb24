"""HTML tables for notebooks: the ``_repr_html_`` of the library's result types.

Every cell is escaped; values are shown with ``str`` (amounts as ``'38.00 NOK'``), so the table
is locale-free like the rest of the library's plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

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
) -> str:
    """An HTML table of *records* (plain dicts), with a caption and optional footer lines.

    >>> table = html_table("Rates & <fees>", [{"half-year": "2026 H1", "rate": "12.00 %"}])
    >>> table.startswith('<table class="inkassorules"><caption>Rates &amp; &lt;fees&gt;</caption>')
    True
    >>> "<td>12.00 %</td>" in table
    True
    """
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
