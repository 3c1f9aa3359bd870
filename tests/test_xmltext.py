"""The GEXF and GraphML writers compose their text: the escaping is lxml's, byte for byte."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from lxml import etree

from kg.outputs.gexf import to_gexf
from kg.outputs.graphml import to_graphml
from kg.outputs.xmlcommon import start_tag, xml_attr, xml_text

ALLOWED = (
    "".join(
        chr(c)
        for c in range(0x20, 0x30000)
        if not 0xD800 <= c <= 0xDFFF and c not in (0xFFFE, 0xFFFF)
    )
    + "\t\n\r"
)


def _lxml(value: str) -> tuple[bytes, bytes]:
    """What lxml writes for ``value`` as an attribute and as text."""
    buf = io.BytesIO()
    with etree.xmlfile(buf, encoding="UTF-8") as xf, xf.element("a", {"v": value}):
        xf.write(value)
    out = buf.getvalue()
    return out[len(b'<a v="') : out.index(b'">')], out[out.index(b'">') + 2 : -len(b"</a>")]


def test_every_allowed_character_is_escaped_as_lxml_does() -> None:
    attr, text = _lxml(ALLOWED)
    assert xml_attr(ALLOWED).encode() == attr
    assert xml_text(ALLOWED).encode() == text
    for c in "&<>\"'\t\n\r":
        assert (xml_attr(c).encode(), xml_text(c).encode()) == _lxml(c)


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_a_character_xml_forbids_is_refused(bad: str) -> None:
    for escape in (xml_attr, xml_text):
        with pytest.raises(ValueError):
            escape(f"a{bad}b")
    with pytest.raises(ValueError, match="a character XML does not allow"):
        to_gexf(nx.Graph([("a", f"b{bad}")]))
    with pytest.raises(ValueError, match="a character XML does not allow"):
        to_graphml(nx.Graph([("a", "b", {"label": f"x{bad}"})]))


def test_nasty_values_read_back_as_written() -> None:
    nasty = 'a "b" & <c> \u202eRTL\t\nline\r'
    g = nx.DiGraph()
    g.add_node("urn:x?a=1&b=2#f", label=nasty, kind="State")
    g.add_edge("urn:x?a=1&b=2#f", "urn:y", label=nasty, weight=2, relation=nasty)
    assert start_tag("e", {"k": nasty}).startswith('<e k="a &quot;b&quot; &amp; &lt;c&gt;')
    back = nx.read_gexf(io.BytesIO(to_gexf(g, dynamic=True)))
    assert back.nodes["urn:x?a=1&b=2#f"]["label"] == nasty
    assert back.edges["urn:x?a=1&b=2#f", "urn:y"]["relation"] == nasty
    ml = nx.read_graphml(io.BytesIO(to_graphml(g)))
    assert ml.nodes["n0"]["label"] == nasty
