"""Start and stop a local Oxigraph SPARQL server (the ``oxigraph`` CLI from PyPI).

The server listens on 127.0.0.1 only. Its URLs are ``/query`` (SPARQL 1.1
query), ``/update`` (SPARQL 1.1 update) and ``/store`` (Graph Store Protocol).

Examples
--------
>>> with OxigraphServer(location=Path("/tmp/kg-db")) as server:  # doctest: +SKIP
...     print(server.query_url)
http://127.0.0.1:7878/query
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from kg.errors import UsageError

HOST = "127.0.0.1"


def oxigraph_binary() -> str:
    """Return the path of the ``oxigraph`` executable.

    The one installed beside the running Python (the ``oxigraph`` package's
    script in the same environment) comes first, then ``PATH``.

    Raises
    ------
    UsageError
        No ``oxigraph`` executable is installed.

    Examples
    --------
    >>> Path(oxigraph_binary()).name.startswith("oxigraph")  # doctest: +SKIP
    True
    """
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise UsageError("the oxigraph server is not installed; run: pip install 'oxigraph>=0.5'")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free now.

    Examples
    --------
    >>> 0 < free_port() < 65536
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class OxigraphServer:
    """An Oxigraph server process on ``127.0.0.1:port`` persisting into ``location``.

    Parameters
    ----------
    location : Path
        The database directory (created if needed).
    port : int, optional
        Default: a free port.
    """

    def __init__(self, *, location: Path, port: int | None = None) -> None:
        self.location = Path(location)
        self.port = port if port is not None else free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{HOST}:{self.port}"

    @property
    def page_url(self) -> str:
        """Oxigraph's built-in query page (YASGUI) for a web browser."""
        return f"{self.base_url}/"

    @property
    def query_url(self) -> str:
        """The SPARQL query endpoint."""
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        """The SPARQL update endpoint."""
        return f"{self.base_url}/update"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint."""
        return f"{self.base_url}/store"

    def load(self, path: Path) -> None:
        """Load an RDF file into the (stopped) database with ``oxigraph load``."""
        if self.process is not None:
            raise UsageError("stop the server before loading files into its database")
        self.location.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [oxigraph_binary(), "load", "--location", str(self.location), "--file", str(path)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UsageError(f"oxigraph load {path} failed: {why[-1] if why else done.returncode}")

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.query_url}?query=ASK%7B%7D", timeout=1) as resp:
                return int(resp.status) == 200
        except (urllib.error.URLError, OSError):
            return False

    def start(self, *, wait: float = 30.0) -> OxigraphServer:
        """Start ``oxigraph serve`` and wait until it answers queries.

        Raises
        ------
        UsageError
            The server exits or does not answer within ``wait`` seconds.
        """
        self.location.mkdir(parents=True, exist_ok=True)
        bind = f"{HOST}:{self.port}"
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # ignore TIME_WAIT
            try:
                probe.bind((HOST, self.port))
            except OSError:
                raise UsageError(f"{bind} is already in use; choose another port") from None
        command = [oxigraph_binary(), "serve", "--location", str(self.location), "--bind", bind]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = (
                    self.process.stderr.read().decode("utf-8", "replace")
                    if self.process.stderr
                    else ""
                )
                self.process = None
                lines = err.strip().splitlines()
                raise UsageError(f"oxigraph serve on {bind} exited: {lines[-1] if lines else '?'}")
            if self._ready() and self.process.poll() is None:
                return self
            time.sleep(0.05)
        self.stop()
        raise UsageError(f"oxigraph serve on {bind} did not answer within {wait:g} s")

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s; at once with ``kill``)."""
        process, self.process = self.process, None
        if process is None:
            return
        if kill:
            process.kill()
        else:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()

    def __enter__(self) -> OxigraphServer:
        return self.start() if self.process is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


__all__ = ["HOST", "OxigraphServer", "free_port", "oxigraph_binary"]
