"""merged_bounds / merge_spans: the union of spans, checked day by day against Span.contains."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kg.views.timeslice import UNDATED, Span, merge_spans, merged_bounds

FIRST = date(2020, 1, 1)
DAYS = [FIRST + timedelta(days=n) for n in range(-5, 45)]  # beyond every drawn bound


def _random_span(rng: random.Random) -> Span:
    if rng.random() < 0.1:
        return UNDATED
    start = None if rng.random() < 0.15 else FIRST + timedelta(days=rng.randrange(30))
    end = None if rng.random() < 0.15 else (start or FIRST) + timedelta(days=rng.randrange(8))
    return Span(start, end, rng.choice(["interval", "event", "asOf", "source"]))


@pytest.mark.parametrize("seed", range(200))
def test_union_covers_the_same_days_in_disjoint_sorted_spans(seed: int) -> None:
    rng = random.Random(seed)
    spans = [_random_span(rng) for _ in range(rng.randrange(0, 7))]
    merged = merge_spans(spans)
    for day in DAYS:
        assert any(s.contains(day) for s in merged) == any(s.contains(day) for s in spans), day
    for before, after in zip(merged, merged[1:], strict=False):
        # sorted, and no day shared: spans that overlap or touch on a day are merged
        assert before.end is not None and after.start is not None
        assert before.end < after.start
    assert all(s.basis == "interval" for s in merged)
    assert merged_bounds(spans) == [(s.start, s.end) for s in merged]


def test_open_bounds_absorb_what_they_reach() -> None:
    spans = [
        Span(date(2020, 5, 1), None, "asOf"),
        Span(date(2021, 1, 1), date(2021, 2, 1), "event"),
        Span(None, date(2010, 12, 31), "interval"),
        Span(date(2010, 12, 31), date(2011, 1, 5), "event"),  # shares a day: merged
        Span(date(2011, 1, 6), date(2011, 1, 7), "event"),  # the next day: a spell of its own
        UNDATED,
    ]
    assert merged_bounds(spans) == [
        (None, date(2011, 1, 5)),
        (date(2011, 1, 6), date(2011, 1, 7)),
        (date(2020, 5, 1), None),
    ]
    assert merged_bounds([UNDATED]) == []
