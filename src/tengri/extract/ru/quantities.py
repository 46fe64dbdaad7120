"""How many, in Russian: the count or amount an event carries ("подписали 20 соглашений",
"освободила 150 военнопленных", "отправил 200 тонн гуманитарной помощи", "дважды созвонились")."""

from __future__ import annotations

import re

from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.quantities import quantities_by
from tengri.extract.ru.numbers import find_numbers
from tengri.model import Quantity

_UNITS = [
    (re.compile(r"^\s*тонн", re.I), "tonnes"),
    (re.compile(r"^\s*(?:[\w-]+\s+)?(?:соглашени|документ|меморандум|договор|контракт)", re.I),
     "agreements"),
    (re.compile(r"^\s*(?:[\w-]+\s+)?(?:человек|военнопленн|пленн|заключ|граждан|дипломат)", re.I),
     "persons"),
]  # fmt: skip


def quantity_of(analysis: Analysis, candidate: Candidate) -> Quantity | None:
    trigger = candidate.trigger
    sentence = analysis.sentences[trigger.sentence]
    if candidate.mode == "phone":
        times = [n for n in find_numbers(analysis.text, sentence.start, sentence.end) if n.times]
        return Quantity(times[0].value, "calls") if times else None
    window = [
        n
        for n in find_numbers(
            analysis.text,
            max(sentence.start, trigger.start - 25),
            min(sentence.end, trigger.end + 40),
        )
        if not n.times
    ]
    for number in window:
        if number.currency:
            return Quantity(number.value, number.currency)
        after = analysis.text[number.end : number.end + 40]
        for pattern, unit in _UNITS:
            if pattern.match(after):
                return Quantity(number.value, unit)
    return None


def assign_quantities(analysis: Analysis) -> dict[str, object]:
    """Attach the quantity each candidate's trigger phrase states, if any."""
    return quantities_by(analysis, quantity_of)
