"""The importer's own conclusions, written as the curators write theirs.

A statement the importer concludes rather than reads (a state's ISO code from
pycountry, the government of an agreement's location) is attested by a
``ckg:EditorialInference`` with its reason and the records it used, through a
``ckg:Attestation`` that names the statement.

Examples
--------
>>> from rdflib import Graph
>>> g = Graph()
>>> add_inference(g, "example", label="a label", reason="why", used=[ID["pax-agreement-1"]],
...               subject=ID["agreement-pax-1"], predicates=[CKG.party])
>>> g.value(ID["attestation-example"], CKG.inferredBy) == ID["inference-example"]
True
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.importers.patterns import CKG, ID


def add_inference(
    graph: Graph,
    local: str,
    *,
    label: str,
    reason: str,
    used: Iterable[URIRef],
    subject: URIRef,
    predicates: Iterable[URIRef],
    obj: URIRef | None = None,
) -> None:
    """Add ``id:inference-<local>`` and ``id:attestation-<local>``, which attests
    ``subject``'s ``predicates`` (with ``obj`` only, when given) by that inference."""
    inference, attestation = ID[f"inference-{local}"], ID[f"attestation-{local}"]
    graph.add((inference, RDF.type, CKG.EditorialInference))
    graph.add((inference, RDFS.label, Literal(label, lang="en")))
    graph.add((inference, CKG.reason, Literal(reason, lang="en")))
    for record in used:
        graph.add((inference, PROV.used, record))
    graph.add((attestation, RDF.type, CKG.Attestation))
    graph.add((attestation, CKG.statementSubject, subject))
    for predicate in sorted(set(predicates)):
        graph.add((attestation, CKG.statementPredicate, predicate))
    if obj is not None:
        graph.add((attestation, CKG.statementObject, obj))
    graph.add((attestation, CKG.inferredBy, inference))


__all__ = ["add_inference"]
