"""Russian date phrases, resolved by the English rules against publication on Tue 2025-11-11."""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.extract.ru.dates import find_dates

from .conftest import PUBLISHED

D = dt.date


@pytest.mark.parametrize(
    ("text", "direction", "start", "end", "precision"),
    [
        ("11–12 ноября", "future", D(2025, 11, 11), D(2025, 11, 12), "day"),
        ("с 11 по 12 ноября", "future", D(2025, 11, 11), D(2025, 11, 12), "day"),
        ("с 30 октября по 2 ноября 2025 года", "past", D(2025, 10, 30), D(2025, 11, 2), "day"),
        ("12 октября 2023 года", "past", D(2023, 10, 12), D(2023, 10, 12), "day"),
        ("8 октября", "past", D(2025, 10, 8), D(2025, 10, 8), "day"),
        ("8 октября", "future", D(2026, 10, 8), D(2026, 10, 8), "day"),
        ("год назад", "past", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("два года назад", "past", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("в первом полугодии 2025 года", "past", D(2025, 1, 1), D(2025, 6, 30), "half"),
        ("в третьем квартале", "past", D(2025, 7, 1), D(2025, 9, 30), "quarter"),
        ("в прошлом месяце", "past", D(2025, 10, 1), D(2025, 10, 31), "month"),
        ("в следующем году", "future", D(2026, 1, 1), D(2026, 12, 31), "year"),
        ("на прошлой неделе", "past", D(2025, 11, 3), D(2025, 11, 9), "day"),
        ("на следующей неделе", "future", D(2025, 11, 17), D(2025, 11, 23), "day"),
        ("в октябре", "past", D(2025, 10, 1), D(2025, 10, 31), "month"),
        ("в сентябре 2025 года", "past", D(2025, 9, 1), D(2025, 9, 30), "month"),
        ("в 2009 году", "past", D(2009, 1, 1), D(2009, 12, 31), "year"),
        ("в понедельник", "past", D(2025, 11, 10), D(2025, 11, 10), "day"),
        ("в понедельник", "future", D(2025, 11, 17), D(2025, 11, 17), "day"),
        ("в среду", "future", D(2025, 11, 12), D(2025, 11, 12), "day"),
        ("вчера", "past", D(2025, 11, 10), D(2025, 11, 10), "day"),
        ("завтра", "future", D(2025, 11, 12), D(2025, 11, 12), "day"),
        ("11.11.2025", "past", D(2025, 11, 11), D(2025, 11, 11), "day"),
    ],
)
def test_a_russian_date_phrase_resolves_like_its_english_reading(
    text: str, direction: str, start: dt.date, end: dt.date, precision: str
) -> None:
    [expr] = find_dates(f"Событие произошло {text} в столице.")
    date = expr.resolve(PUBLISHED, direction)
    assert (date.start, date.end, date.precision.value, date.text) == (start, end, precision, text)


def test_a_month_day_without_a_year_says_the_year_was_inferred() -> None:
    [expr] = find_dates("Визит пройдёт 11–12 ноября.")
    assert expr.resolve(PUBLISHED, "future").note == "year inferred from the publication date"


def test_relative_dates_without_a_publication_date_keep_their_text_unresolved() -> None:
    [expr] = find_dates("Неделю назад он посетил Ташкент.")
    date = expr.resolve(None, "past")
    assert (date.start, date.end, date.precision.value, date.text) == (
        None, None, "unknown", "Неделю назад",
    )  # fmt: skip


def test_a_year_alone_and_a_number_are_not_dates() -> None:
    assert find_dates("Стороны подписали 20 соглашений.") == []
