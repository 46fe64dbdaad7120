"""Actor mentions in Russian bodies: the KB's mentions (names in any case, "президент России",
"российский президент"), who is in focus, and the Russian ways of pointing back to them.

The KB does the matching (`tengri.kb.find_mentions`, with inflected forms). Like the English step,
this one works out the focus and resolves bare titles ("президент" -> the president last named)
with the English functions; the phrases are Russian: "обе стороны", "стороны", "лидеры двух
стран", "два президента" stand for the pair in focus; "российская сторона" for Russia. Names
inside «quotes» (clubs, companies, pipelines) are not actors.
"""

from __future__ import annotations

import re

from tengri.extract.actors import (
    _drop_covered,
    _focus,
    _focus_matters,
    _in_body,
    _resolve_bare_titles,
)
from tengri.extract.analysis import Analysis, Focus
from tengri.kb import Mention, find_mentions
from tengri.kb.mentions import find_atoms

_PAIR = re.compile(
    r"\b(?:(?:обе|обеих|обеим|обеими|две|двух|двум|двумя|оба|обоих|обоим|два)\s+"
    r"(?P<noun>сторон\w*|стран\w*|государств\w*|лидер\w*|президент\w*|глав\w*|министр\w*|"
    r"премьер\w*)"
    r"|(?:лидер\w*|президент\w*|глав\w*|министр\w*|руководител\w*)\s+(?:двух|обеих|обоих)\s+"
    r"(?:стран|государств)(?P<persons>)"
    r"|(?<!со\s)(?<!с\s)(?P<sides>[Сс]тороны)(?=\s+[а-яё]+ли\b))\b",
)
_PERSON_WORDS = ("лидер", "президент", "глав", "министр", "премьер")
_SIDE = re.compile(r"^\s+(?:сторон\w*|власт\w*|правительств\w*|руководств\w*)\b", re.IGNORECASE)
_QUOTED = re.compile(r"«[^«»]{1,80}»|\"[^\"]{1,80}\"")


def _pairs(analysis: Analysis, focus: Focus, mentions: list[Mention]) -> list[Mention]:
    if len(focus.countries) < 2:
        return []
    first = {c: min(m.start for m in mentions if m.country == c) for c in focus.countries[:2]}
    pair = sorted(focus.countries[:2], key=lambda c: first[c])
    found: list[Mention] = []
    for sentence in analysis.sentences:
        for match in _PAIR.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            phrase = match.group(0)
            persons = match["persons"] is not None or (
                match["noun"] is not None and match["noun"].lower().startswith(_PERSON_WORDS)
            )
            for country in pair:
                person = focus.persons.get(country) if persons else None
                if person is not None:
                    found.append(
                        Mention(
                            start,
                            end,
                            phrase,
                            "person",
                            person.entity,
                            country,
                            person.role,
                            "GOV",
                            f"{phrase!r} -> the pair in focus",
                        )
                    )
                else:
                    found.append(
                        Mention(
                            start,
                            end,
                            phrase,
                            "state",
                            country,
                            country,
                            None,
                            "GOV",
                            f"{phrase!r} -> the pair in focus",
                        )
                    )
    return found


def _sides(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "российская сторона", "казахстанские власти": an adjective that stands for its state."""
    out = []
    for mention in mentions:
        match = _SIDE.match(text[mention.end : mention.end + 25])
        if mention.kind == "adjective" and match:
            end = mention.end + match.end()
            mention = Mention(
                mention.start,
                end,
                text[mention.start : end],
                "state",
                mention.country,
                mention.country,
                None,
                "GOV",
                f"{text[mention.start : end]!r} -> {mention.country}",
            )
        out.append(mention)
    return out


def _quoted(text: str, body: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for start, end in body:
        spans += [(start + m.start(), start + m.end()) for m in _QUOTED.finditer(text[start:end])]
    return spans


def find_actors(analysis: Analysis) -> dict[str, object]:
    """Resolve every actor and place mention in the body sentences and work out the focus."""
    text, kb, on = analysis.text, analysis.kb, analysis.published
    body = [(s.start, s.end) for s in analysis.sentences]
    if not body:
        return {"mentions": (), "focus": Focus()}
    atoms = find_atoms(kb, text)
    raw = find_mentions(kb, text, on, atoms=atoms)
    inside = [m for m in raw if _in_body(body, m.start)]
    focus = _focus(kb, inside)
    if focus.countries and _focus_matters(kb, atoms):
        raw = find_mentions(kb, text, on, focus.countries, atoms=atoms)
        inside = [m for m in raw if _in_body(body, m.start)]
    quoted = _quoted(text, body)
    inside = [m for m in inside if not any(s < m.start and m.end < e for s, e in quoted)]
    inside = _drop_covered(_sides(text, inside))
    inside = _resolve_bare_titles(inside, focus)
    pairs = _pairs(analysis, focus, inside)
    inside = [m for m in inside if not any(p.start < m.end and m.start < p.end for p in pairs)]
    inside.extend(pairs)
    inside.sort(key=lambda m: (m.start, m.end))
    return {"mentions": tuple(inside), "focus": focus}
