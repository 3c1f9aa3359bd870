"""The ontology page's content: every ``ckg:`` class and property, as pyLODE or Widoco show them.

For each term: labels in every language, definition and comments, domain and
range, super- and sub-classes (or properties), the SKOS mappings (CAMEO and
PLOVER codes are ``skos:closeMatch``/``exactMatch`` targets), the
``owl:equivalentClass`` definition in words, and the SHACL constraints that
apply: the messages of the shapes targeting the class, and of the property
shapes whose ``sh:path`` is the property.

Examples
--------
>>> from rdflib import Graph
>>> ontology_terms(Graph(), Graph())
{'classes': [], 'properties': [], 'individuals': []}
"""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg import CKG
from kg.outputs.site.names import local_name
from kg.outputs.site.terms import onto_anchor, short

_MATCHES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
_PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _ref(term: Node) -> dict[str, str | None]:
    iri = str(term)
    own = iri.startswith(str(CKG))
    return {"text": short(iri), "href": f"#{onto_anchor(iri)}" if own else None}


def describe(graph: Graph, expr: Node) -> str:
    """An OWL class expression in words (``Actor and (mediates some Event)``)."""
    if isinstance(expr, URIRef):
        return short(str(expr))
    members = graph.value(expr, OWL.intersectionOf)
    if members is not None:
        return " and ".join(describe(graph, m) for m in Collection(graph, members))
    prop = graph.value(expr, OWL.onProperty)
    for kind, word in (
        (OWL.someValuesFrom, "some"),
        (OWL.allValuesFrom, "only"),
        (OWL.hasValue, "value"),
    ):
        filler = graph.value(expr, kind)
        if prop is not None and filler is not None:
            return f"({short(str(prop))} {word} {describe(graph, filler)})"
    return "(class expression)"


def _texts(graph: Graph, term: URIRef, predicate: URIRef) -> list[tuple[str, str | None]]:
    return sorted((str(o), getattr(o, "language", None)) for o in graph.objects(term, predicate))


def _shape_messages(shapes: Graph, shape: Node) -> list[str]:
    found = [str(m) for m in shapes.objects(shape, SH.message)]
    for sparql in shapes.objects(shape, SH.sparql):
        found += [str(m) for m in shapes.objects(sparql, SH.message)]
    return found


def constraints(shapes: Graph, term: URIRef, *, is_class: bool) -> list[str]:
    """The SHACL messages that apply to the class, or to the property (by ``sh:path``)."""
    found: list[str] = []
    if is_class:
        for shape in shapes.subjects(SH.targetClass, term):
            found += _shape_messages(shapes, shape)
            for prop in shapes.objects(shape, SH.property):
                found += _shape_messages(shapes, prop)
    else:
        for shape in shapes.subjects(SH.path, term):
            found += _shape_messages(shapes, shape)
    return sorted(set(found))


def _term(graph: Graph, shapes: Graph, term: URIRef, *, is_class: bool) -> dict[str, Any]:
    (up,) = (RDFS.subClassOf,) if is_class else (RDFS.subPropertyOf,)
    defined = [
        describe(graph, e) for e in graph.objects(term, OWL.equivalentClass) if isinstance(e, BNode)
    ]
    return {
        "iri": str(term),
        "name": local_name(str(term)),
        "anchor": onto_anchor(str(term)),
        "labels": _texts(graph, term, RDFS.label),
        "definitions": _texts(graph, term, SKOS.definition),
        "comments": _texts(graph, term, RDFS.comment),
        "types": [_ref(t) for t in sorted(graph.objects(term, RDF.type), key=str)],
        "domain": [
            _ref(t)
            for t in sorted(graph.objects(term, RDFS.domain), key=str)
            if isinstance(t, URIRef)
        ],
        "range": [
            _ref(t)
            for t in sorted(graph.objects(term, RDFS.range), key=str)
            if isinstance(t, URIRef)
        ],
        "supers": [
            _ref(t) for t in sorted(graph.objects(term, up), key=str) if isinstance(t, URIRef)
        ],
        "subs": [
            _ref(t) for t in sorted(graph.subjects(up, term), key=str) if isinstance(t, URIRef)
        ],
        "inverse": [_ref(t) for t in sorted(graph.objects(term, OWL.inverseOf), key=str)],
        "equivalent": defined,
        "mappings": [
            {"kind": short(str(m)), **_ref(t)}
            for m in _MATCHES
            for t in sorted(graph.objects(term, m), key=str)
        ],
        "constraints": constraints(shapes, term, is_class=is_class),
    }


def ontology_terms(ontology: Graph, shapes: Graph) -> dict[str, list[dict[str, Any]]]:
    """``{"classes", "properties", "individuals"}``: the ``ckg:`` terms by name.

    Individuals are the ontology's other ``ckg:`` terms: statuses, offices,
    concept schemes.
    """
    ns = str(CKG)
    classes = sorted(
        t
        for t in ontology.subjects(RDF.type, OWL.Class)
        if isinstance(t, URIRef) and str(t).startswith(ns)
    )
    props = sorted(
        {
            t
            for kind in _PROPERTY_TYPES
            for t in ontology.subjects(RDF.type, kind)
            if isinstance(t, URIRef) and str(t).startswith(ns)
        }
    )
    others = sorted(
        {t for t in ontology.subjects() if isinstance(t, URIRef) and str(t).startswith(ns)}
        - set(classes)
        - set(props)
    )
    return {
        "classes": [_term(ontology, shapes, c, is_class=True) for c in classes],
        "properties": [_term(ontology, shapes, p, is_class=False) for p in props],
        "individuals": [_term(ontology, shapes, i, is_class=False) for i in others],
    }


__all__ = ["constraints", "describe", "ontology_terms"]
