"""``build``'s graph files made by a Python process of their own, beside the views.

Sorting a million N-Triples lines and writing them again as Turtle is Python
work (:mod:`kg.outputs.graphfiles`): in ``build``'s process it shares Python's
lock with the views, so the two take turns on one core. Here the default
graph is dumped to a file by Oxigraph (no lock), and each output is written
by a child process (``python -m kg.outputs.graphproc``) straight into the
output file: the same functions, so the same bytes, on the other core.

1. ``sort DUMP``: the lines of ``DUMP`` sorted as :func:`~kg.outputs.graphfiles.sorted_lines`
   sorts a store's (blank nodes labelled canonically), a run of lines at a time
   (:mod:`kg.outputs.linesort`), written to standard output and back into ``DUMP``;
2. ``turtle FILE PREFIXES``: the sorted N-Triples of ``FILE`` as Turtle
   (:func:`~kg.outputs.graphfiles.turtle_writer`), ``PREFIXES`` as JSON.

Examples
--------
>>> import io, tempfile
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("urn:b"), ox.NamedNode("urn:p"), ox.Literal("x")))
>>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("y")))
>>> with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as out:
...     nt, _ = graph_writers(store, {}, directory=Path(tmp))
...     nt(out)
...     _ = out.seek(0)
...     out.read().decode().splitlines()
['<urn:a> <urn:p> "y" .', '<urn:b> <urn:p> "x" .']
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

import kg
from kg.errors import ConflictKGError
from kg.outputs.graphfiles import Writer, turtle_writer
from kg.outputs.linesort import sorted_file_lines, write_lines

DUMP = "default-graph.nt"
"""The dump's name in the working directory given to :func:`graph_writers`."""


def graph_writers(
    store: ox.Store, prefixes: Mapping[str, str], *, directory: Path
) -> tuple[Writer, Writer]:
    """Writers of the sorted N-Triples and the Turtle of ``store``'s default graph.

    The graph is dumped now into ``directory`` (which must exist and stay
    until both writers have run, in this order); each writer then runs its
    child process into the handle it is given.

    Raises
    ------
    OSError
        The dump cannot be written (a full disk).
    ConflictKGError
        Raised by a writer whose process fails, with the process's last line.
    """
    dump = directory / DUMP
    store.dump(str(dump), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    shown = json.dumps(dict(prefixes))

    def nt(handle: BinaryIO) -> None:
        _run(["sort", str(dump)], handle)

    def turtle(handle: BinaryIO) -> None:
        _run(["turtle", str(dump), shown], handle)

    return nt, turtle


def _run(args: list[str], handle: BinaryIO) -> None:
    """Run this module in a child process with ``args``, its standard output ``handle``."""
    handle.flush()
    done = subprocess.run(
        [sys.executable, "-m", "kg.outputs.graphproc", *args],
        stdout=handle.fileno(),
        stderr=subprocess.PIPE,
        env=_child_env(),
        check=False,
    )
    if done.returncode:
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise ConflictKGError(
            f"writing the graph files failed ({args[0]}): {last}; the outputs were not changed"
        )


def _child_env() -> dict[str, str]:
    """The environment of a child: it imports this very copy of kg.

    A checkout (not an installed package) is put first on ``PYTHONPATH``; an
    installed kg is found by the interpreter anyway, and its directory is not
    put before the standard library.
    """
    env = dict(os.environ)
    here = Path(kg.__file__).resolve().parent.parent
    sites = [*site.getsitepackages(), site.getusersitepackages()]
    if here not in {Path(p).resolve() for p in sites}:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(here), env.get("PYTHONPATH")) if p)
    return env


def main(argv: list[str]) -> int:
    """The child process: ``sort DUMP`` or ``turtle FILE PREFIXES`` (see the module)."""
    out = sys.stdout.buffer
    if argv[0] == "sort":
        dump = Path(argv[1])
        lines = sorted_file_lines(dump, directory=dump.parent)  # a run at a time
        again = dump.with_name("sorted-" + dump.name)
        with open(again, "wb") as copy:  # for the Turtle, which follows the sorted lines
            write_lines(lines, out, copy)
        out.flush()
        os.replace(again, dump)
    else:
        turtle_writer(Path(argv[1]), json.loads(argv[2]))(out)  # parsed as it is read
        out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))


__all__ = ["DUMP", "graph_writers", "main"]
