"""Parse Turtle files into rdflib graphs, with precise ``path:line:col`` errors.

Beyond syntax, loading rejects literals whose lexical form is invalid for their
XSD datatype (rdflib only warns) and, when an ontology is given, ``ckg:`` terms
the ontology does not declare.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import rdflib
from rdflib import Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from kg import CKG, ID
from kg.errors import LoadError
from kg.read.guards import not_utf8
from kg.read.locate import locate_term, prefixes
from kg.read.position import text_end, within_text
from kg.read.resources import regular_file
from kg.read.wellformed import NO_BASE, bad_literals, iri_problem, literal_problem, undeclared_terms

PathLike = str | os.PathLike[str]

_EXAMPLES = {
    "xsd:date": " such as 2020-10-10",
    "xsd:dateTime": " such as 2020-10-10T12:00:00Z",
    "xsd:gYear": " such as 1994",
    "xsd:integer": " such as 42",
    "xsd:decimal": " such as 3.5",
    "xsd:boolean": " (true or false)",
}


_BASE_HINT = "Write an absolute IRI (percent-encode a space as %20), or declare @base <https://…/>."


def literal_message(literal: rdflib.Literal, dtype: str) -> tuple[str, str]:
    """The message and hint of a literal that :func:`~kg.read.wellformed.literal_problem`
    refuses; ``dtype`` is its datatype as shown (``xsd:date``).

    Examples
    --------
    >>> from rdflib import Literal
    >>> literal_message(Literal("a\\x00"), "")[0]
    "literal 'a\\\\x00' holds U+0000, a character XML cannot carry"
    """
    problem = literal_problem(literal) or ""
    if problem.startswith("not a valid "):
        example = _EXAMPLES.get(dtype, "")
        return (
            f'invalid literal "{literal}" for datatype {dtype}',
            f"Write a valid {dtype} value{example}.",
        )
    if problem.startswith("year "):
        return (
            f'literal "{literal}" ({dtype}): {problem}',
            "Write a date of 0001-9999, or record an earlier date in a note.",
        )
    if problem.startswith("language tag"):
        return (
            f"literal {str(literal)!r}: {problem}",
            "Write a tag such as en, id or ru-Latn.",
        )
    return (
        f"literal {str(literal)!r} {problem}",
        "Remove the character (write a tab, a line break or nothing in its place).",
    )


@contextmanager
def _raw_literals() -> Iterator[None]:
    """Keep literals' lexical forms as written and silence rdflib's warnings about them.

    rdflib normalises literals while parsing by default ("maybe"^^xsd:boolean
    becomes "false"), which would hide invalid values from the checks.
    """
    logger = logging.getLogger("rdflib.term")
    previous = (logger.disabled, rdflib.NORMALIZE_LITERALS)
    logger.disabled = True
    rdflib.NORMALIZE_LITERALS = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.disabled, rdflib.NORMALIZE_LITERALS = previous


def _read_text(path: Path) -> str:
    return decoded(path, _read_bytes(path))


def _read_bytes(path: Path) -> bytes:
    regular_file(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "file not found", hint="Check the path.") from None
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror})") from None


def decoded(path: Path, raw: bytes) -> str:
    """The text of the file ``path`` whose bytes are ``raw`` (a UTF-8 byte-order mark dropped).

    Raises
    ------
    LoadError
        At the first byte that is not UTF-8 (:func:`kg.read.guards.not_utf8`).
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(path, raw, exc.start) from None


def _parse(graph: Graph, text: str) -> None:
    with _raw_literals():
        graph.parse(data=with_final_break(text), format="turtle", publicID=NO_BASE)


def with_final_break(text: str) -> str:
    """``text`` ended by a line break, as rdflib's Turtle parser needs it.

    Cut off in a statement with no final line break, a text makes rdflib fail
    with an ``IndexError`` that names no place, instead of its "EOF found" error.
    A final line break changes no triple and no line or column.

    Examples
    --------
    >>> with_final_break("<urn:a> <urn:b> <urn:c>")
    '<urn:a> <urn:b> <urn:c>\\n'
    """
    return text if text.endswith("\n") else text + "\n"


def _syntax_error(path: Path, text: str, exc: BadSyntax) -> LoadError:
    offset = int(getattr(exc, "_i", 0))
    raw = getattr(exc, "_str", b"")
    source = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw or text)
    if offset < 0:  # rdflib's "EOF found …": where the unfinished statement stops
        line, col = text_end(text)
    else:
        while offset < len(source) and source[offset] in " \t":
            offset += 1  # point at the offending token, not the blank before it
        line = source.count("\n", 0, offset) + 1
        col = offset - (source.rfind("\n", 0, offset) + 1) + 1
        line, col = within_text(source, line, col)
    why = str(getattr(exc, "_why", exc))
    hint = "Fix the Turtle syntax at that position."
    if why.startswith("Prefix ") and "not bound" in why:
        hint = "Declare it with an @prefix line at the top of the file, or fix the spelling."
    return LoadError(path, f"Turtle syntax error: {why}", line=line, column=col, hint=hint)


def _where(path: Path, text: str, term: Node, what: str, hint: str) -> LoadError:
    pos = locate_term(text, term, prefixes(text))
    line, col = pos if pos else (None, None)
    return LoadError(path, what, line=line, column=col, hint=hint)


def parse_turtle(path: PathLike) -> Graph:
    """Parse one Turtle file, rejecting syntax errors and ill-typed literals.

    Parameters
    ----------
    path : str or PathLike
        A UTF-8 Turtle file. An empty file gives an empty graph.

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    LoadError
        Naming ``path:line:col`` of the first problem (others in ``.related``).

    Examples
    --------
    >>> g = parse_turtle("data/actors.ttl")  # doctest: +SKIP
    """
    p = Path(path)
    text = _read_text(p)
    graph = Graph()
    graph.bind("ckg", CKG)
    graph.bind("id", ID)
    try:
        _parse(graph, text)
    except BadSyntax as exc:
        raise _syntax_error(p, text, exc) from None
    except Exception as exc:  # rdflib raises assorted errors for broken input
        raise LoadError(p, f"cannot parse Turtle: {exc}") from None
    errors = [
        _where(p, text, term, f"IRI <{term}> {problem}", _BASE_HINT)
        for term in sorted({t for triple in graph for t in triple if isinstance(t, URIRef)})
        if (problem := iri_problem(term)) is not None
    ]
    for lit in bad_literals(graph):
        dtype = graph.namespace_manager.normalizeUri(str(lit.datatype or ""))
        errors.append(_where(p, text, lit, *literal_message(lit, dtype)))
    if errors:
        raise LoadError.first_of(errors)
    return graph


def check_vocabulary(path: PathLike, graph: Graph, ontology: Graph) -> None:
    """Raise LoadError if ``graph`` (parsed from ``path``) uses undeclared ``ckg:`` terms.

    Examples
    --------
    >>> check_vocabulary("data/a.ttl", Graph(), Graph())  # nothing used, nothing raised
    """
    terms = undeclared_terms(graph, ontology)
    if not terms:
        return
    p = Path(path)
    text = _read_text(p)
    errors = [
        _where(
            p,
            text,
            term,
            f"ckg:{term[len(str(CKG)) :]} is not declared in the ontology",
            "Fix the spelling or declare the term in ontology/conflict.ttl.",
        )
        for term in terms
    ]
    raise LoadError.first_of(errors)


def load_graph(paths: Iterable[PathLike], *, ontology: Graph | None = None) -> Graph:
    """Parse and merge several Turtle files.

    Parameters
    ----------
    paths : iterable of path
        Files, merged in the given order.
    ontology : rdflib.Graph, optional
        When given, every ``ckg:`` term used in the files must be declared in it.

    Returns
    -------
    rdflib.Graph
        The union of the files' triples.

    Raises
    ------
    LoadError
        See :func:`parse_turtle` and :func:`check_vocabulary`.

    Examples
    --------
    >>> g = load_graph(sorted(Path("data").glob("*.ttl")))  # doctest: +SKIP
    """
    merged = Graph()
    merged.bind("ckg", CKG)
    merged.bind("id", ID)
    errors: list[LoadError] = []
    for path in paths:
        graph = parse_turtle(path)
        if ontology is not None:
            try:
                check_vocabulary(path, graph, ontology)
            except LoadError as exc:
                errors.extend(exc.all)
        for prefix, ns in graph.namespaces():
            merged.bind(prefix, ns, override=False)
        merged += graph
    if errors:
        raise LoadError.first_of(errors)
    return merged


__all__ = ["check_vocabulary", "literal_message", "load_graph", "parse_turtle"]
