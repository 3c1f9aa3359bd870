"""Render a validation report as SARIF 2.1.0, for GitHub code scanning and other viewers.

One run of the tool ``conflict-kg``; one rule per finding code (``kind/code``);
one result per finding, at its file, line and column (paths relative to the
directory ``validate`` ran in, under ``uriBaseId`` ``%SRCROOT%``, so code
scanning shows them on the right line of the repository). A finding about the
whole graph has no location. Notices (checks that did not run) become tool
execution notifications.

Examples
--------
>>> from kg.check.options import LintResult
>>> report = as_sarif(LintResult((), ("data/a.ttl",)))
>>> report["version"], report["runs"][0]["tool"]["driver"]["name"], report["runs"][0]["results"]
('2.1.0', 'conflict-kg', [])
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from kg import __version__
from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.options import LintResult

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
"""The ``$schema`` URI of SARIF 2.1.0 logs."""

SRCROOT = "%SRCROOT%"


def _rule_id(d: Diagnostic) -> str:
    return f"{d.kind}/{d.code}"


def _level(d: Diagnostic) -> str:
    return "error" if d.severity == ERROR else "warning"


def artifact_uri(path: str) -> str:
    """A relative URI reference for a report path (``/`` separators, percent-encoded).

    Examples
    --------
    >>> artifact_uri("data/my file.ttl")
    'data/my%20file.ttl'
    """
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def _location(d: Diagnostic) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(d.file or "")}}
    if not PurePath(d.file or "").is_absolute():
        physical["artifactLocation"]["uriBaseId"] = SRCROOT
    if d.line:
        region: dict[str, int] = {"startLine": d.line}
        if d.column:
            region["startColumn"] = d.column
        physical["region"] = region
    return {"physicalLocation": physical}


def _text(d: Diagnostic) -> str:
    parts = [d.message]
    if d.focus:
        parts.append(f"Focus: {d.focus_label} <{d.focus}>" if d.focus_label else f"<{d.focus}>")
    if d.hint:
        parts.append(f"Hint: {d.hint}")
    return "\n".join(parts)


def _result(d: Diagnostic, index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": _rule_id(d),
        "ruleIndex": index,
        "level": _level(d),
        "message": {"text": _text(d)},
    }
    if d.file:
        result["locations"] = [_location(d)]
    extra = {
        k: v
        for k, v in (("focus", d.focus), ("property", d.property), ("value", d.value))
        if v is not None
    }
    if d.source:
        extra["shape" if d.kind == "shacl" else "source"] = d.source
    if extra:
        result["properties"] = extra
    return result


def _rules(diagnostics: tuple[Diagnostic, ...]) -> list[dict[str, Any]]:
    rules: dict[str, dict[str, Any]] = {}
    for d in diagnostics:
        rule = rules.setdefault(
            _rule_id(d),
            {
                "id": _rule_id(d),
                "name": d.code,
                "shortDescription": {"text": f"{d.kind} check: {d.code.replace('-', ' ')}"},
                "defaultConfiguration": {"level": _level(d)},
                "properties": {"kind": d.kind},
            },
        )
        if d.hint and "help" not in rule:
            rule["help"] = {"text": d.hint}
    return list(rules.values())


def as_sarif(result: LintResult, *, base: Path | None = None) -> dict[str, Any]:
    """The SARIF 2.1.0 log of ``result`` as a JSON-ready dict.

    ``base`` (default: the current directory) is the directory the report's
    relative paths start from; it becomes ``%SRCROOT%`` in ``originalUriBaseIds``
    so that a viewer can find the files wherever the log is opened.
    """
    root = (base or Path.cwd()).resolve()
    rules = _rules(result.diagnostics)
    index = {rule["id"]: n for n, rule in enumerate(rules)}
    notes = [{"level": "note", "message": {"text": n}} for n in result.notices]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "conflict-kg",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [
            {"executionSuccessful": True, "toolExecutionNotifications": notes},
        ],
        "artifacts": [
            {"location": {"uri": artifact_uri(f), "uriBaseId": SRCROOT}}
            for f in result.files
            if not PurePath(f).is_absolute()
        ],
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index[_rule_id(d)]) for d in result.diagnostics],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(result: LintResult) -> str:
    """The SARIF 2.1.0 log as indented JSON."""
    return json.dumps(as_sarif(result), indent=2, ensure_ascii=False)


__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "artifact_uri", "as_sarif", "render_sarif"]
