"""The sorting child (kg.outputs.linesort): a run at a time, the bytes of the in-memory sort."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.outputs.graphfiles import lines_sorted
from kg.outputs.linesort import sorted_file_lines

DUMP = "".join(
    f'<urn:s{(7 * i) % 11}> <urn:p{i % 3}> "é{i}\u2028x"@fr .\n'
    f'_:b{i % 2} <urn:q> <urn:s{i}> .\n<urn:t{i}> <urn:r> "a _: in a literal {i}" .\n'
    for i in range(10)
).encode()


@pytest.mark.parametrize("run_lines", [1, 2, 3, 7, 10_000])
def test_runs_merged_give_the_in_memory_sort_byte_for_byte(tmp_path: Path, run_lines: int) -> None:
    path = tmp_path / "dump.nt"
    path.write_bytes(DUMP + b"\n")  # an empty line too
    got = list(sorted_file_lines(path, directory=tmp_path, run_lines=run_lines))
    assert got == lines_sorted(DUMP)
    assert any(b"_:" in line for line in got) and "\u2028".encode() in b"".join(got)


def test_all_runs_but_the_last_are_on_disk_until_the_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.nt"
    path.write_bytes(DUMP)
    read = DUMP.count(b"\n")  # 30 lines, read 6 at a time: 5 runs
    lines = sorted_file_lines(path, directory=tmp_path, run_lines=6)
    first = next(lines)
    (runs,) = tmp_path.glob("runs-*")
    assert len(list(runs.iterdir())) == -(-read // 6) - 1  # all but the last on disk
    assert [first, *lines] == lines_sorted(DUMP)
    assert not list(tmp_path.glob("runs-*"))


def test_the_runs_go_when_the_reader_stops_early(tmp_path: Path) -> None:
    path = tmp_path / "dump.nt"
    path.write_bytes(DUMP)
    lines = sorted_file_lines(path, directory=tmp_path, run_lines=2)
    next(lines)
    lines.close()
    assert not list(tmp_path.glob("runs-*"))
