"""The whole PA-X CSV through every path (issue #13): import → build → serve → every
library query through ``--endpoint`` equals in-process → publish into a second
Oxigraph server → equal triple counts → ``export --dynamic`` of every view valid
GEXF 1.3.

The import goes into the project's ``data/`` as ``pax-all.ttl`` beside the
repository's own data, the way the README documents. Needs
``../shared/data/pax/pax.csv`` and an ``oxigraph`` server binary; skipped cleanly
without them. Marked ``scale`` (several minutes): run with ``-m scale``. The same
chain on ten hard rows runs by default (``tests/test_e2e_pax_fixture.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from graphschemas import assert_valid, needs_schemas
from stores import row_multiset
from test_e2e_pax_fixture import (
    QUERIES,
    _query,
    build_project,
    pax_project,
    server_or_skip,
    serving,
)

from kg.cli.main import main
from kg.sparql.publish import count_triples
from kg.sparql.server import OxigraphServer

REPO = Path(__file__).resolve().parent.parent
PAX = REPO.parent / "shared" / "data" / "pax" / "pax.csv"
VIEWS = ("mediation", "cochair", "cochair-membership", "belligerents", "actors")

pytestmark = [
    pytest.mark.scale,
    pytest.mark.skipif(not PAX.is_file(), reason="../shared/data/pax/pax.csv is not present"),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pax-full")
    return pax_project(root, PAX, folders=("ontology", "queries", "data"), into="pax-all.ttl")


@pytest.fixture(scope="module")
def built(project: Path) -> Path:
    return build_project(project, "--no-site")


@pytest.fixture(scope="module")
def triples(built: Path) -> int:
    return len(list(ox.parse(path=built / "conflict-kg.nt")))


@pytest.fixture(scope="module")
def in_process(built: Path, project: Path) -> dict[str, dict[str, object]]:
    return {name: _query(project, name) for name in QUERIES}


@pytest.fixture(scope="module")
def served(project: Path, built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``conflict-kg serve`` on the project; its query endpoint's URL."""
    server_or_skip()
    with serving(project, tmp_path_factory.mktemp("served") / "db") as endpoint:
        yield endpoint


def test_the_full_import_builds_with_the_repository_data(built: Path, triples: int) -> None:
    assert triples > 80_000
    nt = (built / "conflict-kg.nt").read_text(encoding="utf-8")
    assert "\u2028" in nt or "\\u2028" in nt  # 108 literals of pax.csv hold U+2028


def test_every_library_query_through_serve_equals_in_process(
    served: str, triples: int, in_process: dict[str, dict[str, object]], project: Path
) -> None:
    assert count_triples(served, None, timeout=60) == triples
    assert any(row_multiset(r) for r in in_process.values())
    for name in QUERIES:
        remote = _query(project, name, "--endpoint", served)
        assert row_multiset(remote) == row_multiset(in_process[name]), name


def test_publish_into_a_second_server_gives_the_same_triple_count(
    project: Path, triples: int, tmp_path: Path
) -> None:
    server_or_skip()
    with OxigraphServer(location=tmp_path / "published") as server:
        code = main(
            ["--root", str(project), "publish", "--update-endpoint", server.update_url,
             "--endpoint", server.query_url]
        )  # fmt: skip
        assert code == 0
        assert count_triples(server.query_url, None, timeout=60) == triples


@needs_schemas
@pytest.mark.parametrize("view", VIEWS)
def test_dynamic_export_of_every_view_is_valid_gexf(
    project: Path, built: Path, view: str, tmp_path: Path
) -> None:
    out = tmp_path / f"{view}.gexf"
    assert main(["--root", str(project), "export", view, "--dynamic", "-o", str(out)]) == 0
    assert_valid(out, "gexf")
    assert b"<spell" in out.read_bytes() or view == "belligerents", view
