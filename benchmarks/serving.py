"""Benchmark stages of ``serve`` and ``publish``: the checked graph into an Oxigraph server.

``serve``: the checks of ``build`` (:func:`kg.outputs.published.published_ntriples`),
then ``oxigraph load`` of the N-Triples and the server started until it answers.
``publish``: the same checks, then the graph sent to a running Oxigraph server through
the Graph Store Protocol and counted. Each reports ``check_seconds`` apart, to compare
with the build stage's load and validation; the server's own peak memory is in
``server_peak_rss_mb``: its processes (``oxigraph load``, the server) sampled by
:class:`benchmarks.rss.TreeRss`. ``getrusage(RUSAGE_CHILDREN)``, read before,
began at this process's peak, as a child started by ``vfork`` does.

Examples
--------
>>> sorted(STAGES)
['publish', 'serve']
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.rss import TreeRss

Result = dict[str, Any]


def _project(data: Path, tmp: str) -> Path:
    from benchmarks.stages import _project_root

    return _project_root(data, tmp)


def serve(args: argparse.Namespace) -> Result:
    """What ``conflict-kg serve`` does before it prints its URL."""
    from kg.outputs.published import published_ntriples
    from kg.read.resources import Layout
    from kg.sparql.server import OxigraphServer

    with tempfile.TemporaryDirectory() as tmp:
        layout = Layout.at(_project(args.data, tmp))
        t = time.perf_counter()
        ntriples = published_ntriples(layout)
        checked = time.perf_counter()
        nt = Path(tmp) / "load.nt"
        nt.write_bytes(ntriples)
        server = OxigraphServer(location=Path(tmp) / "db")
        with TreeRss(itself=False) as servers:  # the load, then the server
            server.load(nt)
            server.start()
            ready = time.perf_counter()
            server.stop()
    return {
        "seconds": ready - t,
        "check_seconds": checked - t,
        "server_seconds": ready - checked,
        "triples": ntriples.count(b"\n"),
        "server_peak_rss_mb": round(servers.peak / 2**20, 1),
    }


def publish(args: argparse.Namespace) -> Result:
    """What ``conflict-kg publish --store`` does, into a running Oxigraph server."""
    from kg.outputs.published import published_ntriples
    from kg.read.resources import Layout
    from kg.sparql.ntriples import NTriplesText
    from kg.sparql.publish import publish as send
    from kg.sparql.server import OxigraphServer

    with tempfile.TemporaryDirectory() as tmp, TreeRss(itself=False) as servers:
        layout = Layout.at(_project(args.data, tmp))
        server = OxigraphServer(location=Path(tmp) / "db").start()
        try:
            t = time.perf_counter()
            lines = list(NTriplesText(published_ntriples(layout)))
            checked = time.perf_counter()
            summary = send(
                lines, store_url=server.store_url, query_url=server.query_url, timeout=600
            )
            done = time.perf_counter()
        finally:
            server.stop()
            shutil.rmtree(Path(tmp) / "db", ignore_errors=True)
    return {
        "seconds": done - t,
        "check_seconds": checked - t,
        "send_seconds": done - checked,
        "triples": summary.triples,
        "counted": summary.counted,
        "server_peak_rss_mb": round(servers.peak / 2**20, 1),
    }


STAGES: dict[str, Callable[[argparse.Namespace], Result]] = {"serve": serve, "publish": publish}
"""The stages of this module, by name (registered in :mod:`benchmarks.stages`)."""
