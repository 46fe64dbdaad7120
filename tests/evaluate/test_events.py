"""Event scores of a passage: detection, per type, confusion matrix, one event per record."""

from __future__ import annotations

from tengri.evaluate.events import NONE, score_events
from tengri.evaluate.gold import Passage
from tengri.evaluate.scores import Accuracy, Tally

from .factories import gold, gold_set, predicted

TEXT = ("Kazakhstan and Uzbekistan held talks in Tashkent. "
        "Russia expelled two Estonian diplomats.")
FIRST, SECOND = (0, 49), (50, len(TEXT))


def _passage(*events, text=TEXT, tags=()):
    return Passage("p1", text, events=tuple(events), tags=tuple(tags))


def test_detection_counts_matched_missed_and_extra_events(places):
    passage = _passage(gold("CONSULT", anchor="held talks", cameo="040"),
                       gold("SANCTION", anchor="expelled", cameo="166"))
    found = (predicted("CONSULT", spans=(FIRST,), cameo="040"),
             predicted("COERCE", spans=(SECOND,), cameo="174"))
    scores = score_events(passage, gold_set(passage), found, places, with_roots=True)
    assert scores.tallies["events"] == Tally(tp=1, fp=1, fn=1)
    assert scores.by_type == {"CONSULT": Tally(tp=1), "SANCTION": Tally(fn=1),
                              "COERCE": Tally(fp=1)}
    assert scores.by_root == {"04": Tally(tp=1), "16": Tally(fn=1), "17": Tally(fp=1)}


def test_the_confusion_matrix_pairs_by_sentence_alone(places):
    passage = _passage(gold("CONSULT", anchor="held talks"), gold("SANCTION", anchor="expelled"))
    found = (predicted("CONSULT", spans=(FIRST,)), predicted("COERCE", spans=(SECOND,)),
             predicted("AGREE", spans=(FIRST,)))
    scores = score_events(passage, gold_set(passage), found, places, with_roots=False)
    assert dict(scores.confusion) == {("CONSULT", "CONSULT"): 1, ("SANCTION", "COERCE"): 1,
                                      (NONE, "AGREE"): 1}
    assert scores.accuracies["type_accuracy"] == Accuracy(1, 2)
    assert [m.kind for m in scores.mistakes].count("type") == 1


def test_a_missed_gold_event_is_a_row_of_its_own_in_the_confusion_matrix(places):
    passage = _passage(gold("SANCTION", anchor="expelled"))
    scores = score_events(passage, gold_set(passage), (), places, with_roots=False)
    assert dict(scores.confusion) == {("SANCTION", NONE): 1}
    assert [m.kind for m in scores.mistakes] == ["missed"]


def test_in_a_one_event_record_other_predictions_are_not_false_positives(places):
    passage = _passage(gold("CONSULT"))
    found = (predicted("CONSULT", spans=(FIRST,)), predicted("COERCE", spans=(SECOND,)))
    scores = score_events(passage, gold_set(passage, one_event_per_passage=True), found, places,
                          with_roots=False)
    assert scores.tallies["events"] == Tally(tp=1)


def test_in_a_one_event_record_a_miss_costs_one_false_positive_at_most(places):
    passage = _passage(gold("ASSAULT"))
    found = (predicted("COERCE", spans=(SECOND,)), predicted("CONSULT", spans=(FIRST,)))
    scores = score_events(passage, gold_set(passage, one_event_per_passage=True), found, places,
                          with_roots=False)
    assert scores.tallies["events"] == Tally(tp=0, fp=1, fn=1)
    assert scores.by_type == {"ASSAULT": Tally(fn=1), "CONSULT": Tally(fp=1)}  # the first one


def test_a_planned_consult_counts_as_agree_under_the_convention(places):
    passage = _passage(gold("AGREE", source="KAZ"))
    found = (predicted("CONSULT", status="planned", source="KAZ"),)
    scores = score_events(passage, gold_set(passage, conventions=frozenset({"future-as-intent"})),
                          found, places, with_roots=False)
    assert scores.tallies["events"] == Tally(tp=1)
    assert scores.by_type == {"AGREE": Tally(tp=1)}
    assert dict(scores.confusion) == {("AGREE", "AGREE"): 1}
    assert scores.conventions_used == 1


def test_root_keyed_sets_detect_by_root_and_report_sentence_agreement(places):
    passage = _passage(gold("COOPERATE", cameo="064"), gold("REQUEST", cameo="023"))
    found = (predicted("COOPERATE", cameo="061"),)
    scores = score_events(passage, gold_set(passage, key="root"), found, places,
                          with_roots=True)
    assert scores.tallies["events"] == Tally(tp=1, fn=1)
    assert scores.tallies["events_by_type"] == Tally(tp=1, fn=1)
    assert scores.accuracies["root_agreement"] == Accuracy(0, 1)


def test_a_hard_negative_is_clean_only_without_any_prediction(places):
    negative = Passage("n1", "Real Madrid visit Barcelona on Sunday.", tags=("negative",))
    clean = score_events(negative, gold_set(negative), (), places, with_roots=False)
    dirty = score_events(negative, gold_set(negative), (predicted("CONSULT"),), places,
                         with_roots=False)
    assert clean.accuracies["negatives_clean"] == Accuracy(1, 1)
    assert dirty.accuracies["negatives_clean"] == Accuracy(0, 1)
    assert dirty.tallies["events"] == Tally(fp=1)


def test_attributes_are_scored_on_matched_pairs_with_their_mistakes_listed(places):
    passage = _passage(gold("CONSULT", anchor="held talks", source="KAZ", target="UZB",
                            status="occurred", place=("UZB", "Tashkent")))
    found = (predicted("CONSULT", spans=(FIRST,), source="UZB", target="KAZ", status="planned",
                       place_country="UZB", lat=41.26, lon=69.22, place_precision="city"),)
    scores = score_events(passage, gold_set(passage), found, places, with_roots=False)
    assert {k: v for k, v in scores.accuracies.items() if k != "type_accuracy"} == {
        "source_country": Accuracy(1, 1), "target_country": Accuracy(1, 1),
        "status": Accuracy(0, 1), "location_country": Accuracy(1, 1),
        "location_city": Accuracy(1, 1)}
    assert [m.kind for m in scores.mistakes] == ["status"]
