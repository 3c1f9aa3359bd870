"""Ontology QC, warnings and reasoning, on small graphs."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg import CKG, ID
from kg.check.advice import unreachable_warnings
from kg.check.qc import ontology_findings, unused_term_warnings
from kg.check.reasoning import owl_rl_errors
from kg.read.linemap import Located, parse_with_lines

PREFIXES = """@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""
ONTOLOGY = (
    PREFIXES
    + """ckg:Actor a owl:Class ; rdfs:label "actor"@en ; skos:definition "x"@en .
ckg:State a owl:Class ; rdfs:label "state"@en ; skos:definition "x"@en ;
    rdfs:subClassOf ckg:Actor .
ckg:Event a owl:Class ; rdfs:label "event"@en ; skos:definition "x"@en .
ckg:party a owl:ObjectProperty ; rdfs:label "party"@en ; skos:definition "x"@en ;
    rdfs:domain ckg:Event ; rdfs:range ckg:Actor .
ckg:belligerent a owl:ObjectProperty ; rdfs:label "b"@en ; skos:definition "x"@en ;
    rdfs:subPropertyOf ckg:party .
ckg:Unused a owl:Class ; rdfs:label "unused"@en ; skos:definition "x"@en .
ckg:Actor owl:disjointWith ckg:Event .
"""
)


def located(text: str, name: str = "o.ttl") -> Located:
    graph, lines = parse_with_lines(text)
    return Located(Path(name), graph, lines)


def test_clean_ontology_has_no_qc_findings() -> None:
    onto = located(ONTOLOGY)
    assert ontology_findings([onto], onto.graph) == []


def test_unused_counts_subclasses_and_subproperties() -> None:
    onto = located(ONTOLOGY)
    data = located(PREFIXES + "id:w a ckg:Event ; ckg:belligerent id:s .\nid:s a ckg:State .\n")
    found = unused_term_warnings([onto], data.graph, onto.graph)
    assert [(d.focus, d.line) for d in found] == [(str(CKG.Unused), 14)]


def test_the_ontology_s_own_annotations_and_the_roles_of_used_properties_are_used() -> None:
    """Validating the full PA-X import warned 29 times that a term "is not used by any
    data", 12 of them wrongly: annotation properties that annotate the ontology's own
    properties (``ckg:roleProperty``, ``ckg:curatorsOnly``, ``ckg:fromRecordField``),
    which no data is meant to use, and the roles of agreements (``ckg:PartyRole`` …),
    which the data states through the property each role names (``ckg:roleProperty``).
    A role whose property no data uses, and an annotation property nothing uses, are
    still unused."""
    onto = located(
        ONTOLOGY
        + """ckg:roleProperty a owl:AnnotationProperty ; rdfs:label "r"@en ;
    skos:definition "x"@en .
ckg:idle a owl:AnnotationProperty ; rdfs:label "i"@en ; skos:definition "x"@en .
ckg:PartyRole a owl:NamedIndividual , skos:Concept ; rdfs:label "p"@en ;
    skos:definition "x"@en ; ckg:roleProperty ckg:party .
ckg:AllyRole a owl:NamedIndividual , skos:Concept ; rdfs:label "a"@en ;
    skos:definition "x"@en ; ckg:roleProperty ckg:ally .
ckg:ally a owl:ObjectProperty ; rdfs:label "ally"@en ; skos:definition "x"@en .
"""
    )
    data = located(PREFIXES + "id:w a ckg:Event ; ckg:belligerent id:s .\nid:s a ckg:State .\n")
    found = unused_term_warnings([onto], data.graph, onto.graph)
    unused = {d.focus.removeprefix(str(CKG)) for d in found}
    assert unused == {"Unused", "idle", "AllyRole", "ally"}


def test_unreachable_ignores_attestation_links() -> None:
    onto = located(ONTOLOGY)
    data = located(
        PREFIXES + "id:w a ckg:Event ; ckg:party id:s .\nid:s a ckg:State .\n"
        "id:lone a ckg:State ; ckg:attestedBy id:w .\n",
        "d.ttl",
    )
    found = unreachable_warnings(data.graph, onto.graph, [data])
    assert [(d.focus, d.file, d.line) for d in found] == [(str(ID.lone), "d.ttl", 8)]


def test_owl_rl_reports_disjoint_classes() -> None:
    onto = located(ONTOLOGY).graph
    assert owl_rl_errors(onto, Graph()) == []
    bad = located(PREFIXES + "id:x a ckg:State , ckg:Event .\n").graph
    (message,) = owl_rl_errors(onto, bad)
    assert str(ID.x) in message and "isjoint" in message
