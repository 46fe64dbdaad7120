"""`tengri evaluate`: score the extractor on gold sets, write EVALUATION.md, keep the gate."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress

from tengri import __version__
from tengri.cli.app import app, err, handles_errors, out
from tengri.errors import InputError, TengriError, UsageError
from tengri.evaluate import (
    GOLD_FORMATS,
    GoldSet,
    SetResult,
    evaluate_set,
    make_coder,
    matching,
    read_gold,
)
from tengri.evaluate.gate import BASELINE_PATH, load_baseline, update_baseline, write_baseline
from tengri.evaluate.keyword_baseline import CODER_NAME as KEYWORD
from tengri.evaluate.markdown import Run, evaluation_page
from tengri.evaluate.report import (
    compare,
    compare_table,
    confusion_table,
    labels_table,
    mistakes_table,
    overview_table,
    scores_table,
    to_json,
)
from tengri.evaluate.run import TENGRI
from tengri.evaluate.sets import STANDARD_SETS, StandardSet, default_reference
from tengri.kb import KnowledgeBase, load_kb
from tengri.model import RULES_VERSION
from tengri.settings import Settings

SPLITS = ("all", "dev", "heldout")
CODER_CHOICES = (TENGRI, KEYWORD, "all")


def _matching_help() -> str:
    """The MATCHING section of `matching`'s docstring, one paragraph per rule for --help."""
    text = (matching.__doc__ or "").split("MATCHING", 1)[-1].split(":", 1)[-1]
    rules = [" ".join(rule.split()) for rule in text.split("\n- ") if rule.strip()]
    return "\n\n".join(f"- {rule.lstrip('- ')}" for rule in rules)


def _commit(root: Path) -> str:
    """The short commit of HEAD, marked when src/ has uncommitted changes; "unknown" without git."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, check=True,
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=root,
                               check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (with uncommitted changes in src/)" if dirty else head


def _standard(root: Path, reference: Path) -> tuple[list[tuple[StandardSet, GoldSet]],
                                                     list[StandardSet]]:
    present, absent = [], []
    for standard in STANDARD_SETS:
        if standard.available(root, reference):
            present.append((standard, standard.read(root, reference)))
        else:
            absent.append(standard)
    return present, absent


def _read_one(path: Path, gold_format: str, texts: Path | None, root: Path,
              reference: Path) -> tuple[StandardSet | None, GoldSet]:
    """A --gold file; one of the standard sets keeps its name (so --compare lines up with a
    full run) and its corpus of texts."""
    for standard in STANDARD_SETS:
        if standard.location(root, reference).resolve() == path.resolve():
            return standard, read_gold(path, gold_format, texts or standard.texts_location(root),
                                       standard.name)
    return None, read_gold(path, gold_format, texts)


def _measure(sets: list[tuple[StandardSet | None, GoldSet]], coders: list[str],
             knowledge: KnowledgeBase) -> list[tuple[StandardSet | None, GoldSet,
                                                     dict[str, SetResult]]]:
    measured = []
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("scoring", total=len(sets) * len(coders))
        for standard, gold in sets:
            results = {}
            for coder in coders:
                progress.update(task, description=f"{gold.name} · {coder}")
                results[coder] = evaluate_set(gold, make_coder(coder, knowledge), knowledge,
                                              coder)
                progress.advance(task)
            measured.append((standard, gold, results))
    return measured


def _payload(results: list[SetResult], commit: str) -> dict[str, Any]:
    return {"tengri": __version__, "rules": RULES_VERSION, "commit": commit,
            "date": dt.date.today().isoformat(), "results": [to_json(r) for r in results]}


def _print(results: list[SetResult], details: bool) -> None:
    out.print(overview_table(results))
    if not details:
        return
    for result in results:
        out.print(scores_table(result))
        if result.by_type:
            out.print(labels_table(result, "type"))
        if result.by_root:
            out.print(labels_table(result, "root"))
        if result.confusion:
            out.print(confusion_table(result))
        if result.mistakes or result.heldout_hidden:
            out.print(mistakes_table(result))


def _write_baseline(measured: list[tuple[StandardSet | None, GoldSet, dict[str, SetResult]]],
                    absent: list[StandardSet], allow_regression: bool, commit: str) -> None:
    by_name = {standard.name: (standard, results[TENGRI])
               for standard, _, results in measured if standard is not None}
    update = update_baseline(load_baseline(), by_name,
                             {s.name for s in absent if s.in_reference}, commit)
    if update.lowered and not allow_regression:
        shown = "; ".join(update.lowered[:8])
        more = f" (and {len(update.lowered) - 8} more)" if len(update.lowered) > 8 else ""
        raise TengriError(f"the new baseline would lower {len(update.lowered)} floors: {shown}"
                          f"{more}; fix the regression, or pass --allow-regression to lower "
                          "them on purpose")
    write_baseline(update.baseline)
    err.print(f"tengri: wrote {BASELINE_PATH} ({len(update.baseline['sets'])} sets, "
              f"{len(update.raised)} floors raised, {len(update.lowered)} lowered)", markup=False)


def _gold_sets(gold: list[Path] | None, gold_format: str, texts: Path | None, split: str,
               root: Path, reference: Path) -> tuple[list[tuple[StandardSet | None, GoldSet]],
                                                     list[StandardSet]]:
    """The gold sets to score (the --gold files, else the standard sets in reach), kept to
    `split`, and the standard sets out of reach."""
    sets: list[tuple[StandardSet | None, GoldSet]]
    absent: list[StandardSet] = []
    if gold:
        sets = [_read_one(path, gold_format, texts, root, reference) for path in gold]
    else:
        present, absent = _standard(root, reference)
        if not present:
            raise UsageError("no gold sets found: run from the repository root (gold/en/, "
                             "tests/data/) or pass --gold PATH")
        sets = list(present)
    sets = [(standard, g.only(split)) for standard, g in sets if g.only(split).passages]
    if not sets:
        raise UsageError(f"no passage of the gold has split {split!r}")
    return sets, absent


def _changes(path: Path, payload: dict[str, Any]) -> list[tuple[str, str, str, float | None,
                                                                  float | None]]:
    """What changed since the --json output at `path`; also added to the payload."""
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"--compare {path}: not a `tengri evaluate --json` output "
                         f"({exc})") from None
    changes = compare(old, payload)
    payload["changes"] = [{"set": s, "coder": c, "score": n, "before": b, "after": a}
                          for s, c, n, b, a in changes]
    return changes


def _check_options(split: str, coder: str, write: bool, allow: bool, gold: list[Path] | None,
                   kb: list[str] | None) -> None:
    if split not in SPLITS:
        raise UsageError(f"--split {split!r}; choose one of {', '.join(SPLITS)}")
    if coder not in CODER_CHOICES:
        raise UsageError(f"--coder {coder!r}; choose one of {', '.join(CODER_CHOICES)}")
    if allow and not write:
        raise UsageError("--allow-regression only makes sense with --write-baseline")
    if write and (gold or kb or split != "all"):
        raise UsageError("--write-baseline measures the standard gold sets with the shipped KB; "
                         "leave out --gold, --kb and --split")


@app.command(help="Score tengri's extractor on gold sets.\n\n"
             "With --gold, scores that file (tengri JSONL per docs/GOLD.md, the PLOVER "
             "gold-standard records, or PETRARCH validation XML; --format auto tells them apart). "
             "Without it, scores the standard sets: our gold in gold/en/ (dev and held-out), "
             "the sample articles, and the PLOVER and PETRARCH records from the shared reference "
             "folder when it is there (--reference, or TENGRI_REFERENCE).\n\n"
             "Prints precision, recall and F1 of event detection, per PLOVER type and CAMEO "
             "root, actors by country and exact id, dates (exact, within the gold range), "
             "status, places (country; city within 25 km), facts, memberships and a confusion "
             "matrix of types. --report writes EVALUATION.md with the keyword-only floor and "
             "published figures beside ours; --write-baseline regenerates the quality gate's "
             "floors.\n\nMATCHING\n\n" + _matching_help())
@handles_errors
def evaluate(
    gold: Annotated[list[Path] | None, typer.Option(
        "--gold", help="A gold file to score (repeatable). Default: the standard sets.")] = None,
    gold_format: Annotated[str, typer.Option(
        "--format", help="Gold format: " + ", ".join(GOLD_FORMATS) + ".")] = "auto",
    texts: Annotated[Path | None, typer.Option(
        "--texts", help="JSONL corpus (id, text, published) for gold lines that carry no text "
        "of their own.")] = None,
    split: Annotated[str, typer.Option(
        "--split", help="Score only dev or heldout passages, or all.")] = "all",
    coder: Annotated[str, typer.Option(
        "--coder", help="tengri, keyword-only (the trivial floor) or all.")] = TENGRI,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the full results as JSON.")] = False,
    compare_with: Annotated[Path | None, typer.Option(
        "--compare", help="An earlier --json output: print which scores got better or "
        "worse.")] = None,
    report: Annotated[Path | None, typer.Option(
        "--report", help="Write the evaluation report (Markdown, e.g. EVALUATION.md) for the "
        "standard sets.")] = None,
    details: Annotated[bool, typer.Option(
        "--details", help="Per-type, per-root, confusion and error tables for every set "
        "(default when one set is scored).")] = False,
    write: Annotated[bool, typer.Option(
        "--write-baseline", help="Regenerate src/tengri/evaluate/baseline.json from the "
        "standard sets.")] = False,
    allow_regression: Annotated[bool, typer.Option(
        "--allow-regression", help="Let --write-baseline lower floors or drop a set.")] = False,
    reference: Annotated[Path | None, typer.Option(
        "--reference", help="The shared reference folder (default: TENGRI_REFERENCE, else "
        "../shared/reference).")] = None,
    kb: Annotated[list[str] | None, typer.Option(
        "--kb", help="A user KB file or folder that extends the shipped knowledge base "
        "(repeatable).")] = None,
) -> None:
    _check_options(split, coder, write, allow_regression, gold, kb)
    if report is not None and gold:
        raise UsageError("--report covers the standard sets; leave out --gold")
    root = Path.cwd()
    sets, absent = _gold_sets(gold, gold_format, texts, split, root,
                              reference or default_reference(root))
    coders = [TENGRI, KEYWORD] if report or coder == "all" else [coder]
    if write and not report:
        coders = [TENGRI]
    knowledge = load_kb(Settings.from_env(kb_paths=tuple(Path(p) for p in kb or ())).kb_paths)
    measured = _measure(sets, coders, knowledge)
    results = [r for _, _, by_coder in measured for r in by_coder.values()]
    commit = _commit(root)
    payload = _payload(results, commit)
    changes = _changes(compare_with, payload) if compare_with is not None else None
    if as_json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        _print(results, details or len(sets) == 1)
        if changes is not None:
            out.print(compare_table(changes) if changes else "No score changed.")
    if report is not None:
        runs = [Run(standard, g, by_coder) for standard, g, by_coder in measured
                if standard is not None]
        report.write_text(evaluation_page(runs, absent, dt.date.today().isoformat(),
                                          __version__, RULES_VERSION, commit), encoding="utf-8")
        err.print(f"tengri: wrote {report}", markup=False)
    if write:
        _write_baseline(measured, absent, allow_regression, commit.split(" ")[0])
