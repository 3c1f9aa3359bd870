"""The checks that need an rdflib copy of the data: OWL reasoning and the advice warnings.

They run on the store's data when it is small enough (``Options.reasoner``/``rich_limit``)
and give :class:`~kg.check.lint_rows.Pending` findings, located afterwards like every
other finding of :mod:`kg.check.lint_store`. Given the key of the files the store was
read from (:func:`kg.check.verdictcache.inputs_key`), findings already computed for the
same bytes by the same code are taken from :mod:`kg.check.findingcache` and HermiT's
verdict from :func:`kg.check.hermit.recall`: then no rdflib copy of the data is made.

Examples
--------
>>> import pyoxigraph as ox
>>> from rdflib import Graph
>>> graph_check_rows(ox.Store(), Graph(), reasoner=True, advice=True, dl=False)
([], [])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.check import findingcache, hermit
from kg.check.diagnostic import Diagnostic
from kg.check.hermit import HermitRun
from kg.check.lint_rows import Names, Pending
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
    """Reasoning and advice under way (:func:`start_graph_checks`): HermiT runs meanwhile.

    ``data`` is the store's data as rdflib, copied when first needed (:meth:`graph`);
    ``inputs`` the files it was read from and ``cached`` the findings of a previous
    run on the same bytes (:mod:`kg.check.findingcache`).
    """

    store: ox.Store
    ontology: Graph
    reasoner: bool
    advice: bool
    dl_run: HermitRun | None
    inputs: findingcache.Inputs | None = None
    cached: findingcache.Findings | None = None
    recalled: bool = False
    data: Graph | None = field(default=None, repr=False)

    @property
    def key(self) -> str:
        """The :mod:`kg.check.findingcache` key of these checks on :attr:`inputs`."""
        inputs = self.inputs.key if self.inputs is not None else ""
        return findingcache.key(inputs, reasoner=self.reasoner, advice=self.advice)

    def keep(self, findings: findingcache.Findings) -> None:
        """Cache ``findings`` and HermiT's definite verdict, if the files are unchanged."""
        if self.inputs is None or not self.inputs.unchanged():
            return
        if self.cached is None:
            findingcache.store(self.key, findings)
        verdict = self.dl_run.verdict if self.dl_run is not None else None
        if verdict is not None and verdict[0] is not None and not self.recalled:
            hermit.remember(self.inputs.key, verdict)

    def graph(self) -> Graph:
        """The store's data as an rdflib graph (copied once)."""
        if self.data is None:
            self.data = data_graph(self.store)
        return self.data


def start_graph_checks(
    store: ox.Store,
    ontology: Graph,
    *,
    reasoner: bool,
    advice: bool,
    dl: bool,
    inputs: findingcache.Inputs | None = None,
) -> GraphChecks | None:
    """Start the checks on ``store``: HermiT (with ``reasoner`` and ``dl``) is launched now.

    Start it as soon as the data is loaded: the JVM starts while the other checks run.
    ``inputs``, the files the store and ``ontology`` were read from (made before they
    were loaded; None: not known, nothing cached), finds the findings and the verdict
    of a previous run on the same bytes.
    """
    if not (reasoner or advice):
        return None
    started = GraphChecks(store, ontology, reasoner, advice, None, inputs)
    if inputs is not None:
        started.cached = findingcache.load(started.key)
    if reasoner and dl:
        if started.cached is not None and started.cached[0]:
            # OWL 2 RL found an inconsistency: HermiT would be stopped before its verdict
            started.dl_run = HermitRun()
            return started
        recalled = hermit.recall(inputs.key) if inputs is not None else None
        started.recalled = recalled is not None
        started.dl_run = recalled or hermit.start(ontology, started.graph())
    return started


def _computed(started: GraphChecks) -> findingcache.Findings:
    """OWL 2 RL's messages and the advice findings, computed on the rdflib copy."""
    from kg.check.advice import advice_findings
    from kg.check.reasoning import owl_rl_errors

    data = started.graph()
    messages = owl_rl_errors(started.ontology, data) if started.reasoner else []
    advised = advice_findings(data, started.ontology, []) if started.advice else []
    return messages, advised


def finish_graph_checks(started: GraphChecks | None) -> tuple[list[Pending], list[str]]:
    """The reasoning (OWL RL, then HermiT's verdict) and advice findings, and notices."""
    from kg.check.reasoning import reasoning_findings

    if started is None:
        return [], []
    messages, advised = started.cached or _computed(started)
    found: list[Diagnostic] = list(advised)
    notices: list[str] = []
    if started.reasoner:
        reasoned, notices = reasoning_findings(
            started.ontology,
            Graph(),
            [],
            dl=started.dl_run is not None,
            run=started.dl_run,
            messages=messages,
        )
        found += reasoned
    started.keep((messages, advised))
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
