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
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS, XSD

from kg import CKG
from kg.read.printable import LANGTAG, escaped
from kg.read.xsdlexical import LEXICAL

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


def _ill_typed(literal: Literal) -> bool:
    if literal.datatype is None or not str(literal.datatype).startswith(str(XSD)):
        return False
    check = LEXICAL.get(literal.datatype)
    if check is not None:
        return not check(str(literal).strip())
    return bool(literal.ill_typed)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Code points XML 1.0 cannot carry (C0 controls but tab/LF/CR, surrogates, U+FFFE/F)."""

_DATED = frozenset({XSD.date, XSD.dateTime, XSD.gYear})


def literal_problem(literal: Literal) -> str | None:
    """Why ``literal`` cannot be kept, in a few words, or None when it is fine.

    The rules, shared by every path that reads data (``validate`` in both modes,
    ``build``, ``serve``, ``publish``):

    * the lexical form must be valid for its XSD datatype (:func:`bad_literal`);
    * no code point XML 1.0 cannot carry (C0 controls other than tab, LF and CR,
      lone surrogates, U+FFFE/U+FFFF): the GEXF and GraphML outputs are XML;
    * a language tag must be well-formed BCP 47 (subtags of 1-8 letters/digits);
    * dates and years must lie in 0001-9999: the timeline (``--at``, the
      ``validFrom``/``validTo`` of the views) uses the proleptic Gregorian
      calendar of ISO 8601 without year 0, so a BCE date (``-0044-03-15``), year
      0 or a five-digit year is refused rather than misdated.

    Examples
    --------
    >>> literal_problem(Literal("a\x0bb"))
    'holds U+000B, a character XML cannot carry'
    >>> literal_problem(Literal("x", lang="abcdefghijk"))
    "language tag 'abcdefghijk' is not well-formed BCP 47"
    >>> literal_problem(Literal("-0044-03-15", datatype=XSD.date))
    'year -0044 is outside 0001-9999, the years the timeline supports'
    >>> literal_problem(Literal("1994", datatype=XSD.gYear)) is None
    True
    """
    text = str(literal)
    bad = _NOT_XML.search(text)
    if bad:
        return f"holds U+{ord(bad.group()):04X}, a character XML cannot carry"
    if literal.language is not None and not LANGTAG.fullmatch(literal.language):
        return f"language tag {literal.language!r} is not well-formed BCP 47"
    if _ill_typed(literal):
        dtype = str(literal.datatype).replace(str(XSD), "xsd:")
        return f"not a valid {dtype}"
    if literal.datatype in _DATED:
        year = re.match(r"-?\d+", text.strip())
        if year and not 1 <= int(year.group()) <= 9999:
            return f"year {year.group()} is outside 0001-9999, the years the timeline supports"
    return None


def bad_literal(literal: Literal) -> bool:
    """Tell whether a literal breaks a rule of :func:`literal_problem`.

    Uses rdflib's ``ill_typed`` flag plus stricter checks of xsd:integer,
    xsd:decimal, xsd:boolean, xsd:gYear, xsd:date and xsd:dateTime.

    Examples
    --------
    >>> bad_literal(Literal("2020-13-45", datatype=XSD.date))
    True
    >>> bad_literal(Literal("1994", datatype=XSD.gYear))
    False
    """
    return literal_problem(literal) is not None


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")

NO_BASE = "https://no-base.invalid/"
"""The base IRI files are parsed against: a relative IRI in a file with no
``@base`` resolves under it and is refused (:func:`iri_problem`), never resolved
against the path of the machine that happens to read the file."""

_IRI_BAD = re.compile('[\x00-\x20<>"{}|^`\\\\\ud800-\udfff]')


@lru_cache(maxsize=65536)
def _rfc3987(iri: str) -> str | None:
    """Oxigraph's verdict on ``iri`` (RFC 3987), so both reading paths agree."""
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        return f"is not a valid IRI ({exc})"
    return None


def iri_problem(term: object) -> str | None:
    """Why ``term`` (an IRI) is not a valid IRI, or None (also for non-IRIs).

    RFC 3987 forbids spaces, controls and ``<>"{}|^`\\`` in an IRI; rdflib
    accepts them with a warning (and ``\\u003E`` escapes), Oxigraph refuses them.

    Examples
    --------
    >>> iri_problem(URIRef("https://w3id.org/conflict-kg/id/a b"))
    "holds ' ', which an IRI cannot hold"
    >>> iri_problem(URIRef("https://w3id.org/conflict-kg/id/a")) is None
    True
    """
    if not isinstance(term, URIRef):
        return None
    if term.startswith(NO_BASE):
        return "is relative and the file declares no @base"
    bad = _IRI_BAD.search(str(term))
    if bad is None:
        if not _SCHEME.match(str(term)):
            return "has no valid scheme (such as https:)"
        return _rfc3987(str(term))
    char = bad.group()
    shown = repr(char) if char.isprintable() else f"U+{ord(char):04X}"
    return f"holds {shown}, which an IRI cannot hold"


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
    "NO_BASE",
    "bad_literal",
    "bad_literals",
    "escaped",
    "iri_problem",
    "literal_problem",
    "declared_terms",
    "undeclared_terms",
    "used_terms",
]
