"""``conflict-kg validate [PATH ...]``: every check, reported like a linter.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
"""

from __future__ import annotations

import argparse
import os
import sys

from kg.diagnostic import WARNING
from kg.filecheck import DEFAULT_MAX_BYTES
from kg.formats import RENDERERS, render
from kg.lint import LintResult, Options, lint
from kg.resources import find_layout

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
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``validate`` options."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="Turtle files or directories (default: the project's ontology, shapes and data/)",
    )
    parser.add_argument(
        "--format", choices=tuple(RENDERERS), default="text", help="report format (default: text)"
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--no-reasoner", action="store_true", help="skip the OWL 2 RL and DL consistency checks"
    )
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
    parser.add_argument(
        "--engine",
        choices=("pyshacl", "oxigraph"),
        default="pyshacl",
        help="SHACL engine: pySHACL (the reference, default) or the shapes "
        "compiled to SPARQL on Oxigraph (same findings, far faster on large "
        "graphs)",
    )
    parser.add_argument(
        "--max-size",
        type=_mebibytes,
        default=DEFAULT_MAX_BYTES / 2**20,
        metavar="MIB",
        help="refuse larger files (default 32; 0: no limit)",
    )


def run(args: argparse.Namespace) -> int:
    """Validate, print the report to stdout, return 0, 1 or 2."""
    layout = find_layout(args.root)
    options = Options(
        reasoner=not args.no_reasoner,
        dl=not (args.no_reasoner or args.no_dl),
        context=not args.standalone,
        max_bytes=int(args.max_size * 2**20),
        meta_shacl=args.meta_shacl,
        engine=args.engine,
    )
    result = lint(layout, args.paths or None, options=options)
    if args.strict:
        result = LintResult(
            tuple(d.as_error() if d.severity == WARNING else d for d in result.diagnostics),
            result.files,
            result.notices,
        )
    try:
        print(render(result, args.format))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the reader has gone, not our error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if result.errors else 0
