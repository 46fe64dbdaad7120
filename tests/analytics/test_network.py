"""The interaction network: edges weighted by events, nodes with centrality, any period."""

from __future__ import annotations

import datetime as dt

from tengri.analytics import NetworkLevel, Selection, interaction_network
from tengri.store import EventFilter, Store


def test_states_are_joined_by_their_events_with_goldstein_and_centrality(
        filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    network = interaction_network(filled, Selection(EventFilter()), kb=kb)
    edges = {(e.source, e.target): (e.events, e.cooperation, e.conflict, e.goldstein_sum)
             for e in network.edges}
    assert edges == {("KAZ", "RUS"): (4, 4, 0, 12.8), ("RUS", "KAZ"): (2, 1, 1, 0.8),
                     ("RUS", "UKR"): (2, 0, 2, -20.0), ("KAZ", "CHN"): (1, 1, 0, 1.0)}
    nodes = {n.id: n for n in network.nodes}
    assert (nodes["RUS"].label, nodes["RUS"].events, nodes["RUS"].out_events) == (
        "Russia", 8, 4)
    assert nodes["RUS"].betweenness > 0 and nodes["UKR"].betweenness == 0
    assert network.nodes[0].id == "RUS" and not network.truncated


def test_actor_level_and_a_period_change_the_graph(filled: Store) -> None:
    network = interaction_network(
        filled, Selection(EventFilter(since=dt.date(2025, 10, 1), until=dt.date(2025, 10, 31))),
        NetworkLevel.ACTOR)
    assert [(e.source, e.target, e.events) for e in network.edges] == [
        ("person:vladimir-putin", "person:kassym-jomart-tokayev", 1)]
    assert {n.label for n in network.nodes} == {"Vladimir Putin", "Kassym-Jomart Tokayev"}
