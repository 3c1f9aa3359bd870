"""The graph interface of the network views, the vocabulary's shared terms, gc pause.

:class:`GraphLike` is the part of rdflib's Graph API the views use;
:class:`Terms` gives each vocabulary IRI as one shared ``URIRef``; and
:func:`gc_paused` pauses the cyclic collector while big acyclic structures are
built. :mod:`kg.views.storegraph` re-exports all three.

Examples
--------
>>> from rdflib.namespace import RDFS
>>> Terms(RDFS).label is Terms(RDFS).label
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from rdflib import URIRef
from rdflib.term import Node


class GraphLike(Protocol):
    """The part of rdflib's Graph API that the network views use.

    Every call the views make names the predicate.
    """

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        """The objects of ``(subject, predicate, ?)``."""
        ...

    def subjects(self, predicate: Node | None = None, object: Node | None = None) -> Iterator[Node]:
        """The subjects of ``(?, predicate, object)``."""
        ...

    def subject_objects(self, predicate: Node | None = None) -> Iterator[tuple[Node, Node]]:
        """The ``(subject, object)`` pairs of ``predicate``."""
        ...

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool:
        """Whether the graph holds ``triple``."""
        ...


VOCABULARY: dict[str, URIRef] = {}


class Terms:
    """Fast attribute access to the terms of an rdflib namespace.

    rdflib builds a new ``URIRef`` on every ``CKG.party``; this makes each one
    once, shared by every :class:`Terms` (so dictionary lookups by the view
    code hit by identity).

    Examples
    --------
    >>> from kg import CKG
    >>> Terms(CKG).party is Terms(CKG)["party"]
    True
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        iri = str(self._namespace[name])
        found = VOCABULARY.get(iri)
        if found is None:
            found = VOCABULARY[iri] = URIRef(iri)
        setattr(self, name, found)
        return found

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)  # type: ignore[no-any-return]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building big acyclic structures.

    With 10^6 live objects each full collection walks them all, which costs a
    third of a view's time at 1M triples; the indexes and views hold no cycles.

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = ["VOCABULARY", "GraphLike", "Terms", "gc_paused"]
