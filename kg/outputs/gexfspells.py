"""The time of a dynamic GEXF: the ``<spells>`` element of each edge and node.

An edge's spans are read back from its ``spells`` attribute (ISO intervals
joined by ``" | "``); a node's are its own interval, else the union of its
edges' spans (an undated edge makes the node show at every time). Spans are
merged by :func:`kg.views.spans.union_of`, as
:func:`kg.views.timeslice.merged_bounds` merges them, into one ``<spell>`` each.

The bounds are handled as their ISO text (``YYYY-MM-DD``, read through
:meth:`datetime.date.fromisoformat` and written back by
:meth:`~datetime.date.isoformat`), which sorts as the dates do; an open bound is
:data:`OPEN_START` or :data:`OPEN_END`, which sort before and after every date,
as ``merged_bounds``' sentinels :attr:`date.min <datetime.date.min>` and
:attr:`date.max <datetime.date.max>` do (and stand for those days). Each
distinct ``spells`` text is read and written once per view (:class:`Spells`).

Examples
--------
>>> element = Spells().edge("2020-01-01/.. | 2010-01-01/2010-12-31 | 2010-06-01/2010-06-02")
>>> element.count("<spell "), element.startswith('<spells><spell start="2010-01-01" end=')
(2, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from kg.views.spans import OPEN, union_of

OPEN_START = ""
"""An open start (sorts before every ISO date; also stands for 0001-01-01)."""

OPEN_END = "~"
"""An open end (sorts after every ISO date; also stands for 9999-12-31)."""

Bounds = list[tuple[str, str]]
"""``(start, end)`` of spans as ISO text, open bounds as :data:`OPEN_START`/:data:`OPEN_END`."""

_FIRST, _LAST = date.min.isoformat(), date.max.isoformat()


def _start(text: str) -> str:
    if text == OPEN:
        return OPEN_START
    day = date.fromisoformat(text).isoformat()
    return OPEN_START if day == _FIRST else day


def _end(text: str) -> str:
    if text in (OPEN, ""):
        return OPEN_END
    day = date.fromisoformat(text).isoformat()
    return OPEN_END if day == _LAST else day


def interval_bounds(text: str) -> tuple[str, str]:
    """The bounds of one ISO interval (as :func:`kg.views.timeslice.parse_iso_interval`).

    >>> interval_bounds("2010-01-01/..")
    ('2010-01-01', '~')
    """
    first, _, last = text.partition("/")
    return _start(first), _end(last)


def spells_element(bounds: Iterable[tuple[str, str]]) -> str:
    """The ``<spells>`` element of the union of ``bounds`` (empty text when there is none).

    >>> spells_element([("2020-01-01", OPEN_END), (OPEN_START, "2010-12-31")])
    '<spells><spell end="2010-12-31"></spell><spell start="2020-01-01"></spell></spells>'
    """
    merged = union_of(bounds)
    if not merged:
        return ""
    spells = [
        "<spell"
        + ("" if start == OPEN_START else f' start="{start}"')
        + ("" if end == OPEN_END else f' end="{end}"')
        + "></spell>"
        for start, end in merged
    ]
    return f"<spells>{''.join(spells)}</spells>"


class Spells:
    """The bounds and ``<spells>`` element of each ``spells`` text, made once each."""

    def __init__(self) -> None:
        self._bounds: dict[str, Bounds] = {}
        self._elements: dict[str, str] = {}
        self._unions: dict[tuple[str, ...], str] = {}

    def bounds(self, text: str) -> Bounds:
        """The bounds of the ISO intervals joined by ``" | "`` in ``text`` (not empty)."""
        found = self._bounds.get(text)
        if found is None:
            found = self._bounds[text] = [interval_bounds(part) for part in text.split(" | ")]
        return found

    def edge(self, text: str) -> str:
        """The ``<spells>`` element of an edge's ``spells`` text (empty when undated)."""
        found = self._elements.get(text)
        if found is None:
            found = self._elements[text] = spells_element(self.bounds(text)) if text else ""
        return found

    def nodes(
        self,
        nodes: Sequence[tuple[Any, dict[str, Any]]],
        edges: Iterable[tuple[Any, Any, dict[str, Any]]],
    ) -> dict[Any, str]:
        """The ``<spells>`` element of each of ``nodes`` (see module docstring).

        ``nodes`` are ``(node, attributes)``, ``edges`` ``(u, v, attributes)``: a
        view's rows (:class:`kg.outputs.viewrows.ViewRows`).
        """
        texts: dict[Any, list[str] | None] = {node: [] for node, _ in nodes}
        for u, v, data in edges:
            text = str(data.get("spells") or "")
            for node in (u, v):
                held = texts[node]
                if held is None:
                    continue
                if text:
                    held.append(text)
                else:
                    texts[node] = None  # an undated edge: the node shows at every time
        elements: dict[Any, str] = {}
        for node, data in nodes:
            held = texts[node]
            if data.get("start") or data.get("end"):
                own = f"{data.get('start') or OPEN}/{data.get('end') or OPEN}"
                elements[node] = spells_element([interval_bounds(own)])
            elif not held:
                elements[node] = ""
            elif not held[1:]:  # one edge: its own element
                elements[node] = self.edge(held[0])
            else:
                elements[node] = self._union(tuple(dict.fromkeys(held)))
        return elements

    def _union(self, texts: tuple[str, ...]) -> str:
        """The ``<spells>`` element of the union of ``texts`` (nodes share their edges' texts)."""
        found = self._unions.get(texts)
        if found is None:
            bounds = self.bounds
            found = self._unions[texts] = spells_element([b for t in texts for b in bounds(t)])
        return found


__all__ = ["OPEN_END", "OPEN_START", "Bounds", "Spells", "interval_bounds", "spells_element"]
