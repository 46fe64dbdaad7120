"""The keyword-only coder: the floor every figure in EVALUATION.md is read against.

Per body sentence it takes the first trigger of tengri's lexicon (leftmost; the longest at the
same place) and codes one event of that entry's type, mode and CAMEO code; the first two
distinct countries named in the sentence are source and target; the date is the publication date
(unknown without one); the status is always "occurred"; no place, facts or memberships. It uses
the same sentence splitter, lexicon and KB mentions as the extractor (a "country mention" is
any actor the KB resolves to a country: "Russia", "Kazakh", "President Tokayev"), so the gap
between the two is what tengri's rules (roles, status, dates, places, vetoes, merging) add.
"""

from __future__ import annotations

from tengri.extract.analysis import Sentence
from tengri.extract.lexicon import Entry, load_lexicon
from tengri.extract.segment import segment
from tengri.kb import KnowledgeBase, Mention, find_mentions
from tengri.model import (
    UNKNOWN_DATE,
    UNKNOWN_LOCATION,
    Actor,
    ActorKind,
    DatePrecision,
    DateRange,
    Document,
    Event,
    EventStatus,
    Evidence,
    Extraction,
    Span,
    stable_id,
)
from tengri.ontology import goldstein, quad_class

CODER_NAME = "keyword-only"


def first_trigger(sentence: str, entries: tuple[Entry, ...]) -> tuple[Entry, int, int] | None:
    """The lexicon entry whose pattern matches first in the sentence, with the match's span."""
    best: tuple[int, int, Entry] | None = None
    for entry in entries:
        for pattern in (*entry.verbs, *entry.nouns):
            match = pattern.regex.search(sentence)
            if match and (best is None or (match.start(), -match.end()) < (best[0], -best[1])):
                best = (match.start(), match.end(), entry)
    return None if best is None else (best[2], best[0], best[1])


def _state(mention: Mention) -> Actor:
    country = mention.country or ""
    return Actor(text=mention.text, name=country, id=country, kind=ActorKind.STATE,
                 country=country, start=mention.start, end=mention.end)


def _countries(mentions: list[Mention], sentence: Sentence) -> list[Actor]:
    """The first two distinct countries of actors named in the sentence (a state, an adjective,
    a person or office, an institution); places do not count."""
    seen: list[Actor] = []
    for mention in mentions:
        inside = sentence.start <= mention.start < sentence.end
        if inside and (mention.is_actor or mention.kind == "adjective") \
                and mention.country \
                and all(a.country != mention.country for a in seen):
            seen.append(_state(mention))
    return seen[:2]


def code_keywords(document: Document, kb: KnowledgeBase) -> Extraction:
    """Code a document the keyword-only way (see the module docstring)."""
    entries = load_lexicon()
    sentences, _ = segment(document.text)
    mentions = find_mentions(kb, document.text, document.published)
    date = UNKNOWN_DATE if document.published is None else DateRange(
        document.published, document.published, DatePrecision.DAY, note="publication date")
    events = []
    for sentence in sentences:
        found = first_trigger(sentence.text, entries)
        if found is None:
            continue
        entry, start, end = found
        actors = _countries(mentions, sentence)
        trigger = Span(sentence.text[start:end], sentence.start + start, sentence.start + end)
        events.append(Event(
            event_id=stable_id("kw", document.doc_id, sentence.index),
            doc_id=document.doc_id, type=entry.type, mode=entry.mode, cameo=entry.cameo,
            goldstein=goldstein(entry.cameo), quad_class=quad_class(entry.cameo),
            status=EventStatus.OCCURRED,
            source=actors[0] if actors else None,
            target=actors[1] if len(actors) > 1 else None,
            participants=(), date=date, location=UNKNOWN_LOCATION, quantity=None, contexts=(),
            evidence=Evidence(sentence.text, sentence.start, sentence.end, sentence.index,
                              trigger),
            confidence=0.0, rules=CODER_NAME,
        ))
    return Extraction(document=document, events=tuple(events))
