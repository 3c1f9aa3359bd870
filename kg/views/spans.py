"""Spans of time: when a relation of a view holds, as dates and as ISO 8601 intervals.

:class:`Span` is ``[start, end]`` with open bounds; :func:`intersect` is the
time spans hold together and :func:`merged_bounds` / :func:`merge_spans` their
union. :mod:`kg.views.timeslice` dates the relations (its time rule) and
re-exports this module.

Examples
--------
>>> from datetime import date
>>> Span(date(2010, 1, 1), date(2010, 12, 31), "event").contains(date(2020, 10, 9))
False
>>> Span(date(2010, 1, 1), None, "interval").contains(date(2020, 10, 9))
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from sys import intern
from typing import TypeVar

B = TypeVar("B", date, str)
"""A bound of :func:`union_of`: a date, or its ISO text."""

OPEN = ".."
"""How an open bound is written in an ISO 8601 interval (``2020-10-10/..``)."""


@dataclass(frozen=True, order=True)
class Span:
    """The time a relation holds: ``[start, end]``, ``None`` for an open bound.

    ``basis`` says which step of the rule dated it: ``interval``, ``event``,
    ``asOf``, ``source`` or ``undated``.
    """

    start: date | None
    end: date | None
    basis: str = "interval"

    @property
    def dated(self) -> bool:
        """Whether the graph gives any time for the relation."""
        return self.basis != "undated"

    def contains(self, day: date) -> bool:
        """Whether the relation holds on ``day`` (always False when undated)."""
        if not self.dated:
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, start: date, end: date) -> bool:
        """Whether the relation holds at some time in ``[start, end]``."""
        if not self.dated:
            return False
        return (self.start is None or self.start <= end) and (self.end is None or self.end >= start)

    def iso(self) -> str:
        """ISO 8601 interval, ``..`` for an open bound (``""`` when undated).

        Made once per span (the edges of one carrier share it) and interned.

        >>> Span(date(2020, 10, 10), None, "asOf").iso()
        '2020-10-10/..'
        """
        return self.iso_bounds()[0]

    def iso_bounds(self) -> tuple[str, str | None, str | None]:
        """:meth:`iso`, and the ISO dates of ``start`` and ``end`` (None when open).

        >>> Span(date(2020, 10, 10), None, "asOf").iso_bounds()
        ('2020-10-10/..', '2020-10-10', None)
        """
        found: tuple[str, str | None, str | None] | None = self.__dict__.get("_iso")
        if found is None:
            first = intern(self.start.isoformat()) if self.start else None
            last = intern(self.end.isoformat()) if self.end else None
            text = intern(f"{first or OPEN}/{last or OPEN}") if self.dated else ""
            found = (text, first, last)
            # beside the fields of this frozen instance: not compared, hashed or shown
            object.__setattr__(self, "_iso", found)
        return found


UNDATED = Span(None, None, "undated")


def parse_iso_interval(text: str) -> Span:
    """Inverse of :meth:`Span.iso` (basis ``interval``).

    >>> parse_iso_interval("2010-01-01/..").end is None
    True
    """
    first, _, last = text.partition("/")
    return Span(
        None if first == OPEN else date.fromisoformat(first),
        None if last in (OPEN, "") else date.fromisoformat(last),
    )


def intersect(spans: Iterable[Span]) -> Span:
    """The time all ``spans`` hold together (for a pair attested by two memberships).

    >>> intersect([Span(date(2020, 1, 1), None, "asOf"), Span(date(2020, 5, 1), None, "asOf")])
    Span(start=datetime.date(2020, 5, 1), end=None, basis='asOf')
    """
    items = list(spans)
    if not items or any(not s.dated for s in items):
        return UNDATED
    starts = [s.start for s in items if s.start is not None]
    ends = [s.end for s in items if s.end is not None]
    basis = intern("+".join(sorted({s.basis for s in items})))
    return Span(max(starts) if starts else None, min(ends) if ends else None, basis)


def merged_bounds(spans: Iterable[Span]) -> list[tuple[date | None, date | None]]:
    """``(start, end)`` of the union of the dated ``spans``, sorted (``None``: open bound).

    Spans that overlap or share a day merge; an open bound absorbs what it reaches.

    >>> merged_bounds([Span(date(2020, 1, 1), None), Span(None, date(2010, 12, 31))])
    [(None, datetime.date(2010, 12, 31)), (datetime.date(2020, 1, 1), None)]
    """
    low, high = date.min, date.max  # open bounds, as sentinels that sort first and last
    merged = union_of((s.start or low, s.end or high) for s in spans if s.basis != "undated")
    return [(None if a == low else a, None if b == high else b) for a, b in merged]


def union_of(bounds: Iterable[tuple[B, B]]) -> list[tuple[B, B]]:
    """The union of closed intervals ``(start, end)`` as sorted, disjoint intervals.

    Any bounds that sort as the days do (dates, ISO texts); open bounds as
    sentinels that sort first and last. Intervals that overlap or share a day merge.

    >>> union_of([("2020", "2021"), ("2010", "2012"), ("2011", "2015")])
    [('2010', '2015'), ('2020', '2021')]
    """
    merged: list[tuple[B, B]] = []
    for start, end in sorted(bounds):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Union of dated spans as sorted, non-overlapping spans (for GEXF spells).

    >>> spans = [Span(date(2020, 1, 1), None), Span(date(2010, 1, 1), date(2010, 12, 31))]
    >>> [s.iso() for s in merge_spans(spans)]
    ['2010-01-01/2010-12-31', '2020-01-01/..']
    """
    return [Span(start, end, "interval") for start, end in merged_bounds(spans)]


__all__ = [
    "OPEN",
    "UNDATED",
    "Span",
    "intersect",
    "merge_spans",
    "merged_bounds",
    "union_of",
    "parse_iso_interval",
]
