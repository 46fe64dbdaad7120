"""Russian facts: indicator, value, qualifier, unit, origin, destination and period."""

from __future__ import annotations

import datetime as dt

from .conftest import Code


def _facts(result) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    return [
        (f.indicator, f.value, f.qualifier.value, f.unit, f.origin and f.origin.country,
         f.destination and f.destination.country, f.period.start, f.period.end)
        for f in result.facts
    ]  # fmt: skip


def test_tourists_from_an_adjective_to_the_state_visited_in_a_half_year(code: Code) -> None:
    text = "В первом полугодии 2025 года Россию посетили более 1 млн казахстанских туристов."
    assert _facts(code(text)) == [
        ("tourist_arrivals", 1_000_000, "more_than", "persons", "KAZ", "RUS",
         dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
    ]  # fmt: skip


def test_trade_turnover_between_two_states_in_dollars(code: Code) -> None:
    text = "Товарооборот Казахстана и России в прошлом году составил 28 млрд долларов."
    assert _facts(code(text)) == [
        ("trade_volume", 28e9, "exact", "USD", "KAZ", "RUS", dt.date(2024, 1, 1),
         dt.date(2024, 12, 31)),
    ]  # fmt: skip


def test_investment_by_adjective_into_a_state_with_about(code: Code) -> None:
    text = "Китайские инвестиции в экономику Киргизии составили около 500 млн долларов."
    assert _facts(code(text)) == [
        ("investment", 5e8, "about", "USD", "CHN", "KGZ", None, None),
    ]


def test_students_from_a_state_more_than_a_number_of_thousands(code: Code) -> None:
    text = "Свыше 70 тысяч студентов из Казахстана учатся в российских вузах."
    assert _facts(code(text)) == [
        ("students", 70_000, "more_than", "persons", "KAZ", "RUS", None, None),
    ]


def test_agreements_signed_are_a_fact_only_when_something_is_signed(code: Code) -> None:
    assert _facts(code("Казахстан и Россия подписали 20 соглашений в Москве.")) == [
        ("agreements_signed", 20, "exact", "agreements", "KAZ", "RUS", None, None),
    ]
    assert _facts(code("Эксперты обсудили 20 соглашений прошлых лет.")) == []
