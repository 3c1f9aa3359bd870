"""Text made safe to print, and the form of a language tag: no RDF library needed.

Used by the reports (:mod:`kg.check.formats`), the command line's error lines and the
query results' text formats, which must not import rdflib (a lookup from the command
line starts in about 60 ms).

Examples
--------
>>> escaped("a\\x1b[31mb")
'a\\\\u001b[31mb'
>>> bool(LANGTAG.fullmatch("ru-Latn"))
True
"""

from __future__ import annotations

import re

UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Code points XML 1.0 cannot carry (C0 controls but tab/LF/CR, surrogates, U+FFFE/F),
DEL and the C1 controls (a terminal may act on them: CSI, NEL)."""

LANGTAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
"""A well-formed BCP 47 language tag (subtags of 1-8 letters or digits)."""


def escaped(text: str) -> str:
    """``text`` with every :data:`UNPRINTABLE` code point written as ``\\\\uXXXX``.

    Examples
    --------
    >>> escaped("tab\\tstays")
    'tab\\tstays'
    """
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


__all__ = ["LANGTAG", "UNPRINTABLE", "escaped"]
