"""Issue #14 point 17: findings name the line that causes them, whatever @base or a
prefix redefined part-way through the file does, in build as in validate."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOOD_DATA, PREFIXES, write_project
from rdflib import URIRef

from kg.check.lint import LintResult, Options, lint
from kg.check.lint_locate import Locator
from kg.cli.main import main
from kg.read.resources import Layout

CASES = {
    # line 9: <#mediatedby> under @base is ckg:mediatedby, which the ontology lacks
    "base": (
        "@base <https://w3id.org/conflict-kg/ontology> .\nid:armenia <#mediatedby> id:russia .\n"
    ),
    # line 9 writes x:armenia under the first x: (an instance, harmless); line 11
    # under the second (ckg:armenia, undeclared, used as a property)
    "prefix-redefined": (
        "@prefix x: <https://w3id.org/conflict-kg/id/> .\n"
        'x:armenia rdfs:comment "harmless"@en .\n'
        "@prefix x: <https://w3id.org/conflict-kg/ontology#> .\n"
        "id:armenia x:armenia id:russia .\n"
    ),
}
LINE = {"base": 9, "prefix-redefined": 11}


@pytest.mark.parametrize("case", sorted(CASES))
def test_build_names_the_line_that_causes_it(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path / "p", data={"a.ttl": GOOD_DATA, "b.ttl": PREFIXES + CASES[case]})
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err  # the findings, as validate prints them
    found = [x for x in err.splitlines() if "error[" in x]
    assert found == [x for x in found if x.startswith(f"{root / 'data' / 'b.ttl'}:{LINE[case]}:")]
    assert len(found) == 1, err


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_names_the_same_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path / "p", data={"a.ttl": GOOD_DATA, "b.ttl": PREFIXES + CASES[case]})
    assert main(["--root", str(root), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"b.ttl:{LINE[case]}:" in out and "undeclared-term" in out


SHAPES = (
    PREFIXES
    + """ckg:FoundedShape a sh:NodeShape ;
    sh:targetClass ckg:State ;
    sh:property [ sh:path ckg:founded ; sh:datatype xsd:gYear ;
                  sh:message "founded is a year" ] .
"""
)
DATED = 'id:armenia a ckg:State ;\n    rdfs:label "Armenia"@en ;\n    ckg:founded "long ago" .\n'


def test_a_shacl_finding_names_the_triple_line_in_build_as_in_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path / "p", data={"a.ttl": PREFIXES + DATED}, shapes=False)
    (root / "ontology" / "shapes.ttl").write_text(SHAPES, encoding="utf-8")
    assert main(["--root", str(root), "validate"]) == 1
    assert "a.ttl:10:" in capsys.readouterr().out  # the line of ckg:founded "long ago"
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"{root / 'data' / 'a.ttl'}:10:" in err and "error[shacl-Datatype]" in err, err


CORPUS = Path(__file__).resolve().parent / "fixtures" / "invalid"
REPO = CORPUS.parent.parent.parent
DECLARED = ["literal-prefix-redefined", "literal-relative-to-base", "shacl-relative-to-base"]
"""Fault-corpus files whose faulty terms are written under @base or a prefix declared again."""


def _errors(result: LintResult) -> set[tuple[str, str | None, int | None, int | None]]:
    return {(d.code, d.file, d.line, d.column) for d in result.diagnostics if d.severity == "error"}


@pytest.mark.parametrize("stem", DECLARED)
def test_the_checker_places_findings_where_the_reference_parser_does(stem: str) -> None:
    fixture, layout = CORPUS / f"{stem}.ttl", Layout.at(REPO)
    reference = lint(layout, [fixture], options=Options(reasoner="never", engine="pyshacl"))
    checked = lint(layout, [fixture], options=Options(reasoner="never"))
    assert _errors(checked) == _errors(reference) and _errors(checked)


def test_the_locator_reads_each_statement_with_the_declarations_in_effect(tmp_path: Path) -> None:
    path = tmp_path / "a.ttl"
    path.write_text(
        "@prefix x: <http://a.org/> .\n"
        "x:s x:p x:o .\n"  # line 2: x: is http://a.org/ here
        "@base <http://b.org/dir/> .\n"
        "<s> <p> <o> ;\n"  # line 4: relative to the base
        "    x:q <../o> .\n"  # line 5
        "@prefix x: <other/> .\n"  # relative to the base: http://b.org/dir/other/
        "x:s x:p x:o .\n",  # line 7
        encoding="utf-8",
    )
    a, b, c = "http://a.org/", "http://b.org/dir/", "http://b.org/dir/other/"
    locator = Locator([path], {a + "s", b + "s", c + "s"})
    u = URIRef
    assert locator.triple(u(a + "s"), u(a + "p"), u(a + "o"))[1:3] == (2, 9)  # type: ignore[index]
    assert locator.triple(u(b + "s"), u(b + "p"), u(b + "o"))[1:3] == (4, 9)  # type: ignore[index]
    assert locator.triple(u(b + "s"), u(a + "q"), u("http://b.org/o"))[1:3] == (5, 9)  # type: ignore[index]
    assert locator.triple(u(c + "s"), u(c + "p"), u(c + "o"))[1:3] == (7, 9)  # type: ignore[index]
    assert locator.subject(u(c + "s"))[1:3] == (7, 1)  # type: ignore[index]


@pytest.mark.parametrize("engine", ["oxigraph", "pyshacl"])
def test_an_invalid_literal_is_placed_in_the_file_that_writes_it(
    engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the default engine named a.ttl, the first file stating id:russia
    # rdfs:label (with a valid label), at its predicate's line and no column.
    bad = PREFIXES + '\nid:russia rdfs:label "2020-02-30"^^xsd:date .\n'
    root = write_project(tmp_path / "p", data={"a.ttl": GOOD_DATA, "b.ttl": bad})
    assert main(["--root", str(root), "validate", "--engine", engine, "--no-reasoner"]) == 1
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "error[invalid-literal]" in line]
    assert len(lines) == 1 and lines[0].startswith(str(root / "data" / "b.ttl") + ":9:22:"), out
