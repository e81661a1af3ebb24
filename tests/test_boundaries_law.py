"""Boundary tests for the legal data loader (law as dated data; inkassorules.law).

Written against mutants that survived ``scripts/mutation.py law``. A half-yearly rate table
(forsinkelsesrenteloven § 3: the rate is set for each half-year) has a horizon, the last day it
covers; the loader refuses a horizon before the table's *last* entry, not only its first.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from inkassorules.errors import DataFileError
from inkassorules.law import parse_parameter

URL = "https://www.norges-bank.no/"


def _table(horizon: dt.date, *starts: dt.date) -> dict[str, Any]:
    return {
        "name": "no.late_interest_rate",
        "title": "Forsinkelsesrente",
        "unit": "percent",
        "schedule": "half-yearly",
        "horizon": horizon,
        "values": [
            {"valid_from": day, "value": Decimal("12.5"), "citation": "test value", "url": URL}
            for day in starts
        ],
    }


def test_a_horizon_between_the_first_and_the_last_entry_is_refused() -> None:
    # Entries for 2026 H1 and 2026 H2; a horizon of 30 June 2026 ends before the 2026 H2 entry
    # (1 July 2026) starts. Checking against the first entry (1 January) would let it through.
    document = _table(dt.date(2026, 6, 30), dt.date(2026, 1, 1), dt.date(2026, 7, 1))
    with pytest.raises(DataFileError) as refusal:
        parse_parameter(document, path="rate.toml")
    assert refusal.value.key == "horizon"
    assert "before the last entry" in refusal.value.problem


def test_a_horizon_at_the_end_of_the_last_entrys_half_year_is_accepted() -> None:
    document = _table(dt.date(2026, 12, 31), dt.date(2026, 1, 1), dt.date(2026, 7, 1))
    parameter = parse_parameter(document, path="rate.toml")
    assert parameter.horizon == dt.date(2026, 12, 31)
    assert parameter.first_valid_from == dt.date(2026, 1, 1)
    assert parameter.change_dates == (dt.date(2026, 1, 1), dt.date(2026, 7, 1))
