"""One benchmark stage, run in its own process so its peak RSS can be read.

``python -m benchmarks.stages STAGE --data FILE`` prints one JSON object: the
stage's timings in seconds (and per-query milliseconds), what it produced, and
``peak_rss_mb`` from ``getrusage(RUSAGE_SELF).ru_maxrss``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.queries import run_library
from benchmarks.rss import TreeRss

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology" / "conflict.ttl"
SHAPES = REPO / "ontology" / "shapes.ttl"
Result = dict[str, Any]


from benchmarks.loop import STAGES as LOOP  # noqa: E402
from benchmarks.peers import STAGES as PEERS  # noqa: E402
from benchmarks.serving import STAGES as SERVING  # noqa: E402


def _clock() -> float:
    return time.perf_counter()


def ox_bare(args: argparse.Namespace) -> Result:
    """Baseline: pyoxigraph's own bulk load of the same files (ontology + data), nothing else."""
    import pyoxigraph as ox

    t = _clock()
    store = ox.Store()
    for path in (ONTOLOGY, args.data):
        store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]))
    return {"seconds": _clock() - t, "triples": len(store)}


def load(args: argparse.Namespace) -> Result:
    """The project's store: ontology + data bulk-loaded with file:line errors."""
    from kg.read.store import load_store

    t = _clock()
    store = load_store([ONTOLOGY, args.data])
    return {"seconds": _clock() - t, "triples": len(store)}


def rdflib_parse(args: argparse.Namespace) -> Result:
    """Baseline: rdflib's in-memory parse of ontology + data."""
    from rdflib import Graph

    t = _clock()
    graph = Graph()
    graph.parse(ONTOLOGY)
    graph.parse(args.data)
    return {"seconds": _clock() - t, "triples": len(graph)}


def validate_fast(args: argparse.Namespace) -> Result:
    """Load into Oxigraph, then run the shapes compiled to SPARQL (``seconds`` = validation)."""
    from kg.check.shacl.sparql import validate_fast as run
    from kg.read.store import load_store

    t = _clock()
    store = load_store([ONTOLOGY, args.data])
    loaded = _clock()
    found = run(store, shapes=SHAPES)
    done = _clock()
    return {
        "seconds": done - loaded,
        "load_seconds": loaded - t,
        "total_seconds": done - t,
        "findings": len(found),
    }


def validate_pyshacl(args: argparse.Namespace) -> Result:
    """Baseline (naive pipeline): rdflib parse, then pySHACL (``kg.check.shacl.reference``)."""
    from rdflib import Graph

    from kg.check.shacl.reference import validate

    t = _clock()
    data = Graph().parse(args.data)
    ontology, shapes = Graph().parse(ONTOLOGY), Graph().parse(SHAPES)
    parsed = _clock()
    report = validate(data, shapes=shapes, ontology=ontology)
    done = _clock()
    return {
        "seconds": done - parsed,
        "load_seconds": parsed - t,
        "total_seconds": done - t,
        "findings": len(report.findings),
    }


def queries_ox(args: argparse.Namespace) -> Result:
    """The query library (``queries/*.rq``) through ``kg.sparql.run`` on the Oxigraph store."""
    from kg.read.store import load_store
    from kg.sparql.run import run_local

    store = load_store([ONTOLOGY, args.data])
    return run_library(lambda text: run_local(text, store=store), repeat=args.repeat)


def queries_rdflib(args: argparse.Namespace) -> Result:
    """Baseline: the same library queries through ``kg.sparql.run`` on rdflib's in-memory engine.

    A query stops repeating once it has spent 30 s, and is given up (reported as
    ``capped``, at the cap: a lower bound) after 60 s: rdflib needs minutes for some.
    """
    from rdflib import Graph

    from kg.sparql.run import run_local

    graph = Graph().parse(ONTOLOGY)
    graph.parse(args.data)
    return run_library(
        lambda text: run_local(text, graph=graph, engine="rdflib"),
        repeat=args.repeat,
        budget=30,
        cap=60,
    )


def views(args: argparse.Namespace) -> Result:
    """Every network view from the store (``kg.views.storegraph.StoreGraph``) and its three exports.

    ``seconds`` is the total of views and exports (the facade's indexes are built
    on first use, inside the first view); ``views`` has each view's seconds.
    """
    from benchmarks.views import bench_view
    from kg.read.store import load_store
    from kg.views.network import VIEWS
    from kg.views.storegraph import StoreGraph

    graph = StoreGraph(load_store([ONTOLOGY, args.data]))
    t = _clock()
    last = list(VIEWS)[-1]  # releases the indexes the attributes do not read, as build does
    per_view = {name: bench_view(graph, name, release=name == last) for name in VIEWS}
    done = _clock()
    return {"seconds": done - t, "views": per_view}


def entailment(args: argparse.Namespace) -> Result:
    """The OWL RL closure on the ``ckg:`` terms (``kg.outputs.entailment``) over a loaded store."""
    from rdflib import Graph

    from kg.outputs.entailment import entailed_triples
    from kg.read.store import load_store

    store = load_store([ONTOLOGY, args.data])
    t = _clock()
    found = entailed_triples(store, Graph().parse(ONTOLOGY))
    return {"seconds": _clock() - t, "triples": len(store), "entailed": len(found)}


def site(args: argparse.Namespace) -> Result:
    """The static site (``kg.outputs.site``) from the checked project, pages written to disk.

    ``seconds`` and ``cpu_seconds`` (user + system of this process): a build with
    the site minus the same build without it; ``peak_rss_mb`` is the build with it.
    """
    from kg.outputs.build import build as run_build
    from kg.outputs.build import entailment_step
    from kg.outputs.site import site_step
    from kg.read.resources import Layout

    with tempfile.TemporaryDirectory() as tmp:
        layout = Layout.at(_project_root(args.data, tmp))
        t, cpu = _clock(), time.process_time()
        summary = run_build(layout, out_dir=Path(tmp) / "out", steps=[entailment_step])
        loaded, cpu_loaded = _clock(), time.process_time()
        summary = run_build(layout, out_dir=Path(tmp) / "out", steps=[entailment_step, site_step])
        done, cpu_done = _clock(), time.process_time()
        pages = sum(1 for _ in (Path(tmp) / "out" / "site").rglob("*.html"))
    return {
        "seconds": (done - loaded) - (loaded - t),
        "cpu_seconds": (cpu_done - cpu_loaded) - (cpu_loaded - cpu),
        "build_without_site_seconds": loaded - t,
        "triples": summary.triples,
        "pages": pages,
    }


def _project_root(data: Path, tmp: str) -> Path:
    """A throw-away project: the repository's ontology and shapes, ``data`` as its one data file."""
    root = Path(tmp) / "project"
    (root / "ontology").mkdir(parents=True)
    (root / "data").mkdir()
    for path in (ONTOLOGY, SHAPES):
        (root / "ontology" / path.name).symlink_to(path)
    (root / "data" / "synthetic.ttl").symlink_to(data.resolve())  # N-Triples is Turtle
    return root


CHECK_STAGES = {
    "loading": "load",
    "SHACL": "validate",
    "literals,": "checks",
    "reasoning": "reasoning",
    "locating": "locate",
}
"""The checker's progress lines (first word) as the build benchmark's stage names."""


def build(args: argparse.Namespace, *, files_only: bool = False) -> Result:
    """End to end: ``kg.outputs.build.build`` (load, validate, graph files, views, exports).

    ``files_only``: the outputs a build wrote before the kept store and the
    entailed triples were added (issues #18, #19), so a figure can be set beside
    one measured on that code (the layout baseline of issue #12).
    """
    from kg.outputs.build import build as run_build
    from kg.outputs.build import graph_step, graphs_step
    from kg.read.lifetime import leave_to_exit
    from kg.read.resources import Layout

    leave_to_exit()  # one build, then this process exits: as `conflict-kg build` (kg.read.lifetime)

    marks: list[tuple[str, float]] = []

    def mark(stage: str, done: int, total: int) -> None:
        stage = CHECK_STAGES.get(stage.split(" ", 1)[0], stage)  # "loading data/x.ttl": "load"
        if not marks or marks[-1][0] != stage:
            marks.append((stage, _clock()))

    steps = [graph_step, graphs_step] if files_only else None
    with tempfile.TemporaryDirectory() as tmp:
        layout = Layout.at(_project_root(args.data, tmp))
        cpu, t = os.times(), _clock()
        with TreeRss() as tree:
            summary = run_build(
                layout,
                out_dir=Path(tmp) / "out",
                progress=mark,
                steps=steps,
                keep_store=not files_only,
            )
        done, cpu_done = _clock(), os.times()
        size = sum(p.stat().st_size for p in summary.outputs if p.is_file())
    marks.append(("end", done))
    pairs = zip(marks, marks[1:], strict=False)
    steps_seconds = {f"{a}_seconds": round(tb - ta, 3) for (a, ta), (_, tb) in pairs}
    return {
        "seconds": done - t,
        # user + system, all threads and the child processes (the graph files, kg.outputs.graphproc)
        "cpu_seconds": round(sum(cpu_done[:4]) - sum(cpu[:4]), 3),
        "children_cpu_seconds": round(sum(cpu_done[2:4]) - sum(cpu[2:4]), 3),
        "tree_peak_rss_mb": round(tree.peak / 2**20, 1),  # this process and its children at once
        **steps_seconds,
        "triples": summary.triples,
        "outputs": len(summary.outputs),
        "output_mb": round(size / 2**20, 1),
        "notes": list(summary.notes),
    }


def build_files_only(args: argparse.Namespace) -> Result:
    """``build`` without the kept store and the entailed triples (see :func:`build`)."""
    return build(args, files_only=True)


def naive_build(args: argparse.Namespace) -> Result:
    """Baseline: the same build on rdflib's in-memory graph with pySHACL (no store).

    rdflib parse, pySHACL, every view computed on the rdflib graph and written by
    the same exporters, rdflib's Turtle and N-Triples serialisers.
    """
    from rdflib import Graph

    from kg.check.shacl.reference import validate
    from kg.outputs.graphs import view_files
    from kg.views.network import VIEWS

    t = _clock()
    data = Graph().parse(args.data)
    ontology, shapes = Graph().parse(ONTOLOGY), Graph().parse(SHAPES)
    loaded = _clock()
    report = validate(data, shapes=shapes, ontology=ontology)
    validated = _clock()
    data += ontology
    with tempfile.TemporaryDirectory() as tmp:
        data.serialize(Path(tmp) / "conflict-kg.ttl", format="turtle")
        data.serialize(Path(tmp) / "conflict-kg.nt", format="nt")
        serialized = _clock()
        for name in VIEWS:
            for file, content in view_files(data, name).items():
                (Path(tmp) / file).write_bytes(content)
    done = _clock()
    return {
        "seconds": done - t,
        "load_seconds": loaded - t,
        "validate_seconds": validated - loaded,
        "serialize_seconds": serialized - validated,
        "views_seconds": done - serialized,
        "findings": len(report.findings),
    }


STAGES: dict[str, Callable[[argparse.Namespace], Result]] = {
    "ox-bare": ox_bare,
    "load": load,
    "rdflib-parse": rdflib_parse,
    "validate-fast": validate_fast,
    "validate-pyshacl": validate_pyshacl,
    "queries-ox": queries_ox,
    "queries-rdflib": queries_rdflib,
    "views": views,
    "build": build,
    "build-files-only": build_files_only,
    "entailment": entailment,
    "site": site,
    "naive-build": naive_build,
    **SERVING,
    **PEERS,
    **LOOP,
}


def main(argv: list[str] | None = None) -> int:
    """Run one stage and print its JSON result."""
    ap = argparse.ArgumentParser(prog="benchmarks.stages")
    ap.add_argument("stage", choices=sorted(STAGES))
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--theatres", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5, help="runs per query")
    args = ap.parse_args(argv)
    result = STAGES[args.stage](args)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
