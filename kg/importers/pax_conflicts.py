"""Conflict identity for PA-X rows: one conflict per UCDP conflict id.

PA-X's ``Con`` is a conflict's country or entity, not the conflict: "Myanmar" is
written for ten UCDP conflicts, and UCDP conflict 309 under eleven ``Con`` values.
So a row's conflict is the one of its UCDP id (``UcdpCon``): the curated conflict
the curators give that id (``ckg:ucdpId``), else ``id:ucdp-conflict-<id>``, named
after the ``Con`` most of the file's rows of that id give (:func:`conflict_names`).
Only a row without a UCDP id falls back on its ``Con``
(``id:pax-conflict-<Con>``; issue #13, point 8; audit 19, C).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.importers.inference import add_attestation
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


UCDP_NOTE = (
    "PA-X files these agreements under UCDP conflict {ucdp} (UcdpCon) and names no "
    "conflict. The importer names it after the conflict country/entity (Con) most of "
    "PA-X's agreements of that UCDP conflict give, and keeps each Con its records give "
    "as an alternative label."
)
CON_NOTE = (
    "PA-X gives no UCDP conflict for these agreements (UcdpCon is empty); the importer "
    "groups them by PA-X's conflict country/entity (Con), which may hold several conflicts."
)


def conflict_names(rows: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """UCDP id → the ``Con`` most of ``rows`` of that id give (on a tie, the first in sort order).

    Examples
    --------
    >>> conflict_names([{"UcdpCon": "309.0", "Con": "Sudan"},
    ...                 {"UcdpCon": "309.0", "Con": "South Sudan/Sudan"},
    ...                 {"UcdpCon": "309.0", "Con": "South Sudan/Sudan"}])
    {'309': 'South Sudan/Sudan'}
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        ucdp, con = crosswalk_id(row.get("UcdpCon", "")), " ".join(row.get("Con", "").split())
        if ucdp and con:
            counts[ucdp][con] += 1
    return {
        ucdp: min(names.items(), key=lambda item: (-item[1], item[0]))[0]
        for ucdp, names in counts.items()
    }


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
    ucdp: str,
    known: CuratedConflict,
) -> None:
    """Attest an agreement's curated conflict and its territories by the record's ``UcdpCon``
    and the importer's inference, one per UCDP conflict, from the curators' identification
    of that conflict (the records it starts from grow with each agreement)."""
    inference = ID[f"inference-curated-conflict-ucdp-{ucdp}"]
    if (inference, RDF.type, CKG.EditorialInference) not in graph:
        by = f" ({known.inference.replace(str(ID), 'id:')})" if known.inference is not None else ""
        reason = (
            f"Each PA-X record this inference starts from files its agreement under UCDP "
            f"conflict {ucdp} (UcdpCon). The curators identify UCDP conflict {ucdp} with "
            f'"{known.label or known.iri}"{by}, so the importer files those agreements under '
            "that conflict" + (" and the territory it is over." if known.territories else ".")
        )
        graph.add((inference, RDF.type, CKG.EditorialInference))
        label = f"PA-X's agreements of UCDP conflict {ucdp} are in the curated conflict"
        graph.add((inference, RDFS.label, Literal(label, lang="en")))
        graph.add((inference, CKG.reason, Literal(reason, lang="en")))
        for ground in known.grounds:
            graph.add((inference, PROV.used, ground))
    graph.add((inference, PROV.used, record))
    attestation = ID[f"attestation-{str(agreement).rsplit('/', 1)[-1]}-curated-conflict"]
    predicates = [CKG.inConflict] + ([CKG.territory] if known.territories else [])
    add_attestation(
        graph, attestation, subject=agreement, predicates=predicates, record=record, field="UcdpCon"
    )
    graph.add((attestation, CKG.inferredBy, inference))


__all__ = [
    "CON_NOTE",
    "UCDP_NOTE",
    "CuratedConflict",
    "attest_curated_conflict",
    "conflict_names",
    "curated_conflicts",
]
