"""``conflict-kg build``: check the graph, then write it and its network views."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.check.formats import render
from kg.check.options import RICH_LIMIT, LintResult
from kg.cli.options import add_engine, add_format, add_reasoner
from kg.cli.progress import tty_progress
from kg.errors import DataError, UsageError
from kg.outputs.build import BUILD_STEPS, BuildSummary, build
from kg.read.resources import find_layout
from kg.sparql.site import site_build_step

NAME = "build"
HELP = "validate, then write the merged graph into --out (nothing is written on failure)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``build`` options."""
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="output directory (default: build/ in the project root, even when run from a "
        "sub-folder; ./build when the packaged copy is used)",
    )
    add_format(
        parser,
        ("text", "json"),
        default="text",
        what="the summary (stdout) or, on failure, the findings (stderr) as text or as "
        "JSON, the same as validate --format json",
    )
    add_engine(parser)
    add_reasoner(parser, limit_mib=RICH_LIMIT // 2**20)
    parser.add_argument(
        "--no-site", action="store_true", help="do not write the explorer website (site/)"
    )
    parser.add_argument(
        "--no-store",
        action="store_true",
        help="do not keep the checked graph as a database in store/ (query, why, serve and "
        "publish then check the files again)",
    )


def default_out(root: Path, *, packaged: bool) -> Path:
    """``build/`` in the project root; in the current directory for the packaged copy.

    Examples
    --------
    >>> default_out(Path("/repo"), packaged=False).as_posix()
    '/repo/build'
    """
    return Path.cwd() / "build" if packaged else root / "build"


def summary_text(summary: BuildSummary) -> str:
    """Human-readable build summary."""
    lines = [f"triples: {summary.triples}"]
    lines += [f"  {cls}: {n}" for cls, n in summary.instances_per_class.items()]
    lines.append(f"source documents: {summary.source_documents}")
    lines.append(f"quotations: {summary.quotations}")
    lines += [f"wrote {path}" for path in summary.outputs]
    lines += [f"note: {note}" for note in summary.notes]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Build; print the summary (stdout) or the findings (stderr)."""
    layout = find_layout(args.root)
    if args.out is not None and not args.out.strip():
        raise UsageError(f"--out {args.out!r}: give a directory")
    out = (
        Path(args.out)
        if args.out
        else default_out(layout.root, packaged=getattr(args, "packaged", False))
    )
    progress = tty_progress()
    failed: DataError | None = None
    try:
        steps = [*BUILD_STEPS] + ([] if args.no_site else [site_build_step()])
        summary = build(
            layout,
            out_dir=out,
            engine=args.engine,
            reasoner=args.reasoner,
            progress=progress,
            steps=steps,
            keep_store=not args.no_store,
        )
    except DataError as exc:
        failed = exc
    finally:
        if progress is not None:
            progress.close()
    if failed is not None:
        print(render(LintResult.of_error(failed), args.format), file=sys.stderr)
        print(f"build failed: {failed}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(summary.as_dict(), indent=2, sort_keys=True, ensure_ascii=False))
    else:
        print(summary_text(summary))
    return 0
