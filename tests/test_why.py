"""``conflict-kg why``: statements about an entity with quotes and reporting chain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg import CKG, ID
from kg.check.dataset import project_graph
from kg.cli.main import main
from kg.read.resources import Layout

REPO = Path(__file__).resolve().parent.parent
PROV_QUOTED = URIRef("http://www.w3.org/ns/prov#wasQuotedFrom")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return project_graph(Layout.at(REPO))


def _why(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["--root", str(REPO), "why", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_each_statement_carries_its_own_evidence(capsys, graph) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _why(capsys, "id:moscow-talks-2020", "--format", "json")
    assert code == 0
    ex = json.loads(out)
    talks = ID["moscow-talks-2020"]
    outgoing = {
        (s["predicate"], s["object"]): s for s in ex["statements"] if s["subject"] == str(talks)
    }
    expected = {(str(p), str(o)) for p, o in graph.predicate_objects(talks) if p != CKG.attestedBy}
    assert set(outgoing) == expected
    q = "https://w3id.org/conflict-kg/id/q-liputan6-moscow-talks-"
    # the quotation that states each, not every quotation of the talks
    assert outgoing[(str(CKG.participant), str(ID["office-foreign-minister-of-armenia"]))][
        "evidence"
    ]["quotations"] == [q + "03"]
    resulted = outgoing[(str(CKG.resultedIn), str(ID["agreement-pax-2322"]))]["evidence"]
    assert resulted["quotations"] == [] and resulted["inferences"] == [
        str(ID["inference-talks-resulted-in-pax-2322"])
    ]
    incoming = {s["subject"]: s["sources"] for s in ex["statements"] if s["object"] == str(talks)}
    subjects = {str(s) for s in graph.subjects(None, talks) if str(s).startswith(str(ID))}
    assert set(incoming) == subjects
    assert incoming[str(ID["statement-mfa-2020-10-09"])] == [q + "01"]
    for source in ex["sources"]:
        quotation = URIRef(source["iri"])
        assert source["quote"] == str(graph.value(quotation, CKG.quote))
        assert source["document"] == str(graph.value(quotation, PROV_QUOTED))
        assert source["chain"][0][0] == source["document"]
    (inference,) = [i for i in ex["inferences"] if i["iri"].endswith("pax-2322")]
    assert "Neither source states the link" in inference["reason"]


def test_why_mediated_by_shows_the_sentence(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _why(capsys, "id:moscow-talks-2020", "ckg:mediatedBy")
    assert code == 0
    statements = out.split("Statements:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert statements == ["  ckg:mediatedBy id:russia (Russia)  [1], [inference 1]"]
    assert "yang ditengahi Moskow untuk mengakhiri" in out
    assert "at: liputan6-2020-10-10-moscow-talks.id.txt, characters 0\u2013234" in out
    if (REPO.parent / "shared" / "sources").is_dir():
        assert "sentence: \u00bbLiputan6.com, Moskow - " in out
    assert "id:inference-moskow-names-russia" in out


def test_why_resulted_in_is_an_inference(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _why(capsys, "id:moscow-talks-2020", "ckg:resultedIn", "id:agreement-pax-2322")
    assert code == 0
    assert "Sources:" not in out
    assert "[inference 1] id:inference-talks-resulted-in-pax-2322" in out
    assert "reason: Neither source states the link." in out
    # the curators' or an importer's (PA-X's location government): drawn, not quoted
    assert "Editorial inferences (conclusions drawn from the sources, not their words):" in out


def test_why_no_such_statement(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _why(capsys, "id:moscow-talks-2020", "ckg:mediatedBy", "id:france")
    assert code == 2 and out == "" and "no statement" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("obj", "found"),
    [('"Russia"@en', True), ("Russia", True), ('"Russia"@id', False), ('"Russia"', False)],
)
def test_a_literal_object_may_be_written_as_in_turtle(capsys, obj: str, found: bool) -> None:  # type: ignore[no-untyped-def]
    # Before: '"Russia"@en' found "no statement", though the label is in the graph.
    code, out, err = _why(capsys, "id:russia", "rdfs:label", obj)
    if found:
        assert code == 0 and "Russia" in out, err
    else:
        assert code == 2 and "no statement" in err


@pytest.mark.parametrize("obj", ['"id"', "id"])
def test_an_untagged_literal_object_is_found_as_turtle_writes_it(capsys, obj: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _why(capsys, "id:src-liputan6-moscow-talks", "dct:language", obj)
    assert code == 0 and "dct:language" in out, err


def test_in_context_marks_a_part_of_a_sentence() -> None:
    from kg.cli.why import in_context

    text = "Satu.\nDua kata di sini.\nTiga."
    start = text.index("kata")
    assert in_context(text, start, start + 4) == "Dua \u00bbkata\u00ab di sini."


def test_text_output_by_label(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _why(capsys, "maria zakharova")
    assert code == 0
    assert out.startswith("id:maria-zakharova  Maria Zakharova\n")
    assert "ckg:speaker this  [1]" in out
    assert "quote: \u201cZakharova kemudian melanjutkan bahwa persiapan" in out
    chain = out.split("Reporting chain of id:src-liputan6-moscow-talks:\n", 1)[1].splitlines()
    cited = "id:src-afp-report-zakharova", "id:src-voa-indonesia-2020-10-10"
    assert [f"  id:src-liputan6-moscow-talks cites {c}" for c in cited] == chain[:2]


def test_a_literal_is_quoted_alone_with_its_language_after_it(capsys) -> None:  # type: ignore[no-untyped-def]
    """The language tag is not part of the text: “Maria Zakharova” @en, not inside the quotes."""
    code, out, _ = _why(capsys, "id:maria-zakharova")
    assert code == 0
    labels = [line.strip() for line in out.splitlines() if line.strip().startswith("rdfs:label")]
    assert "rdfs:label “Maria Zakharova” @en  (a name or note)" in labels
    assert not any("@en”" in line or "@id”" in line for line in labels)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("Atlantis", "no entity is labelled 'Atlantis'"),
        ("id:atlantis", "nothing in the graph is about <https://w3id.org/conflict-kg/id/atlantis>"),
    ],
)
def test_unknown_or_ambiguous_targets(capsys, target, message) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _why(capsys, target)
    assert code == 2 and out == "" and message in err


SMALL = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
id:src-db a ckg:SourceDocument ; rdfs:label "A database"@en .
id:rec-1 a ckg:DatabaseRecord ; rdfs:label "record 1"@en ; dct:isPartOf id:src-db ;
    schema:url <https://example.org/agreements/1/> ; ckg:citesSource id:src-db .
id:rec-2 a ckg:DatabaseRecord ; rdfs:label "record 2"@en ; dct:isPartOf id:src-db ;
    schema:url <https://example.org/agreements/2/> ; ckg:citesSource id:src-db .
id:agt-1 a ckg:Agreement ; rdfs:label "Accord of the Lake"@en ; ckg:date "2001-02-03"^^xsd:date ;
    ckg:mediatedBy id:vp ; ckg:attestedBy id:rec-1 .
id:agt-2 a ckg:Agreement ; rdfs:label "Accord of the Hill"@en ; ckg:mediatedBy id:vp ;
    ckg:attestedBy id:rec-2 .
id:vp rdfs:label "Vladimir Putin"@en .
id:hold rdfs:label "Vladimir Putin, President of Russia (as of 2020)"@en ; ckg:holder id:vp .
id:call rdfs:label "Vladimir Putin's call for a halt to the fighting"@en ; ckg:speaker id:vp .
"""


def _small(target: str) -> tuple[object, str]:
    from kg.cli.why import explanation_text
    from kg.sparql.why import explain, local_asker

    ex = explain(target, ask=local_asker(Graph().parse(data=SMALL, format="turtle")))
    return ex, explanation_text(ex)


def test_a_database_record_shows_what_it_records_and_its_link() -> None:
    _, text = _small("id:vp")
    assert "[1] id:rec-1: record 1\n      records: Accord of the Lake (2001-02-03)\n" in text
    assert "      link: https://example.org/agreements/1/" in text
    assert "Sources [1], [2] each cite id:src-db." in text
    assert "id:rec-1 cites" not in text


def test_part_of_a_label_finds_the_entity_with_a_note() -> None:
    ex, text = _small("putin")
    assert ex.entity == str(ID["vp"])  # type: ignore[attr-defined]
    assert "showing id:vp (Vladimir Putin); 2 longer label(s) also hold it" in ex.note  # type: ignore[attr-defined]
    assert text.startswith("id:vp  Vladimir Putin\n")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("Putn", "did you mean: id:vp (Vladimir Putin)"),
        ("Accord", "did you mean: id:agt-1 (Accord of the Lake); id:agt-2 (Accord of the Hill)"),
    ],
)
def test_did_you_mean(target: str, message: str) -> None:
    from kg.errors import UsageError

    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _small(target)


def test_cli_prints_the_note_on_stderr(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _why(capsys, "Zakharova")
    assert code == 0 and out.startswith("id:maria-zakharova  Maria Zakharova\n")
    assert err.startswith("note: no label is 'Zakharova'; showing id:maria-zakharova")


def test_ambiguous_label(tmp_path: Path) -> None:
    from kg.sparql.why import explain, local_asker

    g = Graph()
    g.parse(
        data="""@prefix id: <https://w3id.org/conflict-kg/id/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        id:a rdfs:label "Moskow"@id . id:b rdfs:label "Moskow"@id .""",
        format="turtle",
    )
    with pytest.raises(Exception, match="'Moskow' is the label of 2 entities: id:a, id:b"):
        explain("Moskow", ask=local_asker(g))


def test_a_pax_concept_shows_its_label(capsys) -> None:  # type: ignore[no-untyped-def]
    """PA-X's stage, type and status concepts are named by skos:prefLabel only; `why` on an
    agreement printed them as bare IRIs."""
    code, out, _ = _why(capsys, "id:agreement-pax-1726")
    assert code == 0
    stage = next(line for line in out.splitlines() if "ckg:agreementStage" in line)
    assert "(Ceasefire)" in stage


def test_a_pax_statement_names_the_column_it_comes_from(capsys) -> None:  # type: ignore[no-untyped-def]
    """Each statement of a PA-X agreement was credited to "record … (whole record)", though
    each importer property has its column (audit 19, `why`): a reader could not see
    which field of the linked page to check."""
    code, out, _ = _why(capsys, "id:agreement-pax-1726")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ckg:")}
    assert lines["ckg:date"].endswith("record id:pax-agreement-1726 (Dat)")
    assert lines["ckg:agreementStage"].endswith("(Stage)")
    assert lines["ckg:signatoriesText"].endswith("(Part)")
    assert lines["ckg:location"].endswith("(Loc1ISO or Loc2ISO)")
    code, out, _ = _why(capsys, "--format", "json", "id:agreement-pax-1726", "ckg:date")
    (statement,) = json.loads(out)["statements"]
    (record,) = statement["evidence"]["records"]
    assert record["field"] == "Dat" and record["rule"] == "column"
    # a class is the whole record's
    code, out, _ = _why(capsys, "id:agreement-pax-1726", "rdf:type")
    assert "(whole record)" in out


def test_many_records_of_one_column_are_counted_not_all_listed(capsys) -> None:  # type: ignore[no-untyped-def]
    """A process's statements are attested by each of its agreements' records: `why` listed
    21 to 67 of them on one line (the fourth audit). The text names the first three of a
    column, in the records' order, and counts the rest; JSON keeps them all."""
    code, out, _ = _why(capsys, "--format", "json", "id:pax-process-8", "ckg:inConflict")
    assert code == 0
    (statement,) = json.loads(out)["statements"]
    records = [r["record"] for r in statement["evidence"]["records"]]
    assert len(records) > 4
    code, out, _ = _why(capsys, "id:pax-process-8", "ckg:inConflict")
    line = next(line for line in out.splitlines() if "ckg:inConflict" in line)
    first = sorted(records, key=lambda r: int(r.rsplit("-", 1)[1]))[:3]
    shown = ", ".join(r.replace("https://w3id.org/conflict-kg/id/", "id:") for r in first)
    assert line.endswith(f"records {shown} and {len(records) - 3} more (UcdpCon)"), line
