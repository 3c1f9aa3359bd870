"""Issue #14 point 17: findings name the line that causes them, whatever @base or a
prefix redefined part-way through the file does, in build as in validate."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOOD_DATA, PREFIXES, write_project

from kg.cli.main import main

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
