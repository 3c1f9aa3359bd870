"""The graph that queries run on: ontology and data, blank nodes skolemised.

It is the ontology merged with the data (so queries can follow
``rdfs:subClassOf*`` and ``rdfs:subPropertyOf*`` without a reasoner), with every
blank node replaced by a stable IRI under ``.well-known/genid/`` (RDF 1.1
skolemisation). Stable IRIs make publishing idempotent (re-sending a blank node
would add a copy) and make in-process and remote results identical.
:func:`project_graph` builds it as an rdflib graph; :func:`project_store` loads
it straight into an Oxigraph store (no rdflib copy of the data), with the same
checks and the same IRIs for blank nodes.

Examples
--------
>>> from rdflib import BNode, Graph, URIRef
>>> g = Graph(); _ = g.add((URIRef("http://a"), URIRef("http://p"), BNode()))
>>> str(next(iter(skolemize(g)))[2]).startswith(GENID)
True
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from kg.check.store_checks import load_checked_store
from kg.read.load import load_graph, parse_turtle
from kg.read.resources import Layout
from kg.read.store import select, to_ox_quad, to_rdflib_term

_BLANK = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) }"

GENID = "https://w3id.org/conflict-kg/.well-known/genid/"
"""Namespace of the IRIs that replace blank nodes."""


def skolemize(graph: Graph) -> Graph:
    """Return a copy of ``graph`` whose blank nodes are stable IRIs.

    The IRIs come from the canonical labelling of the graph (RDF graph
    isomorphism), so the same triples always give the same IRIs.

    Examples
    --------
    >>> len(skolemize(Graph()))
    0
    """
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns)
    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        out += graph
        return out
    canonical = to_canonical_graph(graph)

    def fix(node: Node) -> Node:
        if isinstance(node, BNode):
            digest = hashlib.sha256(str(node).encode("utf-8")).hexdigest()[:24]
            return URIRef(GENID + digest)
        return node

    for s, p, o in canonical:
        out.add((fix(s), p, fix(o)))
    return out


def project_graph(layout: Layout) -> Graph:
    """Load the ontology and the data of ``layout`` as one skolemised graph.

    Syntax, literals and ``ckg:`` vocabulary are checked (``LoadError``); SHACL
    is not run here (``conflict-kg validate`` and ``build`` do that).

    Examples
    --------
    >>> from kg.read.resources import find_layout
    >>> len(project_graph(find_layout())) > 0  # doctest: +SKIP
    True
    """
    ontology = parse_turtle(layout.ontology)
    data = load_graph(layout.data_files, ontology=ontology)
    merged = Graph()
    for source in (ontology, data):
        for prefix, ns in source.namespaces():
            merged.bind(prefix, ns, override=False)
    merged += ontology
    merged += data
    return skolemize(merged)


def blank_triples(store: ox.Store) -> list[ox.Quad]:
    """The triples of ``store``'s default graph that hold a blank node."""
    return [
        ox.Quad(row["s"], row["p"], row["o"], ox.DefaultGraph()) for row in select(store, _BLANK)
    ]


def skolemized_quads(quads: list[ox.Quad]) -> list[ox.Quad]:
    """``quads`` (all of a graph's triples with a blank node) with the IRIs of :func:`skolemize`.

    The canonical labelling depends on these triples alone.

    Examples
    --------
    >>> q = ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.BlankNode())
    >>> skolemized_quads([q])[0].object.value.startswith(GENID)
    True
    """
    if not quads:
        return []
    blank = Graph()
    for quad in quads:
        blank.add(
            (
                to_rdflib_term(quad.subject),
                to_rdflib_term(quad.predicate),
                to_rdflib_term(quad.object),
            )
        )
    return [to_ox_quad(t) for t in skolemize(blank)]


def skolemize_store(store: ox.Store) -> None:
    """Replace the blank nodes of ``store``'s default graph by the IRIs of :func:`skolemize`.

    Only the triples that hold a blank node are copied out (:func:`skolemized_quads`),
    so a graph without blank nodes costs one scan.

    Examples
    --------
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.BlankNode()))
    >>> skolemize_store(s)
    >>> next(iter(s)).object.value.startswith(GENID)
    True
    """
    found = blank_triples(store)
    named = skolemized_quads(found)
    for quad in found:
        store.remove(quad)
    store.extend(named)


def project_store(layout: Layout) -> ox.Store:
    """Load the ontology and the data of ``layout`` into one Oxigraph store, skolemised.

    The same graph as :func:`project_graph`, with the same load-time checks
    (syntax, literals, undeclared ``ckg:`` terms: ``LoadError`` naming
    ``file:line``), without holding the data in rdflib as well: only the
    ontology is parsed by rdflib, to know the declared terms.

    Examples
    --------
    >>> from kg.read.resources import find_layout
    >>> len(project_store(find_layout())) > 0  # doctest: +SKIP
    True
    """
    store, _ = load_checked_store(layout)
    skolemize_store(store)
    return store


__all__ = [
    "GENID",
    "blank_triples",
    "project_graph",
    "project_store",
    "skolemize",
    "skolemize_store",
    "skolemized_quads",
]
