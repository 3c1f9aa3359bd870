"""``build`` writes each output as its step gives it, and swaps the directory in whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.outputs.build import BuildInput, build, graph_step
from kg.read.resources import Layout

REPO = Path(__file__).resolve().parent.parent


def _stage(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.new-*"))


def test_each_output_is_on_disk_before_the_next_is_made(tmp_path: Path) -> None:
    out = tmp_path / "build"
    seen: list[list[str]] = []

    def two(project: BuildInput) -> Iterator[tuple[str, bytes]]:
        yield "graphs/a.txt", b"a"
        (stage,) = _stage(out)  # the first is written (not held) when the second is made
        seen.append(sorted(p.name for p in (stage / "graphs").iterdir()))
        yield "graphs/b.txt", b"b"

    summary = build(Layout.at(REPO), out_dir=out, steps=[two])
    assert seen == [["a.txt"]]
    assert (out / "graphs" / "b.txt").read_bytes() == b"b"
    assert sorted(p.name for p in summary.outputs) == ["a.txt", "b.txt", "store"]
    assert _stage(out) == []


def test_a_step_failing_after_others_wrote_leaves_the_old_outputs(tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(Layout.at(REPO), out_dir=out, steps=[graph_step])
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert (out / "store").is_dir()  # the kept store, a directory

    def broken(project: BuildInput) -> Iterator[tuple[str, bytes]]:
        yield "x.txt", b"x"
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        build(Layout.at(REPO), out_dir=out, steps=[graph_step, broken])
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, "store"])
    assert _stage(out) == []


def test_a_step_whose_output_fails_to_write_is_closed(tmp_path: Path) -> None:
    """Its ``finally`` runs at once (the views resume the garbage collector there)."""
    closed: list[str] = []

    def boom(stream: object) -> None:
        raise RuntimeError("boom")

    def step(project: BuildInput) -> Iterator[tuple[str, object]]:
        try:
            yield "graphs/a.txt", boom
            yield "graphs/b.txt", b"b"
        finally:
            closed.append("closed")

    with pytest.raises(RuntimeError, match="boom"):
        build(Layout.at(REPO), out_dir=tmp_path / "build", steps=[step], keep_store=False)
    assert closed == ["closed"]
