"""``conflict-kg export``: write a network view as GEXF 1.3 or GraphML.

Examples
--------
>>> from kg.cli.main import main
>>> main(["export", "mediation", "--format", "gexf", "-o", "mediation.gexf"])  # doctest: +SKIP
0
"""

from __future__ import annotations

import argparse
import sys
import warnings
from datetime import date
from pathlib import Path

import networkx as nx

from kg.cli.graphstore import project_store
from kg.cli.options import add_format, add_store_dir
from kg.cli.progress import tty_progress
from kg.errors import UsageError
from kg.outputs.atomic import write_atomically
from kg.outputs.gexf import FORMATS, export_bytes
from kg.outputs.graphs import parse_day
from kg.read.resources import find_layout
from kg.views.network import build_view, view_names
from kg.views.storegraph import StoreGraph

NAME = "export"
HELP = "write a network view (mediation, cochair, …) as GEXF 1.3 or GraphML for Gephi"


def add_time_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--at DATE``, ``--between START END`` and ``--store-dir DIR`` (shared with ``plot``)."""
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--at", metavar="DATE", help="the network as it stood on DATE (YYYY-MM-DD)")
    when.add_argument(
        "--between", nargs=2, metavar=("START", "END"), help="relations holding in this window"
    )
    add_store_dir(parser)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``export`` options."""
    parser.add_argument("view", help=f"the view: {', '.join(view_names())}")
    add_format(
        parser,
        FORMATS,
        default=None,
        what="the file format",
        default_text="from the -o suffix, else gexf",
    )
    parser.add_argument("--dynamic", action="store_true", help="GEXF with date spells (timeline)")
    parser.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    add_time_arguments(parser)


def view_for(args: argparse.Namespace) -> nx.Graph:
    """Load the project and build the view named in ``args`` (with its time slice)."""
    if args.view not in view_names():
        raise UsageError(f"unknown view {args.view!r}; available views: {', '.join(view_names())}")
    at = parse_day(args.at) if args.at is not None else None  # '' is not a day either
    between: tuple[date, date] | None = None
    if args.between:
        between = (parse_day(args.between[0]), parse_day(args.between[1]))
    progress = tty_progress()
    try:
        if progress is not None:
            progress("load", 0, 0)
        graph = StoreGraph(project_store(args, find_layout(args.root)))
        if progress is not None:
            progress(f"view {args.view}", 0, 0)
        return build_view(graph, args.view, at=at, between=between)
    finally:
        if progress is not None:
            progress.close()


def write_output(output: str | None, content: bytes) -> None:
    """Write ``content`` to ``output`` atomically, or to stdout when None."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    if not output.strip():
        raise UsageError(f"-o {output!r}: give a file name")
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"{output}: is a directory; give a file name")
    if not path.parent.is_dir():  # a mistyped folder is not made (as add-source)
        raise UsageError(f"{output}: no such directory {path.parent}; create it first")
    try:
        write_atomically(path.parent, {path.name: content})
    except OSError as exc:
        raise UsageError(f"{output}: cannot write: {exc.strerror or exc}; nothing written") from exc


def report_warnings(caught: list[warnings.WarningMessage]) -> None:
    """Print caught warnings on stderr as ``warning: ...``."""
    for item in caught:
        print(f"warning: {item.message}", file=sys.stderr)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    if suffix in FORMATS or not suffix:
        return suffix or "gexf"
    raise UsageError(
        f"{args.output}: unknown extension .{suffix}; name the file "
        f"{' or '.join('.' + f for f in FORMATS)}, or give --format"
    )


def run(args: argparse.Namespace) -> int:
    """Export the view; print ``wrote FILE (N nodes, M edges)`` when writing a file."""
    fmt = _format(args)
    if args.dynamic and fmt != "gexf":
        raise UsageError("--dynamic applies to --format gexf only")
    view = view_for(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        content = export_bytes(view, fmt=fmt, dynamic=args.dynamic)
    report_warnings(caught)
    write_output(args.output, content)
    if args.output:
        n, m = view.number_of_nodes(), view.number_of_edges()
        print(f"wrote {args.output} ({n} nodes, {m} edges)")
    return 0
