"""``conflict-kg query``: run a library query or a ``.rq`` file, here or on an endpoint."""

from __future__ import annotations

import argparse
import sys

from kg.cli.graphstore import project_store
from kg.cli.options import (
    add_endpoint,
    add_format,
    add_query_engine,
    add_store_dir,
    add_timeout,
)
from kg.errors import UsageError
from kg.read.resources import find_layout
from kg.sparql import run as sparql
from kg.sparql.http import DEFAULT_TIMEOUT, check_timeout
from kg.sparql.library import LibraryQuery, find_query, list_queries
from kg.sparql.results import FORMATS, format_results, terminal_width

NAME = "query"
HELP = "run a SPARQL query from the library (or a .rq file) in-process or on an endpoint"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``query`` options."""
    parser.add_argument("query", nargs="?", metavar="NAME|PATH", help="library query or file")
    parser.add_argument("--list", action="store_true", help="list the library queries and exit")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter declared in the query header (repeatable)",
    )
    add_endpoint(parser, instead="the query runs there instead of in-process")
    add_query_engine(parser, sparql.ENGINES)
    add_format(
        parser,
        FORMATS,
        default="table",
        what="the rows: table for reading, csv or tsv for spreadsheets, json for SPARQL JSON",
    )
    add_timeout(
        parser,
        applies_to="the whole request to --endpoint",
        also="or, when given, for an in-process query",
        default_text=f"{DEFAULT_TIMEOUT:g}",
    )
    add_store_dir(parser)


def parse_params(items: list[str]) -> dict[str, str]:
    """Split ``NAME=VALUE`` items.

    Examples
    --------
    >>> parse_params(["a=1", "b=x=y"])
    {'a': '1', 'b': 'x=y'}
    """
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {item!r}: write NAME=VALUE")
        if name.strip() in values:
            raise UsageError(f"--param {name.strip()!r} given twice")
        values[name.strip()] = value
    return values


def describe(query: LibraryQuery) -> str:
    """The ``--list`` entry of one query."""
    lines = [f"{query.name}: {query.title}"]
    if query.description:
        lines.append(f"    {query.description}")
    for p in query.params:
        extra = f"default {p.default}" if p.default else ("required" if p.required else "optional")
        lines.append(f"    --param {p.name}=<{p.type}>  ({extra}) {p.doc}")
    if query.example:
        lines.append(f"    example: {query.example}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Run the query; print the results on stdout."""
    layout = find_layout(args.root)
    if args.list:
        print("\n\n".join(describe(q) for q in list_queries(layout.queries_dir)))
        return 0
    if not args.query:
        raise UsageError("name a query (see 'conflict-kg query --list') or give --list")
    if args.timeout is not None:
        check_timeout(args.timeout)
    if args.endpoint is not None:
        from kg.sparql.endpoint import check_url

        check_url(args.endpoint, option="--endpoint")
    elif args.default_graph:
        raise UsageError("--default-graph needs --endpoint")
    values = parse_params(args.param)
    query = find_query(args.query, layout.queries_dir)
    # In-process, the checked graph for the engine that runs the query, and only for it:
    # Oxigraph answers from the store kept by build (checked again only when a file
    # changed, kg.outputs.kept), rdflib parses the files.
    local = args.endpoint is None
    store = project_store(args, layout) if local and args.engine == "oxigraph" else None
    graph = None
    if local and args.engine == "rdflib":
        from kg.check.dataset import project_graph

        graph = project_graph(layout)
    results = sparql.run(
        query,
        values,
        graph=graph,
        store=store,
        endpoint=args.endpoint,
        engine=args.engine,
        timeout=args.timeout,
        default_graphs=args.default_graph,
    )
    width = terminal_width(sys.stdout)
    sys.stdout.write(format_results(results, fmt=args.format, width=width))
    return 0
