"""Issue #14 point 16: ``serve`` leaves no orphan server, says why a --location is
busy, and checks the port before validating. The servers are started by these
tests on 127.0.0.1 and stopped by PID."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.cli.main import main
from kg.errors import UsageError
from kg.sparql.server import free_port, oxigraph_binary

try:
    oxigraph_binary()
except UsageError:  # pragma: no cover - the 'oxigraph' package is a dependency
    pytest.skip("the oxigraph server binary is not installed", allow_module_level=True)


def _oxigraph_pids(location: Path, command: bytes = b"") -> list[int]:
    """PIDs of oxigraph processes (running ``command``) whose command line names
    ``location``: our own servers."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            ours = any(str(location).encode() in part for part in cmd) and (
                not command or command in cmd
            )
            if any(b"oxigraph" in part for part in cmd[:1]) and ours:
                found.append(int(entry.name))
    return found


def _serve(root: Path, location: Path, port: int) -> subprocess.Popen[bytes]:
    args = ["--root", str(root), "serve", "--port", str(port), "--location", str(location)]
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_a_busy_port_is_refused_before_validating(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        start = time.monotonic()
        assert main(["serve", "--port", str(port)]) == 2
        took = time.monotonic() - start
    assert took < 1.0, took  # validating the project takes seconds
    assert (
        capsys.readouterr().err
        == f"error: 127.0.0.1:{port} is already in use; choose another port\n"
    )


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the server through /proc")
def test_sigterm_during_startup_leaves_no_server(project: Path, tmp_path: Path) -> None:
    for trial in range(3):
        location = tmp_path / f"db{trial}"
        serve = _serve(project, location, free_port())
        deadline = time.monotonic() + 120
        while not _oxigraph_pids(location, b"serve") and serve.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.002)
        os.kill(serve.pid, signal.SIGTERM)  # the server is starting, not answering yet
        serve.wait(timeout=60)
        time.sleep(0.5)
        left = _oxigraph_pids(location)
        for pid in left:  # never leave one behind, even when the test fails
            os.kill(pid, signal.SIGKILL)
        assert left == [], f"trial {trial}: orphan oxigraph {left}"


def test_two_serves_on_one_location_say_so(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = tmp_path / "db"
    first = _serve(project, location, free_port())
    try:
        assert first.stdout is not None
        assert b"SPARQL query endpoint" in first.stdout.readline()
        assert _oxigraph_pids(location)  # the finder sees a running server
        args = ["serve", "--port", str(free_port()), "--location", str(location)]
        assert main(["--root", str(project), *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "in use by another Oxigraph server" in err
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=60)
    assert _oxigraph_pids(location) == []


class _StopAfterTheUrl:
    """Standard output that raises KeyboardInterrupt (what ``serve`` turns SIGTERM into)
    once the endpoint's URL is written: a script that stops ``serve`` as soon as it reads
    the URL."""

    def write(self, text: str) -> int:
        if "SPARQL query endpoint" in text:
            raise KeyboardInterrupt
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the server through /proc")
def test_sigterm_right_after_the_url_leaves_no_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An orphan 'oxigraph serve' outlived a test run (2026-12-06): SIGTERM that arrived
    while serve printed its URLs, after the server had started and before it was watched,
    left the server running while its temporary database was removed."""
    import pyoxigraph as ox

    from kg.cli.serve import serve_graph

    monkeypatch.setattr(sys, "stdout", _StopAfterTheUrl())
    try:
        with pytest.raises(KeyboardInterrupt):
            serve_graph(ox.Store(), tmp_path, free_port())
    finally:
        time.sleep(0.5)
        left = _oxigraph_pids(tmp_path)
        for pid in left:  # never leave one behind, even when the test fails
            os.kill(pid, signal.SIGKILL)
    assert left == [], f"orphan oxigraph {left}"
