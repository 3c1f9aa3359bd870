"""Run the seven kinds of check of ``conflict-kg validate`` and collect diagnostics.

With no paths, the project's ontology, shapes and every ``data/*.ttl`` are
checked. With paths (files or directories of ``*.ttl``), those files are
checked against the project's ontology and shapes; a given file that declares
an ``owl:Ontology`` is an ontology module (merged into the ontology and
quality-checked). The project's other data files are loaded as *context* (so
references into them resolve) but nothing is reported about them.

Every command checks the project through :func:`kg.check.lint_store.lint_store`: the
files are loaded into Oxigraph and every check runs there, located by reading the
files. ``engine="pyshacl"`` runs the reference engines instead (rdflib graphs with
line maps, pySHACL): slower, and kept so that the tests can compare the two.

Examples
--------
>>> from kg.read.resources import find_layout
>>> result = lint(find_layout())  # doctest: +SKIP
>>> result.errors  # doctest: +SKIP
0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal

from kg.check.advice import advice_findings
from kg.check.coverage import coverage_of
from kg.check.diagnostic import Diagnostic, sort_diagnostics
from kg.check.filecheck import parse_file, vocabulary_findings
from kg.check.files import ProjectFiles, classify, expand_paths, must_parse
from kg.check.heldtext import offset_findings
from kg.check.lint_store import lint_store
from kg.check.options import LintResult, Options
from kg.check.projectchecks import project_check_findings
from kg.check.qc import ontology_findings, unused_term_warnings
from kg.check.reasoning import reasoning_findings
from kg.check.shacl.results import shacl_findings, shapes_findings
from kg.errors import UsageError
from kg.read.linemap import Located
from kg.read.resources import Layout


@dataclass
class _Run:
    """The files of :func:`classify` with the ones the reference engines read parsed."""

    files: ProjectFiles
    ontology_files: list[Located]
    data_files: list[Located] = field(default_factory=list)
    context: list[Located] = field(default_factory=list)
    found: list[Diagnostic] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def graph(self, files: Sequence[Located]) -> Graph:
        g = Graph()
        for f in files:
            for prefix, ns in f.graph.namespaces():
                g.bind(prefix, ns, override=False)
            g += f.graph
        return g


def _collect(layout: Layout, paths: Sequence[str | Path] | None, opts: Options) -> _Run:
    """The files sorted as the checker sorts them (:func:`classify`), the data parsed."""
    ontology = must_parse(layout.ontology, max_bytes=opts.max_bytes)
    files = classify(layout, paths, max_bytes=opts.max_bytes, context=opts.context)
    run = _Run(files, [ontology, *files.modules], found=list(files.found))
    for path in files.data:
        parsed, found = parse_file(path, max_bytes=opts.max_bytes)
        run.found.extend(found)
        run.data_files.extend([parsed] if parsed is not None else [])
    for path in files.context:
        parsed, _ = parse_file(path, max_bytes=opts.max_bytes)
        run.context.extend([parsed] if parsed is not None else [])
    return run


def _neighbourhood(run: _Run, hops: int = 2) -> Graph:
    """The checked files' triples plus the context within ``hops`` links of them.

    Shapes only need the nodes around a focus node (the class of a value, the
    date of a linked event), and findings are only reported for the checked
    files, so SHACL need not see the whole context.
    """
    graph = run.graph(run.data_files)
    context = run.graph(run.context)
    frontier = {t for triple in graph for t in triple if not isinstance(t, Literal)}
    seen: set[object] = set()
    for _ in range(hops):
        nxt = set()
        for node in frontier - seen:
            for triple in context.triples((node, None, None)):
                graph.add(triple)
                nxt.add(triple[2])
        seen |= frontier
        frontier = {n for n in nxt if not isinstance(n, Literal)}
    return graph


def lint(
    layout: Layout,
    paths: Sequence[str | Path] | None = None,
    *,
    options: Options | None = None,
    step: Callable[[str, int, int], None] | None = None,
) -> LintResult:
    """Run every check; see the module docstring for what is checked.

    Parameters
    ----------
    layout : Layout
        Where the ontology, shapes and data are.
    paths : sequence of path, optional
        Files or directories to check instead of the project's data.
    options : Options, optional

    step : callable, optional
        ``step(what, done, total)``: progress of the store path's long steps.

    Returns
    -------
    LintResult

    Raises
    ------
    LoadError
        The validator cannot run: a path is missing or unreadable, not UTF-8,
        too large, or the ontology or shapes do not parse (exit 2).
    UsageError
        The shapes use a SHACL construct the SPARQL compiler does not support.
    """
    opts = options or Options()
    if opts.engine != "pyshacl":
        return lint_store(layout, paths, options=opts, step=step)
    run = _collect(layout, paths, opts)
    ontology = run.graph(run.ontology_files)
    shapes_file = (
        must_parse(layout.shapes, max_bytes=opts.max_bytes) if layout.shapes.is_file() else None
    )
    shapes = run.graph([shapes_file]) if shapes_file else Graph()  # a copy: pySHACL gets its own
    if shapes_file and (opts.meta_shacl or run.files.shapes_given):
        run.found.extend(shapes_findings(shapes_file))  # (deduplicated when sorting)
    for f in run.data_files + run.ontology_files[1:]:
        run.found.extend(vocabulary_findings(f, ontology))
    everything = run.data_files + run.context
    data = run.graph(everything)
    located = run.data_files + run.ontology_files + run.context
    bad = {(d.focus, d.value) for d in run.found if d.kind == "literal"}
    shacl_data = data if paths is None else _neighbourhood(run)
    shacl = _shacl(run, shacl_data, shapes, ontology, located, shapes_file, opts.engine)
    # an ill-typed literal is reported once, by the literal check
    run.found.extend(d for d in shacl if (d.focus, d.value) not in bad)
    qc_files = run.ontology_files if run.files.qc_main else run.ontology_files[1:]
    run.found.extend(ontology_findings(qc_files, ontology))
    if opts.reasoner != "never":
        found, notices = reasoning_findings(ontology, data, located, dl=opts.dl)
        run.found.extend(found)
        run.notices.extend(notices)
    merged = ontology + data
    checks_dir = layout.queries_dir / "checks"
    run.found.extend(project_check_findings(checks_dir, merged, located))
    run.notices.extend(coverage_of(merged).notices())
    held, held_notes = offset_findings(merged, located, layout.root)
    run.found.extend(held)
    run.notices.extend(held_notes)
    run.found.extend(unused_term_warnings(qc_files, data, ontology))
    run.found.extend(advice_findings(data, ontology, located))
    context_files = {str(f.path) for f in run.context}
    kept = [d for d in run.found if d.file not in context_files]
    return LintResult(tuple(sort_diagnostics(kept)), tuple(run.files.checked), tuple(run.notices))


def _shacl(
    run: _Run,
    data: Graph,
    shapes: Graph,
    ontology: Graph,
    files: Sequence[Located],
    shapes_file: Located | None,
    engine: str,
) -> list[Diagnostic]:
    """SHACL findings; shapes the SPARQL compiler refuses run on pySHACL, the reference."""
    try:
        return shacl_findings(
            data,
            shapes=shapes,
            ontology=ontology,
            files=files,
            shapes_file=shapes_file,
            engine=engine,
        )
    except UsageError as exc:
        run.notices.append(f"SHACL ran on pySHACL: the shapes do not compile to SPARQL ({exc})")
        return shacl_findings(
            data,
            shapes=shapes,
            ontology=ontology,
            files=files,
            shapes_file=shapes_file,
            engine="pyshacl",
        )


__all__ = ["LintResult", "Options", "expand_paths", "lint"]
