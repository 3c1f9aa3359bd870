"""The views' read-only graph, indexed per predicate: the base class and rdflib's.

:class:`IndexedGraph` answers the four calls of :class:`GraphLike` from
per-predicate indexes, filled on first use by a subclass (:meth:`IndexedGraph._fill`),
and keeps the memo tables of the view code; :class:`GraphIndex` fills them from
an rdflib Graph. A subclass may also answer a predicate subject by subject
(:meth:`IndexedGraph._lookup`) instead of indexing it whole: see
:class:`kg.views.storegraph.StoreGraph`, and that module for the whole design.

Examples
--------
>>> from rdflib import URIRef
>>> g = Graph()
>>> g.add((URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b")))  # doctest: +ELLIPSIS
<Graph ...>
>>> list(GraphIndex(g).objects(URIRef("urn:a"), URIRef("urn:p")))
[rdflib.term.URIRef('urn:b')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import UsageError
from kg.views.graphterms import GraphLike, gc_paused

Index = dict[Node, list[Any]]
"""``{node: [nodes…]}`` of one predicate, in one direction."""

_NONE: tuple[Any, ...] = ()


def _need(predicate: Node | None) -> Node:
    if predicate is None:
        raise UsageError("an indexed graph answers only calls that name the predicate")
    return predicate


class IndexedGraph:
    """Per-predicate indexes and memo tables (see module docstring).

    Subclasses fill the index of a predicate (:meth:`_fill`), and may answer the
    predicates of :attr:`LOOKED_UP` subject by subject (:meth:`_lookup`,
    :meth:`_lookup_subjects`) until a call needs one whole.
    """

    LOOKED_UP: frozenset[Node] = frozenset()
    """Predicates looked up per subject (or object) asked, not indexed whole."""

    def __init__(self) -> None:
        self._out: dict[Node, Index] = {}
        self._in: dict[Node, Index] = {}
        self._partial: set[Node] = set()  # _out holds only the subjects asked so far
        self._by_object: dict[Node, Index] = {}  # the subjects looked up per object
        self._raw: set[Node] = set()
        self._memo: defaultdict[str, dict[Any, Any]] = defaultdict(dict)

    def _fill(self, predicate: Node, index: Index) -> None:
        """Put ``{subject: [objects…]}`` of ``predicate`` in ``index`` (objects may be raw)."""
        raise NotImplementedError

    def _lookup(self, subject: Node, predicate: Node) -> list[Any]:
        """The objects of ``(subject, predicate, ?)`` (may be raw), for :attr:`LOOKED_UP`."""
        raise NotImplementedError

    def _lookup_subjects(self, predicate: Node, obj: Node) -> list[Any]:
        """The subjects of ``(?, predicate, obj)``, for :attr:`LOOKED_UP`."""
        raise NotImplementedError

    def _objects_of(self, subject: Node, predicate: Node) -> Sequence[Any]:
        """The objects of ``(subject, predicate, ?)`` as held (may be raw)."""
        index = self._out.get(predicate)
        if index is None:
            if predicate in self.LOOKED_UP:
                index = self._out[predicate] = {}
                self._partial.add(predicate)
            else:
                index = self._forward(_need(predicate))
        found: Sequence[Any] | None = index.get(subject)
        if found is None:
            if predicate not in self._partial:
                return _NONE
            found = index[subject] = self._lookup(subject, predicate) or _NONE  # type: ignore[assignment]
        return found

    def _node(self, raw: Any) -> Node:
        """An rdflib term for an object the scan left raw (see :class:`StoreGraph`)."""
        return raw  # type: ignore[no-any-return]

    def _forward(self, predicate: Node) -> Index:
        """The whole index of ``predicate``."""
        index = self._out.get(predicate)
        if index is None or predicate in self._partial:
            self._partial.discard(predicate)
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
        found: Iterable[Any]
        if subject is None:
            index = self._forward(_need(predicate))
            found = dict.fromkeys(o for os in index.values() for o in os)
        else:
            found = self._objects_of(subject, predicate)  # type: ignore[arg-type]
        return map(self._node, found) if predicate in self._raw else iter(found)

    def subjects(self, predicate: Node | None = None, object: Node | None = None) -> Iterator[Node]:
        """The subjects of ``(?, predicate, object)`` (every subject when ``object`` is None)."""
        pred = _need(predicate)
        if object is None:
            return iter(self._forward(pred))
        if pred in self.LOOKED_UP and (pred in self._partial or pred not in self._out):
            held = self._by_object.setdefault(pred, {})
            found = held.get(object)
            if found is None:
                found = held[object] = self._lookup_subjects(pred, object)
            return iter(found)
        return iter(self._backward(pred).get(object, ()))

    def subject_objects(self, predicate: Node | None = None) -> Iterator[tuple[Node, Node]]:
        """The ``(subject, object)`` pairs of ``predicate``."""
        pred = _need(predicate)
        index = self._forward(pred)
        if pred in self._raw:
            node = self._node
            return ((s, node(o)) for s, objects in index.items() for o in objects)
        return ((s, o) for s, objects in index.items() for o in objects)

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
        objects: Sequence[Any] | None
        for pred in predicates:
            index = self._out.get(pred)
            if index is None or pred in self._partial:
                objects = self._objects_of(subject, pred)
            else:
                objects = index.get(subject)
            if objects:
                found.extend(objects)  # raw literals are no IRIs: no need to convert them
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
        """The predicates indexed so far, whole or for the subjects asked (sorted IRIs)."""
        return sorted(str(p) for p in self._out)

    def index_sizes(self) -> dict[str, int]:
        """``{predicate: pairs held}`` of the indexes built so far (see :meth:`indexed`)."""
        return {str(p): sum(map(len, i.values())) for p, i in sorted(self._out.items())}


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
            index.setdefault(s, []).append(o)


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


__all__ = ["GraphIndex", "Index", "IndexedGraph", "indexed", "memo_of"]
