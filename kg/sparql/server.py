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


def check_port_free(port: int) -> None:
    """Raise UsageError unless ``127.0.0.1:port`` can be bound now.

    Examples
    --------
    >>> check_port_free(free_port())
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # ignore TIME_WAIT
        try:
            probe.bind((HOST, port))
        except OSError:
            raise UsageError(f"{HOST}:{port} is already in use; choose another port") from None


def _failure(what: str, location: Path, stderr: str) -> UsageError:
    """The error of an ``oxigraph`` command that failed with ``stderr``."""
    lines = stderr.strip().splitlines()
    if "LOCK" in stderr or "Resource temporarily unavailable" in stderr:
        return UsageError(
            f"{location}: the database is in use by another Oxigraph server (another "
            "'conflict-kg serve --location'?); stop it or choose another --location"
        )
    return UsageError(f"{what} failed: {lines[-1] if lines else '?'}")


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
            stderr = done.stderr.decode("utf-8", "replace") or str(done.returncode)
            raise _failure(f"oxigraph load {path}", self.location, stderr)

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
        check_port_free(self.port)
        command = [oxigraph_binary(), "serve", "--location", str(self.location), "--bind", bind]
        # Signals are not blocked around Popen (the child would inherit the mask and
        # ignore SIGTERM): a signal inside Popen itself, microseconds wide, is not covered.
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        try:
            return self._wait_ready(bind, wait)
        except BaseException:  # a signal (SIGTERM as KeyboardInterrupt) while starting
            self.stop(kill=True)  # no orphan server answering on the port
            raise

    def _wait_ready(self, bind: str, wait: float) -> OxigraphServer:
        assert self.process is not None
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = (
                    self.process.stderr.read().decode("utf-8", "replace")
                    if self.process.stderr
                    else ""
                )
                self.process = None
                raise _failure(f"oxigraph serve on {bind}", self.location, err)
            if self._ready() and self.process.poll() is None:
                return self
            time.sleep(0.05)
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


__all__ = ["HOST", "OxigraphServer", "check_port_free", "free_port", "oxigraph_binary"]
