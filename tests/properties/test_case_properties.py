"""Properties of the case file: JSON round-trips, the schema holds, event order does not matter."""

from __future__ import annotations

import datetime as dt

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from inkassorules.case import Case
from inkassorules.events import ContactAttempt
from inkassorules.schema import case_schema
from inkassorules.serialization import from_json, structure, to_json, unstructure
from inkassorules.strategies import cases, contact_attempts, lawful_cases

VALIDATOR = jsonschema.Draft202012Validator(case_schema())


@settings(max_examples=50)
@given(cases())
def test_every_case_round_trips_through_json(case):
    assert from_json(to_json(case), Case) == case
    assert structure(unstructure(case), Case) == case


@settings(max_examples=30)
@given(st.from_type(Case))
def test_what_is_written_is_valid_against_the_schema(case):
    VALIDATOR.validate(unstructure(case))


@settings(max_examples=20)
@given(lawful_cases())
def test_lawful_cases_round_trip_and_fit_the_schema(case):
    VALIDATOR.validate(unstructure(case))
    assert from_json(to_json(case), Case) == case


def _one_per_day(case: Case) -> tuple:
    seen: set[dt.date] = set()
    kept = []
    for event in case.events:
        day = case.day_of(event)
        if day not in seen:
            seen.add(day)
            kept.append(event)
    return tuple(kept)


@settings(max_examples=40)
@given(cases(), st.randoms(use_true_random=False))
def test_events_with_distinct_days_in_any_order_give_the_same_case(case, random):
    events = _one_per_day(case)
    reference = Case(claim=case.claim, events=events)
    shuffled = list(events)
    random.shuffle(shuffled)
    assert Case(claim=case.claim, events=shuffled) == reference
    added = Case(claim=case.claim)
    for event in shuffled:
        added = added.add(event)
    assert added == reference
    # And in a file: the events of a JSON case in any order load to the same case.
    data = unstructure(reference)
    random.shuffle(data["events"])
    assert structure(data, Case) == reference


@settings(max_examples=40)
@given(cases())
def test_events_on_the_same_day_keep_the_order_given(case):
    # Ties keep the input order: reversing the input reverses each day's events other than
    # contact attempts; a day's contact attempts follow them in the order of their moments.
    reversed_case = Case(claim=case.claim, events=tuple(reversed(case.events)))
    by_day: dict[dt.date, list] = {}
    for event in case.events:
        by_day.setdefault(case.day_of(event), []).append(event)
    expected = tuple(
        e
        for day in sorted(by_day)
        for e in (
            *(e for e in reversed(by_day[day]) if not isinstance(e, ContactAttempt)),
            *sorted(  # stable: attempts at the same moment keep the (reversed) input order
                (e for e in reversed(by_day[day]) if isinstance(e, ContactAttempt)),
                key=lambda a: a.at.timestamp(),
            ),
        )
    )
    assert reversed_case.events == expected


# The days of 2026 on which Oslo and Stockholm change to and from summer time.
DST_DAYS = st.sampled_from([dt.date(2026, 3, 29), dt.date(2026, 10, 25)])


@settings(max_examples=60)
@given(
    st.one_of(contact_attempts(days=DST_DAYS), contact_attempts(jurisdiction="SE", days=DST_DAYS))
)
def test_contact_attempts_on_dst_days_round_trip(attempt):
    # In the repeated hour a moment is ambiguous on the wall clock; the zone's name written
    # after the offset brings back the same moment (and the same zone).
    assert structure(unstructure(attempt), ContactAttempt) == attempt
    assert from_json(to_json(attempt), ContactAttempt).at.utcoffset() == attempt.at.utcoffset()
