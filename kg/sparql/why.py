"""``why``: every statement about an entity, with the quotations and reporting chain behind it.

Provenance in conflict-kg is recorded per instance (``ckg:attestedBy``), so a
statement ``S P O`` is backed by the quotations that attest ``S``. For each of
them :func:`explain` gives the verbatim quote, the translation, the document it
is quoted from and that document's chain of reporting (``ckg:citesSource``).

Examples
--------
>>> from rdflib import Graph
>>> ask = local_asker(Graph())
>>> explain("id:nowhere", ask=ask)
Traceback (most recent call last):
...
kg.errors.UsageError: nothing in the graph is about <https://w3id.org/conflict-kg/id/nowhere>
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph

from kg.errors import UsageError
from kg.sparql.lookup import Asker, ask_rows, resolve, resolve_match
from kg.sparql.run import local_store, run_local

_OUT = """SELECT ?predicate ?object ?objectLabel WHERE {
  ?entity ?predicate ?object .
  OPTIONAL { ?object rdfs:label ?objectLabel FILTER (LANG(?objectLabel) = "en") }
} ORDER BY ?predicate ?object"""

_LABEL = """SELECT ?label WHERE {
  ?entity rdfs:label ?label FILTER (LANG(?label) = "en")
} ORDER BY ?label LIMIT 1"""

_IN = """SELECT ?subject ?predicate ?subjectLabel ?quotation WHERE {
  ?subject ?predicate ?entity .
  OPTIONAL { ?subject rdfs:label ?subjectLabel FILTER (LANG(?subjectLabel) = "en") }
  OPTIONAL { ?subject ckg:attestedBy ?quotation }
} ORDER BY ?subject ?predicate ?quotation"""

_SOURCE = """SELECT ?sentence ?quote ?translation ?document ?attributedTo ?label ?url WHERE {
  ?quotation ?anything ?value .
  OPTIONAL { ?quotation rdfs:label ?label FILTER (LANG(?label) = "en") }
  OPTIONAL { ?quotation schema:url ?url }
  OPTIONAL { ?quotation ckg:sentenceIndex ?sentence }
  OPTIONAL { ?quotation ckg:quote ?quote }
  OPTIONAL { ?quotation ckg:translation ?translation }
  OPTIONAL { ?quotation prov:wasQuotedFrom ?document }
  OPTIONAL { ?quotation ckg:attributedTo ?attributedTo }
} LIMIT 1"""

_RECORDED = """SELECT ?entity ?label ?date WHERE {
  ?entity ckg:attestedBy ?quotation ; a ckg:Agreement .
  OPTIONAL { ?entity rdfs:label ?label FILTER (LANG(?label) = "en") }
  OPTIONAL { ?entity ckg:date ?date }
} ORDER BY ?entity LIMIT 20"""

_CHAIN = """SELECT DISTINCT ?citing ?cited WHERE {
  ?document ckg:citesSource* ?citing .
  ?citing ckg:citesSource ?cited .
} ORDER BY ?citing ?cited"""


@dataclass
class Source:
    """A quotation (or a source document) that attests something."""

    iri: str
    sentence: str = ""
    quote: str = ""
    translation: str = ""
    document: str = ""
    attributed_to: str = ""
    chain: list[tuple[str, str]] = field(default_factory=list)
    label: str = ""
    url: str = ""
    records: list[dict[str, str]] = field(default_factory=list)
    """What a database record (a PA-X row) records: ``iri``, ``label``, ``date`` each."""


@dataclass
class Explanation:
    """Everything said about an entity and the sources that say it."""

    entity: str
    label: str
    statements: list[dict[str, Any]]
    sources: dict[str, Source]
    note: str = ""
    """How ``target`` was matched when no label equals it (for the CLI to show)."""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "entity": self.entity,
            "label": self.label,
            "note": self.note,
            "statements": self.statements,
            "sources": [
                vars(s) | {"chain": [list(c) for c in s.chain]} for s in self.sources.values()
            ],
        }


def local_asker(graph: Graph) -> Asker:
    """An :data:`Asker` on an in-memory Oxigraph copy of ``graph``."""
    store = local_store(graph)
    return lambda text: run_local(text, store=store)


def _source(ask: Asker, iri: str) -> Source:
    rows = ask_rows(ask, _SOURCE, quotation=f"<{iri}>")
    row = rows[0] if rows else {}
    source = Source(
        iri=iri,
        sentence=row.get("sentence", ""),
        quote=row.get("quote", ""),
        translation=row.get("translation", ""),
        document=row.get("document", "") or iri,
        attributed_to=row.get("attributedTo", ""),
        label=row.get("label", ""),
        url=row.get("url", ""),
    )
    source.records = [
        {"iri": r["entity"], "label": r.get("label", ""), "date": r.get("date", "")}
        for r in ask_rows(ask, _RECORDED, quotation=f"<{iri}>")
    ]
    chain = ask_rows(ask, _CHAIN, document=f"<{source.document}>")
    source.chain = _breadth_first(source.document, [(r["citing"], r["cited"]) for r in chain])
    return source


def _key(row: dict[str, str], *names: str) -> tuple[str, ...]:
    return tuple(part for name in names for part in (row.get(name, ""), row.get(f"{name}@", "")))


def _breadth_first(start: str, edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Order citation edges from ``start`` outwards (nearest reports first).

    Examples
    --------
    >>> _breadth_first("a", [("b", "c"), ("a", "b"), ("b", "c")])
    [('a', 'b'), ('b', 'c')]
    """
    ordered: list[tuple[str, str]] = []
    frontier, seen = [start], {start}
    edges = list(dict.fromkeys(edges))  # a store may repeat an edge (Virtuoso 7 did)
    while frontier:
        step = [e for e in edges if e[0] in frontier and e not in ordered]
        ordered.extend(step)
        frontier = [cited for _, cited in step if cited not in seen]
        seen.update(frontier)
    return ordered


def explain(target: str, *, ask: Asker) -> Explanation:
    """Collect the statements about ``target`` and their sources.

    Parameters
    ----------
    target : str
        IRI, prefixed name (``id:moscow-talks-2020``) or label.
    ask : Asker
        Where to run the queries (:func:`local_asker` or an endpoint).

    Raises
    ------
    UsageError
        ``target`` cannot be resolved, or nothing is said about it.
    """
    entity, note = resolve_match(target, ask=ask)
    node = f"<{entity}>"
    # sorted here: SPARQL leaves the order of literals in different languages to the store
    out = sorted(ask_rows(ask, _OUT, entity=node), key=lambda r: _key(r, "predicate", "object"))
    incoming = sorted(
        ask_rows(ask, _IN, entity=node), key=lambda r: _key(r, "subject", "predicate")
    )
    if not out and not incoming:
        raise UsageError(f"nothing in the graph is about <{entity}>")
    attesting = sorted({r["object"] for r in out if r["predicate"].endswith("#attestedBy")})
    statements: list[dict[str, Any]] = []
    for row in out:
        if row["predicate"].endswith("#attestedBy"):
            continue
        statements.append(
            {
                "subject": entity,
                "predicate": row["predicate"],
                "object": row["object"],
                "objectText": row.get("object@", ""),
                "objectLabel": row.get("objectLabel", ""),
                "sources": attesting,
            }
        )
    by_statement: dict[tuple[str, str], dict[str, Any]] = {}
    for row in incoming:
        key = (row["subject"], row["predicate"])
        item = by_statement.setdefault(
            key,
            {
                "subject": row["subject"],
                "predicate": row["predicate"],
                "object": entity,
                "subjectLabel": row.get("subjectLabel", ""),
                "sources": [],
            },
        )
        if row.get("quotation") and row["quotation"] not in item["sources"]:
            item["sources"].append(row["quotation"])
    statements.extend(by_statement.values())
    wanted = sorted({s for item in statements for s in item["sources"]})
    sources = {iri: _source(ask, iri) for iri in wanted}
    labels = ask_rows(ask, _LABEL, entity=node)
    label = labels[0]["label"] if labels else ""
    return Explanation(entity, label, statements, sources, note=note)


__all__ = ["Asker", "Explanation", "Source", "explain", "local_asker", "resolve", "resolve_match"]
