"""Find where an IRI is written, honouring where ``@prefix`` and ``@base`` take effect.

A prefix may be declared again part-way through a file, and ``@base`` makes
``<mediatedby>`` mean another IRI than it says; a plain text search then names
the wrong line (an earlier use under the old prefix) or no line at all. Here
every ``<…>`` and prefixed name is resolved with the declarations in effect at
its position (a :class:`Scope`), and the first one that means the IRI sought is returned.

Examples
--------
>>> text = "@prefix ex: <http://a/> .\\nex:x ex:p ex:y .\\n"
>>> text += "@prefix ex: <http://b/> .\\nex:x ex:p ex:y ."
>>> locate_iri(text, "http://b/p")
(4, 6)
>>> locate_iri("@base <http://o/ns#> .\\n<s> <mediatedby> <o> .", "http://o/mediatedby")
(2, 5)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

_DECL = re.compile(
    r"(?im)^[ \t]*(?:@?prefix[ \t]+([A-Za-z][\w.-]*)?:[ \t]*<([^>]*)>|@?base[ \t]+<([^>]*)>)"
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_TOKEN = re.compile(
    r"<([^<>\"{}|^`\\\s]*)>"  # an IRI reference
    r"|(?<![\w.:%\\-])([A-Za-z][\w.-]*)?:((?:[\w%-]|\\.)(?:(?:[\w.%-]|\\.)*(?:[\w%-]|\\.))?)?"
)


@dataclass
class Scope:
    """The prefixes and the base in effect at one point of a Turtle file.

    Examples
    --------
    >>> scope = Scope().declared("@base <http://o/a/> .").declared("PREFIX x: <b/>")
    >>> scope.resolve("<c>"), scope.resolve("x:d"), scope.resolve("y:e")
    ('http://o/a/c', 'http://o/a/b/d', None)
    """

    names: dict[str, str] = field(default_factory=dict)
    base: str = ""

    def copy(self) -> Scope:
        """A scope that later declarations of this one leave as it is."""
        return Scope(dict(self.names), self.base)

    def _apply(self, decl: re.Match[str]) -> None:
        if decl.group(3) is not None:
            self.base = self.join(decl.group(3))
        else:
            self.names[decl.group(1) or ""] = self.join(decl.group(2))

    def declared(self, line: str) -> Scope | None:
        """This scope with the ``@prefix``/``PREFIX``/``@base``/``BASE`` that starts ``line``
        applied (a copy: this one is left as it is); None when ``line`` starts with none."""
        decl = _DECL.match(line)
        if decl is None:
            return None
        scope = self.copy()
        scope._apply(decl)
        return scope

    def join(self, reference: str) -> str:
        """``reference`` (the text between ``<`` and ``>``) resolved against the base.

        Examples
        --------
        >>> Scope(base="http://o/a/").join("../b#"), Scope(base="http://o/").join("urn:x#")
        ('http://o/b#', 'urn:x#')
        """
        if not self.base or _SCHEME.match(reference):
            return reference
        joined = urljoin(self.base, reference)  # drops an empty fragment, which RFC 3986 keeps
        return joined + "#" if reference.endswith("#") and not joined.endswith("#") else joined

    def resolve(self, token: str) -> str | None:
        """The IRI meant by ``<ref>`` or ``prefix:local`` here; None for an unknown prefix."""
        match = _TOKEN.match(token)
        return None if match is None else self._meant(match)

    def _meant(self, match: re.Match[str]) -> str | None:
        if match.group(1) is not None:
            return self.join(match.group(1))
        if (match.group(2) or "") in self.names:
            return self.names[match.group(2) or ""] + re.sub(r"\\(.)", r"\1", match.group(3) or "")
        return None


def _skipped(text: str, offset: int) -> bool:
    """True inside a comment, a string or a declaration (rough, line-local)."""
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    if _DECL.match(text, start):
        return True
    quotes = 0
    for ch in before:
        if ch == '"':
            quotes += 1
        elif ch == "#" and quotes % 2 == 0 and "<" not in before[before.rfind(">") + 1 :]:
            return True
    return quotes % 2 == 1


def find_iri(text: str, iri: str, scope: Scope | None = None, *, after: int = 0) -> int | None:
    """The first offset at or after ``after`` where a token of ``text`` means ``iri``, or None.

    One pass over the text, starting from the declarations of ``scope`` (default: none):
    those written in ``text`` are applied as the tokens reach them.

    Examples
    --------
    >>> find_iri("<a> <b> .", "http://o/b", Scope(base="http://o/"))
    4
    """
    current = Scope() if scope is None else scope.copy()
    decls = list(_DECL.finditer(text))
    done = 0
    for m in _TOKEN.finditer(text):
        while done < len(decls) and decls[done].start() <= m.start():
            current._apply(decls[done])
            done += 1
        if m.start() >= after and current._meant(m) == iri and not _skipped(text, m.start()):
            return m.start()
    return None


def locate_iri(text: str, iri: str) -> tuple[int, int] | None:
    """The first ``(line, column)`` (1-based) where a token means ``iri``, or None."""
    offset = find_iri(text, iri)
    if offset is None:
        return None
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


__all__ = ["Scope", "find_iri", "locate_iri"]
