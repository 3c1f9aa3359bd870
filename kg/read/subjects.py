"""Read a big file once, keeping the statements about some subjects, each with its scope.

A finding of the checker names a triple, not where it is written. Rather than
parse a file of millions of triples again, :func:`scan_subjects` keeps the
statements whose subject has a finding (:class:`Block`), each with the
``@prefix``/``@base`` declarations in effect where it is written
(:class:`~kg.read.scoped.Scope`); :meth:`Block.find` then finds a term in it as
the parser read it: ``<iri>``, a prefixed name, a reference relative to the base.

Examples
--------
>>> from rdflib import URIRef
>>> block = Block(3, "<s> <p> <o> .", Scope(base="http://ex.org/"))
>>> block.find(URIRef("http://ex.org/o"))
(8, 3, 9)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.read.locate import NAME_CHAR, in_comment, iter_locations
from kg.read.scoped import Scope, find_iri

_NAME_END_CHAR = r"[\w:%\\-]"


@dataclass(frozen=True)
class Block:
    """A statement written from the start of a line: its first line, its text, its scope."""

    line: int
    text: str
    scope: Scope = field(default_factory=Scope, compare=False)

    def find(self, term: Node, after: int = 0) -> tuple[int, int, int] | None:
        r"""``(offset, line, column)`` of the first ``term`` written at or after
        character ``after`` of the block (line in the file), or None.

        Examples
        --------
        >>> Block(7, "<a> <p> <b> ;\n  <q> <b> .").find(URIRef("b"), after=13)
        (20, 8, 7)
        """
        offset = find_written(self.text, term, self.scope, after=after)
        if offset is None:
            return None
        line = self.text.count("\n", 0, offset)
        return offset, self.line + line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def line_text(self, line: int) -> str:
        """The text of line ``line`` (of the file) of the block."""
        return self.text.split("\n")[line - self.line]


def find_written(text: str, term: Node, scope: Scope, *, after: int = 0) -> int | None:
    """The first offset at or after ``after`` where ``text`` writes ``term`` under ``scope``.

    The usual written forms first (fast, no regular expression), then, for an IRI, any
    token that means it (a reference relative to the base, an escaped local name), then,
    for a literal, the lexical forms Turtle allows (escapes, long quotes).

    Examples
    --------
    >>> find_written('<a> <p> "x" .', Literal("x"), Scope())
    8
    """
    offset = _plain_find(text, term, scope.names, after)
    if isinstance(term, URIRef) and (offset is None or scope.base):
        scoped = find_iri(text, str(term), scope, after=after)
        if scoped is not None and (offset is None or scoped < offset):
            offset = scoped
    if offset is None and not isinstance(term, URIRef):
        for line, col in iter_locations(text, term, scope.names):
            found = _offset(text, line, col)
            if found >= after:
                return found
    return offset


def _written_forms(term: Node, namespaces: Mapping[str, str]) -> list[str]:
    """The usual ways ``term`` is written (``<iri>``, ``prefix:local``, ``"lex"@lang`` …)."""
    if isinstance(term, URIRef):
        iri = str(term)
        forms = [f"<{iri}>"]
        forms += [
            f"{prefix}:{iri[len(ns) :]}"
            for prefix, ns in namespaces.items()
            if ns and iri.startswith(ns) and len(iri) > len(ns)
        ]
        return forms
    if isinstance(term, Literal) and '"' not in str(term) and "\\" not in str(term):
        body = f'"{term}"'
        if term.language:
            return [f"{body}@{term.language}"]
        if term.datatype is not None:
            return [f"{body}^^{dt}" for dt in _written_forms(term.datatype, namespaces)]
        return [body]
    return []


def _plain_find(text: str, term: Node, namespaces: Mapping[str, str], after: int) -> int | None:
    """The first offset at or after ``after`` where a usual written form of ``term`` stands
    as a whole token outside a comment (fast: no regular expression), else None."""
    best: int | None = None
    for form in _written_forms(term, namespaces):
        start = after
        while (i := text.find(form, start)) >= 0:
            end = i + len(form)
            whole = form[0] in '<"' or i == 0 or not re.match(NAME_CHAR, text[i - 1])
            whole = whole and (
                form[-1] in '>"' or not re.match(_NAME_END_CHAR, text[end : end + 1])
            )
            if whole and not in_comment(text[text.rfind("\n", 0, i) + 1 : i]):
                best = i if best is None else min(best, i)
                break
            start = i + 1
    return best


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


@dataclass
class SubjectIndex:
    """Where the wanted subjects' statements are written in one file (see :func:`scan_subjects`).

    ``namespaces`` are the file's prefixes as a parse binds them (a prefix declared
    twice: its last namespace), for naming terms in messages.
    """

    path: Path
    namespaces: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, list[Block]] = field(default_factory=dict)


def _subject(line: str, scope: Scope) -> str | None:
    """The IRI of the subject that starts ``line`` (None: a blank node, a comment …)."""
    if line[:1] == "<":  # N-Triples: the common case, with no regular expression
        end = line.find(">")
        return scope.join(line[1:end]) if end > 0 else None
    end = line.find(" ")
    return scope.resolve(line[:end] if end > 0 else line.strip())


def scan_subjects(path: Path, subjects: Collection[str]) -> SubjectIndex:
    r"""Read a Turtle or N-Triples file once, keeping the statements about ``subjects``.

    A statement starts on a line whose first character is not blank (the way
    Turtle files are written: one subject per statement, its predicates
    indented below it; N-Triples: one triple per line) and runs until the next
    such line. Only the statements whose subject (an IRI, written ``<iri>``,
    relative to the base or as a prefixed name, as declared at that point of the
    file) is in ``subjects`` are kept, so the index stays small for a file of
    millions of triples.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".ttl", delete=False) as f:
    ...     _ = f.write("@prefix ex: <http://ex.org/> .\nex:a ex:p 1 ;\n  ex:q 2 .\n")
    >>> index = scan_subjects(Path(f.name), {"http://ex.org/a"})
    >>> [(b.line, b.text.count("\n")) for b in index.blocks["http://ex.org/a"]]
    [(2, 2)]
    >>> os.unlink(f.name)
    """
    wanted = set(subjects)
    scope = Scope()
    found: dict[str, list[tuple[int, list[str], Scope]]] = {}
    current: list[str] | None = None
    with path.open(encoding="utf-8-sig", errors="replace") as stream:
        for number, line in enumerate(stream, 1):
            if line[:1] in (" ", "\t"):
                if current is not None:
                    current.append(line)
                continue
            current = None
            declared = scope.declared(line) if line[:1] in "@pPbB" else None
            if declared is not None:  # the blocks before keep the scope they were written in
                scope = declared
                continue
            iri = _subject(line, scope)
            if iri is not None and iri in wanted:
                current = [line]
                found.setdefault(iri, []).append((number, current, scope))
    blocks = {iri: [Block(n, "".join(text), s) for n, text, s in b] for iri, b in found.items()}
    return SubjectIndex(path, dict(scope.names), blocks)


__all__ = ["Block", "SubjectIndex", "find_written", "scan_subjects"]
