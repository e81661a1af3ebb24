"""Gebyrer og salær (Norwegian collection fee caps) and the dates they depend on.

The most a creditor may charge a debtor for each step of Norwegian collection, with the reasons
and the legal basis of every number:

* :func:`reminder_fee_cap`: purregebyr (inkassoforskriften § 1-2 første ledd);
* :func:`collection_notice_fee_cap`: the fee for an inkassovarsel (§ 1-2 annet ledd);
* :func:`collection_demand_fee_cap`: the creditor's own betalingsoppfordring (§ 1-2 tredje ledd);
* :func:`collection_fee_cap`: salær, lett or tung (inkassoforskriften kapittel 2);
* :func:`standard_compensation`: standardkompensasjon (forsinkelsesrenteloven § 3a);
* the dates: :func:`earliest_fee_date`, :func:`collection_notice_deadline`,
  :func:`collection_demand_deadline`, :func:`heavy_collection_fee_from` and
  :func:`legal_collection_deadline`.

Every cost rule returns zero, with the reason, for a claim the debtor had reasonable grounds to
dispute (inkassoloven § 17 annet ledd: ``reasonably_disputed=True``). Values the research marks
NOT FOUND (the inkassosats for 2014, the salær tables before 2010, some half-years of
standardkompensasjon) are "unknown" in the data: the rules raise
:class:`~inkassorules.errors.NotInForce` on those dates rather than guess.

Not modelled: the six-month reset of the letter fees reported as § 1-3 annet ledd (one secondary
source, medium-low confidence), and the new inkassolov (LOV-2026-05-22-19, not in force).

References:
    inkassoforskriften (FOR-1989-07-14-562) kapittel 1 og 2:
    https://juridika.no/no/forskrift/1989-07-14-562/kapittel_1 ;
    inkassoloven (LOV-1988-05-13-26) §§ 9-11, 17:
    https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/inkassovarsel/ ;
    forsinkelsesrenteloven § 3a.

>>> from datetime import date
>>> cap = reminder_fee_cap(sent_on=date(2026, 3, 20), due_date=date(2026, 3, 2))
>>> cap.amount
Money(amount=Decimal('38'), currency='NOK')
>>> cap.provisional  # the 2026 rounding to whole kroner is medium confidence
True
>>> print(reminder_fee_cap(sent_on=date(2026, 3, 10), due_date=date(2026, 3, 2)).reasons[0])
sent on 2026-03-10, earlier than 14 days after the due date 2026-03-02: the earliest
fee-bearing day is 2026-03-16
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple, cast, get_args

import attrs

from inkassorules._checks import check_date, check_fields, check_int, check_law
from inkassorules.calendar import add_days, add_months, calendar_for
from inkassorules.claims import DebtorKind
from inkassorules.errors import DataFileError, InvalidInput, NotInForce
from inkassorules.fees import FeeCap
from inkassorules.law import Citation, LawBook, UnknownParameter, any_provisional, builtin, explain
from inkassorules.law import book_of as _key_book
from inkassorules.law import cache_key as _book_key
from inkassorules.money import Money, RoundingMode, to_decimal
from inkassorules.no.inkassosats import inkassosats_entry
from inkassorules.steps import StepKind

if TYPE_CHECKING:
    from decimal import Decimal
    from fractions import Fraction

    from inkassorules.law import Entry

__all__ = [
    "FEE_LETTER_KINDS",
    "CollectionDemandDeadline",
    "FeeLetter",
    "LegalDate",
    "collection_demand_deadline",
    "collection_demand_fee_cap",
    "collection_fee_cap",
    "collection_notice_deadline",
    "collection_notice_fee_cap",
    "earliest_fee_date",
    "heavy_collection_fee_from",
    "legal_collection_deadline",
    "reminder_fee_cap",
    "standard_compensation",
]

_NOK: Final = "NOK"
# How many letter fees without earlier letters (law book, kind, sent, due) are kept in memory.
_FEES_KEPT: Final = 4096
_CAP_ROUNDING: Final = "ROUND_DOWN"  # a cap is never overstated: sub-øre parts are dropped

# Data tables (src/inkassorules/data/no/fees/*.toml).
_ROUNDING: Final = "no.fees.letter_fee_rounding"
_EARLIEST_FEE_DAYS: Final = "no.fees.earliest_fee_days"
_SECOND_FEE_DEADLINE_DAYS: Final = "no.fees.second_fee_deadline_days"
_DEMAND_FEE_DEADLINE_DAYS: Final = "no.fees.collection_demand_fee_deadline_days"
_MAX_SMALL_FEE_LETTERS: Final = "no.fees.max_small_fee_letters"
_MAX_DEMAND_FEES: Final = "no.fees.max_collection_demand_fees"
_FEE_TABLE: Final = "no.fees.collection_fee_table"
_BUSINESS_MULTIPLIER: Final = "no.fees.business_multiplier"
_VAT_UPLIFT: Final = "no.fees.vat_uplift"
_HEAVY_FEE_DAYS: Final = "no.fees.heavy_fee_days"
_INSTALMENT_UPLIFT: Final = "no.fees.instalment_uplift"
_INSTALMENT_THRESHOLD: Final = "no.fees.instalment_uplift_threshold"
_NOTICE_DEADLINE_DAYS: Final = "no.fees.collection_notice_deadline_days"
_DEMAND_DEADLINE_DAYS: Final = "no.fees.collection_demand_deadline_days"
_LEGAL_COLLECTION_MONTHS: Final = "no.fees.legal_collection_months"
_STANDARD_COMPENSATION: Final = "no.fees.standard_compensation"

# Citations of rules that are logic, not numbers (shared/domain/norway.md §§ 2.1, 2.3, 3, 6, 10).
_DISPUTED: Final = Citation(
    "inkassoloven § 17 annet ledd (no collection costs for a claim the debtor had reasonable "
    "grounds to dispute)",
    "https://advokatwulff.no/hvilket-ansvar-har-skyldner-for-kostnader-ved-utenrettslig-inndriving/",
)
_LETTER_ORDER: Final = Citation(
    "inkassoforskriften § 1-3 første ledd (two purringer, or one purring and one following "
    "inkassovarsel, then one following betalingsoppfordring)",
    "https://juridika.no/no/forskrift/1989-07-14-562/kapittel_1",
)
_TRANSITION: Final = Citation(
    "FOR-2020-06-19-1248 (transition: claims falling due up to and including 2020-09-30 keep "
    "the 1/10 and 3/10 fees)",
    "https://sergel.no/endringer-i-purregebyr-og-inkassosalaer-fra-1-oktober-2020/",
    confidence="medium",
    note="sergel.no and Vantigo report the due-date transition; the forskrift text was not seen",
)
_NOT_ROLLED: Final = Citation(
    "Ot.prp. nr. 2 (1987-88) s. 114 (the last day of the deadline falls on the same weekday as "
    "the sending day, even if that is a holiday: it is not moved)",
    "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/inkassovarsel/",
)
_FORFALL: Final = Citation(
    "gjeldsbrevloven § 5 annet ledd: a forfallsdag on a Saturday, Sunday, holiday, 1 or 17 May "
    "is postponed to the next working day ('blir forfallsdagen utdrygd til yrkedagen etter'); "
    "the 14 days of inkassoforskriften § 1-2 and inkassoloven § 9's 'etter kravets forfall' run "
    "from that forfall",
    "https://jusinfo.no/pengekravsrett/betalingstid-mv/betalingstid-mv/",
)
_NOT_CONSUMER: Final = Citation(
    "forsinkelsesrenteloven § 4 d (§ 3a does not apply against consumers)",
    "https://kontohjelp.no/kontering/purring-og-inkasso/standardkompensasjon",
)
_OFFSET: Final = Citation(
    "inkassoforskriften §§ 1-5 og 2-6 (as reported): purregebyr and collection costs already "
    "charged are deducted from the standardkompensasjon",
    "https://kontohjelp.no/kontering/purring-og-inkasso/standardkompensasjon",
    confidence="medium",
    note="kontohjelp.no, pluss-ok.no and Vantigo; the forskrift text was not seen",
)
_ALREADY_CHARGED: Final = Citation(
    "inkassoforskriften § 1-1 annet ledd (fees already charged count against the chapter-2 cap)",
    "https://www.fair.no/gebyr-og-sal%C3%A6r",
    confidence="medium",
    note="fair.no: 'Purregebyr skal motregnes inkassosalær'",
)

_DISPUTED_REASON: Final = (
    "the debtor had reasonable grounds to dispute the claim: no collection costs may be "
    "charged, not even those incurred before the objection (inkassoloven § 17 annet ledd)"
)


def __getattr__(name: str) -> object:
    """The deprecated ``LetterKind``: the same enum as :class:`~inkassorules.steps.StepKind`.

    Kept for one release with a ``DeprecationWarning`` (one vocabulary: write ``StepKind``;
    ``FEE_LETTER_KINDS`` are the kinds inkassoforskriften chapter 1 prices).
    """
    if name == "LetterKind":
        import warnings  # noqa: PLC0415 -- only for the deprecated name

        warnings.warn(
            "inkassorules.no.fees.LetterKind is deprecated and will be removed in the next "
            "release: use inkassorules.StepKind (the same enum)",
            DeprecationWarning,
            stacklevel=2,
        )
        return StepKind
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


FEE_LETTER_KINDS: Final = (
    StepKind.REMINDER,
    StepKind.COLLECTION_NOTICE,
    StepKind.COLLECTION_DEMAND,
)


_FRACTIONS: Final[Mapping[StepKind, str]] = {
    StepKind.REMINDER: "no.fees.reminder_fraction",
    StepKind.COLLECTION_NOTICE: "no.fees.collection_notice_fraction",
    StepKind.COLLECTION_DEMAND: "no.fees.collection_demand_fraction",
}
_LETTER_NAMES: Final[Mapping[StepKind, str]] = {
    StepKind.REMINDER: "purring",
    StepKind.COLLECTION_NOTICE: "inkassovarsel",
    StepKind.COLLECTION_DEMAND: "betalingsoppfordring",
}


@attrs.frozen(kw_only=True)
class FeeLetter:
    """Kravbrev (an earlier collection letter on the same claim), as a fee rule needs it.

    >>> from datetime import date
    >>> FeeLetter(kind=StepKind.REMINDER, sent_on=date(2026, 3, 20), deadline=date(2026, 4, 3))
    FeeLetter(kind=<StepKind.REMINDER: 'reminder'>, sent_on=datetime.date(2026, 3, 20), \
deadline=datetime.date(2026, 4, 3), fee_charged=True)

    Attributes:
        kind: purring, inkassovarsel or betalingsoppfordring (``StepKind.REMINDER``,
            ``COLLECTION_NOTICE``, ``COLLECTION_DEMAND``; ``no.fees.LetterKind`` is a
            deprecated alias of ``StepKind``).
        sent_on: the day it was sent.
        deadline: the last day of the payment deadline it set, if it set one.
        fee_charged: whether a fee was charged for it. Only fee-bearing letters count towards
            the limits of inkassoforskriften § 1-3; any letter's missed deadline can satisfy a
            condition that a deadline was missed.
    """

    kind: StepKind
    sent_on: dt.date
    deadline: dt.date | None = None
    fee_charged: bool = True

    def __attrs_post_init__(self) -> None:
        if self.kind not in FEE_LETTER_KINDS:
            raise InvalidInput(
                "FeeLetter.kind must be StepKind.REMINDER, COLLECTION_NOTICE or "
                f"COLLECTION_DEMAND (the letters inkassoforskriften chapter 1 prices), got "
                f"{self.kind!r}"
            )
        check_date(self.sent_on, "FeeLetter.sent_on")
        if self.deadline is not None:
            check_date(self.deadline, "FeeLetter.deadline")
            if self.deadline < self.sent_on:
                raise InvalidInput(
                    f"FeeLetter.deadline {self.deadline} is before its sent_on {self.sent_on}"
                )
        if not isinstance(self.fee_charged, bool):
            raise InvalidInput(f"FeeLetter.fee_charged must be a bool, got {self.fee_charged!r}")


@attrs.frozen(kw_only=True)
class LegalDate:
    """Frist / tidligste dato (a deadline or earliest lawful day), and why.

    Attributes:
        day: the date.
        reasons: how it was counted.
        basis: the citations of the rules and dated values used.
    """

    day: dt.date
    reasons: tuple[str, ...] = ()
    basis: tuple[Citation, ...] = ()

    @property
    def provisional(self) -> bool:
        """True if a value of medium confidence, or one that may be out of date, was used."""
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The date, how it was counted, and the citations, as text."""
        head = self.day.isoformat() + (": " + "; ".join(self.reasons) if self.reasons else "")
        return f"{head}\n{explain(self.basis)}" if self.basis else head


@attrs.frozen(kw_only=True)
class CollectionDemandDeadline(LegalDate):
    """Frist i betalingsoppfordring / skälig tid i inkassokrav (the collection-demand deadline).

    The earliest last day a collection demand (NO betalingsoppfordring, inkassoloven § 10; SE
    inkassokrav, 5 § inkassolagen) may give the debtor to pay or object, and why: the one
    result type of ``no.fees.collection_demand_deadline`` and
    ``se.fees.collection_demand_deadline``.
    Only Sweden counts bank days from the likely receipt; a Norwegian result has
    ``received_on`` and ``bank_day_limit`` ``None``.

    >>> import datetime as dt
    >>> from inkassorules import no, se
    >>> sent = dt.date(2026, 4, 2)
    >>> no.fees.collection_demand_deadline(sent_on=sent).day
    datetime.date(2026, 4, 16)
    >>> se.fees.collection_demand_deadline(sent_on=sent, received_on=sent).day
    datetime.date(2026, 4, 10)

    Attributes:
        sent_on: the day the demand was sent.
        received_on: Sweden: the day it is likely to reach the debtor (the caller's estimate);
            Norway: ``None`` (the deadline runs from sending).
        calendar_day_limit: *sent_on* plus the minimum number of days.
        bank_day_limit: Sweden: *received_on* plus the minimum number of bank days; Norway:
            ``None``.
        day: the later of the limits, the earliest last day: the demand's deadline must not be
            earlier (a :class:`LegalDate`, like every legal date of the library; also
            :attr:`earliest_last_day`, Sweden's earlier name).
        reasons: how the limits were computed.
        basis: the citations used.
    """

    sent_on: dt.date
    received_on: dt.date | None
    calendar_day_limit: dt.date
    bank_day_limit: dt.date | None

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        for name in ("day", "sent_on", "received_on", "calendar_day_limit", "bank_day_limit"):
            value = getattr(self, name)
            if value is not None:  # a day, not a moment (a datetime is a date to isinstance)
                check_date(value, f"CollectionDemandDeadline.{name}")
        # Invariants checked here, not in attrs validators, which can be switched off.
        if (self.received_on is None) != (self.bank_day_limit is None):
            raise InvalidInput("received_on and bank_day_limit are both given or both None")
        if self.received_on is not None and self.received_on < self.sent_on:
            raise InvalidInput(f"received_on {self.received_on} is before sent_on {self.sent_on}")
        limits = [self.calendar_day_limit]
        if self.bank_day_limit is not None:
            limits.append(self.bank_day_limit)
        if self.day != max(limits):
            raise InvalidInput(
                "day (earliest_last_day) must be the later of calendar_day_limit and "
                "bank_day_limit"
            )

    @property
    def earliest_last_day(self) -> dt.date:
        """The earliest last day: :attr:`day` (the name the Swedish result had first)."""
        return self.day

    def allows(self, last_day: dt.date) -> bool:
        """True if a krav naming *last_day* as its deadline gives the debtor enough time."""
        return check_date(last_day, "last_day") >= self.earliest_last_day


# -- helpers ------------------------------------------------------------------------------------


def _book(law: LawBook | None) -> LawBook:
    if law is None:
        return builtin()
    if not isinstance(law, LawBook):
        raise InvalidInput(f"law must be a LawBook or None, got {law!r}")
    return law


def _check_bool(value: object, argument: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"{argument} must be a bool, got {value!r}")
    return value


def _check_nok(value: object, argument: str) -> Money:
    if not isinstance(value, Money):
        raise InvalidInput(f"{argument} must be Money in NOK, got {value!r}")
    if value.currency != _NOK:
        raise InvalidInput(f"{argument} must be in NOK, got {value}")
    if value.is_negative:
        raise InvalidInput(f"{argument} must not be negative, got {value}")
    return value


def _check_letters(
    letters: object, sent_on: dt.date, due_date: dt.date, book: LawBook
) -> tuple[FeeLetter, ...]:
    if type(letters) is tuple and not letters:  # the default: no earlier letters
        return ()
    if isinstance(letters, str | bytes) or not isinstance(letters, Sequence):
        raise InvalidInput(f"earlier_letters must be a sequence of FeeLetter, got {letters!r}")
    checked = []
    for i, letter in enumerate(letters):
        if not isinstance(letter, FeeLetter):
            raise InvalidInput(f"earlier_letters[{i}] must be a FeeLetter, got {letter!r}")
        if letter.sent_on < (forfall := _forfall(due_date, book)):
            raise InvalidInput(
                f"earlier_letters[{i}] was sent on {letter.sent_on}, before "
                f"{_forfall_text(due_date, forfall)}: a purring, inkassovarsel or "
                "betalingsoppfordring follows forfall"
            )
        if letter.sent_on > sent_on:
            raise InvalidInput(
                f"earlier_letters[{i}] was sent on {letter.sent_on}, after this letter "
                f"({sent_on}); give only the letters sent before it"
            )
        checked.append(letter)
    return tuple(sorted(checked, key=lambda letter: letter.sent_on))


def _forfall(due_date: dt.date, book: LawBook | None) -> dt.date:
    """The forfall: *due_date* rolled onto a business day (gjeldsbrevloven § 5)."""
    return calendar_for("NO", law=book).roll_forward(due_date)


def _forfall_text(due_date: dt.date, forfall: dt.date) -> str:
    """'the due date D' or 'the forfall F (due date D, not a business day, postponed)'."""
    if forfall == due_date:
        return f"the due date {due_date}"
    return (
        f"the forfall {forfall} (the due date {due_date} is not a business day and is "
        "postponed, gjeldsbrevloven § 5)"
    )


def _zero(reason: str, *basis: Citation) -> FeeCap:
    return FeeCap(amount=Money.zero(_NOK), reasons=(reason,), basis=tuple(basis))


def _disputed() -> FeeCap:
    return _zero(_DISPUTED_REASON, _DISPUTED)


def _days(book: LawBook, name: str, on: dt.date) -> Entry[int]:
    return book.days(name, on)


# -- chapter 1: letter fees -----------------------------------------------------------------------


def _timing_refusal(
    book: LawBook, sent_on: dt.date, due_date: dt.date, basis: list[Citation]
) -> str | None:
    earliest = _days(book, _EARLIEST_FEE_DAYS, sent_on)
    basis.append(earliest.citation)
    forfall = _forfall(due_date, book)
    if forfall != due_date:
        basis.append(_FORFALL)
    first_day = add_days(forfall, earliest.value)
    if sent_on < first_day:
        return (
            f"sent on {sent_on}, earlier than {earliest.value} days after "
            f"{_forfall_text(due_date, forfall)}: the earliest fee-bearing day is {first_day}"
        )
    return None


def _small_letter_refusal(
    book: LawBook,
    kind: StepKind,
    sent_on: dt.date,
    letters: tuple[FeeLetter, ...],
    basis: list[Citation],
) -> str | None:
    """Why INKF § 1-3 allows no 1/20 fee for this purring or inkassovarsel, or None."""
    charged = [letter for letter in letters if letter.fee_charged]
    name = _LETTER_NAMES[kind]
    demand = next((x for x in charged if x.kind is StepKind.COLLECTION_DEMAND), None)
    if demand is not None:
        basis.append(_LETTER_ORDER)
        return (
            f"a fee-bearing betalingsoppfordring was already sent on {demand.sent_on}: no "
            f"{name} fee may follow it"
        )
    small = [x for x in charged if x.kind is not StepKind.COLLECTION_DEMAND]
    if not small:
        return None
    limit = _days(book, _MAX_SMALL_FEE_LETTERS, sent_on)
    basis.extend((limit.citation, _LETTER_ORDER))
    if len(small) >= limit.value:
        return (
            f"{len(small)} fee-bearing purringer or inkassovarsler were already sent; at most "
            f"{limit.value} may carry a fee"
        )
    first = small[0]
    if first.kind is not StepKind.REMINDER:
        return (
            f"the earlier fee-bearing letter of {first.sent_on} was an inkassovarsel: a further "
            "fee-bearing letter may only follow a purring"
        )
    return _second_fee_refusal(book, first, sent_on, name, basis)


def _second_fee_refusal(
    book: LawBook, first: FeeLetter, sent_on: dt.date, name: str, basis: list[Citation]
) -> str | None:
    """Why the deadline in the first fee-bearing purring does not allow a second fee, or None."""
    minimum = _days(book, _SECOND_FEE_DEADLINE_DAYS, sent_on)
    basis.append(minimum.citation)
    if first.deadline is None:
        return (
            f"the fee-bearing purring of {first.sent_on} set no payment deadline: a second fee "
            f"needs a missed deadline of at least {minimum.value} days set in it"
        )
    if first.deadline < add_days(first.sent_on, minimum.value):
        return (
            f"the deadline {first.deadline} in the purring of {first.sent_on} is shorter than "
            f"{minimum.value} days: no second fee"
        )
    if sent_on <= first.deadline:
        return (
            f"the deadline {first.deadline} in the purring of {first.sent_on} had not run out "
            f"when this {name} was sent on {sent_on}"
        )
    return None


def _demand_refusal(
    book: LawBook, sent_on: dt.date, letters: tuple[FeeLetter, ...], basis: list[Citation]
) -> str | None:
    """Why INKF §§ 1-2 and 1-3 allow no fee for the creditor's own betalingsoppfordring."""
    limit = _days(book, _MAX_DEMAND_FEES, sent_on)
    minimum = _days(book, _DEMAND_FEE_DEADLINE_DAYS, sent_on)
    basis.extend((limit.citation, minimum.citation))
    demands = [x for x in letters if x.fee_charged and x.kind is StepKind.COLLECTION_DEMAND]
    if len(demands) >= limit.value:
        return (
            f"a fee-bearing betalingsoppfordring was already sent on {demands[0].sent_on}: at "
            f"most {limit.value} may carry a fee"
        )
    missed = [
        x
        for x in letters
        if x.kind is not StepKind.COLLECTION_DEMAND
        and x.deadline is not None
        and x.deadline >= add_days(x.sent_on, minimum.value)
        and x.deadline < sent_on
    ]
    if not missed:
        return (
            "a betalingsoppfordring carries a fee only after the debtor missed a deadline of at "
            f"least {minimum.value} days set in an earlier purring or inkassovarsel; none is "
            "among earlier_letters"
        )
    return None


_NEW_ACT: Final = "no.contact.inkassolov_2026_signalled"


@functools.lru_cache(maxsize=64)
def _new_act_from(key: LawBook | None) -> dt.date | None:
    """The first day the new inkassolov may be in force (the signalled date), if known."""
    try:
        return _key_book(key).parameter(_NEW_ACT).first_valid_from
    except UnknownParameter:  # a caller's own book without the marker
        return None


def _under_old_act(book: LawBook, on: dt.date) -> tuple[Citation, ...]:
    """The "new act may be in force" citation for a result on *on* (issue 14 item 10), or ()."""
    starts = _new_act_from(_book_key(book))
    if starts is None or on < starts:
        return ()
    return (book.record(_NEW_ACT, on).citation,)


def _flagged(cap: FeeCap, book: LawBook, on: dt.date) -> FeeCap:
    """*cap*, provisional from the day the new inkassolov may be in force."""
    more = _under_old_act(book, on)
    return attrs.evolve(cap, basis=(*cap.basis, *more)) if more else cap


def _letter_fee(
    kind: StepKind,
    *,
    sent_on: object,
    due_date: object,
    earlier_letters: object,
    reasonably_disputed: object,
    law: LawBook | None,
) -> FeeCap:
    sent = check_date(sent_on, "sent_on")
    due = check_date(due_date, "due_date")
    book = _book(law)
    letters = _check_letters(earlier_letters, sent, due, book)
    if _check_bool(reasonably_disputed, "reasonably_disputed"):
        return _flagged(_disputed(), book, sent)
    if not letters and type(sent) is dt.date and type(due) is dt.date:
        # The common case (no earlier letters) depends only on immutable inputs: memoised.
        return _flagged(_first_letter_fee(_book_key(book), kind, sent, due), book, sent)
    return _flagged(_checked_letter_fee(book, kind, sent, due, letters), book, sent)


@functools.lru_cache(maxsize=_FEES_KEPT)
def _first_letter_fee(key: LawBook | None, kind: StepKind, sent: dt.date, due: dt.date) -> FeeCap:
    """The fee of a letter with no earlier letters (a FeeCap is immutable; errors not kept)."""
    return _checked_letter_fee(_key_book(key), kind, sent, due, ())


def _checked_letter_fee(
    book: LawBook, kind: StepKind, sent: dt.date, due: dt.date, letters: tuple[FeeLetter, ...]
) -> FeeCap:
    basis: list[Citation] = []
    refusal = None
    if kind is StepKind.COLLECTION_DEMAND:
        refusal = _demand_refusal(book, sent, letters, basis)
    else:
        refusal = _timing_refusal(book, sent, due, basis) or _small_letter_refusal(
            book, kind, sent, letters, basis
        )
    if refusal is not None:
        return _zero(refusal, *basis)
    return _full_letter_fee(book, kind, sent, due, basis)


def _full_letter_fee(
    book: LawBook, kind: StepKind, sent: dt.date, due: dt.date, basis: list[Citation]
) -> FeeCap:
    sats = inkassosats_entry(sent, law=book)
    fraction = book.fraction(_FRACTIONS[kind], due)
    rounding_entry = book.record(_ROUNDING, sent)
    quantum, mode = _rounding(rounding_entry)
    reasons = []
    if book.fraction(_FRACTIONS[kind], sent).valid_from != fraction.valid_from:
        basis.append(_TRANSITION)
        reasons.append(
            f"the claim fell due on {due}: the fraction in force on the due date applies"
        )
    exact = sats.value.times(fraction.value)
    amount = exact.rounded(to=quantum, mode=mode)
    reasons.insert(
        0,
        f"{_fraction_text(fraction.value)} of the inkassosats {sats.value} in force on {sent} "
        f"= {exact}, rounded to {quantum} NOK ({mode})",
    )
    return FeeCap(
        amount=amount,
        reasons=tuple(reasons),
        basis=(sats.citation, fraction.citation, rounding_entry.citation, *basis),
    )


def _rounding(entry: Entry[Any]) -> tuple[Decimal, RoundingMode]:
    """Check the shape of a ``no.fees.letter_fee_rounding`` entry: ``{to, mode}``."""
    value = entry.value
    where = f"{entry.parameter} from {entry.valid_from}"
    if not isinstance(value, Mapping) or set(value) != {"to", "mode"}:
        raise DataFileError(where, "value", "a rounding rule is a table with 'to' and 'mode'")
    mode = value["mode"]
    if mode not in get_args(RoundingMode):
        raise DataFileError(where, "value.mode", f"not a rounding mode: {mode!r}")
    try:
        quantum = to_decimal(value["to"], argument="to")
    except InvalidInput as error:
        raise DataFileError(where, "value.to", str(error)) from None
    if quantum <= 0:
        raise DataFileError(where, "value.to", f"must be above zero, got {quantum}")
    return quantum, cast("RoundingMode", mode)


def _fraction_text(fraction: Fraction) -> str:
    return f"{fraction.numerator}/{fraction.denominator}"


def reminder_fee_cap(
    *,
    sent_on: dt.date,
    due_date: dt.date,
    earlier_letters: Sequence[FeeLetter] = (),
    reasonably_disputed: bool = False,
    law: LawBook | None = None,
) -> FeeCap:
    """Purregebyr (Norwegian reminder-fee cap) for one written purring.

    The inkassosats in force on *sent_on* times the fraction in force on *due_date* (1/10 for
    claims falling due up to and including 2020-09-30, 1/20 after), rounded as the regulation
    says (to the whole krone from 2026: 37.50 -> 38, medium confidence). Zero, with the reason,
    when the purring is sent earlier than 14 days after forfall (inkassoforskriften § 1-2
    første ledd; a due date that is not a business day is first postponed to the next one,
    gjeldsbrevloven § 5: due Saturday 2026-06-20, forfall Monday 06-22, first fee day 07-06),
    when inkassoforskriften § 1-3 allows no further fee, or when the claim is
    reasonably disputed (inkassoloven § 17 annet ledd).

    >>> from datetime import date
    >>> reminder_fee_cap(sent_on=date(2025, 3, 20), due_date=date(2025, 3, 2)).amount
    Money(amount=Decimal('35.00'), currency='NOK')
    >>> first = FeeLetter(kind=StepKind.REMINDER, sent_on=date(2026, 3, 20),
    ...                   deadline=date(2026, 4, 3))
    >>> reminder_fee_cap(sent_on=date(2026, 4, 4), due_date=date(2026, 3, 2),
    ...                  earlier_letters=[first]).amount
    Money(amount=Decimal('38'), currency='NOK')

    Args:
        sent_on: the day the purring is sent (the sats is read on this day).
        due_date: the claim's forfallsdato as agreed (rolled onto a business day here).
        earlier_letters: the letters sent earlier on the same claim (see :class:`FeeLetter`);
            a second fee needs a missed deadline of at least 14 days set in the first purring.
        reasonably_disputed: the debtor had reasonable grounds to dispute the claim.
        law: the legal data to use (default: the built-in data).

    Raises:
        NotInForce: on a *sent_on* with no known inkassosats (e.g. 2014) or a *due_date* before
            2002-03-01.
        InvalidInput: for arguments of the wrong kind, or an earlier letter sent after this one.
    """
    check_law(law)
    return _letter_fee(
        StepKind.REMINDER,
        sent_on=sent_on,
        due_date=due_date,
        earlier_letters=earlier_letters,
        reasonably_disputed=reasonably_disputed,
        law=law,
    )


def collection_notice_fee_cap(
    *,
    sent_on: dt.date,
    due_date: dt.date,
    earlier_letters: Sequence[FeeLetter] = (),
    reasonably_disputed: bool = False,
    law: LawBook | None = None,
) -> FeeCap:
    """Gebyr for inkassovarsel (Norwegian collection-notice fee cap).

    Like :func:`reminder_fee_cap` (inkassoforskriften § 1-2 annet ledd: 1/20 of the sats, 1/10
    for claims falling due before 2020-10-01; no fee earlier than 14 days after forfall, the due
    date rolled onto a business day).
    The inkassovarsel counts against the two 1/20 letters of § 1-3: it may carry a fee as the
    first fee-bearing letter, or as the second after a fee-bearing purring whose deadline of at
    least 14 days was missed. No purring is needed first.

    >>> from datetime import date
    >>> collection_notice_fee_cap(sent_on=date(2026, 3, 16), due_date=date(2026, 3, 2)).amount
    Money(amount=Decimal('38'), currency='NOK')

    Raises:
        NotInForce: on dates the data does not cover (see :func:`reminder_fee_cap`).
        InvalidInput: for arguments of the wrong kind.
    """
    check_law(law)
    return _letter_fee(
        StepKind.COLLECTION_NOTICE,
        sent_on=sent_on,
        due_date=due_date,
        earlier_letters=earlier_letters,
        reasonably_disputed=reasonably_disputed,
        law=law,
    )


def collection_demand_fee_cap(
    *,
    sent_on: dt.date,
    due_date: dt.date,
    earlier_letters: Sequence[FeeLetter] = (),
    reasonably_disputed: bool = False,
    law: LawBook | None = None,
) -> FeeCap:
    """Gebyr for egen betalingsoppfordring (Norwegian fee cap for the creditor's own demand).

    3/20 of the inkassosats in force on *sent_on* (3/10 for claims falling due before
    2020-10-01), rounded as for purregebyr (112.50 -> 113 in 2026, medium confidence). Only if
    the debtor missed a deadline of at least 14 days set in an earlier purring or inkassovarsel
    (inkassoforskriften § 1-2 tredje ledd), and only once per claim (§ 1-3). With no
    *earlier_letters* the cap is zero, with that reason.

    >>> from datetime import date
    >>> notice = FeeLetter(kind=StepKind.COLLECTION_NOTICE, sent_on=date(2026, 3, 16),
    ...                    deadline=date(2026, 3, 30))
    >>> collection_demand_fee_cap(sent_on=date(2026, 3, 31), due_date=date(2026, 3, 2),
    ...                           earlier_letters=[notice]).amount
    Money(amount=Decimal('113'), currency='NOK')

    Raises:
        NotInForce: on dates the data does not cover (see :func:`reminder_fee_cap`).
        InvalidInput: for arguments of the wrong kind.
    """
    check_law(law)
    return _letter_fee(
        StepKind.COLLECTION_DEMAND,
        sent_on=sent_on,
        due_date=due_date,
        earlier_letters=earlier_letters,
        reasonably_disputed=reasonably_disputed,
        law=law,
    )


# -- chapter 2: salær ---------------------------------------------------------------------------


class _Band(NamedTuple):  # private: a NamedTuple is ~0.3 ms cheaper to import than attrs
    up_to: Decimal | None
    light: Decimal
    heavy: Decimal


def _bands(entry: Entry[object]) -> tuple[_Band, ...]:
    """Check the shape of a salær table entry and read its bands."""
    where = f"{entry.parameter} from {entry.valid_from}"
    value = entry.value
    if not isinstance(value, tuple) or not value:
        raise DataFileError(where, "value", "a salær table must be a non-empty array of bands")
    bands: list[_Band] = []
    for i, raw in enumerate(value):
        if not isinstance(raw, Mapping) or set(raw) - {"up_to", "light", "heavy"}:
            raise DataFileError(where, f"value[{i}]", "a band has up_to, light and heavy only")
        try:
            up_to = None if "up_to" not in raw else to_decimal(raw["up_to"], argument="up_to")
            band = _Band(
                up_to=up_to,
                light=to_decimal(raw["light"], argument="light"),
                heavy=to_decimal(raw["heavy"], argument="heavy"),
            )
        except (KeyError, InvalidInput) as error:
            raise DataFileError(where, f"value[{i}]", f"bad band: {error}") from None
        last = i == len(value) - 1
        if (band.up_to is None) != last:
            raise DataFileError(where, f"value[{i}]", "only the last band has no up_to")
        if bands and (band.up_to is not None and band.up_to <= (bands[-1].up_to or 0)):
            raise DataFileError(where, f"value[{i}]", "bands must rise")
        if band.light <= 0 or band.heavy < band.light:
            raise DataFileError(where, f"value[{i}]", "need 0 < light <= heavy")
        bands.append(band)
    return tuple(bands)


def _band_for(bands: tuple[_Band, ...], amount: Money) -> _Band:
    return next(b for b in bands if b.up_to is None or amount.amount <= b.up_to)


def _band_text(bands: tuple[_Band, ...], band: _Band) -> str:
    index = bands.index(band)
    low = bands[index - 1].up_to if index else None
    if band.up_to is None:
        return f"above {low} NOK"
    return f"up to {band.up_to} NOK" if low is None else f"above {low} up to {band.up_to} NOK"


def collection_fee_cap(
    *,
    principal: Money,
    due_date: dt.date,
    paid_on: dt.date,
    debtor_kind: DebtorKind,
    demand_deadline: dt.date,
    interest_before_due: Money | None = None,
    creditor_deducts_vat: bool = True,
    instalments: int = 0,
    fees_already_charged: Money | None = None,
    reasonably_disputed: bool = False,
    law: LawBook | None = None,
) -> FeeCap:
    """Salær (Norwegian collection-fee cap, lett or tung), inkassoforskriften kapittel 2.

    The most the debtor must cover of the creditor's out-of-court collection costs for one
    claim: the inkassosats in force on *paid_on* (the day the main claim is paid, § 2-2) times
    the multiplier of the claim's band (principal plus interest accrued before forfall), from
    the table in force on *due_date* (2010-01-01 or 2020-10-01; before 2010 NOT FOUND).

    * Tung (x 2) when the debtor paid more than 28 days after the betalingsoppfordring
      *demand_deadline* (§ 2-3), otherwise lett.
    * x 1.5 outside consumer relations (§ 2-1).
    * + 25 % when the creditor cannot deduct VAT (§ 2-2 tredje ledd).
    * Avdragsordning with more than 4 instalments: + 1.5 x the sats (+ 25 % without VAT
      deduction; medium confidence, the paragraph was not seen). The business multiplier is
      not applied to this uplift.
    * *fees_already_charged* (purregebyr, inkassovarsel fee, standardkompensasjon received)
      are deducted; the cap never goes below zero.

    The amounts are not rounded by the regulation; the final cap is rounded once, down to the
    øre, so that a cap is never overstated (492.1875 -> 492.18). A salær presupposes a
    betalingsoppfordring (inkassoloven § 10), hence the required
    *demand_deadline*; whether one may be charged at all (e.g. inkassoloven § 17 tredje ledd: no
    inkassator fee when the debtor paid within the inkassovarsel deadline) is for the caller.

    >>> from datetime import date
    >>> from inkassorules.claims import DebtorKind
    >>> cap = collection_fee_cap(
    ...     principal=Money.of(8000, "NOK"), due_date=date(2026, 1, 15),
    ...     paid_on=date(2026, 3, 1), debtor_kind=DebtorKind.CONSUMER,
    ...     demand_deadline=date(2026, 2, 20))
    >>> cap.amount
    Money(amount=Decimal('600.00'), currency='NOK')

    Raises:
        NotInForce: for a *due_date* before 2010-01-01 (tables NOT FOUND), a *paid_on* with no
            known inkassosats, or an instalment uplift before 2017 (NOT FOUND).
        InvalidInput: for arguments of the wrong kind or amounts in another currency.
    """
    check_law(law)
    amount = _check_nok(principal, "principal")
    if not amount.is_positive:
        raise InvalidInput(f"principal must be above zero, got {amount}")
    due = check_date(due_date, "due_date")
    paid = check_date(paid_on, "paid_on")
    deadline = check_date(demand_deadline, "demand_deadline")
    if deadline <= due:
        raise InvalidInput(
            f"demand_deadline {deadline} must be after the due date {due}: a "
            "betalingsoppfordring follows forfall and an expired inkassovarsel"
        )
    kind = _check_debtor_kind(debtor_kind)
    interest = _optional_nok(interest_before_due, "interest_before_due")
    charged = _optional_nok(fees_already_charged, "fees_already_charged")
    deducts_vat = _check_bool(creditor_deducts_vat, "creditor_deducts_vat")
    count = check_int(instalments, "instalments", minimum=0)
    book = _book(law)
    if _check_bool(reasonably_disputed, "reasonably_disputed"):
        return _disputed()

    table = book.record(_FEE_TABLE, due)
    bands = _bands(table)
    basis_amount = amount + interest
    band = _band_for(bands, basis_amount)
    heavy_days = _days(book, _HEAVY_FEE_DAYS, deadline)
    heavy = paid > add_days(deadline, heavy_days.value)
    sats = inkassosats_entry(paid, law=book)
    multiplier = band.heavy if heavy else band.light
    basis: list[Citation] = [table.citation, heavy_days.citation, sats.citation]
    which = "tung" if heavy else "lett"
    more = "more" if heavy else "not more"
    reasons = [
        (
            f"claim {basis_amount} ({_band_text(bands, band)}): {which} salær, paid on "
            f"{paid}, {more} than {heavy_days.value} days after the betalingsoppfordring "
            f"deadline {deadline}"
        ),
        f"{multiplier} x the inkassosats {sats.value} in force on {paid}",
    ]
    cap = sats.value.times(multiplier)
    if not kind.is_consumer:
        business = book.number(_BUSINESS_MULTIPLIER, due)
        basis.append(business.citation)
        reasons.append(f"x {business.value} outside consumer relations")
        cap = cap.times(business.value)
    vat: Decimal | None = None
    if not deducts_vat:
        vat_entry = book.number(_VAT_UPLIFT, due)
        vat = vat_entry.value
        basis.append(vat_entry.citation)
        reasons.append(f"+ {vat} of it: the creditor cannot deduct VAT")
        cap += cap.times(vat)
    if count:
        cap += _instalment_uplift(
            book, count, sats=sats.value, paid=paid, vat=vat, reasons=reasons, basis=basis
        )
    capped = cap.rounded(mode=_CAP_ROUNDING)
    return _less_charged(capped, charged, reasons, basis, _ALREADY_CHARGED)


def _check_debtor_kind(value: object) -> DebtorKind:
    if not isinstance(value, DebtorKind):
        raise InvalidInput(f"debtor_kind must be a DebtorKind, got {value!r}")
    return value


def _optional_nok(value: object, argument: str) -> Money:
    return Money.zero(_NOK) if value is None else _check_nok(value, argument)


def _instalment_uplift(
    book: LawBook,
    count: int,
    *,
    sats: Money,
    paid: dt.date,
    vat: Decimal | None,
    reasons: list[str],
    basis: list[Citation],
) -> Money:
    """The avdragsordning uplift of the chapter-2 cap (zero for too few instalments)."""
    threshold = _days(book, _INSTALMENT_THRESHOLD, paid)
    basis.append(threshold.citation)
    if count <= threshold.value:
        reasons.append(
            f"no avdragsordning uplift: {count} instalments, not more than {threshold.value}"
        )
        return Money.zero(_NOK)
    factor = book.number(_INSTALMENT_UPLIFT, paid)
    basis.append(factor.citation)
    uplift = sats.times(factor.value)
    if vat is not None:
        uplift += uplift.times(vat)
    with_vat = ", with the VAT uplift" if vat is not None else ""
    reasons.append(
        f"+ {uplift} for an avdragsordning of {count} instalments (more than "
        f"{threshold.value}: {factor.value} x the sats{with_vat})"
    )
    return uplift


def _less_charged(
    gross: Money,
    charged: Money,
    reasons: list[str],
    basis: list[Citation],
    offset: Citation,
) -> FeeCap:
    """*gross* less what was already charged, never below zero."""
    if charged.is_zero:
        return FeeCap(amount=gross, reasons=tuple(reasons), basis=tuple(basis))
    basis.append(offset)
    net = gross - charged
    if not net.is_positive:
        reasons.append(f"fees already charged ({charged}) use up the whole {gross}")
        return FeeCap(amount=Money.zero(_NOK), reasons=tuple(reasons), basis=tuple(basis))
    reasons.append(f"{gross} less fees already charged {charged}")
    return FeeCap(amount=net, reasons=tuple(reasons), basis=tuple(basis))


# -- forsinkelsesrenteloven § 3a ------------------------------------------------------------------


def standard_compensation(
    *,
    due_date: dt.date,
    debtor_kind: DebtorKind,
    figure_date: dt.date,
    fees_already_charged: Money | None = None,
    reasonably_disputed: bool = False,
    law: LawBook | None = None,
) -> FeeCap:
    """Standardkompensasjon (Norwegian B2B compensation for recovery costs, FRL § 3a).

    EUR 40 in NOK, fixed per half-year (``no.fees.standard_compensation``). Never against a
    consumer (FRL § 4 d: zero with that reason); the law applies to claims falling due from
    2013-03-16. Unlike the Swedish förseningsersättning it is not limited to a business
    creditor's claim for goods or services: Prop. 150 L (2011-2012) describes it as owed "når det
    skal betalast forseinkingsrente etter lova" (medium confidence, the § 3a text was not
    retrieved), so ``Claim.creditor_kind`` and ``Claim.claim_kind`` are not read here. Which
    half-year's figure applies, the one in force on the due date or on the
    claim date, is not settled by the sources: the caller chooses with the required
    *figure_date*. The compensation offsets purregebyr and collection costs rather than
    stacking (medium confidence): *fees_already_charged* are deducted, never below zero.

    >>> from datetime import date
    >>> from inkassorules.claims import DebtorKind
    >>> standard_compensation(due_date=date(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS,
    ...                       figure_date=date(2026, 3, 2)).amount
    Money(amount=Decimal('460'), currency='NOK')
    >>> standard_compensation(due_date=date(2026, 3, 2), debtor_kind=DebtorKind.BUSINESS,
    ...                       figure_date=date(2026, 3, 2),
    ...                       fees_already_charged=Money.of(38, "NOK")).amount
    Money(amount=Decimal('422'), currency='NOK')

    Raises:
        NotInForce: for a *due_date* before 2013-03-16, or a *figure_date* in a half-year the
            research did not establish (2013-03-16 to 2013-06-30, 2014 H2, 2015 H1, 2017 H2).
        RateNotPublished: for a *figure_date* after the table's horizon (2026-12-31).
        InvalidInput: for arguments of the wrong kind.
    """
    check_law(law)
    due = check_date(due_date, "due_date")
    figure_on = check_date(figure_date, "figure_date")
    kind = _check_debtor_kind(debtor_kind)
    charged = _optional_nok(fees_already_charged, "fees_already_charged")
    book = _book(law)
    if _check_bool(reasonably_disputed, "reasonably_disputed"):
        return _disputed()
    if kind.is_consumer:
        return _zero(
            "the debtor is a consumer: no standardkompensasjon (forsinkelsesrenteloven § 4 d)",
            _NOT_CONSUMER,
        )
    table = book.parameter(_STANDARD_COMPENSATION)
    if due < table.first_valid_from:
        raise NotInForce(
            _STANDARD_COMPENSATION,
            due,
            f"forsinkelsesrenteloven § 3a applies to claims falling due from "
            f"{table.first_valid_from}",
        )
    entry = book.amount(_STANDARD_COMPENSATION, figure_on)
    reasons = [
        (
            f"{entry.value} in force on {figure_on} (the figure date is the caller's choice: "
            "the sources do not settle whether the due date or the claim date applies)"
        )
    ]
    return _less_charged(entry.value, charged, reasons, [entry.citation], _OFFSET)


# -- dates and deadlines ------------------------------------------------------------------------


def earliest_fee_date(*, due_date: dt.date, law: LawBook | None = None) -> LegalDate:
    """Tidligste gebyrbelagte purring (earliest day a purring or inkassovarsel carries a fee).

    14 days after forfall (inkassoforskriften § 1-2 første og annet ledd): the due date, or,
    if it is not a business day, the next business day it is postponed to (gjeldsbrevloven
    § 5). A letter may be sent earlier, but then carries no fee.

    >>> from datetime import date
    >>> earliest_fee_date(due_date=date(2026, 3, 2)).day
    datetime.date(2026, 3, 16)
    >>> earliest_fee_date(due_date=date(2026, 6, 20)).day  # Saturday: forfall Monday 22 June
    datetime.date(2026, 7, 6)

    Raises:
        NotInForce: for a due date before the table starts (2002-03-01).
    """
    check_law(law)
    due = check_date(due_date, "due_date")
    book = _book(law)
    days = _days(book, _EARLIEST_FEE_DAYS, due)
    forfall = _forfall(due, book)
    return LegalDate(
        day=add_days(forfall, days.value),
        reasons=(f"{days.value} days after {_forfall_text(due, forfall)}",),
        basis=(days.citation,) if forfall == due else (days.citation, _FORFALL),
    )


def _deadline(name: str, sent_on: object, law: LawBook | None, what: str) -> LegalDate:
    sent = check_date(sent_on, "sent_on")
    book = _book(law)
    days = _days(book, name, sent)
    day = add_days(sent, days.value)
    return LegalDate(
        day=day,
        reasons=(
            (
                f"the {what} deadline must be at least {days.value} days from the sending "
                f"day {sent}; the last day is not moved to a business day"
            ),
        ),
        basis=(days.citation, _NOT_ROLLED, *_under_old_act(book, sent)),
    )


def collection_notice_deadline(*, sent_on: dt.date, law: LawBook | None = None) -> LegalDate:
    """Frist i inkassovarsel (the earliest last day an inkassovarsel's deadline may have).

    At least 14 days from the day the varsel is sent (inkassoloven § 9 annet ledd). The last
    day falls on the same weekday as the sending day, even if it is a holiday: it is not rolled
    onto a business day (Ot.prp. nr. 2 (1987-88) s. 114).

    >>> from datetime import date
    >>> collection_notice_deadline(sent_on=date(2026, 3, 23)).day  # Monday -> Easter Monday
    datetime.date(2026, 4, 6)
    """
    check_law(law)
    return _deadline(_NOTICE_DEADLINE_DAYS, sent_on, law, "inkassovarsel")


def collection_demand_deadline(
    *, sent_on: dt.date, law: LawBook | None = None
) -> CollectionDemandDeadline:
    """Frist i betalingsoppfordring (the earliest last day of a betalingsoppfordring's deadline).

    At least 14 days from the sending day to pay or object (inkassoloven § 10 første ledd),
    counted like the inkassovarsel's deadline and not rolled onto a business day. The result
    has the shape of Sweden's (:func:`inkassorules.se.fees.collection_demand_deadline`): the
    day is ``day`` and ``earliest_last_day``; Norway counts no bank days from receipt, so
    ``received_on`` and ``bank_day_limit`` are ``None``.

    >>> from datetime import date
    >>> deadline = collection_demand_deadline(sent_on=date(2026, 4, 2))
    >>> deadline.day, deadline.earliest_last_day == deadline.day, deadline.bank_day_limit
    (datetime.date(2026, 4, 16), True, None)
    """
    check_law(law)
    legal = _deadline(_DEMAND_DEADLINE_DAYS, sent_on, law, "betalingsoppfordring")
    return CollectionDemandDeadline(
        sent_on=check_date(sent_on, "sent_on"),
        received_on=None,
        calendar_day_limit=legal.day,
        bank_day_limit=None,
        day=legal.day,
        reasons=legal.reasons,
        basis=legal.basis,
    )


def heavy_collection_fee_from(
    *, demand_deadline: dt.date, law: LawBook | None = None
) -> LegalDate:
    """Tung salær (the first payment day on which the tung salær cap applies).

    Tung when the debtor has missed the betalingsoppfordring deadline by more than 28 days
    (inkassoforskriften § 2-3 første ledd): from the 29th day after the deadline, which is day
    43 after sending with a 14-day deadline.

    >>> from datetime import date
    >>> heavy_collection_fee_from(demand_deadline=date(2026, 4, 16)).day
    datetime.date(2026, 5, 15)

    Raises:
        NotInForce: for a deadline before 2010-01-01 (the earlier trigger is NOT FOUND).
    """
    check_law(law)
    deadline = check_date(demand_deadline, "demand_deadline")
    days = _days(_book(law), _HEAVY_FEE_DAYS, deadline)
    return LegalDate(
        day=add_days(deadline, days.value + 1),
        reasons=(
            f"more than {days.value} days after the betalingsoppfordring deadline {deadline}",
        ),
        basis=(days.citation,),
    )


def legal_collection_deadline(*, demand_sent_on: dt.date, law: LawBook | None = None) -> LegalDate:
    """Rettslig inndriving (the last day to start legal collection on a betalingsoppfordring).

    If legal collection has not started within six months after the betalingsoppfordring was
    sent, a new betalingsoppfordring is needed (inkassoloven § 11). Months are added with
    month-end clipping (31 August + 6 months = the last day of February). The exception for a
    risk that recovery will be lost is not modelled.

    >>> from datetime import date
    >>> legal_collection_deadline(demand_sent_on=date(2026, 4, 2)).day
    datetime.date(2026, 10, 2)
    """
    check_law(law)
    sent = check_date(demand_sent_on, "demand_sent_on")
    months = _days(_book(law), _LEGAL_COLLECTION_MONTHS, sent)
    return LegalDate(
        day=add_months(sent, months.value),
        reasons=(
            (
                f"{months.value} months after the betalingsoppfordring of {sent}; later "
                "legal steps need a new betalingsoppfordring"
            ),
        ),
        basis=(months.citation,),
    )
