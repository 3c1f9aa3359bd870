"""The requests of a publish: N-Triples lines, Graph Store ``POST``, one update, staged batches.

:mod:`kg.sparql.publish` decides which to use; each function here sends one
way of loading a list of :class:`Part` (a target graph and its N-Triples lines).

Examples
--------
>>> final_update("urn:s", None, replace=True, empty=False)
'MOVE SILENT GRAPH <urn:s> TO DEFAULT'
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, wait
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Graph

from kg.errors import EndpointError, StoreRefusal
from kg.sparql.endpoint import run_remote
from kg.sparql.http import request
from kg.sparql.ntriples import NTriplesText, as_quad, escaped_breaks, joined
from kg.sparql.update import UpdateClient, insert_batches

STAGING = "https://w3id.org/conflict-kg/.well-known/publish-staging"
"""Prefix of the staging graphs' IRIs."""
_OXIGRAPH = re.compile(r"oxigraph/(\d+)\.(\d+)", re.IGNORECASE)
NT = "application/n-triples"

VIRTUOSO_NEEDS_GRAPH = (
    "{url} is Virtuoso, whose default graph is the union of all its graphs: published "
    "there, the triples would mix with every other graph's (and this run's staging "
    "graph's) in each query; pass --graph IRI, and query it with --default-graph IRI"
)


@dataclass(frozen=True)
class Part:
    """One target graph (None: the default graph) and the N-Triples lines it gets."""

    graph: str | None
    lines: Sequence[str]


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


def oxigraph_bulk(store_url: str, *, probe_graph: str, timeout: float) -> bool:
    """Whether ``store_url`` is an Oxigraph server (0.5 or later) that bulk-loads atomically.

    Oxigraph's Graph Store ``POST`` with ``no_transaction`` goes through its bulk
    loader: about twice as fast as a transaction, and since 0.5 still all or
    nothing (its data become visible at the end; a body that fails to parse or
    is cut short leaves the store as it was, ``tests/test_publish_bulk.py``).
    One ``HEAD`` of ``probe_graph`` (a graph of this run, absent) reads the
    ``Server`` header; any other store, or no answer, gives False.

    Raises
    ------
    EndpointError
        ``store_url`` says the graph exists: a Graph Store answers 404 for a graph
        no one has written, so this is no Graph Store (a web page that answers
        200 to everything, which would take the data and keep nothing).
    """
    seen: dict[str, str] = {}
    try:
        request(
            _graph_url(store_url, probe_graph),
            body=None,
            headers={},
            timeout=timeout,
            method="HEAD",
            seen=seen,
        )
    except StoreRefusal as refusal:  # 404: the graph is absent, as it should be
        seen["server"] = refusal.server
    except EndpointError:
        return False
    else:
        raise EndpointError(
            f"{store_url}: says that <{probe_graph}>, a graph no one has written, exists, so "
            "it is no Graph Store Protocol endpoint (a web page?); nothing was published: give "
            "the store's URL (Oxigraph: http://HOST:PORT/store)"
        )
    found = _OXIGRAPH.match(seen.get("server", ""))
    return found is not None and (int(found[1]), int(found[2])) >= (0, 5)


def _graph_url(store_url: str, graph: str | None) -> str:
    joiner = "&" if "?" in store_url else "?"
    return f"{store_url}{joiner}" + (f"graph={quote(graph, safe='')}" if graph else "default")


Early = tuple[Future[bytes], Future[bytes]]
"""The first part's N-Triples in two pieces: the first ready early, the second later."""


KEEP_ALIVE = 10.0
"""Seconds between the comment lines sent while a piece is awaited.

A server reading a body gives up after some time without a byte (Oxigraph's
HTTP server after a minute: HTTP 500, "Resource temporarily unavailable"),
and checks at 5M triples take longer than that.
"""
WAITING = b"# conflict-kg publish: the rest follows once the checks pass\n"
"""The comment line (N-Triples and N-Quads allow comments) that keeps the body moving."""


def _keep_alive(text: NTriplesText | Future[bytes]) -> Iterator[bytes]:
    """:data:`WAITING` every :data:`KEEP_ALIVE` seconds until ``text`` is there."""
    while not (
        text.ready(KEEP_ALIVE)
        if isinstance(text, NTriplesText)
        else wait([text], timeout=KEEP_ALIVE).done
    ):
        yield WAITING


def streamed_pieces(early: Early, part: Part, *, quads: bool) -> Iterator[bytes]:
    """``part``'s N-Triples from the pieces of ``early`` as each comes (N-Quads with ``quads``).

    While a piece is awaited, a comment line (:data:`WAITING`) goes out every
    :data:`KEEP_ALIVE` seconds, so that the server does not give up on the
    body. A piece whose future raises (the checks failed) raises here: the
    request stops before its end.
    """
    for piece in early:  # sent as given: Oxigraph reads raw line breaks in literals
        yield from _keep_alive(piece)
        text = piece.result()
        if quads and part.graph is not None:
            text = NTriplesText(text).in_graph(part.graph)
        yield text


def gsp_post(
    store_url: str,
    parts: Sequence[Part],
    *,
    timeout: float,
    bulk: bool = False,
    early: Early | None = None,
) -> None:
    """One Graph Store ``POST``: the graph's N-Triples, or the N-Quads of several graphs.

    Several graphs go as one body sent part by part (chunked), so a part that is
    still being made (an :class:`NTriplesText` of a future, e.g. the entailed
    triples) is waited for only once the parts before it are on their way. A
    store that answers before it has read it all is reported as it answered
    (:func:`kg.sparql.http.request`). ``bulk``: ask Oxigraph for its bulk
    loader (see :func:`oxigraph_bulk`). ``early``: with ``bulk``, the first
    part is sent from these pieces as each comes (:func:`streamed_pieces`),
    and a piece that raises cuts the request off: Oxigraph's bulk loader then
    keeps nothing (``tests/test_publish_bulk.py`` pins that).
    """
    body: bytes | Iterator[bytes]
    first = None if early is None or not bulk else early
    if len(parts) == 1:
        url, kind = _graph_url(store_url, parts[0].graph), NT
        body = (
            joined(parts[0].lines)
            if first is None
            else streamed_pieces(first, parts[0], quads=False)
        )
    else:  # the dataset in one request: Oxigraph loads it in one transaction
        url, kind = store_url, "application/n-quads"
        body = _dataset(parts, first)
    if bulk:
        url += ("&" if "?" in url else "?") + "no_transaction"
    request(url, body=body, headers={"Content-Type": kind}, timeout=timeout, method="POST")


def _dataset(parts: Sequence[Part], early: Early | None) -> Iterator[bytes]:
    """The N-Quads of ``parts``, part by part; the first from ``early``'s pieces when given.

    A part still being made is awaited with :data:`WAITING` lines, as in
    :func:`streamed_pieces`.
    """
    if early is not None:
        yield from streamed_pieces(early, parts[0], quads=True)
    for part in parts[0 if early is None else 1 :]:
        if isinstance(part.lines, NTriplesText):  # e.g. the rules still running
            yield from _keep_alive(part.lines)
        yield _quads(part)


def _quads(part: Part) -> bytes:
    if part.graph is None:
        return joined(part.lines)
    if isinstance(part.lines, NTriplesText):
        return part.lines.in_graph(part.graph)
    return joined([as_quad(line, part.graph) for line in part.lines])


def _target(graph: str | None) -> str:
    return f"GRAPH <{graph}>" if graph else "DEFAULT"


def one_request(client: UpdateClient, parts: Sequence[Part], *, replace: bool) -> None:
    """Everything in one update: ``DROP`` the targets (``replace``), then ``INSERT DATA``."""
    drops = [f"DROP SILENT {_target(p.graph)}" for p in parts] if replace else []
    blocks = [
        (
            "\n".join(p.lines)
            if p.graph is None
            else f"GRAPH <{p.graph}> {{\n" + "\n".join(p.lines) + "\n}"
        )
        for p in parts
    ]
    client.send(";\n".join([*drops, "INSERT DATA {\n" + "\n".join(blocks) + "\n}"]))


def final_update(staging: str, graph: str | None, *, replace: bool, empty: bool) -> str:
    """The request that puts a staging graph's triples into ``graph``."""
    target = _target(graph)
    if replace:
        return f"CLEAR SILENT {target}" if empty else f"MOVE SILENT GRAPH <{staging}> TO {target}"
    return f"ADD SILENT GRAPH <{staging}> TO {target} ;\nDROP SILENT GRAPH <{staging}>"


def _drop(client: UpdateClient, graphs: Sequence[str], failure: EndpointError) -> None:
    drop = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs)
    try:
        client.send(drop)
    except EndpointError as again:
        names = " ".join(f"<{g}>" for g in graphs)
        raise EndpointError(
            f"{failure}; the staging graphs {names} are left behind (dropping them failed: "
            f"{again}): remove them with the update {' '.join(drop.split())}"
        ) from None


def staged(
    client: UpdateClient,
    parts: Sequence[Part],
    run: str,
    *,
    replace: bool,
    batch_size: int,
    on_batch: Callable[[int, int], None] | None,
    store_url: str | None = None,
) -> int:
    """Batches into staging graphs ``run/N``, then one final request; the number of requests.

    With ``store_url`` each staging graph is loaded by one Graph Store ``POST``
    (Virtuoso: its loader takes the PA-X graph in a quarter of the time of its
    SPARQL compiler's 2,000-triple batches).
    """
    stagings = [f"{run}/{n}" for n in range(len(parts))]
    try:
        if store_url is not None:
            for p, s in zip(parts, stagings, strict=True):
                gsp_post(store_url, [Part(s, p.lines)], timeout=client.timeout)
            batches = len(parts)
        else:
            batches = sum(
                insert_batches(client, list(p.lines), s, batch_size=batch_size, on_batch=on_batch)
                for p, s in zip(parts, stagings, strict=True)
            )
        client.send(
            " ;\n".join(
                final_update(s, p.graph, replace=replace, empty=not p.lines)
                for p, s in zip(parts, stagings, strict=True)
            )
        )
    except EndpointError as exc:
        _drop(client, stagings, exc)
        raise
    except BaseException:  # interrupted: still leave nothing behind
        with contextlib.suppress(EndpointError):
            client.send(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in stagings))
        raise
    return batches


__all__ = [
    "STAGING",
    "Early",
    "KEEP_ALIVE",
    "WAITING",
    "VIRTUOSO_NEEDS_GRAPH",
    "Part",
    "count_triples",
    "final_update",
    "gsp_post",
    "ntriples_lines",
    "one_request",
    "oxigraph_bulk",
    "staged",
    "streamed_pieces",
]
