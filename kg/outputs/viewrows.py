"""What the three exports of one view share, computed once: rows, types, attribute text.

``build`` writes each view as GEXF, dynamic GEXF and GraphML. The three read the
same nodes and edges with the same attribute types, and the two GEXF files the
same ``<attvalues>`` of every node and edge (the dynamic one adds spells).
:class:`ViewRows` computes these once per view: the first GEXF written keeps
its ``<attvalues>`` texts for the second (:meth:`ViewRows.attvalues`), so one
view's exports cost about two passes instead of three.

Examples
--------
>>> import networkx as nx
>>> rows = ViewRows(nx.Graph([("a", "b", {"w": 1})]))
>>> rows.types("edge")
{'w': 'integer'}
>>> attvalues({"w": 1, "x": None}, ["w", "x"])
'<attvalues><attvalue for="w" value="1"></attvalue></attvalues>'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from kg.outputs.gexfspells import Spells
from kg.outputs.xmlcommon import SPECIAL, attribute_types, edges_of, value_text, xml_attr, xml_text

Row = tuple[Any, dict[str, Any]]
"""A node and its attributes."""

EdgeRow = tuple[Any, Any, dict[str, Any]]
"""An edge's ends and its attributes."""

_END_ATTVALUE = '"></attvalue>'


Heads = list[tuple[str, str]]
"""``(attribute, '<attvalue for="…" value="')`` of each attribute written, in order."""


def _heads(keys: Iterable[str]) -> Heads:
    return [(key, f'<attvalue for="{xml_attr(key)}" value="') for key in keys]


def attvalues(data: dict[str, Any], keys: Iterable[str]) -> str:
    """The GEXF ``<attvalues>`` of ``data`` for ``keys`` (empty text when none is set).

    Values are escaped as lxml escapes attribute values (:func:`kg.outputs.xmlcommon.xml_attr`).
    """
    return _attvalues(data, _heads(keys))


def _attvalues(data: dict[str, Any], heads: Heads) -> str:
    # one plain loop (no generator, zip or helper per edge): it runs for every node and edge
    get, search = data.get, SPECIAL.search
    parts: list[str] = []
    for key, head in heads:
        value = get(key)
        if value is None:
            continue
        if type(value) is not str:
            value = value_text(value)
        if search(value) is not None:
            value = xml_attr(value)
        parts += (head, value, _END_ATTVALUE)
    return f"<attvalues>{''.join(parts)}</attvalues>" if parts else ""


def data_tags(keys: dict[str, str]) -> dict[str, str]:
    """``{attribute: '<data key="…">'}`` of the GraphML key ids ``{attribute: id}``."""
    return {name: f'<data key="{xml_attr(key)}">' for name, key in keys.items()}


def graphml_data(data: dict[str, Any], tags: dict[str, str]) -> str:
    """A GraphML ``<data>`` element for each attribute of ``data`` that has a tag, in its order.

    >>> graphml_data({"a": "x&y", "b": 2}, data_tags({"a": "d0"}))
    '<data key="d0">x&amp;y</data>'
    """
    get, search = tags.get, SPECIAL.search
    parts: list[str] = []
    for name, value in data.items():  # one plain loop, as _attvalues
        head = get(name)
        if head is None or value is None:
            continue
        if type(value) is not str:
            value = value_text(value)
        if search(value) is not None:
            value = xml_text(value)
        parts += (head, value, "</data>")
    return "".join(parts)


class ViewRows:
    """The nodes, edges and attribute types of ``view``, read once for all its exports.

    Parameters
    ----------
    view : networkx.Graph
        The view (not changed while its exports are written).
    share : bool
        Keep what the static GEXF composes for the dynamic one (:meth:`shared`);
        only when both are written from these rows.
    """

    def __init__(self, view: nx.Graph, *, share: bool = False) -> None:
        self.view = view
        self.share = share
        self.nodes: list[Row] = list(view.nodes(data=True))
        self.edges: list[EdgeRow] = list(edges_of(view))
        self._types: dict[str, dict[str, str]] = {}
        self._degree: dict[Any, int] | None = None
        self._kept: dict[str, list[str]] = {}
        self.spells = Spells()
        """The ``<spells>`` elements of the dynamic GEXF, by ``spells`` text."""

    def types(self, domain: str) -> dict[str, str]:
        """``{name: GEXF type}`` of the ``node`` or ``edge`` attributes (sorted by name)."""
        found = self._types.get(domain)
        if found is None:
            items = self.nodes if domain == "node" else self.edges
            found = self._types[domain] = attribute_types((row[-1] for row in items), set())
        return found

    def degree(self) -> dict[Any, int]:
        """Each node's degree."""
        if self._degree is None:  # as networkx counts it (a self-loop twice), from the rows
            degree = self._degree = dict.fromkeys((node for node, _ in self.nodes), 0)
            for u, v, _ in self.edges:
                degree[u] += 1
                degree[v] += 1
        return self._degree

    def shared(
        self, name: str, compose: Callable[[int], str], *, count: int, keep: bool
    ) -> Callable[[int], str]:
        """``i -> compose(i)``, the text ``name`` of the ``i``-th node or edge, shared.

        With ``keep`` the texts are kept, in order, for the next call of the same
        ``name`` (the other GEXF of the view), which then reads them instead of
        composing them again, and releases them; ``count`` is how many there are.
        """
        kept = self._kept.pop(name, None)
        if kept is not None and len(kept) == count:  # (not when the first one failed)
            return kept.__getitem__
        if not (keep and self.share):
            return compose
        store: list[str] = []
        self._kept[name] = store

        def composed(i: int) -> str:
            text = compose(i)
            store.append(text)
            return text

        return composed

    def attvalues(self, keys: Iterable[str]) -> Callable[[dict[str, Any]], str]:
        """``data -> <attvalues>`` for ``keys`` (see :func:`attvalues`)."""
        heads = _heads(keys)
        return lambda data: _attvalues(data, heads)


__all__ = ["EdgeRow", "Row", "ViewRows", "attvalues", "data_tags", "graphml_data"]
