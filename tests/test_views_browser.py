"""Notebook views in a real browser (issue 18 item 1): every view fits a 1 000 px column.

Each view's ``_repr_html_()`` is rendered in a page whose script measures, in a 1 000 px
container, the width of each table (``getBoundingClientRect``), whether the container scrolls
(``scrollWidth`` > ``clientWidth``) and whether any cell is cut off (a cell's ``scrollWidth`` >
its ``clientWidth``), and writes the measurements into the DOM. Headless Chromium prints the
DOM (``--dump-dom``), and the test reads the measurements back.

The test skips when Chromium is not installed, except with ``INKASSORULES_BROWSER_TESTS=1``
(set by ``.ci/run``, which installs Debian's ``chromium``): then its absence fails.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from inkassorules import (
    Case,
    Claim,
    DebtorKind,
    InstalmentAgreement,
    Money,
    Payment,
    audit,
    balance,
    next_step,
    no,
    plan,
    se,
)
from inkassorules.events import LetterSent
from inkassorules.timeline import StepKind

WIDTH = 1000
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=5000",
)

MEASURE = """
<script>
const out = [];
for (const box of document.querySelectorAll("div.box")) {
  const tables = [...box.querySelectorAll("table")];
  const cut = [...box.querySelectorAll("td, th, caption, p, li")]
    .filter((c) => c.scrollWidth > c.clientWidth + 1)
    .map((c) => c.textContent.slice(0, 60));
  out.push({
    name: box.dataset.name,
    tables: tables.map((t) => t.getBoundingClientRect().width),
    scroll: box.scrollWidth,
    client: box.clientWidth,
    cut: cut,
  });
}
const pre = document.createElement("pre");
pre.id = "measured";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>
"""


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def views() -> dict[str, str]:
    """The HTML of one of each result type, with long lines where a user's data has them."""
    no_claim = Claim(
        principal=Money.of("123456789.50", "NOK"),
        due_date=dt.date(2026, 3, 2),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
        reference="faktura 2026-000123456",
    )
    se_claim = Claim(
        principal=Money.of("8000", "SEK"),
        due_date=dt.date(2026, 3, 2),
        jurisdiction="SE",
        debtor_kind=DebtorKind.BUSINESS,
    )
    no_plan = plan(no_claim, as_of=dt.date(2026, 3, 3))
    interest = no.late_interest(
        Money.of(8000, "NOK"), due_date=dt.date(2026, 3, 2), paid_on=dt.date(2026, 9, 1)
    )
    on_balance = no.late_interest_on_balance(
        Money.of(8000, "NOK"),
        [Payment(amount=Money.of(3000, "NOK"), paid_on=dt.date(2026, 5, 4))],
        due_date=dt.date(2026, 3, 2),
        until=dt.date(2026, 9, 1),
    )
    agreement = InstalmentAgreement.plan(
        Money.of("10000", "NOK"), count=12, signed_on=dt.date(2026, 1, 31), roll="NO"
    )
    status = agreement.status(
        [Payment(amount=Money.of("4000", "NOK"), paid_on=dt.date(2026, 2, 2))],
        on=dt.date(2026, 3, 10),
    )
    small = Claim(
        principal=Money.of("12500", "NOK"),
        due_date=dt.date(2026, 5, 4),
        jurisdiction="NO",
        debtor_kind=DebtorKind.CONSUMER,
    )
    case = Case(
        claim=small,
        events=(
            LetterSent(
                kind=StepKind.REMINDER,
                sent_on=dt.date(2026, 5, 20),
                fee_charged=Money.of("60", "NOK"),
                deadline=None,
            ),
            Payment(amount=Money.of("3000", "NOK"), paid_on=dt.date(2026, 6, 15)),
        ),
    )
    contact = no.contact_allowed(
        dt.datetime(2026, 3, 7, 21, 30, tzinfo=ZoneInfo("Europe/Oslo")), channel="phone"
    )
    return {
        "timeline NO": no_plan._repr_html_(),
        "timeline SE": plan(se_claim, as_of=dt.date(2026, 3, 2))._repr_html_(),
        "step": no_plan.steps[3]._repr_html_(),
        "fee cap": no_plan.steps[3].fee._repr_html_(),
        "next step": next_step(no_claim, as_of=dt.date(2026, 3, 20))._repr_html_(),
        "claim": no_claim._repr_html_(),
        "interest": interest._repr_html_(),
        "interest on a balance": on_balance._repr_html_(),
        "instalment agreement": agreement._repr_html_(),
        "agreement status": status._repr_html_(),
        "balance": balance(case, on=dt.date(2026, 7, 1))._repr_html_(),
        "audit": audit(case, as_of=dt.date(2026, 7, 1))._repr_html_(),
        "contact": contact._repr_html_(),
        "SE interest": se.late_interest(
            Money.of(8000, "SEK"), due_date=dt.date(2026, 1, 5), paid_on=dt.date(2026, 6, 1)
        )._repr_html_(),
    }


def page(rendered: dict[str, str]) -> str:
    boxes = "".join(
        f'<div class="box" data-name="{name}" style="width:{WIDTH}px;overflow:auto;'
        f'margin:0 0 24px 0">{html}</div>'
        for name, html in rendered.items()
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<style>body{margin:8px;font-family:sans-serif}</style></head>"
        f"<body>{boxes}{MEASURE}</body></html>"
    )


def measure(rendered: dict[str, str]) -> list[dict[str, object]]:
    browser = chromium()
    if browser is None:
        if os.environ.get("INKASSORULES_BROWSER_TESTS") == "1":
            pytest.fail("INKASSORULES_BROWSER_TESTS=1 but no chromium is installed")
        pytest.skip("chromium is not installed (set INKASSORULES_BROWSER_TESTS=1 to require it)")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "views.html"
        target.write_text(page(rendered), encoding="utf-8")
        profile = Path(tmp) / "profile"
        profile.mkdir()
        done = subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={profile}",
                "--window-size=1200,900",
                "--dump-dom",
                target.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    found = re.search(r'<pre id="measured">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, f"chromium printed no measurements: {done.returncode} {done.stderr[-2000:]}"
    from html import unescape

    result: list[dict[str, object]] = json.loads(unescape(found.group(1)))
    return result


@pytest.fixture(scope="module")
def measured() -> list[dict[str, object]]:
    return measure(views())


def test_every_view_is_measured(measured):
    assert [m["name"] for m in measured] == list(views())
    assert all(m["tables"] for m in measured)  # each view has a table, and it was laid out


def test_every_view_fits_1000_px_and_nothing_is_cut_off(measured):
    for m in measured:
        assert all(0 < width <= WIDTH for width in m["tables"]), m  # type: ignore[attr-defined]
        assert m["scroll"] <= m["client"], m  # the container does not scroll sideways
        assert m["cut"] == [], m


def test_the_check_sees_a_view_that_does_not_fit():
    # The measurement is not a formality: an over-wide unstyled table fails it.
    wide = "<table>" + "".join(f"<td>{'x' * 40}</td>" for _ in range(40)) + "</table>"
    clipped = (
        '<table class="inkassorules"><tr><td style="max-width:40px;overflow:hidden;'
        'white-space:nowrap">a long cell that cannot be read in forty pixels</td></tr></table>'
    )
    (too_wide, cut) = measure({"wide": wide, "clipped": clipped})
    assert max(too_wide["tables"]) > WIDTH  # type: ignore[type-var]
    assert too_wide["scroll"] > too_wide["client"]  # type: ignore[operator]
    assert cut["cut"]
