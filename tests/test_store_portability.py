"""Same answers on every store: the library on Oxigraph server, Virtuoso and Jena ARQ.

The project's graph is published (``kg.sparql.publish``, SPARQL Update into a
named graph) to a throw-away Oxigraph server and Virtuoso, and written as
N-Triples for Jena ARQ. Every library query with its defaults and with its
documented example's parameters must give the same multiset of rows as the
in-process run. A store that is not installed is skipped with a notice.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from stores import (
    VirtuosoServer,
    graph_iri,
    jena_missing,
    jena_select,
    row_multiset,
    virtuoso_missing,
)

from kg.check.dataset import project_graph
from kg.cli.main import main
from kg.outputs.entailment import ENTAILED_GRAPH
from kg.outputs.published import published_parts
from kg.read.resources import Layout
from kg.sparql.endpoint import run_remote
from kg.sparql.library import LibraryQuery, list_queries
from kg.sparql.ntriples import NTriplesText
from kg.sparql.publish import ntriples_lines, publish
from kg.sparql.run import local_store, prepare, run_local
from kg.sparql.server import OxigraphServer

REPO = Path(__file__).resolve().parent.parent
LIBRARY = list_queries(REPO / "queries")
GRAPH = graph_iri("article")
ID = "https://w3id.org/conflict-kg/id/"


def example_values(query: LibraryQuery) -> dict[str, str]:
    """The ``--param NAME=VALUE`` pairs of the query's documented example."""
    words = shlex.split(query.example)
    return dict(
        words[i + 1].split("=", 1) for i, word in enumerate(words[:-1]) if word == "--param"
    )


def cases() -> list[tuple[str, LibraryQuery, dict[str, str]]]:
    out = []
    for query in LIBRARY:
        out.append((f"{query.name}[defaults]", query, {}))
        values = example_values(query)
        if values:
            out.append((f"{query.name}[example]", query, values))
    return out


CASES = cases()
IDS = [case[0] for case in CASES]


@pytest.fixture(scope="module")
def graph() -> Graph:
    # the whole project: the article and the PA-X agreements (agreements-by-stage)
    return project_graph(Layout.at(REPO))


@pytest.fixture(scope="module")
def entailed() -> list[str]:
    # what ``publish`` loads into its entailed graph (the checked project's closure)
    return list(NTriplesText(published_parts(Layout.at(REPO)).entailed.result()))


@pytest.fixture(scope="module")
def in_process(graph: Graph) -> dict[str, Any]:
    store = local_store(graph)
    return {name: run_local(prepare(q, v), store=store) for name, q, v in CASES}


@pytest.fixture(scope="module")
def oxigraph(
    graph: Graph, entailed: list[str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    extra = {"entailed": entailed, "entailed_graph": ENTAILED_GRAPH}
    with OxigraphServer(location=tmp_path_factory.mktemp("oxigraph")) as server:
        publish(graph, update_url=server.update_url, target_graph=GRAPH, timeout=60, **extra)
        yield server.query_url


@pytest.fixture(scope="module")
def virtuoso(
    graph: Graph, entailed: list[str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    extra = {"entailed": entailed, "entailed_graph": ENTAILED_GRAPH}
    missing = virtuoso_missing()
    if missing:
        pytest.skip(missing)
    server = VirtuosoServer(location=tmp_path_factory.mktemp("virtuoso")).start()
    try:
        publish(graph, update_url=server.update_url, target_graph=GRAPH, timeout=60, **extra)
        yield server.query_url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def jena(
    graph: Graph, entailed: list[str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    missing = jena_missing()
    if missing:
        pytest.skip(missing)
    work = tmp_path_factory.mktemp("jena")
    data = work / "graph.nt"
    data.write_text("\n".join(ntriples_lines(graph)) + "\n", encoding="utf-8")
    texts = {f"q{i}": prepare(q, v) for i, (_, q, v) in enumerate(CASES)}
    answers = jena_select(data, texts, workdir=work)
    out = {name: answers[f"q{i}"] for i, (name, _, _) in enumerate(CASES)}
    # as the README says for Jena: load conflict-kg.nt and conflict-kg-entailed.nt together
    both = work / "with-entailed"
    both.mkdir()
    (both / "graph.nt").write_text(data.read_text(encoding="utf-8") + "\n".join(entailed) + "\n")
    out[MEDIATORS] = jena_select(both / "graph.nt", {"m": MEDIATORS}, workdir=both)["m"]
    return out


def order_keys(query: LibraryQuery, results: dict[str, Any]) -> list[tuple[str, ...]]:
    """The rows' values of the variables in the query's ORDER BY, in the order returned."""
    names = re.findall(r"\?(\w+)", query.text.rsplit("ORDER BY", 1)[-1])
    return [
        tuple(row.get(name, {}).get("value", "") for name in names)
        for row in results.get("results", {}).get("bindings", [])
    ]


def _same(query: LibraryQuery, expected: dict[str, Any], got: dict[str, Any]) -> None:
    assert "error" not in got, got.get("error")
    want, have = row_multiset(expected), row_multiset(got)
    missing, extra = want - have, have - want
    assert not missing and not extra, (
        f"{sum(missing.values())} rows missing, e.g. {list(missing)[:2]}; "
        f"{sum(extra.values())} rows extra, e.g. {list(extra)[:2]}"
    )
    # the same rows in the same order, as far as the ORDER BY decides it
    assert order_keys(query, got) == order_keys(query, expected)


@pytest.mark.parametrize("case", IDS)
def test_oxigraph_server_gives_the_same_rows(case: str, oxigraph: str, in_process) -> None:  # type: ignore[no-untyped-def]
    name, query, values = CASES[IDS.index(case)]
    got = run_remote(prepare(query, values), endpoint=oxigraph, default_graphs=[GRAPH])
    _same(query, in_process[name], got)


@pytest.mark.parametrize("case", IDS)
def test_virtuoso_gives_the_same_rows(case: str, virtuoso: str, in_process) -> None:  # type: ignore[no-untyped-def]
    name, query, values = CASES[IDS.index(case)]
    got = run_remote(prepare(query, values), endpoint=virtuoso, default_graphs=[GRAPH])
    _same(query, in_process[name], got)


@pytest.mark.parametrize("case", IDS)
def test_jena_gives_the_same_rows(case: str, jena: dict[str, Any], in_process) -> None:  # type: ignore[no-untyped-def]
    _same(CASES[IDS.index(case)][1], in_process[case], jena[case])


MEDIATORS = "SELECT ?m WHERE { ?m a <https://w3id.org/conflict-kg/ontology#Mediator> }"


def _mediators(results: dict[str, Any]) -> set[str]:
    assert "error" not in results, results.get("error")
    return {row["m"]["value"] for row in results["results"]["bindings"]}


def test_mediators_answer_on_each_store_as_the_readme_says(
    oxigraph: str, virtuoso: str, jena: dict[str, Any], entailed: list[str]
) -> None:
    # the reasoner's Mediators (Russia and the OSCE Minsk Group among them; the PA-X
    # records add the mediators they name), typed in the entailed graph only
    want = {line.split()[0][1:-1] for line in entailed if "ontology#Mediator>" in line}
    assert {f"{ID}russia", f"{ID}osce-minsk-group"} <= want
    both = [GRAPH, ENTAILED_GRAPH]
    assert _mediators(run_remote(MEDIATORS, endpoint=oxigraph, default_graphs=both)) == want
    assert _mediators(run_remote(MEDIATORS, endpoint=virtuoso)) == want  # its union default
    assert _mediators(run_remote(MEDIATORS, endpoint=virtuoso, default_graphs=both)) == want
    assert _mediators(jena[MEDIATORS]) == want
    # the target graph alone is what the library and in-process queries see
    for store in (oxigraph, virtuoso):
        assert _mediators(run_remote(MEDIATORS, endpoint=store, default_graphs=[GRAPH])) == set()


def test_every_case_has_rows_on_the_project(in_process: dict[str, Any]) -> None:
    # a comparison of empty answers proves nothing: each case must return rows
    empty = [name for name, results in in_process.items() if not row_multiset(results)]
    assert not empty, empty


WHY_TARGETS = ["Russia", "id:moscow-talks-2020", "id:src-liputan6-moscow-talks"]


def _why(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(["--root", str(REPO), "why", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("target", WHY_TARGETS)
@pytest.mark.parametrize("store", ["oxigraph", "virtuoso"])
def test_why_on_a_store_equals_why_in_process(
    target: str, store: str, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = request.getfixturevalue(store)
    remote = _why([target, "--endpoint", endpoint, "--default-graph", GRAPH], capsys)
    assert remote == _why([target], capsys)
    for source in remote["sources"]:  # each reporting chain once, each link once
        links = [tuple(link) for link in source["chain"]]
        assert len(links) == len(set(links))


def test_why_without_the_default_graph_finds_nothing_on_oxigraph(
    oxigraph: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # the graph was published into GRAPH, so Oxigraph's default graph is empty
    assert main(["--root", str(REPO), "why", "Russia", "--endpoint", oxigraph]) == 2
    assert "no entity is labelled 'Russia'" in capsys.readouterr().err


def test_why_default_graph_needs_an_endpoint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(REPO), "why", "Russia", "--default-graph", GRAPH]) == 2
    assert "--default-graph needs --endpoint" in capsys.readouterr().err
