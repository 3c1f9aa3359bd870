"""The whole PA-X file: every row imports and the result validates (``-m scale``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.check.shacl.reference import validate
from kg.cli.import_ import curated_graph
from kg.importers.report import rates
from kg.importers.run import import_pax
from kg.importers.sparql_cache import parsed_once
from kg.read.load import parse_turtle

REPO = Path(__file__).resolve().parent.parent
PAX = REPO.parent / "shared" / "data" / "pax" / "pax.csv"

pytestmark = [
    pytest.mark.scale,
    pytest.mark.skipif(not PAX.is_file(), reason="../shared/data/pax/pax.csv not present"),
]


def test_all_agreements_import_and_validate() -> None:
    curated = curated_graph(str(REPO))
    result = import_pax(PAX, curated=curated)
    assert len(result.rows_imported) == 2257
    assert result.skipped == []
    done = rates(result.report)
    assert set(done) == {"Part", "ThrdPart"}
    assert all(resolved > 0 for resolved, _ in done.values())
    data = Graph()
    for path in sorted((REPO / "data").glob("*.ttl")):
        data.parse(path)
    data += Graph().parse(data=result.turtle.decode("utf-8"), format="turtle")
    ontology = parse_turtle(REPO / "ontology" / "conflict.ttl")
    shapes = parse_turtle(REPO / "ontology" / "shapes.ttl")
    with parsed_once():
        report = validate(data, shapes=shapes, ontology=ontology)
    assert report.conforms, [f.message for f in report.findings[:10]]
