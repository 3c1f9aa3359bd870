"""``conflict-kg why``: explain an entity: its statements, quotes and reporting chain."""

from __future__ import annotations

import argparse
import json
import sys

from kg.check.dataset import project_store
from kg.errors import UsageError
from kg.read.resources import find_layout
from kg.sparql.endpoint import check_url, run_remote
from kg.sparql.params import expand_iri
from kg.sparql.results import short
from kg.sparql.rows import Results
from kg.sparql.run import run_local
from kg.sparql.why import Asker, Explanation, Source, explain

NAME = "why"
HELP = "explain an entity (IRI, prefixed name or label): every statement with its sources"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``why`` options."""
    parser.add_argument("target", metavar="IRI|LABEL", help="e.g. id:moscow-talks-2020 or Russia")
    parser.add_argument("--endpoint", metavar="QUERY_URL", help="ask a SPARQL endpoint instead")
    parser.add_argument(
        "--default-graph",
        action="append",
        default=[],
        metavar="IRI",
        help="with --endpoint: query this named graph as the default graph (repeatable), "
        "e.g. the --graph given to publish",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the chains as indented text (default) or JSON",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="with --endpoint: give up on a request after this many seconds",
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
        lines.extend(_source_lines(numbers[iri], iri, src))
        if src.quote:
            lines.append(f"      quote: \u201c{src.quote}\u201d")
        if src.translation:
            lines.append(f"      translation: {src.translation}")
        if src.attributed_to:
            lines.append(f"      attributed to: {_name(src.attributed_to)}")
    return "\n".join(lines + _chain_lines(ex, numbers))


def _source_lines(number: int, iri: str, src: Source) -> list[str]:
    """A source's head line; a database record adds what it records and its link."""
    where = f", sentence {src.sentence}" if src.sentence else ""
    if not src.records and not src.url:
        return [f"  [{number}] {_name(iri)}: in {_name(src.document)}{where}"]
    title = f" {src.label}" if src.label else ""
    lines = [f"  [{number}] {_name(iri)}:{title}"]
    for record in src.records:
        date = f" ({record['date']})" if record["date"] else ""
        lines.append(f"      records: {record['label'] or _name(record['iri'])}{date}")
    if src.url:
        lines.append(f"      link: {src.url}")
    return lines


def _chain_lines(ex: Explanation, numbers: dict[str, int]) -> list[str]:
    """The reporting chains; sources that only cite one same source share one line."""
    lines: list[str] = []
    alike: dict[str, list[str]] = {}  # cited -> sources whose whole chain is "cites cited"
    seen: set[str] = set()
    for iri, src in ex.sources.items():
        if not src.chain or src.document in seen:
            continue
        seen.add(src.document)
        if len(src.chain) == 1:
            alike.setdefault(src.chain[0][1], []).append(iri)
            continue
        lines += ["", f"Reporting chain of {_name(src.document)}:"]
        lines += [f"  {_name(citing)} cites {_name(cited)}" for citing, cited in src.chain]
    for cited, sources in alike.items():
        if len(sources) == 1:
            document = ex.sources[sources[0]].document
            lines += ["", f"Reporting chain of {_name(document)}:"]
            lines.append(f"  {_name(document)} cites {_name(cited)}")
        else:
            refs = ", ".join(f"[{numbers[s]}]" for s in sources)
            lines += ["", f"Sources {refs} each cite {_name(cited)}."]
    return lines


def run(args: argparse.Namespace) -> int:
    """Explain ``args.target``."""
    ask: Asker
    graphs = [expand_iri(iri, {}) for iri in args.default_graph]
    if args.endpoint:
        endpoint = check_url(args.endpoint, option="--endpoint")

        def ask(text: str) -> Results:
            return run_remote(text, endpoint=endpoint, timeout=args.timeout, default_graphs=graphs)

    elif graphs:
        raise UsageError("--default-graph needs --endpoint")
    else:
        store = project_store(find_layout(args.root))

        def ask(text: str) -> Results:
            return run_local(text, store=store)

    ex = explain(args.target, ask=ask)
    if ex.note:
        print(f"note: {ex.note}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json.dumps(ex.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print(explanation_text(ex))
    return 0
