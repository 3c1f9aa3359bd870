"""One publish at a time into one graph of one store, from this machine.

Two ``publish`` runs into the same graph of the same update endpoint take turns:
the second waits for the first (up to ``wait`` seconds), then fails cleanly with
a message naming the lock. It is used only when the store cannot be asked
(no query endpoint); otherwise the store arbitrates between runs on any
machines (:mod:`kg.sparql.publish_claim`): Oxigraph does not isolate two
writers, so runs on two machines that share no lock could mix their graphs.

Examples
--------
>>> with publish_lock("http://127.0.0.1:7878/update", None, wait=1):
...     pass
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import EndpointError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, staging graphs only
    fcntl = None  # type: ignore[assignment]


def lock_path(update_url: str, graph: str | None) -> Path:
    """The lock file of one (endpoint, graph) pair.

    Examples
    --------
    >>> lock_path("http://h/u", "http://g").name.startswith("conflict-kg-publish-")
    True
    """
    key = hashlib.sha256(f"{update_url}\n{graph or ''}".encode()).hexdigest()[:20]
    return Path(tempfile.gettempdir()) / f"conflict-kg-publish-{key}.lock"


@contextmanager
def publish_lock(update_url: str, graph: str | None, *, wait: float) -> Iterator[None]:
    """Hold the publish lock of ``graph`` at ``update_url``; wait up to ``wait`` seconds.

    Raises
    ------
    EndpointError
        Another publish into the same graph still runs after ``wait`` seconds.
    """
    if fcntl is None:
        yield
        return
    path = lock_path(update_url, graph)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    where = f"<{graph}>" if graph else "the default graph"
                    raise EndpointError(
                        f"{update_url}: another publish into {where} is still running after "
                        f"{wait:g} s (lock {path}); nothing was sent"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(handle)  # closing releases the lock


__all__ = ["lock_path", "publish_lock"]
