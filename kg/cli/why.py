"""``conflict-kg why SUBJECT [PREDICATE [OBJECT]]``: the evidence for each statement.

For each statement: the quotations that state it (each shown in its sentence of
the held copy, the quoted span between » and « by its offsets), the dataset
records it comes from, or the editorial inference that draws it with its
reason; then the reporting chain of each quoted document.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from kg.cli.graphstore import project_store
from kg.cli.options import add_endpoint, add_format, add_store_dir, add_timeout
from kg.errors import EndpointError, UsageError
from kg.outputs.site.model import natural
from kg.read.heldcopy import read_held_copy
from kg.read.resources import find_layout
from kg.sparql.http import DEFAULT_TIMEOUT
from kg.sparql.params import expand_iri
from kg.sparql.results import short
from kg.sparql.rows import Results
from kg.sparql.run import run_local
from kg.sparql.why import Asker, Explanation, Source, explain

NAME = "why"
HELP = "explain an entity or one of its statements: the quotes, records or inferences behind it"

Reader = Callable[[str], str | None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``why`` options."""
    parser.add_argument("target", metavar="SUBJECT", help="e.g. id:moscow-talks-2020 or Russia")
    parser.add_argument("predicate", nargs="?", metavar="PREDICATE", help="e.g. ckg:mediatedBy")
    parser.add_argument("object", nargs="?", metavar="OBJECT", help="e.g. id:russia")
    add_endpoint(parser, instead="the evidence is asked there instead of the checked graph")
    add_format(parser, ("text", "json"), default="text", what="the statements and their evidence")
    add_timeout(
        parser, applies_to="each request to --endpoint", default_text=f"{DEFAULT_TIMEOUT:g}"
    )
    add_store_dir(parser)


def _name(iri: str) -> str:
    return short({"type": "uri", "value": iri})


def _value(item: dict[str, str], key: str) -> str:
    value = item[key]
    label = item.get(f"{key}Label", "")
    text = item.get(f"{key}Text", "")
    shown = _quoted(value, text) if text else _name(value)
    return f"{shown} ({label})" if label else shown


def _quoted(value: str, text: str) -> str:
    """A literal in quotation marks, its language tag after them: “Russia” @en.

    ``text`` is its table form (:func:`kg.sparql.results.short`: line breaks as
    spaces, then `` @lang``); ``value`` its lexical form.

    Examples
    --------
    >>> _quoted("Russia", "Russia @en")
    '“Russia” @en'
    >>> _quoted("a @b", "a @b")
    '“a @b”'
    """
    lexical = " ".join(value.splitlines())
    tag = text[len(lexical) :] if text.startswith(lexical + " @") else ""
    return f"\u201c{lexical if tag else text}\u201d{tag}"


def in_context(text: str, start: int, end: int) -> str:
    """The line of ``text`` holding ``[start, end)``, the span between » and «.

    Examples
    --------
    >>> in_context("One.\\nTwo words here.\\n", 9, 14)
    'Two »words« here.'
    """
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return f"{text[first:start]}\u00bb{text[start:end]}\u00ab{text[end:last]}"


def _where(src: Source, read: Reader) -> list[str]:
    """Where the quotation sits in its held copy, checked against the text if held."""
    if not (src.start and src.end):
        return []
    start, end = int(src.start), int(src.end)
    where = f"      at: {src.held_copy or 'the held copy'}, characters {start}\u2013{end}"
    text = read(src.held_copy) if src.held_copy else None
    if text is None:
        return [where + " (held copy not found)"]
    if not 0 <= start <= end <= len(text) or text[start:end] != src.quote:
        return [where + " (DOES NOT MATCH the held copy)"]
    return [where, f"      sentence: {in_context(text, start, end)}"]


_LISTED = 3
"""At most this many records of one column are named on a statement's line; the rest are
counted (``--format json`` lists them all)."""


def _refs(item: dict, numbers: dict[str, str]) -> str:  # type: ignore[type-arg]
    ev = item["evidence"]
    refs = [numbers[q] for q in ev["quotations"]] + [numbers[i] for i in ev["inferences"]]
    by_column: dict[str, list[str]] = {}
    for record in ev["records"]:
        column = record["field"] or record.get("rule", "")
        by_column.setdefault(column, []).append(_name(record["record"]))
    for column, names in by_column.items():
        note = f" ({column})" if column else ""
        if len(names) <= _LISTED + 1:
            refs += [f"record {name}{note}" for name in names]
            continue
        names.sort(key=natural)  # id:pax-agreement-310 before …-1683
        rest = len(names) - _LISTED
        refs.append(f"records {', '.join(names[:_LISTED])} and {rest} more{note}")
    return ", ".join(refs) or ("(a name or note)" if ev["nameOrNote"] else "(unattested)")


def explanation_text(ex: Explanation, *, read: Reader = lambda name: None) -> str:
    """Human-readable explanation, grouped by statement."""
    numbers = {iri: f"[{n}]" for n, iri in enumerate(ex.sources, start=1)}
    numbers |= {iri: f"[inference {n}]" for n, iri in enumerate(ex.inferences, start=1)}
    lines = [f"{_name(ex.entity)}  {ex.label}".rstrip(), "", "Statements:"]
    for item in ex.statements:
        subject = "  " if item["subject"] == ex.entity else f"  {_value(item, 'subject')} "
        obj = "this" if item["object"] == ex.entity else _value(item, "object")
        lines.append(f"{subject}{_name(item['predicate'])} {obj}  {_refs(item, numbers)}")
    if ex.sources:
        lines += ["", "Sources:"]
    for iri, src in ex.sources.items():
        lines.extend(_source_lines(numbers[iri], iri, src))
        if src.quote:
            lines.append(f"      quote: \u201c{src.quote}\u201d")
        lines += _where(src, read)
        if src.translation:
            lines.append(f"      translation: {src.translation}")
        if src.attributed_to:
            lines.append(f"      attributed to: {_name(src.attributed_to)}")
    if ex.inferences:
        lines += ["", "Editorial inferences (conclusions drawn from the sources, not their words):"]
    for iri, inf in ex.inferences.items():
        lines.append(f"  {numbers[iri]} {_name(iri)}: {inf.label}")
        lines.append(f"      reason: {inf.reason}")
        if inf.date_rule:
            lines.append(f"      date rule: {inf.date_rule}")
        if inf.used:
            lines.append(f"      from: {', '.join(_name(u) for u in inf.used)}")
    return "\n".join(lines + _chain_lines(ex, numbers))


def _source_lines(number: str, iri: str, src: Source) -> list[str]:
    """A source's head line; a database record adds what it records and its link."""
    where = f", sentence {src.sentence}" if src.sentence else ""
    if not src.records and not src.url:
        return [f"  {number} {_name(iri)}: in {_name(src.document)}{where}"]
    title = f" {src.label}" if src.label else ""
    lines = [f"  {number} {_name(iri)}:{title}"]
    for record in src.records:
        date = f" ({record['date']})" if record["date"] else ""
        lines.append(f"      records: {record['label'] or _name(record['iri'])}{date}")
    if src.url:
        lines.append(f"      link: {src.url}")
    return lines


def _chain_lines(ex: Explanation, numbers: dict[str, str]) -> list[str]:
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
            refs = ", ".join(numbers[s] for s in sources)
            lines += ["", f"Sources {refs} each cite {_name(cited)}."]
    return lines


def run(args: argparse.Namespace) -> int:
    """Explain ``args.target`` (or one of its statements)."""
    for name, value in (
        ("SUBJECT", args.target),
        ("PREDICATE", args.predicate),
        ("OBJECT", args.object),
    ):
        if value is not None and not value.strip():  # '' would mean "any", silently
            raise UsageError(f"{name} is empty; give a term or leave it out")
    ask: Asker
    layout = find_layout(args.root)
    graphs = [expand_iri(iri, {}) for iri in args.default_graph]
    if args.endpoint:
        from kg.sparql.endpoint import check_url, run_remote

        endpoint = check_url(args.endpoint, option="--endpoint")

        def ask(text: str) -> Results:
            return run_remote(text, endpoint=endpoint, timeout=args.timeout, default_graphs=graphs)

    elif graphs:
        raise UsageError("--default-graph needs --endpoint")
    else:
        store = project_store(args, layout)

        def ask(text: str) -> Results:
            return run_local(text, store=store)

    try:
        ex = explain(args.target, ask=ask, predicate=args.predicate, obj=args.object)
    except KeyError as missing:  # only a store's answer can lack a variable its pattern binds
        if not args.endpoint:
            raise  # in process: a fault of this code, to be seen as one
        raise EndpointError(
            f"{args.endpoint}: the answer lacks the variable {missing.args[0]!r} that the "
            "query binds; is this a SPARQL 1.1 query endpoint?"
        ) from None
    if ex.note:
        print(f"note: {ex.note}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json.dumps(ex.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print(explanation_text(ex, read=lambda name: read_held_copy(layout.root, name)))
    return 0
