"""A differential check for performance work: the same random questions, two versions of the code.

    python benchmarks/differential.py 20000 7 > new.txt
    PYTHONPATH=/path/to/older/src python benchmarks/differential.py 20000 7 > old.txt
    cmp old.txt new.txt

Arguments: the number of cases (default 1 000) and the seed (default 8). Each case is drawn with
:mod:`random` from the seed alone, so both runs ask the same questions. The script prints one
line per answer: its ``repr``, or the error's type and message, through the public API only:
``late_interest``, ``late_interest_on_balance`` (0-3 payments), two fee caps per country,
``next_contact_window`` and ``contact_allowed`` (0-8 earlier contacts), ``timeline.next_step``,
the country ``next_step`` and, for some cases, ``timeline.plan``, with random creditor policies,
payments and disputes. Due dates run from 1993 to 2027, so some answers are errors
(``NotInForce``, ``RateNotPublished``, ``RuleRefused``): those must be the same too.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs

import inkassorules
from inkassorules import Case, Claim, ContactAttempt, DebtorKind, Money, Payment, timeline
from inkassorules import no as norway
from inkassorules import se as sweden
from inkassorules.disputes import Dispute
from inkassorules.errors import InkassoError
from inkassorules.timeline import Channel, CreditorPolicy, StepKind

if TYPE_CHECKING:
    from collections.abc import Callable

ZONE = {"NO": ZoneInfo("Europe/Oslo"), "SE": ZoneInfo("Europe/Stockholm")}
CURRENCY = {"NO": "NOK", "SE": "SEK"}
COUNTRY: dict[str, Any] = {"NO": norway, "SE": sweden}


def answer(question: Callable[[], object]) -> str:
    """The answer as one comparable line: its repr, or the error's type and message."""
    try:
        return repr(question())
    except InkassoError as error:
        return f"{type(error).__name__}: {error}"


class Cases:
    """Random questions, drawn from one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def day(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))

    def amount(self) -> Decimal:
        draw = self.rng.random()
        if draw < 0.05:
            return Decimal(0)
        if draw < 0.1:
            return Decimal(self.rng.randrange(1, 10**12)).scaleb(-self.rng.randrange(6))
        return Decimal(self.rng.randrange(100, 5_000_000)).scaleb(-2)

    def policy(self, code: str) -> CreditorPolicy | None:
        rng = self.rng
        base = rng.choice([CreditorPolicy.earliest_lawful(), CreditorPolicy.practice(code), None])
        if base is None or rng.random() < 0.5:
            return base
        kinds = list(StepKind)
        steps = tuple(k for k in kinds if rng.random() < 0.6) or base.steps
        phone_kinds = [StepKind.FRIENDLY_REMINDER, StepKind.COLLECTION_WARNING, StepKind.REMINDER]
        try:
            return attrs.evolve(
                base,
                steps=steps,
                days_after_due={k: rng.randrange(40) for k in rng.sample(kinds, rng.randrange(3))},
                deadline_days={k: rng.randrange(20) for k in rng.sample(kinds, rng.randrange(3))},
                days_between_steps=rng.randrange(4),
                channels={
                    k: rng.choice(list(Channel)) for k in rng.sample(phone_kinds, rng.randrange(2))
                },
                charge_fees=rng.random() < 0.7,
                letter_delivery_days=rng.choice([None, 0, 2, 4]),
            )
        except InkassoError:
            return base

    def answers(self) -> list[str]:
        rng = self.rng
        code = rng.choice(["NO", "SE"])
        currency, country = CURRENCY[code], COUNTRY[code]
        if rng.random() < 0.2:
            due = self.day(dt.date(1993, 6, 1), dt.date(2027, 3, 1))
        else:
            due = self.day(dt.date(2023, 1, 1), dt.date(2026, 7, 1))
        principal = self.amount()
        longest = 400 if rng.random() < 0.9 else 9000
        paid_on = due + dt.timedelta(days=rng.randrange(-5, longest))
        money = Money.of(principal, currency)
        out = [answer(lambda: country.late_interest(money, due_date=due, paid_on=paid_on))]
        payments = [
            Payment(
                amount=Money.of(self.amount() + 1, currency),
                paid_on=self.day(due - dt.timedelta(days=3), max(due, paid_on)),
            )
            for _ in range(rng.choice([0, 0, 1, 2, 3]))
        ]
        order = rng.choice(["interest_first", "principal"])
        out.append(
            answer(
                lambda: country.late_interest_on_balance(
                    money, payments, due_date=due, until=paid_on, payments_reduce=order
                )
            )
        )
        sent = due + dt.timedelta(days=rng.randrange(-3, 40))
        if code == "NO":
            out.append(answer(lambda: norway.reminder_fee_cap(sent_on=sent, due_date=due)))
            out.append(
                answer(lambda: norway.collection_notice_fee_cap(sent_on=sent, due_date=due))
            )
        else:
            agreed = rng.random() < 0.5
            out.append(
                answer(
                    lambda: sweden.reminder_fee_cap(sent_on=sent, due_date=due, fee_agreed=agreed)
                )
            )
            out.append(
                answer(
                    lambda: sweden.collection_demand_fee_cap(
                        sent_on=sent, due_date=due, meets_inkassolagen_5=True
                    )
                )
            )
        at = dt.datetime.combine(
            self.day(dt.date(2023, 1, 1), dt.date(2026, 12, 1)),
            dt.time(rng.randrange(24), rng.randrange(60)),
            ZONE[code],
        )
        history = [
            at + dt.timedelta(hours=rng.randrange(-200, 200))
            for _ in range(rng.choice([0, 0, 0, 1, 3, 8]))
        ]
        out.append(answer(lambda: country.next_contact_window(at, history=history)))
        out.append(answer(lambda: country.contact_allowed(at, history=history)))
        claim = Claim(
            principal=Money.of(principal + 50, currency),
            due_date=due,
            jurisdiction=code,
            debtor_kind=rng.choice(list(DebtorKind)),
            reminder_fee_agreed=rng.random() < 0.5,
        )
        as_of = due + dt.timedelta(days=rng.randrange(120))
        disputes = []
        if rng.random() < 0.15:
            disputes = [
                Dispute(
                    amount=Money.of(
                        min(principal + 50, Decimal(rng.randrange(1, 5000))), currency
                    ),
                    raised_on=due + dt.timedelta(days=rng.randrange(60)),
                    reason="not delivered",
                    reasonable=rng.random() < 0.8,
                )
            ]
        calls = list(history) if rng.random() < 0.3 else []
        events = [
            *(p for p in payments if p.paid_on <= as_of),
            *disputes,
            *(ContactAttempt(at=m, channel=Channel.PHONE) for m in calls),
        ]
        try:
            case = Case(claim=claim, events=events)
        except InkassoError as error:  # the case itself was refused: that is the answer
            out.append(f"{type(error).__name__}: {error}")
            return out
        arguments: dict[str, Any] = {"as_of": as_of, "policy": self.policy(code)}
        out.append(answer(lambda: timeline.next_step(case, **arguments)))
        out.append(answer(lambda: country.timeline.next_step(case, **arguments)))
        if rng.random() < 0.3:
            out.append(answer(lambda: timeline.plan(case, **arguments)))
        return out


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 1_000
    cases = Cases(int(argv[1]) if len(argv) > 1 else 8)
    print(f"# {inkassorules.__file__}", file=sys.stderr)
    for _ in range(count):
        print("\n".join(cases.answers()))


if __name__ == "__main__":
    main(sys.argv[1:])
