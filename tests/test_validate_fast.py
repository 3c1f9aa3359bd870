"""The checker (the store path) reports what the reference engines (rdflib, pySHACL) report.

Equivalence is checked on the repository's data, on the fault corpus
(``tests/fixtures/invalid/``) and on generated graphs with planted violations;
then the size limit of reasoning and advice, syntax errors and the notices.
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from kg.check.diagnostic import Diagnostic
from kg.check.files import classify
from kg.check.lint import LintResult, Options, lint
from kg.check.options import RICH_LIMIT
from kg.cli.main import main
from kg.read.resources import Layout

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "fixtures" / "invalid"
FIXTURES = sorted(CORPUS.glob("*.ttl"))
NOT_IN_FAST = {"owl-rl-inconsistent", "owl-dl-inconsistent"}
"""Codes of the reasoning checks, which :func:`both` turns off."""

Key = tuple[Any, ...]


def key(d: Diagnostic) -> Key:
    """Every field the two paths must agree on (blank node ids are arbitrary)."""
    focus = d.focus if d.focus is None or d.focus.startswith("http") else "_:"
    return (d.file, d.line, d.kind, d.code, d.severity, d.message, focus, d.value, d.property)


def keys(result: LintResult, *, drop_syntax_message: bool = False) -> set[Key]:
    out = set()
    for d in result.diagnostics:
        if d.code in NOT_IN_FAST:
            continue
        k = key(d)
        out.add(k[:5] + k[6:] if drop_syntax_message and d.kind == "syntax" else k)
    return out


def both(paths: list[Path] | None, **options: Any) -> tuple[LintResult, LintResult]:
    layout = Layout.at(REPO)
    full = lint(layout, paths, options=Options(reasoner="never", engine="pyshacl", **options))
    fast = lint(layout, paths, options=Options(reasoner="never", **options))
    return full, fast


def generator() -> Any:
    sys.path.insert(0, str(REPO))
    try:
        return importlib.import_module("benchmarks.generate")
    finally:
        sys.path.remove(str(REPO))


def test_fast_equals_full_on_the_repository() -> None:
    full, fast = both(None)
    assert keys(fast) == keys(full)
    assert fast.files == full.files
    assert [(d.line, d.column) for d in fast.diagnostics] == [
        (d.line, d.column) for d in full.diagnostics
    ]
    coverage = [n for n in full.notices if n.startswith("statements attested: ")]
    assert coverage and full.notices == tuple(coverage) and fast.notices == full.notices


EXPECT = __import__("test_validate_corpus").EXPECT
corpus_key = __import__("test_validate_corpus").key


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fast_gives_each_fixture_its_expected_finding(fixture: Path) -> None:
    expected = {m.groups() for m in EXPECT.finditer(fixture.read_text(encoding="utf-8"))}
    result = lint(Layout.at(REPO), [fixture], options=Options())
    assert all(d.file in (str(fixture), None) for d in result.diagnostics)
    if all(sev == "error" for sev, *_ in expected):
        assert {corpus_key(d) for d in result.diagnostics if d.severity == "error"} == expected
    else:
        assert result.errors == 0
        assert expected <= {corpus_key(d) for d in result.diagnostics}


ONE_OF_EACH_KIND = [
    "literal-in-blank-node",
    "literal-bad-date",
    "vocab-in-collection",
    "vocab-property-as-class",
    "shacl-statement-no-speaker",
    "shacl-two-english-labels",
    "check-shared-english-label",
    "check-dangling-reference",
    "ontology-declared-twice",
    "warning-unused-term",
    "syntax-missing-dot",
]


@pytest.mark.parametrize("stem", ONE_OF_EACH_KIND)
def test_fast_equals_full_field_by_field_on_faults(stem: str) -> None:
    full, fast = both([CORPUS / f"{stem}.ttl"])
    syntax = stem.startswith("syntax")  # the two parsers word their errors differently
    assert keys(fast, drop_syntax_message=syntax) == keys(full, drop_syntax_message=syntax)
    assert keys(fast)


MODULE = """@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
<https://w3id.org/conflict-kg/ontology/extra> a owl:Ontology .
ckg:Extra a owl:Class .
"""


def test_given_paths_are_sorted_alike_for_both_engines(tmp_path: Path) -> None:
    # one classifier for the checker and the reference engines: by what each file is
    module, data = tmp_path / "extra.ttl", REPO / "data" / "places.ttl"
    module.write_text(MODULE, encoding="utf-8")
    ontology, shapes = REPO / "ontology" / "conflict.ttl", REPO / "ontology" / "shapes.ttl"
    layout = Layout.at(REPO)
    given = [shapes, data, module, ontology]
    files = classify(layout, given)
    assert files.checked == [str(p) for p in given] and files.found == []
    assert files.data == [data] and [m.path for m in files.modules] == [module]
    assert files.qc_main and files.shapes_given
    assert [p.resolve() for p in files.context] == [p for p in layout.data_files if p != data]
    assert classify(layout, given, context=False).context == []
    everything = classify(layout, None)  # the project: its ontology, shapes and data files
    assert [p.resolve() for p in everything.data] == list(layout.data_files)
    assert [Path(p).resolve() for p in everything.checked[:2]] == [ontology, shapes]
    assert everything.modules == [] and not everything.shapes_given


@pytest.mark.scale  # 30 s of the reference engines; the repository and the corpus run by default
def test_fast_equals_full_on_a_generated_graph(tmp_path: Path) -> None:
    data = tmp_path / "g3k.ttl"
    planted = generator().write_files(data, triples=3000, seed=2, violation_rate=0.002, fmt="ttl")
    full, fast = both([data])
    assert keys(fast) == keys(full)
    shacl = {(d.focus, d.code) for d in fast.diagnostics if d.kind == "shacl"}
    assert len(shacl) >= len({v["focus"] for v in planted.violations})


def planted_set(violations: list[dict[str, Any]]) -> set[tuple[str, str]]:
    short = "http://www.w3.org/ns/shacl#"
    return {
        (v["focus"], "shacl-" + v["component"][len(short) :].removesuffix("ConstraintComponent"))
        for v in violations
    }


@pytest.mark.parametrize("fmt", ["nt", "ttl"])
def test_generated_10k_findings_are_the_planted_violations(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / f"g10k.{fmt}"
    planted = generator().write_files(data, triples=10_000, seed=1, violation_rate=0.002, fmt=fmt)
    args = ["--format", "json", "--reasoner", "never", str(data)]
    code = main(["--root", str(REPO), "validate", *args])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    shacl = [f for f in report["findings"] if f["kind"] == "shacl"]
    assert {(f["focus"], f["code"]) for f in shacl} == planted_set(planted.violations)
    lines = data.read_text(encoding="utf-8").split("\n")
    for f in report["findings"]:  # each finding points at a line that names its focus node
        assert f["file"] == str(data) and f["line"] is not None
        local = f["focus"].rsplit("/", 1)[-1]
        block = "\n".join(lines[max(0, f["line"] - 12) : f["line"]])
        assert local in block, f


def test_reasoning_and_advice_skipped_above_the_limit_unless_always() -> None:
    layout = Layout.at(REPO)
    fixture = [CORPUS / "warning-unreachable.ttl"]
    small = lint(layout, fixture, options=Options(dl=False))
    assert "unreachable" in {d.code for d in small.diagnostics}
    assert not any("were not run" in n for n in small.notices)
    over = lint(layout, fixture, options=Options(dl=False, rich_limit=10))
    assert "unreachable" not in {d.code for d in over.diagnostics}
    assert "were not run" in over.notices[0] and "--reasoner always" in over.notices[0]
    forced = lint(layout, fixture, options=Options(dl=False, rich_limit=10, reasoner="always"))
    assert {d.code for d in forced.diagnostics} == {d.code for d in small.diagnostics}
    assert 10 * max(p.stat().st_size for p in layout.data_files) <= RICH_LIMIT


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(REPO), "validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_notices_in_text_on_stderr_and_in_json_and_junit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    events = str(REPO / "data" / "events.ttl")
    limited = functools.partial(Options, rich_limit=10)
    monkeypatch.setattr("kg.cli.validate.Options", limited)
    code, out, err = run(capsys, events)
    assert code == 0
    assert "note: OWL 2 RL/DL reasoning" in err and "--reasoner always" in err
    assert "note:" not in out and "0 errors" in out
    assert "\r" not in err  # no progress display: stderr is not a terminal
    code, out, _ = run(capsys, "--format", "json", events)
    assert "OWL 2 RL/DL reasoning" in json.loads(out)["notices"][0]
    code, out, _ = run(capsys, "--format", "junit", events)
    assert "OWL 2 RL/DL reasoning" in out


BROKEN = """@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
id:a a ckg:State
id:b a ckg:State .
"""


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_syntax_error_is_located_and_what_follows_from_it_is_held_back(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / f"big{suffix}"
    if suffix == ".ttl":
        bad.write_text(BROKEN, encoding="utf-8")
    else:
        bad.write_text("<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n<x> <y> .\n")
    good = REPO / "data" / "events.ttl"
    code, out, _ = run(capsys, "--format", "json", str(good), str(bad))
    report = json.loads(out)
    assert code == 1
    (syntax,) = report["findings"]
    assert (syntax["kind"], syntax["code"], syntax["file"]) == ("syntax", "syntax-error", str(bad))
    assert (syntax["line"], syntax["column"]) == ((3, 17) if suffix == ".ttl" else (2, 2))
    # events.ttl was checked (no finding); id:a, id:b of the broken file are not reported on
    assert report["files"] == [str(good), str(bad)]


def test_broken_ontology_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ontology").mkdir()
    (tmp_path / "ontology" / "conflict.ttl").write_text("@prefix x: <y> .\nx:a x:b .\nx:c")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.ttl").write_text("")
    code = main(["--root", str(tmp_path), "validate"])
    assert code == 2
    assert "conflict.ttl:2:9" in capsys.readouterr().err


def test_max_size_applies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.nt"
    big.write_text('<http://ex.org/s> <http://ex.org/p> "x" .\n' * 30_000)
    code, out, err = run(capsys, "--max-size", "1", str(big))
    assert code == 2 and out == ""
    assert "file too large (1.2 MiB > 1 MiB)" in err


def test_progress_is_shown_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, _, err = run(capsys, "--format", "json", str(REPO / "data"))
    assert code == 0
    assert "\r\033[Kloading" in err and "SHACL 1/" in err and "locating" in err


def test_shapes_that_do_not_compile_are_reported_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_project = __import__("test_validate_cli").copy_project
    events = (REPO / "data" / "events.ttl").read_text(encoding="utf-8")
    root = copy_project(tmp_path / "p", {"events.ttl": events})
    shapes = root / "ontology" / "shapes.ttl"
    lines = shapes.read_text(encoding="utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if "sh:maxCount 0 ;" in line)
    lines[target] = lines[target].replace("sh:maxCount 0 ;", 'sh:maxCount "none" ;')
    shapes.write_text("\n".join(lines), encoding="utf-8")
    # (the reference engine falls back to pySHACL: tests/test_validate_cli.py checks it)
    code = main(["--root", str(root), "validate", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    errors = [(f["code"], f["line"]) for f in report["findings"] if f["severity"] == "error"]
    assert code == 1
    assert ("invalid-shapes", None) in errors and ("invalid-shape", target + 1) in errors
