"""Render a :class:`~kg.check.lint.LintResult` as text, JSON, GitHub annotations, JUnit or SARIF.

Examples
--------
>>> from kg.check.options import LintResult
from kg.check.sarif import render_sarif
>>> render(LintResult((), ("a.ttl",)), "text")
'0 errors, 0 warnings in 1 files'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby
from typing import Any
from xml.etree import ElementTree as etree

from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.options import LintResult
from kg.check.sarif import render_sarif
from kg.read.printable import escaped

SCHEMA_VERSION = 1
"""Version of the JSON report schema (bumped on any incompatible change)."""


def summary(result: LintResult) -> str:
    """``N errors, M warnings in K files``."""
    return f"{result.errors} errors, {result.warnings} warnings in {len(result.files)} files"


def _who(d: Diagnostic) -> str:
    if not d.focus:
        return ""
    return f"{d.focus_label} <{d.focus}>" if d.focus_label else f"<{d.focus}>"


def _one_line(text: str) -> str:
    """``text`` (a file's name) with its line breaks written as ``\\n``, ``\\r``: a name
    holding one would otherwise split a report line in two."""
    return text.replace("\n", "\\n").replace("\r", "\\r")


def text_line(d: Diagnostic) -> str:
    """``path:line: error[code]: message`` plus focus, property, value and shape."""
    parts = [f"{_one_line(d.where())}: {d.severity}[{d.code}]: {d.message}"]
    details = [
        x
        for x in (
            _who(d),
            f"property {d.property}" if d.property else "",
            f"value {d.value!r}" if d.value is not None else "",
            f"shape {d.source}" if d.source and d.kind == "shacl" else "",
        )
        if x
    ]
    if details:
        parts.append("    " + "; ".join(details))
    if d.hint:
        parts.append(f"    hint: {d.hint}")
    return "\n".join(parts)


def render_text(result: LintResult) -> str:
    """Findings grouped by file (a header line per file), then the summary."""
    out: list[str] = []
    for file, items in groupby(result.diagnostics, key=lambda d: d.file):
        out.append(f"== {_one_line(file) if file else '(no file: whole graph)'}")
        out.extend(text_line(d) for d in items)
    out.extend(f"note: {n}" for n in result.notices)
    out.append(summary(result))
    return "\n".join(out)


def as_json(result: LintResult) -> dict[str, Any]:
    """The JSON report (schema documented in the README)."""
    return {
        "schema": SCHEMA_VERSION,
        "conforms": result.errors == 0,
        "summary": {
            "errors": result.errors,
            "warnings": result.warnings,
            "files": len(result.files),
        },
        "files": list(result.files),
        "notices": list(result.notices),
        "findings": [d.as_dict() for d in result.diagnostics],
    }


def render_json(result: LintResult) -> str:
    """Indented, key-sorted JSON."""
    return json.dumps(as_json(result), indent=2, sort_keys=True, ensure_ascii=False)


def _escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render_github(result: LintResult) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message``."""
    out = []
    for d in result.diagnostics:
        level = "error" if d.severity == ERROR else "warning"
        props = []
        if d.file:
            props.append(f"file={_escape(d.file, prop=True)}")
        if d.line:
            props.append(f"line={d.line}")
        if d.column:
            props.append(f"col={d.column}")
        props.append(f"title={_escape(f'{d.kind}/{d.code}', prop=True)}")
        who = f" ({_who(d)})" if d.focus else ""
        out.append(f"::{level} {','.join(props)}::{_escape(d.message + who)}")
    out.extend(f"::notice::{_escape(n)}" for n in result.notices)
    out.append(summary(result))
    return "\n".join(out)


def render_junit(result: LintResult) -> str:
    """JUnit XML: one test suite per file checked, one test case per finding.

    Errors are ``<failure type="code">``; warnings pass with the text in
    ``<system-out>``; a file without findings has one passing case ``valid``.
    """
    suites = etree.Element("testsuites", name="conflict-kg validate", failures=str(result.errors))
    by_file: dict[str, list[Diagnostic]] = {f: [] for f in result.files}
    for d in result.diagnostics:
        by_file.setdefault(d.file or "(whole graph)", []).append(d)
    for file, items in by_file.items():
        errors = [d for d in items if d.severity == ERROR]
        suite = etree.SubElement(
            suites,
            "testsuite",
            name=file,
            tests=str(max(len(items), 1)),
            failures=str(len(errors)),
            errors="0",
            skipped="0",
        )
        if result.notices:  # checks not run (reasoning on big data, no Java): as suite properties
            props = etree.SubElement(suite, "properties")
            for notice in result.notices:
                etree.SubElement(props, "property", name="notice", value=notice)
        if not items:
            etree.SubElement(suite, "testcase", classname=file, name="valid")
        for d in items:
            case = etree.SubElement(
                suite,
                "testcase",
                classname=file,
                name=f"{d.where()} {d.code}",
                file=d.file or "",
                line=str(d.line or 0),
            )
            tag = "failure" if d.severity == ERROR else "system-out"
            node = (
                etree.SubElement(case, tag, message=d.message, type=d.code)
                if tag == "failure"
                else etree.SubElement(case, tag)
            )
            node.text = text_line(d)
    suites.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    etree.indent(suites)
    body = etree.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body


RENDERERS: dict[str, Callable[[LintResult], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
    "sarif": render_sarif,
}


def render(result: LintResult, fmt: str) -> str:
    """Render in one of :data:`RENDERERS`' formats.

    Code points that a terminal or an XML report cannot take (controls such as
    ESC, lone surrogates) are written as ``\\uXXXX``: dataset text never
    reaches the output raw.
    """
    return escaped(RENDERERS[fmt](result))


__all__ = ["RENDERERS", "SCHEMA_VERSION", "as_json", "render", "summary"]
