"""Running a coder over a gold set and adding up its scores into one `SetResult`.

A coder is any function from a `Document` to an `Extraction`: tengri's extractor (`tengri_coder`)
or the keyword-only floor (`keyword_coder`). A coder that raises on a passage is not allowed to
stop the evaluation: the passage counts as coded with nothing found, and its id and error are
listed under `failures`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from tengri.evaluate.claims import score_facts, score_memberships
from tengri.evaluate.events import EventScores, Mistake, score_events
from tengri.evaluate.gold import GoldSet, Passage
from tengri.evaluate.keyword_baseline import CODER_NAME as KEYWORD
from tengri.evaluate.keyword_baseline import code_keywords
from tengri.evaluate.places import PlaceResolver
from tengri.evaluate.predicted import Predictions, predictions_of
from tengri.evaluate.scores import Accuracy, Tally, macro_f1
from tengri.extract import extract_document
from tengri.kb import KnowledgeBase
from tengri.model import Document, Extraction

Coder = Callable[[Document], Extraction]
TENGRI = "tengri"
CODERS = (TENGRI, KEYWORD)


def tengri_coder(kb: KnowledgeBase) -> Coder:
    return lambda document: extract_document(document, kb)


def keyword_coder(kb: KnowledgeBase) -> Coder:
    return lambda document: code_keywords(document, kb)


def make_coder(name: str, kb: KnowledgeBase) -> Coder:
    return {TENGRI: tengri_coder, KEYWORD: keyword_coder}[name](kb)


@dataclass(frozen=True)
class SetResult:
    """Everything measured on one gold set with one coder."""

    name: str
    format: str
    path: str
    digest: str
    coder: str
    passages: int
    splits: dict[str, int]
    skipped: int
    gold_events: int
    predicted_events: int
    tallies: dict[str, Tally]
    accuracies: dict[str, Accuracy]
    by_type: dict[str, Tally]
    by_root: dict[str, Tally]
    by_tag: dict[str, Tally]  # event detection over the passages carrying each gold tag
    tag_passages: dict[str, int]
    confusion: dict[tuple[str, str], int]
    conventions_used: int
    failures: tuple[str, ...] = ()
    unresolved_places: tuple[str, ...] = ()
    mistakes: tuple[Mistake, ...] = field(default=(), repr=False)
    heldout_hidden: int = 0  # mistakes in held-out passages: counted, never listed

    @property
    def type_macro_f1(self) -> float | None:
        return macro_f1(self.by_type, sorted({g for g, _ in self.confusion if g != "—"}))

    @property
    def root_macro_f1(self) -> float | None:
        gold_roots = [r for r, t in self.by_root.items() if t.tp + t.fn]
        return macro_f1(self.by_root, gold_roots)

    def support(self, score: str) -> int | None:
        """How many gold items a headline score rests on (events, dates, passages …)."""
        base = score.split(".")[0]
        if base in self.tallies:
            return self.tallies[base].tp + self.tallies[base].fn
        if score in self.accuracies:
            return self.accuracies[score].total
        return None

    def headline(self) -> dict[str, float]:
        """The scores pinned by the quality gate and compared by --compare (defined ones)."""
        scores: dict[str, float | None] = {}
        for name in ("events", "events_by_root", "events_by_type", "facts", "memberships"):
            if name in self.tallies:
                tally = self.tallies[name]
                scores |= {f"{name}.precision": tally.precision, f"{name}.recall": tally.recall,
                           f"{name}.f1": tally.f1}
        for name in ("participants_country", "participants_id"):
            if name in self.tallies:
                scores[f"{name}.f1"] = self.tallies[name].f1
        scores["types.macro_f1"] = self.type_macro_f1
        if self.by_root:
            scores["roots.macro_f1"] = self.root_macro_f1
        for name, accuracy in self.accuracies.items():
            scores[name] = accuracy.value
        return {k: round(v, 4) for k, v in sorted(scores.items()) if v is not None}


def _code(coder: Coder, passage: Passage) -> Predictions:
    document = Document(passage.id, passage.text, passage.published, lang=passage.lang)
    try:
        return predictions_of(coder(document))
    except Exception as exc:
        return Predictions(failure=f"{passage.id}: {type(exc).__name__}: {exc}")


def evaluate_set(gold_set: GoldSet, coder: Coder, kb: KnowledgeBase,
                 coder_name: str = TENGRI) -> SetResult:
    """Code every passage of `gold_set` with `coder` and score the result."""
    places = PlaceResolver(kb)
    with_roots = any(p.events for p in gold_set.passages) and all(
        e.cameo for p in gold_set.passages for e in p.events)
    total = EventScores()
    claims: dict[str, Tally | Accuracy] = {}
    failures, mistakes, hidden, predicted_events = [], [], 0, 0
    by_tag: dict[str, Tally] = {}
    tag_passages: Counter[str] = Counter()
    for passage in gold_set.passages:
        predicted = _code(coder, passage)
        if predicted.failure:
            failures.append(predicted.failure)
        predicted_events += len(predicted.events)
        scores = score_events(passage, gold_set, predicted.events, places, with_roots)
        for name, tally in scores.tallies.items():
            total.add(name, tally)
        for name, accuracy in scores.accuracies.items():
            total.add(name, accuracy)
        for target, part in ((total.by_type, scores.by_type), (total.by_root, scores.by_root)):
            for label, tally in part.items():
                target[label] = target.get(label, Tally()) + tally
        total.confusion.update(scores.confusion)
        tag_passages.update(passage.tags)
        for tag in passage.tags:
            by_tag[tag] = by_tag.get(tag, Tally()) + scores.tallies.get("events", Tally())
        total.conventions_used += scores.conventions_used
        if passage.facts or predicted.facts:
            for name, value in score_facts(passage.text, passage.facts, predicted.facts).items():
                claims[name] = claims.get(name, type(value)()) + value  # type: ignore[operator]
        if passage.memberships or predicted.memberships:
            for name, value in score_memberships(passage.text, passage.memberships,
                                                 predicted.memberships).items():
                claims[name] = claims.get(name, type(value)()) + value  # type: ignore[operator]
        if passage.split == "heldout":
            hidden += len(scores.mistakes)
        else:
            mistakes.extend(scores.mistakes)
    has_claims = any(p.facts or p.memberships for p in gold_set.passages)
    for name, value in claims.items() if has_claims else ():
        total.add(name, value)
    return SetResult(
        name=gold_set.name, format=gold_set.format, path=str(gold_set.path),
        digest=gold_set.digest, coder=coder_name, passages=len(gold_set.passages),
        splits=dict(Counter(p.split for p in gold_set.passages)),
        skipped=len(gold_set.skipped),
        gold_events=sum(len(p.events) for p in gold_set.passages),
        predicted_events=predicted_events, tallies=total.tallies,
        accuracies=total.accuracies, by_type=total.by_type, by_root=total.by_root,
        by_tag=by_tag, tag_passages=dict(tag_passages),
        confusion=dict(total.confusion), conventions_used=total.conventions_used,
        failures=tuple(failures), unresolved_places=tuple(sorted(places.unresolved)),
        mistakes=tuple(mistakes), heldout_hidden=hidden,
    )
