"""Turning the pipeline's working objects into the published records of `tengri.model`."""

from __future__ import annotations

from tengri.extract.analysis import Analysis, Candidate, Sentence, Trigger
from tengri.kb import Mention
from tengri.kb.entities import EntityKind
from tengri.model import (
    UNKNOWN_DATE,
    UNKNOWN_LOCATION,
    Actor,
    ActorKind,
    Event,
    Evidence,
    Span,
    stable_id,
)
from tengri.ontology import cameo as cameo_code

_KINDS = {
    "state": ActorKind.STATE,
    "person": ActorKind.PERSON,
    "igo": ActorKind.IGO,
    "institution": ActorKind.ORGANIZATION,
    "group": ActorKind.GROUP,
    "office": ActorKind.PERSON,
    "place": ActorKind.STATE,
}


def actor_of(analysis: Analysis, mention: Mention | None) -> Actor | None:
    """The published Actor for a resolved mention (None stays None)."""
    if mention is None:
        return None
    kb = analysis.kb
    entity = kb.get(mention.entity) if mention.entity else None
    if mention.kind == "adjective":
        entity = kb.get(mention.country or "")
    kind = _KINDS.get(mention.kind, ActorKind.GROUP)
    if entity is not None and entity.kind == EntityKind.STATE:
        kind = ActorKind.STATE
    name = entity.name if entity is not None else mention.text
    if entity is not None and entity.kind == EntityKind.PERSON:
        name = entity.name
    igo = None
    if entity is not None and entity.kind == EntityKind.IGO:
        igo = entity.id
    elif entity is not None and entity.parent and entity.parent.startswith("igo:"):
        igo = entity.parent
    inferred = (
        mention.rule.endswith("the pair in focus")
        or "->" in mention.rule
        or mention.start >= mention.end
    )
    return Actor(
        text=mention.text,
        name=name,
        id=entity.id if entity is not None else None,
        kind=kind,
        country=mention.country,
        igo=igo,
        sector=mention.sector or (entity.sector if entity is not None else None),
        wikidata=entity.wikidata if entity is not None else None,
        role=mention.role,
        start=None if inferred else mention.start,
        end=None if inferred else mention.end,
    )


def evidence_for(
    analysis: Analysis, sentence: Sentence, start: int | None = None, end: int | None = None
) -> Evidence:
    """The sentence as evidence, with the trigger's span when there is one."""
    trigger = None
    if start is not None and end is not None:
        trigger = Span(analysis.text[start:end], start, end)
    return Evidence(sentence.text, sentence.start, sentence.end, sentence.index, trigger)


def evidence_of_trigger(analysis: Analysis, trigger: Trigger) -> Evidence:
    return evidence_for(analysis, analysis.sentences[trigger.sentence], trigger.start, trigger.end)


def _confidence(candidate: Candidate) -> float:
    score = 0.45
    if candidate.source is not None and candidate.source.entity:
        score += 0.15
    if candidate.target is not None or candidate.participants:
        score += 0.1
    if candidate.trigger.form != "noun":
        score += 0.1
    if candidate.date is not None and candidate.date.start is not None:
        score += 0.05
    if candidate.source is not None and "pair in focus" in candidate.source.rule:
        score -= 0.05
    score += min(0.1, 0.03 * len(candidate.mentions))
    return round(max(0.1, min(0.95, score)), 2)


def event_of(analysis: Analysis, candidate: Candidate) -> Event:
    code = cameo_code(candidate.cameo)
    trigger = candidate.trigger
    participants = tuple(a for a in (actor_of(analysis, m) for m in candidate.participants) if a)
    return Event(
        event_id=stable_id("ev", analysis.document.doc_id, trigger.start, candidate.cameo),
        doc_id=analysis.document.doc_id,
        type=candidate.type,
        mode=candidate.mode,
        cameo=candidate.cameo,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        status=candidate.status,
        source=actor_of(analysis, candidate.source),
        target=actor_of(analysis, candidate.target),
        participants=participants,
        date=candidate.date or UNKNOWN_DATE,
        location=candidate.location or UNKNOWN_LOCATION,
        quantity=candidate.quantity,
        contexts=candidate.contexts,
        evidence=evidence_of_trigger(analysis, trigger),
        mentions=tuple(evidence_of_trigger(analysis, t) for t in candidate.mentions),
        confidence=_confidence(candidate),
        gathering=candidate.gathering,
    )
