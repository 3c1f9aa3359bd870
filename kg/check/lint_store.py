"""The checker of every command: the project loaded into Oxigraph and checked there.

The checked data files and the project's context data are bulk-loaded into one
Oxigraph store (the ontology goes into a named graph of it), and no rdflib graph
of the data is built. Syntax, literal and vocabulary checks, SHACL (the shapes
compiled to SPARQL, :func:`kg.check.shacl.sparql.validate_fast`), the project's SPARQL
checks, ontology QC of the ontology files and the unused-term warnings run on it,
with the same diagnostics as the rich path (:func:`kg.check.lint.lint`). Findings are
then located by reading each file once (:class:`kg.check.lint_locate.Locator`), only
for the subjects that have a finding. OWL reasoning and the advice warnings run on an
rdflib copy of the data when it is small enough (:data:`kg.check.options.RICH_LIMIT`;
a notice says when they were skipped). ``validate`` reports the findings; ``build``,
``serve`` and ``publish`` go on with the checked store (:func:`check_store_project`).

Examples
--------
>>> from kg.read.resources import find_layout
>>> result = lint_store(find_layout(), ["big.nt"])  # doctest: +SKIP
>>> result.errors  # doctest: +SKIP
0
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.check.diagnostic import ERROR, Diagnostic, sort_diagnostics
from kg.check.filecheck import check_size, store_syntax_error, vocabulary_findings
from kg.check.files import ProjectFiles, classify, must_parse
from kg.check.findingcache import Inputs, inputs_of
from kg.check.graph_checks import GraphChecks, finish_graph_checks, start_graph_checks
from kg.check.heldtext import offset_rows, provenance_notices
from kg.check.knock_on import hold_back
from kg.check.lint_locate import merged_names
from kg.check.lint_rows import (
    Pending,
    check_rows,
    literal_rows,
    shacl_rows,
    used_in_store,
    vocabulary_rows,
)
from kg.check.options import LintResult, Options
from kg.check.placing import place
from kg.check.projectchecks import check_files, store_check_rows
from kg.check.qc import ontology_findings, unused_term_warnings
from kg.check.shacl.results import shapes_findings
from kg.check.shacl.sparql import ONTOLOGY_GRAPH, validate_fast
from kg.check.store_checks import UsedTerms
from kg.errors import LoadError, UsageError
from kg.read.lifetime import done_with
from kg.read.linemap import Located
from kg.read.load import _raw_literals
from kg.read.resources import Layout
from kg.read.store import load_file, to_ox_quad

Step = Callable[[str, int, int], None]
"""``step(what, done, total)``: progress of the long steps (load, SHACL queries)."""

SKIPPED = (
    "OWL 2 RL/DL reasoning and the advice warnings (missing-label-en, missing-label-id, "
    "unreachable) were not run"
)


@dataclass(frozen=True)
class CheckedProject:
    """What a check leaves: the findings and, unless a file failed to parse, the store.

    ``store`` holds the data in its default graph and the ontology in
    :data:`~kg.check.shacl.sparql.ONTOLOGY_GRAPH`; ``ontology`` is the merged ontology.
    """

    result: LintResult
    store: ox.Store | None
    ontology: Graph


def _load(
    store: ox.Store, files: ProjectFiles, opts: Options, step: Step | None
) -> list[Diagnostic]:
    """Load the data files and the context (each whole or not at all) into the in-memory
    ``store``: transactional loads, which are faster there than the bulk loader and leave
    a smaller store that answers faster (:func:`kg.read.store.load_file`)."""
    errors = []
    for n, path in enumerate(files.data):
        if step is not None:
            step(f"loading {path}", n, len(files.data))
        try:
            load_file(store, path, bulk=False)
        except LoadError as err:
            errors.append(store_syntax_error(err))
    for path in files.context:
        check_size(path, opts.max_bytes)
        with contextlib.suppress(LoadError):  # the rich path ignores a broken context file too
            load_file(store, path, bulk=False)
    return errors


def lint_store(
    layout: Layout,
    paths: Sequence[str | Path] | None = None,
    *,
    options: Options | None = None,
    step: Step | None = None,
) -> LintResult:
    """Run every check on the store; see the module docstring.

    Parameters
    ----------
    layout : Layout
    paths : sequence of path, optional
        As :func:`kg.check.lint.lint`.
    options : Options, optional
    step : callable, optional
        Progress of the long steps.

    Raises
    ------
    LoadError
        As :func:`kg.check.lint.lint` (exit 2).
    """
    checked = check_store_project(layout, paths, options=options, step=step)
    done_with(checked.store)  # the command line leaves it to its exit (kg.read.lifetime)
    return checked.result


def check_store_project(
    layout: Layout,
    paths: Sequence[str | Path] | None = None,
    *,
    options: Options | None = None,
    step: Step | None = None,
    loaded: Callable[[ox.Store], None] | None = None,
    loading: Callable[[Sequence[Path]], None] | None = None,
) -> CheckedProject:
    """:func:`lint_store`, keeping the checked store for the command that goes on with it.

    ``loaded(store)``, when given, is called once the data files are in the store
    and parsed without error, before any check reads it (``build`` starts writing
    its kept store there, :class:`kg.outputs.keeping.Keeping`). ``loading(paths)``,
    when given, is called with the data files just before they are loaded, when
    they are all the store will hold (no context files): a second reader of the
    same files may then start at once (:meth:`kg.outputs.keeping.Keeping.load_files`).
    """
    opts = options or Options()
    ontology_file = must_parse(layout.ontology, max_bytes=opts.max_bytes)
    if layout.shapes.is_file():
        # exit 2 before loading anything (parse_file caches the parse for _checks)
        must_parse(layout.shapes, max_bytes=opts.max_bytes)
    files = classify(layout, paths, max_bytes=opts.max_bytes, context=opts.context)
    modules = [ontology_file, *files.modules]
    inputs = _graph_inputs(files, modules, opts)  # read before loading: see Inputs.unchanged
    store = ox.Store()
    if loading is not None and not files.context:
        loading(files.data)
    syntax = _load(store, files, opts, step)
    if loaded is not None and not syntax:
        loaded(store)
    with _raw_literals():  # lexical forms as written, and no rdflib warnings about them
        found, notices, ontology = _checks(
            store, files, layout, opts, modules, step, None if syntax else inputs
        )
    context = {str(p) for p in files.context}
    kept = [d for d in found if d.file not in context]
    if syntax:  # the files that parse are checked; what may follow from the others is held
        kept, held = hold_back(kept, sorted({Path(d.file) for d in syntax if d.file}))
        kept += syntax
        notices = held + notices
    else:  # statement coverage and held texts: of a whole graph only
        notices += provenance_notices(store, [ox.DefaultGraph(), ONTOLOGY_GRAPH], layout.root)
    result = LintResult(tuple(sort_diagnostics(kept)), tuple(files.checked), tuple(notices))
    return CheckedProject(result, None if syntax else store, ontology)


def _checks(
    store: ox.Store,
    files: ProjectFiles,
    layout: Layout,
    opts: Options,
    ontology_files: list[Located],
    step: Step | None,
    inputs: Inputs | None = None,
) -> tuple[list[Diagnostic], list[str], Graph]:
    """Every check on the loaded ``store``: the findings located, the notices, the ontology.

    ``inputs`` (None after a syntax error) are the files the store was read from, with
    which the graph checks keep their findings (:mod:`kg.check.findingcache`).
    """
    say = step or (lambda what, done, total: None)
    ontology = merged_names([f.graph for f in ontology_files])
    for f in ontology_files:
        ontology += f.graph
    found = list(files.found)
    for module in files.modules:
        found.extend(vocabulary_findings(module, ontology))
    started, notices = _start_graph_checks(store, files, opts, ontology, inputs)
    try:
        more, pending = _store_checks(store, files, layout, opts, ontology_files, ontology, say)
        found += more
        say("reasoning and advice", 0, 1)
        rich, reasoned = finish_graph_checks(started)
    finally:  # HermiT stopped if a check failed
        if started is not None and started.dl_run is not None:
            started.dl_run.cancel()
    pending += rich
    notices += reasoned
    say(f"locating {len(pending)} findings", 0, 1)
    return found + place(pending, files, layout, store, ontology), notices, ontology


def _store_checks(
    store: ox.Store,
    files: ProjectFiles,
    layout: Layout,
    opts: Options,
    ontology_files: list[Located],
    ontology: Graph,
    say: Step,
) -> tuple[list[Diagnostic], list[Pending]]:
    """SHACL, literal, vocabulary, project and ontology checks: findings and pending ones."""
    found: list[Diagnostic] = []
    shapes_file = (
        must_parse(layout.shapes, max_bytes=opts.max_bytes) if layout.shapes.is_file() else None
    )
    if shapes_file is not None and (opts.meta_shacl or files.shapes_given):
        found.extend(shapes_findings(shapes_file))
    shapes = shapes_file.graph if shapes_file is not None else Graph()
    graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
        ox.DefaultGraph(),
        ONTOLOGY_GRAPH,
    ]
    ontology_store(store, ontology)  # before any query reads it: nothing writes after this
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # Oxigraph frees the GIL
        # the scans of the data and the project checks run beside the SHACL queries (which
        # have their own threads), the longest first, so that no core waits for the last
        scanned = pool.submit(_scanned_rows, store, ontology)
        checks = [
            pool.submit(store_check_rows, q, store, graphs)
            for q in check_files(layout.queries_dir / "checks")
        ]
        used = pool.submit(used_in_store, store, ontology)
        try:
            fast = validate_fast(
                store, shapes=shapes, graphs=graphs, progress=lambda d, t: say("SHACL", d, t)
            )
        except UsageError as exc:
            fast = []
            found += _uncompiled(exc, shapes_file)
            if shapes_file is not None and not (opts.meta_shacl or files.shapes_given):
                found += shapes_findings(shapes_file)
        say("literals, vocabulary and project checks", 0, 1)
        pending = scanned.result()
        bad = {(str(p.s), str(p.o)) for p in pending if p.kind == "literal"}
        pending += [p for p in shacl_rows(fast, shapes) if (str(p.s), str(p.o)) not in bad]
        for check in checks:
            pending += check_rows(check.result())
        pending += check_rows(offset_rows(store, graphs, layout.root)[0])
        qc_files = ontology_files if files.qc_main else ontology_files[1:]
        found += ontology_findings(qc_files, ontology)
        found += unused_term_warnings(qc_files, None, ontology, used=used.result())
    return found, pending


def _scanned_rows(store: ox.Store, ontology: Graph) -> list[Pending]:
    """The literal and vocabulary findings, from one scan of the store (:class:`UsedTerms`)."""
    used = UsedTerms.of(store)
    return literal_rows(store, used=used) + vocabulary_rows(store, ontology, used=used)


def _graph_inputs(files: ProjectFiles, modules: list[Located], opts: Options) -> Inputs | None:
    """The files the graph checks will read, as they are before loading (None: no such checks)."""
    size = sum(p.stat().st_size for p in files.data)
    if size > opts.rich_limit and opts.reasoner != "always":
        return None
    return inputs_of(modules, files.data, files.context)


def _start_graph_checks(
    store: ox.Store, files: ProjectFiles, opts: Options, ontology: Graph, inputs: Inputs | None
) -> tuple[GraphChecks | None, list[str]]:
    """OWL reasoning and advice when the checked data is small (or ``--reasoner always``):
    started before the other checks, so that HermiT's JVM starts meanwhile."""
    size = sum(p.stat().st_size for p in files.data)
    small = size <= opts.rich_limit
    always = opts.reasoner == "always"
    reasoner = always or (small and opts.reasoner == "auto")
    started = start_graph_checks(
        store, ontology, reasoner=reasoner, advice=small or always, dl=opts.dl, inputs=inputs
    )
    notices = []
    if not (small or always):
        mib = f"{size / 2**20:.1f} MiB, more than {opts.rich_limit / 2**20:g} MiB"
        notices.append(f"{SKIPPED}: the checked files hold {mib} (--reasoner always runs them)")
    return started, notices


def _uncompiled(exc: UsageError, shapes_file: Located | None) -> list[Diagnostic]:
    return [
        Diagnostic(
            kind="shacl",
            code="invalid-shapes",
            severity=ERROR,
            message=f"SHACL validation could not run: {exc}",
            file=str(shapes_file.path) if shapes_file else None,
            source="SHACL-SPARQL compiler",
            hint="Fix the shapes (or run --engine pyshacl, where pySHACL checks them); "
            "the data was not SHACL-checked.",
        )
    ]


def ontology_store(store: ox.Store, ontology: Graph) -> None:
    """Put ``ontology`` into the store's ontology graph (as :func:`validate_fast` does)."""
    if store.contains_named_graph(ONTOLOGY_GRAPH):
        store.clear_graph(ONTOLOGY_GRAPH)
    store.extend(to_ox_quad(t, ONTOLOGY_GRAPH) for t in ontology)


__all__ = ["SKIPPED", "CheckedProject", "check_store_project", "lint_store"]
