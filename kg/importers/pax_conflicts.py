"""Conflict identity for PA-X rows: the curated conflict a UCDP conflict id stands for.

The curators give a conflict PA-X also records its UCDP id (``ckg:ucdpId``); the
importer then files that conflict's agreements under the curated IRI instead of
minting ``id:pax-conflict-…`` (issue #13, point 8).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.importers.inference import add_inference
from kg.importers.pax import crosswalk_id
from kg.importers.reconcile import CKG, ID


@dataclass(frozen=True)
class CuratedConflict:
    """A curated conflict the curators identified with a UCDP conflict (``ckg:ucdpId``)."""

    iri: URIRef
    territories: tuple[URIRef, ...] = ()
    inference: URIRef | None = None
    """The curators' inference that gives it its UCDP id (``id:inference-conflict-is-ucdp-388``)."""
    label: str = ""
    grounds: tuple[URIRef, ...] = ()
    """The quotations and records that inference starts from (its ``prov:used``)."""


def _in_english(term: object) -> bool:
    return isinstance(term, Literal) and term.language == "en"


def curated_conflicts(curated: Graph) -> dict[str, CuratedConflict]:
    """UCDP id → the curated conflict that carries it, with the territories it is over.

    Examples
    --------
    >>> from rdflib import Literal
    >>> from kg.importers.reconcile import ID
    >>> g = Graph()
    >>> _ = g.add((ID.c, CKG.ucdpId, Literal("388")))
    >>> curated_conflicts(g)["388"].iri == ID.c
    True
    """
    out: dict[str, CuratedConflict] = {}
    for conflict, ucdp in sorted(curated.subject_objects(CKG.ucdpId), key=str):
        territories = tuple(
            sorted(URIRef(str(t)) for t in curated.objects(conflict, CKG.territory))
        )
        inferences = sorted(
            URIRef(str(curated.value(a, CKG.inferredBy)))
            for a in curated.subjects(CKG.statementSubject, conflict)
            if (a, CKG.statementPredicate, CKG.ucdpId) in curated
            and curated.value(a, CKG.inferredBy) is not None
        )
        label = next((str(x) for x in curated.objects(conflict, RDFS.label) if _in_english(x)), "")
        inference = next(iter(inferences), None)
        grounds = tuple(
            sorted(URIRef(str(u)) for u in curated.objects(inference, PROV.used))
            if inference is not None
            else ()
        )
        known = CuratedConflict(URIRef(str(conflict)), territories, inference, label, grounds)
        out.setdefault(crosswalk_id(str(ucdp)), known)
    return out


def attest_curated_conflict(
    graph: Graph,
    *,
    agreement: URIRef,
    record: URIRef,
    agt_id: str,
    ucdp: str,
    con: str,
    known: CuratedConflict,
) -> None:
    """Attest an agreement's curated conflict and its territories by the importer's inference
    from the record's ``UcdpCon`` and the curators' identification of that UCDP conflict."""
    named = f' and names its conflict "{con}" (Con)' if con else ""
    by = f" ({known.inference.replace(str(ID), 'id:')})" if known.inference is not None else ""
    reason = (
        f"PA-X record {agt_id} files the agreement under UCDP conflict {ucdp} (UcdpCon){named}. "
        f'The curators identify UCDP conflict {ucdp} with "{known.label or known.iri}"{by}, '
        "so the importer files the agreement under that conflict"
        + (" and the territory it is over." if known.territories else ".")
    )
    predicates = [CKG.inConflict] + ([CKG.territory] if known.territories else [])
    add_inference(
        graph,
        f"curated-conflict-{agt_id}",
        label=f"PA-X agreement {agt_id} is in the curated conflict of UCDP id {ucdp}",
        reason=reason,
        used=[record, *known.grounds],
        subject=agreement,
        predicates=predicates,
    )


__all__ = ["CuratedConflict", "attest_curated_conflict", "curated_conflicts"]
