"""Throw-away triple stores for the tests: Virtuoso, Oxigraph server and Jena ARQ.

Each server runs on free 127.0.0.1 ports with its own database directory and
is stopped by the PID of the process that the test started. A store that is not
installed gives ``None`` from its ``*_missing`` function's counterpart, so that
the tests skip with a notice saying what to install (``.ci/run`` installs them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kg.sparql.endpoint import run_remote
from kg.sparql.publish import STAGING
from kg.sparql.server import HOST, free_port

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
JAVA_DIR = Path("/usr/share/java")
RUNNER = Path(__file__).resolve().parent / "jena" / "RunQueries.java"
# Jena 4.5 (Debian) and what its command line needs on the class path.
JENA_DEPS = [
    "commons-cli",
    "commons-codec",
    "commons-compress",
    "commons-csv",
    "commons-io",
    "commons-lang3",
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpcore",
    "jackson-core",
    "jackson-databind",
    "jsonld-java",
    "slf4j-api",
    "slf4j-nop",
    "thrift",
    "titanium-json-ld",
    "jakarta.json-api",
    "protobuf",
]

_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = {host}:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
DirsAllowed = .
[HTTPServer]
ServerPort = {host}:{http}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""

# The anonymous SPARQL user may update (a throw-away instance on loopback only).
_GRANTS = (
    'GRANT SPARQL_UPDATE TO "SPARQL"',
    "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7)",
)


def virtuoso_missing() -> str | None:
    """Why Virtuoso cannot run here, or None."""
    if shutil.which(VIRTUOSO) and shutil.which(ISQL):
        return None
    return "Virtuoso is not installed (apt-get install virtuoso-opensource; .ci/run does it)"


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError):
        return False


class VirtuosoServer:
    """Virtuoso 7 (``virtuoso-t``) on free loopback ports, database in ``location``."""

    def __init__(self, *, location: Path) -> None:
        self.location = Path(location)
        self.sql_port = free_port()
        self.http_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def query_url(self) -> str:
        """SPARQL query and update endpoint (Virtuoso serves both on ``/sparql``)."""
        return f"http://{HOST}:{self.http_port}/sparql"

    update_url = query_url

    @property
    def store_url(self) -> str:
        """Graph Store Protocol endpoint (the ``SPARQL_UPDATE`` grant suffices)."""
        return f"http://{HOST}:{self.http_port}/sparql-graph-crud"

    def isql(self, statement: str) -> str:
        """Run one SQL statement as dba; its output."""
        done = subprocess.run(
            [ISQL, f"{HOST}:{self.sql_port}", "dba", "dba", f"exec={statement};"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql {statement!r}: {done.stdout}{done.stderr}")
        return done.stdout

    def start(self, *, wait: float = 60.0) -> VirtuosoServer:
        """Start the server, wait until it answers, open SPARQL Update to it."""
        self.location.mkdir(parents=True, exist_ok=True)
        ini = self.location / "virtuoso.ini"
        text = _INI.format(d=self.location, host=HOST, sql=self.sql_port, http=self.http_port)
        ini.write_text(text, encoding="utf-8")
        self.process = subprocess.Popen(
            [VIRTUOSO, "+foreground", "+configfile", str(ini)],
            cwd=self.location,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + wait
        while not _answers(self.query_url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = (self.location / "virtuoso.log").read_text("utf-8", "replace")
                self.stop()
                raise RuntimeError(f"Virtuoso did not start: {log[-500:]}")
            time.sleep(0.2)
        for grant in _GRANTS:
            self.isql(grant)
        return self

    def stop(self) -> None:
        """SIGTERM the server by its PID; SIGKILL after 30 s."""
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


TARGET = "http://example.org/published"
"""The graph the publish tests publish into."""


class Store:
    """A running store as the publish tests see it: its endpoints and what it holds."""

    def __init__(self, name: str, update_url: str, query_url: str, store_url: str = "") -> None:
        self.name, self.update_url, self.query_url = name, update_url, query_url
        self.store_url = store_url

    def triples(self, graph: str = TARGET) -> set[tuple[str, str, str]]:
        results = run_remote(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
            endpoint=self.query_url,
            timeout=30,
        )
        rows = results["results"]["bindings"]
        return {(r["s"]["value"], r["p"]["value"], r["o"]["value"]) for r in rows}

    def staging(self) -> list[str]:
        results = run_remote(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", endpoint=self.query_url
        )
        graphs = [r["g"]["value"] for r in results["results"]["bindings"]]
        return [g for g in graphs if g.startswith(STAGING)]


def jena_missing() -> str | None:
    """Why Jena ARQ cannot run here, or None."""
    if shutil.which("java") is None or not (JAVA_DIR / "jena-arq.jar").is_file():
        return "Jena is not installed (apt-get install libapache-jena-java; .ci/run does it)"
    done = subprocess.run(
        ["java", "--list-modules"], capture_output=True, text=True, timeout=60, check=False
    )
    if "jdk.compiler" not in done.stdout:
        return "a JDK is needed to run Jena ARQ here (apt-get install default-jdk-headless)"
    return None


def _message_bundles(into: Path) -> Path:
    # Debian's jena-core moved its XML Schema validator to the package ``xerces``
    # but left the validator's messages under org/apache/jena/ext/xerces: put a
    # copy where the validator looks, or every xsd datatype fails to initialise.
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        prefix = "org/apache/jena/ext/xerces/"
        for name in jar.namelist():
            if name.startswith(prefix) and name.endswith(".properties"):
                target = into / "xerces" / name[len(prefix) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return into


def jena_select(data: Path, queries: dict[str, str], *, workdir: Path) -> dict[str, Any]:
    """Run each query with Jena ARQ over the N-Triples file ``data`` (one JVM).

    Returns name → SPARQL JSON results, or name → ``{"error": message}``.
    """
    jars = sorted(str(p) for p in JAVA_DIR.glob("jena-*.jar") if not p.stem[-1].isdigit())
    jars += [str(JAVA_DIR / f"{name}.jar") for name in JENA_DEPS]
    classpath = os.pathsep.join([str(_message_bundles(workdir / "bundles")), *jars])
    files = []
    for name, text in queries.items():
        path = workdir / f"{name}.rq"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    subprocess.run(
        ["java", "-cp", classpath, str(RUNNER), str(data), str(workdir), *files],
        check=True,
        capture_output=True,
        timeout=600,
    )
    out: dict[str, Any] = {}
    for name in queries:
        error = workdir / f"{name}.rq.error"
        if error.exists():
            out[name] = {"error": error.read_text(encoding="utf-8")}
        else:
            out[name] = json.loads((workdir / f"{name}.rq.json").read_text(encoding="utf-8"))
    return out


def _cell(term: dict[str, str]) -> tuple[str, ...]:
    kind = "literal" if term["type"] == "typed-literal" else term["type"]
    datatype = term.get("datatype", "")
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = ""
    return (kind, term["value"], term.get("xml:lang", "").lower(), datatype)


def row_multiset(results: dict[str, Any]) -> Counter[tuple[tuple[str, tuple[str, ...]], ...]]:
    """The rows of SPARQL JSON results as a multiset (ASK: one row holding the answer)."""
    if "boolean" in results:
        return Counter([(("boolean", (str(results["boolean"]).lower(),)),)])
    rows: Counter[tuple[tuple[str, tuple[str, ...]], ...]] = Counter()
    for binding in results["results"]["bindings"]:
        rows[tuple(sorted((k, _cell(v)) for k, v in binding.items()))] += 1
    return rows


def graph_iri(name: str) -> str:
    """A named graph IRI for a test."""
    return f"http://example.org/test-graph/{quote(name, safe='')}"


def scratch(prefix: str) -> Path:
    """A new temporary directory."""
    return Path(tempfile.mkdtemp(prefix=prefix))
