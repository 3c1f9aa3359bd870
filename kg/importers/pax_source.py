"""PA-X as a source: the database's description, its code columns, IRIs of its codes.

The database is ``id:src-pax`` (a ``ckg:SourceDocument`` with its citation); each
row's record cites it. The tables here say which PA-X columns become which
properties: the actor columns and their text and mention properties, the coded
columns that become SKOS concepts of PA-X's schemes, and the crosswalk ids.
"""

from __future__ import annotations

import re

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from kg.importers.reconcile import CKG, ID

_SAFE = re.compile(r"[A-Za-z0-9_-]")
SCHEMA = Namespace("https://schema.org/")
PAXV = Namespace("https://w3id.org/conflict-kg/vocab/pax/")
SOURCE = ID["src-pax"]
CITATION = (
    "PA-X Peace Agreements Database, version 9. PeaceRep, University of Edinburgh. "
    "Bell and Badanjak, Journal of Peace Research 56(3), 2019. CSV export data/pax.csv "
    "of the public repository github.com/peacerep/paxplorer."
)
MINT_NOTES = {
    CKG.State: "Minted by the PA-X importer: the state is named in a PA-X record; its English "
    "label and its code (skos:notation) are its ISO 3166-1 name and alpha-3 code (pycountry).",
    CKG.Office: "Minted by the PA-X importer from an office title in a PA-X record.",
    CKG.GovernmentBody: "Minted by the PA-X importer from a ministry named in a PA-X record.",
}
COLUMNS = (
    ("Part", CKG.signatoriesText, CKG.signatoryMention),
    ("ThrdPart", CKG.thirdPartiesText, CKG.thirdPartyMention),
)
CONCEPTS = (
    # (predicate, scheme, IRI path, code column, label column)
    (CKG.agreementStage, CKG.PaxStages, "stage", "Stage", "stage_label"),
    (CKG.agreementSubStage, CKG.PaxSubStages, "substage", "StageSub", "substage_label"),
    (CKG.agreementType, CKG.PaxAgreementTypes, "type", "Agtp", "agt_type"),
    (CKG.agreementStatus, CKG.PaxStatuses, "status", "Status", "Status"),
    (CKG.agreementConflictType, CKG.PaxConflictTypes, "conflict-type", "Contp", "Contp"),
)
IDS = (
    (CKG.ucdpConflictId, "UcdpCon"),
    (CKG.ucdpAgreementId, "UcdpAgr"),
    (CKG.pamId, "PamAgr"),
    (CKG.cowWarId, "CowWar"),
)


def code_segment(code: str) -> str:
    """A PA-X code as one IRI path segment: a safe token as is, anything else percent-encoded.

    Every character outside ``[A-Za-z0-9_-]`` becomes ``%XX`` (its UTF-8 bytes), so
    no cell can close the IRI, add a path step or collide with a plain code.

    Examples
    --------
    >>> code_segment("InterIntra"), code_segment("a b>,<x"), code_segment("..")
    ('InterIntra', 'a%20b%3E%2C%3Cx', '%2E%2E')
    """
    return "".join(
        ch if _SAFE.fullmatch(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        for ch in code
    )


def source_graph() -> Graph:
    """The PA-X database as a ``ckg:SourceDocument``."""
    g = Graph()
    g.add((SOURCE, RDF.type, CKG.SourceDocument))
    g.add((SOURCE, RDFS.label, Literal("PA-X Peace Agreements Database, version 9", lang="en")))
    g.add((SOURCE, DCTERMS.bibliographicCitation, Literal(CITATION)))
    g.add((SOURCE, DCTERMS.language, Literal("en")))
    g.add((SOURCE, SCHEMA.url, URIRef("https://www.peaceagreements.org/")))
    return g


__all__ = [
    "CITATION",
    "COLUMNS",
    "CONCEPTS",
    "IDS",
    "MINT_NOTES",
    "PAXV",
    "SCHEMA",
    "SOURCE",
    "code_segment",
    "source_graph",
]
