"""Is a server listening? One TCP connection, before minutes of checking a graph.

``publish`` asks this of every endpoint it will talk to before it checks the
project, so a wrong port fails at once instead of after the checks.

Examples
--------
>>> reachable("http://127.0.0.1:9/update", timeout=1.0)  # doctest: +SKIP
'http://127.0.0.1:9/update: connection refused (is the server running on that port?)'
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit


def reachable(url: str, *, timeout: float) -> str | None:
    """``None`` when something accepts a connection at ``url``'s host and port, else why not.

    Examples
    --------
    >>> import socket
    >>> with socket.create_server(("127.0.0.1", 0)) as server:
    ...     port = server.getsockname()[1]
    ...     reachable(f"http://127.0.0.1:{port}/update", timeout=2.0) is None
    True
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except ConnectionRefusedError:
        return f"{url}: connection refused (is the server running on that port?)"
    except TimeoutError:
        return f"{url}: no answer within {timeout:g} s"
    except OSError as exc:
        return f"{url}: cannot connect ({exc.strerror or exc})"


__all__ = ["reachable"]
