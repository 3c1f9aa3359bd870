"""Build the published graph: check everything, then write the outputs atomically.

The project is checked by the checker of ``validate``
(:func:`kg.outputs.build_input.load_checked`: the same findings at the same
``file:line:col``) and kept in its Oxigraph store, so a build of a million
triples needs under a minute and 2 GB. Outputs are
produced by *build steps* (:mod:`kg.outputs.buildsteps`): callables that take the
checked project (:class:`BuildInput`) and return ``{file name: content}``, the content
being bytes or a :data:`~kg.outputs.graphfiles.Writer` that streams into the file.
:data:`BUILD_STEPS` lists the default ones: the merged graph as sorted
N-Triples and Turtle, its entailed triples (``conflict-kg-entailed.nt``), then every
network view; and the checked graph as an Oxigraph database in ``store/``, which
``query``, ``why`` and ``serve`` reuse while it is up to date (:mod:`kg.outputs.kept`).
All outputs go into a new directory that replaces the old one in one
step (:mod:`kg.outputs.outdir`), so a failed or killed run leaves the old outputs or
the new, never a mix.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.check.options import LintResult
from kg.outputs.build_input import BuildInput, load_checked
from kg.outputs.buildsteps import (
    BUILD_STEPS,
    BuildStep,
    Content,
    Outputs,
    Progress,
    entailment_step,
    graph_step,
    graphs_step,
    independent,
)
from kg.outputs.keeping import Keeping
from kg.outputs.keepstore import finish_later
from kg.outputs.kept import STORE_DIR, inputs_stamp, resolved
from kg.outputs.outdir import Stage, Tree, check_out_dir
from kg.outputs.writing import writing_into
from kg.read.lifetime import done_with
from kg.read.resources import Layout


@dataclass(frozen=True)
class BuildSummary:
    """What a build produced."""

    triples: int
    instances_per_class: dict[str, int] = field(default_factory=dict)
    source_documents: int = 0
    quotations: int = 0
    outputs: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """Return the summary as a JSON-ready dict."""
        return {
            "triples": self.triples,
            "instances_per_class": dict(self.instances_per_class),
            "source_documents": self.source_documents,
            "quotations": self.quotations,
            "outputs": [str(p) for p in self.outputs],
            "notes": list(self.notes),
        }


def _notes(caught: Sequence[warnings.WarningMessage]) -> tuple[str, ...]:
    """The project's own warnings raised by the build steps, once each."""
    own = (str(w.message) for w in caught if w.category.__module__.startswith("kg."))
    return tuple(dict.fromkeys(own))


def _checked_notes(result: LintResult) -> tuple[str, ...]:
    """The checker's notices, and its warnings counted (``validate`` lists them)."""
    found = (f"{result.warnings} warning(s): conflict-kg validate lists them",)
    return result.notices + (found if result.warnings else ())


def _submission_order(steps: Sequence[BuildStep]) -> list[int]:
    """The steps' indices in the order they are started: the independent ones last first.

    The default steps list the views last and they take longest: started
    first, they run the whole time (in Python, holding its lock). The other
    steps run beside them, on the other core: the graph files (child
    processes, :mod:`kg.outputs.graphproc`) while the views' indexes are still
    small, then the entailment (SPARQL updates, no Python lock). A step with
    needs starts after them.

    Examples
    --------
    >>> _submission_order(BUILD_STEPS)
    [2, 1, 0]
    """
    free = [i for i, step in enumerate(steps) if getattr(step, "needs", None) == ()]
    return free[::-1] + [i for i in range(len(steps)) if i not in free]


def _run_steps(
    stage: Stage, project: BuildInput, steps: Sequence[BuildStep], tick: Progress
) -> list[warnings.WarningMessage]:
    """Run the build steps, two at a time where their needs allow (:func:`independent`).

    Each step's outputs are written into ``stage`` as they come and listed in
    the order of the steps. Returns the warnings the steps raised.
    """
    names: list[list[str]] = [[] for _ in steps]

    def run(i: int, before: list[Future[None]]) -> None:
        for future in before:
            future.result()
        tick(getattr(steps[i], "__name__", "step"), i, len(steps))
        found = steps[i](project)
        try:
            for name, content in found.items() if isinstance(found, Mapping) else found:
                stage.write(name, content)
                names[i].append(name)
        finally:  # a step's iterator is closed at once, even when a write failed
            close = getattr(found, "close", None)
            if close is not None:
                close()

    futures: dict[int, Future[None]] = {}
    with (
        warnings.catch_warnings(record=True) as caught,
        ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool,
    ):
        warnings.simplefilter("always")
        for i in _submission_order(steps):
            needs = getattr(steps[i], "needs", None)
            earlier = list(steps[:i]) if needs is None else [n for n in needs if n in steps[:i]]
            before = [futures[steps.index(n)] for n in earlier]
            futures[i] = pool.submit(run, i, before)
        try:
            for future in futures.values():
                future.result()
        except BaseException:
            for future in futures.values():
                future.cancel()
            raise
    stage.reorder([name for step_names in names for name in step_names])
    return caught


def _checked_and_kept(
    stage: Stage,
    layout: Layout,
    stamp: dict[str, Any],
    engine: str,
    reasoner: str,
    tick: Progress,
) -> tuple[BuildInput, Future[None]]:
    """Check the project while its kept store is written into ``stage`` (its own thread).

    The store is completed (ontology, blank nodes, stamp) in that thread while the
    build steps run: the caller waits for the future before the stage is committed.
    """
    keeping = Keeping(stage.adopt(STORE_DIR))
    try:
        project = load_checked(
            layout,
            engine=engine,
            reasoner=reasoner,
            progress=tick,
            loaded=keeping.start,
            loading=keeping.load_files,
        )
        tick("keeping the checked store", 0, 0)
    except BaseException:
        keeping.close()
        raise
    return project, finish_later(keeping, project, stamp)


def build(
    layout: Layout,
    *,
    out_dir: str | os.PathLike[str],
    steps: Sequence[BuildStep] | None = None,
    engine: str = "oxigraph",
    reasoner: str = "auto",
    progress: Progress | None = None,
    keep_store: bool = True,
) -> BuildSummary:
    """Check the project and write its outputs into ``out_dir``.

    Parameters
    ----------
    layout : Layout
        The project files.
    out_dir : path
        Output directory (created if needed).
    steps : sequence of BuildStep, optional
        Default :data:`BUILD_STEPS`.
    engine : {"oxigraph", "pyshacl"}
        The SHACL engine (same findings; pySHACL is the slow reference).
    reasoner : {"auto", "always", "never"}
        OWL reasoning and the advice warnings, as ``validate --reasoner``.
    progress : callable, optional
        ``progress(stage, done, total)`` as the build goes.
    keep_store : bool
        Keep the checked graph as an Oxigraph database in ``store/``
        (:mod:`kg.outputs.kept`), written while the checks run.

    Returns
    -------
    BuildSummary

    Raises
    ------
    LoadError
        A file cannot be loaded; nothing is written.
    UsageError
        ``out_dir`` may not be written (:func:`kg.outputs.outdir.check_out_dir`),
        or holds files no build wrote; nothing is written.
    OutputError
        An output cannot be written (a full disk); the last outputs stay as they were.
    DataError
        The checks of ``validate`` found errors (``findings`` carries the diagnostics);
        nothing is written.

    Examples
    --------
    >>> from kg.read.resources import find_layout
    >>> build(find_layout(), out_dir="build").triples  # doctest: +SKIP
    1234
    """
    tick = progress or (lambda stage, done, total: None)
    out = check_out_dir(Path(out_dir), layout)
    stamp = inputs_stamp(layout)  # before the files are read: a later edit makes it stale
    with writing_into(out):  # a full disk, a missing permission: one line, nothing changed
        stage = Stage(out)  # each output is written as it comes; swapped in whole at the end
    kept: Future[None] = resolved(None)
    try:
        if keep_store:
            project, kept = _checked_and_kept(stage, layout, stamp, engine, reasoner, tick)
        else:
            project = load_checked(layout, engine=engine, reasoner=reasoner, progress=tick)
        # the counts read the default graph only: SPARQL beside the steps, which leave it as it is
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="build-counts") as counter:
            counting = counter.submit(project.counts)
            with writing_into(out):
                caught = _run_steps(stage, project, BUILD_STEPS if steps is None else steps, tick)
                tick("write", 0, len(stage.names))
                kept.result()
                counts = counting.result()
                outputs = stage.commit()
    finally:
        wait((kept,))  # the store's thread writes into the stage: done before it goes
        stage.discard()
    done_with(project.store)  # the command line leaves it to its exit (kg.read.lifetime)
    return BuildSummary(
        triples=counts.triples,
        instances_per_class=counts.instances_per_class,
        source_documents=counts.source_documents,
        quotations=counts.quotations,
        outputs=outputs,
        notes=_checked_notes(project.result) + _notes(caught),
    )


__all__ = [
    "BUILD_STEPS",
    "BuildInput",
    "BuildStep",
    "BuildSummary",
    "Content",
    "Outputs",
    "Tree",
    "build",
    "entailment_step",
    "graph_step",
    "graphs_step",
    "independent",
]
