"""Statement coverage: how many curated statements are attested, and by what.

A *curated statement* is a triple whose subject is an ``id:`` instance, other
than the evidence itself (quotations, dataset records and their dataset,
attestations, editorial inferences) and other than names and notes (labels,
notes, comments, ``ckg:attestedBy``). It is attested by a ``ckg:Attestation``
that names its subject and predicate (and its object, or no object), or by the
dataset-record rule (a subject attested only by PA-X records, for a predicate
that is not marked ``ckg:curatorsOnly true``). The same definition is the check
``queries/checks/unattested-statement-violation.rq``; the model is explained in
``ontology/conflict.ttl``.

Like the check, coverage is reported only for data that records
statement-level provenance (at least one ``ckg:Attestation``).

Each statement is counted once, by the weakest evidence that carries it: an
editorial inference (even one that starts from quotations) before a quotation,
a quotation before the dataset-record rule.

Examples
--------
>>> from rdflib import Graph
>>> coverage_of(Graph())
Coverage(total=0, quotation=0, record=0, inference=0)
>>> Coverage(total=4, quotation=2, record=1, inference=0).line()
'statements attested: 3/4 (75.0%): 2 by quotation, 1 by dataset record, 0 by editorial inference'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import Graph

from kg.read.store import from_rdflib, select

STATEMENTS = """
PREFIX ckg:  <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct:  <http://purl.org/dc/terms/>

SELECT ?focus ?property ?value (MAX(COALESCE(?rank, 0)) AS ?how)
       (MAX(COALESCE(?rule, 0)) AS ?byRule) WHERE {
  { SELECT ?anyAttestation WHERE { ?anyAttestation a ckg:Attestation } LIMIT 1 }
  ?focus ?property ?value .
  FILTER (isIRI(?focus) && STRSTARTS(STR(?focus), "https://w3id.org/conflict-kg/id/"))
  FILTER (?property NOT IN (ckg:attestedBy, rdfs:label, rdfs:comment, skos:altLabel,
                            skos:prefLabel, skos:hiddenLabel, skos:editorialNote,
                            skos:scopeNote, skos:note))
  MINUS {
    ?focus a ?kind .
    ?kind rdfs:subClassOf* ?evidence .
    VALUES ?evidence { ckg:Quotation ckg:DatabaseRecord ckg:Attestation ckg:EditorialInference }
  }
  MINUS { ?record dct:isPartOf ?focus ; a ckg:DatabaseRecord . }
  OPTIONAL {
    ?attestation ckg:statementSubject ?focus ; ckg:statementPredicate ?property .
    OPTIONAL { ?attestation ckg:statementObject ?named }
    OPTIONAL { ?attestation ckg:inferredBy ?inference }
    OPTIONAL { ?attestation ckg:statedBy ?quotation }
    BIND (IF(BOUND(?inference), 3, IF(BOUND(?quotation), 2, 1)) AS ?rank)
    FILTER (!BOUND(?named) || sameTerm(?named, ?value))
  }
  OPTIONAL {
    ?focus ckg:attestedBy ?datasetRecord .
    ?datasetRecord a ckg:DatabaseRecord .
    FILTER NOT EXISTS { ?property ckg:curatorsOnly true }
    FILTER NOT EXISTS { ?focus ckg:attestedBy ?quoted . ?quoted a ckg:Quotation }
    BIND (1 AS ?rule)
  }
}
GROUP BY ?focus ?property ?value ?anyAttestation
"""

KINDS = {3: "inference", 2: "quotation", 1: "record"}


class Coverage(NamedTuple):
    """Curated statements in all, and how many each kind of evidence attests."""

    total: int
    quotation: int
    record: int
    inference: int

    @property
    def attested(self) -> int:
        """Statements with any evidence."""
        return self.quotation + self.record + self.inference

    def notices(self) -> tuple[str, ...]:
        """The coverage line for ``validate``'s notes; none when there are no statements."""
        return (self.line(),) if self.total else ()

    def line(self) -> str:
        """The line ``validate`` prints."""
        share = 100.0 * self.attested / self.total if self.total else 100.0
        return (
            f"statements attested: {self.attested}/{self.total} ({share:.1f}%): "
            f"{self.quotation} by quotation, {self.record} by dataset record, "
            f"{self.inference} by editorial inference"
        )


def _count(ranks: Iterable[int]) -> Coverage:
    counts = {"quotation": 0, "record": 0, "inference": 0}
    total = 0
    for rank in ranks:
        total += 1
        kind = KINDS.get(rank)
        if kind:
            counts[kind] += 1
    return Coverage(total=total, **counts)


def _rank(how: object, rule: object) -> int:
    return max(int(str(how or 0)), int(str(rule or 0)))


def coverage_of(graph: Graph) -> Coverage:
    """Coverage of an rdflib graph holding the ontology and the data (run on Oxigraph)."""
    return coverage_of_store(from_rdflib(graph))


def coverage_of_store(
    store: ox.Store, graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None
) -> Coverage:
    """Coverage of an Oxigraph store (the union of ``graphs`` as its default graph).

    Examples
    --------
    >>> coverage_of_store(ox.Store()).total
    0
    """
    rows = select(store, STATEMENTS, default_graph=graphs)
    return _count(_rank(row["how"].value, row["byRule"].value) for row in rows)


__all__ = ["STATEMENTS", "Coverage", "coverage_of", "coverage_of_store"]
