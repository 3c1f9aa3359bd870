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
  of the whole graph. At 1M generated triples it indexes about half of them.
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

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.read.store import to_rdflib_term
from kg.views.graphterms import VOCABULARY, GraphLike, Terms, gc_paused
from kg.views.indexedgraph import GraphIndex, Index, IndexedGraph, indexed, memo_of

_XSD_STRING = ox.NamedNode(str(XSD.string))


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

    def release(self) -> None:
        """As :meth:`IndexedGraph.release`, and the terms shared between indexes."""
        super().release()
        self._iris.clear()
        self._literals.clear()

    def retain(self, predicates: Iterable[Node], memos: Iterable[str] = ()) -> None:
        """As :meth:`IndexedGraph.retain`, and the terms shared between indexes (made anew)."""
        super().retain(predicates, memos)
        self._iris.clear()
        self._literals.clear()

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
        found = self._forward(predicate).get(subject, ())
        if type(found) is not list and type(found) is not tuple:
            found = (found,)
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

    def _fill(self, predicate: Node, index: Index) -> None:
        # one tight loop: this scan is most of the cost of a first view at 10^6 triples
        if not isinstance(predicate, URIRef):
            return
        iris, vocabulary, named, blank = self._iris, VOCABULARY, ox.NamedNode, ox.BlankNode
        quads = self.store.quads_for_pattern(None, named(str(predicate)), None, self.graph_name)
        get, last = index.get, None  # the scan is in object order: objects repeat
        obj: Any = None
        raw = False
        for quad in quads:
            s: Any = quad.subject
            o: Any = quad.object
            subject: Any
            if type(s) is named:
                value = s.value
                subject = iris.get(value)
                if subject is None:
                    subject = iris[value] = vocabulary.get(value) or URIRef(value)
            else:
                subject = to_rdflib_term(s)
            if o != last:
                last, kind = o, type(o)
                if kind is named:
                    value = o.value
                    obj = iris.get(value)
                    if obj is None:
                        obj = iris[value] = vocabulary.get(value) or URIRef(value)
                elif kind is blank:
                    obj = BNode(o.value)
                else:  # a literal: left raw until asked for (see _node)
                    obj, raw = o, True
            found = get(subject)  # as _put, inline
            if found is None:
                index[subject] = obj
            elif type(found) is list:
                found.append(obj)
            else:
                index[subject] = [found, obj]
        if raw:
            self._raw.add(predicate)


__all__ = [
    "GraphIndex",
    "GraphLike",
    "Index",
    "IndexedGraph",
    "StoreGraph",
    "Terms",
    "gc_paused",
    "indexed",
    "memo_of",
]
