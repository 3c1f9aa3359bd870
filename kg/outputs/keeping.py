"""Write the kept store while the checks run: the database is ready when they end.

Writing a million triples into an on-disk Oxigraph database takes seconds
(Oxigraph's bulk loader, which runs without Python's lock). :class:`Keeping`
starts it in a thread as soon as the data is loaded, so it overlaps the checks
(``build``: the checks and the build steps) instead of following them:

1. :meth:`Keeping.load_files` (called by the checker just before it loads the
   data files): the same files are bulk-loaded into ``directory/db`` in a
   thread, beside the checker's own load, on the core it leaves idle. Else
   :meth:`Keeping.start` (called by the checker once the data files are in the
   store): the data's triples without a blank node are dumped as N-Triples and
   bulk-loaded in a thread.
2. :meth:`Keeping.finish` (after the checks passed): takes out the
   blank-node triples the loader gave new blank nodes (loaded from the files),
   adds the ontology's triples and every triple with a blank node, skolemised
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
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.check.dataset import blank_triples, skolemized_quads
from kg.outputs.kept import DB
from kg.read.store import load_file


class Keeping:
    """The kept store of one command, written in a thread beside the checks (see the module)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._thread: threading.Thread | None = None
        self._db: ox.Store | None = None
        self._error: BaseException | None = None
        self._started = False
        self._from_files = False

    @property
    def started(self) -> bool:
        """Whether the load was started (:meth:`load_files` or :meth:`start`)."""
        return self._started

    def load_files(self, paths: Sequence[Path]) -> None:
        """Bulk-load ``paths`` into the database in a thread: what the checker's store will hold.

        For the checker's ``loading`` hook. The two loads run side by side;
        :meth:`start` then does nothing. A file that fails to load fails
        :meth:`finish` (the checker reports it first).
        """
        if self._started:
            return
        self._started = self._from_files = True
        self._thread = threading.Thread(target=self._load, args=(list(paths),), name="kept-store")
        self._thread.start()

    def start(self, source: ox.Store) -> None:
        """Dump ``source``'s default graph without its blank-node triples; load it in a thread.

        ``source`` is changed only for the time of the dump (:func:`data_dump`):
        call it before anything reads it. When :meth:`load_files` started the
        load, it does nothing.
        """
        if self._from_files:
            return
        self._started = True
        dump = self.directory / "default-graph.nt"
        try:
            data_dump(source, dump)
        except OSError as error:  # a full disk: raised by finish(), not inside the checker
            self._error = error
            return
        self._thread = threading.Thread(target=self._load, args=(dump,), name="kept-store")
        self._thread.start()

    def _load(self, dump: Path | list[Path]) -> None:
        try:
            db = ox.Store(str(self.directory / DB))
            if isinstance(dump, list):
                for path in dump:
                    load_file(db, path, bulk=True, lenient=True)  # the checker reads them
            else:
                db.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES, lenient=True)
                dump.unlink()
            self._db = db
        except BaseException as error:  # raised again by finish()
            self._error = error

    def finish(self, source: ox.Store, added: Iterable[ox.Quad]) -> ox.Store:
        """Wait for the load; add ``added`` (the ontology) and the skolemised blank-node triples.

        Starts the load first when :meth:`start` was not called (the reference
        engines checked the files without a store). The blank-node triples are
        read from ``source``'s default graph. Returns the database, flushed.
        """
        if not self._started:
            self.start(source)
        self.close()
        if self._error is not None:
            raise self._error
        db, self._db = self._db, None  # the caller's reference is the only one: closed with it
        assert db is not None
        blank = skolemized_quads(blank_triples(source))
        if self._from_files and blank:
            db.update(_renamed(blank))
        db.extend(q for q in added if not has_blank(q))
        db.extend(blank)
        db.flush()
        return db

    def close(self) -> None:
        """Wait for the thread (if any) to end."""
        if self._thread is not None:
            self._thread.join()


def _renamed(blank: list[ox.Quad]) -> str:
    """An update deleting the triples with a blank node of the predicates of ``blank``.

    Loaded from the files, those triples have blank nodes of the loader's
    naming; ``blank`` (the same triples, skolemised) replaces them. Bound by
    predicate: the database reads its predicate index, not every triple.
    """
    predicates = " ".join(sorted({str(q.predicate) for q in blank}))  # Oxigraph's own escaping
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o "
        "FILTER(isBlank(?s) || isBlank(?o)) }"
    )


def data_dump(source: ox.Store, path: Path) -> None:
    """Write ``source``'s default graph without its blank-node triples to ``path`` (N-Triples).

    Oxigraph's loaders give a blank node a new name, so these triples are added
    apart, skolemised (:meth:`Keeping.finish`). ``source`` is changed only for
    the time of the dump (the triples are taken out, then put back): nothing
    else may read it meanwhile.

    Examples
    --------
    >>> import tempfile
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.BlankNode()))
    >>> s.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x")))
    >>> out = Path(tempfile.mkdtemp()) / "data.nt"
    >>> data_dump(s, out)
    >>> out.read_bytes(), len(s)
    (b'<urn:a> <urn:p> "x" .\\n', 2)
    """
    blank = blank_triples(source)
    for quad in blank:
        source.remove(quad)
    try:
        source.dump(str(path), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    finally:
        source.extend(blank)


def has_blank(quad: ox.Quad) -> bool:
    """Whether ``quad``'s subject or object is a blank node."""
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


__all__ = ["Keeping", "data_dump", "has_blank"]
