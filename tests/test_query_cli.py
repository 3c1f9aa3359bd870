"""``conflict-kg query``: parameters as RDF terms, bad input, endpoint failures."""

from __future__ import annotations

import http.server
import json
import re
import threading
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from kg.cli.main import main
from kg.errors import UsageError
from kg.sparql.library import parse_header
from kg.sparql.run import local_store, prepare, run
from kg.sparql.server import free_port

REPO = Path(__file__).resolve().parent.parent
ROOT = ["--root", str(REPO)]
HOSTILE = ['x" } ; DROP ALL ; SELECT * { "', "a'b\\\"c\n}", "<http://evil/> } INSERT DATA {"]

PROBE = parse_header(
    "probe",
    "# param: text (string, required): any text\n"
    "# param: thing (iri, default id:russia): an IRI\n"
    "SELECT ?text ?thing ?n WHERE { { SELECT (COUNT(*) AS ?n) { ?s ?p ?o } } }",
)


@pytest.fixture(scope="module")
def store():  # type: ignore[no-untyped-def]
    graph = Graph()
    graph.add((URIRef("http://ex/a"), URIRef("http://ex/p"), Literal("v")))
    return local_store(graph)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_value_is_one_literal(value, store) -> None:  # type: ignore[no-untyped-def]
    results = run(PROBE, {"text": value}, store=store)
    (row,) = results["results"]["bindings"]
    assert row["text"] == {"type": "literal", "value": value}
    assert row["thing"]["value"] == "https://w3id.org/conflict-kg/id/russia"
    assert row["n"]["value"] == "1"
    assert len(store) == 1
    parsed = prepareQuery(prepare(PROBE, {"text": value}))
    assert [str(v) for v in parsed.algebra["PV"]] == ["text", "thing", "n"]


@pytest.mark.parametrize("value", ["<http://a> } DROP ALL", "http://a/>{", 'id:a"b', "x y"])
def test_a_hostile_iri_is_refused(value) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="parameter 'thing'"):
        prepare(PROBE, {"text": "t", "thing": value})


def _cli(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main([*ROOT, "query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["cochairs-as-of", "--param", "date=2020-13-45"], "'2020-13-45' is not an xsd:date"),
        (["cochairs-as-of", "--param", "date=yesterday"], "'yesterday' is not an xsd:date"),
        (["cochairs-as-of", "--param", "colour=red"], "unknown parameter 'colour'"),
        (["cochairs-as-of", "--param", "group"], "write NAME=VALUE"),
        (["talks", "--param", "conflict=nope:x"], "unknown prefix 'nope'"),
        (["no-such-query"], "no such query"),
        (["talks", "--endpoint", "ftp://127.0.0.1/query"], "not an http(s) URL"),
        (["talks", "--endpoint", "127.0.0.1:7878/query"], "not an http(s) URL"),
        (["talks", "--timeout", "0"], "positive number"),
    ],
)
def test_bad_input_is_one_clear_line(capsys, argv, message) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _cli(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1, err


def test_missing_required_parameter(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    query = tmp_path / "needs.rq"
    query.write_text("# param: when (date, required): a day\nSELECT ?when { }\n")
    code, _, err = _cli(capsys, str(query))
    assert code == 2 and "missing required parameter 'when' (date)" in err


def test_syntax_error_is_reported_before_any_network_call(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    hits: list[str] = []
    with _http(lambda h: hits.append(h.path)) as url:
        query = tmp_path / "broken.rq"
        query.write_text("# title: broken\nSELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTR (?s)\n}\n")
        code, out, err = _cli(capsys, str(query), "--endpoint", url)
    assert code == 2 and out == "" and hits == []
    assert re.search(rf"^error: {re.escape(str(query))}:4:\d+: SPARQL syntax error: ", err)


def test_list_shows_headers_and_ignores_subfolders(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([*ROOT, "query", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "cochairs-as-of: Co-chairs of a mediation group as of a date" in listing
    assert "--param date=<date>  (default 2020-10-10)" in listing
    assert "example: conflict-kg query cochairs-as-of" in listing
    root = tmp_path / "proj"
    for sub in ("ontology", "data", "queries/checks"):
        (root / sub).mkdir(parents=True)
    (root / "ontology" / "conflict.ttl").write_text("")
    (root / "queries" / "top.rq").write_text("# title: Top\nSELECT * {}\n")
    (root / "queries" / "checks" / "inner.rq").write_text("# title: Inner\nSELECT * {}\n")
    assert main(["--root", str(root), "query", "--list"]) == 0
    assert capsys.readouterr().out == "top: Top\n"


def test_formats(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _cli(capsys, "cochairs-as-of", "--format", "json")
    assert code == 0
    assert json.loads(out)["head"]["vars"] == ["member", "memberLabel", "attestedAsOf"]
    _, tsv, _ = _cli(capsys, "cochairs-as-of", "--format", "tsv")
    assert tsv.splitlines()[1].split("\t")[1] == '"France"@en'
    _, table, _ = _cli(capsys, "cochairs-as-of", "--param", "lang=id")
    assert "Prancis" in table and table.rstrip().endswith("(3 rows)")
    assert "@id" not in table and "@en" not in _cli(capsys, "cochairs-as-of")[1]


def test_table_tags_languages_only_where_they_mix() -> None:
    from kg.sparql.results import table

    def lit(text: str, lang: str) -> dict[str, str]:
        return {"type": "literal", "value": text, "xml:lang": lang}

    rows = [{"a": lit("Russia", "en"), "b": lit("Rusia", "id")}, {"a": lit("Rusia", "id")}]
    results = {"head": {"vars": ["a", "b"]}, "results": {"bindings": rows}}
    lines = table(results).splitlines()  # type: ignore[arg-type]
    assert lines[2].split() == ["Russia", "@en", "Rusia"]
    assert lines[3].split() == ["Rusia", "@id"]


def test_piped_table_is_not_cut(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "30")  # what a narrow terminal would say
    code, out, _ = _cli(capsys, "cochairs-as-of")
    assert code == 0 and "…" not in out
    assert any(line.startswith("id:united-states  United States  ") for line in out.splitlines())


# --- endpoint failures against a tiny local HTTP server ---------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    respond = staticmethod(lambda handler: None)

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self.body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).respond(self)

    do_GET = do_POST  # noqa: N815
    do_HEAD = do_POST  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


class _http:  # noqa: N801 - used as a context manager
    def __init__(self, respond) -> None:  # type: ignore[no-untyped-def]
        self.respond = respond

    def __enter__(self) -> str:
        handler = type("H", (_Handler,), {"respond": staticmethod(self._wrap)})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/query"

    def _wrap(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        result = self.respond(handler)
        if result is None and not getattr(handler, "_sent", False):
            _reply(handler, 200, "application/sparql-results+json", b'{"head":{},"boolean":true}')

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _reply(handler, status: int, ctype: str, body: bytes) -> bool:  # type: ignore[no-untyped-def]
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
    handler._sent = True
    return True


def _slow(handler) -> bool:  # type: ignore[no-untyped-def]
    time.sleep(1.6)
    return _reply(handler, 200, "application/json", b"{}")


@pytest.mark.parametrize(
    ("respond", "message"),
    [
        (
            lambda h: _reply(h, 500, "text/plain", b"Store exploded: disk full"),
            "HTTP 500 Internal Server Error: Store exploded: disk full",
        ),
        (
            lambda h: _reply(h, 400, "text/plain", b"Parse error at 1:7"),
            "HTTP 400 Bad Request: Parse error",
        ),
        (lambda h: _reply(h, 403, "text/plain", b"go away"), "HTTP 403 Forbidden: go away"),
        (lambda h: _reply(h, 404, "text/html", b"<h1>nope</h1>"), "HTTP 404"),
        (lambda h: _reply(h, 200, "text/html", b"<html>login</html>"), "not SPARQL JSON results"),
        (lambda h: _reply(h, 200, "application/json", b'{"ok": 1}'), "not SPARQL results"),
        (_slow, "no answer within the timeout"),
    ],
    ids=["500", "400", "403", "404", "html", "json", "timeout"],
)
def test_endpoint_errors_are_one_line(capsys, respond, message) -> None:  # type: ignore[no-untyped-def]
    with _http(respond) as url:
        code, out, err = _cli(capsys, "talks", "--endpoint", url, "--timeout", "1")
    assert code == 2 and out == ""
    assert err.startswith(f"error: {url}: ") and message in err and err.count("\n") == 1, err


def test_refused_connection(capsys) -> None:  # type: ignore[no-untyped-def]
    url = f"http://127.0.0.1:{free_port()}/query"
    code, out, err = _cli(capsys, "talks", "--endpoint", url)
    assert code == 2 and out == ""
    assert err == f"error: {url}: connection refused (is the server running?)\n"


def test_a_stub_endpoint_answer_is_printed(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    def answer(handler) -> bool:  # type: ignore[no-untyped-def]
        body = {
            "head": {"vars": ["x"]},
            "results": {
                "bindings": [
                    {
                        "x": {
                            "type": "literal",
                            "value": "7",
                            "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                        }
                    }
                ]
            },
        }
        return _reply(handler, 200, "application/sparql-results+json", json.dumps(body).encode())

    query = tmp_path / "x.rq"  # an answer must have the query's variables (another: exit 2)
    query.write_text("SELECT ?x WHERE { ?x ?p ?o }\n", encoding="utf-8")
    with _http(answer) as url:
        code, out, _ = _cli(capsys, str(query), "--endpoint", url, "--format", "csv")
    assert code == 0 and out == "x\r\n7\r\n"


def test_construct_is_refused(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    query = tmp_path / "graph.rq"
    query.write_text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }\n")
    code, out, err = _cli(capsys, str(query))
    assert code == 2 and out == "" and "CONSTRUCT or DESCRIBE" in err


def test_table_fits_the_width() -> None:
    from kg.sparql.results import table

    results = run(PROBE, {"text": "a very long value " * 10}, store=local_store(Graph()))
    for width in (40, 80):
        lines = table(results, width=width).splitlines()
        assert all(len(line) <= width for line in lines)
        assert "…" in lines[2]


def test_in_process_timeout_stops_the_query(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    query = tmp_path / "slow.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }\n")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "kg", *ROOT, "query", str(query), "--timeout", "0.5"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "ran longer than --timeout 0.5 s" in done.stderr
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(
    ("param", "message"),
    [
        ("lang=xx-", "is not a language tag"),
        ("lang=", "is not a language tag"),
        ('lang=en" } DROP ALL #', "is not a language tag"),
        ("lang=ru-Latn", None),
    ],
)
def test_a_language_parameter_must_be_a_language_tag(capsys, param: str, message) -> None:  # type: ignore[no-untyped-def]
    # Before: `--param lang=xx-` (or '' or an injection attempt, safely bound) gave
    # exit 0 and empty label columns.
    code, out, err = _cli(capsys, "talks", "--param", param, "--format", "csv")
    if message is None:
        assert code == 0, err
    else:
        assert code == 2 and out == "" and message in err


@pytest.mark.parametrize("value", ["99999-01-01", "-0044-03-15"])
def test_a_date_parameter_outside_the_supported_years_says_so(capsys, value: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _cli(capsys, "cochairs-as-of", "--param", f"date={value}")
    assert code == 2 and "years 0001-9999 only" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "PREFIX ex: <http://ex/#>\nDROP ALL\n",
            "a SPARQL Update (INSERT, DELETE, DROP, …), not a query",
        ),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }\n", "a SPARQL Update"),
        ("", "the file holds no query"),
        ("# title: nothing yet\n\n", "the file holds no query"),
    ],
    ids=["drop", "insert", "empty", "comments"],
)
def test_an_update_or_an_empty_file_is_named_for_what_it_is(
    tmp_path, capsys, text, message
) -> None:  # type: ignore[no-untyped-def]
    # Before: Oxigraph's parser said "expected CONSTRUCT" or "expected [_]".
    query = tmp_path / "q.rq"
    query.write_text(text, encoding="utf-8")
    code, out, err = _cli(capsys, str(query))
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
