"""Pairing predicted with gold events: one-to-one, by sentence and type, ties by agreement."""

from __future__ import annotations

from tengri.evaluate.matching import (
    allowed_by,
    anchor_offsets,
    hungarian,
    is_symmetric,
    match_events,
    root_key,
    sentence_key,
    type_key,
)

from .factories import gold, predicted

TEXT = ("Kazakh President Tokayev arrived in Moscow on a state visit. "
        "Putin and Tokayev held talks in the Kremlin.")
FIRST = (0, 60)  # the first sentence's span
SECOND = (61, len(TEXT))


def test_hungarian_prefers_more_matches_over_heavier_ones():
    # Row 0 could take column 0 (weight 9), but then row 1 would have nothing: two matches win.
    assert hungarian([[9.0, 1.0], [5.0, None]]) == [(0, 1), (1, 0)]


def test_hungarian_leaves_out_pairs_that_are_not_allowed():
    assert hungarian([[None, None], [None, 2.0]]) == [(1, 1)]
    assert hungarian([]) == []
    assert hungarian([[None]]) == []


def test_anchor_locates_every_occurrence_and_none_means_anywhere():
    assert anchor_offsets("talks and more talks", "talks") == (0, 15)
    assert anchor_offsets("anything", None) is None


def test_a_prediction_matches_only_gold_events_of_its_sentence_and_type():
    events = (gold("CONSULT", anchor="state visit", mode="visit", cameo="042"),
              gold("CONSULT", anchor="held talks", cameo="040"))
    found = (predicted("CONSULT", spans=(SECOND,), cameo="040"),
             predicted("CONSULT", spans=(FIRST,), mode="visit", cameo="042"),
             predicted("AGREE", spans=(FIRST,), cameo="036"))
    assert match_events(TEXT, events, found, type_key(frozenset())) == [(0, 1), (1, 0)]


def test_matching_is_one_to_one_so_a_repeated_prediction_is_left_over():
    events = (gold("CONSULT", anchor="held talks"),)
    found = (predicted("CONSULT", spans=(SECOND,)), predicted("CONSULT", spans=(SECOND,)))
    assert match_events(TEXT, events, found, type_key(frozenset())) == [(0, 0)]


def test_a_later_mention_places_a_merged_prediction_in_the_anchor_sentence():
    events = (gold("CONSULT", anchor="held talks"),)
    found = (predicted("CONSULT", spans=(FIRST, SECOND)),)
    assert match_events(TEXT, events, found, type_key(frozenset())) == [(0, 0)]


def test_attribute_agreement_breaks_ties_between_equal_pairings():
    events = (gold("CONSULT", anchor="held talks", source="RUS", target="KAZ"),
              gold("CONSULT", anchor="held talks", source="KAZ", target="RUS", cameo="042"))
    found = (predicted("CONSULT", spans=(SECOND,), source="KAZ", target="RUS", cameo="042"),
             predicted("CONSULT", spans=(SECOND,), source="RUS", target="KAZ"))
    assert match_events(TEXT, events, found, type_key(frozenset())) == [(0, 1), (1, 0)]


def test_sentence_matching_pairs_equal_types_before_other_attributes():
    events = (gold("CONSULT", anchor="held talks", source="RUS"),
              gold("AGREE", anchor="held talks", source="KAZ"))
    found = (predicted("AGREE", spans=(SECOND,), source="RUS"),
             predicted("CONSULT", spans=(SECOND,), source="KAZ"))
    assert match_events(TEXT, events, found, sentence_key) == [(0, 1), (1, 0)]


def test_planned_consult_stands_for_agree_gold_only_under_the_plover_convention():
    events = (gold("AGREE"),)
    planned = (predicted("CONSULT", status="planned"),)
    occurred = (predicted("CONSULT", status="occurred"),)
    active = frozenset({"future-as-intent"})
    assert match_events(TEXT, events, planned, type_key(active)) == [(0, 0)]
    assert match_events(TEXT, events, occurred, type_key(active)) == []
    assert match_events(TEXT, events, planned, type_key(frozenset())) == []


def test_the_convention_covers_future_cooperation_and_cameo_intent_roots():
    active = frozenset({"future-as-intent"})
    assert allowed_by(active, "plover", "AGREE", "SUPPORT", "hypothetical")
    assert allowed_by(active, "plover", "CONCEDE", "RETREAT", "planned")
    assert not allowed_by(active, "plover", "AGREE", "ASSAULT", "planned")
    assert allowed_by(active, "cameo", "03", "04", "planned")
    assert not allowed_by(active, "cameo", "04", "03", "planned")


def test_root_matching_compares_the_first_two_digits_of_the_cameo_code():
    events = (gold("CONSULT", cameo="043"), gold("COOPERATE", cameo="064"))
    found = (predicted("CONSULT", cameo="042"), predicted("AID", cameo="071"))
    assert match_events(TEXT, events, found, root_key(frozenset())) == [(0, 0)]


def test_meetings_calls_signings_and_summits_are_symmetric_but_visits_and_mediation_are_not():
    assert is_symmetric(gold("CONSULT", cameo="040"))
    assert is_symmetric(gold("CONSULT", mode="phone", cameo="041"))
    assert is_symmetric(gold("CONSULT", mode="multilateral", cameo="043"))
    assert is_symmetric(gold("SUPPORT", cameo="057"))
    assert not is_symmetric(gold("CONSULT", mode="visit", cameo="042"))
    assert not is_symmetric(gold("CONSULT", cameo="045"))
    assert not is_symmetric(gold("ACCUSE", cameo="111"))
