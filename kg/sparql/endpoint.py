"""Talk to SPARQL 1.1 endpoints: the query protocol over HTTP, clear one-line errors.

Every failure (refused connection, HTTP 4xx/5xx, no complete answer within the
timeout -- a deadline for the whole request, see :mod:`kg.sparql.http` -- an
answer that is not SPARQL results, or results of the wrong shape) becomes an
:class:`~kg.errors.EndpointError` whose message is one line naming the endpoint
and, for HTTP errors, quoting the server's message.

Examples
--------
>>> check_url("ftp://example.org/sparql", option="--endpoint")
Traceback (most recent call last):
...
kg.errors.UsageError: --endpoint 'ftp://example.org/sparql': not an http(s) URL
"""

from __future__ import annotations

import json
import socket
import urllib.error
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox

from kg.errors import EndpointError, UsageError
from kg.sparql.http import DEFAULT_TIMEOUT, check_timeout, describe, one_line, request
from kg.sparql.rows import Results, normalise

_TERM_TYPES = frozenset({"uri", "literal", "typed-literal", "bnode", "triple"})


def check_url(url: str, *, option: str) -> str:
    """Return ``url`` if it is an absolute http(s) URL, else raise UsageError.

    Examples
    --------
    >>> check_url("http://127.0.0.1:7878/query", option="--endpoint")
    'http://127.0.0.1:7878/query'
    """
    bad = UsageError(f"{option} {url!r}: not an http(s) URL")
    if any(c.isspace() or not c.isprintable() for c in url):
        raise bad
    try:  # a malformed host ("http://[::1", "http://[zz]/") raises ValueError here
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        raise bad from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise bad
    return url


def describe_failure(url: str, exc: BaseException) -> str:
    """One line saying why a request to ``url`` failed.

    Examples
    --------
    >>> describe_failure("http://h/q", TimeoutError())
    'http://h/q: no answer within the timeout'
    """
    if isinstance(exc, urllib.error.HTTPError):
        body = ""
        try:
            body = one_line(exc.read().decode("utf-8", "replace"))
        except Exception:  # the body is a courtesy; the status is the message
            body = ""
        return f"{url}: HTTP {exc.code} {exc.reason}" + (f": {body}" if body else "")
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, BaseException):
            return describe(url, reason)
        return f"{url}: cannot connect ({reason})"
    if isinstance(exc, socket.timeout) or "timed out" in str(exc):
        return f"{url}: no answer within the timeout"
    return describe(url, exc)


def _shape_error(parsed: Any) -> str | None:
    """What is wrong with ``parsed`` as SPARQL 1.1 JSON results, or None."""
    if not isinstance(parsed, dict) or not isinstance(parsed.get("head"), dict):
        return "no 'head' object"
    names = parsed["head"].get("vars", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return "'head.vars' is not a list of names"
    if "boolean" in parsed:
        return None if isinstance(parsed["boolean"], bool) else "'boolean' is not true or false"
    results = parsed.get("results")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        return "no 'results.bindings' list"
    for row in bindings:
        if not isinstance(row, dict):
            return "a row of 'bindings' is not an object"
        for cell in row.values():
            kind = cell.get("type") if isinstance(cell, dict) else None
            if not isinstance(kind, str) or kind not in _TERM_TYPES:
                return "a binding cell has no RDF term type"
            if cell["type"] != "triple" and not isinstance(cell.get("value"), str):
                return "a binding cell has no value"
    return None


def _parse_results(url: str, raw: bytes) -> Results:
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        start = one_line(raw[:80].decode("utf-8", "replace"), 60)
        raise EndpointError(
            f"{url}: the answer is not SPARQL JSON results (it starts {start!r}); "
            "is this a SPARQL query endpoint?"
        ) from None
    problem = _shape_error(parsed)
    if problem is not None:
        raise EndpointError(f"{url}: the answer is JSON but not SPARQL results ({problem})")
    return normalise(parsed)


def run_remote(
    text: str,
    *,
    endpoint: str,
    timeout: float | None = None,
    default_graphs: Sequence[str] = (),
) -> Results:
    """Run a SELECT or ASK query on a SPARQL 1.1 query endpoint.

    Parameters
    ----------
    text : str
        The (bound) query.
    endpoint : str
        The query URL, e.g. ``http://127.0.0.1:7878/query`` for Oxigraph.
    timeout : float, optional
        Seconds allowed for the whole request, answer included (default
        :data:`~kg.sparql.http.DEFAULT_TIMEOUT`); positive and finite.
    default_graphs : sequence of str
        IRIs sent as ``default-graph-uri`` (the protocol's dataset).

    Raises
    ------
    UsageError
        ``endpoint`` is not an http(s) URL, or ``timeout`` is not positive and finite.
    EndpointError
        The request failed; one line.

    Examples
    --------
    >>> run_remote("ASK {}", endpoint="http://127.0.0.1:7878/query")  # doctest: +SKIP
    {'head': {}, 'boolean': True}
    """
    check_url(endpoint, option="--endpoint")
    form = [("query", text), *(("default-graph-uri", iri) for iri in default_graphs)]
    raw = request(
        endpoint,
        body=urlencode(form).encode("ascii"),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/json;q=0.5",
        },
        timeout=check_timeout(timeout),
    )
    return _as_asked(endpoint, _parse_results(endpoint, raw), _projection(text))


def _projection(text: str) -> list[str] | bool | None:
    """What ``text`` answers: its variables (SELECT), True (ASK), or None (unknown).

    Oxigraph parses it against an empty store (its rows are never read, so
    nothing is evaluated), as the stores parse it; a query that calls another
    service is left unknown.
    """
    if "service" in text.lower():
        return None
    try:
        answer = ox.Store().query(text)
    except (SyntaxError, ValueError, OSError):
        return None
    if isinstance(answer, ox.QuerySolutions):
        return [v.value for v in answer.variables]
    return True if isinstance(answer, ox.QueryBoolean) else None


def _as_asked(url: str, results: Results, asked: list[str] | bool | None) -> Results:
    """``results`` if they answer a query of the form ``asked``, else the EndpointError."""
    if asked is None:
        return results
    if asked is True or "boolean" in results:
        if (asked is True) != ("boolean" in results):
            want = "a yes/no (ASK) answer" if asked is True else "rows"
            raise EndpointError(f"{url}: the answer is not {want}, as the query asks")
        return results
    known = set(asked) if isinstance(asked, list) else set()
    rows = results["results"]["bindings"]
    used = set(results["head"].get("vars", [])) | {v for row in rows for v in row}
    if not used <= known:
        raise EndpointError(
            f"{url}: the answer has variables the query does not select "
            f"({', '.join(sorted(used - known))})"
        )
    return results


__all__ = ["DEFAULT_TIMEOUT", "check_url", "describe_failure", "one_line", "run_remote"]
