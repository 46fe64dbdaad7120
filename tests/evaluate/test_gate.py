"""The baseline file: floors under the measured scores, refusals to lower them, digest checks."""

from __future__ import annotations

from dataclasses import replace

from tengri.evaluate.gate import EPSILON, floors_of, gate_problems, update_baseline
from tengri.evaluate.run import SetResult
from tengri.evaluate.scores import Accuracy, Tally
from tengri.evaluate.sets import standard_set

EN_DEV = standard_set("en-dev")


def _result(tp: int, status_right: int, digest: str = "sha256:aa", name: str = "en-dev"
            ) -> SetResult:
    return SetResult(name=name, format="tengri", path="gold/en/dev.jsonl", digest=digest,
                     coder="tengri", passages=10, splits={"dev": 10}, skipped=0,
                     gold_events=10, predicted_events=tp, tallies={"events": Tally(tp, 0, 10 - tp)},
                     accuracies={"status": Accuracy(status_right, 10)},
                     by_type={"CONSULT": Tally(tp, 0, 10 - tp)}, by_root={}, by_tag={},
                     tag_passages={},
                     confusion={("CONSULT", "CONSULT"): tp}, conventions_used=0)


def _baseline(result: SetResult) -> dict:
    return update_baseline({"sets": {}}, {"en-dev": (EN_DEV, result)}, set(), "abc1234").baseline


def test_floors_sit_epsilon_under_each_headline_score():
    floors = floors_of(_result(8, 9))
    assert floors["events.recall"] == round(0.8 - EPSILON, 4)
    assert floors["status"] == round(0.9 - EPSILON, 4)
    assert floors["events.precision"] == round(1.0 - EPSILON, 4)


def test_a_result_at_its_measured_value_passes_and_a_drop_fails():
    entry = _baseline(_result(8, 9))["sets"]["en-dev"]
    assert gate_problems(entry, _result(8, 9)) == []
    assert gate_problems(entry, _result(9, 9)) == []
    assert gate_problems(entry, _result(8, 8)) == [
        f"en-dev: status = 0.8 fell below its floor {round(0.9 - EPSILON, 4)}"]


def test_a_coder_that_crashes_is_named_before_the_scores_it_dragged_down():
    entry = _baseline(_result(8, 9))["sets"]["en-dev"]
    crashed = replace(_result(0, 0), failures=("p1: AttributeError: boom",))
    problems = gate_problems(entry, crashed)
    assert problems[0] == "en-dev: the coder failed on 1 passages, e.g. p1: AttributeError: boom"
    assert len(problems) > 1


def test_a_changed_gold_digest_fails_until_the_baseline_is_regenerated():
    entry = _baseline(_result(8, 9))["sets"]["en-dev"]
    problems = gate_problems(entry, _result(8, 9, digest="sha256:bb"))
    assert len(problems) == 1 and "gold digest sha256:bb is not the baseline's" in problems[0]


def test_regenerating_reports_lowered_and_raised_floors_against_the_same_gold():
    old = _baseline(_result(8, 9))
    update = update_baseline(old, {"en-dev": (EN_DEV, _result(9, 8))}, set(), "def5678")
    assert update.lowered == (f"en-dev: status floor {round(0.9 - EPSILON, 4)} -> "
                              f"{round(0.8 - EPSILON, 4)}",)
    assert any(r.startswith("en-dev: events.recall floor") for r in update.raised)


def test_new_gold_is_measured_afresh_without_counting_as_a_regression():
    old = _baseline(_result(8, 9))
    update = update_baseline(old, {"en-dev": (EN_DEV, _result(2, 2, digest="sha256:cc"))},
                             set(), "def5678")
    assert update.lowered == () and update.baseline["sets"]["en-dev"]["digest"] == "sha256:cc"


def test_sets_that_cannot_be_measured_here_are_kept_and_vanished_gold_is_a_regression():
    old = {"sets": {"plover-gsr": {"digest": "sha256:pp", "floors": {"events.f1": 0.4}},
                    "en-dev": _baseline(_result(8, 9))["sets"]["en-dev"]}}
    kept = update_baseline(old, {"en-dev": (EN_DEV, _result(8, 9))}, {"plover-gsr"}, None)
    assert kept.baseline["sets"]["plover-gsr"] == old["sets"]["plover-gsr"]
    assert kept.lowered == ()
    gone = update_baseline(old, {}, {"plover-gsr"}, None)
    assert gone.lowered == ("en-dev: dropped (its gold file is gone)",)
