"""Benchmark: how long `conflict-kg validate` takes on the repository's own data.

Run from the repository root: ``python benchmarks/validate_repo.py [runs]``.
Prints the median wall and CPU time (user + system, the JVM of the OWL 2 DL check
included) of the whole command, each run in its own process, for each
configuration: every check computed, HermiT run (``CONFLICT_KG_CACHE=off``); the
same repeated on unchanged files (OWL RL's messages, the advice warnings and
HermiT's verdict taken from a cache the first, unmeasured, run filled in a fresh
directory: :mod:`kg.check.findingcache`); OWL RL only;
no reasoner. The figures in the README come from this script; it is a
measurement, not a test.
The ``validate-repo`` stage of ``benchmarks.run`` measures the first configuration
next to Jena SHACL on the same files.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.peers import REPO, measure

CONFIGS = {
    "validate (all checks, OWL RL + DL, HermiT run)": (["validate"], "off"),
    "validate (all checks, repeated: graph checks and HermiT's verdict cached)": (
        ["validate"],
        "fresh",
    ),
    "validate --no-dl (OWL RL only)": (["validate", "--no-dl"], "off"),
    "validate --no-reasoner": (["validate", "--no-reasoner"], "off"),
}


def benchmark(runs: int = 5) -> dict[str, tuple[float, float]]:
    """``{label: (median wall seconds, median CPU seconds)}`` over ``runs`` processes each."""
    out = {}
    for label, (argv, cache) in CONFIGS.items():
        previous = os.environ.get("CONFLICT_KG_CACHE")
        with tempfile.TemporaryDirectory(prefix="conflict-kg-cache-") as fresh:
            os.environ["CONFLICT_KG_CACHE"] = fresh if cache == "fresh" else cache
            try:
                cmd = [sys.executable, "-m", "kg", *argv]
                measure(cmd, cwd=REPO)  # warm the file cache (and fill a fresh cache)
                found = [measure(cmd, cwd=REPO) for _ in range(runs)]
            finally:
                os.environ.pop("CONFLICT_KG_CACHE")
                if previous is not None:
                    os.environ["CONFLICT_KG_CACHE"] = previous
        wall = statistics.median(r["seconds"] for r in found)
        out[label] = (wall, statistics.median(r["cpu_seconds"] for r in found))
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    for label, (wall, cpu) in benchmark(n).items():
        print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU (median of {n})")
