"""The benchmarks' memory sampler (``benchmarks.rss.TreeRss``).

A child started by ``subprocess`` (``vfork``) shares this process's memory until
it runs its own program: counting it then counts this process twice. Seen in
two of three 5M builds: "4,896 MiB", a parent of 2,448 MiB and a child of the
same command line at 2,448 MiB.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.rss import TreeRss, _rss

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")

MIB = 2**20


def _held(mib: int) -> bytearray:
    block = bytearray(mib * MIB)
    for i in range(0, len(block), 4096):  # resident, not only reserved
        block[i] = 1
    return block


def test_a_child_that_has_not_started_its_own_program_is_not_counted_twice() -> None:
    block = _held(300)
    own = _rss(str(os.getpid()))
    with TreeRss() as tree:
        pid = os.fork()  # as subprocess's child before it runs its program: our pages
        if pid == 0:
            time.sleep(0.6)
            os._exit(0)
        os.waitpid(pid, 0)
    assert len(block) and own >= 300 * MIB
    assert tree.peak < own + 100 * MIB


def test_a_child_running_its_own_program_is_counted() -> None:
    code = "b = bytearray(200 * 2**20)\nfor i in range(0, len(b), 4096): b[i] = 1\n"
    code += "import time; time.sleep(0.6)"
    own = _rss(str(os.getpid()))
    with TreeRss() as tree:
        subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert tree.peak >= own + 200 * MIB


def test_the_serve_stage_reports_the_servers_own_peak_not_its_parents(tmp_path: Path) -> None:
    """The server is started once the benchmark holds the checked graph: its
    ``getrusage`` peak began at the benchmark's own (``vfork``), so the stage reported
    the benchmark's memory as the server's."""
    import argparse

    from benchmarks.generate import generate
    from benchmarks.serving import serve

    held = _held(400)  # the benchmark, large when it starts the server
    out = io.StringIO()
    generate(out, triples=900, seed=5, violation_rate=0)
    data = tmp_path / "small.ttl"
    data.write_text(out.getvalue(), encoding="utf-8")
    result = serve(argparse.Namespace(data=data))
    assert len(held) and result["triples"] > 0
    # the server lives 0.1-0.2 s here: two or three samples, or none on a fast machine
    assert result["server_peak_rss_mb"] < 300
