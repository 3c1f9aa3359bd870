"""Build the published graph: check everything, then write the outputs atomically.

The project is checked by the checker of ``validate``
(:func:`kg.outputs.build_input.load_checked`: the same findings at the same
``file:line:col``) and kept in its Oxigraph store, so a build of a million
triples needs under a minute and 2 GB. Outputs are
produced by *build steps*: callables that take the checked project
(:class:`BuildInput`) and return ``{file name: content}``, the content being
bytes or a :data:`~kg.outputs.graphfiles.Writer` that streams into the file.
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
import tempfile
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.check.options import LintResult
from kg.outputs.build_input import BuildInput, load_checked
from kg.outputs.graphfiles import Writer, graph_prefixes, sorted_ntriples, turtle_writer
from kg.outputs.kept import STORE_DIR, inputs_stamp, write_store
from kg.outputs.outdir import Stage, Tree, check_out_dir, write_file
from kg.read.resources import Layout

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


def graph_step(project: BuildInput) -> Mapping[str, Content]:
    """The merged graph (ontology + data) as ``conflict-kg.nt`` (sorted) and ``conflict-kg.ttl``."""
    nt = sorted_ntriples(project.store)
    prefixes = graph_prefixes(project.ontology, project.layout.data_files)
    return {"conflict-kg.nt": nt, "conflict-kg.ttl": turtle_writer(nt, prefixes)}


def entailment_step(project: BuildInput) -> Mapping[str, Content]:
    """The entailed ``ckg:`` triples as ``conflict-kg-entailed.nt`` (:mod:`kg.outputs.entailment`).

    They are also added to the store in the named graph
    :data:`~kg.outputs.entailment.ENTAILED_GRAPH` for the steps after this one
    (the site shows entailed classes); the default graph is unchanged.
    """
    import pyoxigraph as ox

    from kg.outputs.entailment import ENTAILED_FILE, ENTAILED_GRAPH, entail, sorted_graph_ntriples

    graph = ox.NamedNode(ENTAILED_GRAPH)
    entail(project.store, project.ontology, into=graph)
    return {ENTAILED_FILE: sorted_graph_ntriples(project.store, graph)}


def graphs_step(project: BuildInput) -> Outputs:
    """Every network view under ``graphs/`` (see :func:`kg.outputs.graphs.graph_files`).

    One view at a time: its files are written before the next view is made.
    """
    from kg.outputs.graphs import iter_graph_files  # the views pull in networkx and matplotlib

    return iter_graph_files(project.graph)


BUILD_STEPS: list[BuildStep] = [graph_step, entailment_step, graphs_step]
"""Default build steps; append a :data:`BuildStep` to add an output to ``build``."""


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


def file_mode(target: Path) -> int:
    """The permission bits ``open(target, "w")`` would leave: the old file's, else 0666 & ~umask.

    ``mkstemp`` creates its file 0600; renamed into place as is, every output
    would be unreadable to the group and others whatever the user's umask.

    Examples
    --------
    >>> oct(file_mode(Path("/nonexistent/x"))) in {oct(0o666 & ~m) for m in range(0o1000)}
    True
    """
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0o022)  # the only portable way to read the umask is to set it
        os.umask(mask)
        return 0o666 & ~mask


def _write(target: Path, content: Content) -> str:
    """Write ``content`` to a new temporary file beside ``target``; return its path."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, file_mode(target))
        with os.fdopen(fd, "wb") as handle:
            write_file(handle, target.name, content)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def write_atomically(out_dir: Path, files: Mapping[str, Content]) -> tuple[Path, ...]:
    """Write ``files`` into ``out_dir`` via temporary files and ``os.replace``.

    Every output is fully written before any is replaced; on error the
    temporary files and directories are removed and existing outputs are
    untouched. (``build --out`` replaces its whole directory instead,
    :func:`kg.outputs.outdir.replace_dir`.)

    Examples
    --------
    >>> write_atomically(Path("build"), {"a.txt": b"hi"})  # doctest: +SKIP
    (PosixPath('build/a.txt'),)
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: dict[str, str] = {}
    try:
        for name, content in files.items():  # a name may hold a subdirectory: "graphs/a.gexf"
            if isinstance(content, Tree):
                raise TypeError(f"{name}: a directory output goes through replace_dir")
            temps[name] = _write(out_dir / name, content)
        for name, tmp in temps.items():
            os.replace(tmp, out_dir / name)
    finally:
        for tmp in temps.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
    return tuple(out_dir / name for name in files)


def _notes(caught: Sequence[warnings.WarningMessage]) -> tuple[str, ...]:
    """The project's own warnings raised by the build steps, once each."""
    own = (str(w.message) for w in caught if w.category.__module__.startswith("kg."))
    return tuple(dict.fromkeys(own))


def _checked_notes(result: LintResult) -> tuple[str, ...]:
    """The checker's notices, and its warnings counted (``validate`` lists them)."""
    found = (f"{result.warnings} warning(s): conflict-kg validate lists them",)
    return result.notices + (found if result.warnings else ())


def build(
    layout: Layout,
    *,
    out_dir: str | os.PathLike[str],
    steps: Sequence[BuildStep] | None = None,
    engine: str = "oxigraph",
    reasoner: str = "auto",
    progress: Progress | None = None,
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
    project = load_checked(layout, engine=engine, reasoner=reasoner, progress=tick)
    counts = project.counts()  # before the steps: the entailment step adds a named graph
    todo = list(BUILD_STEPS if steps is None else steps)
    stage = Stage(out)  # each output is written as it comes; swapped in whole at the end
    try:
        # the kept store first: its loader's memory is freed before the steps build theirs
        tick("keeping the checked store", 0, len(todo))
        stage.write(STORE_DIR, Tree(lambda d: write_store(d, project.store, stamp, project.result)))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for done, step in enumerate(todo):
                tick(getattr(step, "__name__", "step"), done, len(todo))
                found = step(project)
                for name, content in found.items() if isinstance(found, Mapping) else found:
                    stage.write(name, content)
        tick("write", 0, len(stage.names))
        outputs = stage.commit()
    finally:
        stage.discard()
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
    "file_mode",
    "graph_step",
    "graphs_step",
    "write_atomically",
]
