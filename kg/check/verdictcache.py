"""A cache of HermiT's verdicts, keyed by the exact content checked and the code that checks it.

The key is the SHA-256 of: the graph sent to HermiT, as canonical N-Quads (blank
nodes relabelled by Oxigraph's canonicalisation, lines sorted: the same triples
give the same bytes whatever the parse order or blank-node labels), the bytes of
HermiT's jar, the JVM options, and the source of the modules that decide what is
checked (:mod:`kg.check.hermit`, :mod:`kg.read.wellformed`, this one). Only
definite verdicts (consistent or not) are kept; a check that could not run is
asked again. Each entry is one small JSON file written atomically (a temporary
file renamed over it); an entry that cannot be read or is not what this module
writes is ignored and rewritten.

The cache lives in ``$CONFLICT_KG_CACHE`` if set (``off`` disables it), else in
``$XDG_CACHE_HOME/conflict-kg/hermit`` (``~/.cache/conflict-kg/hermit``).

Examples
--------
>>> from rdflib import Graph
>>> len(content_key(Graph(), extra=b"x"))
64
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.read.store import to_ox_quad

_SOURCES = ("hermit.py", "verdictcache.py", "../read/wellformed.py")
Verdict = tuple[bool | None, str]


def cache_dir() -> Path | None:
    """Where verdicts are kept, or None when the cache is off."""
    chosen = os.environ.get("CONFLICT_KG_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflict-kg" / "hermit"


def content_key(graph: Graph, *, extra: bytes) -> str:
    """SHA-256 of ``graph``'s canonical N-Quads, ``extra`` and this code's sources."""
    dataset = ox.Dataset(to_ox_quad(t) for t in graph)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    digest = hashlib.sha256()
    for line in sorted(f"{q} .\n".encode() for q in dataset):
        digest.update(line)
    digest.update(b"\0" + extra)
    here = Path(__file__).parent
    for name in _SOURCES:
        digest.update(b"\0" + (here / name).read_bytes())
    return digest.hexdigest()


def load(key: str) -> Verdict | None:
    """The cached verdict for ``key``, or None (absent, unreadable or malformed)."""
    where = cache_dir()
    if where is None:
        return None
    try:
        entry = json.loads((where / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    consistent, message = entry.get("consistent"), entry.get("message")
    if not isinstance(consistent, bool) or not isinstance(message, str):
        return None
    return consistent, message


def store(key: str, verdict: Verdict) -> None:
    """Keep a definite verdict (atomically; a cache that cannot be written is skipped)."""
    where = cache_dir()
    if where is None or verdict[0] is None:
        return
    entry = {"key": key, "consistent": verdict[0], "message": verdict[1]}
    with contextlib.suppress(OSError):
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(entry, out)
            os.replace(tmp, where / f"{key}.json")
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


__all__ = ["cache_dir", "content_key", "load", "store"]
