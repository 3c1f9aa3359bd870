"""Publishing to real stores against Oxigraph's own bulk load of the same triples over HTTP.

Run from the repository root, after ``conflict-kg import pax`` (see README)::

    python benchmarks/publish_stores.py --root PROJECT_DIR [--runs 3]

The project's graph (ontology + data, loaded, not timed) and its entailed
triples are what ``publish`` sends: the graph into ``GRAPH``, the entailed
triples into their own named graph. Each run starts fresh servers on
127.0.0.1 and times, each ``publish`` with ``--replace`` and ``--endpoint``
(the store's claim, then the count check), as the README says:

* ``oxigraph-bulk``: the baseline, one ``POST /store`` of the same triples as
  N-Quads (both graphs; Oxigraph's own loader, one transaction);
* ``oxigraph-bulk-graph``: one ``POST /store?graph=GRAPH`` of the graph's N-Triples alone;
* ``oxigraph-store``: ``publish --store`` into the fresh server (one N-Quads ``POST``);
* ``oxigraph-update``: ``publish`` through ``/update`` alone (one request);
* ``oxigraph-replace``: ``publish --store`` again over the graphs it just loaded,
  changed (a replace of non-empty graphs goes as SPARQL Update in one request);
* the store's own figures: ``oxigraph-put``, a ``PUT`` of the graph over itself
  (not atomic: it clears, then loads); ``oxigraph-move``, ``MOVE`` of a staging
  graph holding the graph onto it; ``oxigraph-drop``, ``DROP`` of it;
  ``oxigraph-insert-data``, one ``INSERT DATA`` of the graph into the empty store;
* ``virtuoso-update``: ``publish`` to Virtuoso 7's ``/sparql`` into the fresh
  server (2,000-triple batches into staging graphs, final ``MOVE``);
  ``virtuoso-store-replace`` and ``virtuoso-store``: the same with ``--store``
  (staging graphs by Graph Store ``POST``), over a changed graph, then over the
  graph again (when Virtuoso is installed).

It prints one JSON object: the median seconds of each and its ratio to the
baseline. Validation is not timed (see the PA-X section of the README).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from rdflib import Graph  # noqa: E402
from stores import VirtuosoServer, virtuoso_missing  # noqa: E402

from kg.check.dataset import project_graph, skolemize_store  # noqa: E402
from kg.outputs.entailment import ENTAILED_GRAPH, entailed_triples  # noqa: E402
from kg.read.resources import Layout  # noqa: E402
from kg.read.store import from_rdflib  # noqa: E402
from kg.sparql.http import request  # noqa: E402
from kg.sparql.ntriples import as_quad  # noqa: E402
from kg.sparql.publish import ntriples_lines, publish  # noqa: E402
from kg.sparql.server import OxigraphServer  # noqa: E402

GRAPH = "https://w3id.org/conflict-kg/graph"
SPARQL_UPDATE = "application/sparql-update"
Lines = tuple[list[str], list[str]]


def timed(step: Callable[[], Any]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def send(url: str, body: bytes, kind: str, method: str = "POST") -> None:
    request(url, body=body, headers={"Content-Type": kind}, timeout=600, method=method)


def do_publish(
    lines: Lines, *, update: str, query: str, store: str | None = None, **kw: Any
) -> Callable[[], Any]:
    return lambda: publish(
        lines[0],
        entailed=lines[1],
        entailed_graph=ENTAILED_GRAPH,
        update_url=update,
        query_url=query,
        store_url=store,
        target_graph=GRAPH,
        replace=True,
        timeout=600,
        **kw,
    )


def oxigraph_runs(lines: Lines, work: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    graph = quote(GRAPH, safe="")
    nquads = (
        "\n".join(
            [as_quad(x, GRAPH) for x in lines[0]] + [as_quad(x, ENTAILED_GRAPH) for x in lines[1]]
        )
        + "\n"
    )
    ntriples = ("\n".join(lines[0]) + "\n").encode("utf-8")
    with OxigraphServer(location=work / "bulk") as s:
        out["oxigraph-bulk"] = timed(
            lambda: send(s.store_url, nquads.encode("utf-8"), "application/n-quads")
        )
    with OxigraphServer(location=work / "bulk-graph") as s:
        out["oxigraph-bulk-graph"] = timed(
            lambda: send(f"{s.store_url}?graph={graph}", ntriples, "application/n-triples")
        )
        out["oxigraph-put"] = timed(
            lambda: send(f"{s.store_url}?graph={graph}", ntriples, "application/n-triples", "PUT")
        )
        insert = f"INSERT DATA {{ GRAPH <{GRAPH}> {{\n" + "\n".join(lines[0]) + "\n} }"
        staging = "urn:bench:staging"
        send(f"{s.store_url}?graph={quote(staging, safe='')}", ntriples, "application/n-triples")
        out["oxigraph-move"] = timed(
            lambda: send(s.update_url, f"MOVE <{staging}> TO <{GRAPH}>".encode(), SPARQL_UPDATE)
        )
        out["oxigraph-drop"] = timed(
            lambda: send(
                s.update_url, f"DROP GRAPH <{GRAPH}>".encode(), "application/sparql-update"
            )
        )
        out["oxigraph-insert-data"] = timed(
            lambda: send(s.update_url, insert.encode("utf-8"), SPARQL_UPDATE)
        )
    with OxigraphServer(location=work / "store") as s:
        urls = {"update": s.update_url, "query": s.query_url, "store": s.store_url}
        out["oxigraph-store"] = timed(do_publish(lines, **urls))
        again = (lines[0][1:] + ['<urn:x> <urn:p> "changed" .'], lines[1])
        out["oxigraph-replace"] = timed(do_publish(again, **urls))
    with OxigraphServer(location=work / "update") as s:
        out["oxigraph-update"] = timed(do_publish(lines, update=s.update_url, query=s.query_url))
    return out


def virtuoso_runs(lines: Lines, work: Path) -> dict[str, float]:
    if virtuoso_missing() is not None:
        return {}
    server = VirtuosoServer(location=work / "virtuoso").start()
    try:
        urls = {"update": server.update_url, "query": server.query_url}
        out = {"virtuoso-update": timed(do_publish(lines, **urls))}
        again = (lines[0][1:] + ['<urn:x> <urn:p> "changed" .'], lines[1])
        out["virtuoso-store-replace"] = timed(do_publish(again, store=server.store_url, **urls))
        out["virtuoso-store"] = timed(do_publish(lines, store=server.store_url, **urls))
        return out
    finally:
        server.stop()


def published_lines(root: Path) -> Lines:
    """The graph's N-Triples lines and its entailed triples' (as ``publish`` sends them)."""
    layout = Layout.at(root.resolve())
    graph = project_graph(layout)
    store = from_rdflib(graph)
    skolemize_store(store)
    found = entailed_triples(store, Graph().parse(layout.ontology))
    return ntriples_lines(graph), [f"{t} ." for t in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project directory")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    lines = published_lines(args.root)
    runs = []
    for number in range(args.runs):
        with tempfile.TemporaryDirectory(prefix=f"publish-bench-{number}-") as work:
            runs.append(oxigraph_runs(lines, Path(work)) | virtuoso_runs(lines, Path(work)))
    medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    base = medians["oxigraph-bulk"]
    result = {
        "triples": len(lines[0]),
        "entailed": len(lines[1]),
        "runs": runs,
        "median_seconds": medians,
        "ratio_to_bulk": {k: v / base for k, v in medians.items() if k != "oxigraph-bulk"},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
