"""``conflict-kg validate [PATH ...]``: every check, reported like a linter.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable

from kg.check.diagnostic import WARNING
from kg.check.filecheck import DEFAULT_MAX_BYTES
from kg.check.formats import RENDERERS, render
from kg.check.lint import LintResult, Options, lint
from kg.check.options import RICH_LIMIT
from kg.cli.options import add_engine, add_format, add_reasoner
from kg.read.resources import find_layout

NAME = "validate"
HELP = (
    "check syntax, literals, vocabulary, SHACL, ontology QC, project checks "
    "(exit 0 ok, 1 errors, 2 could not run)"
)


def _mebibytes(text: str) -> float:
    """A non-negative number of MiB (argparse type)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or value * 2**20 > sys.maxsize:
        raise argparse.ArgumentTypeError(f"not a finite number of MiB: {text!r}")
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``validate`` options."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="Turtle (.ttl) or N-Triples (.nt) files, or directories searched for *.ttl "
        "(default: the project's ontology, shapes and data/)",
    )
    add_format(parser, tuple(RENDERERS), default="text", what="the report")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    add_reasoner(parser, limit_mib=RICH_LIMIT // 2**20)
    parser.add_argument(
        "--no-dl",
        action="store_true",
        help="skip the OWL 2 DL (HermiT, needs Java) consistency check",
    )
    parser.add_argument(
        "--meta-shacl",
        action="store_true",
        help="also check the shapes against SHACL-SHACL (about 1 s; always done "
        "when the shapes file is among the PATHs)",
    )
    parser.add_argument(
        "--standalone",
        action="store_true",
        help="with PATHs: do not load the project's other data files as context",
    )
    add_engine(parser)
    parser.add_argument(
        "--max-size",
        type=_mebibytes,
        default=DEFAULT_MAX_BYTES / 2**20,
        metavar="MIB",
        help=f"refuse larger files (default {DEFAULT_MAX_BYTES // 2**20}: an "
        "import of 10^7 triples as N-Triples, about 1.4 GB, passes; checking "
        "needs about 0.7 GB of memory per million triples; 0: no limit)",
    )


def _progress() -> Callable[[str, int, int], None]:
    """A one-line progress display on stderr (only used when it is a terminal)."""

    def step(what: str, done: int, total: int) -> None:
        sys.stderr.write(f"\r\033[K{what} {done}/{total}" if total > 1 else f"\r\033[K{what}")
        sys.stderr.flush()

    return step


def run(args: argparse.Namespace) -> int:
    """Validate, print the report to stdout, return 0, 1 or 2."""
    layout = find_layout(args.root)
    options = Options(
        reasoner=args.reasoner,
        dl=not (args.reasoner == "never" or args.no_dl),
        context=not args.standalone,
        max_bytes=int(args.max_size * 2**20),
        meta_shacl=args.meta_shacl,
        engine=args.engine,
    )
    step = _progress() if sys.stderr.isatty() else None
    result = lint(layout, args.paths or None, options=options, step=step)
    if step is not None:
        sys.stderr.write("\r\033[K")
    if args.strict:
        result = LintResult(
            tuple(d.as_error() if d.severity == WARNING else d for d in result.diagnostics),
            result.files,
            result.notices,
        )
    if args.format == "text":  # notices go to stderr, the report to stdout
        for notice in result.notices:
            print(f"note: {notice}", file=sys.stderr)
        result = LintResult(result.diagnostics, result.files)
    try:
        print(render(result, args.format))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the reader has gone, not our error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if result.errors else 0
