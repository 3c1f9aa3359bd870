"""Benchmark stages of the analyst's loop (issue #19): the command line as a user runs it.

Every figure here is a whole process (``python -m kg ...``), timed from its start
to its exit (or, for ``serve``, to the line that prints its URL), with its CPU
time (user + system) and peak RSS read by ``os.wait4``; medians of ``--repeat``
runs. The children run with their bytecode cached (:func:`_env`), as an
installed conflict-kg does.

``cold-start``
    ``conflict-kg --help`` and ``query --list`` (imports only: no project loaded),
    and the import time of ``--help`` summed from ``python -X importtime``.
``cli-query``
    The store that ``build`` keeps (``kg.outputs.kept``) is written once
    (``store_seconds``: the checks of ``build`` plus the database), then two
    lookups (``sources-of-fact``, ``entity-relations``) and an analytic query
    (``actors-by-role``) run from the command line on it, and ``why`` on the
    entity of ``entity-relations``; the same queries (``why``: the same
    explanation) in-process on the opened store give the floor
    (``*_inprocess_ms``), and ``*_overhead_ms`` the start-up of the command: the
    median of the commands less the median of the floors. ``*_paired_overhead_ms``
    is the median of each run's own difference (its command less the floor timed
    right after it), which the machine's drift between runs moves less.
    Each command runs once untimed first (its bytecode written, the database's
    pages read into the page cache); then each of its runs is followed by its
    floor, measured in a child process of its own (the median of three runs
    there), so that both are timed at the same moments.
``serve-kept``
    ``conflict-kg serve`` with no kept store (``cold_seconds``: the checks, the store
    written, the server started) and again on the kept store (``seconds``).
``publish-kept``
    ``conflict-kg publish --store`` into a running Oxigraph server, likewise cold,
    then on the kept store into the emptied server and over the published graph
    (:func:`publish_kept`).

Examples
--------
>>> sorted(STAGES)
['cli-query', 'cold-start', 'publish-kept', 'serve-kept']
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
Result = dict[str, Any]
QUERIES = ("sources-of-fact", "entity-relations", "actors-by-role")
"""Two lookups about one entity and an analytic query, run from the command line."""


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


_PYCACHE = Path(tempfile.gettempdir()) / f"conflict-kg-bench-pycache-{os.getuid()}"
"""Where the children write their bytecode (``PYTHONPYCACHEPREFIX``), not into the checkout."""


def _env() -> dict[str, str]:
    """The children's environment: this checkout first on the path, bytecode cached.

    An installed conflict-kg has its modules compiled (pip writes the ``.pyc``
    files); a child run under ``PYTHONDONTWRITEBYTECODE`` (set in some shells and
    CI) would compile every module it imports at every start (about 25 ms of a
    100 ms lookup here) and time the compiler, not the command.
    """
    path = os.environ.get("PYTHONPATH", "")
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{path}" if path else str(REPO)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    return env


def timed(command: list[str]) -> dict[str, float]:
    """Run ``command`` to its end: wall seconds, CPU seconds (user + sys), peak RSS (MB)."""
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=_env())
        assert child.stderr is not None
        err = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: exit {child.returncode}: {err.decode()[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return {"wall": wall, "cpu": cpu, "rss_mb": usage.ru_maxrss / 1024}


def _median(runs: list[dict[str, float]], prefix: str) -> Result:
    return {
        f"{prefix}_ms": round(statistics.median(r["wall"] for r in runs) * 1000, 1),
        f"{prefix}_cpu_ms": round(statistics.median(r["cpu"] for r in runs) * 1000, 1),
        f"{prefix}_peak_rss_mb": round(max(r["rss_mb"] for r in runs), 1),
    }


def import_ms(*args: str) -> float:
    """Milliseconds of imports of ``python -X importtime -m kg ARGS`` (sum of self times)."""
    command = [sys.executable, "-X", "importtime", "-m", "kg", *args]
    done = subprocess.run(command, capture_output=True, text=True, env=_env(), check=False)
    selfs = (line.split("|")[0].split(":")[-1] for line in done.stderr.splitlines())
    return round(sum(int(s) for s in selfs if s.strip().isdigit()) / 1000, 1)


def cold_start(args: argparse.Namespace) -> Result:
    """``--help`` and ``query --list`` as whole processes (``--data`` is not read)."""
    repeat = args.repeat
    help_runs = [timed(_cli("--help")) for _ in range(repeat)]
    list_runs = [timed(_cli("--root", str(REPO), "query", "--list")) for _ in range(repeat)]
    return {
        "seconds": statistics.median(r["wall"] for r in help_runs),
        **_median(help_runs, "help"),
        **_median(list_runs, "query_list"),
        "help_import_ms": import_ms("--help"),
    }


def _kept(data: Path, tmp: str) -> tuple[Path, Path, dict[str, float]]:
    """A throw-away project on ``data`` with its kept store written (in a child process).

    The child keeps this process small: a child forked from a big process would
    report the parent's peak RSS as its own.
    """
    from benchmarks.stages import _project_root

    root = _project_root(data, tmp)
    store, written = _keep(root)
    return root, store, written


def _keep(root: Path) -> tuple[Path, dict[str, float]]:
    """Write the kept store of the project at ``root`` (in a child process); its directory."""
    store = root / "build" / "store"
    code = (
        "import sys; from pathlib import Path; from kg.outputs.keepstore import rebuild; "
        "from kg.read.resources import Layout; "
        "rebuild(Path(sys.argv[1]), Layout.at(Path(sys.argv[2])))"
    )
    return store, timed([sys.executable, "-c", code, str(store), str(root)])


def _inprocess_ms(store_dir: Path, name: str, values: dict[str, str], repeat: int) -> float:
    """Milliseconds of library query ``name`` in-process on the kept store (median of runs)."""
    import pyoxigraph as ox

    from kg.sparql.library import find_query
    from kg.sparql.run import run

    store = ox.Store.read_only(str(store_dir / "db"))
    query = find_query(name, REPO / "queries")
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run(query, values, store=store)
        times.append(time.perf_counter() - t)
    return round(statistics.median(times) * 1000, 2)


FLOOR_RUNS = 3
"""In-process runs of a query (or ``why``) per child of :func:`_floor`; their median is kept."""


def _floor(store_dir: Path, name: str, values: dict[str, str]) -> float:
    """In-process milliseconds of ``name``: a library query, or ``why`` on ``values["entity"]``.

    Measured in a child process of its own, right after the command's run: this
    machine's speed drifts by about a tenth within minutes, so a floor measured
    apart from the commands would move their overhead by as much. The child keeps
    this process small too (see :func:`_kept`).
    """
    spec = json.dumps({"store": str(store_dir), "name": name, "values": values})
    code = "import sys; from benchmarks.loop import floor_child; floor_child(sys.argv[1])"
    done = subprocess.run(
        [sys.executable, "-c", code, spec], capture_output=True, text=True, env=_env(), check=False
    )
    if done.returncode:
        raise RuntimeError(f"in-process {name}: exit {done.returncode}: {done.stderr[-500:]}")
    return float(done.stdout)


def floor_child(spec: str) -> None:
    """The child of :func:`_floor`: print the median milliseconds of :data:`FLOOR_RUNS` runs."""
    given = json.loads(spec)
    store = Path(given["store"])
    if given["name"] == "why":
        print(_why_inprocess_ms(store, given["values"]["entity"], FLOOR_RUNS))
    else:
        print(_inprocess_ms(store, given["name"], given["values"], FLOOR_RUNS))


def _values(store_dir: Path, name: str) -> dict[str, str]:
    """Parameter values for library query ``name``, drawn from the kept store."""
    import pyoxigraph as ox

    from benchmarks.queries import draw
    from kg.sparql.library import find_query
    from kg.sparql.run import run_local

    store = ox.Store.read_only(str(store_dir / "db"))
    return draw(find_query(name, REPO / "queries"), lambda q: run_local(q, store=store))[0]


def _why_inprocess_ms(store_dir: Path, target: str, repeat: int) -> float:
    """Milliseconds of ``why TARGET``'s explanation in-process on the kept store (median)."""
    import pyoxigraph as ox

    from kg.sparql.run import run_local
    from kg.sparql.why import explain

    store = ox.Store.read_only(str(store_dir / "db"))
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        explain(target, ask=lambda text: run_local(text, store=store))
        times.append(time.perf_counter() - t)
    return round(statistics.median(times) * 1000, 2)


def _command(root: Path, name: str, values: dict[str, str]) -> list[str]:
    params = [arg for key, value in values.items() for arg in ("--param", f"{key}={value}")]
    rq = str(REPO / "queries" / f"{name}.rq")  # the throw-away project has no queries/
    return _cli("--root", str(root), "query", rq, *params, "--format", "csv")


def cli_query(args: argparse.Namespace) -> Result:
    """Lookups and an analytic query from the command line on the kept store.

    The in-process floors run in child processes too (:func:`_floor`), each
    right after a run of its command: this process stays small (a child forked
    from a big process would report its peak RSS), and command and floor are
    timed at the same moments.
    """
    with tempfile.TemporaryDirectory() as tmp:
        root, store, written = _kept(args.data, tmp)
        values = {name: _values(store, name) for name in QUERIES}
        result: Result = {}
        target = values["entity-relations"]["entity"]
        commands = {name: _command(root, name, values[name]) for name in QUERIES}
        commands["why"] = _cli("--root", str(root), "why", target)
        values["why"] = {"entity": target}
        for name, command in commands.items():
            timed(command)  # untimed: bytecode written, the database's pages read
            runs, floors = [], []
            for _ in range(args.repeat):  # each command and its floor at the same moment
                runs.append(timed(command))
                floors.append(_floor(store, name, values[name]))
            result.update(_median(runs, name))
            inprocess = round(statistics.median(floors), 2)
            result[f"{name}_inprocess_ms"] = inprocess
            result[f"{name}_overhead_ms"] = round(result[f"{name}_ms"] - inprocess, 1)
            paired = [run["wall"] * 1000 - floor for run, floor in zip(runs, floors, strict=True)]
            result[f"{name}_paired_overhead_ms"] = round(statistics.median(paired), 1)
        size = sum(p.stat().st_size for p in (store / "db").iterdir())
    return {
        "seconds": result[f"{QUERIES[0]}_ms"] / 1000,
        **result,
        "store_seconds": round(written["wall"], 2),
        "store_cpu_seconds": round(written["cpu"], 2),
        "store_peak_rss_mb": round(written["rss_mb"], 1),
        "store_mb": round(size / 2**20, 1),
    }


def _serve_ready(root: Path, port: int) -> dict[str, float]:
    """Start ``conflict-kg serve``; seconds until it prints its URL; then stop it (SIGTERM)."""
    t = time.perf_counter()
    child = subprocess.Popen(
        _cli("--root", str(root), "serve", "--port", str(port)),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_env(),
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    ready = time.perf_counter() - t
    child.send_signal(signal.SIGTERM)
    child.stdout.close()
    _, _, usage = os.wait4(child.pid, 0)
    if b"SPARQL query endpoint" not in line:
        raise RuntimeError(f"serve did not start: {line!r}")
    return {"wall": ready, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def serve_kept(args: argparse.Namespace) -> Result:
    """``serve`` with no kept store (cold), then on the kept store."""
    from benchmarks.stages import _project_root
    from kg.sparql.server import free_port

    with tempfile.TemporaryDirectory() as tmp:
        root = _project_root(args.data, tmp)
        cold = _serve_ready(root, free_port())
        kept = [_serve_ready(root, free_port()) for _ in range(args.repeat)]
    return {
        "seconds": statistics.median(r["wall"] for r in kept),
        "cold_seconds": round(cold["wall"], 2),
        "cold_cpu_seconds": round(cold["cpu"], 2),
        "cold_peak_rss_mb": round(cold["rss_mb"], 1),
        **_median(kept, "kept"),
    }


def _ingest(server: Any, data: Path) -> dict[str, float]:
    """The receiving store's own part: one bulk ``POST`` of the generated N-Triples, timed."""
    from kg.sparql.http import request
    from kg.sparql.publish_send import NT

    body = data.read_bytes()
    url = f"{server.store_url}?graph=urn:x-bench:ingest&no_transaction"
    t = time.perf_counter()
    request(url, body=body, headers={"Content-Type": NT}, timeout=600, method="POST")
    wall = time.perf_counter() - t
    request(
        server.update_url,
        body=b"DROP GRAPH <urn:x-bench:ingest>",
        timeout=600,
        headers={"Content-Type": "application/sparql-update"},
    )
    return {"wall": wall}


def _drop_all(server: Any) -> None:
    from kg.sparql.http import request

    request(
        server.update_url,
        body=b"DROP ALL",
        timeout=600,
        headers={"Content-Type": "application/sparql-update"},
    )


def publish_kept(args: argparse.Namespace) -> Result:
    """``publish`` into a running Oxigraph server as the README says, three ways.

    ``cold_*``: no kept store (the checks and, beside them, the upload; publish
    writes no kept store) into the empty server; ``empty_*``: on the kept store
    into the emptied server (a first publish after ``build``: Oxigraph's bulk
    loader); ``seconds``/``kept_*``: on the kept store over the graph already
    published (a republish: the changes only).
    ``--replace`` with ``--endpoint`` and ``--update-endpoint`` throughout.
    ``ingest_seconds``: the emptied server's own bulk load of the same N-Triples
    file by one ``POST``, for the share of each figure that is the receiving store's.
    ``cold_no_entailed_*``: the cold publish again, into the emptied server with
    another (empty) kept store's directory, without the entailed triples (``--no-entailed``:
    the publish that issue #13 timed, before the entailed graph was added).
    """
    from benchmarks.stages import _project_root
    from kg.sparql.server import OxigraphServer

    with tempfile.TemporaryDirectory() as tmp:
        root = _project_root(args.data, tmp)
        server = OxigraphServer(location=Path(tmp) / "server-db").start()
        try:
            publish = (
                *("publish", "--store", server.store_url, "--update-endpoint", server.update_url),
                *("--endpoint", server.query_url, "--timeout", "600", "--replace"),
            )
            command = _cli("--root", str(root), *publish)
            cold = timed(command)
            _keep(root)  # publish writes none: the kept store of a build
            empty = []
            for _ in range(args.repeat):
                _drop_all(server)
                empty.append(timed(command))
            kept = [timed(command) for _ in range(args.repeat)]
            _drop_all(server)
            bare = timed([*command, "--no-entailed", "--store-dir", str(Path(tmp) / "cold2")])
            _drop_all(server)  # as for the cold and first publishes: into an empty store
            ingest = _ingest(server, args.data)
        finally:
            server.stop()
    return {
        "seconds": statistics.median(r["wall"] for r in kept),
        "cold_seconds": round(cold["wall"], 2),
        "cold_cpu_seconds": round(cold["cpu"], 2),
        "cold_peak_rss_mb": round(cold["rss_mb"], 1),
        "cold_no_entailed_seconds": round(bare["wall"], 2),
        "cold_no_entailed_cpu_seconds": round(bare["cpu"], 2),
        "cold_no_entailed_peak_rss_mb": round(bare["rss_mb"], 1),
        **_median(empty, "empty"),
        **_median(kept, "kept"),
        "ingest_seconds": round(ingest["wall"], 2),
    }


STAGES: dict[str, Callable[[argparse.Namespace], Result]] = {
    "cold-start": cold_start,
    "cli-query": cli_query,
    "serve-kept": serve_kept,
    "publish-kept": publish_kept,
}
"""The stages of this module, by name (registered in :mod:`benchmarks.stages`)."""
