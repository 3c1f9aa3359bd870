"""The checked graph kept on disk: ``build`` leaves it, ``query``, ``why`` and ``serve`` reuse it.

``build`` writes an Oxigraph database into ``store/`` of its output directory
(``build/store/`` by default): the graph that ``query`` answers on (ontology and
data, blank nodes skolemised, :func:`kg.check.dataset.skolemize_store`), and a
stamp, ``stamp.json``, naming what it was built from (each input file's path,
size and modification time, and the SHA-256 of every file up to
:data:`HASH_LIMIT`), the conflict-kg version, the checker's options and
findings, and the size of each file of the database.

A command that reads the graph (:func:`checked_store`) opens the database
read-only when the stamp still matches the files (a ``stat`` per input file,
no parse: :func:`is_fresh`); otherwise it checks the project with the checker
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
>>> store = checked_store(layout, default_location(layout))  # doctest: +SKIP
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg import __version__
from kg.read.resources import Layout

if TYPE_CHECKING:  # the reuse path imports neither rdflib nor the checker
    from kg.check.options import LintResult
    from kg.outputs.build_input import BuildInput
    from kg.outputs.keeping import Keeping

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
    if stamp is None or stamp.get("findings", {}).get("errors", 1) != 0:
        return False
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


def finish_store(
    keeping: Keeping,
    project: BuildInput,
    stamp: dict[str, Any],
    *,
    blank: list[ox.Quad] | None = None,
) -> None:
    """Complete the store ``keeping`` writes for ``project`` (ontology, blank nodes), then stamp it.

    The default graph of the database is then ``project.store``'s, blank nodes
    skolemised (:func:`kg.check.dataset.skolemize_store`); ``blank``: those
    triples taken from it already (:meth:`Keeping.blank_of`).
    """
    from kg.read.store import to_ox_quad

    db = keeping.finish(project.store, (to_ox_quad(t) for t in project.ontology), blank=blank)
    db.optimize()
    del db
    gc.collect()  # closes the database before its files are listed
    write_stamp(keeping.directory, stamp, project.result)


def check_and_keep(
    location: Path, layout: Layout, *, progress: Tick | None = None
) -> tuple[BuildInput, bool]:
    """Check the project as ``build`` does and write a new store at ``location``.

    Returns the checked project (its store in memory, blank nodes as loaded)
    and whether the store was written (not when ``location`` cannot be written:
    a read-only checkout, a full disk).

    Raises
    ------
    DataError
        The checks found errors (the findings of ``validate``); nothing is written.
    LoadError
        The ontology or shapes cannot be read.
    """
    project, kept = check_then_keep(location, layout, progress=progress)
    return project, kept.result()


def check_then_keep(
    location: Path, layout: Layout, *, progress: Tick | None = None
) -> tuple[BuildInput, Future[bool]]:
    """:func:`check_and_keep`, the store completed in a thread after the checks.

    The project is returned as soon as it is checked; the future tells whether
    the store was written (the caller waits for it before it exits). The
    project's store may be changed meanwhile (e.g. skolemised): what the kept
    store needs of it was taken before.
    """
    from kg.outputs.build_input import load_checked
    from kg.outputs.keeping import Keeping
    from kg.outputs.outdir import MARKER, Stage

    stamp = inputs_stamp(layout)
    done: Future[bool] = Future()
    try:
        if not location.parent.exists():  # a new build/ stays replaceable by build
            location.parent.mkdir(parents=True)
            (location.parent / MARKER).touch()
        stage = Stage(location)
    except OSError:  # a read-only checkout: the checked store in memory
        done.set_result(False)
        return load_checked(layout, progress=progress), done
    keeping = Keeping(stage.dir)
    try:
        project = load_checked(layout, progress=progress, loaded=keeping.start)
        (progress or (lambda stage, done, total: None))("keeping the checked store", 0, 0)
        if not keeping.started:  # the reference engines check without the store: read it now
            keeping.start(project.store)
        blank = keeping.blank_of(project.store)
    except BaseException:
        keeping.close()
        stage.discard()
        raise

    def keep() -> None:
        try:
            finish_store(keeping, project, stamp, blank=blank)
            stage.commit(checked=True)
            done.set_result(True)
        except OSError:  # a full disk: answered from memory, nothing kept
            done.set_result(False)
        except BaseException as error:
            done.set_exception(error)
        finally:
            keeping.close()
            stage.discard()

    threading.Thread(target=keep, name="keep-store").start()
    return project, done


def rebuild(location: Path, layout: Layout, *, progress: Tick | None = None) -> ox.Store:
    """Check the project as ``build`` does and write a new store at ``location``.

    Returns the store opened read-only; when ``location`` cannot be written
    (a read-only checkout), the checked store in memory, skolemised.

    Raises
    ------
    DataError, LoadError
        As :func:`check_and_keep`.
    """
    from kg.check.dataset import skolemize_store

    project, kept = check_and_keep(location, layout, progress=progress)
    if kept:
        return ox.Store.read_only(str(location / DB))
    skolemize_store(project.store)
    return project.store


def checked_store(location: Path, layout: Layout, *, progress: Tick | None = None) -> ox.Store:
    """The checked graph of ``layout``: the kept store when fresh, else rebuilt (see the module).

    Raises
    ------
    DataError, LoadError
        As :func:`rebuild`.
    """
    store = reuse(location, layout)
    return store if store is not None else rebuild(location, layout, progress=progress)


__all__ = [
    "DB",
    "FORMAT",
    "HASH_LIMIT",
    "STAMP",
    "STORE_DIR",
    "check_and_keep",
    "check_then_keep",
    "checked_store",
    "default_location",
    "input_files",
    "inputs_stamp",
    "is_fresh",
    "read_stamp",
    "rebuild",
    "reuse",
    "finish_store",
    "write_stamp",
]
