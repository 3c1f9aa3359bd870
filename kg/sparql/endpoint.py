"""Talk to SPARQL 1.1 endpoints: queries through SPARQLWrapper, clear one-line errors.

Every failure (refused connection, HTTP 4xx/5xx, timeout, an answer that is not
SPARQL results) becomes an :class:`~kg.errors.EndpointError` whose message is one
line naming the endpoint and, for HTTP errors, quoting the server's message.

Examples
--------
>>> check_url("ftp://example.org/sparql", option="--endpoint")
Traceback (most recent call last):
...
kg.errors.UsageError: --endpoint 'ftp://example.org/sparql': not an http(s) URL
"""

from __future__ import annotations

import ast
import http.client
import json
import socket
import urllib.error
from collections.abc import Sequence
from urllib.parse import urlsplit

from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.errors import EndpointError, UsageError
from kg.sparql.rows import Results, normalise

_STATUS = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


def check_url(url: str, *, option: str) -> str:
    """Return ``url`` if it is an absolute http(s) URL, else raise UsageError.

    Examples
    --------
    >>> check_url("http://127.0.0.1:7878/query", option="--endpoint")
    'http://127.0.0.1:7878/query'
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{option} {url!r}: not an http(s) URL")
    return url


def one_line(text: str, limit: int = 300) -> str:
    """Collapse whitespace and shorten ``text`` for a one-line message.

    Examples
    --------
    >>> one_line("a\\n  b")
    'a b'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _server_message(exc: SPARQLWrapperException) -> str:
    text = str(exc)
    marker = "Response:\n"
    if marker not in text:
        return ""
    raw = text.split(marker, 1)[1]
    try:
        body = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return one_line(raw)
    return one_line(body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body))


def describe_failure(url: str, exc: BaseException) -> str:
    """One line saying why a request to ``url`` failed.

    Examples
    --------
    >>> describe_failure("http://h/q", TimeoutError())
    'http://h/q: no answer within the timeout'
    """
    if isinstance(exc, SPARQLWrapperException):
        status = _STATUS.get(type(exc).__name__)
        message = _server_message(exc)
        head = f"HTTP {status}" if status else type(exc).__name__
        return f"{url}: {head}: {message}" if message else f"{url}: {head}"
    if isinstance(exc, urllib.error.HTTPError):
        body = ""
        try:
            body = one_line(exc.read().decode("utf-8", "replace"))
        except Exception:  # the body is a courtesy; the status is the message
            body = ""
        return f"{url}: HTTP {exc.code} {exc.reason}" + (f": {body}" if body else "")
    if isinstance(exc, TimeoutError | socket.timeout) or "timed out" in str(exc):
        return f"{url}: no answer within the timeout"
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            return f"{url}: no answer within the timeout"
        if isinstance(reason, ConnectionRefusedError):
            return f"{url}: connection refused (is the server running?)"
        return f"{url}: cannot connect ({reason})"
    if isinstance(exc, ConnectionError):
        return f"{url}: connection failed ({exc.__class__.__name__})"
    return f"{url}: {one_line(str(exc)) or exc.__class__.__name__}"


def _parse_results(url: str, raw: bytes) -> Results:
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        start = one_line(raw[:80].decode("utf-8", "replace"), 60)
        raise EndpointError(
            f"{url}: the answer is not SPARQL JSON results (it starts {start!r}); "
            "is this a SPARQL query endpoint?"
        ) from None
    ok = isinstance(parsed, dict) and "head" in parsed
    if not ok or not ("boolean" in parsed or isinstance(parsed.get("results"), dict)):
        raise EndpointError(f"{url}: the answer is JSON but not SPARQL results")
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
        Seconds to wait for the answer (rounded up to a whole second).
    default_graphs : sequence of str
        IRIs sent as ``default-graph-uri`` (the protocol's dataset).

    Raises
    ------
    UsageError
        ``endpoint`` is not an http(s) URL.
    EndpointError
        The request failed; one line.

    Examples
    --------
    >>> run_remote("ASK {}", endpoint="http://127.0.0.1:7878/query")  # doctest: +SKIP
    {'head': {}, 'boolean': True}
    """
    check_url(endpoint, option="--endpoint")
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setMethod(POST)
    client.setRequestMethod(URLENCODED)
    client.setReturnFormat(JSON)
    client.addCustomHttpHeader("Accept", "application/sparql-results+json, application/json;q=0.5")
    for iri in default_graphs:
        client.addDefaultGraph(iri)
    if timeout is not None:
        client.setTimeout(max(1, int(-(-timeout // 1))))
    try:
        response = client.query().response
        raw = response.read()
    except (SPARQLWrapperException, OSError, ValueError, http.client.HTTPException) as exc:
        raise EndpointError(describe_failure(endpoint, exc)) from None
    return _parse_results(endpoint, raw)


__all__ = ["check_url", "describe_failure", "one_line", "run_remote"]
