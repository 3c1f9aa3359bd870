"""``conflict-kg why``: explain an entity: its statements, quotes and reporting chain."""

from __future__ import annotations

import argparse
import json
import sys

from kg.check.dataset import project_graph
from kg.read.resources import find_layout
from kg.sparql.endpoint import check_url, run_remote
from kg.sparql.http import DEFAULT_TIMEOUT, check_timeout
from kg.sparql.results import short
from kg.sparql.why import Asker, Explanation, explain, local_asker

NAME = "why"
HELP = "explain an entity (IRI, prefixed name or label): every statement with its sources"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``why`` options."""
    parser.add_argument("target", metavar="IRI|LABEL", help="e.g. id:moscow-talks-2020 or Russia")
    parser.add_argument("--endpoint", metavar="QUERY_URL", help="ask a SPARQL endpoint instead")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="seconds allowed for each request to --endpoint, answer included "
        f"(default {DEFAULT_TIMEOUT:g})",
    )


def _name(iri: str) -> str:
    return short({"type": "uri", "value": iri})


def _value(item: dict[str, str], key: str) -> str:
    value = item[key]
    label = item.get(f"{key}Label", "")
    text = item.get(f"{key}Text", "")
    shown = f"\u201c{text}\u201d" if text else _name(value)
    return f"{shown} ({label})" if label else shown


def explanation_text(ex: Explanation) -> str:
    """Human-readable explanation."""
    numbers = {iri: n for n, iri in enumerate(ex.sources, start=1)}
    lines = [f"{_name(ex.entity)}  {ex.label}".rstrip(), "", "Statements:"]
    for item in ex.statements:
        refs = ", ".join(f"[{numbers[s]}]" for s in item["sources"]) or "(no source)"
        subject = "  " if item["subject"] == ex.entity else f"  {_value(item, 'subject')} "
        obj = "this" if item["object"] == ex.entity else _value(item, "object")
        lines.append(f"{subject}{_name(item['predicate'])} {obj}  {refs}")
    lines += ["", "Sources:"]
    for iri, src in ex.sources.items():
        where = f", sentence {src.sentence}" if src.sentence else ""
        lines.append(f"  [{numbers[iri]}] {_name(iri)}: in {_name(src.document)}{where}")
        if src.quote:
            lines.append(f"      quote: \u201c{src.quote}\u201d")
        if src.translation:
            lines.append(f"      translation: {src.translation}")
        if src.attributed_to:
            lines.append(f"      attributed to: {_name(src.attributed_to)}")
    chains = {src.document: src.chain for src in ex.sources.values() if src.chain}
    for document, chain in chains.items():
        lines += ["", f"Reporting chain of {_name(document)}:"]
        lines += [f"  {_name(citing)} cites {_name(cited)}" for citing, cited in chain]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Explain ``args.target``."""
    ask: Asker
    if args.endpoint:
        endpoint = check_url(args.endpoint, option="--endpoint")
        seconds = check_timeout(args.timeout)
        ask = lambda text: run_remote(text, endpoint=endpoint, timeout=seconds)  # noqa: E731
    else:
        ask = local_asker(project_graph(find_layout(args.root)))
    ex = explain(args.target, ask=ask)
    if args.format == "json":
        sys.stdout.write(json.dumps(ex.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print(explanation_text(ex))
    return 0
