"""``conflict-kg publish``: load the validated graph into a SPARQL 1.1 store."""

from __future__ import annotations

import argparse
import sys

from kg.check.dataset import validated_graph
from kg.read.resources import find_layout
from kg.sparql.endpoint import check_url
from kg.sparql.http import DEFAULT_TIMEOUT, check_timeout
from kg.sparql.params import expand_iri
from kg.sparql.publish import publish

NAME = "publish"
HELP = "validate, then load the graph into a SPARQL 1.1 store (Graph Store Protocol or Update)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``publish`` options."""
    parser.add_argument(
        "--update-endpoint",
        required=True,
        metavar="UPDATE_URL",
        help="SPARQL 1.1 update endpoint (Oxigraph: http://HOST:PORT/update)",
    )
    parser.add_argument(
        "--endpoint", metavar="QUERY_URL", help="query endpoint to check the triple count"
    )
    parser.add_argument(
        "--store", metavar="GSP_URL", help="Graph Store Protocol endpoint; used instead of Update"
    )
    parser.add_argument("--graph", metavar="IRI", help="named graph to load into (default graph)")
    parser.add_argument(
        "--replace", action="store_true", help="replace the graph's content instead of adding"
    )
    parser.add_argument("--batch-size", type=int, default=10_000, metavar="N")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds allowed for each request, answer included (default {DEFAULT_TIMEOUT:g})",
    )


def run(args: argparse.Namespace) -> int:
    """Publish; print a summary line on stdout."""
    check_url(args.update_endpoint, option="--update-endpoint")
    check_timeout(args.timeout)
    if args.endpoint:
        check_url(args.endpoint, option="--endpoint")
    if args.store:
        check_url(args.store, option="--store")
    target = expand_iri(args.graph, {}) if args.graph else None
    graph = validated_graph(find_layout(args.root))
    summary = publish(
        graph,
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
