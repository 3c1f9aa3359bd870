"""Find where an RDF term is written in a Turtle file, to report ``file:line``.

Examples
--------
>>> text = '@prefix ex: <http://ex.org/> .\\nex:a ex:p "1"^^ex:t .\\n'
>>> locate_term(text, URIRef("http://ex.org/p"))
(2, 6)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.read.scoped import locate_iri

_PREFIX_RE = re.compile(r"(?im)^\s*@?prefix\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>")
NAME_CHAR = r"[\w.:%\\-]"
_NAME_END = r"(?![\w:%\\-]|\.[\w:%\\-])"


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
            pats.append(rf"(?<!{NAME_CHAR}){re.escape(prefix)}:{re.escape(local)}{_NAME_END}")
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
        if "#" in text[line_start : match.start()] and in_comment(text[line_start : match.start()]):
            continue
        yield _position(text, match.start())


def in_comment(prefix: str) -> bool:
    """Whether the text after ``prefix`` (the start of a line) is in a ``#`` comment.

    Examples
    --------
    >>> in_comment('<a> "#" '), in_comment("<a#b> # ")
    (False, True)
    """
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


__all__ = [
    "in_comment",
    "iter_locations",
    "locate_subject",
    "locate_term",
    "prefixes",
]
