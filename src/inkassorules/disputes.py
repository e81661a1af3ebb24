"""Innsigelse / bestridande (disputed claims): which collection steps may go on, for how much.

A debtor can dispute a claim in full or in part (:class:`Dispute`). While a dispute that is not
obviously unfounded stands, :func:`may_take_step` answers "may this step be taken for this claim
on this date, and for which amount?":

* Out-of-court steps (reminder, collection notice, collection demand) and their collection costs
  stop for the disputed part. The undisputed part can still be collected.
* Norway: inkassoloven § 17 second paragraph: no collection costs for a claim the debtor had
  reasonable grounds to dispute, even costs incurred before the objection (unless the debtor
  should have objected earlier). A disputed claim goes to forliksrådet or the courts. Whether
  the undisputed part of a partly disputed claim may be collected out of court was NOT FOUND in
  Norwegian sources; the library allows it, following the practice "the debtor may only
  withhold what the defect is worth", and marks such answers as practice (medium confidence).
* Sweden: a claim with a sakligt grundad invändning goes to court (stämning), not to
  Kronofogden's betalningsföreläggande; a betalningsföreläggande may be sought for the
  undisputed part.

The withheld amount is never more than the disputed amount, nor more than the principal.

The steps are the library's one vocabulary, :class:`~inkassorules.steps.StepKind`: the same
kinds the timeline plans and a case's letters record. The legal step
(``StepKind.LEGAL_ACTION``) goes to a *venue*: in Sweden Kronofogden (betalningsföreläggande,
the default) or the court (``venue="tingsrätten"``, stämning); in Norway forliksrådet or the
courts. The earlier enum :class:`Step` (also ``inkassorules.Step``) is deprecated: it is still
accepted for one release (``Step.PAYMENT_ORDER`` means the legal step at Kronofogden,
``Step.COURT`` the legal step at the court) and will then be removed; the timeline's planned
step record keeps its name, ``inkassorules.timeline.Step``.

>>> from datetime import date
>>> from inkassorules import Claim, DebtorKind, Money
>>> claim = Claim(principal=Money.of("10000", "NOK"), due_date=date(2026, 3, 1),
...               jurisdiction="NO", debtor_kind=DebtorKind.CONSUMER)
>>> defect = Dispute(amount=Money.of("2500", "NOK"), raised_on=date(2026, 3, 10),
...                  reason="the delivered door was damaged")
>>> from inkassorules import StepKind
>>> decision = may_take_step(claim, StepKind.COLLECTION_DEMAND, on=date(2026, 4, 1),
...                          disputes=[defect])
>>> decision.allowed, str(decision.amount), str(decision.withheld)
(True, '7500.00 NOK', '2500.00 NOK')
>>> decision.provisional  # collecting the undisputed part is practice in Norway
True
"""

from __future__ import annotations

import datetime as dt
import enum
import warnings
from typing import TYPE_CHECKING, Final, NoReturn

import attrs

from inkassorules._checks import check_date, check_id, check_items, refuse_unknown_member
from inkassorules.claims import Claim
from inkassorules.errors import CurrencyMismatch, InvalidInput
from inkassorules.law import Citation, any_provisional, explain
from inkassorules.money import Money
from inkassorules.steps import StepKind

if TYPE_CHECKING:
    from collections.abc import Iterable

    from inkassorules.calendar import JurisdictionCode

__all__ = [
    "Dispute",
    "Step",
    "StepDecision",
    "is_step_allowed",
    "may_take_step",
    "withheld_amount",
]


class Step(enum.Enum):
    """Innkrevingsskritt / indrivningsåtgärd (deprecated: use :class:`~inkassorules.StepKind`).

    Accepted by :func:`may_take_step` for one release. ``REMINDER`` (purring /
    betalningspåminnelse), ``COLLECTION_NOTICE`` (inkassovarsel / inkassovarning: in Sweden
    ``StepKind.COLLECTION_WARNING``), ``COLLECTION_DEMAND`` (betalingsoppfordring /
    inkassokrav), ``PAYMENT_ORDER`` (Swedish betalningsföreläggande at Kronofogden: the legal
    step at ``venue="Kronofogden"``; Norway has none) and ``COURT`` (NO forliksråd or
    tingrett; SE stämning at tingsrätten: the legal step at the court).
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        refuse_unknown_member(cls, value)

    REMINDER = "reminder"
    COLLECTION_NOTICE = "collection_notice"
    COLLECTION_DEMAND = "collection_demand"
    PAYMENT_ORDER = "payment_order"
    COURT = "court"

    # Members are singletons compared by identity: the identity hash agrees with that equality
    # and is cheaper than Enum's hash of the member's name.
    __hash__ = object.__hash__


_NO_STOP: Final = Citation(
    "inkassoloven § 1 og § 17 annet ledd; Ot.prp. nr. 2 (1987-88) pkt. 5.7.7: et omtvistet krav "
    "kan ikke inndrives utenrettslig når innsigelsen ikke er åpenbart grunnløs",
    "https://www.inkassoguiden.no/inkassosporsmal/362-nar-er-en-innsigelse-saklig-nok-til-at-"
    "inkasso-ikke-kan-iverksettes",
)
_NO_COSTS: Final = Citation(
    "inkassoloven § 17 annet ledd: ingen inndrivingskostnader for krav skyldneren hadde rimelig "
    "grunn til å bestride, heller ikke kostnader påløpt før innsigelsen",
    "https://advokatwulff.no/hvilket-ansvar-har-skyldner-for-kostnader-ved-utenrettslig-"
    "inndriving/",
)
_NO_PARTIAL: Final = Citation(
    "Practice: the debtor may only withhold what the defect is worth; the undisputed part is "
    "collected (practice.md)",
    "https://kontohjelp.no/kontering/purring-og-inkasso/tvist-innsigelse-mot-kravet",
    "medium",
    note="NOT FOUND in Norwegian law: no source on collecting the undisputed part of a partly "
    "disputed claim out of court (norway.md § 10); the library's choice, marked as practice",
)
_NO_COURT: Final = Citation(
    "Et omtvistet krav avgjøres av forliksrådet eller domstolene (inkassoloven § 1; "
    "Forbrukerrådet)",
    "https://www.forbrukerradet.no/forside/okonomi-og-betaling/inkasso-2/",
)
_SE_STOP: Final = Citation(
    "God inkassosed (4 § inkassolagen 1974:182): en sakligt grundad invändning prövas av "
    "domstol, inte genom betalningsföreläggande (Finansinspektionen)",
    "https://finansinspektionen.se/sv/konsumentskydd/inkasso/fragor-och-svar/",
)
_SE_PARTIAL: Final = Citation(
    "Betalningsföreläggande kan sökas för den ostridiga delen",
    "https://www.interninfo.se/?page_id=236",
    "medium",
    note="one industry source (sweden.md § 8); out-of-court collection of the undisputed part "
    "follows the same reading",
)
_SE_COSTS: Final = Citation(
    "4 § första stycket lag (1981:739) om ersättning för inkassokostnader: ersättning endast för "
    "kostnader som skäligen påkallats för att ta till vara borgenärens rätt",
    "https://www.lagboken.se/Lagboken/start/sfs/sfs/2013/0-99/d_1519649-sfs-2013_56-lag-om-"
    "andring-i-lagen-1981_739-om-ersattning-for-inkassokostnader-m.m",
    "medium",
    note="the statute is high confidence; that out-of-court steps on the disputed part are not "
    "'skäligen påkallade' is the library's reading (sweden.md §§ 1.3, 8)",
)
_STEP_NAMES: Final[dict[JurisdictionCode, dict[StepKind, str]]] = {
    "NO": {
        StepKind.FRIENDLY_REMINDER: "betalingspåminnelse",
        StepKind.REMINDER: "purring",
        StepKind.COLLECTION_NOTICE: "inkassovarsel",
        StepKind.COLLECTION_DEMAND: "betalingsoppfordring",
        StepKind.LEGAL_ACTION: "forliksråd / domstol",
    },
    "SE": {
        StepKind.FRIENDLY_REMINDER: "betalningspåminnelse",
        StepKind.REMINDER: "betalningspåminnelse",
        StepKind.COLLECTION_WARNING: "inkassovarning",
        StepKind.COLLECTION_DEMAND: "inkassokrav",
        StepKind.NOTICE_BEFORE_ENFORCEMENT: "kravbrev inför ansökan hos Kronofogden",
        StepKind.LEGAL_ACTION: "betalningsföreläggande",
    },
}
_SE_COURT_NAME: Final = "stämning vid tingsrätt"
_SE_ENFORCEMENT: Final = "kronofogden"
"""A Swedish venue naming it (in any case) takes a legal step as a betalningsföreläggande."""
_LEGACY: Final[dict[Step, StepKind]] = {
    Step.REMINDER: StepKind.REMINDER,
    Step.COLLECTION_NOTICE: StepKind.COLLECTION_NOTICE,
    Step.COLLECTION_DEMAND: StepKind.COLLECTION_DEMAND,
    Step.PAYMENT_ORDER: StepKind.LEGAL_ACTION,
    Step.COURT: StepKind.LEGAL_ACTION,
}
_LEGACY_VENUES: Final[dict[tuple[JurisdictionCode, Step], str]] = {
    ("SE", Step.PAYMENT_ORDER): "Kronofogden",
    ("SE", Step.COURT): "tingsrätten",
    ("NO", Step.COURT): "forliksrådet",
}


@attrs.frozen(kw_only=True)
class Dispute:
    """Innsigelse / bestridande (a dispute of a claim, in full or in part).

    Attributes:
        amount: the disputed amount: the whole principal, or what the claimed defect is worth.
        raised_on: the day the debtor objected (orally is enough in Norway).
        reason: the debtor's reason, as text.
        reasonable: the caller's assessment that the objection is not obviously unfounded (NO:
            the debtor had reasonable grounds, INKL § 17; SE: sakligt grundad). An unfounded
            dispute (inability to pay, a bare refusal) withholds nothing.
        resolved_on: the day the dispute was clarified and collection may resume, or None.
        id: the collection system's own key for the dispute, if any (a case refuses a second
            event with the same id).
    """

    amount: Money
    raised_on: dt.date
    reason: str
    reasonable: bool = True
    resolved_on: dt.date | None = None
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.amount, Money):
            raise InvalidInput(f"a dispute's amount must be Money, got {self.amount!r}")
        if not self.amount.is_positive:
            raise InvalidInput(f"a dispute's amount must be above zero, got {self.amount}")
        check_date(self.raised_on, "raised_on")
        reason: object = self.reason
        if not isinstance(reason, str) or not reason.strip():
            raise InvalidInput("a dispute needs a reason (free text)")
        if not isinstance(self.reasonable, bool):
            raise InvalidInput(f"reasonable must be True or False, got {self.reasonable!r}")
        if self.resolved_on is not None and check_date(self.resolved_on, "resolved_on") < (
            self.raised_on
        ):
            raise InvalidInput(
                f"a dispute cannot be resolved ({self.resolved_on}) before it was raised "
                f"({self.raised_on})"
            )
        check_id(self.id, "a dispute")

    @classmethod
    def in_full(
        cls, claim: Claim, *, raised_on: dt.date, reason: str, reasonable: bool = True
    ) -> Dispute:
        """A dispute of the whole principal of *claim*."""
        if not isinstance(claim, Claim):
            raise InvalidInput(f"Dispute.in_full needs the Claim disputed, got {claim!r}")
        return cls(
            amount=claim.principal, raised_on=raised_on, reason=reason, reasonable=reasonable
        )

    def stands_on(self, on: dt.date) -> bool:
        """True if the dispute has been raised and is not yet resolved at the end of *on*."""
        check_date(on, "on")
        return self.raised_on <= on and (self.resolved_on is None or on < self.resolved_on)


def _standing(claim: Claim, disputes: Iterable[Dispute], on: dt.date) -> tuple[Dispute, ...]:
    if not isinstance(claim, Claim):
        raise InvalidInput(f"claim must be a Claim, got {claim!r}")
    check_date(on, "on")
    found: list[Dispute] = []
    for dispute in check_items(disputes, "disputes", object):
        if not isinstance(dispute, Dispute):
            raise InvalidInput(f"disputes must be Dispute, got {dispute!r}")
        if dispute.amount.currency != claim.currency:
            raise CurrencyMismatch(claim.currency, dispute.amount.currency, context="a dispute")
        if dispute.amount > claim.principal:
            raise InvalidInput(
                f"a dispute of {dispute.amount} is more than the claim's principal "
                f"{claim.principal}"
            )
        if dispute.stands_on(on):
            found.append(dispute)
    return tuple(found)


def withheld_amount(claim: Claim, disputes: Iterable[Dispute], *, on: dt.date) -> Money:
    """Tilbakeholdt beløp (the amount withheld from collection on *on*).

    The sum of the standing disputes that are not obviously unfounded, at most the principal;
    never more than the disputed amount.

    >>> from datetime import date
    >>> from inkassorules import Claim, DebtorKind, Money
    >>> claim = Claim(principal=Money.of("900", "SEK"), due_date=date(2026, 3, 1),
    ...               jurisdiction="SE", debtor_kind=DebtorKind.CONSUMER)
    >>> str(withheld_amount(claim, [Dispute.in_full(claim, raised_on=date(2026, 3, 5),
    ...     reason="never ordered")], on=date(2026, 3, 4)))
    '0.00 SEK'
    """
    standing = _standing(claim, disputes, on)
    disputed = Money.total((d.amount for d in standing if d.reasonable), currency=claim.currency)
    return min(disputed, claim.principal)


@attrs.frozen(kw_only=True)
class StepDecision:
    """Whether a collection step may be taken for a claim on a day, and for which amount.

    Attributes:
        step: the kind of step asked about (a :class:`~inkassorules.StepKind`).
        venue: where a legal step goes (Sweden: ``"Kronofogden"`` unless the court was asked
            for); ``None`` for the other steps.
        on: the day.
        allowed: True if the step may be taken for some amount.
        amount: the amount the step may be taken for (zero when not allowed).
        withheld: the disputed amount held back from out-of-court collection.
        cost_base: the amount collection costs may be charged on (the undisputed part; in
            Norway this covers costs incurred before the objection as well, INKL § 17 second
            paragraph). Court costs are for the court.
        reasons: plain-language statements of the rules applied.
        basis: the citations of the rules used.
    """

    step: StepKind
    on: dt.date
    allowed: bool
    amount: Money
    withheld: Money
    cost_base: Money
    reasons: tuple[str, ...]
    basis: tuple[Citation, ...]
    venue: str | None = None

    @property
    def provisional(self) -> bool:
        """True if a rule of medium confidence (or practice) was used (see each citation)."""
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The answer, the reasons and the citations, as text."""
        verdict = "allowed" if self.allowed else "not allowed"
        step = self.step.value if self.venue is None else f"{self.step.value} ({self.venue})"
        head = f"{step} on {self.on.isoformat()}: {verdict}, for {self.amount}"
        if self.reasons:
            head += ": " + "; ".join(self.reasons)
        return f"{head}\n{explain(self.basis, notes=True)}" if self.basis else head


def _kind_asked(step: object, code: JurisdictionCode) -> tuple[StepKind, Step | None]:
    """The kind of step *step* names, and the deprecated Step it was given as, if it was."""
    legacy: Step | None = step if isinstance(step, Step) else None
    kind: StepKind | None = step if isinstance(step, StepKind) else None
    if kind is None and legacy is None and isinstance(step, str):
        if step in StepKind._value2member_map_:
            kind = StepKind(step)
        elif step in Step._value2member_map_:
            legacy = Step(step)
    if legacy is not None:
        if code == "NO" and legacy is Step.PAYMENT_ORDER:
            raise InvalidInput(
                "betalningsföreläggande is a Swedish procedure; a disputed Norwegian claim goes "
                "to forliksrådet: use StepKind.LEGAL_ACTION (the deprecated Step.COURT)"
            )
        kind = _LEGACY[legacy]
        if code == "SE" and kind is StepKind.COLLECTION_NOTICE:
            kind = StepKind.COLLECTION_WARNING  # the old enum's notice was the inkassovarning
        venue_hint = ", venue=...)" if kind is StepKind.LEGAL_ACTION else ")"
        warnings.warn(
            f"disputes.Step is deprecated and will be removed in the next release: pass a "
            f"StepKind (Step.{legacy.name} is {kind!s}{venue_hint}",
            DeprecationWarning,
            stacklevel=4,
        )
    if kind is None:
        raise InvalidInput(
            f"step must be a StepKind, one of {[k.value for k in StepKind]}, got {step!r}"
        )
    if kind not in _STEP_NAMES[code]:
        raise InvalidInput(
            f"{kind.value} is not a step of {code} collection; the steps are "
            f"{[k.value for k in _STEP_NAMES[code]]} (Sweden's inkassovarning is "
            "collection_warning, Norway's inkassovarsel collection_notice)"
        )
    return kind, legacy


def _step_and_venue(
    step: object, venue: object, code: JurisdictionCode
) -> tuple[StepKind, str | None, bool]:
    """The kind asked about, its venue, and whether the legal step goes to a court."""
    if venue is not None and (not isinstance(venue, str) or not venue.strip()):
        raise InvalidInput(f"venue must be a non-empty string or None, got {venue!r}")
    kind, legacy = _kind_asked(step, code)
    if legacy is not None and venue is None:
        venue = _LEGACY_VENUES.get((code, legacy))
    if kind is not StepKind.LEGAL_ACTION:
        if venue is not None:
            raise InvalidInput(f"only the legal step has a venue; {kind.value} got {venue!r}")
        return kind, None, False
    if code == "SE":
        venue = "Kronofogden" if venue is None else venue
        return kind, venue, _SE_ENFORCEMENT not in venue.lower()
    return kind, venue, True


def may_take_step(
    claim: Claim,
    step: StepKind | Step | str,
    *,
    on: dt.date,
    disputes: Iterable[Dispute] = (),
    venue: str | None = None,
) -> StepDecision:
    """Omtvistet krav / tvistig fordran (may *step* be taken for *claim* on *on*, for how much?).

    Only disputes are judged here; other conditions of a step (deadlines, content, fees) are
    the business of the rules for that step. Disputes raised after *on*, resolved by *on*, or
    marked not reasonable withhold nothing. *step* is a :class:`~inkassorules.StepKind` of the
    claim's country (or its value; the deprecated :class:`Step` is accepted for one release).
    *venue* is for ``StepKind.LEGAL_ACTION`` only: in Sweden ``"Kronofogden"`` (the default,
    betalningsföreläggande) or a court such as ``"tingsrätten"`` (stämning); in Norway a
    disputed claim goes to forliksrådet or the courts whatever the venue.

    >>> from datetime import date
    >>> from inkassorules import Claim, DebtorKind, Money, StepKind
    >>> claim = Claim(principal=Money.of("5000", "SEK"), due_date=date(2026, 3, 1),
    ...               jurisdiction="SE", debtor_kind=DebtorKind.CONSUMER)
    >>> full = Dispute.in_full(claim, raised_on=date(2026, 3, 20), reason="never ordered")
    >>> may_take_step(claim, StepKind.LEGAL_ACTION, on=date(2026, 4, 1), disputes=[full]).allowed
    False
    >>> court = may_take_step(claim, StepKind.LEGAL_ACTION, on=date(2026, 4, 1),
    ...                       disputes=[full], venue="tingsrätten")
    >>> str(court.amount), court.venue
    ('5000.00 SEK', 'tingsrätten')

    Raises:
        InvalidInput: for an unknown step, a step the claim's country does not have, a venue
            for a step other than the legal step, or a dispute of more than the principal.
        CurrencyMismatch: for a dispute in another currency.
    """
    standing = _standing(claim, disputes, on)
    code = claim.jurisdiction
    checked, venue, court = _step_and_venue(step, venue, code)
    withheld = withheld_amount(claim, standing, on=on)
    undisputed = claim.principal - withheld
    name = _SE_COURT_NAME if code == "SE" and court else _STEP_NAMES[code][checked]
    reasons: list[str] = [
        f"the dispute raised on {dispute.raised_on.isoformat()} is treated as obviously "
        "unfounded (the caller's assessment) and withholds nothing"
        for dispute in standing
        if not dispute.reasonable
    ]
    basis: list[Citation] = []
    if withheld.is_zero:
        return StepDecision(
            step=checked,
            venue=venue,
            on=on,
            allowed=True,
            amount=claim.principal,
            withheld=withheld,
            cost_base=claim.principal,
            reasons=tuple(reasons),
            basis=(_NO_STOP if code == "NO" else _SE_STOP,) if reasons else (),
        )
    partial = undisputed.is_positive
    if court:
        reasons.append(f"a disputed claim is decided by {name}; the whole claim may be brought")
        basis.append(_NO_COURT if code == "NO" else _SE_STOP)
        amount = claim.principal
    else:
        reasons.append(f"{name} stops for the disputed {withheld}")
        basis.append(_NO_STOP if code == "NO" else _SE_STOP)
        if partial:
            reasons.append(f"the undisputed {undisputed} may still be collected")
            basis.append(_NO_PARTIAL if code == "NO" else _SE_PARTIAL)
        amount = undisputed
    if code == "NO":
        reasons.append(
            f"no collection costs on the disputed {withheld}, including costs incurred before "
            "the objection, unless the debtor should have objected earlier"
        )
        basis.append(_NO_COSTS)
    else:
        reasons.append(f"collection costs only on the undisputed {undisputed}")
        basis.append(_SE_COSTS)
    return StepDecision(
        step=checked,
        venue=venue,
        on=on,
        allowed=amount.is_positive,
        amount=amount,
        withheld=withheld,
        cost_base=undisputed,
        reasons=tuple(reasons),
        basis=tuple(basis),
    )


def is_step_allowed(
    claim: Claim,
    step: StepKind | Step | str,
    *,
    on: dt.date,
    disputes: Iterable[Dispute] = (),
    venue: str | None = None,
) -> bool:
    """True if :func:`may_take_step` allows *step* for some amount; never raises for a refusal.

    >>> from datetime import date
    >>> from inkassorules import Claim, DebtorKind, Money
    >>> claim = Claim(principal=Money.of("5000", "NOK"), due_date=date(2026, 3, 1),
    ...               jurisdiction="NO", debtor_kind=DebtorKind.BUSINESS)
    >>> is_step_allowed(claim, "collection_notice", on=date(2026, 4, 1),
    ...     disputes=[Dispute.in_full(claim, raised_on=date(2026, 3, 9), reason="not ordered")])
    False

    Raises:
        InvalidInput: for bad arguments (see :func:`may_take_step`).
    """
    return may_take_step(claim, step, on=on, disputes=disputes, venue=venue).allowed
