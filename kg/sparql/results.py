"""Format SPARQL JSON results as a terminal table, CSV, TSV or JSON.

``csv`` and ``tsv`` follow *SPARQL 1.1 Query Results CSV and TSV Formats*
(CSV: plain values; TSV: terms in Turtle/N-Triples syntax), ``json`` is
*SPARQL 1.1 Query Results JSON Format*. ``table`` shortens IRIs with the
project's prefixes, shows a literal's language tag only in a column that mixes
languages (``Russia``, not ``Russia @en``) and, given a width (the terminal's),
truncates columns to fit it; piped output is never cut.

Examples
--------
>>> cell = {"type": "literal", "value": "a"}
>>> r = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": cell}]}}
>>> format_results(r, fmt="csv")
'x\\r\\na\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Mapping

from kg.sparql.params import DEFAULT_PREFIXES
from kg.sparql.rows import Results

FORMATS = ("table", "csv", "tsv", "json")

SHORT_PREFIXES = {
    **DEFAULT_PREFIXES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "dct": "http://purl.org/dc/terms/",
}


def _escape(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    return out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def plain(cell: Mapping[str, str] | None) -> str:
    """The CSV form of a term: the IRI, the lexical form, or ``_:label``."""
    if cell is None:
        return ""
    return f"_:{cell['value']}" if cell["type"] == "bnode" else cell["value"]


def turtle(cell: Mapping[str, str] | None) -> str:
    """The TSV form of a term (N-Triples syntax).

    Examples
    --------
    >>> turtle({"type": "literal", "value": "x", "xml:lang": "en"})
    '"x"@en'
    """
    if cell is None:
        return ""
    if cell["type"] == "uri":
        return f"<{cell['value']}>"
    if cell["type"] == "bnode":
        return f"_:{cell['value']}"
    text = f'"{_escape(cell["value"])}"'
    if "xml:lang" in cell:
        return f"{text}@{cell['xml:lang']}"
    if "datatype" in cell:
        return f"{text}^^<{cell['datatype']}>"
    return text


def short(cell: Mapping[str, str] | None, *, with_lang: bool = True) -> str:
    """The table form of a term: prefixed IRIs, lexical forms (with `` @lang`` if asked).

    Line breaks of any kind (``\n``, U+2028 …) become spaces: one row, one line.

    Examples
    --------
    >>> short({"type": "uri", "value": "https://w3id.org/conflict-kg/id/russia"})
    'id:russia'
    >>> short({"type": "literal", "value": "Russia", "xml:lang": "en"}, with_lang=False)
    'Russia'
    """
    if cell is None:
        return ""
    if cell["type"] == "uri":
        for prefix, ns in SHORT_PREFIXES.items():
            if cell["value"].startswith(ns) and len(cell["value"]) > len(ns):
                return f"{prefix}:{cell['value'][len(ns) :]}"
        return f"<{cell['value']}>"
    text = " ".join(plain(cell).splitlines())  # every Unicode line break, on purpose
    return f"{text} @{cell['xml:lang']}" if with_lang and "xml:lang" in cell else text


def _mixed_languages(results: Results, name: str) -> bool:
    langs = {b[name].get("xml:lang") for b in results["results"]["bindings"] if name in b}
    return len(langs) > 1


def _fit(widths: list[int], total: int) -> list[int]:
    """Shrink the widest columns until ``sum(widths) + gaps <= total``."""
    widths = list(widths)
    budget = total - 2 * (len(widths) - 1)
    while sum(widths) > budget and max(widths) > 5:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    return widths


def table(results: Results, *, width: int | None = None) -> str:
    """Format results as an aligned text table that fits ``width`` columns (None: no limit).

    Examples
    --------
    >>> r = {"head": {"vars": ["a"]}, "results": {"bindings": [{}]}}
    >>> print(table(r, width=40))
    a
    -
    <BLANKLINE>
    (1 row)
    """
    if "boolean" in results:
        return "true" if results["boolean"] else "false"
    names = results["head"]["vars"]
    tagged = [_mixed_languages(results, v) for v in names]
    rows = [
        [short(b.get(v), with_lang=t) for v, t in zip(names, tagged, strict=True)]
        for b in results["results"]["bindings"]
    ]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    if width is not None:
        widths = _fit(widths, width)

    def line(cells: list[str]) -> str:
        out = []
        for cell, w in zip(cells, widths, strict=True):
            out.append(cell if len(cell) <= w else cell[: w - 1] + "…")
        return "  ".join(c.ljust(w) for c, w in zip(out, widths, strict=True)).rstrip()

    body = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    count = len(rows)
    return "\n".join(body) + f"\n({count} row{'s' if count != 1 else ''})"


def _delimited(results: Results, *, tsv: bool) -> str:
    buffer = io.StringIO()
    if "boolean" in results:
        return "true\r\n" if results["boolean"] else "false\r\n"
    names = results["head"]["vars"]
    if tsv:
        lines = ["\t".join(f"?{n}" for n in names)]
        for b in results["results"]["bindings"]:
            lines.append("\t".join(turtle(b.get(n)) for n in names))
        return "\n".join(lines) + "\n"
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for b in results["results"]["bindings"]:
        writer.writerow([plain(b.get(n)) for n in names])
    return buffer.getvalue()


def terminal_width(stream: object) -> int | None:
    """The width to fit a table to: the terminal's when ``stream`` is one, else None.

    Examples
    --------
    >>> import io
    >>> terminal_width(io.StringIO()) is None
    True
    """
    isatty = getattr(stream, "isatty", None)
    if isatty is None or not isatty():
        return None
    return shutil.get_terminal_size((120, 24)).columns


def format_results(results: Results, *, fmt: str = "table", width: int | None = None) -> str:
    """Format ``results`` as ``table``, ``csv``, ``tsv`` or ``json``.

    Examples
    --------
    >>> format_results({"head": {}, "boolean": True}, fmt="json")
    '{\\n  "head": {},\\n  "boolean": true\\n}\\n'
    """
    if fmt == "json":
        return json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        return _delimited(results, tsv=fmt == "tsv")
    if fmt == "table":
        return table(results, width=width) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "format_results", "plain", "short", "table", "terminal_width", "turtle"]
