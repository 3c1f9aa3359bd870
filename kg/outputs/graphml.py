"""Write a network view as GraphML (valid against ``graphml.xsd``), through lxml.

Node ids are ``n0``, ``n1`` … and edge ids ``e0``, ``e1`` … (XML NMTOKENs,
unique in the file); the IRI is kept in the ``iri`` key; keys are typed
(``string``, ``int``, ``double``, ``boolean``). The document is streamed with
lxml's incremental serializer (see :mod:`kg.outputs.xmlcommon`), one key, node or
edge per line.

Examples
--------
>>> import networkx as nx
>>> b'edgedefault="undirected"' in to_graphml(nx.path_graph(2))
True
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.outputs.xmlcommon import (
    LINES,
    attribute_types,
    edges_of,
    not_xml,
    value_text,
    warn_if_empty,
    xml_document,
)
from kg.views.storegraph import gc_paused

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML_LOCATION = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
GRAPHML_TYPES = {"boolean": "boolean", "integer": "int", "double": "double", "string": "string"}

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
            xf.write(LINES[1])
            with xf.element(f"{_G}key", attrs):
                pass
    return ids


def _data(xf: Any, data: dict[str, Any], keys: dict[str, str]) -> None:
    """Write a ``<data>`` element for each attribute of ``data`` that has a key."""
    element, write, text = xf.element, xf.write, value_text
    for name, value in data.items():
        key = keys.get(name)
        if key is not None and value is not None:
            with element(_DATA, key=key):
                write(value if type(value) is str else text(value))


def _item(xf: Any, tag: str, head: dict[str, str], data: dict[str, Any], keys: Any) -> None:
    """Write one node or edge element, on its own line, with its data."""
    xf.write(LINES[2])
    with xf.element(tag, head):
        _data(xf, data, keys)


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
    with gc_paused():  # millions of small objects, no cycles: see kg.views.storegraph.gc_paused
        return _graphml(view)


def _graphml(view: nx.Graph) -> bytes:
    root = {f"{{{XSI_NS}}}schemaLocation": GRAPHML_LOCATION}
    nsmap: dict[str | None, str] = {None: GRAPHML_NS, "xsi": XSI_NS}
    head = {"id": "G", "edgedefault": "directed" if view.is_directed() else "undirected"}
    with xml_document() as (xf, buf), xf.element(f"{_G}graphml", root, nsmap=nsmap):
        keys = _keys(xf, view)
        xf.write(LINES[1])
        with xf.element(f"{_G}graph", head):
            try:
                xf.write(LINES[2])
                _data(xf, view.graph, keys["graph"])
            except ValueError as exc:
                raise not_xml("the graph", view.graph, exc) from None
            ids = {node: f"n{i}" for i, node in enumerate(view.nodes)}
            node_keys, edge_keys = keys["node"], keys["edge"]
            for node, data in view.nodes(data=True):
                try:
                    _item(xf, _NODE, {"id": ids[node]}, {"iri": str(node), **data}, node_keys)
                except ValueError as exc:
                    raise not_xml(f"node {node!r}", {"iri": str(node), **data}, exc) from None
            for i, (u, v, data) in enumerate(edges_of(view)):
                head = {"id": f"e{i}", "source": ids[u], "target": ids[v]}
                try:
                    _item(xf, _EDGE, head, data, edge_keys)
                except ValueError as exc:
                    raise not_xml(f"edge {u!r} -> {v!r}", data, exc) from None
            xf.write(LINES[1])
        xf.write(LINES[0])
    return buf.getvalue()


__all__ = ["GRAPHML_NS", "to_graphml"]
