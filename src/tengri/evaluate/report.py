"""Results as JSON (for machines and `--compare`), as terminal tables, and the comparison of two
runs. Mistakes of held-out passages are counted but never listed, so that nobody reads them
while writing rules.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich import box
from rich.table import Table

from tengri.evaluate.events import NONE
from tengri.evaluate.run import SetResult

# Headline scores, in the order and with the words the overview tables use.
LABELS: dict[str, str] = {
    "events.precision": "event detection precision",
    "events.recall": "event detection recall",
    "events.f1": "event detection F1",
    "types.macro_f1": "macro-F1 over PLOVER types",
    "type_accuracy": "type accuracy on events found in the right sentence",
    "events_by_root.precision": "CAMEO root detection precision",
    "events_by_root.recall": "CAMEO root detection recall",
    "events_by_root.f1": "CAMEO root detection F1",
    "events_by_type.precision": "PLOVER type detection precision",
    "events_by_type.recall": "PLOVER type detection recall",
    "events_by_type.f1": "PLOVER type detection F1",
    "roots.macro_f1": "macro-F1 over CAMEO roots",
    "root_agreement": "sentences whose CAMEO roots all agree",
    "cameo_code": "exact CAMEO code",
    "source_country": "source by country",
    "target_country": "target by country",
    "source_id": "source by exact actor id",
    "target_id": "target by exact actor id",
    "participants_country.f1": "participants by country (F1)",
    "participants_id.f1": "participants by actor id (F1)",
    "date_exact": "date exact",
    "date_within": "date within the gold range",
    "status": "status",
    "location_country": "place: country",
    "location_city": "place: city within 25 km",
    "negatives_clean": "hard negatives with no event",
    "facts.precision": "fact detection precision",
    "facts.recall": "fact detection recall",
    "facts.f1": "fact detection F1",
    "fact_value": "fact value (±0.5 %, same unit)",
    "fact_qualifier": "fact qualifier",
    "memberships.precision": "membership detection precision",
    "memberships.recall": "membership detection recall",
    "memberships.f1": "membership detection F1",
    "membership_relation": "membership relation",
    "membership_status": "membership status",
    "kb_check": "membership KB check",
}


def in_order(scores: dict[str, float]) -> list[tuple[str, float]]:
    """Headline scores in the order of LABELS (unknown names last, alphabetically)."""
    rank = {name: i for i, name in enumerate(LABELS)}
    return sorted(scores.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))


def mistake_classes(result: SetResult) -> Counter[str]:
    return Counter(m.kind for m in result.mistakes)


def to_json(result: SetResult) -> dict[str, Any]:
    """The JSON shape of one result (`tengri evaluate --json`)."""
    confusion: dict[str, dict[str, int]] = {}
    for (gold, predicted), count in sorted(result.confusion.items()):
        confusion.setdefault(gold, {})[predicted] = count
    examples = [{"passage": m.passage, "kind": m.kind, "gold": m.gold, "predicted": m.predicted,
                 "sentence": m.sentence} for m in result.mistakes]
    return {
        "set": result.name, "format": result.format, "path": result.path,
        "digest": result.digest, "coder": result.coder, "passages": result.passages,
        "splits": result.splits, "skipped": result.skipped,
        "gold_events": result.gold_events, "predicted_events": result.predicted_events,
        "headline": result.headline(),
        "tallies": {k: v.to_dict() for k, v in sorted(result.tallies.items())},
        "accuracies": {k: v.to_dict() for k, v in sorted(result.accuracies.items())},
        "by_type": {k: v.to_dict() for k, v in sorted(result.by_type.items())},
        "by_root": {k: v.to_dict() for k, v in sorted(result.by_root.items())},
        "by_tag": {k: {"passages": result.tag_passages.get(k, 0), **v.to_dict()}
                   for k, v in sorted(result.by_tag.items())},
        "confusion": confusion, "conventions_used": result.conventions_used,
        "failures": list(result.failures), "unresolved_places": list(result.unresolved_places),
        "mistakes": {"classes": dict(mistake_classes(result).most_common()),
                     "examples": examples, "heldout_not_listed": result.heldout_hidden},
    }


def _table(title: str) -> Table:
    """A compact table that still reads in an 80-column terminal."""
    return Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False,
                 collapse_padding=True)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def overview_table(results: list[SetResult]) -> Table:
    table = _table("tengri evaluate (figures in %)")
    columns = {"events.precision": "P", "events.recall": "R", "events.f1": "F1",
               "type_accuracy": "type", "source_country": "src", "target_country": "tgt",
               "date_within": "date", "status": "stat"}
    table.add_column("set", no_wrap=True)
    table.add_column("coder", no_wrap=True)
    table.add_column("n", justify="right", no_wrap=True)
    for header in columns.values():
        table.add_column(header, justify="right", no_wrap=True)
    for result in results:
        scores = result.headline()
        table.add_row(result.name, result.coder, str(result.passages),
                      *(_pct(scores.get(c)) for c in columns))
    return table


def scores_table(result: SetResult) -> Table:
    table = _table(f"{result.name} · {result.coder}")
    table.add_column("score")
    table.add_column("%", justify="right")
    table.add_column("scored", justify="right")
    for name, value in in_order(result.headline()):
        support = result.support(name)
        table.add_row(LABELS.get(name, name), _pct(value), "" if support is None else str(support))
    return table


def labels_table(result: SetResult, by: str) -> Table:
    tallies = result.by_type if by == "type" else result.by_root
    table = _table(f"{result.name} · per {'PLOVER type' if by == 'type' else 'CAMEO root'}")
    for column in (by, "gold", "found", "extra", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == by else "right")
    for label, tally in sorted(tallies.items()):
        table.add_row(label, str(tally.tp + tally.fn), str(tally.tp), str(tally.fp),
                      _pct(tally.precision), _pct(tally.recall), _pct(tally.f1))
    return table


def confusion_table(result: SetResult, limit: int = 15) -> Table:
    """The commonest type confusions of events paired by sentence alone (the full matrix is in
    the JSON output and EVALUATION.md)."""
    table = _table(f"{result.name} · types confused (events in the same sentence)")
    for column in ("gold type", "coded as", "count"):
        table.add_column(column, justify="right" if column == "count" else "left")
    swaps = sorted(((count, gold, predicted) for (gold, predicted), count
                    in result.confusion.items() if NONE not in (gold, predicted)
                    and gold != predicted), reverse=True)
    for count, gold, predicted in swaps[:limit]:
        table.add_row(gold, predicted, str(count))
    return table


def mistakes_table(result: SetResult, limit: int = 5) -> Table:
    """The most common error classes, with one example each (development passages only)."""
    table = _table(f"{result.name} · most common errors (held-out passages not listed: "
                   f"{result.heldout_hidden})")
    for column in ("error", "count", "example: gold → predicted", "sentence"):
        table.add_column(column, overflow="fold")
    for kind, count in mistake_classes(result).most_common(limit):
        example = next(m for m in result.mistakes if m.kind == kind)
        table.add_row(kind, str(count), f"{example.gold or '∅'} → {example.predicted or '∅'}",
                      example.sentence[:200])
    return table


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str, float | None,
                                                                     float | None]]:
    """What changed between two `--json` outputs: (set, coder, score, old, new) per change,
    for the sets and coders both runs scored."""
    def index(payload: dict[str, Any]) -> dict[tuple[str, str], dict[str, float]]:
        return {(r["set"], r["coder"]): r["headline"] for r in payload.get("results", [])}

    before, after = index(old), index(new)
    changes = []
    for key in sorted(before.keys() & after.keys()):
        was, now = before.get(key, {}), after.get(key, {})
        for name in sorted(was.keys() | now.keys()):
            if was.get(name) != now.get(name):
                changes.append((key[0], key[1], name, was.get(name), now.get(name)))
    return changes


def compare_table(changes: list[tuple[str, str, str, float | None, float | None]]) -> Table:
    table = _table("what changed (figures in %)")
    for column in ("set", "coder", "score", "before", "after", "change"):
        table.add_column(column, justify="right" if column in {"before", "after"} else "left")
    for name, coder, score, was, now in changes:
        if was is None or now is None:
            verdict = "new" if was is None else "gone"
        else:
            verdict = f"better (+{100 * (now - was):.1f})" if now > was else \
                f"worse ({100 * (now - was):.1f})"
        table.add_row(name, coder, LABELS.get(score, score), _pct(was), _pct(now), verdict)
    return table
