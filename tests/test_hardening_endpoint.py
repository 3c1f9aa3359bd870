"""Issue #14 points 10 and 12: bad endpoint answers and slow servers are one line
(exit 2), and ``--timeout`` bounds the whole request, not each socket read.

The servers are threads of this test listening on 127.0.0.1 (a free port each).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.cli.main import main
from kg.errors import EndpointError
from kg.sparql.endpoint import run_remote
from kg.sparql.publish import count_triples

Reply = Callable[[socket.socket], None]


@contextmanager
def serving(reply: Reply, *, read_body: bool = True) -> Iterator[str]:
    """A raw TCP server answering every connection with ``reply``; yields its URL.

    ``read_body=False``: ``reply`` once the request's head is read, the body left unread.
    """
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=_handle, args=(conn, reply, read_body), daemon=True).start()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    finally:
        stop.set()
        thread.join()
        listener.close()


def read_head(conn: socket.socket) -> bytes | None:
    """Read up to the end of the request's head (and maybe some body); None if closed first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    return data


def _read_request(conn: socket.socket) -> None:
    """Read the request's head and its ``Content-Length`` body, however they were sent."""
    data = read_head(conn)
    if data is None:
        return
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return
        body += chunk


def _handle(conn: socket.socket, reply: Reply, read_body: bool) -> None:
    with conn:
        conn.settimeout(5)
        try:
            if read_body:
                _read_request(conn)  # all of it: unread bytes at close would reset the connection
            elif read_head(conn) is None:
                return
            reply(conn)
        except OSError:
            pass  # the client gave up: what the timeout tests want


def http(body: bytes, ctype: str = "application/sparql-results+json") -> Reply:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    return lambda conn: conn.sendall(head.encode() + body)


def drip(conn: socket.socket) -> None:
    """Valid headers, then a body of 1000 bytes sent one byte every 0.2 s."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    )
    for _ in range(1000):
        conn.sendall(b" ")
        time.sleep(0.2)


def drip_headers(conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000:
        conn.sendall(bytes([byte]))
        time.sleep(0.2)


BAD_ANSWERS = {
    "list": (http(b"[1, 2]"), "not SPARQL results (no 'head' object)"),
    "no-bindings": (http(b'{"head": {}, "results": []}'), "no 'results.bindings' list"),
    "cell-without-value": (
        http(b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri"}}]}}'),
        "a binding cell has no value",
    ),
    "cell-not-a-term": (
        http(b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": "a"}]}}'),
        "a binding cell has no RDF term type",
    ),
    "deep-json": (http(b"[" * 100_000), "not SPARQL JSON results"),
    "not-http": (lambda conn: conn.sendall(b"hello there\n"), "the answer is not HTTP"),
    "cut-short": (
        lambda conn: conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"),
        "the answer was cut short",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_ANSWERS))
def test_a_bad_answer_is_one_line(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    reply, message = BAD_ANSWERS[case]
    with serving(reply) as url:
        code = main(["query", "talks", "--endpoint", url, "--timeout", "5"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.startswith(f"error: {url}: ") and captured.err.count("\n") == 1
    assert message in captured.err


@pytest.mark.parametrize("reply", [drip, drip_headers], ids=["body", "headers"])
def test_timeout_bounds_the_whole_request(reply: Reply, capsys: pytest.CaptureFixture[str]) -> None:
    with serving(reply) as url:
        start = time.monotonic()
        code = main(["query", "talks", "--endpoint", url, "--timeout", "1"])
        took = time.monotonic() - start
    assert code == 2 and took < 10, took  # per socket read, 1000 bytes would take 200 s
    assert "no answer within the timeout (1 s for the whole request)" in capsys.readouterr().err


def test_publish_timeout_bounds_the_whole_request(capsys: pytest.CaptureFixture[str]) -> None:
    with serving(drip) as url:
        start = time.monotonic()
        code = main(["publish", "--update-endpoint", url, "--timeout", "1"])
        took = time.monotonic() - start
    assert code == 2 and took < 60, took  # validating the project, then one request (not 200 s)
    assert "no answer within the timeout" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-3"])
@pytest.mark.parametrize(
    "command",
    [
        ["query", "talks", "--endpoint", "http://127.0.0.1:9/query"],
        ["why", "id:russia", "--endpoint", "http://127.0.0.1:9/query"],
        ["publish", "--update-endpoint", "http://127.0.0.1:9/update"],
    ],
    ids=["query", "why", "publish"],
)
def test_timeout_must_be_positive_and_finite(
    command: list[str], value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, f"--timeout={value}"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "give a positive number of seconds" in err


@pytest.mark.parametrize("command", ["query", "why", "publish"])
def test_help_states_the_default_timeout(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert "(default 60)" in " ".join(capsys.readouterr().out.split())


MANY = b'{"n": {"type": "literal", "value": "many"}}'
COUNTS = {
    "not-a-number": b'{"head": {"vars": ["n"]}, "results": {"bindings": [' + MANY + b"]}}",
    "missing": b'{"head": {"vars": ["n"]}, "results": {"bindings": []}}',
    "no-n": b'{"head": {"vars": ["n"]}, "results": {"bindings": [{}]}}',
}


@pytest.mark.parametrize("case", sorted(COUNTS))
def test_a_bad_count_is_an_endpoint_error(case: str) -> None:
    with serving(http(COUNTS[case])) as url, pytest.raises(EndpointError, match="not a number"):
        count_triples(url, None, timeout=5)


def test_a_good_answer_still_reads() -> None:
    cell = b'{"x": {"type": "uri", "value": "urn:a"}}'
    body = b'{"head": {"vars": ["x"]}, "results": {"bindings": [' + cell + b"]}}"
    with serving(http(body)) as url:
        assert run_remote("SELECT ?x {}", endpoint=url, timeout=5)["results"]["bindings"] == [
            {"x": {"type": "uri", "value": "urn:a"}}
        ]


def test_a_failing_service_call_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    query = tmp_path / "service.rq"
    query.write_text(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/q> {{ ?s ?p ?o }} }}\n")
    assert main(["query", str(query)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: a SERVICE call failed: ") and err.count("\n") == 1


@pytest.mark.parametrize("url", ["http://[::1", "http://[zz]/q", "http://a b/q", "http://h\r\n/q"])
@pytest.mark.parametrize(
    "command",
    [
        ["query", "talks", "--endpoint"],
        ["why", "id:russia", "--endpoint"],
        ["publish", "--update-endpoint"],
        ["publish", "--store"],
    ],
    ids=["query", "why", "publish-update", "publish-store"],
)
def test_a_malformed_url_is_one_line(
    command: list[str], url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: ValueError (Invalid IPv6 URL, ipaddress) or http.client.InvalidURL tracebacks.
    assert main([*command, url]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1
    assert "not an http(s) URL" in captured.err and "\r" not in captured.err


WRONG_SHAPES = {
    "ask": http(b'{"head": {}, "boolean": true}'),
    "other-variables": http(
        b'{"head": {"vars": ["x"]}, "results": {"bindings": '
        b'[{"x": {"type": "uri", "value": "urn:x"}}]}}'
    ),
}


@pytest.mark.parametrize("case", sorted(WRONG_SHAPES))
@pytest.mark.parametrize(
    "command", [["why", "id:russia"], ["query", "talks"]], ids=["why", "query"]
)
def test_results_of_another_shape_are_one_line(
    case: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: why raised KeyError ('results', 'predicate'); query printed `true` or
    # columns the query does not have, with exit 0.
    with serving(WRONG_SHAPES[case]) as url:
        code = main([*command, "--endpoint", url, "--timeout", "5"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == "" and "Traceback" not in captured.err
    assert captured.err.startswith(f"error: {url}: ") and captured.err.count("\n") == 1


def redirect(conn: socket.socket) -> None:
    conn.sendall(
        b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\n"
        b"Content-Length: 0\r\nConnection: close\r\n\r\n"
    )


@pytest.mark.parametrize(
    "command",
    [["query", "talks", "--endpoint"], ["publish", "--update-endpoint"]],
    ids=["query", "publish"],
)
def test_a_redirect_is_not_taken_for_an_answer(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: publish said "published 3914 triples" (exit 0) to an update endpoint that
    # answered 302, with nothing stored; query called the empty body "not SPARQL JSON".
    with serving(redirect) as url:
        code = main([*command, url, "--timeout", "5"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == "" and "published" not in captured.err
    assert captured.err.startswith(f"error: {url}: HTTP 302") and captured.err.count("\n") == 1
    assert "http://127.0.0.1:1/elsewhere" in captured.err


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_control_characters_from_a_store_never_reach_the_terminal(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: ESC[31m and an OSC title-setter in a store's literal were printed raw.
    value = "red\\u001b[31m\\u001b]0;owned\\u0007\\u009b"
    body = (
        '{"head": {"vars": ["x"]}, "results": {"bindings": '
        f'[{{"x": {{"type": "literal", "value": "{value}"}}}}]}}}}'
    ).encode()
    query = tmp_path / "x.rq"
    query.write_text("SELECT ?x WHERE { ?x ?p ?o }\n", encoding="utf-8")
    with serving(http(body)) as url:
        code = main(["query", str(query), "--endpoint", url, "--format", fmt])
    out = capsys.readouterr().out
    assert code == 0
    assert not any(c in out for c in "\x1b\x07\x9b")
    assert "red\\u001b[31m\\u001b]0;owned\\u0007\\u009b" in out
