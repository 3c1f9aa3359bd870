"""Find where an IRI is written, honouring where ``@prefix`` and ``@base`` take effect.

A prefix may be declared again part-way through a file, and ``@base`` makes
``<mediatedby>`` mean another IRI than it says; a plain text search then names
the wrong line (an earlier use under the old prefix) or no line at all. Here
every ``<…>`` and prefixed name is resolved with the declarations in effect at
its position, and the first one that means the IRI sought is returned.

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
from urllib.parse import urljoin

_DECL = re.compile(
    r"(?im)^[ \t]*(?:@?prefix[ \t]+([A-Za-z][\w.-]*)?:[ \t]*<([^>]*)>|@?base[ \t]+<([^>]*)>)"
)
_TOKEN = re.compile(
    r"<([^<>\"{}|^`\\\s]*)>"  # an IRI reference
    r"|(?<![\w.:%\\-])([A-Za-z][\w.-]*)?:((?:[\w%-]|\\.)(?:(?:[\w.%-]|\\.)*(?:[\w%-]|\\.))?)?"
)


def _apply(decl: re.Match[str], names: dict[str, str], base: str) -> str:
    """Apply one declaration to ``names``; return the base in effect after it."""
    if decl.group(3) is not None:
        return urljoin(base, decl.group(3)) if base else decl.group(3)
    names[decl.group(1) or ""] = urljoin(base, decl.group(2)) if base else decl.group(2)
    return base


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


def locate_iri(text: str, iri: str) -> tuple[int, int] | None:
    """The first ``(line, column)`` (1-based) where a token means ``iri``, or None.

    One pass over the text: the declarations are applied as the tokens reach them.
    """
    decls = list(_DECL.finditer(text))
    names: dict[str, str] = {}
    base = ""
    done = 0
    for m in _TOKEN.finditer(text):
        while done < len(decls) and decls[done].start() <= m.start():
            base = _apply(decls[done], names, base)
            done += 1
        if m.group(1) is not None:
            meant = urljoin(base, m.group(1)) if base else m.group(1)
        elif (m.group(2) or "") in names:
            meant = names[m.group(2) or ""] + re.sub(r"\\(.)", r"\1", m.group(3) or "")
        else:
            continue
        if meant == iri and not _skipped(text, m.start()):
            line = text.count("\n", 0, m.start()) + 1
            return line, m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    return None


__all__ = ["locate_iri"]
