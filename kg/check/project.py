"""Load a whole project (ontology, shapes, data) and run every check on it.

Examples
--------
>>> from kg.read.resources import find_layout
>>> result = check_project(find_layout())  # doctest: +SKIP
>>> result.report.conforms  # doctest: +SKIP
True
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg.check.shacl.reference import ValidationReport, validate
from kg.read.load import load_graph, parse_turtle
from kg.read.resources import Layout


@dataclass(frozen=True)
class CheckedProject:
    """The graphs of a project and the SHACL report on its data."""

    layout: Layout
    ontology: Graph
    shapes: Graph
    data: Graph
    report: ValidationReport

    def merged(self) -> Graph:
        """Return a new graph holding the ontology and the data."""
        graph = Graph()
        for source in (self.ontology, self.data):
            for prefix, ns in source.namespaces():
                graph.bind(prefix, ns, override=False)
        graph += self.ontology
        graph += self.data
        return graph


def check_project(layout: Layout) -> CheckedProject:
    """Load the project's files and validate the data.

    Syntax, literal and closed-vocabulary problems raise :class:`~kg.errors.LoadError`;
    SHACL results are returned in ``report``. A missing ``shapes.ttl`` means no shapes.

    Parameters
    ----------
    layout : Layout

    Returns
    -------
    CheckedProject
    """
    ontology = parse_turtle(layout.ontology)
    shapes = parse_turtle(layout.shapes) if layout.shapes.is_file() else Graph()
    data = load_graph(layout.data_files, ontology=ontology)
    report = validate(data, shapes=shapes, ontology=ontology)
    return CheckedProject(layout, ontology, shapes, data, report)


__all__ = ["CheckedProject", "check_project"]
