"""The network page of a view too large to draw: the part drawn, and a notice saying which."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.outputs.site.model import read_site_data
from kg.outputs.site.netpages import MAX_DRAWN, TABLE_ROWS, drawn_part, layout_view
from kg.outputs.site.netrender import network_page
from kg.outputs.site.render import _env

ID = "https://w3id.org/conflict-kg/id/"
REPO = Path(__file__).resolve().parent.parent


def _stars(*sizes: int) -> nx.DiGraph:
    """One star per size (a hub and ``size - 1`` leaves), directed hub -> leaf."""
    view = nx.DiGraph()
    for k, size in enumerate(sizes):
        hub = f"{ID}hub{k}"
        view.add_node(hub, label=f"Hub {k}", kind="State")
        for i in range(size - 1):
            leaf = f"{ID}leaf{k}-{i}"
            view.add_node(leaf, label=f"Leaf {k}-{i}", kind="Person")
            view.add_edge(hub, leaf, relation="mediates", spells="2010-01-01/..")
    return view


def test_a_small_view_is_drawn_whole() -> None:
    view = _stars(10, 5)
    part, note = drawn_part(view)
    assert part is view and note == ""
    net = layout_view(view)
    assert len(net["nodes"]) == 15 and net["total_nodes"] == 15 and net["partial"] == ""


def test_a_large_view_draws_its_largest_components_whole() -> None:
    view = _stars(150, 150, 150, 120, 3)
    net = layout_view(view)
    drawn = {n["iri"] for n in net["nodes"]}
    biggest = set(nx.node_connected_component(view.to_undirected(), f"{ID}hub0"))
    second = set(nx.node_connected_component(view.to_undirected(), f"{ID}hub1"))
    assert drawn == biggest | second  # a third star of 150 would pass the cap
    assert len(drawn) <= MAX_DRAWN
    assert net["partial"] == "the 2 largest connected components"
    assert {(e["u"], e["v"]) for e in net["edges"]} == set(view.subgraph(drawn).edges)
    assert net["total_nodes"] == 573 and net["total_edges"] == 568
    assert len(net["table"]) == 568  # the table lists the whole view's relations


def test_a_component_over_the_cap_draws_the_actors_nearest_its_hub() -> None:
    view = _stars(MAX_DRAWN + 50)
    view.add_edge(f"{ID}leaf0-0", f"{ID}far", relation="mediates")
    view.add_edge(f"{ID}far", f"{ID}farther", relation="mediates")
    part, note = drawn_part(view)
    assert part.number_of_nodes() == MAX_DRAWN and nx.is_weakly_connected(part)
    assert f"{ID}hub0" in part and f"{ID}far" not in part
    assert note.startswith(f"the {MAX_DRAWN} actors nearest to the most connected one, Hub 0")


def test_the_page_of_a_large_view_says_what_is_drawn() -> None:
    view = _stars(TABLE_ROWS + 10)
    data = read_site_data(ox.Store(), Graph())
    page = network_page(_env(), data, view, layout_view(view), "mediation").decode()
    assert page.count('<a class="node"') == MAX_DRAWN
    assert page.count('<line class="edge"') == MAX_DRAWN - 1
    assert "Part of the view is drawn." in page
    assert f"{TABLE_ROWS + 10} actors are too many to draw legibly" in page
    assert f"First {TABLE_ROWS} of {TABLE_ROWS + 9} relations" in page
    assert page.count("<tr><td>") == TABLE_ROWS


_SEEDED = """
import json, sys
import networkx as nx
sys.path.insert(0, sys.argv[1])
from test_site_scale import _stars
from kg.outputs.site.netpages import layout_view
stars = [int(n) for n in sys.argv[2].split(",")]
view = _stars(*stars)
if sys.argv[3] == "undirected":
    view = nx.Graph(view)
print(json.dumps(layout_view(view), sort_keys=True))
"""


@pytest.mark.parametrize(
    ("stars", "kind"),
    [("30," * 29 + "30", "directed"), ("900", "undirected"), ("10," * 59 + "10", "undirected")],
    ids=["largest-components", "around-the-hub", "small-components-undirected"],
)
def test_a_large_views_page_is_the_same_whatever_pythons_hash_seed(
    tmp_path: Path, stars: str, kind: str
) -> None:
    """Two builds draw the same page: the part drawn keeps the view's order, not a set's."""
    pages = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        done = subprocess.run(
            [sys.executable, "-c", _SEEDED, str(REPO / "tests"), stars, kind],
            capture_output=True,
            env=env,
            check=True,
        )
        pages.append(done.stdout)
    assert json.loads(pages[0])["partial"]  # a part is drawn, not the whole view
    assert pages[0] == pages[1]


def test_a_dense_drawing_shows_only_labels_that_keep_clear_hubs_first() -> None:
    view = _stars(150, 150, 90)
    net = layout_view(view)
    boxes = []
    for n in net["nodes"]:
        if n["lx"] is None:
            continue
        width, height = len(n["short"]) * 6.8 + 6, 18.0
        left = {"start": n["lx"], "end": n["lx"] - width, "middle": n["lx"] - width / 2}
        top = n["ly"] - height * 0.8 if n["anchor"] == "middle" else n["ly"] - height * 0.8
        boxes.append((left[n["anchor"]], top, left[n["anchor"]] + width, top + height))
    overlaps = sum(
        1
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1
    )
    assert overlaps == 0 and 0 < len(boxes) < len(net["nodes"])
    labelled = {n["iri"] for n in net["nodes"] if n["lx"] is not None}
    assert {f"{ID}hub0", f"{ID}hub1", f"{ID}hub2"} <= labelled  # the most connected first
