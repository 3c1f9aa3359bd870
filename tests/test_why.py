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


def test_statements_carry_the_quotations_of_their_subject(capsys, graph) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _why(capsys, "id:moscow-talks-2020", "--format", "json")
    assert code == 0
    ex = json.loads(out)
    talks = ID["moscow-talks-2020"]
    attesting = sorted(str(q) for q in graph.objects(talks, CKG.attestedBy))
    outgoing = [s for s in ex["statements"] if s["subject"] == str(talks)]
    expected = {(str(p), str(o)) for p, o in graph.predicate_objects(talks) if p != CKG.attestedBy}
    assert {(s["predicate"], s["object"]) for s in outgoing} == expected
    assert all(s["sources"] == attesting for s in outgoing)
    incoming = {s["subject"]: s["sources"] for s in ex["statements"] if s["object"] == str(talks)}
    assert set(incoming) == {str(s) for s in graph.subjects(None, talks)}
    mfa = ID["statement-mfa-2020-10-09"]
    assert incoming[str(mfa)] == [str(q) for q in graph.objects(mfa, CKG.attestedBy)]
    for source in ex["sources"]:
        quotation = URIRef(source["iri"])
        assert source["quote"] == str(graph.value(quotation, CKG.quote))
        assert source["document"] == str(graph.value(quotation, PROV_QUOTED))
        assert source["chain"][0][0] == source["document"]


def test_text_output_by_label(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _why(capsys, "maria zakharova")
    assert code == 0
    assert out.startswith("id:maria-zakharova  Maria Zakharova\n")
    assert "ckg:speaker this  [1]" in out
    assert "quote: \u201cZakharova kemudian melanjutkan bahwa persiapan" in out
    chain = out.split("Reporting chain of id:src-liputan6-moscow-talks:\n", 1)[1].splitlines()
    cited = "id:src-afp-report-zakharova", "id:src-voa-indonesia-2020-10-10"
    assert [f"  id:src-liputan6-moscow-talks cites {c}" for c in cited] == chain[:2]


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
