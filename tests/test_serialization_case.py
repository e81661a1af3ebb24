"""The case file: a Case to JSON and back, the tagged events, and clear errors for bad files."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import get_args
from zoneinfo import ZoneInfo

import pytest

from inkassorules import Case, Claim, DebtorKind, InvalidInput, Money, StepKind
from inkassorules.claims import Payment
from inkassorules.disputes import Dispute
from inkassorules.events import (
    EVENT_TYPES,
    AgreementCancelled,
    AgreementMade,
    ContactAttempt,
    CreditGranted,
    DueDatePostponed,
    LegalActionFiled,
    LetterSent,
)
from inkassorules.instalments import (
    AccelerationPolicy,
    ContractTerm,
    InstalmentAgreement,
    SwedishConsumerCredit,
)
from inkassorules.serialization import (
    EVENT_TAGS,
    POLICY_TAGS,
    from_json,
    structure,
    to_json,
    unstructure,
)
from inkassorules.steps import Channel

EXAMPLES = Path(__file__).parent.parent / "examples"
OSLO = ZoneInfo("Europe/Oslo")


def nok(amount):
    return Money.of(amount, "NOK")


def sek(amount):
    return Money.of(amount, "SEK")


CLAIM = Claim(
    principal=nok("12500"),
    due_date=dt.date(2026, 5, 4),
    jurisdiction="NO",
    debtor_kind=DebtorKind.CONSUMER,
)
AGREEMENT = InstalmentAgreement.plan(nok("1000"), signed_on=dt.date(2026, 7, 1), count=3)

# One event of each type, in time order.
EVERY_EVENT = (
    LetterSent(
        kind=StepKind.REMINDER,
        sent_on=dt.date(2026, 5, 20),
        fee_charged=nok("38"),
        deadline=dt.date(2026, 6, 3),
        id="purring",
    ),
    Payment(amount=nok("3000"), paid_on=dt.date(2026, 6, 15), designation="1234567890"),
    Dispute(amount=nok("2000"), raised_on=dt.date(2026, 6, 20), reason="damaged delivery"),
    AgreementMade(
        agreement=AGREEMENT,
        acceleration_policy=SwedishConsumerCredit(notices_sent_on=(dt.date(2026, 8, 1),)),
    ),
    DueDatePostponed(new_due_date=dt.date(2026, 8, 1), agreed_on=dt.date(2026, 7, 2)),
    AgreementCancelled(on=dt.date(2026, 9, 1), reason="missed instalment"),
    CreditGranted(amount=nok("100"), on=dt.date(2026, 9, 2), reason="defect"),
    LegalActionFiled(on=dt.date(2026, 9, 3), venue="namsmannen", fee_charged=nok("0")),
    # In the repeated hour of 25 October: 02:30 winter time (the second 02:30).
    ContactAttempt(
        at=dt.datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=OSLO), channel=Channel.PHONE, id="c"
    ),
)
CASE = Case(claim=CLAIM, events=EVERY_EVENT)


def test_a_case_with_every_kind_of_event_round_trips():
    assert from_json(to_json(CASE), Case) == CASE
    assert structure(unstructure(CASE), Case) == CASE
    assert to_json(from_json(to_json(CASE), Case)) == to_json(CASE)


def test_each_event_is_tagged_with_its_type():
    tags = [event["type"] for event in unstructure(CASE)["events"]]
    assert tags == [
        "letter_sent",
        "payment",
        "dispute",
        "agreement_made",
        "due_date_postponed",
        "agreement_cancelled",
        "credit_granted",
        "legal_action_filed",
        "contact_attempt",
    ]
    assert set(EVENT_TAGS) == set(EVENT_TYPES)
    assert len(set(EVENT_TAGS.values())) == len(EVENT_TAGS)


def test_acceleration_policies_are_tagged():
    # Every member of the union has a tag (a new policy needs one line in POLICY_TAGS).
    assert set(POLICY_TAGS) == set(get_args(AccelerationPolicy))
    made = unstructure(CASE)["events"][3]
    assert made["acceleration_policy"] == {
        "policy": "swedish_consumer_credit",
        "notices_sent_on": ["2026-08-01"],
        "late_interest_unpaid": [],
    }
    plain = AgreementMade(agreement=AGREEMENT)
    assert unstructure(plain)["acceleration_policy"] == {"policy": "contract_term"}
    back = structure(unstructure(Case(claim=CLAIM, events=[plain])), Case)
    assert isinstance(back.events[0].acceleration_policy, ContractTerm)


def test_a_contact_attempt_keeps_its_zone_and_the_repeated_hour():
    (attempt,) = unstructure(CASE)["events"][-1:]
    assert attempt["at"] == "2026-10-25T02:30:00+01:00[Europe/Oslo]"
    back = structure(unstructure(CASE), Case).contact_attempts[0].at
    assert back == CASE.contact_attempts[0].at
    assert back.tzinfo is OSLO
    assert back.fold == 1
    # A moment without a zone's name reads with its offset; in UTC it stays UTC.
    utc = ContactAttempt(at=dt.datetime(2026, 6, 1, 7, tzinfo=dt.UTC), channel=Channel.SMS)
    data = unstructure(utc)
    assert data["at"] == "2026-06-01T07:00:00+00:00"
    assert structure(data, ContactAttempt) == utc


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        # The first and the second 02:30 of 25 October 2026 (summer, then winter time).
        (dt.datetime(2026, 10, 25, 2, 30, tzinfo=OSLO), "2026-10-25T02:30:00+02:00[Europe/Oslo]"),
        (
            dt.datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=OSLO),
            "2026-10-25T02:30:00+01:00[Europe/Oslo]",
        ),
        # 02:00 of 29 March 2026 does not exist on Oslo's wall clock: zoneinfo reads it with
        # the offset before the change (+01:00), that is 03:00 summer time; it reads back as
        # written.
        (dt.datetime(2026, 3, 29, 2, tzinfo=OSLO), "2026-03-29T02:00:00+01:00[Europe/Oslo]"),
        (
            dt.datetime(2026, 3, 29, 2, fold=1, tzinfo=OSLO),
            "2026-03-29T02:00:00+02:00[Europe/Oslo]",
        ),
        (dt.datetime(2026, 3, 29, 3, tzinfo=OSLO), "2026-03-29T03:00:00+02:00[Europe/Oslo]"),
    ],
)
def test_moments_around_the_dst_changes_round_trip(moment, text):
    attempt = ContactAttempt(at=moment, channel=Channel.PHONE)
    assert unstructure(attempt)["at"] == text
    back = structure(unstructure(attempt), ContactAttempt)
    assert back == attempt
    assert back.at.utcoffset() == moment.utcoffset()
    assert back.at.astimezone(dt.UTC) == moment.astimezone(dt.UTC)


def test_events_in_any_order_in_the_file_load_to_the_same_case():
    data = unstructure(CASE)
    data["events"].reverse()
    assert structure(data, Case) == CASE
    assert structure(data, Case).events == EVERY_EVENT


def test_optional_fields_may_be_left_out():
    text = json.dumps(
        {
            "claim": {
                "principal": {"amount": "900", "currency": "SEK"},
                "due_date": "2026-03-02",
                "jurisdiction": "SE",
                "debtor_kind": "consumer",
            },
            "events": [{"type": "agreement_cancelled", "on": "2026-03-05"}],
        }
    )
    case = from_json(text, Case)
    assert case.events == (AgreementCancelled(on=dt.date(2026, 3, 5)),)
    no_events = json.loads(text)
    del no_events["events"]
    assert structure(no_events, Case).events == ()


def test_amounts_as_json_numbers_are_read_exactly():
    data = unstructure(Case(claim=CLAIM, events=EVERY_EVENT[:1]))
    text = json.dumps(data).replace('"amount": "38"', '"amount": 37.10')
    assert from_json(text, Case).letters[0].fee_charged == nok("37.10")


def _broken(change):
    data = copy.deepcopy(unstructure(CASE))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["events"][0].update(type="letter_send"),
            (
                r"unknown type 'letter_send' for an event; expected one of 'letter_sent', .* @ "
                r"\$\.events\[0\]"
            ),
        ),
        (lambda d: d["events"][0].pop("type"), r"an event needs a 'type'.* @ \$\.events\[0\]"),
        (lambda d: d["events"][0].update(type=7), r"unknown type 7 .* @ \$\.events\[0\]"),
        (
            lambda d: d["events"][0].pop("sent_on"),
            r"required field missing @ \$\.events\[0\]\.sent_on",
        ),
        (
            lambda d: d["events"][0].update(fee_chargd={"amount": "1", "currency": "NOK"}),
            r"extra fields found \(fee_chargd\) @ \$\.events\[0\]",
        ),
        (
            lambda d: d["events"][1]["amount"].update(currency="SEK"),
            r"expected an amount in NOK, got SEK \(Payment\.amount in a NO case\) @ \$\.events\[1\]",
        ),
        (
            lambda d: d["events"][1]["amount"].update(currency="EUR"),
            r"currency must be one of NOK, SEK, got 'EUR' @ \$\.events\[1\]\.amount",
        ),
        (
            lambda d: d["events"][2].update(id="purring"),
            r"already holds an event with id 'purring'.* @ \$\.events\[2\]\.id",
        ),
        (
            lambda d: d["events"][8].update(reached="false"),
            r"expected true or false, got 'false' @ \$\.events\[8\]\.reached",
        ),
        (
            lambda d: d["events"][0].update(deadline="2026-05-19"),
            r"deadline 2026-05-19 is before it was sent .* @ \$\.events\[0\]",
        ),
        (
            lambda d: d["events"][0].update(kind="collection_warning"),
            r"a NO case cannot hold a collection_warning.* @ \$\.events\[0\]",
        ),
        (
            lambda d: d["events"][0].update(kind="legal_action"),
            r"a legal step is not a letter.* @ \$\.events\[0\]",
        ),
        (
            lambda d: d["events"][3]["acceleration_policy"].update(policy="norwegian"),
            (
                r"unknown policy 'norwegian' for an acceleration policy; expected one of "
                r"'contract_term', 'swedish_consumer_credit', 'norwegian_consumer_credit' @ \$\.events\[3\]\.acceleration_policy"
            ),
        ),
        (
            lambda d: d["events"][3]["acceleration_policy"].update(notices_sent_on="2026-08-01"),
            r"expected a list, got '2026-08-01' @ \$\.events\[3\]\.acceleration_policy\.notices_sent_on",
        ),
        (
            lambda d: d["events"][6]["amount"].update(amount="12500.01"),
            r"credits of 12500\.01 NOK are more than the claim's principal .* @ \$\.events\[6\]",
        ),
        (
            lambda d: d["events"][8].update(at="2026-10-25T02:30:00+03:00[Europe/Oslo]"),
            r"the offset \+03:00 is not Europe/Oslo's .* @ \$\.events\[8\]\.at",
        ),
        (
            lambda d: d["events"][8].update(at="2026-10-25T02:30:00+01:00[Mars/Base]"),
            r"unknown time zone 'Mars/Base' .* @ \$\.events\[8\]\.at",
        ),
        (
            lambda d: d["events"][8].update(at="2026-10-25T02:30:00"),
            r"timezone-aware .* @ \$\.events\[8\]\.at",
        ),
        (
            lambda d: d["claim"].update(due_date="2026-13-01"),
            r"'2026-13-01' @ \$\.claim\.due_date",
        ),
        (lambda d: d["claim"].update(debtor_kind="person"), r"@ \$\.claim\.debtor_kind"),
        (lambda d: d.pop("claim"), r"required field missing @ \$\.claim"),
        (lambda d: d.update(claim=1), r"@ \$\.claim"),
        (lambda d: d.update(events="letter"), r"expected a list, got 'letter' @ \$\.events"),
        (lambda d: d.update(notes="x"), r"extra fields found \(notes\) @ \$"),
        (lambda d: d["events"].append(1), r"expected an event as an object .* @ \$\.events\[9\]"),
        (lambda d: d["events"][0].update(sent_on=20260520), r"'YYYY-MM-DD', got 20260520"),
        (
            lambda d: d["events"][2].update(reason=5),
            r"expected a string, got 5 @ \$\.events\[2\]\.reason",
        ),
        (
            lambda d: d["events"][3]["agreement"].update(grace_days=True),
            r"expected a whole number, got True @ \$\.events\[3\]\.agreement\.grace_days",
        ),
    ],
)
def test_a_bad_case_file_is_an_invalid_input_naming_the_path(change, message):
    with pytest.raises(InvalidInput, match=message) as info:
        structure(_broken(change), Case)
    assert str(info.value).startswith("cannot read Case from JSON: ")


@pytest.mark.parametrize("text", ["1", "null", "[]", '"case"', "true", "[" * 100_000])
def test_a_case_file_that_is_not_an_object_is_refused(text):
    with pytest.raises(InvalidInput):
        from_json(text, Case)


def test_every_error_is_listed():
    def two_errors(d):
        d["events"][0].pop("sent_on")
        d["claim"]["due_date"] = "May"

    with pytest.raises(InvalidInput) as info:
        structure(_broken(two_errors), Case)
    assert "@ $.claim.due_date" in str(info.value)
    assert "@ $.events[0].sent_on" in str(info.value)


# -- the example files --------------------------------------------------------------------------


def test_the_norwegian_example_case():
    case = from_json((EXAMPLES / "no-case.json").read_text(encoding="utf-8"), Case)
    # The case: 12 500 kr due Monday 2026-05-04, a consumer. The purring's 38 kr is
    # 1/20 of the inkassosats 750 kr (inkassoforskriften § 1-2 first paragraph, § 1-1 third
    # paragraph as from 2026-01-01) = 37.50, rounded to the nearest whole krone (§ 1-2 fourth
    # paragraph); the inkassovarsel charges the same 1/20 (§ 1-2). Its deadline is 14 days
    # after it was sent (inkassoloven § 9 second paragraph): 2026-06-10 + 14 = 2026-06-24.
    assert case == Case(
        claim=Claim(
            principal=nok("12500"),
            due_date=dt.date(2026, 5, 4),
            jurisdiction="NO",
            debtor_kind=DebtorKind.CONSUMER,
            invoice_date=dt.date(2026, 4, 20),
            reference="faktura 4411",
        ),
        events=[
            LetterSent(
                kind=StepKind.REMINDER,
                sent_on=dt.date(2026, 5, 20),
                fee_charged=nok("38"),
                deadline=dt.date(2026, 6, 3),
                id="purring-1",
            ),
            LetterSent(
                kind=StepKind.COLLECTION_NOTICE,
                sent_on=dt.date(2026, 6, 10),
                fee_charged=nok("38"),
                deadline=dt.date(2026, 6, 24),
                id="inkassovarsel-1",
            ),
            Payment(amount=nok("3000"), paid_on=dt.date(2026, 6, 15), id="innbetaling-1"),
            Dispute(
                amount=nok("2000"),
                raised_on=dt.date(2026, 6, 20),
                reason="damaged delivery",
                id="innsigelse-1",
            ),
        ],
    )
    assert dt.date(2026, 6, 10) + dt.timedelta(days=14) == dt.date(2026, 6, 24)
    assert dt.date(2026, 5, 4).weekday() == 0  # a Monday: no rolling onto a business day


def test_the_swedish_example_case():
    case = from_json((EXAMPLES / "se-case.json").read_text(encoding="utf-8"), Case)
    # A business owes 40 000 kr due Monday 2026-03-02. The påminnelse charges nothing (a
    # påminnelseavgift needs an agreement when the debt arose, 2 § lag 1981:739); the inkassokrav
    # by e-mail charges 180 kr (3 § p. 1 and 4 § second paragraph p. 2 lag 1981:739, as amended
    # by SFS 2013:56; https://www.riksdagen.se/sv/dokument-lagar/dokument/svensk-forfattningssamling/lag-1981739-om-ersattning-for-inkassokostnader_sfs-1981-739) and gives
    # 8 days to pay (5 § inkassolagen, 1974:182): 2026-03-23 + 8 = 2026-03-31.
    assert case == Case(
        claim=Claim(
            principal=sek("40000"),
            due_date=dt.date(2026, 3, 2),
            jurisdiction="SE",
            debtor_kind=DebtorKind.BUSINESS,
            invoice_date=dt.date(2026, 2, 2),
            reference="faktura 2026-118",
        ),
        events=[
            LetterSent(
                kind=StepKind.REMINDER,
                sent_on=dt.date(2026, 3, 9),
                fee_charged=sek("0"),
                deadline=dt.date(2026, 3, 19),
                id="paminnelse-1",
            ),
            LetterSent(
                kind=StepKind.COLLECTION_DEMAND,
                sent_on=dt.date(2026, 3, 23),
                fee_charged=sek("180"),
                deadline=dt.date(2026, 3, 31),
                channel=Channel.EMAIL,
                id="inkassokrav-1",
            ),
            Payment(amount=sek("10000"), paid_on=dt.date(2026, 3, 27), id="inbetalning-1"),
        ],
    )
    assert dt.date(2026, 3, 23) + dt.timedelta(days=8) == dt.date(2026, 3, 31)
    assert dt.date(2026, 3, 2).weekday() == 0


@pytest.mark.parametrize("name", ["no-case.json", "se-case.json"])
def test_the_examples_round_trip(name):
    case = from_json((EXAMPLES / name).read_text(encoding="utf-8"), Case)
    assert from_json(to_json(case), Case) == case


def test_the_examples_readme_runs(monkeypatch):
    import doctest

    monkeypatch.chdir(EXAMPLES.parent)
    result = doctest.testfile(
        str(EXAMPLES / "README.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 0
    assert result.failed == 0
