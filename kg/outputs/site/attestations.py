"""Statement-level evidence for the site: which quotation, record or inference backs one triple.

A ``ckg:Attestation`` names a subject (``ckg:statementSubject``), one or more
predicates (``ckg:statementPredicate``), optionally the object
(``ckg:statementObject``), and its evidence: quotations (``ckg:statedBy``),
dataset records (``ckg:recordedIn``) or an editorial inference (``ckg:inferredBy``).
The site shows, beside each statement, the evidence of the attestations that name
it; only a statement no attestation names falls back to what attests its subject
as a whole (``ckg:attestedBy``: the PA-X dataset-record rule, or data curated per
instance).

Examples
--------
>>> index = read_attestations(ox.Store())
>>> index.evidence("urn:s", "urn:p", None)
[]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg import CKG

KINDS = (
    (str(CKG.statedBy), "quotation"),
    (str(CKG.recordedIn), "record"),
    (str(CKG.inferredBy), "inference"),
)
"""Evidence properties of an attestation and the kind each gives."""

Node = ox.NamedNode | ox.BlankNode


@dataclass
class AttestationIndex:
    """``(subject, predicate)`` → ``[(object or None, kind, evidence IRI)]``."""

    by_statement: dict[tuple[str, str], list[tuple[str | None, str, str]]] = field(
        default_factory=dict
    )

    def evidence(self, subject: str, predicate: str, obj: str | None) -> list[tuple[str, str]]:
        """``(kind, evidence IRI)`` of the attestations naming this statement, sorted."""
        found = {
            (kind, ev)
            for named, kind, ev in self.by_statement.get((subject, predicate), [])
            if named is None or named == obj
        }
        order = {kind: i for i, (_, kind) in enumerate(KINDS)}
        return sorted(found, key=lambda kv: (order[kv[0]], kv[1]))


def _objects(store: ox.Store, predicate: str) -> dict[Node, list[Any]]:
    found: dict[Node, list[Any]] = defaultdict(list)
    for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.DefaultGraph()):
        found[quad.subject].append(quad.object)  # type: ignore[index]
    return found


def _value(term: Any) -> str | None:
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else None


def read_attestations(store: ox.Store) -> AttestationIndex:
    """Index every attestation of ``store``'s default graph (one scan per property)."""
    subjects = _objects(store, str(CKG.statementSubject))
    predicates = _objects(store, str(CKG.statementPredicate))
    objects = _objects(store, str(CKG.statementObject))
    evidence = {kind: _objects(store, prop) for prop, kind in KINDS}
    index: dict[tuple[str, str], list[tuple[str | None, str, str]]] = defaultdict(list)
    for attestation, named in subjects.items():
        backing = [
            (kind, ev.value)
            for kind, by in evidence.items()
            for ev in by.get(attestation, [])
            if isinstance(ev, ox.NamedNode)
        ]
        objs: list[str | None] = [_value(o) for o in objects.get(attestation, [])] or [None]
        for subject in named:
            for predicate in predicates.get(attestation, []):
                if not isinstance(subject, ox.NamedNode) or not isinstance(predicate, ox.NamedNode):
                    continue
                for obj in objs:
                    for kind, ev in backing:
                        index[(subject.value, predicate.value)].append((obj, kind, ev))
    return AttestationIndex(dict(index))


__all__ = ["KINDS", "AttestationIndex", "read_attestations"]
