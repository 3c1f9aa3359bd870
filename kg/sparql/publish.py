"""Publish a graph into a SPARQL 1.1 store: Graph Store Protocol or SPARQL Update.

The graph goes into the target graph and, when given, its entailed triples into
a named graph of their own (:data:`kg.outputs.entailment.ENTAILED_GRAPH`), so
that the library's queries on the target give the in-process rows while
``?x a ckg:Mediator`` answers on the union of both.

Atomicity: a failure part-way leaves the **target graphs as they were**. Each
way of loading is one request that the store runs as one transaction, or
batches into staging graphs of this run alone and one final request:

* ``--store`` (Graph Store Protocol) when the targets are empty or nothing is
  replaced: one ``POST`` (both graphs: one N-Quads ``POST`` of the dataset) —
  the store's own loader, the fastest path; on Oxigraph 0.5 or later its bulk
  loader, which is as atomic and twice as fast (:func:`oxigraph_bulk`).
  Oxigraph's ``PUT`` clears the graph and loads it in two transactions, so a
  replace of a non-empty graph goes through SPARQL Update instead.
* SPARQL Update, everything in one request (``DROP`` the targets when
  replacing, ``INSERT DATA``) when it fits in ``batch_size`` triples;
* else batches into staging graphs (``…/publish-staging/<random id>/N``) and
  one final request (``MOVE`` each with ``replace``, else ``ADD`` then ``DROP``).
  Virtuoso starts at batches of 2,000 (its SPARQL compiler refuses much more).

On any failure the staging graphs are dropped; if even that fails, the error
names them and the update that drops them.

Concurrency: with a query endpoint, the store arbitrates
(:mod:`kg.sparql.publish_claim`): two runs on any machines never write the same
graph at once. Without one, runs on one machine take turns
(:mod:`kg.sparql.publish_lock`).

Idempotency: blank nodes are skolemised to stable IRIs (:mod:`kg.check.dataset`), so
publishing the same graph twice leaves the same triples.

Examples
--------
>>> summary = publish(graph, update_url="http://127.0.0.1:7878/update")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from rdflib import Graph

from kg.errors import EndpointError, StoreRefusal, UsageError
from kg.sparql.endpoint import check_url
from kg.sparql.ntriples import NTriplesText, escaped_breaks
from kg.sparql.publish_claim import store_claim
from kg.sparql.publish_diff import send_changes
from kg.sparql.publish_lock import publish_lock
from kg.sparql.publish_send import (
    STAGING,
    VIRTUOSO_NEEDS_GRAPH,
    Early,
    Part,
    count_triples,
    gsp_post,
    ntriples_lines,
    one_request,
    oxigraph_bulk,
    staged,
)
from kg.sparql.update import UpdateClient, too_large


@dataclass(frozen=True)
class PublishSummary:
    """What was published where."""

    triples: int
    method: str
    graph: str | None
    batches: int
    counted: int | None
    entailed: int | None = None
    entailed_graph: str | None = None

    def text(self) -> str:
        """One line for the terminal."""
        where = f"<{self.graph}>" if self.graph else "the default graph"
        line = f"published {self.triples} triples into {where}"
        if self.entailed is not None:
            line += f" and {self.entailed} entailed triples into <{self.entailed_graph}>"
        line += f" ({self.method}"
        line += f", {self.batches} batches)" if self.method == "SPARQL Update" else ")"
        if self.counted is not None:
            line += f"; the query endpoint counts {self.counted}"
        return line


def _lines(graph: Graph | Sequence[str]) -> Sequence[str]:
    if isinstance(graph, Graph):
        return ntriples_lines(graph)
    if isinstance(graph, NTriplesText):  # escaped already; split only if a path needs lines
        return graph
    joined = "\n".join(graph)  # one pass over the text, not a regular expression per line
    return escaped_breaks(joined).split("\n") if joined else []


def _check_urls(update_url: str | None, store_url: str | None, query_url: str | None) -> None:
    if store_url is None and update_url is None:
        raise EndpointError("give an update endpoint or a graph store endpoint")
    for url, option in (
        (update_url, "--update-endpoint"),
        (store_url, "--store"),
        (query_url, "--endpoint"),
    ):
        if url is not None:
            check_url(url, option=option)


@contextlib.contextmanager
def _one_at_a_time(
    client: UpdateClient | None, query_url: str | None, run: str, parts: list[Part], wait: float
) -> Iterator[None]:
    """The store's claim when it can arbitrate (update + query endpoints), else the local lock."""
    if client is not None and query_url is not None:
        with store_claim(client, query_url, run, [p.graph for p in parts], wait=wait):
            yield
    else:
        endpoint = client.url if client is not None else ""
        with publish_lock(endpoint, parts[0].graph, wait=wait):
            yield


def _gsp_is_atomic(
    parts: list[Part], query_url: str | None, *, replace: bool, timeout: float
) -> bool:
    """Whether one ``POST`` gives the result: adding, or replacing graphs that are empty."""
    if not replace:
        return True
    if query_url is None:
        return False
    return all(count_triples(query_url, p.graph, timeout=timeout) == 0 for p in parts)


def _by_update(
    client: UpdateClient,
    parts: list[Part],
    run: str,
    *,
    replace: bool,
    batch_size: int,
    on_batch: Callable[[int, int], None] | None,
    store_url: str | None,
) -> int:
    """SPARQL Update: one request when it fits (and the store takes it), else staged.

    Virtuoso takes neither big updates nor an N-Quads ``POST``: with ``store_url``
    its staging graphs are loaded by Graph Store ``POST``, else in batches.
    """
    if client.is_virtuoso and store_url is not None:
        return staged(
            client,
            parts,
            run,
            replace=replace,
            batch_size=batch_size,
            on_batch=on_batch,
            store_url=store_url,
        )
    size = batch_size
    if sum(len(p.lines) for p in parts) <= size and not client.is_virtuoso:
        try:
            one_request(client, parts, replace=replace)
            return 1
        except StoreRefusal as exc:
            if not too_large(exc.status, str(exc)):
                raise
            size = max(1, max(len(p.lines) for p in parts) // 2)
    return staged(client, parts, run, replace=replace, batch_size=size, on_batch=on_batch)


def publish(
    graph: Graph | Sequence[str],
    *,
    update_url: str | None = None,
    query_url: str | None = None,
    store_url: str | None = None,
    target_graph: str | None = None,
    replace: bool = False,
    batch_size: int = 200_000,
    timeout: float = 60.0,
    on_batch: Callable[[int, int], None] | None = None,
    entailed: Graph | Sequence[str] | None = None,
    entailed_graph: str | None = None,
    early: Early | None = None,
) -> PublishSummary:
    """Load ``graph`` (and ``entailed`` into ``entailed_graph``) into a store; check the count.

    Parameters
    ----------
    graph : rdflib.Graph or sequence of str
        The graph, or its N-Triples lines (as :func:`kg.outputs.published.published_parts`
        gives them, in a :class:`kg.sparql.ntriples.NTriplesText`).
        Without blank nodes (see :func:`kg.check.dataset.skolemize`) for idempotency.
    update_url, store_url : str
        SPARQL Update endpoint; Graph Store Protocol endpoint (used when it is atomic).
    query_url : str, optional
        Query endpoint: the store's arbitration between concurrent publishes,
        whether the targets are empty, and the count check.
    target_graph : str, optional
        Named graph IRI; the default graph when None.
    replace : bool
        Replace the target graphs' content instead of adding to it.
    batch_size : int
        Triples per ``INSERT DATA`` request.
    timeout : float
        Seconds per request, and the longest wait for another publish into the
        same graph to finish.
    on_batch : callable, optional
        Called with ``(batch number, number of batches)`` after each batch.
    entailed : rdflib.Graph or sequence of str, optional
        The entailed triples, loaded into ``entailed_graph`` in the same final request.
    entailed_graph : str, optional
        Where ``entailed`` goes (required with it; never the target graph).
    early : pair of futures, optional
        ``graph``'s N-Triples in two pieces, the first ready before ``graph``
        (:attr:`kg.outputs.published.Published.early`): on Oxigraph's bulk
        loader the first is sent as soon as it is there, and a piece that
        raises (the checks failed) cuts the request off, so the store keeps
        nothing; any other way of loading waits for ``graph``.

    Raises
    ------
    EndpointError
        A request failed (the targets are unchanged) or the count is wrong.
    UsageError
        The store needs ``target_graph`` (Virtuoso), or a replace through
        ``store_url`` alone could not be atomic.
    """
    _check_urls(update_url, store_url, query_url)
    parts = [Part(target_graph, _lines(graph))]
    if entailed is not None:
        if not entailed_graph or entailed_graph == target_graph:
            raise UsageError("the entailed triples need a named graph of their own")
        parts.append(Part(entailed_graph, _lines(entailed)))
    client = UpdateClient(update_url, timeout=timeout) if update_url else None
    run = f"{STAGING}/{uuid.uuid4().hex}"
    if client is not None:  # a harmless first request: finds the media type and the store
        client.send(f"DROP SILENT GRAPH <{run}>")
        client.refuse_nonsense()  # and is it an update endpoint at all?
        if target_graph is None and client.is_virtuoso:
            raise UsageError(VIRTUOSO_NEEDS_GRAPH.format(url=client.url))
    batches = 1
    with _one_at_a_time(client, query_url, run, parts, max(timeout, 1.0)):
        virtuoso = client is not None and client.is_virtuoso
        if (
            store_url
            and not virtuoso
            and _gsp_is_atomic(parts, query_url, replace=replace, timeout=timeout)
        ):
            bulk = oxigraph_bulk(store_url, probe_graph=run, timeout=timeout)
            gsp_post(store_url, parts, timeout=timeout, bulk=bulk, early=early)
            method = "Graph Store Protocol" + (", Oxigraph's bulk loader" if bulk else "")
        elif (
            client is not None
            and replace
            and not virtuoso
            and query_url is not None
            and send_changes(
                client, parts, store_url=store_url, query_url=query_url, batch_size=batch_size
            )
        ):
            method = "SPARQL Update, changes only"
        elif client is None:
            raise UsageError(
                "--store --replace: the target graph is not empty (or no --endpoint says it "
                "is), and a Graph Store PUT is not atomic on Oxigraph (it clears, then loads); "
                "give --update-endpoint as well"
            )
        else:
            batches = _by_update(
                client,
                parts,
                run,
                replace=replace,
                batch_size=max(1, batch_size),
                on_batch=on_batch,
                store_url=store_url,
            )
            method = "SPARQL Update" + (
                " with Graph Store staging" if virtuoso and store_url else ""
            )
        counted = (
            None if query_url is None else count_triples(query_url, target_graph, timeout=timeout)
        )
    lines = parts[0].lines
    if counted is not None and (counted < len(lines) or (replace and counted != len(lines))):
        raise EndpointError(
            f"{query_url}: published {len(lines)} triples but the target graph holds "
            f"{counted}" + ("" if replace else " (fewer than published)")
        )
    extra = parts[1] if len(parts) > 1 else None
    return PublishSummary(
        len(lines),
        method,
        target_graph,
        batches,
        counted,
        len(extra.lines) if extra else None,
        extra.graph if extra else None,
    )


__all__ = ["STAGING", "PublishSummary", "count_triples", "ntriples_lines", "publish"]
