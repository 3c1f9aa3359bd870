"""``conflict-kg publish``: nothing is sent for invalid data; endpoint failures are one line."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from test_query_cli import _http, _reply

from kg.cli.main import main
from kg.outputs.kept import resolved
from kg.outputs.published import Published

REPO = Path(__file__).resolve().parent.parent


def test_invalid_data_is_not_published(bad_project, capsys) -> None:  # type: ignore[no-untyped-def]
    hits: list[str] = []
    with _http(lambda h: hits.append(h.path)) as url:
        code = main(["--root", str(bad_project), "publish", "--update-endpoint", url])
    assert code == 1 and hits == []
    err = capsys.readouterr().err
    assert "error[shacl-MinCount]" in err and "1 error(s) found by the checks" in err


@pytest.mark.parametrize(
    ("option", "value"),
    [("--update-endpoint", "file:///tmp/x"), ("--endpoint", "localhost:7878"), ("--store", "x")],
)
def test_non_http_urls_are_refused(capsys, option, value) -> None:  # type: ignore[no-untyped-def]
    argv = ["publish", "--update-endpoint", "http://127.0.0.1:9/update", option, value]
    assert main(["--root", str(REPO), *argv]) == 2
    assert f"{option} {value!r}: not an http(s) URL" in capsys.readouterr().err


def test_a_failing_update_endpoint_is_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    with _http(lambda h: _reply(h, 503, "text/plain", b"read-only mode")) as url:
        code = main(["--root", str(REPO), "publish", "--update-endpoint", url])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"error: {url}: HTTP 503 Service Unavailable: read-only mode\n"


def test_a_web_page_that_says_200_to_anything_is_no_update_endpoint(capsys) -> None:  # type: ignore[no-untyped-def]
    """A query page or any web page answers 200 to a POST; taking that for a stored
    graph would report a publish that never happened. A SPARQL 1.1 Update endpoint
    refuses an update that is not SPARQL; this one does not, so nothing is sent."""
    bodies: list[bytes] = []

    def page(handler) -> bool:  # type: ignore[no-untyped-def]
        bodies.append(handler.body)
        return _reply(handler, 200, "text/html", b"<html><body>Query</body></html>")

    with _http(page) as url:
        code = main(["--root", str(REPO), "publish", "--update-endpoint", url, "--no-entailed"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and url in err and "not SPARQL" in err, err
    assert not [b for b in bodies if b"INSERT" in b.upper()]  # no data was sent


def test_a_web_page_is_no_graph_store_either(capsys) -> None:  # type: ignore[no-untyped-def]
    """``--store`` at a page that answers 200 to everything: a Graph Store says 404 for
    the graph of this run, which no one has written; this page says it exists."""

    def page(handler) -> bool:  # type: ignore[no-untyped-def]
        return _reply(handler, 200, "text/html", b"<html><body>Query</body></html>")

    with _http(page) as url:
        store = url.replace("/query", "/store")
        code = main(["--root", str(REPO), "publish", "--store", store, "--no-entailed"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and store in err and "Graph Store" in err, err


def test_an_unreachable_store_fails_before_the_checks(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def not_now(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the project was checked before the endpoint was tried")

    monkeypatch.setattr("kg.cli.publish._parts", not_now)
    with socket.socket() as s:  # a port with nothing listening: bound, never listened on
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/update"
        code = main(["--root", str(REPO), "publish", "--update-endpoint", url])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "connection refused" in err and url in err


def test_store_alone_needs_no_update_endpoint(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        "kg.cli.publish._parts",
        lambda *a, **k: Published(
            resolved(b"<urn:a> <urn:b> <urn:c> .\n"),
            resolved(b"<urn:a> <urn:b> <urn:d> .\n"),
        ),
    )
    seen: list[tuple[str, str]] = []

    def store(h):  # type: ignore[no-untyped-def]
        if h.command == "HEAD":  # the graph of this run: absent, as in any Graph Store
            return _reply(h, 404, "text/plain", b"")
        seen.append((h.command, h.path))
        return _reply(h, 204, "text/plain", b"")

    with _http(store) as url:
        code = main(["--root", str(REPO), "publish", "--store", url, "--no-entailed"])
        assert code == 0, capsys.readouterr().err
        assert seen == [("POST", "/query?default")]
        # with the entailed triples: both graphs in one N-Quads POST of the dataset
        assert main(["--root", str(REPO), "publish", "--store", url]) == 0
    assert seen[1:] == [("POST", "/query")]


def test_no_endpoint_at_all_is_a_usage_error(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--root", str(REPO), "publish"]) == 2
    assert "--update-endpoint URL" in capsys.readouterr().err
