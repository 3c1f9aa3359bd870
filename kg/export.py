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

from kg import __version__
from kg.storegraph import gc_paused
from kg.timeslice import Span, merge_spans, parse_iso_interval
from kg.xmltext import XmlText, escape_attribute, escape_text

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


def _type_of(kinds: set[type]) -> str:
    if kinds == {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "integer"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def attribute_types(items: Iterable[dict[str, Any]], skip: set[str]) -> dict[str, str]:
    """``{name: GEXF type}`` of the attributes in ``items`` (sorted by name)."""
    kinds: dict[str, set[type]] = {}
    for data in items:
        for key, value in data.items():
            if value is not None and key not in skip and not isinstance(value, dict | list):
                found = kinds.get(key)
                if found is None:
                    kinds[key] = {type(value)}
                else:
                    found.add(type(value))
    return {key: _type_of(found) for key, found in sorted(kinds.items())}


def _str(value: Any) -> str:
    return value if type(value) is str else _text(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _spells(doc: XmlText, spans: Iterable[Span]) -> None:
    merged = merge_spans(spans)
    if not merged:
        return
    pad = doc.indent()
    lines = [f"{pad}<spells>\n"]
    for span in merged:
        start = f' start="{span.start.isoformat()}"' if span.start is not None else ""
        end = f' end="{span.end.isoformat()}"' if span.end is not None else ""
        lines.append(f"{pad}  <spell{start}{end}/>\n")
    lines.append(f"{pad}</spells>\n")
    doc.raw("".join(lines))


def edge_spans(data: dict[str, Any]) -> list[Span] | None:
    """The spans of an edge from its ``spells`` attribute; None when undated."""
    text = str(data.get("spells") or "")
    if not text:
        return None
    return [parse_iso_interval(part) for part in text.split(" | ")]


def node_spans(
    view: nx.Graph, node: str, *, parsed: dict[str, list[Span] | None] | None = None
) -> list[Span] | None:
    """A node's own interval, else the union of its edges' spans (None: always).

    ``parsed`` caches :func:`edge_spans` by ``spells`` text across calls.
    """
    cache: dict[str, list[Span] | None] = {} if parsed is None else parsed
    data = view.nodes[node]
    if data.get("start") or data.get("end"):
        return [parse_iso_interval(f"{data.get('start') or '..'}/{data.get('end') or '..'}")]
    spans: list[Span] = []
    incident = view.in_edges(node, data=True) if view.is_directed() else []
    for *_, edata in [*view.edges(node, data=True), *incident]:
        text = str(edata.get("spells") or "")
        found = cache.get(text) if text in cache else cache.setdefault(text, edge_spans(edata))
        if found is None:
            return None
        spans.extend(found)
    return spans or None


def _declare(doc: XmlText, cls: str, types: dict[str, str], dynamic: bool) -> None:
    head = {"class": cls, "mode": "static"} if dynamic else {"class": cls}
    if not types:
        doc.empty("attributes", head)
        return
    doc.open("attributes", head)
    for key, kind in types.items():
        doc.empty(
            "attribute", {"id": key, "title": key, "type": "anyURI" if key == "iri" else kind}
        )
    doc.close("attributes")


def _attvalues(pad: str, data: dict[str, Any], names: dict[str, str]) -> str:
    """The ``<attvalues>`` lines; ``names`` maps each declared key to its escaped form."""
    values = [
        f'{pad}  <attvalue for="{name}" value="{escape_attribute(_str(value))}"/>\n'
        for key, name in names.items()
        if (value := data.get(key)) is not None
    ]
    if not values:
        return ""
    return f"{pad}<attvalues>\n{''.join(values)}{pad}</attvalues>\n"


def _gexf_nodes(doc: XmlText, view: nx.Graph, types: dict[str, str], dynamic: bool) -> None:
    if len(view) == 0:
        doc.empty("nodes", {"count": "0"})
        return
    doc.open("nodes", {"count": str(len(view))})
    pad, inner = doc.indent(), doc.indent() + "  "
    names = {key: escape_attribute(key) for key in types}
    degree = view.degree
    parsed: dict[str, list[Span] | None] = {}
    for node, data in view.nodes(data=True):
        ident = escape_attribute(str(node))
        name = escape_attribute(str(data.get("label", node)))
        doc.raw(f'{pad}<node id="{ident}" label="{name}">\n{_attvalues(inner, data, names)}')
        if dynamic:
            doc.depth += 1
            _spells(doc, node_spans(view, node, parsed=parsed) or [])
            doc.depth -= 1
        r, g, b = KIND_COLOURS.get(str(data.get("kind")), KIND_COLOURS["Actor"])
        size = 10.0 + 5.0 * degree(node)
        doc.raw(
            f'{inner}<viz:color r="{r}" g="{g}" b="{b}"/>\n'
            f'{inner}<viz:size value="{size:g}"/>\n{pad}</node>\n'
        )
    doc.close("nodes")


def _gexf_edges(doc: XmlText, view: nx.Graph, types: dict[str, str], dynamic: bool) -> None:
    count = view.number_of_edges()
    if count == 0:
        doc.empty("edges", {"count": "0"})
        return
    doc.open("edges", {"count": str(count)})
    pad, inner = doc.indent(), doc.indent() + "  "
    names = {key: escape_attribute(key) for key in types}
    for i, (u, v, data) in enumerate(_edges(view)):
        head = f'{pad}<edge id="e{i}" source="{escape_attribute(str(u))}"'
        head += f' target="{escape_attribute(str(v))}"'
        if data.get("label") is not None:
            head += f' label="{escape_attribute(str(data["label"]))}"'
        if data.get("weight") is not None:
            head += f' weight="{float(data["weight"]):g}"'
        doc.raw(f"{head}>\n{_attvalues(inner, data, names)}")
        if dynamic:
            doc.depth += 1
            _spells(doc, edge_spans(data) or [])
            doc.depth -= 1
        thickness = float(data.get("weight") or 1.0)
        doc.raw(f'{inner}<viz:thickness value="{thickness:g}"/>\n{pad}</edge>\n')
    doc.close("edges")


def to_gexf(view: nx.Graph, *, dynamic: bool = False) -> bytes:
    """Serialise ``view`` as a GEXF 1.3 document (UTF-8 bytes).

    Parameters
    ----------
    view : networkx.Graph
        A view from :func:`kg.views.build_view` (any networkx graph works).
    dynamic : bool
        Write ``mode="dynamic"`` with date spells.

    Raises
    ------
    ValueError
        A label or attribute holds a character that XML does not allow.

    Examples
    --------
    >>> b'mode="dynamic"' in to_gexf(nx.Graph(), dynamic=True)
    True
    """
    _warn_if_empty(view)
    with gc_paused():  # millions of small objects, no cycles: see kg.storegraph.gc_paused
        return _gexf(view, dynamic)


def _gexf(view: nx.Graph, dynamic: bool) -> bytes:
    doc = XmlText()
    doc.open("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "version": "1.3"})
    doc.open("meta", {})
    doc.leaf("creator", {}, f"conflict-kg {__version__}")
    description = [
        str(view.graph.get(k))
        for k in ("view", "description", "at", "between")
        if view.graph.get(k)
    ]
    doc.leaf("description", {}, " — ".join(description))
    doc.close("meta")
    head = {
        "defaultedgetype": "directed" if view.is_directed() else "undirected",
        "mode": "dynamic" if dynamic else "static",
    }
    if dynamic:
        head["timeformat"] = "date"
    doc.open("graph", head)
    node_types = attribute_types((d for _, d in view.nodes(data=True)), XML_ATTRS["node"])
    edge_types = attribute_types((d for *_, d in _edges(view)), XML_ATTRS["edge"])
    _declare(doc, "node", node_types, dynamic)
    _declare(doc, "edge", edge_types, dynamic)
    _gexf_nodes(doc, view, node_types, dynamic)
    _gexf_edges(doc, view, edge_types, dynamic)
    doc.close("graph")
    doc.close("gexf")
    return doc.getvalue()


GRAPHML_TYPES = {"boolean": "boolean", "integer": "int", "double": "double", "string": "string"}


def _graphml_keys(doc: XmlText, view: nx.Graph) -> dict[tuple[str, str], str]:
    ids: dict[tuple[str, str], str] = {}
    graph_types = attribute_types([view.graph], set())
    node_types = attribute_types(({"iri": str(n), **d} for n, d in view.nodes(data=True)), set())
    edge_types = attribute_types((d for *_, d in _edges(view)), set())
    for domain, types in (("graph", graph_types), ("node", node_types), ("edge", edge_types)):
        for name, kind in types.items():
            key = f"d{len(ids)}"
            ids[(domain, name)] = key
            attrs = {"id": key, "for": domain, "attr.name": name}
            doc.empty("key", {**attrs, "attr.type": GRAPHML_TYPES[kind]})
    return ids


def _data(pad: str, domain: str, data: dict[str, Any], keys: dict[tuple[str, str], str]) -> str:
    return "".join(
        [
            f'{pad}<data key="{key}">{escape_text(_text(value))}</data>\n'
            for name, value in data.items()
            if (key := keys.get((domain, name))) is not None and value is not None
        ]
    )


def _graphml_element(doc: XmlText, head: str, tag: str, body: str) -> None:
    pad = doc.indent()
    if body:
        doc.raw(f"{pad}<{head}>\n{body}{pad}</{tag}>\n")
    else:
        doc.raw(f"{pad}<{head}/>\n")


def to_graphml(view: nx.Graph) -> bytes:
    """Serialise ``view`` as GraphML (UTF-8 bytes); node ids ``n0``…, IRIs in ``iri``.

    Raises
    ------
    ValueError
        A label or attribute holds a character that XML does not allow.

    Examples
    --------
    >>> b'edgedefault="undirected"' in to_graphml(nx.path_graph(2))
    True
    """
    _warn_if_empty(view)
    with gc_paused():
        return _graphml(view)


def _graphml(view: nx.Graph) -> bytes:
    doc = XmlText()
    doc.open(
        "graphml",
        {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": GRAPHML_LOCATION},
    )
    keys = _graphml_keys(doc, view)
    head = {"id": "G", "edgedefault": "directed" if view.is_directed() else "undirected"}
    graph_data = _data(doc.indent() + "  ", "graph", view.graph, keys)
    if not (graph_data or len(view)):
        doc.empty("graph", head)
    else:
        doc.open("graph", head)
        doc.raw(graph_data)
        inner = doc.indent() + "  "
        ids = {node: f"n{i}" for i, node in enumerate(view.nodes)}
        for node, data in view.nodes(data=True):
            body = _data(inner, "node", {"iri": str(node), **data}, keys)
            _graphml_element(doc, f'node id="{ids[node]}"', "node", body)
        for i, (u, v, data) in enumerate(_edges(view)):
            body = _data(inner, "edge", data, keys)
            _graphml_element(
                doc, f'edge id="e{i}" source="{ids[u]}" target="{ids[v]}"', "edge", body
            )
        doc.close("graph")
    doc.close("graphml")
    return doc.getvalue()


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
