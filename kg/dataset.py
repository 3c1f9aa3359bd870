"""The graph that queries run on and that ``publish`` and ``serve`` load.

It is the ontology merged with the data (so queries can follow
``rdfs:subClassOf*`` and ``rdfs:subPropertyOf*`` without a reasoner), with every
blank node replaced by a stable IRI under ``.well-known/genid/`` (RDF 1.1
skolemisation). Stable IRIs make publishing idempotent (re-sending a blank node
would add a copy) and make in-process and remote results identical.

Examples
--------
>>> from rdflib import BNode, Graph, URIRef
>>> g = Graph(); _ = g.add((URIRef("http://a"), URIRef("http://p"), BNode()))
>>> str(next(iter(skolemize(g)))[2]).startswith(GENID)
True
"""

from __future__ import annotations

import hashlib

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from kg.errors import DataError
from kg.load import load_graph, parse_turtle
from kg.project import check_project
from kg.resources import Layout

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
    >>> from kg.resources import find_layout
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


def validated_graph(layout: Layout) -> Graph:
    """Load the project, require the SHACL check to pass, and return the skolemised graph.

    Raises
    ------
    LoadError
        A file cannot be loaded.
    DataError
        The data has SHACL violations (run ``conflict-kg validate`` to see them).

    Examples
    --------
    >>> from kg.resources import find_layout
    >>> len(validated_graph(find_layout())) > 0  # doctest: +SKIP
    True
    """
    project = check_project(layout)
    if not project.report.conforms:
        n = len(project.report.errors)
        raise DataError(
            f"{n} SHACL violation(s); nothing published (see conflict-kg validate)",
            project.report.findings,
        )
    return skolemize(project.merged())


__all__ = ["GENID", "project_graph", "skolemize", "validated_graph"]
