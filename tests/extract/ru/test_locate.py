"""Where Russian events happen: the place after «в», the visited city, the Kremlin, third
countries, and no place for phone calls."""

from __future__ import annotations

from .conftest import Code


def _places(result) -> list[tuple[str, str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    return sorted(
        (e.cameo, e.location.name, e.location.country, e.location.precision.value)
        for e in result.events
    )


def test_a_visited_city_in_any_case_places_the_visit(code: Code) -> None:
    assert _places(code("Президент Узбекистана Шавкат Мирзиёев прибыл в Бишкек.")) == [
        ("042", "Bishkek", "KGZ", "city"),
        ("043", "Bishkek", "KGZ", "city"),
    ]


def test_a_visit_to_a_state_without_a_city_is_placed_in_the_state(code: Code) -> None:
    assert _places(code("Российский президент посетит Индию в следующем году.")) == [
        ("042", "India", "IND", "country"),
        ("043", "India", "IND", "country"),
    ]


def test_talks_in_the_kremlin_are_in_moscow_and_make_a_visit(code: Code) -> None:
    assert _places(
        code("В Кремле состоялись переговоры Владимира Путина и Касым-Жомарта Токаева.")
    ) == [
        ("042", "Moscow", "RUS", "city"),
        ("043", "Moscow", "RUS", "city"),
    ]


def test_a_meeting_in_a_third_country_is_044(code: Code) -> None:
    result = code("Министры иностранных дел Армении и Азербайджана встретились в Женеве.")
    assert [(e.cameo, e.mode, e.location.name) for e in result.events] == [
        ("044", "third-party", "Geneva")
    ]


def test_a_phone_call_has_no_place(code: Code) -> None:
    result = code("Путин из Сочи провёл телефонный разговор с Токаевым.")
    assert [(e.cameo, e.location.precision.value) for e in result.events] == [("041", "unknown")]
