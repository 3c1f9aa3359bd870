"""``conflict-kg build``: check the graph, then write it and its network views."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.check.report import dumps, findings_json, findings_text, locate_findings
from kg.check.shacl.reference import Finding
from kg.cli.progress import tty_progress
from kg.errors import DataError
from kg.outputs.build import BuildSummary, build
from kg.read.resources import find_layout

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
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the summary on stdout: lines of text (default) or one JSON object",
    )
    parser.add_argument(
        "--engine",
        choices=("oxigraph", "pyshacl"),
        default="oxigraph",
        help="SHACL engine: the shapes compiled to SPARQL on Oxigraph (default) or "
        "pySHACL (the reference; same findings, far slower on large graphs)",
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
    out = (
        Path(args.out)
        if args.out
        else default_out(layout.root, packaged=getattr(args, "packaged", False))
    )
    progress = tty_progress()
    failed: DataError | None = None
    try:
        summary = build(layout, out_dir=out, engine=args.engine, progress=progress)
    except DataError as exc:
        failed = exc
    finally:
        if progress is not None:
            progress.close()
    if failed is not None:
        findings = [f for f in failed.findings if isinstance(f, Finding)]
        located = locate_findings(findings, layout.data_files)
        text = dumps(findings_json(located)) if args.format == "json" else findings_text(located)
        print(text, file=sys.stderr)
        print(f"build failed: {failed}", file=sys.stderr)
        return 1
    print(dumps(summary.as_dict()) if args.format == "json" else summary_text(summary))
    return 0
