"""Russian numbers: digits with a decimal comma, scale words, number words, currencies and
qualifiers."""

from __future__ import annotations

import pytest

from tengri.extract.ru.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "currency"),
    [
        ("более 1 млн туристов", 1_000_000, "more_than", None),
        ("1,2 млн человек", 1_200_000, "exact", None),
        ("свыше миллиона", 1_000_000, "more_than", None),
        ("около 500 млн долларов", 500_000_000, "about", "USD"),
        ("почти 300 человек", 300, "about", None),
        ("менее 50 тысяч", 50_000, "less_than", None),
        ("1,5 млрд рублей", 1_500_000_000, "exact", "RUB"),
        ("$28 млрд", 28_000_000_000, "exact", "USD"),
        ("70 000 студентов", 70_000, "exact", None),
        ("двух дипломатов", 2, "exact", None),
    ],
)
def test_a_russian_number_has_its_value_qualifier_and_currency(
    text: str, value: float, qualifier: str, currency: str | None
) -> None:
    [number] = find_numbers(text)
    assert (number.value, number.qualifier.value, number.currency, number.times) == (
        value, qualifier, currency, False,
    )  # fmt: skip


def test_20_soglasheniy_is_twenty_and_dvazhdy_is_a_count_of_times() -> None:
    [count] = find_numbers("подписали 20 соглашений")
    [times] = find_numbers("лидеры дважды созвонились")
    assert (count.value, count.times, times.value, times.times) == (20, False, 2, True)


def test_a_year_is_not_a_number() -> None:
    assert find_numbers("в 2025 году") == []
