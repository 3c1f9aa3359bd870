"""conflict-kg: a knowledge graph of armed-conflict actors and peace processes.

Validate and build the graph (RDF/OWL/SHACL), query it with the SPARQL library,
trace a fact to its sources (``why``), export network views for Gephi, plot
them, serve or publish it to a SPARQL store, and import PA-X peace agreements.

Exit status: 0 success, 1 the data has findings (SHACL violations),
2 usage or load error (bad option, missing or unparsable file, invalid literal,
undeclared ``ckg:`` term, endpoint failure).

To add a subcommand, write ``kg/cli/<name>.py`` defining ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``, and append it to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from kg import __version__
from kg.cli import add_source as add_source_cmd
from kg.cli import build as build_cmd
from kg.cli import export as export_cmd
from kg.cli import import_ as import_cmd
from kg.cli import plot as plot_cmd
from kg.cli import publish as publish_cmd
from kg.cli import query as query_cmd
from kg.cli import serve as serve_cmd
from kg.cli import site as site_cmd
from kg.cli import validate as validate_cmd
from kg.cli import why as why_cmd
from kg.errors import ConflictKGError, DataError, LoadError
from kg.read.resources import find_layout
from kg.read.wellformed import escaped

COMMANDS: list[ModuleType] = [
    validate_cmd,
    build_cmd,
    export_cmd,
    plot_cmd,
    query_cmd,
    publish_cmd,
    serve_cmd,
    why_cmd,
    add_source_cmd,
    import_cmd,
    site_cmd,
]
"""Command modules, in the order shown by ``--help``."""


def make_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one subparser per module in ``COMMANDS``.

    Examples
    --------
    >>> make_parser().parse_args(["--root", "x", "validate"]).root
    'x'
    """
    parser = argparse.ArgumentParser(
        prog="conflict-kg",
        description=" ".join(__doc__.split("\n\n")[:2]).replace("``", ""),
        epilog=__doc__.split("\n\n")[2].replace("``", "")
        + " Run conflict-kg COMMAND --help for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--root",
        metavar="DIR",
        help="project root (default: $CONFLICT_KG_ROOT, else the nearest checkout at or "
        "above the current directory, else the files packaged with conflict-kg)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(cmd)
        cmd.set_defaults(handler=module.run)
    return parser


def _print_findings(exc: DataError) -> None:
    """The diagnostics behind a :class:`DataError`, as ``validate`` prints them."""
    from kg.check.diagnostic import Diagnostic
    from kg.check.formats import render
    from kg.check.options import LintResult

    found = tuple(f for f in exc.findings if isinstance(f, Diagnostic))
    if found:
        print(render(LintResult(found, ()), "text"), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return the exit status.

    Examples
    --------
    >>> main(["validate"])  # doctest: +SKIP
    0
    """
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version or a usage error
        return int(exc.code) if isinstance(exc.code, int) else 2
    try:
        _settle_root(args)
        return int(args.handler(args))
    except LoadError as exc:
        for err in exc.all:
            print(f"error: {escaped(str(err))}", file=sys.stderr)
        return 2
    except DataError as exc:
        _print_findings(exc)
        print(f"error: {escaped(str(exc))}", file=sys.stderr)
        return 1
    except ConflictKGError as exc:
        print(f"error: {escaped(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _settle_root(args: argparse.Namespace) -> None:
    """Fix the project root once; say on stderr when the packaged copy is used.

    Without ``--root`` or ``$CONFLICT_KG_ROOT`` the nearest checkout above the
    current directory is used; when there is none, the files packaged with
    conflict-kg are, which a user working in a checkout must not miss.
    """
    args.packaged = False
    if args.root is not None:
        return
    layout = find_layout()
    args.packaged = layout.packaged
    if layout.packaged:
        print(
            f"note: no conflict-kg checkout in {Path.cwd()} or above it; using the "
            f"files packaged with conflict-kg in {layout.root} (--root DIR to choose)",
            file=sys.stderr,
        )
    args.root = str(layout.root)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
