"""Write the kept store while the checks run: the database is ready when they end.

Writing a million triples into an on-disk Oxigraph database takes seconds
(Oxigraph's bulk loader, which runs without Python's lock). :class:`Keeping`
starts it in a thread as soon as the data is loaded, so it overlaps the checks
(``build``: the checks and the build steps) instead of following them:

1. :meth:`Keeping.start` (called by the checker once the data files are in the
   store): the data's triples without a blank node are dumped as N-Triples and
   bulk-loaded into ``directory/db`` in a thread.
2. :meth:`Keeping.finish` (after the checks passed): adds the ontology's
   triples and every triple with a blank node, skolemised
   (:func:`kg.check.dataset.skolemized_quads`, as :func:`kg.check.dataset.skolemize_store`),
   then writes the stamp (:func:`kg.outputs.kept.write_stamp`).
3. :meth:`Keeping.close` (always): waits for the thread, so a failed command
   never leaves a writer behind in a directory about to be removed.

:mod:`kg.outputs.keepstore` runs these steps for a command; :mod:`kg.outputs.kept`
stamps, finds and reuses the store.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> keeping = Keeping(Path(tempfile.mkdtemp()))
>>> keeping.start(ox.Store())
>>> keeping.close()
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.check.dataset import blank_triples, skolemized_quads
from kg.outputs.kept import DB


class Keeping:
    """The kept store of one command, written in a thread beside the checks (see the module)."""

    def __init__(self, directory: Path, *, hold: bool = False) -> None:
        self.directory = directory
        self.hold = hold
        self.held: bytes | None = None
        """With ``hold``: the dump of :meth:`start`, kept in memory (e.g. for ``publish``)."""
        self._thread: threading.Thread | None = None
        self._db: ox.Store | None = None
        self._error: BaseException | None = None
        self._started = False

    @property
    def started(self) -> bool:
        """Whether :meth:`start` was called."""
        return self._started

    def start(self, source: ox.Store) -> None:
        """Dump ``source``'s default graph without its blank-node triples; load it in a thread.

        ``source`` is changed only for the time of the dump (its blank-node
        triples are taken out and put back): call it before anything reads it.
        With ``hold`` the dump is made in memory and kept in :attr:`held`.
        """
        self._started = True
        blank = blank_triples(source)
        dump: Path | bytes = self.directory / "default-graph.nt"
        for quad in blank:  # Oxigraph's loader renames blank nodes: they are added later
            source.remove(quad)
        try:
            if self.hold:
                dump = self.held = _dump(source)
            else:
                source.dump(str(dump), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        except OSError as error:  # a full disk: raised by finish(), not inside the checker
            self._error = error
            return
        finally:
            source.extend(blank)
        self._thread = threading.Thread(target=self._load, args=(dump,), name="kept-store")
        self._thread.start()

    def _load(self, dump: Path | bytes) -> None:
        try:
            db = ox.Store(str(self.directory / DB))
            if isinstance(dump, bytes):
                db.bulk_load(dump, format=ox.RdfFormat.N_TRIPLES)
            else:
                db.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES)
                dump.unlink()
            self._db = db
        except BaseException as error:  # raised again by finish()
            self._error = error

    def finish(
        self, source: ox.Store, added: Iterable[ox.Quad], *, blank: list[ox.Quad] | None = None
    ) -> ox.Store:
        """Wait for the load; add ``added`` (the ontology) and the skolemised blank-node triples.

        Starts the load first when :meth:`start` was not called (the reference
        engines checked the files without a store). ``blank``: the skolemised
        blank-node triples when taken from ``source`` already (:meth:`blank_of`),
        so that ``source`` may change meanwhile. Returns the database, flushed.
        """
        if not self._started:
            self.start(source)
        self.close()
        if self._error is not None:
            raise self._error
        db, self._db = self._db, None  # the caller's reference is the only one: closed with it
        assert db is not None
        db.extend(q for q in added if not has_blank(q))
        db.extend(self.blank_of(source) if blank is None else blank)
        db.flush()
        return db

    @staticmethod
    def blank_of(source: ox.Store) -> list[ox.Quad]:
        """``source``'s triples with a blank node, skolemised: what :meth:`finish` adds."""
        return skolemized_quads(blank_triples(source))

    def close(self) -> None:
        """Wait for the thread (if any) to end."""
        if self._thread is not None:
            self._thread.join()


def _dump(source: ox.Store) -> bytes:
    return source.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""


def has_blank(quad: ox.Quad) -> bool:
    """Whether ``quad``'s subject or object is a blank node."""
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


__all__ = ["Keeping", "has_blank"]
