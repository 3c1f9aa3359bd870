"""Peers measured in the same run as conflict-kg's own commands, whole processes each.

Every stage here runs conflict-kg's command and a peer's, one after the other, on
the same files, and records both and their ratio, so that a comparison never mixes
a quiet minute with a busy one:

``peer-shacl``
    ``conflict-kg validate`` on a project whose data is the generated graph, and
    Jena SHACL 4.5 (``shacl validate``, Debian's ``libapache-jena-java``) on the
    same ontology + data as one N-Triples file. The SHACL findings are compared as
    multisets of (focus node, constraint component, path): ``same_findings``.
``peer-rudof``
    The same with rudof (``pyrudof``, SHACL's native engine), when it is installed;
    otherwise the stage says why not.
``peer-tdb2``
    ``conflict-kg query entity-relations`` from the command line, and Jena TDB2's
    ``tdb2.tdbquery`` on a database ``tdb2.tdbloader`` built beforehand (its time is
    reported apart, as ``load_seconds``): the same query text, the same rows.
``validate-repo``
    ``conflict-kg validate`` in the repository itself (its own data, not the
    generated graph), and Jena SHACL on the repository's ontology + data.

Wall seconds, CPU seconds (user + system) and peak RSS are those of each child
process (``os.wait4``). ``speedup`` is the peer's wall time over conflict-kg's;
``rss_ratio`` conflict-kg's peak RSS over the peer's.

Examples
--------
>>> sorted(STAGES)
['peer-rudof', 'peer-shacl', 'peer-tdb2', 'validate-repo']
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Result = dict[str, Any]
REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology" / "conflict.ttl"
SHAPES = REPO / "ontology" / "shapes.ttl"
_SH = "http://www.w3.org/ns/shacl#"


RUDOF_LIMIT_MB = 6144
"""Address space allowed to rudof: at 1M it grew past 9.5 GB on a shared 23 GB machine."""


def measure(
    cmd: list[str], *, cwd: Path | None = None, out: Path | None = None, limit_mb: int = 0
) -> Result:
    """Run ``cmd`` to its end; its wall and CPU seconds, peak RSS (MB) and exit code.

    ``limit_mb`` caps its address space (``RLIMIT_AS``): past it, allocation fails.
    """

    def cap() -> None:
        size = limit_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    path = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    env = dict(os.environ, PYTHONPATH=path)
    sink = out.open("wb") if out else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            stdout=sink,
            stderr=subprocess.DEVNULL,
            env=env,
            preexec_fn=cap if limit_mb else None,  # noqa: PLW1509 - no threads started yet
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    finally:
        if out:
            sink.close()  # type: ignore[union-attr]
    return {
        "seconds": round(wall, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit": os.waitstatus_to_exitcode(status),
    }


def _compare(ours: Result, peer: Result, name: str) -> Result:
    """Both measurements under their names (``seconds`` is conflict-kg's), and the ratios."""
    row = {"seconds": ours["seconds"]} | {f"kg_{k}": v for k, v in ours.items() if k != "seconds"}
    row.update({f"{name}_{k}": v for k, v in peer.items()})
    row["speedup"] = round(peer["seconds"] / ours["seconds"], 2) if ours["seconds"] else None
    if peer.get("peak_rss_mb"):  # the stage's own peak_rss_mb is the harness's
        row["rss_ratio"] = round(ours["peak_rss_mb"] / peer["peak_rss_mb"], 3)
    return row


def jena_classpath(work: Path) -> str | None:
    """Jena 4.5's class path (Debian's jars, as the portability tests use them), or None."""
    if shutil.which("java") is None or not Path("/usr/share/java/jena-shacl.jar").is_file():
        return None
    sys.path.insert(0, str(REPO))
    from tests.stores import JAVA_DIR, JENA_DEPS, _message_bundles

    versioned = re.compile(r"-\d+(\.\d+)+$")  # jena-arq-4.5.0.jar: a link to jena-arq.jar
    jars = sorted(str(p) for p in JAVA_DIR.glob("jena-*.jar") if not versioned.search(p.stem))
    jars += [str(JAVA_DIR / f"{name}.jar") for name in JENA_DEPS]
    return os.pathsep.join([str(_message_bundles(work / "bundles")), *jars])


_MERGE = """
import sys, pyoxigraph as ox
store = ox.Store()
for path in sys.argv[2:]:
    store.bulk_load(path=path, format=ox.RdfFormat.from_extension(path.rsplit(".", 1)[1]))
store.dump(sys.argv[1], format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
"""


def merged_ntriples(data: list[Path], out: Path) -> Path:
    """Ontology + data as one N-Triples file (what a SHACL engine needs for sub-classes).

    Merged in a child process, so that this one stays small: the peak RSS the kernel
    reports for a process it starts counts this one's at the fork (at 1M triples the
    merge left 637 MB here, and every peer and conflict-kg was reported at 637 MB or more).
    """
    files = [str(p) for p in [ONTOLOGY, *data]]
    subprocess.run([sys.executable, "-c", _MERGE, str(out), *files], check=True)
    return out


def _key(focus: str, component: str, path: str | None) -> tuple[str, str, str]:
    short = component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return ("_:" if focus.startswith("_:") else focus, short, path or "")


def _ours(report: Path) -> collections.Counter[tuple[str, str, str]]:
    from rdflib import Graph

    graph = Graph().parse(SHAPES)
    graph.parse(ONTOLOGY)
    graph.bind("dcterms", "http://purl.org/dc/terms/")
    names = graph.namespace_manager
    found = json.loads(report.read_text(encoding="utf-8"))["findings"]
    return collections.Counter(
        _key(f["focus"] or "", f["code"].removeprefix("shacl-"), _expand(names, f["property"]))
        for f in found
        if f["kind"] == "shacl"
    )


def _expand(names: Any, name: str | None) -> str | None:
    """A property as the report shows it (``ckg:date``) as an IRI (kept if unknown)."""
    if not name or "://" in name:
        return name
    try:
        return str(names.expand_curie(name))
    except ValueError:
        return name


def _report(report: Path, fmt: str = "turtle") -> collections.Counter[tuple[str, str, str]]:
    from rdflib import BNode, Graph, URIRef

    graph = Graph().parse(report, format=fmt)
    sh = {name: URIRef(_SH + name) for name in ("focusNode", "resultPath", "result")}
    out: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for result in graph.objects(None, sh["result"]):
        focus = graph.value(result, sh["focusNode"])
        path = graph.value(result, sh["resultPath"])
        component = graph.value(result, URIRef(_SH + "sourceConstraintComponent"))
        name = "_:" if isinstance(focus, BNode) else str(focus)
        out[_key(name, str(component), str(path) if isinstance(path, URIRef) else None)] += 1
    return out


def _validate(project: Path, tmp: Path) -> tuple[Result, collections.Counter[Any]]:
    report = tmp / "ours.json"
    cmd = [sys.executable, "-m", "kg", "validate", "--format", "json"]
    ours = measure(cmd, cwd=project, out=report)
    return ours, _ours(report)


def _jena_shacl(merged: Path, tmp: Path) -> tuple[Result, collections.Counter[Any]] | str:
    classpath = jena_classpath(tmp)
    if classpath is None:
        return "not installed: apt-get install libapache-jena-java (and java)"
    report = tmp / "jena.ttl"
    cmd = ["java", "-cp", classpath, "shacl.shacl", "validate"]
    jena = measure([*cmd, "--shapes", str(SHAPES), "--data", str(merged)], out=report)
    return jena, _report(report)


def _project(data: Path, tmp: Path) -> Path:
    from benchmarks.stages import _project_root

    root = _project_root(data, str(tmp))
    (root / "queries").symlink_to(REPO / "queries")
    return root


def _shacl_row(ours: tuple[Result, Any], peer: tuple[Result, Any] | str, name: str) -> Result:
    if isinstance(peer, str):
        return {"seconds": ours[0]["seconds"], f"{name}": peer}
    row = _compare(ours[0], peer[0], name)
    row["findings"] = sum(ours[1].values())
    row[f"{name}_findings"] = sum(peer[1].values())
    row["same_findings"] = ours[1] == peer[1]
    if not row["same_findings"]:
        row["differences"] = sorted(map(str, (ours[1] - peer[1]) + (peer[1] - ours[1])))[:5]
    return row


def peer_shacl(args: argparse.Namespace) -> Result:
    """``conflict-kg validate`` and Jena SHACL on the generated graph."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        merged = merged_ntriples([args.data], tmp / "merged.nt")
        ours = _validate(_project(args.data, tmp), tmp)
        return _shacl_row(ours, _jena_shacl(merged, tmp), "jena")


def validate_repo(args: argparse.Namespace) -> Result:
    """``conflict-kg validate`` in the repository, and Jena SHACL on its ontology + data."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        merged = merged_ntriples(sorted((REPO / "data").glob("*.ttl")), tmp / "merged.nt")
        ours = _validate(REPO, tmp)
        found = json.loads((tmp / "ours.json").read_text(encoding="utf-8"))["findings"]
        row = _shacl_row(ours, _jena_shacl(merged, tmp), "jena")
        row["errors"] = sum(1 for f in found if f["severity"] == "error")
        row["warnings"] = len(found) - row["errors"]
        return row


_RUDOF = """
import json, sys, pyrudof
rudof = pyrudof.Rudof(pyrudof.RudofConfig())
rudof.read_data(sys.argv[1], format=pyrudof.RDFFormat.NTriples)
rudof.read_shacl(sys.argv[2])
report = rudof.validate_shacl()
print(json.dumps([[str(e.focus_node), str(e.constraint_component), str(e.path)]
                  for e in report.violations]))
"""


def peer_rudof(args: argparse.Namespace) -> Result:
    """``conflict-kg validate`` and rudof's native SHACL engine (pyrudof), if installed."""
    if importlib.util.find_spec("pyrudof") is None:
        return {"rudof": "not installed here: pip install pyrudof (a benchmark peer only)"}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        merged = merged_ntriples([args.data], tmp / "merged.nt")
        ours = _validate(_project(args.data, tmp), tmp)
        out = tmp / "rudof.json"
        cmd = [sys.executable, "-c", _RUDOF, str(merged), str(SHAPES)]
        rudof = measure(cmd, out=out, limit_mb=RUDOF_LIMIT_MB)
        if rudof["exit"] != 0:
            why = f"failed (exit {rudof['exit']}; memory capped at {RUDOF_LIMIT_MB} MB)"
            return {"seconds": ours[0]["seconds"], "rudof": why, "rudof_seconds": rudof["seconds"]}
        rows = json.loads(out.read_text(encoding="utf-8"))
        found = collections.Counter(
            _key(f.strip("<>"), c, None if p == "None" else p.strip("<>")) for f, c, p in rows
        )
        return _shacl_row(ours, (rudof, found), "rudof")


def _entity(data: Path) -> str:
    """The first talks of the generated graph (an entity with relations both ways)."""
    talks = b"<https://w3id.org/conflict-kg/ontology#Talks> ."
    with data.open("rb") as stream:
        for line in stream:
            if line.rstrip().endswith(talks) and b"22-rdf-syntax-ns#type>" in line:
                return line.split(b" ", 1)[0].decode()[1:-1]
    raise ValueError(f"{data}: no ckg:Talks")


def peer_tdb2(args: argparse.Namespace) -> Result:
    """``conflict-kg query entity-relations`` and Jena TDB2's ``tdbquery`` on a loaded database."""
    from kg.sparql.library import find_query
    from kg.sparql.run import prepare

    entity = _entity(args.data)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        classpath = jena_classpath(tmp)
        project = _project(args.data, tmp)
        out = tmp / "ours.csv"
        cmd = [sys.executable, "-m", "kg", "query", "entity-relations", "--format", "csv"]
        ours = measure([*cmd, "--param", f"entity={entity}"], cwd=project, out=out)
        ours["rows"] = len(out.read_text(encoding="utf-8").splitlines()) - 1
        if classpath is None:
            return {"seconds": ours["seconds"], "tdb2": "not installed: libapache-jena-java"}
        merged = merged_ntriples([args.data], tmp / "merged.nt")
        query = tmp / "q.rq"
        text = prepare(find_query("entity-relations", REPO / "queries"), {"entity": entity})
        query.write_text(text, encoding="utf-8")
        java = ["java", "-cp", classpath]
        load = measure([*java, "tdb2.tdbloader", "--loc", str(tmp / "db"), str(merged)])
        tdb = measure(
            [*java, "tdb2.tdbquery", "--loc", str(tmp / "db"), "--query", str(query)]
            + ["--results=CSV"],
            out=tmp / "jena.csv",
        )
        tdb["rows"] = len((tmp / "jena.csv").read_text(encoding="utf-8").splitlines()) - 1
        row = _compare(ours, tdb, "tdb2")
        row["tdb2_load_seconds"] = load["seconds"]
        row["tdb2_load_peak_rss_mb"] = load["peak_rss_mb"]
        row["same_rows"] = ours["rows"] == tdb["rows"]
        return row


STAGES: dict[str, Callable[[argparse.Namespace], Result]] = {
    "peer-shacl": peer_shacl,
    "peer-rudof": peer_rudof,
    "peer-tdb2": peer_tdb2,
    "validate-repo": validate_repo,
}
