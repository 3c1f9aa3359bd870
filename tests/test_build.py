"""build(): summary counts, atomic outputs, nothing written on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import PREFIXES, write_project
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import DataError
from kg.outputs.atomic import write_atomically
from kg.outputs.build import BUILD_STEPS, BuildInput, build
from kg.read.resources import Layout


def test_build_writes_both_files_that_parse_back(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = build(Layout.at(project), out_dir=out)
    assert {"conflict-kg.nt", "conflict-kg.ttl"} <= {p.name for p in out.iterdir()}
    ttl = Graph().parse(out / "conflict-kg.ttl", format="turtle")
    nt = Graph().parse(out / "conflict-kg.nt", format="nt")
    assert len(ttl) == len(nt) == summary.triples
    ontology = Graph().parse(project / "ontology" / "conflict.ttl")
    data = Graph().parse(project / "data" / "actors.ttl")
    assert summary.triples == len(ontology + data)


def test_summary_counts(project: Path, tmp_path: Path) -> None:
    summary = build(Layout.at(project), out_dir=tmp_path / "out")
    assert summary.instances_per_class == {
        "ckg:NewsArticle": 1,
        "ckg:Quotation": 1,
        "ckg:State": 2,
    }
    assert summary.source_documents == 1  # a NewsArticle, via rdfs:subClassOf
    assert summary.quotations == 1


def test_violation_writes_nothing_and_keeps_old_output(bad_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    old = out / "conflict-kg.ttl"
    old.write_text("old", encoding="utf-8")
    with pytest.raises(DataError) as info:
        build(Layout.at(bad_project), out_dir=out)
    errors = [d for d in info.value.findings if d.severity == "error"]
    assert [(Path(d.file).name, d.line) for d in errors] == [("b.ttl", 8)]
    assert old.read_text(encoding="utf-8") == "old"
    assert [p.name for p in out.iterdir()] == ["conflict-kg.ttl"]


def test_bad_literal_writes_nothing(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "p",
        data={"a.ttl": PREFIXES + 'id:a a ckg:State ; ckg:founded "2020-13-45"^^xsd:date .\n'},
    )
    with pytest.raises(DataError) as info:  # a finding, as validate reports it (exit 1)
        build(Layout.at(root), out_dir=tmp_path / "out")
    found = {(d.code, Path(d.file).name, d.line, d.column) for d in info.value.findings}
    assert ("invalid-literal", "a.ttl", 8, 32) in found
    assert not (tmp_path / "out").exists()


def test_failing_step_leaves_no_partial_file(project: Path, tmp_path: Path) -> None:
    def broken(*_: object) -> dict[str, bytes]:
        raise RuntimeError("boom")

    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        build(Layout.at(project), out_dir=out, steps=[*BUILD_STEPS, broken])
    assert not out.exists() or list(out.iterdir()) == []


def test_extra_build_step_adds_an_output(project: Path, tmp_path: Path) -> None:
    def count(checked: BuildInput) -> dict[str, bytes]:
        default = checked.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        return {"count.txt": str(sum(1 for _ in default)).encode()}

    summary = build(Layout.at(project), out_dir=tmp_path / "o", steps=[*BUILD_STEPS, count])
    assert (tmp_path / "o" / "count.txt").read_text() == str(summary.triples)


def test_write_atomically_cleans_temp_files_on_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old")

    write_atomically(tmp_path, {"a.txt": b"new", "b.txt": b"x"})
    assert (tmp_path / "a.txt").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    with pytest.raises(TypeError):
        write_atomically(tmp_path, {"a.txt": b"newer", "c.txt": "not bytes"})  # type: ignore[dict-item]
    assert (tmp_path / "a.txt").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_missing_shapes_file_means_no_shapes(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", shapes=False)
    assert build(Layout.at(root), out_dir=tmp_path / "o").triples > 0


def test_writer_steps_stream_into_the_file_and_fail_atomically(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o"

    def streamed(_: BuildInput) -> dict[str, object]:
        return {"big.txt": lambda handle: handle.write(b"line\n" * 3)}

    build(Layout.at(project), out_dir=out, steps=[*BUILD_STEPS, streamed])  # type: ignore[list-item]
    assert (out / "big.txt").read_bytes() == b"line\n" * 3
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def half_written(_: BuildInput) -> dict[str, object]:
        def write(handle: object) -> None:
            handle.write(b"partial")  # type: ignore[attr-defined]
            raise OSError("disk full")

        return {"big.txt": write}

    with pytest.raises(OSError, match="disk full"):
        build(Layout.at(project), out_dir=out, steps=[*BUILD_STEPS, half_written])  # type: ignore[list-item]
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in out.rglob(".*.tmp")]


def test_outputs_are_sorted_deterministic_and_equal_across_engines(
    project: Path, tmp_path: Path
) -> None:
    build(Layout.at(project), out_dir=tmp_path / "a")
    build(Layout.at(project), out_dir=tmp_path / "b", engine="pyshacl")
    for name in ("conflict-kg.nt", "conflict-kg.ttl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    lines = (tmp_path / "a" / "conflict-kg.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))
    ttl = (tmp_path / "a" / "conflict-kg.ttl").read_text(encoding="utf-8")
    assert "@prefix ckg: <https://w3id.org/conflict-kg/ontology#> ." in ttl


def test_violation_is_found_by_both_engines(bad_project: Path, tmp_path: Path) -> None:
    for engine in ("oxigraph", "pyshacl"):
        with pytest.raises(DataError) as info:
            build(Layout.at(bad_project), out_dir=tmp_path / engine, engine=engine)
        errors = [d for d in info.value.findings if d.severity == "error"]
        assert [(Path(d.file).name, d.line, d.code) for d in errors] == [
            ("b.ttl", 8, "shacl-MinCount")
        ]
        assert not (tmp_path / engine).exists()


def test_progress_reports_each_stage(project: Path, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    build(Layout.at(project), out_dir=tmp_path / "o", progress=lambda *a: seen.append(a))
    stages = [s for s, _, _ in seen]
    assert stages[0].startswith("loading ") and "actors.ttl" in stages[0]
    assert "SHACL" in stages
    # the views (the longest step) and the graph files start first, the entailment
    # when one of them is done (two at a time)
    first = max(stages.index("graphs_step"), stages.index("graph_step"))
    assert first < stages.index("entailment_step") < stages.index("write")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_get_the_mode_open_would_give(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        written = write_atomically(tmp_path, {"a.txt": b"x", "graphs/b.gexf": b"y"})
    finally:
        os.umask(old)
    assert [stat.S_IMODE(p.stat().st_mode) for p in written] == [mode, mode]


def test_rewriting_keeps_the_existing_mode(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"old")
    (tmp_path / "a.txt").chmod(0o640)
    write_atomically(tmp_path, {"a.txt": b"new"})
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640


BLANK_NODES = """
ckg:Actor owl:disjointWith [ a owl:Class ; owl:unionOf ( ckg:Quotation ckg:SourceDocument ) ] .
ckg:State rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ckg:founded ;
    owl:maxCardinality "1"^^xsd:integer ] ,
  [ a owl:Restriction ; owl:onProperty ckg:memberCount ;
    owl:maxCardinality "1"^^xsd:integer ] .
ckg:founded rdfs:comment "not a blank node: _:x in a literal"@en .
"""


def test_two_builds_with_blank_nodes_are_byte_identical(project: Path, tmp_path: Path) -> None:
    with (project / "ontology" / "conflict.ttl").open("a", encoding="utf-8") as handle:
        handle.write(BLANK_NODES)
    first = build(Layout.at(project), out_dir=tmp_path / "a")
    build(Layout.at(project), out_dir=tmp_path / "b")
    for name in ("conflict-kg.nt", "conflict-kg.ttl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    nt = (tmp_path / "a" / "conflict-kg.nt").read_text(encoding="utf-8")
    assert '"1"^^<http://www.w3.org/2001/XMLSchema#integer>' in nt
    assert '"not a blank node: _:x in a literal"@en' in nt
    graph = Graph().parse(data=nt, format="nt")
    assert len(graph) == first.triples
    ontology = Graph().parse(project / "ontology" / "conflict.ttl")
    data = Graph().parse(project / "data" / "actors.ttl")
    assert isomorphic(graph, ontology + data)
