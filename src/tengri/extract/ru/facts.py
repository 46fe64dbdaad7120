"""Facts in Russian: numbers stated about the world, with indicator, qualifier, unit, actors and
period ("В первом полугодии 2025 года Россию посетили более 1 млн казахстанских туристов" ->
tourist_arrivals > 1,000,000 persons, KAZ -> RUS, 2025-01-01..2025-06-30). The indicators are data
(`extract/ru/data/indicators.ru.yaml`); records are those of the English step.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

from tengri.extract.analysis import Analysis, Sentence
from tengri.extract.facts import FlowRoles, Indicator, fact_of, indicator_near, indicators_from
from tengri.extract.numbers import Number
from tengri.extract.ru.numbers import find_numbers
from tengri.kb import Mention
from tengri.model import Fact


def _stem(noun: str) -> str:
    words = []
    for word in noun.split():
        piece = re.escape(word).replace(r"\*", r"\w*").replace(r"\?", "[её]")
        words.append(piece)
    return r"\s+".join(words)


def _russian_nouns(nouns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(_stem, nouns)) + r")", re.I)


@functools.cache
def indicators() -> tuple[Indicator, ...]:
    path = resources.files("tengri.extract.ru") / "data" / "indicators.ru.yaml"
    return indicators_from(yaml.safe_load(path.read_text(encoding="utf-8")), _russian_nouns)


_AFTER_NUMBER = re.compile(r"^\s*(?:[^\W\d][\w-]*\s+){0,2}?$")
_LINK = re.compile(
    r"^\s*(?:[\w-]+\s+){0,8}?(?:составил\w*|составля\w+|достиг\w*|превысил\w*|превыша\w+|"
    r"вырос\w*\s+до|увеличил\w*\s+до|сократил\w*\s+до|—|-|:|на\s+уровне|в\s+размере|"
    r"погибл\w*|погиб\w*|освобо\w+|насчитыва\w+)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_FROM = re.compile(r"^\s*из\s+$", re.IGNORECASE)


def _linked(rest: str) -> bool:
    return bool(_LINK.match(rest))


def _indicator_near(
    sentence: Sentence, text: str, number: Number
) -> tuple[Indicator, int, int] | None:
    return indicator_near(sentence, text, number, indicators(), _AFTER_NUMBER, _linked)


def _flow(
    analysis: Analysis, sentence: Sentence, indicator: Indicator, noun_start: int, noun_end: int
) -> FlowRoles:
    mentions = [
        m for m in analysis.mentions_in(sentence)
        if m.country and m.kind in {"state", "adjective", "person", "institution", "place", "group"}
    ]  # fmt: skip
    text = analysis.text
    states: list[Mention] = []
    for m in mentions:
        if all(m.country != s.country for s in states):
            states.append(m)
    if indicator.flow == "none":
        return None, None, None
    if indicator.flow == "trade":
        origin = states[0] if states else None
        destination = states[1] if len(states) > 1 else None
        return None, origin, destination
    if indicator.flow == "source":
        before = [m for m in states if m.end <= noun_start and m.kind != "adjective"]
        return None, (before[0] if before else None), None
    origin = None
    for m in mentions:  # travel: an adjective on the noun, or «из X» after it
        on_noun = m.kind in {"adjective", "group"} and noun_start - 30 <= m.start <= noun_end
        after_from = m.start >= noun_end and _FROM.match(text[max(noun_end, m.start - 4) : m.start])
        if on_noun or after_from:
            origin = m
            break
    others = [m for m in states if origin is None or m.country != origin.country]
    return None, origin, (others[0] if others else None)


def find_facts(analysis: Analysis) -> dict[str, object]:
    """Every number in the body that measures a known indicator."""
    facts: list[Fact] = []
    text = analysis.text
    for sentence in analysis.sentences:
        numbers = [n for n in find_numbers(text, sentence.start, sentence.end) if not n.times]
        dates = analysis.date_exprs(sentence.index)
        for number in numbers:
            if any(d.start <= number.start < d.end for d in dates):
                continue
            found = _indicator_near(sentence, text, number)
            if found is None:
                continue
            indicator, noun_start, noun_end = found
            roles = _flow(analysis, sentence, indicator, noun_start, noun_end)
            facts.append(fact_of(analysis, sentence, number, found, dates, roles))
    return {"facts": tuple(facts)}
