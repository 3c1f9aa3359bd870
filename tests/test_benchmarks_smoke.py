"""A small smoke run of the benchmark generator and runner (the benchmark itself is not a test)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import benchmark_module
from rdflib import Graph
from rdflib.compare import isomorphic

REPO = Path(__file__).resolve().parent.parent


_module = benchmark_module


def test_generator_is_deterministic_and_both_formats_agree() -> None:
    gen = _module("benchmarks.generate")
    runs = []
    for fmt in ("nt", "nt", "ttl"):
        out = io.StringIO()
        result = gen.generate(out, triples=3000, seed=5, fmt=fmt)
        runs.append((out.getvalue(), result))
    (nt1, r1), (nt2, _), (ttl, r3) = runs
    assert nt1 == nt2
    assert r1.triples == r3.triples >= 3000
    g_nt = Graph().parse(data=nt1, format="nt")
    assert len(g_nt) == r1.triples
    assert isomorphic(g_nt, Graph().parse(data=ttl, format="turtle"))
    other = io.StringIO()
    gen.generate(other, triples=3000, seed=6)
    assert other.getvalue() != nt1


def test_generator_streams_with_flat_memory(tmp_path: Path) -> None:
    peaks = []
    for size in (20_000, 200_000):
        code = (
            "import resource, sys; from benchmarks.generate import main; "
            f"main(['--triples', '{size}', '--out', sys.argv[1]]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        out = tmp_path / f"g{size}.nt"
        done = subprocess.run(
            [sys.executable, "-c", code, str(out)], cwd=REPO, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        peaks.append(int(done.stdout.split()[-1]))
        manifest = json.loads((tmp_path / f"g{size}.nt.violations.json").read_text())
        assert manifest["triples"] >= size
    assert peaks[1] < peaks[0] * 1.5  # ten times the triples, about the same memory


def test_generator_rejects_bad_sizes(tmp_path: Path) -> None:
    gen = _module("benchmarks.generate")
    with pytest.raises(SystemExit) as exc:
        gen.main(["--triples", "0", "--out", str(tmp_path / "x.nt")])
    assert exc.value.code == 2
    assert not (tmp_path / "x.nt").exists()


def test_runner_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = _module("benchmarks.run")
    results = tmp_path / "results.json"
    stages = [s for s in run.FAST + run.NAIVE if s not in ("validate-pyshacl", "naive-build")]
    argv = ["--sizes", "1500", "--repeat", "1", "--work-dir", str(tmp_path), "--json", str(results)]
    assert run.main([*argv, "--stages", *stages]) == 0
    rows = {r["stage"]: r for r in json.loads(results.read_text())}
    assert set(rows) == {"generate", *stages}
    assert all("error" not in r and "timeout" not in r for r in rows.values())
    assert rows["load"]["triples"] == rows["ox-bare"]["triples"] == rows["rdflib-parse"]["triples"]
    assert rows["validate-fast"]["findings"] == rows["validate-fast"]["planted"] == 18
    fast, slow = rows["queries-ox"]["queries"], rows["queries-rdflib"]["queries"]
    assert set(fast) == set(slow) and len(fast) >= 8
    assert {q: m["rows"] for q, m in fast.items()} == {q: m["rows"] for q, m in slow.items()}
    assert all(m["rows"] > 0 for m in fast.values())
    assert all(v["edges"] > 0 for v in rows["views"]["views"].values())
    assert rows["build"]["outputs"] > 2 and rows["build"]["validate_seconds"] >= 0
    printed = capsys.readouterr().out
    assert "x bare pyoxigraph" in printed and "| entity-relations |" in printed


def test_a_graph_without_planted_violations_passes_the_project_checks() -> None:
    """The clean graphs the peers are compared on: no project check may find anything."""
    import pyoxigraph as ox

    gen = _module("benchmarks.generate")
    out = io.StringIO()
    gen.generate(out, triples=30000, seed=1, violation_rate=0)
    store = ox.Store()
    store.load(out.getvalue().encode(), format=ox.RdfFormat.N_TRIPLES)
    for check in sorted((REPO / "queries" / "checks").glob("*-violation.rq")):
        rows = list(store.query(check.read_text(encoding="utf-8")))
        assert rows == [], f"{check.name}: {rows[:3]}"
