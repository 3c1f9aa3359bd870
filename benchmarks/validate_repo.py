"""Benchmark: how long `conflict-kg validate` takes on the repository's own data.

Run from the repository root: ``python benchmarks/validate_repo.py [runs]``.
Prints the median wall time of the whole CLI (in-process, after imports) and
of each stage's configuration (no reasoner, RL only, RL + DL). The figures in
the README come from this script; it is a measurement, not a test.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import time

from kg.cli.main import main


def median_seconds(argv: list[str], runs: int) -> float:
    """Median wall time of ``main(argv)`` over ``runs`` runs (output discarded)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            main(argv)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def benchmark(runs: int = 5) -> dict[str, float]:
    """Time the three configurations; return ``{label: seconds}``."""
    configs = {
        "validate (all checks, OWL RL + DL)": ["validate"],
        "validate --no-dl (OWL RL only)": ["validate", "--no-dl"],
        "validate --no-reasoner": ["validate", "--no-reasoner"],
    }
    return {label: median_seconds(argv, runs) for label, argv in configs.items()}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    for label, seconds in benchmark(n).items():
        print(f"{label}: {seconds:.2f} s (median of {n})")
