"""What resolving a mention gives: the matched actors, minted or curated.

Examples
--------
>>> from kg.importers.mentions import Mention
>>> Resolution(Mention("Part", "X", "signatory")).confidence
0.0
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from kg.importers.mentions import Mention


@dataclass(frozen=True)
class NewActor:
    """An actor the importer mints: class, English label and links (predicate, object)."""

    iri: URIRef
    cls: URIRef
    label: str
    links: tuple[tuple[URIRef, URIRef | Literal], ...] = ()
    note: str = ""
    label_language: str = "en"


@dataclass(frozen=True)
class Match:
    """A mention resolved to one actor, with how and how confidently."""

    iri: URIRef
    how: str
    confidence: float
    new: tuple[NewActor, ...] = ()
    within: URIRef | None = None
    """For an office or ministry: its state."""
    roles: tuple[str, ...] = ()
    """The roles the text gives this actor when they are not the mention's: ``("thirdParty",)``
    for a body whose co-chairs act ("the Co-Chairs of the OSCE Minsk Group"), the role
    named in its own part of a line ("Russian Federation (Facilitator), …, X as observers")."""


@dataclass(frozen=True)
class Resolution:
    """The actors a mention resolves to (none: unresolved)."""

    mention: Mention
    matches: tuple[Match, ...] = field(default=())

    @property
    def confidence(self) -> float:
        """The lowest confidence of the matches, 0 when unresolved."""
        return min((m.confidence for m in self.matches), default=0.0)


__all__ = ["Match", "NewActor", "Resolution"]
