"""A real Oxigraph server on 127.0.0.1: publish, query remotely, interrupt, serve."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kg import CKG
from kg.cli.main import main
from kg.errors import EndpointError
from kg.outputs.entailment import ENTAILED_GRAPH
from kg.outputs.published import published_ntriples, published_parts
from kg.read.resources import Layout
from kg.sparql.library import list_queries
from kg.sparql.publish import count_triples, publish
from kg.sparql.run import local_store, run
from kg.sparql.server import OxigraphServer, free_port

REPO = Path(__file__).resolve().parent.parent
LIBRARY = list_queries(REPO / "queries")


@pytest.fixture(scope="session")
def graph() -> Graph:
    return Graph().parse(data=published_ntriples(Layout.at(REPO)), format="nt")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with OxigraphServer(location=tmp_path_factory.mktemp("oxigraph") / "db") as running:
        yield running


@pytest.fixture(scope="session")
def published(server: OxigraphServer, graph: Graph) -> OxigraphServer:
    publish(graph, update_url=server.update_url, query_url=server.query_url, replace=True)
    return server


def example_params(example: str) -> dict[str, str]:
    """The ``--param`` values of a header's example invocation."""
    words = shlex.split(example)
    pairs = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--param"]
    return dict(pair.split("=", 1) for pair in pairs)


@pytest.mark.parametrize("query", LIBRARY, ids=[q.name for q in LIBRARY])
def test_remote_results_equal_in_process(query, published, graph) -> None:  # type: ignore[no-untyped-def]
    store = local_store(graph)
    for values in ({}, example_params(query.example)):
        local = run(query, values, store=store)
        remote = run(query, values, endpoint=published.query_url, timeout=10)
        assert remote == local
        rows = local["results"]["bindings"]
        assert rows or query.name == "agreements-by-stage", values


def test_publishing_twice_leaves_the_same_triples(server, graph) -> None:  # type: ignore[no-untyped-def]
    named = "https://example.org/graphs/twice"
    for kwargs in ({"update_url": server.update_url}, {"store_url": server.store_url}):
        counts = []
        for _ in range(2):
            summary = publish(graph, query_url=server.query_url, target_graph=named, **kwargs)
            counts.append(summary.counted)
        assert counts == [len(graph), len(graph)]
    assert count_triples(server.query_url, named, timeout=10) == len(graph)


def test_cli_query_on_a_named_graph(server, graph, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    named = "https://example.org/graphs/cli"
    argv = ["publish", "--update-endpoint", server.update_url, "--endpoint", server.query_url]
    assert main(["--root", str(REPO), *argv, "--graph", named, "--replace"]) == 0
    parts = published_parts(Layout.at(REPO))
    entailed = Graph().parse(data=parts.entailed.result(), format="nt")
    published = Graph().parse(data=parts.graph.result(), format="nt")
    assert len(published) == len(graph) and len(entailed) > 0
    assert capsys.readouterr().out.startswith(
        f"published {len(graph)} triples into <{named}> and {len(entailed)} entailed triples "
        f"into <{ENTAILED_GRAPH}>"
    )
    mediators = tmp_path / "mediators.rq"
    mediators.write_text("SELECT ?m { ?m a <https://w3id.org/conflict-kg/ontology#Mediator> }")
    ask = ["query", str(mediators), "--format", "json", "--endpoint", server.query_url]
    found = []
    for graphs in ([named], [named, ENTAILED_GRAPH]):
        flags = [word for iri in graphs for word in ("--default-graph", iri)]
        assert main(["--root", str(REPO), *ask, *flags]) == 0
        rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
        found.append({b["m"]["value"] for b in rows})
    assert found[0] == set()  # the target alone: what in-process queries see
    assert "https://w3id.org/conflict-kg/id/osce-minsk-group" in found[1]
    assert found[1] == set(map(str, entailed.subjects(RDF.type, CKG.Mediator)))
    remote = ["query", "talks", "--format", "json", "--endpoint", server.query_url]
    assert main(["--root", str(REPO), *remote, "--default-graph", named]) == 0
    from_server = json.loads(capsys.readouterr().out)
    assert main(["--root", str(REPO), "query", "talks", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == from_server
    assert len(from_server["results"]["bindings"]) == 5


def test_server_stopped_mid_publish_leaves_the_graph_as_before(tmp_path, graph) -> None:  # type: ignore[no-untyped-def]
    named = "https://example.org/graphs/interrupted"
    before = Graph()
    for triple in list(graph)[:50]:
        before.add(triple)
    server = OxigraphServer(location=tmp_path / "db").start()
    try:
        publish(before, update_url=server.update_url, target_graph=named, replace=True)

        def stop_at_third(number: int, total: int) -> None:
            if number == 3:
                server.stop(kill=True)

        with pytest.raises(EndpointError, match="connection refused|cannot connect"):
            publish(
                graph,
                update_url=server.update_url,
                target_graph=named,
                replace=True,
                batch_size=100,
                on_batch=stop_at_third,
            )
        server.start()
        assert count_triples(server.query_url, named, timeout=10) == len(before)
        publish(
            graph,
            update_url=server.update_url,
            query_url=server.query_url,
            target_graph=named,
            replace=True,
        )
        assert count_triples(server.query_url, named, timeout=10) == len(graph)
    finally:
        server.stop()


def _ctrl_c_as_in_a_terminal() -> None:
    """Give the child the default SIGINT action a terminal's foreground process has.

    A command started in the background of a non-interactive shell (as some CI
    runners start their steps) inherits SIGINT *ignored*, and Python keeps it so.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(os.name == "nt", reason="SIGINT handling differs on Windows")
def test_serve_prints_the_query_url_and_stops_on_ctrl_c(tmp_path) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    command = [sys.executable, "-m", "kg", "--root", str(REPO), "serve", "--port", str(port)]
    proc = subprocess.Popen(
        [*command, "--location", str(tmp_path / "serve")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line == f"SPARQL query endpoint: http://127.0.0.1:{port}/query"
        page = proc.stdout.readline().strip()
        assert page == f"query page (open in a browser): http://127.0.0.1:{port}/"
        with urllib.request.urlopen(page.rsplit(" ", 1)[1], timeout=10) as response:
            html = response.read().decode("utf-8")
        assert response.headers.get_content_type() == "text/html" and "yasgui" in html.lower()
        n = count_triples(line.rsplit(" ", 1)[1], None, timeout=10)
        assert n == len(published_ntriples(Layout.at(REPO)).splitlines())
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole foreground process group
        # stopping may wait 10 s for the server before killing it (kg.sparql.server.stop);
        # communicate() drains the pipes, so a chatty child cannot block on them
        try:
            _, err = proc.communicate(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"serve did not stop within 40 s of Ctrl-C; its stderr:\n{err}")
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_why_on_the_endpoint_equals_in_process(published, capsys) -> None:  # type: ignore[no-untyped-def]
    argv = ["--root", str(REPO), "why", "id:moscow-talks-2020", "--format", "json"]
    assert main(argv) == 0
    local = json.loads(capsys.readouterr().out)
    assert main([*argv, "--endpoint", published.query_url]) == 0
    assert json.loads(capsys.readouterr().out) == local


def test_serve_refuses_a_busy_port(published, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--root", str(REPO), "serve", "--port", str(published.port)]) == 2
    assert f"127.0.0.1:{published.port} is already in use" in capsys.readouterr().err


def test_publish_keeps_a_line_separator_literal(server, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The issue's minimal case: a U+2028 in a literal of data/places.ttl (issue #13, point 1)."""
    import shutil

    root = tmp_path / "project"
    for name in ("ontology", "data", "queries"):
        shutil.copytree(REPO / name, root / name)
    with (root / "data" / "places.ttl").open("a", encoding="utf-8") as handle:
        handle.write('\nid:moscow skos:editorialNote "line one\u2028line two"@en .\n')
    named = "https://example.org/graphs/line-separator"
    argv = ["--root", str(root), "publish", "--update-endpoint", server.update_url,
            "--endpoint", server.query_url, "--graph", named, "--replace"]  # fmt: skip
    assert main(argv) == 0, capsys.readouterr().err
    capsys.readouterr()
    query = tmp_path / "note.rq"
    query.write_text(
        "SELECT ?note WHERE { GRAPH <" + named + "> { "
        "<https://w3id.org/conflict-kg/id/moscow> "
        "<http://www.w3.org/2004/02/skos/core#editorialNote> ?note "
        'FILTER (CONTAINS(?note, "line one")) } }\n',
        encoding="utf-8",
    )
    assert main(["--root", str(root), "query", str(query), "--format", "json",
                 "--endpoint", server.query_url]) == 0  # fmt: skip
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert [r["note"]["value"] for r in rows] == ["line one\u2028line two"]
