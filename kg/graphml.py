"""Write a network view as GraphML (valid against ``graphml.xsd``), through lxml.

Node ids are ``n0``, ``n1`` … and edge ids ``e0``, ``e1`` … (XML NMTOKENs,
unique in the file); the IRI is kept in the ``iri`` key; keys are typed
(``string``, ``int``, ``double``, ``boolean``). The document is streamed with
lxml's incremental serializer (see :mod:`kg.exportcommon`).

Examples
--------
>>> import networkx as nx
>>> b'edgedefault="undirected"' in to_graphml(nx.path_graph(2))
True
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from lxml import etree

from kg.exportcommon import (
    attribute_types,
    edges_of,
    not_xml,
    value_text,
    warn_if_empty,
    xml_document,
)
from kg.storegraph import gc_paused

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML_LOCATION = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
GRAPHML_TYPES = {"boolean": "boolean", "integer": "int", "double": "double", "string": "string"}

_NSMAP = {None: GRAPHML_NS}
_G = f"{{{GRAPHML_NS}}}"
_DATA, _NODE, _EDGE = f"{_G}data", f"{_G}node", f"{_G}edge"


def _keys(xf: Any, view: nx.Graph) -> dict[str, dict[str, str]]:
    """Write the ``<key>`` elements; ``{domain: {attribute: key id}}``."""
    ids: dict[str, dict[str, str]] = {"graph": {}, "node": {}, "edge": {}}
    node_types = attribute_types(({"iri": str(n), **d} for n, d in view.nodes(data=True)), set())
    types = {
        "graph": attribute_types([view.graph], set()),
        "node": node_types,
        "edge": attribute_types((d for *_, d in edges_of(view)), set()),
    }
    count = 0
    for domain, found in types.items():
        for name, kind in found.items():
            key = ids[domain][name] = f"d{count}"
            count += 1
            attrs = {"id": key, "for": domain, "attr.name": name}
            attrs["attr.type"] = GRAPHML_TYPES[kind]
            xf.write(etree.Element(f"{_G}key", attrs, nsmap=_NSMAP), pretty_print=True)
    return ids


def _data(element: Any, data: dict[str, Any], keys: dict[str, str], what: str) -> None:
    sub, text = etree.SubElement, value_text
    try:
        for name, value in data.items():
            key = keys.get(name)
            if key is not None and value is not None:
                data_element = sub(element, _DATA)  # then set: faster than keywords
                data_element.set("key", key)
                data_element.text = value if type(value) is str else text(value)
    except ValueError as exc:
        raise not_xml(what, data, exc) from None


def to_graphml(view: nx.Graph) -> bytes:
    """Serialise ``view`` as GraphML (UTF-8 bytes); node ids ``n0``…, IRIs in ``iri``.

    Raises
    ------
    ValueError
        A label or attribute holds a character that XML does not allow.

    Examples
    --------
    >>> b'<graphml' in to_graphml(nx.Graph())
    True
    """
    warn_if_empty(view)
    with gc_paused():  # millions of small objects, no cycles: see kg.storegraph.gc_paused
        return _graphml(view)


def _graphml(view: nx.Graph) -> bytes:
    root = {f"{{{XSI_NS}}}schemaLocation": GRAPHML_LOCATION}
    nsmap: dict[str | None, str] = {None: GRAPHML_NS, "xsi": XSI_NS}
    head = {"id": "G", "edgedefault": "directed" if view.is_directed() else "undirected"}
    with xml_document() as (xf, buf), xf.element(f"{_G}graphml", root, nsmap=nsmap):
        keys = _keys(xf, view)
        with xf.element(f"{_G}graph", head):
            graph_data = etree.Element(f"{_G}graph", nsmap=_NSMAP)
            _data(graph_data, view.graph, keys["graph"], "the graph")
            for child in graph_data:
                xf.write(child, pretty_print=True)
            ids = {node: f"n{i}" for i, node in enumerate(view.nodes)}
            node_keys, edge_keys = keys["node"], keys["edge"]
            for node, data in view.nodes(data=True):
                element = etree.Element(_NODE, id=ids[node], nsmap=_NSMAP)
                _data(element, {"iri": str(node), **data}, node_keys, f"node {node!r}")
                xf.write(element, pretty_print=True)
            for i, (u, v, data) in enumerate(edges_of(view)):
                attrs = {"id": f"e{i}", "source": ids[u], "target": ids[v]}
                element = etree.Element(_EDGE, attrs, nsmap=_NSMAP)
                _data(element, data, edge_keys, f"edge {u!r} -> {v!r}")
                xf.write(element, pretty_print=True)
    return buf.getvalue()


__all__ = ["GRAPHML_NS", "to_graphml"]
