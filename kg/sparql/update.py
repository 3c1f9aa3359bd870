"""Send SPARQL 1.1 Update requests the way each store accepts them.

* The update goes as ``application/sparql-update`` (the exact media type: some
  servers compare it without parameters); a store that refuses it (HTTP 415, or
  400 naming the content type) gets the form-encoded ``update=`` instead, for
  the rest of the run.
* :func:`insert_batches` splits a batch in two, down to one triple, when a
  store refuses a request as too large (HTTP 413, or a message such as
  Virtuoso's ``generated SQL text has exceeded 10000 lines`` or ``memory
  exhausted``), and goes on with
  the smaller size. Virtuoso (known by its ``Server`` header) starts at
  :data:`VIRTUOSO_BATCH` triples: its compiler refuses about 3,700 PA-X triples,
  and each refused attempt costs as much as the batches it would have held.
* Every failure is one line naming the store's message
  (:class:`~kg.errors.StoreRefusal` with the HTTP status when there is one).

Examples
--------
>>> too_large(413, "")
True
>>> too_large(500, "SP031: generated SQL text has exceeded 10000 lines")
True
>>> too_large(403, "forbidden")
False
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlencode

from kg.errors import EndpointError, StoreRefusal
from kg.sparql.http import request

SPARQL_UPDATE = "application/sparql-update"
FORM = "application/x-www-form-urlencoded"
_SIZE = re.compile(r"too (large|long|big)|exceed|exhausted|payload|request entity", re.IGNORECASE)
VIRTUOSO_BATCH = 2_000
"""The batch Virtuoso 7 starts with (95,140 PA-X triples: 48 requests, 1.7 s)."""
_MEDIA = re.compile(r"content.?type|media.?type|mime", re.IGNORECASE)


def too_large(status: int | None, message: str) -> bool:
    """Whether a refusal says the request was too large."""
    return status == 413 or (status in (400, 500) and bool(_SIZE.search(message)))


NOT_SPARQL = "conflict-kg: this is not SPARQL, and an update endpoint refuses it"
"""The update :meth:`UpdateClient.refuse_nonsense` sends."""


class UpdateClient:
    """POST updates to one endpoint; remembers the media type that works.

    Parameters
    ----------
    url : str
        The update endpoint.
    timeout : float
        Seconds per request.
    """

    def __init__(self, url: str, *, timeout: float) -> None:
        self.url = url
        self.timeout = timeout
        self.form = False
        self.server = ""

    def _post(self, text: str) -> None:
        if self.form:
            body, kind = urlencode({"update": text}).encode("ascii"), FORM
        else:
            body, kind = text.encode("utf-8"), SPARQL_UPDATE
        seen: dict[str, str] = {}
        try:  # the whole request within the timeout (kg.sparql.http), not each read
            request(
                self.url, body=body, headers={"Content-Type": kind}, timeout=self.timeout, seen=seen
            )
        except StoreRefusal as exc:
            self.server = exc.server or self.server
            raise
        self.server = seen.get("server", "") or self.server

    def send(self, text: str) -> None:
        """Run one update request.

        Raises
        ------
        EndpointError
            The store refused it or could not be reached; one line.
        """
        try:
            self._post(text)
        except StoreRefusal as exc:
            media = exc.status == 415 or (exc.status == 400 and bool(_MEDIA.search(str(exc))))
            if self.form or not media:
                raise
            self.form = True
            self._post(text)

    def refuse_nonsense(self) -> None:
        """Check that the endpoint refuses an update that is not SPARQL, as a SPARQL 1.1
        Update endpoint does (HTTP 4xx or 5xx). A query page or any other web page
        answers 200 to a POST: taking that for a stored graph would report a publish
        that never happened. The update is a syntax error: no store changes.

        Raises
        ------
        EndpointError
            The endpoint took it; one line.
        """
        try:
            self._post(NOT_SPARQL)
        except StoreRefusal:
            return
        raise EndpointError(
            f"{self.url}: answered an update that is not SPARQL with success, so it is no "
            "SPARQL 1.1 Update endpoint (a web page?); nothing was published: give the store's "
            "update URL"
        )

    @property
    def is_virtuoso(self) -> bool:
        """Whether the store said it is Virtuoso (its ``Server`` header)."""
        return self.server.lower().startswith("virtuoso")


def insert_batches(
    client: UpdateClient,
    lines: list[str],
    graph: str,
    *,
    batch_size: int,
    on_batch: Callable[[int, int], None] | None = None,
) -> int:
    """``INSERT DATA`` the N-Triples ``lines`` into ``graph``; the number of requests.

    A batch that the store refuses as too large is split in two (down to one
    triple) and the smaller size kept for the batches after it.
    """
    size, at, sent = max(1, batch_size), 0, 0
    if client.is_virtuoso:
        size = min(size, VIRTUOSO_BATCH)
    while at < len(lines):
        chunk = lines[at : at + size]
        body = "\n".join(chunk)
        try:
            client.send(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
        except StoreRefusal as exc:
            if len(chunk) == 1 or not too_large(exc.status, str(exc)):
                raise
            size = max(1, len(chunk) // 2)
            continue
        at += len(chunk)
        sent += 1
        if on_batch is not None:
            on_batch(sent, sent + -(-(len(lines) - at) // size))
    return sent


__all__ = ["FORM", "SPARQL_UPDATE", "VIRTUOSO_BATCH", "UpdateClient", "insert_batches", "too_large"]
