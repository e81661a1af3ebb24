"""Sverige (Sweden): the Swedish collection rules.

Lag (1981:739) om ersättning för inkassokostnader m.m., inkassolagen (1974:182),
räntelagen (1975:635) and skuldebrevslagen (1936:81) 5 §.

>>> from datetime import date
>>> from inkassorules import se
>>> se.roll_forward(date(2026, 12, 24))  # julafton -> Monday 28 December
datetime.date(2026, 12, 28)
"""

from inkassorules.se.calendar import (
    add_business_days,
    is_business_day,
    next_business_day,
    roll_forward,
)

CODE = "SE"
CURRENCY = "SEK"

__all__ = [
    "CODE",
    "CURRENCY",
    "add_business_days",
    "is_business_day",
    "next_business_day",
    "roll_forward",
]
