"""Scale checks on a generated graph of a million triples (``pytest -m scale``; minutes)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import benchmark_module

from kg.check.shacl.sparql import validate_fast
from kg.read.store import load_store

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology" / "conflict.ttl"
SHAPES = REPO / "ontology" / "shapes.ttl"


@pytest.mark.scale
def test_million_triples_load_and_validate_within_targets(tmp_path: Path) -> None:
    gen = benchmark_module("benchmarks.generate")
    data = tmp_path / "g1m.nt"
    result = gen.write_files(data, triples=1_000_000, seed=1, violation_rate=0.002, fmt="nt")
    t = time.perf_counter()
    store = load_store([ONTOLOGY, data])
    loaded = time.perf_counter()
    found = validate_fast(store, shapes=SHAPES)
    validated = time.perf_counter()
    assert len(store) >= 1_000_000
    assert validated - loaded <= 15, "validation of 1M triples must take at most 15 s"
    expected = {(v["focus"], v["component"]) for v in result.violations}
    assert {(str(f.focus), str(f.component)) for f in found} == expected
    assert loaded - t < 30
