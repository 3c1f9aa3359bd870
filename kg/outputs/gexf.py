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

Both are streamed through lxml's incremental serializer
(:class:`lxml.etree.xmlfile`, see :mod:`kg.outputs.xmlcommon`; GraphML in
:mod:`kg.outputs.graphml`): every element is written as it is opened, so no tree is
built and the namespaces are declared once, on the root. Each node and edge is
one line, so the files diff and grep line by line. lxml escapes every value; a
character XML 1.0 does not allow raises :class:`ValueError` naming the node or
edge, the attribute and the character, and nothing is returned.

Examples
--------
>>> import networkx as nx
>>> b"http://gexf.net/1.3" in to_gexf(nx.path_graph(2))
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg import __version__
from kg.outputs.graphml import to_graphml
from kg.outputs.xmlcommon import (
    LINES,
    EmptyViewWarning,
    attribute_types,
    edges_of,
    not_xml,
    value_text,
    warn_if_empty,
    xml_document,
)
from kg.views.storegraph import gc_paused
from kg.views.timeslice import Span, merged_bounds, parse_iso_interval

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
NSMAP = {None: GEXF_NS, "viz": VIZ_NS}

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

_G = f"{{{GEXF_NS}}}"
_V = f"{{{VIZ_NS}}}"
_ATTVALUES, _ATTVALUE, _SPELLS, _SPELL = (
    f"{_G}{t}" for t in ("attvalues", "attvalue", "spells", "spell")
)
_COLOURS = {
    kind: {"r": str(r), "g": str(g), "b": str(b)} for kind, (r, g, b) in KIND_COLOURS.items()
}


def _bounds(spans: Iterable[Span]) -> list[dict[str, str]]:
    """The ``<spell>`` attributes of the merged ``spans`` (an open end has none)."""
    bounds = []
    for start, end in merged_bounds(spans):
        found = {}
        if start is not None:
            found["start"] = start.isoformat()
        if end is not None:
            found["end"] = end.isoformat()
        bounds.append(found)
    return bounds


def _spells(xf: Any, bounds: list[dict[str, str]]) -> None:
    if bounds:
        with xf.element(_SPELLS):
            for found in bounds:
                with xf.element(_SPELL, found):
                    pass


def edge_spans(data: dict[str, Any]) -> list[Span] | None:
    """The spans of an edge from its ``spells`` attribute; None when undated."""
    text = str(data.get("spells") or "")
    if not text:
        return None
    return [parse_iso_interval(part) for part in text.split(" | ")]


def node_spans(
    view: nx.Graph, *, parsed: dict[str, list[Span] | None] | None = None
) -> dict[Any, list[Span] | None]:
    """Each node's own interval, else the union of its edges' spans (None: always).

    One pass over the edges; ``parsed`` caches :func:`edge_spans` by ``spells`` text.

    >>> g = nx.Graph([("a", "b", {"spells": "2020-01-01/.."})])
    >>> [s.iso() for s in node_spans(g)["a"]]
    ['2020-01-01/..']
    """
    cache: dict[str, list[Span] | None] = {} if parsed is None else parsed
    spans: dict[Any, list[Span] | None] = {node: [] for node in view}
    for u, v, data in edges_of(view):
        text = str(data.get("spells") or "")
        found = cache[text] if text in cache else cache.setdefault(text, edge_spans(data))
        for node in (u, v):
            held = spans[node]
            if held is not None:
                if found is None:
                    spans[node] = None  # an undated edge: the node shows at every time
                else:
                    held.extend(found)
    for node, data in view.nodes(data=True):
        if data.get("start") or data.get("end"):
            own = f"{data.get('start') or '..'}/{data.get('end') or '..'}"
            spans[node] = [parse_iso_interval(own)]
        elif not spans[node]:
            spans[node] = None
    return spans


def _declare(xf: Any, cls: str, types: dict[str, str], dynamic: bool) -> None:
    head = {"class": cls, "mode": "static"} if dynamic else {"class": cls}
    xf.write(LINES[2])
    with xf.element(f"{_G}attributes", head):
        for key, kind in types.items():
            kind = "anyURI" if key == "iri" else kind
            xf.write(LINES[3])
            with xf.element(f"{_G}attribute", {"id": key, "title": key, "type": kind}):
                pass
        xf.write(LINES[2])


def _attvalues(xf: Any, data: dict[str, Any], keys: Iterable[str]) -> None:
    found = [(key, value) for key in keys if (value := data.get(key)) is not None]
    if found:
        element, text = xf.element, value_text
        with element(_ATTVALUES):
            for key, value in found:
                value = value if type(value) is str else text(value)
                with element(_ATTVALUE, {"for": key, "value": value}):
                    pass


def _gexf_nodes(
    xf: Any, view: nx.Graph, types: dict[str, str], dynamic: bool, parsed: dict[str, Any]
) -> None:
    tag, colour, size = f"{_G}node", f"{_V}color", f"{_V}size"
    element, degree = xf.element, view.degree
    spans = node_spans(view, parsed=parsed) if dynamic else {}
    xf.write(LINES[2])
    with element(f"{_G}nodes", count=str(len(view))):
        for node, data in view.nodes(data=True):
            xf.write(LINES[3])
            try:
                with element(tag, {"id": str(node), "label": str(data.get("label", node))}):
                    _attvalues(xf, data, types)
                    if dynamic:
                        _spells(xf, _bounds(spans[node] or []))
                    with element(colour, _COLOURS.get(str(data.get("kind")), _COLOURS["Actor"])):
                        pass
                    with element(size, value=f"{10.0 + 5.0 * degree(node):g}"):
                        pass
            except ValueError as exc:
                raise not_xml(f"node {node!r}", {"id": node, **data}, exc) from None
        xf.write(LINES[2])


def _edge_head(i: int, u: Any, v: Any, data: dict[str, Any]) -> dict[str, str]:
    head = {"id": f"e{i}", "source": str(u), "target": str(v)}
    if data.get("label") is not None:
        head["label"] = str(data["label"])
    weight = data.get("weight")
    if weight is not None:
        head["weight"] = f"{float(weight):g}"
    return head


def _gexf_edges(
    xf: Any, view: nx.Graph, types: dict[str, str], dynamic: bool, parsed: dict[str, Any]
) -> None:
    tag, thickness, element = f"{_G}edge", f"{_V}thickness", xf.element
    bounds: dict[str, list[dict[str, str]]] = {}  # by spells text
    xf.write(LINES[2])
    with element(f"{_G}edges", count=str(view.number_of_edges())):
        for i, (u, v, data) in enumerate(edges_of(view)):
            xf.write(LINES[3])
            try:
                with element(tag, _edge_head(i, u, v, data)):
                    _attvalues(xf, data, types)
                    if dynamic:
                        text = str(data.get("spells") or "")
                        found = bounds.get(text)
                        if found is None:
                            spans = parsed[text] if text in parsed else edge_spans(data)
                            found = bounds[text] = _bounds(spans or [])
                        _spells(xf, found)
                    with element(thickness, value=f"{float(data.get('weight') or 1.0):g}"):
                        pass
            except ValueError as exc:
                what = f"edge {u!r} -> {v!r}"
                raise not_xml(what, {"source": u, "target": v, **data}, exc) from None
        xf.write(LINES[2])


def to_gexf(view: nx.Graph, *, dynamic: bool = False) -> bytes:
    """Serialise ``view`` as a GEXF 1.3 document (UTF-8 bytes).

    Parameters
    ----------
    view : networkx.Graph
        A view from :func:`kg.views.network.build_view` (any networkx graph works).
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
    warn_if_empty(view)
    with gc_paused():  # millions of small objects, no cycles: see kg.views.storegraph.gc_paused
        return _gexf(view, dynamic)


def _gexf(view: nx.Graph, dynamic: bool) -> bytes:
    description = [
        str(view.graph.get(k))
        for k in ("view", "description", "at", "between")
        if view.graph.get(k)
    ]
    head = {
        "defaultedgetype": "directed" if view.is_directed() else "undirected",
        "mode": "dynamic" if dynamic else "static",
    }
    if dynamic:
        head["timeformat"] = "date"
    node_types = attribute_types((d for _, d in view.nodes(data=True)), XML_ATTRS["node"])
    edge_types = attribute_types((d for *_, d in edges_of(view)), XML_ATTRS["edge"])
    with xml_document() as (xf, buf), xf.element(f"{_G}gexf", nsmap=NSMAP, version="1.3"):
        xf.write(LINES[1])
        with xf.element(f"{_G}meta"):
            for tag, text in (
                ("creator", f"conflict-kg {__version__}"),
                ("description", " — ".join(description)),
            ):
                xf.write(LINES[2])
                with xf.element(f"{_G}{tag}"):
                    xf.write(text)
            xf.write(LINES[1])
        xf.write(LINES[1])
        with xf.element(f"{_G}graph", head):
            _declare(xf, "node", node_types, dynamic)
            _declare(xf, "edge", edge_types, dynamic)
            parsed: dict[str, list[Span] | None] = {}  # edge spans by spells text
            _gexf_nodes(xf, view, node_types, dynamic, parsed)
            _gexf_edges(xf, view, edge_types, dynamic, parsed)
            xf.write(LINES[1])
        xf.write(LINES[0])
    return buf.getvalue()


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
