"""Legible layouts of a network view: components packed apart, labels placed clear of each other.

:func:`component_layout` lays out each connected component with networkx's
seeded spring layout (numpy only, no scipy) and packs the components in rows,
the largest first, each given room in proportion to its size, so a small
component no longer squeezes the big one into the middle of the picture.
:func:`place_labels` then puts each label below, above, right or left of its
node, the first of these that overlaps no node and no label already placed
(greedy, longest labels first), then the same a line or two further out; a
label with no free place goes where it covers the fewest.

Both work in abstract units: positions in ``[0, width] × [0, height]``.

Examples
--------
>>> import networkx as nx
>>> pos = component_layout(nx.path_graph(3), width=100, height=100)
>>> sorted(pos) == [0, 1, 2]
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping

import networkx as nx

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def _normalised(pos: Mapping[Hashable, object]) -> dict[Hashable, Point]:
    xs = [float(p[0]) for p in pos.values()]  # type: ignore[index]
    ys = [float(p[1]) for p in pos.values()]  # type: ignore[index]
    sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        n: ((float(p[0]) - min(xs)) / sx, (float(p[1]) - min(ys)) / sy)  # type: ignore[index]
        for n, p in pos.items()
    }


def _spread(pos: dict[Hashable, Point]) -> dict[Hashable, Point]:
    """Pull each coordinate halfway to its rank: a dense core is opened up, the order kept."""
    n = len(pos)
    if n < 3:
        return pos
    rank_x = {node: i / (n - 1) for i, node in enumerate(sorted(pos, key=lambda k: pos[k][0]))}
    rank_y = {node: i / (n - 1) for i, node in enumerate(sorted(pos, key=lambda k: pos[k][1]))}
    return {k: ((p[0] + rank_x[k]) / 2, (p[1] + rank_y[k]) / 2) for k, p in pos.items()}


def induced(view: nx.Graph, nodes: Iterable[Hashable]) -> nx.Graph:
    """``view`` on ``nodes``: its nodes, edges and their ends in ``view``'s order, a new graph.

    networkx's induced subgraph view goes through a small part's nodes in the
    order of a set, which changes with Python's hash seed; a force layout starts
    from the nodes' order, so two builds of the same data drew different pictures.

    Examples
    --------
    >>> list(induced(nx.path_graph(5), {3, 1, 2}).edges)
    [(1, 2), (2, 3)]
    """
    keep = set(nodes)
    part = view.__class__()
    part.graph.update(view.graph)
    part.add_nodes_from((n, d) for n, d in view.nodes(data=True) if n in keep)
    edges = view.edges(keys=True, data=True) if view.is_multigraph() else view.edges(data=True)
    part.add_edges_from(e for e in edges if e[0] in keep and e[1] in keep)
    return part


def component_layout(
    view: nx.Graph, *, width: float, height: float, seed: int = 7
) -> dict[Hashable, Point]:
    """Positions of the nodes of ``view``, components laid out apart and packed in rows."""
    simple = nx.Graph(view)
    if simple.number_of_nodes() == 0:
        return {}
    comps = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(map(str, c))))
    cells = []
    for comp in comps:
        sub = induced(simple, comp)
        n = sub.number_of_nodes()
        if n <= 3:  # a dot, a pair, a path or triangle: no need of a simulation
            ring = sorted(comp, key=str)
            local = {
                node: (
                    0.5 + 0.5 * math.cos(2 * math.pi * i / n),
                    0.5 + 0.5 * math.sin(2 * math.pi * i / n),
                )
                for i, node in enumerate(ring)
            }
            local = _normalised(local) if n > 1 else local
        else:
            steps = 300 if n <= 60 else 120
            raw = nx.spring_layout(sub, seed=seed, k=2.0 / math.sqrt(n), iterations=steps)
            local = _spread(_normalised(raw))
        cells.append((math.sqrt(n), local))
    total = sum(size * size for size, _ in cells)
    row_width = max(1.3 * math.sqrt(total * width / height), cells[0][0])
    placed: dict[Hashable, Point] = {}
    x = y = row_h = 0.0
    for size, local in cells:
        if x > 0 and x + size > row_width + 1e-9:
            x, y, row_h = 0.0, y + row_h, 0.0
        pad = 0.12 * size if size > 1 else 0.0
        for node, (u, v) in local.items():
            placed[node] = (x + pad + u * (size - 2 * pad), y + pad + v * (size - 2 * pad))
        x, row_h = x + size, max(row_h, size)
    return _fit(placed, width=width, height=height)


def _fit(pos: dict[Hashable, Point], *, width: float, height: float) -> dict[Hashable, Point]:
    """Stretch the packed layout over the whole frame (each axis on its own: a force
    layout's aspect ratio carries no meaning, and the frame's room goes to the labels)."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    dx, dy = max(xs) - min(xs), max(ys) - min(ys)
    sx = width / dx if dx else 0.0
    sy = height / dy if dy else 0.0
    return {
        n: (
            min(max((p[0] - min(xs)) * sx if dx else width / 2, 0.0), width),
            min(max((p[1] - min(ys)) * sy if dy else height / 2, 0.0), height),
        )
        for n, p in pos.items()
    }


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    pos: Mapping[Hashable, Point],
    sizes: Mapping[Hashable, tuple[float, float]],
    *,
    radius: float,
    priority: Mapping[Hashable, float] | None = None,
    drop_clashing: bool = False,
) -> dict[Hashable, tuple[Point, str]]:
    """For each node, the anchor point of its label and its alignment (start/middle/end).

    Parameters
    ----------
    pos : node positions.
    sizes : ``(width, height)`` of each label in the same units.
    radius : the nodes' radius: labels keep clear of every node's square.
    priority : labels are placed in this order, highest first (default: widest first).
    drop_clashing : leave out a label that no spot keeps clear of the others (a dense
        drawing then shows the labels that fit, the most important first).
    """
    nodes = [(p[0] - radius, p[1] - radius, p[0] + radius, p[1] + radius) for p in pos.values()]
    placed: list[Box] = []
    out: dict[Hashable, tuple[Point, str]] = {}
    rank = priority or {n: sizes[n][0] for n in pos}
    for node in sorted(pos, key=lambda n: (-rank.get(n, 0), str(n))):
        x, y = pos[node]
        w, h = sizes[node]
        gap = radius + 2
        candidates = []
        for far in (0.0, h, 2.5 * h):  # beside the node, then a line or two further out
            below, above = y + gap + far, y - gap - far
            candidates += [
                ((x, below + h * 0.8), "middle", (x - w / 2, below, x + w / 2, below + h)),
                ((x, above - h * 0.2), "middle", (x - w / 2, above - h, x + w / 2, above)),
            ]
            if not far:
                candidates += [
                    ((x + gap, y + h * 0.3), "start", (x + gap, y - h / 2, x + gap + w, y + h / 2)),
                    ((x - gap, y + h * 0.3), "end", (x - gap - w, y - h / 2, x - gap, y + h / 2)),
                ]

        def clashes(box: Box) -> int:
            return sum(_overlaps(box, b) for b in placed) + sum(_overlaps(box, b) for b in nodes)

        choice = min(candidates, key=lambda cand: clashes(cand[2]))  # the first free one
        if drop_clashing and clashes(choice[2]):
            continue
        placed.append(choice[2])
        out[node] = (choice[0], choice[1])
    return out


__all__ = ["component_layout", "induced", "place_labels"]
