"""Find where an RDF term is written in a Turtle file, to report ``file:line``.

Examples
--------
>>> text = '@prefix ex: <http://ex.org/> .\\nex:a ex:p "1"^^ex:t .\\n'
>>> locate_term(text, URIRef("http://ex.org/p"))
(2, 6)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.read.scoped import locate_iri

_PREFIX_RE = re.compile(r"(?im)^\s*@?prefix\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>")
_NAME_CHAR = r"[\w.:%\\-]"
_NAME_END = r"(?![\w:%\\-]|\.[\w:%\\-])"
_NAME_END_CHAR = r"[\w:%\\-]"


def prefixes(text: str) -> dict[str, str]:
    """Return the ``prefix -> namespace`` declarations of a Turtle text.

    Examples
    --------
    >>> prefixes("@prefix ex: <http://ex.org/> .")
    {'ex': 'http://ex.org/'}
    """
    return {(m.group(1) or ""): m.group(2) for m in _PREFIX_RE.finditer(text)}


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def _iri_patterns(iri: str, namespaces: Mapping[str, str]) -> list[str]:
    pats = [re.escape(f"<{iri}>")]
    for prefix, ns in namespaces.items():
        if ns and iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns) :]
            pats.append(rf"(?<!{_NAME_CHAR}){re.escape(prefix)}:{re.escape(local)}{_NAME_END}")
    return pats


_ECHAR = {"\t": "t", "\b": "b", "\n": "n", "\r": "r", "\f": "f", '"': '"', "'": "'", "\\": "\\"}


def _lexical_pattern(lex: str) -> str:
    """A regex for ``lex`` as Turtle may write it: a character other than plain ASCII
    raw, or as ``\\uXXXX``/``\\UXXXXXXXX``, or as an ``ECHAR`` such as ``\\n``.

    Examples
    --------
    >>> bool(re.fullmatch(_lexical_pattern("a\x0bb"), "a\\u000Bb"))
    True
    """
    parts = []
    for ch in lex:
        if " " <= ch <= "~" and ch not in "\"'\\":
            parts.append(re.escape(ch))
            continue
        code = ord(ch)
        forms = [re.escape(ch), f"\\\\u(?i:{code:04x})", f"\\\\U(?i:{code:08x})"]
        if ch in _ECHAR:
            forms.append(re.escape("\\" + _ECHAR[ch]))
        parts.append("(?:" + "|".join(forms) + ")")
    return "".join(parts)


def _patterns(term: Node, namespaces: Mapping[str, str]) -> list[str]:
    if isinstance(term, URIRef):
        return _iri_patterns(str(term), namespaces)
    if isinstance(term, Literal):
        lex = _lexical_pattern(str(term))
        body = rf"(?:\"{lex}\"|'{lex}'|\"\"\"{lex}\"\"\"|'''{lex}''')"
        if term.datatype is not None:
            dts = "|".join(_iri_patterns(str(term.datatype), namespaces))
            return [rf"{body}\^\^(?:{dts})"]
        if term.language:
            return [rf"{body}@{re.escape(term.language)}"]
        return [body]
    return []


def iter_locations(
    text: str, term: Node, namespaces: Mapping[str, str] | None = None
) -> Iterator[tuple[int, int]]:
    """Yield every ``(line, column)`` (1-based) where ``term`` is written, in order.

    Examples
    --------
    >>> list(iter_locations("<http://a> <http://b> <http://a> .", URIRef("http://a")))
    [(1, 1), (1, 23)]
    """
    ns = prefixes(text) if namespaces is None else namespaces
    pats = _patterns(term, ns)
    if not pats:
        return
    regex = re.compile("|".join(f"(?:{p})" for p in pats))
    for match in regex.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if "#" in text[line_start : match.start()] and _in_comment(
            text[line_start : match.start()]
        ):
            continue
        yield _position(text, match.start())


def _in_comment(prefix: str) -> bool:
    in_str: str | None = None
    in_iri = False
    for ch in prefix:
        if in_str:
            in_str = None if ch == in_str else in_str
        elif in_iri:
            in_iri = ch != ">"
        elif ch in "\"'":
            in_str = ch
        elif ch == "<":
            in_iri = True
        elif ch == "#":
            return True
    return False


def locate_term(
    text: str, term: Node, namespaces: Mapping[str, str] | None = None
) -> tuple[int, int] | None:
    """Return the first ``(line, column)`` where ``term`` is written, or None.

    IRIs are found written as ``<iri>`` or as a prefixed name using the
    ``namespaces`` (default: the text's own ``@prefix`` declarations);
    literals as their quoted lexical form with their ``^^datatype`` or ``@lang``.

    Examples
    --------
    >>> t = '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\\n<a> <b> "x"^^xsd:date .'
    >>> from rdflib.namespace import XSD
    >>> locate_term(t, Literal("x", datatype=XSD.date))
    (2, 9)
    """
    if isinstance(term, URIRef) and namespaces in (None, prefixes(text)):
        # the file's own declarations, where each takes effect (@base, a prefix redefined)
        found = locate_iri(text, str(term))
        if found is not None:
            return found
    return next(iter_locations(text, term, namespaces), None)


def locate_subject(
    text: str, term: Node, namespaces: Mapping[str, str] | None = None
) -> tuple[int, int] | None:
    """Like :func:`locate_term`, preferring a use at the start of a line (a subject).

    Examples
    --------
    >>> locate_subject("<b> <p> <a> .\\n<a> <p> <b> .", URIRef("a"))
    (2, 1)
    """
    first: tuple[int, int] | None = None
    lines = text.split("\n")
    for line, col in iter_locations(text, term, namespaces):
        if not lines[line - 1][: col - 1].strip():
            return line, col
        first = first or (line, col)
    return first


@dataclass(frozen=True)
class Block:
    """A statement written from the start of a line: its first line and its text."""

    line: int
    text: str

    def find(
        self, term: Node, namespaces: Mapping[str, str], after: int = 0
    ) -> tuple[int, int, int] | None:
        r"""``(offset, line, column)`` of the first ``term`` written at or after
        character ``after`` of the block (line in the file), or None.

        Examples
        --------
        >>> Block(7, "<a> <p> <b> ;\n  <q> <b> .").find(URIRef("b"), {}, after=13)
        (20, 8, 7)
        """
        offset = _plain_find(self.text, term, namespaces, after)
        if offset is not None:
            line, col = _position(self.text, offset)
            return offset, self.line + line - 1, col
        for line, col in iter_locations(self.text, term, namespaces):
            offset = _offset(self.text, line, col)
            if offset >= after:
                return offset, self.line + line - 1, col
        return None


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
            whole = form[0] in '<"' or i == 0 or not re.match(_NAME_CHAR, text[i - 1])
            whole = whole and (
                form[-1] in '>"' or not re.match(_NAME_END_CHAR, text[end : end + 1])
            )
            if whole and not _in_comment(text[text.rfind("\n", 0, i) + 1 : i]):
                best = i if best is None else min(best, i)
                break
            start = i + 1
    return best


def column_in_line(text: str, term: Node, namespaces: Mapping[str, str]) -> int | None:
    """The 1-based column of ``term`` in one line of text, or None.

    Examples
    --------
    >>> column_in_line("<a> <p> <b> .", URIRef("b"), {})
    9
    """
    offset = _plain_find(text, term, namespaces, 0)
    if offset is not None:
        return offset + 1
    return next((col for _, col in iter_locations(text, term, namespaces)), None)


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


@dataclass
class SubjectIndex:
    """Where the wanted subjects' statements are written in one file (see :func:`scan_subjects`)."""

    path: Path
    namespaces: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, list[Block]] = field(default_factory=dict)


def _expand(token: str, namespaces: Mapping[str, str]) -> str | None:
    if token.startswith("<"):
        end = token.find(">")
        return token[1:end] if end > 0 else None
    prefix, colon, local = token.partition(":")
    if not colon or prefix not in namespaces:
        return None
    return namespaces[prefix] + local.rstrip(";,.")


def scan_subjects(path: Path, subjects: Collection[str]) -> SubjectIndex:
    r"""Read a Turtle or N-Triples file once, keeping the statements about ``subjects``.

    A statement starts on a line whose first character is not blank (the way
    Turtle files are written: one subject per statement, its predicates
    indented below it; N-Triples: one triple per line) and runs until the next
    such line. Only the statements whose subject (an IRI, written ``<iri>`` or
    as a prefixed name) is in ``subjects`` are kept, so the index stays small
    for a file of millions of triples.

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
    index = SubjectIndex(path)
    wanted = set(subjects)
    found: dict[str, list[tuple[int, list[str]]]] = {}
    current: list[str] | None = None
    with path.open(encoding="utf-8-sig", errors="replace") as stream:
        for number, line in enumerate(stream, 1):
            if line[:1] in (" ", "\t"):
                if current is not None:
                    current.append(line)
                continue
            current = None
            if line[:7].lower().startswith(("@prefix", "prefix")):
                index.namespaces.update(prefixes(line))
                continue
            end = line.find(" ")
            iri = _expand(line[:end] if end > 0 else line.strip(), index.namespaces)
            if iri is not None and iri in wanted:
                current = [line]
                found.setdefault(iri, []).append((number, current))
    index.blocks = {iri: [Block(n, "".join(text)) for n, text in b] for iri, b in found.items()}
    return index


__all__ = [
    "Block",
    "SubjectIndex",
    "column_in_line",
    "iter_locations",
    "locate_subject",
    "locate_term",
    "prefixes",
    "scan_subjects",
]
