"""SHACL results as diagnostics, each mapped to the file and line of its triple.

pySHACL reports a focus node, a result path and a value but no position.
The triple ``focus path value`` is looked up in the line maps of the parsed
files; without a value (``sh:minCount``) the first triple ``focus path ?``;
failing that, the line where the focus node is first a subject.

Examples
--------
>>> from rdflib import Graph
>>> shacl_findings(Graph(), shapes=Graph(), ontology=Graph(), files=[])
[]
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.check.diagnostic import ERROR, WARNING, Diagnostic
from kg.check.shacl.reference import Finding, ValidationReport, read_results, validate
from kg.read.linemap import Located, column_of, find_line
from kg.read.names import qname


def locate(
    files: Sequence[Located], focus: Node | None, path: Node | None, value: Node | None
) -> tuple[str, int] | None:
    """The file and line of the triple behind a SHACL result (see module docstring)."""
    if focus is None:
        return None
    prop = path if isinstance(path, URIRef) else None
    patterns: list[tuple[Node, Node | None]] = []
    if prop is not None:
        patterns = [(prop, value), (prop, None)] if value is not None else [(prop, None)]
    for p, o in patterns:
        for f in files:
            line = f.lines.match(focus, p, o)
            if line is not None:
                return str(f.path), line
    where = find_line(files, focus)
    return (str(where[0]), where[1]) if where else None


def _code(component: str) -> str:
    name = component.rsplit(":", 1)[-1].rsplit("#", 1)[-1]
    return "shacl-" + name.removesuffix("ConstraintComponent")


def shape_name(shapes: Graph, shape: str) -> str:
    """The shape as a prefixed name; an anonymous property shape by its node shape and path.

    Examples
    --------
    >>> g = Graph()
    >>> g.bind("ckgsh", "https://w3id.org/conflict-kg/shapes#")
    >>> shape_name(g, "https://w3id.org/conflict-kg/shapes#StateShape")
    'ckgsh:StateShape'
    """
    if shape.startswith(("http://", "https://", "urn:")):
        return qname(shapes, URIRef(shape))
    node = BNode(shape)
    parent = shapes.value(None, SH.property, node)
    path = shapes.value(node, SH.path)
    if parent is None:
        return shape
    where = f"{qname(shapes, parent)} sh:property"
    return f"{where} [sh:path {qname(shapes, path)}]" if isinstance(path, URIRef) else where


def to_diagnostic(
    finding: Finding, files: Sequence[Located], shapes: Graph | None = None
) -> Diagnostic:
    """Convert one pySHACL finding, with its location."""
    focus, path, value = finding.nodes
    where = locate(files, focus, path, value)
    return Diagnostic(
        kind="shacl",
        code=_code(finding.component),
        severity=ERROR if finding.severity == "Violation" else WARNING,
        message=finding.message,
        file=where[0] if where else None,
        line=where[1] if where else None,
        column=column_of(files, *where, value, path) if where else None,
        focus=finding.focus,
        focus_label=None if finding.focus_label == finding.focus else finding.focus_label,
        property=finding.path,
        value=finding.value,
        source=shape_name(shapes, finding.shape) if shapes is not None else finding.shape,
    )


def shacl_findings(
    data: Graph,
    *,
    shapes: Graph,
    ontology: Graph,
    files: Sequence[Located],
    shapes_file: Located | None = None,
    engine: str = "pyshacl",
) -> list[Diagnostic]:
    """Validate ``data`` and map every result to a diagnostic.

    ``engine="pyshacl"`` (the reference) or ``"oxigraph"``: the shapes compiled
    to SPARQL and run on an embedded Oxigraph store (:mod:`kg.check.shacl.sparql`),
    with the same findings and much faster on large graphs; it refuses SHACL
    constructs it does not compile (a :class:`~kg.errors.UsageError`).

    Shapes pySHACL cannot load (``sh:maxCount "none"``) give an
    ``invalid-shapes`` error instead of a crash, plus the SHACL-SHACL findings
    that locate the bad shape when ``shapes_file`` is given.
    """
    from pyshacl.errors import ReportableRuntimeError, ShapeLoadError  # imported when used

    try:
        report = (
            _validate_oxigraph(data, shapes=shapes, ontology=ontology)
            if engine == "oxigraph"
            else validate(data, shapes=shapes, ontology=ontology)
        )
    except (ShapeLoadError, ReportableRuntimeError) as exc:
        where = str(shapes_file.path) if shapes_file else None
        found = [
            Diagnostic(
                kind="shacl",
                code="invalid-shapes",
                severity=ERROR,
                message=f"SHACL validation could not run: {str(exc).splitlines()[0]}",
                file=where,
                source="pySHACL",
                hint="Fix the shapes; the data was not SHACL-checked.",
            )
        ]
        return found + (shapes_findings(shapes_file) if shapes_file else [])
    return [to_diagnostic(f, files, shapes) for f in report.findings]


def _validate_oxigraph(data: Graph, *, shapes: Graph, ontology: Graph) -> ValidationReport:
    from kg.check.shacl.sparql import as_report, validate_fast
    from kg.read.store import from_rdflib

    store = from_rdflib(data)
    return as_report(validate_fast(store, shapes=shapes, ontology=ontology), store, names=data)


def shapes_findings(shapes: Located) -> list[Diagnostic]:
    """Validate the shapes graph itself against SHACL-SHACL (pySHACL's meta-shapes).

    A malformed shape (``sh:minCount "one"``) would otherwise check nothing
    without a word. Takes about a second, so it runs only when asked
    (``--meta-shacl``) or when the shapes file is given as a path.
    """
    from pyshacl.entrypoints import meta_validate

    _, results, _ = meta_validate(shapes.graph, inference="none")
    found = []
    for finding in read_results(results, shapes.graph):
        focus, path, value = finding.nodes
        where = locate([shapes], focus, path, value)
        found.append(
            Diagnostic(
                kind="shacl",
                code="invalid-shape",
                severity=ERROR,
                message=f"the shapes graph is not valid SHACL: {finding.message}",
                file=where[0] if where else str(shapes.path),
                line=where[1] if where else None,
                focus=finding.focus,
                property=finding.path,
                value=finding.value,
                source="SHACL-SHACL",
                hint="Fix the shape so that it is valid SHACL.",
            )
        )
    return found


__all__ = ["locate", "shacl_findings", "shapes_findings", "to_diagnostic"]
