"""``conflict-kg publish``: load the validated graph into a SPARQL 1.1 store."""

from __future__ import annotations

import argparse
import sys

from kg.cli.graphstore import store_location
from kg.cli.options import add_store_dir, add_timeout, positive_int
from kg.cli.progress import tty_progress
from kg.errors import ConflictKGError, EndpointError, UsageError
from kg.outputs.build_input import Tick
from kg.outputs.entailment import ENTAILED_GRAPH
from kg.outputs.published import Published, published_parts
from kg.read.resources import find_layout
from kg.sparql.endpoint import check_url
from kg.sparql.http import DEFAULT_TIMEOUT, check_timeout
from kg.sparql.ntriples import NTriplesText
from kg.sparql.params import expand_iri
from kg.sparql.probe import reachable
from kg.sparql.publish import PublishSummary, publish

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
        "--entailed-graph",
        metavar="IRI",
        default=ENTAILED_GRAPH,
        help="named graph for the entailed ckg: triples (types from subclasses, inverses, "
        "defined classes such as ckg:Mediator), so that a store with no reasoner answers "
        f"?x a ckg:Mediator on it and the target together (default {ENTAILED_GRAPH})",
    )
    parser.add_argument(
        "--no-entailed", action="store_true", help="do not load the entailed triples"
    )
    parser.add_argument("--entailed", action="store_true", help=argparse.SUPPRESS)  # the default
    parser.add_argument(
        "--replace", action="store_true", help="replace the graph's content instead of adding"
    )
    parser.add_argument(
        "--batch-size",
        type=positive_int,
        default=200_000,
        metavar="N",
        help="triples per update request (default 200000: a graph up to that size goes in "
        "one request; Virtuoso starts at 2000); a batch the store refuses as too large is "
        "split in two until it is taken",
    )
    add_timeout(
        parser,
        applies_to="each request",
        also="and the longest wait for another publish into the same graph",
        default=DEFAULT_TIMEOUT,
    )
    add_store_dir(parser, writes=False)


def _parts(args: argparse.Namespace, progress: Tick | None) -> Published:
    """The checked graph (checked again unless the kept store is fresh) and its entailed triples.

    With ``--no-entailed`` the rules are not run and the second part is empty.
    With ``--store`` the checks run in a thread (:attr:`Published.early`): the
    data may be on its way to a store that keeps nothing of a request cut off.
    """
    layout = find_layout(args.root)
    kept = store_location(args, layout)
    return published_parts(
        layout,
        progress=progress,
        entailed=not args.no_entailed,
        kept=kept,
        early=bool(args.store),
    )


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
    progress = tty_progress()
    try:
        parts = _parts(args, progress)
        try:
            summary = _publish(args, parts, target)
        except ConflictKGError:  # the store's error, or the checks' own
            _checks_first(parts)
            raise
        print(summary.text())
    finally:
        if progress is not None:
            progress.close()
    return 0


def _checks_first(parts: Published) -> None:
    """Wait for the checks; when they failed, their findings come before any other error."""
    if isinstance(parts.graph.exception(), ConflictKGError):
        parts.graph.result()  # raises the checks' error


def _publish(args: argparse.Namespace, parts: Published, target: str | None) -> PublishSummary:
    return publish(
        NTriplesText(parts.graph),
        entailed=None if args.no_entailed else NTriplesText(parts.entailed),
        entailed_graph=expand_iri(args.entailed_graph, {}),
        update_url=args.update_endpoint,
        query_url=args.endpoint,
        store_url=args.store,
        target_graph=target,
        replace=args.replace,
        batch_size=args.batch_size,
        timeout=args.timeout,
        on_batch=lambda n, total: print(f"batch {n}/{total}", file=sys.stderr),
        early=parts.early,
    )
