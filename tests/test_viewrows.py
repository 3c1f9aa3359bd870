"""What the three exports of a view share (kg.outputs.viewrows) is what networkx gives."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kg.outputs.viewrows import ViewRows


@pytest.mark.parametrize("cls", [nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph])
@pytest.mark.parametrize("seed", range(20))
def test_degrees_are_networkx_degrees(cls: type[nx.Graph], seed: int) -> None:
    rng = random.Random(seed)
    view = cls()
    view.add_nodes_from(range(8))  # some left without edges
    for _ in range(rng.randrange(20)):
        view.add_edge(rng.randrange(8), rng.randrange(8))  # self-loops and repeats too
    assert ViewRows(view).degree() == dict(view.degree())
