"""Checks that SHACL cannot express: literal lexical forms and the closed vocabulary.

Examples
--------
>>> from rdflib import Graph, Literal
>>> from rdflib.namespace import XSD
>>> bad_literal(Literal("forty", datatype=XSD.integer))
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS, XSD

from kg import CKG

DECLARING_TYPES = frozenset(
    {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        OWL.NamedIndividual,
        SKOS.Concept,
        SKOS.ConceptScheme,
        OWL.Ontology,
    }
)

_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?(?:[1-9]\d{4,}|\d{4})"


def _valid_date(lex: str) -> bool:
    m = re.fullmatch(rf"({_YEAR})-(\d\d)-(\d\d){_TZ}", lex)
    if not m:
        return False
    try:
        date(2000, int(m.group(2)), int(m.group(3)))  # leap-year-safe month/day check
    except ValueError:
        return False
    return m.group(2) != "02" or m.group(3) != "29" or _leap(int(m.group(1)))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _valid_datetime(lex: str) -> bool:
    m = re.fullmatch(rf"({_YEAR}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?{_TZ}", lex)
    if not m or not _valid_date(m.group(1)):
        return False
    hms = (int(m.group(2)), int(m.group(3)), int(m.group(4)))
    if hms[0] == 24:
        return hms[1:] == (0, 0) and not (m.group(5) or "").strip(".0")
    try:
        datetime(2000, 1, 1, *hms)
    except ValueError:
        return False
    return True


_LEXICAL: dict[URIRef, Callable[[str], bool]] = {
    XSD.integer: lambda s: re.fullmatch(r"[+-]?\d+", s) is not None,
    XSD.decimal: lambda s: re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", s) is not None,
    XSD.boolean: lambda s: s in {"true", "false", "1", "0"},
    XSD.gYear: lambda s: re.fullmatch(rf"{_YEAR}{_TZ}", s) is not None,
    XSD.date: _valid_date,
    XSD.dateTime: _valid_datetime,
}


def bad_literal(literal: Literal) -> bool:
    """Tell whether a literal's lexical form is invalid for its XSD datatype.

    Uses rdflib's ``ill_typed`` flag plus stricter checks of xsd:integer,
    xsd:decimal, xsd:boolean, xsd:gYear, xsd:date and xsd:dateTime.

    Examples
    --------
    >>> bad_literal(Literal("2020-13-45", datatype=XSD.date))
    True
    >>> bad_literal(Literal("1994", datatype=XSD.gYear))
    False
    """
    if literal.datatype is None or not str(literal.datatype).startswith(str(XSD)):
        return False
    check = _LEXICAL.get(literal.datatype)
    if check is not None:
        return not check(str(literal).strip())
    return bool(literal.ill_typed)


def bad_literals(graph: Graph) -> list[Literal]:
    """Return the distinct literals of ``graph`` that fail :func:`bad_literal`, sorted.

    Examples
    --------
    >>> g = Graph().parse(data='<a> <b> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .',
    ...                   format="turtle")
    >>> [str(x) for x in bad_literals(g)]
    ['x']
    """
    found = {o for o in graph.objects() if isinstance(o, Literal) and bad_literal(o)}
    return sorted(found, key=lambda lit: (str(lit.datatype), str(lit)))


def declared_terms(ontology: Graph) -> set[URIRef]:
    """Return the ``ckg:`` IRIs the ontology declares (typed as a class, property …).

    Examples
    --------
    >>> g = Graph().parse(data='''@prefix owl: <http://www.w3.org/2002/07/owl#> .
    ... <https://w3id.org/conflict-kg/ontology#Actor> a owl:Class .''', format="turtle")
    >>> sorted(declared_terms(g))
    [rdflib.term.URIRef('https://w3id.org/conflict-kg/ontology#Actor')]
    """
    return {
        s
        for s, o in ontology.subject_objects(RDF.type)
        if isinstance(s, URIRef) and o in DECLARING_TYPES and s.startswith(str(CKG))
    }


def used_terms(graph: Graph) -> set[URIRef]:
    """Return every ``ckg:`` IRI used as subject, predicate or object in ``graph``."""
    return {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(CKG))
    }


def undeclared_terms(data_graph: Graph, ontology_graph: Graph) -> list[URIRef]:
    """Return the ``ckg:`` IRIs used in ``data_graph`` that the ontology does not declare.

    Examples
    --------
    >>> data = Graph().parse(data='<x> <https://w3id.org/conflict-kg/ontology#mediatedby> <y> .',
    ...                      format="turtle")
    >>> [t.fragment for t in undeclared_terms(data, Graph())]
    ['mediatedby']
    """
    return sorted(used_terms(data_graph) - declared_terms(ontology_graph))


__all__ = [
    "DECLARING_TYPES",
    "bad_literal",
    "bad_literals",
    "declared_terms",
    "undeclared_terms",
    "used_terms",
]
