"""N-Triples text as ``publish`` sends it: one triple a line, line breaks inside literals escaped.

A literal may hold U+2028, U+2029, U+0085, CR, VT, FF or U+001C–U+001E: N-Triples
allows them raw, but Python's ``splitlines()`` cuts a line there and some stores'
parsers end the string (Virtuoso 7). Here they are written as ``\\uXXXX``
escapes, which mean the same, and lines are split on ``\\n`` alone.

:class:`NTriplesText` keeps a graph of a million triples as one ``bytes`` object
(the form a Graph Store ``POST`` sends) and splits it into lines only when a
caller asks for them (SPARQL Update batches, the changes of a republish).

Examples
--------
>>> text = NTriplesText('<urn:s> <urn:p> "a\\u2028b" .\\n'.encode())
>>> len(text), text.data
(1, b'<urn:s> <urn:p> "a\\\\u2028b" .\\n')
>>> list(text)
['<urn:s> <urn:p> "a\\\\u2028b" .']
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, wait
from typing import overload

_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# the same characters in UTF-8: a lead byte never occurs inside another character
_BREAK_BYTES = tuple(c.encode() for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_LINE_BREAK_BYTES = re.compile(b"|".join(re.escape(b) for b in _BREAK_BYTES))


def escaped_breaks(line: str) -> str:
    """``line`` with U+2028, U+0085, CR... inside literals written as ``\\uXXXX`` escapes.

    Examples
    --------
    >>> escaped_breaks('<urn:s> <urn:p> "a' + chr(0x2028) + 'b" .')
    '<urn:s> <urn:p> "a\\\\u2028b" .'
    """
    return _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04X}", line)


def _escape_bytes(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match.group().decode('utf-8')):04X}".encode("ascii")


def escaped_break_bytes(data: bytes) -> bytes:
    """UTF-8 N-Triples ``data`` with the line breaks of :func:`escaped_breaks` escaped.

    Examples
    --------
    >>> escaped_break_bytes('"a\\u0085b"'.encode())
    b'"a\\\\u0085b"'
    """
    if not any(seq in data for seq in _BREAK_BYTES):  # the usual case: no copy, no regex
        return data
    return _LINE_BREAK_BYTES.sub(_escape_bytes, data)


def _normal(data: bytes) -> bytes:
    """One triple a line, each ended by ``\\n``, the line breaks in literals escaped."""
    data = escaped_break_bytes(data)
    if data.startswith(b"\n") or b"\n\n" in data or not data.endswith(b"\n"):
        kept = [line for line in data.split(b"\n") if line.strip()]
        data = b"\n".join(kept) + b"\n" if kept else b""
    return data


class NTriplesText(Sequence[str]):
    """N-Triples text with one triple a line, seen as the sequence of its lines.

    Parameters
    ----------
    data : bytes or Future of bytes
        UTF-8 N-Triples, one triple a line (as Oxigraph writes it), without
        duplicate lines; line breaks inside literals are escaped here. A
        future is waited for when the text is first needed; its text is
        escaped as soon as it comes, in the thread that gives it (about 0.6 s
        for a million triples, off the path of whoever waits for it later).
    """

    def __init__(self, data: bytes | Future[bytes]) -> None:
        self._lock = threading.Lock()
        self._data = data if isinstance(data, Future) else _normal(data)
        self._lines: list[str] | None = None
        self._count: int | None = None
        if isinstance(data, Future):
            data.add_done_callback(self._settle)

    def _settle(self, done: Future[bytes]) -> None:
        if done.exception() is None:
            self.data  # noqa: B018 (escaped now; a failed future raises when it is read)

    @property
    def data(self) -> bytes:
        """The text (waits for it when it was given as a future)."""
        with self._lock:
            if isinstance(self._data, Future):
                self._data = _normal(self._data.result())
            return self._data

    def ready(self, timeout: float) -> bool:
        """Whether the text is there, waiting up to ``timeout`` seconds for its future.

        Examples
        --------
        >>> NTriplesText(b"").ready(0)
        True
        """
        if isinstance(self._data, Future):
            return wait([self._data], timeout=timeout).done != set()
        return True

    def lines(self) -> list[str]:
        """The lines, without their ``\\n`` (split once, when first asked)."""
        if self._lines is None:
            self._lines = [line for line in self.data.decode("utf-8").split("\n") if line]
        return self._lines

    def __len__(self) -> int:
        if self._count is None:
            self._count = self.data.count(b"\n")
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self.lines()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines())

    def in_graph(self, graph: str) -> bytes:
        """The triples as N-Quads lines in the named ``graph``.

        Examples
        --------
        >>> NTriplesText(b"<urn:s> <urn:p> <urn:o> .\\n").in_graph("urn:g")
        b'<urn:s> <urn:p> <urn:o> <urn:g> .\\n'
        """
        end = f" <{graph}> .\n".encode()
        if self.data.count(b" .\n") == self.data.count(b"\n"):  # a raw "\n" ends a line only
            return self.data.replace(b" .\n", end)
        return b"".join(as_quad(line, graph).encode() + b"\n" for line in self.lines())


def as_quad(line: str, graph: str | None) -> str:
    """An N-Triples line as an N-Quads line in ``graph`` (None: the default graph).

    Examples
    --------
    >>> as_quad('<urn:s> <urn:p> "o" .', "urn:g")
    '<urn:s> <urn:p> "o" <urn:g> .'
    """
    if graph is None:
        return line
    return f"{line.rstrip().removesuffix('.').rstrip()} <{graph}> ."


def joined(lines: Sequence[str]) -> bytes:
    """``lines`` as one UTF-8 text, each ended by ``\\n`` (no copy for :class:`NTriplesText`).

    Examples
    --------
    >>> joined(["<urn:a> <urn:p> <urn:b> ."])
    b'<urn:a> <urn:p> <urn:b> .\\n'
    """
    if isinstance(lines, NTriplesText):
        return lines.data
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


__all__ = [
    "NTriplesText",
    "as_quad",
    "escaped_break_bytes",
    "escaped_breaks",
    "joined",
]
