"""The time of a dynamic GEXF: edge and node spans, and their ``<spells>`` element.

An edge's spans are read back from its ``spells`` attribute (ISO intervals
joined by ``" | "``); a node's are its own interval, else the union of its
edges' spans (an undated edge makes the node show at every time). Spans are
merged (:func:`kg.views.timeslice.merged_bounds`) into one ``<spell>`` each.

Examples
--------
>>> edge_spans({"spells": "2020-01-01/.."})
[Span(start=datetime.date(2020, 1, 1), end=None, basis='interval')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.outputs.viewrows import ViewRows
from kg.outputs.xmlcommon import start_tag
from kg.views.timeslice import Span, merged_bounds, parse_iso_interval


def _bounds(spans: Iterable[Span]) -> list[dict[str, str]]:
    """The ``<spell>`` attributes of the merged ``spans`` (an open end has none)."""
    bounds = []
    for start, end in merged_bounds(spans):
        found = {}
        if start is not None:
            found["start"] = start.isoformat()
        if end is not None:
            found["end"] = end.isoformat()
        bounds.append(found)
    return bounds


def spells_element(spans: Iterable[Span]) -> str:
    """The ``<spells>`` element of the merged ``spans`` (empty text when there is none).

    >>> from datetime import date
    >>> spells_element([Span(date(2020, 1, 1), None)])
    '<spells><spell start="2020-01-01"></spell></spells>'
    """
    bounds = _bounds(spans)
    if not bounds:
        return ""
    inner = "".join(start_tag("spell", found) + "</spell>" for found in bounds)
    return f"<spells>{inner}</spells>"


def edge_spans(data: dict[str, Any]) -> list[Span] | None:
    """The spans of an edge from its ``spells`` attribute; None when undated."""
    text = str(data.get("spells") or "")
    if not text:
        return None
    return [parse_iso_interval(part) for part in text.split(" | ")]


def node_spans(
    view: nx.Graph,
    *,
    parsed: dict[str, list[Span] | None] | None = None,
    rows: ViewRows | None = None,
) -> dict[Any, list[Span] | None]:
    """Each node's own interval, else the union of its edges' spans (None: always).

    One pass over the edges; ``parsed`` caches :func:`edge_spans` by ``spells`` text.

    >>> g = nx.Graph([("a", "b", {"spells": "2020-01-01/.."})])
    >>> [s.iso() for s in node_spans(g)["a"]]
    ['2020-01-01/..']
    """
    cache: dict[str, list[Span] | None] = {} if parsed is None else parsed
    rows = rows or ViewRows(view)
    spans: dict[Any, list[Span] | None] = {node: [] for node, _ in rows.nodes}
    for u, v, data in rows.edges:
        text = str(data.get("spells") or "")
        found = cache[text] if text in cache else cache.setdefault(text, edge_spans(data))
        for node in (u, v):
            held = spans[node]
            if held is not None:
                if found is None:
                    spans[node] = None  # an undated edge: the node shows at every time
                else:
                    held.extend(found)
    for node, data in rows.nodes:
        if data.get("start") or data.get("end"):
            own = f"{data.get('start') or '..'}/{data.get('end') or '..'}"
            spans[node] = [parse_iso_interval(own)]
        elif not spans[node]:
            spans[node] = None
    return spans


__all__ = ["edge_spans", "node_spans", "spells_element"]
