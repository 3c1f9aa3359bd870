"""``conflict-kg import pax CSV -o FILE.ttl``: import PA-X peace agreements as RDF.

Mentions of actors are resolved against the project's curated data (``data/*.ttl``,
except files named ``pax-*.ttl``, which are importer output), ISO 3166 states and
office titles. The Turtle output and the ``--report`` CSV are written only when
the whole import succeeded, each atomically (temporary file, then rename).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from rdflib import Graph

from kg.errors import UsageError
from kg.importers.files import write_together
from kg.importers.report import rates, summary, to_csv
from kg.importers.run import import_pax
from kg.read.load import parse_turtle
from kg.read.resources import find_layout

NAME = "import"
HELP = "import an external dataset (PA-X peace agreements) into RDF"
T = TypeVar("T")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``import pax`` and its options."""
    sub = parser.add_subparsers(dest="dataset", metavar="DATASET", required=True)
    pax = sub.add_parser(
        "pax",
        help="the PA-X Peace Agreements Database CSV export",
        description="Import PA-X agreements (pax.csv) as RDF.",
    )
    pax.add_argument("csv", metavar="CSV", help="the PA-X CSV export (pax.csv)")
    which = pax.add_mutually_exclusive_group()
    which.add_argument("--conflict", metavar="TEXT", help="only rows whose Con contains TEXT")
    which.add_argument("--ucdp-conflict", metavar="ID", help="only rows with this UcdpCon")
    which.add_argument("--process", metavar="ID", help="only rows of this peace process (PP)")
    pax.add_argument("-o", "--output", required=True, metavar="FILE.ttl", help="Turtle output")
    pax.add_argument("--report", metavar="FILE.csv", help="reconciliation report (CSV)")
    pax.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    pax.add_argument(
        "--summary",
        action="store_true",
        help="print resolution rates by column, language and kind, and the unresolved "
        "mentions by frequency (what to curate next), to stdout",
    )
    pax.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the good rows when some rows are bad, and list the bad ones",
    )


def curated_graph(root: str | None) -> Graph:
    """The project's curated data, without importer output (``data/pax-*.ttl``)."""
    graph = Graph()
    for path in find_layout(root).data_files:
        if not Path(path).name.startswith("pax-"):
            graph += parse_turtle(path)
    return graph


def _counter(items: list[T]) -> Iterator[T]:
    """A minimal stderr progress counter, when tqdm is not installed."""
    total = len(items)
    for done, item in enumerate(items, start=1):
        yield item
        if done % 100 == 0 or done == total:
            print(f"\rPA-X rows: {done}/{total}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def _progress(quiet: bool) -> object:
    """A progress bar on stderr when it is a terminal and not ``--quiet``."""

    def wrap(rows: Iterable[T]) -> Iterator[T]:
        items = list(rows)
        if quiet or not sys.stderr.isatty():
            yield from items
            return
        try:
            from tqdm import tqdm  # type: ignore[import-untyped]
        except ImportError:
            yield from _counter(items)
            return
        yield from tqdm(items, desc="PA-X rows", unit="row", file=sys.stderr)

    return wrap


def run(args: argparse.Namespace) -> int:
    """Run the import; print a summary to stderr unless ``--quiet``."""
    return _run(args)  # SIGTERM unwinds as Ctrl-C (kg.cli.main): temporary files go


def _run(args: argparse.Namespace) -> int:
    for option, value in (("-o", args.output), ("--report", args.report)):
        if value is not None and (not value.strip() or Path(value).is_dir()):
            raise UsageError(f"{option} {value!r}: give a file name")
    out = Path(args.output)
    if args.report and Path(args.report).resolve() == out.resolve():
        raise UsageError("--report and -o must be different files")
    if Path(args.csv).resolve() in {
        out.resolve(),
        *([Path(args.report).resolve()] if args.report else []),
    }:
        raise UsageError("the output would overwrite the input CSV")
    result = import_pax(
        args.csv,
        curated=curated_graph(args.root),
        conflict=args.conflict,
        ucdp_conflict=args.ucdp_conflict,
        process=args.process,
        skip_bad=args.skip_bad,
        progress=_progress(args.quiet),  # type: ignore[arg-type]
    )
    files = {out: result.turtle}
    if args.report:
        files[Path(args.report)] = to_csv(result.report)
    try:
        write_together(files)
    except OSError as exc:
        raise UsageError(f"cannot write {exc.filename or out}: {exc.strerror or exc}") from None
    for err in result.skipped:
        print(f"warning: skipped {err}", file=sys.stderr)
    if not args.quiet:
        print(
            f"imported {len(result.rows_imported)} agreements, {len(result.graph)} triples "
            f"-> {out}",
            file=sys.stderr,
        )
        for column, (done, total) in rates(result.report).items():
            print(f"  {column}: {done}/{total} mentions resolved", file=sys.stderr)
    if args.summary:
        try:
            print(summary(result.report), flush=True)
        except BrokenPipeError:  # `| head`: the reader has all it wants
            sys.stderr.close()
    return 0
