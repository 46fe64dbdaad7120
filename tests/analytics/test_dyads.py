"""The dyad profile: balance, directions, types, leader meetings, agreements, facts, shared
memberships and latest events with evidence, for KAZ–RUS in the small world."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.analytics.factories import KAZ_RUS_CODES, PUTIN, TOKAYEV

from tengri.analytics import dyad_profile
from tengri.errors import UsageError
from tengri.ontology import cameo
from tengri.store import EventFilter, Store, find_events
from tengri.store.audit import Analyst
from tengri.store.curation import set_verdict


def _goldstein(*codes: str) -> float:
    return round(sum(cameo(c).goldstein for c in codes), 2)


def test_the_dyad_balance_counts_cooperation_and_conflict_in_both_directions(
        filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    profile = dyad_profile(filled, kb, "kaz", "RUS")
    b = profile.balance
    assert (profile.first, profile.second, profile.first_name, profile.second_name) == (
        "KAZ", "RUS", "Kazakhstan", "Russia")
    assert (b.events, b.cooperation, b.conflict, b.quad_classes) == (
        6, 5, 1, {"1": 5, "2": 0, "3": 1, "4": 0})
    assert b.goldstein_sum == _goldstein(*KAZ_RUS_CODES)
    assert b.goldstein_mean == round(b.goldstein_sum / 6, 3)
    assert b.cooperation_share == round(5 / 6, 3)
    assert {k: v.events for k, v in profile.directions.items()} == {"KAZ->RUS": 4,
                                                                   "RUS->KAZ": 2}


def test_the_dyad_counts_events_by_type_and_by_month(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    profile = dyad_profile(filled, kb, "KAZ", "RUS")
    assert [(c.key, c.count) for c in profile.by_type] == [("CONSULT", 4), ("ACCUSE", 1),
                                                           ("SUPPORT", 1)]
    assert [(str(m.month), m.type, m.count) for m in profile.by_month] == [
        ("2024-05-01", "CONSULT", 1), ("2025-03-01", "ACCUSE", 1),
        ("2025-10-01", "CONSULT", 1), ("2025-11-01", "CONSULT", 2),
        ("2025-11-01", "SUPPORT", 1)]


def test_meetings_of_two_heads_of_state_are_leader_level(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    meetings = dyad_profile(filled, kb, "KAZ", "RUS").leader_meetings
    assert [(m.event.cameo, m.event.source.id, m.event.target.id, m.source_office,  # type: ignore[union-attr]
             m.target_office) for m in meetings] == [
        ("040", TOKAYEV, PUTIN, "KAZ.head_of_state", "RUS.head_of_state"),
        ("043", PUTIN, TOKAYEV, "RUS.head_of_state", "KAZ.head_of_state")]


def test_agreements_facts_and_shared_memberships(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    profile = dyad_profile(filled, kb, "KAZ", "RUS")
    assert [(a.cameo, str(a.date_start), a.location) for a in profile.agreements] == [
        ("057", "2025-11-12", "Moscow")]
    assert [(f.indicator, f.value, f.origin, f.destination, f.linked_by) for f in profile.facts] \
        == [("trade_volume", 28.7e9, "KAZ", "RUS", "actors")]
    shared = {s.organization: (s.together_from, s.together_until)
              for s in profile.shared_memberships}
    assert shared["igo:EAEU"] == (dt.date(2015, 1, 1), None)
    assert "igo:EU" not in shared


def test_latest_events_carry_the_sentence_and_document_they_were_read_in(
        filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    latest = dyad_profile(filled, kb, "KAZ", "RUS", latest=2).latest
    assert [(e.cameo, str(e.date_start)) for e in latest] == [("057", "2025-11-12"),
                                                              ("040", "2025-11-11")]
    evidence = latest[0].evidence
    assert evidence is not None
    assert (evidence.sentence, evidence.title, evidence.url, str(evidence.published)) == (
        "and signed a treaty.", "talks", "https://news.example/talks", "2025-11-12")


def test_a_period_limits_the_dyad_and_rejected_events_leave_it(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    assert dyad_profile(filled, kb, "KAZ", "RUS", since=dt.date(2025, 1, 1),
                        until=dt.date(2025, 6, 30)).balance.events == 1
    accusation = find_events(filled, EventFilter(cameo_root="11"))[0]
    set_verdict(filled, accusation.id, "reject", Analyst("ana", "curator"), "misread")
    profile = dyad_profile(filled, kb, "KAZ", "RUS")
    assert (profile.balance.events, profile.balance.conflict) == (5, 0)


def test_a_dyad_needs_two_known_states(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="'XXX' is not a state in the knowledge base"):
        dyad_profile(filled, kb, "KAZ", "XXX")
    with pytest.raises(UsageError, match="two different states, not KAZ twice"):
        dyad_profile(filled, kb, "KAZ", "kaz")
