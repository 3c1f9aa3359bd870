"""The lines of a large N-Triples file sorted in bounded memory: sorted runs on disk, merged.

``build``'s child process that writes ``conflict-kg.nt`` (:mod:`kg.outputs.graphproc`)
sorts the store's dump. Holding every line at once took about 1 GB at 5M triples,
beside the views' growing indexes in the parent; here at most :data:`RUN_LINES`
lines are held: the file is read a run at a time, each run sorted and written to
a file of its own, and the runs are merged as they are read back
(:func:`heapq.merge`). The lines with a blank node are set apart and labelled
canonically (:func:`~kg.outputs.graphfiles.canonical_blank_nodes`), as
:func:`~kg.outputs.graphfiles.lines_sorted` does, so the order and bytes are
the same.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = Path(tmp) / "dump.nt"
...     _ = path.write_bytes(b"<urn:c> <urn:p> <urn:o> .\\n<urn:a> <urn:p> <urn:o> .\\n")
...     [line.decode() for line in sorted_file_lines(path, directory=Path(tmp), run_lines=1)]
['<urn:a> <urn:p> <urn:o> .', '<urn:c> <urn:p> <urn:o> .']
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.outputs.graphfiles import canonical_blank_nodes, lines_writer

RUN_LINES = 1 << 20
"""Lines sorted in memory at a time (about 180 MB of lines from a store's dump): a graph
of up to a million triples is sorted in one run, in memory, with no file written."""


def sorted_file_lines(
    path: Path, *, directory: Path, run_lines: int = RUN_LINES
) -> Iterator[bytes]:
    """The lines of the N-Triples file at ``path`` (without ``\\n``), sorted, empty ones dropped.

    Blank nodes are labelled canonically. The lines are taken to be distinct
    (a store's dump): none is looked for twice. The file is read whole before
    the first line is given, so it may then be written over. Runs go into a
    temporary directory under ``directory``, removed when the iterator ends or
    is closed.
    """
    with tempfile.TemporaryDirectory(prefix="runs-", dir=directory) as tmp:
        last, files, blank = _runs(path, Path(tmp), run_lines)
        with contextlib.ExitStack() as stack:
            handles = [stack.enter_context(open(f, "rb")) for f in files]
            ends = sorted(canonical_blank_nodes(set(blank)))  # "_:" may be in a literal
            yield from heapq.merge(*map(_lines, handles), last, ends)


def _runs(path: Path, directory: Path, size: int) -> tuple[list[bytes], list[Path], list[bytes]]:
    """Read ``path`` a run at a time: the last run sorted in memory, the others' files, and the
    lines with ``_:`` (set apart: their labels change)."""
    files: list[Path] = []
    blank: list[bytes] = []
    run: list[bytes] = []
    with open(path, "rb") as source:
        while chunk := list(itertools.islice(source, size)):
            if run:  # a run before this one: to disk
                files.append(_write_run(run, directory / f"{len(files)}.nt"))
            for i, line in enumerate(chunk):  # in place: one copy of each line at a time
                chunk[i] = line.rstrip(b"\n")
            blank += [line for line in chunk if b"_:" in line]
            run = [line for line in chunk if line and b"_:" not in line]
            del chunk
            run.sort()
    return run, files, blank


def write_lines(lines: Iterable[bytes], *handles: BinaryIO, batch: int = 1 << 12) -> None:
    """Write ``lines``, each ended by ``\\n``, to every one of ``handles``, ``batch`` at a time.

    For the lines of :func:`sorted_file_lines`, which come one at a time: no
    more than ``batch`` of them are joined at once.

    Examples
    --------
    >>> import io
    >>> out = io.BytesIO()
    >>> write_lines(iter([b"a", b"b"]), out, batch=1)
    >>> out.getvalue()
    b'a\\nb\\n'
    """
    lines = iter(lines)
    while part := list(itertools.islice(lines, batch)):
        text = b"\n".join(part) + b"\n"
        for handle in handles:
            handle.write(text)


def _write_run(run: list[bytes], path: Path) -> Path:
    with open(path, "wb") as out:
        lines_writer(run)(out)
    return path


def _lines(handle: BinaryIO) -> Iterator[bytes]:
    for line in handle:
        yield line[:-1]  # each written with its "\n"


__all__ = ["RUN_LINES", "sorted_file_lines", "write_lines"]
