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

Both are written as text, one node or edge per line (so the files diff and grep
line by line), with the bytes lxml's serializer would write: each line is
composed as a string with lxml's escaping (:mod:`kg.outputs.xmlcommon`, pinned
against lxml in ``tests/test_xmltext.py``), several times faster than one
``xf.element`` call per element; GraphML in :mod:`kg.outputs.graphml`. No tree is
built and the namespaces are declared once, on the root. A character XML 1.0
does not allow raises :class:`ValueError` naming the node or edge, the
attribute and the character, and nothing is returned.

Examples
--------
>>> import networkx as nx
>>> b"http://gexf.net/1.3" in to_gexf(nx.path_graph(2))
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

import networkx as nx

from kg import __version__
from kg.outputs.graphml import to_graphml, write_graphml
from kg.outputs.viewrows import ViewRows
from kg.outputs.xmlcommon import (
    LINES,
    EmptyViewWarning,
    TextDocument,
    not_xml,
    start_tag,
    warn_if_empty,
    xml_attr,
    xml_text,
)
from kg.views.storegraph import gc_paused

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

_COLOURS = {
    kind: {"r": str(r), "g": str(g), "b": str(b)} for kind, (r, g, b) in KIND_COLOURS.items()
}


def _declare(doc: TextDocument, cls: str, types: dict[str, str], dynamic: bool) -> None:
    head = {"class": cls, "mode": "static"} if dynamic else {"class": cls}
    doc.write(LINES[2] + start_tag("attributes", head))
    for key, kind in types.items():
        kind = "anyURI" if key == "iri" else kind
        attrs = {"id": key, "title": key, "type": kind}
        doc.write(LINES[3] + start_tag("attribute", attrs) + "</attribute>")
    doc.write(LINES[2] + "</attributes>")


def _gexf_types(rows: ViewRows, domain: str) -> dict[str, str]:
    """The attribute types of ``domain`` declared in GEXF (label and weight are XML attributes)."""
    skip = XML_ATTRS[domain]
    return {key: kind for key, kind in rows.types(domain).items() if key not in skip}


def _gexf_nodes(doc: TextDocument, rows: ViewRows, types: dict[str, str], dynamic: bool) -> None:
    degree, write, nodes = rows.degree(), doc.write, rows.nodes
    spells = rows.spells.nodes(rows.nodes, rows.edges) if dynamic else {}
    colours = {kind: start_tag("viz:color", c) + "</viz:color>" for kind, c in _COLOURS.items()}
    attvalues = rows.attvalues(types)

    def compose(i: int) -> str:  # what the static and the dynamic GEXF share
        node, data = nodes[i]
        label = xml_attr(str(data.get("label", node)))
        return f'<node id="{xml_attr(str(node))}" label="{label}">{attvalues(data)}'

    shared = rows.shared("gexf node", compose, count=len(nodes), keep=not dynamic)
    write(LINES[2] + f'<nodes count="{len(nodes)}">')
    for i, (node, data) in enumerate(nodes):
        try:
            colour = colours.get(str(data.get("kind")), colours["Actor"])
            size = f'<viz:size value="{10.0 + 5.0 * degree[node]:g}"></viz:size>'
            spell = spells[node] if dynamic else ""
            write(f"{LINES[3]}{shared(i)}{spell}{colour}{size}</node>")
        except ValueError as exc:
            raise not_xml(f"node {node!r}", {"id": node, **data}, exc) from None
    write(LINES[2] + "</nodes>")


def _edge_head(i: int, u: Any, v: Any, data: dict[str, Any]) -> str:
    head = f'<edge id="e{i}" source="{xml_attr(str(u))}" target="{xml_attr(str(v))}"'
    if data.get("label") is not None:
        head += f' label="{xml_attr(str(data["label"]))}"'
    weight = data.get("weight")
    if weight is not None:
        head += f' weight="{float(weight):g}"'
    return head + ">"


def _gexf_edges(doc: TextDocument, rows: ViewRows, types: dict[str, str], dynamic: bool) -> None:
    spells, write, edges = rows.spells, doc.write, rows.edges
    attvalues = rows.attvalues(types)

    def compose(i: int) -> str:  # what the static and the dynamic GEXF share
        u, v, data = edges[i]
        return _edge_head(i, u, v, data) + attvalues(data)

    shared = rows.shared("gexf edge", compose, count=len(edges), keep=not dynamic)
    write(LINES[2] + f'<edges count="{len(edges)}">')
    for i, (u, v, data) in enumerate(edges):
        try:
            found = spells.edge(str(data.get("spells") or "")) if dynamic else ""
            weight = float(data.get("weight") or 1.0)
            thickness = f'<viz:thickness value="{weight:g}"></viz:thickness>'
            write(f"{LINES[3]}{shared(i)}{found}{thickness}</edge>")
        except ValueError as exc:
            what = f"edge {u!r} -> {v!r}"
            raise not_xml(what, {"source": u, "target": v, **data}, exc) from None
    write(LINES[2] + "</edges>")


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
    doc = TextDocument()
    write_gexf(ViewRows(view), doc, dynamic=dynamic)
    return doc.getvalue()


def write_gexf(rows: ViewRows, doc: TextDocument, *, dynamic: bool = False) -> None:
    """Write the view of ``rows`` as GEXF into ``doc`` (see :func:`to_gexf`; no warning).

    The static and the dynamic GEXF of one :class:`ViewRows` share their
    ``<attvalues>``: write the static one first.
    """
    with gc_paused():  # millions of small objects, no cycles: see kg.views.storegraph.gc_paused
        _gexf(rows, doc, dynamic)
    doc.close()


def _gexf(rows: ViewRows, doc: TextDocument, dynamic: bool) -> None:
    view = rows.view
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
    node_types, edge_types = _gexf_types(rows, "node"), _gexf_types(rows, "edge")
    doc.write(f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.3">{LINES[1]}<meta>')
    creator = xml_text(f"conflict-kg {__version__}")
    doc.write(f"{LINES[2]}<creator>{creator}</creator>")
    doc.write(f"{LINES[2]}<description>{xml_text(' — '.join(description))}</description>")
    doc.write(f"{LINES[1]}</meta>{LINES[1]}{start_tag('graph', head)}")
    _declare(doc, "node", node_types, dynamic)
    _declare(doc, "edge", edge_types, dynamic)
    _gexf_nodes(doc, rows, node_types, dynamic)
    _gexf_edges(doc, rows, edge_types, dynamic)
    doc.write(f"{LINES[1]}</graph>{LINES[0]}</gexf>")


def export_bytes(view: nx.Graph, *, fmt: str, dynamic: bool = False) -> bytes:
    """Serialise ``view`` in ``fmt`` (``gexf`` or ``graphml``; ``dynamic`` is GEXF only)."""
    if fmt == "gexf":
        return to_gexf(view, dynamic=dynamic)
    if fmt == "graphml":
        return to_graphml(view)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_writers(view: nx.Graph) -> dict[str, Callable[[BinaryIO], None]]:
    """Writers of the three exports of ``view``: ``{suffix: write(stream)}``, in this order.

    ``.gexf``, ``.dynamic.gexf``, ``.graphml``; they share one :class:`ViewRows`
    (call them in order). Each streams its file: a view's files are never held
    in memory whole. No :class:`EmptyViewWarning`.
    """
    rows = ViewRows(view, share=True)

    def gexf(stream: BinaryIO, *, dynamic: bool = False) -> None:
        write_gexf(rows, TextDocument(stream), dynamic=dynamic)

    return {
        ".gexf": gexf,
        ".dynamic.gexf": lambda stream: gexf(stream, dynamic=True),
        ".graphml": lambda stream: write_graphml(rows, TextDocument(stream)),
    }


__all__ = [
    "FORMATS",
    "KIND_COLOURS",
    "EmptyViewWarning",
    "export_bytes",
    "export_writers",
    "to_gexf",
    "to_graphml",
    "write_gexf",
]
