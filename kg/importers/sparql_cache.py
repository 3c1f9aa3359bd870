"""Parse each SPARQL query once while validating large graphs.

pySHACL runs a SHACL-SPARQL constraint once per focus node and hands rdflib the
query *text* each time, so rdflib parses and translates the same query thousands
of times (for the full PA-X import, parsing is ~85% of validation time). Within
:func:`parsed_once`, rdflib's SPARQL processor keeps each translated query, keyed
by its text, base and namespaces, and evaluates the kept algebra with the new
bindings, which rdflib supports (it is what ``prepareQuery`` is for). The patch
is undone on exit.

Examples
--------
>>> from rdflib import Graph
>>> with parsed_once():
...     len(Graph().query("SELECT * WHERE { ?s ?p ?o }"))
0
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from rdflib.plugins.sparql import processor
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.evaluate import evalQuery
from rdflib.plugins.sparql.parser import parseQuery


@contextmanager
def parsed_once() -> Iterator[None]:
    """Within the block, translate each distinct SPARQL query text only once."""
    original = processor.SPARQLProcessor.query
    cache: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], Any] = {}

    def query(
        self: processor.SPARQLProcessor,
        strOrQuery: Any,  # noqa: N803
        initBindings: Mapping[str, Any] | None = None,  # noqa: N803
        initNs: Mapping[str, Any] | None = None,  # noqa: N803
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Any:  # noqa: N803
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((k, str(v)) for k, v in (initNs or {}).items())))
            if key not in cache:
                cache[key] = translateQuery(parseQuery(strOrQuery), base, initNs)
            strOrQuery = cache[key]
        return evalQuery(self.graph, strOrQuery, initBindings or {}, base)

    processor.SPARQLProcessor.query = query  # type: ignore[method-assign]
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original  # type: ignore[method-assign]


__all__ = ["parsed_once"]
