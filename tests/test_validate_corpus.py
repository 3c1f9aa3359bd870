"""Every faulty input of tests/fixtures/invalid/ gives exactly the finding written in it.

Each fixture has one fault and ``# expect: severity kind code line=N focus=F``
header lines. For error fixtures the set of errors must equal the expected
set; for warning fixtures the expected warning must be there and no error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.check.diagnostic import KINDS, Diagnostic
from kg.check.lint import Options, lint
from kg.check.reasoning import java_available
from kg.read.resources import Layout

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "fixtures" / "invalid"
EXPECT = re.compile(r"^# expect: (\w+) (\w+) ([\w-]+) line=(\d+|-) focus=(\S+)$", re.M)
FIXTURES = sorted(CORPUS.glob("*.ttl"))


def short(focus: str | None) -> str:
    if not focus:
        return "-"
    for ns, prefix in (
        ("https://w3id.org/conflict-kg/id/", "id:"),
        ("https://w3id.org/conflict-kg/ontology#", "ckg:"),
    ):
        if focus.startswith(ns):
            return prefix + focus[len(ns) :]
    return "_:"


def key(d: Diagnostic) -> tuple[str, str, str, str, str]:
    return (d.severity, d.kind, d.code, str(d.line) if d.line else "-", short(d.focus))


def test_corpus_is_large_and_covers_all_seven_kinds() -> None:
    kinds = {m.group(2) for f in FIXTURES for m in EXPECT.finditer(f.read_text())}
    assert len(FIXTURES) >= 25
    assert kinds == set(KINDS)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_gives_its_expected_finding(fixture: Path) -> None:
    expected = {m.groups() for m in EXPECT.finditer(fixture.read_text(encoding="utf-8"))}
    assert expected, f"{fixture.name} has no '# expect:' line"
    dl = "-dl" in fixture.stem
    if dl and not java_available():
        pytest.skip("OWL 2 DL check needs Java")
    if dl:
        pytest.importorskip("owlready2")
    reasoner = "auto" if fixture.stem.startswith("ontology-disjoint") else "never"
    result = lint(Layout.at(REPO), [fixture], options=Options(reasoner=reasoner, dl=dl))
    for d in result.diagnostics:  # every finding points into the fixture (or the whole graph)
        assert d.file in (str(fixture), None)
    if all(sev == "error" for sev, *_ in expected):
        assert {key(d) for d in result.diagnostics if d.severity == "error"} == expected
    else:
        assert result.errors == 0
        assert expected <= {key(d) for d in result.diagnostics}
