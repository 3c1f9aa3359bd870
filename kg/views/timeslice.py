"""When a relation holds: the time rule of the network views.

A relation of a view (an edge) is *carried* by a node of the graph — the event
that implies it (talks, ceasefire, statement …), the membership or office
holding that states it, or, for a plain actor–actor triple such as
``ckg:partOf``, the subject actor. Its :class:`Span` is taken from the first of
these that the graph gives:

1. **interval** — the carrier's ``ckg:startDate``/``ckg:startYear`` and
   ``ckg:endDate``/``ckg:endYear`` (a year starts on 1 January and ends on
   31 December). A missing end means the relation is ongoing; a missing start
   means its start is unknown (open to the past).
2. **event** — the carrier's ``ckg:date`` (that day only) or ``ckg:year``
   (1 January to 31 December of that year; failing both, ``ckg:statusYear``,
   the year a source gives for its status, e.g. the year an effort failed, in
   which it was still under way). An event's date is when it
   happened, so a relation it implies holds for that day or year only and does
   **not** persist.
3. **asOf** — the carrier's ``ckg:asOf``: a source attests that the relation
   held on that date. Its earlier start is unknown and no end is known, so it
   is taken to hold *from* that date on, until an end is recorded.
4. **source** — the ``dct:date`` of the source document that attests the
   carrier (``ckg:attestedBy`` a quotation ``prov:wasQuotedFrom`` a document, or
   a document directly), or of what it is ``ckg:reportedIn`` (a document, or a
   dated statement: Putin's appeal is dated by the Kremlin statement of
   2020-10-08 that reports it). An undated document is dated by the first dated
   document along its ``ckg:citesSource`` chain (breadth first). The earliest
   such date wins. Like ``asOf``, a source date
   is an attestation: the relation holds from that date on.

A relation with none of these is *undated*: it is in the full view and in no
time slice.

Slicing: ``at=D`` keeps a relation iff ``start <= D <= end`` (a missing bound
is unbounded); ``between=(S, E)`` keeps it iff its span overlaps ``[S, E]``
(``start <= E`` and ``end >= S``). So an effort dated only by
``ckg:year 2010`` is absent ``at=2020-10-09`` (its span ended on 2010-12-31),
while one with ``ckg:startYear 2010`` and no end is present.

Examples
--------
>>> from rdflib import XSD, Graph, Literal, URIRef
>>> from kg import CKG
>>> g = Graph()
>>> effort = URIRef("urn:effort")
>>> _ = g.add((effort, CKG.year, Literal("2010", datatype=XSD.gYear)))
>>> from datetime import date
>>> span_of(g, effort).contains(date(2020, 10, 9))
False
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from datetime import date

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from kg import CKG
from kg.views.spans import (
    OPEN,
    UNDATED,
    Span,
    intersect,
    merge_spans,
    merged_bounds,
    parse_iso_interval,
)
from kg.views.storegraph import GraphLike, IndexedGraph, Terms, memo_of

_CKG, _DCT, _PROV = Terms(CKG), Terms(DCTERMS), Terms(PROV)

_DATE_LEX = re.compile(r"\s*(-?\d{4,})(?:-(\d\d)-(\d\d))?")


def literal_date(value: Node | None, *, end_of_year: bool = False) -> date | None:
    """A date from an ``xsd:date``/``xsd:gYear`` (or dateTime) literal, else None.

    A year gives 1 January, or 31 December with ``end_of_year``. A year outside
    0001-9999 (BCE, year 0, five digits) gives None, never another year: the
    literal checks refuse such values (see :func:`kg.read.wellformed.literal_problem`).

    >>> from rdflib import Literal, XSD
    >>> literal_date(Literal("2010", datatype=XSD.gYear), end_of_year=True)
    datetime.date(2010, 12, 31)
    >>> literal_date(Literal("20201", datatype=XSD.gYear)) is None
    True
    """
    if not isinstance(value, Literal):
        return None
    m = _DATE_LEX.match(str(value))
    if m is None:
        return None
    year = int(m.group(1))
    try:
        if m.group(2):
            return date(year, int(m.group(2)), int(m.group(3)))
        return date(year, 12, 31) if end_of_year else date(year, 1, 1)
    except ValueError:  # year outside 1..9999, or no such day
        return None


def _first(graph: GraphLike, node: Node, *preds: URIRef, end_of_year: bool = False) -> date | None:
    """The earliest (``end_of_year``: latest) date of the first of ``preds`` that gives one."""
    for pred in preds:
        if isinstance(graph, IndexedGraph):
            values: Sequence[Node] = graph.values(node, pred)
        else:
            values = list(graph.objects(node, pred))
        if not values:  # most calls
            continue
        found = [
            d for d in (literal_date(o, end_of_year=end_of_year) for o in values) if d is not None
        ]
        if found:
            return max(found) if end_of_year else min(found)
    return None


def interval_of(graph: GraphLike, node: Node) -> Span | None:
    """Step 1: the explicit interval of ``node``, if it has a bound."""
    start = _first(graph, node, _CKG.startDate, _CKG.startYear)
    end = _first(graph, node, _CKG.endDate, _CKG.endYear, end_of_year=True)
    if start is None and end is None:
        return None
    return Span(start, end, "interval")


def document_date(graph: GraphLike, doc: Node) -> date | None:
    """The ``dct:date`` of ``doc``, else of the first dated document it cites."""
    memo = memo_of(graph, "document_date")
    if memo is None:
        return _document_date(graph, doc)
    if doc not in memo:
        memo[doc] = _document_date(graph, doc)
    return memo[doc]  # type: ignore[no-any-return]


def _document_date(graph: GraphLike, doc: Node) -> date | None:
    seen: set[Node] = set()
    queue: deque[Node] = deque([doc])
    while queue:
        current = queue.popleft()
        if current in seen:
            continue
        seen.add(current)
        found = _first(graph, current, _DCT.date, _CKG.date)
        if found is not None:
            return found
        queue.extend(sorted(graph.objects(current, _CKG.citesSource), key=str))
    return None


def source_documents(graph: GraphLike, node: Node) -> list[URIRef]:
    """Documents attesting ``node``: through its quotations, or directly."""
    memo = memo_of(graph, "source_documents")
    if memo is None:
        return _source_documents(graph, node)
    if node not in memo:
        memo[node] = _source_documents(graph, node)
    return list(memo[node])


def _source_documents(graph: GraphLike, node: Node) -> list[URIRef]:
    docs: set[URIRef] = set()
    for att in graph.objects(node, _CKG.attestedBy):
        quoted = [d for d in graph.objects(att, _PROV.wasQuotedFrom) if isinstance(d, URIRef)]
        if quoted:
            docs.update(quoted)
        elif isinstance(att, URIRef):
            docs.add(att)
    return sorted(docs, key=str)


_STEPS: dict[tuple[str, ...], frozenset[str]] = {}


def span_of(
    graph: GraphLike, node: Node, *, steps: Iterable[str] = ("interval", "event", "asOf")
) -> Span:
    """Apply the time rule to the carrier ``node`` (the source step always runs last).

    Parameters
    ----------
    graph : GraphLike
        An rdflib Graph or a :class:`kg.views.storegraph.IndexedGraph` (which caches the answer).
    node : the event, membership or actor that carries the relation.
    steps : which of ``interval``, ``event``, ``asOf`` to try before the source date.

    Examples
    --------
    >>> from rdflib import Graph
    >>> span_of(Graph(), CKG.nothing)
    Span(start=None, end=None, basis='undated')
    """
    wanted = _STEPS.get(steps) if type(steps) is tuple else None
    if wanted is None:  # one shared frozenset per tuple of steps: the memo keys hold it
        wanted = frozenset(steps)
        if type(steps) is tuple:
            _STEPS[steps] = wanted
    memo = memo_of(graph, "span_of")
    if memo is None:
        return _span_of(graph, node, wanted)
    key = (node, wanted)
    if key not in memo:
        memo[key] = _span_of(graph, node, wanted)
    return memo[key]  # type: ignore[no-any-return]


def _span_of(graph: GraphLike, node: Node, wanted: frozenset[str]) -> Span:
    if "interval" in wanted and (span := interval_of(graph, node)) is not None:
        return span
    if "event" in wanted:
        day = _first(graph, node, _CKG.date)
        if day is not None:
            return Span(day, day, "event")
        year = _first(graph, node, _CKG.year) or _first(graph, node, _CKG.statusYear)
        if year is not None:
            return Span(year, date(year.year, 12, 31), "event")
    if "asOf" in wanted and (day := _first(graph, node, _CKG.asOf)) is not None:
        return Span(day, None, "asOf")
    docs = [*source_documents(graph, node), *graph.objects(node, _CKG.reportedIn)]
    dates = [d for d in (document_date(graph, doc) for doc in docs) if d]
    if dates:
        return Span(min(dates), None, "source")
    return UNDATED


__all__ = [
    "OPEN",
    "UNDATED",
    "Span",
    "document_date",
    "interval_of",
    "intersect",
    "literal_date",
    "merge_spans",
    "merged_bounds",
    "parse_iso_interval",
    "source_documents",
    "span_of",
]
