"""Publishing by Oxigraph's bulk loader, and N-Triples handled as one text.

``publish --store`` asks an Oxigraph 0.5+ server for its bulk loader
(``no_transaction``), twice as fast as a transaction. That is only right because
the bulk loader is all or nothing: these tests pin that property of the server
(a body that fails to parse, or is cut short, leaves the store as it was), so an
upgrade that changed it would fail here, not in a user's store.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import EndpointError
from kg.sparql.http import request
from kg.sparql.ntriples import NTriplesText, escaped_breaks
from kg.sparql.publish import ntriples_lines, publish
from kg.sparql.publish_diff import canonical, line_changes
from kg.sparql.publish_send import Part, count_triples, gsp_post, oxigraph_bulk
from kg.sparql.server import OxigraphServer

GRAPH = "http://example.org/g"
ENTAILED = "http://example.org/entailed"


def _triples(tag: str, size: int) -> bytes:
    return "".join(
        f'<http://example.org/s{i}> <http://example.org/v> "{tag}\u2028{i}" .\n'
        for i in range(size)
    ).encode()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with OxigraphServer(location=tmp_path_factory.mktemp("bulk")) as started:
        yield started


def _reset(server: OxigraphServer) -> None:
    """The target graph holds one triple."""
    request(
        server.update_url,
        body=f"DROP SILENT GRAPH <{GRAPH}> ; INSERT DATA {{ GRAPH <{GRAPH}> {{ "
        '<http://example.org/s0> <http://example.org/v> "kept" } }'.encode(),
        headers={"Content-Type": "application/sparql-update"},
        timeout=30,
    )


def test_an_oxigraph_server_is_seen_and_another_store_is_not(server: OxigraphServer) -> None:
    assert oxigraph_bulk(server.store_url, probe_graph="urn:absent", timeout=10)

    class Other(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:  # noqa: N802 (the handler's name)
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def version_string(self) -> str:
            return "Oxigraph/0.4.9"  # before 0.5 the bulk loader was not atomic

        def log_message(self, *args: object) -> None:
            pass

    with http.server.HTTPServer(("127.0.0.1", 0), Other) as other:
        thread = threading.Thread(target=other.handle_request, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{other.server_address[1]}/store"
        assert not oxigraph_bulk(url, probe_graph="urn:absent", timeout=10)
        thread.join(10)
    assert not oxigraph_bulk("http://127.0.0.1:9/store", probe_graph="urn:absent", timeout=2)


def test_a_bulk_post_that_fails_to_parse_changes_nothing(server: OxigraphServer) -> None:
    _reset(server)
    good = _triples("new", 3000)
    broken = good[: len(good) // 2] + b'<urn:a> <urn:b> "unterminated .\n' + good[len(good) // 2 :]
    with pytest.raises(EndpointError, match="HTTP 400"):
        gsp_post(server.store_url, [Part(GRAPH, NTriplesText(broken))], timeout=30, bulk=True)
    assert count_triples(server.query_url, GRAPH, timeout=10) == 1


@pytest.mark.parametrize("chunked", [False, True], ids=["sized", "chunked"])
def test_a_bulk_post_cut_short_changes_nothing(server: OxigraphServer, chunked: bool) -> None:
    _reset(server)
    body = _triples("new", 3000)
    cut = body[: body.index(b"\n", len(body) // 2) + 1]  # whole lines: only the end is missing
    parts = urlsplit(server.store_url)
    length = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(body)}"
    head = (
        f"POST {parts.path}?graph={GRAPH}&no_transaction HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        f"Content-Type: application/n-triples\r\n{length}\r\n\r\n"
    ).encode()
    sent = b"%x\r\n%s\r\n" % (len(cut), cut) if chunked else cut  # no last chunk
    with socket.create_connection((parts.hostname or "", parts.port or 80), timeout=10) as conn:
        conn.sendall(head + sent)  # then the client dies
    assert count_triples(server.query_url, GRAPH, timeout=10) == 1


def test_publish_goes_through_the_bulk_loader(server: OxigraphServer) -> None:
    request(
        server.update_url,
        body=f"DROP SILENT GRAPH <{GRAPH}> ; DROP SILENT GRAPH <{ENTAILED}>".encode(),
        headers={"Content-Type": "application/sparql-update"},
        timeout=30,
    )
    summary = publish(
        NTriplesText(_triples("new", 500)),
        entailed=NTriplesText(_triples("entailed", 7)),
        entailed_graph=ENTAILED,
        store_url=server.store_url,
        update_url=server.update_url,
        query_url=server.query_url,
        target_graph=GRAPH,
        replace=True,
    )
    assert summary.method == "Graph Store Protocol, Oxigraph's bulk loader"
    assert summary.counted == 500 and summary.entailed == 7
    assert count_triples(server.query_url, ENTAILED, timeout=10) == 7
    again = publish(  # a republish: the changes only, found without parsing the equal lines
        NTriplesText(_triples("new", 499) + _triples("newer", 500).splitlines(True)[-1]),
        store_url=server.store_url,
        update_url=server.update_url,
        query_url=server.query_url,
        target_graph=GRAPH,
        replace=True,
    )
    assert again.method == "SPARQL Update, changes only" and again.counted == 500


_TEXT = st.text(alphabet=st.sampled_from('ab"\\\n\r\x85\u2028\u2029\x0b\x1céA'), max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, max_size=8))
def test_the_text_splits_as_the_lines_do(texts: list[str]) -> None:
    store = ox.Store()
    for i, text in enumerate(texts):
        node = ox.NamedNode(f"http://example.org/s{i}")
        store.add(ox.Quad(node, ox.NamedNode("http://example.org/v"), ox.Literal(text)))
    dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
    text = NTriplesText(dumped)
    expected = [escaped_breaks(line) for line in dumped.decode().split("\n") if line]
    assert list(text) == expected and len(text) == len(expected)
    assert all(len(line.splitlines()) == 1 for line in text)
    assert canonical(text) == canonical(expected)
    quads = ox.parse(text.in_graph(GRAPH), format=ox.RdfFormat.N_QUADS)
    assert {(q.subject, q.object, q.graph_name.value) for q in quads} == {
        (t.subject, t.object, GRAPH) for t in ox.parse(dumped, format=ox.RdfFormat.N_TRIPLES)
    }


_FORMS = {
    "A": ['"A"', '"\\u0041"'],
    "é": ['"é"', '"\\u00E9"'],
    "b": ['"b"', '"\\u0062"'],
}


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(st.integers(0, 6), st.tuples(st.sampled_from(sorted(_FORMS)), st.booleans())),
    st.dictionaries(st.integers(0, 6), st.tuples(st.sampled_from(sorted(_FORMS)), st.booleans())),
)
def test_the_changes_by_lines_are_the_changes_by_triples(
    old: dict[int, tuple[str, bool]], new: dict[int, tuple[str, bool]]
) -> None:
    def line(i: int, value: str, other_form: bool) -> str:
        return f"<http://example.org/s{i}> <http://example.org/v> {_FORMS[value][other_form]} ."

    old_lines = [line(i, v, f) for i, (v, f) in old.items()]
    new_lines = [line(i, v, f) for i, (v, f) in new.items()]

    def text(lines: list[str]) -> bytes:
        return "".join(f"{line}\n" for line in lines).encode()

    gone, came, sent = line_changes(text(old_lines), text(new_lines))
    assert sent == len(old_lines)
    assert gone == canonical(old_lines) - canonical(new_lines)
    assert came == canonical(new_lines) - canonical(old_lines)


def test_the_lines_of_a_graph_are_the_lines_of_its_text() -> None:
    from rdflib import Graph, Literal, URIRef

    graph = Graph()
    graph.add((URIRef("http://example.org/s"), URIRef("http://example.org/v"), Literal("x\u2028y")))
    assert list(NTriplesText(graph.serialize(format="nt", encoding="utf-8"))) == ntriples_lines(
        graph
    )
