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
import re
from collections.abc import Mapping
from functools import cache
from json.encoder import encode_basestring

from kg.read.printable import escaped
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


@cache
def _prefixed() -> re.Pattern[str]:
    """The first of :data:`SHORT_PREFIXES` (in order) whose namespace an IRI extends.

    Compiled on first use: only the table needs it, and a lookup's whole process
    takes about 70 ms.
    """
    alternatives = (
        f"(?P<{prefix}>{re.escape(ns)})(?=[\\s\\S])" for prefix, ns in SHORT_PREFIXES.items()
    )
    return re.compile("|".join(alternatives))


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
        return _short_iri(cell["value"])
    text = " ".join(plain(cell).splitlines())  # every Unicode line break, on purpose
    return f"{text} @{cell['xml:lang']}" if with_lang and "xml:lang" in cell else text


def _short_iri(iri: str) -> str:
    match = _prefixed().match(iri)
    if match is None:
        return f"<{iri}>"
    return f"{match.lastgroup}:{iri[match.end() :]}"


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
    bindings = results["results"]["bindings"]
    columns = []
    for name in names:
        tagged = _mixed_languages(results, name)
        columns.append([short(b.get(name), with_lang=tagged) for b in bindings])
    widths = [max([len(n), *map(len, c)]) for n, c in zip(names, columns, strict=True)]
    if width is not None:
        widths = _fit(widths, width)
    cut = [
        [c if len(c) <= w else c[: w - 1] + "…" for c in (n, "-" * w, *column)]
        for n, column, w in zip(names, columns, widths, strict=True)
    ]
    body = ["  ".join(map(str.ljust, row, widths)).rstrip() for row in zip(*cut, strict=True)]
    count = len(bindings)
    body = body or [""] * (count + 2)  # no variables: empty lines
    return "\n".join(body) + f"\n({count} row{'s' if count != 1 else ''})"


def _delimited(results: Results, *, tsv: bool) -> str:
    if "boolean" in results:
        return "true\r\n" if results["boolean"] else "false\r\n"
    names = results["head"]["vars"]
    if tsv:
        lines = ["\t".join(f"?{n}" for n in names)]
        for b in results["results"]["bindings"]:
            lines.append("\t".join(turtle(b.get(n)) for n in names))
        return "\n".join(lines) + "\n"
    rows = [names, *([plain(b.get(n)) for n in names] for b in results["results"]["bindings"])]
    return _unquoted(rows) or _quoted(rows)


def _unquoted(rows: list[list[str]]) -> str | None:
    """``rows`` as :func:`_quoted` writes them when no cell needs quoting, else None.

    The lines are joined in one pass (a sixth of ``csv.writer``'s time for a
    12,000-row answer), then counted: any comma, quote or line break beyond the
    separators means a cell that :func:`_quoted` must write.

    Examples
    --------
    >>> _unquoted([["a", "b"], ["1", "2"]])
    'a,b\\r\\n1,2\\r\\n'
    >>> _unquoted([["a", "b"], ["1,5", "2"]]) is None
    True
    """
    width = len(rows[0])
    if width < 2:  # a lone empty cell is written "" (a line, not a blank line)
        return None
    text = "\r\n".join([",".join(row) for row in rows])
    breaks = len(rows) - 1
    if '"' in text or text.count(",") != len(rows) * (width - 1):
        return None
    if text.count("\n") != breaks or text.count("\r") != breaks:
        return None
    return text + "\r\n"


def _quoted(rows: list[list[str]]) -> str:
    """``rows`` in RFC 4180 CSV: ``csv.writer`` (minimal quoting, CRLF line ends)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


class _Text(str):
    """JSON text already written, put in place as it is by :func:`_json`."""


def _json(value: object, indent: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, without its pure-Python encoder.

    With indentation ``json`` encodes in Python, a call per value; here strings
    are escaped by the same C function and only containers recurse.
    """
    if isinstance(value, _Text):
        return str(value)
    if isinstance(value, str):
        return encode_basestring(value)
    inner = indent + "  "
    if isinstance(value, dict) and value:
        if not all(isinstance(key, str) for key in value):
            raise TypeError("non-string keys")  # json.dumps converts them; not done here
        members = (f"{encode_basestring(k)}: {_json(v, inner)}" for k, v in value.items())
        return "{\n" + inner + f",\n{inner}".join(members) + "\n" + indent + "}"
    if isinstance(value, list | tuple) and value:
        items = (_json(v, inner) for v in value)
        return "[\n" + inner + f",\n{inner}".join(items) + "\n" + indent + "]"
    return json.dumps(value)  # scalars, {} and []


def _json_bindings(bindings: list[dict[str, dict[str, str]]]) -> str:
    """:func:`_json` of ``results.bindings`` (at its depth), a row a step: the hot loop.

    Raises TypeError where a cell is not a mapping of strings to strings.
    """
    rows = []
    for row in bindings:
        members = []
        for var, cell in row.items():
            inner = ",\n          ".join(
                [f"{encode_basestring(k)}: {encode_basestring(v)}" for k, v in cell.items()]
            )
            members.append(f"{encode_basestring(var)}: {{\n          {inner}\n        }}")
        rows.append("{\n        " + ",\n        ".join(members) + "\n      }" if members else "{}")
    return "[\n      " + ",\n      ".join(rows) + "\n    ]"


def _json_results(results: Results) -> str:
    """:func:`_json` of SPARQL JSON results, the bindings written by :func:`_json_bindings`."""
    body = results.get("results")
    if not isinstance(body, dict) or list(body) != ["bindings"] or not body["bindings"]:
        return _json(results)
    if not all(cell for row in body["bindings"] for cell in row.values()):
        return _json(results)  # an empty cell mapping is written {}
    return _json({**results, "results": {"bindings": _Text(_json_bindings(body["bindings"]))}})


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
    import shutil  # with bz2, lzma …: only for a terminal

    return shutil.get_terminal_size((120, 24)).columns


def format_results(results: Results, *, fmt: str = "table", width: int | None = None) -> str:
    """Format ``results`` as ``table``, ``csv``, ``tsv`` or ``json``.

    Examples
    --------
    >>> format_results({"head": {}, "boolean": True}, fmt="json")
    '{\\n  "head": {},\\n  "boolean": true\\n}\\n'
    """
    if fmt == "json":
        try:
            return _json_results(results) + "\n"
        except (TypeError, AttributeError):  # not JSON results: json.dumps says why
            return json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        return escaped(_delimited(results, tsv=fmt == "tsv"))  # a store's controls: \uXXXX
    if fmt == "table":
        return escaped(table(results, width=width) + "\n")
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "format_results", "plain", "short", "table", "terminal_width", "turtle"]
