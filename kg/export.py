"""Write network views as GEXF 1.3 (static or dynamic) and GraphML, as bytes.

- **GEXF 1.3** (namespace ``http://gexf.net/1.3``), valid against the official
  RelaxNG schema: typed ``<attributes>`` for nodes and edges, the node and edge
  ``label`` and the edge ``weight`` as XML attributes, and ``viz`` colour by
  actor kind and size by degree. With ``dynamic=True`` the graph is
  ``mode="dynamic"`` with ``timeformat="date"``; each edge has one ``<spell>``
  per merged span of its relation (an open end has no ``end``) and each node
  the spells of its own interval, else the union of its edges' spells, so
  Gephi's timeline shows relations appearing and ending. An undated edge (or a
  node with an undated edge) gets no spell and so shows at every time.
- **GraphML**, valid against ``graphml.xsd``: node ids ``n0``, ``n1`` … and
  edge ids ``e0``, ``e1`` … (XML NMTOKENs, unique in the file); the IRI is kept
  in the ``iri`` key; keys are typed (``string``, ``int``, ``double``, ``boolean``).

Both read back with :func:`networkx.read_gexf` / :func:`networkx.read_graphml`
with the same nodes (GraphML: relabelled by ``iri``), edges and attributes;
the readers add only ``id`` (and ``viz``, ``spells`` for GEXF). An empty view
gives a valid empty file and an :class:`EmptyViewWarning`.

Examples
--------
>>> import networkx as nx
>>> b"http://gexf.net/1.3" in to_gexf(nx.path_graph(2))
True
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
from lxml import etree

from kg import __version__
from kg.timeslice import Span, merge_spans, parse_iso_interval

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML_LOCATION = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    "State": (31, 119, 180),
    "InternationalOrganization": (44, 160, 44),
    "MediationGroup": (255, 127, 14),
    "GovernmentBody": (148, 103, 189),
    "Office": (140, 86, 75),
    "Person": (214, 39, 40),
    "ArmedForces": (127, 127, 127),
    "Actor": (188, 189, 34),
}
"""Node colour (RGB) by actor kind, shared by the GEXF ``viz`` and the plots."""

FORMATS = ("gexf", "graphml")
XML_ATTRS = {"node": {"label"}, "edge": {"label", "weight"}}


class EmptyViewWarning(UserWarning):
    """The exported view has no node (the file is valid but empty)."""


def _warn_if_empty(view: nx.Graph) -> None:
    if view.number_of_nodes() == 0:
        name = view.graph.get("view", "graph")
        when = view.graph.get("at") or view.graph.get("between") or "any date"
        warnings.warn(f"view {name!r} is empty ({when})", EmptyViewWarning, stacklevel=3)


def _edges(view: nx.Graph) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for u, v, *rest in view.edges(data=True):
        yield u, v, rest[-1]


def _type_of(values: Iterable[Any]) -> str:
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "integer"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def attribute_types(items: Iterable[dict[str, Any]], skip: set[str]) -> dict[str, str]:
    """``{name: GEXF type}`` of the attributes in ``items`` (sorted by name)."""
    values: dict[str, list[Any]] = {}
    for data in items:
        for key, value in data.items():
            if key not in skip and value is not None and not isinstance(value, dict | list):
                values.setdefault(key, []).append(value)
    return {key: _type_of(vals) for key, vals in sorted(values.items())}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _spells(spans: Iterable[Span], parent: etree._Element) -> None:
    merged = merge_spans(spans)
    if not merged:
        return
    spells = etree.SubElement(parent, f"{{{GEXF_NS}}}spells")
    for span in merged:
        spell = etree.SubElement(spells, f"{{{GEXF_NS}}}spell")
        if span.start is not None:
            spell.set("start", span.start.isoformat())
        if span.end is not None:
            spell.set("end", span.end.isoformat())


def edge_spans(data: dict[str, Any]) -> list[Span] | None:
    """The spans of an edge from its ``spells`` attribute; None when undated."""
    text = str(data.get("spells") or "")
    if not text:
        return None
    return [parse_iso_interval(part) for part in text.split(" | ")]


def node_spans(view: nx.Graph, node: str) -> list[Span] | None:
    """A node's own interval, else the union of its edges' spans (None: always)."""
    data = view.nodes[node]
    if data.get("start") or data.get("end"):
        return [parse_iso_interval(f"{data.get('start') or '..'}/{data.get('end') or '..'}")]
    spans: list[Span] = []
    incident = view.in_edges(node, data=True) if view.is_directed() else []
    for *_, edata in [*view.edges(node, data=True), *incident]:
        found = edge_spans(edata)
        if found is None:
            return None
        spans.extend(found)
    return spans or None


def _declare(graph_el: etree._Element, cls: str, types: dict[str, str], dynamic: bool) -> None:
    attrs = etree.SubElement(graph_el, f"{{{GEXF_NS}}}attributes", {"class": cls})
    if dynamic:
        attrs.set("mode", "static")
    for key, kind in types.items():
        etree.SubElement(
            attrs,
            f"{{{GEXF_NS}}}attribute",
            {"id": key, "title": key, "type": "anyURI" if key == "iri" else kind},
        )


def _attvalues(parent: etree._Element, data: dict[str, Any], types: dict[str, str]) -> None:
    present = [(k, data[k]) for k in types if data.get(k) is not None]
    if present:
        values = etree.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
        for key, value in present:
            etree.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": key, "value": _text(value)})


def _gexf_nodes(
    graph_el: etree._Element, view: nx.Graph, types: dict[str, str], dynamic: bool
) -> None:
    nodes = etree.SubElement(graph_el, f"{{{GEXF_NS}}}nodes", {"count": str(len(view))})
    for node, data in view.nodes(data=True):
        el = etree.SubElement(nodes, f"{{{GEXF_NS}}}node", {"id": str(node)})
        el.set("label", str(data.get("label", node)))
        _attvalues(el, data, types)
        if dynamic:
            _spells(node_spans(view, node) or [], el)
        r, g, b = KIND_COLOURS.get(str(data.get("kind")), KIND_COLOURS["Actor"])
        etree.SubElement(el, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b)})
        size = 10.0 + 5.0 * view.degree(node)
        etree.SubElement(el, f"{{{VIZ_NS}}}size", {"value": f"{size:g}"})


def _gexf_edges(
    graph_el: etree._Element, view: nx.Graph, types: dict[str, str], dynamic: bool
) -> None:
    edges = etree.SubElement(
        graph_el, f"{{{GEXF_NS}}}edges", {"count": str(view.number_of_edges())}
    )
    for i, (u, v, data) in enumerate(_edges(view)):
        el = etree.SubElement(
            edges, f"{{{GEXF_NS}}}edge", {"id": f"e{i}", "source": str(u), "target": str(v)}
        )
        if data.get("label") is not None:
            el.set("label", str(data["label"]))
        if data.get("weight") is not None:
            el.set("weight", f"{float(data['weight']):g}")
        _attvalues(el, data, types)
        if dynamic:
            _spells(edge_spans(data) or [], el)
        thickness = float(data.get("weight") or 1.0)
        etree.SubElement(el, f"{{{VIZ_NS}}}thickness", {"value": f"{thickness:g}"})


def to_gexf(view: nx.Graph, *, dynamic: bool = False) -> bytes:
    """Serialise ``view`` as a GEXF 1.3 document (UTF-8 bytes).

    Parameters
    ----------
    view : networkx.Graph
        A view from :func:`kg.views.build_view` (any networkx graph works).
    dynamic : bool
        Write ``mode="dynamic"`` with date spells.

    Examples
    --------
    >>> b'mode="dynamic"' in to_gexf(nx.Graph(), dynamic=True)
    True
    """
    _warn_if_empty(view)
    root = etree.Element(
        f"{{{GEXF_NS}}}gexf", {"version": "1.3"}, nsmap={None: GEXF_NS, "viz": VIZ_NS}
    )
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = f"conflict-kg {__version__}"
    description = [
        str(view.graph.get(k))
        for k in ("view", "description", "at", "between")
        if view.graph.get(k)
    ]
    etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = " — ".join(description)
    graph_el = etree.SubElement(
        root,
        f"{{{GEXF_NS}}}graph",
        {
            "defaultedgetype": "directed" if view.is_directed() else "undirected",
            "mode": "dynamic" if dynamic else "static",
        },
    )
    if dynamic:
        graph_el.set("timeformat", "date")
    node_types = attribute_types((d for _, d in view.nodes(data=True)), XML_ATTRS["node"])
    edge_types = attribute_types((d for *_, d in _edges(view)), XML_ATTRS["edge"])
    _declare(graph_el, "node", node_types, dynamic)
    _declare(graph_el, "edge", edge_types, dynamic)
    _gexf_nodes(graph_el, view, node_types, dynamic)
    _gexf_edges(graph_el, view, edge_types, dynamic)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


GRAPHML_TYPES = {"boolean": "boolean", "integer": "int", "double": "double", "string": "string"}


def _graphml_keys(root: etree._Element, view: nx.Graph) -> dict[tuple[str, str], str]:
    ids: dict[tuple[str, str], str] = {}
    graph_types = attribute_types([view.graph], set())
    node_types = attribute_types(({"iri": str(n), **d} for n, d in view.nodes(data=True)), set())
    edge_types = attribute_types((d for *_, d in _edges(view)), set())
    for domain, types in (("graph", graph_types), ("node", node_types), ("edge", edge_types)):
        for name, kind in types.items():
            key = f"d{len(ids)}"
            ids[(domain, name)] = key
            etree.SubElement(
                root,
                f"{{{GRAPHML_NS}}}key",
                {"id": key, "for": domain, "attr.name": name, "attr.type": GRAPHML_TYPES[kind]},
            )
    return ids


def _data(
    parent: etree._Element, domain: str, data: dict[str, Any], keys: dict[tuple[str, str], str]
) -> None:
    for name, value in data.items():
        key = keys.get((domain, name))
        if key is not None and value is not None:
            etree.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": key}).text = _text(value)


def to_graphml(view: nx.Graph) -> bytes:
    """Serialise ``view`` as GraphML (UTF-8 bytes); node ids ``n0``…, IRIs in ``iri``.

    Examples
    --------
    >>> b'edgedefault="undirected"' in to_graphml(nx.path_graph(2))
    True
    """
    _warn_if_empty(view)
    root = etree.Element(f"{{{GRAPHML_NS}}}graphml", nsmap={None: GRAPHML_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", GRAPHML_LOCATION)
    keys = _graphml_keys(root, view)
    graph_el = etree.SubElement(
        root,
        f"{{{GRAPHML_NS}}}graph",
        {"id": "G", "edgedefault": "directed" if view.is_directed() else "undirected"},
    )
    _data(graph_el, "graph", view.graph, keys)
    ids = {node: f"n{i}" for i, node in enumerate(view.nodes)}
    for node, data in view.nodes(data=True):
        el = etree.SubElement(graph_el, f"{{{GRAPHML_NS}}}node", {"id": ids[node]})
        _data(el, "node", {"iri": str(node), **data}, keys)
    for i, (u, v, data) in enumerate(_edges(view)):
        el = etree.SubElement(
            graph_el, f"{{{GRAPHML_NS}}}edge", {"id": f"e{i}", "source": ids[u], "target": ids[v]}
        )
        _data(el, "edge", data, keys)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def export_bytes(view: nx.Graph, *, fmt: str, dynamic: bool = False) -> bytes:
    """Serialise ``view`` in ``fmt`` (``gexf`` or ``graphml``; ``dynamic`` is GEXF only)."""
    if fmt == "gexf":
        return to_gexf(view, dynamic=dynamic)
    if fmt == "graphml":
        return to_graphml(view)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = [
    "FORMATS",
    "KIND_COLOURS",
    "EmptyViewWarning",
    "export_bytes",
    "to_gexf",
    "to_graphml",
]
