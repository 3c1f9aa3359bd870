"""Pictures of the views, the plot command and the graphs written by ``build``."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from conftest import REPO, article_layout
from graphschemas import SCHEMAS, assert_valid
from rdflib import Graph

from kg.cli.main import main
from kg.outputs.build import build
from kg.outputs.graphs import load_project_graph
from kg.outputs.plot import render, title_of
from kg.views.network import build_view, view_names

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def repo_graph() -> Graph:
    return load_project_graph(article_layout())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository built once for this module (PNG rendering is the slow part)."""
    out = tmp_path_factory.mktemp("build")
    build(article_layout(), out_dir=out)
    return out / "graphs"


def test_build_writes_every_view(built: Path) -> None:
    expected = {
        f"{name}{suffix}"
        for name in view_names()
        for suffix in (".gexf", ".dynamic.gexf", ".graphml", ".png")
    }
    assert {p.name for p in built.iterdir()} == expected
    assert all((built / f"{name}.png").read_bytes().startswith(PNG_MAGIC) for name in view_names())
    mediation = nx.read_gexf(built / "mediation.gexf", version="1.3")
    assert mediation.number_of_edges() == 4


@pytest.mark.skipif(not SCHEMAS.is_dir(), reason="../shared/schemas is not present")
def test_built_graph_files_are_valid(built: Path) -> None:
    for path in sorted(built.iterdir()):
        if path.suffix in (".gexf", ".graphml"):
            assert_valid(path, path.suffix.lstrip("."))


def test_png_is_a_readable_picture(repo_graph: Graph) -> None:
    from PIL import Image  # a matplotlib dependency

    content = render(build_view(repo_graph, "actors"), fmt="png", dpi=60)
    assert content.startswith(PNG_MAGIC)
    with Image.open(io.BytesIO(content)) as image:
        assert image.size == (720, 480)  # 12 x 8 inches at 60 dpi
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
        assert len(colours) > 50  # drawn, not blank


def test_svg_has_title_labels_and_legend(repo_graph: Graph) -> None:
    view = build_view(repo_graph, "cochair", at=date(2020, 10, 10))
    svg = render(view, fmt="svg").decode("utf-8")
    assert "cochair: co-chairs of the same mediation group — as of 2020-10-10" in svg
    for text in ("United States", "France", "Russia", "State", "co-chairs with", "kind"):
        assert f">{text}<" in svg or f"{text}</text>" in svg, text
    assert render(view, fmt="svg") == svg.encode("utf-8")  # same view, same picture


def test_titles() -> None:
    assert title_of(nx.Graph(view="actors")) == "actors — all dates"
    window = nx.Graph(view="mediation", between="2010-01-01/2020-12-31")
    assert title_of(window) == "mediation — between 2010-01-01 and 2020-12-31"


def test_empty_view_draws_a_notice() -> None:
    svg = render(build_view(Graph(), "belligerents"), fmt="svg").decode("utf-8")
    assert "no relations" in svg
    with pytest.raises(ValueError, match="png, svg"):
        render(nx.Graph(), fmt="pdf")


def test_cli_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cochair.svg"
    assert main(["--root", str(REPO), "plot", "cochair", "-o", str(out), "--at", "1990-01-01"]) == 0
    captured = capsys.readouterr()
    assert "warning: view 'cochair' is empty (1990-01-01)" in captured.err
    assert f"wrote {out}" in captured.out
    assert "as of 1990-01-01" in out.read_text(encoding="utf-8")
