"""The unit of a validation report: one :class:`Diagnostic` per problem found.

Every diagnostic has a *kind* (which of the seven checks found it), a stable
*code*, a severity (``error`` or ``warning``), where it is (file, line, column)
and what it is about (focus node, its label, the property, the value, the
shape or query that says so).

Examples
--------
>>> d = Diagnostic(kind="syntax", code="syntax-error", severity="error",
...                message="expected '.'", file="data/a.ttl", line=3)
>>> d.where()
'data/a.ttl:3'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

KINDS = ("syntax", "literal", "vocabulary", "shacl", "ontology", "check", "warning")
"""The seven kinds of check, in the order they run."""

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of ``conflict-kg validate``.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    code : str
        Stable identifier, e.g. ``invalid-literal``, ``shacl-MinCount``.
    severity : str
        ``"error"`` or ``"warning"``.
    message : str
        What is wrong (for SHACL: the shape's ``sh:message``).
    file : str or None
        The file holding the offending triple.
    line, column : int or None
        1-based position in ``file``.
    focus : str or None
        The focus node IRI (or blank node id).
    focus_label : str or None
        Its label, when it has one.
    property : str or None
        The property (SHACL result path), as a prefixed name when possible.
    value : str or None
        The offending value.
    source : str or None
        The shape IRI, the check query file, or the reasoner.
    hint : str
        What to do about it.
    """

    kind: str
    code: str
    severity: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    focus: str | None = None
    focus_label: str | None = None
    property: str | None = None
    value: str | None = None
    source: str | None = None
    hint: str = ""

    def where(self) -> str:
        """``file:line[:column]``, ``file`` or ``<unknown>``."""
        if self.file is None:
            return "<unknown>"
        if self.line is None:
            return self.file
        col = f":{self.column}" if self.column else ""
        return f"{self.file}:{self.line}{col}"

    def sort_key(self) -> tuple[str, int, int, int, str, str, str]:
        """Group by file, then line, column, kind, code, focus, message."""
        return (
            self.file or "\uffff",
            self.line or 0,
            self.column or 0,
            KINDS.index(self.kind) if self.kind in KINDS else len(KINDS),
            self.code,
            self.focus or "",
            self.message,
        )

    def as_dict(self) -> dict[str, Any]:
        """The diagnostic as a JSON-ready dict (every field, ``None`` kept)."""
        return asdict(self)

    def as_error(self) -> Diagnostic:
        """The same diagnostic with severity ``error`` (for ``--strict``)."""
        return replace(self, severity=ERROR)


def sort_diagnostics(items: list[Diagnostic]) -> list[Diagnostic]:
    """Deduplicate and sort (by file, line …).

    Examples
    --------
    >>> a = Diagnostic("syntax", "x", "error", "m", file="b", line=2)
    >>> [d.line for d in sort_diagnostics([a, a, Diagnostic("syntax", "x", "error", "m",
    ...                                                        file="b", line=1)])]
    [1, 2]
    """
    return sorted(set(items), key=Diagnostic.sort_key)


__all__ = ["ERROR", "KINDS", "WARNING", "Diagnostic", "sort_diagnostics"]
