"""Issue #14 points 9 and 13: a named pipe or a symbolic-link loop in data/ is one
clean line (exit 2) in validate (both modes) and build, never a hang or a traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kg.cli.main import main

COMMANDS = [["validate"], ["validate", "--engine", "pyshacl"], ["build", "--out", "OUT"]]


def _run(root: Path, args: list[str], out: Path) -> int:
    return main(["--root", str(root), *[str(out) if a == "OUT" else a for a in args]])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this OS")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_named_pipe_in_data_is_refused(
    args: list[str], project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(project / "data" / "pipe.ttl")  # reading it would block for ever
    assert _run(project, args, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: {project / 'data' / 'pipe.ttl'}: not a regular file " + (
        "(a named pipe). Give a Turtle file."
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [*COMMANDS, ["validate", "LOOP"]], ids=" ".join)
def test_symlink_loop_in_data_is_refused(
    args: list[str], project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = project / "data" / "loop.ttl"
    loop.symlink_to(loop.name)
    args = [str(loop) if a == "LOOP" else a for a in args]
    assert _run(project, args, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: {loop}: a symbolic-link loop. Fix or remove the link."


XML_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "invalid").glob("xml-*.rdf"))


@pytest.mark.parametrize("fixture", XML_FIXTURES, ids=lambda p: p.stem)
def test_xml_entities_are_refused_before_expansion(
    fixture: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Point 4: billion laughs and external entities, refused at their line."""
    line = re.search(r"expect: error syntax syntax-error line=(\d+)", fixture.read_text())
    assert line is not None
    assert main(["validate", str(fixture)]) == 1
    found = [x for x in capsys.readouterr().out.splitlines() if "error[" in x]
    assert len(found) == 1
    assert found[0].startswith(f"{fixture}:{line.group(1)}: error[syntax-error]: XML entity")


def test_a_relative_iri_is_refused_by_build_not_resolved_to_a_path(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Point 18: never the build machine's path (``file:///…``) in the outputs."""
    extra = "id:armenia rdfs:seeAlso <../sources/notes.txt> .\n"
    with (project / "data" / "actors.ttl").open("a", encoding="utf-8") as handle:
        handle.write(extra)
    line = (project / "data" / "actors.ttl").read_text().count("\n")
    assert main(["--root", str(project), "build", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()  # the finding, as validate prints it
    assert f"{project / 'data' / 'actors.ttl'}:{line}:" in err and "error[syntax-error]" in err
    assert "relative IRI" in err and not (tmp_path / "out").exists()


def test_an_explicit_base_resolves_relative_iris(project: Path, tmp_path: Path) -> None:
    rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    text = f'@base <https://w3id.org/conflict-kg/id/> .\n<armenia> <{rdfs}comment> "x"@en .\n'
    (project / "data" / "based.ttl").write_text(text, encoding="utf-8")
    assert main(["--root", str(project), "build", "--out", str(tmp_path / "out")]) == 0
    assert "file:" not in (tmp_path / "out" / "conflict-kg.nt").read_text()
