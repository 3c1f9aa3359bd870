"""``conflict-kg site``: check the graph, then write the explorer website alone into --out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.build import default_out
from kg.cli.progress import tty_progress
from kg.errors import DataError, UsageError
from kg.outputs.build import entailment_step
from kg.outputs.build_input import load_checked
from kg.outputs.outdir import replace_dir
from kg.outputs.site.render import MARKER
from kg.read.resources import find_layout
from kg.sparql.site import site_build_step

NAME = "site"
HELP = "validate, then write the static explorer website into --out (replaced whole, or kept)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``site`` options."""
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="output directory (default: build/site in the project root, even when run "
        "from a sub-folder, as for build)",
    )


def run(args: argparse.Namespace) -> int:
    """Write the site; print where (stdout) or why not (stderr)."""
    layout = find_layout(args.root)
    progress = tty_progress()
    if args.out is not None and not args.out.strip():
        raise UsageError(f"--out {args.out!r}: give a directory")
    shown = args.out or default_out(layout.root, packaged=layout.packaged) / "site"
    out = Path(shown).resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise UsageError(
            f"{shown}: exists and is not a site written by conflict-kg (it would be "
            "replaced whole); give a new or empty directory"
        )
    try:
        project = load_checked(layout, progress=progress)
        entailment_step(project)  # the site shows the entailed classes
        (tree,) = site_build_step("site")(project).values()
        replace_dir(out, {".": tree}, checked=True)
    except DataError as exc:
        print(f"site not written: {exc} (run conflict-kg validate)", file=sys.stderr)
        return 1
    finally:
        if progress is not None:
            progress.close()
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"wrote {pages} pages into {shown}; open {out / 'index.html'}")
    return 0
