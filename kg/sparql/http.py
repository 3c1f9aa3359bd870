"""HTTP requests to SPARQL endpoints with a deadline for the whole request.

A socket timeout bounds each read, not the request: a server sending one byte
every half second keeps a 5-second socket timeout waiting for minutes. Here a
timer shuts the connection down when the deadline passes, whatever the request
is doing (connecting, sending, waiting for the status line, reading the
body), and the request fails with one line. Every failure is an
:class:`~kg.errors.EndpointError` naming the URL: refused connection, unknown
host, an answer that is not HTTP, an answer cut short, HTTP 4xx/5xx (quoting
the server's message).

Examples
--------
>>> check_timeout(None)
60.0
>>> check_timeout(float("nan"))
Traceback (most recent call last):
...
kg.errors.UsageError: --timeout nan: give a positive number of seconds
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kg.errors import EndpointError, StoreRefusal, UsageError

if TYPE_CHECKING:  # http.client is imported by the functions that talk HTTP
    import http.client

DEFAULT_TIMEOUT = 60.0
"""Seconds allowed for a whole request when ``--timeout`` is not given."""


def check_timeout(value: float | None, *, option: str = "--timeout") -> float:
    """``value`` (default :data:`DEFAULT_TIMEOUT`), or UsageError unless positive and finite.

    Examples
    --------
    >>> check_timeout(2.5)
    2.5
    """
    if value is None:
        return DEFAULT_TIMEOUT
    if not math.isfinite(value) or value <= 0:
        raise UsageError(f"{option} {value:g}: give a positive number of seconds")
    return float(value)


def one_line(text: str, limit: int = 300) -> str:
    """Collapse whitespace and shorten ``text`` for a one-line message.

    Examples
    --------
    >>> one_line("a\\n  b")
    'a b'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe(url: str, exc: BaseException) -> str:
    """One line saying why a request to ``url`` failed.

    Examples
    --------
    >>> describe("http://h/q", ConnectionRefusedError())
    'http://h/q: connection refused (is the server running?)'
    """
    import http.client
    import socket  # imported with http.client; not by the commands that never ask an endpoint

    if isinstance(exc, ConnectionRefusedError):
        return f"{url}: connection refused (is the server running?)"
    if isinstance(exc, TimeoutError | socket.timeout):
        return f"{url}: no answer within the timeout"
    if isinstance(exc, socket.gaierror):
        return f"{url}: cannot connect (unknown host)"
    if isinstance(exc, http.client.IncompleteRead):
        return f"{url}: the answer was cut short ({len(exc.partial)} bytes received)"
    if isinstance(exc, http.client.RemoteDisconnected):  # (also a BadStatusLine)
        return f"{url}: the connection was closed before an answer came"
    if isinstance(exc, http.client.BadStatusLine):
        return f"{url}: the answer is not HTTP (is this a SPARQL endpoint?)"
    if isinstance(exc, http.client.HTTPException):
        return f"{url}: bad HTTP answer ({exc.__class__.__name__})"
    if isinstance(exc, ConnectionError):
        return f"{url}: connection failed ({exc.__class__.__name__})"
    return f"{url}: {one_line(str(exc)) or exc.__class__.__name__}"


class _Deadline:
    """Shut ``conn``'s socket down when ``seconds`` have passed."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float) -> None:
        self.conn = conn
        self.seconds = seconds
        self.expired = threading.Event()
        self.timer = self._timer()

    def _timer(self) -> threading.Timer:
        timer = threading.Timer(self.seconds, self._expire)
        timer.daemon = True
        return timer

    def _expire(self) -> None:
        import socket

        self.expired.set()
        sock = self.conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed: nothing to stop
                sock.shutdown(socket.SHUT_RDWR)

    def pieces(self, body: Iterable[bytes]) -> Iterator[bytes]:
        """``body``'s pieces, the clock stopped while each is made, started anew after.

        Making a piece is this program's time (e.g. checks still running), not the server's.
        """
        made = iter(body)
        while True:
            self.timer.cancel()
            try:
                piece = next(made, None)
            finally:
                self.timer = self._timer()
                self.timer.start()
            if piece is None:
                return
            yield piece


def request(
    url: str,
    *,
    body: bytes | Iterable[bytes] | None,
    headers: Mapping[str, str],
    timeout: float,
    method: str = "POST",
    seen: dict[str, str] | None = None,
) -> bytes:
    """Send one request and return the body of a 2xx answer, all within ``timeout`` s.

    A ``body`` given as an iterable of ``bytes`` is sent as it comes, chunked;
    the time spent making a piece does not count, and ``timeout`` applies anew
    from each piece on.
    A server that answers before it has read the whole body (a 413 as soon as
    it sees the headers) and closes the connection is reported as it answered.

    Raises
    ------
    EndpointError
        The request failed, was refused, answered 4xx/5xx, or did not complete
        within ``timeout`` seconds; one line.

    Examples
    --------
    >>> request("http://127.0.0.1:1/q", body=b"", headers={}, timeout=1)
    Traceback (most recent call last):
    ...
    kg.errors.EndpointError: http://127.0.0.1:1/q: connection refused (is the server running?)
    """
    import http.client

    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    try:
        conn = kind(parts.hostname or "", parts.port, timeout=timeout)
    except ValueError as exc:  # e.g. a port that is not a number
        raise EndpointError(f"{url}: {exc}") from None
    deadline = _Deadline(conn, timeout)
    deadline.timer.start()
    if body is not None and not isinstance(body, bytes):
        body = deadline.pieces(body)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        _send(conn, method, target, body=body, headers=headers)
        response = conn.getresponse()
        if seen is not None:  # the answer's headers, for a caller that asks (e.g. Server)
            seen.update({k.lower(): v for k, v in response.getheaders()})
        data = response.read()
        if deadline.expired.is_set():
            raise TimeoutError
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if deadline.expired.is_set():
            raise EndpointError(
                f"{url}: no answer within the timeout ({timeout:g} s for the whole request)"
            ) from None
        raise EndpointError(describe(url, exc)) from None
    finally:
        deadline.timer.cancel()
        conn.close()
    if response.status < 200 or 300 <= response.status < 400:  # no answer to this request
        where = response.getheader("Location", "") or ""
        raise EndpointError(
            f"{url}: HTTP {response.status} {response.reason}".rstrip()
            + (f": redirected to {one_line(where)}; give that URL" if where else "")
            + " (not followed: a request is never sent again elsewhere)"
        )
    if response.status >= 400:
        message = one_line(data.decode("utf-8", "replace"))
        head = f"{url}: HTTP {response.status} {response.reason}".rstrip()
        refusal = StoreRefusal(f"{head}: {message}" if message else head, status=response.status)
        refusal.server = response.getheader("Server", "") or ""
        raise refusal
    return data


def _send(
    conn: http.client.HTTPConnection,
    method: str,
    target: str,
    *,
    body: bytes | Iterable[bytes] | None,
    headers: Mapping[str, str],
) -> None:
    """Send the request; a write the server cut off is left for its answer to explain.

    The server closed its side (a broken pipe, a reset): when it said why
    first, :meth:`~http.client.HTTPConnection.getresponse` reads it from what
    was received; when it said nothing, that read fails and the caller reports
    the closed connection.
    """
    try:
        conn.request(method, target, body=body, headers=dict(headers))
    except (BrokenPipeError, ConnectionResetError):
        if conn.sock is None:
            raise


__all__ = ["DEFAULT_TIMEOUT", "check_timeout", "describe", "one_line", "request"]
