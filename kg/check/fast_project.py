"""Check a whole project on the Oxigraph engine: load, literal and vocabulary checks, SHACL.

The fast counterpart of :func:`kg.check.project.check_project` for ``--engine oxigraph``:
the same errors (:class:`~kg.errors.LoadError` with ``file:line``) and the same
:class:`~kg.check.shacl.reference.ValidationReport`, without building rdflib graphs of the data.

Examples
--------
>>> from kg.read.resources import find_layout
>>> checked = check_project_fast(find_layout())  # doctest: +SKIP
>>> checked.report.conforms  # doctest: +SKIP
True
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph

from kg.check.shacl.reference import ValidationReport
from kg.check.shacl.sparql import Progress, as_report, validate_fast
from kg.check.store_checks import load_checked_store
from kg.read.load import parse_turtle
from kg.read.resources import Layout


@dataclass(frozen=True)
class FastCheckedProject:
    """The store (ontology + data in its default graph), the ontology alone and the
    SHACL report on the data."""

    layout: Layout
    store: ox.Store
    report: ValidationReport
    ontology: Graph


def check_project_fast(
    layout: Layout, *, workers: int = 0, progress: Progress | None = None
) -> FastCheckedProject:
    """Load the project's files into Oxigraph, check them and validate the data.

    Parameters
    ----------
    layout : Layout
    workers : int
        Parallel validation queries (0: one per CPU).
    progress : callable, optional
        ``progress(done, total)`` during validation.

    Raises
    ------
    LoadError
        Syntax errors, invalid literals, undeclared ``ckg:`` terms (``file:line``).
    UsageError
        A shape uses a SHACL construct the SPARQL engine does not support.
    """
    store, ontology = load_checked_store(layout)
    shapes = parse_turtle(layout.shapes) if layout.shapes.is_file() else Graph()
    names = Graph()
    for prefix, ns in ontology.namespaces():
        names.bind(prefix, ns, override=False)
    found = validate_fast(store, shapes=shapes, workers=workers, progress=progress)
    return FastCheckedProject(layout, store, as_report(found, store, names=names), ontology)


__all__ = ["FastCheckedProject", "check_project_fast"]
