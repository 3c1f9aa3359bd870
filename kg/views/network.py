"""Network views of the graph: a graph in (rdflib or Oxigraph), networkx graph out.

Views (see :data:`VIEWS`):

- ``mediation`` — directed, mediator → party (:func:`kg.views.relations.mediation_relations`);
- ``cochair`` — undirected, co-chairs of the same mediation group;
- ``cochair-membership`` — bipartite actor → group (``bipartite`` 0 actor, 1 group);
- ``belligerents`` — undirected, parties to the same conflict, war or hostilities;
- ``actors`` — a directed multigraph of every actor–actor relation, keyed by relation.

Nodes are keyed by IRI with ``label`` (English, else any), ``label_id``
(Indonesian, when there is one), ``kind`` (``State``, ``Person`` …), ``iri``,
and ``start``/``end`` (ISO dates) where the graph gives the actor an interval.
Edges aggregate the attestations of one relation: ``relation``, ``events`` and
``event_labels`` (the carriers), ``dates`` (each carrier's span, ISO 8601
``start/end`` with ``..`` for an open bound), ``count`` (= ``weight``),
``status``, ``sources`` (source document IRIs), ``spells`` (the merged spans),
``start``/``end`` (their hull, when bounded), ``dated_by`` (which step of the
time rule dated them) and, per view, ``group``/``conflict``/``territory``.
Multi-valued attributes are strings joined by ``" | "`` (:data:`SEP`), in the
same order across ``events``, ``event_labels`` and ``dates``, so every value is
a scalar that GEXF and GraphML keep.

Time: ``at=D`` keeps the relations holding on ``D``, ``between=(S, E)`` those
holding at some time in the window; nodes left without edges are dropped. The
rule that dates a relation is documented in :mod:`kg.views.timeslice`.

Examples
--------
>>> from rdflib import Graph
>>> build_view(Graph(), "mediation").number_of_edges()
0
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from sys import intern
from typing import Any

import networkx as nx

from kg.errors import UsageError
from kg.views.relations import (
    Relation,
    actor_relations,
    belligerent_relations,
    cochair_relations,
    mediation_relations,
    membership_relations,
)
from kg.views.storegraph import GraphLike, IndexedGraph, gc_paused, indexed
from kg.views.timeslice import Span
from kg.views.viewattrs import (
    ATTRIBUTE_MEMOS,
    ATTRIBUTE_TERMS,
    KINDS,
    SEP,
    edge_attributes,
    kind,
    label,
    node_attributes,
)


@dataclass(frozen=True)
class ViewSpec:
    """How to build a view: its relations, graph type and context attribute."""

    extract: Callable[[GraphLike], list[Relation]]
    directed: bool
    multi: bool = False
    context: str = ""
    description: str = ""


VIEWS: dict[str, ViewSpec] = {
    "mediation": ViewSpec(mediation_relations, True, description="mediator → party"),
    "cochair": ViewSpec(
        cochair_relations,
        False,
        context="group",
        description="co-chairs of the same mediation group",
    ),
    "cochair-membership": ViewSpec(
        membership_relations,
        True,
        context="group",
        description="co-chair → mediation group (bipartite)",
    ),
    "belligerents": ViewSpec(
        belligerent_relations,
        False,
        context="conflict",
        description="parties to the same conflict or war",
    ),
    "actors": ViewSpec(
        actor_relations,
        True,
        multi=True,
        description="every actor–actor relation, typed by relation",
    ),
}
"""The views by name."""


def view_names() -> list[str]:
    """Names of the available views, in :data:`VIEWS` order."""
    return list(VIEWS)


def _in_time(span: Span, at: date | None, between: tuple[date, date] | None) -> bool:
    if at is not None and not span.contains(at):
        return False
    return between is None or span.overlaps(*between)


def _graph_type(spec: ViewSpec) -> nx.Graph:
    if spec.multi:
        return nx.MultiDiGraph()
    return nx.DiGraph() if spec.directed else nx.Graph()


def build_view(
    graph: GraphLike,
    name: str,
    *,
    at: date | None = None,
    between: tuple[date, date] | None = None,
    release: bool = False,
) -> nx.Graph:
    """Build the view ``name`` of ``graph``, optionally sliced in time.

    Parameters
    ----------
    graph : GraphLike
        The data (merged with the ontology or not): an rdflib Graph, or a
        :class:`kg.views.storegraph.StoreGraph` over Oxigraph. Views built from the
        same :class:`~kg.views.storegraph.IndexedGraph` share its indexes and caches.
    name : str
        One of :func:`view_names`.
    at : date, optional
        Keep the relations holding on this day.
    between : (date, date), optional
        Keep the relations holding at some time in this closed window.
    release : bool
        Once the relations are read, drop the indexes and memo tables of an
        indexed ``graph`` that the node and edge attributes do not read
        (:meth:`~kg.views.storegraph.IndexedGraph.retain`): for the last view
        built from it, so they are not held beside the view.

    Raises
    ------
    UsageError
        Unknown view name (the message lists the available ones) or an empty window.

    Examples
    --------
    >>> from datetime import date
    >>> from rdflib import Graph
    >>> build_view(Graph(), "cochair", at=date(2020, 10, 10)).graph["view"]
    'cochair'
    """
    spec = VIEWS.get(name)
    if spec is None:
        raise UsageError(f"unknown view {name!r}; available views: {', '.join(VIEWS)}")
    if between is not None and between[0] > between[1]:
        raise UsageError(f"empty time window: {between[0]} is after {between[1]}")
    with gc_paused():
        return _build(indexed(graph), name, spec, at=at, between=between, release=release)


def _build(
    graph: GraphLike,
    name: str,
    spec: ViewSpec,
    *,
    at: date | None,
    between: tuple[date, date] | None,
    release: bool = False,
) -> nx.Graph:
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for rel in spec.extract(graph):
        if (at is None and between is None) or _in_time(rel.span, at, between):
            key = rel.relation if spec.multi else ""
            # one string per node (interned), not one per edge end in networkx's adjacency
            ends = (intern(str(rel.source)), intern(str(rel.target)), key)
            groups.setdefault(ends, []).append(rel)
    if release and isinstance(graph, IndexedGraph):
        graph.retain(ATTRIBUTE_TERMS, ATTRIBUTE_MEMOS)
    view = _graph_type(spec)
    view.graph.update({"view": name, "description": spec.description})
    if at is not None:
        view.graph["at"] = at.isoformat()
    if between is not None:
        view.graph["between"] = f"{between[0].isoformat()}/{between[1].isoformat()}"
    # plain-string keys sort as the IRIs do, without rdflib's comparison methods
    nodes: dict[str, dict[str, object]] = {}

    def edges() -> Iterator[tuple[Any, ...]]:  # made as they are added: no second copy
        for (source, target, key), group in sorted(groups.items()):
            for node, iri in ((source, group[0].source), (target, group[0].target)):
                if node not in nodes:
                    nodes[node] = node_attributes(graph, iri)
            attrs = edge_attributes(graph, group, spec.context)
            yield (source, target, key, attrs) if spec.multi else (source, target, attrs)

    # in bulk: each edge adds its nodes as add_node then add_edge did, then their attributes
    view.add_edges_from(edges())
    for node, attrs in nodes.items():
        view.nodes[node].update(attrs)
    if name == "cochair-membership":
        groups_ = {t for _, t in view.edges()}
        for node, data in view.nodes(data=True):
            data["bipartite"] = 1 if node in groups_ else 0
    return view


__all__ = ["KINDS", "SEP", "VIEWS", "ViewSpec", "build_view", "kind", "label", "view_names"]
