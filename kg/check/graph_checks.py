"""The checks that need an rdflib copy of the data: OWL reasoning and the advice warnings.

They run on the store's data when it is small enough (``Options.reasoner``/``rich_limit``)
and give :class:`~kg.check.lint_rows.Pending` findings, located afterwards like every
other finding of :mod:`kg.check.lint_store`.

Examples
--------
>>> import pyoxigraph as ox
>>> from rdflib import Graph
>>> graph_check_rows(ox.Store(), Graph(), reasoner=True, advice=True, dl=False)
([], [])
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.check.advice import advice_findings
from kg.check.diagnostic import Diagnostic
from kg.check.lint_rows import Names, Pending
from kg.check.reasoning import reasoning_findings
from kg.read.store import to_rdflib_term


def data_graph(store: ox.Store) -> Graph:
    """The store's default graph (the data) as an rdflib graph."""
    graph = Graph()
    for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        graph.add(
            (to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object))
        )
    return graph


def _pending(diagnostic: Diagnostic) -> Pending:
    """Locate at the focus node's subject block (the file-level ones stay unlocated)."""

    def make(names: Names, store: ox.Store, d: Diagnostic = diagnostic) -> Diagnostic:
        return d

    focus = diagnostic.focus
    if focus is None or focus.startswith("_:"):
        return Pending(diagnostic.kind, URIRef("urn:x-unlocated"), None, None, "none", make)
    # located at the node's subject block, without a column: it names a node, no term in a line
    return Pending(diagnostic.kind, URIRef(focus), RDF.type, None, "check", make, (None,))


def graph_check_rows(
    store: ox.Store, ontology: Graph, *, reasoner: bool, advice: bool, dl: bool
) -> tuple[list[Pending], list[str]]:
    """Reasoning (with ``reasoner``) and advice findings on ``store``'s data, and notices."""
    if not (reasoner or advice):
        return [], []
    data = data_graph(store)
    found: list[Diagnostic] = []
    notices: list[str] = []
    if advice:
        found += advice_findings(data, ontology, [])
    if reasoner:
        reasoned, notices = reasoning_findings(ontology, data, [], dl=dl)
        found += reasoned
    return [_pending(d) for d in found], notices


__all__ = ["data_graph", "graph_check_rows"]
