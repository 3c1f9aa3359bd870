"""One checker for every command: validate, build, publish and serve report the same findings.

Each file of the fault corpus (``tests/fixtures/invalid/``) is put into a copy of the
project's data; ``validate``, ``build``, ``publish`` and ``serve`` then run on it. They must
agree on whether the data fails and on every finding, at the same ``file:line:col``.
``serve`` runs on the first fixture of each kind too: it must stop before any server starts.
"""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

from kg.cli.main import main
from kg.sparql.server import free_port

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "tests" / "fixtures" / "invalid").glob("*.ttl"))
ONE_OF_EACH_KIND = {
    next(p for p in CORPUS if p.stem.startswith(k)) for k in {p.stem.split("-")[0] for p in CORPUS}
}
"""publish and serve run on the first fixture of each kind (syntax, literal, shacl, ...) only."""
REASONING = ("ontology-disjoint-",)
"""Fixtures run with OWL reasoning (the others with ``--reasoner never``, for speed)."""


def project(root: Path, fixture: Path) -> Path:
    for rel in ("ontology", "queries/checks", "data"):
        shutil.copytree(REPO / rel, root / rel)
    shutil.copy(fixture, root / "data" / fixture.name)
    return root


def where(finding: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(finding.get(k) for k in ("file", "line", "column", "code", "severity", "message"))


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fixture", CORPUS, ids=lambda p: p.stem)
def test_validate_build_and_publish_agree(
    fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", fixture)
    fast = [] if fixture.stem.startswith(REASONING) else ["--reasoner", "never"]
    code, out, _ = run(root, capsys, "validate", "--format", "json", *fast)
    validated = json.loads(out)["findings"]
    errors = [f for f in validated if f["severity"] == "error"]
    assert code == (1 if errors else 0)

    out_dir = tmp_path / "out"
    code, out, err = run(root, capsys, "build", "--format", "json", *fast, "--out", str(out_dir))
    if errors:
        assert code == 1 and not out_dir.exists()
        built = json.loads(err[: err.rindex("\nbuild failed")])["findings"]
        assert sorted(map(where, built), key=str) == sorted(map(where, validated), key=str)
    else:
        assert code == 0, err
        warned = sum(f["severity"] == "warning" for f in validated)
        notes = json.loads(out)["notes"]
        assert (f"{warned} warning(s): conflict-kg validate lists them" in notes) == bool(warned)

    if errors and fixture in ONE_OF_EACH_KIND:  # publish stops before it connects to anything
        with socket.create_server(("127.0.0.1", 0)) as listening:  # reachable, never spoken to
            url = f"http://127.0.0.1:{listening.getsockname()[1]}/update"
            code, out, err = run(root, capsys, "publish", "--update-endpoint", url)
        assert code == 1 and out == ""
        for f in validated:
            assert f"{f['file']}:{f['line']}" in err, f
        code, out, err = run(root, capsys, "serve", "--port", str(free_port()))
        assert code == 1 and out == ""  # no server started: its URL is never printed
        for f in validated:
            assert f"{f['file']}:{f['line']}" in err, f
