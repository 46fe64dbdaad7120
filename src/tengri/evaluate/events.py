"""Scoring the events of one passage: detection, per type and root, confusion, attributes.

The matchings are described in `tengri.evaluate.matching`; the attribute rules in
`tengri.evaluate.attributes` and `tengri.evaluate.places`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tengri.evaluate.attributes import (
    actor_scores,
    cameo_score,
    date_scores,
    participant_tallies,
    status_score,
)
from tengri.evaluate.gold import GoldEvent, GoldSet, Passage
from tengri.evaluate.matching import (
    Compatible,
    allowed_by,
    match_events,
    root_key,
    sentence_key,
    type_key,
)
from tengri.evaluate.places import PlaceResolver, place_scores
from tengri.evaluate.predicted import PredictedEvent
from tengri.evaluate.scores import Accuracy, Tally, score_of

NONE = "—"  # the confusion matrix's row or column for "no event"


@dataclass(frozen=True, slots=True)
class Mistake:
    """One scoring error, kept to list examples: what kind, in which passage, what was read."""

    passage: str
    kind: str  # missed, spurious, type, source_country, date_exact, status …
    gold: str
    predicted: str
    sentence: str


@dataclass
class EventScores:
    """The event scores of one passage (added up over a set by `run`)."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    by_type: dict[str, Tally] = field(default_factory=dict)
    by_root: dict[str, Tally] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    conventions_used: int = 0
    mistakes: list[Mistake] = field(default_factory=list)

    def add(self, name: str, value: Tally | Accuracy | bool | None) -> None:
        """Add a score under its name; None (not scored here) adds nothing."""
        if value is None:
            return
        if isinstance(value, Tally):
            self.tallies[name] = self.tallies.get(name, Tally()) + value
        else:
            if not isinstance(value, Accuracy):
                value = score_of(value)
            self.accuracies[name] = self.accuracies.get(name, Accuracy()) + value


def _counted(gold_set: GoldSet, predicted: Sequence[PredictedEvent],
             pairs: list[tuple[int, int]]) -> list[int]:
    """The unmatched predictions that count as false positives (see `matching`, one event per
    record)."""
    matched = {j for _, j in pairs}
    unmatched = [j for j in range(len(predicted)) if j not in matched]
    if not gold_set.one_event_per_passage:
        return unmatched
    if pairs:
        return []
    return sorted(unmatched, key=lambda j: predicted[j].spans[0])[:1]


def _per_label(gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent],
               pairs: list[tuple[int, int]], counted: list[int], gold_label: str,
               predicted_label: str) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}

    def add(label: str, tally: Tally) -> None:
        tallies[label] = tallies.get(label, Tally()) + tally

    matched = {i for i, _ in pairs}
    for i, _ in pairs:
        add(_label(gold[i], gold_label), Tally(tp=1))
    for i, g in enumerate(gold):
        if i not in matched:
            add(_label(g, gold_label), Tally(fn=1))
    for j in counted:
        add(_label(predicted[j], predicted_label), Tally(fp=1))
    return tallies


def _label(event: GoldEvent | PredictedEvent, how: str) -> str:
    if how == "type":
        return event.type or "(no PLOVER type)"
    return (event.cameo or "")[:2]


def _describe(event: GoldEvent | PredictedEvent) -> str:
    """A one-line account of an event for error listings: "CONSULT/visit 042 KAZ→RUS visit"."""
    if isinstance(event, GoldEvent):
        source = ",".join(sorted({a.country or "?" for a in event.source}))
        target = ",".join(sorted({a.country or "?" for a in event.target}))
        words = event.anchor
    else:
        source = (event.source.country or "?") if event.source else ""
        target = (event.target.country or "?") if event.target else ""
        words = event.trigger
    parts = [f"{event.type}/{event.mode or '-'}", event.cameo or "",
             f"{source or '∅'}→{target or '∅'}", f"'{words}'" if words else ""]
    return " ".join(p for p in parts if p)


def _sentence_of(passage: Passage, event: GoldEvent | PredictedEvent) -> str:
    """The sentence an event was read from (a gold event's: around its anchor)."""
    text = passage.text
    if isinstance(event, PredictedEvent):
        start, end = event.spans[0]
        return text[start:end]
    if not event.anchor or event.anchor not in text:
        return text
    at = text.index(event.anchor)
    stop = text.rfind(". ", 0, at)
    start = max(0 if stop < 0 else stop + 2, text.rfind("\n", 0, at) + 1)
    end = text.find(". ", at)
    return text[start:len(text) if end < 0 else end + 1]


def _attribute(kind: str, event: GoldEvent | PredictedEvent) -> str:
    """The value a wrong attribute had, to show beside the event in error listings."""
    if kind == "status":
        return f"status {event.status}"
    if kind.startswith("date"):
        if isinstance(event, GoldEvent):
            date = event.date
            return f"date {date.start}..{date.end}" if date else "date –"
        return f"date {event.date_start}..{event.date_end}"
    if kind.startswith("location"):
        if isinstance(event, GoldEvent):
            place = event.location
            return f"place {place.country} {place.name or ''}".rstrip() if place else "place –"
        return f"place {event.place_country} {event.place_name or ''} ({event.place_precision})"
    return ""


def _detection(scores: EventScores, passage: Passage, gold_set: GoldSet,
               predicted: Sequence[PredictedEvent], key: Compatible,
               label: str) -> list[tuple[int, int]]:
    gold = passage.events
    pairs = match_events(passage.text, gold, predicted, key)
    counted = _counted(gold_set, predicted, pairs)
    tally = Tally(len(pairs), len(counted), len(gold) - len(pairs))
    per_label = _per_label(gold, predicted, pairs, counted, label, label)
    target = scores.by_type if label == "type" else scores.by_root
    for name, value in per_label.items():
        target[name] = target.get(name, Tally()) + value
    scores.add("events" if label == gold_set.key else f"events_by_{label}", tally)
    return pairs


def _confusion(scores: EventScores, passage: Passage, gold_set: GoldSet,
               predicted: Sequence[PredictedEvent]) -> None:
    gold = passage.events
    pairs = match_events(passage.text, gold, predicted, sentence_key)
    for i, j in pairs:
        g, p = gold[i], predicted[j]
        stand_in = allowed_by(gold_set.conventions, "plover", g.type, p.type, p.status)
        column = g.type if stand_in else p.type
        scores.confusion[(g.type, column)] += 1
        scores.add("type_accuracy", g.type == column)
        if column != g.type:
            scores.mistakes.append(Mistake(passage.id, "type", _describe(g), _describe(p),
                                           _sentence_of(passage, p)))
    matched_gold = {i for i, _ in pairs}
    for i, g in enumerate(gold):
        if i not in matched_gold:
            scores.confusion[(g.type, NONE)] += 1
    for j in _counted(gold_set, predicted, pairs):
        scores.confusion[(NONE, predicted[j].type)] += 1


def _attributes(scores: EventScores, passage: Passage, predicted: Sequence[PredictedEvent],
                pairs: list[tuple[int, int]], places: PlaceResolver) -> None:
    for i, j in pairs:
        g, p = passage.events[i], predicted[j]
        results: dict[str, bool | None] = {
            **actor_scores(g, p), **date_scores(g, p), "status": status_score(g, p),
            "cameo_code": cameo_score(g, p),
            **place_scores(places.resolve(g.location) if g.location else None, p)}
        for name, right in results.items():
            scores.add(name, right)
            if right is False:
                scores.mistakes.append(Mistake(
                    passage.id, name, f"{_describe(g)} {_attribute(name, g)}".rstrip(),
                    f"{_describe(p)} {_attribute(name, p)}".rstrip(), _sentence_of(passage, p)))
        for name, tally in participant_tallies(g, p).items():
            scores.add(name, tally)


def _root_agreement(passage: Passage, gold_set: GoldSet,
                    predicted: Sequence[PredictedEvent]) -> bool:
    """Whether the passage's set of predicted CAMEO roots is the gold set (PETRARCH-style)."""
    gold_roots = {(e.cameo or "")[:2] for e in passage.events}
    found = set()
    for p in predicted:
        root = p.cameo[:2]
        stand_ins = [g for g in gold_roots if g != root and root not in gold_roots
                     and allowed_by(gold_set.conventions, "cameo", g, root, p.status)]
        found.add(stand_ins[0] if stand_ins else root)
    return found == gold_roots


def score_events(passage: Passage, gold_set: GoldSet, predicted: Sequence[PredictedEvent],
                 places: PlaceResolver, with_roots: bool) -> EventScores:
    """Every event score of one passage."""
    scores = EventScores()
    by_type = _detection(scores, passage, gold_set, predicted, type_key(gold_set.conventions),
                         "type")
    pairs = by_type
    if with_roots:
        by_root = _detection(scores, passage, gold_set, predicted,
                             root_key(gold_set.conventions), "root")
        if gold_set.key == "root":
            pairs = by_root
            scores.add("root_agreement", _root_agreement(passage, gold_set, predicted))
    scores.conventions_used = sum(1 for i, j in pairs if _label(passage.events[i], gold_set.key)
                                  != _label(predicted[j], gold_set.key))
    _confusion(scores, passage, gold_set, predicted)
    _attributes(scores, passage, predicted, pairs, places)
    matched_gold, matched_predicted = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, g in enumerate(passage.events):
        if i not in matched_gold:
            scores.mistakes.append(Mistake(passage.id, "missed", _describe(g), "",
                                           _sentence_of(passage, g)))
    for j in _counted(gold_set, predicted, pairs):
        if j not in matched_predicted:
            scores.mistakes.append(Mistake(passage.id, "spurious", "", _describe(predicted[j]),
                                           _sentence_of(passage, predicted[j])))
    if passage.is_negative:
        scores.add("negatives_clean", not predicted)
    return scores
