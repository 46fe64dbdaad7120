"""The network of who interacts with whom: states (or actors) as nodes, directed edges from
source to target weighted by their events, with centrality measures (networkx) — for any
period and any filter of `tengri events`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from enum import StrEnum

import networkx as nx
from sqlalchemy import case, func, select

from tengri.analytics.knowledge import name_of
from tengri.analytics.reads import Selection
from tengri.kb import KnowledgeBase
from tengri.model import Record
from tengri.store import Store
from tengri.store.schema import events

MAX_EDGES = 5000  # the strongest edges kept; a bigger graph is no use to a reader


class NetworkLevel(StrEnum):
    COUNTRY = "country"  # every actor counted as its state
    ACTOR = "actor"  # persons, IGOs and institutions as themselves


@dataclass(frozen=True, slots=True)
class NetworkNode(Record):
    id: str
    label: str
    events: int  # events it is the source or target of
    out_events: int
    in_events: int
    degree_centrality: float
    betweenness: float
    eigenvector: float | None  # None when the power iteration does not converge
    pagerank: float


@dataclass(frozen=True, slots=True)
class NetworkEdge(Record):
    source: str
    target: str
    events: int
    goldstein_sum: float
    goldstein_mean: float
    cooperation: int
    conflict: int


@dataclass(frozen=True, slots=True)
class Network(Record):
    level: str
    since: dt.date | None
    until: dt.date | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool  # more than MAX_EDGES edges: the weakest were left out


def _edges(store: Store, selection: Selection, level: NetworkLevel,
           min_events: int) -> tuple[list[NetworkEdge], dict[str, str], bool]:
    c = events.c
    if level is NetworkLevel.COUNTRY:
        source, target = c.source_country, c.target_country
        source_label, target_label = c.source_country, c.target_country
    else:
        source = func.coalesce(c.source_actor_id, c.source_country)
        target = func.coalesce(c.target_actor_id, c.target_country)
        source_label, target_label = c.source_name, c.target_name
    count = func.count()
    with store.read() as connection:
        query = (select(source.label("s"), target.label("t"), count.label("n"),
                        func.coalesce(func.sum(c.goldstein), 0.0),
                        func.sum(case((c.quad_class.in_((1, 2)), 1), else_=0)),
                        func.sum(case((c.quad_class.in_((3, 4)), 1), else_=0)),
                        func.min(source_label), func.min(target_label))
                 .where(*selection.conditions(connection), source.is_not(None),
                        target.is_not(None), source != target)
                 .group_by(source, target).having(count >= min_events)
                 .order_by(count.desc(), source, target).limit(MAX_EDGES + 1))
        rows = connection.execute(query).all()
    labels: dict[str, str] = {}
    edges = []
    for s, t, n, g, coop, conflict, s_label, t_label in rows[:MAX_EDGES]:
        labels.setdefault(s, s_label or s)
        labels.setdefault(t, t_label or t)
        edges.append(NetworkEdge(s, t, int(n), round(float(g), 2), round(float(g) / n, 3),
                                 int(coop or 0), int(conflict or 0)))
    return edges, labels, len(rows) > MAX_EDGES


def centrality(graph: nx.DiGraph) -> dict[str, dict[str, float | None]]:
    """Degree, betweenness (strong ties are short), eigenvector and PageRank per node."""
    if graph.number_of_nodes() == 0:
        return {}
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    degree = nx.degree_centrality(graph)
    between = nx.betweenness_centrality(graph, weight="distance")
    undirected = graph.to_undirected()
    try:
        eigen: dict[str, float] | None = nx.eigenvector_centrality(undirected, weight="weight",
                                                                   max_iter=500)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        eigen = None
    rank = nx.pagerank(graph, weight="weight")
    return {node: {"degree": degree[node], "betweenness": between[node],
                   "eigenvector": eigen[node] if eigen is not None else None,
                   "pagerank": rank[node]} for node in graph.nodes}


def interaction_network(store: Store, selection: Selection,
                        level: NetworkLevel = NetworkLevel.COUNTRY, min_events: int = 1,
                        kb: KnowledgeBase | None = None) -> Network:
    """The network of the selected events that begin in the period; nodes are labelled with
    KB names when a KB is given."""
    selection = replace(selection, starts_within=True)
    edges, labels, truncated = _edges(store, selection, level, min_events)
    if kb is not None:
        labels = {key: name_of(kb, key, label) for key, label in labels.items()}
    graph = nx.DiGraph()
    for edge in edges:
        graph.add_edge(edge.source, edge.target, weight=float(edge.events))
    measures = centrality(graph)
    outgoing: Counter[str] = Counter()
    incoming: Counter[str] = Counter()
    for edge in edges:
        outgoing[edge.source] += edge.events
        incoming[edge.target] += edge.events
    nodes = []
    for node in graph.nodes:
        out_events, in_events = outgoing[node], incoming[node]
        m = measures[node]
        nodes.append(NetworkNode(
            node, labels.get(node, node), out_events + in_events, out_events, in_events,
            round(float(m["degree"] or 0.0), 4), round(float(m["betweenness"] or 0.0), 4),
            round(m["eigenvector"], 4) if m["eigenvector"] is not None else None,
            round(float(m["pagerank"] or 0.0), 4)))
    nodes.sort(key=lambda n: (-n.events, n.id))
    return Network(level.value, selection.filter.since, selection.filter.until, nodes, edges,
                   truncated)
