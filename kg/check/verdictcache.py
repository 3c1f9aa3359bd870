"""A cache of HermiT's verdicts (and of the other graph checks' findings), keyed by content.

The key is the SHA-256 of: the graph sent to HermiT, as canonical N-Quads (blank
nodes relabelled by Oxigraph's canonicalisation, lines sorted: the same triples
give the same bytes whatever the parse order or blank-node labels), the bytes of
HermiT's jar, the JVM options, and the source of the modules that decide what is
checked (:mod:`kg.check.hermit`, :mod:`kg.read.wellformed`, this one). Only
definite verdicts (consistent or not) are kept; a check that could not run is
asked again. Each entry is one small JSON file written atomically (a temporary
file renamed over it); an entry that cannot be read or is not what this module
writes is ignored and rewritten.

A verdict is also kept under :func:`inputs_key`, the SHA-256 of the exact bytes of
the files the checked graph was read from and of the code that reads and checks it
(:func:`code_fingerprint`): a repeated ``validate`` finds it before building that
graph. :mod:`kg.check.findingcache` keeps the OWL RL and advice findings the same way.

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
import functools
import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph

import kg
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


LOOK_ALIKE_LIMIT = 64
"""The most blank nodes with the same triples (their blank neighbours left unnamed) that
:func:`content_key` canonicalises: Oxigraph's canonicalisation grows as the cube of
such a group (200 nodes of a list of one repeated IRI: 0.4 s; 800: 37 s; 4,000: over
an hour), while blank nodes that their own triples tell apart cost next to nothing."""


def _look_alikes(graph: Graph) -> int:
    """The size of the largest group of blank nodes whose triples are the same once
    their blank neighbours are left unnamed (a refinement that separates them costs
    the canonicalisation a round per node)."""
    signature: dict[BNode, list[tuple[str, str, str]]] = defaultdict(list)
    for s, p, o in graph:
        if isinstance(s, BNode):
            signature[s].append(("out", str(p), "_" if isinstance(o, BNode) else o.n3()))
        if isinstance(o, BNode):
            signature[o].append(("in", str(p), "_" if isinstance(s, BNode) else s.n3()))
    groups = Counter(tuple(sorted(triples)) for triples in signature.values())
    return max(groups.values(), default=0)


def content_key(graph: Graph, *, extra: bytes) -> str | None:
    """SHA-256 of ``graph``'s canonical N-Quads, ``extra`` and this code's sources.

    None when more than :data:`LOOK_ALIKE_LIMIT` blank nodes look alike: the graph
    is then checked without the cache by content (the cache by the files' bytes,
    :func:`inputs_key`, still applies).
    """
    if _look_alikes(graph) > LOOK_ALIKE_LIMIT:
        return None
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


@functools.cache
def code_fingerprint() -> bytes:
    """SHA-256 of the code that reads and checks the files: every module of conflict-kg
    (its version and sources), Python's version and the RDF libraries' versions."""
    digest = hashlib.sha256(f"{kg.__version__}\0{sys.version}\0".encode())
    for name in ("rdflib", "pyoxigraph", "owlrl"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f"{name} {importlib.metadata.version(name)}\0".encode())
    package = Path(kg.__file__).parent
    for path in sorted(package.rglob("*.py")):
        source = path.read_bytes()
        label = path.relative_to(package).as_posix().encode()
        digest.update(b"%d %s %d\0" % (len(label), label, len(source)) + source)
    return digest.digest()


def inputs_key(inputs: Iterable[tuple[str, bytes]]) -> str:
    """SHA-256 of :func:`code_fingerprint` and each ``(name, exact bytes)`` of the inputs.

    Examples
    --------
    >>> inputs_key([("a.ttl", b"x")]) == inputs_key([("a.ttl", b"x")])
    True
    >>> inputs_key([("a.ttl", b"x")]) == inputs_key([("a.ttl", b"y")])
    False
    """
    digest = hashlib.sha256(code_fingerprint())
    for name, content in inputs:
        label = name.encode("utf-8", "surrogateescape")
        digest.update(b"%d %s %d\0" % (len(label), label, len(content)) + content)
    return digest.hexdigest()


def load_entry(key: str) -> dict[str, Any] | None:
    """The JSON object kept under ``key``, or None (cache off, absent, unreadable, not ours)."""
    where = cache_dir()
    if where is None:
        return None
    try:
        entry = json.loads((where / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return entry if isinstance(entry, dict) and entry.get("key") == key else None


def load(key: str) -> Verdict | None:
    """The cached verdict for ``key``, or None (absent, unreadable or malformed)."""
    entry = load_entry(key)
    if entry is None:
        return None
    consistent, message = entry.get("consistent"), entry.get("message")
    if not isinstance(consistent, bool) or not isinstance(message, str):
        return None
    return consistent, message


def store(key: str, verdict: Verdict) -> None:
    """Keep a definite verdict (atomically; a cache that cannot be written is skipped)."""
    if verdict[0] is not None:
        store_entry(key, {"consistent": verdict[0], "message": verdict[1]})


def store_entry(key: str, entry: dict[str, Any]) -> None:
    """Keep ``entry`` (JSON) under ``key`` atomically (skipped when it cannot be written)."""
    where = cache_dir()
    if where is None:
        return
    entry = {"key": key, **entry}
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


__all__ = [
    "cache_dir",
    "code_fingerprint",
    "content_key",
    "inputs_key",
    "load",
    "load_entry",
    "store",
    "store_entry",
]
