"""``validate --format sarif``: a SARIF 2.1.0 log that code scanning reads at the right line.

No PyPI package ships the SARIF 2.1.0 JSON schema (``sarif-om`` and
``sarif-tools`` were checked), so the log is checked against
``tests/fixtures/sarif/sarif-2.1.0-subset.schema.json``, written from the
OASIS specification for the objects conflict-kg emits.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.check.diagnostic import Diagnostic
from kg.check.options import LintResult
from kg.check.sarif import artifact_uri, as_sarif
from kg.cli.main import main

jsonschema = pytest.importorskip("jsonschema")

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads(
    (REPO / "tests" / "fixtures" / "sarif" / "sarif-2.1.0-subset.schema.json").read_text("utf-8")
)
CORPUS = REPO / "tests" / "fixtures" / "invalid"
FAST = ["--root", str(REPO), "validate", "--no-reasoner"]


def _valid(log: dict[str, object]) -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("fixture", ["vocab-misspelt-property.ttl", "literal-bad-date.ttl"])
def test_findings_are_at_the_lines_of_the_json_report(
    fixture: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(CORPUS / fixture)
    code = main([*FAST, "--format", "json", path])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1 and findings
    assert main([*FAST, "--format", "sarif", path]) == 1
    log = json.loads(capsys.readouterr().out)
    _valid(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "conflict-kg"
    got = [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"].get("startColumn"),
        )
        for r in run["results"]
    ]
    want = [
        (f"{f['kind']}/{f['code']}", f["severity"], artifact_uri(f["file"]), f["line"], f["column"])
        for f in findings
    ]
    assert got == want
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_whole_graph_findings_notices_and_odd_paths() -> None:
    result = LintResult(
        (
            Diagnostic("shacl", "min-count", "warning", "needs a label", focus="urn:x"),
            Diagnostic("syntax", "turtle", "error", "bad", file="data/my file #1.ttl", line=3),
        ),
        ("data/my file #1.ttl",),
        notices=("OWL 2 DL check skipped",),
    )
    log = as_sarif(result, base=REPO)
    _valid(log)
    assert log["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": REPO.as_uri() + "/"}}
    first, second = log["runs"][0]["results"]
    assert "locations" not in first and first["level"] == "warning"
    where = second["locations"][0]["physicalLocation"]
    assert where["artifactLocation"] == {
        "uri": "data/my%20file%20%231.ttl",
        "uriBaseId": "%SRCROOT%",
    }
    assert where["region"] == {"startLine": 3}
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes == [{"level": "note", "message": {"text": "OWL 2 DL check skipped"}}]


def test_a_broken_log_fails_the_schema() -> None:
    log = as_sarif(LintResult((Diagnostic("x", "y", "error", "m", file="a.ttl", line=1),), ()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        _valid(log)
