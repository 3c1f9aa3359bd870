"""The checked project a build works from: the store, the ontology and the SHACL report.

Examples
--------
>>> from kg.read.resources import find_layout
>>> project = load_checked(find_layout())  # doctest: +SKIP
>>> project.report.conforms, project.counts().triples  # doctest: +SKIP
(True, 2345)
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg import CKG
from kg.check.fast_project import check_project_fast
from kg.check.shacl.reference import ValidationReport
from kg.errors import UsageError
from kg.read.resources import Layout
from kg.read.store import load_store

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
    report : ValidationReport
    """

    layout: Layout
    store: ox.Store
    ontology: Graph
    report: ValidationReport

    @cached_property
    def graph(self) -> Any:
        """A read-only, rdflib-like view of the store for :mod:`kg.views.network` (built once)."""
        from kg.views.storegraph import StoreGraph

        return StoreGraph(self.store)

    def counts(self) -> Counts:
        """Count what the data (not the ontology) holds, in one pass over ``rdf:type``."""
        own = {str(s) for s in self.ontology.subjects() if isinstance(s, URIRef)}
        docs_classes = subclasses(self.ontology, CKG.SourceDocument)
        quote_classes = subclasses(self.ontology, CKG.Quotation)
        per_class: dict[str, int] = {}
        docs: set[str] = set()
        quotes: set[str] = set()
        rdf_type = ox.NamedNode(str(RDF.type))
        for quad in self.store.quads_for_pattern(None, rdf_type, None, ox.DefaultGraph()):
            subject, cls = quad.subject, quad.object
            if not isinstance(cls, ox.NamedNode):
                continue
            if isinstance(subject, ox.NamedNode) and subject.value in own:
                continue
            if cls.value.startswith(str(CKG)):
                name = "ckg:" + cls.value[len(str(CKG)) :]
                per_class[name] = per_class.get(name, 0) + 1
            if cls.value in docs_classes:
                docs.add(str(subject))
            if cls.value in quote_classes:
                quotes.add(str(subject))
        return Counts(len(self.store), dict(sorted(per_class.items())), len(docs), len(quotes))


def load_checked(
    layout: Layout, *, engine: str = "oxigraph", progress: Tick | None = None
) -> BuildInput:
    """Load ``layout`` into a store, run the load-time checks and SHACL.

    Parameters
    ----------
    layout : Layout
    engine : {"oxigraph", "pyshacl"}
        ``"pyshacl"`` validates an rdflib copy with pySHACL (the reference
        engine, far slower); that copy is released before the store is loaded,
        so the two are never held together.
    progress : callable, optional
        ``progress(stage, done, total)``.

    Raises
    ------
    LoadError
        A file does not parse, has an invalid literal or an undeclared ``ckg:`` term.
    UsageError
        An unknown engine.
    """
    tick = progress or (lambda stage, done, total: None)
    if engine == "oxigraph":
        tick("load", 0, 0)
        fast = check_project_fast(
            layout, progress=lambda done, total: tick("validate", done, total)
        )
        return BuildInput(layout, fast.store, fast.ontology, fast.report)
    if engine != "pyshacl":
        raise UsageError(f"unknown SHACL engine {engine!r}: use oxigraph or pyshacl")
    from kg.check.project import check_project

    tick("validate", 0, 0)
    checked = check_project(layout)
    ontology, report = checked.ontology, checked.report
    del checked
    gc.collect()
    tick("load", 0, 0)
    return BuildInput(layout, load_store([layout.ontology, *layout.data_files]), ontology, report)


__all__ = ["BuildInput", "Counts", "load_checked", "subclasses"]
