"""``conflict-kg plot``: draw a network view as PNG or SVG.

Examples
--------
>>> from kg.cli.main import main
>>> main(["plot", "cochair", "-o", "cochair.png"])  # doctest: +SKIP
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.export import add_time_arguments, view_for, write_output
from kg.errors import UsageError
from kg.outputs.plot import PLOT_FORMATS, render
from kg.views.network import view_names

NAME = "plot"
HELP = "draw a network view (labels, colour by kind, legend, dated title) as PNG or SVG"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``plot`` options."""
    parser.add_argument("view", help=f"the view: {', '.join(view_names())}")
    parser.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="FILE.png or FILE.svg"
    )
    add_time_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Draw the view into ``--output``; warn on stderr when it is empty."""
    fmt = Path(args.output).suffix.lower().lstrip(".")
    if fmt not in PLOT_FORMATS:
        raise UsageError(f"{args.output}: the file name must end in .png or .svg")
    view = view_for(args)
    if view.number_of_nodes() == 0:
        when = view.graph.get("at") or view.graph.get("between") or "any date"
        print(f"warning: view {args.view!r} is empty ({when})", file=sys.stderr)
    write_output(args.output, render(view, fmt=fmt))
    print(f"wrote {args.output} ({view.number_of_nodes()} nodes, {view.number_of_edges()} edges)")
    return 0
