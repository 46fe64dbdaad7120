"""Date expressions and how they resolve against the publication date (docs/CODING.md §5).

The publication date is Tuesday 2025-11-11 throughout, as in CODING.md's table. `find_dates`
finds the phrases; `DateExpr.resolve(published, direction)` resolves them, where the direction is
"past" for occurred events, "future" for planned ones and "any" when there is no tense.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.extract.dates import DateExpr, find_dates
from tengri.model import DateRange, Extraction

PUBLISHED = dt.date(2025, 11, 11)  # a Tuesday
D = dt.date


def _one(text: str) -> DateExpr:
    found = find_dates(text)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


def _resolve(text: str, direction: str = "any", published: dt.date | None = PUBLISHED
             ) -> DateRange:
    return _one(text).resolve(published, direction)


def _range(date: DateRange) -> tuple[dt.date | None, dt.date | None, str]:
    return date.start, date.end, date.precision.value


# -- the forms CODING.md names ---------------------------------------------------------------------

def test_from_november_11_to_12_is_a_two_day_range_with_the_year_inferred() -> None:
    date = _resolve("will visit Russia from November 11 to 12.", "future")
    assert _range(date) == (D(2025, 11, 11), D(2025, 11, 12), "day")
    assert date.text == "from November 11 to 12"
    assert date.note == "year inferred from the publication date"


def test_on_monday_in_an_occurred_sentence_is_the_monday_before_a_tuesday_publication() -> None:
    assert _range(_resolve("met on Monday", "past")) == (D(2025, 11, 10), D(2025, 11, 10), "day")


def test_on_monday_in_a_planned_sentence_is_the_next_monday() -> None:
    assert _range(_resolve("will meet on Monday", "future")) == (D(2025, 11, 17),
                                                                 D(2025, 11, 17), "day")


def test_on_tuesday_published_on_a_tuesday_is_the_publication_day_when_it_occurred() -> None:
    assert _range(_resolve("met on Tuesday", "past")) == (PUBLISHED, PUBLISHED, "day")


def test_a_year_ago_is_the_whole_previous_year() -> None:
    assert _range(_resolve("visited Astana a year ago")) == (D(2024, 1, 1), D(2024, 12, 31),
                                                             "year")


def test_last_week_is_monday_to_sunday_of_the_week_before() -> None:
    assert _range(_resolve("met last week")) == (D(2025, 11, 3), D(2025, 11, 9), "day")


def test_this_week_is_the_publication_week() -> None:
    assert _range(_resolve("meets this week")) == (D(2025, 11, 10), D(2025, 11, 16), "day")


def test_in_october_when_it_occurred_is_the_october_just_past() -> None:
    date = _resolve("spoke twice in October", "past")
    assert _range(date) == (D(2025, 10, 1), D(2025, 10, 31), "month")
    assert date.note == "year inferred from the publication date"


def test_in_october_when_it_is_planned_is_next_october() -> None:
    assert _range(_resolve("will meet in October", "future")) == (D(2026, 10, 1),
                                                                  D(2026, 10, 31), "month")


def test_in_december_when_it_occurred_is_last_december() -> None:
    assert _range(_resolve("met in December", "past")) == (D(2024, 12, 1), D(2024, 12, 31),
                                                           "month")


def test_in_the_first_half_of_2025_is_january_to_june() -> None:
    date = _resolve("In the first half of 2025, tourists came.")
    assert _range(date) == (D(2025, 1, 1), D(2025, 6, 30), "half")
    assert date.note is None


def test_in_september_2025_is_that_month_without_an_inferred_year() -> None:
    date = _resolve("began enrolling students in September 2025")
    assert _range(date) == (D(2025, 9, 1), D(2025, 9, 30), "month")
    assert date.note is None


def test_in_the_third_quarter_is_july_to_september_of_the_publication_year() -> None:
    date = _resolve("trade grew in the third quarter")
    assert _range(date) == (D(2025, 7, 1), D(2025, 9, 30), "quarter")
    assert date.note == "year taken from the publication date"


def test_q3_2024_is_july_to_september_2024() -> None:
    assert _range(_resolve("exports fell in Q3 2024")) == (D(2024, 7, 1), D(2024, 9, 30),
                                                           "quarter")


def test_in_the_fourth_quarter_of_2024_is_october_to_december_2024() -> None:
    assert _range(_resolve("in the fourth quarter of 2024")) == (D(2024, 10, 1),
                                                                 D(2024, 12, 31), "quarter")


def test_the_second_half_of_the_year_is_july_to_december_of_the_publication_year() -> None:
    assert _range(_resolve("in the second half of the year")) == (D(2025, 7, 1),
                                                                  D(2025, 12, 31), "half")


def test_h1_2025_is_the_first_half_of_2025() -> None:
    assert _range(_resolve("investment in H1 2025")) == (D(2025, 1, 1), D(2025, 6, 30), "half")


def test_yesterday_is_the_day_before_publication() -> None:
    assert _range(_resolve("met yesterday")) == (D(2025, 11, 10), D(2025, 11, 10), "day")


def test_tomorrow_is_the_day_after_publication() -> None:
    assert _range(_resolve("will meet tomorrow")) == (D(2025, 11, 12), D(2025, 11, 12), "day")


def test_earlier_this_month_runs_from_the_first_to_the_publication_day() -> None:
    assert _range(_resolve("met earlier this month")) == (D(2025, 11, 1), D(2025, 11, 11),
                                                          "month")


def test_next_month_is_december() -> None:
    assert _range(_resolve("will visit next month")) == (D(2025, 12, 1), D(2025, 12, 31),
                                                         "month")


def test_last_year_and_next_year() -> None:
    assert _range(_resolve("signed last year")) == (D(2024, 1, 1), D(2024, 12, 31), "year")
    assert _range(_resolve("will sign next year")) == (D(2026, 1, 1), D(2026, 12, 31), "year")


def test_two_months_ago_is_september() -> None:
    assert _range(_resolve("met two months ago")) == (D(2025, 9, 1), D(2025, 9, 30), "month")


def test_in_2024_is_the_whole_year() -> None:
    assert _range(_resolve("visited Astana in 2024")) == (D(2024, 1, 1), D(2024, 12, 31),
                                                          "year")


# -- month and day without a year: the year follows the status ------------------------------------

def test_a_planned_month_day_before_publication_is_next_year() -> None:
    date = _resolve("will visit Tashkent on March 3", "future")
    assert _range(date) == (D(2026, 3, 3), D(2026, 3, 3), "day")
    assert date.note == "year inferred from the publication date"


def test_an_occurred_month_day_before_publication_is_this_year() -> None:
    assert _range(_resolve("visited Tashkent on March 3", "past")) == (D(2025, 3, 3),
                                                                      D(2025, 3, 3), "day")


def test_a_planned_month_day_after_publication_is_this_year() -> None:
    assert _range(_resolve("will visit on November 20", "future")) == (D(2025, 11, 20),
                                                                      D(2025, 11, 20), "day")


def test_an_occurred_month_day_after_publication_is_last_year() -> None:
    assert _range(_resolve("visited on November 20", "past")) == (D(2024, 11, 20),
                                                                 D(2024, 11, 20), "day")


def test_the_publication_day_itself_is_this_year_either_way() -> None:
    for direction in ("past", "future"):
        assert _range(_resolve("on November 11", direction)) == (PUBLISHED, PUBLISHED, "day")


def test_a_planned_range_across_a_month_end_keeps_both_months() -> None:
    assert _range(_resolve("from November 30 to December 2", "future")) == (
        D(2025, 11, 30), D(2025, 12, 2), "day")


def test_a_planned_range_across_new_year_ends_in_the_next_year() -> None:
    assert _range(_resolve("from December 30 to January 2", "future")) == (
        D(2025, 12, 30), D(2026, 1, 2), "day")


def test_a_day_month_range_without_a_year() -> None:
    assert _range(_resolve("between 11 and 12 November", "future")) == (
        D(2025, 11, 11), D(2025, 11, 12), "day")


@pytest.mark.xfail(strict=True, reason="a day-month range across two months ('30 November to "
                   "2 December') is read as two separate dates")
def test_a_day_month_range_across_two_months_is_one_range() -> None:
    assert _range(_resolve("from 30 November to 2 December", "future")) == (
        D(2025, 11, 30), D(2025, 12, 2), "day")


# -- dates stated in full ----------------------------------------------------------------------------

def test_a_full_range_with_its_year() -> None:
    date = _resolve("on November 11-12, 2025")
    assert _range(date) == (D(2025, 11, 11), D(2025, 11, 12), "day")
    assert date.note is None


def test_a_range_across_months_with_its_year() -> None:
    assert _range(_resolve("May 30 - June 2, 2025")) == (D(2025, 5, 30), D(2025, 6, 2), "day")


def test_day_month_year_and_iso_dates() -> None:
    assert _range(_resolve("on 12 November 2025")) == (D(2025, 11, 12), D(2025, 11, 12), "day")
    assert _range(_resolve("dated 2025-11-11 in the file")) == (PUBLISHED, PUBLISHED, "day")


def test_an_impossible_calendar_date_is_unknown_and_says_why() -> None:
    date = _resolve("on February 30, 2025")
    assert _range(date) == (None, None, "unknown")
    assert date.note == "not a valid calendar date"


@pytest.mark.xfail(strict=True, reason="'late 2024' is not found as a date (only 'in 2024' is)")
def test_in_late_2024_is_the_year_2024() -> None:
    assert _range(_resolve("in late 2024")) == (D(2024, 1, 1), D(2024, 12, 31), "year")


# -- without a publication date ----------------------------------------------------------------------

def test_without_publication_absolute_dates_still_resolve() -> None:
    assert _range(_resolve("on 12 March 2024", published=None)) == (D(2024, 3, 12),
                                                                    D(2024, 3, 12), "day")
    assert _range(_resolve("in September 2025", published=None)) == (D(2025, 9, 1),
                                                                     D(2025, 9, 30), "month")
    assert _range(_resolve("in the first half of 2025", published=None)) == (
        D(2025, 1, 1), D(2025, 6, 30), "half")


@pytest.mark.parametrize("phrase", ["last week", "on Monday", "a year ago", "yesterday",
                                    "next month", "November 20", "in October",
                                    "the second half of the year"])
def test_without_publication_relative_dates_keep_their_text_with_unknown_precision(
        phrase: str) -> None:
    date = _resolve(f"They met {phrase} in Astana.", "past", published=None)
    assert _range(date) == (None, None, "unknown")
    assert date.text is not None and phrase.split()[-1] in date.text
    assert date.note


# -- not dates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "May I say a word about the agreement?",
    "The Vision 2050 strategy was adopted by the government.",
    "The farm covers 2,025 hectares near Shymkent.",
    "Article 2025 of the tax code was amended.",
    "Kazakhstan's 2024 harvest was the largest on record.",
    "Protesters plan to march through central Almaty.",
])
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


# -- in the pipeline: the event's status picks the direction ----------------------------------------

def test_a_planned_visit_on_monday_takes_the_next_monday(code) -> None:  # type: ignore[no-untyped-def]
    visit = _visit(code("Kazakh President Kassym-Jomart Tokayev will visit Tashkent on Monday."))
    assert visit.status.value == "planned"
    assert _range(visit.date) == (D(2025, 11, 17), D(2025, 11, 17), "day")


def test_an_occurred_visit_on_monday_takes_the_monday_before(code) -> None:  # type: ignore[no-untyped-def]
    visit = _visit(code("Kazakh President Kassym-Jomart Tokayev visited Tashkent on Monday."))
    assert visit.status.value == "occurred"
    assert _range(visit.date) == (D(2025, 11, 10), D(2025, 11, 10), "day")


def test_an_occurred_visit_on_november_20_was_last_year(code) -> None:  # type: ignore[no-untyped-def]
    visit = _visit(code("Kazakh President Kassym-Jomart Tokayev visited Tashkent on November 20."))
    assert _range(visit.date) == (D(2024, 11, 20), D(2024, 11, 20), "day")
    assert visit.date.note == "year inferred from the publication date"


def test_a_planned_visit_in_october_is_next_october(code) -> None:  # type: ignore[no-untyped-def]
    visit = _visit(code("Kazakh President Kassym-Jomart Tokayev will visit Tashkent in October."))
    assert _range(visit.date) == (D(2026, 10, 1), D(2026, 10, 31), "month")


def test_an_event_without_a_date_never_takes_the_publication_date(code) -> None:  # type: ignore[no-untyped-def]
    visit = _visit(code("Kazakh President Kassym-Jomart Tokayev visited Tashkent for talks."))
    assert _range(visit.date) == (None, None, "unknown")


def test_background_history_keeps_its_own_past_date(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakh President Kassym-Jomart Tokayev will visit Tashkent on November 13. "
                  "Tokayev last visited Uzbekistan in 2023.")
    visits = sorted((e for e in result.events if e.cameo == "042"), key=lambda e: e.date.start)
    assert [(e.status.value, _range(e.date)) for e in visits] == [
        ("occurred", (D(2023, 1, 1), D(2023, 12, 31), "year")),
        ("planned", (D(2025, 11, 13), D(2025, 11, 13), "day")),
    ]


def test_a_continuing_sentence_takes_the_date_of_the_event_it_continues(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev "
                  "in Tashkent on Monday. Furthermore, Tokayev and Mirziyoyev signed a water "
                  "agreement.")
    signings = [e for e in result.events if e.cameo == "057"]
    assert len(signings) == 1
    assert _range(signings[0].date) == (D(2025, 11, 10), D(2025, 11, 10), "day")
    assert signings[0].date.note == "carried from sentence 1"


def test_an_undated_event_in_a_new_paragraph_does_not_borrow_a_date(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev "
                  "in Tashkent on Monday.\n\nTokayev and Mirziyoyev signed a water agreement.")
    signings = [e for e in result.events if e.cameo == "057"]
    assert len(signings) == 1
    assert _range(signings[0].date) == (None, None, "unknown")


def test_without_publication_an_absolute_event_date_still_resolves(code) -> None:  # type: ignore[no-untyped-def]
    visit = _visit(code("Kazakh President Kassym-Jomart Tokayev visited Tashkent on 12 March "
                        "2024.", published=None))
    assert _range(visit.date) == (D(2024, 3, 12), D(2024, 3, 12), "day")


def test_without_publication_a_relative_event_date_keeps_its_text(code) -> None:  # type: ignore[no-untyped-def]
    visit = _visit(code("Kazakh President Kassym-Jomart Tokayev visited Tashkent last week.",
                        published=None))
    assert _range(visit.date) == (None, None, "unknown")
    assert visit.date.text == "last week"


def _visit(result: Extraction):  # type: ignore[no-untyped-def]
    visits = [e for e in result.events if e.cameo == "042"]
    assert len(visits) == 1, [(e.cameo, e.evidence.trigger) for e in result.events]
    return visits[0]


def test_a_date_inside_a_since_clause_is_not_the_events(code) -> None:  # type: ignore[no-untyped-def]
    # "his first visit" is the same visit; dated March 2023 it would stay a second one
    text = ("The news came on Friday evening from the capital. Vladimir Putin was welcomed "
            "in Ulaanbaatar on Tuesday, his first visit to Mongolia since the court issued a "
            "warrant for his arrest in March 2023.")
    visits = [e for e in code(text, dt.date(2024, 9, 6)).events if e.cameo == "042"]
    assert [(e.date.start, e.date.end) for e in visits] == [
        (dt.date(2024, 9, 3), dt.date(2024, 9, 3))]
