"""The text XML writer escapes and indents exactly as lxml's pretty printer."""

from __future__ import annotations

import random

import pytest
from conftest import article_layout
from lxml import etree

from kg.export import to_gexf, to_graphml
from kg.graphs import load_project_graph
from kg.views import VIEWS, build_view
from kg.xmltext import XmlText, escape_attribute, escape_text

TEXT_ELEMENTS = (
    "{http://graphml.graphdrawing.org/xmlns}data",
    "{http://gexf.net/1.3}creator",
    "{http://gexf.net/1.3}description",
)
ALPHABET = "aZ &<>\"'\n\r\t]]>é—\u2028\x7f\x85亚"


def _lxml(value: str) -> bytes:
    root = etree.Element("r")
    etree.SubElement(root, "a", {"v": value}).text = value
    return bytes(etree.tostring(root, encoding="UTF-8"))


def test_escaping_matches_lxml_on_random_text() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        value = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
        mine = f'<r><a v="{escape_attribute(value)}">{escape_text(value)}</a></r>'.encode()
        assert mine == _lxml(value), repr(value)


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_characters_xml_forbids_are_refused_like_lxml(bad: str) -> None:
    with pytest.raises(ValueError):
        _lxml(f"a{bad}")
    for escape in (escape_attribute, escape_text):
        with pytest.raises(ValueError, match="XML compatible"):
            escape(f"a{bad}")


def test_an_empty_leaf_is_written_open_and_closed() -> None:
    doc = XmlText()
    doc.open("r", {})
    doc.leaf("d", {}, "")
    doc.empty("e", {"k": "v"})
    doc.close("r")
    root = etree.Element("r")
    etree.SubElement(root, "d").text = ""
    etree.SubElement(root, "e", {"k": "v"})
    expected = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    assert doc.getvalue() == expected


@pytest.mark.parametrize("name", list(VIEWS))
def test_exports_are_what_lxml_would_pretty_print(name: str) -> None:
    view = build_view(load_project_graph(article_layout()), name)
    parser = etree.XMLParser(remove_blank_text=True)
    for content in (to_gexf(view), to_gexf(view, dynamic=True), to_graphml(view)):
        tree = etree.fromstring(content, parser)
        for leaf in tree.iter(*TEXT_ELEMENTS):  # an empty text parses as none
            leaf.text = leaf.text or ""
        again = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        assert content == again
