"""The OWL RL and advice findings of files already checked, kept by the bytes of those files.

The graph checks (:mod:`kg.check.graph_checks`) copy the data into rdflib and run the
OWL 2 RL rules and the advice warnings over it: most of a repeated ``validate`` of
unchanged files. Their outcome is a function of the files' exact bytes and of the code,
so it is kept under :func:`kg.check.verdictcache.inputs_key` of the files (which covers
every module of conflict-kg and the RDF libraries' versions) and of the checks asked
for: an edited file, another file set, an upgrade or a changed source is another key,
and the checks run again. Entries are JSON files beside HermiT's verdicts
(:func:`kg.check.verdictcache.cache_dir`, ``$CONFLICT_KG_CACHE``, ``off`` disables
it); one that cannot be read, or holds anything but what :func:`store` writes, is
ignored and rewritten.

Examples
--------
>>> key("0" * 64, reasoner=True, advice=True) != key("0" * 64, reasoner=True, advice=False)
True
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.check import verdictcache
from kg.check.diagnostic import Diagnostic
from kg.read.linemap import Located

Findings = tuple[list[str], list[Diagnostic]]
"""OWL 2 RL's inconsistency messages and the advice diagnostics (unlocated)."""

_FIELDS = {f.name: f for f in dataclasses.fields(Diagnostic)}


@dataclass(frozen=True)
class Inputs:
    """The files a check read, and their :func:`~kg.check.verdictcache.inputs_key`.

    ``texts`` are contents already read (``(name, bytes)``), ``paths`` files read by
    someone else (``(name, path)``, read again here). Make it before the files are
    loaded and ask :meth:`unchanged` before keeping anything under :attr:`key`: a file
    edited meanwhile may have been loaded with other bytes than the key says.
    """

    texts: tuple[tuple[str, bytes], ...]
    paths: tuple[tuple[str, Path], ...]
    key: str

    @classmethod
    def read(
        cls, texts: Sequence[tuple[str, bytes]], paths: Sequence[tuple[str, Path]]
    ) -> Inputs | None:
        """The inputs with their key as the files hold now (None: a file cannot be read)."""
        try:
            return cls(tuple(texts), tuple(paths), _digest(texts, paths))
        except OSError:
            return None

    def unchanged(self) -> bool:
        """Whether the files still hold the bytes :attr:`key` was made of."""
        try:
            return _digest(self.texts, self.paths) == self.key
        except OSError:
            return False


def inputs_of(
    modules: Sequence[Located], data: Sequence[Path], context: Sequence[Path]
) -> Inputs | None:
    """The inputs of a check of ``data`` (and ``context``) against ontology ``modules``.

    The modules are keyed by the text they were parsed from, the other files by
    their bytes now: make it before those are loaded.
    """
    texts = [(f"module {m.path}", m.text.encode("utf-8", "surrogatepass")) for m in modules]
    paths = [(f"data {p}", p) for p in data] + [(f"context {p}", p) for p in context]
    return Inputs.read(texts, paths)


def _digest(texts: Sequence[tuple[str, bytes]], paths: Sequence[tuple[str, Path]]) -> str:
    return verdictcache.inputs_key([*texts, *((name, p.read_bytes()) for name, p in paths)])


def key(inputs: str, *, reasoner: bool, advice: bool) -> str:
    """The key of the findings of ``reasoner`` and ``advice`` on files keyed ``inputs``."""
    asked = f"graph-checks\0{inputs}\0reasoner={reasoner}\0advice={advice}"
    return hashlib.sha256(asked.encode()).hexdigest()


def _diagnostic(entry: Any) -> Diagnostic | None:
    """The diagnostic a stored dict describes, or None when it is not one."""
    if not isinstance(entry, dict) or set(entry) != set(_FIELDS):
        return None
    for name, value in entry.items():
        kind = str(_FIELDS[name].type)
        allowed = (int,) if "int" in kind else (str,)
        if not (isinstance(value, allowed) and not isinstance(value, bool)) and not (
            value is None and "None" in kind
        ):
            return None
    return Diagnostic(**entry)


def load(cache_key: str) -> Findings | None:
    """The findings kept under ``cache_key``, or None (absent, unreadable or malformed)."""
    entry = verdictcache.load_entry(cache_key)
    if entry is None:
        return None
    messages, advice = entry.get("messages"), entry.get("advice")
    if not isinstance(messages, list) or not all(isinstance(m, str) for m in messages):
        return None
    if not isinstance(advice, list):
        return None
    found = [_diagnostic(d) for d in advice]
    kept = [d for d in found if d is not None]
    return (messages, kept) if len(kept) == len(found) else None


def store(cache_key: str, findings: Findings) -> None:
    """Keep ``findings`` under ``cache_key`` (atomically; skipped when the cache is off)."""
    messages, advice = findings
    verdictcache.store_entry(
        cache_key, {"messages": list(messages), "advice": [d.as_dict() for d in advice]}
    )


__all__ = ["Findings", "Inputs", "inputs_of", "key", "load", "store"]
