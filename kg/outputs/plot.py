"""Draw a network view with matplotlib (Agg backend) as PNG or SVG bytes.

Nodes are coloured by actor kind (the palette of :data:`kg.outputs.gexf.KIND_COLOURS`)
and sized by degree, labelled in English beside the node, each label placed
where it covers no node and no other label (:mod:`kg.outputs.layout`, which
also lays the connected components out apart); edges are coloured by relation
(:data:`RELATION_COLOURS`, a palette apart from the kinds'), with arrows in
directed views. The legend lists the kinds and relations drawn, the
title gives the view and its date (``as of``/``between``/``all dates``). The
layout is seeded, so the same view gives the same picture.

A picture is drawn for views of at most :data:`MAX_PLOT_NODES` nodes and
:data:`MAX_PLOT_EDGES` edges. Beyond that every label overlaps another (12 × 8
inches hold about 150 legible labels), drawing takes tens of seconds (one
arrow per edge), and networkx's spring layout needs scipy from 500 nodes on;
a large view belongs in Gephi (its GEXF export) or in a time slice
(``--at``/``--between``). :func:`render` raises :class:`ViewTooLargeError`
for such a view and :func:`too_large` says in advance why a view would not
be drawn. Below the limit the layout is networkx's numpy one: no scipy.

Examples
--------
>>> import networkx as nx
>>> render(nx.Graph(), fmt="svg")[:5]
b'<?xml'
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from kg.errors import UsageError
from kg.outputs.gexf import KIND_COLOURS
from kg.outputs.layout import component_layout, place_labels

PLOT_FORMATS = ("png", "svg")
MAX_PLOT_NODES = 150
"""The most nodes a picture shows (see module docstring)."""
MAX_PLOT_EDGES = 450
"""The most edges a picture shows (parallel edges count once)."""
RELATION_COLOURS = (
    "#00838f", "#ad1457", "#6a1b9a", "#558b2f", "#37474f", "#ef6c00", "#283593",
    "#00695c", "#c2185b", "#4e342e", "#827717", "#0277bd",
)  # fmt: skip
"""Edge colours by relation: dark tones, none of them a node kind's colour."""
_W, _H = 960.0, 800.0  # the axes' size in data units (about one unit a pixel at 100 dpi)
_UNIT_PER_PT = 100 / 72
_FONT = 8
_LABEL_CHARS = 30


class ViewTooLargeError(UsageError):
    """The view has too many nodes or edges to draw a legible picture."""


def too_large(view: nx.Graph) -> str | None:
    """Why ``view`` is not drawn (over :data:`MAX_PLOT_NODES` or :data:`MAX_PLOT_EDGES`), or None.

    >>> too_large(nx.path_graph(3)) is None
    True
    >>> too_large(nx.path_graph(200)).split(":")[0]
    "view 'graph' has 200 nodes; pictures are drawn up to 150"
    """
    name = view.graph.get("view", "graph")
    hint = "open its GEXF export in Gephi, or slice it with --at/--between"
    if view.number_of_nodes() > MAX_PLOT_NODES:
        count = view.number_of_nodes()
        return f"view {name!r} has {count} nodes; pictures are drawn up to {MAX_PLOT_NODES}: {hint}"
    edges = len(_simple_edges(view)) if view.is_multigraph() else view.number_of_edges()
    if edges > MAX_PLOT_EDGES:
        return f"view {name!r} has {edges} edges; pictures are drawn up to {MAX_PLOT_EDGES}: {hint}"
    return None


def title_of(view: nx.Graph) -> str:
    """The plot title: view name, description and date.

    >>> g = nx.Graph(view="cochair", at="2020-10-10")
    >>> title_of(g)
    'cochair — as of 2020-10-10'
    """
    name = str(view.graph.get("view", "graph"))
    desc = view.graph.get("description")
    head = f"{name}: {desc}" if desc else name
    if view.graph.get("at"):
        return f"{head} — as of {view.graph['at']}"
    if view.graph.get("between"):
        start, _, end = str(view.graph["between"]).partition("/")
        return f"{head} — between {start} and {end}"
    return f"{head} — all dates"


def _hex(kind: str) -> str:
    r, g, b = KIND_COLOURS.get(kind, KIND_COLOURS["Actor"])
    return f"#{r:02x}{g:02x}{b:02x}"


def _simple_edges(view: nx.Graph) -> dict[tuple[str, str], list[str]]:
    """``{(u, v): [relation, ...]}``, parallel edges folded together."""
    edges: dict[tuple[str, str], list[str]] = {}
    for u, v, *rest in view.edges(data=True):
        edges.setdefault((u, v), []).append(str(rest[-1].get("relation", "")))
    return edges


def _label_text(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def _draw(ax: Any, view: nx.Graph) -> tuple[list[Any], list[Any]]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    pos = component_layout(view, width=_W - 160, height=_H - 80)
    pos = {n: (x + 80, y + 40) for n, (x, y) in pos.items()}
    ax.set_xlim(0, _W)
    ax.set_ylim(_H, 0)
    kinds = {n: str(d.get("kind", "Actor")) for n, d in view.nodes(data=True)}
    sizes = [min(160 + 50 * view.degree(n), 700) for n in view.nodes]
    nx.draw_networkx_nodes(
        view, pos, ax=ax, node_color=[_hex(kinds[n]) for n in view.nodes], node_size=sizes
    )
    edges = _simple_edges(view)
    relations = sorted({r for rels in edges.values() for r in rels})
    colour = {r: RELATION_COLOURS[i % len(RELATION_COLOURS)] for i, r in enumerate(relations)}
    for (u, v), rels in edges.items():
        nx.draw_networkx_edges(
            view,
            pos,
            ax=ax,
            edgelist=[(u, v)],
            edge_color=colour[rels[0]],
            width=0.8 + 0.6 * len(rels),
            alpha=0.75,
            arrows=True,
            arrowsize=12,
            arrowstyle="-|>" if view.is_directed() else "-",
            node_size=sizes,
            connectionstyle="arc3,rad=0.08",
        )
    texts = {n: _label_text(str(d.get("label", n))) for n, d in view.nodes(data=True)}
    char = 0.6 * _FONT * _UNIT_PER_PT
    boxes = {n: (len(t) * char + 4, _FONT * _UNIT_PER_PT * 1.3) for n, t in texts.items()}
    radius = (max(sizes) ** 0.5) / 2 * _UNIT_PER_PT
    halo = {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75}
    for node, ((x, y), anchor) in place_labels(pos, boxes, radius=radius).items():
        ha = {"middle": "center", "start": "left", "end": "right"}[anchor]
        ax.text(x, y, texts[node], ha=ha, va="baseline", fontsize=_FONT, bbox=halo)
    kind_handles = [Patch(color=_hex(k), label=k) for k in sorted(set(kinds.values()))]
    rel_handles = [Line2D([0], [0], color=colour[r], lw=2, label=r) for r in relations]
    return kind_handles, rel_handles


def render(view: nx.Graph, *, fmt: str = "png", dpi: int = 120) -> bytes:
    """Draw ``view`` and return the image (``png`` or ``svg``) as bytes.

    Parameters
    ----------
    view : networkx.Graph
        A view from :func:`kg.views.network.build_view`.
    fmt : {"png", "svg"}
    dpi : int
        Resolution of a PNG.

    Raises
    ------
    ValueError
        Unknown ``fmt``.
    ViewTooLargeError
        The view is over the plot limit (see :func:`too_large`).
    """
    if fmt not in PLOT_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; use one of {', '.join(PLOT_FORMATS)}")
    reason = too_large(view)
    if reason is not None:
        raise ViewTooLargeError(reason)
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(12, 8), layout="constrained")
    FigureCanvasAgg(fig)  # the Agg backend, without touching pyplot's global state
    ax, side = fig.subplots(1, 2, width_ratios=(4, 1))
    ax.set_axis_off()
    side.set_axis_off()
    fig.suptitle(title_of(view), fontsize=12)
    if view.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no relations", ha="center", va="center", transform=ax.transAxes)
    else:
        kinds, relations = _draw(ax, view)
        first = side.legend(handles=kinds, title="kind", loc="upper left", fontsize=8)
        side.add_artist(first)
        if relations:
            side.legend(handles=relations, title="relation", loc="lower left", fontsize=8)
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"Software": None} if fmt == "png" else {"Date": None}
    # SVG keeps its text as text (searchable, editable) and stable element ids
    with matplotlib.rc_context({"svg.hashsalt": "conflict-kg", "svg.fonttype": "none"}):
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


__all__ = [
    "MAX_PLOT_EDGES",
    "MAX_PLOT_NODES",
    "PLOT_FORMATS",
    "ViewTooLargeError",
    "render",
    "title_of",
    "too_large",
]
