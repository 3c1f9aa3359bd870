"""The evidence for each statement: quotations, dataset records, editorial inferences.

Statement-level provenance (``ontology/conflict.ttl``, issue 15): a
``ckg:Attestation`` names a statement's subject and predicate (and optionally
its object) and the quotations that state it (``ckg:statedBy``), the dataset
record and column it comes from (``ckg:recordedIn``, ``ckg:recordField``) or
the curators' inference (``ckg:inferredBy``). A subject attested only by
dataset records has all its other statements attested by them (the
dataset-record rule). Everything is read with plain SPARQL 1.1 SELECTs, so it
works alike on the in-process store and on an endpoint.

Examples
--------
>>> Evidence().empty
True
>>> covers({"predicates": {"p"}, "objects": set()}, "p", "o")
True
>>> covers({"predicates": {"p"}, "objects": {"x"}}, "p", "o")
False
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Query = Callable[..., list[dict[str, str]]]
"""Runs a query with values bound (``query(text, name=term, ...)``); rows of plain values."""

ATTESTATIONS = """SELECT ?attestation ?predicate ?named ?quotation ?inference ?record ?field
WHERE {
  ?attestation ckg:statementSubject ?entity ; ckg:statementPredicate ?predicate .
  OPTIONAL { ?attestation ckg:statementObject ?named }
  OPTIONAL { ?attestation ckg:statedBy ?quotation }
  OPTIONAL { ?attestation ckg:inferredBy ?inference }
  OPTIONAL { ?attestation ckg:recordedIn ?record }
  OPTIONAL { ?attestation ckg:recordField ?field }
} ORDER BY ?attestation ?quotation"""

RECORDS = """SELECT ?record ?quoted WHERE {
  ?entity ckg:attestedBy ?record .
  OPTIONAL { ?record a ?kind FILTER (?kind = ckg:DatabaseRecord) }
  OPTIONAL { ?entity ckg:attestedBy ?quoted . ?quoted a ckg:Quotation }
  FILTER (BOUND(?kind))
} ORDER BY ?record"""

CURATORS_ONLY = """SELECT ?property WHERE { ?property ckg:curatorsOnly true }"""
RECORD_FIELDS = """SELECT ?property ?field WHERE { ?property ckg:fromRecordField ?field }"""

INFERENCE = """SELECT ?label ?reason ?rule ?used WHERE {
  ?inference a ?kind .
  OPTIONAL { ?inference rdfs:label ?label FILTER (LANG(?label) = "en") }
  OPTIONAL { ?inference ckg:reason ?reason }
  OPTIONAL { ?inference ckg:dateRule ?rule }
  OPTIONAL { ?inference prov:used ?used }
} ORDER BY ?used"""


NAMES_AND_NOTES = frozenset(
    f"{ns}{local}"
    for ns, names in (
        ("http://www.w3.org/2000/01/rdf-schema#", ("label", "comment")),
        (
            "http://www.w3.org/2004/02/skos/core#",
            ("altLabel", "prefLabel", "hiddenLabel", "editorialNote", "scopeNote", "note"),
        ),
    )
    for local in names
)
"""Names and notes: the curators' words for readers, not statements (not attested)."""


@dataclass
class Evidence:
    """What attests one statement (``name``: it is a name or note, not a statement)."""

    quotations: list[str] = field(default_factory=list)
    inferences: list[str] = field(default_factory=list)
    records: list[dict[str, str]] = field(default_factory=list)
    name: bool = False

    @property
    def empty(self) -> bool:
        """No evidence at all: the statement is unattested."""
        return not (self.quotations or self.inferences or self.records)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "quotations": self.quotations,
            "inferences": self.inferences,
            "records": self.records,
            "nameOrNote": self.name,
        }


@dataclass
class Inference:
    """An editorial inference: its reason, rule and what it starts from."""

    iri: str
    label: str = ""
    reason: str = ""
    date_rule: str = ""
    used: list[str] = field(default_factory=list)


def covers(attestation: dict[str, Any], predicate: str, obj: str) -> bool:
    """Whether an attestation (predicates, named objects) covers ``predicate obj``."""
    named: set[str] = attestation["objects"]
    return predicate in attestation["predicates"] and (not named or obj in named)


def attestations_of(query: Query, entity: str) -> list[dict[str, Any]]:
    """The attestations naming ``entity`` as subject, one dict each."""
    found: dict[str, dict[str, Any]] = {}
    for row in query(ATTESTATIONS, entity=f"<{entity}>"):
        item = found.setdefault(
            row["attestation"],
            {"predicates": set(), "objects": set(), "evidence": Evidence()},
        )
        item["predicates"].add(row["predicate"])
        if "named" in row:
            item["objects"].add(row.get("named@") or row["named"])
        ev: Evidence = item["evidence"]
        _add(ev.quotations, row.get("quotation"))
        _add(ev.inferences, row.get("inference"))
        if row.get("record"):
            record = {"record": row["record"], "field": row.get("field", "")}
            if record not in ev.records:
                ev.records.append(record)
    return list(found.values())


def _add(items: list[str], value: str | None) -> None:
    if value and value not in items:
        items.append(value)


def evidence_for(query: Query, entity: str, pairs: list[tuple[str, str]]) -> list[Evidence]:
    """Evidence for each ``(predicate, object)`` of ``entity``, in order.

    An object is its IRI, or a literal in N-Triples-like short form (as the
    ``name@`` keys of :func:`kg.sparql.why` rows give it).
    """
    attestations = attestations_of(query, entity)
    rows = query(RECORDS, entity=f"<{entity}>")
    rule_records = [] if any(r.get("quoted") for r in rows) else [r["record"] for r in rows]
    curators_only = {r["property"] for r in query(CURATORS_ONLY)} if rule_records else set()
    fields: dict[str, list[str]] = {}
    for row in query(RECORD_FIELDS) if rule_records else []:
        fields.setdefault(row["property"], []).append(row["field"])
    out = []
    for predicate, obj in pairs:
        ev = Evidence(name=predicate in NAMES_AND_NOTES)
        for att in attestations:
            if covers(att, predicate, obj):
                mine: Evidence = att["evidence"]
                for q in mine.quotations:
                    _add(ev.quotations, q)
                for i in mine.inferences:
                    _add(ev.inferences, i)
                ev.records += [r for r in mine.records if r not in ev.records]
        if ev.empty and not ev.name and predicate not in curators_only:
            ev.records = [_by_rule(r, sorted(fields.get(predicate, []))) for r in rule_records]
        out.append(ev)
    return out


def _by_rule(record: str, fields: list[str]) -> dict[str, str]:
    """A record that attests a statement by the dataset-record rule: from the columns its
    predicate comes from (``ckg:fromRecordField``), else from the whole record."""
    if not fields:
        return {"record": record, "field": "", "rule": "whole record"}
    return {"record": record, "field": " or ".join(fields), "rule": "column"}


def inference(query: Query, iri: str) -> Inference:
    """The reason, date rule and inputs of an editorial inference."""
    rows = query(INFERENCE, inference=f"<{iri}>")
    found = Inference(iri)
    for row in rows:
        found.label = found.label or row.get("label", "")
        found.reason = found.reason or row.get("reason", "")
        found.date_rule = found.date_rule or row.get("rule", "")
        _add(found.used, row.get("used"))
    return found


__all__ = [
    "NAMES_AND_NOTES",
    "Evidence",
    "Inference",
    "Query",
    "attestations_of",
    "covers",
    "evidence_for",
    "inference",
]
