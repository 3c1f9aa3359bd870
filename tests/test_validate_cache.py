"""A repeated ``validate`` (issue #19, point 4): the graph checks' findings and HermiT's
verdict come from the cache when the files are byte for byte the same, are the same as
computed, and are never stale."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from kg.check import findingcache, graph_checks, hermit, lint_store
from kg.check.diagnostic import Diagnostic
from kg.check.lint_store import check_store_project
from kg.check.options import LintResult, Options
from kg.read.resources import Layout

ENGLISH_ONLY = 'rdfs:label "Armenia"@en ;'
BOTH = 'rdfs:label "Armenia"@en, "Armenia"@id ;'
ARMENIA = "https://w3id.org/conflict-kg/id/armenia"


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONFLICT_KG_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def copies(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the graph checks copied the store's data to rdflib."""
    made = [0]
    copy = graph_checks.data_graph

    def counted(store: Any) -> Any:
        made[0] += 1
        return copy(store)

    monkeypatch.setattr(graph_checks, "data_graph", counted)
    return made


def _validate(root: Path, *, dl: bool = False, paths: list[Path] | None = None) -> LintResult:
    return check_store_project(Layout.at(root), paths, options=Options(dl=dl)).result


def _armenia(result: LintResult) -> set[str]:
    return {d.code for d in result.diagnostics if d.focus == ARMENIA}


def test_a_repeated_validate_takes_the_graph_checks_from_the_cache(
    project: Path, copies: list[int]
) -> None:
    first = _validate(project)
    assert copies == [1] and "missing-label-id" in _armenia(first)
    assert _validate(project) == first
    assert copies == [1]  # OWL RL and the advice were not computed again


def test_an_edited_file_is_checked_again(project: Path, copies: list[int]) -> None:
    assert "missing-label-id" in _armenia(_validate(project))
    data = project / "data" / "actors.ttl"
    data.write_text(data.read_text(encoding="utf-8").replace(ENGLISH_ONLY, BOTH), "utf-8")
    assert "missing-label-id" not in _armenia(_validate(project))
    assert copies == [2]


def test_a_file_edited_while_it_is_checked_is_not_cached(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edited after its key was read and before it was loaded: what was checked is not
    what the key says, so nothing is kept under it."""
    data = project / "data" / "actors.ttl"
    original = data.read_text(encoding="utf-8")
    load: Callable[..., Any] = lint_store._load

    def edit_then_load(*args: Any) -> Any:
        data.write_text(original.replace(ENGLISH_ONLY, BOTH), encoding="utf-8")
        return load(*args)

    monkeypatch.setattr(lint_store, "_load", edit_then_load)
    assert "missing-label-id" not in _armenia(_validate(project))
    monkeypatch.setattr(lint_store, "_load", load)
    data.write_text(original, encoding="utf-8")
    assert "missing-label-id" in _armenia(_validate(project))


def test_corrupt_entries_are_ignored(project: Path, cache: Path, copies: list[int]) -> None:
    first = _validate(project)
    entries = list(cache.iterdir())
    assert entries
    for entry in entries:
        entry.write_text('{"key": "' + entry.stem + '", "messages": 1}', encoding="utf-8")
    assert _validate(project) == first and copies == [2]


def test_a_cached_entry_must_hold_diagnostics(cache: Path) -> None:
    key = findingcache.key("k", reasoner=True, advice=True)
    found = Diagnostic("warning", "unreachable", "warning", "not linked", focus="x")
    findingcache.store(key, (["m"], [found]))
    assert findingcache.load(key) == (["m"], [found])
    (entry,) = cache.iterdir()
    for bad in ('"line": "3"', '"hint": null', '"extra": 1, "hint": ""'):
        entry.write_text(entry.read_text().replace('"hint": ""', bad), encoding="utf-8")
        assert findingcache.load(key) is None
        findingcache.store(key, (["m"], [found]))


def test_off_computes_every_time(
    project: Path, copies: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONFLICT_KG_CACHE", "off")
    assert _validate(project) == _validate(project) and copies == [2]


def test_hermit_is_not_started_again_on_the_same_bytes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hermit.java_available() or hermit._classpath() is None:
        pytest.skip("needs java and owlready2 (HermiT)")
    first = _validate(project, dl=True)
    monkeypatch.setattr(hermit, "start", lambda *a: pytest.fail("HermiT started again"))
    assert _validate(project, dl=True) == first


def test_an_owl_rl_inconsistency_is_reported_the_same_from_the_cache() -> None:
    """OWL 2 RL finds one: HermiT is skipped, with the same notice, computed or cached."""
    fixture = [REPO / "tests" / "fixtures" / "invalid" / "ontology-disjoint-rl.ttl"]
    first = _validate(REPO, dl=True, paths=fixture)
    assert "owl-rl-inconsistent" in {d.code for d in first.diagnostics}
    assert any("OWL 2 RL already found" in n for n in first.notices)
    assert _validate(REPO, dl=True, paths=fixture) == first


def test_validate_does_not_import_networkx() -> None:
    """Reachability is a walk over a dict: networkx costs ``validate`` about 0.15 s."""
    probe = "import sys, kg.cli.validate; print(' '.join(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert "networkx" not in done.stdout.split()
