"""OWL 2 DL consistency with HermiT, started in the background.

HermiT is the reasoner owlready2 bundles (a Java program); it is asked only
whether ontology + data are consistent (``-k``) on an N-Triples copy written
here. owlready2's ``sync_reasoner`` would load the graph into its own store,
write it back and classify every class, property and individual: three times
the work for the same verdict. :func:`start` launches the JVM and returns at
once, so that the caller's other checks run while it starts up (about half a
second of the repository's ``validate``). A verdict already given for exactly
the same content by the same code is taken from :mod:`kg.check.verdictcache`.

Examples
--------
>>> from rdflib import Graph
>>> run = start(Graph(), Graph())
>>> run.result()[0] in (True, None)  # None: no Java or no owlready2 here
True
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from rdflib import Graph, Literal

from kg.check import verdictcache
from kg.read.wellformed import bad_literal

JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx2000M"]
"""A short-lived JVM: the quick compiler only and the serial collector start fastest."""
_MAIN = "org.semanticweb.HermiT.cli.CommandLine"
INCONSISTENT = "the ontology and data are inconsistent under OWL 2 DL (HermiT)"
Verdict = tuple[bool | None, str]


def java_available() -> bool:
    """True when a ``java`` executable is on the PATH."""
    return shutil.which("java") is not None


def _classpath() -> str | None:
    """The class path of the HermiT that owlready2 bundles, or None without owlready2."""
    spec = importlib.util.find_spec("owlready2")
    if spec is None or spec.origin is None:
        return None
    hermit = Path(spec.origin).parent / "hermit"
    return os.pathsep.join([str(hermit), str(hermit / "HermiT.jar")])


class HermitRun:
    """A HermiT consistency check under way; :meth:`result` waits for its verdict."""

    def __init__(self, verdict: Verdict | None = None, *, key: str | None = None) -> None:
        self._verdict = verdict
        self._key = key
        self._process: subprocess.Popen[str] | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def launch(self, graph: Graph, classpath: str) -> None:
        """Write ``graph`` as N-Triples and start HermiT on it."""
        self._tmp = tempfile.TemporaryDirectory(prefix="conflict-kg-dl-")
        path = Path(self._tmp.name) / "merged.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        command = ["java", *JAVA_OPTIONS, "-cp", classpath, _MAIN, "-k"]
        command += ["--ignoreUnsupportedDatatypes", path.as_uri()]
        try:
            self._process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
        except OSError as exc:
            self._verdict = (None, f"OWL 2 DL check could not run: {exc}")
            self._tmp.cleanup()

    def result(self, timeout: float = 600) -> Verdict:
        """``(True, "")`` consistent, ``(False, message)`` inconsistent, ``(None, notice)``."""
        if self._verdict is None and self._process is not None:
            try:
                output, _ = self._process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.cancel()
                return None, f"OWL 2 DL check could not run: no answer in {timeout:g} s"
            self._verdict = _verdict(self._process.returncode, output)
            self.cancel()
            if self._key is not None:
                verdictcache.store(self._key, self._verdict)
        return self._verdict or (None, "OWL 2 DL check could not run")

    def cancel(self) -> None:
        """Stop HermiT if it still runs (by its own process) and remove its file."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


def _verdict(returncode: int, output: str) -> Verdict:
    if returncode == 0:
        return True, ""
    lines = output.strip().splitlines()
    if any("InconsistentOntologyException" in line for line in lines):
        return False, INCONSISTENT
    why = next((x for x in lines if "Exception" in x), lines[-1] if lines else "")
    return None, f"OWL 2 DL check could not run: {why[:300]}"


def start(ontology: Graph, data: Graph) -> HermitRun:
    """Start the OWL 2 DL check of ontology + data (without ill-typed literals: the
    literal check reports them); a run that cannot start holds the notice saying why."""
    if not java_available():
        notice = "OWL 2 DL check skipped: no java on PATH (install Java 11+ to enable it)"
        return HermitRun((None, notice))
    classpath = _classpath()
    if classpath is None:
        return HermitRun((None, "OWL 2 DL check skipped: pip install owlready2 to enable it"))
    graph = Graph()
    graph += ontology
    for triple in data:
        if not (isinstance(triple[2], Literal) and bad_literal(triple[2])):
            graph.add(triple)
    jar = Path(classpath.rsplit(os.pathsep, 1)[-1])
    extra = hashlib.sha256(jar.read_bytes()).digest() + " ".join([*JAVA_OPTIONS, _MAIN]).encode()
    key = verdictcache.content_key(graph, extra=extra)
    cached = verdictcache.load(key)
    if cached is not None:
        return HermitRun(cached)
    run = HermitRun(key=key)
    run.launch(graph, classpath)
    return run


def owl_dl_check(ontology: Graph, data: Graph) -> Verdict:
    """Check OWL 2 DL consistency of ontology + data with HermiT and wait for the verdict.

    Returns
    -------
    (bool or None, str)
        ``(True, "")`` consistent, ``(False, message)`` inconsistent,
        ``(None, notice)`` when the check could not run (no Java, no
        owlready2, or HermiT failed) — a notice, not a finding.

    Notes
    -----
    Datatypes outside the OWL 2 datatype map (``xsd:gYear``) are ignored by
    HermiT (``--ignoreUnsupportedDatatypes``); the literal check covers them.
    """
    return start(ontology, data).result()


__all__ = ["INCONSISTENT", "HermitRun", "java_available", "owl_dl_check", "start"]
