"""Kronofogden (the Swedish Enforcement Authority): its fees and the betalningsföreläggande step.

* :func:`payment_order_application_fee`: ansökningsavgift, 300 kr, for betalningsföreläggande
  and handräckning (1 § förordning 1992:1094); the applicant may claim it from the debtor.
* :func:`payment_order_cost_cap`: what the applicant may claim for its own work or an ombud,
  380 kr (handräckning 420 kr) in cases filed from 2014-01-01 (48 § lag 1990:746).
* :func:`enforcement_basic_fee`: grundavgift for verkställighet, 600 kr from 2017-07-01 (6 §
  förordning 1992:1094 as worded by SFS 2017:471).
* :func:`check_payment_order_allowed` / :func:`is_payment_order_allowed`: a disputed claim
  (sakligt grundad invändning) goes to court, not to betalningsföreläggande, and no legal step
  may be taken before a krav under 5 § inkassolagen was sent and its deadline passed (6 §).

Dates the sources do not establish raise :class:`~inkassorules.errors.NotInForce`: the
ansökningsavgift between 1992-01-02 and 2008-12-11 (the day it went from 200 to 300 kr was not
found), the own-work caps before 2014-01-01 (340/375 kr under F 2006:882, start date not
verified), and the grundavgift before 2017-07-01 (the amount under the earlier wording, SFS
2007:795, was not retrieved).

>>> from datetime import date
>>> payment_order_application_fee(filed_on=date(2026, 5, 4)).amount
Money(amount=Decimal('300.00'), currency='SEK')
>>> payment_order_cost_cap(filed_on=date(2026, 5, 4)).amount
Money(amount=Decimal('380.00'), currency='SEK')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from inkassorules._checks import check_date, check_law
from inkassorules.errors import InvalidInput, RuleRefused
from inkassorules.fees import FeeCap
from inkassorules.law import Citation, builtin
from inkassorules.money import MINOR_UNIT

if TYPE_CHECKING:
    import datetime as dt

    from inkassorules.law import Entry, LawBook
    from inkassorules.money import Money

__all__ = [
    "check_payment_order_allowed",
    "enforcement_basic_fee",
    "is_payment_order_allowed",
    "payment_order_application_fee",
    "payment_order_cost_cap",
]

_APPLICATION_FEE: Final = "se.kronofogden.application_fee"
_OWN_WORK: Final = "se.kronofogden.own_work_payment_order"
_OWN_WORK_ASSISTANCE: Final = "se.kronofogden.own_work_summary_proceedings"
_ENFORCEMENT_FEE: Final = "se.kronofogden.enforcement_basic_fee"

_DISPUTED: Final = Citation(
    "a claim with a sakligt grundad invändning is decided by a court (stämning), not by "
    "betalningsföreläggande (Finansinspektionen; IMY)",
    "https://finansinspektionen.se/sv/konsumentskydd/inkasso/fragor-och-svar/",
)
_DEMAND_FIRST: Final = Citation(
    "6 § inkassolagen (1974:182): no legal action before a krav meeting 5 § was sent and its "
    "deadline has passed (Finansinspektionen)",
    "https://lagen.nu/1974:182",
)


def _fee(entry: Entry[Money], reason: str) -> FeeCap:
    amount = entry.value.rounded(to=MINOR_UNIT)
    return FeeCap(amount=amount, reasons=(f"{reason}: {amount}",), basis=(entry.citation,))


def payment_order_application_fee(*, filed_on: dt.date, law: LawBook | None = None) -> FeeCap:
    """Ansökningsavgift (Kronofogden's application fee for a payment order).

    The fee for an application for betalningsföreläggande, vanlig or särskild handräckning or a
    European payment order: 300 kr (1 § förordning 1992:1094, as worded by SFS 2008:893), paid
    even if the application is withdrawn. The applicant may claim it from the debtor
    (48 § 3 st lag 1990:746). Before that: 200 kr from 1992-01-01 (2 § F 1991:1583, medium
    confidence); the day it changed was not found.

    >>> from datetime import date
    >>> payment_order_application_fee(filed_on=date(2008, 12, 12)).amount
    Money(amount=Decimal('300.00'), currency='SEK')

    Args:
        filed_on: the day the application is filed.
        law: the law book to read; None for the built-in data.

    Returns:
        The fee.

    Raises:
        NotInForce: before 1992-01-01 and from 1992-01-02 to 2008-12-11 (not established).
    """
    check_law(law)
    check_date(filed_on, "filed_on")
    entry = (law or builtin()).amount(_APPLICATION_FEE, filed_on)
    return _fee(entry, f"ansökningsavgift for an application filed {filed_on.isoformat()}")


def payment_order_cost_cap(
    *, filed_on: dt.date, enforcement_assistance: bool = False, law: LawBook | None = None
) -> FeeCap:
    """Ersättning för eget arbete eller ombud (the applicant's claimable cost cap at Kronofogden).

    The most the applicant may claim from the debtor for its own work or an ombud: 380 kr in a
    betalningsföreläggande case and 420 kr in a handräckning case filed from 2014-01-01
    (48 § lag 1990:746, SFS 2013:1062); more only for särskilda skäl. The fees and costs of
    48 § 3 st (application fee, delgivning, ...) come on top.

    >>> from datetime import date
    >>> payment_order_cost_cap(filed_on=date(2014, 1, 1), enforcement_assistance=True).amount
    Money(amount=Decimal('420.00'), currency='SEK')

    Args:
        filed_on: the day the application is filed.
        enforcement_assistance: True for handräckning, False for betalningsföreläggande.
        law: the law book to read; None for the built-in data.

    Returns:
        The cap.

    Raises:
        NotInForce: for cases filed before 2014-01-01 (340/375 kr under F 2006:882 apply from a
            date that was not verified).
        InvalidInput: for arguments of the wrong type.
    """
    check_law(law)
    check_date(filed_on, "filed_on")
    if not isinstance(enforcement_assistance, bool):
        raise InvalidInput(
            f"enforcement_assistance must be True or False, got {enforcement_assistance!r}"
        )
    name = _OWN_WORK_ASSISTANCE if enforcement_assistance else _OWN_WORK
    case = "handräckning" if enforcement_assistance else "betalningsföreläggande"
    entry = (law or builtin()).amount(name, filed_on)
    return _fee(
        entry,
        f"own work or ombud in a {case} case filed {filed_on.isoformat()}, at most "
        "(more only for särskilda skäl)",
    )


def enforcement_basic_fee(*, applied_on: dt.date, law: LawBook | None = None) -> FeeCap:
    """Grundavgift vid verkställighet (Kronofogden's basic enforcement fee).

    600 kr from 2017-07-01: 6 § förordning (1992:1094) om avgifter vid Kronofogdemyndigheten as
    worded by SFS 2017:471, the amount Kronofogden's fee table still gives. The debtor pays it in
    principle; the applicant pays if the debtor cannot. The amount before 2017-07-01 (wording of
    SFS 2007:795) was not retrieved.

    >>> from datetime import date
    >>> enforcement_basic_fee(applied_on=date(2017, 7, 1)).amount
    Money(amount=Decimal('600.00'), currency='SEK')

    Args:
        applied_on: the day enforcement is applied for.
        law: the law book to read; None for the built-in data.

    Returns:
        The fee.

    Raises:
        NotInForce: before 2017-07-01 (the earlier amount was not retrieved; supply it with
            LawBook.extend).
    """
    check_law(law)
    check_date(applied_on, "applied_on")
    entry = (law or builtin()).amount(_ENFORCEMENT_FEE, applied_on)
    return _fee(entry, f"grundavgift for enforcement applied for {applied_on.isoformat()}")


def _refusal(
    applied_on: dt.date, demand_deadline: dt.date | None, disputed: object
) -> RuleRefused | None:
    check_date(applied_on, "applied_on")
    if not isinstance(disputed, bool):
        raise InvalidInput(f"disputed must be True or False, got {disputed!r}")
    if disputed:
        return RuleRefused(
            "a disputed claim (sakligt grundad invändning) cannot go to betalningsföreläggande; "
            "the creditor must sue in court, or apply for the undisputed part only",
            rule=_DISPUTED.rule,
        )
    if demand_deadline is None:
        return RuleRefused(
            "no inkassokrav meeting 5 § inkassolagen has been sent", rule=_DEMAND_FIRST.rule
        )
    check_date(demand_deadline, "demand_deadline")
    if applied_on <= demand_deadline:
        return RuleRefused(
            f"the inkassokrav's deadline {demand_deadline.isoformat()} has not passed on "
            f"{applied_on.isoformat()}",
            rule=_DEMAND_FIRST.rule,
        )
    return None


def check_payment_order_allowed(
    *, applied_on: dt.date, demand_deadline: dt.date | None, disputed: bool = False
) -> None:
    """Betalningsföreläggande: may the creditor apply to Kronofogden now?

    No, if the debtor has raised a sakligt grundad invändning (the claim goes to court: FI,
    IMY); no, before a krav under 5 § inkassolagen has been sent and its deadline has passed
    (6 § inkassolagen). A partial dispute leaves the undisputed part: pass ``disputed=False``
    for an application limited to it. Whether an objection is sakligt grundad (not ordered,
    not delivered as ordered, already paid; not inability to pay) is for the caller to judge.

    >>> from datetime import date
    >>> check_payment_order_allowed(
    ...     applied_on=date(2026, 4, 1), demand_deadline=date(2026, 3, 20), disputed=True
    ... )
    Traceback (most recent call last):
        ...
    inkassorules.errors.RuleRefused: a disputed claim (sakligt grundad invändning) cannot go ...

    Args:
        applied_on: the day of the application.
        demand_deadline: the last day the inkassokrav gave to pay or object; None if no krav
            was sent.
        disputed: True if the debtor raised a sakligt grundad invändning.

    Raises:
        RuleRefused: naming the rule that refuses.
        InvalidInput: for arguments of the wrong type.
    """
    refusal = _refusal(applied_on, demand_deadline, disputed)
    if refusal is not None:
        raise refusal


def is_payment_order_allowed(
    *, applied_on: dt.date, demand_deadline: dt.date | None, disputed: bool = False
) -> bool:
    """True if :func:`check_payment_order_allowed` would not refuse (never raises RuleRefused).

    >>> from datetime import date
    >>> is_payment_order_allowed(applied_on=date(2026, 4, 1), demand_deadline=date(2026, 3, 20))
    True

    Raises:
        InvalidInput: for arguments of the wrong type.
    """
    return _refusal(applied_on, demand_deadline, disputed) is None
