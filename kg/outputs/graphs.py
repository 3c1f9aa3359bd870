"""Glue between the project and the network views: loading, dates, the build step.

:func:`graph_files` gives every view of :data:`kg.views.network.VIEWS` as
``<view>.gexf``, ``<view>.dynamic.gexf``, ``<view>.graphml`` and ``<view>.png``,
from an rdflib Graph or a :class:`kg.views.storegraph.StoreGraph` over Oxigraph (one
set of indexes and caches serves all the views). A view over the plot limit
(:func:`kg.outputs.plot.too_large`) gets no PNG: a :class:`PlotSkippedWarning` says
which and why. :func:`kg.outputs.build.graphs_step` writes them under
``graphs/``; :func:`load_view_graph` loads a project for them without rdflib.

Examples
--------
>>> parse_day("2020-10-09")
datetime.date(2020, 10, 9)
"""

from __future__ import annotations

import calendar
import io
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import date
from typing import BinaryIO

from rdflib import Graph

from kg.check.store_checks import load_checked_store
from kg.errors import UsageError
from kg.outputs.gexf import export_writers
from kg.outputs.plot import render, too_large
from kg.read.load import load_graph, parse_turtle
from kg.read.resources import Layout
from kg.views.network import VIEWS, build_view
from kg.views.storegraph import GraphLike, IndexedGraph, StoreGraph, gc_paused, indexed

GRAPHS_DIR = "graphs"


def parse_day(text: str) -> date:
    """Parse an ISO date (``YYYY-MM-DD``) given on the command line.

    Raises
    ------
    UsageError
        ``text`` is not a valid date (the message quotes it and says whether
        the format is wrong or the day does not exist).

    Examples
    --------
    >>> parse_day("2020-02-29")
    datetime.date(2020, 2, 29)
    """
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if match is None:
        raise UsageError(f"invalid date {text!r}: expected YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise UsageError(f"invalid date {text!r}: there is no month {month}")
    try:
        return date(year, month, day)
    except ValueError:
        last = calendar.monthrange(year, month)[1] if year >= 1 else 31
        raise UsageError(
            f"invalid date {text!r}: the day does not exist "
            f"({calendar.month_name[month]} {year} has {last} days)"
        ) from None


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


class PlotSkippedWarning(UserWarning):
    """A view is over the plot limit: its PNG is not drawn (the exports are written)."""


def view_files(graph: GraphLike, name: str, *, prefix: str = "") -> dict[str, bytes]:
    """The outputs of the view ``name``: three exports and, under the plot limit, the PNG.

    No warning for an empty view; a :class:`PlotSkippedWarning` for a PNG not drawn.
    """
    files: dict[str, bytes] = {}
    for file, content in _view_outputs(graph, name, prefix=prefix):
        if isinstance(content, bytes):
            files[file] = content
        else:
            buf = io.BytesIO()
            content(buf)
            files[file] = buf.getvalue()
    return files


def _view_outputs(
    graph: GraphLike, name: str, *, prefix: str, release: bool = False
) -> Iterator[tuple[str, bytes | Callable[[BinaryIO], None]]]:
    """The files of :func:`view_files`, the exports as writers (:func:`export_writers`).

    ``release``: drop the indexes and memo tables of ``graph`` once the view is
    built, before its files are written (the exports read only the view).
    """
    view = build_view(graph, name, release=release)
    if release and isinstance(graph, IndexedGraph):
        graph.release()
    for suffix, write in export_writers(view).items():  # in order: they share their work
        yield f"{prefix}{name}{suffix}", write
    reason = too_large(view)
    if reason is None:
        yield f"{prefix}{name}.png", render(view, fmt="png")
    else:
        warnings.warn(f"{prefix}{name}.png not drawn: {reason}", PlotSkippedWarning, stacklevel=3)
    # networkx graphs hold reference cycles (their cached edge and degree views):
    # empty this one now rather than leave it to the cyclic collector
    view.clear()


def graph_files(graph: GraphLike, *, prefix: str = f"{GRAPHS_DIR}/") -> dict[str, bytes]:
    """Every output of every view of :data:`kg.views.network.VIEWS` (see module docstring).

    Parameters
    ----------
    graph : GraphLike
        An rdflib Graph, or a :class:`kg.views.storegraph.StoreGraph` over the build's store.
    prefix : str
        Put before each file name.

    Examples
    --------
    >>> sorted(graph_files(Graph(), prefix=""))[:3]
    ['actors.dynamic.gexf', 'actors.gexf', 'actors.graphml']
    """
    shared = indexed(graph)
    return {
        file: content
        for name in VIEWS
        for file, content in view_files(shared, name, prefix=prefix).items()
    }


def iter_graph_files(
    graph: GraphLike, *, prefix: str = f"{GRAPHS_DIR}/"
) -> Iterator[tuple[str, bytes | Callable[[BinaryIO], None]]]:
    """The files of :func:`graph_files`, one view at a time, for ``build`` to write as they come.

    An export is a writer, ``write(stream)`` (:func:`kg.outputs.gexf.export_writers`):
    write each before taking the next. Only one view is held in memory at a
    time, and none of its exports whole; once the last view is built, the
    indexes and memo tables of ``graph`` are released (:meth:`IndexedGraph.release`)
    before its files are written. Python's cyclic garbage collector is paused
    until the last file is taken (:func:`kg.views.storegraph.gc_paused`): the
    views and their files hold no cycles once each view is emptied. Close the
    iterator when stopping before its end (``build`` does): that resumes it.
    """
    shared = indexed(graph)
    names = list(VIEWS)
    with gc_paused():  # see gc_paused: each collection would walk every index and view
        for name in names:
            yield from _view_outputs(shared, name, prefix=prefix, release=name == names[-1])


def load_view_graph(layout: Layout) -> StoreGraph:
    """The ontology and data of ``layout`` in an Oxigraph store, as the views' graph.

    Loaded and checked as ``build`` loads (no SHACL run): no rdflib copy of the
    data is made, so it scales to the graphs ``build`` handles.

    Raises
    ------
    LoadError
        A file does not parse, has an invalid literal or uses an undeclared
        ``ckg:`` term (``file:line:col``).
    """
    store, _ = load_checked_store(layout)
    return StoreGraph(store)


__all__ = [
    "GRAPHS_DIR",
    "PlotSkippedWarning",
    "graph_files",
    "iter_graph_files",
    "load_view_graph",
    "load_project_graph",
    "parse_day",
    "view_files",
]
