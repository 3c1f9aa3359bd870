"""The in-process query path: the project loaded straight into Oxigraph; run_local's shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import article_layout
from rdflib import Graph, Literal, URIRef

from kg.check.dataset import GENID, project_graph, project_store
from kg.cli.main import main
from kg.errors import LoadError
from kg.read.resources import Layout
from kg.read.store import to_rdflib
from kg.sparql.run import local_store, run_local

REPO = Path(__file__).resolve().parent.parent
XSD = "http://www.w3.org/2001/XMLSchema#"
HEADER = (
    "@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .\n"
    "@prefix id: <https://w3id.org/conflict-kg/id/> .\n"
)


def test_project_store_holds_the_same_triples_as_project_graph() -> None:
    layout = article_layout()
    store, graph = project_store(layout), project_graph(layout)
    triples = set(to_rdflib(store))
    assert triples == set(graph)
    skolem = {t for t in triples if any(str(x).startswith(GENID) for x in t)}
    assert skolem  # the ontology's blank nodes became the same stable IRIs


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'id:x ckg:year "nineteen"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n',
            "invalid literal",
        ),
        ("id:x ckg:noSuchProperty id:y .\n", "ckg:noSuchProperty is not declared"),
        ("id:x ckg:year .\n", "syntax error"),
    ],
)
def test_project_store_reports_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(HEADER + "\n" + body, encoding="utf-8")
    layout = Layout.at(REPO)._replace(data_files=(bad,))
    with pytest.raises(LoadError, match=message) as exc:
        project_store(layout)
    assert str(exc.value).startswith(f"{bad}:4:")


def test_both_engines_of_the_query_command_agree(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for engine in ("oxigraph", "rdflib"):
        argv = ["--root", str(REPO), "query", "entity-relations", "--format", "csv"]
        assert main([*argv, "--engine", engine]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert "https://w3id.org/conflict-kg/ontology#mediatedBy" in outputs[0]


def test_string_datatypes_are_dropped_whichever_engine() -> None:
    graph = Graph()
    graph.add(
        (
            URIRef("http://ex/a"),
            URIRef("http://ex/p"),
            Literal("v", datatype=URIRef(XSD + "string")),
        )
    )
    query = "SELECT ?o ?n WHERE { ?s ?p ?o BIND (1 AS ?n) }"
    fast = run_local(query, store=local_store(graph))
    slow = run_local(query, graph=graph, engine="rdflib")
    assert fast == slow
    assert fast["results"]["bindings"][0]["o"] == {"type": "literal", "value": "v"}
    assert fast["results"]["bindings"][0]["n"]["datatype"] == XSD + "integer"
