"""Write large XML documents fast, byte for byte as lxml's pretty printer does.

:mod:`kg.export` writes GEXF and GraphML files of 10^5 elements and more;
building an lxml tree first costs seconds and several times the file's size in
memory. :class:`XmlText` appends the lines of the document instead, indented by
two spaces per level, with the escaping of lxml/libxml2 (``&amp;``, ``&lt;``,
``&gt;``; in attributes also ``&quot;``, ``&#10;``, ``&#13;``, ``&#9;``; in text
``&#13;``). A character XML 1.0 does not allow raises :class:`ValueError` with
lxml's message, so nothing invalid is written.

Examples
--------
>>> doc = XmlText()
>>> doc.open("r", {"a": 'x"y'})
>>> doc.leaf("t", {}, "1 < 2")
>>> doc.empty("e", {})
>>> doc.close("r")
>>> print(doc.getvalue().decode())
<?xml version='1.0' encoding='UTF-8'?>
<r a="x&quot;y">
  <t>1 &lt; 2</t>
  <e/>
</r>
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_SPECIAL_ATTR = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
_SPECIAL_TEXT = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INVALID_MESSAGE = (
    "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
)
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _check(value: str) -> None:
    if _INVALID.search(value) is not None:
        raise ValueError(_INVALID_MESSAGE)


def escape_attribute(value: str) -> str:
    """``value`` escaped for a double-quoted attribute.

    >>> escape_attribute('Tom & "Jerry"')
    'Tom &amp; &quot;Jerry&quot;'
    """
    if _SPECIAL_ATTR.search(value) is None:
        return value
    _check(value)
    return value.translate(_ATTR_ESCAPES)


def escape_text(value: str) -> str:
    """``value`` escaped as element text.

    >>> escape_text('a "<b>"')
    'a "&lt;b&gt;"'
    """
    if _SPECIAL_TEXT.search(value) is None:
        return value
    _check(value)
    return value.translate(_TEXT_ESCAPES)


def attributes(attrs: Mapping[str, str]) -> str:
    """The attributes as written in a start tag (with a leading space each)."""
    return "".join([f' {name}="{escape_attribute(value)}"' for name, value in attrs.items()])


class XmlText:
    """A pretty-printed XML document written line by line (see module docstring).

    Parameters
    ----------
    declaration : bool
        Start with lxml's ``<?xml version='1.0' encoding='UTF-8'?>``.
    """

    def __init__(self, *, declaration: bool = True) -> None:
        self.parts: list[str] = ["<?xml version='1.0' encoding='UTF-8'?>\n"] if declaration else []
        self.depth = 0

    def indent(self) -> str:
        """The indentation of the next line."""
        return "  " * self.depth

    def open(self, tag: str, attrs: Mapping[str, str]) -> None:
        """Start ``tag``; its children follow until :meth:`close`."""
        self.parts.append(f"{self.indent()}<{tag}{attributes(attrs)}>\n")
        self.depth += 1

    def close(self, tag: str) -> None:
        """End the element opened last, ``tag``."""
        self.depth -= 1
        self.parts.append(f"{self.indent()}</{tag}>\n")

    def empty(self, tag: str, attrs: Mapping[str, str]) -> None:
        """An element without content: ``<tag …/>``."""
        self.parts.append(f"{self.indent()}<{tag}{attributes(attrs)}/>\n")

    def leaf(self, tag: str, attrs: Mapping[str, str], text: str) -> None:
        """An element holding only ``text`` (written even when empty, as lxml does)."""
        self.parts.append(f"{self.indent()}<{tag}{attributes(attrs)}>{escape_text(text)}</{tag}>\n")

    def raw(self, text: str) -> None:
        """Append lines already formatted and escaped (for the writers' hot loops)."""
        self.parts.append(text)

    def getvalue(self) -> bytes:
        """The document as UTF-8 bytes."""
        return "".join(self.parts).encode("utf-8")


__all__ = ["XmlText", "attributes", "escape_attribute", "escape_text"]
