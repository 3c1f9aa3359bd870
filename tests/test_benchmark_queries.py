"""The benchmark's query library: every library query runs, with rows, on the generated graph."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from conftest import benchmark_module
from rdflib import Graph

from kg.read.store import load_store
from kg.sparql.library import list_queries
from kg.sparql.run import run_local

REPO = Path(__file__).resolve().parent.parent


_module = benchmark_module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = io.StringIO()
    _module("benchmarks.generate").generate(out, triples=4000, seed=3)
    path = tmp_path_factory.mktemp("g") / "g.nt"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_every_library_query_returns_rows_on_the_generated_graph(generated: Path) -> None:
    queries = _module("benchmarks.queries")
    store = load_store([REPO / "ontology" / "conflict.ttl", generated])
    benches = queries.library(lambda text: run_local(text, store=store))
    assert [b.name for b in benches] == [q.name for q in list_queries(REPO / "queries")]
    for bench in benches:
        for text in bench.texts:
            assert run_local(text, store=store)["results"]["bindings"], bench.name
    kinds = {b.name: b.kind for b in benches}
    assert {n for n, k in kinds.items() if k == "lookup"} == queries.LOOKUPS
    assert {"entity-relations", "sources-of-fact"} <= queries.LOOKUPS


def test_drawn_parameters_are_bound_terms_and_the_same_on_both_engines(generated: Path) -> None:
    queries = _module("benchmarks.queries")
    store = load_store([REPO / "ontology" / "conflict.ttl", generated])
    graph = Graph().parse(REPO / "ontology" / "conflict.ttl").parse(generated)
    fast = queries.library(lambda text: run_local(text, store=store))
    slow = queries.library(lambda text: run_local(text, graph=graph, engine="rdflib"))
    assert fast == slow
    (relations,) = [b for b in fast if b.name == "entity-relations"]
    assert len(relations.texts) == queries.PICKS
    assert all("VALUES (?entity) { (<https://w3id.org/" in t for t in relations.texts)


def test_measure_reports_median_p95_rows_and_stops_at_the_budget() -> None:
    queries = _module("benchmarks.queries")
    bench = queries.Bench("q", "analytic", ("SELECT ?x { VALUES ?x { 1 2 } }",))
    graph = Graph()
    timing = queries.measure(
        bench, lambda text: run_local(text, graph=graph, engine="rdflib"), repeat=9
    )
    assert timing["rows"] == 2 and timing["runs"] == 9
    assert 0 < timing["median_ms"] <= timing["p95_ms"]
    cut = queries.measure(bench, lambda text: run_local(text, graph=graph), repeat=9, budget=0)
    assert cut["runs"] == 1


def test_a_query_past_the_cap_is_given_up_and_reported_as_capped() -> None:
    queries = _module("benchmarks.queries")
    bench = queries.Bench("q", "analytic", ("SELECT ?x { VALUES ?x { 1 } }",))

    def slow(text: str) -> dict:  # type: ignore[type-arg]
        time.sleep(30)
        return run_local(text, graph=Graph(), engine="rdflib")

    started = time.monotonic()
    capped = queries.measure_capped(bench, slow, repeat=3, budget=60, cap=0.5)
    assert time.monotonic() - started < 10
    assert capped["capped"] and capped["rows"] == -1 and capped["median_ms"] == 500
    quick = lambda text: run_local(text, graph=Graph(), engine="rdflib")  # noqa: E731
    done = queries.measure_capped(bench, quick, repeat=3, budget=60, cap=30)
    assert done["rows"] == 1 and done["runs"] == 3 and "capped" not in done
