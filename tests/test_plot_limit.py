"""The plot limit: views up to it are drawn (without scipy), larger ones are refused or skipped."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import networkx as nx
import pytest
from conftest import REPO, article_layout
from rdflib import Graph

from kg.cli.main import main
from kg.outputs.graphs import PlotSkippedWarning, graph_files
from kg.outputs.plot import MAX_PLOT_EDGES, MAX_PLOT_NODES, ViewTooLargeError, render, too_large
from kg.views.network import VIEWS

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _view(nodes: int, *, name: str = "actors") -> nx.Graph:
    view = nx.path_graph(nodes, create_using=nx.DiGraph)
    view.graph["view"] = name
    for node, data in view.nodes(data=True):
        data.update(label=f"actor {node}", kind="State")
    return view


@pytest.fixture
def no_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import scipy`` fail, as on an installation without it."""
    for module in [m for m in sys.modules if m == "scipy" or m.startswith("scipy.")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "scipy", None)


@pytest.mark.usefixtures("no_scipy")
def test_a_view_at_the_limit_is_drawn_without_scipy() -> None:
    view = _view(MAX_PLOT_NODES)
    assert too_large(view) is None
    assert render(view, fmt="png", dpi=30).startswith(PNG_MAGIC)


def test_a_view_over_the_node_limit_is_refused() -> None:
    view = _view(MAX_PLOT_NODES + 1)
    reason = too_large(view)
    assert reason is not None and f"{MAX_PLOT_NODES + 1} nodes" in reason and "Gephi" in reason
    with pytest.raises(ViewTooLargeError, match="up to 150"):
        render(view, fmt="png")


def test_the_edge_limit_counts_parallel_edges_once() -> None:
    view = nx.MultiDiGraph(view="actors")
    pairs = [(a, b) for a in range(40) for b in range(40) if a != b]
    for a, b in pairs[:MAX_PLOT_EDGES]:
        view.add_edge(a, b, key="invited", relation="invited")
        view.add_edge(a, b, key="spoke for", relation="spoke for")
    assert view.number_of_edges() == 2 * MAX_PLOT_EDGES
    assert too_large(view) is None
    a, b = pairs[MAX_PLOT_EDGES]
    view.add_edge(a, b, key="invited", relation="invited")
    assert f"{MAX_PLOT_EDGES + 1} edges" in (too_large(view) or "")


def test_the_plot_command_says_why_it_draws_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.cli import plot as plot_cmd

    out = tmp_path / "big.png"
    monkeypatch.setattr(plot_cmd, "view_for", lambda args: _view(MAX_PLOT_NODES + 5))
    assert main(["--root", str(REPO), "plot", "actors", "-o", str(out)]) == 2
    assert "155 nodes" in capsys.readouterr().err
    assert not out.exists()


def test_graph_files_skips_the_png_of_a_large_view_with_a_warning() -> None:
    graph = Graph().parse(article_layout().data_files[1])
    small = graph_files(graph, prefix="g/")
    assert {f"g/{name}.png" for name in VIEWS} <= set(small)
    import kg.outputs.graphs as graphs

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            graphs, "too_large", lambda v: "too many" if v.graph["view"] == "actors" else None
        )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            files = graph_files(graph, prefix="g/")
    assert "g/actors.png" not in files
    assert {"g/actors.gexf", "g/actors.dynamic.gexf", "g/actors.graphml"} <= set(files)
    skipped = [w for w in caught if issubclass(w.category, PlotSkippedWarning)]
    assert [str(w.message) for w in skipped] == ["g/actors.png not drawn: too many"]
    assert {k: v for k, v in files.items() if "actors" not in k} == {
        k: v for k, v in small.items() if "actors" not in k
    }
