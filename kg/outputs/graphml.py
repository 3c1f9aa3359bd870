"""Write a network view as GraphML (valid against ``graphml.xsd``).

Node ids are ``n0``, ``n1`` … and edge ids ``e0``, ``e1`` … (XML NMTOKENs,
unique in the file); the IRI is kept in the ``iri`` key; keys are typed
(``string``, ``int``, ``double``, ``boolean``). The document is written as text
with lxml's escaping (see :mod:`kg.outputs.xmlcommon`), one key, node or edge per
line.

Examples
--------
>>> import networkx as nx
>>> b'edgedefault="undirected"' in to_graphml(nx.path_graph(2))
True
"""

from __future__ import annotations

import networkx as nx

from kg.outputs.viewrows import ViewRows, data_tags, graphml_data
from kg.outputs.xmlcommon import (
    LINES,
    TextDocument,
    attribute_types,
    not_xml,
    start_tag,
    warn_if_empty,
)
from kg.views.storegraph import gc_paused

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML_LOCATION = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
GRAPHML_TYPES = {"boolean": "boolean", "integer": "int", "double": "double", "string": "string"}


def _keys(doc: TextDocument, rows: ViewRows) -> dict[str, dict[str, str]]:
    """Write the ``<key>`` elements; ``{domain: {attribute: key id}}``."""
    ids: dict[str, dict[str, str]] = {"graph": {}, "node": {}, "edge": {}}
    node_types = attribute_types(({"iri": str(n), **d} for n, d in rows.nodes), set())
    types = {
        "graph": attribute_types([rows.view.graph], set()),
        "node": node_types,
        "edge": rows.types("edge"),
    }
    count = 0
    for domain, found in types.items():
        for name, kind in found.items():
            key = ids[domain][name] = f"d{count}"
            count += 1
            attrs = {"id": key, "for": domain, "attr.name": name}
            attrs["attr.type"] = GRAPHML_TYPES[kind]
            doc.write(LINES[1] + start_tag("key", attrs) + "</key>")
    return ids


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
    doc = TextDocument()
    write_graphml(ViewRows(view), doc)
    return doc.getvalue()


def write_graphml(rows: ViewRows, doc: TextDocument) -> None:
    """Write the view of ``rows`` as GraphML into ``doc`` (see :func:`to_graphml`; no warning)."""
    with gc_paused():  # millions of small objects, no cycles: see kg.views.storegraph.gc_paused
        _graphml(rows, doc)
    doc.close()


def _graphml(rows: ViewRows, doc: TextDocument) -> None:
    view = rows.view
    head = {"id": "G", "edgedefault": "directed" if view.is_directed() else "undirected"}
    doc.write(
        f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="{XSI_NS}" '
        f'xsi:schemaLocation="{GRAPHML_LOCATION}">'
    )
    keys = _keys(doc, rows)
    doc.write(LINES[1] + start_tag("graph", head))
    try:
        doc.write(LINES[2] + graphml_data(view.graph, data_tags(keys["graph"])))
    except ValueError as exc:
        raise not_xml("the graph", view.graph, exc) from None
    ids = {node: f"n{i}" for i, (node, _) in enumerate(rows.nodes)}
    node_keys, edge_keys, write = data_tags(keys["node"]), data_tags(keys["edge"]), doc.write
    for node, data in rows.nodes:
        try:
            inner = graphml_data({"iri": str(node), **data}, node_keys)
            write(f'{LINES[2]}<node id="{ids[node]}">{inner}</node>')
        except ValueError as exc:
            raise not_xml(f"node {node!r}", {"iri": str(node), **data}, exc) from None
    for i, (u, v, data) in enumerate(rows.edges):
        try:
            inner = graphml_data(data, edge_keys)
        except ValueError as exc:
            raise not_xml(f"edge {u!r} -> {v!r}", data, exc) from None
        write(f'{LINES[2]}<edge id="e{i}" source="{ids[u]}" target="{ids[v]}">{inner}</edge>')
    doc.write(f"{LINES[1]}</graph>{LINES[0]}</graphml>")


__all__ = ["GRAPHML_NS", "to_graphml", "write_graphml"]
