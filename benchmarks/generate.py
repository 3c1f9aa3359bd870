"""Generate a synthetic conflict graph in the project's ontology, deterministic by seed.

The graph is written as it is generated (N-Triples or Turtle), one theatre of
about 700 triples at a time, so memory stays flat at any size. Violations of the
shapes are planted at ``--violation-rate`` (every kind at least once when the
rate is above zero) and recorded in a JSON manifest next to the output.

Usage::

    python -m benchmarks.generate --triples 1000000 --seed 1 --out /tmp/kg-1m.nt

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> generate(out, triples=2000, seed=1).triples >= 2000
True
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import events
from benchmarks.rdfout import NTriplesWriter, TurtleWriter
from benchmarks.violations import KINDS, Violations
from benchmarks.world import Theatre, emit_globals


@dataclass
class Generated:
    """What was generated: the triple count, theatres, and the planted violations."""

    triples: int
    theatres: int
    seed: int
    violations: list[dict[str, Any]] = field(default_factory=list)

    def manifest(self) -> dict[str, Any]:
        """The JSON manifest."""
        return {
            "triples": self.triples,
            "theatres": self.theatres,
            "seed": self.seed,
            "violations": self.violations,
        }


def generate(
    out: TextIO, *, triples: int, seed: int = 1, violation_rate: float = 0.002, fmt: str = "nt"
) -> Generated:
    """Write at least ``triples`` triples to ``out`` (stopping after the theatre that reaches it).

    Parameters
    ----------
    out : text stream
    triples : int
        Target size.
    seed : int
        Same seed, same graph (byte for byte).
    violation_rate : float
        Probability per eligible node of planting its kind of violation; every kind
        is planted once in the first theatre when this is above zero.
    fmt : {"nt", "ttl"}
    """
    writer = (TurtleWriter if fmt == "ttl" else NTriplesWriter)(out)
    writer.start()
    vio = Violations(rate=violation_rate, force=KINDS if violation_rate > 0 else ())
    emit_globals(writer, random.Random(f"{seed}:globals"))
    events.agreement_globals(writer)
    k = 0
    while writer.count < triples:
        t = Theatre(writer, k, random.Random(f"{seed}:{k}"), vio)
        t.sources()
        t.actors()
        events.conflict(t)
        events.process(t)
        k += 1
    return Generated(writer.count, k, seed, vio.records)


def write_files(
    path: Path, *, triples: int, seed: int, violation_rate: float, fmt: str
) -> Generated:
    """Generate into ``path`` (and ``path.violations.json``), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", buffering=1 << 20) as out:
            result = generate(
                out, triples=triples, seed=seed, violation_rate=violation_rate, fmt=fmt
            )
        os.chmod(tmp, 0o644)
        manifest = path.with_name(path.name + ".violations.json")
        manifest.write_text(json.dumps(result.manifest(), indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(prog="benchmarks.generate", description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, required=True, help="target size (10000, 1000000 …)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--violation-rate", type=float, default=0.002)
    ap.add_argument(
        "--format", choices=["nt", "ttl"], default=None, help="default: from the --out extension"
    )
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.triples <= 0 or not 0 <= args.violation_rate <= 1:
        ap.error("--triples must be positive and --violation-rate within [0, 1]")
    fmt = args.format or ("ttl" if args.out.suffix == ".ttl" else "nt")
    result = write_files(
        args.out, triples=args.triples, seed=args.seed, violation_rate=args.violation_rate, fmt=fmt
    )
    print(
        json.dumps(
            {
                "out": str(args.out),
                "triples": result.triples,
                "theatres": result.theatres,
                "violations": len(result.violations),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
