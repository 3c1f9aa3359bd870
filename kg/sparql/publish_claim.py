"""One publish at a time into a graph, arbitrated by the store itself.

A local lock file protects one machine only, and Oxigraph does not isolate two
concurrent writers (its transactions read a snapshot and write blindly: two
``MOVE``s into one graph leave both new graphs mixed). So each publish
*claims* its target graphs in the store before touching them:

1. one update inserts the claim triples ``<run> publishedInto <graph>`` into
   the graph :data:`CLAIMS` (a request of its own, committed before step 2);
2. one query reads every claim on those graphs;
3. the run goes on only if every claim it reads is its own; otherwise it
   withdraws its claim, waits a random moment and tries again, up to ``wait``
   seconds, then fails naming the other run's claim and how to remove it.

Two runs A and B cannot both go on: if A's read (2) did not see B's claim, B's
claim was committed after that read, so B's read, later still, sees A's claim
(A keeps it until it is done) and B withdraws. A run removes its claim when it
ends, also on failure or Ctrl-C; a run killed outright leaves its claim, which
the next run's message names (with the update that removes it).

Examples
--------
>>> claim_update("urn:run", ["urn:g"], remove=True).replace(CLAIMS, "C").replace(INTO, "I")
'DELETE DATA { GRAPH <C> { <urn:run> <I> <urn:g> . } }'
"""

from __future__ import annotations

import contextlib
import random
import re
import time
from collections.abc import Iterator, Sequence

from kg.errors import EndpointError
from kg.sparql.endpoint import run_remote
from kg.sparql.publish_send import STAGING
from kg.sparql.update import UpdateClient

CLAIMS = "https://w3id.org/conflict-kg/.well-known/publish-claims"
"""The graph that holds the claims of running publishes."""
INTO = "https://w3id.org/conflict-kg/.well-known/publishedInto"
DEFAULT = "https://w3id.org/conflict-kg/.well-known/default-graph"
"""Stands for the default graph in a claim."""


def claim_update(run: str, graphs: Sequence[str], *, remove: bool) -> str:
    """The update that inserts (or removes) ``run``'s claims on ``graphs``."""
    body = " ".join(f"<{run}> <{INTO}> <{graph}> ." for graph in graphs)
    return f"{'DELETE' if remove else 'INSERT'} DATA {{ GRAPH <{CLAIMS}> {{ {body} }} }}"


def claimants(query_url: str, graphs: Sequence[str], *, timeout: float) -> set[str]:
    """The runs that claim any of ``graphs``."""
    values = " ".join(f"<{graph}>" for graph in graphs)
    results = run_remote(
        f"SELECT DISTINCT ?run WHERE {{ VALUES ?g {{ {values} }} "
        f"GRAPH <{CLAIMS}> {{ ?run <{INTO}> ?g }} }}",
        endpoint=query_url,
        timeout=timeout,
    )
    rows = results.get("results", {}).get("bindings", [])
    return {str(row.get("run", {}).get("value", "")) for row in rows}


def left_by(query_url: str, run: str, *, timeout: float) -> list[str]:
    """The graphs whose IRI starts with ``run``'s: its staging graphs, if it left any."""
    results = run_remote(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{run}/")) }}',
        endpoint=query_url,
        timeout=timeout,
    )
    rows = results.get("results", {}).get("bindings", [])
    return sorted(str(row.get("g", {}).get("value", "")) for row in rows)


def _busy(client: UpdateClient, query_url: str, others: set[str], wait: float) -> EndpointError:
    other = sorted(others)[0]
    staging: list[str] = []
    if re.fullmatch(re.escape(STAGING) + "/[0-9a-f]{32}", other):  # a run of ours: safe to quote
        with contextlib.suppress(EndpointError):
            staging = left_by(query_url, other, timeout=client.timeout)
    cleanup = " ; ".join(
        [f"DELETE WHERE {{ GRAPH <{CLAIMS}> {{ <{other}> ?p ?o }} }}"]
        + [f"DROP SILENT GRAPH <{graph}>" for graph in staging]
    )
    return EndpointError(
        f"{client.url}: another publish ({other}) still holds the graph after {wait:g} s; "
        f"nothing was sent (if no publish is running, remove its claim"
        f"{' and staging graphs' if staging else ''} with the update {cleanup})"
    )


@contextlib.contextmanager
def store_claim(
    client: UpdateClient, query_url: str, run: str, graphs: Sequence[str | None], *, wait: float
) -> Iterator[None]:
    """Hold ``run``'s claim on ``graphs`` (None: the default graph) in the store.

    Raises
    ------
    EndpointError
        Another run still claims one of the graphs after ``wait`` seconds, or
        the store could not be reached.
    """
    names = [graph or DEFAULT for graph in graphs]
    deadline, pause = time.monotonic() + wait, 0.05
    while True:
        client.send(claim_update(run, names, remove=False))
        try:
            others = claimants(query_url, names, timeout=client.timeout) - {run}
        except BaseException:
            with contextlib.suppress(EndpointError):
                client.send(claim_update(run, names, remove=True))
            raise
        if not others:
            break
        client.send(claim_update(run, names, remove=True))
        if time.monotonic() + pause > deadline:
            raise _busy(client, query_url, others, wait)
        time.sleep(pause * random.uniform(0.5, 1.5))  # noqa: S311 - a back-off, not a secret
        pause = min(pause * 2, 1.0)
    try:
        yield
    finally:
        with contextlib.suppress(EndpointError):
            client.send(claim_update(run, names, remove=True))


__all__ = ["CLAIMS", "claim_update", "claimants", "store_claim"]
