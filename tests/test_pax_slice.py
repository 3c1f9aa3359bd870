"""The curated Nagorno-Karabakh slice of PA-X in data/ and its links to the article."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.check.lint import Options, lint
from kg.importers.run import import_pax
from kg.importers.sparql_cache import parsed_once
from kg.read.resources import Layout
from kg.sparql.library import list_queries
from kg.sparql.results import format_results
from kg.sparql.run import local_store, run

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
    with parsed_once():  # the reference engines (rdflib, pySHACL); the default is tested elsewhere
        result = lint(Layout.at(REPO), options=Options(engine="pyshacl", reasoner="never"))
    assert result.errors == 0, [d.message for d in result.diagnostics if d.severity == "error"]


ROLE_YEARS = """
PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
SELECT DISTINCT ?year WHERE {
    ?agreement a ckg:Agreement ; ?role ?m ; ckg:date ?date .
    FILTER (?m = ?actor || EXISTS { ?m ckg:officeIn|ckg:partOf ?actor })
    BIND (YEAR(?date) AS ?year)
}"""


def role_years(data: Graph, actor: URIRef, role: URIRef) -> list[int]:
    rows = data.query(ROLE_YEARS, initBindings={"actor": actor, "role": role})
    return sorted(int(r.year) for r in rows)


def test_roles_as_the_text_gives_them_across_the_years(data: Graph) -> None:
    # Mediation only where the text says mediator, mediation or auspices: 611, 1731,
    # 310 ("Russian Mediation Mission"), 1926 ("under the auspices of the Co-Chairs").
    assert role_years(data, ID.russia, CKG.mediatedBy) == [1991, 1993, 1994, 2017]
    assert role_years(data, ID.russia, CKG.coChairedBy) == [2008, 2010, 2017]
    assert role_years(data, ID.russia, CKG.witnessedBy) == [2021, 2022]
    # The texts name the co-chairs (states, their leaders, an envoy "on behalf of the
    # Co-chairmen of the OSCE Minsk Conference") and the body they co-chair; the body
    # is a third party of these agreements, never itself a co-chair or mediator.
    assert role_years(data, ID.osce, CKG.mediatedBy) == []
    assert role_years(data, ID.osce, CKG.coChairedBy) == []
    assert role_years(data, ID.osce, CKG.thirdParty) == [1994, 1995, 2008, 2010, 2017]


def test_the_subject_of_a_conference_is_no_third_party(data: Graph) -> None:
    # 1733: "To The Chariman of the OSCE Minsk conference on Nagorno-Karabakh, Y. Eliyason"
    agreement, karabakh = ID["agreement-pax-1733"], ID["pax-group-nagorno-karabakh"]
    assert (agreement, CKG.signatory, karabakh) in data
    assert (agreement, CKG.thirdParty, karabakh) not in data


def test_a_heading_that_opens_a_line_gives_its_role_to_the_lines_after_it(data: Graph) -> None:
    # 2468: "Agreement witnessed by: President Macron, …\nPresident Michel, President of
    # the European Council"
    witnesses = set(data.objects(ID["agreement-pax-2468"], CKG.witnessedBy))
    assert witnesses == {ID["office-president-of-france"], ID["pax-group-european-council"]}


def test_a_note_on_the_signatures_is_not_kept_as_a_mention(data: Graph) -> None:
    # 1925: "Agreement not signed, but a declaration of\nPresident of Azerbaijan\n…"
    mentions = [str(m) for m in data.objects(ID["agreement-pax-1925"], CKG.signatoryMention)]
    assert not [m for m in mentions if "not signed" in m]


def test_an_iso_code_no_record_gives_is_the_importers_inference(data: Graph) -> None:
    coded = [s for s in data.subjects(SKOS.notation, None) if (s, RDF.type, CKG.State) in data]
    assert coded
    for state in coded:
        located = (None, CKG.location, state) in data
        attestations = [
            a
            for a in data.subjects(CKG.statementSubject, state)
            if (a, CKG.statementPredicate, SKOS.notation) in data
        ]
        assert bool(attestations) != located, state
        for attestation in attestations:
            inference = data.value(attestation, CKG.inferredBy)
            assert data.value(inference, CKG.reason) is not None
            used = set(data.objects(inference, URIRef("http://www.w3.org/ns/prov#used")))
            assert used == set(data.objects(state, CKG.attestedBy))


def test_a_witness_is_not_a_mediator(data: Graph) -> None:
    for agt_id, witness in (
        ("2454", "office-president-of-russia"),
        ("2455", "office-president-of-russia"),
        ("2468", "office-president-of-france"),
        ("2804", "office-president-of-united-states"),
    ):
        agreement = ID[f"agreement-pax-{agt_id}"]
        assert (agreement, CKG.witnessedBy, ID[witness]) in data
        assert (agreement, CKG.thirdParty, ID[witness]) in data
        assert list(data.objects(agreement, CKG.mediatedBy)) == []


def test_the_parties_of_the_curated_slice(data: Graph) -> None:
    karabakh = ID["pax-group-nagorno-karabakh"]
    parties = {
        "1721": {ID["azerbaijani-forces"]},
        "1722": {ID["azerbaijani-forces"], karabakh},
        "1726": {ID.azerbaijan, karabakh},
        "1727": {ID.azerbaijan, karabakh},
        "1731": {ID.azerbaijan, karabakh},
        "1732": {karabakh},
        "310": {ID.armenia, ID.azerbaijan, karabakh},
        "1926": {ID["office-president-of-armenia"], ID["office-president-of-azerbaijan"]},
    }
    for agt_id, expected in parties.items():
        assert set(data.objects(ID[f"agreement-pax-{agt_id}"], CKG.party)) == expected, agt_id


def test_karabakh_authorities_are_one_actor_labelled_as_pax_writes_them(data: Graph) -> None:
    karabakh = ID["pax-group-nagorno-karabakh"]
    assert (karabakh, RDF.type, CKG.Actor) in data
    names = {str(o) for p in (RDFS.label, SKOS.altLabel) for o in data.objects(karabakh, p)}
    assert names == {
        "Republic of Nagorno-Karabakh",
        "Nagorno Karabakh Republic",
        "Nagorno-Karabakh",
    }
    cited = {str(r).rsplit("-", 1)[1] for r in data.objects(karabakh, CKG.attestedBy)}
    assert {"310", "1722", "1726", "1727", "1731", "1732"} <= cited


def test_one_conflict_under_its_names(data: Graph) -> None:
    conflict = ID["nagorno-karabakh-conflict"]
    agreements = set(data.subjects(RDF.type, CKG.Agreement))
    assert len(agreements) == 33
    assert {a for a in agreements if (a, CKG.inConflict, conflict) in data} == agreements
    assert not [c for c in data.objects(None, CKG.inConflict) if "pax-conflict" in str(c)]
    assert {str(o) for o in data.objects(conflict, SKOS.altLabel)} == {
        "Armenia/Azerbaijan/(Nagorno-Karabakh)",
        "Armenia/Azerbaijan/Russia/(Nagorno-Karabakh)",
    }
    assert data.value(conflict, CKG.ucdpId) == Literal("388")


def _library(name: str, data: Graph, **params: str) -> list[dict[str, str]]:
    query = next(q for q in list_queries(REPO / "queries") if q.name == name)
    text = format_results(run(query, params, store=local_store(data)), fmt="csv")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def project(data: Graph) -> Graph:
    graph = Graph()
    graph += data
    graph.parse(REPO / "ontology" / "conflict.ttl")
    return graph


def test_the_conflict_queries_follow_the_one_conflict(project: Graph) -> None:
    timeline = _library("timeline-of-conflict", project)
    assert len({r["event"] for r in timeline if "agreement-pax-" in r["event"]}) == 33
    mediators = _library("mediators-of-conflict", project)
    assert {r["event"].rsplit("-", 1)[1] for r in mediators if "agreement-pax" in r["event"]} == {
        "611",
        "1731",
        "310",
        "1926",
    }
    territories = _library("territories", project)
    assert len({r["event"] for r in territories if "agreement-pax-" in r["event"]}) == 33


def test_the_timeline_dates_a_process_by_its_first_and_last_agreement(project: Graph) -> None:
    processes = set(project.objects(None, CKG.peaceProcess))
    assert len(processes) == 4
    rows = _library("timeline-of-conflict", project)
    for process in processes:
        days = sorted(
            str(d)
            for a in project.subjects(CKG.peaceProcess, process)
            for d in project.objects(a, CKG.date)
        )
        got = {(r["timeKind"], r["when"], r["derived"]) for r in rows if r["event"] == str(process)}
        assert got == {
            ("first agreement's date", days[0], "true"),
            ("last agreement's date", days[-1], "true"),
        }, process
    dated = [r["when"] for r in rows if r["when"]]
    assert dated == sorted(dated)


def test_agreements_where_russia_is_a_third_party(project: Graph) -> None:
    rows = _library("agreements-of-actor", project, role="ckg:ThirdPartyRole")
    got = {(r["agreement"].rsplit("-", 1)[1], r["roleLabel"]) for r in rows}
    assert got == {
        ("611", "mediator"),
        ("1729", "third party"),
        ("1730", "third party"),
        ("1731", "mediator"),
        ("1732", "third party"),
        ("310", "mediator"),
        ("990", "third party"),
        ("1733", "third party"),
        ("823", "co-chair"),
        ("1685", "third party"),
        ("1686", "co-chair"),
        ("1687", "third party"),
        ("1926", "co-chair"),
        ("1926", "mediator"),
        ("2455", "witness"),
        ("2396", "third party"),
        ("2454", "witness"),
    }
    assert {r["viaLabel"] for r in rows if r["agreement"].endswith("-990")} == {
        "Defence Minister of Russia",
        "Foreign Minister of Russia",
    }


def test_mediators_of_the_minsk_process_over_time(project: Graph) -> None:
    rows = _library("mediators-of-process", project, process="id:pax-process-8")
    got = [
        (r["date"][:4], r["mediator"].rsplit("/", 1)[1], r["roleConcept"].rsplit("#")[1])
        for r in rows
    ]
    assert got == [
        ("1991", "office-president-of-kazakhstan", "MediatorRole"),
        ("1991", "office-president-of-russia", "MediatorRole"),
        ("1993", "russia-foreign-ministry", "MediatorRole"),
        ("1994", "russia", "MediatorRole"),
        # 1995 (1684): the co-chairmen act through an envoy the data does not resolve
        ("2008", "france", "CoChairRole"),
        ("2008", "russia", "CoChairRole"),
        ("2008", "united-states", "CoChairRole"),
    ]


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


def test_a_person_named_beside_offices_holds_one_and_is_no_party(data: Graph) -> None:
    holding = ID["holding-ilham-aliyev-office-president-of-azerbaijan-2017-10-16"]
    assert data.value(holding, CKG.office) == ID["office-president-of-azerbaijan"]
    assert ID["ilham-aliyev"] not in set(data.objects(ID["agreement-pax-1926"], CKG.party))


def test_office_and_holder_named_together_become_an_office_holding(data: Graph) -> None:
    holding = ID["holding-ilham-aliyev-office-president-of-azerbaijan-2010-12-01"]
    assert data.value(holding, CKG.holder) == ID["ilham-aliyev"]
    assert data.value(holding, CKG.office) == ID["office-president-of-azerbaijan"]
    assert data.value(holding, CKG.attestedBy) == ID["pax-agreement-1686"]
    signatories = set(data.objects(ID["agreement-pax-1686"], CKG.signatory))
    assert ID["office-president-of-azerbaijan"] in signatories
    assert ID["ilham-aliyev"] not in signatories


def test_a_holder_named_by_initials_holds_his_office_by_the_importers_inference(
    data: Graph,
) -> None:
    """2396, 2454 and 2455 name "V. V. Putin", "N. V. Pashinyan" and "I. H. Aliyev"
    beside their offices: each holds it as of the agreement's date, and that the
    initials are the curated person is the importer's inference, with its reason."""
    holders = {
        (data.value(h, CKG.holder), data.value(h, CKG.asOf).toPython().isoformat())
        for h in data.subjects(RDF.type, CKG.OfficeHolding)
    }
    assert (ID["vladimir-putin"], "2021-11-26") in holders
    assert (ID["nikol-pashinyan"], "2021-01-11") in holders
    assert (ID["ilham-aliyev"], "2021-11-26") in holders  # 2454 spells him "I. G. Alityev"
    holding = ID["holding-vladimir-putin-office-president-of-russia-2021-11-26"]
    (attestation,) = data.subjects(CKG.statementSubject, holding)
    assert data.value(attestation, CKG.statementPredicate) == CKG.holder
    inference = data.value(attestation, CKG.inferredBy)
    assert "V. V. Putin" in str(data.value(inference, CKG.reason))
    assert data.value(holding, CKG.attestedBy) == ID["pax-agreement-2396"]
