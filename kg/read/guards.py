"""What the reader accepts beyond the letter of the parser, and what it refuses.

* A UTF-8 byte-order mark at the start of a file is skipped (editors on Windows write
  one; Oxigraph's parser would read it as part of the first term).
* A Turtle or N-Triples file that is not UTF-8 is refused at its first bad byte, also
  in a comment, where Oxigraph's parser does not look (rdflib's reads the whole text,
  so either engine stops at the same byte).
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


UTF8_CHUNK = 1 << 23
"""Bytes decoded at a time by :func:`refuse_non_utf8` (its memory stays bounded)."""


def not_utf8(path: Path, data: bytes, start: int) -> LoadError:
    """The error of a file whose bytes ``data`` are not UTF-8 from offset ``start`` on."""
    line, column = _position(data, start)
    return LoadError(
        path,
        f"not UTF-8 (byte 0x{data[start]:02x})",
        line=line,
        column=column,
        hint="Save the file as UTF-8.",
    )


def refuse_non_utf8(path: Path) -> None:
    """Raise :func:`not_utf8`'s error at the file's first byte that is not UTF-8.

    Decoded :data:`UTF8_CHUNK` bytes at a time from a memory map (about 0.2 s for the
    144 MB of 10^6 generated triples).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.ttl"
    >>> _ = path.write_bytes(b"# caf\\xe9\\n<urn:a> <urn:b> <urn:c> .\\n")
    >>> try:
    ...     refuse_non_utf8(path)
    ... except LoadError as err:
    ...     print(err.line, err.column, err.what)
    1 6 not UTF-8 (byte 0xe9)
    """
    if path.stat().st_size == 0:
        return
    with path.open("rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as m:
        start = 0
        while start < len(m):
            end = min(start + UTF8_CHUNK, len(m))
            back = 0
            while end < len(m) and back < 3 and m[end] & 0xC0 == 0x80:
                end, back = end - 1, back + 1  # end the piece before a character, not inside
            try:
                m[start:end].decode("utf-8")
            except UnicodeDecodeError as exc:
                raise not_utf8(path, m[: start + exc.start + 1], start + exc.start) from None
            start = end


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


__all__ = ["BOM", "not_utf8", "readable_bytes", "refuse_non_utf8"]
