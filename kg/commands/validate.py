"""``conflict-kg validate``: run every check on the ontology and data."""

from __future__ import annotations

import argparse
import sys

from kg.project import check_project
from kg.report import dumps, findings_json, findings_text, locate_findings
from kg.resources import find_layout

NAME = "validate"
HELP = "check syntax, literals, vocabulary and SHACL shapes (exit 0 ok, 1 findings, 2 error)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``validate`` options."""
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    """Validate and print the findings to stdout; return 0 or 1."""
    layout = find_layout(args.root)
    project = check_project(layout)
    located = locate_findings(project.report.findings, layout.data_files)
    if args.format == "json":
        print(dumps(findings_json(located)))
    else:
        print(findings_text(located))
    sys.stdout.flush()
    return 0 if project.report.conforms else 1
