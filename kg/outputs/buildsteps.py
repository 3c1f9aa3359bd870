"""The build steps: what ``build`` writes besides its kept store, one step per kind of output.

A build step takes the checked project (:class:`~kg.outputs.build_input.BuildInput`)
and returns ``{file name: content}`` (or the pairs, each written before the next
is made). :data:`BUILD_STEPS` are the default ones; :func:`independent` says
which may run beside the others (:func:`kg.outputs.build.build` runs two at a time).

Examples
--------
>>> [step.__name__ for step in BUILD_STEPS]
['entailment_step', 'graph_step', 'graphs_step']
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from kg.outputs.build_input import BuildInput
from kg.outputs.graphfiles import Writer, graph_prefixes
from kg.outputs.outdir import Tree

Content = bytes | Writer | Tree
"""What a build step returns for one output: its bytes, a function writing the
file, or a :class:`Tree` writing a directory."""

Outputs = Mapping[str, Content] | Iterator[tuple[str, Content]]
"""What a build step returns: ``{file name: content}``, or an iterator of
``(file name, content)`` pairs, each written before the next is made."""

BuildStep = Callable[[BuildInput], Outputs]
"""A build step: ``(checked project) -> {file name: content}`` (or pairs, :data:`Outputs`)."""

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; ``total`` 0 when unknown."""


def independent(*needed: BuildStep) -> Callable[[BuildStep], BuildStep]:
    """Declare that a build step needs only ``needed`` done before it (default: every earlier step).

    ``build`` runs the steps two at a time where their needs allow: a step so
    marked may run beside the steps before it. It must then only read the
    store's default graph (or the graphs of ``needed``) and write its own files.

    Examples
    --------
    >>> @independent(entailment_step)
    ... def count_step(project: BuildInput) -> dict[str, bytes]:
    ...     return {"count.txt": b"1"}
    >>> count_step.needs == (entailment_step,)
    True
    """

    def mark(step: BuildStep) -> BuildStep:
        setattr(step, "needs", needed)  # noqa: B010 (a function attribute)
        return step

    return mark


def graph_step(project: BuildInput) -> Iterator[tuple[str, Content]]:
    """The merged graph (ontology + data) as ``conflict-kg.nt`` (sorted) and ``conflict-kg.ttl``.

    Each written by a process of its own (:mod:`kg.outputs.graphproc`) from a
    dump of the store, so it runs beside the views instead of taking turns
    with them; the dump is removed once both are written (or the step closed).
    """
    from kg.outputs.graphproc import graph_writers

    prefixes = graph_prefixes(project.ontology, project.layout.data_files)
    with tempfile.TemporaryDirectory(prefix="conflict-kg-graph-") as tmp:
        nt, turtle = graph_writers(project.store, prefixes, directory=Path(tmp))
        yield "conflict-kg.nt", nt
        yield "conflict-kg.ttl", turtle


def entailment_step(project: BuildInput) -> Mapping[str, Content]:
    """The entailed ``ckg:`` triples as ``conflict-kg-entailed.nt`` (:mod:`kg.outputs.entailment`).

    They are also added to the store in the named graph
    :data:`~kg.outputs.entailment.ENTAILED_GRAPH` for the steps after this one
    (the site shows entailed classes); the default graph is unchanged.
    """
    import pyoxigraph as ox

    from kg.outputs.entailment import ENTAILED_FILE, ENTAILED_GRAPH, entail, sorted_graph_writer

    graph = ox.NamedNode(ENTAILED_GRAPH)
    entail(project.store, project.ontology, into=graph)
    return {ENTAILED_FILE: sorted_graph_writer(project.store, graph)}


def graphs_step(project: BuildInput) -> Outputs:
    """Every network view under ``graphs/`` (see :func:`kg.outputs.graphs.graph_files`).

    One view at a time: its files are written before the next view is made.
    """
    from kg.outputs.graphs import iter_graph_files  # the views pull in networkx and matplotlib

    return iter_graph_files(project.graph)


independent()(entailment_step)  # SPARQL updates: Oxigraph runs them without Python's lock
independent()(graph_step)
independent()(graphs_step)  # the views read the default graph only

BUILD_STEPS: list[BuildStep] = [entailment_step, graph_step, graphs_step]
"""Default build steps; append a :data:`BuildStep` to add an output to ``build``."""


__all__ = [
    "BUILD_STEPS",
    "BuildStep",
    "Content",
    "Outputs",
    "Progress",
    "entailment_step",
    "graph_step",
    "graphs_step",
    "independent",
]
