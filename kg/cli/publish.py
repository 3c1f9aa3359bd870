"""``conflict-kg publish``: load the validated graph into a SPARQL 1.1 store."""

from __future__ import annotations

import argparse
import sys

from kg.cli.graphstore import add_store_argument, project_store
from kg.cli.progress import tty_progress
from kg.errors import EndpointError, UsageError
from kg.outputs.graphfiles import sorted_ntriples
from kg.outputs.published import ntriples_lines, published_ntriples
from kg.read.resources import find_layout
from kg.sparql.endpoint import check_url
from kg.sparql.http import DEFAULT_TIMEOUT, check_timeout
from kg.sparql.params import expand_iri
from kg.sparql.probe import reachable
from kg.sparql.publish import publish

NAME = "publish"
HELP = "validate, then load the graph into a SPARQL 1.1 store (Graph Store Protocol or Update)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``publish`` options."""
    parser.add_argument(
        "--update-endpoint",
        metavar="UPDATE_URL",
        help="SPARQL 1.1 update endpoint (Oxigraph: http://HOST:PORT/update; "
        "Virtuoso: http://HOST:8890/sparql); not needed with --store",
    )
    parser.add_argument(
        "--endpoint", metavar="QUERY_URL", help="query endpoint to check the triple count"
    )
    parser.add_argument(
        "--store", metavar="GSP_URL", help="Graph Store Protocol endpoint; used instead of Update"
    )
    parser.add_argument(
        "--graph",
        metavar="IRI",
        help="named graph to load into (default: the default graph); required by Virtuoso, "
        "whose default graph is the union of all its graphs",
    )
    parser.add_argument(
        "--entailed",
        action="store_true",
        help="also load the entailed ckg: triples (types from subclasses, inverses, "
        "defined classes such as ckg:Mediator), so that a store with no reasoner "
        "answers ?x a ckg:Mediator; the library's queries do not need them",
    )
    parser.add_argument(
        "--replace", action="store_true", help="replace the graph's content instead of adding"
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=10_000,
        metavar="N",
        help="triples per update request (default 10000); a batch the store refuses as "
        "too large is split in two until it is taken",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds allowed for each request, answer included, and the longest wait "
        f"for another publish into the same graph (default {DEFAULT_TIMEOUT:g})",
    )
    add_store_argument(parser)


def _checked(args: argparse.Namespace) -> bytes:
    """The checked graph as sorted N-Triples: from the kept store unless ``--entailed``."""
    layout = find_layout(args.root)
    if not args.entailed:  # the kept store holds what published_ntriples gives
        return sorted_ntriples(project_store(args, layout))
    progress = tty_progress()
    try:
        return published_ntriples(layout, progress=progress, entailed=True)
    finally:
        if progress is not None:
            progress.close()


def run(args: argparse.Namespace) -> int:
    """Publish; print a summary line on stdout."""
    if not (args.update_endpoint or args.store):
        raise UsageError("give --update-endpoint URL (SPARQL Update) or --store URL (Graph Store)")
    check_timeout(args.timeout)
    urls = [u for u in (args.update_endpoint, args.store, args.endpoint) if u]
    for url, option in (
        (args.update_endpoint, "--update-endpoint"),
        (args.store, "--store"),
        (args.endpoint, "--endpoint"),
    ):
        if url:
            check_url(url, option=option)
    for url in urls:  # before the checks, which take minutes on big data
        problem = reachable(url, timeout=min(args.timeout, 10.0))
        if problem:
            raise EndpointError(f"{problem}; nothing was checked or published")
    target = expand_iri(args.graph, {}) if args.graph else None
    lines = ntriples_lines(_checked(args))
    summary = publish(
        lines,
        update_url=args.update_endpoint,
        query_url=args.endpoint,
        store_url=args.store,
        target_graph=target,
        replace=args.replace,
        batch_size=args.batch_size,
        timeout=args.timeout,
        on_batch=lambda n, total: print(f"batch {n}/{total}", file=sys.stderr),
    )
    print(summary.text())
    return 0
