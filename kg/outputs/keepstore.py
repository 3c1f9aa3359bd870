"""Write the kept store for a command: check the project, keep its store, reuse it when fresh.

:func:`checked_store` is what ``query``, ``why``, ``export``, ``plot`` and ``serve``
ask for: the kept store when its stamp matches the files (:func:`kg.outputs.kept.reuse`,
no parse), else :func:`rebuild`, which checks the project with the checker of
``validate`` and ``build`` (:func:`check_and_keep`: the same findings, the same exit
status) and writes a new store (:class:`kg.outputs.keeping.Keeping`).
:func:`finish_later` completes the store in a thread of its own after the checks,
while ``build`` writes its outputs. The checker is imported only when a store is
to be written: the reuse path stays a ``stat`` per input file.

Examples
--------
>>> from kg.read.resources import find_layout
>>> from kg.outputs.kept import default_location
>>> layout = find_layout()  # doctest: +SKIP
>>> store = checked_store(layout, default_location(layout))  # doctest: +SKIP
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import UsageError
from kg.outputs.kept import DB, STAMP, Tick, inputs_stamp, reuse, write_stamp
from kg.read.lifetime import done_with
from kg.read.resources import Layout

if TYPE_CHECKING:  # the reuse path imports neither rdflib nor the checker
    from concurrent.futures import Future

    from kg.outputs.build_input import BuildInput
    from kg.outputs.keeping import Keeping


def finish_store(
    keeping: Keeping,
    project: BuildInput,
    stamp: dict[str, Any],
) -> None:
    """Complete the store ``keeping`` writes for ``project`` (ontology, blank nodes), then stamp it.

    The default graph of the database is then ``project.store``'s, blank nodes
    skolemised (:func:`kg.check.dataset.skolemize_store`).
    """
    from kg.read.store import to_ox_quad

    db = keeping.finish(project.store, (to_ox_quad(t) for t in project.ontology))
    db.optimize()
    del db
    gc.collect()  # closes the database before its files are listed
    write_stamp(keeping.directory, stamp, project.result)


def refuse_foreign(location: Path) -> None:
    """Raise unless ``location`` may take a new kept store: absent, an empty directory,
    or a kept store (its database and stamp alone, or the build marker). A store is swapped in
    whole, so anything else there would be lost (``--store-dir data`` would empty ``data/``).

    Raises
    ------
    UsageError
        ``location`` is a file, or a directory of files conflict-kg did not write.

    Examples
    --------
    >>> import tempfile
    >>> refuse_foreign(Path(tempfile.mkdtemp()) / "new")
    """
    from kg.outputs.outdir import MARKER

    if not location.exists() and not location.is_symlink():
        return
    if location.is_symlink() or not location.is_dir():
        raise UsageError(
            f"--store-dir {location}: is a file or a symbolic link, not a directory; give a "
            "new or empty directory "
            "for the kept store (build keeps it in build/store)"
        )
    found = sorted(p.name for p in location.iterdir() if p.name not in (MARKER, DB, STAMP))
    if found and not (location / MARKER).is_file():
        shown = ", ".join(found[:3]) + (" …" if len(found) > 3 else "")
        raise UsageError(
            f"--store-dir {location}: holds files conflict-kg did not write ({shown}), "
            "which the kept store would replace; give a new or empty directory"
        )


def check_and_keep(
    location: Path, layout: Layout, *, progress: Tick | None = None
) -> tuple[BuildInput, bool]:
    """Check the project as ``build`` does and write a new store at ``location``.

    The kept store's loader reads the data files beside the checker's own load
    (:class:`kg.outputs.keeping.Keeping`); once the checks pass it is completed
    (:func:`finish_store`) and swapped in. Returns the checked project (its
    store in memory, blank nodes as loaded) and whether the store was written
    (not when ``location`` cannot be written: a read-only checkout, a full disk).

    Raises
    ------
    DataError
        The checks found errors (the findings of ``validate``); nothing is written.
    LoadError
        The ontology or shapes cannot be read.
    """
    from kg.outputs.build_input import load_checked
    from kg.outputs.keeping import Keeping
    from kg.outputs.outdir import MARKER, Stage

    refuse_foreign(location)
    stamp = inputs_stamp(layout)
    try:
        if not location.parent.exists():  # a new build/ stays replaceable by build
            location.parent.mkdir(parents=True)
            (location.parent / MARKER).touch()
        stage = Stage(location)
    except OSError:  # a read-only checkout: the checked store in memory
        return load_checked(layout, progress=progress), False
    keeping = Keeping(stage.dir)
    try:
        project = load_checked(
            layout, progress=progress, loaded=keeping.start, loading=keeping.load_files
        )
        (progress or (lambda stage, done, total: None))("keeping the checked store", 0, 0)
    except BaseException:
        keeping.close()
        stage.discard()
        raise
    try:
        finish_store(keeping, project, stamp)
        stage.commit(checked=True)
        return project, True
    except OSError:  # a full disk: answered from memory, nothing kept
        return project, False
    finally:
        keeping.close()
        stage.discard()


def finish_later(
    keeping: Keeping,
    project: BuildInput,
    stamp: dict[str, Any],
) -> Future[None]:
    """:func:`finish_store` in a thread of its own.

    The thread reads ``project.store``'s blank-node triples: meanwhile the
    caller may add named graphs (``build``'s steps) but must leave the default
    graph as it is, and must wait for the future before it commits or removes
    the directory.
    """
    from concurrent.futures import Future

    try:
        if not keeping.started:  # the reference engines check without the store: read it now
            keeping.start(project.store)
    except BaseException:
        keeping.close()
        raise
    finished: Future[None] = Future()

    def finish() -> None:
        try:
            finish_store(keeping, project, stamp)
            finished.set_result(None)
        except BaseException as error:
            finished.set_exception(error)
        finally:
            keeping.close()

    threading.Thread(target=finish, name="keep-store").start()
    return finished


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
    if kept:  # the database answers; the command line leaves the checked copy to its exit
        done_with(project.store)
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
    "check_and_keep",
    "checked_store",
    "finish_later",
    "finish_store",
    "rebuild",
]
