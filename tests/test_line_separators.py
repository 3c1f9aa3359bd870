"""Literals holding U+2028, U+2029 and other Unicode line breaks survive serve and publish.

``str.splitlines()`` splits on U+2028 (LINE SEPARATOR) and friends; N-Triples
lines end only at ``\\n``, so such a literal used to be cut in two and the
server refused the file (issue #13, point 1).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.importers.pax_rdf import sorted_ntriples
from kg.sparql.publish import ntriples_lines

SEPARATORS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def _graph(separator: str) -> Graph:
    graph = Graph()
    moscow = URIRef("https://example.org/id/moscow")
    note = URIRef("http://www.w3.org/2004/02/skos/core#editorialNote")
    graph.add((moscow, note, Literal(f"line one{separator}line two", lang="en")))
    graph.add((moscow, note, Literal("plain", lang="en")))
    return graph


@pytest.mark.parametrize("separator", SEPARATORS, ids=[hex(ord(s)) for s in SEPARATORS])
@pytest.mark.parametrize("lines_of", [ntriples_lines, lambda g: list(sorted_ntriples(g))])
def test_each_line_is_one_whole_triple(separator, lines_of) -> None:  # type: ignore[no-untyped-def]
    lines = lines_of(_graph(separator))
    assert len(lines) == 2
    for line in lines:
        assert len(list(ox.parse(line.encode(), format=ox.RdfFormat.N_TRIPLES))) == 1
    parsed = list(ox.parse("\n".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES))
    assert f"line one{separator}line two" in {q.object.value for q in parsed}


def test_update_batches_keep_the_literal_whole() -> None:
    """The SPARQL Update batches publish sends parse and insert the literal unchanged."""
    lines = ntriples_lines(_graph("\u2028"))
    store = ox.Store()
    store.update("INSERT DATA {\n" + "\n".join(lines[:1]) + "\n}")
    store.update("INSERT DATA {\n" + "\n".join(lines[1:]) + "\n}")
    assert len(store) == 2
    assert "line one\u2028line two" in {q.object.value for q in store}
