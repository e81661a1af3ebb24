"""The pictures of the docs, drawn by the docs build (never committed by hand).

As a MkDocs hook (``hooks: [docs/gen_plots.py]`` in ``mkdocs.yml``), :func:`on_files` draws each
picture with :mod:`inkassorules.plot` and adds it to the site as ``img/<name>.png``, so
``docs/notebook.md`` can show ``img/timeline.png`` and ``mkdocs build --strict`` finds it.

By hand: ``python docs/gen_plots.py DIR`` writes the same PNGs into ``DIR``.

Needs matplotlib (the ``plot`` extra).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable


def _timeline(ax: Any) -> None:
    from inkassorules import Claim, DebtorKind, Money, plan  # noqa: PLC0415

    claim = Claim(
        principal=Money.of("8000", "NOK"),
        due_date=dt.date(2026, 3, 2),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )
    plan(claim, as_of=dt.date(2026, 3, 3)).plot(ax=ax)


def _interest(ax: Any) -> None:
    from inkassorules import Money, Payment, no  # noqa: PLC0415
    from inkassorules.plot import interest_over_time  # noqa: PLC0415

    result = no.late_interest_on_balance(
        Money.of(8000, "NOK"),
        [Payment(amount=Money.of(3000, "NOK"), paid_on=dt.date(2026, 5, 4))],
        due_date=dt.date(2026, 3, 2),
        until=dt.date(2026, 9, 1),
    )
    interest_over_time(result, ax=ax)


def _balance(ax: Any) -> None:
    from inkassorules import Case, Claim, DebtorKind, Money, Payment, StepKind  # noqa: PLC0415
    from inkassorules.events import LetterSent  # noqa: PLC0415
    from inkassorules.ledger import balance  # noqa: PLC0415

    claim = Claim(
        principal=Money.of("8000", "NOK"),
        due_date=dt.date(2026, 3, 2),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )
    case = Case(claim=claim).add(
        LetterSent(
            kind=StepKind.REMINDER,
            sent_on=dt.date(2026, 3, 16),
            fee_charged=Money.of("38", "NOK"),
            deadline=dt.date(2026, 3, 30),
        ),
        Payment(amount=Money.of("3000", "NOK"), paid_on=dt.date(2026, 5, 4)),
    )
    balance(case, on=dt.date(2026, 9, 1)).plot(ax=ax)


def _next_steps(ax: Any) -> None:
    from inkassorules import Claim, DebtorKind, Money, next_step  # noqa: PLC0415
    from inkassorules.plot import next_steps_by_day  # noqa: PLC0415

    as_of = dt.date(2026, 4, 1)
    days = []
    for number in range(200):
        claim = Claim(
            principal=Money.of(500 + 37 * number, "NOK"),
            due_date=dt.date(2026, 2, 2) + dt.timedelta(days=number % 50),
            jurisdiction="NO",
            debtor_kind=DebtorKind.CONSUMER,
        )
        answer = next_step(claim, as_of=as_of)
        days.append(answer.planned_on)
    next_steps_by_day(days, ax=ax)


PICTURES: dict[str, Callable[[Any], None]] = {
    "timeline": _timeline,
    "interest": _interest,
    "balance": _balance,
    "next_steps": _next_steps,
}


def draw(directory: Path) -> list[Path]:
    """Draw every picture into *directory* as ``<name>.png``; the paths written."""
    import matplotlib as mpl  # noqa: PLC0415

    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, picture in PICTURES.items():
        figure, ax = plt.subplots(figsize=(10, 4), layout="constrained")
        picture(ax)
        target = directory / f"{name}.png"
        figure.savefig(target, dpi=96)
        plt.close(figure)
        written.append(target)
    return written


def on_files(files: Any, config: Any, **_: object) -> Any:
    """MkDocs hook: add the pictures to the site's files as ``img/<name>.png``."""
    from mkdocs.structure.files import File  # noqa: PLC0415

    out = Path(tempfile.mkdtemp(prefix="inkassorules-plots-"))
    for path in draw(out):
        files.append(File.generated(config, f"img/{path.name}", abs_src_path=str(path)))
    return files


if __name__ == "__main__":
    if len(sys.argv) != 2:  # noqa: PLR2004 -- the program and one directory
        sys.exit("usage: python docs/gen_plots.py DIR")
    for written in draw(Path(sys.argv[1])):
        print(written)
