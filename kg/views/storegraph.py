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

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import UsageError
from kg.read.store import to_rdflib_term
from kg.views.graphterms import VOCABULARY, GraphLike, Terms, gc_paused

Index = dict[Node, Any]
"""``{node: nodes}`` of one predicate, in one direction. A forward index holds a
subject's one object as itself (most subjects have one: no list for them, a
fifth of an index's memory) and two or more as a list (:func:`_each`)."""


def _each(found: Any) -> Any:
    """The objects a forward index holds for a subject, as a sequence."""
    return found if type(found) is list else (found,)


_XSD_STRING = ox.NamedNode(str(XSD.string))


def _need(predicate: Node | None) -> Node:
    if predicate is None:
        raise UsageError("an indexed graph answers only calls that name the predicate")
    return predicate


class IndexedGraph:
    """Per-predicate indexes and memo tables (see module docstring).

    Subclasses fill the index of a predicate (:meth:`_fill`).
    """

    def __init__(self) -> None:
        self._out: dict[Node, Index] = {}
        self._in: dict[Node, Index] = {}
        self._raw: set[Node] = set()
        self._memo: defaultdict[str, dict[Any, Any]] = defaultdict(dict)

    def _fill(self, predicate: Node, index: Index) -> None:
        """Put ``{subject: [objects…]}`` of ``predicate`` in ``index`` (objects may be raw)."""
        raise NotImplementedError

    def _node(self, raw: Any) -> Node:
        """An rdflib term for an object the scan left raw (see :class:`StoreGraph`)."""
        return raw  # type: ignore[no-any-return]

    def _forward(self, predicate: Node) -> Index:
        index = self._out.get(predicate)
        if index is None:
            index = self._out[predicate] = {}
            with gc_paused():
                self._fill(predicate, index)
        return index

    def _backward(self, predicate: Node) -> Index:
        index = self._in.get(predicate)
        if index is None:
            index = self._in[predicate] = {}
            for s, o in self.subject_objects(predicate):
                index.setdefault(o, []).append(s)
        return index

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        """The objects of ``(subject, predicate, ?)`` (every object when ``subject`` is None)."""
        index = self._out.get(predicate)  # type: ignore[arg-type]
        if index is None:
            index = self._forward(_need(predicate))
        if subject is None:
            found: Iterable[Any] = dict.fromkeys(o for os in index.values() for o in _each(os))
        else:
            found = index.get(subject, ())
            if type(found) is not list and type(found) is not tuple:
                found = (found,)
        return map(self._node, found) if predicate in self._raw else iter(found)

    def subjects(self, predicate: Node | None = None, object: Node | None = None) -> Iterator[Node]:
        """The subjects of ``(?, predicate, object)`` (every subject when ``object`` is None)."""
        pred = _need(predicate)
        if object is None:
            return iter(self._forward(pred))
        return iter(self._backward(pred).get(object, ()))

    def subject_objects(self, predicate: Node | None = None) -> Iterator[tuple[Node, Node]]:
        """The ``(subject, object)`` pairs of ``predicate``."""
        pred = _need(predicate)
        index = self._forward(pred)
        if pred in self._raw:
            node = self._node
            return ((s, node(o)) for s, objects in index.items() for o in _each(objects))
        return ((s, o) for s, objects in index.items() for o in _each(objects))

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool:
        """Whether ``(s, p, o)`` holds (``p`` fixed; ``s``/``o`` may be None)."""
        s, p, o = triple
        if s is None:
            return any(True for _ in self.subjects(p, o))
        found = list(self.objects(s, p))
        return bool(found) if o is None else o in found

    def iris(self, subject: Node, *predicates: Node) -> list[URIRef]:
        """The IRI objects of ``subject`` by ``predicates``, once each, sorted.

        >>> GraphIndex(Graph()).iris(URIRef("urn:x"), URIRef("urn:p"))
        []
        """
        found: list[Any] = []
        for pred in predicates:
            index = self._out.get(pred)
            if index is None:
                index = self._forward(_need(pred))
            objects = index.get(subject)
            if objects is None:
                continue
            if type(objects) is list:
                found.extend(objects)  # raw literals are no IRIs: no need to convert them
            else:
                found.append(objects)
        if not found[1:]:  # none or one (most calls): no set, no sort
            return [o for o in found if isinstance(o, URIRef)]
        return sorted({o for o in found if isinstance(o, URIRef)}, key=str)

    def texts(self, subject: Node, predicate: Node) -> list[tuple[str, str | None]]:
        """``(lexical form, language)`` of the literal objects of ``(subject, predicate, ?)``.

        >>> GraphIndex(Graph()).texts(URIRef("urn:x"), URIRef("urn:p"))
        []
        """
        return [
            (str(o), o.language) for o in self.objects(subject, predicate) if isinstance(o, Literal)
        ]

    def memo(self, table: str) -> dict[Any, Any]:
        """The memo table ``table`` of the view code (created empty on first use)."""
        return self._memo[table]

    def indexed(self) -> list[str]:
        """The predicates indexed so far (sorted IRIs)."""
        return sorted(str(p) for p in self._out)

    def index_sizes(self) -> dict[str, int]:
        """``{predicate: pairs held}`` of the indexes built so far."""
        return {
            str(p): sum(len(v) if type(v) is list else 1 for v in i.values())
            for p, i in sorted(self._out.items())
        }

    def release(self) -> None:
        """Drop the indexes and memo tables, freeing their memory (rebuilt when next used).

        >>> g = GraphIndex(Graph())
        >>> _ = list(g.objects(URIRef("urn:x"), URIRef("urn:p")))
        >>> g.release()
        >>> g.indexed()
        []
        """
        self._out.clear()
        self._in.clear()
        self._raw.clear()
        self._memo.clear()


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
            _put(index, subject, obj)


class GraphIndex(IndexedGraph):
    """The same indexes over an rdflib Graph, or any :class:`GraphLike`.

    Examples
    --------
    >>> GraphIndex(Graph()).indexed()
    []
    """

    def __init__(self, graph: GraphLike | Graph) -> None:
        super().__init__()
        self.graph = graph

    def _fill(self, predicate: Node, index: Index) -> None:
        for s, o in self.graph.subject_objects(predicate):
            _put(index, s, o)


def _put(index: Index, subject: Node, obj: Any) -> None:
    """Add ``obj`` to ``subject``'s objects: the object alone, or a list from the second on."""
    found = index.get(subject)
    if found is None:
        index[subject] = obj
    elif type(found) is list:
        found.append(obj)
    else:
        index[subject] = [found, obj]


def indexed(graph: GraphLike | Graph) -> IndexedGraph:
    """``graph`` itself when indexed, else a :class:`GraphIndex` over it.

    Examples
    --------
    >>> isinstance(indexed(Graph()), GraphIndex)
    True
    """
    return graph if isinstance(graph, IndexedGraph) else GraphIndex(graph)


def memo_of(graph: GraphLike, table: str) -> dict[Any, Any] | None:
    """The memo table ``table`` of an indexed graph; None for any other graph."""
    return graph._memo[table] if isinstance(graph, IndexedGraph) else None


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
