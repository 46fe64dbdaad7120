"""Scoring matched events: actors (orientation-free when symmetric), participants, dates, status."""

from __future__ import annotations

from tengri.evaluate.attributes import (
    actor_scores,
    date_scores,
    participant_tallies,
    status_score,
)
from tengri.evaluate.gold import GoldActor, GoldEvent
from tengri.evaluate.scores import Tally

from .factories import gold, predicted


def test_a_visit_scores_source_and_target_in_their_own_order():
    visit = gold("CONSULT", mode="visit", cameo="042", source="KAZ", target="RUS")
    reversed_roles = predicted("CONSULT", mode="visit", cameo="042", source="RUS", target="KAZ")
    assert actor_scores(visit, reversed_roles) == {
        "source_country": False, "source_id": None, "target_country": False, "target_id": None}


def test_talks_score_source_and_target_without_orientation():
    talks = gold("CONSULT", cameo="040", source="KAZ", target="RUS")
    reversed_roles = predicted("CONSULT", cameo="040", source="RUS", target="KAZ")
    assert actor_scores(talks, reversed_roles) == {
        "source_country": True, "source_id": None, "target_country": True, "target_id": None}


def test_a_signing_is_symmetric_but_a_wrong_country_stays_wrong():
    signing = gold("SUPPORT", cameo="057", source="KAZ", target="CHN")
    found = predicted("SUPPORT", cameo="057", source="CHN", target="UZB")
    assert actor_scores(signing, found) == {
        "source_country": False, "source_id": None, "target_country": True, "target_id": None}


def test_ids_are_scored_only_where_gold_names_one():
    event = GoldEvent("CONSULT", "visit", "042",
                      source=(GoldActor("KAZ", "person:kassym-jomart-tokayev"),),
                      target=(GoldActor("RUS"),))
    found = predicted("CONSULT", mode="visit", cameo="042", source="KAZ", target="RUS",
                      source_id="KAZ", target_id="RUS")
    assert actor_scores(event, found) == {
        "source_country": True, "source_id": False, "target_country": True, "target_id": None}


def test_a_compound_gold_source_accepts_any_of_its_actors():
    event = GoldEvent("AGREE", source=(GoldActor("HUN"), GoldActor("ROU")))
    assert actor_scores(event, predicted("AGREE", source="ROU"))["source_country"] is True
    assert actor_scores(event, predicted("AGREE", source="SRB"))["source_country"] is False
    assert actor_scores(event, predicted("AGREE"))["source_country"] is False


def test_participants_count_found_missed_and_extra_countries():
    summit = gold("CONSULT", mode="multilateral", participants=("KAZ", "RUS", "CHN"))
    found = predicted("CONSULT", mode="multilateral", participants=("KAZ", "RUS", "IND"))
    assert participant_tallies(summit, found) == {"participants_country": Tally(2, 1, 1)}
    assert participant_tallies(gold("CONSULT"), found) == {}


def test_a_day_inside_a_gold_month_is_within_precision_but_not_exact():
    october = gold("CONSULT", date=("2025-10-01", "2025-10-31", "month"))
    assert date_scores(october, predicted("CONSULT", date=("2025-10-14", "2025-10-14"))) == {
        "date_exact": False, "date_within": True}
    assert date_scores(october, predicted("CONSULT", date=("2025-10-01", "2025-10-31"))) == {
        "date_exact": True, "date_within": True}


def test_a_range_wider_than_gold_or_outside_it_is_not_within_precision():
    day = gold("CONSULT", date=("2025-11-11", "2025-11-11", "day"))
    assert date_scores(day, predicted("CONSULT", date=("2025-11-01", "2025-11-30"))) == {
        "date_exact": False, "date_within": False}
    assert date_scores(day, predicted("CONSULT", date=("2025-11-12", "2025-11-12"))) == {
        "date_exact": False, "date_within": False}


def test_an_unknown_predicted_date_is_wrong_and_a_null_gold_date_is_not_scored():
    day = gold("CONSULT", date=("2025-11-11", "2025-11-11", "day"))
    assert date_scores(day, predicted("CONSULT")) == {"date_exact": False, "date_within": False}
    assert date_scores(gold("CONSULT"), predicted("CONSULT", date=("2025-11-11", "2025-11-11"))
                       ) == {"date_exact": None, "date_within": None}


def test_status_is_scored_where_gold_codes_it():
    assert status_score(gold("CONSULT", status="planned"), predicted("CONSULT", status="planned"))
    assert status_score(gold("CONSULT", status="planned"),
                        predicted("CONSULT", status="occurred")) is False
    assert status_score(gold("CONSULT"), predicted("CONSULT")) is None
