"""The fast OWL 2 RL inconsistency check gives owlrl's messages, or declines (None)."""

from __future__ import annotations

from pathlib import Path

import pytest
from owlrl import OWLRL_Semantics
from rdflib import Graph

from kg.check.rlfast import fast_rl_errors

REPO = Path(__file__).resolve().parents[1]
PREFIXES = """@prefix ex: <http://example.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
SCHEMA = """ex:Actor a owl:Class . ex:Place a owl:Class . ex:Event a owl:Class .
ex:State rdfs:subClassOf ex:Actor . ex:City rdfs:subClassOf ex:Place .
[] a owl:AllDisjointClasses ; owl:members ( ex:Actor ex:Place ex:Event ) .
ex:Neutral owl:disjointWith ex:Mediator .
ex:mediatedBy owl:inverseOf ex:mediates ; rdfs:domain ex:Event .
ex:brokeredBy rdfs:subPropertyOf ex:mediatedBy .
ex:capital rdfs:range ex:City . ex:about rdfs:range ex:Event .
ex:mediates rdfs:domain ex:Actor .
ex:name rdfs:range xsd:string . ex:count rdfs:range xsd:integer .
ex:Mediator owl:equivalentClass [ a owl:Class ; owl:intersectionOf ( ex:Actor
    [ a owl:Restriction ; owl:onProperty ex:mediates ; owl:someValuesFrom ex:Event ] ) ] .
ex:Body owl:equivalentClass ex:Organ .
"""
CASES = {
    "clean": "ex:s a ex:State ; ex:capital ex:c . ex:t ex:brokeredBy ex:s .",
    "two classes": "ex:x a ex:State , ex:City .",
    "range": "ex:s a ex:State . ex:a ex:capital ex:s .",
    "inverse, sub-property and definition": (
        "ex:n a ex:Neutral , ex:State . ex:t ex:brokeredBy ex:n ."
    ),
    "definition not met": "ex:n a ex:Neutral , ex:State . ex:t ex:mentions ex:n .",
    "domain of an inverse": "ex:p a ex:Place . ex:t ex:mediatedBy ex:p .",
    "datatypes": 'ex:a ex:name "5"^^xsd:integer . ex:b ex:count "x"^^xsd:string .',
    "datatypes unused": 'ex:a ex:name "5" . ex:b ex:count "7"^^xsd:integer .',
    "equivalent named": "ex:Organ owl:disjointWith ex:Event . ex:o a ex:Body , ex:Event .",
    "literal typed as a class": 'ex:a ex:capital "Baku" . ex:b ex:about "Baku" .',
}
UNSUPPORTED = {
    "sameAs": "ex:a owl:sameAs ex:b .",
    "functional": "ex:capital a owl:FunctionalProperty .",
    "Thing": "ex:x a owl:Thing .",
    "hasValue": "ex:R a owl:Restriction ; owl:onProperty ex:p ; owl:hasValue ex:v .",
    "restriction as a type": (
        "ex:x a [ a owl:Restriction ; owl:onProperty ex:mediates ; owl:someValuesFrom ex:Event ] ."
    ),
    "inverse with a literal": 'ex:t ex:mediatedBy "someone" .',
    "explicit datatype type": "ex:x a xsd:integer .",
    "empty intersection": "ex:All owl:equivalentClass [ owl:intersectionOf () ] .",
}


def _graph(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + SCHEMA + text, format="turtle")


def _owlrl(graph: Graph) -> list[str]:
    copy = Graph()
    copy += graph
    engine = OWLRL_Semantics(copy, axioms=False, daxioms=False, rdfs=False)
    engine.closure()
    return sorted(str(m) for m in engine.error_messages)


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_messages_as_owlrl(case: str) -> None:
    graph = _graph(CASES[case])
    assert fast_rl_errors(graph) == _owlrl(graph)


def test_the_cases_find_something() -> None:
    """Not a suite of empty answers: most cases are inconsistent."""
    found = [case for case in CASES if fast_rl_errors(_graph(CASES[case]))]
    assert len(found) >= 7, found
    assert not fast_rl_errors(_graph(CASES["definition not met"]))


@pytest.mark.parametrize("case", sorted(UNSUPPORTED))
def test_declines_outside_the_subset(case: str) -> None:
    assert fast_rl_errors(_graph(UNSUPPORTED[case])) is None


def test_the_repository_is_within_the_subset_and_agrees() -> None:
    graph = Graph().parse(REPO / "ontology" / "conflict.ttl")
    for path in sorted((REPO / "data").glob("*.ttl")):
        graph.parse(path)
    fault = REPO / "tests" / "fixtures" / "invalid" / "ontology-disjoint-rl.ttl"
    bad = Graph()
    bad += graph
    bad.parse(fault)
    assert fast_rl_errors(graph) == [] == _owlrl(graph)
    assert fast_rl_errors(bad) == _owlrl(bad) != []
