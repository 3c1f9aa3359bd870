"""The PA-X shapes: each has a valid and an invalid fixture (with ``_base.ttl``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import SH

from kg.validate import ValidationReport, validate

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "shapes"
CKGSH = Namespace("https://w3id.org/conflict-kg/shapes#")
PAX_SHAPES = ["DatabaseRecordShape", "PaxAgreementShape", "PaxConceptShape", "PeaceProcessShape"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(REPO / "ontology" / "conflict.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(REPO / "ontology" / "shapes.ttl")


def check(name: str, shapes: Graph, ontology: Graph) -> ValidationReport:
    data = Graph().parse(FIXTURES / "_base.ttl")
    data.parse(FIXTURES / name)
    return validate(data, shapes=shapes, ontology=ontology)


@pytest.mark.parametrize("shape", PAX_SHAPES)
def test_valid_fixture_conforms(shape: str, shapes: Graph, ontology: Graph) -> None:
    report = check(f"{shape}-valid.ttl", shapes, ontology)
    assert report.conforms, [f"{f.focus} {f.path}: {f.message}" for f in report.errors]


@pytest.mark.parametrize("shape", PAX_SHAPES)
def test_invalid_fixture_breaks_its_shape(shape: str, shapes: Graph, ontology: Graph) -> None:
    report = check(f"{shape}-invalid.ttl", shapes, ontology)
    node = URIRef(CKGSH[shape])
    own = {str(node)} | {str(p) for p in shapes.objects(node, SH.property)}
    hits = [f for f in report.errors if f.shape in own]
    assert hits, [(f.shape, f.message) for f in report.errors]
    assert all(f.message and f.message != "constraint not satisfied" for f in hits)
