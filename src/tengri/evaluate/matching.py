"""How predicted events are paired with gold events before anything is scored.

MATCHING (the same text is shown by `tengri evaluate --help`):

- One-to-one, within a passage. A gold event can be matched by at most one predicted event and
  a predicted event can match at most one gold event.
- Same sentence. A gold event's `anchor` (an exact substring of the passage) locates its
  sentence; a predicted event's evidence gives the sentences it was read from (the first report
  and its later mentions, which merging folded into it). They share a sentence when an
  occurrence of the anchor starts inside one of those sentences. Formats without anchors (the
  PLOVER and PETRARCH records, one sentence each) put the gold event in every sentence.
- Same type. Event detection matches on the PLOVER type; CAMEO-coded gold (PETRARCH) matches on
  the CAMEO root. Per-root scores always use a second matching on the root, and the confusion
  matrix a third one on the sentence alone.
- Ties. Among the pairings with the most matches, the one with the most attribute agreement
  wins (mode, CAMEO code, source and target country, status, overlapping dates, place country),
  found exactly with the Hungarian algorithm.
- Future cooperation. tengri's coding guide codes a planned meeting as CONSULT with status
  "planned"; PLOVER codes future meetings, visits and other future cooperation as AGREE (manual,
  AGREE and CONSULT sections), and CAMEO as 03x "express intent". On the PLOVER and PETRARCH
  sets the convention `future-as-intent` (data/conventions.csv) lets a planned or hypothetical
  CONSULT, SUPPORT, COOPERATE or AID prediction match AGREE gold (RETREAT: CONCEDE; CAMEO roots
  04-08: 03) and counts it as the gold type. Our own gold follows our guide, so it gets no
  such allowance. How often the allowance was used is reported.
- One event per record. The PLOVER GSR codes one example event per sentence, not all of them:
  when a record's event is matched, other predictions in that sentence are not counted as false
  positives; when it is not, the record's first prediction is (one false positive at most).
- Symmetric events. Once paired, events without a direction (CONSULT without the visit mode,
  except mediation 045; signing, CAMEO 057; multilateral meetings; PLOVER records marked
  SRC/TAR) compare source and target without orientation: the better orientation is scored.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from tengri.evaluate.gold import GoldEvent
from tengri.evaluate.predicted import PredictedEvent

_BIG = 1000.0  # one more match outweighs any amount of attribute agreement


@dataclass(frozen=True, slots=True)
class Convention:
    name: str
    scheme: str  # "plover" (types) or "cameo" (roots)
    predicted: str
    gold: str
    statuses: frozenset[str]


@functools.cache
def conventions() -> tuple[Convention, ...]:
    text = (resources.files("tengri.evaluate") / "data" / "conventions.csv").read_text("utf-8")
    return tuple(Convention(r["convention"], r["scheme"], r["predicted"], r["gold"],
                            frozenset(r["statuses"].split("|")))
                 for r in csv.DictReader(text.splitlines()))


def allowed_by(active: frozenset[str], scheme: str, gold: str, predicted: str,
               status: str) -> bool:
    """Whether an active convention lets `predicted` (with `status`) stand for `gold`."""
    return any(c.name in active and c.scheme == scheme and c.gold == gold
               and c.predicted == predicted and status in c.statuses for c in conventions())


def anchor_offsets(text: str, anchor: str | None) -> tuple[int, ...] | None:
    """Where the anchor starts in the text (every occurrence); None means anywhere."""
    if anchor is None:
        return None
    found, at = [], text.find(anchor)
    while at >= 0:
        found.append(at)
        at = text.find(anchor, at + 1)
    return tuple(found)


def same_sentence(offsets: tuple[int, ...] | None, spans: Sequence[tuple[int, int]]) -> bool:
    if offsets is None:
        return True
    return any(start <= at < end for at in offsets for start, end in spans)


def is_symmetric(gold: GoldEvent) -> bool:
    """Whether the event has no direction, so source and target compare orientation-free."""
    if gold.symmetric is not None:
        return gold.symmetric
    code = gold.cameo or ""
    if code.startswith("057") or gold.mode == "multilateral":
        return True
    return gold.type == "CONSULT" and gold.mode != "visit" and not code.startswith("045") \
        and code[:3] not in {"042", "043"}


def countries(actors: Sequence[object]) -> frozenset[str]:
    return frozenset(c for a in actors if (c := getattr(a, "country", None)))


def _agrees(gold: GoldEvent, predicted: PredictedEvent) -> int:
    """How much the attributes agree; breaks ties between pairings with as many matches. The
    type outweighs the rest, so that a sentence-only matching pairs equal types first."""
    pairs = [(gold.mode, predicted.mode), (gold.cameo, predicted.cameo),
             (gold.status, predicted.status),
             (gold.location.country if gold.location else None, predicted.place_country)]
    score = sum(1 for g, p in pairs if g is not None and g == p)
    score += 10 * (gold.type == predicted.type)
    source = {predicted.source.country} if predicted.source else set()
    target = {predicted.target.country} if predicted.target else set()
    score += bool(countries(gold.source) & source) + bool(countries(gold.target) & target)
    if gold.date and gold.date.start and predicted.date_start and predicted.date_end and \
            gold.date.end and predicted.date_start <= gold.date.end and \
            gold.date.start <= predicted.date_end:
        score += 1
    return score


def hungarian(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """Rows paired with columns one-to-one, maximising the total weight (None: not allowed)."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    n = max(rows, cols)
    if n == 0:
        return []
    top = max((w for row in weights for w in row if w is not None), default=0.0)

    def cost_of(i: int, j: int) -> float:
        weight = weights[i][j] if i < rows and j < cols else None
        return top - (-_BIG * 10 if weight is None else weight)

    cost = [[cost_of(i, j) for j in range(n)] for i in range(n)]
    # e-maxx formulation, 1-based potentials u, v and column owners p.
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j]]
    return sorted((i, j) for i, j in pairs
                  if i < rows and j < cols and weights[i][j] is not None)


Compatible = Callable[[GoldEvent, PredictedEvent], bool]


def match_events(text: str, gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent],
                 compatible: Compatible) -> list[tuple[int, int]]:
    """Gold and predicted events of one passage paired one-to-one (see the module docstring):
    same sentence and `compatible`, most matches, then most attribute agreement."""
    offsets = [anchor_offsets(text, g.anchor) for g in gold]
    weights = [[_BIG + _agrees(g, p) if same_sentence(at, p.spans) and compatible(g, p)
                else None for p in predicted] for g, at in zip(gold, offsets, strict=True)]
    return hungarian(weights)


def type_key(active: frozenset[str]) -> Compatible:
    """Match on the PLOVER type (or a convention's stand-in for it)."""
    def compatible(gold: GoldEvent, predicted: PredictedEvent) -> bool:
        return gold.type == predicted.type or allowed_by(
            active, "plover", gold.type, predicted.type, predicted.status)
    return compatible


def root_key(active: frozenset[str]) -> Compatible:
    """Match on the CAMEO root (or a convention's stand-in for it)."""
    def compatible(gold: GoldEvent, predicted: PredictedEvent) -> bool:
        if not gold.cameo:
            return False
        return gold.cameo[:2] == predicted.cameo[:2] or allowed_by(
            active, "cameo", gold.cameo[:2], predicted.cameo[:2], predicted.status)
    return compatible


def sentence_key(_gold: GoldEvent, _predicted: PredictedEvent) -> bool:
    """Match on the sentence alone (for the confusion matrix and type accuracy)."""
    return True
