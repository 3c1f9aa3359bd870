"""Refuse XML that declares entities before any XML parser expands them.

RDF/XML read by Oxigraph or rdflib expands internal entities: a 1 KB file of
nested entities (the "billion laughs") grows to gigabytes. External entities
(``SYSTEM "file:///…"``) read files or the network. conflict-kg data never
needs either, so an RDF/XML file whose document type declares any entity is
refused with its line. The check reads the document type as text, before any
XML parser sees the file.

Examples
--------
>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "a.rdf"
>>> _ = path.write_text('<!DOCTYPE r [<!ENTITY a "aa">]>\\n<r>&a;</r>')
>>> refuse_entities(path)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.LoadError: .../a.rdf:1: XML entity declarations are refused (entity 'a')...
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from kg.errors import LoadError

_DECL = re.compile(r"<!ENTITY\s+(?:%\s+)?([^\s>]+)")
_DOCTYPE = re.compile(r"<!DOCTYPE\b")


def _head(p: Path) -> str:
    """The first MiB of ``p`` as text (UTF-16 by its BOM, else byte for byte)."""
    with p.open("rb") as stream:
        raw = stream.read(1 << 20)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    return raw.decode("latin-1")


def refuse_entities(path: str | os.PathLike[str]) -> None:
    """Raise LoadError if the XML file at ``path`` declares an entity.

    The document type is read as text (no XML parser is involved, so nothing
    can expand); a file that is not well-formed is left to the RDF/XML parser,
    which reports the syntax error with its position.

    Raises
    ------
    LoadError
        ``path:line`` of the first ``<!ENTITY`` declaration of the document type.
    """
    p = Path(path)
    try:
        head = _head(p)
    except OSError:
        return  # the RDF parser says why it cannot read the file
    doctype = _DOCTYPE.search(head)
    found = _DECL.search(head, doctype.end()) if doctype else None
    if found is None:
        return
    raise LoadError(
        p,
        f"XML entity declarations are refused (entity {found.group(1)!r}): an entity can "
        "expand a small file to gigabytes, or read other files",
        line=head.count("\n", 0, found.start()) + 1,
        hint="Write the text out in full and remove the <!DOCTYPE …> declaration.",
    )


__all__ = ["refuse_entities"]
