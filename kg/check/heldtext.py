"""Quotation offsets against the held copy of their document (code ``quotation-offset``).

A quotation records where it sits in the held copy of its document
(``ckg:startOffset``, ``ckg:endOffset``: ``text[start:end]`` is the quote). The
shapes check that the span is as long as the quote; this check reads the held
copy (:mod:`kg.read.heldcopy`) and reports an offset outside the text, or a
span whose text is not the quote. A held copy the project does not have (a
fresh clone without ``../shared``) is named in a notice instead.

Examples
--------
>>> import pyoxigraph as ox
>>> from pathlib import Path
>>> offset_rows(ox.Store(), None, Path("/nonexistent"))
([], [])
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg import CKG
from kg.check.coverage import coverage_of_store
from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.projectchecks import CheckRow
from kg.read.heldcopy import held_copy_dirs, read_held_copy
from kg.read.linemap import Located, column_of, find_line
from kg.read.store import from_rdflib, select

CODE = "quotation-offset"
SOURCE = Path(__file__)

QUOTATIONS = """
PREFIX ckg:  <https://w3id.org/conflict-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?quotation ?quote ?start ?end ?heldCopy WHERE {
  ?quotation ckg:startOffset ?start ; ckg:endOffset ?end ; ckg:quote ?quote ;
      prov:wasQuotedFrom ?document .
  ?document ckg:heldCopy ?heldCopy .
} ORDER BY ?quotation
"""

Graphs = list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None


def _problem(text: str, quote: str, start: int, end: int) -> str | None:
    if not 0 <= start <= end <= len(text):
        return f"the offsets {start}-{end} lie outside the held copy ({len(text)} characters)"
    if text[start:end] != quote:
        return (
            f"the held copy has \u201c{text[start:end][:60]}\u201d at {start}-{end}, not the quote"
        )
    return None


def offset_rows(store: ox.Store, graphs: Graphs, root: Path) -> tuple[list[CheckRow], list[str]]:
    """Rows for quotations whose offsets do not match their held copy, and notices."""
    rows, missing, texts = [], set(), {}
    for row in select(store, QUOTATIONS, default_graph=graphs):
        name = row["heldCopy"].value
        if name not in texts:
            texts[name] = read_held_copy(root, name)
        text = texts[name]
        if text is None:
            missing.add(name)
            continue
        try:
            start, end = int(row["start"].value), int(row["end"].value)
        except ValueError:
            continue  # not an integer: the literal check reports it
        problem = _problem(text, row["quote"].value, start, end)
        if problem:
            quotation = URIRef(row["quotation"].value)
            value = Literal(end)
            message = f"Quotation offsets do not match its held copy {name}: {problem}."
            rows.append(CheckRow(SOURCE, CODE, message, quotation, CKG.endOffset, value))
    where = " or ".join(str(d) for d in held_copy_dirs(root))
    notes = [f"held copy {n} not found in {where}: offsets not checked" for n in sorted(missing)]
    return rows, notes


def provenance_notices(store: ox.Store, graphs: Graphs, root: Path) -> tuple[str, ...]:
    """The store path's notes on provenance: statement coverage, held copies not found."""
    return (*coverage_of_store(store, graphs).notices(), *offset_rows(store, graphs, root)[1])


def offset_findings(
    graph: Graph, files: list[Located], root: Path
) -> tuple[list[Diagnostic], list[str]]:
    """:func:`offset_rows` on an rdflib graph, as located diagnostics (the full path)."""
    rows, notes = offset_rows(from_rdflib(graph), None, root)
    found = []
    for r in rows:
        where = find_line(files, r.focus, r.property, None)
        found.append(
            Diagnostic(
                kind="check",
                code=CODE,
                severity=ERROR,
                message=r.message,
                file=str(where[0]) if where else None,
                line=where[1] if where else None,
                column=column_of(files, str(where[0]), where[1], r.value, r.property)
                if where
                else None,
                focus=str(r.focus),
                property="ckg:endOffset",
                value=str(r.value),
                source=str(SOURCE),
                hint="Recompute the offsets from the held copy (as conflict-kg add-source does).",
            )
        )
    return found, notes


__all__ = ["CODE", "QUOTATIONS", "offset_findings", "offset_rows", "provenance_notices"]
