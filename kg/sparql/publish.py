"""Publish a graph into a SPARQL 1.1 store: Graph Store Protocol or batched SPARQL Update.

Atomicity: a failure part-way leaves the **target graph as it was before**.
With ``--store`` (Graph Store HTTP Protocol) the whole graph goes in one
``PUT``/``POST`` request. With SPARQL Update the triples go in batches into a
private *staging graph*, and one final update request (``MOVE`` with
``replace``, else ``ADD`` then ``DROP``) moves them into the target; only that
last request touches the target, and stores that run an update request as one
transaction (Oxigraph, Fuseki/TDB2, GraphDB) apply it whole or not at all. A
failed run may leave its staging graph behind; the next run removes it.

Idempotency: blank nodes are skolemised to stable IRIs (:mod:`kg.check.dataset`), so
publishing the same graph twice leaves the same triples.

Examples
--------
>>> summary = publish(graph, update_url="http://127.0.0.1:7878/update")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Graph

from kg.errors import EndpointError
from kg.sparql.endpoint import check_url, run_remote
from kg.sparql.http import request

STAGING = "https://w3id.org/conflict-kg/.well-known/publish-staging"
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
    """
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return sorted(line for line in text.splitlines() if line.strip())


def _send(url: str, body: bytes, *, method: str, content_type: str, timeout: float) -> None:
    """One request, all of it within ``timeout`` seconds (:func:`kg.sparql.http.request`)."""
    request(url, body=body, headers={"Content-Type": content_type}, timeout=timeout, method=method)


def _update(url: str, text: str, *, timeout: float) -> None:
    _send(
        url,
        text.encode("utf-8"),
        method="POST",
        content_type="application/sparql-update; charset=utf-8",
        timeout=timeout,
    )


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
    staging = f"{STAGING}/{'graph/' + quote(graph, safe='') if graph else 'default'}"
    target = f"GRAPH <{graph}>" if graph else "DEFAULT"
    _update(update_url, f"DROP SILENT GRAPH <{staging}>", timeout=timeout)
    batches = [lines[i : i + batch_size] for i in range(0, len(lines), batch_size)]
    for number, batch in enumerate(batches, start=1):
        body = "\n".join(batch)
        _update(update_url, f"INSERT DATA {{ GRAPH <{staging}> {{\n{body}\n}} }}", timeout=timeout)
        if on_batch is not None:
            on_batch(number, len(batches))
    if replace:
        final = f"MOVE SILENT GRAPH <{staging}> TO {target}"
        if not lines:
            final = f"CLEAR SILENT {target}"
    else:
        final = f"ADD SILENT GRAPH <{staging}> TO {target} ;\nDROP SILENT GRAPH <{staging}>"
    _update(update_url, final, timeout=timeout)
    return len(batches)


def publish(
    graph: Graph,
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
    graph : rdflib.Graph
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
        Seconds per request.
    on_batch : callable, optional
        Called with ``(batch number, number of batches)`` after each batch.

    Raises
    ------
    EndpointError
        A request failed (the target graph is unchanged) or the count is wrong.
    """
    if store_url is None and update_url is None:
        raise EndpointError("give an update endpoint or a graph store endpoint")
    for url, option in ((update_url, "--update-endpoint"), (store_url, "--store")):
        if url is not None:
            check_url(url, option=option)
    if query_url is not None:
        check_url(query_url, option="--endpoint")
    lines = ntriples_lines(graph)
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
        if counted < len(lines) or (replace and counted != len(lines)):
            raise EndpointError(
                f"{query_url}: published {len(lines)} triples but the target graph holds "
                f"{counted}" + ("" if replace else " (fewer than published)")
            )
    return PublishSummary(len(lines), method, target_graph, batches, counted)


__all__ = ["STAGING", "PublishSummary", "count_triples", "ntriples_lines", "publish"]
