"""``conflict-kg site``: check the graph, then write the explorer website alone into --out."""

from __future__ import annotations

import argparse
import sys

from kg.cli.progress import tty_progress
from kg.errors import DataError
from kg.outputs.build import build, entailment_step
from kg.read.resources import find_layout
from kg.sparql.site import site_build_step

NAME = "site"
HELP = "validate, then write the static explorer website into --out (nothing written on failure)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``site`` options."""
    parser.add_argument(
        "--out", default="build/site", help="output directory (default: build/site)"
    )


def run(args: argparse.Namespace) -> int:
    """Write the site; print where (stdout) or why not (stderr)."""
    layout = find_layout(args.root)
    progress = tty_progress()
    try:
        summary = build(
            layout,
            out_dir=args.out,
            steps=[entailment_step, site_build_step("")],
            progress=progress,
        )
    except DataError as exc:
        print(f"site not written: {exc} (run conflict-kg validate)", file=sys.stderr)
        return 1
    finally:
        if progress is not None:
            progress.close()
    pages = [p for p in summary.outputs if p.suffix == ".html"]
    print(f"wrote {len(pages)} pages into {args.out}; open {args.out}/index.html")
    return 0
