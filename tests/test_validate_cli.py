"""`conflict-kg validate` as a CI tool: exit codes, formats, --strict, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from kg.cli.main import main

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "fixtures" / "invalid"
FAST = ["--root", str(REPO), "validate", "--no-reasoner"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*FAST, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_repository_data_has_no_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--root", str(REPO), "validate", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["conforms"] is True
    assert report["summary"]["errors"] == 0
    data_files = len(list((REPO / "data").glob("*.ttl")))
    assert report["summary"]["files"] == 2 + data_files  # ontology, shapes, data


def test_text_report_grouped_by_file_with_summary(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = CORPUS / "shacl-state-part-of.ttl"
    code, out, _ = run(capsys, str(fixture))
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == f"== {fixture}"
    assert lines[1].startswith(f"{fixture}:13:5: error[shacl-MaxCount]: A state is not part")
    assert "Fixture Aland <https://w3id.org/conflict-kg/id/fx-aland>" in lines[2]
    assert "property ckg:partOf" in lines[2] and "shape " in lines[2]
    assert lines[-1] == "1 errors, 0 warnings in 1 files"


def test_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json", str(CORPUS / "literal-bad-date.ttl"))
    report = json.loads(out)
    assert code == 1
    assert set(report) == {"schema", "conforms", "summary", "files", "notices", "findings"}
    (finding,) = report["findings"]
    assert set(finding) == {
        "kind",
        "code",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "focus",
        "focus_label",
        "property",
        "value",
        "source",
        "hint",
    }
    assert (finding["kind"], finding["line"], finding["column"]) == ("literal", 13, 14)
    assert finding["value"] == "2020-13-45"
    assert finding["property"] == "ckg:date"


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = CORPUS / "vocab-misspelt-property.ttl"
    code, out, _ = run(capsys, "--format", "github", str(fixture))
    first = out.splitlines()[0]
    assert code == 1
    head = f"::error file={fixture},line=13,col=5,title=vocabulary/undeclared-term::"
    assert first.startswith(head)
    assert "ckg%3Amediatedby" not in first and "ckg:mediatedby is not declared" in first


def test_junit_xml(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = CORPUS / "syntax-missing-dot.ttl"
    code, out, _ = run(capsys, "--format", "junit", str(fixture))
    root = ElementTree.fromstring(out.encode("utf-8"))
    assert code == 1
    assert root.tag == "testsuites" and root.get("failures") == "1"
    assert root.get("tests") == "1"
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "syntax-error"


def test_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = str(CORPUS / "warning-unreachable.ttl")
    assert run(capsys, fixture)[0] == 0
    code, out, _ = run(capsys, "--strict", fixture)
    assert code == 1
    assert out.splitlines()[-1] == "1 errors, 0 warnings in 1 files"


def test_missing_path_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.ttl"))
    assert code == 2 and out == ""
    assert "nope.ttl: no such file or directory" in err


def test_directory_without_turtle_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("x")
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert "no Turtle files" in err


@pytest.mark.parametrize("engine", ["oxigraph", "pyshacl"])
@pytest.mark.parametrize(
    ("text", "where"),
    [
        (b'<http://a> <http://b> "ok" .\n<http://a> <http://b> "caf\xe9" .\n', "2:27"),
        (b'<http://a> <http://b> "ok" .\n# a caf\xe9 note\n<http://a> <http://c> "x" .\n', "2:8"),
    ],
    ids=["in-a-literal", "in-a-comment"],
)
def test_non_utf8_is_a_syntax_finding_at_its_byte(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, engine: str, text: bytes, where: str
) -> None:
    # Before: Oxigraph's parser let the byte in a comment through (exit 0), put the one
    # in a literal a column late, and the reference engine stopped with exit 2.
    bad = tmp_path / "latin1.ttl"
    bad.write_bytes(text)
    code, out, err = run(capsys, "--engine", engine, str(bad))
    assert code == 1 and "error:" not in err and "Traceback" not in err
    assert f"{bad}:{where}: error[syntax-error]: not UTF-8 (byte 0xe9)" in out
    assert "Save the file as UTF-8." in out


def test_empty_file_is_valid(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    code, out, _ = run(capsys, str(empty))
    assert code == 0
    assert out.splitlines()[-1] == "0 errors, 0 warnings in 1 files"


def test_missing_ontology_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path), "validate"]) == 2
    assert "ontology/conflict.ttl" in capsys.readouterr().err


@pytest.mark.slow
def test_fifty_megabyte_file_refused_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    big = tmp_path / "big.ttl"
    line = b'<http://ex.org/s> <http://ex.org/p> "' + b"x" * 200 + b'" .\n'
    with big.open("wb") as handle:
        for _ in range(50 * 2**20 // len(line) + 1):
            handle.write(line)
    code, out, err = run(capsys, "--max-size", "32", str(big))  # the default is 2048 MiB
    assert code == 2 and out == ""
    assert "file too large (50.0 MiB > 32 MiB)" in err and "--max-size" in err


def copy_project(root: Path, data: dict[str, str]) -> Path:
    """The real ontology, shapes and project checks with the given data files."""
    for rel in ("ontology/conflict.ttl", "ontology/shapes.ttl"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes((REPO / rel).read_bytes())
    (root / "queries" / "checks").mkdir(parents=True)
    for query in (REPO / "queries" / "checks").glob("*.rq"):
        (root / "queries" / "checks" / query.name).write_bytes(query.read_bytes())
    (root / "data").mkdir()
    for name, text in data.items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    return root


def test_default_mode_reports_syntax_error_and_checks_the_other_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = (REPO / "data" / "places.ttl").read_text(encoding="utf-8")
    root = copy_project(
        tmp_path / "p", {"a.ttl": "@prefix id: <http://x/> .\nid:a id:b .\n", "places.ttl": good}
    )
    code = main(["--root", str(root), "validate", "--no-reasoner", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    syntax = [f for f in report["findings"] if f["kind"] == "syntax"]
    assert [(Path(f["file"]).name, f["line"]) for f in syntax] == [("a.ttl", 2)]
    # places.ttl was still checked: its attestations point to quotations not in this project
    assert any(
        f["code"] == "dangling-reference" and f["file"].endswith("places.ttl")
        for f in report["findings"]
    )
    assert report["summary"]["files"] == 4


def test_findings_that_follow_from_a_broken_file_are_held_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """One missing dot gives one finding, not hundreds (issue: 516 errors for one '.')."""
    files = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "data").glob("*.ttl")}
    lines = files["events.ttl"].split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("@prefix skos:"))
    lines[n] = lines[n].removesuffix(" .")
    files["events.ttl"] = "\n".join(lines)
    places = files["places.ttl"].split("\n")  # an error of its own, in a file that parses
    k = next(i for i, line in enumerate(places) if line.startswith("id:") and " a ckg:" in line)
    places.insert(k + 1, '    ckg:startDate "2020-13-45"^^xsd:date ;')
    files["places.ttl"] = "\n".join(places)
    root = copy_project(tmp_path / "p", files)
    code = main(["--root", str(root), "validate", "--no-reasoner", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    errors = [(Path(f["file"]).name, f["line"], f["code"]) for f in report["findings"]]
    errors = [e for e in errors if e[2] != "unattested-statement"]  # the inserted line's own
    assert errors == [
        ("events.ttl", n + 1, "syntax-error"),
        ("places.ttl", k + 2, "invalid-literal"),
    ]
    assert "not shown" in report["notices"][0] and "events.ttl" in report["notices"][0]


def test_context_resolves_references_unless_standalone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    events = str(REPO / "data" / "events.ttl")
    code, out, _ = run(capsys, "--format", "json", events)
    assert code == 0, out
    code, out, _ = run(capsys, "--format", "json", "--standalone", events)
    codes = {f["code"] for f in json.loads(out)["findings"] if f["severity"] == "error"}
    assert code == 1
    assert "dangling-reference" in codes  # actors and quotations live in other files


def test_directory_search_skips_hidden_folders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "broken.ttl").write_text("this is not turtle")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ok.ttl").write_text("")
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 0
    assert out.splitlines()[-1] == "0 errors, 0 warnings in 1 files"


def test_without_java_the_dl_check_is_skipped_with_a_notice(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.check.hermit.shutil.which", lambda name: None)
    fixture = str(CORPUS / "ontology-disjoint-dl.ttl")
    code = main(["--root", str(REPO), "validate", "--format", "json", fixture])
    report = json.loads(capsys.readouterr().out)
    assert code == 0  # OWL RL cannot see this fault; only the (skipped) DL check can
    notices = [n for n in report["notices"] if not n.startswith("statements attested: ")]
    assert notices == ["OWL 2 DL check skipped: no java on PATH (install Java 11+ to enable it)"]


def test_broken_ontology_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p", {})
    onto = root / "ontology" / "conflict.ttl"
    onto.write_text(onto.read_text(encoding="utf-8") + "\nckg:Broken a .\n", encoding="utf-8")
    assert main(["--root", str(root), "validate"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "conflict.ttl:" in captured.err and "needs this file" in captured.err


@pytest.mark.parametrize("end", ["\n", ""])
def test_shapes_cut_off_at_the_end_are_located_where_they_stop(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, end: str
) -> None:
    root = copy_project(tmp_path / "p", {})
    shapes = root / "ontology" / "shapes.ttl"
    text = shapes.read_text(encoding="utf-8").rstrip("\n") + "\n\nckg:Foo a sh:NodeShape" + end
    shapes.write_text(text, encoding="utf-8")
    line = text.rstrip().count("\n") + 1
    assert main(["--root", str(root), "validate"]) == 2
    err = capsys.readouterr().err
    # a line, a column just after "sh:NodeShape" and rdflib's own message: before, the
    # column was negative (rdflib's offset -1), or without a final line break there
    # was no place at all ("cannot parse: string index out of range")
    assert f"shapes.ttl:{line}:23: Turtle syntax error: EOF found after object" in err


def test_malformed_shape_is_located_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "data").glob("*.ttl")}
    root = copy_project(tmp_path / "p", data)
    shapes = root / "ontology" / "shapes.ttl"
    text = shapes.read_text(encoding="utf-8")
    lines = text.split("\n")
    target = next(i for i, line in enumerate(lines) if "sh:maxCount 0 ;" in line)
    lines[target] = lines[target].replace("sh:maxCount 0 ;", 'sh:maxCount "none" ;')
    shapes.write_text("\n".join(lines), encoding="utf-8")
    code = main(["--root", str(root), "validate", "--no-reasoner", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1
    codes = [(f["code"], f["line"]) for f in findings if f["severity"] == "error"]
    assert ("invalid-shapes", None) in codes
    assert ("invalid-shape", target + 1) in codes


def test_bad_options_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--max-size", "-1"]) == 2
    assert "must be 0 (no limit) or more" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "-inf"])
def test_a_max_size_that_is_not_a_finite_number_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    # Before: ValueError / OverflowError tracebacks (int() of nan or inf MiB).
    assert main(["validate", "--max-size", value]) == 2
    err = capsys.readouterr().err
    assert "--max-size" in err and "Traceback" not in err
    assert main(["validate", "--format", "xml"]) == 2


@pytest.mark.parametrize(
    ("name", "old", "new", "code"),
    [
        ("events.ttl", "ckg:mediatedBy id:russia", "ckg:mediatedby id:russia", "undeclared-term"),
        ("actors.ttl", '"2020-10-08"^^xsd:date', '"2020-02-30"^^xsd:date', "invalid-literal"),
    ],
)
@pytest.mark.parametrize("engine", ["oxigraph", "pyshacl"])
def test_findings_after_split_label_lists_are_on_their_own_line(
    name: str,
    old: str,
    new: str,
    code: str,
    engine: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """validate names the line of the typo, not one further down the file (both engines)."""
    files = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "data").glob("*.ttl")}
    lines = files[name].split("\n")
    n = next(i for i, line in enumerate(lines) if old in line)
    assert any(line.rstrip().endswith(",") for line in lines[:n])  # a list split over lines
    lines[n] = lines[n].replace(old, new)
    files[name] = "\n".join(lines)
    root = copy_project(tmp_path / "p", files)
    argv = ["validate", "--no-reasoner", "--engine", engine, "--format", "json"]
    code_ = main(["--root", str(root), *argv])
    report = json.loads(capsys.readouterr().out)
    assert code_ == 1
    errors = [(Path(f["file"]).name, f["line"], f["code"]) for f in report["findings"]]
    assert (name, n + 1, code) in errors
    assert [e for e in errors if e[2] == code] == [(name, n + 1, code)]


def test_a_byte_order_mark_is_read_alike_by_validate_and_build(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A UTF-8 BOM (as Windows editors write it) passes both, and the data is read."""
    files = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "data").glob("*.ttl")}
    root = copy_project(tmp_path / "p", files)
    places = root / "data" / "places.ttl"
    places.write_bytes(b"\xef\xbb\xbf" + places.read_bytes())
    code = main(["--root", str(root), "validate", "--no-reasoner", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["summary"]["errors"] == 0
    out = tmp_path / "out"
    argv = ["build", "--reasoner", "never", "--no-site", "--out", str(out)]
    assert main(["--root", str(root), *argv]) == 0
    assert "<https://w3id.org/conflict-kg/id/moscow>" in (out / "conflict-kg.nt").read_text()


@pytest.mark.parametrize("engine", ["oxigraph", "pyshacl"])
def test_invalid_date_parts_and_binaries_are_findings_in_both_engines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, engine: str
) -> None:
    # Before: all three passed validate (rdflib's ill_typed lets them through).
    bad = tmp_path / "parts.ttl"
    bad.write_text(
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        '<http://a> <http://b> "2020-13"^^xsd:gYearMonth , "--13-01"^^xsd:gMonthDay ,\n'
        '    "@@"^^xsd:base64Binary , "2020-10"^^xsd:gYearMonth .\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--engine", engine, str(bad))
    assert code == 1
    found = sorted(line.split(": ")[0] for line in out.splitlines() if "invalid-literal" in line)
    assert found == [f"{bad}:2:23", f"{bad}:2:51", f"{bad}:3:5"], out


def test_a_file_name_with_a_line_break_stays_on_its_report_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Before: the name's line break split the header and the finding into fake lines.
    bad = tmp_path / "a\nerror: fake.ttl"
    bad.write_text('<http://a> <http://b> "x"^^<http://www.w3.org/2001/XMLSchema#date> .\n')
    code, out, _ = run(capsys, str(bad))
    assert code == 1
    assert not any(line.startswith("error: fake") for line in out.splitlines())
    assert f"{tmp_path}/a\\nerror: fake.ttl:1:" in out
