"""``conflict-kg build`` on a generated graph of a million triples (``pytest -m scale``).

Speed and memory are measured by ``python -m benchmarks.run`` (stage ``build``);
this checks that such a build completes and that what it writes is complete.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import benchmark_module

from kg.cli.main import main

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.scale
def test_million_triple_build_writes_every_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gen = benchmark_module("benchmarks.generate")
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "ontology").mkdir()
    for name in ("conflict.ttl", "shapes.ttl"):
        (root / "ontology" / name).write_bytes((REPO / "ontology" / name).read_bytes())
    gen.write_files(
        root / "data" / "synthetic.ttl", triples=1_000_000, seed=1, violation_rate=0.0, fmt="nt"
    )
    (root / "data" / "synthetic.ttl.violations.json").unlink()
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    with open(out / "conflict-kg.nt", "rb") as handle:
        assert sum(1 for _ in handle) == summary["triples"] >= 1_000_000
    for view in ("mediation", "cochair", "cochair-membership", "belligerents", "actors"):
        for suffix in ("gexf", "dynamic.gexf", "graphml"):
            assert (out / "graphs" / f"{view}.{suffix}").stat().st_size > 0
    assert any("actors.png not drawn" in note for note in summary["notes"])
    assert not (out / "graphs" / "actors.png").exists()
