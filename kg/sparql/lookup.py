"""Find an entity from what a user types: an IRI, a prefixed name or (part of) a label.

Used by ``why``; the queries run through an :data:`Asker` (in-process or on an
endpoint), with every value bound as an RDF term.

Examples
--------
>>> from rdflib import RDFS, Graph, Literal, URIRef
>>> from kg.sparql.run import local_store, run_local
>>> g = Graph()
>>> _ = g.add((URIRef("urn:x:vp"), RDFS.label, Literal("Vladimir Putin", lang="en")))
>>> store = local_store(g)
>>> resolve_match("putin", ask=lambda text: run_local(text, store=store))[0]
'urn:x:vp'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.errors import UsageError
from kg.sparql.params import bind, expand_iri, term
from kg.sparql.results import SHORT_PREFIXES, short
from kg.sparql.rows import Results

Asker = Callable[[str], Results]
"""Runs a bound SELECT query and returns SPARQL JSON results."""

PREFIXES = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""

_BY_LABEL = """SELECT DISTINCT ?entity WHERE {
  VALUES ?labelProperty { rdfs:label skos:altLabel skos:prefLabel }
  ?entity ?labelProperty ?label .
  FILTER (LCASE(STR(?label)) = LCASE(?text))
} ORDER BY ?entity"""

_PARTIAL = """SELECT DISTINCT ?entity ?label WHERE {
  VALUES ?labelProperty { rdfs:label skos:altLabel skos:prefLabel }
  ?entity ?labelProperty ?label .
  FILTER (CONTAINS(LCASE(STR(?label)), LCASE(?text)))
} ORDER BY ?entity ?label LIMIT 200"""

_ALL_LABELS = """SELECT DISTINCT ?entity ?label WHERE {
  VALUES ?labelProperty { rdfs:label skos:altLabel skos:prefLabel }
  ?entity ?labelProperty ?label .
} ORDER BY ?entity ?label LIMIT 200000"""


def ask_rows(ask: Asker, query: str, **values: str) -> list[dict[str, str]]:
    """Run ``query`` with ``values`` bound; literals keep their language as ``text @lang``."""
    bound = bind(PREFIXES + query, values)
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
    rows = ask_rows(ask, _BY_LABEL, text=term("string", target, {}))
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
    rows = ask_rows(ask, _PARTIAL, text=term("string", target, {}))
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
    every = _shortest_labels(ask_rows(ask, _ALL_LABELS))
    keys: dict[str, set[str]] = {}
    for entity, label in every.items():
        for key in {label, *re.findall(r"\w{3,}", label)}:
            keys.setdefault(key.casefold(), set()).add(entity)
    import difflib  # only for "did you mean"

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


__all__ = ["PREFIXES", "Asker", "ask_rows", "resolve", "resolve_match"]
