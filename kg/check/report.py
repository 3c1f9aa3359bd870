"""Format findings and errors for people (text) and programs (JSON).

Focus nodes are mapped to the data file and line where they are first used
as a subject (see :func:`kg.read.locate.locate_subject`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

from kg.check.shacl.reference import Finding
from kg.read.locate import locate_subject, prefixes


@dataclass(frozen=True)
class Located:
    """A finding with the file and line of its focus node (when found)."""

    finding: Finding
    path: Path | None
    line: int | None

    def where(self) -> str:
        """``path:line`` or ``path`` or ``<unknown>``."""
        if self.path is None:
            return "<unknown>"
        return f"{self.path}:{self.line}" if self.line else str(self.path)


def locate_findings(findings: Sequence[Finding], files: Sequence[Path]) -> list[Located]:
    """Attach to each finding the first file and line where its focus is a subject.

    Examples
    --------
    >>> locate_findings([], [])
    []
    """
    texts: list[tuple[Path, str, dict[str, str]]] = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append((path, text, prefixes(text)))
    located = []
    for finding in findings:
        where: tuple[Path | None, int | None] = (None, None)
        if ":" in finding.focus:  # an IRI, not a blank node
            for candidate, text, ns in texts:
                pos = locate_subject(text, URIRef(finding.focus), ns)
                if pos:
                    where = (candidate, triple_line(text, pos[0], finding))
                    break
        located.append(Located(finding, *where))
    return located


def triple_line(text: str, subject_line: int, finding: Finding) -> int:
    """The line of the statement ``focus path value`` within the subject's block
    starting at ``subject_line`` (the line of the value, else of the path), as
    ``validate`` names it; the subject's line when neither is written there.

    Examples
    --------
    >>> f = Finding("Violation", "urn:a", "a", "ckg:p", '"x"', "m", "s", "c")
    >>> triple_line('<urn:a> a ckg:T ;\\n  ckg:q 1 ;\\n  ckg:p "x" .\\n', 1, f)
    3
    """
    lines = text.split("\n")[subject_line - 1 :]
    block = []
    for number, content in enumerate(lines, start=subject_line):
        block.append((number, content))
        if content.rstrip().endswith(" .") or content.rstrip() == ".":
            break
    for wanted in (finding.value, finding.path):
        if wanted:
            for number, content in block:
                if wanted in content:
                    return number
    return subject_line


def finding_line(item: Located) -> str:
    """One readable line: ``path:line: Violation: label (IRI) path: message [shape]``."""
    f = item.finding
    label = f.focus_label if f.focus_label != f.focus else ""
    who = f"{label} ({f.focus})" if label else f.focus
    path = f" {f.path}" if f.path else ""
    value = f" (value: {f.value})" if f.value and f.value not in f.message else ""
    return f"{item.where()}: {f.severity}: {who}{path}: {f.message}{value} [{f.shape}]"


def counts_line(findings: Sequence[Finding]) -> str:
    """``N errors, M warnings``."""
    errors = sum(1 for f in findings if f.severity == "Violation")
    return f"{errors} errors, {len(findings) - errors} warnings"


def findings_text(located: Sequence[Located]) -> str:
    """All findings, one per line, then the counts line."""
    lines = [finding_line(item) for item in located]
    lines.append(counts_line([item.finding for item in located]))
    return "\n".join(lines)


def findings_json(located: Sequence[Located]) -> dict[str, Any]:
    """A JSON-ready dict: ``conforms``, ``errors``, ``warnings`` and ``findings``."""
    items = []
    for item in located:
        entry = item.finding.as_dict()
        entry["file"] = str(item.path) if item.path else None
        entry["line"] = item.line
        items.append(entry)
    errors = sum(1 for item in located if item.finding.severity == "Violation")
    return {
        "conforms": errors == 0,
        "errors": errors,
        "warnings": len(located) - errors,
        "findings": items,
    }


def dumps(obj: Any) -> str:
    """Serialise ``obj`` as indented, key-sorted JSON."""
    return json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False)


__all__ = [
    "Located",
    "counts_line",
    "dumps",
    "finding_line",
    "findings_json",
    "findings_text",
    "locate_findings",
]
