"""The checked graph kept on disk: ``build`` leaves it, ``query``, ``why`` and ``serve`` reuse it.

``build`` writes an Oxigraph database into ``store/`` of its output directory
(``build/store/`` by default): the graph that ``query`` answers on (ontology and
data, blank nodes skolemised, :func:`kg.check.dataset.skolemize_store`), and a
stamp, ``stamp.json``, naming what it was built from (each input file's path,
size and modification time, and the SHA-256 of every file up to
:data:`HASH_LIMIT`), the conflict-kg version, the checker's options and
findings, and the size of each file of the database.

A command that reads the graph (:func:`kg.outputs.keepstore.checked_store`) opens
the database read-only when the stamp still matches the files (a ``stat`` per
input file, no parse: :func:`is_fresh`); otherwise it checks the project with the checker
of ``validate`` and ``build`` (:func:`kg.outputs.build_input.load_checked`: the
same findings at the same ``file:line:col``, the same exit status) and writes
a new database. The stamp goes into the new directory last, and the directory
replaces the old one in one swap (:func:`kg.outputs.outdir.replace_dir`), so a
killed writer leaves the old database or the new one, never a half-written one
taken as up to date; a database whose files do not have the sizes the stamp
lists, or that Oxigraph cannot open, is rebuilt.

Readers open the database read-only (any number at once); a writer never
writes into a published database, only into a new directory swapped in after,
so a reader keeps the database it opened (its files stay open) while a
``build`` replaces it.

Examples
--------
>>> from kg.read.resources import find_layout
>>> layout = find_layout()  # doctest: +SKIP
>>> is_fresh(default_location(layout), layout)  # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox

from kg import __version__
from kg.read.resources import Layout

if TYPE_CHECKING:  # the reuse path imports neither rdflib nor the checker
    from concurrent.futures import Future

    from kg.check.options import LintResult

FORMAT = 1
"""Version of the layout of the kept store; another version is rebuilt."""

STORE_DIR = "store"
"""The kept store's directory inside ``build``'s output directory."""

DB = "db"
STAMP = "stamp.json"

HASH_LIMIT = 1 << 20
"""Files up to this size (all curated files) are compared by content hash too."""

_UNSTABLE = ("LOG", "LOCK")
"""Database files that opening it may change: not compared."""

Tick = Callable[[str, int, int], None]


def default_location(layout: Layout) -> Path:
    """``build/store`` where ``build`` writes by default (see ``conflict-kg build --out``).

    Examples
    --------
    >>> default_location(Layout.at(Path("/repo"))).as_posix()
    '/repo/build/store'
    """
    out = Path.cwd() / "build" if layout.packaged else layout.root / "build"
    return out / STORE_DIR


def input_files(layout: Layout) -> list[Path]:
    """The files the checked graph and its findings depend on."""
    files = [layout.ontology, *([layout.shapes] if layout.shapes.is_file() else [])]
    files += list(layout.data_files)
    checks = layout.queries_dir / "checks"
    files += sorted(checks.glob("*.rq")) if checks.is_dir() else []
    return files


def _fingerprint(path: Path) -> list[Any]:
    info = path.stat()
    digest = None
    if info.st_size <= HASH_LIMIT:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return [str(path.resolve()), info.st_size, info.st_mtime_ns, digest]


def inputs_stamp(layout: Layout) -> dict[str, Any]:
    """What a store built now is built from (taken before the files are read)."""
    return {
        "format": FORMAT,
        "conflict-kg": __version__,
        "pyoxigraph": ox.__version__,
        "inputs": [_fingerprint(p) for p in input_files(layout)],
    }


def _db_files(db: Path) -> dict[str, int]:
    return {
        p.name: p.stat().st_size
        for p in sorted(db.iterdir())
        if p.is_file() and not p.name.startswith(_UNSTABLE)
    }


def read_stamp(location: Path) -> dict[str, Any] | None:
    """The stamp of the store at ``location``; None when missing or unreadable."""
    try:
        stamp = json.loads((location / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def is_fresh(location: Path, layout: Layout) -> bool:
    """Whether the store at ``location`` is whole and built from the files as they are now.

    Examples
    --------
    >>> is_fresh(Path("/nonexistent"), Layout.at(Path("/repo")))
    False
    """
    stamp = read_stamp(location)
    if stamp is None:
        return False
    findings = stamp.get("findings")
    if not isinstance(findings, dict) or findings.get("errors", 1) != 0:
        return False  # a failed check's, or not what write_stamp writes: damaged
    try:
        now = inputs_stamp(layout)
        if any(stamp.get(key) != value for key, value in now.items()):
            return False
        return bool(stamp.get("db")) and _db_files(location / DB) == stamp["db"]
    except OSError:  # a file vanished, or the store did
        return False


def reuse(location: Path, layout: Layout) -> ox.Store | None:
    """The kept store, opened read-only, when it is fresh; else None."""
    if not is_fresh(location, layout):
        return None
    try:
        return ox.Store.read_only(str(location / DB))
    except OSError:  # a corrupt database: rebuilt
        return None


def _findings(result: LintResult) -> dict[str, Any]:
    from kg.check.formats import as_json

    return {"errors": result.errors, "warnings": result.warnings, "report": as_json(result)}


def write_stamp(directory: Path, stamp: dict[str, Any], result: LintResult) -> None:
    """Write the stamp of the (closed) database in ``directory``: it is written last."""
    full = {**stamp, "findings": _findings(result), "db": _db_files(directory / DB)}
    with open(directory / STAMP, "w", encoding="utf-8") as handle:
        json.dump(full, handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())


T = TypeVar("T")


def resolved(value: T) -> Future[T]:
    """A future that holds ``value`` already.

    Examples
    --------
    >>> resolved(1).result()
    1
    """
    from concurrent.futures import Future  # with logging: not on the reuse path

    future: Future[T] = Future()
    future.set_result(value)
    return future


__all__ = [
    "DB",
    "FORMAT",
    "HASH_LIMIT",
    "STAMP",
    "STORE_DIR",
    "default_location",
    "input_files",
    "inputs_stamp",
    "is_fresh",
    "read_stamp",
    "resolved",
    "reuse",
    "write_stamp",
]
