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

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.check import hermit
from kg.check.advice import advice_findings
from kg.check.diagnostic import Diagnostic
from kg.check.hermit import HermitRun
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


@dataclass
class GraphChecks:
    """Reasoning and advice under way (:func:`start_graph_checks`): HermiT runs meanwhile."""

    data: Graph
    ontology: Graph
    reasoner: bool
    advice: bool
    dl_run: HermitRun | None


def start_graph_checks(
    store: ox.Store, ontology: Graph, *, reasoner: bool, advice: bool, dl: bool
) -> GraphChecks | None:
    """Copy ``store``'s data to rdflib and start HermiT (with ``reasoner`` and ``dl``).

    Start it as soon as the data is loaded: the JVM starts while the other checks run.
    """
    if not (reasoner or advice):
        return None
    data = data_graph(store)
    run = hermit.start(ontology, data) if reasoner and dl else None
    return GraphChecks(data, ontology, reasoner, advice, run)


def finish_graph_checks(started: GraphChecks | None) -> tuple[list[Pending], list[str]]:
    """The reasoning (OWL RL, then HermiT's verdict) and advice findings, and notices."""
    if started is None:
        return [], []
    found: list[Diagnostic] = []
    notices: list[str] = []
    if started.advice:
        found += advice_findings(started.data, started.ontology, [])
    if started.reasoner:
        reasoned, notices = reasoning_findings(
            started.ontology, started.data, [], dl=started.dl_run is not None, run=started.dl_run
        )
        found += reasoned
    return [_pending(d) for d in found], notices


def graph_check_rows(
    store: ox.Store, ontology: Graph, *, reasoner: bool, advice: bool, dl: bool
) -> tuple[list[Pending], list[str]]:
    """Reasoning (with ``reasoner``) and advice findings on ``store``'s data, and notices."""
    started = start_graph_checks(store, ontology, reasoner=reasoner, advice=advice, dl=dl)
    return finish_graph_checks(started)


__all__ = [
    "GraphChecks",
    "data_graph",
    "finish_graph_checks",
    "graph_check_rows",
    "start_graph_checks",
]
