"""EVALUATION.md: every figure `make eval` measures, next to the published figures of others.

The page is generated; edit this module, not the page. Mistakes of held-out passages are never
listed, only counted.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from tengri.evaluate.events import NONE
from tengri.evaluate.gold import GoldSet
from tengri.evaluate.keyword_baseline import CODER_NAME as KEYWORD
from tengri.evaluate.places import CITY_RADIUS_KM
from tengri.evaluate.report import LABELS, in_order, mistake_classes
from tengri.evaluate.run import TENGRI, SetResult
from tengri.evaluate.sets import StandardSet

HEADLINE = ("events.precision", "events.recall", "events.f1", "type_accuracy", "types.macro_f1",
            "source_country", "target_country", "date_exact", "date_within", "status",
            "location_country", "location_city")
SHORT = ("event P", "event R", "event F1", "type acc.", "type macro-F1", "source", "target",
         "date exact", "date within", "status", "place country", "city ≤25 km")
# The aims of issue 7: (set, score, target, words).
AIMS = (
    ("en-heldout", "events.precision", 0.90, "event detection precision"),
    ("en-heldout", "events.recall", 0.85, "event detection recall"),
    ("en-heldout", "type_accuracy", 0.90, "type accuracy on detected events"),
    ("en-heldout", "source_country", 0.95, "source country"),
    ("en-heldout", "target_country", 0.95, "target country"),
    ("en-heldout", "date_exact", 0.90, "dates (exact)"),
    ("en-heldout", "date_within", 0.90, "dates (within the gold range)"),
    ("en-heldout", "status", 0.90, "status"),
    ("plover-gsr", "types.macro_f1", 0.75, "PLOVER gold set: macro-F1 over types"),
    ("petrarch-unit", "root_agreement", 0.85, "PETRARCH records: root-code agreement "
     "(every root of the sentence right)"),
    ("petrarch-unit", "events.recall", 0.85, "PETRARCH records: gold codings whose root was "
     "found"),
)


@dataclass(frozen=True, slots=True)
class Run:
    """One standard set as measured: its definition, its gold, and a result per coder."""

    standard: StandardSet
    gold: GoldSet
    results: dict[str, SetResult]


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) \
            + " |"
    return [line(headers), "|" + "|".join("---" for _ in headers) + "|", *map(line, rows), ""]


def _published() -> list[dict[str, str]]:
    text = (resources.files("tengri.evaluate") / "data" / "published.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _corpora(runs: Sequence[Run], absent: Sequence[StandardSet]) -> list[str]:
    rows = []
    for run in runs:
        splits = ", ".join(f"{n} {s}" for s, n in sorted(run.results[TENGRI].splits.items()))
        rows.append([f"`{run.standard.name}`", run.standard.about, f"`{run.standard.path}`",
                     f"{len(run.gold.passages)} ({splits})",
                     str(sum(len(p.events) for p in run.gold.passages)),
                     str(sum(len(p.facts) + len(p.memberships) for p in run.gold.passages)),
                     str(len(run.gold.skipped)), f"`{run.gold.digest[:23]}…`"])
    lines = ["## Gold sets", ""]
    lines += _table(["set", "what", "file", "passages (split)", "gold events",
                     "facts + memberships", "records left out", "SHA-256"], rows)
    if absent:
        lines += ["Not measured on this machine (file absent): "
                  + ", ".join(f"`{s.name}` ({s.path})" for s in absent) + ".", ""]
    return lines


def _headline(runs: Sequence[Run]) -> list[str]:
    rows = []
    for run in runs:
        for coder in (TENGRI, KEYWORD):
            result = run.results.get(coder)
            if result is None:
                continue
            scores = result.headline()
            rows.append([run.standard.name, coder, *(_pct(scores.get(h)) for h in HEADLINE)])
    return ["## Headline figures (%)", "",
            "`keyword-only` is the trivial floor (first lexicon trigger in a sentence, first two "
            "countries as source and target, publication date, always occurred). “–” means the "
            "set does not code that attribute.", "",
            *_table(["set", "coder", *SHORT], rows)]


def _ours(runs: Sequence[Run], score: str) -> str:
    found = [f"{run.standard.name} {_pct(run.results[TENGRI].headline().get(score))}"
             for run in runs if run.results[TENGRI].headline().get(score) is not None]
    return "; ".join(found) or "–"


def _others(runs: Sequence[Run]) -> list[str]:
    rows = [[r["system"], r["measure"], _pct(float(r["value"])) if r["value"] else "not public",
             r["how_measured"], _ours(runs, r["compares_to"]) if r["compares_to"] else "–",
             r["source"]] for r in _published()]
    return ["## Next to published figures", "",
            "Their figures were measured on other data and in other ways (a hand check of 50 "
            "events; agreement between two versions of one coder), so they are orientation, not a "
            "like-for-like ranking. Ours are tengri's on each set that codes the attribute.", "",
            *_table(["system", "measure", "theirs (%)", "how they measured", "ours (%)",
                     "source"], rows)]


def _aims(runs: Sequence[Run]) -> list[str]:
    by_name = {run.standard.name: run for run in runs}
    rows = []
    for name, score, target, words in AIMS:
        run = by_name.get(name)
        value = run.results[TENGRI].headline().get(score) if run else None
        verdict = "not measured" if value is None else ("met" if value >= target else "not met")
        rows.append([words, f"`{name}`", f"≥ {100 * target:.0f}", _pct(value), verdict])
    return ["## Aims (issue 7)", "",
            "The aims for our own gold are read on the **held-out** part, which is scored only.",
            "", *_table(["aim", "set", "target (%)", "measured (%)", ""], rows)]


def _detail(run: Run) -> list[str]:
    tengri, keyword = run.results[TENGRI], run.results.get(KEYWORD)
    kw = keyword.headline() if keyword else {}
    lines = [f"### `{run.standard.name}`", "", run.standard.about + ".", ""]
    if run.standard.caveat:
        lines += [f"*Reading these figures:* {run.standard.caveat}", ""]
    rows = [[LABELS.get(name, name), _pct(value), _pct(kw.get(name)),
             "" if tengri.support(name) is None else str(tengri.support(name))]
            for name, value in in_order(tengri.headline())]
    lines += _table(["score", "tengri (%)", "keyword-only (%)", "gold items"], rows)
    if tengri.by_type:
        lines += ["Per PLOVER type (tengri):", ""]
        lines += _table(["type", "gold", "found", "extra", "P", "R", "F1"], [
            [label, str(t.tp + t.fn), str(t.tp), str(t.fp), _pct(t.precision), _pct(t.recall),
             _pct(t.f1)] for label, t in sorted(tengri.by_type.items())])
    if tengri.by_root:
        lines += ["Per CAMEO root (tengri):", ""]
        lines += _table(["root", "gold", "found", "extra", "P", "R", "F1"], [
            [label, str(t.tp + t.fn), str(t.tp), str(t.fp), _pct(t.precision), _pct(t.recall),
             _pct(t.f1)] for label, t in sorted(tengri.by_root.items())])
    lines += _tags(tengri)
    lines += _confusion(tengri)
    lines += _mistakes(tengri)
    lines += _notes(run, tengri)
    return lines


def _tags(result: SetResult, least: int = 10) -> list[str]:
    """Event detection over the passages of each gold tag that at least `least` carry."""
    rows = [[f"`{tag}`", str(result.tag_passages[tag]), str(t.tp + t.fn), str(t.tp), str(t.fp),
             _pct(t.precision), _pct(t.recall), _pct(t.f1)]
            for tag, t in sorted(result.by_tag.items()) if result.tag_passages[tag] >= least]
    if not rows or result.format != "tengri":
        return []
    return [f"Event detection by gold tag (tengri; tags on at least {least} passages):", "",
            *_table(["tag", "passages", "gold events", "found", "extra", "P", "R", "F1"], rows)]


def _confusion(result: SetResult) -> list[str]:
    rows_labels = [*sorted({g for g, _ in result.confusion} - {NONE}), NONE]
    columns = [*sorted({p for _, p in result.confusion} - {NONE}), NONE]
    rows = [[label, *(str(result.confusion.get((label, c), "")) for c in columns)]
            for label in rows_labels
            if any(result.confusion.get((label, c)) for c in columns)]
    return ["Confusion of types (tengri; events paired by sentence alone; rows gold, columns "
            f"predicted, {NONE} = none):", "", *_table(["gold \\ predicted", *columns], rows)]


def _mistakes(result: SetResult) -> list[str]:
    classes = mistake_classes(result)
    if result.heldout_hidden and not classes:
        return [f"{result.heldout_hidden} scoring errors on held-out passages: counted, not "
                "listed.", ""]
    if not classes:
        return []
    rows = []
    for kind, count in classes.most_common(5):
        example = next(m for m in result.mistakes if m.kind == kind)
        rows.append([kind, str(count), f"{example.gold or '∅'} → {example.predicted or '∅'}",
                     example.sentence[:240]])
    return ["Most common errors (tengri), one example each:", "",
            *_table(["error", "count", "gold → predicted", "sentence"], rows)]


def _notes(run: Run, result: SetResult) -> list[str]:
    notes = []
    if run.gold.skipped:
        shown = "; ".join(run.gold.skipped[:3])
        notes.append(f"{len(run.gold.skipped)} records or codings left out by the reader "
                     f"(e.g. {shown}).")
    if result.conventions_used:
        notes.append(f"{result.conventions_used} matches used the `future-as-intent` convention "
                     "(a planned CONSULT/SUPPORT/COOPERATE/AID standing for AGREE gold).")
    if result.unresolved_places:
        notes.append("Gold places the KB does not know (country only): "
                     + ", ".join(result.unresolved_places) + ".")
    if result.failures:
        notes.append(f"{len(result.failures)} passages made the coder fail: "
                     + "; ".join(result.failures[:3]) + ".")
    return [*(f"- {n}" for n in notes), ""] if notes else []


def evaluation_page(runs: Sequence[Run], absent: Sequence[StandardSet], date: str,
                    version: str, rules: str, commit: str) -> str:
    """The whole of EVALUATION.md."""
    lines = [
        "# How well tengri codes events", "",
        f"Generated by `make eval` (`tengri evaluate --report EVALUATION.md`) on {date}, "
        f"tengri {version}, rules {rules}, commit {commit}. Do not edit by hand.", "",
        "## How it is measured", "",
        "- Each gold passage is coded by the extractor; predicted events are paired one-to-one "
        "with gold events **in the same sentence and of the same type** (CAMEO root for the "
        "PETRARCH records), the best attribute agreement breaking ties. Symmetric events "
        "(meetings, talks, calls, signings, multilateral meetings) compare source and target "
        "orientation-free. The full rules: `tengri evaluate --help`.",
        "- Attributes are scored on the paired events only and only where the gold codes them: "
        "actors by country and by exact KB id, dates exactly and within the gold range, status, "
        f"place country and city within {CITY_RADIUS_KM:.0f} km (coordinates from tengri's KB).",
        "- `en-dev` (and the sample articles) may be read while writing rules; `en-heldout` is "
        "scored only and its errors are never listed here.",
        "- PLOVER's gold codes future meetings and other future cooperation as AGREE; tengri "
        "codes them as CONSULT (SUPPORT …) with status planned. On the PLOVER and PETRARCH sets a "
        "planned or hypothetical prediction of that kind is accepted for AGREE gold (and CAMEO "
        "04–08 for 03); our own gold follows our coding guide and gets no such allowance.",
        "- The PLOVER records code one example event per sentence, so other events found in a "
        "sentence whose example was found are not counted against tengri; the PETRARCH records "
        "use fictional states, so only CAMEO roots (and real countries) can be compared.",
        "- Extraction is deterministic; `src/tengri/evaluate/baseline.json` pins every score "
        "just under its value here, and CI fails on any drop.", "",
    ]
    lines += _corpora(runs, absent)
    lines += _headline(runs)
    lines += _aims(runs)
    lines += _others(runs)
    lines += ["## Per set", ""]
    for run in runs:
        lines += _detail(run)
    return "\n".join(lines).rstrip() + "\n"
