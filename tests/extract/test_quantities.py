"""Numbers, the quantities events carry, and facts (docs/CODING.md §7).

`find_numbers` reads a number with its qualifier; an event's `quantity` is the count or amount
its trigger states; a fact is a number about the world with indicator, qualifier, unit, actors
and period. Publication date: Tuesday 2025-11-11.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.extract.numbers import find_numbers
from tengri.model import Extraction, Fact

PUBLISHED = dt.date(2025, 11, 11)


def _number(text: str) -> tuple[float, str, str | None, bool]:
    found = find_numbers(text)
    assert len(found) == 1, found
    n = found[0]
    return n.value, n.qualifier.value, n.currency, n.times


def _quantity(result: Extraction, cameo: str) -> tuple[float, str] | None:
    events = [e for e in result.events if e.cameo == cameo]
    assert len(events) == 1, [(e.cameo, e.quantity) for e in result.events]
    quantity = events[0].quantity
    return None if quantity is None else (quantity.value, quantity.unit)


def _fact(result: Extraction, indicator: str) -> Fact:
    facts = [f for f in result.facts if f.indicator == indicator]
    assert len(facts) == 1, [(f.indicator, f.value) for f in result.facts]
    return facts[0]


def _flow(fact: Fact) -> tuple[str | None, str | None]:
    return (fact.origin.country if fact.origin else None,
            fact.destination.country if fact.destination else None)


def _period(fact: Fact) -> tuple[dt.date | None, dt.date | None, str]:
    return fact.period.start, fact.period.end, fact.period.precision.value


# -- numbers -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("signed 20 agreements", (20, "exact", None, False)),
    ("1.2 million visitors", (1_200_000, "exact", None, False)),
    ("one million tourists", (1_000_000, "exact", None, False)),
    ("twenty documents", (20, "exact", None, False)),
    ("trade of $27.8 billion", (27_800_000_000, "exact", "USD", False)),
    ("a loan of €3 billion", (3_000_000_000, "exact", "EUR", False)),
    ("more than 1,000,000 people", (1_000_000, "more_than", None, False)),
    ("over $5bn in credit", (5_000_000_000, "more_than", "USD", False)),
    ("about 300,000 migrants", (300_000, "about", None, False)),
    ("some 40 documents", (40, "about", None, False)),
    ("under 10 million tonnes", (10_000_000, "less_than", None, False)),
    ("spoke twice", (2, "exact", None, True)),
])
def test_a_number_is_read_with_its_scale_currency_and_qualifier(
        text: str, expected: tuple[float, str, str | None, bool]) -> None:
    assert _number(text) == expected


@pytest.mark.xfail(strict=True, reason="'nearly' is read as less_than; CODING.md §7 puts "
                   "'nearly' with 'about'")
def test_nearly_is_about() -> None:
    assert _number("nearly 5,000 students") == (5_000, "about", None, False)


@pytest.mark.parametrize("text", [
    "in 2025 the talks resumed",
    "the 21st forum opened",
    "the road is 5 m wide",
])
def test_years_ordinals_and_metres_are_no_quantities(text: str) -> None:
    assert [(n.value, n.currency) for n in find_numbers(text)
            if n.value in {2025, 21} or n.value >= 1_000_000] == []


# -- quantities on events ------------------------------------------------------------------------------

def test_signing_twenty_agreements_carries_the_count(code) -> None:  # type: ignore[no-untyped-def]
    result = code("During Putin's visit to Astana in 2024, Russia and Kazakhstan signed 20 "
                  "cooperation agreements.")
    assert _quantity(result, "057") == (20, "agreements")


def test_two_phone_calls_carry_the_count_of_calls(code) -> None:  # type: ignore[no-untyped-def]
    assert _quantity(code("Putin and Tokayev spoke by phone twice in October."), "041") == (
        2, "calls")


def test_aid_carries_its_amount_in_dollars(code) -> None:  # type: ignore[no-untyped-def]
    assert _quantity(code("Japan provided $10 million in humanitarian aid to Afghanistan."),
                     "073") == (10_000_000, "USD")


def test_expelling_two_diplomats_carries_the_count(code) -> None:  # type: ignore[no-untyped-def]
    assert _quantity(code("Georgia expelled two Russian diplomats on Monday."), "166") == (
        2, "diplomats")


def test_a_visit_without_a_number_has_no_quantity(code) -> None:  # type: ignore[no-untyped-def]
    assert _quantity(code("Kazakh President Kassym-Jomart Tokayev visited Uzbekistan on "
                          "Monday."), "042") is None


# -- facts ---------------------------------------------------------------------------------------------

def test_tourist_arrivals_with_origin_destination_and_half_year(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("In the first half of 2025, more than 200,000 Uzbek tourists visited "
                      "Kazakhstan."), "tourist_arrivals")
    assert (fact.value, fact.qualifier.value, fact.unit) == (200_000, "more_than", "persons")
    assert _flow(fact) == ("UZB", "KAZ")
    assert _period(fact) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30), "half")


def test_tourists_visiting_give_a_fact_and_no_event(code) -> None:  # type: ignore[no-untyped-def]
    result = code("One million tourists visited Russia in the first half of 2025.")
    assert result.events == ()
    fact = _fact(result, "tourist_arrivals")
    assert (fact.value, fact.qualifier.value, _flow(fact)) == (1_000_000, "exact", (None, "RUS"))


def test_trade_between_two_states_is_a_trade_volume_in_dollars(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("Trade turnover between Kazakhstan and China exceeded $40 billion last "
                      "year."), "trade_volume")
    assert (fact.value, fact.unit) == (40_000_000_000, "USD")
    assert _flow(fact) == ("KAZ", "CHN")
    assert _period(fact) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")


@pytest.mark.xfail(strict=True, reason="'exceeded $40 billion' keeps the qualifier exact; the "
                   "verb says more_than")
def test_exceeded_is_more_than(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("Trade turnover between Kazakhstan and China exceeded $40 billion last "
                      "year."), "trade_volume")
    assert fact.qualifier.value == "more_than"


@pytest.mark.xfail(strict=True, reason="'trade with Russia' does not make Russia the other side "
                   "of the flow")
def test_trade_with_a_state_names_both_sides(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("Kazakhstan's trade with Russia reached $27.8 billion in 2024."),
                 "trade_volume")
    assert _flow(fact) == ("KAZ", "RUS")


def test_investment_from_one_state_in_another_in_a_quarter(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("Russian investment in Kazakhstan amounted to $1.5 billion in the third "
                      "quarter."), "investment")
    assert (fact.value, fact.qualifier.value, fact.unit) == (1_500_000_000, "exact", "USD")
    assert _flow(fact) == ("RUS", "KAZ")
    assert _period(fact) == (dt.date(2025, 7, 1), dt.date(2025, 9, 30), "quarter")


def test_migrant_workers_about_a_number_from_their_state(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("About 300,000 Uzbek migrant workers left for Russia in the first half of "
                      "2025."), "migrants")
    assert (fact.value, fact.qualifier.value, fact.unit) == (300_000, "about", "persons")
    assert fact.origin is not None and fact.origin.country == "UZB"
    assert _period(fact) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30), "half")


@pytest.mark.xfail(strict=True, reason="'left for Russia' is not read as the destination")
def test_migrants_leaving_for_a_state_have_it_as_destination(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("About 300,000 Uzbek migrant workers left for Russia in the first half of "
                      "2025."), "migrants")
    assert _flow(fact) == ("UZB", "RUS")


def test_students_studying_abroad(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("More than 5,000 Kazakh students study in Russia."), "students")
    assert (fact.value, fact.qualifier.value, fact.unit) == (5_000, "more_than", "persons")
    assert _flow(fact) == ("KAZ", "RUS")
    assert _period(fact) == (None, None, "unknown")


def test_agreements_signed_on_a_day(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("Kazakhstan and Uzbekistan signed 15 documents on Tuesday."),
                 "agreements_signed")
    assert (fact.value, fact.qualifier.value, fact.unit) == (15, "exact", "agreements")
    assert _period(fact) == (PUBLISHED, PUBLISHED, "day")


@pytest.mark.xfail(strict=True, reason="the city of the visit (Astana) becomes the subject of the "
                   "agreements fact, as a 'state' with a place id")
def test_a_city_is_never_the_subject_of_a_fact(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("During Putin's visit to Astana in 2024, the two sides signed 20 "
                      "cooperation agreements."), "agreements_signed")
    assert fact.subject is None or not (fact.subject.id or "").startswith("place:")


def test_casualties_about_a_number_in_a_year(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("Around 1,200 people were killed in the fighting in 2024."), "casualties")
    assert (fact.value, fact.qualifier.value, fact.unit) == (1_200, "about", "persons")
    assert _period(fact) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")


def test_grain_exports_in_tonnes_with_less_than(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("Kazakhstan exported less than 10 million tonnes of wheat to Uzbekistan in "
                      "2024."), "grain_supply")
    assert (fact.value, fact.qualifier.value, fact.unit) == (10_000_000, "less_than", "tonnes")
    assert fact.destination is not None and fact.destination.country == "UZB"


@pytest.mark.xfail(strict=True, reason="the exporting state before the verb is not read as the "
                   "origin of the grain")
def test_the_exporter_is_the_origin(code) -> None:  # type: ignore[no-untyped-def]
    fact = _fact(code("Kazakhstan exported less than 10 million tonnes of wheat to Uzbekistan in "
                      "2024."), "grain_supply")
    assert _flow(fact) == ("KAZ", "UZB")


def test_counts_that_describe_rather_than_measure_are_no_facts(code) -> None:  # type: ignore[no-untyped-def]
    assert code("The two sides agreed that both countries would keep the border open.").facts == ()
    assert code("Kazakhstan has 17 regions and three cities of national significance.").facts == ()
    assert code("The 21st Kazakhstan-Russia forum opened in Oral on Tuesday.").facts == ()


def test_every_fact_keeps_evidence_offsets_into_the_text(code) -> None:  # type: ignore[no-untyped-def]
    text = ("In the first half of 2025, more than 200,000 Uzbek tourists visited Kazakhstan. "
            "Trade turnover between Kazakhstan and China exceeded $40 billion last year.")
    facts = code(text).facts
    assert len(facts) == 2
    for fact in facts:
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.sentence
        assert fact.evidence.trigger is not None
        assert text[fact.evidence.trigger.start:fact.evidence.trigger.end] == \
            fact.evidence.trigger.text
