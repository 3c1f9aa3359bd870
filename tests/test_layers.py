"""The architecture of kg/: layers kept and no import cycles (import-linter), a short top level."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kg"


def test_import_contracts_are_kept() -> None:
    """``lint-imports`` reads the contracts of pyproject.toml: layers, and no cycles."""
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(exe).exists():
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    done = subprocess.run(
        [exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout


def test_top_level_shows_the_pipeline() -> None:
    entries = sorted(
        p.name for p in PACKAGE.iterdir() if p.name not in {"__pycache__", "_resources"}
    )
    assert len(entries) <= 10, entries
    for layer in ("read", "check", "views", "outputs", "sparql", "importers", "cli"):
        assert (PACKAGE / layer / "__init__.py").is_file(), layer


def test_every_package_says_its_job() -> None:
    for init in PACKAGE.rglob("__init__.py"):
        if "_resources" in init.parts:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 60, f"{init.relative_to(ROOT)} has no docstring of its job"
