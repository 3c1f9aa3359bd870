"""Short, readable names for RDF terms in messages: ``ckg:party`` rather than the IRI.

Examples
--------
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> g.bind("ex", "http://ex.org/")
>>> qname(g, URIRef("http://ex.org/a")), qname(None, URIRef("http://ex.org/a"))
('ex:a', 'http://ex.org/a')
>>> short_text(g, Literal("x")), short_text(g, None)
('x', None)
"""

from __future__ import annotations

from rdflib import Graph, URIRef


def qname(graph: Graph | None, node: object) -> str:
    """``node`` as a prefixed name with ``graph``'s prefixes, else its plain text."""
    if graph is None:
        return str(node)
    try:
        return graph.namespace_manager.normalizeUri(str(node))
    except Exception:  # noqa: BLE001 - rdflib raises assorted errors; fall back to the IRI
        return str(node)


def short_text(graph: Graph | None, node: object | None) -> str | None:
    """An IRI as :func:`qname`, any other term as its text, None as None."""
    if node is None:
        return None
    return qname(graph, node) if isinstance(node, URIRef) else str(node)


__all__ = ["qname", "short_text"]
