"""Avdragsordning / amorteringsplan (instalment agreement) and acceleration of the remainder.

An :class:`InstalmentAgreement` is the debt (``total``) split into dated instalments, signed on a
date, with an optional grace period and the fee charged for it. :meth:`InstalmentAgreement.plan`
builds one whose instalments add up to the total exactly, to the øre / öre.
:meth:`InstalmentAgreement.status` says what is paid, what is overdue and what remains on a date;
:func:`accelerate` says whether the whole remainder has fallen due ("hele restbeløpet forfaller" /
"hela skulden förfaller till betalning").

Three acceleration policies exist, chosen by the caller:

* :data:`CONTRACT_TERM` (the default): the plain contract term of practice, "if one instalment is
  not paid on time, the whole remaining amount falls due at once". It is a contract term, not
  law: Norway has no statutory acceleration rule for collection-stage plans (NOT FOUND,
  shared/domain/norway.md § 11); in Sweden outside consumer credit such clauses are judged under
  general contract law.
* :class:`SwedishConsumerCredit`: konsumentkreditlag (2010:1846) 33-34 §§, for agreements signed
  from 2011-01-01 up to 2026-11-19 (from 2026-11-20 the new konsumentkreditlag implementing
  directive (EU) 2023/2225 applies, which the data does not hold: ``NotInForce``). Applying KKrL
  to a collection-stage amorteringsplan is an inference (low-medium confidence).
* :class:`NorwegianConsumerCredit`: finansavtaleloven, early demand only for vesentlig
  mislighold (material breach) after a notice. The library checks the floor practice sets (at
  least three missed instalments) and reads the notice period from data, where it is NOT FOUND
  (``NotInForce`` until the caller supplies it).

Payments are applied to the oldest instalment first. This is the library's convention; for
consumer credit agreements Norwegian finansavtaleloven (2020) § 2-9 (3) is reported to apply the
earliest instalment first unless the debtor designates otherwise (low confidence).

>>> from datetime import date
>>> from inkassorules import Money, Payment
>>> plan = InstalmentAgreement.plan(
...     Money.of("10000", "NOK"), count=12, signed_on=date(2026, 3, 31))
>>> [i.due_date.isoformat() for i in plan.instalments[:3]]
['2026-03-31', '2026-04-30', '2026-05-31']
>>> str(plan.instalments[0].amount), str(plan.instalments[-1].amount)
('833.33 NOK', '833.37 NOK')
>>> paid = [Payment(amount=Money.of("833.33", "NOK"), paid_on=date(2026, 3, 31)),
...         Payment(amount=Money.of("833.33", "NOK"), paid_on=date(2026, 4, 30))]
>>> accelerate(plan, paid, on=date(2026, 5, 31)) is None
True
>>> acceleration = accelerate(plan, paid, on=date(2026, 6, 1))
>>> str(acceleration.amount), acceleration.fell_due_on.isoformat(), acceleration.missed.number
('8333.34 NOK', '2026-05-31', 3)
"""

from __future__ import annotations

import bisect
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

import attrs
from dateutil.relativedelta import relativedelta

from inkassorules import _html, records
from inkassorules._checks import check_date, check_int, check_items, check_law
from inkassorules._html import html_table
from inkassorules.calendar import add_days, add_months, calendar_for
from inkassorules.claims import Payment
from inkassorules.errors import CurrencyMismatch, InvalidInput, RuleRefused
from inkassorules.law import Citation, LawBook, any_provisional, builtin, explain
from inkassorules.money import DECIMAL_CONTEXT, Currency, Money

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from fractions import Fraction

    from inkassorules.calendar import JurisdictionCode

__all__ = [
    "CONTRACT_TERM",
    "MAX_INSTALMENTS",
    "MONTHLY",
    "Acceleration",
    "AccelerationPolicy",
    "AgreementStatus",
    "ConsumerCreditGrounds",
    "ContractTerm",
    "Instalment",
    "InstalmentAgreement",
    "InstalmentStatus",
    "NorwegianConsumerCredit",
    "SwedishConsumerCredit",
    "accelerate",
    "consumer_credit_grounds",
]


MAX_INSTALMENTS: Final = 360
"""The longest schedule the library accepts: 30 years of monthly instalments.

A library limit against runaway input (an amount per instalment of one øre), not a rule of law.
"""

MONTHLY: Final = relativedelta(months=1)
"""The default interval between instalments: one calendar month (dateutil month-end clipping)."""

_JURISDICTION_OF: Final[dict[Currency, JurisdictionCode]] = {"NOK": "NO", "SEK": "SE"}

_OLDEST_FIRST: Final[dict[JurisdictionCode, Citation]] = {
    "NO": Citation(
        "Eldste avdrag først (oldest instalment first): library convention; finansavtaleloven "
        "(2020) § 2-9 (3) is reported to apply the earliest instalment first for credit "
        "agreements unless the debtor designates otherwise",
        "https://www.inkassoguiden.no/artikler/322-pass-pa-at-hovedstol-dekkes-forst-ved-"
        "avdragsordning-med-inkassobyraet",
        "medium",
        note="the research rates the FAL § 2-9 (3) report low confidence (norway.md § 9); "
        "the debtor's own designation comes first",
    ),
    "SE": Citation(
        "Äldsta avbetalningen först (oldest instalment first): library convention; the debtor's "
        "own designation comes first (9 kap. 5 § handelsbalken)",
        "https://lagen.nu/dom/nja/2013s1190",
        "medium",
        note="no Swedish rule on the order between instalments of one plan was researched "
        "(sweden.md § 7)",
    ),
}

_CONTRACT_TERM_CITATION: Final[dict[JurisdictionCode, Citation]] = {
    "NO": Citation(
        "Contract term, not law: avtalevilkår i avdragsordningen, hele restbeløpet forfaller når "
        "et avdrag ikke betales i tide (no statutory acceleration rule found for inkasso "
        "payment plans)",
        "https://www.inkassoguiden.no/inkassosporsmal/199-dette-bor-du-vite-for-du-inngar-en-"
        "avdragsordning-med-inkassobyraet",
        "medium",
        note="a contract term, not statute: NOT FOUND in statute (norway.md § 11); for a "
        "consumer credit agreement finansavtaleloven allows early demand only for vesentlig "
        "mislighold: select NorwegianConsumerCredit",
    ),
    "SE": Citation(
        "Contract term, not law: avtalsvillkor i amorteringsplanen, hela skulden förfaller när "
        "en avbetalning inte betalas i tid (judged under 36 § avtalslagen, for consumer terms "
        "lag 1994:1512)",
        "https://www.konsumenternas.se/lana/olika-lan/om-konsumtionslan/sa-fungerar-ett-lan/"
        "saga-upp-lan",
        "medium",
        note="practice, not statute: no general statutory limit found outside consumer credit "
        "(sweden.md § 9.2, low); for consumer credit select SwedishConsumerCredit",
    ),
}


def _jurisdiction_of(currency: Currency) -> JurisdictionCode:
    return _JURISDICTION_OF[currency]


def _check_money(value: object, argument: str) -> Money:
    if not isinstance(value, Money):
        raise InvalidInput(f"{argument} must be Money, got {value!r}")
    return value


def _check_whole_positive(value: object, argument: str) -> Money:
    money = _check_money(value, argument)
    if not money.is_positive:
        raise InvalidInput(f"{argument} must be above zero, got {money}")
    if not money.is_whole_minor_units:
        raise InvalidInput(f"{argument} must be a whole number of øre/öre, got {money.amount}")
    return money


@attrs.frozen(kw_only=True)
class Instalment:
    """Avdrag / avbetalning (one instalment): its number in the plan, due date and amount.

    Attributes:
        number: 1 for the first instalment, 2 for the next, ...
        due_date: forfallsdato / förfallodag of the instalment (after any rolling).
        amount: what falls due; above zero, whole øre / öre.
    """

    number: int
    due_date: dt.date
    amount: Money

    def __attrs_post_init__(self) -> None:
        check_int(self.number, "number", minimum=1)
        check_date(self.due_date, "due_date")
        _check_whole_positive(self.amount, f"the amount of instalment {self.number}")


def _to_instalments(value: Iterable[Instalment]) -> tuple[Instalment, ...]:
    return check_items(value, "instalments", object)  # the items: checked with the agreement


@attrs.frozen(kw_only=True)
class InstalmentAgreement:
    """Avdragsordning / amorteringsplan (instalment agreement).

    Build one with :meth:`plan`, or give the instalments yourself. The instalments must add up
    to ``total`` exactly, fall due in order, and none before the agreement is signed.

    Attributes:
        total: the debt the agreement covers (hovedstol, interest and costs as agreed); above
            zero, whole øre / öre.
        instalments: the schedule, numbered 1, 2, ... in order of due date.
        signed_on: the day the agreement was made.
        grace_days: calendar days after an instalment's due date in which payment still counts
            as on time (a contract term; 0 = none).
        fee: the fee charged for the agreement (NO avdragsordning uplift, SE amorteringsplan
            fee), as the caller computed it; recorded, not added to ``total``. None if none.
    """

    total: Money
    instalments: tuple[Instalment, ...] = attrs.field(converter=_to_instalments)
    signed_on: dt.date
    grace_days: int = 0
    fee: Money | None = None

    def __attrs_post_init__(self) -> None:
        # Checked here, not in attrs validators, which can be switched off globally.
        total = _check_whole_positive(self.total, "total")
        check_date(self.signed_on, "signed_on")
        check_int(self.grace_days, "grace_days", minimum=0)
        if not self.instalments:
            raise InvalidInput("an instalment agreement needs at least one instalment")
        if len(self.instalments) > MAX_INSTALMENTS:
            raise InvalidInput(
                f"a schedule of {len(self.instalments)} instalments is longer than the library's "
                f"limit of {MAX_INSTALMENTS} (inkassorules.instalments.MAX_INSTALMENTS)"
            )
        _check_schedule(self.instalments, total.currency)
        first = self.instalments[0].due_date
        if first < self.signed_on:
            raise InvalidInput(
                f"the first instalment falls due on {first}, before the agreement is signed "
                f"on {self.signed_on}"
            )
        scheduled = Money.total((i.amount for i in self.instalments), currency=total.currency)
        if scheduled != total:
            raise InvalidInput(
                f"the instalments add up to {scheduled}, not to the total {total}; "
                "use InstalmentAgreement.plan() to split a total exactly"
            )
        if self.fee is not None:
            fee = _check_money(self.fee, "fee")
            if fee.currency != total.currency:
                raise CurrencyMismatch(total.currency, fee.currency, context="the agreement's fee")
            if fee.is_negative:
                raise InvalidInput(f"fee must not be negative, got {fee}")

    @property
    def currency(self) -> Currency:
        """The agreement's currency."""
        return self.total.currency

    def deadline(self, instalment: Instalment) -> dt.date:
        """The last day *instalment* can be paid on time: its due date plus the grace period."""
        if not isinstance(instalment, Instalment):
            raise InvalidInput(f"deadline needs an Instalment, got {instalment!r}")
        return add_days(instalment.due_date, self.grace_days)

    @classmethod
    def plan(
        cls,
        total: Money,
        *,
        signed_on: dt.date,
        count: int | None = None,
        amount_per_instalment: Money | None = None,
        first_due: dt.date | None = None,
        every: relativedelta = MONTHLY,
        first_at_signing: bool = True,
        roll: str | Callable[[dt.date], dt.date] | None = None,
        grace_days: int = 0,
        fee: Money | None = None,
        remainder: Literal["first", "last"] = "last",
        law: LawBook | None = None,
    ) -> InstalmentAgreement:
        """Avdragsplan / amorteringsplan (a schedule that adds up to the total exactly).

        Give exactly one of *count* (the total is split into that many instalments; the øre
        that do not divide evenly go to the ``"last"`` instalment, or the ``"first"``) or
        *amount_per_instalment* (every instalment is that amount; the last one is the smaller
        rest).

        Due dates are ``first_due + k * every`` for k = 0, 1, ..., always counted from the first
        due date, never chained, so month-end days are kept where the month has them (31 Jan,
        28 Feb, 31 Mar, ...). With *first_at_signing* (the default, as practice asks) the first
        instalment falls due on *signed_on*, and *first_due* may be left out. *roll* moves each
        due date onto a business day: ``"NO"`` (gjeldsbrevloven § 5) or ``"SE"``
        (skuldebrevslagen 5 §) uses that country's calendar's ``roll_forward``; a callable is
        used as given.

        >>> from datetime import date
        >>> from inkassorules import Money
        >>> plan = InstalmentAgreement.plan(Money.of("1000", "SEK"), count=3,
        ...     signed_on=date(2026, 1, 31), roll="SE")
        >>> [(i.due_date.isoformat(), str(i.amount)) for i in plan.instalments]
        [('2026-02-02', '333.33 SEK'), ('2026-03-02', '333.33 SEK'), ('2026-03-31', '333.34 SEK')]

        Raises:
            InvalidInput: for a count below 1, an amount of zero or less, a schedule longer than
                :data:`MAX_INSTALMENTS`, a first due date before signing (or different from the
                signing date with *first_at_signing*), an interval that does not move forward,
                or amounts in different currencies.
            NotInForce: if *roll* names a calendar that does not cover a due date.
        """
        check_law(law)
        total = _check_whole_positive(total, "total")
        check_date(signed_on, "signed_on")
        first = _first_due(signed_on, first_due, first_at_signing=first_at_signing)
        amounts = _amounts(total, count, amount_per_instalment, remainder)
        roll_to = _roller(roll, law)
        if not isinstance(every, relativedelta):
            raise InvalidInput(f"every must be a dateutil relativedelta, got {every!r}")
        instalments: list[Instalment] = []
        previous = None
        for k, amount in enumerate(amounts):
            try:
                base: dt.date = first + every * k
            except (OverflowError, ValueError):
                raise InvalidInput(
                    f"instalment {k + 1} would fall due after the last date Python can hold"
                ) from None
            if previous is not None and base <= previous:
                raise InvalidInput(
                    f"every={every!r} does not move the due date forward ({previous} -> {base})"
                )
            previous = base
            instalments.append(Instalment(number=k + 1, due_date=roll_to(base), amount=amount))
        return cls(
            total=total,
            instalments=tuple(instalments),
            signed_on=signed_on,
            grace_days=grace_days,
            fee=fee,
        )

    def status(self, payments: Iterable[Payment], *, on: dt.date) -> AgreementStatus:
        """Status (what is paid, what is overdue and what remains) at the end of *on*.

        Payments made up to and including *on* count; they are applied to the oldest
        instalment first. An instalment is overdue once its deadline (due date plus grace) has
        passed without it being paid in full.

        >>> from datetime import date
        >>> from inkassorules import Money, Payment
        >>> plan = InstalmentAgreement.plan(Money.of("300", "NOK"), count=3,
        ...     signed_on=date(2026, 1, 15))
        >>> status = plan.status(
        ...     [Payment(amount=Money.of("150", "NOK"), paid_on=date(2026, 1, 15))],
        ...     on=date(2026, 2, 20))
        >>> str(status.paid), str(status.overdue), str(status.remaining)
        ('150.00 NOK', '50.00 NOK', '150.00 NOK')

        Raises:
            InvalidInput: for a payment that is not a Payment or is dated before signing.
            CurrencyMismatch: for a payment in another currency.
        """
        check_date(on, "on")
        ledger = _Ledger.of(self, payments)
        rows: list[InstalmentStatus] = []
        # One pass: the instalments before `full` are paid in full by `on`, the one at `full`
        # in part (or not at all), the later ones not at all (payments go oldest first).
        paid_by_then = ledger.paid_by(on)
        full = bisect.bisect_right(ledger.reached, paid_by_then.amount)
        nothing = Money.zero(self.currency)
        overdue = Decimal(0)
        grace = self.grace_days
        for index, instalment in enumerate(self.instalments):
            if index < full:
                paid = instalment.amount
            elif index == full:
                paid = ledger.share_of(index, paid_by_then)
            else:
                paid = nothing
            settled = ledger.settled[index]
            if settled is not None and settled > on:
                settled = None
            deadline = self.deadline(instalment) if grace else instalment.due_date
            late = deadline < on and settled is None
            if late:
                overdue = DECIMAL_CONTEXT.add(
                    overdue, DECIMAL_CONTEXT.subtract(instalment.amount.amount, paid.amount)
                )
            rows.append(
                InstalmentStatus(
                    instalment=instalment,
                    deadline=deadline,
                    paid=paid,
                    settled_on=settled,
                    overdue=late,
                )
            )
        applied = ledger.applied(on)
        return AgreementStatus(
            on=on,
            paid=applied,
            overpaid=ledger.paid_by(on) - applied,
            remaining=self.total - applied,
            overdue=Money(overdue, self.currency),
            instalments=tuple(rows),
            basis=(_OLDEST_FIRST[_jurisdiction_of(self.currency)],),
        )

    def to_records(self) -> list[dict[str, object]]:
        """One typed row per instalment (see :mod:`inkassorules.records`).

        Dates are ``datetime.date``, amounts ``Decimal`` (never floats), with the currency in its
        own column; ``deadline`` is the due date plus the grace period.

        >>> from datetime import date
        >>> from inkassorules import Money
        >>> plan = InstalmentAgreement.plan(Money.of("1000", "NOK"), count=3,
        ...     signed_on=date(2026, 1, 31), grace_days=3)
        >>> plan.to_records()[1]
        {'number': 2, 'due_date': datetime.date(2026, 2, 28), \
'deadline': datetime.date(2026, 3, 3), 'amount': Decimal('333.33'), 'currency': 'NOK'}
        """
        rows = [
            {
                "number": i.number,
                "due_date": i.due_date.isoformat(),
                "deadline": self.deadline(i).isoformat(),
                "amount": _plain(i.amount),
                "currency": i.amount.currency,
            }
            for i in self.instalments
        ]
        return records.typed(rows, InstalmentAgreement)

    def __repr__(self) -> str:
        return _html.agreement_repr(self)

    def _repr_html_(self) -> str:
        """The schedule as an HTML table, with the terms in the footer (for notebooks)."""
        count = len(self.instalments)
        fee = "no fee recorded" if self.fee is None else f"fee {self.fee} (not in the total)"
        return html_table(
            f"Instalment agreement: {self.total} in {count} instalment(s), signed on "
            f"{self.signed_on.isoformat()}",
            self.to_records(),
            footer=(f"grace period {self.grace_days} day(s); {fee}",),
        )


def _check_schedule(instalments: tuple[Instalment, ...], currency: Currency) -> None:
    previous: dt.date | None = None
    for index, instalment in enumerate(instalments, start=1):
        if not isinstance(instalment, Instalment):
            raise InvalidInput(f"instalments must be Instalment, got {instalment!r}")
        if instalment.number != index:
            raise InvalidInput(
                f"instalments must be numbered 1, 2, ... in order; position {index} has "
                f"number {instalment.number}"
            )
        if instalment.amount.currency != currency:
            raise CurrencyMismatch(
                currency, instalment.amount.currency, context=f"instalment {index}"
            )
        if previous is not None and instalment.due_date < previous:
            raise InvalidInput(
                f"instalment {index} falls due on {instalment.due_date}, before instalment "
                f"{index - 1} ({previous}); due dates must not go backwards"
            )
        previous = instalment.due_date


def _first_due(
    signed_on: dt.date, first_due: dt.date | None, *, first_at_signing: bool
) -> dt.date:
    if first_at_signing:
        if first_due is not None and check_date(first_due, "first_due") != signed_on:
            raise InvalidInput(
                f"first_at_signing=True puts the first instalment on the signing date "
                f"{signed_on}, but first_due is {first_due}; leave first_due out or pass "
                "first_at_signing=False"
            )
        return signed_on
    if first_due is None:
        raise InvalidInput("first_due is required when first_at_signing=False")
    if check_date(first_due, "first_due") < signed_on:
        raise InvalidInput(
            f"the first instalment cannot fall due ({first_due}) before the agreement is "
            f"signed ({signed_on})"
        )
    return first_due


def _amounts(
    total: Money,
    count: int | None,
    amount_per_instalment: Money | None,
    remainder: Literal["first", "last"],
) -> tuple[Money, ...]:
    if (count is None) == (amount_per_instalment is None):
        raise InvalidInput("give exactly one of count= and amount_per_instalment=")
    if remainder not in ("first", "last"):
        raise InvalidInput(f"remainder must be 'first' or 'last', got {remainder!r}")
    if count is not None:
        check_int(count, "count", minimum=1)
        if count > MAX_INSTALMENTS:
            raise InvalidInput(
                f"count={count} is longer than the library's limit of {MAX_INSTALMENTS} "
                "instalments (inkassorules.instalments.MAX_INSTALMENTS)"
            )
        if count > int(DECIMAL_CONTEXT.multiply(total.amount, 100)):
            raise InvalidInput(
                f"{total} cannot be split into {count} instalments of at least 0.01"
            )
        return total.split(count, remainder=remainder)
    per = _check_whole_positive(amount_per_instalment, "amount_per_instalment")
    if per.currency != total.currency:
        raise CurrencyMismatch(total.currency, per.currency, context="amount_per_instalment")
    full, rest = divmod(total.amount, per.amount)
    number = int(full) + (1 if rest else 0)
    if number > MAX_INSTALMENTS:
        raise InvalidInput(
            f"{total} in instalments of {per} needs {number} instalments, more than the "
            f"library's limit of {MAX_INSTALMENTS} (inkassorules.instalments.MAX_INSTALMENTS)"
        )
    amounts = [per] * int(full)
    if rest:
        amounts.append(Money(rest, total.currency))
    return tuple(amounts)


def _roller(
    roll: str | Callable[[dt.date], dt.date] | None, law: LawBook | None
) -> Callable[[dt.date], dt.date]:
    if roll is None:
        return lambda day: day
    if isinstance(roll, str):
        return calendar_for(roll, law=law).roll_forward
    if not callable(roll):
        raise InvalidInput(f"roll must be None, 'NO', 'SE' or a callable, got {roll!r}")

    def checked(day: dt.date) -> dt.date:
        return check_date(roll(day), "the date returned by roll")

    return checked


# -- applying payments -----------------------------------------------------------------------


class _Ledger(NamedTuple):
    """Payments in date order, their running totals, and when each instalment was settled.

    Built in one sorted merge over the schedule and the payments (oldest instalment first), so
    every question below is a bisect or a look-up, never a rescan of the payments. Running
    totals are kept as Decimals, added in DECIMAL_CONTEXT in the order Money's own addition and
    Money.total add them, so each is the very amount those give.
    """

    # Private helpers are NamedTuples, not attrs classes: attrs compiles generated methods for
    # each class when the module is imported (~0.3 ms a class).

    agreement: InstalmentAgreement
    payments: tuple[Payment, ...]  # sorted by paid_on (stable)
    paid_days: tuple[dt.date, ...]  # paid_days[k] = payments[k].paid_on
    paid_totals: tuple[Decimal, ...]  # paid_totals[k] = amounts of payments 0..k-1 (0: none)
    reached: tuple[Decimal, ...]  # reached[k] = amounts of instalments 0..k
    settled: tuple[dt.date | None, ...]  # settled[k]: the day instalment k was paid in full

    @classmethod
    def of(cls, agreement: InstalmentAgreement, payments: Iterable[Payment]) -> _Ledger:
        currency = agreement.currency
        checked: list[Payment] = []
        for payment in check_items(payments, "payments", object):
            if not isinstance(payment, Payment):
                raise InvalidInput(f"payments must be Payment, got {payment!r}")
            if payment.amount.currency != currency:
                raise CurrencyMismatch(currency, payment.amount.currency, context="a payment")
            if payment.paid_on < agreement.signed_on:
                raise InvalidInput(
                    f"a payment dated {payment.paid_on} is before the agreement was signed on "
                    f"{agreement.signed_on}; pass only payments made under the agreement"
                )
            checked.append(payment)
        checked.sort(key=lambda p: p.paid_on)
        add = DECIMAL_CONTEXT.add
        running = Decimal(0)
        totals = [running]
        for payment in checked:
            running = add(running, payment.amount.amount)
            totals.append(running)
        # The sorted merge: the schedule's running total against the payments' (both rise, as
        # amounts are above zero); instalment k is settled by the first payment that brings
        # the payments' total up to the schedule's total of instalments 0..k.
        running = Decimal(0)
        reached: list[Decimal] = []
        settled: list[dt.date | None] = []
        count = len(checked)
        at = 1
        for instalment in agreement.instalments:
            running = add(running, instalment.amount.amount)
            reached.append(running)
            while at <= count and totals[at] < running:
                at += 1
            settled.append(checked[at - 1].paid_on if at <= count else None)
        return cls(
            agreement,
            tuple(checked),
            tuple(p.paid_on for p in checked),
            tuple(totals),
            tuple(reached),
            tuple(settled),
        )

    def paid_by(self, day: dt.date) -> Money:
        """Everything paid up to and including *day*."""
        total = self.paid_totals[bisect.bisect_right(self.paid_days, day)]
        return Money(total, self.agreement.currency)

    def applied(self, day: dt.date) -> Money:
        """What was paid up to *day*, capped at the total (the rest is overpayment)."""
        return min(self.paid_by(day), self.agreement.total)

    def before(self, index: int) -> Money:
        """The amounts of the instalments before *index* (0-based)."""
        total = self.reached[index - 1] if index > 0 else Decimal(0)
        return Money(total, self.agreement.currency)

    def paid_towards(self, index: int, day: dt.date) -> Money:
        """How much of instalment *index* (0-based) is paid by *day*."""
        return self.share_of(index, self.paid_by(day))

    def share_of(self, index: int, paid: Money) -> Money:
        """How much of instalment *index* (0-based) a payments' total of *paid* covers."""
        amount = self.agreement.instalments[index].amount
        share = paid - self.before(index)
        if share.is_negative:
            return Money.zero(self.agreement.currency)
        return min(share, amount)

    def settled_on(self, index: int) -> dt.date | None:
        """The day instalment *index* (0-based) was paid in full, or None."""
        return self.settled[index]

    def first_missed(self, day: dt.date) -> Instalment | None:
        """The first instalment whose deadline passed before *day* without full payment."""
        for index, instalment in enumerate(self.agreement.instalments):
            deadline = self.agreement.deadline(instalment)
            if deadline >= day:
                return None
            settled = self.settled[index]
            if settled is None or settled > deadline:
                return instalment
        return None


@attrs.frozen(kw_only=True)
class InstalmentStatus:
    """One instalment on the status date.

    Attributes:
        instalment: the instalment.
        deadline: its due date plus the agreement's grace period.
        paid: how much of it is paid (payments applied oldest instalment first).
        settled_on: the day it was paid in full, or None if it is not yet.
        overdue: True if the deadline has passed and it is not paid in full.
    """

    instalment: Instalment
    deadline: dt.date
    paid: Money
    settled_on: dt.date | None
    overdue: bool

    @property
    def paid_on_time(self) -> bool:
        """True if it was paid in full by its deadline."""
        return self.settled_on is not None and self.settled_on <= self.deadline


@attrs.frozen(kw_only=True)
class AgreementStatus:
    """Status of an instalment agreement at the end of a day.

    Attributes:
        on: the day.
        paid: what has been paid towards the agreement (at most the total).
        overpaid: what was paid beyond the total; never lost, shown here.
        remaining: the total minus ``paid``.
        overdue: the unpaid part of every instalment whose deadline has passed.
        instalments: each instalment's status.
        basis: the rule used to apply payments to instalments.
    """

    on: dt.date
    paid: Money
    overpaid: Money
    remaining: Money
    overdue: Money
    instalments: tuple[InstalmentStatus, ...]
    basis: tuple[Citation, ...]

    def explain(self) -> str:
        """The figures and the rules behind them, as text."""
        head = (
            f"on {self.on.isoformat()}: paid {self.paid}, overdue {self.overdue}, "
            f"remaining {self.remaining}"
        )
        if self.overpaid.is_positive:
            head += f", overpaid {self.overpaid}"
        return f"{head}\n{explain(self.basis, notes=True)}"

    def to_records(self) -> list[dict[str, object]]:
        """One typed row per instalment on the status date (see :mod:`inkassorules.records`).

        ``settled_on`` is a date or None if the instalment is not paid in full by
        :attr:`on`; ``overdue`` and ``paid_on_time`` are booleans; amounts are ``Decimal``.

        >>> from datetime import date
        >>> from inkassorules import Money, Payment
        >>> plan = InstalmentAgreement.plan(Money.of("300", "NOK"), count=3,
        ...     signed_on=date(2026, 1, 15))
        >>> status = plan.status(
        ...     [Payment(amount=Money.of("150", "NOK"), paid_on=date(2026, 1, 15))],
        ...     on=date(2026, 2, 20))
        >>> [(r["number"], r["paid"], r["settled_on"], r["overdue"]) for r in status.to_records()]
        ... # doctest: +NORMALIZE_WHITESPACE
        [(1, Decimal('100.00'), datetime.date(2026, 1, 15), False),
         (2, Decimal('50.00'), None, True), (3, Decimal('0.00'), None, False)]
        """
        rows = [
            {
                "number": s.instalment.number,
                "due_date": s.instalment.due_date.isoformat(),
                "deadline": s.deadline.isoformat(),
                "amount": _plain(s.instalment.amount),
                "paid": _plain(s.paid),
                "unpaid": _plain(s.instalment.amount - s.paid),
                "settled_on": "" if s.settled_on is None else s.settled_on.isoformat(),
                "overdue": s.overdue,
                "paid_on_time": s.paid_on_time,
                "currency": s.instalment.amount.currency,
            }
            for s in self.instalments
        ]
        return records.typed(rows, AgreementStatus)

    def __repr__(self) -> str:
        return _html.status_repr(self)

    def _repr_html_(self) -> str:
        """Each instalment's status as an HTML table, with the totals and the rule (notebooks)."""
        overpaid = f", overpaid {self.overpaid}" if self.overpaid.is_positive else ""
        return html_table(
            f"Instalment agreement status at the end of {self.on.isoformat()}",
            self.to_records(),
            footer=(
                f"paid {self.paid}, overdue {self.overdue}, remaining {self.remaining}{overpaid}",
                *(str(c) for c in self.basis),
            ),
        )


def _plain(money: Money) -> str:
    """An amount as a locale-free decimal string without the currency: ``'833.33'``."""
    return str(money).partition(" ")[0]


# -- acceleration ----------------------------------------------------------------------------


@attrs.frozen
class ContractTerm:
    """Hele restbeløpet forfaller / hela skulden förfaller (the plain contract term).

    One instalment not paid in full by its deadline makes the whole remainder due, from that
    deadline. A contract term, not law: the practice the library serves; no statute requires
    or limits it for Norwegian collection-stage plans (NOT FOUND) or Swedish plans outside
    consumer credit. For consumer credit select :class:`SwedishConsumerCredit` or
    :class:`NorwegianConsumerCredit`.
    """


CONTRACT_TERM: Final = ContractTerm()
"""The default acceleration policy: :class:`ContractTerm`."""


def _check_notices(value: Iterable[dt.date]) -> tuple[dt.date, ...]:
    days = check_items(value, "notices_sent_on", dt.date)
    return tuple(sorted(check_date(day, "notices_sent_on") for day in days))


def _check_unpaid_interest(value: Iterable[dt.date]) -> tuple[dt.date, ...]:
    days = check_items(value, "late_interest_unpaid", dt.date)
    return tuple(sorted(check_date(day, "late_interest_unpaid") for day in days))


@attrs.frozen(kw_only=True)
class SwedishConsumerCredit:
    """Betalning i förtid (konsumentkreditlag (2010:1846) 33-34 §§), a policy the caller selects.

    The creditor may demand early payment only if the consumer is more than one month late with
    more than 10 % of the kreditfordran (33 § first paragraph 1), or with more than 5 % across
    two or more instalments that fell due at different times (point 2), and only with at least
    four weeks' notice from the day the notice is sent (34 §). If the consumer pays the overdue
    amounts plus dröjsmålsränta within the notice period, the acceleration lapses; this cure can
    be used once per credit (Konsumenternas: "betalar de förfallna beloppen plus dröjsmålsränta.
    Men den möjligheten kan du bara utnyttja en gång per lån"). Points 3-5 of 33 § (other
    substantial delay, security, evasion) are judgements the library does not make.

    The payments of the agreement are applied to its instalments, so the ledger does not see
    the dröjsmålsränta: name in *late_interest_unpaid* the notices within whose period the
    consumer did not pay it. By default the library takes the interest as paid with the overdue
    amounts, the reading that cannot accelerate a credit that may have been cured.

    Agreements signed from 2026-11-20 fall under the new konsumentkreditlag implementing
    directive (EU) 2023/2225, whose rules are not in the data: :func:`accelerate` raises
    ``NotInForce`` naming it, unless the caller supplies the values (docs/instalments.md).

    Attributes:
        notices_sent_on: the days the creditor sent a notice of early payment (uppsägning).
        late_interest_unpaid: the notices (by the day each was sent) within whose notice period
            the consumer did not pay the dröjsmålsränta on the overdue amounts; paying the
            amounts alone does not cure those.
    """

    notices_sent_on: tuple[dt.date, ...] = attrs.field(default=(), converter=_check_notices)
    late_interest_unpaid: tuple[dt.date, ...] = attrs.field(
        default=(), converter=_check_unpaid_interest
    )

    def __attrs_post_init__(self) -> None:
        # The converters can be bypassed with attrs.evolve tricks; check again.
        for day in self.notices_sent_on:
            check_date(day, "notices_sent_on")
        for day in self.late_interest_unpaid:
            if check_date(day, "late_interest_unpaid") not in self.notices_sent_on:
                raise InvalidInput(
                    f"late_interest_unpaid names {day.isoformat()}, which is not one of "
                    "notices_sent_on; name the notice by the day it was sent"
                )


@attrs.frozen(kw_only=True)
class NorwegianConsumerCredit:
    """Vesentlig mislighold (finansavtaleloven, a Norwegian consumer-credit policy to select).

    For a consumer credit agreement the creditor may demand the whole remainder early only for
    a vesentlig mislighold (material breach) by the consumer (finansavtaleloven 1999 § 52,
    inkassoguiden; the same condition in finansavtaleloven LOV-2020-12-18-146, whose section
    number was not confirmed), after a written notice. Whether a breach is material is a
    judgement the library does not make. It checks the floor Finansklagenemnda's practice sets
    ("to misligholdte terminer er i utgangspunktet ikke nok", FinKN 2021-11): a notice sent while
    fewer than ``no.consumer_credit.min_missed_instalments`` (3) instalments are overdue is
    refused. The notice period (``no.consumer_credit.notice_days``) was NOT FOUND: after a valid
    notice :func:`accelerate` raises ``NotInForce`` until the caller supplies it with
    ``LawBook.extend(..., replace_unknown=True)``. Whether paying the arrears within the notice
    period undoes the demand was not researched. Applying finansavtaleloven to a
    collection-stage avdragsordning is an inference (a plan giving a consumer time to pay is a
    credit), like the Swedish policy.

    >>> from datetime import date
    >>> from inkassorules import Money, Payment
    >>> loan = InstalmentAgreement.plan(Money.of("12000", "NOK"), count=12,
    ...     signed_on=date(2026, 1, 15))
    >>> paid = [Payment(amount=Money.of("1000", "NOK"), paid_on=date(2026, 1, 15))]
    >>> accelerate(loan, paid, on=date(2026, 6, 1), policy=NorwegianConsumerCredit()) is None
    True
    >>> str(accelerate(loan, paid, on=date(2026, 2, 16)).amount)  # the plain contract term
    '11000.00 NOK'

    Attributes:
        notices_sent_on: the days the creditor sent a written notice that it demands the
            remainder (krav om førtidig tilbakebetaling) because of a material breach.
    """

    notices_sent_on: tuple[dt.date, ...] = attrs.field(default=(), converter=_check_notices)

    def __attrs_post_init__(self) -> None:
        # The converter can be bypassed with attrs.evolve tricks; check again.
        for day in self.notices_sent_on:
            check_date(day, "notices_sent_on")


AccelerationPolicy = ContractTerm | SwedishConsumerCredit | NorwegianConsumerCredit
"""The acceleration policies :func:`accelerate` accepts."""


@attrs.frozen(kw_only=True)
class Acceleration:
    """Förtida förfall / hele restbeløpet forfaller (the whole remainder has fallen due).

    Attributes:
        amount: the whole remaining balance on the day asked: the total minus every payment made
            up to that day, including payments made after the acceleration.
        fell_due_on: the day the remainder fell due: the missed instalment's due date plus the
            grace period (contract term), or the day the notice period ended (KKrL 34 §,
            finansavtaleloven).
        missed: the first instalment not paid on time.
        notice_sent_on: the notice that took effect (consumer-credit policies), or None.
        basis: the rules and dated values used.
    """

    amount: Money
    fell_due_on: dt.date
    missed: Instalment
    notice_sent_on: dt.date | None = None
    basis: tuple[Citation, ...]

    @property
    def provisional(self) -> bool:
        """True if a rule of medium confidence or one that may be out of date was used.

        See each citation (:func:`inkassorules.law.any_provisional`).
        """
        return any_provisional(self.basis)

    def explain(self) -> str:
        """The amount, the missed instalment and the rules, as text."""
        head = (
            f"{self.amount} fell due on {self.fell_due_on.isoformat()}: instalment "
            f"{self.missed.number} ({self.missed.amount}, due "
            f"{self.missed.due_date.isoformat()}) was not paid on time"
        )
        if self.notice_sent_on is not None:
            head += f"; notice sent on {self.notice_sent_on.isoformat()}"
        return f"{head}\n{explain(self.basis, notes=True)}"


@attrs.frozen(kw_only=True)
class ConsumerCreditGrounds:
    """Grund för betalning i förtid (a ground of 33 § first paragraph 1 or 2 KKrL that holds).

    Attributes:
        point: 1 (more than 10 %) or 2 (more than 5 % across two or more instalments).
        late_amount: the unpaid amount that is more than one month late.
        late_instalments: the instalments that amount belongs to.
        threshold: the share of the kreditfordran the late amount exceeds.
        basis: the dated values used.
    """

    point: int
    late_amount: Money
    late_instalments: tuple[Instalment, ...]
    threshold: Money
    basis: tuple[Citation, ...]

    def explain(self) -> str:
        """The ground, the amounts and the rules, as text."""
        return (
            f"33 § första stycket {self.point} KKrL: {self.late_amount} more than one month late "
            f"exceeds {self.threshold}\n{explain(self.basis, notes=True)}"
        )


class _KkrlValues(NamedTuple):
    late_months: int
    single_share: Fraction
    multiple_share: Fraction
    multiple_instalments: int
    notice_days: int
    cures: int
    citations: dict[str, Citation]


def _kkrl_values(agreement: InstalmentAgreement, law: LawBook | None) -> _KkrlValues:
    if not isinstance(agreement, InstalmentAgreement):
        raise InvalidInput(f"an InstalmentAgreement is needed, got {agreement!r}")
    if agreement.currency != "SEK":
        raise InvalidInput(
            "the SwedishConsumerCredit policy (konsumentkreditlag 2010:1846) applies to SEK "
            f"agreements, got one in {agreement.currency}"
        )
    book = law or builtin()
    on = agreement.signed_on  # the thresholds of the day the agreement was made
    late = book.days("se.consumer_credit.late_months", on)
    single = book.fraction("se.consumer_credit.single_share", on)
    multiple = book.fraction("se.consumer_credit.multiple_share", on)
    count = book.days("se.consumer_credit.multiple_instalments", on)
    notice = book.days("se.consumer_credit.notice_days", on)
    cures = book.days("se.consumer_credit.cures_per_credit", on)
    return _KkrlValues(
        late_months=late.value,
        single_share=single.value,
        multiple_share=multiple.value,
        multiple_instalments=count.value,
        notice_days=notice.value,
        cures=cures.value,
        citations={
            "late": late.citation,
            "single": single.citation,
            "multiple": multiple.citation,
            "count": count.citation,
            "notice": notice.citation,
            "cures": cures.citation,
        },
    )


def _grounds(
    agreement: InstalmentAgreement, ledger: _Ledger, values: _KkrlValues, on: dt.date
) -> ConsumerCreditGrounds | None:
    late: list[Instalment] = []
    late_amount = Money.zero(agreement.currency)
    for index, instalment in enumerate(agreement.instalments):
        # "more than one month" late: strictly after the deadline plus the months.
        if add_months(agreement.deadline(instalment), values.late_months) >= on:
            break
        unpaid = instalment.amount - ledger.paid_towards(index, on)
        if unpaid.is_positive:
            late.append(instalment)
            late_amount += unpaid
    # Kreditfordran = credit plus credit cost: the total plus the agreement's fee. A larger base
    # is the debtor's side of any doubt.
    base = agreement.total + (agreement.fee or Money.zero(agreement.currency))
    single = base * values.single_share
    multiple = base * values.multiple_share
    cited = values.citations
    if late_amount > single:
        return ConsumerCreditGrounds(
            point=1,
            late_amount=late_amount,
            late_instalments=tuple(late),
            threshold=single,
            basis=(cited["late"], cited["single"]),
        )
    distinct = len({i.due_date for i in late})
    if late_amount > multiple and distinct >= values.multiple_instalments:
        return ConsumerCreditGrounds(
            point=2,
            late_amount=late_amount,
            late_instalments=tuple(late),
            threshold=multiple,
            basis=(cited["late"], cited["multiple"], cited["count"]),
        )
    return None


def consumer_credit_grounds(
    agreement: InstalmentAgreement,
    payments: Iterable[Payment],
    *,
    on: dt.date,
    law: LawBook | None = None,
) -> ConsumerCreditGrounds | None:
    """Grund för uppsägning (may a KKrL 33 § notice of early payment be sent on *on*?).

    Returns the ground of 33 § first paragraph point 1 or 2 that holds at the end of *on*, or
    None. The kreditfordran is taken as the agreement's total plus its fee; lateness is counted
    from each instalment's deadline (due date plus grace). Thresholds are those in force on the
    day the agreement was signed.

    >>> from datetime import date
    >>> from inkassorules import Money
    >>> plan = InstalmentAgreement.plan(Money.of("12000", "SEK"), count=24,
    ...     signed_on=date(2026, 1, 15))
    >>> paid = [Payment(amount=Money.of("500", "SEK"), paid_on=date(2026, 1, 15))]
    >>> consumer_credit_grounds(plan, paid, on=date(2026, 3, 15)) is None  # one month exactly
    True
    >>> grounds = consumer_credit_grounds(plan, paid, on=date(2026, 4, 16))
    >>> grounds.point, str(grounds.late_amount), str(grounds.threshold)
    (2, '1000.00 SEK', '600.00 SEK')

    Raises:
        InvalidInput: for an agreement not in SEK.
        NotInForce: if the agreement was signed before konsumentkreditlagen (2010:1846) applied
            (2011-01-01), or on or after 2026-11-20, when the new konsumentkreditlag
            implementing directive (EU) 2023/2225 applies (not in the data; the caller may
            supply its values, docs/instalments.md).
    """
    check_law(law)
    check_date(on, "on")
    values = _kkrl_values(agreement, law)
    return _grounds(agreement, _Ledger.of(agreement, payments), values, on)


def accelerate(
    agreement: InstalmentAgreement,
    payments: Iterable[Payment],
    *,
    on: dt.date,
    policy: AccelerationPolicy = CONTRACT_TERM,
    law: LawBook | None = None,
) -> Acceleration | None:
    """Hele restbeløpet forfaller / betalning i förtid (has the whole remainder fallen due?).

    Returns None while the agreement holds (or nothing remains to pay), otherwise the
    :class:`Acceleration`. Payments made up to and including *on* count, applied to the oldest
    instalment first; a payment made after the acceleration reduces the accelerated amount. The
    answer depends only on the arguments.

    Under :data:`CONTRACT_TERM` the first instalment not paid in full by its deadline (due date
    plus grace) makes the remainder due from that deadline, also if it was paid later (the
    creditor may waive this; the library says what may be demanded). Under
    :class:`SwedishConsumerCredit` a notice must have been sent on a day a 33 § ground held; the
    remainder falls due when the four-week notice ends, unless the consumer paid the amounts
    that were overdue at the notice, plus dröjsmålsränta, within that time and has not used the
    one cure before. Under :class:`NorwegianConsumerCredit` a notice must have been sent while at
    least three instalments were overdue; the remainder falls due when the notice period ends.

    >>> from datetime import date
    >>> from inkassorules import Money, Payment
    >>> plan = InstalmentAgreement.plan(Money.of("600", "NOK"), count=3,
    ...     signed_on=date(2026, 1, 10), grace_days=7)
    >>> first = [Payment(amount=Money.of("200", "NOK"), paid_on=date(2026, 1, 10))]
    >>> accelerate(plan, first, on=date(2026, 2, 17)) is None  # 10 Feb + 7 days of grace
    True
    >>> str(accelerate(plan, first, on=date(2026, 2, 18)).amount)
    '400.00 NOK'

    Raises:
        InvalidInput: for bad payments, a policy of the wrong kind or country, or a notice dated
            before signing.
        RuleRefused: if a KKrL notice was sent on a day no 33 § ground held, or a
            finansavtaleloven notice while fewer than three instalments were overdue.
        NotInForce: if a consumer-credit value is not in force on the signing date: KKrL
            before 2011-01-01 or from 2026-11-20 (the new konsumentkreditlag), and the
            Norwegian notice period (NOT FOUND) unless the caller supplies it.
    """
    check_law(law)
    check_date(on, "on")
    if not isinstance(agreement, InstalmentAgreement):
        raise InvalidInput(f"agreement must be an InstalmentAgreement, got {agreement!r}")
    ledger = _Ledger.of(agreement, payments)
    remaining = agreement.total - ledger.applied(on)
    if isinstance(policy, ContractTerm):
        missed = ledger.first_missed(on)
        if missed is None or not remaining.is_positive:
            return None
        code = _jurisdiction_of(agreement.currency)
        return Acceleration(
            amount=remaining,
            fell_due_on=agreement.deadline(missed),
            missed=missed,
            basis=(_CONTRACT_TERM_CITATION[code], _OLDEST_FIRST[code]),
        )
    if isinstance(policy, SwedishConsumerCredit):
        return _accelerate_kkrl(
            agreement, ledger=ledger, policy=policy, on=on, remaining=remaining, law=law
        )
    if isinstance(policy, NorwegianConsumerCredit):
        return _accelerate_fal(
            agreement, ledger=ledger, policy=policy, on=on, remaining=remaining, law=law
        )
    raise InvalidInput(
        "policy must be CONTRACT_TERM, SwedishConsumerCredit(...) or "
        f"NorwegianConsumerCredit(...), got {policy!r}"
    )


def _accelerate_kkrl(
    agreement: InstalmentAgreement,
    *,
    ledger: _Ledger,
    policy: SwedishConsumerCredit,
    on: dt.date,
    remaining: Money,
    law: LawBook | None,
) -> Acceleration | None:
    values = _kkrl_values(agreement, law)
    notice_rule = values.citations["notice"]
    cures_left = values.cures
    for sent_on in policy.notices_sent_on:
        if sent_on < agreement.signed_on:
            raise InvalidInput(
                f"a notice sent on {sent_on} is before the agreement was signed on "
                f"{agreement.signed_on}"
            )
        if sent_on > on:
            break
        grounds = _grounds(agreement, ledger, values, sent_on)
        if grounds is None:
            raise RuleRefused(
                f"a notice of early payment was sent on {sent_on.isoformat()}, but the consumer "
                f"was not more than {values.late_months} month(s) late with more than "
                f"{values.single_share} of the kreditfordran, nor with more than "
                f"{values.multiple_share} across {values.multiple_instalments} or more "
                "instalments",
                rule=f"{values.citations['single'].rule}; {values.citations['multiple'].rule}",
            )
        effective = add_days(sent_on, values.notice_days)
        # The amount overdue when the notice was sent: every instalment whose deadline had
        # passed by then. Paying it within the notice period cures, once per credit.
        overdue_then = Money.zero(agreement.currency)
        for instalment in agreement.instalments:
            if agreement.deadline(instalment) < sent_on:
                overdue_then += instalment.amount
        # 34 §: the overdue amounts plus dröjsmålsränta (Konsumenternas); the interest is not in
        # the ledger, so the caller says when it was not paid.
        cured = (
            ledger.paid_by(min(effective, on)) >= overdue_then
            and sent_on not in policy.late_interest_unpaid
        )
        if cures_left > 0 and cured:
            cures_left -= 1
            continue
        if on < effective or not remaining.is_positive:
            return None
        return Acceleration(
            amount=remaining,
            fell_due_on=effective,
            missed=grounds.late_instalments[0],
            notice_sent_on=sent_on,
            basis=(*grounds.basis, notice_rule, values.citations["cures"], _OLDEST_FIRST["SE"]),
        )
    return None


# -- acceleration: finansavtaleloven (Norwegian consumer credit) -------------------------------

_FAL_MIN_MISSED: Final = "no.consumer_credit.min_missed_instalments"
_FAL_NOTICE: Final = "no.consumer_credit.notice_days"


def _missed_at(agreement: InstalmentAgreement, ledger: _Ledger, day: dt.date) -> list[Instalment]:
    """The instalments whose deadline passed before *day* and that are not paid in full by it."""
    missed: list[Instalment] = []
    for index, instalment in enumerate(agreement.instalments):
        if agreement.deadline(instalment) >= day:
            break
        if ledger.paid_towards(index, day) < instalment.amount:
            missed.append(instalment)
    return missed


def _accelerate_fal(
    agreement: InstalmentAgreement,
    *,
    ledger: _Ledger,
    policy: NorwegianConsumerCredit,
    on: dt.date,
    remaining: Money,
    law: LawBook | None,
) -> Acceleration | None:
    if agreement.currency != "NOK":
        raise InvalidInput(
            "the NorwegianConsumerCredit policy (finansavtaleloven) applies to NOK agreements, "
            f"got one in {agreement.currency}"
        )
    book = law or builtin()
    minimum = book.days(_FAL_MIN_MISSED, agreement.signed_on)
    for sent_on in policy.notices_sent_on:
        if sent_on < agreement.signed_on:
            raise InvalidInput(
                f"a notice sent on {sent_on} is before the agreement was signed on "
                f"{agreement.signed_on}"
            )
        if sent_on > on:
            break
        missed = _missed_at(agreement, ledger, sent_on)
        if len(missed) < minimum.value:
            raise RuleRefused(
                f"a notice demanding the remainder was sent on {sent_on.isoformat()} with "
                f"{len(missed)} instalment(s) overdue; a vesentlig mislighold needs at least "
                f"{minimum.value} missed instalments as a starting point (two are in principle "
                "not enough)",
                rule=minimum.citation.rule,
            )
        # Read only once a valid notice exists: the period is NOT FOUND in the data.
        notice = book.days(_FAL_NOTICE, agreement.signed_on)
        effective = add_days(sent_on, notice.value)
        if on < effective or not remaining.is_positive:
            return None
        return Acceleration(
            amount=remaining,
            fell_due_on=effective,
            missed=missed[0],
            notice_sent_on=sent_on,
            basis=(minimum.citation, notice.citation, _OLDEST_FIRST["NO"]),
        )
    return None
