"""Norge (Norway): the Norwegian collection rules.

Inkassoloven (lov 13. mai 1988 nr. 26), inkassoforskriften (forskrift 14. juli 1989 nr. 562),
forsinkelsesrenteloven (lov 17. desember 1976 nr. 100) and gjeldsbrevloven § 5.

>>> from datetime import date
>>> from inkassorules import no
>>> no.inkassosats(date(2026, 1, 1))
Money(amount=Decimal('750'), currency='NOK')
>>> no.roll_forward(date(2026, 5, 1))  # 1 May (Friday) -> Monday 4 May
datetime.date(2026, 5, 4)
"""

from inkassorules.instalments import NorwegianConsumerCredit
from inkassorules.no.calendar import (
    add_business_days,
    is_business_day,
    next_business_day,
    roll_forward,
)
from inkassorules.no.contact import (
    contact_allowed,
    contact_policy,
    next_contact_window,
    with_inkassolov_2026,
)
from inkassorules.no.fees import (
    FeeLetter,
    LegalDate,
    collection_demand_deadline,
    collection_demand_fee_cap,
    collection_fee_cap,
    collection_notice_deadline,
    collection_notice_fee_cap,
    earliest_fee_date,
    heavy_collection_fee_from,
    legal_collection_deadline,
    reminder_fee_cap,
    standard_compensation,
)
from inkassorules.no.inkassosats import inkassosats, inkassosats_entry
from inkassorules.no.interest import (
    interest_start,
    late_interest,
    late_interest_on_balance,
    late_interest_rate,
    late_interest_rate_entry,
    late_interest_rate_in_force,
)
from inkassorules.no.timeline import next_step, plan

CODE = "NO"
CURRENCY = "NOK"

__all__ = [
    "CODE",
    "CURRENCY",
    "FeeLetter",
    "LegalDate",
    "NorwegianConsumerCredit",
    "add_business_days",
    "collection_demand_deadline",
    "collection_demand_fee_cap",
    "collection_fee_cap",
    "collection_notice_deadline",
    "collection_notice_fee_cap",
    "contact_allowed",
    "contact_policy",
    "earliest_fee_date",
    "heavy_collection_fee_from",
    "inkassosats",
    "inkassosats_entry",
    "interest_start",
    "is_business_day",
    "late_interest",
    "late_interest_on_balance",
    "late_interest_rate",
    "late_interest_rate_entry",
    "late_interest_rate_in_force",
    "legal_collection_deadline",
    "next_business_day",
    "next_contact_window",
    "next_step",
    "plan",
    "reminder_fee_cap",
    "roll_forward",
    "standard_compensation",
    "with_inkassolov_2026",
]
