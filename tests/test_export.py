"""GEXF 1.3 / GraphML exports: schema validity, round trips, escaping, CLI."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from conftest import REPO, article_layout
from graphschemas import PARSER, assert_valid, needs_schemas
from lxml import etree
from rdflib import Graph

from kg import ID
from kg.cli.main import main
from kg.outputs.gexf import GEXF_NS, EmptyViewWarning, to_gexf, to_graphml
from kg.outputs.graphs import load_project_graph
from kg.views.network import build_view, view_names

READER_ADDED = {"id", "viz", "spells"}  # what the networkx readers add


@pytest.fixture(scope="module")
def repo_graph() -> Graph:
    return load_project_graph(article_layout())


@pytest.fixture(scope="module")
def views(repo_graph: Graph) -> dict[str, nx.Graph]:
    return {name: build_view(repo_graph, name) for name in view_names()}


def canonical(graph: nx.Graph, *, by_iri: bool = False) -> tuple[dict[str, Any], dict[Any, Any]]:
    """Nodes and edges with their attributes, comparable across formats."""
    name = {n: (d["iri"] if by_iri else n) for n, d in graph.nodes(data=True)}
    nodes = {name[n]: {k: v for k, v in d.items() if k not in READER_ADDED}
             for n, d in graph.nodes(data=True)}  # fmt: skip
    edges: dict[Any, Any] = {}
    for u, v, *rest in graph.edges(data=True):
        data = {k: val for k, val in rest[-1].items() if k not in READER_ADDED}
        ends: Any = (name[u], name[v]) if graph.is_directed() else frozenset((name[u], name[v]))
        edges[(ends, data["relation"])] = data
    return nodes, edges


@needs_schemas
@pytest.mark.parametrize("name", view_names())
def test_every_export_is_valid(views: dict[str, nx.Graph], name: str) -> None:
    assert_valid(to_gexf(views[name]), "gexf")
    assert_valid(to_gexf(views[name], dynamic=True), "gexf")
    assert_valid(to_graphml(views[name]), "graphml")


@pytest.mark.parametrize("name", view_names())
def test_round_trip_through_networkx(views: dict[str, nx.Graph], name: str) -> None:
    view = views[name]
    expected = canonical(view)
    assert expected[1], "the repository's views are not empty"
    static = nx.read_gexf(io.BytesIO(to_gexf(view)), version="1.3")
    assert canonical(static) == expected
    dynamic = nx.read_gexf(io.BytesIO(to_gexf(view, dynamic=True)), version="1.3")
    assert canonical(dynamic) == expected
    graphml = nx.read_graphml(io.BytesIO(to_graphml(view)))
    assert canonical(graphml, by_iri=True) == expected
    assert static.is_directed() == graphml.is_directed() == view.is_directed()


def test_graphml_read_by_igraph(views: dict[str, nx.Graph], tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph", reason="python-igraph is not installed")
    path = tmp_path / "actors.graphml"
    path.write_bytes(to_graphml(views["actors"]))
    graph = igraph.Graph.Read_GraphML(str(path))
    view = views["actors"]
    assert (graph.vcount(), graph.ecount()) == (view.number_of_nodes(), view.number_of_edges())
    iris = graph.vs["iri"]
    edges = {(iris[e.source], iris[e.target], e["relation"]) for e in graph.es}
    assert edges == set(view.edges(keys=True))
    assert sorted(graph.es["count"]) == sorted(d["count"] for *_, d in view.edges(data=True))


def test_graphml_ids_are_nmtokens_and_unique(views: dict[str, nx.Graph]) -> None:
    root = etree.fromstring(to_graphml(views["actors"]), PARSER)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    node_ids = root.xpath("//g:node/@id", namespaces=ns)
    edge_ids = root.xpath("//g:edge/@id", namespaces=ns)
    assert all(re.fullmatch(r"[\w.\-:]+", i) for i in [*node_ids, *edge_ids])
    assert len(set(edge_ids)) == len(edge_ids) == views["actors"].number_of_edges()
    types = {k.get("attr.name"): k.get("attr.type") for k in root.xpath("//g:key", namespaces=ns)
             if k.get("for") == "edge"}  # fmt: skip
    assert (types["count"], types["weight"], types["symmetric"]) == ("int", "double", "boolean")


def test_dynamic_gexf_spells(views: dict[str, nx.Graph]) -> None:
    root = etree.fromstring(to_gexf(views["mediation"], dynamic=True), PARSER)
    ns = {"g": GEXF_NS}
    graph = root.find("g:graph", ns)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    spells = {
        (e.get("source").rsplit("/", 1)[1], e.get("target").rsplit("/", 1)[1]):
        [(s.get("start"), s.get("end")) for s in e.findall("g:spells/g:spell", ns)]
        for e in root.iterfind(".//g:edge", ns)
    }  # fmt: skip
    assert spells[("osce-minsk-group", "armenia")] == [("2010-01-01", "2010-12-31")]
    assert spells[("russia", "armenia")] == [("2020-10-10", None)]
    node = root.find(f".//g:node[@id='{ID['armenia']}']", ns)
    node_spells = [(s.get("start"), s.get("end")) for s in node.findall("g:spells/g:spell", ns)]
    assert node_spells == [("2010-01-01", "2010-12-31"), ("2020-10-10", None)]
    static = etree.fromstring(to_gexf(views["mediation"]), PARSER)
    assert static.find("g:graph", ns).get("mode") == "static"
    assert not static.findall(".//g:spells", ns)


def test_viz_colour_by_kind_and_size_by_degree(views: dict[str, nx.Graph]) -> None:
    root = etree.fromstring(to_gexf(views["mediation"]), PARSER)
    viz = "http://gexf.net/1.3/viz"
    colours, sizes = {}, {}
    for node in root.iter(f"{{{GEXF_NS}}}node"):
        colour = node.find(f"{{{viz}}}color")
        colours[node.get("id")] = (colour.get("r"), colour.get("g"), colour.get("b"))
        sizes[node.get("id")] = float(node.find(f"{{{viz}}}size").get("value"))
    assert colours[str(ID["russia"])] == colours[str(ID["armenia"])]
    assert colours[str(ID["russia"])] != colours[str(ID["osce-minsk-group"])]
    members = etree.fromstring(to_gexf(views["cochair-membership"]), PARSER)
    size = {n.get("id"): float(n.find(f"{{{viz}}}size").get("value"))
            for n in members.iter(f"{{{GEXF_NS}}}node")}  # fmt: skip
    assert size[str(ID["osce-minsk-group"])] > size[str(ID["france"])]  # degree 3 > 1


AWKWARD = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
id:a a ckg:State ; rdfs:label "Tom & Jerry <\\"the\\" 'cat'>"@en , "Россия & «друзья»"@id .
id:b a ckg:Person ; rdfs:label "ناگورنو قره‌باغ — 亚美尼亚 ]]> &amp;"@en .
id:t a ckg:Talks ; rdfs:label "Talks \\"A<B\\" & co"@en ; ckg:mediatedBy id:a ;
    ckg:party id:b ; ckg:date "2020-10-10"^^xsd:date .
"""


def test_awkward_text_survives() -> None:
    view = build_view(Graph().parse(data=AWKWARD, format="turtle"), "mediation")
    labels = {view.nodes[n]["label"] for n in view}
    assert labels == {"Tom & Jerry <\"the\" 'cat'>", "ناگورنو قره‌باغ — 亚美尼亚 ]]> &amp;"}
    expected = canonical(view)
    for dynamic in (False, True):
        content = to_gexf(view, dynamic=dynamic)
        assert canonical(nx.read_gexf(io.BytesIO(content), version="1.3")) == expected
    assert canonical(nx.read_graphml(io.BytesIO(to_graphml(view))), by_iri=True) == expected
    edge = next(iter(view.edges(data=True)))[2]
    assert edge["event_labels"] == 'Talks "A<B" & co'
    assert view.nodes[str(ID["a"])]["label_id"] == "Россия & «друзья»"


@needs_schemas
def test_awkward_text_is_valid() -> None:
    view = build_view(Graph().parse(data=AWKWARD, format="turtle"), "mediation")
    assert_valid(to_gexf(view), "gexf")
    assert_valid(to_gexf(view, dynamic=True), "gexf")
    assert_valid(to_graphml(view), "graphml")


def test_empty_view_gives_valid_empty_files_and_a_warning(repo_graph: Graph) -> None:
    from datetime import date

    view = build_view(repo_graph, "cochair", at=date(1990, 1, 1))
    with pytest.warns(EmptyViewWarning, match="'cochair' is empty \\(1990-01-01\\)"):
        gexf = to_gexf(view, dynamic=True)
    with pytest.warns(EmptyViewWarning):
        graphml = to_graphml(view)
    assert nx.read_gexf(io.BytesIO(gexf), version="1.3").number_of_nodes() == 0
    assert nx.read_graphml(io.BytesIO(graphml)).number_of_nodes() == 0
    if (REPO.parent / "shared" / "schemas").is_dir():
        assert_valid(gexf, "gexf")
        assert_valid(graphml, "graphml")


# --- CLI -----------------------------------------------------------------------


def cli(*args: str) -> int:
    return main(["--root", str(REPO), *args])


def test_cli_export_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.graphml"
    assert cli("export", "mediation", "-o", str(out)) == 0  # format from the suffix
    assert "wrote" in capsys.readouterr().out
    read = nx.read_graphml(out)
    assert {d["label"] for _, d in read.nodes(data=True)} >= {
        "Russia", "Armenia", "Azerbaijan", "OSCE Minsk Group"}  # fmt: skip
    dyn = tmp_path / "m.gexf"
    assert cli("export", "cochair", "--format", "gexf", "--dynamic", "--at", "2020-10-10",
               "-o", str(dyn)) == 0  # fmt: skip
    assert nx.read_gexf(dyn, version="1.3").number_of_edges() == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_export_to_stdout_and_empty_warning(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert cli("export", "mediation", "--at", "1990-01-01", "--format", "gexf") == 0
    out, err = capfdbinary.readouterr()
    assert out.startswith(b"<?xml") and b'<nodes count="0"' in out
    assert b"warning: view 'mediation' is empty (1990-01-01)" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "mediators"], "available views: mediation, cochair, cochair-membership, "
                                  "belligerents, actors"),
        (["export", "mediation", "--format", "graphml", "--dynamic"], "--dynamic"),
        (["export", "mediation", "--at", "2020-02-30"],
         "invalid date '2020-02-30': the day does not exist (February 2020 has 29 days)"),
        (["export", "mediation", "--at", "2021-13-01"], "there is no month 13"),
        (["export", "mediation", "--at", "20200101"], "'20200101': expected YYYY-MM-DD"),
        (["export", "mediation", "-o", "m.json"],
         "m.json: unknown extension .json; name the file .gexf or .graphml, or give --format"),
        (["export", "mediation", "--between", "2021-01-01", "2020-01-01"], "empty time window"),
        (["plot", "mediation", "-o", "x.pdf"], "must end in .png or .svg"),
        (["plot", "nope", "-o", "x.png"], "available views: mediation"),
    ],
)  # fmt: skip
def test_cli_usage_errors(
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli(*args) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.gexf"
    out.write_bytes(b"old")

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert cli("export", "mediation", "-o", str(out)) == 2
    assert "cannot write" in capsys.readouterr().err
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.gexf"]


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_characters_xml_forbids_are_refused_naming_the_value(bad: str) -> None:
    node = nx.MultiDiGraph()
    node.add_node("a", label=f"A{bad}", kind="State")
    edge = nx.MultiDiGraph()
    edge.add_edge("a", "b", key="r", relation="r", event_labels=f"talks{bad}")
    for view, where in ((node, "node 'a': label"), (edge, "edge 'a' -> 'b': event_labels")):
        for write in (to_gexf, lambda g: to_gexf(g, dynamic=True), to_graphml):
            with pytest.raises(ValueError, match=f"{where} .*a character XML does not allow"):
                write(view)


def test_every_element_is_in_its_formats_namespace(views: dict[str, nx.Graph]) -> None:
    """Written item by item, every element still sits in its format's namespaces."""
    root = etree.fromstring(to_gexf(views["actors"], dynamic=True), PARSER)
    spaces = {etree.QName(el).namespace for el in root.iter()}
    assert spaces == {GEXF_NS, "http://gexf.net/1.3/viz"}
    graphml = etree.fromstring(to_graphml(views["actors"]), PARSER)
    assert {etree.QName(el).namespace for el in graphml.iter()} == {
        "http://graphml.graphdrawing.org/xmlns"
    }


def test_namespaces_declared_once_and_one_node_or_edge_per_line(
    views: dict[str, nx.Graph],
) -> None:
    view = views["actors"]
    for content, item in (
        (to_gexf(view), b"<node "),
        (to_gexf(view, dynamic=True), b"<node "),
        (to_graphml(view), b"<node "),
    ):
        assert content.count(b"xmlns") == content.split(b">", 2)[1].count(b"xmlns")  # root only
        lines = content.splitlines()
        nodes = [line for line in lines if item in line]
        edges = [line for line in lines if b"<edge " in line]
        assert len(nodes) == view.number_of_nodes() and len(edges) == view.number_of_edges()
        assert all(line.count(item) == 1 and line.endswith(b"</node>") for line in nodes)
        assert all(line.count(b"<edge ") == 1 and line.endswith(b"</edge>") for line in edges)


def test_an_output_that_is_a_symbolic_link_is_written_through_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the link was replaced by a regular file and its target left as it was.
    target = tmp_path / "shared" / "t.gexf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "l.gexf"
    link.symlink_to(target)
    assert cli("export", "mediation", "-o", str(link)) == 0, capsys.readouterr().err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes().startswith(b"<?xml")
    assert sorted(p.name for p in target.parent.iterdir()) == ["t.gexf"]


def test_an_output_that_is_a_pipe_is_written_into_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: `-o /dev/null` (or a named pipe) was replaced by a regular file.
    import stat
    import threading

    pipe = tmp_path / "p.gexf"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    assert cli("export", "mediation", "-o", str(pipe)) == 0, capsys.readouterr().err
    reader.join(30)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert got and got[0].startswith(b"<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.gexf"]
