"""A real, non-editable install into a fresh venv uses the packaged resources."""

from __future__ import annotations

import importlib.util
import os
import site
import subprocess
import venv
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_wheel_install_runs_from_empty_directory(tmp_path: Path) -> None:
    if not (REPO / "pyproject.toml").is_file():
        pytest.skip("not running from a source checkout")
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    bindir = target / ("Scripts" if os.name == "nt" else "bin")
    py = bindir / "python"
    # Reuse the running environment's dependencies (rdflib, pyshacl, ...) without
    # copying them: plain paths in a .pth file do not run that environment's hooks.
    purelib = subprocess.check_output(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
    ).strip()
    Path(purelib, "_parent_env.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "CONFLICT_KG_ROOT"}}
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    proc = _run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", *isolation, str(REPO)], tmp_path, env
    )
    assert proc.returncode == 0, proc.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    where = _run(
        [str(py), "-c", "import kg.read.resources as r; print(r.packaged_root())"], empty, env
    )
    bundle = Path(where.stdout.strip())
    assert bundle.name == "_resources" and str(bundle).startswith(str(target)), where
    assert (bundle / "queries" / "README.md").is_file()
    exe = str(bindir / "conflict-kg")
    assert _run([exe, "--help"], empty, env).returncode == 0
    if not (REPO / "ontology" / "conflict.ttl").is_file():
        pytest.skip("no ontology on this branch: the packaged build cannot run")
    assert (bundle / "ontology" / "conflict.ttl").is_file()
    proc = _run([exe, "build", "--out", str(tmp_path / "out")], empty, env)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "conflict-kg.ttl").is_file()
    assert (tmp_path / "out" / "site" / "index.html").is_file()  # templates are packaged
