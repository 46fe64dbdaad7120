"""The candidate search of merging: every linked pair the search by single actors found (the
one before merge-2026.3) is still found, from either side, and no other pair; reports of other
pairs of countries are not compared at all."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.store.test_merging import KAZ, MOSCOW, OFFICIALS, PUTIN, RUS, TOKAYEV, UKR, view

from tengri.store.blocking import candidate_keys
from tengri.store.merging import MentionView, Party, compare, gathering_key

SCO = Party("igo:sco", None, "Shanghai Cooperation Organisation", "igo")
ASTANA = ("Astana", "KAZ", 51.17, 71.43)
TYPES = {"04": "CONSULT", "05": "COOPERATE", "11": "DISAPPROVE", "19": "ASSAULT"}


def finds(a: MentionView, b: MentionView) -> bool:
    """Whether the search for `a` finds `b`."""
    return bool(candidate_keys(a)[1] & candidate_keys(b)[0])


def single_actor_keys(m: MentionView) -> set[str]:
    """The keys of the search before merge-2026.3: one per actor, each both filed and sought."""
    out = {f"{m.type}:a:{k}" for p in (m.source, m.target, *m.participants) if p is not None
           for k in (p.id, p.country) if k}
    if m.gathering_name:
        out.add(f"{m.type}:g:{gathering_key(m.gathering_name)}")
    if (m.gathering or m.actorless) and m.city:
        out.add(f"{m.type}:p:{(m.location_name or '').casefold()}")
    if m.sentence_key:
        out.add(f"{m.type}:s:{m.sentence_key}")
    return out


def test_reports_of_another_pair_of_countries_are_not_candidates() -> None:
    meeting, other = view(1, 1, "040", RUS, KAZ), view(2, 2, "040", RUS, UKR)
    assert not compare(meeting, other).linked
    assert not finds(meeting, other) and not finds(other, meeting)


def test_a_report_naming_one_side_finds_the_reports_of_pairs_with_that_side() -> None:
    one_sided, pair = view(1, 1, "042", TOKAYEV, None), view(2, 2, "042", KAZ, RUS)
    assert compare(one_sided, pair).linked
    assert finds(one_sided, pair) and finds(pair, one_sided)


def test_a_state_aimed_at_its_own_leader_is_searched_as_naming_no_target() -> None:
    slip = view(1, 1, "112", RUS, PUTIN, type="DISAPPROVE")
    criticism = view(2, 2, "112", RUS, UKR, type="DISAPPROVE")
    assert compare(slip, criticism).linked
    assert finds(slip, criticism) and finds(criticism, slip)


def test_a_meeting_named_in_either_order_is_found() -> None:
    a, b = view(1, 1, "040", PUTIN, TOKAYEV), view(2, 2, "040", KAZ, RUS)
    assert compare(a, b).linked
    assert finds(a, b) and finds(b, a)


PARTIES = st.sampled_from([KAZ, RUS, UKR, TOKAYEV, PUTIN, OFFICIALS, SCO, None])


@st.composite
def mentions(draw: st.DrawFn, id: int) -> MentionView:
    cameo = draw(st.sampled_from(["040", "041", "042", "043", "046", "057", "112", "190"]))
    m = view(id, draw(st.integers(1, 3)), cameo, draw(PARTIES), draw(PARTIES),
             type=TYPES[cameo[:2]], start=draw(st.sampled_from(["2025-11-11", None])),
             mode=draw(st.sampled_from([None, None, "multilateral"])),
             participants=tuple(p for p in draw(st.lists(PARTIES, max_size=3)) if p),
             gathering=draw(st.sampled_from([None, "SCO summit", "Astana summit",
                                             "SCO summit in Astana"])),
             place=draw(st.sampled_from([None, MOSCOW, ASTANA])))
    return dataclasses.replace(m, sentence_key=draw(st.sampled_from(["", "", "k1"])))


@settings(max_examples=3000, deadline=None)
@given(mentions(1), mentions(2))
def test_the_linked_pairs_found_are_those_the_search_by_single_actors_found(
        a: MentionView, b: MentionView) -> None:
    assert finds(a, b) == finds(b, a)
    before = bool(single_actor_keys(a) & single_actor_keys(b))
    assert before or not finds(a, b)
    first, second = sorted((a, b), key=lambda m: m.order)
    if before and compare(first, second).linked:
        assert finds(a, b)
