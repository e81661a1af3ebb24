"""Sverige (Sweden): the Swedish collection rules.

Lag (1981:739) om ersättning för inkassokostnader m.m., inkassolagen (1974:182),
räntelagen (1975:635) and skuldebrevslagen (1936:81) 5 §.

>>> from datetime import date
>>> from inkassorules import se
>>> se.roll_forward(date(2026, 12, 24))  # julafton -> Monday 28 December
datetime.date(2026, 12, 28)
"""

from inkassorules.instalments import SwedishConsumerCredit
from inkassorules.se.calendar import (
    add_business_days,
    is_business_day,
    next_business_day,
    roll_forward,
)
from inkassorules.se.contact import contact_allowed, contact_policy, next_contact_window
from inkassorules.se.fees import (
    CollectionDemandDeadline,
    check_payment_order_allowed,
    collection_demand_deadline,
    collection_demand_fee_cap,
    enforcement_basic_fee,
    fees_with_standard_compensation,
    instalment_agreement_fee_cap,
    is_payment_order_allowed,
    payment_order_application_fee,
    payment_order_cost_cap,
    reminder_fee_cap,
    standard_compensation,
)
from inkassorules.se.interest import (
    interest_start,
    late_interest,
    late_interest_on_balance,
    late_interest_rate,
    late_interest_rate_in_force,
)
from inkassorules.se.timeline import next_step, plan

CODE = "SE"
CURRENCY = "SEK"

__all__ = [
    "CODE",
    "CURRENCY",
    "CollectionDemandDeadline",
    "SwedishConsumerCredit",
    "add_business_days",
    "check_payment_order_allowed",
    "collection_demand_deadline",
    "collection_demand_fee_cap",
    "contact_allowed",
    "contact_policy",
    "enforcement_basic_fee",
    "fees_with_standard_compensation",
    "instalment_agreement_fee_cap",
    "interest_start",
    "is_business_day",
    "is_payment_order_allowed",
    "late_interest",
    "late_interest_on_balance",
    "late_interest_rate",
    "late_interest_rate_in_force",
    "next_business_day",
    "next_contact_window",
    "next_step",
    "payment_order_application_fee",
    "payment_order_cost_cap",
    "plan",
    "reminder_fee_cap",
    "roll_forward",
    "standard_compensation",
]
