"""Project checks written as SPARQL: ``queries/checks/*-violation.rq``.

Each query must return no rows; every row it returns is a violation. The
query's first header comment line is the message shown for it. Rows should
bind ``?focus`` and may bind ``?property`` and ``?value``; they are mapped to
the file and line of the triple ``?focus ?property ?value`` (or where
``?focus`` is described).

Examples
--------
>>> header_message("# No two actors share a label.\\n# more\\nSELECT * {}")
'No two actors share a label.'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.shacl.reference import label_of
from kg.errors import LoadError
from kg.read.linemap import Located, column_of, find_line
from kg.read.names import short_text
from kg.read.store import from_rdflib, select, solution_term

SUFFIX = "-violation.rq"


def header_message(query: str) -> str:
    """The first line of the query's leading comment, without ``#``."""
    for line in query.split("\n"):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        text = stripped.lstrip("#").strip()
        if text:
            return text
    return "project check failed"


def check_files(folder: Path) -> list[Path]:
    """The ``*-violation.rq`` files of ``folder``, sorted (none if it does not exist)."""
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def run_check(
    query_file: Path, graph: Graph, files: Sequence[Located], *, store: ox.Store | None = None
) -> list[Diagnostic]:
    """Run one check over ``graph`` (ontology + data); one diagnostic per row.

    With ``store`` (a copy of ``graph``), the query runs on Oxigraph: the same
    answers, without rdflib's per-row evaluation of MINUS and NOT EXISTS.
    """
    if store is not None:
        bound_rows = [(r.focus, r.property, r.value) for r in store_check_rows(query_file, store)]
        query = query_file.read_text(encoding="utf-8")
    else:
        query = query_file.read_text(encoding="utf-8")
        try:
            rows = list(graph.query(query))
        except Exception as exc:  # noqa: BLE001 - a broken check query is a project error
            raise LoadError(query_file, f"project check query failed: {exc}") from None
        bound_rows = []
        for row in rows:
            bound = row.asdict()  # type: ignore[union-attr]
            bound_rows.append((bound.get("focus"), bound.get("property"), bound.get("value")))
    message = header_message(query)
    code = query_file.name[: -len(SUFFIX)]
    found = []
    for focus, prop, value in bound_rows:
        where = find_line(files, focus, prop, value) if focus is not None else None
        found.append(
            Diagnostic(
                kind="check",
                code=code,
                severity=ERROR,
                message=message,
                file=str(where[0]) if where else None,
                line=where[1] if where else None,
                column=column_of(files, str(where[0]), where[1], value, prop) if where else None,
                focus=str(focus) if focus is not None else None,
                focus_label=_label(graph, focus),
                property=short_text(graph, prop),
                value=short_text(graph, value),
                source=str(query_file),
                hint=f"See {query_file.name} for what the check looks for.",
            )
        )
    return found


def _label(graph: Graph, node: Node | None) -> str | None:
    if not isinstance(node, URIRef):
        return None
    label = label_of(graph, node)
    return None if label == str(node) else label


def project_check_findings(
    folder: Path, graph: Graph, files: Sequence[Located]
) -> list[Diagnostic]:
    """Run every ``*-violation.rq`` in ``folder``.

    Examples
    --------
    >>> project_check_findings(Path("/nonexistent"), Graph(), [])
    []
    """
    found: list[Diagnostic] = []
    queries = check_files(folder)
    store = from_rdflib(graph) if queries else None
    for query_file in queries:
        found.extend(run_check(query_file, graph, files, store=store))
    return found


class CheckRow(NamedTuple):
    """One row of a project check run on a store, before it is located."""

    query_file: Path
    code: str
    message: str
    focus: Node | None
    property: Node | None
    value: Node | None


def store_check_rows(
    query_file: Path,
    store: ox.Store,
    graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None,
) -> list[CheckRow]:
    """Run one check on an Oxigraph store (the union of ``graphs`` as its default graph).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     q = Path(d) / "x-violation.rq"
    ...     _ = q.write_text("# Nothing.\\nSELECT ?focus WHERE { ?focus ?p ?o }")
    ...     store_check_rows(q, ox.Store())
    []
    """
    query = query_file.read_text(encoding="utf-8")
    message, code = header_message(query), query_file.name[: -len(SUFFIX)]
    try:
        rows = list(select(store, query, default_graph=graphs))
    except (SyntaxError, OSError, TypeError) as exc:  # a broken check query is a project error
        raise LoadError(query_file, f"project check query failed: {exc}") from None
    out = []
    for row in rows:
        bound = [solution_term(row, name) for name in ("focus", "property", "value")]
        out.append(CheckRow(query_file, code, message, *bound))
    return out


__all__ = [
    "CheckRow",
    "check_files",
    "header_message",
    "project_check_findings",
    "run_check",
    "store_check_rows",
]
