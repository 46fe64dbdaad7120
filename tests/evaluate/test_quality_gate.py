"""The quality gate: every pinned score of tengri's extractor stays at or above its floor.

The floors and gold digests are in src/tengri/evaluate/baseline.json (see tengri.evaluate.gate).
Our own gold always runs; the PLOVER and PETRARCH sets skip when ../shared/reference is absent.
A failure here means extraction got worse on a gold set, or a gold file changed: fix the
regression, or regenerate with `tengri evaluate --write-baseline` (lowering a floor needs
`--allow-regression`, which shows in the diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import require

from tengri.evaluate import evaluate_set, tengri_coder
from tengri.evaluate.gate import BASELINE_PATH, gate_problems, load_baseline
from tengri.evaluate.sets import STANDARD_SETS, default_reference, standard_set

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = default_reference(ROOT)
BASELINE = load_baseline()


def test_the_baseline_exists_and_pins_every_standard_set_present_here():
    assert BASELINE_PATH.exists(), "run `tengri evaluate --write-baseline` and commit the file"
    present = {s.name for s in STANDARD_SETS if s.available(ROOT, REFERENCE)}
    assert present <= set(BASELINE["sets"]), (
        f"gold sets without floors: {sorted(present - set(BASELINE['sets']))}; "
        "run `tengri evaluate --write-baseline`")


def test_our_own_gold_is_always_gated():
    assert {s.name for s in STANDARD_SETS if not s.in_reference} <= set(BASELINE["sets"])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BASELINE["sets"]))
def test_scores_stay_above_their_floors(name, kb):
    entry = BASELINE["sets"][name]
    standard = standard_set(name)
    assert standard is not None, f"baseline set {name!r} is not a standard set any more"
    if standard.in_reference:
        require(standard.available(ROOT, REFERENCE), f"reference gold {standard.path}")
    else:
        assert standard.available(ROOT, REFERENCE), f"our gold file {standard.path} is missing"
    result = evaluate_set(standard.read(ROOT, REFERENCE), tengri_coder(kb), kb)
    assert gate_problems(entry, result) == []
