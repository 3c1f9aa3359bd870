"""Network views of the graph: a graph in (rdflib or Oxigraph), networkx graph out.

Views (see :data:`VIEWS`):

- ``mediation`` — directed, mediator → party (:func:`kg.relations.mediation_relations`);
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
rule that dates a relation is documented in :mod:`kg.timeslice`.

Examples
--------
>>> from rdflib import Graph
>>> build_view(Graph(), "mediation").number_of_edges()
0
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg import CKG
from kg.errors import UsageError
from kg.relations import (
    Relation,
    actor_relations,
    belligerent_relations,
    cochair_relations,
    mediation_relations,
    membership_relations,
)
from kg.storegraph import GraphLike, IndexedGraph, Terms, gc_paused, indexed, memo_of
from kg.timeslice import Span, interval_of, merge_spans

_CKG, _RDF, _RDFS = Terms(CKG), Terms(RDF), Terms(RDFS)

SEP = " | "
"""Separator of multi-valued attribute values."""

KINDS = (
    "State",
    "InternationalOrganization",
    "MediationGroup",
    "GovernmentBody",
    "Office",
    "Person",
    "ArmedForces",
)
"""Actor kinds, most specific first; anything else is ``Actor``."""


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


def label(graph: GraphLike, node: URIRef, *, lang: str = "en") -> str:
    """The ``rdfs:label`` in ``lang``, else any label, else the IRI's last segment.

    >>> from rdflib import Graph
    >>> label(Graph(), URIRef("https://w3id.org/conflict-kg/id/russia"))
    'russia'
    """
    memo = memo_of(graph, "label")
    if memo is None:
        return _label(graph, node, lang)
    key = (node, lang)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _label(graph, node, lang)
    return str(found)


def _texts(graph: GraphLike, node: URIRef) -> list[tuple[str, str | None]]:
    """``(text, language)`` of the ``rdfs:label`` literals of ``node``."""
    if isinstance(graph, IndexedGraph):
        return graph.texts(node, _RDFS.label)
    return [
        (str(o), o.language) for o in graph.objects(node, _RDFS.label) if isinstance(o, Literal)
    ]


def _label(graph: GraphLike, node: URIRef, lang: str) -> str:
    labels = _texts(graph, node)
    for text, language in sorted(labels, key=_text_of):
        if language == lang:
            return text
    if labels:
        return min(labels, key=lambda label: (label[1] or "", label[0]))[0]
    return str(node).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _text_of(label: tuple[str, str | None]) -> str:
    return label[0]


def kind(graph: GraphLike, node: URIRef) -> str:
    """The actor kind of ``node`` (its ``ckg:`` class among :data:`KINDS`)."""
    memo = memo_of(graph, "kind")
    if memo is None:
        return _kind(graph, node)
    found = memo.get(node)
    if found is None:
        found = memo[node] = _kind(graph, node)
    return str(found)


_KIND_TERMS = [(name, _CKG[name]) for name in KINDS]


def _kind(graph: GraphLike, node: URIRef) -> str:
    types = set(graph.objects(node, _RDF.type))
    for name, term in _KIND_TERMS:
        if term in types:
            return name
    for name, term in _KIND_TERMS:  # a subclass declared in the (merged) ontology
        if any((t, _RDFS.subClassOf, term) in graph for t in types):
            return name
    return "Actor"


def node_attributes(graph: GraphLike, node: URIRef) -> dict[str, object]:
    """The node attributes of an actor (see module docstring); a new dict each call."""
    memo = memo_of(graph, "node_attributes")
    if memo is None:
        return _node_attributes(graph, node)
    found = memo.get(node)
    if found is None:
        found = memo[node] = _node_attributes(graph, node)
    return dict(found)


def _node_attributes(graph: GraphLike, node: URIRef) -> dict[str, object]:
    attrs: dict[str, object] = {
        "iri": str(node),
        "label": label(graph, node),
        "kind": kind(graph, node),
    }
    indonesian = [text for text, language in _texts(graph, node) if language == "id"]
    if indonesian:
        attrs["label_id"] = min(indonesian)
    span = interval_of(graph, node)
    if span is not None and span.start is not None:
        attrs["start"] = span.start.isoformat()
    if span is not None and span.end is not None:
        attrs["end"] = span.end.isoformat()
    return attrs


def _in_time(span: Span, at: date | None, between: tuple[date, date] | None) -> bool:
    if at is not None and not span.contains(at):
        return False
    return between is None or span.overlaps(*between)


def _join(values: list[str]) -> str:
    if len(values) == 1:
        return values[0] or ""
    return SEP.join(dict.fromkeys(v for v in values if v))


def _via_key(rel: Relation) -> str:
    return str(rel.via)


def _spells(spans: list[Span]) -> list[Span]:
    if len(spans) == 1:  # merge_spans of one span, without its sorting
        span = spans[0]
        return [Span(span.start, span.end, "interval")] if span.dated else []
    return merge_spans(spans)


def _single_attestation(graph: GraphLike, rel: Relation, context: str) -> dict[str, object]:
    """:func:`edge_attributes` of an edge of one attestation (most edges), without lists."""
    span = rel.span
    iso = span.iso()
    attrs: dict[str, object] = {
        "relation": rel.relation,
        "label": rel.relation,
        "events": str(rel.via),
        "event_labels": label(graph, rel.via),
        "dates": iso or "undated",
        "count": 1,
        "weight": 1.0,
        "status": rel.status or "",
        "sources": _join([str(s) for s in rel.sources]),
        "spells": iso,  # one span merged is itself
        "dated_by": span.basis or "",
        "symmetric": rel.symmetric,
    }
    if iso and span.start is not None:
        attrs["start"] = span.start.isoformat()
    if iso and span.end is not None:
        attrs["end"] = span.end.isoformat()
    if context and rel.context is not None:
        _context_attributes(graph, attrs, context, [rel.context])
    return attrs


def edge_attributes(graph: GraphLike, group: list[Relation], context: str) -> dict[str, object]:
    """Aggregate the attestations of one edge into scalar attributes."""
    if not group[1:]:
        return _single_attestation(graph, group[0], context)
    rels = list({r.via: r for r in sorted(group, key=_via_key)}.values()) if group[1:] else group
    spans = [r.span for r in rels]
    spells = _spells(spans)
    relations = _join([r.relation for r in rels])
    attrs: dict[str, object] = {
        "relation": relations,
        "label": relations,
        "events": SEP.join([str(r.via) for r in rels]),
        "event_labels": SEP.join([label(graph, r.via) for r in rels]),
        "dates": SEP.join([s.iso() or "undated" for s in spans]),
        "count": len(rels),
        "weight": float(len(rels)),
        "status": _join([r.status for r in rels]),
        "sources": _join([str(s) for r in group for s in r.sources]),
        "spells": SEP.join([s.iso() for s in spells]),
        "dated_by": _join([s.basis for s in spans]),
        "symmetric": rels[0].symmetric,
    }
    if spells and spells[0].start is not None:
        attrs["start"] = spells[0].start.isoformat()
    if spells and all(s.end is not None for s in spells):
        attrs["end"] = max(s.end for s in spells if s.end is not None).isoformat()
    contexts = [r.context for r in rels if r.context is not None]
    if context and contexts:
        _context_attributes(graph, attrs, context, contexts)
    return attrs


def _context_attributes(
    graph: GraphLike, attrs: dict[str, object], context: str, contexts: list[URIRef]
) -> None:
    attrs[context] = _join([str(c) for c in contexts])
    attrs[f"{context}_label"] = _join([label(graph, c) for c in contexts])
    if context == "conflict":
        places = {
            t for c in contexts for t in graph.objects(c, _CKG.territory) if isinstance(t, URIRef)
        }
        attrs["territory"] = _join(sorted(label(graph, t) for t in places))


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
) -> nx.Graph:
    """Build the view ``name`` of ``graph``, optionally sliced in time.

    Parameters
    ----------
    graph : GraphLike
        The data (merged with the ontology or not): an rdflib Graph, or a
        :class:`kg.storegraph.StoreGraph` over Oxigraph. Views built from the
        same :class:`~kg.storegraph.IndexedGraph` share its indexes and caches.
    name : str
        One of :func:`view_names`.
    at : date, optional
        Keep the relations holding on this day.
    between : (date, date), optional
        Keep the relations holding at some time in this closed window.

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
        return _build(indexed(graph), name, spec, at=at, between=between)


def _build(
    graph: GraphLike,
    name: str,
    spec: ViewSpec,
    *,
    at: date | None,
    between: tuple[date, date] | None,
) -> nx.Graph:
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for rel in spec.extract(graph):
        if (at is None and between is None) or _in_time(rel.span, at, between):
            key = rel.relation if spec.multi else ""
            groups.setdefault((str(rel.source), str(rel.target), key), []).append(rel)
    view = _graph_type(spec)
    view.graph.update({"view": name, "description": spec.description})
    if at is not None:
        view.graph["at"] = at.isoformat()
    if between is not None:
        view.graph["between"] = f"{between[0].isoformat()}/{between[1].isoformat()}"
    # plain-string keys sort as the IRIs do, without rdflib's comparison methods
    for (source, target, key), group in sorted(groups.items()):
        for node, iri in ((source, group[0].source), (target, group[0].target)):
            if node not in view:
                view.add_node(node, **node_attributes(graph, iri))
        attrs = edge_attributes(graph, group, spec.context)
        if spec.multi:
            view.add_edge(source, target, key=key, **attrs)
        else:
            view.add_edge(source, target, **attrs)
    if name == "cochair-membership":
        groups_ = {t for _, t in view.edges()}
        for node, data in view.nodes(data=True):
            data["bipartite"] = 1 if node in groups_ else 0
    return view


__all__ = ["KINDS", "SEP", "VIEWS", "ViewSpec", "build_view", "kind", "label", "view_names"]
