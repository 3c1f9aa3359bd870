"""The pre-commit hook, installed from this repository into a throw-away repository.

``pre-commit try-repo`` builds the hook's environment with pip (from PyPI or
the configured index); when that is impossible (offline) the test is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BAD = REPO / "tests" / "fixtures" / "invalid" / "vocab-misspelt-property.ttl"

pytest.importorskip("pre_commit")
pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def try_repo(cwd: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("CONFLICT_KG_ROOT", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(REPO),
            "conflict-kg-validate",
            "--files",
            *files,
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_hook_fails_on_a_bad_file_and_passes_a_good_one(tmp_path: Path) -> None:
    other = tmp_path / "other-repo"
    other.mkdir()
    git(other, "init", "-q")
    (other / "bad.ttl").write_text(BAD.read_text(encoding="utf-8"), encoding="utf-8")
    (other / "good.ttl").write_text(
        "@prefix id: <https://w3id.org/conflict-kg/id/> .\n", encoding="utf-8"
    )
    git(other, "add", ".")
    home = tmp_path / "pre-commit-home"
    bad = try_repo(other, home, "bad.ttl", "good.ttl")
    if "exit code: 1" not in bad.stdout and "Passed" not in bad.stdout:
        pytest.skip(f"pre-commit could not install the hook (offline?): {bad.stdout[-500:]}")
    assert bad.returncode == 1
    assert "bad.ttl:13:5: error[undeclared-term]: ckg:mediatedby is not declared" in bad.stdout
    assert "1 errors, 0 warnings in 2 files" in bad.stdout
    good = try_repo(other, home, "good.ttl")
    assert good.returncode == 0, good.stdout
    assert "Passed" in good.stdout
