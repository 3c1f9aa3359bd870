"""Peak resident memory of a process tree, sampled from ``/proc`` (Linux).

``getrusage`` gives one process's peak, and ``RUSAGE_CHILDREN`` (or ``wait4``)
a child's, which starts at its parent's: ``subprocess`` starts a child with
``vfork``, so until it runs its own program it shares its parent's memory, and
the kernel carries that peak over into the child's. :class:`TreeRss` sums what
a process and its children hold at the same moments instead, leaving out a
child that has not started its own program yet.

Examples
--------
>>> with TreeRss() as tree:
...     pass
>>> tree.peak >= 0
True
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path


class TreeRss:
    """The peak of this process's resident memory plus its children's, sampled every 50 ms.

    ``getrusage`` gives each process's own peak: ``build``'s child processes
    (the graph files) run beside it, so their memory adds to its own. A child
    still on this process's command line has not started its own program yet:
    ``subprocess`` starts it with ``vfork``, so until then it shares this
    process's memory, and counting it would count that memory twice (in two
    of three 5M builds the sum then read 4,676 and 4,896 MiB, against a parent's
    own peak of 3,887 and 3,798 MiB). ``getrusage(RUSAGE_CHILDREN)`` carries the
    same error: such a child's peak is the parent's at that moment.
    """

    def __init__(self, *, itself: bool = True) -> None:
        self.peak = 0
        self.itself = itself
        """False: the children alone (e.g. a server this process started)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        own = Path("/proc/self/cmdline").read_bytes()
        while not self._stop.wait(0.05):
            pids = [str(os.getpid())]
            for task in Path("/proc/self/task").iterdir():
                with contextlib.suppress(OSError):
                    pids += (task / "children").read_text().split()
            started = [pid for pid in pids[1:] if _command(pid) != own]
            if self.itself:
                started.append(pids[0])
            self.peak = max(self.peak, sum(_rss(pid) for pid in started))


def _command(pid: str) -> bytes:
    """The command line of process ``pid`` (empty once it has ended)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _rss(pid: str) -> int:
    """The resident memory of process ``pid`` in bytes (0 once it has ended)."""
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
    except OSError:
        return 0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")
