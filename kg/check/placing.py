"""Place the checker's findings: each pending row located in its file and made a diagnostic.

The checks (:mod:`kg.check.lint_store`) find rows in the store; here each row's
subject, triple or value is found where it is written (:class:`kg.check.lint_locate.Locator`,
one read of each file, only for the subjects that have a finding) and the row
becomes a :class:`~kg.check.diagnostic.Diagnostic` at ``file:line:col``, named
with the prefixes of the file it is in.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.check.diagnostic import Diagnostic
from kg.check.files import ProjectFiles, shown
from kg.check.lint_locate import Locator, Where, merged_names, names_for, search
from kg.check.lint_rows import Names, Pending
from kg.read.resources import Layout


def _where(p: Pending, locator: Locator, data: list[Path]) -> Where | None:
    where = None
    if p.mode == "triple" and p.p is not None:
        where = locator.triple(p.s, p.p, p.o)
    elif p.mode == "shacl":
        where = locator.where(p.s, p.p, p.o)
    elif p.mode == "check":
        exact = p.p is not None and p.o is not None
        triple = locator.triple(p.s, p.p, p.o) if exact and p.p is not None else None
        where = triple or locator.subject(p.s)
    if where is None and p.mode != "none" and not isinstance(p.s, URIRef) and p.o is not None:
        where = search(data, p.o)  # a blank node: where its value is written
    return where


def place(
    pending: list[Pending], files: ProjectFiles, layout: Layout, store: ox.Store, ontology: Graph
) -> list[Diagnostic]:
    """Locate every pending finding and turn it into a diagnostic.

    No file is read when there is none: at 10^6 triples, reading the data file
    for its prefixes alone takes 1 s.

    Examples
    --------
    >>> place([], None, None, None, None)  # type: ignore[arg-type]
    []
    """
    if not pending:
        return []
    modules = [f.path for f in files.modules]
    located = [*files.data, *modules, shown(layout.ontology), *files.context]
    subjects = {str(p.s) for p in pending if isinstance(p.s, URIRef)}
    locator = Locator(located, subjects)
    per_file = {path: names_for(locator.namespaces(path)) for path in located}
    data_names = merged_names([per_file[p] for p in files.data])
    names: Names = {"data": data_names, "checks": merged_names([ontology, data_names])}
    out = []
    for p in pending:
        where = _where(p, locator, files.data)
        names["file"] = per_file.get(where.path) if where else None
        diagnostic = p.make(names, store)
        if where is not None:
            column = locator.column(where, *p.columns) if p.columns else where.column
            diagnostic = replace(diagnostic, file=str(where.path), line=where.line, column=column)
        out.append(diagnostic)
    return out


__all__ = ["place"]
