"""An edge attested at several dates holds from the earliest (issue #13, point 7).

The co-chairs of a group are attested by sources of several dates (PA-X in
2008 and 2010, the article in 2020). ``export --dynamic``, ``--at``,
``--between`` and the ``cochairs-as-of`` query must tell the same story.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from conftest import REPO
from rdflib import Graph

from kg import ID
from kg.sparql.library import read_query
from kg.sparql.results import format_results
from kg.sparql.run import run
from kg.views.network import build_view

DATES = {"a": ["2008-11-02", "2010-12-01", "2020-10-10"], "b": ["2020-10-10", "2010-12-01"]}


def _graph() -> Graph:
    text = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
id:g a ckg:MediationGroup ; rdfs:label "G"@en .
id:a rdfs:label "A"@en . id:b rdfs:label "B"@en . id:c rdfs:label "C"@en .
id:ms-c a ckg:CoChairmanship ; org:member id:c ; org:organization id:g ;
    org:role ckg:CoChair ; ckg:asOf "2009-05-05"^^xsd:date .
"""
    for member, days in DATES.items():
        for n, day in enumerate(days):
            text += (
                f"id:ms-{member}-{n} a ckg:CoChairmanship ; org:member id:{member} ;"
                f' org:organization id:g ; org:role ckg:CoChair ; ckg:asOf "{day}"^^xsd:date .\n'
            )
    return Graph().parse(data=text, format="turtle")


def _pairs(view: object) -> dict[tuple[str, str], str]:
    return {
        tuple(sorted(str(n).rsplit("/", 1)[1] for n in (u, v))): d.get("start", "")  # type: ignore[misc]
        for u, v, d in view.edges(data=True)  # type: ignore[attr-defined]
    }


def test_dynamic_edges_start_at_the_earliest_attestation() -> None:
    pairs = _pairs(build_view(_graph(), "cochair"))
    # a from 2008, b from 2010, c from 2009: a pair holds once both are attested
    assert pairs == {("a", "b"): "2010-12-01", ("a", "c"): "2009-05-05", ("b", "c"): "2010-12-01"}
    edge = build_view(_graph(), "cochair").edges[str(ID["a"]), str(ID["b"])]
    assert edge["spells"] == "2010-12-01/.."
    assert edge["count"] == 1


def test_between_starts_at_the_earliest_attestation() -> None:
    view = build_view(_graph(), "cochair", between=(date(2008, 1, 1), date(2012, 1, 1)))
    assert _pairs(view) == {
        ("a", "b"): "2010-12-01",
        ("a", "c"): "2009-05-05",
        ("b", "c"): "2010-12-01",
    }


@pytest.mark.parametrize(
    "day", ["2008-11-01", "2008-11-02", "2009-06-01", "2011-01-01", "2021-01-01"]
)
def test_at_and_the_query_agree(day: str) -> None:
    graph = _graph()
    at = build_view(graph, "cochair", at=date.fromisoformat(day))
    in_view = {str(n).rsplit("/", 1)[1] for n in at.nodes if at.degree(n)}
    query = read_query(REPO / "queries" / "cochairs-as-of.rq")
    rows = csv.DictReader(
        io.StringIO(
            format_results(run(query, {"group": "id:g", "date": day}, graph=graph), fmt="csv")
        )
    )
    attested = {r["member"].rsplit("/", 1)[1] for r in rows}
    assert in_view == (attested if len(attested) > 1 else set())
    for (first, second), start in _pairs(at).items():
        assert start <= day
        assert {first, second} <= attested
