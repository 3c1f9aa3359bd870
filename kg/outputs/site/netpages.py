"""Network pages: each view drawn as an SVG (networkx layout), with the data the slider needs.

Each edge carries its merged spans (``spells`` of :mod:`kg.views.network`), so
the page's script shows the graph at a date with the rule of ``--at``: an
edge is shown on day ``D`` iff one of its spans contains ``D`` (an open bound is
unbounded; an undated edge is in no slice), and a node is shown iff one of its
edges is. Views over :data:`MAX_DRAWN` nodes are listed, not drawn.

Examples
--------
>>> import networkx as nx
>>> layout_view(nx.Graph())["nodes"]
[]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.outputs.gexf import KIND_COLOURS as GEXF_KIND_COLOURS
from kg.outputs.layout import component_layout, place_labels
from kg.outputs.plot import RELATION_COLOURS
from kg.views.viewattrs import SEP

MAX_DRAWN = 400
WIDTH, HEIGHT, MARGIN = 1200.0, 800.0, 110.0
LABEL_CHARS = 34
KIND_COLOURS = {k: "#{:02x}{:02x}{:02x}".format(*rgb) for k, rgb in GEXF_KIND_COLOURS.items()}
"""Node colours by actor kind: the GEXF exports' and the plots' palette."""


def _positions(view: nx.Graph) -> dict[Any, tuple[float, float]]:
    pos = component_layout(view, width=WIDTH - 2 * MARGIN, height=HEIGHT - 2 * MARGIN)
    return {n: (MARGIN + x, MARGIN + y) for n, (x, y) in pos.items()}


def _short_label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _split(value: object) -> list[str]:
    return [v for v in str(value or "").split(SEP) if v]


def layout_view(view: nx.Graph) -> dict[str, Any]:
    """Node and edge records with positions, colours and spans, for the template."""
    drawn = view.number_of_nodes() <= MAX_DRAWN
    pos = _positions(view) if drawn else {}
    relations = sorted({str(d.get("relation", "")) for _, _, d in view.edges(data=True)})
    colour = {r: RELATION_COLOURS[i % len(RELATION_COLOURS)] for i, r in enumerate(relations)}
    shown = {n: _short_label(str(d.get("label", n))) for n, d in view.nodes(data=True)}
    sizes = {n: (len(t) * 6.8 + 6, 18.0) for n, t in shown.items()}
    spots = place_labels(pos, sizes, radius=10) if drawn else {}
    nodes = [
        {
            "iri": str(n),
            "label": str(d.get("label", n)),
            "short": shown[n],
            "lx": round(spots[n][0][0], 1) if drawn else 0.0,
            "ly": round(spots[n][0][1], 1) if drawn else 0.0,
            "anchor": spots[n][1] if drawn else "middle",
            "kind": str(d.get("kind", "Actor")),
            "colour": KIND_COLOURS.get(str(d.get("kind")), KIND_COLOURS["Actor"]),
            "x": round(pos[n][0], 1) if drawn else 0.0,
            "y": round(pos[n][1], 1) if drawn else 0.0,
        }
        for n, d in sorted(view.nodes(data=True), key=lambda nd: str(nd[0]))
    ]
    edges = []
    for u, v, d in sorted(view.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        rel = str(d.get("relation", ""))
        edges.append(
            {
                "u": str(u),
                "v": str(v),
                "relation": rel,
                "colour": colour.get(rel, "#636363"),
                "spells": " ".join(_split(d.get("spells"))),
                "events": _split(d.get("event_labels")),
                "sources": _split(d.get("sources")),
                "x1": pos[u][0] if drawn else 0.0,
                "y1": pos[u][1] if drawn else 0.0,
                "x2": pos[v][0] if drawn else 0.0,
                "y2": pos[v][1] if drawn else 0.0,
            }
        )
    kinds = sorted({str(n["kind"]) for n in nodes})
    return {
        "drawn": drawn,
        "directed": view.is_directed(),
        "nodes": nodes,
        "edges": edges,
        "kinds": [(k, KIND_COLOURS.get(k, KIND_COLOURS["Actor"])) for k in kinds],
        "relations": [(r, colour[r]) for r in relations],
        "width": WIDTH,
        "height": HEIGHT,
    }


__all__ = ["KIND_COLOURS", "MAX_DRAWN", "RELATION_COLOURS", "layout_view"]
