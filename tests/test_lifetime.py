"""kg.read.lifetime: a command-line process leaves the checker's store unfreed at its exit.

Freeing a million-triple in-memory store takes about 0.4 s with Python's lock
held; ``validate`` and ``build`` used to spend it just before exiting.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.check.lint_store
import kg.outputs.build
from kg.cli.main import main
from kg.read import lifetime


@pytest.fixture
def command_line() -> Iterator[None]:
    """This test process behaves as ``conflict-kg`` does; turned off again after."""
    lifetime.leave_to_exit(leave=True)
    yield
    lifetime.leave_to_exit(leave=False)


def test_a_library_caller_gets_its_store_freed() -> None:
    store = ox.Store()
    before = sys.getrefcount(store)
    lifetime.done_with(store)
    assert sys.getrefcount(store) == before


def test_the_command_line_leaves_the_store_to_its_exit(command_line: None) -> None:
    store = ox.Store()
    before = sys.getrefcount(store)
    lifetime.done_with(store)
    try:
        assert sys.getrefcount(store) == before + 1  # so it is never dropped
    finally:
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(store))
    lifetime.done_with(None)  # no store (a syntax error): nothing to leave


def test_only_the_process_own_command_line_opts_in(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--version"]) == 0  # in-process, as the tests and library callers run it
    assert not lifetime.leaving()
    monkeypatch.setattr(sys, "argv", ["conflict-kg", "--version"])
    try:
        assert main() == 0  # as the console script and python -m kg call it
        assert lifetime.leaving()
    finally:
        lifetime.leave_to_exit(leave=False)
    capsys.readouterr()


def test_validate_and_build_are_done_with_the_checked_store(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[tuple[str, ox.Store | None]] = []
    for module in (kg.check.lint_store, kg.outputs.build):
        name = module.__name__
        monkeypatch.setattr(module, "done_with", lambda s, name=name: given.append((name, s)))
    assert main(["--root", str(project), "validate", "--no-reasoner"]) == 0
    out = tmp_path / "out"
    build = ["build", "--no-site", "--no-reasoner", "--out", str(out)]
    assert main(["--root", str(project), *build]) == 0
    assert [name for name, _ in given] == ["kg.check.lint_store", "kg.outputs.build"]
    triples = len((out / "conflict-kg.nt").read_bytes().splitlines())
    for _, store in given:  # the checker's store, whole: the data and the ontology
        assert isinstance(store, ox.Store)
        assert len(store) >= triples


def test_publish_is_done_with_its_in_memory_store_on_every_path(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.outputs.published
    from kg.outputs.keepstore import check_and_keep
    from kg.outputs.published import published_parts
    from kg.read.resources import Layout

    given: list[ox.Store | None] = []
    monkeypatch.setattr(kg.outputs.published, "done_with", given.append)
    layout, kept = Layout.at(project), tmp_path / "store"
    checked = published_parts(layout, entailed=False)  # no kept store: checked here
    text = checked.graph.result(timeout=120)
    assert len(given) == 1 and len(given[0] or ()) == len(text.splitlines())
    beside = published_parts(layout, entailed=False, kept=kept, early=True)  # read, and checked
    assert sorted(beside.graph.result(timeout=120).splitlines()) == sorted(text.splitlines())
    # the checker's store, and the graph read again beside the checks (the one sent)
    assert len(given) == 3 and [len(s or ()) for s in given[1:]] == [len(text.splitlines())] * 2
    assert check_and_keep(kept, layout)[1]
    fresh = published_parts(layout, entailed=False, kept=kept)  # the files, read again
    assert sorted(fresh.graph.result(timeout=120).splitlines()) == sorted(text.splitlines())
    assert len(given) == 4 and len(given[3] or ()) == len(text.splitlines())


def test_a_cold_query_leaves_the_checked_copy_once_the_database_is_written(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.outputs.keepstore
    from kg.outputs.keepstore import rebuild
    from kg.read.resources import Layout

    given: list[ox.Store | None] = []
    monkeypatch.setattr(kg.outputs.keepstore, "done_with", given.append)
    answering = rebuild(tmp_path / "store", Layout.at(project))
    assert len(given) == 1 and given[0] is not answering
    assert given[0] is not None and len(given[0]) >= len(answering)


def test_serve_runs_on_so_it_frees_what_it_is_done_with(
    command_line: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", "0"]) == 2  # refused at once
    assert not lifetime.leaving()
    capsys.readouterr()


def test_held_keeps_what_it_is_given_for_the_caller_to_let_go(command_line: None) -> None:
    store = ox.Store()
    before = sys.getrefcount(store)
    with lifetime.held() as stores:
        lifetime.done_with(store)
    assert stores == [store]  # neither left to the exit nor dropped
    stores.clear()
    assert sys.getrefcount(store) == before  # let go of: freed as usual


def test_a_cold_serve_frees_the_checked_copy_once_the_server_answers(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.cli.serve
    from kg.sparql.server import free_port

    seen: dict[str, object] = {}

    def serve_graph(graph: ox.Store, location: Path, port: int, *, ready: object) -> int:
        checked = getattr(ready, "__self__", None)  # the list that ready() empties
        assert isinstance(checked, list) and len(checked) == 1
        assert checked[0] is not graph and len(checked[0]) >= len(graph)
        assert callable(ready)
        ready()
        seen["after"] = list(checked)
        return 0

    monkeypatch.setattr(kg.cli.serve, "serve_graph", serve_graph)
    assert main(["--root", str(project), "serve", "--port", str(free_port())]) == 0
    assert seen == {"after": []}


def test_serve_graph_calls_ready_once_its_url_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.cli.serve import serve_graph
    from kg.sparql.server import free_port

    printed: list[str] = []

    def ready() -> None:
        printed.append(capsys.readouterr().out)
        raise KeyboardInterrupt  # as Ctrl-C: the server is stopped

    assert serve_graph(ox.Store(), tmp_path, free_port(), ready=ready) == 0
    assert len(printed) == 1 and "SPARQL query endpoint: http://127.0.0.1:" in printed[0]
