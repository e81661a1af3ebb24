"""Issue 15, items 1 and 2: user data never fails open, and the data says how current it is.

Each fail-open case the issue measured has a test here that now refuses with a typed error
(``DataFileError`` naming the file, the key and the rule broken).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from inkassorules import (
    DataFileError,
    InkassoError,
    LawBook,
    Money,
    NotInForce,
    RateNotPublished,
    no,
    se,
)
from inkassorules.law import (
    Citation,
    any_provisional,
    builtin,
    explain,
    load_file,
    parse_parameter,
    provisional_reasons,
)

D = dt.date
NO_RATE = "no.interest.late_interest_rate"  # half-yearly, the built-in table ends 2026-12-31
SE_RATE = "se.interest.reference_rate"  # half-yearly, the built-in table ends 2026-06-30
REVIEWED = D(2026, 11, 23)
REASON = "law as known on 2026-11-23; check for changes after that day"
URL = "https://www.norges-bank.no/"


def rate_file(tmp_path: Path, *entries: tuple[str, str], horizon: str, extra: str = "") -> Path:
    """A user's file for the Norwegian late-interest rate."""
    body = "".join(
        f"""
        [[values]]
        valid_from = {day}
        value = {value}
        citation = "forsinkelsesrenteloven § 3 (test value)"
        url = "{URL}"
        """
        for day, value in entries
    )
    text = f"""
        name = "{NO_RATE}"
        title = "Forsinkelsesrente"
        unit = "percent"
        schedule = "half-yearly"
        horizon = {horizon}
        {extra}
        """
    path = tmp_path / "late_interest_rate.toml"
    path.write_text(textwrap.dedent(text) + textwrap.dedent(body), encoding="utf-8")
    return path


def entries(*rows: tuple[dt.date, object]) -> list[dict[str, object]]:
    return [
        {"valid_from": day, "value": value, "citation": "test value", "url": URL}
        for day, value in rows
    ]


def refused(error: pytest.ExceptionInfo[DataFileError], path: object, key: str, rule: str) -> None:
    """The refusal names the file, the key and the rule broken."""
    assert isinstance(error.value, InkassoError)
    assert error.value.path == str(path)
    assert error.value.key == key
    assert rule in error.value.problem
    assert str(path) in str(error.value)
    assert key in str(error.value)


class TestHalfYearlyUserData:
    def test_a_gap_is_refused_in_a_file(self, tmp_path):
        # The issue: a file without 2027 H2 made rate(2027-08-01) return the 2027 H1 rate.
        path = rate_file(
            tmp_path, ("2027-01-01", "13.00"), ("2028-01-01", "13.50"), horizon="2028-06-30"
        )
        with pytest.raises(DataFileError) as error:
            load_file(path)
        refused(error, path, "values[1].valid_from", "2027 H2 (from 2027-07-01) is missing")
        with pytest.raises(DataFileError) as error:
            builtin().with_file(path)
        refused(error, path, "values[1].valid_from", "2027 H2 (from 2027-07-01) is missing")

    def test_a_gap_is_refused_in_an_extension(self):
        with pytest.raises(DataFileError) as error:
            builtin().extend(
                NO_RATE, entries((D(2027, 1, 1), Decimal(13)), (D(2028, 1, 1), Decimal(13)))
            )
        refused(error, f"<extension of {NO_RATE}>", "entries[1].valid_from", "2027 H2")

    def test_contiguous_half_years_are_accepted(self, tmp_path):
        path = rate_file(
            tmp_path,
            ("2027-01-01", "13.00"),
            ("2027-07-01", "13.25"),
            ("2028-01-01", "13.50"),
            horizon="2028-06-30",
        )
        book = builtin().with_file(path)
        assert book.rate(NO_RATE, D(2027, 8, 1)).value == Decimal("13.25")
        assert book.rate(NO_RATE, D(2028, 6, 30)).value == Decimal("13.50")
        with pytest.raises(RateNotPublished):
            book.rate(NO_RATE, D(2028, 7, 1))

    def test_a_horizon_past_the_last_half_year_is_refused_in_a_file(self, tmp_path):
        # The issue: one 2027 entry with horizon = 2030-12-31 returned that rate in 2030.
        path = rate_file(tmp_path, ("2027-01-01", "13.00"), horizon="2030-12-31")
        with pytest.raises(DataFileError) as error:
            load_file(path)
        refused(error, path, "horizon", "past the last entry's half-year (2027 H1")

    def test_the_horizon_on_the_last_half_year_is_accepted(self, tmp_path):
        path = rate_file(tmp_path, ("2027-01-01", "13.00"), horizon="2027-06-30")
        assert load_file(path).horizon == D(2027, 6, 30)

    def test_a_horizon_past_the_last_half_year_is_refused_in_an_extension(self):
        with pytest.raises(DataFileError) as error:
            builtin().extend(
                NO_RATE, entries((D(2027, 1, 1), Decimal(13))), horizon=D(2030, 12, 31)
            )
        refused(error, f"<extension of {NO_RATE}>", "horizon", "not the end of the last entry")
        book = builtin().extend(
            NO_RATE, entries((D(2027, 1, 1), Decimal(13))), horizon=D(2027, 6, 30)
        )
        assert book.parameter(NO_RATE).horizon == D(2027, 6, 30)

    def test_an_entry_off_the_half_year_is_refused(self, tmp_path):
        # The issue: a half-yearly entry starting 2027-03-15 was accepted.
        path = rate_file(tmp_path, ("2027-03-15", "13.00"), horizon="2027-06-30")
        with pytest.raises(DataFileError) as error:
            load_file(path)
        refused(error, path, "values[0].valid_from", "starts on 1 January or 1 July")
        with pytest.raises(DataFileError) as error:
            builtin().extend(NO_RATE, entries((D(2027, 3, 15), Decimal(13))))
        refused(
            error,
            f"<extension of {NO_RATE}>",
            "entries[0].valid_from",
            "starts on 1 January or 1 July",
        )

    def test_an_extension_that_skips_a_half_year_is_refused(self):
        # The issue: an extension whose only entry is 2027-07-01 made 2027 H1 reuse 2026 H2.
        with pytest.raises(DataFileError) as error:
            builtin().extend(NO_RATE, entries((D(2027, 7, 1), Decimal(13))))
        refused(
            error,
            f"<extension of {NO_RATE}>",
            "entries[0].valid_from",
            "2027 H1 (from 2027-01-01) is missing",
        )

    def test_an_extension_starts_the_day_after_the_horizon(self):
        book = builtin().extend(NO_RATE, entries((D(2027, 1, 1), Decimal(13))))
        assert book.rate(NO_RATE, D(2026, 12, 31)).value == Decimal("12.25")  # built-in
        assert book.rate(NO_RATE, D(2027, 1, 1)).value == Decimal(13)
        with pytest.raises(RateNotPublished):
            book.rate(NO_RATE, D(2027, 7, 1))

    def test_an_extension_inside_the_last_published_half_year_is_refused(self):
        with pytest.raises(DataFileError) as error:
            builtin().extend(SE_RATE, entries((D(2026, 4, 1), Decimal(3))))
        refused(error, f"<extension of {SE_RATE}>", "entries[0].valid_from", "not overwritten")

    def test_an_unknown_half_year_may_be_filled(self):
        # no.fees.standard_compensation is unknown from 2013-03-16 to 2013-06-30.
        name = "no.fees.standard_compensation"
        with pytest.raises(NotInForce):
            builtin().amount(name, D(2013, 4, 1))
        book = builtin().extend(
            name, entries((D(2013, 3, 16), Decimal(290))), replace_unknown=True
        )
        assert book.amount(name, D(2013, 4, 1)).value == Money.of(290, "NOK")
        assert book.amount(name, D(2013, 7, 1)).value == Money.of(300, "NOK")  # built-in

    def test_a_filled_half_year_does_not_run_on_into_the_next_unknown_one(self):
        # A table whose unknown period spans 2021 H1 and H2: a 2021 H1 value alone would also
        # answer for 2021 H2.
        document = {
            "name": "no.test_rate",
            "title": "Test",
            "unit": "percent",
            "schedule": "half-yearly",
            "horizon": D(2022, 6, 30),
            "minimum": -5,
            "maximum": 50,
            "reviewed_on": REVIEWED,
            "values": [
                {"valid_from": D(2020, 7, 1), "value": Decimal(8), "citation": "x", "url": URL},
                {"valid_from": D(2021, 1, 1), "value": "unknown", "citation": "x", "url": URL},
                {"valid_from": D(2022, 1, 1), "value": Decimal(9), "citation": "x", "url": URL},
            ],
        }
        book = LawBook({"no.test_rate": parse_parameter(document, path="t", shipped=True)})
        with pytest.raises(DataFileError, match=r"2021 H2 needs its own entry"):
            book.extend("no.test_rate", entries((D(2021, 1, 1), Decimal(7))), replace_unknown=True)
        both = book.extend(
            "no.test_rate",
            entries((D(2021, 1, 1), Decimal(7)), (D(2021, 7, 1), "unknown")),
            replace_unknown=True,
        )
        assert both.rate("no.test_rate", D(2021, 6, 30)).value == Decimal(7)
        with pytest.raises(NotInForce):
            both.rate("no.test_rate", D(2021, 7, 1))


class TestNoRewriteOfKnownValues:
    def inkassosats_file(self, tmp_path: Path, day: str, value: str) -> Path:
        path = tmp_path / "inkassosats.toml"
        path.write_text(
            textwrap.dedent(
                f"""
                name = "no.inkassosats"
                title = "Inkassosats"
                unit = "NOK"

                [[values]]
                valid_from = {day}
                value = {value}
                citation = "inkassoforskriften § 1-1 (test value)"
                url = "https://lovdata.no/"
                """
            ),
            encoding="utf-8",
        )
        return path

    def test_with_file_does_not_overwrite_built_in_history(self, tmp_path):
        # The issue: with_file overwrote the inkassosats with 999 NOK from 2015-05-01.
        path = self.inkassosats_file(tmp_path, "2015-05-01", "999")
        with pytest.raises(DataFileError) as error:
            builtin().with_file(path)
        refused(
            error,
            path,
            "values[0].valid_from",
            "no.inkassosats already has a value from 2015-01-01",
        )
        assert "the built-in data is not overwritten" in str(error.value)

    def test_with_file_may_fill_an_unknown_period(self, tmp_path):
        # The inkassosats of 2014 is NOT FOUND in the research ("unknown" from 2014-01-01).
        path = self.inkassosats_file(tmp_path, "2014-01-01", "640")
        book = builtin().with_file(path)
        assert book.amount("no.inkassosats", D(2014, 12, 31)).value == Money.of(640, "NOK")
        assert book.amount("no.inkassosats", D(2015, 1, 1)).value == Money.of(650, "NOK")

    def test_with_file_may_add_a_later_value(self, tmp_path):
        path = self.inkassosats_file(tmp_path, "2027-01-01", "780")
        book = builtin().with_file(path)
        assert book.amount("no.inkassosats", D(2026, 12, 31)).value == Money.of(750, "NOK")
        assert book.amount("no.inkassosats", D(2027, 1, 1)).value == Money.of(780, "NOK")

    def test_nothing_before_the_table_starts(self):
        with pytest.raises(DataFileError, match="before the table starts"):
            builtin().extend(
                "no.inkassosats", entries((D(1990, 1, 1), Decimal(100))), replace_unknown=True
            )

    def test_the_file_must_have_the_tables_unit(self, tmp_path):
        path = tmp_path / "x.toml"
        path.write_text(
            textwrap.dedent(
                """
                name = "no.inkassosats"
                title = "Inkassosats"
                unit = "integer"

                [[values]]
                valid_from = 2027-01-01
                value = 780
                citation = "x"
                url = "https://lovdata.no/"
                """
            ),
            encoding="utf-8",
        )
        with pytest.raises(DataFileError) as error:
            builtin().with_file(path)
        refused(error, path, "unit", "no.inkassosats has unit 'NOK'")

    def test_a_missing_file_is_a_data_file_error(self, tmp_path):
        path = tmp_path / "nowhere.toml"
        with pytest.raises(DataFileError) as error:
            builtin().with_file(path)
        refused(error, path, "(file)", "cannot be read")


class TestRanges:
    @pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+nan"])
    def test_nan_and_infinities_are_refused_in_a_file(self, tmp_path, value):
        # The issue: a NaN rate loaded and later raised an untyped decimal.InvalidOperation.
        path = rate_file(tmp_path, ("2027-01-01", value), horizon="2027-06-30")
        with pytest.raises(DataFileError) as error:
            builtin().with_file(path)
        refused(error, path, "values[0].value", "must be a finite number")

    @pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity", "-Infinity"])
    def test_nan_and_infinities_are_refused_in_an_extension(self, value):
        with pytest.raises(DataFileError, match="must be a finite number"):
            builtin().extend(NO_RATE, entries((D(2027, 1, 1), Decimal(value))))

    def test_an_absurd_rate_is_refused(self, tmp_path):
        # The issue: a rate of 1 000 000 % loaded and was used.
        path = rate_file(tmp_path, ("2027-01-01", "1000000"), horizon="2027-06-30")
        with pytest.raises(DataFileError) as error:
            builtin().with_file(path)
        refused(error, path, "values[0].value", "outside the table's valid range -5 to 50")

    def test_a_negative_inkassosats_is_refused(self):
        # The issue: an inkassosats of -750 NOK loaded and was used.
        with pytest.raises(DataFileError) as error:
            builtin().extend("no.inkassosats", entries((D(2027, 1, 1), Decimal(-750))))
        refused(
            error,
            "<extension of no.inkassosats>",
            "entries[0].value",
            "outside the table's valid range 0 to 10000",
        )

    @pytest.mark.parametrize(
        ("value", "accepted"),
        [("-5", True), ("-5.01", False), ("50", True), ("50.01", False)],
    )
    def test_the_range_bounds_are_inclusive(self, value, accepted):
        extend = lambda: builtin().extend(NO_RATE, entries((D(2027, 1, 1), Decimal(value))))  # noqa: E731
        if accepted:
            assert extend().rate(NO_RATE, D(2027, 1, 1)).value == Decimal(value)
        else:
            with pytest.raises(DataFileError, match="outside the table's valid range"):
                extend()

    def test_a_fraction_above_one_is_refused(self):
        with pytest.raises(DataFileError, match="outside the table's valid range 0 to 1"):
            builtin().extend("no.fees.reminder_fraction", entries((D(2027, 1, 1), "21/20")))
        book = builtin().extend("no.fees.reminder_fraction", entries((D(2027, 1, 1), "1/1")))
        assert book.fraction("no.fees.reminder_fraction", D(2027, 1, 1)).value == 1

    def test_a_users_file_declares_its_own_range_too(self, tmp_path):
        path = rate_file(
            tmp_path, ("2027-01-01", "13.00"), horizon="2027-06-30", extra="maximum = 12"
        )
        with pytest.raises(DataFileError) as error:
            load_file(path)
        refused(error, path, "values[0].value", "outside the table's valid range None to 12")

    def test_a_range_is_a_finite_number_and_not_upside_down(self, tmp_path):
        path = rate_file(
            tmp_path, ("2027-01-01", "13"), horizon="2027-06-30", extra="minimum = nan"
        )
        with pytest.raises(DataFileError) as error:
            load_file(path)
        refused(error, path, "minimum", "finite")
        extra = "minimum = 10\nmaximum = 5"
        path = rate_file(tmp_path, ("2027-01-01", "13"), horizon="2027-06-30", extra=extra)
        with pytest.raises(DataFileError) as error:
            load_file(path)
        refused(error, path, "maximum", "below the minimum")

    def test_a_record_has_no_range(self, tmp_path):
        path = tmp_path / "r.toml"
        path.write_text(
            'name = "no.x"\ntitle = "x"\nunit = "record"\nminimum = 0\n[[values]]\n'
            'valid_from = 2020-01-01\nvalue = {a = 1}\ncitation = "x"\nurl = "https://x"\n',
            encoding="utf-8",
        )
        with pytest.raises(DataFileError) as error:
            load_file(path)
        refused(error, path, "minimum", "has no range")

    def test_every_built_in_numeric_table_declares_its_range_and_review(self):
        book = builtin()
        for name in book.names:
            parameter = book.parameter(name)
            # the book's review (2026-11-23), or the day a table was added and checked (the
            # limitation, consumer-credit and new-inkassolov tables of 2026-12-03)
            assert parameter.reviewed_on in (REVIEWED, dt.date(2026, 12, 3)), name
            if parameter.unit == "record":
                assert parameter.minimum is None
                assert parameter.maximum is None
            else:
                assert parameter.minimum is not None, name
                assert parameter.maximum is not None, name
                assert parameter.minimum <= parameter.maximum, name

    def test_a_shipped_file_must_declare_its_range_and_review(self):
        document = {
            "name": "no.x",
            "title": "x",
            "unit": "days",
            "values": [{"valid_from": D(2020, 1, 1), "value": 14, "citation": "x", "url": URL}],
        }
        with pytest.raises(DataFileError) as error:
            parse_parameter(document, path="shipped.toml", shipped=True)
        refused(error, "shipped.toml", "minimum", "declares its valid range")
        document |= {"minimum": 0, "maximum": 365}
        with pytest.raises(DataFileError) as error:
            parse_parameter(document, path="shipped.toml", shipped=True)
        refused(error, "shipped.toml", "reviewed_on", "the day it was last reviewed")
        assert parse_parameter(document | {"reviewed_on": REVIEWED}, path="s", shipped=True)


class TestReviewedOn:
    def test_until_changed_look_ups_after_the_review_are_provisional(self):
        # The issue: the inkassosats of 2100 was 750 NOK, without saying the data is of 2026.
        entry = builtin().amount("no.inkassosats", D(2100, 1, 1))
        assert entry.value == Money.of(750, "NOK")
        assert entry.citation.provisional == REASON
        assert entry.citation.is_provisional
        assert REASON in str(entry.citation)
        assert REASON in explain([entry.citation])

    def test_the_day_of_the_review_is_not_provisional_and_the_day_after_is(self):
        book = builtin()
        on_the_day = book.amount("no.inkassosats", REVIEWED)
        after = book.amount("no.inkassosats", REVIEWED + dt.timedelta(days=1))
        assert on_the_day.citation.provisional is None
        assert not on_the_day.citation.is_provisional
        assert after.citation.provisional == REASON
        assert on_the_day.value == after.value
        assert on_the_day.valid_from == after.valid_from
        # Up to the review the value is known to hold until the review day; after it, open.
        assert on_the_day.valid_until == REVIEWED
        assert after.valid_until is None

    @pytest.mark.parametrize("order", [(23, 24, 23, 30), (24, 23, 30, 23)])
    def test_contact_decisions_are_provisional_after_the_review_in_any_order(self, order):
        # The contact modules reuse a policy over the span of its rows: a day after the review
        # must not reuse the policy of a day before it, nor the other way round.
        from zoneinfo import ZoneInfo

        for country, zone in ((no, "Europe/Oslo"), (se, "Europe/Stockholm")):
            for day in order:
                at = dt.datetime(2026, 11, day, 10, tzinfo=ZoneInfo(zone))
                reasons = provisional_reasons(country.contact_allowed(at).basis)
                assert bool(reasons) == (day > REVIEWED.day), (country, day)

    def test_half_yearly_tables_are_not_provisional_inside_their_horizon(self):
        entry = builtin().rate(NO_RATE, D(2026, 12, 31))
        assert entry.citation.provisional is None
        with pytest.raises(RateNotPublished):
            builtin().rate(NO_RATE, D(2027, 1, 1))

    def test_a_closed_entry_is_not_provisional(self):
        # The inkassosats of 2025 ended 2025-12-31: an earlier day is as known as ever.
        entry = builtin().amount("no.inkassosats", D(2025, 6, 1))
        assert entry.valid_until == D(2025, 12, 31)
        assert entry.citation.provisional is None

    def test_results_are_provisional_after_the_review(self):
        before = se.reminder_fee_cap(sent_on=REVIEWED, due_date=D(2026, 11, 1), fee_agreed=True)
        after = se.reminder_fee_cap(
            sent_on=REVIEWED + dt.timedelta(days=1), due_date=D(2026, 11, 1), fee_agreed=True
        )
        assert before.amount == after.amount == Money.of(60, "SEK")
        assert not before.provisional
        assert after.provisional
        assert REASON in after.explain()
        assert REASON not in before.explain()

    def test_interest_after_the_review_is_provisional(self):
        # The Norwegian rate is half-yearly (published to 2026-12-31): not provisional; the
        # Swedish tillägg (margin) is "until changed": provisional after the review.
        book = builtin().extend(SE_RATE, entries((D(2026, 7, 1), Decimal("2.00"))))
        before = se.late_interest(
            Money.of(36500, "SEK"), due_date=D(2026, 11, 12), paid_on=D(2026, 11, 22), law=book
        )
        after = se.late_interest(
            Money.of(36500, "SEK"), due_date=D(2026, 11, 24), paid_on=D(2026, 12, 4), law=book
        )
        # (both are provisional anyway: the Swedish day count is of medium confidence)
        assert provisional_reasons(before.basis) == ()
        assert set(provisional_reasons(after.basis)) == {
            f"se.interest.margin: {REASON}",
            f"se.interest.day_count: {REASON}",
        }
        assert after.provisional
        assert REASON in after.explain()
        norwegian = no.late_interest(
            Money.of(10000, "NOK"), due_date=D(2026, 12, 1), paid_on=D(2026, 12, 11)
        )
        assert not any(c.provisional for c in norwegian.basis if c.parameter == NO_RATE)

    def test_a_users_review_moves_the_tables_review(self):
        later = D(2027, 2, 1)
        book = builtin().extend(
            "no.inkassosats", entries((D(2027, 1, 1), Decimal(780))), reviewed_on=later
        )
        assert book.parameter("no.inkassosats").reviewed_on == later
        assert book.amount("no.inkassosats", later).citation.provisional is None
        late = book.amount("no.inkassosats", later + dt.timedelta(days=1)).citation.provisional
        assert late == "law as known on 2027-02-01; check for changes after that day"
        earlier = builtin().extend(
            "no.inkassosats", entries((D(2027, 1, 1), Decimal(780))), reviewed_on=D(2020, 1, 1)
        )
        assert earlier.parameter("no.inkassosats").reviewed_on == REVIEWED

    def test_the_shared_helper(self):
        high = Citation("A", URL)
        medium = Citation("B", URL, confidence="medium")
        late = Citation("C", URL, parameter="no.x", provisional="law as known on 2026-11-23")
        assert not any_provisional([high])
        assert any_provisional([high, medium])
        assert any_provisional([late])
        assert provisional_reasons([high, medium, late, late]) == (
            "no.x: law as known on 2026-11-23",
        )


class TestHtmlViews:
    def book(self) -> LawBook:
        return builtin().extend(SE_RATE, entries((D(2026, 7, 1), Decimal("2.00"))))

    def test_the_timeline_view_lists_the_provisional_reasons(self):
        from inkassorules import Claim, DebtorKind
        from inkassorules.timeline import plan

        claim = Claim(
            principal=Money.of(36500, "SEK"),
            due_date=D(2026, 8, 3),
            jurisdiction="SE",
            debtor_kind=DebtorKind.CONSUMER,
        )
        after = plan(claim, as_of=D(2026, 11, 25), law=self.book())._repr_html_()
        assert f"<p>provisional: se.fees.collection_demand_fee: {REASON}</p>" in after
        before = plan(claim, as_of=D(2026, 8, 20), law=self.book())
        assert "<p>provisional:" not in before._repr_html_()

    def test_the_interest_view_shows_the_reason_with_the_citation(self):
        result = se.late_interest(
            Money.of(36500, "SEK"),
            due_date=D(2026, 11, 20),
            paid_on=D(2026, 11, 30),
            law=self.book(),
        )
        assert f"(provisional: {REASON})" in result._repr_html_()
        assert f"(provisional: {REASON})" in result.explain()
