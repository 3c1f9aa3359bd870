"""Network pages: each view drawn as an SVG (networkx layout), with the data the slider needs.

Each edge carries its merged spans (``spells`` of :mod:`kg.views.network`), so
the page's script shows the graph at a date with the rule of ``--at``: an
edge is shown on day ``D`` iff one of its spans contains ``D`` (an open bound is
unbounded; an undated edge is in no slice), and a node is shown iff one of its
edges is. A view over :data:`MAX_DRAWN` nodes is drawn in part, saying so: its
largest connected components, whole, as many as fit; when even the largest does
not fit, the :data:`MAX_DRAWN` actors nearest to its most connected actor
(breadth first) and the relations among them. Every actor and relation stays
in the downloads; the page's table lists the first :data:`TABLE_ROWS` relations.

Examples
--------
>>> import networkx as nx
>>> layout_view(nx.Graph())["nodes"]
[]
>>> part, note = drawn_part(nx.path_graph(MAX_DRAWN + 1))
>>> part.number_of_nodes() == MAX_DRAWN, note.startswith("the 400 actors nearest")
(True, True)
"""

from __future__ import annotations

from collections import deque
from typing import Any

import networkx as nx

from kg.outputs.gexf import KIND_COLOURS as GEXF_KIND_COLOURS
from kg.outputs.layout import component_layout, induced, place_labels
from kg.outputs.plot import RELATION_COLOURS
from kg.views.viewattrs import SEP

MAX_DRAWN = 400
TABLE_ROWS = 2000
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


def _key(node: Any) -> str:
    return str(node)


def _around_hub(view: nx.Graph, comp: set[Any]) -> tuple[nx.Graph, str]:
    """The :data:`MAX_DRAWN` actors nearest the most connected one (breadth first, the more
    connected neighbours first): a connected part of a component too large to draw."""
    simple = view.to_undirected(as_view=True)
    degree = dict(simple.degree(comp))
    order = {n: (-degree[n], _key(n)) for n in comp}
    hub = min(comp, key=order.__getitem__)
    kept: list[Any] = []
    queue, seen = deque([hub]), {hub}
    while queue and len(kept) < MAX_DRAWN:
        node = queue.popleft()
        kept.append(node)
        for other in sorted(simple[node], key=order.__getitem__):
            if other not in seen:
                seen.add(other)
                queue.append(other)
    label = str(view.nodes[hub].get("label", hub))
    note = f"the {len(kept)} actors nearest to the most connected one, {label}, breadth first"
    return induced(view, kept), note


def drawn_part(view: nx.Graph) -> tuple[nx.Graph, str]:
    """The part of ``view`` drawn on its page, and a note saying what it is ("" when whole)."""
    if view.number_of_nodes() <= MAX_DRAWN:
        return view, ""
    comps = sorted(
        nx.weakly_connected_components(view)
        if view.is_directed()
        else nx.connected_components(view),
        key=lambda c: (-len(c), min(map(_key, c))),
    )
    if len(comps[0]) > MAX_DRAWN:
        return _around_hub(view, comps[0])
    kept: list[Any] = []
    count = 0
    for comp in comps:
        if len(kept) + len(comp) > MAX_DRAWN:
            break
        kept += comp
        count += 1
    return induced(view, kept), f"the {count} largest connected components"


def _node(n: Any, d: dict[str, Any], pos: Any, spots: Any) -> dict[str, Any]:
    label = str(d.get("label", n))
    return {
        "iri": str(n),
        "label": label,
        "short": _short_label(label),
        "lx": round(spots[n][0][0], 1) if n in spots else None,
        "ly": round(spots[n][0][1], 1) if n in spots else None,
        "anchor": spots[n][1] if n in spots else None,
        "kind": str(d.get("kind", "Actor")),
        "colour": KIND_COLOURS.get(str(d.get("kind")), KIND_COLOURS["Actor"]),
        "x": round(pos[n][0], 1),
        "y": round(pos[n][1], 1),
    }


def _edge(u: Any, v: Any, d: dict[str, Any], pos: Any, colour: dict[str, str]) -> dict[str, Any]:
    rel = str(d.get("relation", ""))
    return {
        "u": str(u),
        "v": str(v),
        "relation": rel,
        "colour": colour.get(rel, "#636363"),
        "spells": " ".join(_split(d.get("spells"))),
        "events": _split(d.get("event_labels")),
        "sources": _split(d.get("sources")),
        "x1": pos[u][0],
        "y1": pos[u][1],
        "x2": pos[v][0],
        "y2": pos[v][1],
    }


def _sorted_edges(view: nx.Graph) -> list[tuple[Any, Any, dict[str, Any]]]:
    return sorted(view.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))


def layout_view(view: nx.Graph) -> dict[str, Any]:
    """Node and edge records of the drawn part, with positions, colours and spans, for the
    template; ``table``: the first :data:`TABLE_ROWS` relations of the whole view."""
    part, note = drawn_part(view)
    pos = _positions(part)
    relations = sorted({str(d.get("relation", "")) for _, _, d in view.edges(data=True)})
    colour = {r: RELATION_COLOURS[i % len(RELATION_COLOURS)] for i, r in enumerate(relations)}
    sizes = {
        n: (len(_short_label(str(d.get("label", n)))) * 6.8 + 6, 18.0)
        for n, d in part.nodes(data=True)
    }
    degree = {n: float(part.degree(n)) for n in part.nodes}
    spots = place_labels(pos, sizes, radius=10, priority=degree, drop_clashing=True)
    nodes = [
        _node(n, d, pos, spots) for n, d in sorted(part.nodes(data=True), key=lambda nd: str(nd[0]))
    ]
    edges = [_edge(u, v, d, pos, colour) for u, v, d in _sorted_edges(part)]
    if part is view:
        table = edges[:TABLE_ROWS]
    else:
        table = [
            {
                "u": str(u),
                "v": str(v),
                "relation": str(d.get("relation", "")),
                "spells": " ".join(_split(d.get("spells"))),
            }
            for u, v, d in _sorted_edges(view)[:TABLE_ROWS]
        ]
    kinds = sorted({str(n["kind"]) for n in nodes})
    return {
        "drawn": bool(nodes),
        "partial": note,
        "directed": view.is_directed(),
        "nodes": nodes,
        "edges": edges,
        "table": table,
        "total_nodes": view.number_of_nodes(),
        "total_edges": view.number_of_edges(),
        "kinds": [(k, KIND_COLOURS.get(k, KIND_COLOURS["Actor"])) for k in kinds],
        "relations": [(r, colour[r]) for r in relations],
        "width": WIDTH,
        "height": HEIGHT,
    }


__all__ = [
    "KIND_COLOURS",
    "MAX_DRAWN",
    "RELATION_COLOURS",
    "TABLE_ROWS",
    "drawn_part",
    "layout_view",
]
