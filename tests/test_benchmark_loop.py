"""The command-line query benchmark's overheads: the difference of medians and the paired one."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from conftest import benchmark_module


def test_cli_query_gives_the_overhead_of_medians_and_the_median_of_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = benchmark_module("benchmarks.loop")
    (tmp_path / "store" / "db").mkdir(parents=True)
    (tmp_path / "store" / "db" / "000001.sst").write_bytes(b"x" * 10)
    # per command: a first run, untimed, then three runs, each followed by its floor
    walls = iter([9.9, 0.100, 0.300, 0.200] * (len(loop.QUERIES) + 1))  # seconds
    floors = iter([50.0, 290.0, 60.0] * (len(loop.QUERIES) + 1))  # milliseconds
    written = {"wall": 1.0, "cpu": 1.0, "rss_mb": 1.0}

    monkeypatch.setattr(
        loop, "timed", lambda command: {"wall": next(walls), "cpu": 0.0, "rss_mb": 1.0}
    )
    monkeypatch.setattr(loop, "_kept", lambda data, tmp: (tmp_path, tmp_path / "store", written))
    monkeypatch.setattr(loop, "_values", lambda store, name: {"entity": "id:x"})
    monkeypatch.setattr(loop, "_floor", lambda store, name, values: next(floors))

    result = loop.cli_query(argparse.Namespace(data=tmp_path / "g.nt", repeat=3))

    for name in (*loop.QUERIES, "why"):
        assert result[f"{name}_ms"] == 200.0 and result[f"{name}_inprocess_ms"] == 60.0
        assert result[f"{name}_overhead_ms"] == 140.0  # 200 - 60: medians taken apart
        assert result[f"{name}_paired_overhead_ms"] == 50.0  # the median of 50, 10 and 140
