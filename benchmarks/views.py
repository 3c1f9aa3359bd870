"""Benchmark the network views and their exports on an Oxigraph store.

``python -m benchmarks.views --data FILE.nt`` loads the ontology and ``FILE``
with :func:`kg.read.store.load_store`, wraps the store in one
:class:`kg.views.storegraph.StoreGraph` and, for each view of :data:`kg.views.network.VIEWS`
in order (as :func:`kg.outputs.graphs.graph_files` does: later views reuse the indexes
and caches of earlier ones), times the view, its GEXF, dynamic GEXF and GraphML
(written to temporary files as ``build`` writes them, sharing their work).
It prints one JSON object per view, then one for the run: load seconds, the
facade's index sizes and peak RSS (``ru_maxrss``, MB). ``--cold`` builds each
view on a fresh facade instead, so each view pays for its own indexes.

Examples
--------
>>> main(["--data", "data/actors.ttl", "--views", "cochair"])  # doctest: +SKIP
0
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology" / "conflict.ttl"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def bench_view(
    graph: Any, name: str, *, png: bool = False, release: bool = False
) -> dict[str, Any]:
    """Seconds to build the view ``name`` of ``graph`` and to write each export.

    As ``build`` does (:func:`kg.outputs.graphs.iter_graph_files`): the cyclic
    garbage collector paused, ``release`` for the last view, the view emptied after.
    """
    from kg.views.storegraph import gc_paused

    with gc_paused():
        return _bench_view(graph, name, png=png, release=release)


def _bench_view(graph: Any, name: str, *, png: bool, release: bool) -> dict[str, Any]:
    from kg.outputs.gexf import EmptyViewWarning, export_writers
    from kg.outputs.plot import render, too_large
    from kg.views.network import build_view

    seconds, view = _timed(lambda: build_view(graph, name, release=release))
    out: dict[str, Any] = {"view": name, "view_seconds": round(seconds, 3)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmptyViewWarning)
        writers = export_writers(view)  # as build writes them: in order, sharing their work
        for key, suffix in (
            ("gexf", ".gexf"),
            ("dynamic_gexf", ".dynamic.gexf"),
            ("graphml", ".graphml"),
        ):
            with tempfile.TemporaryFile() as stream:
                seconds, _ = _timed(lambda: writers[suffix](stream))  # noqa: B023
                out[f"{key}_seconds"] = round(seconds, 3)
                out[f"{key}_mb"] = round(stream.tell() / 1e6, 2)
    if png:
        if too_large(view) is None:
            out["png_seconds"] = round(_timed(lambda: render(view, fmt="png"))[0], 3)
        else:
            out["png_seconds"] = None  # over the plot limit: not drawn
    out.update(nodes=view.number_of_nodes(), edges=view.number_of_edges())
    out["peak_rss_mb"] = round(_rss_mb(), 1)
    view.clear()
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one JSON object per line."""
    from kg.read.store import load_store
    from kg.views.network import VIEWS
    from kg.views.storegraph import StoreGraph

    ap = argparse.ArgumentParser(prog="benchmarks.views", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="N-Triples (or any RDF) file")
    ap.add_argument("--ontology", type=Path, default=ONTOLOGY)
    ap.add_argument("--views", nargs="+", choices=list(VIEWS), default=list(VIEWS))
    ap.add_argument("--cold", action="store_true", help="a fresh facade for each view")
    ap.add_argument("--png", action="store_true", help="also time the PNG (when drawn)")
    args = ap.parse_args(argv)
    load_seconds, store = _timed(lambda: load_store([args.ontology, args.data]))
    graph = StoreGraph(store)
    for name in args.views:  # no release: the summary gives the sizes of every index
        if args.cold:
            graph = StoreGraph(store)
        print(json.dumps(bench_view(graph, name, png=args.png)), flush=True)
    sizes = graph.index_sizes()
    summary = {
        "data": str(args.data),
        "triples": len(store),
        "load_seconds": round(load_seconds, 3),
        "indexed_predicates": len(sizes),
        "indexed_pairs": sum(sizes.values()),
        "peak_rss_mb": round(_rss_mb(), 1),
    }
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
