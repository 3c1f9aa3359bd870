"""Legible pictures: components apart, labels clear of nodes and of each other, two palettes."""

from __future__ import annotations

import itertools

import networkx as nx

from kg.outputs.gexf import KIND_COLOURS
from kg.outputs.layout import component_layout, place_labels
from kg.outputs.plot import RELATION_COLOURS


def _boxes(pos, sizes, spots):  # type: ignore[no-untyped-def]
    out = {}
    for n, ((x, y), anchor) in spots.items():
        w, h = sizes[n]
        left = {"middle": x - w / 2, "start": x, "end": x - w}[anchor]
        out[n] = (left, y - 0.8 * h, left + w, y + 0.2 * h)
    return out


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a[0] < b[2] - 1e-6 and b[0] < a[2] - 1e-6 and a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6


def test_labels_overlap_neither_nodes_nor_each_other() -> None:
    view = nx.gnm_random_graph(19, 32, seed=3)
    view.add_edges_from([(100, 101), (101, 102)])  # a second component
    pos = component_layout(view, width=1200, height=800)
    sizes = {n: (24 * 7.0, 15.0) for n in view}  # labels of 24 characters
    boxes = _boxes(pos, sizes, place_labels(pos, sizes, radius=10))
    for a, b in itertools.combinations(view, 2):
        assert not _overlap(boxes[a], boxes[b]), (a, b)
    for n, (x, y) in pos.items():
        node = (x - 10, y - 10, x + 10, y + 10)
        assert not any(_overlap(node, box) for box in boxes.values()), n


def test_components_are_laid_out_apart_and_inside_the_frame() -> None:
    view = nx.complete_graph(8)
    view.add_edge("a", "b")
    pos = component_layout(view, width=1000, height=600)
    assert all(0 <= x <= 1000 and 0 <= y <= 600 for x, y in pos.values())
    big = [pos[n] for n in range(8)]
    for n in ("a", "b"):
        x, y = pos[n]
        assert not (
            min(p[0] for p in big) <= x <= max(p[0] for p in big)
            and min(p[1] for p in big) <= y <= max(p[1] for p in big)
        )


def test_relations_and_kinds_have_separate_colours() -> None:
    kinds = {"#{:02x}{:02x}{:02x}".format(*rgb) for rgb in KIND_COLOURS.values()}
    assert not kinds & {c.lower() for c in RELATION_COLOURS}
