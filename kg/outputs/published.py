"""The graph that ``publish`` sends: the built graph, as N-Triples.

It is checked by the checker of ``validate`` and ``build`` (:func:`load_checked`),
or vouched for by a fresh kept store (:mod:`kg.outputs.kept`), and its blank
nodes become stable IRIs (:func:`kg.check.dataset.skolemize_store`), so that
publishing twice adds nothing and remote answers equal in-process ones
(:func:`published_ntriples` gives it sorted).
:func:`published_parts` also gives the entailed ``ckg:`` triples
(:mod:`kg.outputs.entailment`), which ``publish`` loads into a named graph of their
own, so that an institution's store with no reasoner answers ``?x a ckg:Mediator``.
N-Triples lines are split on ``\\n`` only: a literal may hold U+2028 or U+2029.

Examples
--------
>>> from kg.read.resources import find_layout
>>> published_ntriples(find_layout())[:1]  # doctest: +SKIP
b'<'
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import pyoxigraph as ox
from rdflib import Graph

from kg.check.dataset import skolemize_store
from kg.errors import LoadError
from kg.outputs.build_input import BuildInput, Tick, load_checked
from kg.outputs.entailment import entailed_dump
from kg.outputs.graphfiles import sorted_ntriples
from kg.outputs.kept import inputs_stamp, is_fresh, resolved
from kg.read.lifetime import done_with
from kg.read.resources import Layout
from kg.read.store import load_store

T = TypeVar("T")


def _checked_skolemised(layout: Layout, progress: Tick | None) -> BuildInput:
    project = load_checked(layout, progress=progress)
    skolemize_store(project.store)
    return project


def published_ntriples(layout: Layout, *, progress: Tick | None = None) -> bytes:
    """Check ``layout`` and return its graph (ontology + data), skolemised, as N-Triples.

    The answers on it equal the in-process ones (``query``, ``why``) row for row.

    Raises
    ------
    DataError
        The checks found errors; nothing is to be published.
    """
    return sorted_ntriples(_checked_skolemised(layout, progress).store)


def _verified_store(layout: Layout) -> tuple[ox.Store, Graph]:
    """The files loaded as they are, skolemised, unchecked: a fresh kept store's stamp
    vouches for them, or the checks run beside (:func:`_check_beside`)."""
    from kg.read.load import parse_turtle

    store = load_store([layout.ontology, *layout.data_files], lenient=True)  # vouched for
    skolemize_store(store)
    return store, parse_turtle(layout.ontology)


def published_parts(
    layout: Layout,
    *,
    progress: Tick | None = None,
    entailed: bool = True,
    kept: Path | None = None,
    early: bool = False,
) -> Published:
    """The checked graph and its entailed ``ckg:`` triples, each as N-Triples (one triple a line).

    ``publish`` loads the first into the target graph and the second into a named
    graph of its own, so that the library's queries on the target give the
    in-process rows and ``?x a ckg:Mediator`` answers on both graphs together.
    The entailed triples come as a future: the rules run in a thread of their
    own (without Python's lock) while ``publish`` talks to the store.

    Parameters
    ----------
    layout : Layout
    progress : callable, optional
        ``progress(stage, done, total)`` while the project is checked.
    entailed : bool
        False: the rules are not run and the second part is empty.
    kept : path, optional
        The kept store of ``build`` (:mod:`kg.outputs.kept`). While it is fresh
        its stamp proves the files pass the checks, and they are read straight
        into memory, not checked again (reading a million triples back from the
        database would take longer than reading the files), in a thread: this
        returns at once and the graph's future is settled when it is read, while
        ``publish`` talks to the store (claim, counts, the graph it holds);
        otherwise the project is checked in memory. ``publish`` writes no kept
        store: a database for later commands would cost it a third of its
        CPU time (``build`` and ``query`` write one).
    early : bool
        With no fresh kept store, and memory for the graph read a second time
        (:func:`room_for_a_second_store`): return at once and check in a
        thread, the graph read again beside the checks (:func:`_check_beside`);
        :attr:`Published.early` gives it in two pieces, the whole graph before
        the checks end and an empty one once they pass, for a store that can
        take a request cut off before its end as nothing
        (:func:`kg.sparql.publish_send.gsp_post`). When the checks fail, every
        future but the first piece raises their error.

    Raises
    ------
    DataError
        The checks found errors; nothing is to be published.
    """
    if kept is not None and is_fresh(kept, layout):  # nothing to check: read in threads
        return Published(*_read(layout, entailed=entailed))  # publish talks to the store meanwhile
    if early and room_for_a_second_store(layout):
        return _check_beside(layout, progress=progress, entailed=entailed)
    project = load_checked(layout, progress=progress)
    skolemize_store(project.store)
    store, ontology = project.store, project.ontology
    done_with(store)  # publish ends with the upload: left to its exit (kg.read.lifetime)
    if not entailed:
        return Published(resolved(_dump(store)), resolved(b""))
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entailment")
    try:
        found = pool.submit(entailed_dump, store, ontology)
        return Published(resolved(_dump(store)), found)
    finally:
        pool.shutdown(wait=False)  # the thread ends with the rules


def _read(layout: Layout, *, entailed: bool) -> tuple[Future[bytes], Future[bytes]]:
    """The graph of the files as they are (skolemised) and its entailed triples, made in threads.

    Nothing here checks the files: the caller has the stamp of a kept store, or
    waits for the checks before it lets the text go (:func:`_check_beside`).
    The threads are daemons: a command that fails does not wait for them.
    """
    graph: Future[bytes] = Future()
    rules: Future[bytes] = Future() if entailed else resolved(b"")

    def read() -> None:
        try:
            store, ontology = _verified_store(layout)
        except BaseException as error:
            _fail((graph, rules), error)
            return
        done_with(store)  # publish ends with the upload: left to its exit (kg.read.lifetime)
        if entailed:
            threading.Thread(
                target=_entail, args=(store, ontology, rules), name="entailment", daemon=True
            ).start()
        _settle(graph, lambda: _dump(store))

    threading.Thread(target=read, name="published-graph", daemon=True).start()
    return graph, rules


SECOND_STORE_SHARE = 8
"""The graph is read a second time beside the checks only when that store, estimated at
:data:`STORE_BYTES_PER_FILE_BYTE` per byte of the files, takes at most this fraction
(its inverse) of the machine's memory; else the checks come first, then the upload.
Measured at 5x10^6 triples (723 MB of files, 24 GiB of memory): read twice, 98.1 s
and 5,618 MB; checks first, 100.5 s and 4,011 MB: little time for much memory."""

STORE_BYTES_PER_FILE_BYTE = 6
"""What the second store and its dump add to the peak, per byte of the files, with a
margin: measured at 10^6 generated triples, 144 MB of N-Triples, 1,199 against 854 MB
(about 2.4); Turtle holds more triples per byte."""


def room_for_a_second_store(layout: Layout, *, memory: int | None = None) -> bool:
    """Whether the files fit a second time in memory (see :data:`SECOND_STORE_SHARE`).

    ``memory``: the machine's bytes of memory (default: its physical memory;
    where that cannot be read, True).

    Examples
    --------
    >>> from kg.read.resources import find_layout
    >>> room_for_a_second_store(find_layout(), memory=1)
    False
    """
    if memory is None:
        try:
            memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (AttributeError, OSError, ValueError):
            return True
    size = 0
    for path in (layout.ontology, *layout.data_files):
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size * STORE_BYTES_PER_FILE_BYTE * SECOND_STORE_SHARE <= memory


def _check_beside(layout: Layout, *, progress: Tick | None, entailed: bool) -> Published:
    """The checks in a thread, and beside them the graph read, skolemised and entailed again.

    The checker keeps its store as loaded (a finding names a blank node as the
    files do), so the graph to send is read a second time, into a store of its
    own, on the core the checker's load leaves idle, and its rules run while
    the checks do. Its text is the first early piece, given before the checks
    end; the second (empty) comes once they pass, and every part waits for
    them: when they fail, each raises their error and nothing is sent whole.
    The files must not change between the two reads (:func:`_unchanged`).
    """
    before = inputs_stamp(layout)  # taken before either read starts
    text, unchecked = _read(layout, entailed=entailed)
    rest: Future[bytes] = Future()
    graph: Future[bytes] = Future()
    rules: Future[bytes] = Future() if entailed else resolved(b"")

    def check() -> None:
        try:
            project = load_checked(layout, progress=progress)
            text.exception()  # the second read done (its own error stays the text's)
            _unchanged(layout, before)
        except BaseException as error:
            _fail((rest, graph, rules), error)
            return
        done_with(project.store)  # only its verdict is needed: left to the exit
        del project
        # The body's end first; the graph's text, which a waiting NTriplesText escapes
        # in this thread (0.6 s at 10^6 triples), is only counted once the store answers.
        if entailed:
            _settle(rules, unchecked.result)
        rest.set_result(b"")
        _settle(graph, text.result)

    threading.Thread(target=check, name="published-checks").start()
    return Published(graph, rules, (text, rest))


def _unchanged(layout: Layout, before: dict[str, Any]) -> None:
    """Raise unless the input files are as they were before the checker and the second
    read began (sizes, modification times, the small ones' hashes): what is sent must
    be what was checked."""
    if inputs_stamp(layout) != before:
        raise LoadError(
            layout.root,
            "the input files changed while publish checked and read them; nothing was published",
            hint="Run publish again once the files are saved.",
        )


def _entail(store: ox.Store, ontology: Graph, into: Future[bytes]) -> None:
    _settle(into, lambda: entailed_dump(store, ontology))


def _fail(futures: Iterable[Future[Any]], error: BaseException) -> None:
    """Give each of ``futures`` not yet settled ``error``: whoever waits on it sees why."""
    for future in futures:
        if not future.done():
            future.set_exception(error)


def _settle(future: Future[T], make: Callable[[], T]) -> None:
    """Give ``future`` what ``make`` returns, or what it raises."""
    try:
        future.set_result(make())
    except BaseException as error:
        future.set_exception(error)


class Published(NamedTuple):
    """What ``publish`` sends."""

    graph: Future[bytes]
    """The checked graph (ontology + data, skolemised) as N-Triples, in the store's order."""
    entailed: Future[bytes]
    """Its entailed ``ckg:`` triples as N-Triples (empty without the rules)."""
    early: tuple[Future[bytes], Future[bytes]] | None = None
    """With ``early``: the graph as two N-Triples pieces, the first given before the checks end."""


def _dump(store: ox.Store) -> bytes:
    """The default graph as N-Triples, in the store's order: a store does not need it sorted."""
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""


__all__ = ["Published", "published_ntriples", "published_parts", "room_for_a_second_store"]
