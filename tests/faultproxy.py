"""A proxy on 127.0.0.1 in front of a real store that misbehaves on purpose.

Requests are forwarded to the store unchanged, except:

* ``fail_at=N``: from the N-th request (1-based; ``DROP`` requests, which
  clean up, and the check that the endpoint refuses an update that is not SPARQL
  (:meth:`kg.sparql.update.UpdateClient.refuse_nonsense`) are neither counted nor
  refused; the check is not listed in ``kinds`` either) ``times`` requests are not
  forwarded: the proxy answers ``status`` with :data:`MESSAGE`, or closes the
  connection (``status=0``).
* ``refuse_media``: a request sent as ``application/sparql-update`` is answered
  415 without forwarding (a store that only takes form-encoded updates).
* ``ignore_graph``: a Graph Store Protocol request's ``?graph=IRI`` is replaced
  by ``?default`` (a store that ignores the parameter).
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote_plus

from kg.sparql.server import HOST
from kg.sparql.update import NOT_SPARQL

MESSAGE = "refused on purpose by the test proxy"


class _Handler(BaseHTTPRequestHandler):
    server: Any

    def log_message(self, *args: object) -> None:
        return

    def _answer(self, status: int, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        kind = self.headers.get("Content-Type", "")
        proxy = self.server
        check = quote_plus(NOT_SPARQL).encode() in body or NOT_SPARQL.encode() in body
        cleanup = check or (b"DROP" in body[:40] and b"INSERT" not in body)
        with proxy.lock:
            proxy.count += 0 if cleanup else 1
            number = 0 if cleanup else proxy.count
        if not check:
            proxy.kinds.append(kind)
        if proxy.refuse_media and kind.startswith("application/sparql-update"):
            self._answer(415, "Unsupported Media Type: form-encoded updates only")
            return
        if proxy.fail_at and proxy.fail_at <= number < proxy.fail_at + proxy.times:
            if proxy.status == 0:
                self.close_connection = True
                self.connection.close()
                return
            self._answer(proxy.status, MESSAGE)
            return
        query = self.path.partition("?")[2]
        if proxy.ignore_graph and query.startswith("graph="):
            query = "default"
        target = f"{proxy.upstream}?{query}" if query else proxy.upstream
        request = urllib.request.Request(
            target, data=body, method=self.command, headers={"Content-Type": kind}
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, data = response.status, response.read()
        except urllib.error.HTTPError as exc:
            status, data = exc.code, exc.read()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_PUT = do_POST


@contextmanager
def fault_proxy(
    upstream: str,
    *,
    fail_at: int = 0,
    times: int = 1,
    status: int = 500,
    refuse_media: bool = False,
    ignore_graph: bool = False,
) -> Iterator[Any]:
    """Run the proxy; yields the server (``.url``, ``.count``, ``.kinds``)."""
    server = ThreadingHTTPServer((HOST, 0), _Handler)
    server.upstream = upstream  # type: ignore[attr-defined]
    server.fail_at = fail_at  # type: ignore[attr-defined]
    server.status = status  # type: ignore[attr-defined]
    server.times = times  # type: ignore[attr-defined]
    server.ignore_graph = ignore_graph  # type: ignore[attr-defined]
    server.refuse_media = refuse_media  # type: ignore[attr-defined]
    server.count = 0  # type: ignore[attr-defined]
    server.kinds = []  # type: ignore[attr-defined]
    server.lock = threading.Lock()  # type: ignore[attr-defined]
    server.url = f"http://{HOST}:{server.server_address[1]}/update"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
