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

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph

from kg.errors import UsageError
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
PREFIX schema: <https://schema.org/>
"""

_BY_LABEL = """SELECT DISTINCT ?entity WHERE {
  ?entity rdfs:label|skos:altLabel|skos:prefLabel ?label .
  FILTER (LCASE(STR(?label)) = LCASE(?text))
} ORDER BY ?entity"""

_PARTIAL = """SELECT DISTINCT ?entity ?label WHERE {
  ?entity rdfs:label|skos:altLabel|skos:prefLabel ?label .
  FILTER (CONTAINS(LCASE(STR(?label)), LCASE(?text)))
} ORDER BY ?entity ?label LIMIT 200"""

_ALL_LABELS = """SELECT DISTINCT ?entity ?label WHERE {
  ?entity rdfs:label|skos:altLabel|skos:prefLabel ?label .
} ORDER BY ?entity ?label LIMIT 200000"""

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

_CHAIN = """SELECT ?citing ?cited WHERE {
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
    return resolve_match(target, ask=ask)[0]


def resolve_match(target: str, *, ask: Asker) -> tuple[str, str]:
    """Like :func:`resolve`, also matching part of a label; returns ``(IRI, note)``.

    When no label equals ``target``, the labels holding it as whole words are
    tried (``Putin`` finds "Vladimir Putin"): one entity, or one whose label every
    other candidate's label contains (a person and their office holdings), is
    taken and ``note`` says so. Otherwise the error names the candidates, or the
    closest labels ("did you mean").
    """
    looks_like_iri = target.startswith("<") or (":" in target and " " not in target)
    if looks_like_iri:
        try:
            return expand_iri(target, SHORT_PREFIXES), ""
        except UsageError:
            pass
    rows = _ask(ask, _BY_LABEL, text=term("string", target, {}))
    found = [r["entity"] for r in rows]
    if len(found) > 1:
        names = ", ".join(_name(f) for f in found)
        raise UsageError(f"{target!r} is the label of {len(found)} entities: {names}; give one")
    if found:
        return found[0], ""
    return _partial(target, ask=ask)


def _name(iri: str) -> str:
    return short({"type": "uri", "value": iri})


def _partial(target: str, *, ask: Asker) -> tuple[str, str]:
    rows = _ask(ask, _PARTIAL, text=term("string", target, {}))
    words = re.compile(rf"(?<!\w){re.escape(target.strip())}(?!\w)", re.IGNORECASE)
    labels = _shortest_labels([r for r in rows if words.search(r["label"])] or rows)
    ranked = sorted(labels, key=lambda e: (len(labels[e]), e))
    if ranked and (len(ranked) == 1 or 2 * len(labels[ranked[0]]) <= len(labels[ranked[1]])):
        entity = ranked[0]
        others = len(ranked) - 1
        also = f"; {others} longer label(s) also hold it" if others else ""
        return entity, f"no label is {target!r}; showing {_name(entity)} ({labels[entity]}){also}"
    if ranked:
        raise UsageError(
            f"no entity is labelled {target!r}; did you mean: {_list(ranked, labels)}?"
        )
    every = _shortest_labels(_ask(ask, _ALL_LABELS))
    keys: dict[str, set[str]] = {}
    for entity, label in every.items():
        for key in {label, *re.findall(r"\w{3,}", label)}:
            keys.setdefault(key.casefold(), set()).add(entity)
    close = difflib.get_close_matches(target.casefold(), list(keys), n=5, cutoff=0.75)
    found = sorted({e for key in close for e in keys[key]}, key=lambda e: (len(every[e]), e))
    if found:
        raise UsageError(f"no entity is labelled {target!r}; did you mean: {_list(found, every)}?")
    raise UsageError(f"no entity is labelled {target!r}; give its IRI or another label")


def _shortest_labels(rows: list[dict[str, str]]) -> dict[str, str]:
    """``{entity: its shortest label}`` of ``rows`` with ``entity`` and ``label``."""
    labels: dict[str, str] = {}
    for row in rows:
        entity, label = row["entity"], row["label"]
        if entity not in labels or (len(label), label) < (len(labels[entity]), labels[entity]):
            labels[entity] = label
    return labels


def _list(entities: list[str], labels: dict[str, str], *, limit: int = 8) -> str:
    shown = "; ".join(f"{_name(e)} ({labels[e]})" for e in entities[:limit])
    more = len(entities) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


def _source(ask: Asker, iri: str) -> Source:
    rows = _ask(ask, _SOURCE, quotation=f"<{iri}>")
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
        for r in _ask(ask, _RECORDED, quotation=f"<{iri}>")
    ]
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
    out = _ask(ask, _OUT, entity=node)
    incoming = _ask(ask, _IN, entity=node)
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
    labels = _ask(ask, _LABEL, entity=node)
    label = labels[0]["label"] if labels else ""
    return Explanation(entity, label, statements, sources, note=note)


__all__ = ["Asker", "Explanation", "Source", "explain", "local_asker", "resolve", "resolve_match"]
