"""The Oxigraph engine checks a project as kg.check.project.check_project does (pySHACL engine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BAD_DATA, GOOD_DATA, write_project

from kg.check.fast_project import check_project_fast
from kg.check.project import check_project
from kg.check.shacl.reference import Finding
from kg.errors import LoadError
from kg.read.resources import Layout

REPO = Path(__file__).resolve().parent.parent


def _essence(findings: tuple[Finding, ...]) -> set[tuple[str | None, ...]]:
    return {
        (f.severity, f.focus, f.focus_label, f.path, f.value, f.message, f.component)
        for f in findings
    }


@pytest.mark.parametrize("which", ["repository", "good", "bad"])
def test_same_report_as_the_pyshacl_engine(which: str, tmp_path: Path) -> None:
    if which == "repository":
        layout = Layout.at(REPO)
    else:
        extra = "id:x a ckg:State ; ckg:mediatedBy id:x .\nid:doc2 a ckg:NewsArticle .\n"
        data = None if which == "good" else {"a.ttl": GOOD_DATA, "b.ttl": BAD_DATA + extra}
        layout = Layout.at(write_project(tmp_path / "p", data=data))
    progress: list[tuple[int, int]] = []
    fast = check_project_fast(layout, progress=lambda done, total: progress.append((done, total)))
    slow = check_project(layout)
    assert _essence(fast.report.findings) == _essence(slow.report.findings)
    if which == "bad":  # a SHACL-Core violation, a SPARQL one and a warning
        assert {f.component for f in fast.report.findings} >= {
            "sh:MinCountConstraintComponent",
            "sh:SPARQLConstraintComponent",
        }
        assert {f.severity for f in fast.report.findings} == {"Violation", "Warning"}
    assert fast.report.conforms == slow.report.conforms == (which != "bad")
    assert progress and progress[-1][0] == progress[-1][1]


def test_bad_literal_is_a_load_error_with_its_line(tmp_path: Path) -> None:
    data = {
        "a.ttl": "@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        '<urn:x> ckg:founded "nineteen"^^xsd:gYear .\n'
    }
    layout = Layout.at(write_project(tmp_path / "p", data=data))
    with pytest.raises(LoadError) as err:
        check_project_fast(layout)
    assert (Path(err.value.path).name, err.value.line) == ("a.ttl", 3)
