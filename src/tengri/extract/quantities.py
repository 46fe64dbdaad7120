"""How many: the count or amount an event carries ("signed 20 agreements", "spoke twice",
"sent $50 million in aid")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.numbers import find_numbers
from tengri.model import Quantity

_COUNTED = re.compile(r"([a-z]+)\W*$", re.IGNORECASE)
_UNIT_OF_TYPE = {"CONSULT": "meetings", "SUPPORT": "agreements"}


def quantity_of(analysis: Analysis, candidate: Candidate) -> Quantity | None:
    trigger = candidate.trigger
    numbers = find_numbers(analysis.text, trigger.start, trigger.end)
    if candidate.mode == "phone" or candidate.cameo == "041":
        sentence = analysis.sentences[trigger.sentence]
        numbers = [n for n in find_numbers(analysis.text, sentence.start, sentence.end) if n.times]
        if numbers:
            return Quantity(numbers[0].value, "calls")
        return None
    for number in numbers:
        if number.times:
            return Quantity(number.value, _UNIT_OF_TYPE.get(candidate.type, "times"))
        counted = _COUNTED.search(analysis.text[number.end : trigger.end])
        unit = number.currency or (counted.group(1).lower() if counted else "items")
        return Quantity(number.value, unit)
    if candidate.type == "AID":
        window = analysis.text[max(0, trigger.start - 40) : trigger.end + 40]
        money = [n for n in find_numbers(window) if n.currency]
        if money:
            return Quantity(money[0].value, money[0].currency or "USD")
    return None


def assign_quantities(analysis: Analysis) -> dict[str, object]:
    """Attach the quantity each candidate's trigger phrase states, if any."""
    return quantities_by(analysis, quantity_of)


def quantities_by(
    analysis: Analysis, quantity_of: Callable[[Analysis, Candidate], Quantity | None]
) -> dict[str, object]:
    """Every candidate with the quantity a language's `quantity_of` reads (None: none told)."""
    return {
        "candidates": tuple(
            replace(c, quantity=quantity_of(analysis, c)) for c in analysis.candidates
        )
    }
