"""Glue between the project and the network views: loading, dates, the build step.

:func:`graphs_step` is the build step that writes every view of :data:`kg.views.VIEWS`
under ``graphs/`` as ``<view>.gexf``, ``<view>.dynamic.gexf``, ``<view>.graphml``
and ``<view>.png``.

Examples
--------
>>> parse_day("2020-10-09")
datetime.date(2020, 10, 9)
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from datetime import date

from rdflib import Graph

from kg.errors import UsageError
from kg.export import EmptyViewWarning, to_gexf, to_graphml
from kg.load import load_graph, parse_turtle
from kg.plot import render
from kg.project import CheckedProject
from kg.resources import Layout
from kg.views import VIEWS, build_view

GRAPHS_DIR = "graphs"


def parse_day(text: str) -> date:
    """Parse an ISO date (``YYYY-MM-DD``) given on the command line.

    Raises
    ------
    UsageError
        ``text`` is not a valid date (the message quotes it).
    """
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"invalid date {text!r}: expected YYYY-MM-DD") from None


def load_project_graph(layout: Layout) -> Graph:
    """The ontology and data of ``layout`` in one graph (no SHACL run).

    Raises
    ------
    LoadError
        A file does not parse, or uses an undeclared ``ckg:`` term.
    """
    ontology = parse_turtle(layout.ontology)
    merged = load_graph(layout.data_files, ontology=ontology)
    merged += ontology
    return merged


def view_files(graph: Graph, name: str, *, prefix: str = "") -> dict[str, bytes]:
    """The four outputs of the view ``name`` (no warning for an empty view)."""
    view = build_view(graph, name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmptyViewWarning)
        return {
            f"{prefix}{name}.gexf": to_gexf(view),
            f"{prefix}{name}.dynamic.gexf": to_gexf(view, dynamic=True),
            f"{prefix}{name}.graphml": to_graphml(view),
            f"{prefix}{name}.png": render(view, fmt="png"),
        }


def graphs_step(project: CheckedProject, merged: Graph) -> Mapping[str, bytes]:
    """Build step: every view under ``graphs/`` (see module docstring)."""
    files: dict[str, bytes] = {}
    for name in VIEWS:
        files.update(view_files(merged, name, prefix=f"{GRAPHS_DIR}/"))
    return files


__all__ = ["GRAPHS_DIR", "graphs_step", "load_project_graph", "parse_day", "view_files"]
