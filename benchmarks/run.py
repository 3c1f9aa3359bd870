"""Run every benchmark stage at every size and print a table with the baselines' ratios.

Each stage runs in a fresh process (``benchmarks.stages``) so its peak RSS is its
own. The baselines (pyoxigraph's bare bulk load; the naive rdflib + pySHACL +
rdflib-SPARQL pipeline) are measured in the same run. Usage::

    python -m benchmarks.run --sizes 10000 100000 --json results.json

Examples
--------
>>> growth({"seconds": 1.0, "triples": 100_000}, {"seconds": 10.0, "triples": 1_000_000})
1.0
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import write_files
from benchmarks.loop import STAGES as LOOP

REPO = Path(__file__).resolve().parent.parent
FAST = [
    "ox-bare",
    "load",
    "validate-fast",
    "queries-ox",
    "views",
    "entailment",
    "build",
    "site",
    "serve",
    "publish",
    *LOOP,
]
NAIVE = ["rdflib-parse", "validate-pyshacl", "queries-rdflib", "naive-build"]
PEERS = ["peer-shacl", "peer-rudof", "peer-tdb2", "validate-repo"]  # benchmarks/peers.py
CLEAN = {"build", "naive-build", "site", "serve", "publish", *LOOP}
"""Stages run on a twin graph without planted violations (a build stops on them)."""
Row = dict[str, Any]


def growth(small: Row, big: Row) -> float:
    """Exponent ``k`` of ``time ~ n**k`` between two measurements."""
    ratio_t = big["seconds"] / small["seconds"]
    return round(math.log(ratio_t) / math.log(big["triples"] / small["triples"]), 2)


def run_stage(stage: str, data: Path, *, theatres: int, repeat: int, timeout: float) -> Row:
    """Run ``stage`` ``repeat`` times in subprocesses; medians of times, max of peak RSS."""
    runs = []
    for n in range(repeat):
        if sys.stderr.isatty():  # progress on a terminal only
            print(f"  {data.name}: {stage} run {n + 1}/{repeat}", file=sys.stderr, flush=True)
        cmd = [
            sys.executable,
            "-m",
            "benchmarks.stages",
            stage,
            "--data",
            str(data),
            "--theatres",
            str(theatres),
        ]
        try:
            done = subprocess.run(
                cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=True
            )
        except subprocess.TimeoutExpired:
            return {"stage": stage, "runs": n, "timeout": timeout}
        except subprocess.CalledProcessError as exc:
            return {"stage": stage, "runs": n, "error": exc.stderr.strip().splitlines()[-1:]}
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    row: Row = {
        "stage": stage,
        "runs": repeat,
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs), 1),
    }
    for key in runs[0]:
        if key.endswith("seconds"):
            row[key] = statistics.median(r[key] for r in runs)
        elif key in ("queries", "views"):
            row[key] = {item: _medians([r[key][item] for r in runs]) for item in runs[0][key]}
        elif key != "peak_rss_mb":
            row[key] = runs[-1][key]
    return row


def _medians(runs: list[Row]) -> Row:
    """Median of each number over runs; other values from the last run; ``capped`` if any."""
    out: Row = {}
    for key, value in runs[-1].items():
        if isinstance(value, bool):
            out[key] = any(r.get(key) for r in runs)
        elif isinstance(value, int | float):
            out[key] = statistics.median(r[key] for r in runs if r.get(key) is not None)
        else:
            out[key] = value
    return out


def bench_size(size: int, args: argparse.Namespace) -> list[Row]:
    """All stages at one size."""
    data = args.work_dir / f"kg-{size}-s{args.seed}.nt"
    t = time.perf_counter()
    gen = write_files(
        data, triples=size, seed=args.seed, violation_rate=args.violation_rate, fmt="nt"
    )
    rows: list[Row] = [{"stage": "generate", "runs": 1, "seconds": time.perf_counter() - t}]
    clean = args.work_dir / f"kg-{size}-s{args.seed}-clean.nt"
    if CLEAN & set(args.stages):
        write_files(clean, triples=size, seed=args.seed, violation_rate=0.0, fmt="nt")
    for stage in args.stages:
        if stage in NAIVE and (size > args.naive_max or size not in args.naive_sizes):
            continue
        small = size <= args.small_max and not (stage in NAIVE and size > 10_000)
        repeat = args.repeat if small else 1
        source = clean if stage in CLEAN else data
        rows.append(
            run_stage(stage, source, theatres=gen.theatres, repeat=repeat, timeout=args.timeout)
        )
    for row in rows:
        row.update(size=size, triples=gen.triples, planted=len(gen.violations))
    return rows


def _fmt(x: Any, digits: int = 3) -> str:
    return f"{x:.{digits}f}" if isinstance(x, float) else str(x)


def _views_table(rows: list[Row]) -> list[str]:
    out = [
        "",
        "| triples | view | nodes | edges | view s | GEXF s | dynamic GEXF s | GraphML s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        for name, v in r.get("views", {}).items() if r["stage"] == "views" else ():
            out.append(
                f"| {r['triples']} | {name} | {v['nodes']} | {v['edges']} | "
                f"{_fmt(v['view_seconds'])} | {_fmt(v['gexf_seconds'])} | "
                f"{_fmt(v['dynamic_gexf_seconds'])} | {_fmt(v['graphml_seconds'])} |"
            )
    return out if len(out) > 3 else []


def table(rows: list[Row]) -> str:
    """Markdown tables: stages with ratios, queries with medians, p95 and speed-ups, growth."""
    by = {(r["size"], r["stage"]): r for r in rows}
    out = [
        "| triples | stage | runs | median s | peak RSS MB | vs baseline |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        if "queries" in r:
            continue
        note = ""
        bare, naive = by.get((r["size"], "ox-bare")), by.get((r["size"], "validate-pyshacl"))
        if r["stage"] == "load" and bare and "seconds" in bare:
            note = f"{r['seconds'] / bare['seconds']:.2f}x bare pyoxigraph"
        if r["stage"] == "validate-fast" and naive and "seconds" in naive:
            note = f"{naive['seconds'] / r['seconds']:.0f}x faster than pySHACL"
        slow_build = by.get((r["size"], "naive-build"))
        if r["stage"] == "build" and slow_build and "seconds" in slow_build:
            note = f"{slow_build['seconds'] / r['seconds']:.0f}x faster than the naive build"
        if r["stage"] == "validate-fast":
            found = f"findings {r.get('findings')} (planted {r['planted']})"
            note = f"{note}; {found}" if note else found
        secs = r.get("seconds", r.get("timeout", r.get("error")))
        out.append(
            f"| {r['triples']} | {r['stage']} | {r['runs']} | {_fmt(secs)} | "
            f"{_fmt(r.get('peak_rss_mb', ''), 1)} | {note} |"
        )
    out += [
        "",
        "| triples | query | oxigraph median ms | p95 ms | rdflib median ms | speed-up |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        if r["stage"] != "queries-ox" or "queries" not in r:
            continue
        base = by.get((r["size"], "queries-rdflib"), {}).get("queries", {})
        for q, m in r["queries"].items():
            b = base.get(q)
            at_least = "≥ " if b and b.get("capped") else ""
            ratio = f"{at_least}{b['median_ms'] / m['median_ms']:.0f}x" if b else ""
            slow = f"{at_least}{_fmt(b['median_ms'], 2)}" if b else ""
            out.append(
                f"| {r['triples']} | {q} | {_fmt(m['median_ms'], 2)} | "
                f"{_fmt(m['p95_ms'], 2)} | {slow} | {ratio} |"
            )
    out += _views_table(rows)
    sizes = sorted({r["size"] for r in rows})
    grow = []
    for a, b in zip(sizes, sizes[1:], strict=False):
        for stage in FAST:
            x, y = by.get((a, stage)), by.get((b, stage))
            if x and y and "seconds" in x and "seconds" in y:
                grow.append(f"| {stage} | {x['triples']} → {y['triples']} | {growth(x, y)} |")
    if grow:
        out += ["", "| stage | sizes | growth exponent |", "|---|---|---|", *grow]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--stages", nargs="+", default=FAST + NAIVE, choices=FAST + NAIVE + PEERS)
    ap.add_argument("--repeat", type=int, default=3, help="runs per stage at small sizes")
    ap.add_argument("--small-max", type=int, default=100_000, help="largest 'small' size")
    ap.add_argument("--naive-max", type=int, default=100_000, help="largest size for baselines")
    ap.add_argument(
        "--naive-sizes",
        type=int,
        nargs="+",
        help="run the baselines only at these sizes (default: every size up to --naive-max)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--violation-rate", type=float, default=0.002)
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per stage run")
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/conflict-kg-bench"))
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    args = ap.parse_args(argv)
    if args.naive_sizes is None:
        args.naive_sizes = args.sizes
    rows = [row for size in args.sizes for row in bench_size(size, args)]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
