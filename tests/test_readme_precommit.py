"""The pre-commit snippet in the README works as written (issue #13, point 12).

The YAML block after the ``pre-commit-snippet`` marker is copied verbatim into a
throw-away git repository; ``pre-commit run`` must fail on a misspelt term and
pass a good file. The hook is ``language: system``: it runs the ``conflict-kg``
of this environment, so no index is needed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BAD = REPO / "tests" / "fixtures" / "invalid" / "vocab-misspelt-property.ttl"

pytest.importorskip("pre_commit")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
]


def snippet() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- pre-commit-snippet[^>]*-->\s*```yaml\n(.*?)```", text, re.S)
    assert found, "the README has no pre-commit snippet after its marker"
    return found.group(1)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _run(cwd: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("CONFLICT_KG_ROOT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", *files],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_readme_snippet_fails_a_bad_file_and_passes_a_good_one(tmp_path: Path) -> None:
    if shutil.which("conflict-kg", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("conflict-kg is not installed beside this Python")
    other = tmp_path / "other-repo"
    other.mkdir()
    _git(other, "init", "-q")
    (other / ".pre-commit-config.yaml").write_text(snippet(), encoding="utf-8")
    (other / "bad.ttl").write_text(BAD.read_text(encoding="utf-8"), encoding="utf-8")
    (other / "good.ttl").write_text("@prefix id: <https://w3id.org/conflict-kg/id/> .\n")
    _git(other, "add", ".")
    home = tmp_path / "pre-commit-home"
    bad = _run(other, home, "bad.ttl", "good.ttl")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.ttl:13:5: error[undeclared-term]: ckg:mediatedby is not declared" in bad.stdout
    good = _run(other, home, "good.ttl")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
