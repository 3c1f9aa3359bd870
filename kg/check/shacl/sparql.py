"""Validate with SHACL shapes compiled to SPARQL and run on Oxigraph.

Each constraint of each shape becomes one SPARQL SELECT over the store; the
rows are the validation results. The findings are those pySHACL reports (same
focus node, result path, constraint component and value), with pySHACL's
``ont_graph`` semantics: ontology axioms are mixed into the data, so
``rdfs:subClassOf*`` counts for ``sh:targetClass`` and ``sh:class``, and no other
inference is made. Constructs the compiler does not know raise
:class:`kg.errors.UsageError` (``--engine pyshacl`` remains the reference).

Examples
--------
>>> found = validate_fast(["data/actors.ttl"], shapes="ontology/shapes.ttl",
...                       ontology=["ontology/conflict.ttl"])  # doctest: +SKIP
>>> [f.component for f in found]  # doctest: +SKIP
[]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Identifier

from kg import CKG, ID
from kg.check.shacl.compile import Compiler, term
from kg.check.shacl.merge import merge
from kg.check.shacl.plan import Check, plan
from kg.check.shacl.reference import Finding, ValidationReport, join_messages
from kg.read.load import parse_turtle
from kg.read.names import short_text
from kg.read.store import load_store, select, solution_term, to_ox_quad, to_ox_term

PathLike = str | os.PathLike[str]

#: Named graph that holds the ontology when validating a caller's store.
ONTOLOGY_GRAPH = ox.NamedNode("urn:conflict-kg:validation:ontology")


class FastFinding(NamedTuple):
    """One validation result, as rdflib terms (``path``/``value`` may be None)."""

    focus: Identifier
    path: Identifier | None
    component: URIRef
    value: Identifier | None
    message: str
    severity: URIRef
    shape: Identifier


Progress = Callable[[int, int], None]
Graphs = list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None


def _graph(source: Graph | PathLike | Sequence[PathLike]) -> Graph:
    if isinstance(source, Graph):
        return source
    paths = [source] if isinstance(source, str | os.PathLike) else list(source)
    graph = Graph()
    for p in paths:
        graph += parse_turtle(p)
    return graph


def _store(
    data: ox.Store | Iterable[PathLike], ontology: Graph | Sequence[PathLike] | None
) -> tuple[ox.Store, Graphs]:
    """The store to validate and the graphs its queries read (None: the default graph)."""
    if not isinstance(data, ox.Store):
        onto = [] if ontology is None or isinstance(ontology, Graph) else list(ontology)
        store = load_store([*onto, *data])
        if isinstance(ontology, Graph):
            store.extend(to_ox_quad(t) for t in ontology)
        return store, None
    if ontology is None:
        return data, None
    if data.contains_named_graph(ONTOLOGY_GRAPH):
        data.clear_graph(ONTOLOGY_GRAPH)
    if isinstance(ontology, Graph):
        data.extend(to_ox_quad(t, ONTOLOGY_GRAPH) for t in ontology)
    else:
        tmp = load_store(ontology)
        data.extend(ox.Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH) for q in tmp)
    return data, [ox.DefaultGraph(), ONTOLOGY_GRAPH]


def _rows(
    store: ox.Store, merged: Check, graphs: Graphs
) -> list[tuple[Check, Identifier, Identifier | None, Identifier | None]]:
    """Run one (possibly merged) check: ``(member check, focus, value, path)`` per row."""
    out = []
    for row in select(store, merged.query, default_graph=graphs):
        focus = solution_term(row, "this")
        if focus is None:
            continue
        check = merged
        if merged.members:
            k = solution_term(row, "k")
            check = merged.members[int(k)] if k is not None else merged
        out.append((check, focus, solution_term(row, "value"), solution_term(row, "path")))
    return out


def run_checks(
    store: ox.Store,
    checks: Sequence[Check],
    *,
    graphs: Graphs = None,
    workers: int = 0,
    progress: Progress | None = None,
) -> list[FastFinding]:
    """Run compiled checks on ``store`` and return the sorted findings.

    ``workers`` queries run at once (Oxigraph evaluates without holding the GIL);
    0 means one per CPU, at most 8. ``progress(done, total)`` is called after
    each query (for a progress display; the library itself never prints).
    """
    n = workers or min(os.cpu_count() or 1, 8)
    # the costly queries first, so that none is left to run alone at the end
    checks = sorted(checks, key=lambda c: -c.weight)
    found: set[FastFinding] = set()
    with ThreadPoolExecutor(max_workers=n) as pool:
        for done, rows in enumerate(pool.map(lambda c: _rows(store, c, graphs), checks), 1):
            if progress is not None:
                progress(done, len(checks))
            for check, focus, value, path in rows:
                if value is None and check.value_is_focus:
                    value = focus
                message = join_messages(check.messages) or _generic(check.component)
                found.add(
                    FastFinding(
                        focus,
                        path or check.path,
                        check.component,
                        value,
                        message,
                        check.severity,
                        check.shape,
                    )
                )
    return sorted(found, key=lambda f: tuple(str(x) for x in f))


def _generic(component: URIRef) -> str:
    name = str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return f"{name} constraint not satisfied"


def validate_fast(
    store_or_paths: ox.Store | Iterable[PathLike],
    *,
    shapes: Graph | PathLike | Sequence[PathLike],
    ontology: Graph | Sequence[PathLike] | None = None,
    graphs: Graphs = None,
    workers: int = 0,
    progress: Progress | None = None,
) -> list[FastFinding]:
    """Validate data against SHACL shapes, compiled to SPARQL and run on Oxigraph.

    Parameters
    ----------
    store_or_paths : pyoxigraph.Store or iterable of path
        The data: a store (left unchanged except for the named graph
        :data:`ONTOLOGY_GRAPH` when ``ontology`` is given), or RDF files to load.
    shapes : rdflib.Graph or path or sequence of paths
    ontology : rdflib.Graph or sequence of paths, optional
        Axioms mixed into the data, as pySHACL's ``ont_graph``.
    graphs : list of graph names, optional
        The graphs of the store (data and ontology) read as one, when the caller
        has put the ontology there already (then ``ontology`` must be None, and the
        store is left unchanged: other queries may read it meanwhile).
    workers : int
        Queries run in parallel (0: one per CPU, at most 8).
    progress : callable, optional
        Called as ``progress(done, total)`` after each query.

    Returns
    -------
    list of FastFinding
        ``(focus, path, component, value, message, severity, shape)``, sorted.

    Raises
    ------
    UsageError
        When a shape uses a construct the compiler does not support.
    LoadError
        When a file cannot be loaded.
    """
    if graphs is not None:
        if ontology is not None or not isinstance(store_or_paths, ox.Store):
            raise ValueError("graphs is for a store that holds the ontology already")
        store = store_or_paths
    else:
        store, graphs = _store(store_or_paths, ontology)
    shapes_graph = _graph(shapes)

    @cache
    def closure(cls: URIRef) -> frozenset[URIRef]:
        q = f"SELECT DISTINCT ?c WHERE {{ ?c {term(RDFS.subClassOf)}* {term(cls)} }}"
        rows = select(store, q, default_graph=graphs)
        return frozenset(URIRef(r["c"].value) for r in rows if isinstance(r["c"], ox.NamedNode)) | {
            cls
        }

    checks = merge(plan(shapes_graph, comp=Compiler(shapes_graph, closure=closure)))
    return run_checks(store, checks, graphs=graphs, workers=workers, progress=progress)


def label_in_store(store: ox.Store, node: Identifier) -> str:
    """rdfs:label of ``node`` in ``store`` (``@en`` first, then any), else the node."""
    if not isinstance(node, URIRef | BNode):
        return str(node)
    quads = store.quads_for_pattern(to_ox_term(node), ox.NamedNode(str(RDFS.label)), None)  # type: ignore[arg-type]
    labels = [q.object for q in quads if isinstance(q.object, ox.Literal)]
    for lang in ("en", None):
        chosen = sorted(x.value for x in labels if lang is None or x.language == lang)
        if chosen:
            return chosen[0]
    return str(node)


def as_report(
    findings: Iterable[FastFinding], store: ox.Store, *, names: Graph | None = None
) -> ValidationReport:
    """Turn findings into the :class:`kg.check.shacl.reference.ValidationReport` the CLI reports.

    Focus labels are read from ``store``; IRIs of paths, values and components are
    shortened with the prefixes bound in ``names`` (rdflib's defaults plus ``ckg:``
    and ``id:`` when omitted), as :func:`kg.check.shacl.reference.read_results` does.

    Examples
    --------
    >>> as_report([], ox.Store()).conforms
    True
    """
    if names is None:
        names = Graph()
        names.bind("ckg", CKG)
        names.bind("id", ID)
    out = [
        Finding(
            severity=str(f.severity).rsplit("#", 1)[-1],
            focus=str(f.focus),
            focus_label=label_in_store(store, f.focus),
            path=short_text(names, f.path),
            value=short_text(names, f.value),
            message=f.message,
            shape=str(f.shape),
            component=short_text(names, f.component) or "",
            nodes=(f.focus, f.path, f.value),
        )
        for f in findings
    ]
    return ValidationReport(tuple(sorted(set(out), key=Finding.sort_key)))


__all__ = [
    "as_report",
    "ONTOLOGY_GRAPH",
    "Check",
    "FastFinding",
    "plan",
    "run_checks",
    "validate_fast",
]
