"""``conflict-kg serve``: a local Oxigraph SPARQL server loaded with the built graph."""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.cli.graphstore import project_store
from kg.cli.options import add_store_dir
from kg.errors import EndpointError, UsageError
from kg.read.lifetime import held, leave_to_exit
from kg.read.resources import find_layout
from kg.sparql.server import OxigraphServer, check_port_free

NAME = "serve"
HELP = "start a local Oxigraph SPARQL server on 127.0.0.1 with the graph (Ctrl-C stops it)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``serve`` options."""
    parser.add_argument("--port", type=int, default=7878, help="port on 127.0.0.1 (default 7878)")
    parser.add_argument(
        "--location",
        metavar="DIR",
        help="directory for the database (default: a temporary one, removed on exit)",
    )
    add_store_dir(parser)


def _fill(server: OxigraphServer, graph: ox.Store, location: Path) -> None:
    """Put ``graph`` into the server's (stopped) database.

    A database kept on disk is copied with Oxigraph's backup (hard links on the
    same file system: no load at all); otherwise, or when ``--location`` already
    holds a database, the graph is loaded as N-Triples (split on ``\\n`` only).
    """
    location.mkdir(parents=True, exist_ok=True)
    if not server.location.exists():
        try:
            graph.backup(str(server.location))
            return
        except (OSError, RuntimeError):  # an in-memory store: no backup
            pass
    data = location / "conflict-kg.load.nt"
    graph.dump(str(data), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    try:
        server.load(data)
    finally:
        data.unlink()


def serve_graph(
    graph: ox.Store, location: Path, port: int, *, ready: Callable[[], None] | None = None
) -> int:
    """Put ``graph`` into a database under ``location`` and serve it until Ctrl-C.

    ``ready()``, when given, is called once the server answers and its URL is printed.

    Examples
    --------
    >>> serve_graph(ox.Store(), Path("/tmp/db"), 7878)  # doctest: +SKIP
    SPARQL query endpoint: http://127.0.0.1:7878/query
    """
    location.mkdir(parents=True, exist_ok=True)
    server = OxigraphServer(location=location / "db", port=port)
    _fill(server, graph, location)
    server.start()
    try:
        print(f"SPARQL query endpoint: {server.query_url}", flush=True)
        print(f"query page (open in a browser): {server.page_url}", flush=True)
        print(f"update: {server.update_url}  graph store: {server.store_url}", file=sys.stderr)
        print("Ctrl-C stops the server.", file=sys.stderr, flush=True)
    except BaseException:  # SIGTERM (as KeyboardInterrupt) while the URLs are printed
        server.stop()  # no orphan server once its database is removed
        raise
    process = server.process
    try:
        if ready is not None:
            ready()
        code = process.wait() if process is not None else 0
    except KeyboardInterrupt:
        print("stopping the server", file=sys.stderr)
        return 0
    finally:
        server.stop()
    if code in (0, 130, -signal.SIGINT, -signal.SIGTERM):  # Ctrl-C reached the server first
        print("the server stopped", file=sys.stderr)
        return 0
    raise EndpointError(f"the oxigraph server on port {port} stopped (exit status {code})")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C (or SIGTERM), then stop the server and remove temporary files."""
    leave_to_exit(leave=False)  # it runs on: what it is done with is freed (kg.read.lifetime)
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: give a port between 1 and 65535")
    check_port_free(args.port)  # before the checks, which take seconds
    previous = signal.signal(signal.SIGTERM, _interrupt)  # SIGTERM at any point: clean stop
    try:
        with held() as checked:  # a cold start's checked copy: freed once the server answers
            graph = project_store(args, find_layout(args.root))
        if args.location:
            return serve_graph(graph, Path(args.location), args.port, ready=checked.clear)
        with tempfile.TemporaryDirectory(prefix="conflict-kg-serve-") as tmp:
            return serve_graph(graph, Path(tmp), args.port, ready=checked.clear)
    finally:
        signal.signal(signal.SIGTERM, previous)
