"""Date and number phrases on hostile text: whatever `find_dates` and `find_numbers` return
lies inside the text (or the window asked for), spells what it claims, does not overlap, and
resolves to an ordered date range or a sane value — within a time budget."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from tengri.extract.dates import find_dates
from tengri.extract.numbers import find_numbers
from tengri.model import DatePrecision

from .conftest import Figures, bounded, fuzz_settings

DATE_WORDS = ("on in since until by last next this early late mid the first second half quarter "
              "Q1 Q4 of week month year years days ago later before after Monday Tuesday Sunday "
              "today yesterday tomorrow January May Sept. December 3 31 29 0 00 1st 2nd 13th "
              "1999 2025 9999 0001 2025-02-30 2025-11-11 11/12/2025 - – and , . two ten dozen "
              "spring autumn summer winter H1 FY2025 2024-25 1990s century weekend decade "
              "января ноября года").split()
date_text = st.lists(st.sampled_from(DATE_WORDS) | st.text(max_size=6), max_size=30).map(" ".join)
directions = st.sampled_from(["past", "future", "any"])


def check_dates(text: str, published: dt.date | None, direction: str) -> int:
    found = find_dates(text)
    previous_end = 0
    for expr in found:
        assert 0 <= expr.start < expr.end <= len(text)
        assert text[expr.start:expr.end] == expr.text
        assert expr.start >= previous_end  # in order, never overlapping
        previous_end = expr.end
        resolved = expr.resolve(published, direction)
        assert (resolved.start is None) == (resolved.end is None)
        if resolved.start is not None:
            assert resolved.start <= resolved.end  # type: ignore[operator]
            assert resolved.precision is not DatePrecision.UNKNOWN
    return len(found)


@fuzz_settings(400)
@given(date_text, st.none() | st.dates(dt.date(1000, 1, 1), dt.date(3000, 12, 31)), directions)
def test_date_phrases_are_found_inside_the_text_and_resolve_to_ordered_ranges(
        figures: Figures, text: str, published: dt.date | None, direction: str) -> None:
    found = bounded(10, lambda: check_dates(text, published, direction))
    figures.count("fuzz dates (texts)")
    figures.count("fuzz dates (phrases found)", found)


@fuzz_settings(200, report_multiple_bugs=False)
@given(date_text, st.none() | st.dates() | st.sampled_from([dt.date.min, dt.date.max]),
       directions)
@example("next week, tomorrow, next year", dt.date.max, "future")
@example("last Tuesday, in December, two weeks ago", dt.date.min, "past")
def test_date_phrases_resolve_whatever_the_publication_date(
        text: str, published: dt.date | None, direction: str) -> None:
    bounded(10, lambda: check_dates(text, published, direction))


NUMBER_WORDS = ("about more than at least nearly some up to $ € £ ₽ 5 5,000 1,2345 3.5 0.0 1e9 "
                f"{'9' * 40} 12,000,000 million billion bn m tn k thousand dollars roubles tenge "
                "USD KZT twice once thrice hundreds of tens thousands dozens one two twelve "
                "ninety first 2025 - troops people % , . 1st —").split()
number_text = st.lists(st.sampled_from(NUMBER_WORDS) | st.text(max_size=5), max_size=30).map(
    lambda ws: "".join(w + (" " if i % 3 else "") for i, w in enumerate(ws)))


@fuzz_settings(400)
@given(number_text, st.integers(0, 20), st.integers(0, 20))
def test_numbers_are_found_inside_the_asked_window_with_sane_values(
        figures: Figures, text: str, cut_front: int, cut_back: int) -> None:
    start = min(cut_front, len(text))
    end = max(start, len(text) - cut_back)
    found = bounded(10, lambda: find_numbers(text, start, end))
    for number in found:
        assert start <= number.start < number.end <= end
        assert number.value >= 0 and number.value == number.value  # never negative or NaN
    figures.count("fuzz numbers (texts)")
    figures.count("fuzz numbers (numbers found)", len(found))
