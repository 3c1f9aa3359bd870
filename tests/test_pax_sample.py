"""Resolution figures on the hand-checked stratified sample of PA-X mentions.

The sample, with the expected actors written beside each mention, is
``tests/fixtures/pax/sample_mentions.csv``; ``benchmarks/pax_sample.py`` prints the
figures and every miss. Needs the PA-X CSV in ``../shared`` (the bodies PA-X names
are mined from the whole file); skipped without it.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from rdflib import URIRef

from benchmarks.pax_sample import SAMPLE, evaluate, sample_rows, score
from kg.importers.reconcile import ID

REPO = Path(__file__).resolve().parent.parent
PAX = REPO.parent / "shared" / "data" / "pax" / "pax.csv"


def test_the_sample_is_stratified_and_large_enough() -> None:
    rows = sample_rows()
    assert len(rows) >= 200
    strata = Counter((r["column"], r["stratum"]) for r in rows)
    for column in ("Part", "ThrdPart"):
        for language in ("en", "fr", "es", "pt"):
            assert strata[(column, language)] >= 5, (column, language)
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        assert all(r["expected"] for r in csv.DictReader(handle))


def test_scoring_counts_misses_and_wrong_actors() -> None:
    rows = [
        {"AgtId": "1", "mention": "m", "expected": "sudan|ns:SLM"},
        {"AgtId": "2", "mention": "n", "expected": "unresolved"},
    ]
    got = {"1": [ID.sudan], "2": [ID.chad]}
    result = score(rows, lambda r: got[r["AgtId"]], lambda iri: set())
    assert (result.found, result.expected) == ({"in": 1, "ns": 0}, {"in": 1, "ns": 1})
    assert (result.right, result.wrong) == (1, 1)
    named = score(rows[:1], lambda r: [URIRef(ID["pax-group-x"])], lambda iri: {"slm"})
    assert named.found["ns"] == 1 and named.wrong == 0


@pytest.mark.skipif(not PAX.is_file(), reason="../shared/data/pax/pax.csv not present")
def test_precision_and_in_scope_recall_on_the_sample() -> None:
    result = evaluate(PAX)
    assert result.precision >= 0.97, result.misses
    assert result.recall("in") >= 0.85, result.misses
    assert result.recall("ns") >= 0.70, result.misses
