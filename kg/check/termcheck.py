"""Per-file checks of the terms: literals and IRIs, and the closed ``ckg:`` vocabulary.

Every finding names the line of the triple that causes it, from the file's
:class:`~kg.read.linemap.LineMap`.

Examples
--------
>>> from pathlib import Path
>>> from kg.check.filecheck import parse_file
>>> parsed, found = parse_file(Path("data/actors.ttl"))  # doctest: +SKIP
>>> vocabulary_findings(parsed, Graph())  # doctest: +SKIP
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF
from rdflib.term import Node

from kg import CKG
from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.shacl.reference import label_of
from kg.read.linemap import LineMap, Located
from kg.read.load import literal_message
from kg.read.names import qname
from kg.read.wellformed import (
    NO_BASE,
    bad_literal,
    declared_terms,
    iri_problem,
    literal_problem,
)

PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _first_line(lines: LineMap, triple: tuple[object, object, object]) -> int | None:
    return lines.line_of(triple)  # type: ignore[arg-type]


def literal_findings(f: Located) -> list[Diagnostic]:
    """Ill-formed literals and IRIs, one finding per triple (see :mod:`kg.read.wellformed`).

    Triples that no RDF store can hold (an IRI with a space, a malformed
    language tag, a lone surrogate) are removed from ``f.graph`` once reported,
    so the later checks never meet them.
    """
    found = []
    unholdable = []
    bad_iris: dict[Node, int | None] = {}  # each bad IRI once, at its first line
    for s, p, o in f.graph:
        line = _first_line(f.lines, (s, p, o))
        datatype = o.datatype if isinstance(o, Literal) else None
        for term in (s, p, o, datatype):
            if term is not None and iri_problem(term) is not None:
                known = bad_iris.get(term, line)
                bad_iris[term] = min(known, line) if known and line else known or line
                unholdable.append((s, p, o))
        if not (isinstance(o, Literal) and bad_literal(o)):
            continue
        dtype = f.graph.namespace_manager.normalizeUri(str(o.datatype or ""))
        message, hint = literal_message(o, dtype)
        # what no RDF parser accepts (Oxigraph's refuses it) is a syntax error, as in fast mode
        syntax = _unholdable(o)
        if syntax:
            unholdable.append((s, p, o))
        found.append(
            Diagnostic(
                kind="syntax" if syntax else "literal",
                code="syntax-error" if syntax else "invalid-literal",
                severity=ERROR,
                message=message,
                file=str(f.path),
                line=line,
                column=f.column(line, o),
                focus=None if syntax else str(s),
                focus_label=None if syntax else _label(f.graph, s),
                property=None if syntax else qname(f.graph, p),
                value=None if syntax else str(o),
                hint=hint,
            )
        )
    for term, first in bad_iris.items():
        found.append(_iri_finding(f, first, term, iri_problem(term) or ""))
    for triple in unholdable:
        f.graph.remove(triple)
    return found


def _shown_iri(iri: str) -> str:
    """``iri`` as written when it is a relative one resolved under :data:`NO_BASE`."""
    return iri[len(NO_BASE) - 1 :] if iri.startswith(NO_BASE) else iri


def _unholdable(o: Literal) -> bool:
    """A malformed language tag or a lone surrogate: no RDF store can hold the literal."""
    malformed = o.language is not None and "language tag" in (literal_problem(o) or "")
    return malformed or any(0xD800 <= ord(c) <= 0xDFFF for c in o)


def _iri_finding(f: Located, line: int | None, term: Node, problem: str) -> Diagnostic:
    return Diagnostic(
        kind="syntax",
        code="syntax-error",
        severity=ERROR,
        message=f"IRI {_shown_iri(str(term))!r} {problem}",
        file=str(f.path),
        line=line,
        hint=(
            "Write an absolute IRI, or declare @base <https://…/>."
            if str(term).startswith(NO_BASE)
            else "Percent-encode the character (a space is %20) or remove it."
        ),
    )


def _label(graph: Graph, node: object) -> str | None:
    if not isinstance(node, URIRef):
        return None
    label = label_of(graph, node)
    return None if label == str(node) else label


def vocabulary_findings(f: Located, ontology: Graph) -> list[Diagnostic]:
    """Undeclared ``ckg:`` IRIs, classes used as properties and properties used as classes;
    in a data file (one that declares no ``owl:Ontology``), any statement about a
    ``ckg:`` term: data may not redefine the ontology (``ckg:Talks rdfs:subClassOf
    ckg:Actor`` in ``data/`` would make every round of talks an actor).

    One diagnostic per offending triple.
    """
    data_file = (None, RDF.type, OWL.Ontology) not in f.graph
    declared = declared_terms(ontology)
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    props = {s for t in PROPERTY_TYPES for s in ontology.subjects(RDF.type, t)}
    found = []
    for s, p, o in f.graph:
        if data_file and isinstance(s, URIRef) and s.startswith(str(CKG)):
            found.append(_redefinition(f, (s, p, o)))
        for term in (s, p, o):
            if isinstance(term, URIRef) and term.startswith(str(CKG)) and term not in declared:
                found.append(
                    _vocab(
                        f,
                        (s, p, o),
                        term,
                        "undeclared-term",
                        f"{qname(f.graph, term)} is not declared in the ontology",
                        "Fix the spelling or declare the term in the ontology.",
                    )
                )
        if p in classes:
            found.append(
                _vocab(
                    f,
                    (s, p, o),
                    p,
                    "class-as-property",
                    f"{qname(f.graph, p)} is a class, used here as a property",
                    "Use a property here (or `a` to type the subject).",
                )
            )
        if p == RDF.type and o in props:
            found.append(
                _vocab(
                    f,
                    (s, p, o),
                    o,
                    "property-as-class",
                    f"{qname(f.graph, o)} is a property, used here as a class",
                    "Type the subject with a class of the ontology.",
                )
            )
    return found


def _redefinition(f: Located, triple: tuple[Node, Node, Node]) -> Diagnostic:
    s, p, o = triple
    said = f"{qname(f.graph, s)} {qname(f.graph, p)} {short(f.graph, o)}"
    return _vocab(
        f,
        triple,
        s,
        "redefines-ontology",
        f"a data file may not describe the ontology's terms ({said})",
        "Move the statement into ontology/, where the ontology's checks apply.",
    )


def short(graph: Graph, term: Node) -> str:
    """``term`` as a prefixed name (IRIs) or quoted (literals), for a message."""
    return qname(graph, term) if isinstance(term, URIRef) else repr(str(term))


def _vocab(
    f: Located,
    triple: tuple[object, object, object],
    term: Node,
    code: str,
    what: str,
    hint: str,
) -> Diagnostic:
    s, p, o = triple
    return Diagnostic(
        kind="vocabulary",
        code=code,
        severity=ERROR,
        message=what,
        file=str(f.path),
        line=(line := _first_line(f.lines, triple)),
        column=f.column(line, term),
        focus=str(s),
        focus_label=_label(f.graph, s),
        property=qname(f.graph, p),
        value=qname(f.graph, o) if o == term else None,
        hint=hint,
    )


__all__ = ["PROPERTY_TYPES", "literal_findings", "short", "vocabulary_findings"]
