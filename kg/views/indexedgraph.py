"""The per-predicate indexes and memo tables of the network views' graph.

:class:`IndexedGraph` answers the four calls of :class:`GraphLike` from
per-predicate indexes, filled by a subclass (:class:`GraphIndex` over an rdflib
Graph here; :class:`kg.views.storegraph.StoreGraph` over Oxigraph), and keeps
the memo tables of the view code. :mod:`kg.views.storegraph` describes both and
re-exports this module.

Examples
--------
>>> GraphIndex(Graph()).indexed()
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import UsageError
from kg.views.graphterms import GraphLike, gc_paused

Index = dict[Node, Any]
"""``{node: nodes}`` of one predicate, in one direction. A forward index holds a
subject's one object as itself (most subjects have one: no list for them, a
fifth of an index's memory) and two or more as a list (:func:`_each`)."""


def _each(found: Any) -> Any:
    """The objects a forward index holds for a subject, as a sequence."""
    return found if type(found) is list else (found,)


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

    def values(self, subject: Node, predicate: Node) -> Sequence[Node]:
        """The objects of ``(subject, predicate, ?)`` as a sequence (:meth:`objects`, listed)."""
        index = self._out.get(predicate)
        if index is None:
            index = self._forward(predicate)
        found = index.get(subject)
        if found is None:
            return ()
        if type(found) is not list:
            found = (found,)
        return [self._node(o) for o in found] if predicate in self._raw else found

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

    def retain(self, predicates: Iterable[Node], memos: Iterable[str] = ()) -> None:
        """Drop every index but those of ``predicates``, every memo table but ``memos``.

        What is dropped is rebuilt when next used: the answers do not change.

        >>> g = GraphIndex(Graph())
        >>> _ = list(g.objects(URIRef("urn:x"), URIRef("urn:p")))
        >>> g.retain([URIRef("urn:q")])
        >>> g.indexed()
        []
        """
        keep, keep_memos = set(predicates), set(memos)
        for index in (self._out, self._in):
            for predicate in [p for p in index if p not in keep]:
                del index[predicate]
        for name in [n for n in self._memo if n not in keep_memos]:
            del self._memo[name]

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


__all__ = ["GraphIndex", "Index", "IndexedGraph", "indexed", "memo_of"]
