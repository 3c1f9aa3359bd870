"""``validate --format sarif``: a SARIF 2.1.0 log that code scanning reads at the right line.

Every log is checked against two schemas:

- the official SARIF 2.1.0 JSON schema (``sarif-2.1.0-rtm.5.json``, draft-04), which no
  PyPI package ships: ``.ci/fetch-sarif-schema`` takes it from Microsoft's npm package
  ``@microsoft/jest-sarif``, pinned by SHA-256, into ``.ci/cache/``; without it those
  checks skip with a notice;
- ``tests/fixtures/sarif/sarif-2.1.0-subset.schema.json``, written from the OASIS
  specification for the objects conflict-kg emits, with closed member sets (stricter
  than the official schema, which allows any extra member).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

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
OFFICIAL = REPO / ".ci" / "cache" / "sarif-2.1.0-rtm.5.json"
OFFICIAL_SHA256 = "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"


def _official() -> dict[str, object]:
    if not OFFICIAL.is_file():
        pytest.skip(
            f"the official SARIF 2.1.0 schema is not at {OFFICIAL.relative_to(REPO)}: "
            "run `bash .ci/fetch-sarif-schema` (needs npm and the npm registry)"
        )
    data = OFFICIAL.read_bytes()
    assert hashlib.sha256(data).hexdigest() == OFFICIAL_SHA256, f"{OFFICIAL} is not the pinned file"
    schema: dict[str, object] = json.loads(data)
    return schema


def _errors(schema: dict[str, object], log: object, validator: Any) -> list[str]:
    validator.check_schema(schema)
    return sorted(e.message for e in validator(schema).iter_errors(log))


def _valid(log: dict[str, object]) -> None:
    assert _errors(SCHEMA, log, jsonschema.Draft7Validator) == []


def _officially_valid(log: dict[str, object]) -> None:
    assert _errors(_official(), log, jsonschema.Draft4Validator) == []


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


def _odd_result() -> LintResult:
    """A whole-graph finding, a file name with a space and a ``#``, and a notice."""
    return LintResult(
        (
            Diagnostic("shacl", "min-count", "warning", "needs a label", focus="urn:x"),
            Diagnostic("syntax", "turtle", "error", "bad", file="data/my file #1.ttl", line=3),
        ),
        ("data/my file #1.ttl",),
        notices=("OWL 2 DL check skipped",),
    )


def test_whole_graph_findings_notices_and_odd_paths() -> None:
    log = as_sarif(_odd_result(), base=REPO)
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


@pytest.mark.parametrize(
    "fixture", ["vocab-misspelt-property.ttl", "literal-bad-date.ttl", "syntax-missing-dot.ttl"]
)
def test_logs_of_the_fault_corpus_are_valid_against_the_official_schema(
    fixture: str, capsys: pytest.CaptureFixture[str]
) -> None:
    official = _official()
    assert main([*FAST, "--format", "sarif", str(CORPUS / fixture)]) == 1
    log = json.loads(capsys.readouterr().out)
    assert log["runs"][0]["results"]
    assert _errors(official, log, jsonschema.Draft4Validator) == []


def test_the_official_schema_refuses_what_code_scanning_would_refuse() -> None:
    official = _official()
    log = as_sarif(_odd_result(), base=REPO)
    _officially_valid(log)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][1]["level"] = "fatal"
    broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(_errors(official, broken, jsonschema.Draft4Validator)) == 2
