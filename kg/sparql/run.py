"""Run a SPARQL query in-process (Oxigraph or rdflib) or on any SPARQL 1.1 endpoint.

Results are SPARQL 1.1 JSON results (a dict with ``head`` and ``results`` or
``boolean``) whichever way the query runs, so they can be compared and formatted
alike. Parameters are bound by :mod:`kg.sparql.params`; syntax is checked before any
network call.

Examples
--------
>>> from rdflib import Graph
>>> store = local_store(Graph())
>>> run_local("ASK { ?s ?p ?o }", store=store)["boolean"]
False
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import EndpointError, LoadError, UsageError
from kg.sparql.http import one_line
from kg.sparql.library import LibraryQuery
from kg.sparql.params import bind, query_prefixes, term
from kg.sparql.rows import Results, normalise

if TYPE_CHECKING:  # rdflib is imported only for the rdflib engine
    from rdflib import Graph

ENGINES = ("oxigraph", "rdflib")

_UNCLEAN = (b"typed-literal", b"XMLSchema#string")
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


_MEANINGFUL = re.compile(r"#[^\n]*")
"""Comments, left out before a query's text is looked at."""
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\n\s*)*(?:WITH\s+\S+\s+)?"
    r"(?:INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY)\b",
    re.IGNORECASE,
)
"""The opening words of a SPARQL Update (after its prologue)."""


def check_syntax(query: LibraryQuery) -> None:
    """Parse the query (without running it) and raise on a syntax error.

    Raises
    ------
    LoadError
        ``file:line:column: SPARQL syntax error: ...``.
    UsageError
        A CONSTRUCT or DESCRIBE query (results are tables: SELECT or ASK).

    Examples
    --------
    >>> from kg.sparql.library import parse_header
    >>> check_syntax(parse_header("q", "SELECT * { ?s ?p ?o }"))
    """
    where = str(query.path) if query.path else query.name
    if not _MEANINGFUL.sub("", query.text).strip():
        raise LoadError(where, "the file holds no query (only comments or blank lines)")
    try:
        parsed = ox.Store().query(query.text)  # parsing is eager, evaluation lazy
    except SyntaxError as exc:
        if _UPDATE.search(_MEANINGFUL.sub("", query.text)):
            raise UsageError(
                f"{where}: a SPARQL Update (INSERT, DELETE, DROP, …), not a query; "
                "conflict-kg query runs SELECT and ASK, and changes nothing"
            ) from None
        match = _POSITION.match(str(exc))
        if match:
            raise LoadError(
                where,
                f"SPARQL syntax error: {match[3].strip()}",
                line=int(match[1]),
                column=int(match[2]),
            ) from None
        raise LoadError(where, f"SPARQL syntax error: {exc}") from None
    if isinstance(parsed, ox.QueryTriples):
        raise UsageError(
            f"{query.name}: a CONSTRUCT or DESCRIBE query; conflict-kg query runs SELECT and ASK"
        )


def prepare(query: LibraryQuery, values: Mapping[str, str]) -> str:
    """Check ``values`` against the header and return the query with them bound.

    Parameters
    ----------
    query : LibraryQuery
    values : mapping
        Parameter name to value as typed by the user.

    Returns
    -------
    str
        The query text with a ``VALUES`` block binding every given or default value.

    Raises
    ------
    UsageError
        Unknown parameter, missing required parameter, or a value of the wrong type.

    Examples
    --------
    >>> from kg.sparql.library import parse_header
    >>> q = parse_header("q", "# param: y (year, default 1994): y\\nSELECT ?y { }")
    >>> prepare(q, {})
    '# param: y (year, default 1994): y\\nSELECT ?y {\
 VALUES (?y) { ("1994"^^<http://www.w3.org/2001/XMLSchema#gYear>) } }'
    """
    declared = {p.name for p in query.params}
    unknown = sorted(set(values) - declared)
    if unknown:
        known = ", ".join(sorted(declared)) or "none"
        raise UsageError(f"{query.name}: unknown parameter {unknown[0]!r} (parameters: {known})")
    prefixes = query_prefixes(query.text)
    terms: dict[str, str] = {}
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None:
            if param.required:
                raise UsageError(
                    f"{query.name}: missing required parameter {param.name!r} ({param.type}); "
                    f"pass --param {param.name}=VALUE"
                )
            continue
        try:
            terms[param.name] = term(param.type, value, prefixes)
        except UsageError as exc:
            raise UsageError(f"{query.name}: parameter {param.name!r}: {exc}") from None
    return bind(query.text, terms)


def local_store(graph: Graph) -> ox.Store:
    """Load an rdflib graph into a new in-memory Oxigraph store (default graph).

    Examples
    --------
    >>> from rdflib import Graph
    >>> len(local_store(Graph()))
    0
    """
    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")
    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    return store


def _in_thread(func: Any, timeout: float | None) -> Any:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = func()
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise UsageError(f"the query ran longer than --timeout {timeout:g} s; stopped")
    if "error" in box:
        raise box["error"]
    return box["value"]


def _call(func: Any, timeout: float | None) -> Any:
    """``func()``, in a worker thread only when there is a timeout to enforce."""
    return func() if timeout is None else _in_thread(func, timeout)


def run_local(
    text: str,
    *,
    store: ox.Store | None = None,
    graph: Graph | None = None,
    engine: str = "oxigraph",
    timeout: float | None = None,
) -> Results:
    """Run a bound query in-process and return SPARQL JSON results.

    Parameters
    ----------
    text : str
        A SELECT or ASK query (see :func:`prepare`).
    store : pyoxigraph.Store, optional
        For ``engine="oxigraph"`` (default: loaded from ``graph``).
    graph : rdflib.Graph, optional
        For ``engine="rdflib"``, or to build the store.
    engine : {"oxigraph", "rdflib"}
    timeout : float, optional
        Seconds before giving up.

    Raises
    ------
    UsageError
        A CONSTRUCT or DESCRIBE query, or the timeout passed.

    Examples
    --------
    >>> from rdflib import Graph
    >>> run_local("SELECT ?x { VALUES ?x { 1 } }", graph=Graph(), engine="rdflib")["head"]
    {'vars': ['x']}
    """
    if engine == "rdflib":
        from rdflib import Graph

        source = graph if graph is not None else Graph()

        def evaluate_rdflib() -> bytes:
            try:
                return source.query(text).serialize(format="json") or b""
            except Exception as exc:  # rdflib raises assorted errors on queries it cannot run
                why = one_line(str(exc))
                raise UsageError(f"rdflib cannot evaluate the query: {why}") from None

        raw = _call(evaluate_rdflib, timeout)
    else:
        if store is None:
            from rdflib import Graph

            store = local_store(graph if graph is not None else Graph())
        target = store

        def evaluate() -> bytes:
            try:  # results are computed lazily: a SERVICE call fails while serialising
                result = target.query(text)
                if isinstance(result, ox.QueryTriples):
                    raise UsageError("only SELECT and ASK queries give results tables")
                return result.serialize(format=ox.QueryResultsFormat.JSON) or b""
            except SyntaxError as exc:
                raise UsageError(f"the query does not parse: {one_line(str(exc))}") from None
            except OSError as exc:  # Oxigraph's HTTP client, for SERVICE
                raise EndpointError(f"a SERVICE call failed: {one_line(str(exc))}") from None

        raw = _call(evaluate, timeout)
    parsed: Results = json.loads(raw)
    # Cells need cleaning only if the engine wrote an xsd:string datatype or a
    # pre-1.1 typed-literal; checking the bytes once spares a pass over every cell.
    return normalise(parsed, cells=any(marker in raw for marker in _UNCLEAN))


def run(
    query: LibraryQuery,
    values: Mapping[str, str],
    *,
    graph: Graph | None = None,
    store: ox.Store | None = None,
    endpoint: str | None = None,
    engine: str = "oxigraph",
    timeout: float | None = None,
    default_graphs: Sequence[str] = (),
) -> Results:
    """Check, bind and run a library query, in-process or on ``endpoint``.

    Examples
    --------
    >>> from kg.sparql.library import parse_header
    >>> from rdflib import Graph
    >>> run(parse_header("q", "ASK {}"), {}, graph=Graph())["boolean"]
    True
    """
    check_syntax(query)
    text = prepare(query, values)
    if endpoint is not None:
        from kg.sparql.endpoint import run_remote

        return run_remote(text, endpoint=endpoint, timeout=timeout, default_graphs=default_graphs)
    return run_local(text, store=store, graph=graph, engine=engine, timeout=timeout)


__all__ = ["ENGINES", "Results", "check_syntax", "local_store", "normalise", "prepare", "run"]
