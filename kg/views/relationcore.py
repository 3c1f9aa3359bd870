"""The parts every relation extractor shares: the record, the lookups, the carrier.

:class:`Relation` is one attestation of a relation between two actors;
:func:`relate` makes those a carrier implies, dated by the time rule
(:func:`kg.views.timeslice.span_of`) with the carrier's sources and status;
:func:`uris` and :func:`typed` are the graph lookups the extractors make.

Examples
--------
>>> from rdflib import Graph
>>> list(relate(Graph(), CKG.t, [(CKG.a, CKG.a)], "met"))
[]
"""

from __future__ import annotations

from collections.abc import Iterable
from sys import intern
from typing import NamedTuple

from rdflib import URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg import CKG
from kg.views.storegraph import GraphLike, IndexedGraph, Terms, memo_of
from kg.views.timeslice import Span, source_documents, span_of

_CKG, _RDF = Terms(CKG), Terms(RDF)


class Relation(NamedTuple):
    """One attestation of a relation between two actors (immutable).

    ``via`` is the carrier (event, membership, actor) and ``context`` the
    group or conflict the relation is about, when there is one. A named
    tuple: views make 10^5 of them at 10^6 triples, and a tuple is built
    several times faster than a frozen dataclass.
    """

    source: URIRef
    target: URIRef
    relation: str
    via: URIRef
    span: Span
    sources: tuple[URIRef, ...] = ()
    status: str = ""
    context: URIRef | None = None
    symmetric: bool = False


CONFLICT_TYPES = (_CKG.Conflict, _CKG.War, _CKG.Hostilities)
TALKS_TYPES = (_CKG.Talks, _CKG.Consultation, _CKG.MediationEffort)


def uris(graph: GraphLike, node: Node, *preds: URIRef) -> list[URIRef]:
    """The IRI objects of ``node`` by ``preds``, once each, sorted."""
    if isinstance(graph, IndexedGraph):
        return graph.iris(node, *preds)
    found = {o for p in preds for o in graph.objects(node, p) if isinstance(o, URIRef)}
    return sorted(found, key=str)


def typed(graph: GraphLike, types: Iterable[URIRef]) -> list[URIRef]:
    found = {s for t in types for s in graph.subjects(_RDF.type, t) if isinstance(s, URIRef)}
    return sorted(found, key=str)


def iri_pair_key(pair: tuple[Node, Node]) -> tuple[str, str]:
    """Sort key of an IRI pair: the IRIs' order, without rdflib's comparison methods."""
    return str(pair[0]), str(pair[1])


def _status(graph: GraphLike, node: Node) -> str:
    values = sorted(str(o).rsplit("#", 1)[-1] for o in graph.objects(node, _CKG.status))
    return intern(" | ".join(values))  # once per carrier: its edges share it


def _carrier(graph: GraphLike, via: URIRef) -> tuple[tuple[URIRef, ...], str]:
    """The source documents and status of a carrier (memoised on an indexed graph)."""
    memo = memo_of(graph, "carrier")
    found = None if memo is None else memo.get(via)
    if found is None:
        found = (tuple(source_documents(graph, via)), _status(graph, via))
        if memo is not None:
            memo[via] = found
    return found


def _differ(a: Node, b: Node) -> bool:
    """``a != b`` (IRIs compared as strings, without rdflib's comparison methods)."""
    if type(a) is URIRef and type(b) is URIRef:
        return str.__ne__(a, b)
    return bool(a != b)


def relate(
    graph: GraphLike,
    via: URIRef,
    pairs: Iterable[tuple[URIRef, URIRef]],
    relation: str,
    *,
    span: Span | None = None,
    context: URIRef | None = None,
    symmetric: bool = False,
) -> list[Relation]:
    """The relations ``pairs`` carried by ``via``, dated by ``span`` or the time rule.

    A pair of an actor with itself is dropped; a carrier left with no pair is
    not dated at all (most carriers imply no pair of a given relation).
    """
    kept = [(s, t) for s, t in pairs if s is not t and _differ(s, t)]
    if not kept:
        return []
    when = span or span_of(graph, via)
    sources, status = _carrier(graph, via)
    return [
        Relation(source, target, relation, via, when, sources, status, context, symmetric)
        for source, target in kept
    ]


__all__ = [
    "CONFLICT_TYPES",
    "TALKS_TYPES",
    "Relation",
    "iri_pair_key",
    "relate",
    "typed",
    "uris",
]
