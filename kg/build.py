"""Build the published graph: check everything, then write the outputs atomically.

Outputs are produced by *build steps*: callables that take the checked project
and return ``{file name: bytes}``. :data:`BUILD_STEPS` lists the default ones
(Turtle and N-Triples); later features (views, exports) append their own step.
All outputs are computed in memory first and then written with temporary files
and ``os.replace``, so a failed run leaves no partial file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg import CKG
from kg.errors import DataError
from kg.graphs import graphs_step
from kg.project import CheckedProject, check_project
from kg.resources import Layout

BuildStep = Callable[[CheckedProject, Graph], Mapping[str, bytes]]
"""A build step: ``(checked project, merged graph) -> {file name: content}``."""


def turtle_step(project: CheckedProject, merged: Graph) -> Mapping[str, bytes]:
    """Serialise the merged graph (ontology + data) as ``conflict-kg.ttl``."""
    return {"conflict-kg.ttl": merged.serialize(format="turtle", encoding="utf-8")}


def ntriples_step(project: CheckedProject, merged: Graph) -> Mapping[str, bytes]:
    """Serialise the merged graph as sorted N-Triples, ``conflict-kg.nt``."""
    text = merged.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return {"conflict-kg.nt": ("\n".join(lines) + "\n").encode("utf-8")}


BUILD_STEPS: list[BuildStep] = [turtle_step, ntriples_step, graphs_step]
"""Default build steps; append a :data:`BuildStep` to add an output to ``build``."""


@dataclass(frozen=True)
class BuildSummary:
    """What a build produced."""

    triples: int
    instances_per_class: dict[str, int] = field(default_factory=dict)
    source_documents: int = 0
    quotations: int = 0
    outputs: tuple[Path, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """Return the summary as a JSON-ready dict."""
        return {
            "triples": self.triples,
            "instances_per_class": dict(self.instances_per_class),
            "source_documents": self.source_documents,
            "quotations": self.quotations,
            "outputs": [str(p) for p in self.outputs],
        }


def subclasses(ontology: Graph, cls: URIRef) -> set[URIRef]:
    """Return ``cls`` and its subclasses (``rdfs:subClassOf*``) in ``ontology``."""
    found = {cls}
    for sub in ontology.transitive_subjects(RDFS.subClassOf, cls):
        if isinstance(sub, URIRef):
            found.add(sub)
    return found


def count_instances(graph: Graph, classes: set[URIRef]) -> int:
    """Count distinct subjects typed with any of ``classes``."""
    return len({s for c in classes for s in graph.subjects(RDF.type, c)})


def summarise(project: CheckedProject, merged: Graph) -> BuildSummary:
    """Compute the :class:`BuildSummary` counts (without outputs)."""
    per_class: dict[str, int] = {}
    for cls in {o for o in project.data.objects(None, RDF.type) if isinstance(o, URIRef)}:
        if cls.startswith(str(CKG)):
            per_class["ckg:" + cls[len(str(CKG)) :]] = count_instances(project.data, {cls})
    docs = subclasses(project.ontology, CKG.SourceDocument)
    quotes = subclasses(project.ontology, CKG.Quotation)
    return BuildSummary(
        triples=len(merged),
        instances_per_class=dict(sorted(per_class.items())),
        source_documents=count_instances(project.data, docs),
        quotations=count_instances(project.data, quotes),
    )


def write_atomically(out_dir: Path, files: Mapping[str, bytes]) -> tuple[Path, ...]:
    """Write ``files`` into ``out_dir`` via temporary files and ``os.replace``.

    Every file is fully written before any is replaced; on error the temporary
    files are removed and existing outputs are untouched.

    Examples
    --------
    >>> write_atomically(Path("build"), {"a.txt": b"hi"})  # doctest: +SKIP
    (PosixPath('build/a.txt'),)
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: dict[str, str] = {}
    try:
        for name, content in files.items():
            target = out_dir / name  # a name may hold a subdirectory: "graphs/a.gexf"
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temps[name] = tmp
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
        for name, tmp in temps.items():
            os.replace(tmp, out_dir / name)
    finally:
        for tmp in temps.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
    return tuple(out_dir / name for name in files)


def build(
    layout: Layout, *, out_dir: str | os.PathLike[str], steps: Sequence[BuildStep] | None = None
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

    Returns
    -------
    BuildSummary

    Raises
    ------
    LoadError
        A file cannot be loaded; nothing is written.
    DataError
        SHACL reports a Violation (``findings`` carries the report); nothing is written.

    Examples
    --------
    >>> from kg.resources import find_layout
    >>> build(find_layout(), out_dir="build").triples  # doctest: +SKIP
    1234
    """
    project = check_project(layout)
    if not project.report.conforms:
        n = len(project.report.errors)
        raise DataError(f"{n} SHACL violation(s); nothing written", project.report.findings)
    merged = project.merged()
    files: dict[str, bytes] = {}
    for step in BUILD_STEPS if steps is None else steps:
        files.update(step(project, merged))
    outputs = write_atomically(Path(out_dir), files)
    summary = summarise(project, merged)
    return BuildSummary(
        triples=summary.triples,
        instances_per_class=summary.instances_per_class,
        source_documents=summary.source_documents,
        quotations=summary.quotations,
        outputs=outputs,
    )


__all__ = [
    "BUILD_STEPS",
    "BuildStep",
    "BuildSummary",
    "build",
    "ntriples_step",
    "summarise",
    "turtle_step",
    "write_atomically",
]
