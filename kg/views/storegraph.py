"""A read-only, indexed graph for the network views: over Oxigraph or rdflib.

The views (:mod:`kg.views.relations`, :mod:`kg.views.timeslice`, :mod:`kg.views.network`) read
the graph through four calls, :class:`GraphLike`: ``objects(s, p)``,
``subjects(p, o)``, ``subject_objects(p)`` and ``(s, p, o) in graph``, always
with a fixed predicate. An rdflib :class:`~rdflib.Graph` offers them, and so
does :class:`IndexedGraph`, which answers them from per-predicate indexes:

- :class:`StoreGraph` reads a :class:`pyoxigraph.Store` (the default graph,
  unless told otherwise). The first call about predicate ``p`` scans the store
  once (``quads_for_pattern(None, p, None)``) into ``{subject: (objects…)}``;
  ``{object: (subjects…)}`` is derived from it in memory when first asked for.
  So it holds only the predicates the views ask for (about 40 of the
  ontology's, listed by :meth:`IndexedGraph.indexed`), each once, as rdflib
  terms shared between indexes (one ``URIRef`` per IRI): never a second copy
  of the whole graph. Labels, types and attestations (:attr:`StoreGraph.LOOKED_UP`)
  are instead looked up in the store per node asked (per class for
  ``subjects(rdf:type, C)``) until a call needs them whole: the views ask for
  those of a fraction of the nodes. At 1M generated triples it holds about 60 %
  of the graph's pairs. The base class is :mod:`kg.views.indexed`.
- :class:`GraphIndex` does the same over an rdflib Graph (one
  ``subject_objects(p)`` per predicate): ~20x faster lookups than rdflib's own.

Both also keep :meth:`IndexedGraph.memo` tables, where the view code caches
what it derives per node (labels, kinds, spans, source documents), so that the
views built from one :class:`IndexedGraph` share that work. The indexes and
memos are a snapshot: build a new one after changing the data.

Examples
--------
>>> import pyoxigraph as ox
>>> from rdflib import URIRef
>>> from rdflib.namespace import RDFS
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode(str(RDFS.label)),
...                   ox.Literal("A", language="en")))
>>> g = StoreGraph(store)
>>> [str(o) for o in g.objects(URIRef("http://x/a"), RDFS.label)]
['A']
>>> g.indexed()
['http://www.w3.org/2000/01/rdf-schema#label']
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from kg import CKG
from kg.read.store import to_ox_term, to_rdflib_term
from kg.views.graphterms import VOCABULARY, GraphLike, Terms, gc_paused
from kg.views.indexed import GraphIndex, Index, IndexedGraph, indexed, memo_of

_XSD_STRING = ox.NamedNode(str(XSD.string))

_LOOKED_UP = Terms(RDFS).label, Terms(RDF).type, Terms(CKG).attestedBy


class StoreGraph(IndexedGraph):
    """The views' read-only graph over a :class:`pyoxigraph.Store`.

    Parameters
    ----------
    store : pyoxigraph.Store
    graph_name : pyoxigraph.NamedNode or DefaultGraph, optional
        The graph read (the default graph when omitted; ``None`` reads all).

    Examples
    --------
    >>> len(StoreGraph(ox.Store()).index_sizes())
    0
    """

    LOOKED_UP = frozenset(_LOOKED_UP)
    """Labels, types and attestations are looked up in the store per node asked: the
    views ask for those of about half the nodes that have one (``typed`` asks per
    class), and a lookup in Oxigraph's index costs about what a pair of a scan
    does; the other predicates are read whole, once."""

    def __init__(
        self,
        store: ox.Store,
        *,
        graph_name: ox.NamedNode | ox.DefaultGraph | None = ox.DefaultGraph(),  # noqa: B008
    ) -> None:
        super().__init__()
        self.store = store
        self.graph_name = graph_name
        self._iris: dict[str, URIRef] = {}
        self._literals: dict[ox.Literal, Node] = {}

    def _node(self, raw: Any) -> Node:
        # literals stay Oxigraph terms in the index until asked for (most labels never are)
        if type(raw) is not ox.Literal:
            return raw  # type: ignore[no-any-return]
        found = self._literals.get(raw)
        if found is None:
            found = self._literals[raw] = to_rdflib_term(raw)
        return found

    def texts(self, subject: Node, predicate: Node) -> list[tuple[str, str | None]]:
        """As :meth:`IndexedGraph.texts`, read from the raw Oxigraph literals."""
        found = self._objects_of(subject, predicate)
        if predicate not in self._raw:
            return [(str(o), o.language) for o in found if isinstance(o, Literal)]
        texts: list[tuple[str, str | None]] = []
        for raw in found:
            if type(raw) is ox.Literal and (raw.language or raw.datatype == _XSD_STRING):
                texts.append((raw.value, raw.language or None))
            elif isinstance(
                node := self._node(raw), Literal
            ):  # other datatypes as rdflib reads them
                texts.append((str(node), node.language))
        return texts

    def _ox(self, node: Any) -> Any:
        """The Oxigraph term of a subject or object asked about."""
        if isinstance(node, URIRef):
            return ox.NamedNode(node)
        return ox.BlankNode(node) if isinstance(node, BNode) else to_ox_term(node)

    def _term(self, term: Any) -> Any:
        """What the index holds for an Oxigraph term (as :meth:`_fill` does)."""
        kind = type(term)
        if kind is ox.NamedNode:
            value = term.value
            found = self._iris.get(value)
            if found is None:
                found = self._iris[value] = VOCABULARY.get(value) or URIRef(value)
            return found
        if kind is ox.BlankNode:
            return BNode(term.value)
        return term  # a literal: left raw until asked for (see _node)

    def _lookup(self, subject: Node, predicate: Node) -> list[Any]:
        if not isinstance(subject, URIRef | BNode):
            return []
        term, pred = self._term, ox.NamedNode(str(predicate))
        quads = self.store.quads_for_pattern(self._ox(subject), pred, None, self.graph_name)
        found = [term(quad.object) for quad in quads]
        if any(type(o) is ox.Literal for o in found):
            self._raw.add(predicate)
        return found

    def _lookup_subjects(self, predicate: Node, obj: Node) -> list[Any]:
        term, pred = self._term, ox.NamedNode(str(predicate))
        quads = self.store.quads_for_pattern(None, pred, self._ox(obj), self.graph_name)
        return [term(quad.subject) for quad in quads]

    def _fill(self, predicate: Node, index: Index) -> None:
        # one tight loop: this scan is most of the cost of a first view at 10^6 triples
        if not isinstance(predicate, URIRef):
            return
        iris, vocabulary, named, blank = self._iris, VOCABULARY, ox.NamedNode, ox.BlankNode
        quads = self.store.quads_for_pattern(None, named(str(predicate)), None, self.graph_name)
        for quad in quads:
            s: Any = quad.subject
            o: Any = quad.object
            subject: Any
            obj: Any
            if type(s) is named:
                value = s.value
                subject = iris.get(value)
                if subject is None:
                    subject = iris[value] = vocabulary.get(value) or URIRef(value)
            else:
                subject = to_rdflib_term(s)
            kind = type(o)
            if kind is named:
                value = o.value
                obj = iris.get(value)
                if obj is None:
                    obj = iris[value] = vocabulary.get(value) or URIRef(value)
            elif kind is blank:
                obj = BNode(o.value)
            else:  # a literal: left raw until asked for (see _node)
                obj = o
                self._raw.add(predicate)
            found = index.get(subject)
            if found is None:
                index[subject] = [obj]
            else:
                found.append(obj)


__all__ = [
    "GraphIndex",
    "GraphLike",
    "IndexedGraph",
    "StoreGraph",
    "Terms",
    "gc_paused",
    "indexed",
    "memo_of",
]
