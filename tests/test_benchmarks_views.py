"""A smoke run of ``python -m benchmarks.views`` (the benchmark itself is not a test)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO


def test_views_benchmark_prints_one_json_object_per_view_and_a_summary() -> None:
    data = REPO / "data" / "events.ttl"
    cmd = [sys.executable, "-m", "benchmarks.views", "--data", str(data), "--png"]
    cmd += ["--views", "mediation", "belligerents"]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=True, timeout=120)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r.get("view") for r in rows] == ["mediation", "belligerents", None]
    for row in rows[:2]:
        assert row["edges"] > 0 and row["nodes"] > 1
        for key in ("view", "gexf", "dynamic_gexf", "graphml", "png"):
            assert row[f"{key}_seconds"] >= 0
    summary = rows[-1]
    assert summary["triples"] > 0 and summary["peak_rss_mb"] > 0
    assert 0 < summary["indexed_pairs"] < summary["triples"]
