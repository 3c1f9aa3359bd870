"""Deliberate violations of the project's shapes, planted by the generator and recorded.

Each kind breaks exactly one constraint of ``ontology/shapes.ttl`` on one node and
is expected to give exactly one validation result, recorded as
``{"kind", "focus", "component", "path", "value"}`` (IRIs and N-Triples tokens).

Examples
--------
>>> import random
>>> v = Violations(rate=0.0, force=["talks-one-party"])
>>> v.hit("talks-one-party", random.Random(1)), v.hit("talks-one-party", random.Random(1))
(True, False)
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

SH = "http://www.w3.org/ns/shacl#"

#: kind -> (constraint component local name, what it breaks)
KINDS: dict[str, tuple[str, str]] = {
    "missing-en-label": ("QualifiedMinCountConstraintComponent", "state without an @en label"),
    "two-en-labels": ("QualifiedMaxCountConstraintComponent", "person with two @en labels"),
    "plain-label": ("DatatypeConstraintComponent", "person with an untagged label"),
    "missing-source": ("MinCountConstraintComponent", "statement without ckg:attestedBy"),
    "bad-source": ("OrConstraintComponent", "ethnic group attested by a person"),
    "talks-one-party": ("MinCountConstraintComponent", "talks with a single party"),
    "bad-ceasefire-status": ("InConstraintComponent", "ceasefire with a talks status"),
    "ignored-without-ignorer": ("SPARQLConstraintComponent", "ignored ceasefire, no ignoredBy"),
    "end-before-start": ("SPARQLConstraintComponent", "hostilities ending before they start"),
    "cochair-wrong-role": ("HasValueConstraintComponent", "co-chairmanship without ckg:CoChair"),
    "holding-without-asof": ("MinCountConstraintComponent", "office holding without ckg:asOf"),
    "bad-language-tag": ("PatternConstraintComponent", "document language not a BCP 47 tag"),
    "sentence-index-zero": ("MinInclusiveConstraintComponent", "quotation sentence index 0"),
    "undated-declaration": ("OrConstraintComponent", "declaration with neither date nor year"),
    "speaker-not-actor": ("ClassConstraintComponent", "statement spoken by a document"),
    "two-dates": ("MaxCountConstraintComponent", "statement with two ckg:date values"),
    "accepted-not-invited": ("SPARQLConstraintComponent", "invitation accepted by a non-invitee"),
    "date-not-date": ("DatatypeConstraintComponent", "ckg:date given as an xsd:gYear"),
}


class Violations:
    """Decide where to plant violations and record the findings they must give.

    Parameters
    ----------
    rate : float
        Probability that an eligible node gets its kind of violation.
    force : iterable of str
        Kinds planted at their first opportunity regardless of ``rate``.
    """

    def __init__(self, *, rate: float, force: Iterable[str] = ()) -> None:
        self.rate = rate
        self.pending = set(force)
        self.records: list[dict[str, Any]] = []

    def hit(self, kind: str, rng: random.Random) -> bool:
        """Whether to plant ``kind`` here (always draws, so output stays seed-stable)."""
        draw = rng.random() < self.rate
        if kind in self.pending:
            self.pending.discard(kind)
            return True
        return draw

    def record(
        self, kind: str, focus: str, *, path: str | None = None, value: str | None = None
    ) -> None:
        """Record the finding expected from planting ``kind`` on ``focus`` (N-Triples tokens)."""
        self.records.append(
            {
                "kind": kind,
                "focus": focus.strip("<>"),
                "component": SH + KINDS[kind][0],
                "path": path.strip("<>") if path else None,
                "value": value,
            }
        )


__all__ = ["KINDS", "Violations"]
