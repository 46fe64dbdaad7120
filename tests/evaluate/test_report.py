"""EVALUATION.md and the comparison of two runs."""

from __future__ import annotations

from pathlib import Path

from tengri.evaluate import evaluate_set, keyword_coder, read_gold
from tengri.evaluate.markdown import Run, evaluation_page
from tengri.evaluate.report import compare
from tengri.evaluate.run import SetResult
from tengri.evaluate.sets import StandardSet, standard_set
from tengri.model import Extraction

from .factories import DATA


def _run(kb, standard: StandardSet, split: str) -> Run:
    gold = read_gold(DATA / "mini_gold.jsonl").only(split)
    results: dict[str, SetResult] = {
        "tengri": evaluate_set(gold, lambda d: Extraction(d), kb, "tengri"),
        "keyword-only": evaluate_set(gold, keyword_coder(kb), kb, "keyword-only")}
    return Run(standard, gold, results)


def test_the_page_has_every_section_with_date_commit_and_published_figures(kb):
    runs = [_run(kb, standard_set("en-dev"), "dev"),
            _run(kb, standard_set("en-heldout"), "heldout")]
    page = evaluation_page(runs, [standard_set("plover-gsr")], "2026-11-26", "0.1.0", "2026.1",
                           "abc1234")
    for heading in ("# How well tengri codes events", "## How it is measured", "## Gold sets",
                    "## Headline figures (%)", "## Aims (issue 7)",
                    "## Next to published figures", "## Per set", "### `en-dev`",
                    "### `en-heldout`"):
        assert heading in page, heading
    assert "on 2026-11-26, tengri 0.1.0, rules 2026.1, commit abc1234" in page
    assert "| GDELT | event code right | 81.2 |" in page
    assert "| PETRARCH-2 |" in page and "| POLECAT | per-type scores | not public |" in page
    assert "Not measured on this machine (file absent): `plover-gsr`" in page
    assert "| event detection recall | `en-heldout` | ≥ 85 | 0.0 | not met |" in page


def test_the_page_never_lists_a_held_out_sentence(kb):
    heldout = _run(kb, standard_set("en-heldout"), "heldout")
    page = evaluation_page([heldout], [], "2026-11-26", "0.1.0", "2026.1", "abc1234")
    assert "Russia and China signed an agreement" not in page
    assert "scoring errors on held-out passages: counted, not listed" in page


def test_compare_lists_changed_new_and_vanished_scores():
    old = {"results": [{"set": "a", "coder": "tengri",
                        "headline": {"events.f1": 0.5, "status": 0.9}}]}
    new = {"results": [{"set": "a", "coder": "tengri",
                        "headline": {"events.f1": 0.6, "date_exact": 0.7}}]}
    assert compare(old, new) == [("a", "tengri", "date_exact", None, 0.7),
                                 ("a", "tengri", "events.f1", 0.5, 0.6),
                                 ("a", "tengri", "status", 0.9, None)]
    assert compare(new, new) == []


def test_standard_sets_point_at_our_gold_and_the_reference_files():
    assert standard_set("en-dev").location(Path("/repo"), Path("/ref")) == \
        Path("/repo/gold/en/dev.jsonl")
    assert standard_set("plover-gsr").location(Path("/repo"), Path("/ref")) == \
        Path("/ref/plover/PLOVER_GSR_CAMEO.txt")
    assert standard_set("nothing") is None
