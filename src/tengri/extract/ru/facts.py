"""Facts in Russian: numbers stated about the world, with indicator, qualifier, unit, actors and
period ("В первом полугодии 2025 года Россию посетили более 1 млн казахстанских туристов" ->
tourist_arrivals > 1,000,000 persons, KAZ -> RUS, 2025-01-01..2025-06-30). The indicators are data
(`extract/ru/data/indicators.ru.yaml`); records are those of the English step.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from tengri.extract.analysis import Analysis, Sentence
from tengri.extract.records import actor_of, evidence_for
from tengri.extract.ru.numbers import Number, find_numbers
from tengri.kb import Mention
from tengri.model import UNKNOWN_DATE, Fact, stable_id


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    nouns: re.Pattern[str]
    unit: str
    flow: str
    requires: re.Pattern[str] | None


def _stem(noun: str) -> str:
    words = []
    for word in noun.split():
        piece = re.escape(word).replace(r"\*", r"\w*").replace(r"\?", "[её]")
        words.append(piece)
    return r"\s+".join(words)


@functools.cache
def indicators() -> tuple[Indicator, ...]:
    path = resources.files("tengri.extract.ru") / "data" / "indicators.ru.yaml"
    out = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        nouns = sorted(item["nouns"], key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(_stem, nouns)) + r")", re.I)
        requires = re.compile(item["requires"], re.I) if item.get("requires") else None
        out.append(Indicator(item["indicator"], pattern, item["unit"], item["flow"], requires))
    return tuple(out)


_AFTER_NUMBER = re.compile(r"^\s*(?:[^\W\d][\w-]*\s+){0,2}?$")
_LINK = re.compile(
    r"^\s*(?:[\w-]+\s+){0,8}?(?:составил\w*|составля\w+|достиг\w*|превысил\w*|превыша\w+|"
    r"вырос\w*\s+до|увеличил\w*\s+до|сократил\w*\s+до|—|-|:|на\s+уровне|в\s+размере|"
    r"погибл\w*|погиб\w*|освобо\w+|насчитыва\w+)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_FROM = re.compile(r"^\s*из\s+$", re.IGNORECASE)


def _indicator_near(
    sentence: Sentence, text: str, number: Number
) -> tuple[Indicator, int, int] | None:
    """The indicator noun the number measures: just after it, or before it with a link verb."""
    tail = text[number.end : min(sentence.end, number.end + 60)]
    head = text[max(sentence.start, number.start - 80) : number.start]
    usable = [i for i in indicators() if not i.requires or i.requires.search(sentence.text)]
    for indicator in usable:
        match = indicator.nouns.search(tail)
        if match and _AFTER_NUMBER.match(tail[: match.start()]):
            return indicator, number.end + match.start(), number.end + match.end()
    for indicator in usable:
        for match in indicator.nouns.finditer(head):
            if _LINK.match(head[match.end() :]):
                start = number.start - len(head) + match.start()
                return indicator, start, start + match.end() - match.start()
    return None


def _flow(
    analysis: Analysis, sentence: Sentence, indicator: Indicator, noun_start: int, noun_end: int
) -> tuple[Mention | None, Mention | None, Mention | None]:
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
            subject, origin, destination = _flow(
                analysis, sentence, indicator, noun_start, noun_end
            )
            period = dates[0].resolve(analysis.published, "past") if dates else UNKNOWN_DATE
            facts.append(
                Fact(
                    fact_id=stable_id(
                        "fact", analysis.document.doc_id, number.start, indicator.name
                    ),
                    doc_id=analysis.document.doc_id,
                    indicator=indicator.name,
                    value=number.value,
                    qualifier=number.qualifier,
                    unit=number.currency or indicator.unit,
                    subject=actor_of(analysis, subject),
                    origin=actor_of(analysis, origin),
                    destination=actor_of(analysis, destination),
                    period=period,
                    evidence=evidence_for(
                        analysis, sentence, min(number.start, noun_start), max(number.end, noun_end)
                    ),
                    confidence=0.8 if (origin or destination or subject) else 0.5,
                )
            )
    return {"facts": tuple(facts)}
