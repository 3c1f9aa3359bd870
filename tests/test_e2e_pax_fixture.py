"""Ten real PA-X rows through every path: import → build → every library query, in-process
and through ``serve`` (issue #13).

``tests/fixtures/pax/hard-rows.csv`` is the header and ten records of
``../shared/data/pax/pax.csv`` copied byte for byte, chosen for their hard text:
U+2028 inside signatory lists (AgtId 257, 598, 1703), French (206, 8), witnesses
and observers (295, 419), notes in brackets and parentheses (168, 589, 419), and
the Nagorno-Karabakh statement of 10 October 2020 (2322).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli.main import main
from kg.sparql.library import list_queries
from kg.sparql.publish import count_triples
from kg.sparql.server import free_port, oxigraph_binary

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "pax" / "hard-rows.csv"
SHARED = REPO.parent / "shared" / "data" / "pax" / "pax.csv"
QUERIES = [q.name for q in list_queries(REPO / "queries")]


def test_the_fixture_rows_are_verbatim_from_pa_x() -> None:
    if not SHARED.is_file():
        pytest.skip("../shared/data/pax/pax.csv is not beside the project")
    source = SHARED.read_text(encoding="utf-8-sig")
    head, body = FIXTURE.read_text(encoding="utf-8-sig").split("\n", 1)
    assert head == source.split("\n", 1)[0]
    assert body.count("\u2028") >= 3
    records = _records(body)
    assert len(records) == 10
    assert all(record in source for record in records), "a fixture record differs from pax.csv"


def _records(body: str) -> list[str]:
    out, buf = [], []
    for line in body.rstrip("\n").split("\n"):
        buf.append(line)
        joined = "\n".join(buf)
        if joined.count('"') % 2 == 0:
            out.append(joined)
            buf = []
    return out


def pax_project(root: Path, csv: Path, *, folders: tuple[str, ...], into: str) -> Path:
    """A project in ``root``: ``folders`` of the repository, ``csv`` imported into ``data/into``."""
    for folder in folders:
        shutil.copytree(REPO / folder, root / folder)
    (root / "data").mkdir(exist_ok=True)
    out = root / "data" / into
    assert main(["--root", str(root), "import", "pax", str(csv), "-o", str(out), "--quiet"]) == 0
    return root


def build_project(project: Path, *options: str) -> Path:
    """``conflict-kg build`` of ``project`` into its ``build/``; that folder."""
    out = project / "build"
    assert main(["--root", str(project), "build", "--out", str(out), *options]) == 0
    return out


def server_or_skip() -> None:
    """Skip the test when there is no ``oxigraph`` server binary to serve with."""
    try:
        oxigraph_binary()
    except Exception as exc:  # noqa: BLE001 - no server binary: nothing to serve with
        pytest.skip(f"no oxigraph server: {exc}")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pax-e2e")
    return pax_project(root, FIXTURE, folders=("ontology", "queries"), into="pax.ttl")


@pytest.fixture(scope="module")
def built(project: Path) -> Path:
    return build_project(project)


def test_the_build_keeps_the_hard_text(built: Path) -> None:
    nt = (built / "conflict-kg.nt").read_bytes()
    assert "\u2028".encode() in nt or b"\\u2028" in nt
    lines = [line for line in nt.split(b"\n") if line]
    assert len(list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))) == len(lines)
    text = nt.decode("utf-8")
    assert "Accord de Paris" in text and "Witnessed" in text


def _stdout(root: Path, *argv: str) -> str:
    """What ``conflict-kg --root ROOT ARGV…`` prints, run in-process; it must exit 0."""
    import io
    from contextlib import redirect_stdout

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        code = main(["--root", str(root), *argv])
    assert code == 0, argv
    return buffer.getvalue()


def _query(root: Path, name: str, *extra: str) -> dict[str, object]:
    return json.loads(_stdout(root, "query", name, "--format", "json", *extra))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def in_process(project: Path, built: Path) -> dict[str, dict[str, object]]:
    return {name: _query(project, name) for name in QUERIES}


def test_every_library_query_runs_in_process(in_process: dict[str, dict[str, object]]) -> None:
    assert set(in_process) == set(QUERIES) and len(QUERIES) >= 12
    agreements = in_process["agreements-by-stage"]["results"]["bindings"]  # type: ignore[index]
    assert agreements, "the ten agreements are not found by agreements-by-stage"


def test_an_agreement_named_only_in_french_is_shown_by_that_name(
    in_process: dict[str, dict[str, object]],
) -> None:
    rows = in_process["agreements-by-stage"]["results"]["bindings"]  # type: ignore[index]
    labels = {
        row["agreement"]["value"].rsplit("/", 1)[1]: row.get("agreementLabel")  # type: ignore[index]
        for row in rows  # type: ignore[union-attr]
    }
    # PA-X gives "Accord de Paris" only in French: that name, tagged fr, though lang is en
    paris = {"type": "literal", "value": "Accord de Paris", "xml:lang": "fr"}
    assert labels["agreement-pax-8"] == paris
    # PA-X gives 168's name in English and in Spanish: the English one
    english = labels["agreement-pax-168"]
    assert english is not None and english["xml:lang"] == "en"  # type: ignore[index]
    assert english["value"].startswith("Political Agreement between")  # type: ignore[index]


def test_why_names_an_agreement_named_only_in_french(project: Path, built: Path) -> None:
    heading = _stdout(project, "why", "id:agreement-pax-8").splitlines()[0]
    assert "Accord de Paris" in heading, heading


@contextmanager
def serving(project: Path, location: Path) -> Iterator[str]:
    """``conflict-kg serve`` on ``project`` in its own process group; its query endpoint's URL.

    Stopped with SIGINT to the group this started (killed if it does not stop).
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "--root", str(project), "serve", "--port", str(free_port()),
         "--location", str(location)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("SPARQL query endpoint: "), proc.stderr.read() if proc.stderr else ""
        yield line.rsplit(" ", 1)[1]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()


@pytest.mark.skipif(os.name == "nt", reason="SIGINT handling differs on Windows")
def test_served_queries_equal_in_process(
    project: Path, built: Path, in_process: dict[str, dict[str, object]], tmp_path: Path
) -> None:
    server_or_skip()
    with serving(project, tmp_path / "db") as endpoint:
        expected = len(list(ox.parse(path=built / "conflict-kg.nt")))  # serve: the built graph
        assert count_triples(endpoint, None, timeout=30) == expected
        for name in QUERIES:
            assert _query(project, name, "--endpoint", endpoint) == in_process[name], name
