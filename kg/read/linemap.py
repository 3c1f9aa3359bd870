"""Parse Turtle while recording the line of every triple.

rdflib's Turtle parser (``notation3.SinkParser``) knows the current line but
does not hand it to the graph. :func:`parse_with_lines` runs the same parser
with two small hooks: every object in an object list remembers the line it
starts on, and every statement is recorded with that line. So in

.. code-block:: turtle

    id:a ckg:p id:b ,       # line 1
               id:c ;       # line 2
         ckg:q [ ckg:r 1 ] .  # line 3

``(id:a, ckg:p, id:c)`` is on line 2 and the blank node's triple on line 3.

Examples
--------
>>> from rdflib import URIRef
>>> g, lines = parse_with_lines("<http://a> <http://b> <http://c> ,\\n  <http://d> .")
>>> lines.line_of((URIRef("http://a"), URIRef("http://b"), URIRef("http://d")))
2
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, MutableSequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.plugins.parsers.notation3 import RDFSink, SinkParser
from rdflib.term import Node

from kg import CKG, ID
from kg.read.locate import iter_locations, prefixes

Triple = tuple[Node, Node, Node]


@dataclass
class LineMap:
    """Where each triple of one file is written (1-based lines).

    Attributes
    ----------
    triples : dict
        Triple -> every line it is written on, in order.
    subjects : dict
        Node -> the first line of a triple with that node as subject.
    """

    triples: dict[Triple, list[int]] = field(default_factory=dict)
    subjects: dict[Node, int] = field(default_factory=dict)

    def add(self, triple: Triple, line: int) -> None:
        """Record that ``triple`` is written on ``line``."""
        self.triples.setdefault(triple, []).append(line)
        self.subjects.setdefault(triple[0], line)

    def line_of(self, triple: Triple) -> int | None:
        """The first line of ``triple``, or None."""
        found = self.triples.get(triple)
        return found[0] if found else None

    def match(self, s: Node | None, p: Node | None, o: Node | None) -> int | None:
        """The first line of a triple matching the pattern (None is a wildcard)."""
        if s is not None and p is not None and o is not None:
            return self.line_of((s, p, o))
        lines = [
            found[0]
            for (ts, tp, to), found in self.triples.items()
            if (s is None or ts == s) and (p is None or tp == p) and (o is None or to == o)
        ]
        return min(lines) if lines else None


class _LineParser(SinkParser):
    """SinkParser that remembers the line where each object (and item) begins."""

    def __init__(self, sink: RDFSink, lines: LineMap, **kwargs: Any) -> None:
        super().__init__(sink, **kwargs)
        self.linemap = lines
        self.pending: list[int] = []
        self.items: list[tuple[Node, int]] = []
        self._text: str | None = None
        self._breaks: list[int] = []
        sink.parser = self  # type: ignore[attr-defined]

    def _line_at(self, argstr: str, i: int) -> int:
        """The line of the first token at or after ``i``, counted from the text itself.

        rdflib's own count (``self.lines``) runs ahead after an object list split over
        lines (some whitespace is skipped twice), so it is not used.
        """
        saved = (self.lines, self.startOfLine)
        j = self.skipSpace(argstr, i)
        self.lines, self.startOfLine = saved
        if self._text is not argstr:
            self._text = argstr
            self._breaks = [k for k, ch in enumerate(argstr) if ch == "\n"]
        return bisect.bisect_left(self._breaks, j if j >= 0 else len(argstr)) + 1

    def objectList(self, argstr: str, i: int, res: MutableSequence[Any]) -> int:  # noqa: N802
        lines: list[int] = []
        line = self._line_at(argstr, i)
        i = self.object(argstr, i, res)
        if i < 0:
            return -1
        lines.append(line)
        while True:
            j = self.skipSpace(argstr, i)
            if j < 0:
                self.BadSyntax(argstr, j, "EOF found after object")
            if argstr[j] != ",":
                self.pending = lines
                return j
            line = self._line_at(argstr, j + 1)
            i = self.object(argstr, j + 1, res)
            if i < 0:
                return i
            lines.append(line)

    def _current_line(self) -> int:
        """The line the parser is on: where its current line starts (always right)."""
        if self._text is None:
            return int(self.lines) + 1
        return bisect.bisect_right(self._breaks, int(self.startOfLine) - 1) + 1

    def item(self, argstr: str, i: int, res: MutableSequence[Any]) -> int:
        line = self._line_at(argstr, i)
        j = super().item(argstr, i, res)
        if j >= 0 and res:
            self.items.append((res[-1], line))
        return j

    def makeStatement(self, quadruple: Any) -> None:  # noqa: N802
        line = self.pending.pop(0) if self.pending else self._current_line()
        self._store.makeStatement(quadruple, why=self._reason2, line=line)  # type: ignore[call-arg]


class _LineSink(RDFSink):
    """RDFSink that records each statement's line in a :class:`LineMap`."""

    parser: _LineParser

    def __init__(self, graph: Graph, lines: LineMap) -> None:
        super().__init__(graph)
        self.linemap = lines

    def makeStatement(  # noqa: N802
        self, quadruple: Any, why: Any = None, line: int | None = None
    ) -> None:
        super().makeStatement(quadruple, why)
        f, p, s, o = quadruple
        triple = (self.normalise(f, s), self.normalise(f, p), self.normalise(f, o))
        if line is None:  # collection triples come straight from newList
            line = int(self.parser.lines) + 1
            if p == RDF.first:
                line = next((n for node, n in reversed(self.parser.items) if node == o), line)
        self.linemap.add(triple, line)


def parse_with_lines(
    text: str, *, base: str = "", graph: Graph | None = None
) -> tuple[Graph, LineMap]:
    """Parse Turtle ``text`` into a graph and a :class:`LineMap`.

    Raises rdflib's ``BadSyntax`` on a syntax error (see :mod:`kg.read.load` for the
    conversion to ``path:line:col``). Literals are kept as written when the
    caller disables ``rdflib.NORMALIZE_LITERALS``.

    Examples
    --------
    >>> g, m = parse_with_lines("<http://a> <http://b> ( 1\\n 2 ) .")
    >>> sorted(m.triples[t][0] for t in m.triples if t[1] == RDF.first)
    [1, 2]
    """
    target = Graph() if graph is None else graph
    target.bind("ckg", CKG)
    target.bind("id", ID)
    lines = LineMap()
    sink = _LineSink(target, lines)
    parser = _LineParser(sink, lines, baseURI=base or None, turtle=True)
    parser.loadBuf(text)
    for prefix, namespace in parser._bindings.items():
        target.bind(prefix, namespace)
    return target, lines


@dataclass(frozen=True)
class Located:
    """A file with its parsed graph and line map."""

    path: Path
    graph: Graph
    lines: LineMap
    text: str = field(default="", repr=False, compare=False)
    """The file's text (to find the column of a term on a line)."""

    def column(self, line: int | None, term: Node) -> int | None:
        """The 1-based column where ``term`` is written on ``line``, if found there.

        Examples
        --------
        >>> from rdflib import URIRef
        >>> f = Located(Path("a.ttl"), Graph(), LineMap(), "<http://a>  <http://b> <http://c> .")
        >>> f.column(1, URIRef("http://b"))
        13
        """
        if line is None or not self.text:
            return None
        lines = self.text.split("\n")
        if line > len(lines):
            return None
        found = iter_locations(lines[line - 1], term, prefixes(self.text))
        return next((col for _, col in found), None)


def find_line(
    files: Iterable[Located], s: Node | None, p: Node | None = None, o: Node | None = None
) -> tuple[Path, int] | None:
    """The first file and line holding a triple matching ``(s, p, o)``.

    Falls back to where ``s`` is first a subject when ``p``/``o`` match nothing.

    Examples
    --------
    >>> from rdflib import URIRef
    >>> find_line([], URIRef("http://a")) is None
    True
    """
    files = list(files)
    for f in files:
        line = f.lines.match(s, p, o)
        if line is not None:
            return f.path, line
    if s is not None:
        for f in files:
            if s in f.lines.subjects:
                return f.path, f.lines.subjects[s]
    return None


def column_of(
    files: Iterable[Located], file: str | None, line: int | None, *terms: Node | None
) -> int | None:
    """The column of the first of ``terms`` written on ``file:line`` (None if none is).

    Examples
    --------
    >>> column_of([], "a.ttl", 1, None) is None
    True
    """
    for f in files:
        if str(f.path) == file:
            for term in terms:
                col = f.column(line, term) if term is not None else None
                if col is not None:
                    return col
    return None


__all__ = ["LineMap", "Located", "column_of", "find_line", "parse_with_lines"]
