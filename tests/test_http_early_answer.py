"""A store that answers before it has read the whole body is reported as it answered.

Servers refuse a large upload as soon as its headers are read (413, 400, 401)
and close the connection; the client's next write then breaks the pipe. The
answer is already on its way and is what the user needs to read — not
"connection failed (BrokenPipeError)".
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from kg.errors import EndpointError, StoreRefusal
from kg.sparql.http import request

BODY = b"<urn:s> <urn:p> <urn:o> .\n" * 800_000  # ~21 MB: more than any socket buffer


@contextmanager
def _early_answer(status: str, message: bytes) -> Iterator[str]:
    """A server on 127.0.0.1 that answers once it has the headers, then closes."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                head += chunk
            conn.sendall(
                f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\n"
                f"Content-Length: {len(message)}\r\nConnection: close\r\n\r\n".encode()
                + message
            )
        # closed with the body unread: the kernel resets the connection

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/store?default"
    finally:
        listener.close()
        thread.join(timeout=10)


def _chunks() -> Iterator[bytes]:
    step = 1 << 20
    for start in range(0, len(BODY), step):
        yield BODY[start : start + step]


@pytest.mark.parametrize("chunked", [False, True], ids=["sized", "chunked"])
def test_a_refusal_before_the_body_is_read_is_reported_as_answered(chunked: bool) -> None:
    with _early_answer("413 Payload Too Large", b"upload limit is 1 MB") as url:
        body = _chunks() if chunked else BODY
        with pytest.raises(StoreRefusal) as caught:
            request(url, body=body, headers={"Content-Type": "application/n-triples"}, timeout=20)
    assert caught.value.status == 413
    assert str(caught.value) == f"{url}: HTTP 413 Payload Too Large: upload limit is 1 MB"


def test_a_connection_closed_without_an_answer_is_still_one_line() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def close_at_once() -> None:
        conn, _ = listener.accept()
        conn.recv(1024)
        conn.close()

    thread = threading.Thread(target=close_at_once, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
    try:
        with pytest.raises(EndpointError) as caught:
            request(url, body=BODY, headers={}, timeout=20)
    finally:
        listener.close()
        thread.join(timeout=10)
    assert not isinstance(caught.value, StoreRefusal)
    message = str(caught.value)
    assert message.startswith(f"{url}: ") and "\n" not in message


def test_the_time_spent_making_a_piece_of_the_body_is_not_the_servers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import time

    from kg.sparql.server import OxigraphServer

    def pieces() -> Iterator[bytes]:
        yield b"<urn:s> <urn:p> <urn:o1> .\n"
        time.sleep(1.5)  # e.g. the checks still running: longer than the timeout
        yield b"<urn:s> <urn:p> <urn:o2> .\n"

    with OxigraphServer(location=tmp_path / "db") as server:
        url = server.store_url + "?default"
        request(url, body=pieces(), headers={"Content-Type": "application/n-triples"}, timeout=1)
        held = request(
            url, body=None, headers={"Accept": "application/n-triples"}, timeout=10, method="GET"
        )
    assert held.count(b"<urn:s> <urn:p>") == 2
