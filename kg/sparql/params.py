"""Typed query parameters, bound as RDF terms through a ``VALUES`` block.

A parameter value never becomes query syntax: it is checked against its
declared type, turned into one RDF term (an IRI or a typed literal) written in
escaped N-Triples form, and bound to its variable by a ``VALUES`` block that
opens the query's outermost ``WHERE`` group (and written in place of the
variable inside ``OPTIONAL`` groups, :func:`bind`). The same bound text runs
in-process and on any SPARQL 1.1 endpoint, so both give the same results.

Examples
--------
>>> term("date", "2020-10-10", {})
'"2020-10-10"^^<http://www.w3.org/2001/XMLSchema#date>'
>>> term("string", 'a" } ; DROP ALL', {})
'"a\\\\" } ; DROP ALL"'
>>> bind("SELECT ?x WHERE { ?x ?p ?o }", {"o": '"v"'})
'SELECT ?x WHERE { VALUES (?o) { ("v") } ?x ?p ?o }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from kg import CKG_IRI, ID_IRI
from kg.errors import UsageError
from kg.read.printable import LANGTAG

XSD = "http://www.w3.org/2001/XMLSchema#"

TYPES: dict[str, str] = {
    "iri": "an IRI: <https://...>, https://... or a prefixed name such as id:russia",
    "string": "any text",
    "language": "a language tag such as en, id or ru-Latn",
    "date": "an xsd:date such as 2020-10-10",
    "year": "an xsd:gYear such as 1994",
    "integer": "an xsd:integer such as 42",
    "decimal": "an xsd:decimal such as 3.5",
    "boolean": "true or false",
}
"""Parameter types and what a valid value looks like."""

DEFAULT_PREFIXES = {"ckg": CKG_IRI, "id": ID_IRI, "xsd": XSD}

_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SCHEMES = {"http", "https", "urn", "tag", "mailto", "file"}
_PNAME = re.compile(r"^([A-Za-z][\w.-]*)?:([\w.-]*)$")
_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>", re.IGNORECASE)
_LEXICAL = {
    "date": re.compile(r"^-?\d{4,}-\d{2}-\d{2}$"),
    "year": re.compile(r"^-?\d{4,}$"),
    "integer": re.compile(r"^[+-]?\d+$"),
    "decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    "boolean": re.compile(r"^(true|false|1|0)$"),
}
_DATATYPE = {
    "date": "date",
    "year": "gYear",
    "integer": "integer",
    "decimal": "decimal",
    "boolean": "boolean",
}


def query_prefixes(text: str) -> dict[str, str]:
    """Return the ``PREFIX`` declarations of a query, over :data:`DEFAULT_PREFIXES`.

    Examples
    --------
    >>> query_prefixes("PREFIX ex: <http://ex/>\\nSELECT * {}")["ex"]
    'http://ex/'
    """
    found = dict(DEFAULT_PREFIXES)
    found.update({m[1] or "": m[2] for m in _PREFIX_DECL.finditer(text)})
    return found


def expand_iri(value: str, prefixes: Mapping[str, str]) -> str:
    """Return the absolute IRI written as ``<iri>``, ``iri`` or ``prefix:local``.

    Raises
    ------
    UsageError
        Not an absolute IRI, an unknown prefix, or a character IRIs cannot hold.

    Examples
    --------
    >>> expand_iri("id:russia", DEFAULT_PREFIXES)
    'https://w3id.org/conflict-kg/id/russia'
    """
    raw = value.strip()
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    pname = _PNAME.match(raw)
    if pname and (pname[1] or "") in prefixes:
        raw = prefixes[pname[1] or ""] + pname[2]
    elif pname and (pname[1] or "").lower() not in _SCHEMES:
        known = ", ".join(f"{p}:" for p in sorted(prefixes))
        raise UsageError(
            f"{value!r}: unknown prefix {pname[1]!r} (known: {known}); write the full IRI"
        )
    if not _SCHEME.match(raw) or _IRI_BAD.search(raw):
        raise UsageError(f"{value!r} is not an IRI; expected {TYPES['iri']}")
    return raw


def _escape(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    return out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def term(kind: str, value: str, prefixes: Mapping[str, str]) -> str:
    """Turn a parameter value into one RDF term in N-Triples syntax.

    Parameters
    ----------
    kind : str
        A key of :data:`TYPES`.
    value : str
        The value as given on the command line.
    prefixes : mapping
        Prefixes allowed in ``iri`` values.

    Raises
    ------
    UsageError
        The value is not of the type.

    Examples
    --------
    >>> term("year", "1994", {})
    '"1994"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    """
    if kind == "iri":
        return f"<{expand_iri(value, prefixes)}>"
    if kind == "string":
        return f'"{_escape(value)}"'
    if kind == "language":  # bound as the text LANG() compares with
        if not LANGTAG.fullmatch(value):
            raise UsageError(f"{value!r} is not {TYPES[kind]}")
        return f'"{value}"'
    pattern = _LEXICAL.get(kind)
    if pattern is None:
        raise UsageError(f"unknown parameter type {kind!r}; use one of {', '.join(TYPES)}")
    if not pattern.match(value):
        raise UsageError(f"{value!r} is not {TYPES[kind]}")
    if kind == "date":
        from datetime import date  # only for a date parameter

        if value.startswith("-") or len(value.split("-")[0]) > 4:
            raise UsageError(f"{value!r} is not {TYPES[kind]} (years 0001-9999 only)")
        try:
            date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"{value!r} is not {TYPES[kind]} (no such day)") from None
    return f'"{value}"^^<{XSD}{_DATATYPE[kind]}>'


_TOKEN = re.compile(
    r"#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
    r"|<[^<>\"{}|^`\\\x00-\x20]*>|(?P<optional>\bOPTIONAL\s*\{)|[{}]|[?$][A-Za-z0-9_]+",
    re.DOTALL | re.IGNORECASE,
)


def _where_brace(text: str) -> int:
    """Index of the ``{`` that opens the outermost group, skipping comments, strings, IRIs."""
    for match in _TOKEN.finditer(text):
        if match.group() == "{" or match.group("optional"):
            return match.end() - 1
    raise UsageError("the query has no WHERE group to bind parameters in")


class _Optional(NamedTuple):
    """An ``OPTIONAL { … }`` group: where its body opens, the variables in it.

    ``used`` maps each variable to the offsets of its tokens in the group;
    ``assigned`` holds the variables it may not be replaced in (a ``… AS ?v``
    target, or any variable when the group holds a sub-query).
    """

    start: int
    used: dict[str, list[int]]
    assigned: set[str]


def _optional_groups(text: str) -> list[_Optional]:
    """Every ``OPTIONAL { … }`` group of ``text`` that is not itself a sub-query."""
    groups: list[_Optional] = []
    stack: list[_Optional | None] = []
    last_end = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if match.group("optional") or token == "{":
            is_sub = text[match.end() :].lstrip()[:6].upper() == "SELECT"
            opens = match.group("optional") and not is_sub
            for entry in stack if is_sub else ():
                if entry is not None:
                    entry.assigned.add("*")
            stack.append(_Optional(match.end(), {}, set()) if opens else None)
        elif token == "}" and stack:
            entry = stack.pop()
            if entry is not None:
                groups.append(entry)
        elif token[0] in "?$":
            assigned = re.search(r"\bAS\s*$", text[last_end : match.start()], re.IGNORECASE)
            for entry in stack:
                if entry is not None:
                    entry.used.setdefault(token[1:], []).append(match.start())
                    if assigned:
                        entry.assigned.add(token[1:])
        last_end = match.end()
    return groups


def _values(terms: Mapping[str, str]) -> str:
    # one block per variable: Virtuoso 7 fails to compile a multi-column block
    # whose variables are also bound in an OPTIONAL (SP031 … no SPART_VARR_FIXED)
    return "".join(f" VALUES (?{name}) {{ ({value}) }}" for name, value in terms.items())


def bind(text: str, terms: Mapping[str, str]) -> str:
    """Bind variables to terms: a ``VALUES`` block, and the term itself in ``OPTIONAL`` groups.

    A block opens the outermost WHERE group. Inside each ``OPTIONAL`` group a
    bound variable is replaced by its term: the same under SPARQL's semantics
    (the value is fixed for the whole query), and it lets every store use the
    value: Virtuoso 7 does not pass outer bindings into an ``OPTIONAL``'s
    ``FILTER``, and a block inside the group makes Oxigraph evaluate the
    group over the whole graph (a lookup at a million triples took a second,
    not a millisecond). Where the variable is assigned in the group (``AS ?v``,
    a sub-query), the group opens with its own block instead.

    Parameters
    ----------
    text : str
        A SELECT or ASK query.
    terms : mapping
        Variable name (no ``?``) to a term from :func:`term`.

    Returns
    -------
    str
        The query, unchanged when ``terms`` is empty.

    Examples
    --------
    >>> bind("ASK { ?s ?p ?o }", {})
    'ASK { ?s ?p ?o }'
    >>> bind('ASK { OPTIONAL { ?s ?p ?x } }', {"x": '"1"'})
    'ASK { VALUES (?x) { ("1") } OPTIONAL { ?s ?p "1" } }'
    >>> bind('ASK { OPTIONAL { BIND (1 AS ?x) } }', {"x": '"1"'})
    'ASK { VALUES (?x) { ("1") } OPTIONAL { VALUES (?x) { ("1") } BIND (1 AS ?x) } }'
    """
    if not terms:
        return text
    edits: dict[int, tuple[int, str]] = {_where_brace(text) + 1: (0, _values(terms))}
    for group in _optional_groups(text):
        inner = {}
        for name, offsets in group.used.items():
            if name not in terms:
                continue
            if name in group.assigned or "*" in group.assigned:
                inner[name] = terms[name]
                continue
            for at in offsets:
                edits[at] = (len(name) + 1, terms[name])
        if inner:
            edits[group.start] = (0, _values(inner))
    for at in sorted(edits, reverse=True):
        length, new = edits[at]
        text = f"{text[:at]}{new}{text[at + length :]}"
    return text


__all__ = ["DEFAULT_PREFIXES", "TYPES", "bind", "expand_iri", "query_prefixes", "term"]
