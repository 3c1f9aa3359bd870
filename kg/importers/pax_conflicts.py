"""Conflict identity for PA-X rows: the curated conflict a UCDP conflict id stands for.

The curators give a conflict PA-X also records its UCDP id (``ckg:ucdpId``); the
importer then files that conflict's agreements under the curated IRI instead of
minting ``id:pax-conflict-…`` (issue #13, point 8).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef

from kg.importers.pax import crosswalk_id
from kg.importers.reconcile import CKG


@dataclass(frozen=True)
class CuratedConflict:
    """A curated conflict the curators identified with a UCDP conflict (``ckg:ucdpId``)."""

    iri: URIRef
    territories: tuple[URIRef, ...] = ()


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
        out.setdefault(crosswalk_id(str(ucdp)), CuratedConflict(URIRef(str(conflict)), territories))
    return out


__all__ = ["CuratedConflict", "curated_conflicts"]
