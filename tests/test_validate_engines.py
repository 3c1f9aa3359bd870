"""``validate --engine oxigraph`` reports exactly what the pySHACL reference reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli.main import main

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "fixtures" / "invalid"
SHACL_FIXTURES = sorted(CORPUS.glob("shacl-*.ttl"))


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["--root", str(REPO), "validate", "--no-reasoner", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_engines_agree_on_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    assert report(capsys, "--engine", "oxigraph") == report(capsys, "--engine", "pyshacl")


@pytest.mark.parametrize("fixture", SHACL_FIXTURES, ids=[p.stem for p in SHACL_FIXTURES])
def test_engines_agree_on_each_shacl_fault(
    fixture: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fast = report(capsys, "--engine", "oxigraph", str(fixture))
    reference = report(capsys, "--engine", "pyshacl", str(fixture))
    assert fast == reference
    assert fast[0] == 1 and fast[1]["summary"]["errors"] >= 1


def test_unknown_engine_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--engine", "jena"]) == 2
    assert "invalid choice: 'jena'" in capsys.readouterr().err
