"""Findings that only follow from a file that does not parse: found, then held back.

When a data file has a syntax error, the checks still run on the files that parse,
but a finding about a node that the broken file mentions (as focus or value) may
only come from the triples that could not be read: a dangling reference into that
file, a missing label that is written there; and any term may be used only there
(so no ``unused-term`` warning is given). Such
findings are not reported; a notice counts them, and they come back (or vanish)
once the file parses.

Examples
--------
>>> sorted(mentioned('@prefix id: <https://w3id.org/conflict-kg/id/> .\\nid:a <urn:b>'))
['https://w3id.org/conflict-kg/id/a', 'id:a', 'urn:b']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from kg.check.diagnostic import Diagnostic
from kg.read.locate import prefixes

UNKNOWABLE = frozenset({"unused-term"})
"""Codes that no file can be cleared of while one does not parse (a term may be used there)."""

_IRI = re.compile(r"<([^<>\s]*)>")
_NAME = re.compile(r"(?<![\w:/#.-])([A-Za-z][\w.-]*)?:((?:[\w-]|\.(?=[\w-]))*)")


def mentioned(text: str) -> set[str]:
    """The IRIs a Turtle text names, written whole or as prefixed names (even if it is broken).

    A prefixed name is kept in both forms, expanded and as written (a finding's value
    is shown as a prefixed name).
    """
    names = prefixes(text)
    found = {m.group(1) for m in _IRI.finditer(text)} - set(names.values())
    for m in _NAME.finditer(text):
        namespace = names.get(m.group(1) or "")
        if namespace is not None and m.group(2):
            found |= {namespace + m.group(2), m.group(0)}
    return found


def hold_back(
    found: Sequence[Diagnostic], broken: Sequence[Path]
) -> tuple[list[Diagnostic], list[str]]:
    """The findings to report, and a notice for those held back (see the module docstring)."""
    names: set[str] = set()
    for path in broken:
        names |= mentioned(path.read_text(encoding="utf-8", errors="replace"))
    kept = [
        d
        for d in found
        if d.focus not in names and d.value not in names and d.code not in UNKNOWABLE
    ]
    held = len(found) - len(kept)
    if not held:
        return kept, []
    files = ", ".join(str(p) for p in broken)
    return kept, [
        f"{held} finding(s) not shown: they are about what {files} mentions and may only "
        "follow from its syntax error (fix it and validate again)"
    ]


__all__ = ["UNKNOWABLE", "hold_back", "mentioned"]
