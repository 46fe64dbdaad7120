"""Numbers as news writes them: "20", "1.2 million", "one million", "$27.8 billion", "thousands of",
"twice", with the qualifier in front of them ("more than", "about", "under")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tengri.model import Qualifier

_UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a hundred": 100,
    "one hundred": 100,
    "a dozen": 12,
    "a thousand": 1000,
    "a million": 1_000_000,
    "a billion": 1_000_000_000,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bln": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "trln": 1_000_000_000_000,
}
_VAGUE = {
    "hundreds": 100,
    "thousands": 1_000,
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "millions": 1_000_000,
    "dozens": 12,
    "billions": 1_000_000_000,
}
_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "₸": "KZT",
    "₽": "RUB",
    "usd": "USD",
    "eur": "EUR",
    "rub": "RUB",
    "kzt": "KZT",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "roubles": "RUB",
    "rubles": "RUB",
    "tenge": "KZT",
    "yuan": "CNY",
    "pounds": "GBP",
}
_QUALIFIERS = [
    (
        re.compile(
            r"(?:more\s+than|over|above|exceeding|in\s+excess\s+of|upwards\s+of|at\s+least|"
            r"no\s+fewer\s+than|no\s+less\s+than)\s+$",
            re.I,
        ),
        Qualifier.MORE_THAN,
    ),
    (
        re.compile(r"(?:less\s+than|fewer\s+than|under|below|up\s+to|nearly|almost)\s+$", re.I),
        Qualifier.LESS_THAN,
    ),
    (
        re.compile(
            r"(?:about|around|some|approximately|roughly|an\s+estimated|estimated|"
            r"close\s+to|some\s+\d+)\s+$",
            re.I,
        ),
        Qualifier.ABOUT,
    ),
]
_WORD_NUMBER = "|".join(sorted((re.escape(w) for w in _UNITS_WORDS), key=len, reverse=True))
_SCALE = "|".join(sorted((re.escape(s) for s in _SCALES), key=len, reverse=True))
NUMBER = re.compile(
    rf"(?:(?P<cur>(?:US)?\$|€|£|¥|₸|₽)\s?)?"
    rf"(?:(?<![\w.,])(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|st\b|nd\b|rd\b|th\b|[.,]\d)"
    rf"|(?<![-\w])(?P<word>{_WORD_NUMBER})\b(?!-))"
    rf"(?:[\s-]?(?P<scale>{_SCALE})\b)?"
    rf"(?:\s+(?P<cur2>dollars?|euros?|roubles|rubles|tenge|yuan|pounds|USD|EUR|RUB|KZT)\b)?"
    rf"|(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|hundreds|thousands|millions|"
    rf"billions|dozens)\s+of"
    rf"|\b(?P<times>once|twice|thrice)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    start: int
    end: int
    qualifier: Qualifier
    currency: str | None
    times: bool  # "twice": a count of occurrences


def qualifier_before(
    text: str, start: int, qualifiers: list[tuple[re.Pattern[str], Qualifier]]
) -> Qualifier:
    """The qualifier ("more than", «около») of the first of a language's `qualifiers` whose
    words stand in the 30 characters before a number; exact when none does."""
    before = text[max(0, start - 30) : start]
    for pattern, qualifier in qualifiers:
        if pattern.search(before):
            return qualifier
    return Qualifier.EXACT


def _qualifier(text: str, start: int) -> Qualifier:
    return qualifier_before(text, start, _QUALIFIERS)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number expression in text[start:end], with absolute offsets."""
    end = len(text) if end is None else end
    found: list[Number] = []
    for match in NUMBER.finditer(text, start, end):
        if match["times"]:
            found.append(
                Number(
                    _TIMES[match["times"].lower()],
                    match.start(),
                    match.end(),
                    Qualifier.EXACT,
                    None,
                    True,
                )
            )
            continue
        if match["vague"]:
            value = _VAGUE[re.sub(r"\s+", " ", match["vague"].lower())]
            found.append(
                Number(value, match.start(), match.end(), Qualifier.MORE_THAN, None, False)
            )
            continue
        if match["digits"]:
            digits = match["digits"]
            if re.fullmatch(r"(?:19|20)\d\d", digits) and not match["scale"] and not match["cur"]:
                continue  # a year, not a quantity
            value = float(re.sub(r"[,\s]", "", digits))
        elif match["word"]:
            value = float(_UNITS_WORDS[match["word"].lower()])
        else:
            continue
        scale = (match["scale"] or "").lower()
        if scale in {"m", "b"} and not match["cur"]:
            scale = ""  # "5 m" is metres; only "$5m" is millions
        value *= _SCALES.get(scale, 1)
        currency = _CURRENCIES.get((match["cur"] or match["cur2"] or "").lower())
        found.append(
            Number(
                value, match.start(), match.end(), _qualifier(text, match.start()), currency, False
            )
        )
    return found
