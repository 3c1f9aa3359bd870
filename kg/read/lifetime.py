"""In-memory stores that a command-line process leaves unfreed once it is done with them.

Freeing an in-memory Oxigraph store takes time in proportion to what it holds:
0.37 s for the million triples of the generated graph, 3 to 4 s for five
million, all of it while Python's lock is held. A library caller needs that
memory back; a ``conflict-kg`` process is about to exit, and the operating
system takes the whole process's memory back at once. So the command line calls
:func:`leave_to_exit` when it starts, and the code that is done with the
checker's store calls :func:`done_with`: in that process the store is then
never freed (its reference count is raised by one, so Python does not drop it,
not even as it exits); in any other process :func:`done_with` does nothing.

Only in-memory stores may be left so: an on-disk store must be closed, so that
its database is written out whole. A command that runs on (``serve``) does not
leave them: within :func:`held` they are kept in a list, to be let go of when
it suits the command (once its server answers).

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> done_with(store)  # not a command-line process: nothing happens
>>> leaving()
False
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line sets the flag before it imports Oxigraph, if it ever does
    import pyoxigraph as ox

_leave = False
_held: list[ox.Store] | None = None


def leave_to_exit(*, leave: bool = True) -> None:
    """Let the in-memory stores given to :func:`done_with` go unfreed (the command line only).

    ``leave_to_exit(leave=False)`` turns it off again (``serve``, which runs on; the tests).
    """
    global _leave
    _leave = leave


def leaving() -> bool:
    """Whether this process leaves its finished in-memory stores to its exit."""
    return _leave


def done_with(store: ox.Store | None) -> None:
    """``store`` (in memory) is no longer needed: in a command-line process, never free it.

    Elsewhere (a library caller, the tests) this does nothing and the store is
    freed as usual when its last reference goes.
    """
    if store is None:
        return
    if _held is not None:
        _held.append(store)
    elif _leave:
        import ctypes  # only here: a lookup from the command line never needs it

        ctypes.pythonapi.Py_IncRef(ctypes.py_object(store))


@contextmanager
def held() -> Iterator[list[ox.Store]]:
    """Within the block, :func:`done_with` keeps its stores in the list given, neither
    leaving them to the exit nor dropping them: the caller empties the list when it
    suits it (``serve``: once the server answers, not on the way to its first answer).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> with held() as stores:
    ...     done_with(ox.Store())
    >>> len(stores)
    1
    """
    global _held
    previous, _held = _held, []
    try:
        yield _held
    finally:
        _held = previous


__all__ = ["done_with", "held", "leave_to_exit", "leaving"]
