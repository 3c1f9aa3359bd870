"""Publish a graph into a SPARQL 1.1 store: Graph Store Protocol or batched SPARQL Update.

Atomicity: a failure part-way leaves the **target graph as it was before**.
With ``--store`` (Graph Store HTTP Protocol) the whole graph goes in one
``PUT``/``POST`` request. With SPARQL Update the triples go in batches into a
*staging graph* of this run alone (``…/publish-staging/<random id>``), and one
final update request (``MOVE`` with ``replace``, else ``ADD`` then ``DROP``)
moves them into the target; only that last request touches the target, and
stores that run an update request as one transaction (Oxigraph, Virtuoso,
Fuseki/TDB2) apply it whole or not at all. On any failure the staging graph is
dropped; if even that fails, the error says which graph is left and how to drop it.

Concurrency: each run has its own staging graph, and two runs into the same
graph of the same endpoint from one machine take turns
(:mod:`kg.sparql.publish_lock`): the target holds the old graph or one complete
new one, never a mix or nothing.

Stores: batches a store refuses as too large are split
(:func:`kg.sparql.update.insert_batches`); updates go as
``application/sparql-update``, else form-encoded. Virtuoso's default graph is
the union of all its graphs, so publishing to it needs ``--graph``.

Idempotency: blank nodes are skolemised to stable IRIs (:mod:`kg.check.dataset`), so
publishing the same graph twice leaves the same triples.

Examples
--------
>>> summary = publish(graph, update_url="http://127.0.0.1:7878/update")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Graph

from kg.errors import EndpointError, UsageError
from kg.sparql.endpoint import check_url, run_remote
from kg.sparql.http import request
from kg.sparql.publish_lock import publish_lock
from kg.sparql.update import UpdateClient, insert_batches

STAGING = "https://w3id.org/conflict-kg/.well-known/publish-staging"
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Prefix of the staging graphs' IRIs."""


@dataclass(frozen=True)
class PublishSummary:
    """What was published where."""

    triples: int
    method: str
    graph: str | None
    batches: int
    counted: int | None

    def text(self) -> str:
        """One line for the terminal."""
        where = f"<{self.graph}>" if self.graph else "the default graph"
        line = f"published {self.triples} triples into {where} ({self.method}"
        line += f", {self.batches} batches)" if self.method == "SPARQL Update" else ")"
        if self.counted is not None:
            line += f"; the query endpoint counts {self.counted}"
        return line


def ntriples_lines(graph: Graph) -> list[str]:
    """The graph as sorted N-Triples lines (one triple each).

    Examples
    --------
    >>> ntriples_lines(Graph())
    []
    >>> from rdflib import Literal, URIRef
    >>> line = Graph().add((URIRef("http://s"), URIRef("http://p"), Literal("a\\u2028b")))
    >>> ntriples_lines(line)
    ['<http://s> <http://p> "a\\\\u2028b" .']
    """
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    # one triple per "\n" only: a literal may hold U+2028, U+0085, CR... which
    # splitlines() would cut at
    return sorted(escaped_breaks(line) for line in text.split("\n") if line.strip())


def escaped_breaks(line: str) -> str:
    """``line`` with U+2028, U+0085, CR... inside literals written as ``\\uXXXX`` escapes.

    Some stores' parsers end a string there (Virtuoso 7); the escape means the same.

    Examples
    --------
    >>> escaped_breaks('<urn:s> <urn:p> "a' + chr(0x2028) + 'b" .')
    '<urn:s> <urn:p> "a\\\\u2028b" .'
    """
    return _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04X}", line)


def _send(url: str, body: bytes, *, method: str, content_type: str, timeout: float) -> None:
    """One request, all of it within ``timeout`` seconds (:func:`kg.sparql.http.request`)."""
    request(url, body=body, headers={"Content-Type": content_type}, timeout=timeout, method=method)


def count_triples(query_url: str, graph: str | None, *, timeout: float) -> int:
    """Count the triples of ``graph`` (None: the default graph) through a query endpoint."""
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    results = run_remote(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}", endpoint=query_url, timeout=timeout
    )
    rows = results.get("results", {}).get("bindings", [])
    value = rows[0].get("n", {}).get("value") if len(rows) == 1 else None
    if not (isinstance(value, str) and value.strip().isdigit()):
        raise EndpointError(f"{query_url}: the count of triples is not a number ({value!r})")
    return int(value)


def _publish_gsp(
    lines: list[str], store_url: str, graph: str | None, *, replace: bool, timeout: float
) -> None:
    target = f"graph={quote(graph, safe='')}" if graph else "default"
    joiner = "&" if "?" in store_url else "?"
    body = ("\n".join(lines) + "\n").encode("utf-8")
    _send(
        f"{store_url}{joiner}{target}",
        body,
        method="PUT" if replace else "POST",
        content_type="application/n-triples",
        timeout=timeout,
    )


VIRTUOSO_NEEDS_GRAPH = (
    "{url} is Virtuoso, whose default graph is the union of all its graphs: published "
    "there, the triples would mix with every other graph's (and this run's staging "
    "graph's) in each query; pass --graph IRI, and query it with --default-graph IRI"
)


def _final(staging: str, graph: str | None, *, replace: bool, empty: bool) -> str:
    target = f"GRAPH <{graph}>" if graph else "DEFAULT"
    if replace:
        return f"CLEAR SILENT {target}" if empty else f"MOVE SILENT GRAPH <{staging}> TO {target}"
    return f"ADD SILENT GRAPH <{staging}> TO {target} ;\nDROP SILENT GRAPH <{staging}>"


def _drop_staging(client: UpdateClient, staging: str, failure: EndpointError) -> None:
    try:
        client.send(f"DROP SILENT GRAPH <{staging}>")
    except EndpointError as again:
        raise EndpointError(
            f"{failure}; the staging graph <{staging}> is left behind (dropping it failed: "
            f"{again}): remove it with the update DROP SILENT GRAPH <{staging}>"
        ) from None


def _publish_update(
    lines: list[str],
    update_url: str,
    graph: str | None,
    *,
    replace: bool,
    batch_size: int,
    timeout: float,
    on_batch: Callable[[int, int], None] | None,
) -> int:
    client = UpdateClient(update_url, timeout=timeout)
    staging = f"{STAGING}/{uuid.uuid4().hex}"
    # a harmless first request: finds the media type the store takes, and the store
    client.send(f"DROP SILENT GRAPH <{staging}>")
    if graph is None and client.is_virtuoso:
        raise UsageError(VIRTUOSO_NEEDS_GRAPH.format(url=update_url))
    try:
        batches = insert_batches(client, lines, staging, batch_size=batch_size, on_batch=on_batch)
        client.send(_final(staging, graph, replace=replace, empty=not lines))
    except EndpointError as exc:
        _drop_staging(client, staging, exc)
        raise
    except BaseException:  # interrupted: still leave nothing behind
        with contextlib.suppress(EndpointError):
            client.send(f"DROP SILENT GRAPH <{staging}>")
        raise
    return batches


def publish(
    graph: Graph | Sequence[str],
    *,
    update_url: str | None = None,
    query_url: str | None = None,
    store_url: str | None = None,
    target_graph: str | None = None,
    replace: bool = False,
    batch_size: int = 10_000,
    timeout: float = 60.0,
    on_batch: Callable[[int, int], None] | None = None,
) -> PublishSummary:
    """Load ``graph`` into a store and check the count.

    Parameters
    ----------
    graph : rdflib.Graph or sequence of str
        The graph, or its N-Triples lines (as :func:`kg.outputs.published.published_ntriples`).
        Without blank nodes (see :func:`kg.check.dataset.skolemize`) for idempotency.
    update_url, store_url : str
        SPARQL Update endpoint; Graph Store Protocol endpoint (used when given).
    query_url : str, optional
        Query endpoint for the count check.
    target_graph : str, optional
        Named graph IRI; the default graph when None.
    replace : bool
        Replace the target graph's content instead of adding to it.
    batch_size : int
        Triples per ``INSERT DATA`` request.
    timeout : float
        Seconds per request, and the longest wait for another publish into the
        same graph to finish.
    on_batch : callable, optional
        Called with ``(batch number, number of batches)`` after each batch.

    Raises
    ------
    EndpointError
        A request failed (the target graph is unchanged) or the count is wrong.
    UsageError
        The store needs ``target_graph`` (Virtuoso) and none was given.
    """
    if store_url is None and update_url is None:
        raise EndpointError("give an update endpoint or a graph store endpoint")
    for url, option in ((update_url, "--update-endpoint"), (store_url, "--store")):
        if url is not None:
            check_url(url, option=option)
    if query_url is not None:
        check_url(query_url, option="--endpoint")
    lines = (
        ntriples_lines(graph) if isinstance(graph, Graph) else [escaped_breaks(x) for x in graph]
    )
    endpoint = store_url or update_url
    assert endpoint is not None
    with publish_lock(endpoint, target_graph, wait=timeout):
        if store_url is not None:
            _publish_gsp(lines, store_url, target_graph, replace=replace, timeout=timeout)
            method, batches = "Graph Store Protocol", 1
        else:
            assert update_url is not None
            batches = _publish_update(
                lines,
                update_url,
                target_graph,
                replace=replace,
                batch_size=max(1, batch_size),
                timeout=timeout,
                on_batch=on_batch,
            )
            method = "SPARQL Update"
        counted = None
        if query_url is not None:
            counted = count_triples(query_url, target_graph, timeout=timeout)
    if counted is not None and (counted < len(lines) or (replace and counted != len(lines))):
        raise EndpointError(
            f"{query_url}: published {len(lines)} triples but the target graph holds "
            f"{counted}" + ("" if replace else " (fewer than published)")
        )
    return PublishSummary(len(lines), method, target_graph, batches, counted)


__all__ = ["STAGING", "PublishSummary", "count_triples", "ntriples_lines", "publish"]
