"""The exports byte for byte: a change to the views or writers that alters a file fails here.

The writers are tuned for speed (:mod:`kg.outputs.xmlcommon`); these digests pin
their bytes on a generated graph (``benchmarks.generate``, same seed, same
bytes) and on a hand-made view with awkward values, through both ways the
files are made: :func:`kg.outputs.graphs.graph_files` (bytes) and ``build``'s
streamed writers (:func:`kg.outputs.graphs.iter_graph_files`).

If a change to the output is intended, check the new files by eye (and with
``tests/test_export.py``), then update the digests.
"""

from __future__ import annotations

import gc
import hashlib
import io
import warnings
from pathlib import Path

import networkx as nx
import pytest
from conftest import REPO, benchmark_module

from kg.outputs.gexf import to_gexf, to_graphml
from kg.outputs.graphs import graph_files, iter_graph_files
from kg.outputs.outdir import write_file
from kg.read.store import load_store
from kg.views.storegraph import StoreGraph

GENERATED = {
    "actors.dynamic.gexf": "5a5d4e50d667e8b3ec2a",
    "actors.gexf": "d1ef7083020271aa96d7",
    "actors.graphml": "819f2717a3b65241ee94",
    "belligerents.dynamic.gexf": "9e96357fd7d4f0704399",
    "belligerents.gexf": "4e7083f53103f14094c6",
    "belligerents.graphml": "f40c3aac9522a4bfca55",
    "cochair-membership.dynamic.gexf": "8f4cb5a8d31a4be3a2d0",
    "cochair-membership.gexf": "61bbc5f668309c8472af",
    "cochair-membership.graphml": "cd7bcfaf2db548d3ccfb",
    "cochair.dynamic.gexf": "47380e0cd3a60824e52e",
    "cochair.gexf": "8e85bdbe5603769f6cf5",
    "cochair.graphml": "ad00d0dde8698334cc0a",
    "mediation.dynamic.gexf": "c8d0a6941fa4e2db2aa8",
    "mediation.gexf": "e2a50b1a92067446797e",
    "mediation.graphml": "a74155876cc6ea6b7729",
}
"""SHA-256 (first 20 hex digits) of each export of the generated graph."""

AWKWARD = {
    "gexf": "ce0300b9fac077629e5a",
    "dynamic.gexf": "12f904c05fc62391f896",
    "graphml": "e08e5af7798628babf7b",
}
"""The same of the hand-made view (:func:`_awkward`)."""


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:20]


@pytest.fixture(scope="module")
def store_graph(tmp_path_factory: pytest.TempPathFactory) -> StoreGraph:
    generate = benchmark_module("benchmarks.generate")
    path = tmp_path_factory.mktemp("golden") / "kg.nt"
    with path.open("w", encoding="utf-8") as out:
        generate.generate(out, triples=5000, seed=7, violation_rate=0)
    return StoreGraph(load_store([REPO / "ontology" / "conflict.ttl", path]))


@pytest.fixture(autouse=True)
def _no_png(monkeypatch: pytest.MonkeyPatch) -> None:
    """No PNG (matplotlib is slow and its bytes are not the writers')."""
    monkeypatch.setattr("kg.outputs.graphs.too_large", lambda view: "not drawn in this test")


def test_every_export_of_a_generated_graph_is_unchanged(store_graph: StoreGraph) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = graph_files(store_graph, prefix="")
    found = {name: _digest(content) for name, content in files.items()}
    assert found == GENERATED


def test_the_streamed_exports_are_the_same_bytes(store_graph: StoreGraph, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, content in iter_graph_files(StoreGraph(store_graph.store), prefix=""):
            with (tmp_path / name).open("w+b") as handle:
                write_file(handle, name, content)
                handle.seek(0)
                assert _digest(handle.read()) == GENERATED[name], name


def test_the_streamed_exports_leave_the_garbage_collector_as_they_found_it(
    store_graph: StoreGraph,
) -> None:
    """The collector is paused while the views stream, and enabled again at the end or on close."""
    assert gc.isenabled()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = iter_graph_files(StoreGraph(store_graph.store), prefix="")
        name, _ = next(files)
        assert not gc.isenabled(), name
        files.close()  # abandoned half way
        assert gc.isenabled()
        assert len(list(iter_graph_files(StoreGraph(store_graph.store), prefix=""))) == 15
    assert gc.isenabled()


def _awkward() -> nx.MultiDiGraph:
    view = nx.MultiDiGraph(view="awkward", description='a & b "c"', at="2020-01-01")
    view.add_node("urn:a?x=1&y=2", label='A "quoted" <b>\tline\nbreak\r', kind="State",
                  iri="urn:a?x=1&y=2", start="2001-02-03", flag=True, score=2.5)  # fmt: skip
    view.add_node("urn:b", label="Б ü 日本", kind="Person", iri="urn:b", count=3)
    view.add_node("urn:c", kind="Nothing", note=None)
    view.add_edge("urn:a?x=1&y=2", "urn:b", key="r1", relation="r & s", label="r & s",
                  weight=2.0, count=2, spells="2001-01-01/2001-12-31 | 2005-01-01/..",
                  symmetric=False, events="urn:e1 | urn:e2", status="")  # fmt: skip
    view.add_edge("urn:b", "urn:c", key="r2", relation="plain", spells="", weight=1)
    view.add_edge("urn:b", "urn:c", key="r3", relation='q"t', spells="../2010-05-05", count=1)
    view.add_edge("urn:c", "urn:c", key="loop", relation="self", extra=[1, 2])
    return view


def test_a_view_with_awkward_values_exports_unchanged() -> None:
    view = _awkward()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = {
            "gexf": _digest(to_gexf(view)),
            "dynamic.gexf": _digest(to_gexf(view, dynamic=True)),
            "graphml": _digest(to_graphml(view)),
        }
    assert found == AWKWARD


def test_the_generated_graph_is_the_one_pinned() -> None:
    generate = benchmark_module("benchmarks.generate")
    out = io.StringIO()
    generate.generate(out, triples=5000, seed=7, violation_rate=0)
    pinned = "cecf46ab76c620395995"  # ceasefires never dated after their documents
    assert _digest(out.getvalue().encode()) == pinned, "the generator changed: re-pin the digests"
