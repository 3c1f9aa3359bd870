"""Benchmark: the explorer site for the curated data plus the whole PA-X import.

Run from the repository root: ``python benchmarks/site_pax.py [PATH/TO/pax.csv]``.
Imports every agreement of the file (as ``conflict-kg import pax`` does) into a
temporary copy of the project, checks it once, then times the site step alone
(query library included) and prints the pages written, seconds (wall and CPU)
and peak RSS.
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kg.cli.import_ import curated_graph  # noqa: E402
from kg.importers.run import import_pax  # noqa: E402
from kg.outputs.build import entailment_step  # noqa: E402
from kg.outputs.build_input import load_checked  # noqa: E402
from kg.outputs.outdir import replace_dir  # noqa: E402
from kg.read.resources import Layout  # noqa: E402
from kg.sparql.site import site_build_step  # noqa: E402


def main() -> int:
    pax = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared/data/pax/pax.csv"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        for part in ("ontology", "queries"):
            shutil.copytree(REPO / part, root / part)
        (root / "data").mkdir()
        for path in sorted((REPO / "data").glob("*.ttl")):
            if not path.name.startswith("pax-"):
                shutil.copy(path, root / "data" / path.name)
        result = import_pax(pax, curated=curated_graph(str(REPO)))
        result.graph.serialize(root / "data" / "pax-all.ttl", format="turtle")
        t0 = time.perf_counter()
        project = load_checked(Layout.at(root))
        entailment_step(project)
        t1, c1 = time.perf_counter(), time.process_time()
        files = site_build_step("site")(project)
        replace_dir(Path(tmp) / "out", files)
        t2, c2 = time.perf_counter(), time.process_time()
        pages = sum(1 for _ in (Path(tmp) / "out" / "site").rglob("*.html"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"agreements: {len(result.rows_imported)}, errors: {project.result.errors}")
    print(f"load, check and entail: {t1 - t0:.1f} s")
    print(f"site: {pages} pages in {t2 - t1:.1f} s ({c2 - c1:.1f} s CPU); peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
