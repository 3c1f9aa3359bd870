"""The checked project that ``build``, ``serve`` and ``publish`` work from.

The project is checked by the checker of ``validate``
(:func:`kg.check.lint_store.check_store_project`): the same findings at the same
``file:line:col``. Any error stops the command (:class:`~kg.errors.DataError`
carries the findings); otherwise the checked store is kept, the ontology moved
into its default graph beside the data.

Examples
--------
>>> from kg.read.resources import find_layout
>>> project = load_checked(find_layout())  # doctest: +SKIP
>>> project.result.errors, project.counts().triples  # doctest: +SKIP
(0, 2345)
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg import CKG
from kg.check.lint import lint
from kg.check.lint_store import check_store_project
from kg.check.options import LintResult, Options
from kg.check.shacl.sparql import ONTOLOGY_GRAPH
from kg.errors import DataError, UsageError
from kg.read.resources import Layout
from kg.read.store import load_store, select

Tick = Callable[[str, int, int], None]


class Counts(NamedTuple):
    """Triples, instances per ``ckg:`` class, source documents and quotations of the data."""

    triples: int
    instances_per_class: dict[str, int]
    source_documents: int
    quotations: int


def subclasses(ontology: Graph, cls: URIRef) -> set[str]:
    """``cls`` and its subclasses (``rdfs:subClassOf*``) in ``ontology``, as IRIs."""
    found = {str(cls)}
    for sub in ontology.transitive_subjects(RDFS.subClassOf, cls):
        if isinstance(sub, URIRef):
            found.add(str(sub))
    return found


@dataclass
class BuildInput:
    """A loaded and validated project.

    Attributes
    ----------
    layout : Layout
    store : pyoxigraph.Store
        Ontology and data in the default graph.
    ontology : rdflib.Graph
        The ontology alone (small), for prefixes and class hierarchy.
    result : LintResult
        What the checks found: no error, maybe warnings.
    """

    layout: Layout
    store: ox.Store
    ontology: Graph
    result: LintResult

    @cached_property
    def graph(self) -> Any:
        """A read-only, rdflib-like view of the store for :mod:`kg.views.network` (built once)."""
        from kg.views.storegraph import StoreGraph

        return StoreGraph(self.store)

    def counts(self) -> Counts:
        """Count what the data (not the ontology's own terms) holds, by SPARQL.

        The default graph only: the triples ``build``'s entailment step adds to
        a named graph (:data:`~kg.outputs.entailment.ENTAILED_GRAPH`) are not
        counted, whenever this is called. The queries run in Oxigraph without
        Python's lock, so ``build`` counts beside its steps.
        """
        own = _values("?s", {str(s) for s in self.ontology.subjects() if isinstance(s, URIRef)})
        per_class = {
            "ckg:" + row["cls"].value[len(str(CKG)) :]: int(row["n"].value)
            for row in select(self.store, _per_class(own))
        }
        docs, quotes = (
            _count(self.store, _instances(_values("?cls", subclasses(self.ontology, c)), own))
            for c in (CKG.SourceDocument, CKG.Quotation)
        )
        triples = _count(self.store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
        return Counts(triples, dict(sorted(per_class.items())), docs, quotes)


def _per_class(own: str) -> str:
    """Instances per ``ckg:`` class (typing statements), the subjects of ``own`` left out."""
    return f"""SELECT ?cls (COUNT(*) AS ?n) WHERE {{
  ?s a ?cls FILTER (isIRI(?cls) && STRSTARTS(STR(?cls), "{CKG}")) MINUS {{ {own} }}
}} GROUP BY ?cls"""


def _instances(classes: str, own: str) -> str:
    """Distinct instances of ``classes``, the subjects of ``own`` left out."""
    return f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {classes} ?s a ?cls MINUS {{ {own} }} }}"


def _values(name: str, iris: Iterable[str]) -> str:
    """``VALUES name { … }`` of ``iris``, written by Oxigraph (its escaping)."""
    return f"VALUES {name} {{ " + " ".join(sorted(str(ox.NamedNode(i)) for i in iris)) + " }"


def _count(store: ox.Store, query: str) -> int:
    """The one number ``query`` (``SELECT (COUNT(…) AS ?n)``) gives."""
    return int(next(iter(select(store, query)))["n"].value)


def load_checked(
    layout: Layout,
    *,
    engine: str = "oxigraph",
    reasoner: str = "auto",
    progress: Tick | None = None,
    loaded: Callable[[ox.Store], None] | None = None,
    loading: Callable[[Sequence[Path]], None] | None = None,
) -> BuildInput:
    """Check ``layout`` as ``validate`` does and keep the checked store.

    Parameters
    ----------
    layout : Layout
    engine : {"oxigraph", "pyshacl"}
        ``"pyshacl"`` checks with the reference engines (rdflib graphs, pySHACL; far
        slower), releases them, then loads the store.
    reasoner : {"auto", "always", "never"}
        OWL reasoning and advice, as ``validate --reasoner``.
    progress : callable, optional
        ``progress(stage, done, total)``.
    loaded : callable, optional
        ``loaded(store)`` once the data is loaded, before it is checked (the
        data alone in the default graph; not called by the reference engines).
    loading : callable, optional
        ``loading(paths)`` with the data files, just before they are loaded
        (:func:`kg.check.lint_store.check_store_project`; not called by the
        reference engines).

    Raises
    ------
    DataError
        The checks found errors (``findings`` carries the diagnostics).
    LoadError
        The ontology or shapes cannot be read (as ``validate``: exit 2).
    UsageError
        An unknown engine.
    """
    if engine not in ("oxigraph", "pyshacl"):
        raise UsageError(f"unknown SHACL engine {engine!r}: use oxigraph or pyshacl")
    tick = progress or (lambda stage, done, total: None)
    if engine == "oxigraph":
        options = Options(reasoner=reasoner)
        checked = check_store_project(
            layout, options=options, step=tick, loaded=loaded, loading=loading
        )
        result, store, ontology = checked.result, checked.store, checked.ontology
        del checked
    else:
        tick("validate", 0, 0)
        result = lint(layout, options=Options(engine="pyshacl", reasoner=reasoner))
        store, ontology = None, Graph()
        gc.collect()
    if result.errors or (engine == "oxigraph" and store is None):
        raise DataError(
            f"{result.errors} error(s) found by the checks (conflict-kg validate shows the "
            "same); nothing written",
            list(result.diagnostics),
            checked=result.files,
        )
    if store is None:  # the reference engines checked rdflib graphs, now released
        tick("load", 0, 0)
        store = load_store([layout.ontology, *layout.data_files])
        ontology = _ontology_of(layout)
    else:
        _ontology_into_default_graph(store)
    return BuildInput(layout, store, ontology, result)


def _ontology_into_default_graph(store: ox.Store) -> None:
    """Move the checker's ontology graph into the default graph, beside the data."""
    quads = list(store.quads_for_pattern(None, None, None, ONTOLOGY_GRAPH))
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    store.remove_graph(ONTOLOGY_GRAPH)


def _ontology_of(layout: Layout) -> Graph:
    from kg.read.load import parse_turtle

    return parse_turtle(layout.ontology)


__all__ = ["BuildInput", "Counts", "load_checked", "subclasses"]
