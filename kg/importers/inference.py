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
    add_attestation(graph, attestation, subject=subject, predicates=predicates, obj=obj)
    graph.add((attestation, CKG.inferredBy, inference))


def add_attestation(
    graph: Graph,
    attestation: URIRef,
    *,
    subject: URIRef,
    predicates: Iterable[URIRef],
    obj: URIRef | None = None,
    record: URIRef | None = None,
    field: str = "",
) -> None:
    """Add ``attestation``, a ``ckg:Attestation`` of ``subject``'s ``predicates`` (with
    ``obj`` only, when given), recorded in ``record``'s column ``field`` when given; the
    caller adds its evidence (``ckg:inferredBy``) beside, or more records.

    >>> g = Graph()
    >>> add_attestation(g, ID["attestation-x"], subject=ID.x, predicates=[CKG.party],
    ...                 record=ID["pax-agreement-1"], field="Part")
    >>> str(g.value(ID["attestation-x"], CKG.recordField))
    'Part'
    """
    graph.add((attestation, RDF.type, CKG.Attestation))
    graph.add((attestation, CKG.statementSubject, subject))
    for predicate in sorted(set(predicates)):
        graph.add((attestation, CKG.statementPredicate, predicate))
    if obj is not None:
        graph.add((attestation, CKG.statementObject, obj))
    if record is not None:
        graph.add((attestation, CKG.recordedIn, record))
        graph.add((attestation, CKG.recordField, Literal(field)))


__all__ = ["add_attestation", "add_inference"]
