"""``build``'s graph files written by child processes (kg.outputs.graphproc): the same bytes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import ConflictKGError
from kg.outputs.graphfiles import Writer, sorted_ntriples, turtle_writer
from kg.outputs.graphproc import DUMP, graph_writers


def _written(writer: Writer) -> bytes:
    with tempfile.TemporaryFile() as handle:
        handle.write(b"")  # a real file: the child writes into its descriptor
        writer(handle)
        handle.seek(0)
        return handle.read()


def _store() -> ox.Store:
    store = ox.Store()
    text = "".join(
        f'<urn:s{i % 4}> <urn:p{i}> "é{i}\\u2028x"@fr .\n_:b{i % 2} <urn:q> <urn:s{i}> .\n'
        for i in range(9)
    )
    store.load(text.encode(), format=ox.RdfFormat.N_TRIPLES)
    return store


def test_the_children_write_what_the_functions_in_process_write(tmp_path: Path) -> None:
    store, prefixes = _store(), {"ex": "urn:", "fr": "urn:s"}
    nt, turtle = graph_writers(store, prefixes, directory=tmp_path)
    expected = sorted_ntriples(store)
    assert _written(nt) == expected and b"_:" in expected and "\u2028".encode() in expected
    out = _written(turtle)
    assert out == _written(turtle_writer(expected, prefixes)) and b"@prefix ex: <urn:>" in out


def test_a_child_that_fails_raises_one_line_naming_the_step(tmp_path: Path) -> None:
    nt, _ = graph_writers(_store(), {}, directory=tmp_path)
    (tmp_path / DUMP).unlink()  # the dump gone: the sorting child cannot read it
    failed = r"^writing the graph files failed \(sort\): \S.*"
    with pytest.raises(ConflictKGError, match=failed) as err:
        _written(nt)
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)


def test_a_child_imports_the_checkout_first_and_an_installed_kg_as_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import site

    import kg
    from kg.outputs import graphproc

    here = Path(kg.__file__).resolve().parent.parent
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    monkeypatch.setattr(site, "getsitepackages", lambda: ["/nowhere"])
    assert graphproc._child_env()["PYTHONPATH"].split(os.pathsep) == [str(here), "/elsewhere"]
    monkeypatch.setattr(site, "getsitepackages", lambda: [str(here)])
    assert graphproc._child_env()["PYTHONPATH"] == "/elsewhere"  # not before the stdlib
