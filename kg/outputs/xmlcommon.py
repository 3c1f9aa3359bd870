"""What the GEXF and GraphML writers share: attribute types, value text, XML output.

Both writers compose their document as text (:class:`TextDocument`), each node
or edge line one string, with the escaping of lxml's serializer
(:func:`xml_attr`, :func:`xml_text`, tested equal to lxml's for every
character); characters XML does not allow raise :class:`ValueError`, so nothing
invalid is written.

Examples
--------
>>> attribute_types([{"a": 1, "b": "x"}, {"a": 2.5}], skip=set())
{'a': 'double', 'b': 'string'}
>>> value_text(True), value_text(3)
('true', '3')
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import networkx as nx

LINES = tuple("\n" + "  " * depth for depth in range(4))
"""A line break and the indentation of each depth, written between elements:
the writers put one node, edge or key per line."""


class EmptyViewWarning(UserWarning):
    """The exported view has no node (the file is valid but empty)."""


def warn_if_empty(view: nx.Graph) -> None:
    """Warn with :class:`EmptyViewWarning` when ``view`` has no node."""
    if view.number_of_nodes() == 0:
        name = view.graph.get("view", "graph")
        when = view.graph.get("at") or view.graph.get("between") or "any date"
        warnings.warn(f"view {name!r} is empty ({when})", EmptyViewWarning, stacklevel=4)


def edges_of(view: nx.Graph) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(u, v, data)`` of every edge, for simple graphs and multigraphs alike.

    A multigraph's edges are read with their keys, in the same order: networkx's
    keyed edge view walks the adjacency directly, where the unkeyed one takes
    about twice as long on 10^5 edges.
    """
    if view.is_multigraph():
        return ((u, v, data) for u, v, _, data in view.edges(keys=True, data=True))
    return iter(view.edges(data=True))


def _type_of(kinds: set[type]) -> str:
    if kinds == {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "integer"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


_UNTYPED = (type(None), dict, list)


def attribute_types(items: Iterable[dict[str, Any]], skip: set[str]) -> dict[str, str]:
    """``{name: GEXF type}`` of the attributes in ``items`` (sorted by name).

    >>> attribute_types([{"ok": True, "n": None}], skip=set())
    {'ok': 'boolean'}
    """
    pairs = {(key, type(value)) for data in items for key, value in data.items()}
    kinds: dict[str, set[type]] = {}
    for key, kind in pairs:
        if key not in skip and not issubclass(kind, _UNTYPED):
            kinds.setdefault(key, set()).add(kind)
    return {key: _type_of(found) for key, found in sorted(kinds.items())}


def value_text(value: Any) -> str:
    """An attribute value as XML text (booleans as ``true``/``false``).

    >>> value_text(False), value_text("a")
    ('false', 'a')
    """
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def not_xml(what: str, data: dict[str, Any], exc: ValueError) -> ValueError:
    """The error for ``what`` (a node or edge) whose ``data`` lxml refused as XML.

    Names the attribute and the character XML 1.0 does not allow.

    >>> print(not_xml("node 'a'", {"label": "a\\x01"}, ValueError("lxml")))
    node 'a': label 'a\\x01' holds '\\x01', a character XML does not allow
    """
    for key, value in data.items():
        found = None if value is None else _FORBIDDEN.search(value_text(value))
        if found is not None:
            return ValueError(
                f"{what}: {key} {value!r} holds {found.group()!r}, a character XML does not allow"
            )
    return ValueError(f"{what}: {exc}")


SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
"""A character that :func:`xml_attr` or :func:`xml_text` escapes or refuses (text without
one is written as it is)."""


def _escaped(value: str, quotes: bool) -> str:
    if _FORBIDDEN.search(value) is not None:
        raise ValueError(f"{value!r} holds a character XML does not allow")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quotes:
        value = value.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    return value.replace("\r", "&#13;")


def xml_attr(value: str) -> str:
    """``value`` escaped as lxml escapes an attribute value (``tests/test_xmltext.py``).

    Raises :class:`ValueError` for a character XML 1.0 does not allow.

    >>> xml_attr('a "b" & <c>\\n')
    'a &quot;b&quot; &amp; &lt;c&gt;&#10;'
    """
    return value if SPECIAL.search(value) is None else _escaped(value, True)


def xml_text(value: str) -> str:
    """``value`` escaped as lxml escapes element text (quotes, tabs and line breaks kept).

    >>> xml_text('a "b" & <c>')
    'a "b" &amp; &lt;c&gt;'
    """
    return value if SPECIAL.search(value) is None else _escaped(value, False)


def start_tag(tag: str, attrs: dict[str, str]) -> str:
    """``<tag a="v" …>`` with the values escaped (:func:`xml_attr`), in ``attrs``' order.

    >>> start_tag("node", {"id": "a&b"})
    '<node id="a&amp;b">'
    """
    return f"<{tag}" + "".join(f' {k}="{xml_attr(v)}"' for k, v in attrs.items()) + ">"


XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"
"""The declaration lxml writes (and so the writers keep)."""


class TextDocument:
    """An XML document written as text, encoded to UTF-8 in chunks (bounded memory).

    The writers compose each node and edge line as a string (with
    :func:`xml_attr`, :func:`xml_text`), several times faster than one
    ``xf.element`` call per element, with the bytes lxml would write. The chunks
    go to ``stream`` (a file ``build`` writes), else to memory (:meth:`getvalue`).
    """

    def __init__(self, stream: BinaryIO | None = None) -> None:
        self.buf: BinaryIO = io.BytesIO() if stream is None else stream
        self.parts: list[str] = [XML_DECLARATION]

    def write(self, text: str) -> None:
        """Append ``text`` (markup, already escaped)."""
        self.parts.append(text)
        if len(self.parts) > 4096:
            self.buf.write("".join(self.parts).encode("utf-8"))
            self.parts.clear()

    def close(self) -> None:
        """Write what is left to the stream."""
        self.buf.write("".join(self.parts).encode("utf-8"))
        self.parts.clear()

    def getvalue(self) -> bytes:
        """The whole document (written in memory)."""
        self.close()
        assert isinstance(self.buf, io.BytesIO)
        return self.buf.getvalue()


__all__ = [
    "LINES",
    "SPECIAL",
    "XML_DECLARATION",
    "TextDocument",
    "start_tag",
    "xml_attr",
    "xml_text",
    "EmptyViewWarning",
    "attribute_types",
    "edges_of",
    "not_xml",
    "value_text",
    "warn_if_empty",
]
