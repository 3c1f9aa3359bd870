"""OWL 2 DL consistency with HermiT, started in the background.

HermiT is the reasoner owlready2 bundles (a Java program); it is asked only
whether ontology + data are consistent (``-k``) on an N-Triples copy written
here. owlready2's ``sync_reasoner`` would load the graph into its own store,
write it back and classify every class, property and individual: three times
the work for the same verdict. :func:`start` launches the JVM and returns at
once, so that the caller's other checks run while it starts up (about half a
second of the repository's ``validate``). A verdict already given for exactly
the same content by the same code is taken from :mod:`kg.check.verdictcache`, and
:func:`recall` finds one given on the same files' bytes without building the graph.

Examples
--------
>>> from rdflib import Graph
>>> run = start(Graph(), Graph())
>>> run.result()[0] in (True, None)  # None: no Java or no owlready2 here
True
"""

from __future__ import annotations

import functools
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

    @property
    def verdict(self) -> Verdict | None:
        """The verdict once given (by :meth:`result` or the cache), else None."""
        return self._verdict

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


def _setup() -> str | HermitRun:
    """HermiT's class path, or a run that cannot start here holding the notice saying why."""
    if not java_available():
        notice = "OWL 2 DL check skipped: no java on PATH (install Java 11+ to enable it)"
        return HermitRun((None, notice))
    classpath = _classpath()
    if classpath is None:
        return HermitRun((None, "OWL 2 DL check skipped: pip install owlready2 to enable it"))
    return classpath


def _extra(classpath: str) -> bytes:
    """What besides the graph decides the verdict: HermiT's jar (its bytes) and the JVM options."""
    jar = Path(classpath.rsplit(os.pathsep, 1)[-1])
    stat = jar.stat()
    digest = _digest(jar, stat.st_size, stat.st_mtime_ns)
    return digest + " ".join([*JAVA_OPTIONS, _MAIN]).encode()


@functools.cache
def _digest(path: Path, size: int, mtime_ns: int) -> bytes:
    """SHA-256 of a file's bytes, read once per process while its size and time stay."""
    return hashlib.sha256(path.read_bytes()).digest()


def _inputs_key(inputs: str, classpath: str) -> str:
    """The key of a verdict by the :func:`~kg.check.verdictcache.inputs_key` of the files."""
    return hashlib.sha256(b"hermit\0" + inputs.encode() + b"\0" + _extra(classpath)).hexdigest()


def recall(inputs: str) -> HermitRun | None:
    """The run for the files whose :func:`~kg.check.verdictcache.inputs_key` is ``inputs``,
    without building their graph: one that cannot start here (and says why), or the
    verdict :func:`remember` kept for the same bytes; None when HermiT has to run."""
    classpath = _setup()
    if isinstance(classpath, HermitRun):
        return classpath
    cached = verdictcache.load(_inputs_key(inputs, classpath))
    return None if cached is None else HermitRun(cached)


def remember(inputs: str, verdict: Verdict) -> None:
    """Keep a definite ``verdict`` on the files keyed ``inputs`` for :func:`recall`.

    The caller makes sure the files still hold the bytes the verdict was given on.
    """
    classpath = _classpath()
    if classpath is not None:
        verdictcache.store(_inputs_key(inputs, classpath), verdict)


def start(ontology: Graph, data: Graph) -> HermitRun:
    """Start the OWL 2 DL check of ontology + data (without ill-typed literals: the
    literal check reports them); a run that cannot start holds the notice saying why."""
    classpath = _setup()
    if isinstance(classpath, HermitRun):
        return classpath
    graph = Graph()
    graph += ontology
    for triple in data:
        if not (isinstance(triple[2], Literal) and bad_literal(triple[2])):
            graph.add(triple)
    key = verdictcache.content_key(graph, extra=_extra(classpath))
    cached = None if key is None else verdictcache.load(key)
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


__all__ = [
    "INCONSISTENT",
    "HermitRun",
    "java_available",
    "owl_dl_check",
    "recall",
    "remember",
    "start",
]
