"""The query library (``queries/*.rq``) as the benchmark runs it.

Every library query runs through the project's own path: :mod:`kg.sparql.library`
reads it, :func:`kg.sparql.run.prepare` binds its parameters as RDF terms and
:func:`kg.sparql.run.run_local` runs it (on a pyoxigraph store, or on rdflib's
in-memory engine for the baseline). Parameters without a default are left
unbound (the whole graph: the analytic case); parameters that name an entity
are drawn from the generated graph by the SPARQL of :data:`PICKS` (the first
few matches in IRI order, so the same graph gives the same values), and the
repeated runs rotate over them.

A query is a *lookup* when it is about one entity (its relations, its sources,
its citation chain, a group's members); the others are *analytic* (timelines,
role tables, counts and joins across the events of a conflict or the graph).

Examples
--------
>>> sorted(LOOKUPS)[:2]
['cochairs-as-of', 'entity-relations']
"""

from __future__ import annotations

import multiprocessing
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.sparql.library import LibraryQuery, list_queries
from kg.sparql.rows import Results
from kg.sparql.run import prepare

REPO = Path(__file__).resolve().parent.parent
LIBRARY = REPO / "queries"

PREFIXES = """\
PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
"""

LOOKUPS = frozenset({"entity-relations", "sources-of-fact", "reporting-chain", "cochairs-as-of"})
"""Library queries about one entity; every other library query is analytic."""

PICKS = 3
"""How many parameter values are drawn for a query about one entity or conflict."""

_CONFLICT = """SELECT DISTINCT ?conflict WHERE {
  ?conflict a ckg:Conflict . ?event ckg:inConflict ?conflict ; ckg:mediatedBy ?mediator .
} ORDER BY ?conflict"""

DRAW: dict[str, str] = {
    # A mediating state: an actor with many relations in both directions.
    "entity-relations": """SELECT DISTINCT ?entity WHERE {
  ?talks a ckg:Talks ; ckg:mediatedBy ?entity . ?entity a ckg:State .
} ORDER BY ?entity""",
    "sources-of-fact": """SELECT DISTINCT ?entity WHERE {
  ?entity a ckg:Talks ; ckg:attestedBy ?quotation .
} ORDER BY ?entity""",
    "reporting-chain": """SELECT DISTINCT ?document WHERE {
  ?document a ckg:NewsArticle ; ckg:citesSource ?cited .
} ORDER BY ?document""",
    # The group and the latest date a co-chair of it is attested.
    "cochairs-as-of": """SELECT ?group (MAX(?asOf) AS ?date) WHERE {
  ?membership org:organization ?group ; org:role ckg:CoChair ; ckg:asOf ?asOf .
} GROUP BY ?group ORDER BY ?group""",
    # An actor that mediates agreements (the query also follows its offices).
    "agreements-of-actor": """SELECT DISTINCT ?actor WHERE {
  ?agreement a ckg:Agreement ; ckg:mediatedBy ?actor .
} ORDER BY ?actor""",
    "actors-in-conflict": _CONFLICT,
    "mediators-of-conflict": _CONFLICT,
    "timeline-of-conflict": _CONFLICT,
}
"""SPARQL that draws parameter values from the graph; its variables are the parameters."""

Runner = Callable[[str], Results]


@dataclass(frozen=True)
class Bench:
    """A library query with its kind and its query texts, parameters bound."""

    name: str
    kind: str
    texts: tuple[str, ...]


def _values(row: dict[str, Any]) -> dict[str, str]:
    return {var: cell["value"] for var, cell in row.items()}


def draw(query: LibraryQuery, run: Runner) -> list[dict[str, str]]:
    """Parameter values for ``query``, drawn from the graph behind ``run``.

    Returns ``[{}]`` (defaults only) for a query that :data:`DRAW` does not list.

    Raises
    ------
    ValueError
        The graph holds nothing to draw (it would benchmark an empty answer).
    """
    pick = DRAW.get(query.name)
    if pick is None:
        return [{}]
    rows = run(f"{PREFIXES}{pick} LIMIT {PICKS}")["results"]["bindings"]
    if not rows:
        raise ValueError(f"{query.name}: the graph has nothing to draw parameters from")
    return [_values(row) for row in rows]


def library(run: Runner, *, queries_dir: Path = LIBRARY) -> list[Bench]:
    """Every library query, bound to values drawn from the graph behind ``run``.

    Examples
    --------
    >>> from kg.sparql.run import local_store, run_local
    >>> from rdflib import Graph
    >>> store = local_store(Graph())
    >>> [b.name for b in library(lambda q: run_local(q, store=store))][:1]  # doctest: +SKIP
    ['actors-by-role']
    """
    out = []
    for query in list_queries(queries_dir):
        texts = tuple(prepare(query, values) for values in draw(query, run))
        kind = "lookup" if query.name in LOOKUPS else "analytic"
        out.append(Bench(query.name, kind, texts))
    return out


def measure(
    bench: Bench, run: Runner, *, repeat: int, budget: float = float("inf")
) -> dict[str, Any]:
    """Run ``bench`` ``repeat`` times (rotating over its texts); median and p95 in ms.

    Stops early, after at least one run, once ``budget`` seconds are spent
    (for the slow baseline). ``rows`` is the row count of the first text.
    """
    times: list[float] = []
    rows, spent = 0, 0.0
    for n in range(repeat):
        text = bench.texts[n % len(bench.texts)]
        start = time.perf_counter()
        found = len(run(text)["results"]["bindings"])
        took = time.perf_counter() - start
        rows = found if n == 0 else rows
        times.append(took * 1000)
        spent += took
        if spent > budget:
            break
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"median_ms": statistics.median(times), "p95_ms": p95, "rows": rows, "runs": len(times)}


def _measure_in_child(bench: Bench, run: Runner, repeat: int, budget: float, out: Any) -> None:
    out.send(measure(bench, run, repeat=repeat, budget=budget))


def measure_capped(
    bench: Bench, run: Runner, *, repeat: int, budget: float, cap: float
) -> dict[str, Any]:
    """:func:`measure` in a forked process, given up after ``cap`` seconds.

    rdflib needs more than half an hour for some library queries at 100k
    triples and cannot be interrupted; a query that passes the cap is reported
    with ``capped: true``, ``median_ms`` = the cap (a lower bound) and ``rows`` -1.
    """
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_measure_in_child, args=(bench, run, repeat, budget, send))
    child.start()
    send.close()
    try:
        if receive.poll(cap):
            result: dict[str, Any] = receive.recv()
            return result
        ms = cap * 1000
        return {"median_ms": ms, "p95_ms": ms, "rows": -1, "runs": 0, "capped": True}
    finally:
        child.kill()
        child.join()


def run_library(
    run: Runner, *, repeat: int, budget: float = float("inf"), cap: float | None = None
) -> dict[str, Any]:
    """Measure every library query; ``{"queries": {name: timings}, "kinds": {name: kind}}``.

    With ``cap``, each query runs in a forked process stopped after ``cap`` seconds.
    """
    benches = library(run)
    timings = {}
    for b in benches:
        if cap is None:
            timings[b.name] = measure(b, run, repeat=repeat, budget=budget)
        else:
            timings[b.name] = measure_capped(b, run, repeat=repeat, budget=budget, cap=cap)
    return {"queries": timings, "kinds": {b.name: b.kind for b in benches}}


__all__ = [
    "DRAW",
    "LOOKUPS",
    "PREFIXES",
    "Bench",
    "draw",
    "library",
    "measure",
    "measure_capped",
    "run_library",
]
