"""A user's test suite, as CI runs it in a clean venv with only ``inkassorules[hypothesis]``.

It checks that the package's hypothesis entry point registers the library's types, so that
``st.from_type(inkassorules.Claim)`` works with no import of ``inkassorules.strategies``.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import inkassorules


@settings(max_examples=200)
@given(st.from_type(inkassorules.Claim), st.from_type(inkassorules.Money))
def test_claims_from_type(claim: inkassorules.Claim, money: inkassorules.Money) -> None:
    assert isinstance(claim, inkassorules.Claim)
    assert claim.principal.is_positive
    assert claim.currency == inkassorules.jurisdiction(claim.jurisdiction).CURRENCY
    assert isinstance(money, inkassorules.Money)


if __name__ == "__main__":
    test_claims_from_type()
    print("user suite: st.from_type(inkassorules.Claim) works (200 examples)")
