"""Facts: numbers stated about the world, with indicator, qualifier, unit, actors and period.

"In the first half of 2025, more than one million Kazakhstani tourists visited Russia" becomes
tourist_arrivals > 1,000,000 persons, origin KAZ, destination RUS, 2025-01-01..2025-06-30.
The indicators and their nouns are data (`extract/data/indicators.yaml`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from tengri.extract.analysis import Analysis, Sentence
from tengri.extract.dates import DateExpr
from tengri.extract.numbers import Number, find_numbers
from tengri.extract.records import actor_of, evidence_for
from tengri.kb import Mention
from tengri.model import UNKNOWN_DATE, Fact, stable_id


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    nouns: re.Pattern[str]
    unit: str
    flow: str
    requires: re.Pattern[str] | None


def indicators_from(
    items: list[dict[str, Any]], nouns_pattern: Callable[[list[str]], re.Pattern[str]]
) -> tuple[Indicator, ...]:
    """Indicators from their data file's items; `nouns_pattern` compiles a language's nouns
    (longest first) into one pattern."""
    out = []
    for item in items:
        nouns = sorted(item["nouns"], key=len, reverse=True)
        requires = re.compile(item["requires"], re.IGNORECASE) if item.get("requires") else None
        out.append(
            Indicator(item["indicator"], nouns_pattern(nouns), item["unit"], item["flow"], requires)
        )
    return tuple(out)


def _english_nouns(nouns: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"\b(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in nouns) + r")\b",
        re.IGNORECASE,
    )


@functools.cache
def indicators() -> tuple[Indicator, ...]:
    path = resources.files("tengri.extract") / "data" / "indicators.yaml"
    return indicators_from(yaml.safe_load(path.read_text(encoding="utf-8")), _english_nouns)


_AFTER_NUMBER = re.compile(r"^\s*(?:[^\W\d][\w'’-]*\s+){0,3}?$")
_LINK_BEFORE = re.compile(
    r"(?:reached|amounted\s+to|totall?ed|stood\s+at|was|were|grew\s+to|rose\s+to|fell\s+to|"
    r"increased\s+to|exceeded|surpassed|hit|of|at|came\s+to|is|are|by)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_DESTINATION = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,5}?(?:visited|to|in|at|came\s+to|"
    r"travell?ed\s+to|went\s+to|arrived\s+in|entered)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_FROM = re.compile(r"^\s*from\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)


def _linked_before(rest: str) -> bool:
    return bool(_LINK_BEFORE.search(rest)) and len(rest) < 60


def _indicator_near(
    sentence: Sentence, text: str, number: Number
) -> tuple[Indicator, int, int] | None:
    return indicator_near(sentence, text, number, indicators(), _AFTER_NUMBER, _linked_before)


def indicator_near(
    sentence: Sentence,
    text: str,
    number: Number,
    indicators: tuple[Indicator, ...],
    after_number: re.Pattern[str],
    linked: Callable[[str], bool],
) -> tuple[Indicator, int, int] | None:
    """The indicator noun that this number measures, with its span: just after the number
    (with at most the words `after_number` allows between), else before it when the words
    from the noun to the number link them (`linked`: "trade reached $5 billion")."""
    tail = text[number.end : min(sentence.end, number.end + 60)]
    head = text[max(sentence.start, number.start - 80) : number.start]
    usable = [i for i in indicators if not i.requires or i.requires.search(sentence.text)]
    for indicator in usable:
        match = indicator.nouns.search(tail)
        if match and after_number.match(tail[: match.start()]):
            return indicator, number.end + match.start(), number.end + match.end()
    for indicator in usable:
        for match in indicator.nouns.finditer(head):
            if linked(head[match.end() :]):
                start = number.start - len(head) + match.start()
                return indicator, start, start + (match.end() - match.start())
    return None


def _actors_of_flow(
    analysis: Analysis,
    sentence: Sentence,
    indicator: Indicator,
    noun_start: int,
    noun_end: int,
    limit: int,
) -> FlowRoles:
    mentions = [m for m in analysis.mentions_in(sentence) if m.country and m.kind != "office"]
    text = analysis.text
    origin = destination = subject = None
    # a demonym or adjective on the noun itself: "Kazakhstani tourists"
    for mention in mentions:
        on_noun = mention.start <= noun_start < mention.end + 2 or (
            noun_start <= mention.start < noun_end
        )
        if on_noun or (
            noun_start - 25 <= mention.start
            and mention.end <= noun_start
            and text[mention.end : noun_start].strip() in {"", "'s", "’s"}
        ):
            origin = mention
    for mention in mentions:
        if mention.start < noun_end or mention.start > limit:
            continue
        gap = text[noun_end : mention.start]
        if destination is None and _DESTINATION.match(gap):
            destination = mention
        elif origin is None and _FROM.match(gap[-12:] if len(gap) > 12 else gap):
            origin = mention
    if indicator.flow == "trade":
        pair = [
            m
            for m in mentions
            if _BETWEEN.search(text[max(sentence.start, m.start - 12) : m.start])
        ]
        if pair:
            index = mentions.index(pair[0])
            origin = pair[0]
            destination = mentions[index + 1] if index + 1 < len(mentions) else None
    if indicator.flow == "none":
        before = [m for m in mentions if m.end <= noun_start]
        subject = before[-1] if before else None
    if origin is not None and destination is not None and origin.country == destination.country:
        destination = None
    return subject, origin, destination


def find_facts(analysis: Analysis) -> dict[str, object]:
    """Every number in the body that measures a known indicator."""
    facts: list[Fact] = []
    text = analysis.text
    for sentence in analysis.sentences:
        numbers = [n for n in find_numbers(text, sentence.start, sentence.end) if not n.times]
        if not numbers:
            continue
        dates = analysis.date_exprs(sentence.index)
        for position, number in enumerate(numbers):
            if any(d.start <= number.start < d.end for d in dates):
                continue
            if re.search(
                r"\b(?:the|these|those|both|all)\s+$",
                text[max(0, number.start - 8) : number.start],
                re.IGNORECASE,
            ):
                continue  # "the two sides": a description, not a count
            found = _indicator_near(sentence, text, number)
            if found is None:
                continue
            indicator, noun_start, noun_end = found
            limit = numbers[position + 1].start if position + 1 < len(numbers) else sentence.end
            roles = _actors_of_flow(analysis, sentence, indicator, noun_start, noun_end, limit)
            facts.append(fact_of(analysis, sentence, number, found, dates, roles))
    return {"facts": tuple(facts)}


FlowRoles = tuple[Mention | None, Mention | None, Mention | None]


def fact_of(
    analysis: Analysis,
    sentence: Sentence,
    number: Number,
    found: tuple[Indicator, int, int],
    dates: list[DateExpr],
    roles: FlowRoles,
) -> Fact:
    """The Fact a number states about its indicator (with the noun's span) and its subject,
    origin and destination; its period is the sentence's first date phrase."""
    indicator, noun_start, noun_end = found
    subject, origin, destination = roles
    period = dates[0].resolve(analysis.published, "past") if dates else UNKNOWN_DATE
    return Fact(
        fact_id=stable_id("fact", analysis.document.doc_id, number.start, indicator.name),
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
