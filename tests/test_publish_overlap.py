"""``publish --store`` with no fresh kept store streams the data while it is checked.

The receiving store's own ingest takes nearly as long as the checks; one after
the other, a publish with no kept store could not come near the checks' time
(issue #13). On a store whose loader is all or nothing (Oxigraph 0.5's bulk
loader, pinned by ``tests/test_publish_bulk.py``), the data as loaded is sent as
soon as it is loaded, the rest (the ontology, the skolemised blank nodes, the
entailed triples) once the checks have passed — and when they fail the request
is cut off before its end, so the store keeps nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import kg.check.lint_store
import kg.sparql.publish_send
from kg.cli.main import main
from kg.outputs.published import published_ntriples
from kg.read.resources import find_layout
from kg.sparql.server import OxigraphServer

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def server(tmp_path: Path) -> Iterator[OxigraphServer]:
    with OxigraphServer(location=tmp_path / "target") as started:
        yield started


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What happened in which order: the checks ending, the data's first piece sent.

    The checks, once done, wait up to a minute for the first piece: on the
    small test data they may end before the graph read beside them is dumped,
    but a publish that sent nothing until they end would still be caught.
    """
    import threading

    seen: list[str] = []
    sent = threading.Event()
    checker = kg.check.lint_store.check_store_project

    def check(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return checker(*args, **kwargs)
        finally:
            sent.wait(60)
            seen.append("checked")

    pieces = kg.sparql.publish_send.streamed_pieces

    def streamed(*args, **kwargs):  # type: ignore[no-untyped-def]
        for number, piece in enumerate(pieces(*args, **kwargs)):
            if number == 0:
                seen.append("first piece sent")
                sent.set()
            yield piece

    monkeypatch.setattr("kg.outputs.build_input.check_store_project", check)
    monkeypatch.setattr("kg.sparql.publish_send.streamed_pieces", streamed)
    return seen


def _held(server: OxigraphServer, graph: str = "default") -> set[str]:
    """The triples of ``graph`` (``default``, or ``graph=`` and an escaped IRI) in the store."""
    from kg.sparql.http import request

    body = request(
        f"{server.store_url}?{graph}",
        body=None,
        headers={"Accept": "application/n-triples"},
        timeout=30,
        method="GET",
    )
    return {str(t) + " ." for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize("rules", [[], ["--no-entailed"]], ids=["entailed", "no-entailed"])
def test_a_cold_publish_sends_the_data_before_the_checks_end_and_the_store_gets_the_graph(
    server: OxigraphServer,
    events: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rules: list[str],
) -> None:
    argv = ["--root", str(REPO), "publish", "--store", server.store_url]
    argv += ["--endpoint", server.query_url, "--store-dir", str(tmp_path / "kept"), *rules]
    assert main(argv) == 0, capsys.readouterr().err
    assert events == ["first piece sent", "checked"]
    expected = {
        str(t) + " ."
        for t in ox.parse(published_ntriples(find_layout(REPO)), format=ox.RdfFormat.N_TRIPLES)
    }
    assert _held(server) == expected
    out = capsys.readouterr().out
    assert f"published {len(expected)} triples into the default graph" in out
    assert ("entailed triples into" in out) is not bool(rules)
    assert not (tmp_path / "kept").exists()  # publish writes no kept store


def test_data_that_fails_the_checks_is_cut_off_and_the_store_keeps_nothing(
    server: OxigraphServer,
    events: list[str],
    bad_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kg.sparql.http import request

    before = '<http://example.org/s> <http://example.org/p> "before" .'
    request(
        server.store_url + "?default",
        body=before.encode() + b"\n",
        headers={"Content-Type": "application/n-triples"},
        timeout=30,
    )
    argv = ["--root", str(bad_project), "publish", "--store", server.store_url]
    argv += ["--store-dir", str(tmp_path / "kept")]
    assert main(argv) == 1
    assert events == ["first piece sent", "checked"]  # the abort path was taken
    err = capsys.readouterr().err
    assert "error[shacl-MinCount]" in err and "1 error(s) found by the checks" in err
    assert _held(server) == {before}
    assert not (tmp_path / "kept").exists() or not any((tmp_path / "kept").iterdir())


def _blocked_checks(monkeypatch: pytest.MonkeyPatch, outcome: BaseException | None) -> Any:
    """``load_checked`` held until the returned event is set; then it passes or raises."""
    import threading

    import kg.outputs.published

    release = threading.Event()
    checker = kg.outputs.published.load_checked

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert release.wait(60)
        if outcome is not None:
            raise outcome
        return checker(*args, **kwargs)

    monkeypatch.setattr(kg.outputs.published, "load_checked", held)
    return release


def test_the_whole_graph_goes_early_and_every_other_part_waits_for_the_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kg.outputs.published import published_parts

    layout = find_layout(REPO)
    expected = sorted(published_ntriples(layout).splitlines())
    release = _blocked_checks(monkeypatch, None)
    parts = published_parts(layout, early=True)
    assert parts.early is not None
    head, rest = parts.early
    assert sorted(head.result(timeout=120).splitlines()) == expected  # before any check ended
    assert not any(f.done() for f in (rest, parts.graph, parts.entailed))
    release.set()
    assert rest.result(timeout=120) == b""
    assert sorted(parts.graph.result(timeout=120).splitlines()) == expected
    entailed = parts.entailed.result(timeout=120)
    assert entailed and not set(entailed.splitlines()) & set(expected)


def test_once_the_checks_pass_the_entailed_part_is_given_before_the_graphs_text_is_escaped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The body's last part (the entailed triples) is what the store waits for: it is given
    first, and the graph's own text (escaped by :class:`NTriplesText` in the thread that
    settles it, needed only to count what was sent once the store answers) after it."""
    import threading

    import kg.sparql.ntriples as ntriples
    from kg.outputs.published import published_parts
    from kg.sparql.ntriples import NTriplesText

    release = _blocked_checks(monkeypatch, None)
    parts = published_parts(find_layout(REPO), early=True)
    assert parts.early is not None
    sent = parts.early[0].result(timeout=120)
    escaping, go_on = threading.Event(), threading.Event()
    normal = ntriples._normal

    def held(data: bytes) -> bytes:
        if data == sent:  # the graph's text, not the entailed triples'
            escaping.set()
            go_on.wait(120)
        return normal(data)

    monkeypatch.setattr(ntriples, "_normal", held)
    counted = NTriplesText(parts.graph)  # as publish wraps it (kg.cli.publish)
    release.set()
    try:
        assert parts.entailed.result(timeout=30)  # while the graph's text is held
        assert escaping.wait(30)
    finally:
        go_on.set()
    assert len(counted) == sent.count(b"\n")


def test_when_the_checks_fail_every_part_after_the_early_one_raises_their_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kg.errors import DataError
    from kg.outputs.published import published_parts

    release = _blocked_checks(monkeypatch, DataError("1 error(s) found by the checks", []))
    parts = published_parts(find_layout(REPO), early=True)
    assert parts.early is not None
    release.set()
    for part in (parts.early[1], parts.graph, parts.entailed):
        with pytest.raises(DataError, match="found by the checks"):
            part.result(timeout=120)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("id:x a .", "syntax"),
        # the graph read beside the checks is lenient (kg.read.store.load_file): it
        # takes this IRI, and its dump may reach the store before the checks end
        ("<https://w3id.org/conflict-kg/data/a b> a <urn:x:State> .", "Invalid IRI"),
    ],
    ids=["syntax", "iri-only-the-checker-refuses"],
)
def test_a_syntax_error_cuts_the_body_off_and_reports_the_checks_findings(
    server: OxigraphServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    said: str,
) -> None:
    from conftest import GOOD_DATA, write_project

    broken = write_project(tmp_path / "proj", data={"a.ttl": GOOD_DATA, "b.ttl": text})
    argv = ["--root", str(broken), "publish", "--store", server.store_url]
    assert main([*argv, "--endpoint", server.query_url]) == 1
    err = capsys.readouterr().err
    assert "b.ttl:1:" in err and said in err and "Traceback" not in err
    assert _held(server) == set()
    assert not (broken / "build").exists()


def _waited_post(server: OxigraphServer, after: float) -> list[bytes]:
    """POST a head at once and the rest ``after`` seconds later; the pieces sent."""
    import threading
    from concurrent.futures import Future

    from kg.outputs.kept import resolved
    from kg.sparql.ntriples import NTriplesText
    from kg.sparql.publish_send import Part, gsp_post, streamed_pieces

    sent: list[bytes] = []
    head = resolved(b"<urn:s> <urn:p> <urn:o1> .\n")
    rest: Future[bytes] = Future()
    threading.Timer(after, rest.set_result, args=(b"<urn:s> <urn:p> <urn:o2> .\n",)).start()

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        for piece in streamed_pieces(*args, **kwargs):
            sent.append(piece)
            yield piece

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kg.sparql.publish_send.streamed_pieces", recorded)
        part = Part(None, NTriplesText(b""))
        gsp_post(server.store_url, [part], timeout=30, bulk=True, early=(head, rest))
    return sent


def test_while_the_checks_run_comment_lines_keep_the_body_moving(
    server: OxigraphServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.sparql.publish_send import WAITING

    monkeypatch.setattr("kg.sparql.publish_send.KEEP_ALIVE", 0.1)
    sent = _waited_post(server, 1.0)
    assert sent.count(WAITING) >= 5 and sent[0] != WAITING and sent[-1] != WAITING
    assert _held(server) == {"<urn:s> <urn:p> <urn:o1> .", "<urn:s> <urn:p> <urn:o2> ."}


@pytest.mark.scale
def test_checks_longer_than_the_servers_read_timeout_do_not_fail_the_publish(
    server: OxigraphServer,
) -> None:
    """Oxigraph's HTTP server gives up on a body after 60 s without a byte."""
    _waited_post(server, 75.0)
    assert _held(server) == {"<urn:s> <urn:p> <urn:o1> .", "<urn:s> <urn:p> <urn:o2> ."}


def test_a_part_still_being_made_is_awaited_with_comment_lines(
    server: OxigraphServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    from concurrent.futures import Future

    from kg.sparql.http import request
    from kg.sparql.ntriples import NTriplesText
    from kg.sparql.publish_send import WAITING, Part, gsp_post

    monkeypatch.setattr("kg.sparql.publish_send.KEEP_ALIVE", 0.1)
    sent: list[bytes] = []

    def recorded(url, *, body, **kwargs):  # type: ignore[no-untyped-def]
        sent.extend(body)
        return request(url, body=iter(sent), **kwargs)

    monkeypatch.setattr("kg.sparql.publish_send.request", recorded)
    rules: Future[bytes] = Future()  # the entailed triples, e.g., still being computed
    threading.Timer(1.0, rules.set_result, args=(b"<urn:s> <urn:p> <urn:o2> .\n",)).start()
    graph = Part(None, NTriplesText(b"<urn:s> <urn:p> <urn:o1> .\n"))
    gsp_post(server.store_url, [graph, Part("urn:g", NTriplesText(rules))], timeout=30, bulk=True)
    assert sent.count(WAITING) >= 5 and sent[0] != WAITING and sent[-1] != WAITING
    assert _held(server) == {"<urn:s> <urn:p> <urn:o1> ."}
    assert _held(server, "graph=urn%3Ag") == {"<urn:s> <urn:p> <urn:o2> ."}


def test_without_memory_for_a_second_store_the_checks_come_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The graph is read a second time only when the machine has room for it."""
    import kg.outputs.published as published

    layout = find_layout(REPO)
    size = sum(p.stat().st_size for p in (layout.ontology, *layout.data_files))
    enough = size * published.STORE_BYTES_PER_FILE_BYTE * published.SECOND_STORE_SHARE
    assert published.room_for_a_second_store(layout, memory=enough)
    assert not published.room_for_a_second_store(layout, memory=enough - 1)
    monkeypatch.setattr(published, "room_for_a_second_store", lambda layout: False)
    parts = published.published_parts(layout, early=True)
    assert parts.early is None and parts.graph.done()  # checked here, before it returns
    expected = sorted(published_ntriples(layout).splitlines())
    assert sorted(parts.graph.result().splitlines()) == expected


def test_a_file_changed_between_the_two_reads_is_not_published(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is sent must be what was checked: the second read sees an edit, so nothing goes."""
    import kg.outputs.published as published
    from kg.errors import LoadError
    from kg.read.resources import Layout

    layout = Layout.at(project)
    read = published._verified_store

    def edited_first(at: Layout) -> tuple[ox.Store, object]:
        data = at.data_files[0]
        data.write_text(data.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        return read(at)

    monkeypatch.setattr(published, "_verified_store", edited_first)
    parts = published.published_parts(layout, early=True)
    assert parts.early is not None
    for part in (parts.early[1], parts.graph, parts.entailed):
        with pytest.raises(LoadError, match="changed while publish checked and read them"):
            part.result(timeout=120)
