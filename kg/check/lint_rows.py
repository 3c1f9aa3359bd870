"""Findings of the store path before they are located: what is wrong, not yet where.

Each check of :mod:`kg.check.lint_store` yields :class:`Pending` findings holding the
offending triple (as rdflib terms) and how to word the diagnostic once its file
is known (messages use the prefixes of that file, as the rich path's do).

Examples
--------
>>> import pyoxigraph as ox
>>> literal_rows(ox.Store())
[]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF
from rdflib.term import Identifier, Node

from kg import CKG
from kg.check.diagnostic import ERROR, WARNING, Diagnostic
from kg.check.filecheck import PROPERTY_TYPES
from kg.check.projectchecks import CheckRow
from kg.check.shacl.results import _code, shape_name
from kg.check.shacl.sparql import FastFinding, label_in_store
from kg.check.store_checks import (
    UsedTerms,
    bad_store_literals,
    redefinitions,
    undeclared_store_terms,
)
from kg.read.load import literal_message
from kg.read.names import qname, short_text
from kg.read.store import select, to_ox_term, to_rdflib_term

Names = dict[str, Graph | None]
"""Prefix graphs by use: ``"file"`` (of the located file, or None), ``"data"``, ``"checks"``."""


@dataclass(frozen=True)
class Pending:
    """One finding waiting for its location.

    ``mode`` says how to locate it: ``"triple"`` (the triple ``s p o``),
    ``"shacl"`` (the triple, else ``s p ?``, else ``s``) or ``"check"`` (the
    triple, else ``s``); ``columns`` are the terms whose column is reported.
    """

    kind: str
    s: Node
    p: Node | None
    o: Node | None
    mode: str
    make: Callable[[Names, ox.Store], Diagnostic] = field(compare=False)
    columns: tuple[Node | None, ...] = ()


def _pick(names: Names, *keys: str) -> Graph:
    """The first prefix graph of ``keys`` that is there (an empty Graph is falsy: no ``or``)."""
    for key in keys:
        graph = names.get(key)
        if graph is not None:
            return graph
    return Graph()


def store_label(store: ox.Store, node: Node | None) -> str | None:
    """The label of ``node`` in ``store`` (``@en`` first), None when it has none."""
    if not isinstance(node, URIRef):
        return None
    label = label_in_store(store, node)
    return None if label == str(node) else label


def _quads(store: ox.Store, s: Node | None, p: Node | None, o: Node | None) -> Iterator[ox.Quad]:
    a, b, c = (to_ox_term(t) if isinstance(t, Identifier) else None for t in (s, p, o))
    return iter(store.quads_for_pattern(a, b, c, ox.DefaultGraph()))  # type: ignore[arg-type]


def _triples(
    store: ox.Store, pattern: tuple[Node | None, Node | None, Node | None]
) -> Iterator[tuple[Node, Node, Node]]:
    for q in _quads(store, *pattern):
        yield to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object)


def literal_rows(store: ox.Store, *, used: UsedTerms | None = None) -> list[Pending]:
    """One pending ``invalid-literal`` per triple whose literal is ill-typed (``used``: the
    store's scan, when the caller has it)."""
    out = []
    for lit in bad_store_literals(store, used=used):
        for s, p, o in _triples(store, (None, None, lit)):

            def make(
                names: Names, st: ox.Store, s: Node = s, p: Node = p, o: Node = o
            ) -> Diagnostic:
                file = _pick(names, "file", "data")
                dtype = qname(file, URIRef(str(getattr(o, "datatype", None) or "")))
                message, hint = literal_message(o, dtype)  # type: ignore[arg-type]
                return Diagnostic(
                    kind="literal",
                    code="invalid-literal",
                    severity=ERROR,
                    message=message,
                    focus=str(s),
                    focus_label=store_label(st, s),
                    property=qname(file, p),
                    value=str(o),
                    hint=hint,
                )

            out.append(Pending("literal", s, p, o, "triple", make, (o,)))
    return out


def _vocab(triple: tuple[Node, Node, Node], term: Node, code: str, what: str, hint: str) -> Pending:
    s, p, o = triple

    def make(names: Names, st: ox.Store) -> Diagnostic:
        file = _pick(names, "file", "data")
        return Diagnostic(
            kind="vocabulary",
            code=code,
            severity=ERROR,
            message=what.format(qname(file, term)),
            focus=str(s),
            focus_label=store_label(st, s),
            property=qname(file, p),
            value=qname(file, o) if o == term else None,
            hint=hint,
        )

    return Pending("vocabulary", s, p, o, "triple", make, (term,))


def _distinct(store: ox.Store, query: str) -> set[Node]:
    return {to_rdflib_term(row[0]) for row in select(store, query)}


def vocabulary_rows(
    store: ox.Store, ontology: Graph, *, used: UsedTerms | None = None
) -> list[Pending]:
    """Undeclared ``ckg:`` terms, classes used as properties, properties used as classes
    (``used``: the store's scan, when the caller has it)."""
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    props = {s for t in PROPERTY_TYPES for s in ontology.subjects(RDF.type, t)}
    out = []
    used = used or UsedTerms.of(store)  # one scan, shared by the checks below
    for term in undeclared_store_terms(store, ontology, used=used):
        seen: set[tuple[Node, Node, Node]] = set()
        for pattern in ((term, None, None), (None, term, None), (None, None, term)):
            seen.update(_triples(store, pattern))
        out += [
            _vocab(
                t,
                term,
                "undeclared-term",
                "{} is not declared in the ontology",
                "Fix the spelling or declare the term in the ontology.",
            )
            for t in sorted(seen, key=lambda t: tuple(str(x) for x in t))
        ]
    out += [
        _vocab(
            t,
            t[0],
            "redefines-ontology",
            "a data file may not describe the ontology's terms ({})",
            "Move the statement into ontology/, where the ontology's checks apply.",
        )
        for t in redefinitions(store, ontology, used=used)
    ]
    used_as_props = set(used.predicates) & classes
    for cls in sorted(used_as_props, key=str):
        out += [
            _vocab(
                t,
                cls,
                "class-as-property",
                "{} is a class, used here as a property",
                "Use a property here (or `a` to type the subject).",
            )
            for t in _triples(store, (None, cls, None))
        ]
    types = _distinct(store, f"SELECT DISTINCT ?c WHERE {{ ?s <{RDF.type}> ?c }}") & props
    for prop in sorted(types, key=str):
        out += [
            _vocab(
                t,
                prop,
                "property-as-class",
                "{} is a property, used here as a class",
                "Type the subject with a class of the ontology.",
            )
            for t in _triples(store, (None, RDF.type, prop))
        ]
    return out


def shacl_rows(found: Iterable[FastFinding], shapes: Graph) -> list[Pending]:
    """One pending diagnostic per SHACL result, worded as
    :func:`kg.check.shacl.results.to_diagnostic`."""
    out = []
    for f in found:

        def make(names: Names, st: ox.Store, f: FastFinding = f) -> Diagnostic:
            data = _pick(names, "data")
            return Diagnostic(
                kind="shacl",
                code=_code(short_text(data, f.component) or ""),
                severity=ERROR if str(f.severity).endswith("#Violation") else WARNING,
                message=f.message,
                focus=str(f.focus),
                focus_label=store_label(st, f.focus),
                property=short_text(data, f.path),
                value=short_text(data, f.value),
                source=shape_name(shapes, str(f.shape)),
            )

        path = f.path if isinstance(f.path, URIRef) else None
        out.append(Pending("shacl", f.focus, path, f.value, "shacl", make, (f.value, f.path)))
    return out


def check_rows(rows: Iterable[CheckRow]) -> list[Pending]:
    """Pending diagnostics of the project checks (``queries/checks``)."""
    out = []
    for row in rows:

        def make(names: Names, st: ox.Store, row: CheckRow = row) -> Diagnostic:
            graph = _pick(names, "checks")
            return Diagnostic(
                kind="check",
                code=row.code,
                severity=ERROR,
                message=row.message,
                focus=str(row.focus) if row.focus is not None else None,
                focus_label=store_label(st, row.focus),
                property=qname(graph, row.property) if row.property is not None else None,
                value=short_text(graph, row.value),
                source=str(row.query_file),
                hint=f"See {row.query_file.name} for what the check looks for.",
            )

        mode = "check" if row.focus is not None else "none"
        cols = (row.value, row.property)
        out.append(Pending("check", row.focus, row.property, row.value, mode, make, cols))  # type: ignore[arg-type]
    return out


def _positions(t: URIRef) -> list[tuple[Node | None, Node | None, Node | None]]:
    return [(t, None, None), (None, t, None), (None, None, t)]


def used_in_store(store: ox.Store, ontology: Graph) -> set[URIRef]:
    """The ontology's IRIs that the data (the store's default graph) uses in any position."""
    candidates = {t for triple in ontology for t in triple if isinstance(t, URIRef)}
    candidates |= {URIRef(str(CKG))}
    return {
        t
        for t in candidates
        if any(
            next(_quads(store, *pat), None)
            for pat in ((t, None, None), (None, t, None), (None, None, t))
        )
    }


__all__ = [
    "Pending",
    "check_rows",
    "literal_rows",
    "shacl_rows",
    "store_label",
    "used_in_store",
    "vocabulary_rows",
]
