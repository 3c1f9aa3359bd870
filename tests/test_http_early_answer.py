"""A store that answers before it has read the whole body is reported as it answered.

Servers refuse a large upload as soon as its headers are read (413, 400, 401)
and close the connection; the client's next write then breaks the pipe. The
answer is already on its way and is what the user needs to read — not
"connection failed (BrokenPipeError)".
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest
from test_hardening_endpoint import serving

from kg.errors import EndpointError, StoreRefusal
from kg.sparql.http import request

BODY = b"<urn:s> <urn:p> <urn:o> .\n" * 800_000  # ~21 MB: more than any socket buffer


def _answer(status: str, message: bytes) -> Callable[[socket.socket], None]:
    """Answer once the headers are read; the body stays unread, so closing resets the connection."""
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {len(message)}\r\nConnection: close\r\n\r\n"
    )
    return lambda conn: conn.sendall(head.encode() + message)


def _chunks() -> Iterator[bytes]:
    step = 1 << 20
    for start in range(0, len(BODY), step):
        yield BODY[start : start + step]


@pytest.mark.parametrize("chunked", [False, True], ids=["sized", "chunked"])
def test_a_refusal_before_the_body_is_read_is_reported_as_answered(chunked: bool) -> None:
    answer = _answer("413 Payload Too Large", b"upload limit is 1 MB")
    with serving(answer, read_body=False) as url:
        body = _chunks() if chunked else BODY
        with pytest.raises(StoreRefusal) as caught:
            request(url, body=body, headers={"Content-Type": "application/n-triples"}, timeout=20)
    assert caught.value.status == 413
    assert str(caught.value) == f"{url}: HTTP 413 Payload Too Large: upload limit is 1 MB"


def test_a_connection_closed_without_an_answer_is_still_one_line() -> None:
    with (
        serving(lambda conn: None, read_body=False) as url,
        pytest.raises(EndpointError) as caught,
    ):
        request(url, body=BODY, headers={}, timeout=20)
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
