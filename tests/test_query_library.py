"""The query library: headers, expected results on the article's data, both engines."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import article_layout
from rdflib import Graph

from kg.check.dataset import project_graph
from kg.sparql.library import list_queries, read_query
from kg.sparql.results import format_results
from kg.sparql.run import local_store, run

REPO = Path(__file__).resolve().parent.parent
EXPECTED = Path(__file__).resolve().parent / "expected"
LIBRARY = list_queries(REPO / "queries")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return project_graph(article_layout())


@pytest.fixture(scope="module")
def store(graph: Graph):  # type: ignore[no-untyped-def]
    return local_store(graph)


def test_library_has_documented_queries() -> None:
    assert len(LIBRARY) >= 12
    for query in LIBRARY:
        assert query.title != query.name, query.name
        assert len(query.description) > 60, query.name
        assert query.example.startswith(f"conflict-kg query {query.name}"), query.name
        for param in query.params:
            assert f"?{param.name}" in query.text, (query.name, param.name)
            assert param.doc, (query.name, param.name)


@pytest.mark.parametrize("query", LIBRARY, ids=[q.name for q in LIBRARY])
def test_expected_results(query, store) -> None:  # type: ignore[no-untyped-def]
    expected = (EXPECTED / f"{query.name}.csv").read_text(encoding="utf-8")
    got = format_results(run(query, {}, store=store), fmt="csv")
    assert got == expected.replace("\r\n", "\n").replace("\n", "\r\n")


@pytest.mark.parametrize("query", LIBRARY, ids=[q.name for q in LIBRARY])
def test_rdflib_engine_agrees(query, store, graph) -> None:  # type: ignore[no-untyped-def]
    assert run(query, {}, graph=graph, engine="rdflib") == run(query, {}, store=store)


def _rows(results: dict) -> list[dict[str, str]]:  # type: ignore[type-arg]
    return list(csv.DictReader(io.StringIO(format_results(results, fmt="csv"))))


def test_cochairs_before_any_attestation_is_empty(store) -> None:  # type: ignore[no-untyped-def]
    query = read_query(REPO / "queries" / "cochairs-as-of.rq")
    assert _rows(run(query, {"date": "2020-10-09"}, store=store)) == []
    members = {r["member"].rsplit("/", 1)[1] for r in _rows(run(query, {}, store=store))}
    assert members == {"france", "russia", "united-states"}


def test_labels_follow_the_lang_parameter(store) -> None:  # type: ignore[no-untyped-def]
    query = read_query(REPO / "queries" / "statements.rq")
    rows = _rows(run(query, {"actor": "id:russia-foreign-ministry", "lang": "id"}, store=store))
    assert {r["onBehalfOfLabel"] for r in rows} == {"", "Kementerian Luar Negeri Rusia"}
    assert all(r["speaker"].endswith(("russia-foreign-ministry", "maria-zakharova")) for r in rows)


def test_timeline_flags_derived_dates(store) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(run(read_query(REPO / "queries" / "timeline-of-conflict.rq"), {}, store=store))
    derived = [r for r in rows if r["derived"] == "true"]
    assert [(r["when"], r["timeKind"]) for r in derived] == [("2020-10-08", "derived date")]
    dated = [r["when"] for r in rows if r["when"]]
    assert dated == sorted(dated)


AGREEMENTS = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ckg:Ceasefire rdfs:subClassOf ckg:Event .
id:stage-cea a skos:Concept ; skos:notation "Cea" ; skos:prefLabel "Ceasefire"@en .
id:stage-pre a skos:Concept ; skos:notation "Pre" ; skos:prefLabel "Pre-negotiation"@en .
id:agt-1 a ckg:Agreement ; rdfs:label "Agreement one"@en ; ckg:agreementStage id:stage-pre ;
    ckg:date "1994-05-05"^^xsd:date .
id:agt-2 a ckg:Agreement , ckg:Ceasefire ; rdfs:label "Agreement two"@en ;
    ckg:agreementStage id:stage-cea ; ckg:date "1994-05-12"^^xsd:date .
id:agt-3 a ckg:Agreement ; rdfs:label "Agreement three"@en .
"""


def test_agreements_by_stage_on_a_fixture() -> None:
    graph = Graph().parse(data=AGREEMENTS, format="turtle")
    store = local_store(graph)
    query = read_query(REPO / "queries" / "agreements-by-stage.rq")
    rows = _rows(run(query, {}, store=store))
    assert [(r["stageCode"], r["agreementLabel"]) for r in rows] == [
        ("", "Agreement three"),
        ("Cea", "Agreement two"),
        ("Pre", "Agreement one"),
    ]
    only = _rows(run(query, {"stage": "id:stage-cea"}, store=store))
    assert [(r["stageLabel"], r["date"]) for r in only] == [("Ceasefire", "1994-05-12")]
    assert run(query, {}, graph=graph, engine="rdflib") == run(query, {}, store=store)


PROCESS_IN_TWO = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
id:c1 a ckg:Conflict ; rdfs:label "C1"@en .
id:c2 a ckg:Conflict ; rdfs:label "C2"@en .
id:p a ckg:PeaceProcess ; rdfs:label "P"@en ; ckg:inConflict id:c1 , id:c2 .
id:a1 a ckg:Agreement ; ckg:peaceProcess id:p ; ckg:inConflict id:c1 ;
    ckg:date "2001-01-01"^^xsd:date .
id:a2 a ckg:Agreement ; ckg:peaceProcess id:p ; ckg:inConflict id:c2 ;
    ckg:date "1999-01-01"^^xsd:date .
id:a3 a ckg:Agreement ; ckg:peaceProcess id:p ; ckg:inConflict id:c1 ;
    ckg:date "2005-01-01"^^xsd:date .
"""


def test_a_process_on_a_conflicts_timeline_is_dated_by_its_agreements_in_it() -> None:
    # PA-X files a process's agreements under several UCDP conflicts (process 151: 2 of
    # its 55 in conflict 309): on one conflict's timeline, only that conflict's count
    graph = Graph().parse(data=PROCESS_IN_TWO, format="turtle")
    query = read_query(REPO / "queries" / "timeline-of-conflict.rq")
    params = {"conflict": "id:c1"}
    rows = _rows(run(query, params, store=local_store(graph)))
    got = {(r["timeKind"], r["when"]) for r in rows if r["event"].endswith("/p")}
    assert got == {
        ("first agreement's date", "2001-01-01"),
        ("last agreement's date", "2005-01-01"),
    }
    assert run(query, params, graph=graph, engine="rdflib") == run(
        query, params, store=local_store(graph)
    )
