"""Benchmark: import the whole PA-X file and validate the result; print times and rates.

Run from the repository root: ``python benchmarks/pax_full.py [PATH/TO/pax.csv]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rdflib import Graph

from kg.check.shacl.reference import validate
from kg.cli.import_ import curated_graph
from kg.importers.report import rates
from kg.importers.run import import_pax
from kg.importers.sparql_cache import parsed_once
from kg.read.load import parse_turtle

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    pax = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared/data/pax/pax.csv"
    t0 = time.perf_counter()
    result = import_pax(pax, curated=curated_graph(str(REPO)))
    t1 = time.perf_counter()
    data = Graph()
    for path in sorted((REPO / "data").glob("*.ttl")):
        if not path.name.startswith("pax-"):
            data.parse(path)
    data += result.graph
    ontology = parse_turtle(REPO / "ontology" / "conflict.ttl")
    shapes = parse_turtle(REPO / "ontology" / "shapes.ttl")
    with parsed_once():
        report = validate(data, shapes=shapes, ontology=ontology)
    t2 = time.perf_counter()
    print(f"agreements: {len(result.rows_imported)}, skipped rows: {len(result.skipped)}")
    print(f"triples imported: {len(result.graph)}, validated: {len(data)}")
    print(f"import (read, reconcile, serialise): {t1 - t0:.1f} s")
    print(f"validation (SHACL with the ontology): {t2 - t1:.1f} s, conforms: {report.conforms}")
    print(f"total: {t2 - t0:.1f} s")
    total_done = total = 0
    for column, (done, n) in rates(result.report).items():
        print(f"{column}: {done}/{n} mentions resolved ({100 * done / n:.1f}%)")
        total_done, total = total_done + done, total + n
    print(f"all: {total_done}/{total} ({100 * total_done / total:.1f}%)")
    return 0 if report.conforms else 1


if __name__ == "__main__":
    sys.exit(main())
