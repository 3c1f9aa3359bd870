"""Publishing to real stores against Oxigraph's own bulk load over HTTP.

Run from the repository root, after ``conflict-kg import pax`` (see README)::

    python benchmarks/publish_stores.py --root PROJECT_DIR [--runs 3]

The project's graph (ontology + data; loaded, not timed) is written as
N-Triples once. Each run starts fresh servers on 127.0.0.1 and times:

* ``oxigraph-bulk``: the baseline, one Graph Store Protocol ``POST`` of that
  N-Triples file to Oxigraph's ``/store`` (Oxigraph's own loader);
* ``oxigraph-store-add``: ``kg.sparql.publish.publish`` with ``--store`` into
  a new graph (one Graph Store Protocol ``POST``, count check);
* ``oxigraph-store-replace``: the same with ``--replace`` (one ``PUT``);
* ``oxigraph-update-replace``: ``publish --replace`` through Oxigraph's
  ``/update`` (staging graph, batches, final ``MOVE``, count check);
* ``virtuoso-update-replace``: the same to Virtuoso 7's ``/sparql`` (when
  installed; Virtuoso's Graph Store Protocol endpoint needs more grants).

It prints one JSON object: the median seconds of each and each publish's ratio
to the baseline. Validation is not timed (``publish`` validates first; see the
PA-X section of the README for that time).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from stores import VirtuosoServer, virtuoso_missing  # noqa: E402

from kg.check.dataset import project_graph  # noqa: E402
from kg.read.resources import Layout  # noqa: E402
from kg.sparql.publish import ntriples_lines, publish  # noqa: E402
from kg.sparql.server import OxigraphServer  # noqa: E402

GRAPH = "https://w3id.org/conflict-kg/graph"


def bulk_post(server: OxigraphServer, data: bytes) -> float:
    """Seconds for one GSP POST of ``data`` into GRAPH."""
    request = urllib.request.Request(
        f"{server.store_url}?graph={quote(GRAPH, safe='')}",
        data=data,
        method="POST",
        headers={"Content-Type": "application/n-triples"},
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        response.read()
    return time.perf_counter() - start


def timed_publish(
    graph: Any, update_url: str, query_url: str, store_url: str | None = None, *, replace: bool
) -> float:
    start = time.perf_counter()
    publish(
        graph,
        update_url=update_url,
        query_url=query_url,
        store_url=store_url,
        target_graph=GRAPH,
        replace=replace,
    )
    return time.perf_counter() - start


def one_run(graph: Any, data: bytes, work: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    with OxigraphServer(location=work / "ox-bulk") as server:
        out["oxigraph-bulk"] = bulk_post(server, data)
    for name, replace in (("oxigraph-store-add", False), ("oxigraph-store-replace", True)):
        with OxigraphServer(location=work / name) as server:
            urls = (server.update_url, server.query_url, server.store_url)
            out[name] = timed_publish(graph, *urls, replace=replace)
    with OxigraphServer(location=work / "ox-update") as server:
        urls = (server.update_url, server.query_url)
        out["oxigraph-update-replace"] = timed_publish(graph, *urls, replace=True)
    if virtuoso_missing() is None:
        virtuoso = VirtuosoServer(location=work / "virtuoso").start()
        try:
            urls = (virtuoso.update_url, virtuoso.query_url)
            out["virtuoso-update-replace"] = timed_publish(graph, *urls, replace=True)
        finally:
            virtuoso.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project directory")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    graph = project_graph(Layout.at(args.root.resolve()))
    data = ("\n".join(ntriples_lines(graph)) + "\n").encode("utf-8")
    runs = []
    for number in range(args.runs):
        with tempfile.TemporaryDirectory(prefix=f"publish-bench-{number}-") as work:
            runs.append(one_run(graph, data, Path(work)))
    medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    base = medians["oxigraph-bulk"]
    result = {
        "triples": len(graph),
        "runs": runs,
        "median_seconds": medians,
        "ratio_to_bulk": {k: v / base for k, v in medians.items() if k != "oxigraph-bulk"},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
