"""Validate data against the SHACL shapes with pySHACL and read the results.

Examples
--------
>>> report = validate(data, shapes=shapes, ontology=ontology)  # doctest: +SKIP
>>> report.conforms, len(report.findings)  # doctest: +SKIP
(True, 0)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.read.names import short_text

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Finding:
    """One SHACL validation result.

    Attributes
    ----------
    severity : str
        ``"Violation"``, ``"Warning"`` or ``"Info"``.
    focus : str
        The focus node (IRI or blank-node id).
    focus_label : str
        Its rdfs:label (English first, then any language), else the IRI.
    path : str or None
        The result path, when the constraint has one.
    value : str or None
        The offending value, when reported.
    message : str
        ``sh:resultMessage`` (or a generic text).
    shape : str
        The source shape.
    component : str
        The constraint component (e.g. ``sh:MinCountConstraintComponent``).
    """

    severity: str
    focus: str
    focus_label: str
    path: str | None
    value: str | None
    message: str
    shape: str
    component: str
    nodes: tuple[Node | None, Node | None, Node | None] = field(
        default=(None, None, None), compare=False, repr=False
    )
    """The focus node, result path and value as RDF terms (for locating the triple)."""

    def sort_key(self) -> tuple[int, str, str, str, str, str]:
        """Deterministic order: severity, focus, path, message, shape, value."""
        return (
            SEVERITY_ORDER.get(self.severity, 9),
            self.focus,
            self.path or "",
            self.message,
            self.shape,
            self.value or "",
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the finding as a JSON-ready dict."""
        return {k: v for k, v in self.__dict__.items() if k != "nodes"}


@dataclass(frozen=True)
class ValidationReport:
    """The findings of a validation run; ``conforms`` means no Violation."""

    findings: tuple[Finding, ...]

    @property
    def conforms(self) -> bool:
        """True when no finding has severity Violation."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity Violation."""
        return tuple(f for f in self.findings if f.severity == "Violation")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity Warning or Info."""
        return tuple(f for f in self.findings if f.severity != "Violation")


def label_of(graph: Graph, node: Node) -> str:
    """Return the rdfs:label of ``node`` (``@en`` first, then any), else the node itself.

    Examples
    --------
    >>> from rdflib import URIRef
    >>> g = Graph()
    >>> g.add((URIRef("x"), RDFS.label, Literal("Armenia", lang="en")))  # doctest: +ELLIPSIS
    <Graph ...>
    >>> label_of(g, URIRef("x"))
    'Armenia'
    """
    labels = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    for lang in ("en", None):
        chosen = sorted(str(x) for x in labels if lang is None or x.language == lang)
        if chosen:
            return chosen[0]
    return str(node)


def join_messages(messages: Iterable[str]) -> str:
    """The distinct messages of one result joined by ``"; "``, without repeats.

    A constraint's message often restates its shape's and adds to it (the shape:
    "Needs one label."; its SPARQL constraint: "Needs one label; only records
    may go without."). SHACL engines report both; the one the other starts
    with says nothing new and is left out.

    Examples
    --------
    >>> join_messages(["Needs one label.", "Needs one label; records may go without."])
    'Needs one label; records may go without.'
    >>> join_messages(["b", "a", "b"])
    'a; b'
    """
    unique = sorted({m.strip() for m in messages if m.strip()})
    kept = [
        m
        for m in unique
        if not any(o != m and o.startswith(m.rstrip(".").rstrip()) for o in unique)
    ]
    return "; ".join(kept)


def read_results(results: Graph, data: Graph) -> list[Finding]:
    """Turn a SHACL results graph into sorted :class:`Finding` objects.

    Labels are looked up in ``data``.
    """
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        sev = results.value(result, SH.resultSeverity)
        focus = results.value(result, SH.focusNode)
        msgs = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        component = results.value(result, SH.sourceConstraintComponent)
        findings.append(
            Finding(
                severity=str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation",
                focus=str(focus),
                focus_label=label_of(data, focus) if focus is not None else "",
                path=short_text(data, results.value(result, SH.resultPath)),
                value=short_text(data, results.value(result, SH.value)),
                message=join_messages(msgs) or "constraint not satisfied",
                shape=str(results.value(result, SH.sourceShape)),
                component=short_text(data, component) or "",
                nodes=(
                    focus,
                    results.value(result, SH.resultPath),
                    results.value(result, SH.value),
                ),
            )
        )
    return sorted(set(findings), key=Finding.sort_key)


def validate(data: Graph, *, shapes: Graph, ontology: Graph | None = None) -> ValidationReport:
    """Validate ``data`` against ``shapes``.

    The ontology is passed to pySHACL as ``ont_graph``: it is mixed into (a copy
    of) the data graph, so its ``rdfs:subClassOf`` axioms count for
    ``sh:class`` and ``sh:targetClass``. No other inference is done. SHACL-SPARQL
    constraints are enabled (``advanced=True``).

    Parameters
    ----------
    data : rdflib.Graph
    shapes : rdflib.Graph
    ontology : rdflib.Graph, optional

    Returns
    -------
    ValidationReport

    Examples
    --------
    >>> validate(Graph(), shapes=Graph()).conforms
    True
    """
    from pyshacl import validate as shacl_validate  # imported when used: it takes 0.15 s

    _, results, _ = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        advanced=True,
        allow_warnings=True,
        abort_on_first=False,
    )
    labels = data + ontology if ontology is not None else data
    return ValidationReport(tuple(read_results(results, labels)))


__all__ = ["Finding", "ValidationReport", "join_messages", "label_of", "read_results", "validate"]
