"""``conflict-kg add-source TEXT_FILE ... -o data/NAME.ttl``: start curating a source.

Writes the source document ``id:src-NAME`` and one quotation per sentence of
the text (offsets computed, page furniture skipped: see
:mod:`kg.importers.sourcetext`), validates it with the project's data, and
only then puts the file in place (atomically). Exit 0 written, 1 the new file
fails validation (nothing written), 2 usage or load error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kg.check.formats import render_text
from kg.check.lint import Options, lint
from kg.errors import UsageError
from kg.importers.addsource import source_turtle
from kg.read.resources import find_layout
from kg.sparql.params import expand_iri
from kg.sparql.results import SHORT_PREFIXES

NAME = "add-source"
HELP = "write a source document and one quotation per sentence of its text (with offsets)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``add-source`` options."""
    parser.add_argument("text", metavar="TEXT_FILE", help="the held copy of the source (UTF-8)")
    parser.add_argument("--publisher", required=True, metavar="IRI", help="e.g. id:liputan6")
    parser.add_argument("--language", required=True, metavar="TAG", help="e.g. id")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the document's date, if it gives one")
    parser.add_argument(
        "--dateline", metavar="IRI", help="the place of the dateline, e.g. id:moscow"
    )
    parser.add_argument(
        "--cites", action="append", default=[], metavar="IRI", help="a report it cites (repeat)"
    )
    parser.add_argument("--label", metavar="TEXT", help="the document's English label")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="data/NAME.ttl",
        help="the Turtle file to write (validated first, written whole or not at all)",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing output file")


def _iri(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return expand_iri(value, SHORT_PREFIXES)
    except UsageError as exc:
        raise UsageError(f"{option} {value!r}: {exc}") from None


def run(args: argparse.Namespace) -> int:
    """Write, validate, then move the new file into place."""
    out: Path = args.output
    if out.suffix != ".ttl":
        raise UsageError(f"{out}: the output must be a .ttl file")
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists; use --force to replace it")
    try:
        text = Path(args.text).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{args.text}: not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); "
            "save the held copy as UTF-8"
        ) from None
    except OSError as exc:
        raise UsageError(f"{args.text}: cannot read the text ({exc.strerror or exc})") from None
    turtle = source_turtle(
        text,
        name=out.stem,
        held_copy=Path(args.text).name,
        publisher=_iri(args.publisher, "--publisher") or "",
        language=args.language,
        label=args.label,
        date=args.date,
        dateline=_iri(args.dateline, "--dateline"),
        cites=[c for c in (_iri(c, "--cites") for c in args.cites) if c],
    )
    if not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such directory")
    part = out.with_name(f".{out.stem}.add-source.ttl")
    try:
        part.write_text(turtle, encoding="utf-8")
        result = lint(find_layout(args.root), [part], options=Options(reasoner="never"))
        if result.errors:
            report = render_text(result).replace(str(part), str(out))
            print(report, end="" if report.endswith("\n") else "\n", file=sys.stderr)
            print(
                f"error: {out} not written: it fails validation (the lines above are those "
                "of the Turtle it would hold)",
                file=sys.stderr,
            )
            return 1
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    print(f"wrote {out}: {turtle.count(' a ckg:Quotation')} quotations")
    return 0
