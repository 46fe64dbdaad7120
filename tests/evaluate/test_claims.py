"""Scoring facts and memberships: matched by sentence and key, then values and relations."""

from __future__ import annotations

from tengri.evaluate.claims import score_facts, score_memberships
from tengri.evaluate.gold import GoldActor, GoldFact, GoldMembership
from tengri.evaluate.predicted import PredictedActor, PredictedFact, PredictedMembership
from tengri.evaluate.scores import Accuracy, Tally

TEXT = ("Kazakhstan is a member of the Eurasian Economic Union. "
        "Trade with Russia reached about $28 billion last year.")
FIRST, SECOND = ((0, 54),), ((55, len(TEXT)),)


def test_a_fact_in_its_sentence_with_the_right_value_and_unit_is_right():
    gold = (GoldFact("trade_volume", 28e9, "USD", "about", "about $28 billion"),)
    found = (PredictedFact("trade_volume", 28.1e9, "USD", "about", SECOND),)
    assert score_facts(TEXT, gold, found) == {
        "facts": Tally(1, 0, 0), "fact_value": Accuracy(1, 1), "fact_qualifier": Accuracy(1, 1)}


def test_a_fact_off_by_more_than_half_a_percent_or_in_another_unit_has_the_wrong_value():
    gold = (GoldFact("trade_volume", 28e9, "USD", "about", "about $28 billion"),)
    assert score_facts(TEXT, gold, (PredictedFact("trade_volume", 28.2e9, "USD", "exact",
                                                  SECOND),)) == {
        "facts": Tally(1, 0, 0), "fact_value": Accuracy(0, 1), "fact_qualifier": Accuracy(0, 1)}
    assert score_facts(TEXT, gold, (PredictedFact("trade_volume", 28e9, "RUB", "about",
                                                  SECOND),))["fact_value"] == Accuracy(0, 1)


def test_a_fact_of_another_indicator_or_sentence_does_not_match():
    gold = (GoldFact("trade_volume", 28e9, "USD", "about", "about $28 billion"),)
    found = (PredictedFact("investment", 28e9, "USD", "about", SECOND),
             PredictedFact("trade_volume", 28e9, "USD", "about", FIRST))
    assert score_facts(TEXT, gold, found)["facts"] == Tally(0, 2, 1)


def test_memberships_match_by_member_and_organisation_then_score_relation_and_kb_check():
    gold = (GoldMembership(GoldActor("KAZ"), "igo:EAEU", "member", "ongoing", "consistent",
                           "a member of the Eurasian Economic Union"),)
    found = (PredictedMembership(PredictedActor("KAZ", "KAZ"), "igo:EAEU", "joined", "ongoing",
                                 "conflict", FIRST),
             PredictedMembership(PredictedActor("RUS", "RUS"), "igo:EAEU", "member", "ongoing",
                                 "consistent", FIRST))
    assert score_memberships(TEXT, gold, found) == {
        "memberships": Tally(1, 1, 0), "membership_relation": Accuracy(0, 1),
        "membership_status": Accuracy(1, 1), "kb_check": Accuracy(0, 1)}
