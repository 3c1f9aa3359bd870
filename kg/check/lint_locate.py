"""Find the ``file:line`` of findings in big files without parsing them with rdflib.

The store path of ``conflict-kg validate`` (:mod:`kg.check.lint_store`) knows which
triples are wrong but not where they are written. A :class:`Locator` reads each
file once (:func:`kg.read.subjects.scan_subjects`), keeping only the statements whose
subject has a finding, and answers the same questions as the line maps of the
rich path (:mod:`kg.read.linemap`): the line of a triple (where its object is
written), of the first ``focus property ?`` triple, or of the focus node. Each statement
is read with the ``@prefix`` and ``@base`` declarations in effect where it is written.

Examples
--------
>>> from rdflib import URIRef
>>> Locator([], set()).where(URIRef("http://ex.org/a")) is None
True
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg import CKG, ID
from kg.read.locate import locate_term
from kg.read.scoped import Scope
from kg.read.subjects import Block, SubjectIndex, find_written, scan_subjects


class Where(NamedTuple):
    """A file, a 1-based line, the column of the term found there, the line's text, and the
    ``@prefix``/``@base`` declarations in effect there."""

    path: Path
    line: int
    column: int
    text: str
    scope: Scope | None = None


def _at(path: Path, block: Block, line: int, column: int) -> Where:
    return Where(path, line, column, block.line_text(line), block.scope)


def names_for(namespaces: dict[str, str]) -> Graph:
    """An empty graph whose prefixes are those a parse of the file would bind.

    As :func:`kg.read.linemap.parse_with_lines` does: rdflib's defaults, ``ckg:`` and
    ``id:``, then the file's own ``@prefix`` declarations.

    Examples
    --------
    >>> names_for({"ex": "http://ex.org/"}).namespace_manager.normalizeUri("http://ex.org/a")
    'ex:a'
    """
    graph = Graph()
    graph.bind("ckg", CKG)
    graph.bind("id", ID)
    for prefix, namespace in namespaces.items():
        graph.bind(prefix, namespace)
    return graph


def merged_names(graphs: Sequence[Graph]) -> Graph:
    """One graph with the prefixes of ``graphs`` (earlier ones win), as ``_Run.graph`` merges."""
    merged = Graph()
    for graph in graphs:
        for prefix, namespace in graph.namespaces():
            merged.bind(prefix, namespace, override=False)
    return merged


class Locator:
    """The statements about some subjects, in several files (searched in order).

    Parameters
    ----------
    files : sequence of Path
        Turtle or N-Triples files; each is read once.
    subjects : collection of str
        The subject IRIs whose statements are needed.
    """

    def __init__(self, files: Sequence[Path], subjects: Collection[str]) -> None:
        wanted = set(subjects)
        self.indexes: list[SubjectIndex] = [scan_subjects(f, wanted) for f in files]

    def namespaces(self, path: Path) -> dict[str, str]:
        """The prefixes declared in ``path`` (empty when it was not scanned)."""
        return next((i.namespaces for i in self.indexes if i.path == path), {})

    def _blocks(self, index: SubjectIndex, s: Node) -> list[Block]:
        return index.blocks.get(str(s), []) if isinstance(s, URIRef) else []

    def triple(self, s: Node, p: Node, o: Node | None) -> Where | None:
        """Where ``s p o`` is written in the first file that has it (``o=None``: any object).

        The line is that of the object (of ``p`` when the object is not
        written out verbatim, e.g. a bare number); the column that of the object.
        """
        near: Where | None = None
        for index in self.indexes:  # the object as written, in any file, before a near place
            found, close = self._in_file(index, s, p, o)
            if found is not None:
                return found
            near = near or close
        return near

    def _in_file(
        self, index: SubjectIndex, s: Node, p: Node, o: Node | None
    ) -> tuple[Where | None, Where | None]:
        """Where ``s p o`` is written in this file, and else where ``s p`` is when ``o``
        may be written otherwise than quoted (``1`` for ``"1"^^xsd:integer``)."""
        fallback: Where | None = None
        for block in self._blocks(index, s):
            start = 0
            if p != RDF.type:
                found_p = block.find(p)
                if found_p is None:
                    continue
                start = found_p[0]
                fallback = fallback or _at(index.path, block, found_p[1], found_p[2])
            if o is None:
                if fallback is not None:
                    return fallback, None
                return _at(index.path, block, block.line, 1), None  # ``s a ?``: the statement
            found_o = block.find(o, after=start)
            if found_o is not None:
                return _at(index.path, block, found_o[1], found_o[2]), None
        return None, fallback if o is not None and p != RDF.type and _unwritable(o) else None

    def subject(self, s: Node) -> Where | None:
        """The first line where ``s`` is the subject of a statement."""
        for index in self.indexes:
            blocks = self._blocks(index, s)
            if blocks:
                return _at(index.path, blocks[0], blocks[0].line, 1)
        return None

    def where(self, s: Node, p: Node | None = None, o: Node | None = None) -> Where | None:
        """``s p o`` (exact), then ``s p ?`` (when ``p`` is given), then ``s``; None: nowhere."""
        if p is not None and isinstance(p, URIRef):
            for value in (o, None) if o is not None else (None,):
                found = self.triple(s, p, value)
                if found is not None:
                    return found
        return self.subject(s)

    def column(self, where: Where, *terms: Node | None) -> int | None:
        """The column of the first of ``terms`` written on the line of ``where``."""
        scope = where.scope or Scope(self.namespaces(where.path))  # found by :func:`search`
        for term in terms:
            offset = None if term is None else find_written(where.text, term, scope)
            if offset is not None:
                return offset + 1
        return None


def _unwritable(term: Node) -> bool:
    """A literal that may be written otherwise than quoted (``1``, ``true``, escapes)."""
    return not isinstance(term, URIRef)


def search(files: Sequence[Path], term: Node) -> Where | None:
    """The first place ``term`` is written in ``files`` (reads each file whole; for blank nodes).

    Examples
    --------
    >>> search([], URIRef("http://ex.org/a")) is None
    True
    """
    for path in files:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        found = locate_term(text, term)
        if found is not None:
            return Where(path, found[0], found[1], text.split("\n")[found[0] - 1])
    return None


__all__ = ["Locator", "Where", "merged_names", "names_for", "search"]
