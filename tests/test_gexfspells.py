"""The dynamic GEXF's spells, merged on ISO text, are those of the spans merged as dates."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kg.outputs.gexfspells import Spells, interval_bounds, spells_element
from kg.views.timeslice import Span, merged_bounds

FIRST = date(2020, 1, 1)
EDGES = [date.min, date.min + timedelta(days=1), date.max - timedelta(days=1), date.max]


def _day(rng: random.Random) -> date | None:
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.3:
        return rng.choice(EDGES)  # the days merged_bounds uses as its open bounds
    return FIRST + timedelta(days=rng.randrange(40))


def _expected(spans: list[Span]) -> str:
    """The element written from :func:`merged_bounds` (the dates' own merge)."""
    spells = []
    for start, end in merged_bounds(spans):
        attrs = (f' start="{start.isoformat()}"' if start else "") + (
            f' end="{end.isoformat()}"' if end else ""
        )
        spells.append(f"<spell{attrs}></spell>")
    return f"<spells>{''.join(spells)}</spells>" if spells else ""


@pytest.mark.parametrize("seed", range(300))
def test_text_bounds_merge_as_the_dates_do(seed: int) -> None:
    rng = random.Random(seed)
    spans = []
    for _ in range(rng.randrange(1, 7)):
        start, end = _day(rng), _day(rng)
        if start and end and end < start:
            start, end = end, start
        spans.append(Span(start, end))
    text = " | ".join(s.iso() for s in spans)
    assert Spells().edge(text) == _expected(spans)
    assert spells_element(interval_bounds(s.iso()) for s in spans) == _expected(spans)


def test_a_node_has_its_own_interval_else_the_union_of_its_edges() -> None:
    class Rows:
        nodes = [("a", {}), ("b", {"start": "2001-02-03"}), ("c", {}), ("d", {}), ("e", {})]
        edges = [
            ("a", "b", {"spells": "2020-01-01/2020-01-31"}),
            ("a", "c", {"spells": "2020-01-15/.. | 2010-01-01/2010-12-31"}),
            ("c", "d", {"spells": ""}),  # undated: c and d show at every time
            ("d", "a", {"spells": "2000-01-01/2000-01-01"}),
        ]

    found = Spells().nodes(Rows.nodes, Rows.edges)
    assert found == {
        "a": '<spells><spell start="2000-01-01" end="2000-01-01"></spell>'
        '<spell start="2010-01-01" end="2010-12-31"></spell>'
        '<spell start="2020-01-01"></spell></spells>',
        "b": '<spells><spell start="2001-02-03"></spell></spells>',
        "c": "",
        "d": "",
        "e": "",
    }
