"""A real, non-editable install into a fresh venv uses the packaged resources."""

from __future__ import annotations

import importlib.util
import os
import site
import subprocess
import sys
import tarfile
import venv
import zipfile
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


def test_build_gives_a_wheel_and_sdist_twine_accepts_that_install_and_build(
    tmp_path: Path,
) -> None:
    """``python -m build`` (the wheel made from the sdist), ``twine check``, then a fresh venv."""
    pytest.importorskip("build")
    pytest.importorskip("twine")
    if not (REPO / "pyproject.toml").is_file():
        pytest.skip("not running from a source checkout")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "CONFLICT_KG_ROOT"}}
    dist = tmp_path / "dist"
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
    made = _run(
        [sys.executable, "-m", "build", *isolation, "--outdir", str(dist), str(REPO)], tmp_path, env
    )
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1
    checked = _run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, [*wheels, *sdists])],
        tmp_path,
        env,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with tarfile.open(sdists[0]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert {
        "LICENSE",
        "CITATION.cff",
        "README.md",
        "ontology/conflict.ttl",
        "hatch_build.py",
    } <= names
    with zipfile.ZipFile(wheels[0]) as wheel:
        inside = set(wheel.namelist())
    assert "kg/_resources/ontology/conflict.ttl" in inside
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith("/LICENSE") for n in inside)
    py, bindir = _fresh_venv(tmp_path / "venv")
    installed = _run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", str(wheels[0])],
        tmp_path,
        env,
    )
    assert installed.returncode == 0, installed.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    built = _run([str(bindir / "conflict-kg"), "build", "--out", str(out)], empty, env)
    assert built.returncode == 0, built.stderr
    assert "using the files packaged with conflict-kg" in built.stderr
    assert (out / "conflict-kg.nt").stat().st_size > 0


def _fresh_venv(target: Path) -> tuple[Path, Path]:
    """A new venv that sees this environment's dependencies (not conflict-kg) via a .pth."""
    venv.EnvBuilder(with_pip=True).create(target)
    bindir = target / ("Scripts" if os.name == "nt" else "bin")
    py = bindir / "python"
    purelib = subprocess.check_output(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
    ).strip()
    paths = [p for p in site.getsitepackages() if not Path(p, "kg").is_dir()]
    paths = paths or site.getsitepackages()
    Path(purelib, "_parent_env.pth").write_text("\n".join(paths) + "\n")
    return py, bindir
