"""The graph files of ``build``: sorted N-Triples and Turtle, straight from the store.

Both are written from one sorted, duplicate-free N-Triples text of the store's
default graph (ontology + data), so two builds of the same data give the same
bytes and a ``diff`` of two builds shows what changed. No rdflib graph is made:
at a million triples that would cost half a minute and a second copy of the
graph in memory.

Examples
--------
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("urn:b"), ox.NamedNode("urn:p"), ox.Literal("x")))
>>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("y")))
>>> sorted_ntriples(store).decode().splitlines()
['<urn:a> <urn:p> "y" .', '<urn:b> <urn:p> "x" .']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from kg.read.locate import prefixes

Writer = Callable[[BinaryIO], None]
"""Writes one output file into an open binary handle."""

_HEAD_BYTES = 1 << 20


def sorted_ntriples(store: ox.Store) -> bytes:
    """The default graph of ``store`` as sorted N-Triples without duplicate lines."""
    text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
    lines = sorted(set(text.split(b"\n")) - {b""})
    del text
    return b"\n".join(lines) + b"\n" if lines else b""


def file_prefixes(paths: Iterable[Path], *, head: int = _HEAD_BYTES) -> dict[str, str]:
    """``@prefix``/``PREFIX`` declarations in the first ``head`` bytes of each file.

    Prefixes only shorten the Turtle output; one declared further down a big
    file is not worth reading the whole file for.

    Examples
    --------
    >>> file_prefixes([])
    {}
    """
    found: dict[str, str] = {}
    for path in paths:
        with open(path, "rb") as handle:
            text = handle.read(head).decode("utf-8", "replace")
        for name, namespace in prefixes(text).items():
            if name:
                found.setdefault(name, namespace)
    return found


def graph_prefixes(ontology: Graph, paths: Iterable[Path]) -> dict[str, str]:
    """The prefixes of the Turtle output: the ontology's, then the data files'."""
    found = {name: str(ns) for name, ns in ontology.namespaces() if name}
    for name, ns in file_prefixes(paths).items():
        found.setdefault(name, ns)
    return found


def turtle_writer(ntriples: bytes, prefixes: Mapping[str, str]) -> Writer:
    """A :data:`Writer` of ``ntriples`` as Turtle, grouped by subject, with ``prefixes``."""

    def write(handle: BinaryIO) -> None:
        ox.serialize(
            ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES),
            handle,
            format=ox.RdfFormat.TURTLE,
            prefixes=dict(prefixes),
        )

    return write


__all__ = ["Writer", "file_prefixes", "graph_prefixes", "sorted_ntriples", "turtle_writer"]
