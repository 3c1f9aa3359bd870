"""The SHACL engine wrapper: ontology-aware targets, SHACL-SPARQL, findings."""

from __future__ import annotations

from conftest import BAD_DATA, GOOD_DATA, ONTOLOGY, PREFIXES, SHAPES
from rdflib import Graph

from kg import ID
from kg.check.shacl.reference import Finding, label_of, validate


def g(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def test_conforming_data() -> None:
    report = validate(g(GOOD_DATA), shapes=g(SHAPES), ontology=g(ONTOLOGY))
    assert report.conforms
    assert report.findings == ()


def test_subclass_from_ontology_is_honoured() -> None:
    # id:azerbaijan is a ckg:State; the shape targets ckg:Actor.
    report = validate(g(BAD_DATA), shapes=g(SHAPES), ontology=g(ONTOLOGY))
    assert not report.conforms
    (finding,) = report.errors
    assert finding.focus == str(ID.azerbaijan)
    assert finding.path == "rdfs:label"
    assert finding.message == "an actor needs a label"
    assert finding.component == "sh:MinCountConstraintComponent"
    # Without the ontology the State is not known to be an Actor.
    assert validate(g(BAD_DATA), shapes=g(SHAPES)).conforms


def test_sparql_constraint_and_labels() -> None:
    data = GOOD_DATA + "id:russia ckg:mediatedBy id:russia .\n"
    report = validate(g(data), shapes=g(SHAPES), ontology=g(ONTOLOGY))
    (finding,) = report.errors
    assert finding.message == "an actor cannot mediate for itself"
    assert finding.focus_label == "Russia"
    assert "SPARQL" in finding.component


def test_warnings_do_not_break_conformance_and_sort_after_violations() -> None:
    data = BAD_DATA + "id:doc a ckg:NewsArticle .\n"
    report = validate(g(data), shapes=g(SHAPES), ontology=g(ONTOLOGY))
    assert [f.severity for f in report.findings] == ["Violation", "Warning"]
    only_warning = validate(
        g(PREFIXES + "id:doc a ckg:NewsArticle .\n"), shapes=g(SHAPES), ontology=g(ONTOLOGY)
    )
    assert only_warning.conforms
    assert len(only_warning.warnings) == 1


def test_label_prefers_english_then_any_then_iri() -> None:
    data = g(PREFIXES + 'id:a rdfs:label "Aa"@fr, "Ab"@en .\nid:b rdfs:label "Bé"@fr .\n')
    assert label_of(data, ID.a) == "Ab"
    assert label_of(data, ID.b) == "Bé"
    assert label_of(data, ID.c) == str(ID.c)


def test_finding_is_frozen_and_json_ready() -> None:
    f = Finding("Violation", "x", "x", None, None, "m", "s", "c")
    assert f.as_dict()["message"] == "m"
    try:
        f.message = "other"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("Finding must be frozen")
