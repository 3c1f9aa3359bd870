"""What the reader accepts beyond the letter of the parser, and what it refuses.

* A UTF-8 byte-order mark at the start of a file is skipped (editors on Windows write
  one; Oxigraph's parser would read it as part of the first term).
* RDF-star / RDF 1.2 triple terms (``<< … >>``) are refused: rdflib, pySHACL,
  Virtuoso 7 and the published N-Triples of RDF 1.1 cannot hold them, so a file with
  one fails with a syntax finding at the ``<<`` instead of passing one command and
  breaking the next.

Both are tested on the raw bytes first (``mmap``), so a file without either costs one
search.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.ttl"
>>> _ = path.write_bytes(b"\\xef\\xbb\\xbf<urn:a> <urn:b> <urn:c> .\\n")
>>> readable_bytes(path)
b'<urn:a> <urn:b> <urn:c> .\\n'
"""

from __future__ import annotations

import mmap
from pathlib import Path

import pyoxigraph as ox

from kg.errors import LoadError

BOM = b"\xef\xbb\xbf"


def _mentions(path: Path, marker: bytes) -> bool:
    if path.stat().st_size == 0:
        return False
    with path.open("rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as m:
        return m.find(marker) >= 0


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def _first_marker(data: bytes) -> int:
    """The first ``<<`` not in a comment or a string on its line (else the first at all)."""
    at = data.find(b"<<")
    while at >= 0:
        before = data[data.rfind(b"\n", 0, at) + 1 : at]
        if b"#" not in before and before.count(b'"') % 2 == 0:
            return at
        at = data.find(b"<<", at + 2)
    return data.find(b"<<")


def readable_bytes(path: Path) -> bytes | None:
    """The file's bytes when they need a look before loading (a BOM or ``<<``), else None.

    Raises
    ------
    LoadError
        The file holds a triple term (at the ``<<`` that starts it).
    """
    with path.open("rb") as stream:
        bom = stream.read(3) == BOM
    if not bom and not _mentions(path, b"<<"):
        return None
    data = path.read_bytes().removeprefix(BOM)
    if b"<<" not in data:
        return data
    probe = ox.Store()
    try:
        probe.load(
            data,
            format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE,
        )
    except (SyntaxError, ValueError):
        return data  # the real load reports the syntax error with its position
    if not probe.query("ASK { ?s ?p ?o FILTER (isTRIPLE(?s) || isTRIPLE(?o)) }"):
        return data
    line, column = _position(data, _first_marker(data))
    raise LoadError(
        path,
        "a triple term (RDF-star / RDF 1.2 '<< … >>') is not accepted",
        line=line,
        column=column,
        hint="State the fact as plain triples (and its source with ckg:attestedBy); "
        "rdflib, Virtuoso 7 and RDF 1.1 N-Triples cannot hold triple terms.",
    )


__all__ = ["BOM", "readable_bytes"]
