"""Quantities carried by Russian events: agreements signed, people released, tonnes of aid,
calls made."""

from __future__ import annotations

from .conftest import Code


def _quantities(result) -> list[tuple[str, float | None, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (e.cameo, e.quantity and e.quantity.value, e.quantity and e.quantity.unit)
        for e in result.events
    ]


def test_signed_agreements_are_counted(code: Code) -> None:
    assert _quantities(code("Казахстан и Россия подписали 20 соглашений в Москве.")) == [
        ("057", 20, "agreements")
    ]


def test_released_prisoners_and_tonnes_of_aid_are_counted(code: Code) -> None:
    assert _quantities(code("Россия освободила 150 украинских военнопленных.")) == [
        ("0841", 150, "persons")
    ]
    assert _quantities(code("Узбекистан отправил в Сирию 200 тонн гуманитарной помощи.")) == [
        ("073", 200, "tonnes")
    ]


def test_calls_are_counted_when_the_text_says_how_often(code: Code) -> None:
    assert _quantities(code("Путин и Токаев дважды провели телефонный разговор на неделе.")) == [
        ("041", 2, "calls")
    ]
