"""Actor profiles (a person, a state, an IGO) and resolving the name a user gives."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.analytics.factories import PUTIN, TOKAYEV

from tengri.analytics import actor_profile, resolve_actor
from tengri.errors import UsageError
from tengri.store import Store


def test_names_ids_and_codes_resolve_to_kb_actors(kb) -> None:  # type: ignore[no-untyped-def]
    assert resolve_actor(kb, "Tokayev").to_dict() == {
        "id": TOKAYEV, "name": "Kassym-Jomart Tokayev", "kind": "person", "country": "KAZ"}
    assert resolve_actor(kb, "kaz").id == "KAZ"
    assert resolve_actor(kb, "igo:EAEU").kind == "igo"
    assert resolve_actor(kb, "Kazakhstan").id == "KAZ"
    with pytest.raises(UsageError, match="no actor named 'Qwertyuiop' in the knowledge base"):
        resolve_actor(kb, "Qwertyuiop")


def test_a_person_profile_ranks_counterparts_and_lists_offices(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    profile = actor_profile(filled, kb, resolve_actor(kb, TOKAYEV))
    assert [(c.key, c.events, c.cooperation, c.conflict) for c in profile.counterparts] == [
        ("RUS", 2, 2, 0), (PUTIN, 2, 2, 0), ("person:xi-jinping", 1, 1, 0)]
    assert profile.balance.events == 5
    president = [o for o in profile.offices if o.office == "KAZ.head_of_state"]
    assert [(o.start, o.end) for o in president] == [(dt.date(2019, 3, 20), None)]
    assert profile.memberships == []


def test_a_state_profile_counts_its_people_and_lists_memberships_and_leaders(
        filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    profile = actor_profile(filled, kb, resolve_actor(kb, "RUS"),
                            since=dt.date(2025, 1, 1), until=dt.date(2025, 12, 31))
    assert [(c.key, c.events) for c in profile.counterparts] == [("KAZ", 5), ("UKR", 2)]
    assert profile.balance.events == 7
    assert [(str(b.start), b.events, b.conflict) for b in profile.activity] == [
        ("2025-03-01", 1, 1), ("2025-10-01", 1, 0), ("2025-11-01", 5, 2)]
    assert "igo:EAEU" in {m.organization for m in profile.memberships}
    assert ("RUS.head_of_state", PUTIN) in {(o.office, o.person) for o in profile.offices}


def test_an_igo_profile_lists_its_members_from_the_kb(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    profile = actor_profile(filled, kb, resolve_actor(kb, "igo:EAEU"))
    members = {m.organization: [p.start for p in m.periods] for m in profile.memberships}
    assert members["KAZ"] == [dt.date(2015, 1, 1)]
    assert profile.balance.events == 0 and profile.counterparts == []
