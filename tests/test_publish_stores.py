"""Publishing to real stores (Oxigraph server, Virtuoso) that refuse, drop or race.

Every failure must leave the target graph exactly as it was and no staging
graph behind; a refusal is one line naming the store's message.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import benchmark_module
from faultproxy import MESSAGE, fault_proxy
from rdflib import Graph, Literal, URIRef
from stores import TARGET, Store

from kg.cli.main import main
from kg.errors import EndpointError, UsageError
from kg.sparql.publish import ntriples_lines, publish

REPO = Path(__file__).resolve().parent.parent


def synthetic(tag: str, size: int) -> Graph:
    """``size`` triples that say which version (``tag``) they belong to."""
    graph = Graph()
    for i in range(size):
        graph.add(
            (URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/v"), Literal(tag))
        )
    return graph


OLD, NEW, NEWER = synthetic("old", 30), synthetic("new", 200), synthetic("newer", 150)


def _as_set(graph: Graph) -> set[tuple[str, str, str]]:
    return {(str(s), str(p), str(o)) for s, p, o in graph}


def _reset(store: Store) -> None:
    publish(OLD, update_url=store.update_url, target_graph=TARGET, replace=True)
    assert store.triples() == _as_set(OLD)


# 200 triples in batches of 50: request 1 is the first INSERT, 4 the last, 5 the MOVE
@pytest.mark.parametrize("fail_at", [1, 5])
@pytest.mark.parametrize("status", [400, 403, 500, 0], ids=["400", "403", "500", "dropped"])
def test_a_refusal_leaves_the_target_as_it_was(store: Store, status: int, fail_at: int) -> None:
    _reset(store)
    with (
        fault_proxy(store.update_url, fail_at=fail_at, status=status) as proxy,
        pytest.raises(EndpointError) as failure,
    ):
        publish(NEW, update_url=proxy.url, target_graph=TARGET, replace=True, batch_size=50)
    message = str(failure.value)
    assert "\n" not in message and message.startswith(proxy.url)
    assert (MESSAGE in message) if status else ("connection" in message or "closed" in message)
    assert store.triples() == _as_set(OLD)
    assert store.staging() == []


def test_a_request_too_large_is_split(store: Store) -> None:
    _reset(store)
    with fault_proxy(store.update_url, fail_at=1, status=413) as proxy:
        summary = publish(NEW, update_url=proxy.url, target_graph=TARGET, replace=True)
    assert summary.batches == 2  # 200 refused, then 100 + 100
    assert store.triples() == _as_set(NEW) and store.staging() == []


def test_always_too_large_fails_cleanly(store: Store) -> None:
    _reset(store)
    with (
        fault_proxy(store.update_url, fail_at=1, times=10_000, status=413) as proxy,
        pytest.raises(EndpointError, match="HTTP 413"),
    ):
        publish(NEW, update_url=proxy.url, target_graph=TARGET, replace=True)
    assert store.triples() == _as_set(OLD) and store.staging() == []


def test_updates_go_as_sparql_update_then_form_encoded(oxigraph: Store) -> None:
    _reset(oxigraph)
    with fault_proxy(oxigraph.update_url) as proxy:
        publish(NEW, update_url=proxy.url, target_graph=TARGET, replace=True)
    assert set(proxy.kinds) == {"application/sparql-update"}  # exactly, no parameters
    with fault_proxy(oxigraph.update_url, refuse_media=True) as proxy:
        publish(OLD, update_url=proxy.url, target_graph=TARGET, replace=True)
    assert proxy.kinds[0] == "application/sparql-update"
    assert set(proxy.kinds[1:]) == {"application/x-www-form-urlencoded"}
    assert oxigraph.triples() == _as_set(OLD)


def test_a_store_that_ignores_the_graph_parameter_is_caught(oxigraph: Store) -> None:
    # the Graph Store path is taken into an empty target (a POST is atomic there)
    publish([], update_url=oxigraph.update_url, target_graph=TARGET, replace=True)
    store_url = oxigraph.update_url.rsplit("/", 1)[0] + "/store"
    with fault_proxy(store_url, ignore_graph=True) as proxy:
        proxy_store = proxy.url.rsplit("/", 1)[0] + "/store"
        with pytest.raises(EndpointError) as failure:
            publish(
                NEW,
                update_url=oxigraph.update_url,
                store_url=proxy_store,
                query_url=oxigraph.query_url,
                target_graph=TARGET,
                replace=True,
            )
    assert str(failure.value) == (
        f"{oxigraph.query_url}: published 200 triples but the target graph holds 0"
    )
    assert oxigraph.triples() == set()


def test_virtuoso_needs_a_named_graph(virtuoso: Store) -> None:
    with pytest.raises(UsageError, match="is Virtuoso, whose default graph is the union"):
        publish(NEW, update_url=virtuoso.update_url)
    assert virtuoso.staging() == []


def test_virtuoso_takes_the_default_batch_size(virtuoso: Store) -> None:
    # 12,000 triples in one request exhaust Virtuoso's SPARQL compiler: split, then published
    big = synthetic("big", 12_000)
    summary = publish(big, update_url=virtuoso.update_url, target_graph=TARGET, replace=True)
    assert summary.batches > 2
    assert len(virtuoso.triples()) == 12_000 and virtuoso.staging() == []


ENTAILED = "http://example.org/entailed"


@pytest.mark.parametrize("fail", [False, True], ids=["sent", "refused"])
def test_a_replace_sends_only_the_changes(oxigraph: Store, fail: bool) -> None:
    publish(NEW, update_url=oxigraph.update_url, target_graph=TARGET, replace=True)
    edited = set(NEW)
    edited.remove(sorted(NEW)[0])
    edited.add(
        (URIRef("http://example.org/s0"), URIRef("http://example.org/v"), Literal("é\u2028"))
    )
    # requests through the proxy: the claim (1), the changes (2), the claim's removal (3)
    with fault_proxy(oxigraph.update_url, fail_at=2 if fail else 0, status=500) as proxy:
        urls = {"update_url": proxy.url, "query_url": oxigraph.query_url}
        if fail:
            with pytest.raises(EndpointError, match="HTTP 500"):
                publish(sorted(_lines(edited)), target_graph=TARGET, replace=True, **urls)
            assert oxigraph.triples() == _as_set(NEW) and oxigraph.staging() == []
            return
        summary = publish(sorted(_lines(edited)), target_graph=TARGET, replace=True, **urls)
    assert summary.method == "SPARQL Update, changes only" and summary.counted == 200
    assert oxigraph.triples() == {(str(s), str(p), str(o)) for s, p, o in edited}
    assert len(proxy.kinds) == 4  # the probe, the claim, one update of the changes, the release


def _lines(triples: set[tuple[Any, Any, Any]]) -> list[str]:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return ntriples_lines(graph)


@pytest.mark.parametrize("fail", [False, True], ids=["loads", "refused"])
def test_virtuoso_stages_by_graph_store_post(virtuoso: Store, fail: bool) -> None:
    _reset(virtuoso)
    extra = {"entailed": NEWER, "entailed_graph": ENTAILED, "replace": True}
    urls = {"update_url": virtuoso.update_url, "query_url": virtuoso.query_url}
    with fault_proxy(virtuoso.store_url, fail_at=2 if fail else 0, status=500) as proxy:
        crud = proxy.url
        if fail:  # the second staging graph's POST is refused: nothing changes
            with pytest.raises(EndpointError, match="HTTP 500"):
                publish(NEW, store_url=crud, target_graph=TARGET, **urls, **extra)
            assert virtuoso.triples() == _as_set(OLD) and virtuoso.staging() == []
            return
        summary = publish(NEW, store_url=crud, target_graph=TARGET, **urls, **extra)
    assert summary.method == "SPARQL Update with Graph Store staging" and summary.batches == 2
    assert virtuoso.triples() == _as_set(NEW) and virtuoso.triples(ENTAILED) == _as_set(NEWER)
    assert virtuoso.staging() == []


def test_unicode_line_separators_in_literals_survive(store: Store) -> None:
    # PA-X texts hold U+2028; N-Triples allows it raw in a literal, Python's
    # splitlines() does not: a triple cut there was refused by Virtuoso
    graph = Graph()
    for i, text in enumerate(["a\u2028b", "c\x85d", "e\u2029f", "g\rh", "i\x0bj\x1ck"]):
        graph.add(
            (URIRef(f"http://example.org/t{i}"), URIRef("http://example.org/v"), Literal(text))
        )
    publish(graph, update_url=store.update_url, target_graph=TARGET, replace=True, batch_size=2)
    assert store.triples() == _as_set(graph)


def test_the_cli_says_one_line_and_exits_2(oxigraph: Store, capsys: Any) -> None:
    _reset(oxigraph)
    with fault_proxy(oxigraph.update_url, fail_at=1, status=403) as proxy:
        argv = ["--root", str(REPO), "publish", "--update-endpoint", proxy.url]
        code = main([*argv, "--graph", TARGET, "--replace"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"error: {proxy.url}: HTTP 403 Forbidden: {MESSAGE}\n"
    assert oxigraph.triples() == _as_set(OLD)


def race(store: Store) -> set[tuple[str, str, str]]:
    """Two replacing publishes into TARGET at once; what the target holds after."""
    errors: list[BaseException] = []

    def one(graph: Graph) -> None:
        try:
            publish(
                graph, update_url=store.update_url, target_graph=TARGET, replace=True, batch_size=20
            )
        except EndpointError as exc:  # a clean failure is allowed; a lost graph is not
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(g,)) for g in (NEW, NEWER)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(errors) < 2, errors
    return store.triples()


def test_two_publishes_at_once_leave_one_complete_graph(store: Store) -> None:
    _reset(store)
    assert race(store) in (_as_set(NEW), _as_set(NEWER))
    assert store.staging() == []


@pytest.mark.scale
@pytest.mark.parametrize("name", ["oxigraph", "virtuoso"])
def test_twenty_races_never_lose_the_graph(name: str, request: pytest.FixtureRequest) -> None:
    store = request.getfixturevalue(name)
    wanted = (_as_set(OLD), _as_set(NEW), _as_set(NEWER))
    for trial in range(20):
        _reset(store)
        assert race(store) in wanted, trial
        assert store.staging() == [], trial


def test_the_cli_on_virtuoso_without_graph_says_why(virtuoso: Store, capsys: Any) -> None:
    code = main(["--root", str(REPO), "publish", "--update-endpoint", virtuoso.update_url])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "default graph is the union of all its graphs" in err and "--graph" in err
    assert virtuoso.staging() == []


def test_the_publish_benchmark_runs(capsys: Any) -> None:
    bench = benchmark_module("benchmarks.publish_stores")
    assert bench.main(["--root", str(REPO), "--runs", "1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["triples"] > 1000
    assert set(result["ratio_to_bulk"]) >= {"oxigraph-store", "oxigraph-update", "oxigraph-replace"}
    assert all(ratio > 0 for ratio in result["ratio_to_bulk"].values())
