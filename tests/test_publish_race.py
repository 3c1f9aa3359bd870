"""Publishes from processes that share no lock: the store arbitrates (its claims graph).

Oxigraph does not isolate two writers (a transaction reads a snapshot and
writes blindly), so two replacing publishes from two machines used to leave
both new graphs mixed. Here each publish runs in its own process with its own
temporary directory (no shared lock file), as on two machines.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from stores import TARGET, Store
from test_publish_stores import NEWER, OLD, _as_set, synthetic

from kg.errors import EndpointError
from kg.sparql.publish import publish
from kg.sparql.publish_claim import CLAIMS
from kg.sparql.update import UpdateClient

REPO = Path(__file__).resolve().parent.parent

CHILD = """
import os, signal, sys
from rdflib import Graph, Literal, URIRef
from kg.sparql.publish import publish
tag, size, update, query, kill_at = sys.argv[1], int(sys.argv[2]), *sys.argv[3:5], int(sys.argv[5])
graph = Graph()
for i in range(size):
    graph.add((URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/v"), Literal(tag)))
def killed(number, total):
    if number == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
publish(graph, update_url=update, query_url=query, target_graph=sys.argv[6], replace=True,
        batch_size=int(sys.argv[7]), timeout=60, on_batch=killed)
"""


def child(
    store: Store, tag: str, size: int, tmp: Path, *, kill_at: int = 0, batch: int = 10
) -> subprocess.Popen[str]:
    """A publish in a process of its own, with a temporary directory of its own."""
    own = tmp / f"{tag}-{os.urandom(4).hex()}"
    own.mkdir()
    env = {**os.environ, "TMPDIR": str(own), "PYTHONPATH": str(REPO)}
    argv = [tag, str(size), store.update_url, store.query_url, str(kill_at), TARGET, str(batch)]
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *argv], env=env, stderr=subprocess.PIPE, text=True
    )


def claims(store: Store) -> set[tuple[str, str, str]]:
    return store.triples(CLAIMS)


def _replace(store: Store, graph: Graph, **options: Any) -> None:
    """Publish ``graph`` over the target graph through the store's update endpoint."""
    publish(
        graph,
        update_url=store.update_url,
        query_url=store.query_url,
        target_graph=TARGET,
        replace=True,
        **options,
    )


def _reset(store: Store) -> None:
    _replace(store, OLD)
    assert store.triples() == _as_set(OLD)


def test_two_processes_without_a_shared_lock_leave_one_graph(store: Store, tmp_path: Path) -> None:
    # 3,000 triples each in 3 batches: the final requests overlap; without the
    # store's arbitration Oxigraph held both graphs mixed in 5 trials of 5
    versions = [_as_set(synthetic(tag, 3000)) for tag in ("new", "newer")]
    for trial in range(3):
        _reset(store)
        runs = [child(store, tag, 3000, tmp_path, batch=1000) for tag in ("new", "newer")]
        errors = [run.communicate(timeout=120)[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], errors
        assert store.triples() in versions, trial
        assert store.staging() == [] and claims(store) == set()


def test_a_killed_publish_leaves_the_target_and_names_what_it_left(
    store: Store, tmp_path: Path
) -> None:
    _reset(store)
    killed = child(store, "new", 200, tmp_path, kill_at=3)
    killed.communicate(timeout=120)
    assert killed.returncode == -9
    assert store.triples() == _as_set(OLD)
    left = store.staging()
    assert len(left) == 1
    with pytest.raises(EndpointError) as busy:
        _replace(store, NEWER, timeout=1)
    message = str(busy.value)
    assert "\n" not in message and "another publish" in message and left[0] in message
    assert store.triples() == _as_set(OLD)
    cleanup = message.split("with the update ", 1)[1].rstrip(")")
    UpdateClient(store.update_url, timeout=30).send(cleanup)
    assert store.staging() == [] and claims(store) == set()
    _replace(store, NEWER)
    assert store.triples() == _as_set(NEWER)
