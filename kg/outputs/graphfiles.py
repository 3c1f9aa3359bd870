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

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.read.locate import prefixes

Writer = Callable[[BinaryIO], None]
"""Writes one output file into an open binary handle."""

_HEAD_BYTES = 1 << 20


def sorted_ntriples(store: ox.Store) -> bytes:
    """The default graph of ``store`` as sorted N-Triples without duplicate lines.

    Blank nodes (the ontology's OWL restrictions and lists) get canonical labels
    (:func:`canonical_blank_nodes`), so two builds of the same data give the same bytes.
    """
    lines = sorted_lines(store)
    return b"\n".join(lines) + b"\n" if lines else b""


def sorted_lines(store: ox.Store) -> list[bytes]:
    """The lines of :func:`sorted_ntriples`, without their ``\\n``.

    The store's dump is split and dropped: at its peak this holds the text and
    its lines once each, and after it the lines alone (:func:`lines_writer` and
    :func:`turtle_writer` write the files from them, with no joined copy).

    Examples
    --------
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.BlankNode("b")))
    >>> sorted_lines(store)[0].startswith(b"<urn:a> <urn:p> _:")
    True
    """
    return lines_sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))


def lines_sorted(text: bytes | None) -> list[bytes]:
    """The lines of a store's N-Triples dump ``text`` as :func:`sorted_lines` gives them.

    The text is dropped once split: pass it as a temporary (no other reference)
    and at the peak the text and its lines are held once each, then the lines alone.

    Examples
    --------
    >>> lines_sorted(b"<urn:b> <urn:p> <urn:o> .\\n<urn:a> <urn:p> <urn:o> .\\n")[0]
    b'<urn:a> <urn:p> <urn:o> .'
    """
    text = text or b""
    with_blank = _blank_lines(text)
    lines = text.split(b"\n")
    del text
    return _sorted(lines, with_blank, unique=True)  # a store holds each triple once


def sort_ntriples(text: bytes | None, *, unique: bool = False) -> bytes:
    """N-Triples ``text`` sorted, without duplicate lines, blank nodes labelled canonically.

    ``unique``: the caller vouches that no line is repeated, so none is looked
    for. The lines are sorted in place: a store's dump comes nearly in order
    already, which the sort takes advantage of; the few lines with a blank node
    are found in one scan of the text and cut out of the sorted lines by
    bisection, so no second copy of the text is made.

    Examples
    --------
    >>> sort_ntriples(b"<urn:b> <urn:p> <urn:o> .\\n<urn:a> <urn:p> <urn:o> .\\n")
    b'<urn:a> <urn:p> <urn:o> .\\n<urn:b> <urn:p> <urn:o> .\\n'
    """
    text = text or b""
    lines = _sorted(text.split(b"\n"), _blank_lines(text), unique=unique)
    return b"\n".join(lines) + b"\n" if lines else b""


def _sorted(lines: list[bytes], with_blank: list[bytes], *, unique: bool) -> list[bytes]:
    """``lines`` sorted in place, without empty lines; those in ``with_blank`` made canonical."""
    lines.sort()
    if with_blank:  # a superset: "_:" may be in a literal
        lines = _without(lines, sorted(set(with_blank)))
        lines += canonical_blank_nodes(set(with_blank))
        lines.sort()  # one sorted run and a short one: merged
    del lines[: lines.count(b"")]  # the empty lines sort first
    if not unique:
        lines = list(dict.fromkeys(lines))  # equal lines are neighbours: the order stays
    return lines


_CHUNK = 1 << 16
"""Lines joined and written at a time."""


def _chunks(lines: list[bytes]) -> Iterator[bytes]:
    for start in range(0, len(lines), _CHUNK):
        yield b"\n".join(lines[start : start + _CHUNK]) + b"\n"


def lines_writer(lines: list[bytes]) -> Writer:
    """A :data:`Writer` of ``lines``, each ended by ``\\n``, written a chunk at a time."""

    def write(handle: BinaryIO) -> None:
        for chunk in _chunks(lines):
            handle.write(chunk)

    return write


def _blank_lines(text: bytes) -> list[bytes]:
    """The lines of ``text`` that hold ``_:`` (one scan of the text, no split)."""
    found: list[bytes] = []
    at = text.find(b"_:")
    while at != -1:
        begin = text.rfind(b"\n", 0, at) + 1
        end = text.find(b"\n", at)
        end = len(text) if end == -1 else end
        found.append(text[begin:end])
        at = text.find(b"_:", end)
    return found


def _without(ordered: list[bytes], gone: list[bytes]) -> list[bytes]:
    """The sorted ``ordered`` without any line of the sorted ``gone`` (slices between them)."""
    kept: list[bytes] = []
    start = 0
    for line in gone:
        at = bisect.bisect_left(ordered, line, start)
        kept += ordered[start:at]
        start = bisect.bisect_right(ordered, line, at)
    kept += ordered[start:]
    return kept


def _to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        lang = term.language
        datatype = None if lang else URIRef(term.datatype.value)
        return Literal(term.value, lang=lang, datatype=datatype, normalize=False)
    raise TypeError(f"RDF-star triple terms are not supported: {term}")


def _to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(str(term.datatype or XSD.string))
        return ox.Literal(str(term), datatype=datatype)
    return ox.NamedNode(str(term))


def canonical_blank_nodes(lines: Iterable[bytes]) -> list[bytes]:
    """N-Triples ``lines`` with their blank nodes relabelled canonically (RDFC via rdflib).

    The labels depend only on the graph's structure, not on the order of the
    lines or the labels they came with; lines without a blank node come back unchanged.

    Examples
    --------
    >>> a = canonical_blank_nodes([b'<urn:s> <urn:p> _:x .', b'_:x <urn:q> "1" .'])
    >>> b = canonical_blank_nodes([b'_:other <urn:q> "1" .', b'<urn:s> <urn:p> _:other .'])
    >>> sorted(a) == sorted(b)
    True
    """
    lines = list(lines)
    triples = list(ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES))
    blank = ox.BlankNode
    graph = Graph()
    kept: list[bytes] = []
    for line, quad in zip(lines, triples, strict=True):
        if isinstance(quad.subject, blank) or isinstance(quad.object, blank):
            graph.add(
                (_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object))
            )
        else:
            kept.append(line)
    canonical = [
        ox.Triple(_to_oxigraph(s), _to_oxigraph(p), _to_oxigraph(o))  # type: ignore[arg-type]
        for s, p, o in to_canonical_graph(graph)
    ]
    text = ox.serialize(canonical, format=ox.RdfFormat.N_TRIPLES) or b""
    return kept + [line for line in text.split(b"\n") if line]


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


def turtle_writer(ntriples: bytes | Path, prefixes: Mapping[str, str]) -> Writer:
    """A :data:`Writer` of ``ntriples`` (a text, or a file read as it is parsed) as Turtle.

    With ``prefixes``; the triples are grouped by subject in the order they come.
    """

    def write(handle: BinaryIO) -> None:
        if isinstance(ntriples, Path):
            with open(ntriples, "rb") as source:
                _serialize(source, handle, prefixes)
        else:
            _serialize(ntriples, handle, prefixes)

    return write


def _serialize(source: bytes | BinaryIO, handle: BinaryIO, prefixes: Mapping[str, str]) -> None:
    ox.serialize(
        ox.parse(source, format=ox.RdfFormat.N_TRIPLES),
        handle,
        format=ox.RdfFormat.TURTLE,
        prefixes=dict(prefixes),
    )


__all__ = [
    "Writer",
    "canonical_blank_nodes",
    "lines_sorted",
    "lines_writer",
    "sort_ntriples",
    "sorted_lines",
    "file_prefixes",
    "graph_prefixes",
    "sorted_ntriples",
    "turtle_writer",
]
