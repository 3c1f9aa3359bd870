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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import UsageError
from kg.sparql.evidence import Inference, Query, evidence_for, inference
from kg.sparql.lookup import Asker, ask_rows, resolve, resolve_match
from kg.sparql.params import expand_iri
from kg.sparql.results import SHORT_PREFIXES
from kg.sparql.run import local_store, run_local

if TYPE_CHECKING:  # rdflib only for a caller that has an rdflib graph
    from rdflib import Graph

# A label is the English one, else the one label of an agreement named only in another
# language, else a concept's English skos:prefLabel (PA-X's stages, types, statuses);
# each bound through a variable of its own and COALESCE, as in the library's queries
# (queries/README.md, rule 6): a second OPTIONAL into the same variable gives Virtuoso
# duplicate rows.
_OUT = """SELECT ?predicate ?object ?objectLabel WHERE {
  ?entity ?predicate ?object .
  OPTIONAL { ?object rdfs:label ?objectEnglish FILTER (LANG(?objectEnglish) = "en") }
  OPTIONAL { ?object rdfs:label ?objectOwnName FILTER NOT EXISTS {
    ?object rdfs:label ?objectOther FILTER (LANGMATCHES(LANG(?objectOther), "en")) } }
  OPTIONAL { ?object skos:prefLabel ?objectConcept FILTER (LANG(?objectConcept) = "en") }
  BIND (COALESCE(?objectEnglish, ?objectOwnName, ?objectConcept) AS ?objectLabel)
} ORDER BY ?predicate ?object"""

_LABEL = """SELECT ?label WHERE {
  ?entity rdfs:label ?label
} ORDER BY (IF(LANGMATCHES(LANG(?label), "en"), 0, 1)) STR(?label) LIMIT 1"""

_IN = """SELECT ?subject ?predicate ?subjectLabel WHERE {
  ?subject ?predicate ?entity .
  FILTER (isIRI(?subject))
  OPTIONAL { ?subject rdfs:label ?subjectEnglish FILTER (LANG(?subjectEnglish) = "en") }
  OPTIONAL { ?subject rdfs:label ?subjectOwnName FILTER NOT EXISTS {
    ?subject rdfs:label ?subjectOther FILTER (LANGMATCHES(LANG(?subjectOther), "en")) } }
  BIND (COALESCE(?subjectEnglish, ?subjectOwnName) AS ?subjectLabel)
} ORDER BY ?subject ?predicate"""

_SOURCE = """SELECT ?sentence ?start ?end ?heldCopy ?quote ?translation ?document ?attributedTo
  ?label ?url
WHERE {
  ?quotation ?anything ?value .
  OPTIONAL { ?quotation rdfs:label ?label FILTER (LANG(?label) = "en") }
  OPTIONAL { ?quotation schema:url ?url }
  OPTIONAL { ?quotation ckg:sentenceIndex ?sentence }
  OPTIONAL { ?quotation ckg:startOffset ?start ; ckg:endOffset ?end }
  OPTIONAL { ?quotation prov:wasQuotedFrom/ckg:heldCopy ?heldCopy }
  OPTIONAL { ?quotation ckg:quote ?quote }
  OPTIONAL { ?quotation ckg:translation ?translation }
  OPTIONAL { ?quotation prov:wasQuotedFrom ?document }
  OPTIONAL { ?quotation ckg:attributedTo ?attributedTo }
} LIMIT 1"""

_RECORDED = """SELECT ?entity ?label ?date WHERE {
  ?entity ckg:attestedBy ?quotation ; a ckg:Agreement .
  OPTIONAL { ?entity rdfs:label ?entityEnglish FILTER (LANG(?entityEnglish) = "en") }
  OPTIONAL { ?entity rdfs:label ?entityOwnName FILTER NOT EXISTS {
    ?entity rdfs:label ?entityOther FILTER (LANGMATCHES(LANG(?entityOther), "en")) } }
  BIND (COALESCE(?entityEnglish, ?entityOwnName) AS ?label)
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
    start: str = ""
    end: str = ""
    held_copy: str = ""
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
    inferences: dict[str, Inference] = field(default_factory=dict)
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
            "inferences": [vars(i) for i in self.inferences.values()],
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
        start=row.get("start", ""),
        end=row.get("end", ""),
        held_copy=row.get("heldCopy", ""),
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
    entity, note = resolve_match(target, ask=ask)
    node = f"<{entity}>"
    # sorted here: SPARQL leaves the order of literals in different languages to the store
    rows = sorted(ask_rows(ask, _OUT, entity=node), key=lambda r: _key(r, "predicate", "object"))
    out = [r for r in rows if r["predicate"] not in _NOT_STATEMENTS]
    incoming = (
        []
        if predicate
        else sorted(ask_rows(ask, _IN, entity=node), key=lambda r: _key(r, "subject", "predicate"))
    )
    if not out and not incoming:
        raise UsageError(f"nothing in the graph is about <{entity}>")
    if predicate:
        out = _matching(out, entity, predicate, obj)
    query = functools.partial(ask_rows, ask)
    statements = _outgoing(query, entity, out) + _incoming(query, entity, incoming)
    wanted = sorted(
        {q for item in statements for q in item["evidence"]["quotations"]}
        | {r["record"] for item in statements for r in item["evidence"]["records"]}
    )
    sources = {iri: _source(ask, iri) for iri in wanted}
    inferred = sorted({i for item in statements for i in item["evidence"]["inferences"]})
    inferences = {iri: inference(query, iri) for iri in inferred}
    labels = ask_rows(ask, _LABEL, entity=node)
    label = labels[0]["label"] if labels else ""
    return Explanation(entity, label, statements, sources, inferences, note=note)


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
        literal = _turtle_literal(obj)
        if literal is not None:  # "Russia"@en: that lexical form, with that tag or none
            text, lang = literal
            shown = " ".join(text.splitlines())  # the table form: ask_rows's "object@"
            shown += f" @{lang}" if lang else ""
            kept = [r for r in kept if r["object"] == text and r.get("object@") == shown]
        else:
            try:
                value = expand_iri(obj, SHORT_PREFIXES)
            except UsageError:
                value = obj
            kept = [r for r in kept if value in (r["object"], r.get("object@"))]
    if not kept:
        shown = " ".join(x for x in (predicate, obj) if x is not None)
        raise UsageError(f"no statement <{entity}> {shown} in the graph")
    return kept


def _turtle_literal(text: str) -> tuple[str, str | None] | None:
    """``"…"`` or ``"…"@lang`` as Turtle writes it: its lexical form and language, else None.

    Examples
    --------
    >>> _turtle_literal('"Russia"@en')
    ('Russia', 'en')
    >>> _turtle_literal("Russia") is None
    True
    """
    if not text.startswith('"'):
        return None
    try:
        (triple,) = ox.parse(f"<urn:s> <urn:p> {text} .".encode(), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, ValueError):
        return None
    value = triple.object
    if not isinstance(value, ox.Literal):
        return None
    return value.value, value.language


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


__all__ = [
    "Asker",
    "Explanation",
    "Inference",
    "Source",
    "explain",
    "local_asker",
    "resolve",
    "resolve_match",
]
