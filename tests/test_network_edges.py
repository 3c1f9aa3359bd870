"""The multigraph view's edges are stored as networkx's own bulk add stores them."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest

from kg.views.network import _add_keyed_edges


def _layout(view: nx.MultiDiGraph) -> Any:
    """Everything whose order or content the exports could read."""
    return (
        list(view.nodes(data=True)),
        list(view.edges(keys=True, data=True)),
        {node: list(view.pred[node]) for node in view},
        {node: list(view.succ[node]) for node in view},
    )


@pytest.mark.parametrize("seed", range(30))
def test_same_graph_as_add_edges_from(seed: int) -> None:
    rng = random.Random(seed)
    edges = [
        (rng.randrange(6), rng.randrange(6), rng.choice("abc"), {"w": rng.random(), "n": i})
        for i in range(rng.randrange(25))
    ]  # self-loops, parallel edges and a key met twice among them
    ours, theirs = nx.MultiDiGraph(), nx.MultiDiGraph()
    _add_keyed_edges(ours, iter(edges))
    theirs.add_edges_from(edges)
    assert _layout(ours) == _layout(theirs)
    for u, v, key, attrs in edges:
        assert ours[u][v][key] is not attrs  # each edge its own dict, as networkx copies


def test_none_is_no_node() -> None:
    with pytest.raises(ValueError, match="None cannot be a node"):
        _add_keyed_edges(nx.MultiDiGraph(), [(None, 1, "a", {})])
