"""``why``: every statement about an entity, with the evidence and reporting chain behind it.

Provenance in conflict-kg is recorded per statement (:mod:`kg.sparql.evidence`):
each statement ``S P O`` is backed by the quotations whose words state it, the
dataset records it comes from, or the curators' editorial inference. For each
quotation :func:`explain` gives the verbatim quote, its offsets in the held copy
of its document, the translation, the document it is quoted from and that
document's chain of reporting (``ckg:citesSource``); for each inference its
reason, date rule and inputs. ``explain(..., predicate=P, obj=O)`` keeps the
matching statements of ``S`` only.

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

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph

from kg.errors import UsageError
from kg.sparql.evidence import Inference, Query, evidence_for, inference
from kg.sparql.params import bind, expand_iri, term
from kg.sparql.results import SHORT_PREFIXES, short
from kg.sparql.rows import Results
from kg.sparql.run import local_store, run_local

Asker = Callable[[str], Results]
"""Runs a bound SELECT query and returns SPARQL JSON results."""

_PREFIXES = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
"""

_BY_LABEL = """SELECT DISTINCT ?entity WHERE {
  ?entity rdfs:label|skos:altLabel|skos:prefLabel ?label .
  FILTER (LCASE(STR(?label)) = LCASE(?text))
} ORDER BY ?entity"""

_OUT = """SELECT ?predicate ?object ?objectLabel WHERE {
  ?entity ?predicate ?object .
  OPTIONAL { ?object rdfs:label ?objectLabel FILTER (LANG(?objectLabel) = "en") }
} ORDER BY ?predicate ?object"""

_LABEL = """SELECT ?label WHERE {
  ?entity rdfs:label ?label FILTER (LANG(?label) = "en")
} ORDER BY ?label LIMIT 1"""

_IN = """SELECT ?subject ?predicate ?subjectLabel WHERE {
  ?subject ?predicate ?entity .
  FILTER (isIRI(?subject))
  OPTIONAL { ?subject rdfs:label ?subjectLabel FILTER (LANG(?subjectLabel) = "en") }
} ORDER BY ?subject ?predicate"""

_SOURCE = """SELECT ?sentence ?start ?end ?heldCopy ?quote ?translation ?document ?attributedTo
WHERE {
  ?quotation ?anything ?value .
  OPTIONAL { ?quotation ckg:sentenceIndex ?sentence }
  OPTIONAL { ?quotation ckg:startOffset ?start ; ckg:endOffset ?end }
  OPTIONAL { ?quotation prov:wasQuotedFrom/ckg:heldCopy ?heldCopy }
  OPTIONAL { ?quotation ckg:quote ?quote }
  OPTIONAL { ?quotation ckg:translation ?translation }
  OPTIONAL { ?quotation prov:wasQuotedFrom ?document }
  OPTIONAL { ?quotation ckg:attributedTo ?attributedTo }
} LIMIT 1"""

_CHAIN = """SELECT ?citing ?cited WHERE {
  ?document ckg:citesSource* ?citing .
  ?citing ckg:citesSource ?cited .
} ORDER BY ?citing ?cited"""


@dataclass
class Source:
    """A quotation (or a source document) that attests something."""

    iri: str
    sentence: str = ""
    start: str = ""
    end: str = ""
    held_copy: str = ""
    quote: str = ""
    translation: str = ""
    document: str = ""
    attributed_to: str = ""
    chain: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Explanation:
    """Everything said about an entity and the sources that say it."""

    entity: str
    label: str
    statements: list[dict[str, Any]]
    sources: dict[str, Source]
    inferences: dict[str, Inference] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "entity": self.entity,
            "label": self.label,
            "statements": self.statements,
            "sources": [
                vars(s) | {"chain": [list(c) for c in s.chain]} for s in self.sources.values()
            ],
            "inferences": [vars(i) for i in self.inferences.values()],
        }


def local_asker(graph: Graph) -> Asker:
    """An :data:`Asker` on an in-memory Oxigraph copy of ``graph``."""
    store = local_store(graph)
    return lambda text: run_local(text, store=store)


def _ask(ask: Asker, query: str, **values: str) -> list[dict[str, str]]:
    """Run ``query`` with ``values`` bound; literals keep their language as ``text @lang``."""
    bound = bind(_PREFIXES + query, values)
    rows = ask(bound)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} | _tagged(row) for row in rows]


def _tagged(row: dict[str, dict[str, str]]) -> dict[str, str]:
    return {f"{k}@": short(v) for k, v in row.items() if v.get("type") == "literal"}


def resolve(target: str, *, ask: Asker) -> str:
    """Return the IRI of ``target``: an IRI, a prefixed name, or a label (any language).

    Raises
    ------
    UsageError
        No entity has that label, or several do (they are listed).
    """
    looks_like_iri = target.startswith("<") or (":" in target and " " not in target)
    if looks_like_iri:
        try:
            return expand_iri(target, SHORT_PREFIXES)
        except UsageError:
            pass
    rows = _ask(ask, _BY_LABEL, text=term("string", target, {}))
    found = [r["entity"] for r in rows]
    if not found:
        raise UsageError(f"no entity is labelled {target!r}; give its IRI or another label")
    if len(found) > 1:
        names = ", ".join(short({"type": "uri", "value": f}) for f in found)
        raise UsageError(f"{target!r} is the label of {len(found)} entities: {names}; give one")
    return found[0]


def _source(ask: Asker, iri: str) -> Source:
    rows = _ask(ask, _SOURCE, quotation=f"<{iri}>")
    row = rows[0] if rows else {}
    source = Source(
        iri=iri,
        sentence=row.get("sentence", ""),
        start=row.get("start", ""),
        end=row.get("end", ""),
        held_copy=row.get("heldCopy", ""),
        quote=row.get("quote", ""),
        translation=row.get("translation", ""),
        document=row.get("document", "") or iri,
        attributed_to=row.get("attributedTo", ""),
    )
    chain = _ask(ask, _CHAIN, document=f"<{source.document}>")
    source.chain = _breadth_first(source.document, [(r["citing"], r["cited"]) for r in chain])
    return source


def _breadth_first(start: str, edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Order citation edges from ``start`` outwards (nearest reports first).

    Examples
    --------
    >>> _breadth_first("a", [("b", "c"), ("a", "b")])
    [('a', 'b'), ('b', 'c')]
    """
    ordered: list[tuple[str, str]] = []
    frontier, seen = [start], {start}
    while frontier:
        step = [e for e in edges if e[0] in frontier and e not in ordered]
        ordered.extend(step)
        frontier = [cited for _, cited in step if cited not in seen]
        seen.update(frontier)
    return ordered


def explain(
    target: str, *, ask: Asker, predicate: str | None = None, obj: str | None = None
) -> Explanation:
    """Collect the statements about ``target`` and their evidence.

    Parameters
    ----------
    target : str
        IRI, prefixed name (``id:moscow-talks-2020``) or label.
    ask : Asker
        Where to run the queries (:func:`local_asker` or an endpoint).
    predicate, obj : str, optional
        Keep only ``target``'s own statements with this predicate (IRI or
        prefixed name) and object (IRI, prefixed name or a literal's text).

    Raises
    ------
    UsageError
        ``target`` cannot be resolved, nothing is said about it, or no
        statement matches ``predicate``/``obj``.
    """
    entity = resolve(target, ask=ask)
    node = f"<{entity}>"
    out = [r for r in _ask(ask, _OUT, entity=node) if r["predicate"] not in _NOT_STATEMENTS]
    incoming = [] if predicate else _ask(ask, _IN, entity=node)
    if not out and not incoming:
        raise UsageError(f"nothing in the graph is about <{entity}>")
    if predicate:
        out = _matching(out, entity, predicate, obj)
    query = functools.partial(_ask, ask)
    statements = _outgoing(query, entity, out) + _incoming(query, entity, incoming)
    wanted = sorted({q for item in statements for q in item["evidence"]["quotations"]})
    sources = {iri: _source(ask, iri) for iri in wanted}
    inferred = sorted({i for item in statements for i in item["evidence"]["inferences"]})
    inferences = {iri: inference(query, iri) for iri in inferred}
    labels = _ask(ask, _LABEL, entity=node)
    label = labels[0]["label"] if labels else ""
    return Explanation(entity, label, statements, sources, inferences)


_NOT_STATEMENTS = {
    "https://w3id.org/conflict-kg/ontology#attestedBy",
}


def _matching(
    rows: list[dict[str, str]], entity: str, predicate: str, obj: str | None
) -> list[dict[str, str]]:
    """The rows of ``predicate`` (and ``obj``); a usage error when there are none."""
    wanted = expand_iri(predicate, SHORT_PREFIXES)
    kept = [r for r in rows if r["predicate"] == wanted]
    if obj is not None:
        try:
            value = expand_iri(obj, SHORT_PREFIXES)
        except UsageError:
            value = obj
        kept = [r for r in kept if value in (r["object"], r.get("object@"))]
    if not kept:
        shown = " ".join(x for x in (predicate, obj) if x is not None)
        raise UsageError(f"no statement <{entity}> {shown} in the graph")
    return kept


def _outgoing(query: Query, entity: str, rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    pairs = [(r["predicate"], r.get("object@") or r["object"]) for r in rows]
    found = []
    for row, ev in zip(rows, evidence_for(query, entity, pairs), strict=True):
        found.append(
            {
                "subject": entity,
                "predicate": row["predicate"],
                "object": row["object"],
                "objectText": row.get("object@", ""),
                "objectLabel": row.get("objectLabel", ""),
                "sources": ev.quotations + [r["record"] for r in ev.records],
                "evidence": ev.as_dict(),
            }
        )
    return found


def _incoming(query: Query, entity: str, rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    by_statement: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["subject"], row["predicate"])
        by_statement.setdefault(
            key,
            {
                "subject": row["subject"],
                "predicate": row["predicate"],
                "object": entity,
                "subjectLabel": row.get("subjectLabel", ""),
            },
        )
    for (subject, predicate), item in by_statement.items():
        (ev,) = evidence_for(query, subject, [(predicate, entity)])
        item["sources"] = ev.quotations + [r["record"] for r in ev.records]
        item["evidence"] = ev.as_dict()
    return [i for i in by_statement.values() if i["predicate"] not in _PROVENANCE_LINKS]


_PROVENANCE_LINKS = {
    "https://w3id.org/conflict-kg/ontology#statementSubject",
    "https://w3id.org/conflict-kg/ontology#statementObject",
}


__all__ = ["Asker", "Explanation", "Inference", "Source", "explain", "local_asker", "resolve"]
