"""The curated Nagorno-Karabakh slice of PA-X in data/ and its links to the article."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import OWL, Graph, Literal, Namespace, URIRef

from kg.check.project import check_project
from kg.importers.run import import_pax
from kg.importers.sparql_cache import parsed_once
from kg.read.resources import Layout

REPO = Path(__file__).resolve().parent.parent
PAX = REPO.parent / "shared" / "data" / "pax" / "pax.csv"
CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
ID = Namespace("https://w3id.org/conflict-kg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
needs_pax = pytest.mark.skipif(not PAX.is_file(), reason="../shared/data/pax/pax.csv not present")


@pytest.fixture(scope="module")
def data() -> Graph:
    graph = Graph()
    for path in sorted((REPO / "data").glob("*.ttl")):
        graph.parse(path)
    return graph


def test_the_project_validates_with_the_slice() -> None:
    with parsed_once():
        project = check_project(Layout.at(REPO))
    assert project.report.conforms, [f.message for f in project.report.findings]


MEDIATION = """
PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
SELECT DISTINCT ?year WHERE {
    ?agreement a ckg:Agreement ; ckg:mediatedBy ?m ; ckg:date ?date .
    FILTER (?m = ?actor || EXISTS { ?m ckg:officeIn|ckg:partOf ?actor })
    BIND (YEAR(?date) AS ?year)
}"""


def mediation_years(data: Graph, actor: URIRef) -> list[int]:
    rows = data.query(MEDIATION, initBindings={"actor": actor})
    return sorted(int(r.year) for r in rows)


def test_russian_and_osce_mediation_across_the_years(data: Graph) -> None:
    assert mediation_years(data, ID.russia) == [1991, 1993, 1994, 2008, 2010, 2017, 2021, 2022]
    assert mediation_years(data, ID.osce) == [1995, 2008, 2010, 2017]


def test_links_to_the_article(data: Graph) -> None:
    statement = ID["agreement-pax-2322"]
    assert (ID["moscow-talks-2020"], CKG.resultedIn, statement) in data
    assert data.value(statement, CKG.date) == Literal(
        "2020-10-10", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )
    assert set(data.objects(ID["ceasefire-1994"], CKG.candidateMatch)) == {
        ID["agreement-pax-1732"],  # the four Cea agreements of 1994 (issue 15 audit)
        ID["agreement-pax-310"],
        ID["agreement-pax-990"],
        ID["agreement-pax-1733"],
    }
    assert not list(data.triples((None, OWL.sameAs, None)))


def test_cochairmanships_are_dated_by_their_agreements(data: Graph) -> None:
    for agt_id in ("823", "1686"):
        record = ID[f"pax-agreement-{agt_id}"]
        nodes = set(data.subjects(CKG.attestedBy, record)) & set(
            data.subjects(ORG.role, CKG.CoChair)
        )
        assert {data.value(n, ORG.member) for n in nodes} == {
            ID.russia,
            ID["united-states"],
            ID.france,
        }
        date = data.value(ID[f"agreement-pax-{agt_id}"], CKG.date)
        assert {data.value(n, CKG.asOf) for n in nodes} == {date}


@needs_pax
def test_the_cochair_rows_name_the_cochairs() -> None:
    with PAX.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["AgtId"]: r for r in csv.DictReader(handle)}
    for agt_id in ("823", "1686"):
        text = rows[agt_id]["ThrdPart"]
        assert "Minsk Group Co-Chair" in text or "Co-Chairs of the" in text
        for state in ("Russian Federation", "France", "United States"):
            assert state in text


@needs_pax
def test_the_slice_is_the_importers_output(tmp_path: Path) -> None:
    from kg.cli.import_ import curated_graph

    result = import_pax(PAX, curated=curated_graph(str(REPO)), ucdp_conflict="388")
    assert len(result.rows_imported) == 33
    assert result.turtle == (REPO / "data" / "pax-nagorno-karabakh.ttl").read_bytes()


def test_office_and_holder_named_together_become_an_office_holding(data: Graph) -> None:
    holding = ID["holding-ilham-aliyev-office-president-of-azerbaijan-2010-12-01"]
    assert data.value(holding, CKG.holder) == ID["ilham-aliyev"]
    assert data.value(holding, CKG.office) == ID["office-president-of-azerbaijan"]
    assert data.value(holding, CKG.attestedBy) == ID["pax-agreement-1686"]
    signatories = set(data.objects(ID["agreement-pax-1686"], CKG.signatory))
    assert ID["office-president-of-azerbaijan"] in signatories
    assert ID["ilham-aliyev"] not in signatories
