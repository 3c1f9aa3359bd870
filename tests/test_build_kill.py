"""Issue #14 point 14: a build killed at any point leaves ``--out`` holding the old
outputs or the new, never a mix (the directory is swapped in whole).

A harness runs ``conflict-kg build`` in a child process that SIGKILLs itself at a
chosen point of the output swap (the k-th file written, just before or after the
exchange, during the removal of the old outputs); the scale version adds kills
at random moments, 24 trials in all.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import GOOD_DATA, write_project

from kg.outputs.outdir import recover

CHILD = """
import os, signal, sys
from kg.outputs import outdir
point, nth = sys.argv[3], int(sys.argv[4])
calls = {"n": 0}
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def counted(real):
    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if point == "write" and calls["n"] == nth:
            die()
        return real(*args, **kwargs)
    return wrapper
os.fsync = counted(os.fsync)
real_exchange, real_rmtree = outdir.exchange, outdir.shutil.rmtree
def exchange(a, b):
    if point == "before-swap":
        die()
    done = real_exchange(a, b)
    if point == "after-swap":
        die()
    return done
def rmtree(path, *args, **kwargs):
    if point == "cleanup" and ".new-" in str(path):
        real_rmtree(path, *args, **kwargs) if nth == 0 else None
        die()
    return real_rmtree(path, *args, **kwargs)
outdir.exchange, outdir.shutil.rmtree = exchange, rmtree
from kg.cli.main import main
sys.exit(main(["--root", sys.argv[1], "build", "--out", sys.argv[2]]))
"""

POINTS = [("write", 1), ("write", 6), ("before-swap", 0), ("after-swap", 0), ("cleanup", 1)]


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def comparable(files: dict[str, bytes]) -> dict[str, bytes]:
    """The outputs' bytes; the kept store (a database, not byte-stable) by its stamp's inputs."""
    seen = {name: data for name, data in files.items() if not name.startswith("store/")}
    stamp = json.loads(files["store/stamp.json"])  # a whole store has its stamp
    seen["store/stamp.json"] = json.dumps(stamp["inputs"]).encode()
    return seen


def _setup(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """A project built once (old outputs), then changed; returns the new outputs too."""
    root = write_project(tmp_path / "p")
    out, ref = tmp_path / "out", tmp_path / "ref"
    build = [sys.executable, "-m", "kg", "--root", str(root), "build", "--out"]
    subprocess.run([*build, str(out)], check=True, capture_output=True)
    old = snapshot(out)
    extra = 'id:georgia a <https://w3id.org/conflict-kg/ontology#State> ; rdfs:label "G"@en .\n'
    (root / "data" / "actors.ttl").write_text(GOOD_DATA + extra, encoding="utf-8")
    subprocess.run([*build, str(ref)], check=True, capture_output=True)
    new = snapshot(ref)
    assert old != new
    return root, out, old, new


def _killed(root: Path, out: Path, point: str, nth: int) -> int:
    args = [sys.executable, "-c", CHILD, str(root), str(out), point, str(nth)]
    return subprocess.run(args, capture_output=True, check=False).returncode


def _check(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    seen = comparable(snapshot(out))
    assert seen in (comparable(old), comparable(new)), "a mix of old and new outputs"
    return "old" if seen == comparable(old) else "new"


def _reset(out: Path, files: dict[str, bytes]) -> None:
    """Put the old outputs back (and tidy what a killed build left)."""
    recover(out)
    shutil.rmtree(out, ignore_errors=True)
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)


def test_a_kill_leaves_old_or_new_outputs(tmp_path: Path) -> None:
    root, out, old, new = _setup(tmp_path)
    for point, nth in [("write", 1), ("before-swap", 0), ("after-swap", 0)]:
        _reset(out, old)
        assert _killed(root, out, point, nth) == -signal.SIGKILL
        assert _check(out, old, new) == ("new" if point == "after-swap" else "old")
        recover(out)  # what the next build does first: no hidden sibling is left
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


@pytest.mark.scale
def test_24_kills_never_leave_a_mix(tmp_path: Path) -> None:
    root, out, old, new = _setup(tmp_path)
    outcomes = []
    for point, nth in POINTS * 2:
        _reset(out, old)
        assert _killed(root, out, point, nth) == -signal.SIGKILL
        outcomes.append(_check(out, old, new))
    rng = random.Random(14)
    cmd = [sys.executable, "-m", "kg", "--root", str(root), "build", "--out", str(out)]
    for _ in range(14):
        _reset(out, old)
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 4.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        outcomes.append(_check(out, old, new))
    assert len(outcomes) >= 24 and {"old", "new"} <= set(outcomes)


TERM_CHILD = """
import os, signal, sys
real, sent = os.fsync, []
def fsync(fd):
    real(fd)
    if not sent:  # one `kill PID` while the outputs are written
        sent.append(1)
        os.kill(os.getpid(), signal.SIGTERM)
os.fsync = fsync
from kg.cli.main import main
sys.exit(main(["--root", sys.argv[1], "build", "--out", sys.argv[2]]))
"""


def test_a_terminated_build_removes_its_staging_directory(tmp_path: Path) -> None:
    """SIGTERM while build wrote its outputs left a `.build.new-PID/` directory (3 MB,
    with a database) beside --out; it now unwinds as Ctrl-C does and exits 143."""
    root = write_project(tmp_path / "p", data={"a.ttl": GOOD_DATA})
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-c", TERM_CHILD, str(root), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 143, done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]
