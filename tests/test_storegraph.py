"""The views over an Oxigraph store (kg.views.storegraph) equal those over an rdflib Graph."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from conftest import REPO, article_layout
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg import CKG
from kg.errors import UsageError
from kg.outputs.gexf import to_gexf, to_graphml
from kg.read.resources import Layout
from kg.read.store import load_store
from kg.views.network import VIEWS, build_view
from kg.views.storegraph import GraphIndex, StoreGraph, indexed
from kg.views.viewattrs import ATTRIBUTE_MEMOS, ATTRIBUTE_TERMS

Pair = tuple[StoreGraph, Graph]


def _pair(paths: list[Path]) -> Pair:
    graph = Graph()
    for path in paths:
        graph.parse(path)
    return StoreGraph(load_store(paths)), graph


def _files(layout: Layout) -> list[Path]:
    return [layout.ontology, *layout.data_files]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ~10k-triple synthetic graph from the benchmark generator."""
    sys.path.insert(0, str(REPO))
    try:
        gen = importlib.import_module("benchmarks.generate")
    finally:
        sys.path.remove(str(REPO))
    out = tmp_path_factory.mktemp("gen") / "g.nt"
    with out.open("w", encoding="utf-8") as stream:
        gen.generate(stream, triples=10_000, seed=3)
    return out


@pytest.fixture(scope="module", params=["article", "full", "generated"])
def pair(request: pytest.FixtureRequest, generated: Path) -> Pair:
    if request.param == "article":
        return _pair(_files(article_layout()))
    if request.param == "full":
        return _pair(_files(Layout.at(REPO)))
    return _pair([REPO / "ontology" / "conflict.ttl", generated])


def _view_data(view: nx.Graph) -> tuple[object, ...]:
    edges = sorted(
        (repr(e[:-1]), sorted(e[-1].items()))
        for e in view.edges(data=True, **({"keys": True} if view.is_multigraph() else {}))
    )
    nodes = sorted((n, sorted(d.items())) for n, d in view.nodes(data=True))
    return type(view), sorted(view.graph.items()), nodes, edges


@pytest.mark.parametrize("name", list(VIEWS))
def test_views_from_the_store_equal_views_from_rdflib(pair: Pair, name: str) -> None:
    store_graph, rdf_graph = pair
    from_store = build_view(store_graph, name)
    from_rdflib = build_view(rdf_graph, name)
    assert from_rdflib.number_of_edges() > 0
    assert _view_data(from_store) == _view_data(from_rdflib)
    assert list(from_store.nodes) == list(from_rdflib.nodes)  # same order: same files
    assert to_gexf(from_store) == to_gexf(from_rdflib)
    assert to_gexf(from_store, dynamic=True) == to_gexf(from_rdflib, dynamic=True)
    assert to_graphml(from_store) == to_graphml(from_rdflib)


@pytest.mark.parametrize(
    "when", [{"at": date(2020, 10, 10)}, {"between": (date(2010, 1, 1), date(2015, 12, 31))}]
)
def test_time_slices_agree(pair: Pair, when: dict[str, object]) -> None:
    store_graph, rdf_graph = pair
    for name in VIEWS:
        sliced = build_view(store_graph, name, **when)  # type: ignore[arg-type]
        assert _view_data(sliced) == _view_data(build_view(rdf_graph, name, **when))  # type: ignore[arg-type]


def _norm(terms: Iterable[object]) -> list[str]:
    """Terms as sortable text, blank nodes (labelled differently by each parser) as ``_:``."""
    return sorted("_:" if isinstance(t, BNode) else repr(t) for t in terms)


def _calls(graph: Graph, predicate: URIRef) -> Iterator[tuple[str, object]]:
    """What the views ask about ``predicate``, answered from ``graph`` (rdflib's answers)."""
    pairs = list(graph.subject_objects(predicate))
    yield "subject_objects", sorted((_norm([s]), _norm([o])) for s, o in pairs)
    for s in {s for s, _ in pairs if not isinstance(s, BNode)} | {CKG.nothing}:
        yield f"objects {s!r}", _norm(graph.objects(s, predicate))
    for o in {o for _, o in pairs if not isinstance(o, BNode)} | {CKG.nothing}:
        yield f"subjects {o!r}", _norm(graph.subjects(predicate, o))
    yield "subjects", _norm(set(graph.subjects(predicate, None)))
    yield "objects", _norm(set(graph.objects(None, predicate)))


def test_the_facade_answers_as_rdflib_does(pair: Pair) -> None:
    store_graph, rdf_graph = pair
    for name in VIEWS:
        build_view(store_graph, name)
    asked = [URIRef(p) for p in store_graph.indexed()]
    assert {RDF.type, RDFS.label, CKG.party, CKG.mediatedBy, CKG.attestedBy} <= set(asked)
    fresh = StoreGraph(store_graph.store)  # and answered before any view warmed it
    for predicate in asked:
        theirs = dict(_calls(rdf_graph, predicate))
        for graph in (store_graph, fresh):
            mine = dict(_calls(graph, predicate))  # type: ignore[arg-type]
            assert mine == theirs, predicate
    some = next(iter(rdf_graph.subject_objects(RDFS.subClassOf)))
    assert (some[0], RDFS.subClassOf, some[1]) in store_graph
    assert (some[0], RDFS.subClassOf, CKG.nothing) not in store_graph
    assert (None, RDFS.subClassOf, some[1]) in store_graph


def test_the_facade_holds_only_what_the_views_ask_for(pair: Pair) -> None:
    store_graph, _ = pair
    fresh = StoreGraph(store_graph.store)
    assert fresh.index_sizes() == {}
    for name in VIEWS:
        build_view(fresh, name)
    held = fresh.index_sizes()
    assert sum(held.values()) < len(store_graph.store)
    never_read = {CKG.quote, CKG.translation, CKG.sentenceIndex, RDFS.comment, CKG.publisher}
    assert not {str(p) for p in never_read} & set(held)
    for predicate, count in held.items():
        assert count == len(list(store_graph.store.quads_for_pattern(None, _ox(predicate), None)))


@pytest.mark.parametrize("name", ["actors", "belligerents"])
def test_a_view_that_releases_the_indexes_is_the_same_view(pair: Pair, name: str) -> None:
    """``release``: only the attributes' indexes are held beside the view, and it is unchanged."""
    store_graph, _ = pair
    shared = StoreGraph(store_graph.store)
    for earlier in VIEWS:  # as build does: the earlier views fill the indexes first
        build_view(shared, earlier)
    released = build_view(shared, name, release=True)
    assert set(shared.indexed()) <= {str(p) for p in ATTRIBUTE_TERMS}
    assert set(shared._memo) <= set(ATTRIBUTE_MEMOS)
    assert to_gexf(released, dynamic=True) == to_gexf(build_view(store_graph, name), dynamic=True)
    assert to_graphml(build_view(shared, name)) == to_graphml(released)  # refilled as needed


def _ox(iri: str) -> object:
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def test_calls_without_a_predicate_are_refused(pair: Pair) -> None:
    store_graph, _ = pair
    with pytest.raises(UsageError, match="predicate"):
        list(store_graph.objects(CKG.nothing))


def test_indexed_wraps_rdflib_once_and_keeps_an_indexed_graph() -> None:
    graph = Graph()
    wrapped = indexed(graph)
    assert isinstance(wrapped, GraphIndex) and indexed(wrapped) is wrapped
    store_graph = StoreGraph(load_store([]))
    assert indexed(store_graph) is store_graph


def test_memoised_answers_are_copies() -> None:
    from kg.views.network import node_attributes

    store_graph, _ = _pair(_files(article_layout()))
    first = node_attributes(store_graph, URIRef("https://w3id.org/conflict-kg/id/russia"))
    first["label"] = "changed"
    again = node_attributes(store_graph, URIRef("https://w3id.org/conflict-kg/id/russia"))
    assert again["label"] == "Russia"


def test_graph_files_from_the_store_equal_those_from_rdflib() -> None:
    from kg.outputs.graphs import graph_files, load_project_graph

    layout = article_layout()
    from_store = graph_files(StoreGraph(load_store(_files(layout))))
    from_rdflib = graph_files(load_project_graph(layout))
    assert sorted(from_store) == sorted(
        f"graphs/{name}{suffix}"
        for name in VIEWS
        for suffix in (".gexf", ".dynamic.gexf", ".graphml", ".png")
    )
    assert from_store == from_rdflib
