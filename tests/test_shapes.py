"""Every SHACL shape has a valid and an invalid fixture, named after the shape.

``tests/fixtures/shapes/<Shape>-valid.ttl`` must conform; ``<Shape>-invalid.ttl``
must break that very shape (a violation whose source shape is the node shape
or one of its property shapes), each validated with ``_base.ttl`` and the ontology.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SH

from kg.check.shacl.reference import ValidationReport, validate

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "shapes"
CKGSH = Namespace("https://w3id.org/conflict-kg/shapes#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(REPO / "ontology" / "conflict.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(REPO / "ontology" / "shapes.ttl")


def _node_shapes() -> list[str]:
    graph = Graph().parse(REPO / "ontology" / "shapes.ttl")
    return sorted(
        str(s)[len(str(CKGSH)) :]
        for s in graph.subjects(RDF.type, SH.NodeShape)
        if str(s).startswith(str(CKGSH))
    )


NODE_SHAPES = _node_shapes()


def _check(name: str, *, shapes: Graph, ontology: Graph) -> ValidationReport:
    data = Graph().parse(FIXTURES / "_base.ttl")
    data.parse(FIXTURES / name)
    return validate(data, shapes=shapes, ontology=ontology)


def test_every_node_shape_has_both_fixtures() -> None:
    assert len(NODE_SHAPES) >= 25
    missing = [
        f"{shape}-{kind}.ttl"
        for shape in NODE_SHAPES
        for kind in ("valid", "invalid")
        if not (FIXTURES / f"{shape}-{kind}.ttl").is_file()
    ]
    assert missing == []


def test_every_fixture_is_named_after_a_shape() -> None:
    names = {p.name.rsplit("-", 1)[0] for p in FIXTURES.glob("*-*.ttl")}
    assert names <= set(NODE_SHAPES)


def test_base_context_conforms(shapes: Graph, ontology: Graph) -> None:
    data = Graph().parse(FIXTURES / "_base.ttl")
    report = validate(data, shapes=shapes, ontology=ontology)
    assert report.conforms, report.errors


@pytest.mark.parametrize("shape", NODE_SHAPES)
def test_valid_fixture_conforms(shape: str, shapes: Graph, ontology: Graph) -> None:
    report = _check(f"{shape}-valid.ttl", shapes=shapes, ontology=ontology)
    assert report.conforms, [f"{f.focus} {f.path}: {f.message}" for f in report.errors]


@pytest.mark.parametrize("shape", NODE_SHAPES)
def test_invalid_fixture_breaks_its_shape(shape: str, shapes: Graph, ontology: Graph) -> None:
    report = _check(f"{shape}-invalid.ttl", shapes=shapes, ontology=ontology)
    assert not report.conforms
    node = URIRef(CKGSH[shape])
    own = {str(node)} | {str(p) for p in shapes.objects(node, SH.property)}
    hits = [f for f in report.errors if f.shape in own]
    assert hits, f"no violation of {shape}: {[(f.shape, f.message) for f in report.errors]}"
    assert all(f.message and f.message != "constraint not satisfied" for f in hits)
